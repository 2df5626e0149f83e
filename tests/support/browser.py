"""Driving winback in Chromium: wait for the server's runs themselves, never for a length of time.

Streamlit tells the browser that a run of the page script has ended with a ``script_finished`` message on
its websocket. ``watch(page)`` counts those messages; ``visit`` and ``rerun`` wait until one arrives after
the navigation or action they wrap. The listener is in place before the action, so a run that finishes
quickly is never missed, and a slow machine only makes the wait longer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from playwright.sync_api import Browser, Locator, Page, ViewportSize, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from winback.ui.state import PROGRESS_VIEW

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RUN_TIMEOUT_S = 60.0
# A run stopped so that another can start is not an end: the run after it is.
_NOT_AN_END = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


@dataclass
class Runs:
    """How many runs of the page script the server has finished for one tab (over all its websockets)."""

    finished: int = 0
    socket: WebSocket | None = None

    def frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:  # another kind of frame than a ForwardMsg: not an end of a run
            return
        if message.WhichOneof("type") == "script_finished" and message.script_finished != _NOT_AN_END:
            self.finished += 1


_RUNS: WeakKeyDictionary[Page, Runs] = WeakKeyDictionary()


def watch(page: Page) -> Page:
    """Start counting the page's finished runs; call it before the page opens winback."""
    if page not in _RUNS:
        runs = Runs()

        def opened(socket: WebSocket) -> None:
            if "/_stcore/stream" in socket.url:
                runs.socket = socket
                socket.on("framereceived", runs.frame)

        page.on("websocket", opened)
        _RUNS[page] = runs
    return page


def new_page(browser: Browser, **context: Any) -> Page:
    """A watched tab in a context of its own (viewport, colour scheme…); closing the page's context ends it."""
    return watch(browser.new_context(**context).new_page())


def wait_for_run(page: Page, after: int, timeout: float = RUN_TIMEOUT_S) -> None:
    """Wait until the server has finished a run after the ``after``-th, and the page shows it as settled."""
    runs = _RUNS[page]
    if runs.finished <= after:
        assert runs.socket is not None, "the page has not connected to winback"
        # Frames reach the counter first (it was registered first), so the predicate sees the new count.
        runs.socket.wait_for_event(
            "framereceived", predicate=lambda _frame: runs.finished > after, timeout=timeout * 1000
        )
    page.wait_for_selector(SETTLED, timeout=timeout * 1000)


def visit(page: Page, url: str) -> None:
    """Open ``url`` and wait until its first run has finished."""
    before = _RUNS[page].finished
    with page.expect_websocket(lambda socket: "/_stcore/stream" in socket.url, timeout=RUN_TIMEOUT_S * 1000):
        page.goto(url)
    wait_for_run(page, before)


@contextmanager
def rerun(page: Page) -> Iterator[None]:
    """Wrap an action that makes the page run again; on leaving, that run has finished."""
    before = _RUNS[page].finished
    yield
    wait_for_run(page, before)


# Drawn as a person sees it: no placeholder is left where a widget's code is still loading, and every chart a
# person can see has drawn its SVG (a chart in a closed tab or expander is not drawn until it is opened).
_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter((chart) => chart.checkVisibility())
    .every((chart) => chart.querySelector('.main-svg'))"""


def drawn(page: Page, timeout: float = RUN_TIMEOUT_S) -> None:
    """Wait until the page is drawn (for a screenshot or a measurement): widgets and visible charts."""
    page.wait_for_function(_DRAWN, timeout=timeout * 1000)


def progress_view(page: Page, view: str) -> Locator:
    """The button of one view in the Progress page's "View" control (a radio group; aria-checked when open)."""
    return page.locator(f".st-key-{PROGRESS_VIEW}").get_by_role("radio", name=view, exact=True)


# A phone-sized screen, and what it must not cut off: the page scrolled sideways (the document, or Streamlit's
# main column, the page's own scroller), or chart text drawn past its chart's edge. Each finding in words.
PHONE: ViewportSize = {"width": 390, "height": 844}
# A laptop screen (1280 x 800) at 200 % browser zoom: what the page's layout sees is half as wide and high, each
# CSS pixel drawn by two screen pixels (Chromium's zoom and this give the same layout and media queries).
ZOOM_200: ViewportSize = {"width": 640, "height": 400}
ZOOM_200_SCALE = 2
_SIDEWAYS = """() => {
  const found = [];
  const main = document.querySelector('[data-testid="stMain"]');
  for (const [name, el] of [['the page', document.documentElement], ['the main column', main]]) {
    if (el && el.scrollWidth > el.clientWidth) {
      found.push(`${name} is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    }
  }
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const svg = chart.querySelector('.main-svg');
    if (!svg || !chart.checkVisibility()) continue;
    const edge = svg.getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      if (box.width > 0 && (box.left < edge.left - 1 || box.right > edge.right + 1)) {
        found.push(`chart text "${text.textContent}" runs past its chart's edge`);
      }
    }
  }
  return found;
}"""
# Why an element's text is not fully on screen: wider than its own box, or outside the box of an ancestor that
# clips or scrolls sideways (a tab strip, a chip), or of the screen; "" when it is all there.
_CUT = """(el) => {
  if (el.scrollWidth > el.clientWidth) return `its text is ${el.scrollWidth} px wide in ${el.clientWidth} px`;
  const box = el.getBoundingClientRect();
  const spans = `it spans ${Math.round(box.left)}-${Math.round(box.right)} px`;
  if (box.left < 0 || box.right > window.innerWidth) return `${spans} of a ${window.innerWidth} px screen`;
  for (let up = el.parentElement; up; up = up.parentElement) {
    if (getComputedStyle(up).overflowX === 'visible') continue;
    const left = up.getBoundingClientRect().left + up.clientLeft;
    if (box.left < left - 0.5 || box.right > left + up.clientWidth + 0.5) {
      return `${spans}, and a box around it shows ${Math.round(left)}-${Math.round(left + up.clientWidth)} px`;
    }
  }
  return '';
}"""
_CHARTS_FIT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg')]
  .every((svg) => svg.getBoundingClientRect().width <= window.innerWidth)"""


def sideways(page: Page) -> list[str]:
    """What runs past the right edge of the screen as the page is now (see ``_SIDEWAYS``); empty when nothing."""
    found: list[str] = page.evaluate(_SIDEWAYS)
    return found


def cut(text: Locator) -> str:
    """Why ``text`` is not fully on screen (wider than its box, clipped by an ancestor, off screen), or ""."""
    return str(text.evaluate(_CUT))


def to_phone_width(page: Page) -> None:
    """Narrow an open tab to a phone's width and wait until its charts have redrawn to fit."""
    page.set_viewport_size(PHONE)
    page.wait_for_function(_CHARTS_FIT, timeout=RUN_TIMEOUT_S * 1000)
