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
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go

from winback.charts.theme import LOOKS

_log = logging.getLogger(__name__)

WIDTH_PX = 760
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


def render_pngs(
    figures: Sequence[go.Figure], browser: Path | None = None, timeout: float = TIMEOUT_S
) -> list[bytes] | None:
    """Each figure as a PNG (``SCALE`` × its size), drawn in one browser start; None when it cannot be done."""
    if not figures:
        return []
    path = browser or find_browser()
    if path is None:
        return None
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Its own thread and event loop: Streamlit's script thread may not run asyncio.run.
        job = pool.submit(asyncio.run, _draw([on_paper(f) for f in figures], path, timeout))
        try:
            return job.result(timeout=timeout + 5)
        except (FutureTimeout, Exception):  # any failure: the report goes without pictures
            _log.warning("the report's charts could not be drawn", exc_info=True)
            return None


async def _draw(figures: list[go.Figure], browser: Path, timeout: float) -> list[bytes] | None:
    import kaleido

    async def draw_all() -> list[bytes]:
        async with kaleido.Kaleido(
            page_generator=_page_generator(), path=str(browser), timeout=timeout, proxy_server=NO_PROXY_ANYWHERE
        ) as drawer:
            out: list[bytes] = []
            for figure in figures:
                height = int(figure.layout.height or 320)
                opts = {"format": "png", "width": WIDTH_PX, "height": height, "scale": SCALE}
                out.append(await drawer.calc_fig(figure, opts=opts))
            return out

    return await asyncio.wait_for(draw_all(), timeout)
