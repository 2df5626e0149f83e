"""A person opens winback, visits every page through the sidebar, and leaves with the quick exit."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.e2e.conftest import settle
from winback.devserver import Server

pytestmark = pytest.mark.e2e

PAGES = ["Today", "Readiness quiz", "Daily log", "Progress", "Reconnect", "Data & privacy", "Help & safety"]


def test_every_page_opens_from_the_sidebar_without_an_error(server: Server, page: Page) -> None:
    page.goto(server.url)
    settle(page)
    nav = page.get_by_test_id("stSidebarNav")
    for title in PAGES:
        nav.get_by_role("link", name=title, exact=True).click()
        settle(page)
        expect(page.get_by_role("heading", level=1).first).to_have_text(title)
        assert page.get_by_test_id("stException").count() == 0, f"{title} shows an exception"


def test_help_and_safety_is_one_click_away_on_every_page(server: Server, page: Page) -> None:
    page.goto(server.url)
    settle(page)
    for title in PAGES:
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        settle(page)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("link", name="Help & safety")).to_have_count(2)
        expect(page.get_by_role("link", name="Quick exit")).to_be_in_viewport()


def test_on_a_phone_help_and_quick_exit_stay_on_screen(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(f"{server.url}/progress")
    settle(phone)
    expect(phone.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    expect(phone.get_by_role("link", name="Quick exit")).to_be_in_viewport()
    phone.get_by_test_id("stMain").get_by_role("link", name="Help & safety").click()
    settle(phone)
    expect(phone.get_by_role("heading", level=1).first).to_have_text("Help & safety")
    context.close()


def test_quick_exit_leaves_and_back_does_not_return(server: Server, page: Page) -> None:
    page.goto("about:blank")
    page.goto(server.url)
    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Daily log", exact=True).click()
    settle(page)
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/neutral.html")
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert not page.url.startswith(server.url), f"Back returned to winback at {page.url}"
    assert page.url == "about:blank"


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
    page.goto(server.url)
    settle(page)
    for title in PAGES:
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        settle(page)
    page.wait_for_timeout(500)
    assert outside == []
