"""A person logs a day with mouse and keyboard, finds it in the history, imports Daylio and downloads the export."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.support.browser import rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server
from winback import tracker
from winback.store import Store
from winback.vocab import CONTACT_SHORT

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "artifacts" / "e2e"
HOSTILE_NOTE = "<img src=x onerror=alert(1)> **bold** [link](http://example.com)"


def no_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def record(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


def test_logging_a_day_takes_a_handful_of_interactions(server: Server, page: Page) -> None:
    dialogs = no_dialogs(page)
    visit(page, f"{server.url}/daily_log")
    interactions = 0
    started = time.monotonic()
    slider = page.locator(".st-key-mood input[type='range']")
    slider.focus()
    page.keyboard.press("ArrowRight")  # meh → good
    interactions += 1
    page.locator(".st-key-contact").get_by_text("They reached out, I didn't reply").click()
    interactions += 1
    page.locator(".st-key-activities").click()
    page.keyboard.type("Saw fr")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    interactions += 2
    page.locator(".st-key-note textarea").fill(HOSTILE_NOTE)
    interactions += 1
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    interactions += 1
    expect(page.get_by_text("Saved", exact=False).first).to_be_visible()
    took = time.monotonic() - started
    print(f"logged a day in {interactions} interactions, {took:.1f} s including server round trips")
    assert interactions <= 6
    history = page.get_by_test_id("stDataFrame")
    expect(history).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "daily-log-saved.png"), full_page=True)
    # The note is plain text everywhere: no image element, no link, no script ran.
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href='http://example.com']").count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    expect(page.locator(".st-key-note textarea")).to_have_value(HOSTILE_NOTE)
    assert dialogs == []


def test_the_saved_day_is_in_the_history_with_its_words(server: Server, page: Page, moment: Moment) -> None:
    entry = tracker.DailyEntry(moment.today() - timedelta(days=1), 4, 2, "they_reached_out_no_reply", (), HOSTILE_NOTE)
    tracker.save_entry(Store(server.data_dir), entry, moment.today())
    visit(page, f"{server.url}/daily_log")
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    # The table draws on a canvas; its hidden accessible copy holds each cell's text, as text.
    expect(grid.locator("td", has_text=CONTACT_SHORT["they_reached_out_no_reply"]).first).to_be_attached()
    expect(grid.locator("td", has_text=HOSTILE_NOTE).first).to_be_attached()
    assert page.locator("img[src='x']").count() == 0


def test_a_daylio_file_is_uploaded_previewed_and_imported(server: Server, page: Page) -> None:
    visit(page, f"{server.url}/data_privacy")
    with rerun(page):
        page.locator(".st-key-import_kind").get_by_text("A Daylio export (CSV)").click()
    fixture = ROOT / "tests" / "fixtures" / "daylio_old.csv"
    with rerun(page):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(fixture))
    expect(page.get_by_text("Preview", exact=False).first).to_be_visible()
    for slider in page.locator("[class*='st-key-mood_map_'] input[type='range']").all():
        slider.focus()
        with rerun(page):
            page.keyboard.press("ArrowRight")
    with rerun(page):
        page.locator(".st-key-import_apply").get_by_role("button").click()
    expect(page.get_by_text("Imported", exact=False).first).to_be_visible()
    page.screenshot(path=str(SHOTS / "daylio-imported.png"), full_page=True)


def test_the_export_downloads_as_a_zip_of_every_table(server: Server, page: Page, tmp_path: Path) -> None:
    visit(page, f"{server.url}/data_privacy")
    with page.expect_download() as download, rerun(page):
        page.locator(".st-key-export_zip").get_by_role("button").click()
    saved = tmp_path / "export.zip"
    download.value.save_as(saved)
    names = zipfile.ZipFile(io.BytesIO(saved.read_bytes())).namelist()
    assert "daily_log.csv" in names


def test_coming_back_to_the_daily_log_shows_the_saved_day(server: Server, page: Page, moment: Moment) -> None:
    visit(page, f"{server.url}/daily_log")
    page.locator(".st-key-note textarea").fill("came back to this")
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Today", exact=True).click()
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Daily log", exact=True).click()
    expect(page.locator(".st-key-note textarea")).to_have_value("came back to this")
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    saved = tracker.entry_for(Store(server.data_dir).read("daily_log").frame, moment.today())
    assert saved is not None and saved.note == "came back to this"
