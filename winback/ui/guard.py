"""The one error boundary around every page: an unexpected error shows a calm message, never the error.

app.py runs each page through ``run_page``. An exception the page does not handle is logged with its
traceback to the terminal (stderr), and the page is replaced by words that say what happened, that nothing
saved was lost, what to try and where help is. The message never shows the exception's text, which may quote
the person's own entries. Streamlit's own control flow (st.rerun, st.stop, st.switch_page) raises exceptions
derived from BaseException, not Exception, so ``except Exception`` lets them through untouched without naming
any private Streamlit class.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import uuid
from collections.abc import Iterator

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from winback import sitemap
from winback.ui import frame, session, state
from winback.ui.widgets import resources_panel

log = logging.getLogger("winback")
if not log.handlers:
    # Streamlit configures only its own loggers; without this the traceback would depend on the root logger.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

TITLE = "This page could not be shown"
WHAT_HAPPENED = (
    "**Something went wrong inside winback while it was drawing this page**, so it stopped rather than show "
    "you something half-finished. It was not anything you did."
)
NOTHING_LOST = (
    "**Nothing you saved has been lost.** winback writes each change completely or not at all, so your diary "
    "is as it was after your last save."
)
WHAT_TO_TRY = (
    "Try reloading the page, or go back to the page you were on. If it keeps happening, Help & safety is "
    "always there, and so are the lines below."
)


def run_page(page: StreamlitPage, help_page: StreamlitPage, folder_trouble: str | None = None) -> None:
    """Run the page the person asked for inside the boundary; Help & safety runs even when the folder is
    unusable (``folder_trouble``), and every other page then says what is wrong with the folder instead."""
    if folder_trouble is not None and page.url_path != help_page.url_path:
        frame.folder_message(folder_trouble, help_page)
        return
    with boundary(help_page, f"The page {page.title!r}", state.PAGE_SLOT):
        page.run()


@contextlib.contextmanager
def boundary(
    help_page: StreamlitPage, what: str = "The frame around the page", slot: str = state.FRAME_SLOT
) -> Iterator[None]:
    """Draw inside a slot that a calm message replaces if anything in it fails. app.py holds one around the
    frame (sign-in, folder, sidebar) and ``run_page`` one around the page, so no error reaches Streamlit's box.

    The slot is a container, hidden (from screen readers too) when what it holds failed: what was drawn before
    the failure may be wrong or half done. It is not an ``st.empty`` filled by a container: that is sent as an
    empty element and then a container at the same place on every run, and the browser sometimes drew the two
    apart and so built everything inside afresh, which took keyboard focus (and the scroll) away from the
    control a person had just used (tests/e2e/test_keyboard.py). Nor is it a container with a key: Streamlit's id
    for a keyed container includes the page being run, which on a server's very first run is not known yet
    when the frame's slot is made (before st.navigation), so the second run had a new id and the browser built
    the whole page afresh, focus lost again. The slot is found by a hidden mark drawn first inside it."""
    try:
        with st.container():
            st.html(slot_mark(slot))
            yield
    except Exception:
        reference = uuid.uuid4().hex[:8]
        log.exception("%s failed (reference %s); the person was shown a calm message", what, reference)
        st.html(hide_style(slot))
        calm_message(help_page, reference)


def slot_mark(slot: str) -> str:
    """The hidden mark that names a slot; ``hide_style`` finds the slot's container by it. Its own style takes
    the element that holds it out of the layout, so the mark adds no gap."""
    return (
        f'<style>[data-testid="stElementContainer"]:has([data-winback-slot="{slot}"]) {{ display: none; }}</style>'
        f'<span data-winback-slot="{slot}" hidden></span>'
    )


def hide_style(slot: str) -> str:
    """A style that hides the slot named ``slot``: the container one of whose own elements holds its mark."""
    block = '[data-testid="stVerticalBlock"]'
    return (
        f'<style>{block}:has(> [data-testid="stElementContainer"] [data-winback-slot="{slot}"]) '
        "{ display: none !important; }</style>"
    )


def calm_message(help_page: StreamlitPage, reference: str) -> None:
    st.title(TITLE, anchor=False)
    with st.container(border=True, key=state.PAGE_FAILED):
        st.markdown(WHAT_HAPPENED)
        st.markdown(NOTHING_LOST)
        st.markdown(WHAT_TO_TRY)
        try:
            st.page_link(help_page, label="Help & safety", icon=sitemap.HELP_SAFETY.icon)
        except Exception:
            # Before st.navigation ran (the frame failed first) no page can be linked; the lines below remain.
            log.exception("Could not link Help & safety from the calm message")
        st.caption(f"If you tell whoever runs winback, this reference finds the details in its log: {reference}")
    resources_panel(
        state.PAGE_FAILED_COUNTRY,
        heading="If you need someone to talk to now",
        kept=_country_kept(),
        box=state.PAGE_FAILED_RESOURCES,
    )


def _country_kept() -> session.CountryKept:
    """Where the help box keeps the person's country: their settings, or this session only (starting from the
    international lines) if even the settings are the trouble."""
    try:
        session.country_code()
    except Exception:
        log.exception("Could not read the country for the help lines")
        return "session"
    return "settings"
