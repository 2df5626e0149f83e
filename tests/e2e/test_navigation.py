"""A person opens winback, visits every page through the sidebar, and leaves with the quick exit."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.support.browser import new_page, rerun, visit
from tests.support.devserver import Server
from winback import sitemap

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


def test_quick_exit_leaves_and_back_does_not_return(server: Server, page: Page) -> None:
    page.goto("about:blank")
    visit(page, server.url)
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Daily log", exact=True).click()
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
    visit(page, server.url)
    for title in PAGES:
        with rerun(page):
            page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    page.wait_for_load_state("networkidle")
    assert outside == []
