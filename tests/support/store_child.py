"""A separate process that writes one person's folder, for tests/test_store.py.

Modes (``python store_child.py MODE FOLDER ...``):

- ``crash FOLDER SLOW``: print ``started``, then upsert daily_log rows and merge settings forever; after each
  write returns, print what it committed (``row <date> <round>`` or ``settings <round>``). The test kills it
  with SIGKILL. With SLOW=1 every file write goes out in small pieces with pauses, like a slow disk, so the
  kill usually lands while a file is half written.
- ``append FOLDER FIRST COUNT GO_FILE``: print ``ready``, wait until GO_FILE exists, upsert COUNT daily_log
  rows on distinct dates (day FIRST onwards), one call each, then print ``done``.
- ``try-write FOLDER [UID]``: (as user UID, after starting as root) try one upsert and one settings change;
  print a JSON list of the error messages.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from winback.schema import DAILY_LOG
from winback.store import StorageError, Store
from winback.vocab import CONTACTS

BASE_DAY = date(2024, 1, 1)
DAYS_IN_ROTATION = 37
SLOW_CHUNK_CHARACTERS = 1024
SLOW_PAUSE_SECONDS = 0.003


def crash_row(round_number: int) -> dict[str, Any]:
    """The row the crash writer saves in a round: the test recomputes it to check every row on disk."""
    return {
        "date": BASE_DAY + timedelta(days=round_number % DAYS_IN_ROTATION),
        "mood": round_number % 5 + 1,
        "missing_ex": round_number % 11,
        "contact": CONTACTS[round_number % len(CONTACTS)],
        "activities": ("walk", f"r{round_number}"),
        "note": f'round {round_number}, "quoted"\n=SUM(A1) ' + "é" * (round_number * 37 % 1500),
    }


def append_row(day_number: int) -> dict[str, Any]:
    return {
        "date": BASE_DAY + timedelta(days=day_number),
        "mood": day_number % 5 + 1,
        "missing_ex": day_number % 11,
        "contact": "none",
        "activities": (),
        "note": f"day {day_number}",
    }


class _SlowWrites:
    """A file whose writes reach the disk a piece at a time."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, text: Any) -> int:
        for start in range(0, len(text), SLOW_CHUNK_CHARACTERS):
            self._handle.write(text[start : start + SLOW_CHUNK_CHARACTERS])
            self._handle.flush()
            time.sleep(SLOW_PAUSE_SECONDS)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _SlowWrites:
        return self

    def __exit__(self, *exc: object) -> Any:
        return self._handle.__exit__(*exc)


def _slow_down_writes() -> None:
    # os.fdopen, Path.open and Path.write_text go through io.open; open() is the same function under another name.
    real_open = io.open

    def slow_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return _SlowWrites(handle) if any(flag in mode for flag in "wax+") else handle

    io.open = builtins.open = slow_open


def crash(folder: Path, slow: bool) -> None:
    if slow:
        _slow_down_writes()
    store = Store(folder)
    print("started", flush=True)
    round_number = 0
    while True:
        row = crash_row(round_number)
        store.upsert(DAILY_LOG, [row])
        print(f"row {row['date'].isoformat()} {round_number}", flush=True)
        if round_number % 4 == 0:
            store.write_settings({"round": round_number, f"key{round_number % 7}": "x" * (round_number % 300)})
            print(f"settings {round_number}", flush=True)
        round_number += 1


def append(folder: Path, first: int, count: int, go_file: Path) -> None:
    store = Store(folder)
    print("ready", flush=True)
    give_up = time.monotonic() + 120
    while not go_file.exists():
        if time.monotonic() > give_up:
            raise SystemExit("no go file after 120 s")
        time.sleep(0.001)
    for day_number in range(first, first + count):
        replaced = store.upsert(DAILY_LOG, [append_row(day_number)])
        if replaced != [False]:
            raise SystemExit(f"day {day_number} was already there: {replaced}")
    print("done", flush=True)


def try_write(folder: Path, uid: int | None) -> None:
    if uid is not None:
        # Drop root only now: this Python lives under /root, where the other user may not start it.
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    store = Store(folder)
    errors: list[str] = []
    for attempt in (
        lambda: store.upsert(DAILY_LOG, [append_row(999)]),
        lambda: store.write_settings({"tried": True}),
    ):
        try:
            attempt()
        except StorageError as error:
            errors.append(str(error))
    print(json.dumps(errors), flush=True)


def main(argv: list[str]) -> None:
    mode, folder = argv[1], Path(argv[2])
    if mode == "crash":
        crash(folder, slow=argv[3] == "1")
    elif mode == "append":
        append(folder, int(argv[3]), int(argv[4]), Path(argv[5]))
    elif mode == "try-write":
        try_write(folder, int(argv[3]) if len(argv) > 3 else None)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv)
