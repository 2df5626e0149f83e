"""Help & safety: resources follow the country a person picks, and the choice is remembered."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.apptest import PAGE_FILES, open_page, texts


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
