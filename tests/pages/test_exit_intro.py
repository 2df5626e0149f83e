"""The quick exit's first-visit note (winback/ui/exit_intro.py): shown once with the monitoring warning, remembered
in the person's own settings (before sign-in, for the visit), shown again from Help & safety, never in place of
the help lines or the quick exit; and Help & safety's choice of where the quick exit goes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.test_people import as_person
from tests.support.apptest import PAGE_FILES, box, open_page, texts, texts_in
from winback import paths, quick_exit, safety, sample
from winback.store import StorageError, Store
from winback.ui import exit_intro, state

pytestmark = pytest.mark.usefixtures("first_visit")

NEUTRAL = "http://127.0.0.1:9/neutral.html"


@pytest.fixture(autouse=True)
def _deployment_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, NEUTRAL)


def note_shown(app: AppTest) -> bool:
    return any(getattr(node, "key", None) == state.EXIT_INTRO for node in _all_blocks(app))


def _all_blocks(app: AppTest) -> list[object]:
    found: list[object] = []
    todo = list(app.main.children.values())
    while todo:
        node = todo.pop()
        found.append(node)
        todo.extend(getattr(node, "children", {}).values())
    return found


def quick_exit_html(app: AppTest) -> str:
    """The st.html of the quick exit: its link and script."""
    shown = [str(node.proto.body) for node in app.get("html") if "winback-quick-exit" in str(node.proto.body)]
    assert len(shown) == 1
    return shown[0]


def settings_file(folder: Path) -> dict[str, object]:
    return dict(json.loads((folder / "settings.json").read_text(encoding="utf-8")))


def test_the_note_says_what_quick_exit_does_and_does_not_and_who_can_see(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    assert not app.exception
    note = texts_in(box(app, state.EXIT_INTRO))
    for said in (exit_intro.INTRO_EXIT, exit_intro.INTRO_TRACES, exit_intro.INTRO_MONITORING):
        assert said in note
    assert "Shift three times" in note and "does **not** erase" in note and "private window" in note
    assert "monitors this device" in note and "safer device" in note
    # Never in place of the help lines or the quick exit.
    assert "findahelpline.com" in texts_in(box(app, state.RESOURCES_PANEL))
    assert f'href="{NEUTRAL}"' in quick_exit_html(app)


def test_ok_closes_it_for_good_in_the_persons_settings(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Today"])
    assert note_shown(app)
    app.switch_page(PAGE_FILES["Daily log"]).run()
    assert note_shown(app), "shown until OK"
    app.button(key=state.EXIT_INTRO_OK).click().run()
    assert not app.exception
    assert not note_shown(app)
    assert settings_file(data_dir)["exit_intro_seen"] is True
    app.switch_page(PAGE_FILES["Progress"]).run()
    assert not note_shown(app)
    assert not note_shown(open_page(PAGE_FILES["Today"])), "a new visit remembers it"


def test_help_and_safety_shows_it_again_until_ok(data_dir: Path) -> None:
    Store(data_dir).write_settings({"exit_intro_seen": True})
    app = open_page(PAGE_FILES["Help & safety"])
    assert not note_shown(app)
    app.button(key=state.EXIT_INTRO_REOPEN).click().run()
    assert note_shown(app)
    app.switch_page(PAGE_FILES["Today"]).run()
    assert note_shown(app), "open until OK"
    app.button(key=state.EXIT_INTRO_OK).click().run()
    assert not note_shown(app)
    assert settings_file(data_dir)["exit_intro_seen"] is True


def test_in_sample_mode_it_is_remembered_in_the_persons_own_folder(data_dir: Path) -> None:
    sample.switch(data_dir, True)
    app = open_page(PAGE_FILES["Today"])
    assert note_shown(app)
    app.button(key=state.EXIT_INTRO_OK).click().run()
    assert settings_file(data_dir)["exit_intro_seen"] is True
    assert "exit_intro_seen" not in Store(paths.sample_folder(data_dir)).read_settings()[0]
    sample.switch(data_dir, False)
    assert not note_shown(open_page(PAGE_FILES["Today"])), "the person read it, whichever diary was shown"


def test_before_sign_in_it_is_kept_for_the_visit_only(data_dir: Path) -> None:
    app = as_person(None)
    assert note_shown(app)
    assert "findahelpline.com" in texts(app)
    assert "winback-quick-exit" in quick_exit_html(app)
    app.button(key=state.EXIT_INTRO_OK).click().run()
    assert not note_shown(app)
    app.run()
    assert not note_shown(app), "for the rest of the visit"
    assert list(data_dir.iterdir()) == [], "no folder before sign-in"
    assert note_shown(as_person(None)), "a new visit before sign-in shows it again"


def test_when_it_cannot_be_remembered_it_closes_for_the_visit_and_says_why(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise StorageError("Could not save settings.json: winback may not write in that folder.")

    monkeypatch.setattr(Store, "write_settings", read_only)
    app = open_page(PAGE_FILES["Today"])
    app.button(key=state.EXIT_INTRO_OK).click().run()
    assert not app.exception
    assert not note_shown(app)
    assert exit_intro.INTRO_UNSAVED in texts(app) and "may not write in that folder" in texts(app).replace("\\", "")
    app.run()
    assert not note_shown(app)
    assert exit_intro.INTRO_UNSAVED not in texts(app), "said once"


def test_a_chosen_address_is_where_the_quick_exit_goes(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Help & safety"])
    settings_box = box(app, state.QUICK_EXIT_SETTINGS)
    assert NEUTRAL in texts_in(settings_box) or NEUTRAL in [t.value for t in app.text]
    app.text_input(key=state.QUICK_EXIT_URL).set_value("https://www.example.org/rain?city=leeds&days=3")
    app.button(key=state.QUICK_EXIT_SAVE).click().run()
    assert not app.exception
    assert exit_intro.SAVED in texts(app)
    assert settings_file(data_dir)["quick_exit_url"] == "https://www.example.org/rain?city=leeds&days=3"
    assert 'href="https://www.example.org/rain?city=leeds&amp;days=3"' in quick_exit_html(app), "on this very run"
    assert "https://www.example.org/rain?city=leeds&days=3" in [t.value for t in app.text]
    app.switch_page(PAGE_FILES["Today"]).run()
    assert 'href="https://www.example.org/rain?' in quick_exit_html(app), "on every page"
    app.switch_page(PAGE_FILES["Help & safety"]).run()
    app.button(key=state.QUICK_EXIT_DEFAULT).click().run()
    assert exit_intro.BACK_TO_DEFAULT in texts(app)
    assert settings_file(data_dir)["quick_exit_url"] is None
    assert f'href="{NEUTRAL}"' in quick_exit_html(app), "back to the deployment's page"
    assert app.text_input(key=state.QUICK_EXIT_URL).value == ""


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("http://www.example.org/", quick_exit.NOT_HTTPS),
        ("https://me:secret@www.example.org/", quick_exit.CREDENTIALS),
        ("https://www.example.org/\u202e", quick_exit.HIDDEN_CHARACTERS),
        ("https://www.example.org/" + "x" * 300, quick_exit.TOO_LONG),
    ],
)
def test_a_refused_address_is_said_why_and_loses_nothing(data_dir: Path, typed: str, words: str) -> None:
    Store(data_dir).write_settings({"quick_exit_url": "https://www.example.org/mine", "exit_intro_seen": True})
    app = open_page(PAGE_FILES["Help & safety"])
    app.text_input(key=state.QUICK_EXIT_URL).set_value(typed)
    app.button(key=state.QUICK_EXIT_SAVE).click().run()
    assert not app.exception
    assert words in [e.value for e in app.error]
    assert app.text_input(key=state.QUICK_EXIT_URL).value == typed, "what was typed stays in the field"
    assert settings_file(data_dir)["quick_exit_url"] == "https://www.example.org/mine", "the saved one is unchanged"
    assert 'href="https://www.example.org/mine"' in quick_exit_html(app)
