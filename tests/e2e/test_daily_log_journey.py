"""A person logs a day with mouse and keyboard, finds it in the history, imports Daylio and downloads the export."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.support.browser import RUN_TIMEOUT_S, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server
from winback import activities, tracker
from winback.store import Store
from winback.vocab import CONTACT_LABELS, CONTACT_SHORT, MOOD_LABELS
from winback.words import day_words

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
    with page.expect_download(timeout=RUN_TIMEOUT_S * 1000) as download:
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


def _on_screen(page: Page, names: dict[str, str]) -> dict[str, object]:
    """The daily form as the person sees it, in the stored row's terms."""
    moods = {label: mood for mood, label in MOOD_LABELS.items()}
    contacts = {label: kind for kind, label in CONTACT_LABELS.items()}
    ids = {label: ident for ident, label in names.items()}
    chips = page.locator(".st-key-activities .react-aria-ComboBox [data-tag] span[title]")
    return {
        "mood": moods[page.locator(".st-key-mood input[type='range']").get_attribute("aria-valuetext") or ""],
        "missing_ex": int(page.locator(".st-key-missing_ex input[type='range']").input_value()),
        "contact": contacts[
            page.locator(".st-key-contact [data-testid='stRadioOption'][data-selected='true']").inner_text()
        ],
        "activities": tuple(ids[title] for title in chips.evaluate_all("els => els.map(e => e.title)")),
        "note": page.locator(".st-key-note textarea").input_value(),
    }


def _stored(folder: Path, day: date) -> dict[str, object] | None:
    entry = tracker.entry_for(Store(folder).read("daily_log").frame, day)
    if entry is None:
        return None
    return {k: v for k, v in entry.as_row().items() if k != "date"}


def _click_great(page: Page) -> None:
    box = page.locator(".st-key-mood").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] * 0.97, box["y"] + box["height"] * 0.75)


def test_what_is_saved_is_what_the_form_showed_after_a_day_change_and_a_delete(
    server: Server, page: Page, moment: Moment
) -> None:
    """Items 1 and 2 of "What you see is what is saved": the row in the file is the form on the screen."""
    day = moment.today() - timedelta(days=5)
    Store(server.data_dir).upsert(
        "daily_log",
        [{"date": day, "mood": 2, "missing_ex": 8, "contact": "we_talked", "activities": ("read",), "note": "rain"}],
    )
    known = activities.all_activities(Store(server.data_dir).read("custom_activities").frame)
    names = {a.id: a.name for a in known}
    visit(page, f"{server.url}/daily_log")
    before = _on_screen(page, names)
    page.locator(".st-key-entry_day [role='spinbutton'][data-type='year']").click()
    page.keyboard.type(f"{day:%Y%m%d}")
    with rerun(page):
        _click_great(page)  # straight from the Day field into the form: the day loads first
        assert _on_screen(page, names)["mood"] == before["mood"], "a field changed before the day was loaded"
    expect(page.get_by_text(f"You already logged {day_words(day, weekday=True)}")).to_be_visible()
    assert _on_screen(page, names) == _stored(server.data_dir, day)
    _click_great(page)
    page.locator(".st-key-note textarea").fill("rain, then sun")
    shown = _on_screen(page, names)
    assert shown["mood"] == 5
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Updated {day_words(day, weekday=True)}", exact=False)).to_be_visible()
    assert _stored(server.data_dir, day) == shown == _on_screen(page, names)

    page.get_by_role("button", name=f"Delete {day_words(day)}").click()
    with rerun(page):
        page.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_text(f"Deleted {day_words(day, weekday=True)}.")).to_be_visible()
    expect(page.get_by_text("You already logged")).to_have_count(0)
    expect(page.get_by_text("Delete it for good?")).to_have_count(0)
    assert _stored(server.data_dir, day) is None
    shown = _on_screen(page, names)
    assert shown == {"mood": 3, "missing_ex": 5, "contact": "none", "activities": (), "note": ""}
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    assert _stored(server.data_dir, day) == shown
