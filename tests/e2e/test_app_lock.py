"""The app lock in Chromium: a new browser context sees the lock screen and nothing of the diary (page, tab
title, sidebar), the passphrase opens the page it asked for, and an unattended window locks itself once the
server's clock (which the test moves) has passed the idle time; the idle timer's own runs are not use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import new_page, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server, running
from tests.support.movable_clock import CLOCK_FILE_ENV, move
from winback import activities, applock, settings, tracker
from winback.store import Store
from winback.ui import lock_screen, state

pytestmark = [pytest.mark.e2e, pytest.mark.sidelane]

PASSPHRASE = "blue kettle at noon"
NOTE = "Rain on the window, thought of the lake"
ACTIVITY = "Pottery with Sam"
IDLE_MINUTES = 5


@pytest.fixture(scope="module")
def started(moment: Moment) -> datetime:
    """The moment the server's clock starts at (aware)."""
    return moment.destination() if moment.wall is None else moment.wall.astimezone()


@pytest.fixture(scope="module")
def clock_file(tmp_path_factory: pytest.TempPathFactory, started: datetime) -> Path:
    file = tmp_path_factory.mktemp("clock") / "now.txt"
    move(file, started)
    return file


@pytest.fixture(scope="module")
def locked_server(tmp_path_factory: pytest.TempPathFactory, clock_file: Path, started: datetime) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("locked")
    store = Store(data)
    own = activities.add_custom(store, ACTIVITY, "Social")
    today = started.date()
    tracker.save_entry(store, tracker.DailyEntry(today, 2, 4, "none", (own.id,), NOTE), today)
    settings.save_app_lock(store, applock.make(PASSPHRASE, IDLE_MINUTES))
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    env = {CLOCK_FILE_ENV: str(clock_file)}
    with running(ROOT / "app.py", data, log, env=env, preload="tests.support.movable_clock") as server:
        yield server


def shows_nothing_of_the_diary(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(lock_screen.LOCK_TITLE)
    expect(page.get_by_label("Passphrase")).to_be_visible()
    # The status line a screen reader hears says "Locked", not the page that was open before the lock.
    expect(page.locator(".winback-page-opened")).to_have_text(lock_screen.LOCK_TITLE)
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    expect(page.get_by_role("link", name="findahelpline.com")).to_be_visible()
    html = page.content()
    title = page.evaluate("document.title")
    for secret in (NOTE, ACTIVITY, "Pottery"):
        assert secret not in html and secret not in title
    for words in ("Daily log", "Progress", "Readiness quiz", "What I did for myself"):
        assert words not in page.inner_text("body"), f"{words!r} is on the lock screen"
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def open_with(page: Page, words: str) -> None:
    with rerun(page):
        page.get_by_label("Passphrase").fill(words)
        page.get_by_label("Passphrase").press("Enter")


def test_a_new_context_sees_only_the_lock_screen_and_an_idle_window_locks_itself(
    locked_server: Server, browser: Browser, clock_file: Path, started: datetime
) -> None:
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    try:
        visit(page, f"{locked_server.url}/daily_log")
        shows_nothing_of_the_diary(page)
        # Focus is on the lock screen (a screen reader reads it; the next Tab is the passphrase), not in the field.
        expect(page.locator(f".st-key-{state.LOCK_SCREEN}")).to_be_focused()
        open_with(page, "not the passphrase")
        expect(page.get_by_text(lock_screen.WRONG, exact=True)).to_be_visible()
        shows_nothing_of_the_diary(page)
        open_with(page, PASSPHRASE)
        expect(page.get_by_role("heading", level=1).first).to_have_text("Daily log")
        expect(page.get_by_text(ACTIVITY).first).to_be_visible()  # where the lock screen showed nothing
        assert page.url.endswith("/daily_log")
        # Almost idle: the idle timer asks once (its run is not use), then the idle time passes.
        with rerun(page):
            move(clock_file, started + timedelta(minutes=IDLE_MINUTES - 1))
        expect(page.get_by_role("heading", level=1).first).to_have_text("Daily log")
        move(clock_file, started + timedelta(minutes=IDLE_MINUTES, seconds=1))
        expect(page.get_by_role("heading", level=1)).to_have_text(lock_screen.LOCK_TITLE, timeout=40_000)
        shows_nothing_of_the_diary(page)
        expect(page.locator(f".st-key-{state.LOCK_SCREEN}")).to_be_focused()
        open_with(page, PASSPHRASE)
        expect(page.get_by_role("heading", level=1).first).to_have_text("Daily log")
    finally:
        page.context.close()
