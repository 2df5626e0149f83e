"""The storage guarantees of SPEC §7 and §10 that winback.store keeps, proved with real files, real processes
and real kills.

Each group below is one guarantee: atomic writes under kill -9, the lock across threads and processes, no
write over an import that is running or that a crash stopped, bad rows kept aside by the next write, failed
writes leaving the old file, caching on the file's identity, and typed values written and read back through
the folder.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.imports.helpers import backups, files, two_people
from tests.support.import_crash import crash_import, start_import
from tests.support.store_child import append_row, crash_row
from tests.support.table_files import (
    BAD_ROWS,
    HEADER,
    NOTES,
    a_row,
    dates,
    file_with_bad_rows,
    rejected_rows,
    write_bytes,
)
from winback import atomic
from winback import store as store_module
from winback.csvcodec import parse_table
from winback.schema import (
    CHECKINS,
    DAILY_LOG,
    QUIZ_ANSWERS,
    QUIZ_ATTEMPTS,
    RECONNECT,
    SETTINGS_FILE,
)
from winback.store import TEMP_SUFFIX, StorageError, Store, clear_cache, parse_count
from winback.vocab import CONTACTS

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).resolve().parent / "support" / "store_child.py"


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


@contextlib.contextmanager
def child_process(args: list[str], stderr_log: Path) -> Iterator[subprocess.Popen[str]]:
    """tests/support/store_child.py with these arguments; killed by its own id if still running at the end."""
    with stderr_log.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=stderr, text=True, env=child_env()
        )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)) if folder.exists() else []


# Atomic writes under kill -9.

KILL_RUNS = 24


@dataclass
class KillRun:
    index: int
    slow_disk: bool
    delay: float
    rows_committed: int = 0
    temps_before_sweep: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _kill_writer_once(index: int, folder: Path, stderr_log: Path) -> KillRun:
    rng = random.Random(index)
    # Every sixth run is killed almost at once, often inside the very first write; the others once the writer
    # has saved a first row (however long that takes on a busy machine), at a random moment after it.
    at_once = index % 6 == 0
    run = KillRun(index, slow_disk=index % 2 == 0, delay=rng.uniform(0, 0.03) if at_once else rng.uniform(0.0, 0.5))
    lines: list[str] = []
    with child_process(["crash", str(folder), "1" if run.slow_disk else "0"], stderr_log) as child:
        assert child.stdout is not None
        if child.stdout.readline() != "started\n":
            run.failures.append(f"run {index}: the writer did not start: {stderr_log.read_text()[-2000:]}")
            return run
        while not at_once and not (lines and lines[-1].startswith("row ")):
            line = child.stdout.readline()
            if not line:
                run.failures.append(f"run {index}: the writer stopped before saving: {stderr_log.read_text()[-2000:]}")
                return run
            lines.append(line)
        reader = threading.Thread(target=lambda: lines.extend(child.stdout or ()))
        reader.start()
        time.sleep(run.delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reader.join()
    if child.returncode != -signal.SIGKILL:
        run.failures.append(f"run {index}: the writer stopped by itself ({child.returncode}): {stderr_log.read_text()}")
        return run

    last_round_by_day: dict[str, int] = {}
    last_settings_round = -1
    for line in lines:
        kind, *rest = line.split()
        if kind == "row":
            last_round_by_day[rest[0]] = int(rest[1])
            run.rows_committed += 1
        elif kind == "settings":
            last_settings_round = int(rest[0])
    last_round = max(last_round_by_day.values(), default=-1)
    where = f"run {index} (slow disk {run.slow_disk}, killed after {run.delay:.3f} s, {run.rows_committed} rows saved)"

    table_path = folder / DAILY_LOG.filename
    on_disk: dict[str, int] = {}
    if table_path.exists():
        data = parse_table(DAILY_LOG, table_path.read_bytes())
        if data.problems:
            run.failures.append(f"{where}: daily_log.csv has problems: {[p.describe() for p in data.problems]}")
        for record in data.frame.to_dict("records"):
            round_number = int(next(a for a in record["activities"] if a.startswith("r"))[1:])
            expected = crash_row(round_number)
            record["date"] = record["date"].date()
            if record != expected:
                run.failures.append(f"{where}: a row on disk is not what round {round_number} wrote: {record!r}")
            if round_number > last_round + 1:
                run.failures.append(f"{where}: round {round_number} is on disk but only {last_round} had started")
            on_disk[record["date"].isoformat()] = round_number
    for day, round_number in last_round_by_day.items():
        if on_disk.get(day, -1) < round_number:
            run.failures.append(f"{where}: {day} from round {round_number} was saved, the file has {on_disk.get(day)}")

    settings_path = folder / SETTINGS_FILE
    if settings_path.exists():
        try:
            saved = json.loads(settings_path.read_text(encoding="utf-8"))
        except ValueError as error:
            run.failures.append(f"{where}: settings.json is damaged: {error}")
        else:
            if saved.get("round", -1) < last_settings_round:
                run.failures.append(f"{where}: settings round {last_settings_round} was saved, the file has {saved}")
    elif last_settings_round >= 0:
        run.failures.append(f"{where}: settings round {last_settings_round} was saved but settings.json is missing")

    # The next writer sweeps what the killed one left, and nothing was ever set aside as unreadable.
    run.temps_before_sweep = temp_files(folder)
    store = Store(folder)
    store.upsert(DAILY_LOG, [crash_row(last_round + 1)])
    store.write_settings({"after": True})
    if leftovers := temp_files(folder):
        run.failures.append(f"{where}: temporary files remain after the next write: {leftovers}")
    if any(folder.glob("*.rejected.*")):
        run.failures.append(f"{where}: rows were set aside as unreadable: {sorted(folder.glob('*.rejected.*'))}")
    if store.read(DAILY_LOG).problems:
        run.failures.append(f"{where}: problems after the next write: {store.read(DAILY_LOG).problems}")
    return run


@pytest.mark.faults
def test_kill_9_during_writes_never_leaves_a_damaged_or_incomplete_file(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(
            pool.map(
                lambda i: _kill_writer_once(i, tmp_path / f"person{i}", tmp_path / f"writer{i}.log"), range(KILL_RUNS)
            )
        )
    failures = [failure for run in runs for failure in run.failures[:5]]
    damaged = sum(1 for run in runs if run.failures)
    assert not failures, f"{damaged} of {KILL_RUNS} kill -9 runs left a damaged folder:\n" + "\n".join(failures)
    waited = [run for run in runs if run.index % 6]
    assert all(run.rows_committed >= 1 for run in waited), "a writer killed after its first save saved nothing"
    # Guards the test itself: if no kill ever hit a half-written temporary file, atomicity was not exercised.
    mid_write = [run.index for run in runs if run.temps_before_sweep]
    assert mid_write, f"none of the {KILL_RUNS} kills landed in the middle of a write"


# The lock: 8 threads and 2 processes.

PER_WRITER, THREADS, PROCESSES = 25, 8, 2


@pytest.mark.faults
def test_eight_threads_and_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    folder, go_file = tmp_path / "person", tmp_path / "go"
    replaced: list[bool] = []
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS + 1)

    def write_days(n: int) -> None:
        store = Store(folder)  # one Store per thread, like one per browser session
        start.wait()
        try:
            for day_number in range(n * PER_WRITER, (n + 1) * PER_WRITER):
                replaced.extend(store.upsert(DAILY_LOG, [append_row(day_number)]))
        except BaseException as error:
            errors.append(error)

    with contextlib.ExitStack() as stack:
        # Threads take days 0…199, the processes the days after; all start when go_file appears.
        logs = [tmp_path / f"child{n}.log" for n in range(PROCESSES)]
        firsts = [(THREADS + n) * PER_WRITER for n in range(PROCESSES)]
        children = [
            stack.enter_context(child_process(["append", str(folder), str(first), str(PER_WRITER), str(go_file)], log))
            for first, log in zip(firsts, logs, strict=True)
        ]
        for child, log in zip(children, logs, strict=True):
            assert child.stdout is not None
            assert child.stdout.readline() == "ready\n", log.read_text()
        threads = [threading.Thread(target=write_days, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        go_file.touch()
        start.wait()
        for thread in threads:
            thread.join()
        for child, log in zip(children, logs, strict=True):
            out, _ = child.communicate(timeout=240)
            assert child.returncode == 0 and out.endswith("done\n"), log.read_text()
    assert not errors, errors
    assert replaced == [False] * (THREADS * PER_WRITER)

    total = (THREADS + PROCESSES) * PER_WRITER
    on_disk = parse_table(DAILY_LOG, (folder / DAILY_LOG.filename).read_bytes())
    assert on_disk.problems == ()
    assert len(on_disk.frame) == total, f"{total - len(on_disk.frame)} of {total} writes were lost"
    expected = {append_row(n)["date"]: append_row(n)["note"] for n in range(total)}
    assert dict(zip(dates(on_disk.frame), on_disk.frame["note"], strict=True)) == expected
    assert len(Store(folder).read(DAILY_LOG).frame) == total
    assert temp_files(folder) == []


# No write lands on half an import: every writer holds the folder's import lock, and the first undoes an
# import that a crash stopped.


def test_a_write_after_a_crashed_import_undoes_the_import_first(tmp_path: Path) -> None:
    store, plan, before = two_people(tmp_path)
    crash_import(store, plan, tables=1)
    assert files(store.folder)["daily_log.csv"] != before["daily_log.csv"]  # the import's first table is written
    row = a_row(date(2027, 1, 1))
    Store(store.folder).upsert(DAILY_LOG, [row])
    clear_cache()
    after = files(store.folder)
    assert {n: after[n] for n in before if n != "daily_log.csv"} == {
        n: b for n, b in before.items() if n != "daily_log.csv"
    }
    written = store.read(DAILY_LOG).frame
    earlier = parse_table(DAILY_LOG, before["daily_log.csv"]).frame
    assert written[written["date"] != pd.Timestamp(row["date"])].reset_index(drop=True).equals(earlier)
    assert backups(store.folder) == []


def test_no_write_runs_while_an_import_is_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, plan, before = two_people(tmp_path)
    importing = start_import(store, plan, tables=1)
    try:
        assert importing.hear() == "written"
        # The import waits halfway with the import lock held; a save gives up after its (shortened) wait.
        monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.2)
        with pytest.raises(StorageError, match="kept it busy"):
            Store(store.folder).upsert(DAILY_LOG, [a_row(date(2027, 1, 1))])
        with pytest.raises(StorageError, match="kept it busy"):
            Store(store.folder).write_settings({"country": "GB"})
    finally:
        importing.kill()
    assert files(store.folder)["settings.json"] == before["settings.json"]
    Store(store.folder).upsert(DAILY_LOG, [a_row(date(2027, 1, 1))])
    assert backups(store.folder) == []


def test_the_import_lock_is_reentrant_within_a_thread(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.exclusive(), store.exclusive():
        store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1))])
        store.write_settings({"country": "GB"})
    assert len(store.read(DAILY_LOG).frame) == 1


def test_files_lists_the_copies_and_the_notice_an_undone_import_leaves(tmp_path: Path) -> None:
    for name in ("daily_log.before-import.csv", "settings.before-import.json", ".import-undone.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "daily_log.before-import.csv.bak").write_text("not winback's", encoding="utf-8")
    assert [p.name for p in Store(tmp_path).files()] == [
        ".import-undone.json",
        "daily_log.before-import.csv",
        "settings.before-import.json",
    ]


# Rows that cannot be read are kept aside by the next write, and so is a damaged settings file.


def test_bad_rows_are_kept_aside_with_their_text_by_the_next_write(tmp_path: Path) -> None:
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", file_with_bad_rows().encode())
    assert store.upsert(DAILY_LOG, [a_row(date(2026, 2, 1))]) == [False]
    kept = rejected_rows(store)
    assert {int(r["line"]): r["row"] for r in kept} == {line: raw for line, (raw, _) in BAD_ROWS.items()}
    assert all(BAD_ROWS[int(r["line"])][1] in r["problem"] for r in kept)
    after = store.read(DAILY_LOG)
    assert after.problems == ()
    assert len(after.frame) == 4
    store.upsert(DAILY_LOG, [a_row(date(2026, 2, 2))])
    assert len(rejected_rows(store)) == len(BAD_ROWS), "rows were set aside twice"


def test_damaged_settings_are_kept_aside_before_being_replaced(tmp_path: Path) -> None:
    write_bytes(tmp_path, SETTINGS_FILE, b'{"country": "UK", ')
    store = Store(tmp_path)
    values, problems = store.read_settings()
    assert values == {}
    assert "not valid JSON" in problems[0].message
    assert store.write_settings({"country": "US"}) == {"country": "US"}
    assert (tmp_path / "settings.rejected.json").read_text() == '{"country": "UK", '


# A failed write leaves the old file.


def _raise_disk_full(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def _is_folder(fd: int) -> bool:
    return stat.S_ISDIR(os.fstat(fd).st_mode)


class _FillsUp:
    """A file that takes a little text, then reports a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, text: str) -> int:
        self._handle.write(text[:10])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> Any:
        return self._handle.__exit__(*exc)


def _break_disk(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "creating the temporary file":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _raise_disk_full)
    elif where == "writing":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FillsUp(real_fdopen(*a, **k)))
    elif where == "syncing the file":
        real_fsync = os.fsync
        monkeypatch.setattr(os, "fsync", lambda fd: real_fsync(fd) if _is_folder(fd) else _raise_disk_full())
    elif where == "replacing":
        monkeypatch.setattr(os, "replace", _raise_disk_full)
    else:
        raise AssertionError(where)


OPERATIONS: dict[str, Callable[[Store], object]] = {
    "upsert": lambda store: store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), mood=5), a_row(date(2026, 1, 9))]),
    "delete": lambda store: store.delete(DAILY_LOG, [(date(2026, 1, 2),)]),
    "replace_all": lambda store: store.replace_all(DAILY_LOG, store.read(DAILY_LOG).frame.iloc[:1]),
    "write_settings": lambda store: store.write_settings({"country": "US"}),
}


@pytest.fixture
def saved_folder(tmp_path: Path) -> Iterator[tuple[Store, dict[str, bytes]]]:
    store = Store(tmp_path / "person")
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1)), a_row(date(2026, 1, 2), note="keep, me")])
    store.write_settings({"country": "UK"})
    before = {p.name: p.read_bytes() for p in store.files() if not p.name.endswith(".lock")}
    yield store, before


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("where", ["creating the temporary file", "writing", "syncing the file", "replacing"])
def test_a_full_disk_leaves_every_file_as_it_was(
    saved_folder: tuple[Store, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, operation: str, where: str
) -> None:
    store, before = saved_folder
    old_frame = store.read(DAILY_LOG).frame
    _break_disk(monkeypatch, where)
    with pytest.raises(StorageError) as failure:
        OPERATIONS[operation](store)
    message = str(failure.value)
    assert "the disk is full" in message
    assert "Nothing was changed" in message
    after = {p.name: p.read_bytes() for p in store.files() if not p.name.endswith(".lock")}
    assert after == before
    assert temp_files(store.folder) == []
    pd.testing.assert_frame_equal(store.read(DAILY_LOG).frame, old_frame)
    monkeypatch.undo()
    OPERATIONS[operation](store)  # the lock was let go, and the same write now works


def test_a_folder_that_cannot_be_synced_still_saves_or_changes_nothing(
    saved_folder: tuple[Store, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Syncing the folder comes after os.replace: an error then must not claim that nothing changed.
    store, before = saved_folder
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: _raise_disk_full() if _is_folder(fd) else real_fsync(fd))
    try:
        store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), mood=5)])
    except StorageError:
        assert (store.folder / "daily_log.csv").read_bytes() == before["daily_log.csv"], "it said nothing changed"
    else:
        clear_cache()
        assert store.read(DAILY_LOG).frame["mood"].tolist() == [5, 3]
    assert temp_files(store.folder) == []


def _make_read_only_folder(folder: Path) -> dict[str, bytes]:
    store = Store(folder)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note="old")])
    store.write_settings({"country": "UK"})
    # Without its lock file, saving settings fails when it takes the lock; daily_log fails at its temporary file.
    (folder / f"{SETTINGS_FILE}.lock").unlink(missing_ok=True)
    return {p.name: p.read_bytes() for p in store.files() if not p.name.endswith(".lock")}


def _assert_read_only_refusals(folder: Path, before: dict[str, bytes], errors: list[str]) -> None:
    assert len(errors) == 2, errors
    for message in errors:
        assert "may not write in that folder" in message, message
        assert "Nothing was changed" in message, message
    assert {p.name: p.read_bytes() for p in Store(folder).files() if not p.name.endswith(".lock")} == before
    assert temp_files(folder) == []


def test_read_only_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # chmod does not stop root from writing, so the writer runs as user nobody instead.
        _read_only_folder_as_another_user()
        return
    folder = tmp_path / "person"
    before = _make_read_only_folder(folder)
    clear_cache()
    folder.chmod(0o555)
    try:
        store = Store(folder)
        errors = []
        for attempt in (
            lambda: store.upsert(DAILY_LOG, [a_row(date(2026, 1, 2))]),
            lambda: store.write_settings({"tried": True}),
        ):
            with pytest.raises(StorageError) as failure:
                attempt()
            errors.append(str(failure.value))
        assert store.read(DAILY_LOG).frame["note"].tolist() == ["old"]
    finally:
        folder.chmod(0o755)
    _assert_read_only_refusals(folder, before, errors)


def _read_only_folder_as_another_user() -> None:
    """The real thing as root: the writer switches to user nobody, for whom the folder is read-only."""
    nobody = 65534
    outer = Path(tempfile.mkdtemp(prefix="winback-readonly-"))  # under /tmp, so nobody can reach it
    try:
        outer.chmod(0o755)
        folder = outer / "person"
        before = _make_read_only_folder(folder)
        for path in [folder, *folder.iterdir()]:
            os.chown(path, nobody, nobody)
        folder.chmod(0o555)
        result = subprocess.run(
            [sys.executable, str(CHILD), "try-write", str(folder), str(nobody)],
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        _assert_read_only_refusals(folder, before, json.loads(result.stdout))
    finally:
        shutil.rmtree(outer, ignore_errors=True)


def test_the_next_write_sweeps_every_kind_of_stale_temporary_file(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1))])
    stale = [
        ".daily_log.csv.k1llEd.tmp",
        ".daily_log.rejected.csv.k1llEd.tmp",
        ".settings.json.k1llEd.tmp",
        ".settings.rejected.json.k1llEd.tmp",
    ]
    for name in stale:
        write_bytes(tmp_path, name, b"half a fi")
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 2))])
    assert temp_files(tmp_path) == stale[2:]
    store.write_settings({"country": "UK"})
    assert temp_files(tmp_path) == []
    for name in stale:
        write_bytes(tmp_path, name, b"half a fi")
    store.sweep_all()
    assert temp_files(tmp_path) == []


# Caching on the file's identity.


def test_an_unchanged_file_is_parsed_once(tmp_path: Path) -> None:
    Store(tmp_path).upsert(DAILY_LOG, [a_row(date(2026, 1, 1))])
    path = tmp_path / "daily_log.csv"
    assert parse_count(path) == 0, "the write itself should have cached what it wrote"
    clear_cache()
    first = Store(tmp_path).read(DAILY_LOG)
    second = Store(tmp_path).read(DAILY_LOG)  # a rerun makes a new Store on the same folder
    assert parse_count(path) == 1
    pd.testing.assert_frame_equal(first.frame, second.frame)


def test_a_change_by_another_program_is_picked_up(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), mood=3)])
    path = tmp_path / "daily_log.csv"
    assert store.read(DAILY_LOG).frame["mood"].tolist() == [3]

    with open(path, "a", encoding="utf-8") as handle:  # a longer file
        handle.write("2026-01-02,4,4,none,,added elsewhere\n")
    assert store.read(DAILY_LOG).frame["note"].tolist() == ["", "added elsewhere"]

    # The same size, in place: only the modification time tells. A rewrite within one tick of the file
    # system's clock after a read would go unseen, which is the known limit of caching on identity; the
    # rewrite here sets a later time itself rather than waiting for the clock to tick.
    before = path.stat().st_mtime_ns
    with open(path, "r+", encoding="utf-8") as handle:
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("2026-01-01,3", "2026-01-01,5"))
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))
    assert store.read(DAILY_LOG).frame["mood"].tolist() == [5, 4]
    assert parse_count(path) == 2


def test_the_folder_is_part_of_the_cache_key(tmp_path: Path) -> None:
    one, two = Store(tmp_path / "one"), Store(tmp_path / "two")
    text = (HEADER + "2026-01-01,3,4,none,,same\n").encode()
    for store in (one, two):
        path = write_bytes(store.folder, "daily_log.csv", text)
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert one.read(DAILY_LOG).frame["note"].tolist() == ["same"]
    assert two.read(DAILY_LOG).frame["note"].tolist() == ["same"]
    assert parse_count(one.path(DAILY_LOG)) == 1
    assert parse_count(two.path(DAILY_LOG)) == 1
    one.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note="only in one")])
    assert two.read(DAILY_LOG).frame["note"].tolist() == ["same"]
    assert one.read(DAILY_LOG).frame["note"].tolist() == ["only in one"]


def test_changing_a_frame_that_was_read_does_not_change_the_cache(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note="as saved")])
    frame = store.read(DAILY_LOG).frame
    frame.loc[0, "note"] = "changed by a page"
    frame["mood"] = 1
    again = store.read(DAILY_LOG).frame
    assert again["note"].tolist() == ["as saved"]
    assert again["mood"].tolist() == [3]


# Typed values written and read back.


def test_upsert_then_read_returns_the_same_typed_values(tmp_path: Path) -> None:
    store = Store(tmp_path)
    rows = [
        {
            "date": date(2026, 1, 1 + n),
            "mood": n % 5 + 1,
            "missing_ex": n,
            "contact": CONTACTS[n % 4],
            "activities": ("walk", "read") if n % 2 else (),
            "note": note,
        }
        for n, note in enumerate(NOTES)
    ]
    assert store.upsert(DAILY_LOG, rows) == [False] * len(rows)
    cached = store.read(DAILY_LOG).frame
    clear_cache()
    fresh = store.read(DAILY_LOG).frame
    pd.testing.assert_frame_equal(cached, fresh)  # what the write cached is what a fresh read parses
    for frame in (cached, fresh):
        records = frame.to_dict("records")
        for record in records:
            record["date"] = record["date"].date()
        assert records == rows
        assert all(type(r["mood"]) is int and type(r["activities"]) is tuple for r in records)


def test_upserting_an_existing_key_replaces_it(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note="first")])
    assert store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), mood=5, note="second")]) == [True]
    assert store.upsert(DAILY_LOG, [a_row(date(2026, 1, 2)), a_row(date(2026, 1, 1), mood=1)]) == [False, True]
    frame = store.read(DAILY_LOG).frame
    assert dates(frame) == [date(2026, 1, 1), date(2026, 1, 2)]
    assert frame["mood"].tolist() == [1, 3]
    assert frame["note"].tolist() == ["", ""]


def test_other_tables_round_trip_bools_times_multi_values_and_composite_keys(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(
        RECONNECT,
        [
            {
                "entry_id": "e1",
                "date": date(2026, 2, 1),
                "who": "me",
                "channel": "text",
                "tone": "friendly",
                "calm_and_kind": True,
                "meeting_planned": False,
                "note": 'said "sorry", meant it',
            }
        ],
    )
    store.upsert(
        CHECKINS,
        [
            {
                "week": "2026-W05",
                "date": date(2026, 2, 1),
                "wellbeing": 64,
                "self_worth": 70,
                "wellbeing_items": ("3", "4", "2"),
                "self_worth_items": ("5",),
            }
        ],
    )
    taken = datetime(2026, 2, 1, 20, 15, 0)
    attempt = {"attempt_id": "a1", "taken_at": taken, "quiz_version": "1", "worth": 55, "tier": "caution"}
    store.upsert(QUIZ_ATTEMPTS, [{**attempt, "verdict": "wait"}])
    answers = [{"attempt_id": "a1", "question_id": f"q{n}", "option_id": "o1"} for n in range(3)]
    assert store.upsert(QUIZ_ANSWERS, answers) == [False] * 3
    assert store.upsert(QUIZ_ANSWERS, [{"attempt_id": "a1", "question_id": "q1", "option_id": "o2"}]) == [True]
    clear_cache()

    reconnect = store.read(RECONNECT).frame.iloc[0]
    assert (bool(reconnect["calm_and_kind"]), bool(reconnect["meeting_planned"])) == (True, False)
    assert reconnect["note"] == 'said "sorry", meant it'
    checkin = store.read(CHECKINS).frame.iloc[0]
    assert (checkin["wellbeing_items"], checkin["self_worth_items"], checkin["wellbeing"]) == (
        ("3", "4", "2"),
        ("5",),
        64,
    )
    assert store.read(QUIZ_ATTEMPTS).frame.iloc[0]["taken_at"] == pd.Timestamp(taken)
    quiz = store.read(QUIZ_ANSWERS).frame
    assert quiz["option_id"].tolist() == ["o1", "o2", "o1"]
    assert all(not store.read(t).problems for t in (RECONNECT, CHECKINS, QUIZ_ATTEMPTS, QUIZ_ANSWERS))


def test_delete_and_replace_all(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, d)) for d in (1, 2, 3)])
    assert store.delete(DAILY_LOG, [(date(2026, 1, 2),), (date(2026, 1, 9),)]) == 1
    assert dates(store.read(DAILY_LOG).frame) == [date(2026, 1, 1), date(2026, 1, 3)]
    store.replace_all(DAILY_LOG, store.read(DAILY_LOG).frame.iloc[::-1])
    clear_cache()
    assert dates(store.read(DAILY_LOG).frame) == [date(2026, 1, 1), date(2026, 1, 3)]


@pytest.mark.parametrize("note", ["nul \x00 inside", "half \ud800 of a pair"], ids=["nul", "lone-surrogate"])
def test_a_row_that_would_not_read_back_is_a_storage_error_that_quotes_nothing(tmp_path: Path, note: str) -> None:
    store = Store(tmp_path)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note="old")])
    before = (tmp_path / "daily_log.csv").read_bytes()
    attempts: list[Callable[[], object]] = [lambda: store.upsert(DAILY_LOG, [a_row(date(2026, 1, 2), note=note)])]
    if "\x00" in note:  # a frame cannot even hold a lone surrogate
        attempts.append(lambda: store.replace_all(DAILY_LOG, store.read(DAILY_LOG).frame.assign(note=[note])))
    for attempt in attempts:
        with pytest.raises(StorageError) as refused:
            attempt()
        assert str(refused.value) == (
            "Could not save daily_log.csv: something in it would not read back exactly as it was entered. "
            "Nothing was changed; your earlier data is as it was."
        )
    assert (tmp_path / "daily_log.csv").read_bytes() == before
    assert temp_files(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(StorageError, match="a file is in the way where a folder should be"):
        Store(tmp_path / "taken" / "person").upsert(DAILY_LOG, [a_row(date(2026, 1, 1))])
    with pytest.raises(StorageError, match="a file is in the way where a folder should be"):
        Store(tmp_path / "taken").write_settings({"country": "uk"})
