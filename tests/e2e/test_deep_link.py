"""A person's bookmark to a page is the first request a freshly started server gets."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import visit
from tests.support.devserver import Server

pytestmark = pytest.mark.e2e


def test_a_page_opened_first_still_has_the_router_sidebar_and_quick_exit(server: Server, page: Page) -> None:
    visit(page, f"{server.url}/daily_log")
    expect(page.get_by_role("heading", level=1).first).to_have_text("Daily log")
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_role("link", name="Readiness quiz", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="app", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
