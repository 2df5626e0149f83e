"""A person takes the whole readiness quiz with the mouse, sees the verdict and their history, also at 390 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import new_page, rerun, sideways, to_phone_width, visit
from tests.support.devserver import ROOT, Server
from winback import quiz
from winback.content.quiz import load_quiz
from winback.store import Store
from winback.ui.widgets import NUMBERS_LABEL

pytestmark = pytest.mark.e2e

CONTENT = load_quiz()
SHOTS = ROOT / "artifacts" / "e2e"


def plan_answers(target: str) -> dict[str, str]:
    """Answers a person might give for each kind of result, checked against the scoring itself."""
    answers: dict[str, str] = {}
    for question in CONTENT.worth_questions:
        ranked = sorted(question.options, key=lambda o: o.points or 0)
        answers[question.id] = ranked[-1].id if target in ("go", "danger") else ranked[len(ranked) // 2].id
    for question in CONTENT.toxic_questions:
        answers[question.id] = "never"
    if target == "danger":
        answers[next(q.id for q in CONTENT.toxic_questions if q.category == "strangulation")] = "once"
    assert quiz.score(CONTENT, answers).verdict == target
    return answers


def take_quiz(page: Page, server: Server, answers: dict[str, str]) -> None:
    visit(page, f"{server.url}/quiz")
    for question in CONTENT.questions:
        label = question.option(answers[question.id]).label
        with rerun(page):
            page.locator(f".st-key-q_{question.id}").get_by_text(label, exact=True).click()
    expect(page.get_by_text(f"{len(CONTENT.questions)} of {len(CONTENT.questions)} answered")).to_be_visible()
    with rerun(page):
        page.locator(".st-key-quiz_submit").get_by_role("button").click()


@pytest.fixture
def wide(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, viewport={"width": 1280, "height": 1000})
    yield page
    page.context.close()


@pytest.mark.parametrize(
    ("target", "headline"),
    [
        ("go", "Worth trying — start with step 1."),
        ("wait", "Unclear — do steps 1–3 and retake the quiz in 4 weeks."),
        ("danger", "Your safety comes first."),
    ],
)
def test_a_person_takes_the_quiz_and_sees_the_result(server: Server, wide: Page, target: str, headline: str) -> None:
    take_quiz(wide, server, plan_answers(target))
    expect(wide.get_by_text(headline, exact=True)).to_be_visible()
    assert wide.get_by_test_id("stException").count() == 0
    if target == "danger":
        panel = wide.get_by_text("Help is here, whenever you want it")
        title = wide.get_by_role("heading", name="Readiness quiz")
        expect(wide.locator(".st-key-resources_panel")).to_be_in_viewport(ratio=0.9)
        assert panel.bounding_box()["y"] < title.bounding_box()["y"]  # type: ignore[index]
        expect(wide.get_by_text("findahelpline.com")).to_be_visible()
        expect(wide.get_by_test_id("stPlotlyChart")).to_have_count(0)
    else:
        expect(wide.get_by_test_id("stPlotlyChart")).to_be_visible()
    expect(wide.get_by_text("Past attempts")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide.screenshot(path=str(SHOTS / f"quiz-{target}.png"), full_page=True)
    # The result reads on a phone too (the rest of the app at 390 px: tests/e2e/test_phone_width.py).
    to_phone_width(wide)
    assert sideways(wide) == [], "at 390 px"


def test_history_lists_every_attempt_with_what_changed(server: Server, wide: Page) -> None:
    take_quiz(wide, server, plan_answers("wait"))
    take_quiz(wide, server, plan_answers("go"))
    # The attempts' expanders (the result's worth dial has its own, with its numbers).
    expanders = wide.get_by_test_id("stExpander").filter(has_not_text=NUMBERS_LABEL)
    # Other tests of this module may have taken the quiz on the same folder before: count what is stored.
    expect(expanders).to_have_count(len(Store(server.data_dir).read("quiz_attempts").frame))
    expanders.first.click()
    expect(wide.get_by_text("answers changed").first).to_be_visible()
    wide.screenshot(path=str(SHOTS / "quiz-history.png"), full_page=True)


def test_after_a_danger_result_the_reconnect_page_stays_closed(server: Server, wide: Page, tmp_path: Path) -> None:
    take_quiz(wide, server, plan_answers("danger"))
    with rerun(wide):
        wide.get_by_test_id("stSidebarNav").get_by_role("link", name="Reconnect", exact=True).click()
    expect(wide.get_by_text("Your answers showed danger", exact=False)).to_be_visible()
    expect(wide.get_by_test_id("stForm")).to_have_count(0)
