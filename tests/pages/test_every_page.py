"""Every page renders for an empty folder and for a year of sample data, reruns reuse parsed files, and the
frame tells the person once that an import a crash stopped was undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.builders import SAMPLE_END
from tests.imports.helpers import files
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
from tests.support.import_crash import crash_import
from winback import dataio, paths, sample
from winback.imports.winback_zip import read_export_zip
from winback.plain import plain
from winback.store import Store, clear_cache, parse_count
from winback.ui import state
from winback.words import day_words


@pytest.mark.parametrize("title", list(PAGE_FILES))
def test_page_renders_on_an_empty_folder(data_dir: Path, clock: Clock, title: str) -> None:
    app = open_page(PAGE_FILES[title])
    assert not app.exception, app.exception
    assert app.title[0].value == title
    assert [p.name for p in data_dir.iterdir() if p.suffix == ".csv"] == []


@pytest.mark.parametrize("title", list(PAGE_FILES))
def test_page_renders_on_a_year_of_sample_data(data_dir: Path, clock: Clock, title: str) -> None:
    sample.write_sample(Store(data_dir), days=365, today=clock.today)
    app = open_page(PAGE_FILES[title])
    assert not app.exception, app.exception
    assert app.title[0].value == title
    assert not app.warning, "sample data should read without problems"


def test_empty_today_page_says_how_to_start(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Today"])
    assert "Take the readiness quiz" in [link.label for link in app.get("page_link")]
    assert "appear here once you have logged a day" in texts(app)


def test_reruns_do_not_reparse_unchanged_files(data_dir: Path, clock: Clock) -> None:
    sample.write_sample(Store(data_dir), days=365, today=clock.today)
    clear_cache()
    app = open_page(PAGE_FILES["Daily log"])
    after_first = parse_count(data_dir / "daily_log.csv")
    assert after_first == 1
    app.run()
    app.switch_page(PAGE_FILES["Today"]).run()
    app.switch_page(PAGE_FILES["Progress"]).run()
    assert parse_count(data_dir / "daily_log.csv") == after_first


def test_a_changed_file_is_parsed_again(data_dir: Path, clock: Clock) -> None:
    sample.write_sample(Store(data_dir), days=90, today=clock.today)
    clear_cache()
    app = open_page(PAGE_FILES["Daily log"])
    before = parse_count(data_dir / "daily_log.csv")
    with (data_dir / "daily_log.csv").open("a", encoding="utf-8") as handle:
        handle.write("2001-01-01,3,3,none,,added by hand\n")
    app.segmented_control(key="history_period").set_value("All").run()
    assert parse_count(data_dir / "daily_log.csv") == before + 1
    assert "2001-01-01" in app.dataframe[0].value.to_string()


def test_a_bad_row_is_reported_with_its_line_on_the_page(data_dir: Path) -> None:
    (data_dir / "daily_log.csv").write_text(
        "date,mood,missing_ex,contact,activities,note\n2026-01-01,3,4,none,,fine\n2026-01-02,9,4,none,,bad mood\n",
        encoding="utf-8",
    )
    app = open_page(PAGE_FILES["Daily log"])
    app.segmented_control(key="history_period").set_value("All").run()
    assert "could not be read" in app.warning[0].value
    assert "daily_log.csv line 3: mood 9 is above 5" in texts(app)
    assert len(app.dataframe[0].value) == 1


def warnings(app: AppTest) -> list[str]:
    return [str(w.value) for w in app.warning]


def test_an_import_a_crash_stopped_is_undone_and_told_once_on_the_next_visit(
    data_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    store = Store(data_dir)
    sample.write_sample(store, days=30, today=clock.today)
    other = Store(tmp_path / "other")
    sample.write_sample(other, days=20, seed=8, today=clock.today)
    before = files(data_dir)
    crash_import(store, read_export_zip(dataio.export_zip(other), store), tables=1)
    assert files(data_dir) != before
    told = plain(f"An import on {day_words(clock.today)} was interrupted and undone; your data is as it was before it.")

    app = open_page(PAGE_FILES["Daily log"])
    assert not app.exception, app.exception
    assert warnings(app) == [told]
    assert files(data_dir) == before
    assert not (data_dir / ".import-undone.json").exists()
    app.switch_page(PAGE_FILES["Progress"]).run()
    assert warnings(app) == [told]  # on every page until the person closes it
    app.button(key=state.UNDONE_IMPORTS_SEEN).click().run()
    assert told not in warnings(app)
    assert told not in warnings(open_page(PAGE_FILES["Today"]))


# Spelled out rather than imported: these words stood in the sidebar before, which a phone folds away.
SAMPLE_NOTICE = "You are exploring **sample data**. Your own diary is untouched."
SWITCH_IT_OFF = "Switch it off in Data & privacy"


def sample_notice(app: AppTest) -> list[str]:
    """The sample-data notice in the page itself (the sidebar is folded away on a phone)."""
    return [str(i.value) for i in app.main.info if "sample data" in str(i.value)]


def test_every_page_says_in_the_page_itself_when_it_shows_sample_data(data_dir: Path) -> None:
    sample.write_sample(Store(paths.sample_folder(data_dir)), days=30)  # a short year: the switch finds it made
    app = open_page(PAGE_FILES["Today"])
    for title, page_file in PAGE_FILES.items():
        app.switch_page(page_file).run()
        assert sample_notice(app) == [], f"{title}: the person's own diary"
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    for title, page_file in PAGE_FILES.items():
        app.switch_page(page_file).run()
        assert not app.exception, app.exception
        assert sample_notice(app) == [SAMPLE_NOTICE], title
        assert not [i for i in app.sidebar.info if "sample data" in str(i.value)], f"{title}: said once"
        links = [link.label for link in app.main.get("page_link")]
        assert (SWITCH_IT_OFF in links) == (title != "Data & privacy"), f"{title}: where to switch it off"


BAD_SETTINGS = {
    "thresholds-list": '{"thresholds": [1, 2]}',
    "abc": '"abc"',
    "5": "5",
    "100000-deep": "[" * 100_000 + "]" * 100_000,
    "30000-deep": "[" * 30_000 + "]" * 30_000,
    "5000-digits": '{"thresholds": {"no_contact_days": 1' + "0" * 5000 + "}}",
}


@pytest.mark.parametrize("title", ["Today", "Daily log", "Progress", "Reconnect", "Help & safety"])
@pytest.mark.parametrize("text", list(BAD_SETTINGS.values()), ids=list(BAD_SETTINGS))
def test_a_settings_file_winback_cannot_use_gives_the_defaults_and_a_notice(
    data_dir: Path, title: str, text: str
) -> None:
    sample.write_sample(Store(data_dir), days=120, today=SAMPLE_END)
    (data_dir / "settings.json").write_text(text, encoding="utf-8")
    app = open_page(PAGE_FILES[title])
    assert not app.exception, app.exception
    assert app.title[0].value == title
    if title != "Help & safety":
        assert any("settings.json" in w.value and "uses its defaults" in w.value for w in app.warning)


@pytest.mark.parametrize("where", ["the-folder", "a-parent"])
@pytest.mark.parametrize("title", list(PAGE_FILES))
def test_a_data_folder_that_is_a_file_is_explained_and_help_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str, where: str
) -> None:
    blocker = tmp_path / "diary"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker if where == "the-folder" else blocker / "winback"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    app = open_page(PAGE_FILES[title])
    assert not app.exception, app.exception
    if title == "Help & safety":
        assert app.title[0].value == title
        assert "findahelpline.com" in texts(app)
    else:
        assert app.title[0].value == "winback can't open your diary"
        trouble = paths.folder_trouble(folder)
        assert trouble is not None and "is a file, not a folder" in trouble
        assert trouble in [t.value for t in app.text]
        assert "Help & safety" in [link.label for link in app.get("page_link")]
    assert blocker.read_text(encoding="utf-8") == "not a folder"
