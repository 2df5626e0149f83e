"""The help box in Chromium, wide and on a phone: one Help & safety link on the screen, lines a phone can call or
text, and a country picked in one box changes every box."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.builders import hard_week
from tests.support.browser import drawn, new_page, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server, running
from winback import sitemap
from winback.ui import state

pytestmark = pytest.mark.e2e

# Links a person can see: drawn, not folded away with the sidebar (moved off the screen) or hidden by CSS.
_ON_SCREEN = """(links) => links.filter((link) => {
  const box = link.getBoundingClientRect();
  return link.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0
    && box.right > 0 && box.left < window.innerWidth;
}).length"""


@pytest.fixture(scope="module")
def danger_server(tmp_path_factory: pytest.TempPathFactory, moment: Moment) -> Iterator[Server]:
    """A week of the lowest moods after a quiz that showed danger: Today has both help boxes."""
    from winback.store import Store

    data = tmp_path_factory.mktemp("danger")
    store = Store(data)
    hard_week(store, moment.today())
    taken = moment.for_server()[0].replace(microsecond=0) - timedelta(hours=1)
    attempt = {"attempt_id": "a1", "taken_at": taken, "quiz_version": "test", "worth": 50}
    store.upsert("quiz_attempts", [{**attempt, "tier": "danger", "verdict": "danger"}])
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(ROOT / "app.py", data, log, frozen_at=moment.for_server()) as started:
        yield started


def help_links_on_screen(page: Page) -> int:
    return int(page.get_by_role("link", name="Help & safety").evaluate_all(_ON_SCREEN))


def pick(page: Page, key: str, country: str) -> None:
    field = page.locator(f".st-key-{key}").get_by_role("combobox")
    # Scrolled to first: the scroll a click would make closes the list it opens.
    field.scroll_into_view_if_needed()
    with rerun(page):
        field.click()
        page.get_by_role("option", name=country, exact=True).click()


def lines(page: Page, box: str) -> dict[str, str]:
    """Each link of a help box: its words and where it goes."""
    links = page.locator(f".st-key-{box} a")
    return {link.inner_text(): link.get_attribute("href") or "" for link in links.all()}


def test_one_help_link_on_screen_lines_to_call_or_text_and_one_country_for_every_box(
    danger_server: Server, browser: Browser
) -> None:
    wide = new_page(browser, viewport={"width": 1280, "height": 900})
    phone = new_page(browser, viewport={"width": 390, "height": 844})
    boxes = (state.RESOURCES_PANEL, state.LOW_MOOD_NOTE)
    # Wide, the navigation's entry is the link; on a phone, where the sidebar is folded away, the one above the title.
    the_link = {
        wide: wide.get_by_test_id("stSidebarNav").get_by_role("link", name="Help & safety"),
        phone: phone.locator(f".st-key-{state.PHONE_SAFETY_BAR}").get_by_role("link", name="Help & safety"),
    }
    for page, width in ((wide, 1280), (phone, 390)):
        for spec in (sitemap.TODAY, sitemap.HELP_SAFETY):
            visit(page, f"{danger_server.url}/{spec.url_path}")
            expect(page.get_by_role("heading", name=spec.title, level=1)).to_be_visible()
            drawn(page)
            expect(the_link[page]).to_be_in_viewport()
            assert help_links_on_screen(page) == 1, f"{spec.title} at {width} px"

    visit(wide, danger_server.url)
    for box in boxes:
        assert lines(wide, box) == {"Call 112": "tel:112", "findahelpline.com": "https://findahelpline.com"}, box
    pick(wide, state.TODAY_HELP_COUNTRY, "United States")
    for box in boxes:
        shown = lines(wide, box)
        assert shown["Call 1-800-799-7233"] == "tel:18007997233", box
        assert shown["text START to 88788"] == "sms:88788?&body=START", box
        assert shown["Text LOVEIS to 22522"] == "sms:22522?&body=LOVEIS", box
        assert (shown["Call 988"], shown["text 988"]) == ("tel:988", "sms:988"), box
        assert "findahelpline.com" not in shown, box

    visit(phone, danger_server.url)
    for box in boxes:
        assert lines(phone, box)["Call 911"] == "tel:911", f"{box}: the wide window's pick, from the settings"
    pick(phone, state.LOW_MOOD_COUNTRY, "United Kingdom")
    for box in boxes:
        shown = lines(phone, box)
        assert shown["Call 0808 2000 247"] == "tel:08082000247", box
        assert "Call 911" not in shown, box
    visit(phone, f"{danger_server.url}/{sitemap.HELP_SAFETY.url_path}")
    expect(phone.locator(f".st-key-{state.HELP_COUNTRY}").get_by_role("combobox")).to_have_value("United Kingdom")
    assert lines(phone, state.RESOURCES_PANEL)["Call 116 123"] == "tel:116123"
    wide.context.close()
    phone.context.close()
