"""Quiz scoring follows SPEC §3 exactly (winback.quiz); saved attempts, their history and the lock have one source."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.clock import Clock
from tests.support.quiz_text import HEADER, toxic_item, worth_item
from winback import quiz
from winback.content.quiz import load_quiz, parse_quiz
from winback.quiz import score
from winback.schema import QUIZ_ATTEMPTS, frame_from_columns
from winback.store import Store
from winback.vocab import TOXIC_ANSWERS

# 25 worth items of 0–4 points: the worth score is simply the sum of points.
TEST_QUIZ = parse_quiz(
    HEADER
    + "".join(worth_item(n) for n in range(25))
    + toxic_item("hit", "danger")
    + toxic_item("isolate", "toxic")
    + toxic_item("jealous", "caution")
    + toxic_item("mock", "caution", penalty=20)
)


NONE_TOXIC = {"hit": "never", "isolate": "never", "jealous": "never", "mock": "never"}


def answers_worth(total: int, **toxic: str) -> dict[str, str]:
    """Worth answers adding up to ``total`` points (0–100), plus the toxic answers (never by default)."""
    points = [4] * (total // 4) + ([total % 4] if total % 4 else [])
    points += [0] * (25 - len(points))
    return {f"w{n}": f"p{p}" for n, p in enumerate(points)} | NONE_TOXIC | toxic


@pytest.mark.parametrize(
    ("total", "verdict"), [(100, "go"), (70, "go"), (69, "wait"), (45, "wait"), (44, "dont"), (0, "dont")]
)
def test_worth_thresholds(total: int, verdict: str) -> None:
    result = score(TEST_QUIZ, answers_worth(total))
    assert (result.worth, result.verdict, result.tier) == (total, verdict, "none")


def test_danger_overrides_a_perfect_worth_score() -> None:
    result = score(TEST_QUIZ, answers_worth(100, hit="once"))
    assert result.verdict == "danger"
    assert result.tier == "danger"
    assert result.reasons[0] == "They did hit."
    assert result.shows_resources
    assert result.headline == "Your safety comes first."


@pytest.mark.parametrize("answer", ["once", "sometimes", "often"])
def test_every_answer_but_never_on_a_danger_item_is_danger(answer: str) -> None:
    assert score(TEST_QUIZ, answers_worth(80, hit=answer)).verdict == "danger"


@pytest.mark.parametrize("answer", ["sometimes", "often"])
def test_toxic_item_sometimes_or_often_means_dont_go_back(answer: str) -> None:
    result = score(TEST_QUIZ, answers_worth(100, isolate=answer))
    assert (result.verdict, result.tier) == ("dont", "toxic")
    assert result.headline == "Don't go back."
    assert "They did isolate." in result.reasons
    assert result.shows_resources


def test_toxic_item_once_is_a_caution_with_its_penalty() -> None:
    result = score(TEST_QUIZ, answers_worth(80, isolate="once"))
    assert (result.verdict, result.tier, result.worth) == ("go", "caution", 72)
    assert not result.shows_resources


@pytest.mark.parametrize("answer", ["never", "once", "sometimes"])
def test_caution_item_below_often_changes_nothing(answer: str) -> None:
    result = score(TEST_QUIZ, answers_worth(70, jealous=answer))
    assert (result.verdict, result.tier, result.worth) == ("go", "none", 70)


def test_caution_often_lowers_worth_across_a_threshold() -> None:
    result = score(TEST_QUIZ, answers_worth(75, jealous="often"))
    assert (result.worth, result.verdict, result.tier) == (67, "wait", "caution")
    assert "They did jealous." in result.reasons
    assert any("lowered the score by 8 points" in r for r in result.reasons)


def test_penalties_add_up_and_an_item_can_set_its_own() -> None:
    result = score(TEST_QUIZ, answers_worth(90, jealous="often", mock="often", isolate="once"))
    assert result.worth == 90 - 8 - 20 - 8
    assert (result.verdict, result.tier) == ("wait", "caution")


def test_worth_is_clamped_at_zero() -> None:
    result = score(TEST_QUIZ, answers_worth(10, jealous="often", mock="often"))
    assert result.worth == 0
    assert result.verdict == "dont"


def test_weights_scale_points_and_maximum() -> None:
    weighted = parse_quiz(HEADER + worth_item(0) + worth_item(1, weight=0.5) + toxic_item("hit", "danger"))
    # 4 of 4 on the full item and 0 of 4 on the half-weight one: 4 / 6 of the maximum.
    assert score(weighted, {"w0": "p4", "w1": "p0", "hit": "never"}).worth == 67


def test_reasons_name_what_drove_the_verdict() -> None:
    low = score(TEST_QUIZ, answers_worth(20))
    assert low.verdict == "dont"
    assert all(r.startswith("Low ") for r in low.reasons)
    high = score(TEST_QUIZ, answers_worth(100))
    assert high.reasons and all(r.startswith("High ") for r in high.reasons)


def test_unknown_question_or_option_is_refused() -> None:
    with pytest.raises(KeyError):
        score(TEST_QUIZ, {"nope": "p1"})
    with pytest.raises(KeyError):
        score(TEST_QUIZ, {"w0": "p9"})


def test_shipped_quiz_best_answers_say_go_and_any_danger_says_danger() -> None:
    shipped = load_quiz()
    best = {q.id: max(q.options, key=lambda o: o.points or 0).id for q in shipped.worth_questions}
    best |= {q.id: "never" for q in shipped.toxic_questions}
    assert score(shipped, best).verdict == "go"
    for q in shipped.toxic_questions:
        if q.tier == "danger":
            assert score(shipped, best | {q.id: "once"}).verdict == "danger", q.id


# Properties over any answer set.

TOXIC_IDS = ("hit", "isolate", "jealous", "mock")


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, str]:
    worth = {f"w{n}": f"p{p}" for n in range(25) if (p := draw(st.one_of(st.none(), st.integers(0, 4)))) is not None}
    toxic = {t: a for t in TOXIC_IDS if (a := draw(st.one_of(st.none(), st.sampled_from(TOXIC_ANSWERS)))) is not None}
    return worth | toxic


@pytest.mark.timeless
@settings(max_examples=300, deadline=None)
@given(answer_sets(), st.sampled_from(["once", "sometimes", "often"]))
def test_adding_a_danger_answer_always_gives_danger(answers: dict[str, str], answer: str) -> None:
    assert score(TEST_QUIZ, answers | {"hit": answer}).verdict == "danger"


@pytest.mark.timeless
@settings(max_examples=300, deadline=None)
@given(answer_sets(), st.sampled_from(["sometimes", "often"]))
def test_adding_a_toxic_answer_without_danger_gives_dont(answers: dict[str, str], answer: str) -> None:
    result = score(TEST_QUIZ, answers | {"hit": "never", "isolate": answer})
    assert (result.verdict, result.tier) == ("dont", "toxic")


@pytest.mark.timeless
@settings(max_examples=300, deadline=None)
@given(answer_sets(), st.integers(0, 24))
def test_raising_a_worth_answer_never_lowers_worth(answers: dict[str, str], item: int) -> None:
    key = f"w{item}"
    current = int(answers.get(key, "p0")[1:])
    for higher in range(current, 5):
        raised = answers | {key: f"p{higher}"}
        if key in answers:
            assert score(TEST_QUIZ, raised).worth >= score(TEST_QUIZ, answers).worth
        assert score(TEST_QUIZ, raised | {key: f"p{min(higher + 1, 4)}"}).worth >= score(TEST_QUIZ, raised).worth


@pytest.mark.timeless
@settings(max_examples=200, deadline=None)
@given(answer_sets())
def test_worth_stays_within_0_and_100(answers: dict[str, str]) -> None:
    assert 0 <= score(TEST_QUIZ, answers).worth <= 100


# Saved attempts, history and the lock.


def attempts_frame(*rows: tuple[str, datetime, str, str, int]) -> pd.DataFrame:
    return frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": [r[0] for r in rows],
            "taken_at": [r[1] for r in rows],
            "quiz_version": ["test"] * len(rows),
            "verdict": [r[2] for r in rows],
            "tier": [r[3] for r in rows],
            "worth": [r[4] for r in rows],
        },
    )


TODAY = date(2026, 6, 1)


RECENT = datetime(2026, 5, 20, 20, 0)


@pytest.mark.parametrize(
    ("rows", "is_open", "says"),
    [
        ((), False, "Take the readiness quiz first"),
        ((("a", RECENT, "go", "none", 80),), True, "worth trying"),
        ((("a", RECENT, "go", "caution", 72),), True, "worth trying"),
        ((("a", RECENT, "wait", "none", 60),), False, "retake"),
        ((("a", RECENT, "dont", "none", 30),), False, "not worth the effort"),
        ((("a", RECENT, "dont", "toxic", 90),), False, "toxic"),
        ((("a", RECENT, "danger", "danger", 90),), False, "safety comes first"),
        ((("a", datetime(2026, 2, 1, 9), "go", "none", 80),), False, "days old"),
        ((("a", datetime(2026, 3, 3, 9), "go", "none", 80),), True, "worth trying"),
        ((("a", datetime(2026, 3, 2, 9), "go", "none", 80),), False, "91 days old"),
        ((("a", datetime(2026, 4, 1), "danger", "danger", 90), ("b", RECENT, "go", "none", 80)), True, "worth"),
        (
            (
                ("a", datetime(2026, 3, 1), "danger", "danger", 90),
                ("b", datetime(2026, 4, 1), "dont", "toxic", 80),
                ("c", RECENT, "go", "none", 80),
            ),
            False,
            "2 of your quiz attempts",
        ),
        ((("a", RECENT, "danger", "danger", 90), ("b", datetime(2026, 4, 1), "go", "none", 80)), False, "danger"),
    ],
)
def test_quiz_lock(rows: tuple[tuple[str, datetime, str, str, int], ...], is_open: bool, says: str) -> None:
    lock = quiz.quiz_lock(attempts_frame(*rows), TODAY)
    assert lock.open is is_open
    assert says in lock.reason


def test_save_history_and_delete(tmp_path: object) -> None:
    from pathlib import Path

    store = Store(Path(str(tmp_path)))
    first = answers_worth(50)
    second = answers_worth(80) | {"jealous": "often"}
    a = quiz.save_attempt(store, TEST_QUIZ, first, score(TEST_QUIZ, first), datetime(2026, 5, 1, 20))
    b = quiz.save_attempt(store, TEST_QUIZ, second, score(TEST_QUIZ, second), datetime(2026, 5, 29, 20))
    attempts = store.read("quiz_attempts").frame
    answers = store.read("quiz_answers").frame
    assert quiz.answers_of(answers, a) == first
    past = quiz.history(TEST_QUIZ, attempts, answers)
    assert [p.attempt_id for p in past] == [b, a]
    assert past[0].worth == 72 and past[0].worth_change == 22 and past[0].verdict_changed
    assert "Did they jealous?" in past[0].changed_answers
    assert past[1].worth_change is None
    quiz.delete_attempt(store, b)
    assert list(store.read("quiz_attempts").frame["attempt_id"]) == [a]
    assert set(store.read("quiz_answers").frame["attempt_id"]) == {a}


def test_latest_verdict_is_the_newest_attempt() -> None:
    frame = attempts_frame(("b", RECENT, "go", "none", 80), ("a", RECENT - timedelta(days=30), "dont", "toxic", 50))
    latest = quiz.latest_verdict(frame)
    assert latest is not None and latest.attempt_id == "b"


def test_the_attempt_saved_last_is_the_latest_even_in_the_same_second(tmp_path: Path, clock: Clock) -> None:
    store = Store(tmp_path)
    danger = answers_worth(80) | {"hit": "once"}
    safe = answers_worth(80)
    ids = [
        quiz.save_attempt(store, TEST_QUIZ, chosen, score(TEST_QUIZ, chosen), clock.now)
        for chosen in (danger, safe, danger)
    ]
    attempts = store.read("quiz_attempts").frame
    latest = quiz.latest_verdict(attempts)
    assert latest is not None and latest.attempt_id == ids[-1]
    assert latest.verdict == "danger"
    assert sorted(attempts["taken_at"]) == list(attempts.set_index("attempt_id").loc[ids, "taken_at"])


def test_the_lock_stays_closed_while_attempts_could_not_be_read() -> None:
    go = attempts_frame(("a", RECENT, "go", "none", 80))
    assert quiz.quiz_lock(go, TODAY).open
    lock = quiz.quiz_lock(go, TODAY, unreadable=1)
    assert not lock.open
    assert "could not be read" in lock.reason


def test_an_attempt_dated_after_today_keeps_the_lock_closed() -> None:
    future_go = attempts_frame(
        ("a", RECENT, "danger", "danger", 90), ("b", datetime(9999, 12, 31, 23, 59, 59), "go", "none", 80)
    )
    lock = quiz.quiz_lock(future_go, TODAY)
    assert not lock.open
    assert "after today" in lock.reason


def test_an_attempt_saved_after_a_far_future_one_is_saved_at_its_own_time(tmp_path: Path, clock: Clock) -> None:
    store = Store(tmp_path)
    store.upsert(
        "quiz_attempts",
        [
            {
                "attempt_id": "future",
                "taken_at": datetime(9999, 12, 31, 23, 59, 59),
                "quiz_version": "test",
                "worth": 80,
                "tier": "none",
                "verdict": "go",
            }
        ],
    )
    danger = answers_worth(80) | {"hit": "once"}
    saved = quiz.save_attempt(store, TEST_QUIZ, danger, score(TEST_QUIZ, danger), clock.now)
    attempts = store.read("quiz_attempts").frame.set_index("attempt_id")
    assert attempts.loc[saved, "taken_at"] == pd.Timestamp(clock.now.replace(microsecond=0))
    assert not quiz.quiz_lock(attempts.reset_index(), clock.today).open
