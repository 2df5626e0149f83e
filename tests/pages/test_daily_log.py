"""Daily log: save today, save it again (an update, and the page says so), refuse the future."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.pages.helpers import PAGE_FILES, open_page, texts
from winback import storage
from winback.storage import Store


def test_saving_today_writes_one_row_and_names_it(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.select_slider(key="mood").set_value(4)
    app.slider(key="missing_ex").set_value(7)
    app.radio(key="contact").set_value("they_reached_out_no_reply")
    app.multiselect(key="activities").select("exercise").select("saw_friends")
    app.text_area(key="note").input("<b>not bold</b> **nor this**")
    app.button[0].click().run()
    assert not app.exception
    assert app.success[0].value.startswith(f"Saved {date.today():%A %d %B %Y}")
    log = Store(data_dir).read("daily_log").frame
    assert len(log) == 1
    row = log.iloc[0]
    assert (row["mood"], row["missing_ex"], row["contact"]) == (4, 7, "they_reached_out_no_reply")
    assert row["activities"] == ("exercise", "saw_friends")
    assert row["note"] == "<b>not bold</b> **nor this**"


def test_saving_the_same_day_again_updates_it(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.button[0].click().run()
    app.select_slider(key="mood").set_value(5)
    app.button[0].click().run()
    assert app.success[0].value.startswith("Updated")
    log = Store(data_dir).read("daily_log").frame
    assert list(log["mood"]) == [5]


def test_a_future_day_is_refused_and_nothing_is_saved(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.date_input(key="entry_day").set_value(date.today() + timedelta(days=1))
    app.button[0].click().run()
    assert "in the future" in texts(app)
    assert not (data_dir / "daily_log.csv").exists()


def test_a_failed_write_shows_an_error_and_keeps_the_old_file(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = open_page(PAGE_FILES["Daily log"])
    app.button[0].click().run()
    before = (data_dir / "daily_log.csv").read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", full_disk)
    app.select_slider(key="mood").set_value(1)
    app.button[0].click().run()
    assert "the disk is full" in app.error[0].value
    assert (data_dir / "daily_log.csv").read_bytes() == before
