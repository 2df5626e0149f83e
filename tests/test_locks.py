"""Lock files shared by threads and processes (winback.locks): a hold inside a hold of the same thread does not
wait for itself, another thread waits for the holder, and another process cannot take the lock file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from tests.support.import_crash import Say, Wait, fork
from winback import locks


def test_a_hold_inside_a_hold_does_not_wait_and_says_it_is_not_the_first(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with locks.hold(path, 1.0) as first, locks.hold(path, 1.0) as inner, locks.hold(path, 1.0) as innermost:
        assert (first, inner, innermost) == (True, False, False)
    with locks.hold(path, 1.0) as again:
        assert again is True


def test_a_failed_hold_leaves_the_lock_free(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with pytest.raises(RuntimeError), locks.hold(path, 1.0), locks.hold(path, 1.0):
        raise RuntimeError("a write failed")
    with locks.hold(path, 1.0) as first:
        assert first is True


def test_another_thread_waits_until_the_holder_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    order: list[str] = []
    waiting = threading.Event()

    def other() -> None:
        waiting.set()
        with locks.hold(path, 30.0) as first:
            order.append(f"other in, first={first}")

    with locks.hold(path, 30.0):
        thread = threading.Thread(target=other)
        thread.start()
        waiting.wait()
        order.append("holder out")
    thread.join()
    assert order == ["holder out", "other in, first=True"]


def test_another_process_cannot_take_the_lock_file_while_it_is_held(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"

    def try_it(say: Say, _wait: Wait) -> None:
        try:
            with FileLock(path, timeout=0):
                say("took it")
        except Timeout:
            say("busy")

    with locks.hold(path, 1.0), locks.hold(path, 1.0):
        child = fork(try_it)
        assert child.hear() == "busy"
        assert child.finish() == 0
    child = fork(try_it)
    assert child.hear() == "took it"
    assert child.finish() == 0
