"""Installed in a test server before Streamlit starts (``devserver.running(preload=...)`` calls ``install``): the
server's clock stopped at the moment written in the file ``WINBACK_TEST_CLOCK_FILE`` names, and moved whenever a
test writes another moment there (``move``), so a browser test can let minutes pass without waiting for them.
Importing this module changes nothing."""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime
from pathlib import Path

import time_machine

CLOCK_FILE_ENV = "WINBACK_TEST_CLOCK_FILE"
_POLL_SECONDS = 0.05  # time.sleep is the real clock: time-machine leaves it alone


def move(file: Path, to: datetime) -> None:
    """Set the server's clock to ``to`` (an aware moment); the server follows within a moment."""
    temp = file.with_suffix(".tmp")
    temp.write_text(to.isoformat(), encoding="utf-8")
    temp.replace(file)


def install() -> None:
    file = Path(os.environ[CLOCK_FILE_ENV])
    seen = file.read_text(encoding="utf-8")
    traveller = time_machine.travel(datetime.fromisoformat(seen), tick=False).start()

    def follow() -> None:
        nonlocal seen
        while True:
            time.sleep(_POLL_SECONDS)
            text = file.read_text(encoding="utf-8")
            if text != seen:
                traveller.move_to(datetime.fromisoformat(text))
                seen = text

    threading.Thread(target=follow, name="movable-clock", daemon=True).start()
