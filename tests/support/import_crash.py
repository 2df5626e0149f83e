"""Forked children that stop at a chosen moment and wait, for killing an import halfway and for a second
server writing the same folder (tests/test_store.py, tests/imports/test_plan.py, the fault suite, page tests).

A child reports over a pipe (``Child.hear``) and, where it must wait, blocks until the test says go
(``Child.tell``), so a test waits on what the child did, never on a time. A forked child keeps the test's
frozen clock, so what it records as "now" is the test's moment.
"""

from __future__ import annotations

import os
import select
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from winback.imports.plan import ImportPlan, apply_plan
from winback.schema import Table
from winback.store import Store

WAIT_SECONDS = 600

Say = Callable[[str], None]
Wait = Callable[[], None]


@dataclass
class Child:
    pid: int
    reports: int
    go: int
    heard: bytes = b""

    def hear(self) -> str:
        """The child's next report; fails if it stopped first."""
        while b"\n" not in self.heard:
            ready, _, _ = select.select([self.reports], [], [], WAIT_SECONDS)
            chunk = os.read(self.reports, 65536) if ready else b""
            if not chunk:
                self.kill()
                raise AssertionError("the child stopped before it said what it did")
            self.heard += chunk
        line, self.heard = self.heard.split(b"\n", 1)
        return line.decode()

    def tell(self) -> None:
        os.write(self.go, b"\n")

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would stop a server."""
        os.kill(self.pid, signal.SIGKILL)
        self.finish()

    def finish(self) -> int:
        """Wait for the child to end; its exit code (or minus the signal that ended it)."""
        _, status = os.waitpid(self.pid, 0)
        for fd in (self.reports, self.go):
            os.close(fd)
        return os.waitstatus_to_exitcode(status)


def fork(body: Callable[[Say, Wait], None]) -> Child:
    """Run ``body(say, wait)`` in a forked child that never returns into the test."""
    reports_out, reports_in = os.pipe()
    go_out, go_in = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reports_out)
        os.close(go_in)
        code = 1
        try:
            body(lambda line: _say(reports_in, line), lambda: _wait(go_out))
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(reports_in)
    os.close(go_out)
    return Child(pid, reports_out, go_in)


def _say(fd: int, line: str) -> None:
    os.write(fd, f"{line}\n".encode())


def _wait(fd: int) -> None:
    if not os.read(fd, 1):
        os._exit(3)  # the test is gone: stop here rather than go on without being told


class _StopsAfter(Store):
    """A store whose import stops after ``tables`` tables are written, says so, and waits to be killed."""

    def __init__(self, store: Store, tables: int, say: Say, wait: Wait) -> None:
        super().__init__(store.folder)
        self._left, self._say, self._wait = tables, say, wait

    def replace_all(self, table: Table | str, frame: pd.DataFrame) -> None:
        super().replace_all(table, frame)
        self._left -= 1
        if self._left == 0:
            self._say("written")
            self._wait()


def start_import(store: Store, plan: ImportPlan, tables: int) -> Child:
    """A child applying ``plan`` that says ``written`` once ``tables`` tables are written, then waits."""

    def body(say: Say, wait: Wait) -> None:
        apply_plan(_StopsAfter(store, tables, say, wait), plan)
        say("finished")

    return fork(body)


def crash_import(store: Store, plan: ImportPlan, tables: int = 1) -> None:
    """Leave the folder as a server killed (SIGKILL) in the middle of an import leaves it: ``tables`` tables
    written, the backup and its manifest still there."""
    child = start_import(store, plan, tables)
    assert child.hear() == "written"
    child.kill()
