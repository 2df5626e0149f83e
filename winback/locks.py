"""Lock files shared by threads and processes, re-entrant within a thread.

``filelock`` serialises processes, but its locks are re-entrant only per lock object, and a second object for
the same file in the same process would wait for itself. ``hold`` keeps one re-entrant thread lock per file
and counts how deep the owning thread is in, so only a thread's first hold takes the lock file.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock


@dataclass
class _Hold:
    """This process's hold on one lock file: the lock its threads share, and how deep the owner is in."""

    thread: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0


_guard = threading.Lock()
_holds: dict[str, _Hold] = {}


@contextlib.contextmanager
def hold(path: Path, timeout: float) -> Iterator[bool]:
    """Hold the lock file ``path``; yields True for a thread's first hold, False for a hold inside it.

    Raises ``filelock.Timeout`` when another process kept it longer than ``timeout`` seconds. Another thread of
    this process waits as long as it takes: the thread that holds it is running, not stuck."""
    with _guard:
        held = _holds.setdefault(str(path), _Hold())
    with held.thread:
        if held.depth:
            held.depth += 1
            try:
                yield False
            finally:
                held.depth -= 1
            return
        with FileLock(path, timeout=timeout):
            held.depth = 1
            try:
                yield True
            finally:
                held.depth = 0
