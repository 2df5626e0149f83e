"""Several people: with sign-in set up, each person's data lives in its own folder and nobody sees another's."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import PAGE_FILES, box, texts, texts_in, widget_keys
from tests.support.devserver import ROOT
from winback import paths
from winback.content.quiz import load_quiz
from winback.ui import session, state
from winback.ui.frame import UNNAMED_SIGN_IN

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "winback-test",
    "client_secret": "not-a-secret",
    "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
}
ISSUER = "https://login.example.com"


def as_person(subject: str | None, page: str = PAGE_FILES["Today"], issuer: str | None = ISSUER) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "iss": issuer, "sub": subject, "email": f"{subject}@example.com"}
    if subject is None:
        app.user = {"is_logged_in": False}
    app.run()
    if page != PAGE_FILES["Today"]:
        app.switch_page(page).run()
    return app


def folder_of(root: Path, subject: str) -> Path:
    return paths.person_folder(root, ISSUER, subject)


def log_a_day(app: AppTest, note: str) -> None:
    app.select_slider(key="mood").set_value(5)
    app.text_area(key="note").input(note)
    app.button[0].click().run()
    assert app.success, texts(app)


def test_a_visitor_who_is_not_signed_in_sees_only_the_sign_in_screen(data_dir: Path) -> None:
    app = as_person(None)
    assert not app.exception
    assert [b.label for b in app.button] == ["Sign in"]
    assert "findahelpline.com" in texts(app)
    assert list(data_dir.iterdir()) == []


def test_on_the_sign_in_screen_the_help_box_asks_where_you_are_and_keeps_it_for_the_visit(data_dir: Path) -> None:
    app = as_person(None)
    panel = box(app, state.RESOURCES_PANEL)
    assert widget_keys(panel) == [state.SIGN_IN_COUNTRY]
    app.selectbox(key=state.SIGN_IN_COUNTRY).set_value("uk").run()
    assert not app.exception, app.exception
    shown = texts_in(box(app, state.RESOURCES_PANEL))
    assert "[Call 0808 2000 247](tel:08082000247)" in shown
    assert "findahelpline.com" not in shown
    assert "could not be saved" not in shown, "nothing to save it in yet, and nothing went wrong"
    assert [b.label for b in app.button] == ["Sign in"]
    assert list(data_dir.iterdir()) == [], "no folder before sign-in"


def test_each_person_writes_to_their_own_hashed_folder(data_dir: Path) -> None:
    alice = as_person("alice", PAGE_FILES["Daily log"])
    log_a_day(alice, "alice's private note")
    assert (folder_of(data_dir, "alice") / "daily_log.csv").exists()
    assert not (data_dir / "daily_log.csv").exists()
    assert "alice's private note" in (folder_of(data_dir, "alice") / "daily_log.csv").read_text()


def test_person_b_never_sees_person_a(data_dir: Path) -> None:
    alice = as_person("alice", PAGE_FILES["Daily log"])
    log_a_day(alice, "alice's private note")
    alice.switch_page(PAGE_FILES["Readiness quiz"]).run()
    for question in load_quiz().questions:
        choice = question.options[-1].id if question.kind == "worth" else "never"
        alice.radio(key=f"q_{question.id}").set_value(choice)
    alice.run()
    alice.button(key="quiz_submit").click().run()
    assert alice.success

    for page in PAGE_FILES.values():
        bob = as_person("bob", page)
        assert not bob.exception, page
        shown = texts(bob)
        assert "alice" not in shown, page
        assert "Worth trying" not in shown or page == PAGE_FILES["Readiness quiz"], page
        assert not bob.expander or page != PAGE_FILES["Readiness quiz"], "no past attempts for bob"
        for frame in bob.dataframe:
            assert "alice" not in frame.value.to_string(), page
    # The chart caches are per folder: bob's mood view is empty while alice's, built first, shows her day.
    alice = as_person("alice", PAGE_FILES["Progress"])
    alice.session_state["progress_view"] = "Mood"
    alice.run()
    assert len(alice.get("plotly_chart")) == 2
    bob = as_person("bob", PAGE_FILES["Progress"])
    bob.session_state["progress_view"] = "Mood"
    bob.run()
    assert len(bob.get("plotly_chart")) == 1, "bob has only the empty step bars"
    assert "Log how you feel" in texts(bob)


def test_without_sign_in_from_this_computer_there_is_no_warning(data_dir: Path) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert "shares one diary" not in texts(app)


def test_without_sign_in_from_another_computer_everyone_is_warned(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session, "client_address", lambda: "192.0.2.10")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert "Everyone who opens this address shares one diary" in texts(app)
    monkeypatch.setattr(session, "client_address", lambda: "127.0.0.5")
    app.run()
    assert "shares one diary" not in texts(app)


@pytest.mark.parametrize(
    ("issuer", "subject"),
    [(ISSUER, ""), ("", "alice"), (None, "alice"), (ISSUER, "   ")],
    ids=["no-sub", "empty-iss", "no-iss", "blank-sub"],
)
def test_a_sign_in_that_does_not_say_who_it_is_opens_no_diary(data_dir: Path, issuer: str | None, subject: str) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "email": "someone@example.com"}
    if issuer is not None:
        app.user["iss"] = issuer
    app.user["sub"] = subject
    app.run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [UNNAMED_SIGN_IN]
    assert [b.label for b in app.button] == ["Sign out"]
    assert "findahelpline.com" in texts(app)
    assert list(data_dir.iterdir()) == []


def test_a_diary_under_the_old_folder_name_is_found_and_moved_on_sign_in(data_dir: Path) -> None:
    old = data_dir / "users" / hashlib.sha256(f"{ISSUER}alice".encode()).hexdigest()
    old.mkdir(parents=True)
    (old / "daily_log.csv").write_text(
        "date,mood,missing_ex,contact,activities,note\n2026-01-05,4,3,none,,alice's old note\n", encoding="utf-8"
    )
    alice = as_person("alice", PAGE_FILES["Daily log"])
    assert not alice.exception
    alice.segmented_control(key="history_period").set_value("All").run()
    assert "alice's old note" in alice.dataframe[0].value.to_string()
    assert not old.exists()
    assert (folder_of(data_dir, "alice") / "daily_log.csv").exists()
