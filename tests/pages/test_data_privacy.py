"""Data & privacy: where data lives, the sample-data switch, export, delete everything."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.pages.helpers import PAGE_FILES, open_page, texts
from winback import sample
from winback.storage import Store


def test_shows_the_folder(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    assert str(data_dir) in [c.value for c in app.code]


def test_sample_mode_uses_its_own_folder(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key="sample_toggle").set_value(True).run()
    assert not app.exception
    assert (data_dir / "sample" / "daily_log.csv").exists()
    assert not (data_dir / "daily_log.csv").exists()
    assert "exploring **sample data**" in " ".join(i.value for i in app.sidebar.info)
    app.switch_page(PAGE_FILES["Daily log"]).run()
    app.segmented_control(key="history_period").set_value("All").run()
    assert len(app.dataframe[0].value) > 300


def test_export_is_offered_once_there_is_data(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    assert app.get("download_button")[0].proto.disabled
    sample.write_sample(Store(data_dir), days=90, today=date.today())
    app.run()
    assert not app.get("download_button")[0].proto.disabled


def test_delete_everything_needs_the_typed_words(data_dir: Path) -> None:
    sample.write_sample(Store(data_dir), days=90, today=date.today())
    app = open_page(PAGE_FILES["Data & privacy"])
    app.text_input(key="delete_confirm").input("delete").run()
    app.button[0].click().run()
    assert "Nothing was deleted" in texts(app)
    assert (data_dir / "daily_log.csv").exists()
    app.text_input(key="delete_confirm").input("delete everything")
    app.button[0].click().run()
    assert "Deleted" in texts(app)
    assert [p for p in data_dir.iterdir() if p.is_file()] == []
