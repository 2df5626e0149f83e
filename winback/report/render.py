"""The report's charts as pictures: the app's own Plotly figures drawn by kaleido in the Chromium or Google
Chrome on this computer, all of one report in one browser start, with nothing fetched from the network.

Kaleido's page loads plotly.js from plotly.py's own copy (a file:// address) and no MathJax (``mathjax=False``),
and the browser is started behind a proxy address that goes nowhere, so a request that slipped through would
fail rather than leave the computer. No browser, a failure or a slow start: no pictures (``None``), and the
report keeps every chart's numbers and words.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go

from winback.charts.theme import LOOKS

_log = logging.getLogger(__name__)

WIDTH_PX = 760
# A figure's height when its layout names none (every winback figure names one).
DEFAULT_HEIGHT_PX = 320
SCALE = 2
# The whole drawing, browser start included; beyond it the report goes without pictures.
TIMEOUT_S = 45.0
# A port nothing listens on: Chromium's own requests (updates, safe browsing) fail at once.
NO_PROXY_ANYWHERE = "127.0.0.1:9"
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_FIXED = (
    "/usr/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
_WINDOWS = (r"Google\Chrome\Application\chrome.exe", r"Chromium\Application\chrome.exe")


def find_browser() -> Path | None:
    """Chromium or Google Chrome on this computer: BROWSER_PATH when it names one, else the usual places."""
    named = os.environ.get("BROWSER_PATH")
    candidates: list[str] = [named] if named else []
    candidates += [found for name in _NAMES if (found := shutil.which(name))]
    candidates += list(_FIXED)
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
        candidates += [str(Path(root) / tail) for root in roots if root for tail in _WINDOWS]
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def page_html() -> str:
    """The page kaleido draws in (see the module's words): local scripts only."""
    return _page_generator().generate_index()  # type: ignore[no-any-return]


def _page_generator() -> Any:
    from kaleido._page_generator import PageGenerator

    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return PageGenerator(plotly=(bundled.as_uri(), "utf-8"), mathjax=False)


def on_paper(figure: go.Figure) -> go.Figure:
    """A copy of an app figure for white paper: the light theme's words on white (the app's are see-through)."""
    look = LOOKS["light"]
    copy = go.Figure(figure)
    copy.update_layout(paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", font={"color": look.text})
    return copy


class ChartDrawer:
    """One browser for one report's charts, started on entering so it starts while the sections are built;
    :meth:`draw` waits for it and draws every figure in turn. Closed (and its process ended) on leaving."""

    def __init__(self, browser: Path | None = None, timeout: float = TIMEOUT_S) -> None:
        self._path = browser or find_browser()
        self._timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._opening: Future[Any] | None = None
        self._deadline = 0.0

    def __enter__(self) -> ChartDrawer:
        if self._path is None:
            return self
        # Its own thread and event loop: Streamlit's script thread may not run one.
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="report-charts", daemon=True)
        self._thread.start()
        self._deadline = time.monotonic() + self._timeout
        self._opening = asyncio.run_coroutine_threadsafe(self._open(str(self._path)), self._loop)
        return self

    async def _open(self, path: str) -> Any:
        import kaleido

        drawer = kaleido.Kaleido(
            page_generator=_page_generator(), path=path, timeout=self._timeout, proxy_server=NO_PROXY_ANYWHERE
        )
        await drawer.open()
        return drawer

    def draw(self, figures: Sequence[go.Figure]) -> list[bytes] | None:
        """Each figure as a PNG (``SCALE`` × its size); None when there is no browser, or it failed or was slow."""
        if not figures:
            return []
        if self._opening is None or self._loop is None:
            return None
        papers = [on_paper(f) for f in figures]
        try:
            drawer = self._opening.result(timeout=max(0.1, self._deadline - time.monotonic()))
            job = asyncio.run_coroutine_threadsafe(_draw_all(drawer, papers), self._loop)
            return job.result(timeout=max(0.1, self._deadline - time.monotonic()))
        except Exception:  # any failure: the report goes without pictures
            _log.warning("the report's charts could not be drawn", exc_info=True)
            return None

    def __exit__(self, *_: object) -> None:
        loop, opening = self._loop, self._opening
        if loop is None or opening is None:
            return
        try:
            if opening.done() and opening.exception() is None:
                asyncio.run_coroutine_threadsafe(opening.result().close(), loop).result(timeout=10)
            else:
                opening.cancel()
        except Exception:  # closing a browser that failed: nothing more to do
            _log.warning("the report's browser did not close cleanly", exc_info=True)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=5)
            if not loop.is_running():
                loop.close()


async def _draw_all(drawer: Any, figures: list[go.Figure]) -> list[bytes]:
    out: list[bytes] = []
    for figure in figures:
        height = int(figure.layout.height or DEFAULT_HEIGHT_PX)
        opts = {"format": "png", "width": WIDTH_PX, "height": height, "scale": SCALE}
        out.append(await drawer.calc_fig(figure, opts=opts))
    return out


def render_pngs(
    figures: Sequence[go.Figure], browser: Path | None = None, timeout: float = TIMEOUT_S
) -> list[bytes] | None:
    """Each figure as a PNG, drawn in one browser start; None when it cannot be done."""
    if not figures:
        return []
    with ChartDrawer(browser, timeout) as drawer:
        return drawer.draw(figures)
