"""The quiz's content (winback.content.quiz): parse_quiz checks every item and names the one that is wrong;
check_coverage holds the shipped quiz to SPEC §3."""

from __future__ import annotations

import pytest

from tests.support.quiz_text import HEADER, toxic_item, worth_item
from winback.content import ContentError
from winback.content.quiz import load_quiz, parse_quiz


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER + toxic_item("hit", "danger").replace('tier = "danger"\n', ""), "question 'hit' has no tier"),
        (HEADER + toxic_item("hit", "deadly"), "question 'hit' has tier 'deadly'"),
        (HEADER + worth_item(1) + worth_item(1), "question id 'w1' appears twice"),
        (HEADER + worth_item(3).replace("points = 2\n", "", 1), "option 'p2' of question 'w3' has no points"),
        (
            HEADER + worth_item(3).replace("points = 2\n", "points = 7\n", 1),
            "option 'p2' of question 'w3' has points 7;",
        ),
        (HEADER + worth_item(4).replace('low = "Low 4."\n', ""), "question 'w4' has no low"),
        (HEADER + worth_item(5).replace('section = "worth"', 'section = "other"'), "question 'w5' has section 'other'"),
        (HEADER.replace("go_min = 70", "go_min = 40"), "0 < wait_min < go_min"),
        (
            HEADER + toxic_item("hit", "danger").replace('reason = "They did hit."\n', ""),
            "question 'hit' has no reason",
        ),
    ],
)
def test_content_errors_name_the_item(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message.replace("(", r"\(")):
        parse_quiz(content)


def test_shipped_quiz_covers_the_spec() -> None:
    shipped = load_quiz()
    assert len(shipped.worth_questions) >= 12
    assert len(shipped.toxic_questions) >= 14
    categories = {q.category for q in shipped.toxic_questions}
    for behaviour in (
        "physical_violence",
        "strangulation",
        "threats_to_kill",
        "weapon",
        "sexual_coercion",
        "stalking",
        "fear",
        "isolation",
        "monitoring",
        "financial_control",
        "humiliation",
        "intimidation",
        "gaslighting",
        "coercive_threats",
        "blame",
        "jealousy",
        "unresolved_fights",
        "cheating",
        "contempt",
    ):
        assert behaviour in categories, behaviour
    assert {q.tier for q in shipped.toxic_questions if q.category in ("strangulation", "stalking", "fear")} == {
        "danger"
    }
    assert all(q.weight < 1 for q in shipped.worth_questions if q.category == "ex_signals")
