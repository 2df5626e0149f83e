"""The daily log journey at every awkward moment, with the server's clock stopped there: the day saved, the
words on the screen and the row in the file all name the same day."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import new_page, rerun, visit
from tests.support.clock import MOMENTS, Moment
from tests.support.devserver import ROOT, Server, running
from winback import tracker
from winback.store import Store
from winback.words import day_words

pytestmark = pytest.mark.e2e


# Every moment runs in AppTest (tests/pages, in three time zones). In Chromium, one of each kind: the real time, a
# month's first day, the year's last half minute, and a clock change on each side of the Atlantic;
# WINBACK_E2E_EVERY_MOMENT=1 runs them all.
IN_THE_BROWSER = {
    "now",
    "1st-of-a-month",
    "31-december-23-59-30",
    "london-clocks-go-back",
    "new-york-clocks-go-forward",
}
EVERY = bool(os.environ.get("WINBACK_E2E_EVERY_MOMENT"))
CHOSEN = tuple(m for m in MOMENTS if EVERY or m.name in IN_THE_BROWSER)


@pytest.fixture(params=CHOSEN, ids=[m.name for m in CHOSEN])
def moment_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Server, Moment]]:
    moment: Moment = request.param
    if moment.wall is None:
        moment = Moment("now", Moment.destination(moment).replace(tzinfo=None))
    data = tmp_path / "data"
    data.mkdir()
    with running(ROOT / "app.py", data, tmp_path / "streamlit.log", frozen_at=moment.for_server()) as server:
        yield server, moment


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()


def test_a_day_logged_at_an_awkward_moment_is_that_day_everywhere(
    moment_server: tuple[Server, Moment], tab: Page
) -> None:
    server, moment = moment_server
    today = moment.today()
    visit(tab, f"{server.url}/daily_log")
    with rerun(tab):
        tab.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(tab.get_by_text(f"Saved {day_words(today, weekday=True)}:", exact=False)).to_be_visible()
    saved = Store(server.data_dir).read("daily_log").frame
    assert [d.date() for d in saved["date"]] == [today]
    visit(tab, f"{server.url}/daily_log")
    expect(tab.get_by_text(f"You already logged {day_words(today, weekday=True)}.", exact=False)).to_be_visible()
    expect(tab.get_by_test_id("stDataFrame").locator("td", has_text=today.isoformat()).first).to_be_attached()
    visit(tab, server.url)
    assert tab.get_by_test_id("stException").count() == 0
    assert tracker.entry_for(saved, today) is not None
