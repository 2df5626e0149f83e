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


# Runs Streamlit with the clock frozen at a moment (time-machine, a test dependency): argv is the wall time,
# its zone ("" for the machine's own) and then Streamlit's own arguments.
_FROZEN_LAUNCHER = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
import time_machine
wall = datetime.fromisoformat(sys.argv[1])
moment = wall.replace(tzinfo=ZoneInfo(sys.argv[2])) if sys.argv[2] else wall.astimezone()
time_machine.travel(moment, tick=False).start()
sys.argv = ["streamlit", *sys.argv[3:]]
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
) -> Iterator[Server]:
    """Run ``streamlit run script`` until the context ends; ready when /_stcore/health answers ok.

    ``frozen_at`` (a naive wall time and a zone name, "" for the machine's) runs the server with its clock
    stopped there, so a browser test knows exactly what "today" is for the app.
    """
    port = free_port()
    start = [sys.executable, "-m", "streamlit"]
    if frozen_at is not None:
        start = [sys.executable, "-c", _FROZEN_LAUNCHER, frozen_at[0].isoformat(), frozen_at[1]]
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
