"""Help & safety: resources follow the country a person picks in the help box, each line a link that calls, texts
or opens it, and the choice is remembered (or, when it cannot be saved, kept for the visit and said so)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.apptest import PAGE_FILES, box, open_page, texts, texts_in, widget_keys
from winback import sample
from winback.store import StorageError, Store
from winback.ui import state


def test_other_countries_are_the_default(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    shown = texts(app)
    assert "findahelpline.com" in shown
    assert "112" in shown
    assert "1-800-799-7233" not in shown


def test_picking_the_us_shows_us_lines_and_is_saved(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    app.selectbox(key="help_country").set_value("us").run()
    shown = texts(app)
    for fact in ("1-800-799-7233", "START to 88788", "LOVEIS to 22522", "988", "911"):
        assert fact in shown
    assert json.loads((data_dir / "settings.json").read_text())["country"] == "us"


def test_picking_the_uk_shows_uk_lines(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    app.selectbox(key="help_country").set_value("uk").run()
    shown = texts(app)
    for fact in ("0808 2000 247", "116 123", "999"):
        assert fact in shown


def test_safety_notes_and_what_the_app_is_not(data_dir: Path) -> None:
    shown = texts(open_page(PAGE_FILES["Help & safety"]))
    assert "monitors your phone or computer may see this app" in shown
    assert "only helps against someone looking over your shoulder" in shown
    assert "not therapy" in shown


def test_the_country_picker_is_in_the_help_box_and_each_line_calls_or_texts(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    panel = box(app, state.RESOURCES_PANEL)
    assert widget_keys(panel) == [state.HELP_COUNTRY]
    assert app.selectbox(key=state.HELP_COUNTRY).value == "other"
    assert "[Call 112](tel:112)" in texts_in(panel)
    assert "[findahelpline.com](https://findahelpline.com)" in texts_in(panel)
    app.selectbox(key=state.HELP_COUNTRY).set_value("us").run()
    shown = texts_in(box(app, state.RESOURCES_PANEL))
    for link in ("[Call 1-800-799-7233](tel:18007997233)", "[text START to 88788](sms:88788?&body=START)"):
        assert link in shown
    assert "findahelpline.com" not in shown
    assert json.loads((data_dir / "settings.json").read_text())["country"] == "us"
    assert len(app.selectbox) == 1, "one picker, the help box's"


def test_a_country_that_cannot_be_saved_still_shows_its_lines_and_says_why(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise StorageError("Could not save settings.json: winback may not write in that folder.")

    monkeypatch.setattr(Store, "write_settings", read_only)
    app = open_page(PAGE_FILES["Help & safety"])
    app.selectbox(key=state.HELP_COUNTRY).set_value("uk").run()
    assert not app.exception, app.exception
    panel = box(app, state.RESOURCES_PANEL)
    assert "winback may not write in that folder" in texts_in(panel)
    assert "[Call 0808 2000 247](tel:08082000247)" in texts_in(panel)
    assert "keeps it only while this window is open" in texts_in(panel)
    assert app.selectbox(key=state.HELP_COUNTRY).value == "uk"
    assert not (data_dir / "settings.json").exists()
    app.switch_page(PAGE_FILES["Today"]).run()
    app.switch_page(PAGE_FILES["Help & safety"]).run()
    assert app.selectbox(key=state.HELP_COUNTRY).value == "uk", "the choice holds for this visit"
    assert "may not write" not in texts(app), "said once, where it was chosen"


def test_sample_data_keeps_the_persons_own_country_for_the_help_lines(data_dir: Path) -> None:
    Store(data_dir).write_settings({"country": "us"})
    sample.switch(data_dir, True)
    app = open_page(PAGE_FILES["Help & safety"])
    assert "tel:18007997233" in texts(app), "the person's country, not the sample's"
    app.selectbox(key="help_country").set_value("uk").run()
    assert json.loads((data_dir / "settings.json").read_text())["country"] == "uk"
    assert "tel:08082000247" in texts(app)
