"""Help & safety: resources follow the country a person picks in the help box, each line a link that calls, texts
or opens it, and the choice is remembered (or, when it cannot be saved, kept for the visit and said so)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import PAGE_FILES, box, folder_files, open_page, texts, texts_in, widget_keys
from tests.support.plan_flow import CONTENT, catch_downloads, fill_plan
from winback import sample
from winback.paths import sample_folder
from winback.store import StorageError, Store
from winback.ui import safety_plan_form, state


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


HOSTILE = "Sam **07700 900123** <b>not bold</b> [link](https://example.com) $x^2$"
ANSWERS = {"people_who": HOSTILE + "\nMum", "code_word": "blue umbrella", "ready_phone": True, "after_work": "Ana"}


def shown_plan(app: AppTest) -> str:
    """The plan on screen, as its file holds it (st.text drops the last line's newline)."""
    plans = [str(t.value) for t in app.text if str(t.value).startswith(CONTENT.title + "\n")]
    assert len(plans) == 1, "the plan is shown once, as plain text"
    return plans[0] + "\n"


def test_the_plan_from_help_and_safety_shows_what_was_typed_as_text_and_writes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = catch_downloads(monkeypatch)
    app = open_page(PAGE_FILES["Help & safety"])
    app.selectbox(key=state.HELP_COUNTRY).set_value("uk").run()
    before = folder_files(data_dir)
    assert safety_plan_form.NOTHING_STORED in texts_in(box(app, state.SAFETY_PLAN_BOX))
    fill_plan(app, ANSWERS)
    plan = shown_plan(app)
    assert "Who I can call or text, and how to reach them:\n    " + HOSTILE + "\n    Mum" in plan
    assert "Our code word: blue umbrella" in plan and "[x] A charged phone and a charger" in plan
    assert "Help lines (United Kingdom)" in plan and "Call 0808 2000 247" in plan
    assert HOSTILE not in texts(app).replace(plan.rstrip("\n"), ""), "typed text reaches no Markdown element"
    button = app.download_button(key=state.SAFETY_PLAN_DOWNLOAD)
    assert button.proto.deferred_file_id and button.proto.ignore_rerun, "built only when pressed, no rerun"
    assert len(downloads) == 1 and (downloads[0].file_name, downloads[0].mime) == ("plan.txt", "text/plain")
    assert downloads[0].make() == plan.encode("utf-8")
    assert "browser's Print" in texts(app)
    assert folder_files(data_dir) == before, "nothing of the plan is written unless the person keeps it"


def test_going_back_and_to_another_page_keeps_the_answers_and_clear_forgets_them(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    fill_plan(app, {"code_word": "blue umbrella"})
    app.button(key=state.SAFETY_PLAN_EDIT).click().run()
    assert app.text_input(key=state.plan_field("code_word")).value == "blue umbrella"
    app.switch_page(PAGE_FILES["Today"]).run()
    app.switch_page(PAGE_FILES["Help & safety"]).run()
    assert app.text_input(key=state.plan_field("code_word")).value == "blue umbrella"
    app.button(key=state.SAFETY_PLAN_NEXT).click().run()
    app.button(key=state.SAFETY_PLAN_BACK).click().run()
    assert app.text_input(key=state.plan_field("code_word")).value == "blue umbrella"
    for _ in CONTENT.steps:
        app.button(key=state.SAFETY_PLAN_NEXT).click().run()
    assert "Our code word: blue umbrella" in shown_plan(app)
    app.button(key=state.SAFETY_PLAN_CLEAR).click().run()
    assert "Your answers are cleared" in texts(app)
    fill_plan(app, {})
    assert "code word" not in shown_plan(app)
    assert folder_files(data_dir) == []


def test_keeping_the_plan_is_its_own_choice_with_a_warning_and_the_kept_plan_can_be_deleted(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    fill_plan(app, ANSWERS)
    plan = shown_plan(app)
    assert [b.key for b in app.button if b.key == state.SAFETY_PLAN_STORE] == [], "no keep button before the choice"
    app.checkbox(key=state.SAFETY_PLAN_STORE_CONFIRM).check().run()
    assert "Anyone who can open your winback folder" in texts(app)
    assert not (data_dir / "plan.txt").exists()
    app.button(key=state.SAFETY_PLAN_STORE).click().run()
    assert (data_dir / "plan.txt").read_text(encoding="utf-8") == plan
    assert "This plan is kept in your folder as plan.txt" in texts(app)
    again = open_page(PAGE_FILES["Help & safety"])
    assert plan.rstrip("\n") in [str(t.value) for t in again.text], "a new window shows the kept plan as text"
    again.button(key=state.SAFETY_PLAN_DELETE).click().run()
    assert (data_dir / "plan.txt").exists(), "delete asks first"
    again.button(key=state.confirm(state.SAFETY_PLAN_DELETE)).click().run()
    assert not (data_dir / "plan.txt").exists()
    assert "The kept plan is deleted" in texts(again)


def test_in_sample_mode_a_kept_plan_goes_to_the_persons_own_folder(data_dir: Path) -> None:
    sample.switch(data_dir, True)
    app = open_page(PAGE_FILES["Help & safety"])
    fill_plan(app, ANSWERS)
    app.checkbox(key=state.SAFETY_PLAN_STORE_CONFIRM).check().run()
    app.button(key=state.SAFETY_PLAN_STORE).click().run()
    assert (data_dir / "plan.txt").read_text(encoding="utf-8") == shown_plan(app)
    assert not (sample_folder(data_dir) / "plan.txt").exists()
