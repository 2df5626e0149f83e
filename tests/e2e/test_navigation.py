"""A person opens winback, visits every page through the sidebar, and leaves with the quick exit."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.support.browser import PHONE, new_page, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server, running
from winback import settings, sitemap
from winback.store import Store
from winback.ui import exit_intro, frame, state

pytestmark = pytest.mark.e2e

PAGES = [page.title for page in sitemap.PAGES]


def test_every_page_opens_from_the_sidebar_without_an_error(server: Server, page: Page) -> None:
    visit(page, server.url)
    nav = page.get_by_test_id("stSidebarNav")
    for title in PAGES:
        with rerun(page):
            nav.get_by_role("link", name=title, exact=True).click()
        expect(page.get_by_role("heading", level=1).first).to_have_text(title)
        assert page.get_by_test_id("stException").count() == 0, f"{title} shows an exception"


def test_help_and_safety_is_one_click_away_on_every_page(server: Server, page: Page) -> None:
    visit(page, server.url)
    for title in PAGES:
        with rerun(page):
            page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        # The navigation's own entry: the sidebar lists Help & safety once.
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("link", name="Help & safety")).to_have_count(1)
        expect(page.get_by_role("link", name="Quick exit")).to_be_in_viewport()


def test_on_a_phone_help_and_quick_exit_stay_on_screen(server: Server, browser: Browser) -> None:
    phone = new_page(browser, viewport={"width": 390, "height": 844})
    visit(phone, f"{server.url}/progress")
    expect(phone.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    expect(phone.get_by_role("link", name="Quick exit")).to_be_in_viewport()
    with rerun(phone):
        phone.get_by_test_id("stMain").get_by_role("link", name="Help & safety").click()
    expect(phone.get_by_role("heading", level=1).first).to_have_text("Help & safety")
    phone.context.close()


# On leaving: is the overlay shown (with its words), and are the page's field and the button hidden behind it?
_SAY_IF_COVERED = """() => window.addEventListener('beforeunload', () => {
  const overlay = document.querySelector('.winback-exit-overlay');
  const hidden = ['textarea', 'a.winback-quick-exit'].every((s) => !document.querySelector(s).checkVisibility());
  console.log('covered: ' + Boolean(overlay && overlay.checkVisibility() && overlay.textContent && hidden));
})"""


def test_quick_exit_shift_three_times_covers_the_page_and_back_does_not_return(server: Server, page: Page) -> None:
    """GOV.UK's "Exit this page": the button, and Shift pressed three times within 5 seconds (in a text field
    too, never Shift held for a capital, never presses more than 5 s apart on the page's own clock); the page is
    covered before the neutral page is asked for, and Back does not return to winback."""
    page.clock.install()
    page.goto("about:blank")
    visit(page, server.url)
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Daily log", exact=True).click()
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/neutral.html")
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert page.url == "about:blank", f"Back returned to {page.url}"

    visit(page, f"{server.url}/daily_log")
    first = page.get_by_role("link", name=frame.EXIT_LINK_WORDS, exact=True)
    expect(first).to_be_attached()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # Tab from the top
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    expect(first).to_be_in_viewport()
    note = page.get_by_label("Note (only you see this)")
    note.click()
    status = page.locator(".winback-exit-status")
    note.press("Shift")
    note.press("Shift")
    expect(status).to_have_text(frame.EXIT_PRESS_ONE_MORE)
    page.clock.fast_forward(5_001)
    expect(status).to_have_text(frame.EXIT_EXPIRED)
    note.press("Shift")  # the two presses before the pause no longer count
    expect(status).to_have_text(frame.EXIT_PRESS_TWO_MORE)
    note.press("Shift+A")
    expect(status).to_have_text(frame.EXIT_EXPIRED)
    note.press("Shift")  # the Shift held for the capital was not a press
    note.press("Shift")
    expect(status).to_have_text(frame.EXIT_PRESS_ONE_MORE)
    expect(note).to_have_value("A")
    assert page.url.startswith(server.url)

    # As the tab starts to leave (before the neutral page is asked for), winback's document says what it shows.
    page.evaluate(_SAY_IF_COVERED)
    with page.expect_console_message(lambda message: message.text.startswith("covered:")) as said:
        note.press("Shift")
    assert said.value.text == "covered: true", "the page was not covered before the neutral page was asked for"
    page.wait_for_url("**/neutral.html")
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert page.url == "about:blank", f"Back returned to {page.url}"


def test_no_page_asks_anything_of_another_computer(server: Server, page: Page) -> None:
    outside: list[str] = []

    def check(route: Route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", check)
    visit(page, server.url)
    for title in PAGES:
        with rerun(page):
            page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    page.wait_for_load_state("networkidle")
    assert outside == []


def test_a_first_visit_shows_the_quick_exit_note_once_beside_the_help_and_the_exit(
    browser: Browser, tmp_path: Path, moment: Moment
) -> None:
    """On a phone, in a folder nobody has opened: the note is above the page, Quick exit and Help & safety stay on
    screen beside it, and after OK it does not come back (a reload is a new session; the folder remembers)."""
    data = tmp_path / "data"
    data.mkdir()
    with running(ROOT / "app.py", data, tmp_path / "streamlit.log", frozen_at=moment.for_server()) as fresh:
        phone = new_page(browser, viewport=PHONE)
        visit(phone, fresh.url)
        note = phone.get_by_test_id("stMain").locator(f".st-key-{state.EXIT_INTRO}")
        expect(note.get_by_text(exit_intro.INTRO_HEADING)).to_be_in_viewport()
        expect(phone.get_by_role("link", name="Quick exit")).to_be_in_viewport()
        expect(phone.locator(f".st-key-{state.PHONE_SAFETY_BAR}").get_by_role("link")).to_be_in_viewport()
        note.get_by_role("button", name="OK").focus()
        with rerun(phone):
            phone.keyboard.press("Enter")
        expect(phone.get_by_text(exit_intro.INTRO_HEADING)).to_have_count(0)
        # Focus is on the page's heading, not lost to the page's body with the note.
        expect(phone.get_by_test_id("stMain").get_by_role("heading", level=1)).to_be_focused()
        assert settings.exit_intro_seen(Store(data))
        visit(phone, fresh.url)
        expect(phone.get_by_role("heading", level=1).first).to_have_text(sitemap.TODAY.title)
        expect(phone.get_by_text(exit_intro.INTRO_HEADING)).to_have_count(0)
        phone.context.close()
