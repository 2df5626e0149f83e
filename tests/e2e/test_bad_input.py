"""Bad input in the browser: hostile text stays inert in every free-text field, bad uploads and impossible
dates are refused with a message, and nothing runs or renders as markup."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.support.browser import drawn, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import Server
from winback.words import day_words

pytestmark = pytest.mark.e2e

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('boo')</script>",
    "**bold** [link](http://example.com) ![pic](http://example.com/p.png)",
    '=HYPERLINK("http://example.com")',
]


def watch_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def record(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


def assert_inert(page: Page) -> None:
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("img[src='http://example.com/p.png']").count() == 0
    assert page.locator("a[href='http://example.com']").count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    assert page.get_by_test_id("stException").count() == 0


def open_page(page: Page, server: Server, path: str) -> None:
    visit(page, f"{server.url}/{path}")


def type_date(page: Page, key: str, when: date, *, in_form: bool = False) -> None:
    """Type a date into Streamlit's segmented date field (year, month, day), as a person would. Leaving the
    field commits the date, which runs the page again unless the field is inside a form."""
    page.locator(f".st-key-{key} [role='spinbutton'][data-type='year']").click()
    page.keyboard.type(f"{when:%Y%m%d}")
    page.keyboard.press("Enter")
    if in_form:
        page.get_by_role("heading", level=1).click()
        return
    with rerun(page):
        page.get_by_role("heading", level=1).click()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_daily_notes_render_as_plain_text(year_server: Server, page: Page, text: str) -> None:
    dialogs = watch_dialogs(page)
    open_page(page, year_server, "daily_log")
    page.locator(".st-key-note textarea").fill(text)
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(page.get_by_text("Updated", exact=False).first).to_be_visible()
    open_page(page, year_server, "daily_log")
    expect(page.locator(".st-key-note textarea")).to_have_value(text)
    assert_inert(page)
    assert dialogs == []


def test_a_long_note_is_capped_at_2000_characters(year_server: Server, page: Page) -> None:
    open_page(page, year_server, "daily_log")
    area = page.locator(".st-key-note textarea")
    area.fill("")
    area.fill("x" * 5000)
    assert len(area.input_value()) <= 2000
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    assert page.get_by_test_id("stException").count() == 0
    open_page(page, year_server, "daily_log")
    assert len(page.locator(".st-key-note textarea").input_value()) <= 2000


def test_hostile_journal_notes_and_activity_names_stay_inert(year_server: Server, page: Page) -> None:
    dialogs = watch_dialogs(page)
    open_page(page, year_server, "reconnect")
    page.locator(".st-key-journal_new_note textarea").fill(HOSTILE[0] + HOSTILE[2])
    with rerun(page):
        page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Saved the contact", exact=False)).to_be_visible()
    page.get_by_test_id("stExpander").first.click()
    assert_inert(page)
    open_page(page, year_server, "daily_log")
    page.get_by_text("Your own activities").click()
    page.locator(".st-key-new_activity_name input").fill("<b>Hiking</b><img src=x onerror=alert(2)>"[:60])
    with rerun(page):
        page.get_by_role("button", name="Add activity").click()
    open_page(page, year_server, "progress")
    assert_inert(page)
    assert dialogs == []


def _calendar_label(day: date) -> str:
    """How the calendar names a day to a screen reader (React Aria, en-US)."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def test_the_day_picker_offers_no_future_day(year_server: Server, page: Page, moment: Moment) -> None:
    today = moment.today()
    open_page(page, year_server, "daily_log")
    drawn(page)  # the widgets' code has loaded (no placeholder left)
    before = (year_server.data_dir / "daily_log.csv").read_bytes()
    page.locator(".st-key-entry_day").get_by_test_id("stDateInputCalendarButton").click()
    # The calendar's own grid: History's table below is a grid too, and may be drawn first.
    grid = page.get_by_test_id("stDateInputCalendar").locator("[role='grid']").first
    expect(grid.locator(f"[aria-label*='{_calendar_label(today)}']")).to_have_attribute("data-focused", "true")
    tomorrow = grid.locator(f"[aria-label*='{_calendar_label(today + timedelta(days=1))}']")
    if tomorrow.count():
        expect(tomorrow).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("ArrowUp")  # a week back, into the month before when today is in the first week
    expect(page.locator(f"[aria-label*='{_calendar_label(today - timedelta(days=7))}']")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # no further than today
    expect(page.locator(f"[aria-label*='{_calendar_label(today)}']")).to_be_focused()
    page.keyboard.press("Escape")

    page.locator(".st-key-entry_day [role='spinbutton'][data-type='year']").click()
    page.keyboard.type(f"{today + timedelta(days=3):%Y%m%d}")
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-entry_day").get_by_text("outside allowed range", exact=False)).to_be_visible()
    # While the field shows a day the form was not drawn for, the form takes no click: Save saves nothing.
    held = page.evaluate(
        """() => {
          const buttons = [...document.querySelectorAll('.st-key-daily_entry_box button')];
          const save = buttons.find(b => b.innerText === 'Save');
          const press = new MouseEvent('mousedown', {bubbles: true, cancelable: true});
          save.dispatchEvent(press);
          return press.defaultPrevented;
        }"""
    )
    assert held
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(page.locator("[data-winback-hold-note]")).to_contain_text(
        f"This form is still for {day_words(today, weekday=True)}."
    )
    # A keyboard user held in the form can still leave it: Tab and Shift+Tab move, they change nothing.
    in_day_field = "() => !!document.activeElement.closest('.st-key-entry_day')"
    page.locator(".st-key-mood input[type='range']").focus()
    for _ in range(4):
        if page.evaluate(in_day_field):
            break
        page.keyboard.press("Shift+Tab")
    assert page.evaluate(in_day_field), "Shift+Tab from the form reaches the Day field again"
    assert (year_server.data_dir / "daily_log.csv").read_bytes() == before


def test_a_future_contact_is_refused_in_the_journal(year_server: Server, page: Page, moment: Moment) -> None:
    open_page(page, year_server, "reconnect")
    type_date(page, "journal_new_day", moment.today() + timedelta(days=3), in_form=True)
    with rerun(page):
        page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("log contacts once they happened", exact=False)).to_be_visible()


def test_delete_everything_refuses_the_wrong_words(year_server: Server, page: Page) -> None:
    open_page(page, year_server, "data_privacy")
    page.locator(".st-key-delete_confirm input").fill("<b>delete</b>")
    with rerun(page):
        page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_text("Nothing was deleted", exact=False)).to_be_visible()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, "not a CSV text file"),
        ("empty.csv", b"", "empty"),
        ("huge.csv", b"full_date,date,weekday,time,mood,activities,note\n" + b"x" * (21 * 1024 * 1024), "the limit is"),
        ("columns.csv", b"when,how\n2026-01-01,ok\n", "full_date"),
    ],
)
def test_bad_daylio_uploads_are_refused_with_a_message(
    year_server: Server, page: Page, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    upload = tmp_path / name
    upload.write_bytes(content)
    open_page(page, year_server, "data_privacy")
    with rerun(page):
        page.locator(".st-key-import_kind").get_by_text("A Daylio export (CSV)").click()
    with rerun(page):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    expect(page.get_by_text("can't be imported", exact=False)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(message, exact=False).first).to_be_visible()
    assert page.locator(".st-key-import_apply").count() == 0


def test_a_bad_winback_zip_is_refused(year_server: Server, page: Page, tmp_path: Path) -> None:
    upload = tmp_path / "winback.zip"
    upload.write_bytes(b"PK\x03\x04 this is not really a zip")
    open_page(page, year_server, "data_privacy")
    with rerun(page):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    expect(page.get_by_text("can't be imported", exact=False)).to_be_visible()
