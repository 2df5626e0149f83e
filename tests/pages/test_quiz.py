"""The quiz page: a complete quiz saves one attempt and shows the verdict; an incomplete one saves nothing;
a danger result puts help above everything else; past attempts show what changed and can be deleted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.builders import ready_for_step_4
from tests.support.apptest import PAGE_FILES, box, folder_files, open_page, texts, texts_in, widget_keys
from tests.support.clock import Clock
from tests.support.plan_flow import CONTENT as PLAN
from tests.support.plan_flow import catch_downloads, fill_plan
from winback.content.quiz import load_quiz
from winback.store import Store
from winback.ui import state
from winback.ui.widgets import NUMBERS_LABEL

CONTENT = load_quiz()


def answer_all(app: AppTest, *, worth: str = "best", **toxic: str) -> None:
    for question in CONTENT.questions:
        if question.kind == "worth":
            ranked = sorted(question.options, key=lambda o: o.points or 0)
            choice = ranked[-1] if worth == "best" else ranked[0]
            app.radio(key=f"q_{question.id}").set_value(choice.id)
        else:
            app.radio(key=f"q_{question.id}").set_value(toxic.get(question.id, "never"))
    app.run()


def first_index(app: AppTest, needle: str) -> int:
    """Position, among the page's top-level blocks, of the first one whose text contains ``needle``. The page
    is drawn inside the error boundary's container for the page (winback.ui.guard.run_page), itself the last
    block of the boundary around the frame (app.py), so its blocks are that inner one's."""
    frame = list(app.main.children.values())[-1]
    page = list(frame.children.values())[-1]
    for index, child in enumerate(page.children.values()):
        if needle in texts_of(child):
            return index
    raise AssertionError(f"{needle!r} is not on the page")


def texts_of(node: object) -> str:
    value = getattr(node, "value", None)
    parts = [str(value)] if isinstance(value, str) else []
    for child in getattr(node, "children", {}).values():
        parts.append(texts_of(child))
    return "\n".join(parts)


def test_a_complete_quiz_saves_one_attempt_and_shows_the_verdict(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app)
    total = len(CONTENT.questions)
    assert f"{total} of {total} answered" in app.get("progress")[0].proto.text
    app.button(key="quiz_submit").click().run()
    assert not app.exception
    assert app.success[0].value == "**Worth trying — start with step 1.**"
    attempts = Store(data_dir).read("quiz_attempts").frame
    assert len(attempts) == 1
    assert attempts.iloc[0]["verdict"] == "go"
    assert len(Store(data_dir).read("quiz_answers").frame) == len(CONTENT.questions)
    assert "Next step:" in texts(app)


def test_an_incomplete_quiz_names_what_is_missing_keeps_answers_and_saves_nothing(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app)
    skipped = [CONTENT.questions[2], CONTENT.questions[20]]
    for question in skipped:
        app.radio(key=f"q_{question.id}").set_value(None)
    app.run()
    app.button(key="quiz_submit").click().run()
    assert "Please answer 2 more questions (3, 21)" in app.error[0].value
    for question in skipped:
        assert question.text in texts(app)
    assert app.radio(key=f"q_{CONTENT.questions[0].id}").value is not None
    assert not (data_dir / "quiz_attempts.csv").exists()
    assert not (data_dir / "quiz_answers.csv").exists()


def test_a_danger_result_puts_help_above_everything_else(data_dir: Path) -> None:
    danger = next(q for q in CONTENT.toxic_questions if q.tier == "danger")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{danger.id: "once"})
    app.button(key="quiz_submit").click().run()
    assert app.error[0].value == "**Your safety comes first.**"
    help_at = first_index(app, "Help is here")
    assert help_at < first_index(app, "Readiness quiz")
    assert help_at < first_index(app, "Your safety comes first.")
    assert "findahelpline.com" in texts(app)
    assert "not your fault" in texts(app)
    assert danger.reason in texts(app)
    assert Store(data_dir).read("quiz_attempts").frame.iloc[0]["verdict"] == "danger"


def test_a_toxic_result_shows_help_and_says_dont_go_back(data_dir: Path) -> None:
    toxic = next(q for q in CONTENT.toxic_questions if q.tier == "toxic")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{toxic.id: "often"})
    app.button(key="quiz_submit").click().run()
    assert app.warning[0].value == "**Don't go back.**"
    assert first_index(app, "Help is here") < first_index(app, "Readiness quiz")


def past_attempts(app: AppTest) -> list[str]:
    """The past attempts' expanders (the result's worth dial has its own, "Show the numbers")."""
    return [str(e.label) for e in app.expander if e.label != NUMBERS_LABEL]


def test_history_shows_the_change_and_delete_needs_confirmation(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, worth="worst")
    app.button(key="quiz_submit").click().run()
    app.button(key="quiz_again").click().run()
    answer_all(app)
    app.button(key="quiz_submit").click().run()
    assert len(past_attempts(app)) == 2
    assert "answers changed" in texts(app)
    newest = Store(data_dir).read("quiz_attempts").frame.sort_values("taken_at").iloc[-1]["attempt_id"]
    app.button(key=state.delete_attempt(newest)).click().run()
    assert "Delete this attempt for good?" in texts(app)
    assert len(Store(data_dir).read("quiz_attempts").frame) == 2
    app.button(key=state.confirm(state.delete_attempt(newest))).click().run()
    assert list(Store(data_dir).read("quiz_attempts").frame["attempt_id"]) != [newest]
    assert len(Store(data_dir).read("quiz_attempts").frame) == 1
    assert len(past_attempts(app)) == 1


def test_the_reconnect_page_reads_the_lock_from_the_latest_attempt(data_dir: Path) -> None:
    danger = next(q for q in CONTENT.toxic_questions if q.tier == "danger")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{danger.id: "often"})
    app.button(key="quiz_submit").click().run()
    app.switch_page(PAGE_FILES["Reconnect"]).run()
    assert "Your answers showed danger" in texts(app)
    assert not app.get("form")


def test_answers_given_so_far_stay_when_the_person_looks_at_another_page(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Readiness quiz"])
    first = CONTENT.questions[:3]
    for question in first:
        app.radio(key=state.question(question.id)).set_value(question.options[0].id)
    app.run()
    app.switch_page(PAGE_FILES["Help & safety"]).run()
    app.switch_page(PAGE_FILES["Readiness quiz"]).run()
    assert [app.radio(key=state.question(q.id)).value for q in first] == [q.options[0].id for q in first]
    total = len(CONTENT.questions)
    assert f"3 of {total} answered" in app.get("progress")[0].proto.text


def test_the_help_box_on_a_danger_result_asks_where_you_are_and_every_box_follows(data_dir: Path) -> None:
    danger = next(q for q in CONTENT.toxic_questions if q.tier == "danger")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{danger.id: "once"})
    app.button(key="quiz_submit").click().run()
    assert widget_keys(box(app, state.RESOURCES_PANEL)) == [state.QUIZ_HELP_COUNTRY]
    app.selectbox(key=state.QUIZ_HELP_COUNTRY).set_value("uk").run()
    shown = texts_in(box(app, state.RESOURCES_PANEL))
    assert "[Call 999](tel:999)" in shown and "[Call 116 123](tel:116123)" in shown
    assert "findahelpline.com" not in shown
    assert json.loads((data_dir / "settings.json").read_text())["country"] == "uk"
    app.switch_page(PAGE_FILES["Help & safety"]).run()
    assert app.selectbox(key=state.HELP_COUNTRY).value == "uk"
    assert "tel:08082000247" in texts(app)


def test_coming_back_after_a_danger_result_the_help_box_is_there_before_a_new_attempt(
    data_dir: Path, clock: Clock
) -> None:
    ready_for_step_4(Store(data_dir), clock, verdict="danger", tier="danger")
    app = open_page(PAGE_FILES["Readiness quiz"])
    assert "Your latest result put your safety first" in texts(app)
    assert "findahelpline.com" in texts(app)


def has_plan_box(app: AppTest) -> bool:
    try:
        box(app, state.SAFETY_PLAN_BOX)
    except AssertionError:
        return False
    return True


def test_a_danger_result_offers_the_safety_plan_and_it_writes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = catch_downloads(monkeypatch)
    danger = next(q for q in CONTENT.toxic_questions if q.tier == "danger")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{danger.id: "once"})
    app.button(key="quiz_submit").click().run()
    assert "Make a safety plan" in [b.label for b in app.button]
    assert first_index(app, "Your safety comes first.") < first_index(app, PLAN.title)
    after_the_quiz = folder_files(data_dir)
    fill_plan(app, {"places_where": "My sister's flat", "ready_keys": True})
    plan = [str(t.value) for t in app.text if str(t.value).startswith(PLAN.title)]
    assert len(plan) == 1
    assert "Places I could go:\n    My sister's flat" in plan[0] and "[x] Spare keys (home, car)" in plan[0]
    assert "Help lines (Another country)" in plan[0] and "findahelpline.com" in plan[0]
    assert [(d.file_name, d.make()) for d in downloads] == [("plan.txt", (plan[0] + "\n").encode("utf-8"))]
    assert folder_files(data_dir) == after_the_quiz


def test_a_toxic_result_offers_the_safety_plan_and_a_go_result_does_not(data_dir: Path) -> None:
    toxic = next(q for q in CONTENT.toxic_questions if q.tier == "toxic")
    app = open_page(PAGE_FILES["Readiness quiz"])
    answer_all(app, **{toxic.id: "often"})
    app.button(key="quiz_submit").click().run()
    assert app.warning[0].value == "**Don't go back.**"
    assert has_plan_box(app)
    app.button(key="quiz_again").click().run()
    answer_all(app)
    app.button(key="quiz_submit").click().run()
    assert app.success[0].value == "**Worth trying — start with step 1.**"
    assert not has_plan_box(app)
