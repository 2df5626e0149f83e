"""At 390 px wide, and on a laptop's screen at 200 % zoom, every page reads without scrolling sideways, empty and
with a year of data: every view's name on Progress is whole, the history shows date, mood, contact and note side
by side, and the activity chips are whole. One server: its folder is empty first, then holds a year of sample
data; both screens see each. (A quiz result at 390 px:
tests/e2e/test_quiz_journey.py, which has one of each on screen already.)

The browser shows classic scrollbars, like a desktop browser narrowed to a phone's width: the page's scrollbar
takes about ten pixels that a phone's overlay scrollbar leaves, so what fits here fits on a phone too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.support.browser import PHONE, ZOOM_200, ZOOM_200_SCALE, cut, drawn, new_page, rerun, sideways, visit
from tests.support.clock import Moment
from tests.support.devserver import CHROMIUM_ARGS, Server, chromium_path
from winback import activities, sample, sitemap
from winback.store import Store
from winback.ui import state
from winback.views import CHART_VIEWS, WHY_VIEW

pytestmark = pytest.mark.e2e

# The history's columns a person needs to read a day at a glance.
KEY_COLUMNS = ("Date", "Mood", "Contact", "Note")
EXPANDERS = ("Weekly check-in (optional)", "Your own activities", "No-contact start date")
_HEADERS = "(grid) => [...grid.querySelectorAll('th')].map((th) => th.textContent)"
_HAS_HEADERS = "() => document.querySelectorAll('[data-testid=\"stDataFrame\"] th').length > 0"


@pytest.fixture(scope="module")
def screens(playwright: Playwright) -> Iterator[dict[str, Page]]:
    """A phone's screen, and a laptop's at 200 % zoom, each in a tab of its own."""
    with_scrollbars = playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, ignore_default_args=["--hide-scrollbars"]
    )
    yield {
        "390 px": new_page(with_scrollbars, viewport=PHONE),
        "200 % zoom": new_page(with_scrollbars, viewport=ZOOM_200, device_scale_factor=ZOOM_200_SCALE),
    }
    with_scrollbars.close()


def test_every_page_reads_at_phone_width_and_200_percent_zoom_empty_and_with_a_year(
    server: Server, screens: dict[str, Page], moment: Moment
) -> None:
    found: list[str] = []
    for data in ("empty", "a year"):
        if data == "a year":
            sample.write_sample(Store(server.data_dir), days=365, today=moment.today())
        for screen, page in screens.items():
            for spec in sitemap.PAGES:
                visit(page, f"{server.url}/{spec.url_path}")
                drawn(page)
                where = f"{spec.title}, {data}, {screen}"
                if spec is sitemap.DAILY_LOG:
                    found += daily_log(page, where, server.data_dir if data == "a year" else None)
                if spec is sitemap.PROGRESS:
                    found += progress(page, where)
                found += [f"{where}: {finding}" for finding in sideways(page)]
    assert found == [], "\n".join(found)


def progress(page: Page, where: str) -> list[str]:
    """Each view in turn: every view's name whole, and nothing past the edge of the screen."""
    found = []
    picker = page.locator(f".st-key-{state.PROGRESS_VIEW}")
    for view in (WHY_VIEW, *CHART_VIEWS):
        if view != WHY_VIEW:
            with rerun(page):
                picker.get_by_text(view, exact=True).first.click()
            drawn(page)
        found += [f"{where}, {view}: {finding}" for finding in sideways(page)]
        for name in (WHY_VIEW, *CHART_VIEWS):
            problem = cut(picker.get_by_text(name, exact=True).first)
            found += [f"{where}, {view}: the view {name!r} is cut off: {problem}"] if problem else []
    return found


def daily_log(page: Page, where: str, folder: Path | None) -> list[str]:
    """Every expander open; with a year (``folder``), the history's key columns in view and whole chips."""
    for title in EXPANDERS:
        page.get_by_test_id("stExpander").get_by_text(title, exact=True).click()
    expect(page.locator(f".st-key-{state.NEW_ACTIVITY_NAME} input")).to_be_visible()
    if folder is None:
        return []
    found = chips(page, where, folder)
    # The table draws on a canvas; its hidden accessible copy has a header for each column at least partly in
    # view. The note comes after date, mood and contact, so with its header there they are wholly in view.
    grid = page.get_by_test_id("stDataFrame")
    grid.scroll_into_view_if_needed()
    page.wait_for_function(_HAS_HEADERS)
    shown = grid.evaluate(_HEADERS)
    return found + [
        f"{where}: the history's {c!r} is out of view (in view: {shown})" for c in KEY_COLUMNS if c not in shown
    ]


def chips(page: Page, where: str, folder: Path) -> list[str]:
    """The day's chips, with the activity of the longest name and the person's own of the longest name added:
    each chip's words whole."""
    known = activities.all_activities(Store(folder).read("custom_activities").frame)
    longest = [max((a for a in known if a.custom == own), key=lambda a: len(a.name)) for own in (False, True)]
    field = page.locator(f".st-key-{state.ACTIVITIES}")
    for activity in longest:
        if not field.locator("[data-tag]").filter(has_text=activity.name).count():
            # Typed, as a person does: a filled-in value is lost when the page scrolls the field into view.
            field.scroll_into_view_if_needed()
            field.locator("input").click()
            page.keyboard.type(activity.name)
            page.get_by_role("option").filter(has_text=activity.name).first.click()
    page.keyboard.press("Escape")
    found = []
    for activity in longest:
        if not field.locator("[data-tag]").filter(has_text=activity.name).count():
            found.append(f"{where}: no chip for {activity.name!r}")
    for chip in field.locator("[data-tag] > span[title]").all():
        problem = cut(chip)
        found += [f"{where}: the chip {chip.get_attribute('title')!r} is cut off: {problem}"] if problem else []
    return found
