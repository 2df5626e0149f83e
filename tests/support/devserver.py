"""Start winback (or any Streamlit script) on a free local port: used by browser tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    data_dir: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chromium_path() -> str | None:
    """The system's Chromium, or None to let Playwright use its own browser where one was installed."""
    configured = os.environ.get("WINBACK_CHROMIUM", "")
    for candidate in (configured, *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# Runs Streamlit after two optional steps: the clock frozen at a moment (time-machine, a test dependency) and a
# module imported first (a test's stand-in for part of winback, which the server's runs then use). argv is the
# wall time ("" to leave the clock alone), its zone ("" for the machine's), the module ("" for none) and then
# Streamlit's own arguments.
_LAUNCHER = """
import importlib
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
import time_machine
wall, zone, preload = sys.argv[1:4]
if wall:
    moment = datetime.fromisoformat(wall)
    moment = moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment.astimezone()
    time_machine.travel(moment, tick=False).start()
if preload:
    importlib.import_module(preload).install()
sys.argv = ["streamlit", *sys.argv[4:]]
from streamlit.web.cli import main
main()
"""


@contextmanager
def running(
    script: Path,
    data_dir: Path,
    log: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    frozen_at: tuple[datetime, str] | None = None,
    preload: str | None = None,
) -> Iterator[Server]:
    """Run ``streamlit run script`` until the context ends; ready when /_stcore/health answers ok.

    ``frozen_at`` (a naive wall time and a zone name, "" for the machine's) runs the server with its clock
    stopped there, so a browser test knows exactly what "today" is for the app. ``preload`` names a module whose
    ``install()`` the server calls before it starts (tests/support/failing.py makes a page fail, for the error
    boundary); importing it does nothing, so a test module may import it for its words.
    """
    port = free_port()
    start = [sys.executable, "-m", "streamlit"]
    if frozen_at is not None or preload is not None:
        wall, zone = (frozen_at[0].isoformat(), frozen_at[1]) if frozen_at is not None else ("", "")
        start = [sys.executable, "-c", _LAUNCHER, wall, zone, preload or ""]
    command = [
        *start,
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    environment = {**os.environ, "WINBACK_DATA_DIR": str(data_dir), **(env or {})}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=script.parent, env=environment, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit was not ready after {timeout:.0f}s:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Server(url, process, log, data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
