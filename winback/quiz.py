"""The readiness quiz: content (content/quiz.toml), scoring, saved attempts, and the lock on steps 4–5.

Scoring follows SPEC §3: any danger answer gives *danger*; else any toxic answer gives *dont* (tier toxic);
else worth = 100 × points / max points, minus caution penalties, clamped 0–100, with thresholds from the
content file. Everything here is pure except ``save_attempt`` and ``delete_attempt``.
"""

from __future__ import annotations

import math
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any, Literal

import pandas as pd

from winback.schema import QUIZ_ANSWERS, QUIZ_ATTEMPTS
from winback.store import Store
from winback.words import day_words

Section = Literal["worth", "toxic"]
Tier = Literal["none", "caution", "toxic", "danger"]
VerdictName = Literal["go", "wait", "dont", "danger"]

TIER_ORDER: dict[str, int] = {"none": 0, "caution": 1, "toxic": 2, "danger": 3}
ITEM_TIERS = ("danger", "toxic", "caution")
TOXIC_ANSWERS = ("never", "once", "sometimes", "often")
# What each answer to a Section B item means, by the item's tier (SPEC §3).
ANSWER_TIER: dict[str, dict[str, Tier]] = {
    "danger": {"never": "none", "once": "danger", "sometimes": "danger", "often": "danger"},
    "toxic": {"never": "none", "once": "caution", "sometimes": "toxic", "often": "toxic"},
    "caution": {"never": "none", "once": "none", "sometimes": "none", "often": "caution"},
}
MAX_POINTS = 4
MIN_WORTH_ITEMS = 12
MIN_TOXIC_ITEMS = 14
WORTH_CATEGORIES = (
    "satisfaction",
    "respect_in_disagreement",
    "trust_honesty",
    "shared_future",
    "what_ended_it",
    "willingness_to_change",
    "own_motive",
    "breakup_cycles",
    "conflict_resolution",
    "shared_values",
    "friends_family_view",
    "self_worth_in_relationship",
    "ex_signals",
)

HEADLINES: dict[str, str] = {
    "go": "Worth trying — start with step 1.",
    "wait": "Unclear — do steps 1–3 and retake the quiz in 4 weeks.",
    "dont": "Don't go back — focus on yourself.",
    "danger": "Your safety comes first.",
}
TOXIC_HEADLINE = "Don't go back."
NEXT_STEPS: dict[str, str] = {
    "go": "Start with step 1, no contact: a month apart helps you both see clearly, and steps 1–3 make you "
    "stronger whatever happens.",
    "wait": "Do steps 1–3 — no contact, stay positive, improve your own life — and take the quiz again in four "
    "weeks, when you can see more clearly.",
    "dont": "Put your energy into yourself: steps 1–3 are good for anyone after a breakup. Better single and happy.",
    "danger": "Please talk to someone who can help you stay safe. The way back stays closed in winback; steps 1–3 "
    "are still here for you.",
}
GO_VALID_DAYS = 90


class QuizContentError(ValueError):
    """quiz.toml is malformed; the message names the item."""


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    points: int | None = None
    tier: Tier | None = None


@dataclass(frozen=True)
class Question:
    id: str
    section: Section
    category: str
    text: str
    options: tuple[Option, ...]
    weight: float = 1.0
    tier: str | None = None
    reason: str = ""
    low: str = ""
    high: str = ""
    penalty: int | None = None

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@dataclass(frozen=True)
class Policy:
    go_min: int
    wait_min: int
    caution_penalty: int


@dataclass(frozen=True)
class Quiz:
    version: str
    policy: Policy
    questions: tuple[Question, ...]

    @property
    def worth_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == "worth")

    @property
    def toxic_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == "toxic")

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class QuizResult:
    verdict: VerdictName
    worth: int
    tier: Tier
    reasons: tuple[str, ...]
    flagged: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        return headline_for(self.verdict, self.tier)

    @property
    def next_step(self) -> str:
        return NEXT_STEPS[self.verdict]

    @property
    def shows_resources(self) -> bool:
        return self.tier in ("toxic", "danger")


def headline_for(verdict: str, tier: str) -> str:
    if verdict == "dont" and tier == "toxic":
        return TOXIC_HEADLINE
    return HEADLINES.get(verdict, verdict)


def _text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise QuizContentError(f"{where} has no {key}")
    return value.strip()


def _worth_options(item: Mapping[str, Any], where: str) -> tuple[Option, ...]:
    raw = item.get("option")
    if not isinstance(raw, list) or len(raw) < 2:
        raise QuizContentError(f"{where} needs at least two options")
    options: list[Option] = []
    for entry in raw:
        option_id = _text(entry, "id", f"an option of {where}")
        label = _text(entry, "label", f"option {option_id!r} of {where}")
        points = entry.get("points")
        if points is None:
            raise QuizContentError(f"option {option_id!r} of {where} has no points")
        if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_POINTS:
            raise QuizContentError(f"option {option_id!r} of {where} has points {points!r}; use a whole number 0–4")
        if any(o.id == option_id for o in options):
            raise QuizContentError(f"option id {option_id!r} appears twice in {where}")
        options.append(Option(option_id, label, points=points))
    return tuple(options)


def parse_quiz(text: str) -> Quiz:
    """Quiz content from TOML text, checked item by item; raises QuizContentError naming the item."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuizContentError(f"quiz.toml is not valid TOML: {error}") from None
    version = str(data.get("version", "")).strip()
    if not version:
        raise QuizContentError("quiz.toml has no version")
    raw_policy = data.get("policy", {})
    try:
        policy = Policy(int(raw_policy["go_min"]), int(raw_policy["wait_min"]), int(raw_policy["caution_penalty"]))
    except (KeyError, TypeError, ValueError):
        raise QuizContentError("quiz.toml [policy] needs whole numbers go_min, wait_min and caution_penalty") from None
    if not 0 < policy.wait_min < policy.go_min <= 100:
        raise QuizContentError("quiz.toml [policy] needs 0 < wait_min < go_min <= 100")
    labels = {str(o.get("id")): str(o.get("label", "")) for o in data.get("toxic_option", [])}
    if tuple(labels) != TOXIC_ANSWERS or not all(labels.values()):
        raise QuizContentError(f"quiz.toml needs toxic_option entries {', '.join(TOXIC_ANSWERS)} with labels")

    questions: list[Question] = []
    seen: set[str] = set()
    for number, item in enumerate(data.get("question", []), start=1):
        question_id = _text(item, "id", f"question #{number}")
        where = f"question {question_id!r}"
        if question_id in seen:
            raise QuizContentError(f"question id {question_id!r} appears twice")
        seen.add(question_id)
        section = item.get("section")
        text_ = _text(item, "text", where)
        category = _text(item, "category", where)
        if section == "worth":
            weight = item.get("weight", 1.0)
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 < weight <= 1:
                raise QuizContentError(f"{where} has weight {weight!r}; use a number above 0 and at most 1")
            options = _worth_options(item, where)
            if max(o.points or 0 for o in options) != MAX_POINTS:
                raise QuizContentError(f"{where} has no option worth {MAX_POINTS} points")
            questions.append(
                Question(
                    question_id,
                    "worth",
                    category,
                    text_,
                    options,
                    weight=float(weight),
                    low=_text(item, "low", where),
                    high=_text(item, "high", where),
                )
            )
        elif section == "toxic":
            tier = item.get("tier")
            if tier is None:
                raise QuizContentError(f"{where} has no tier")
            if tier not in ITEM_TIERS:
                raise QuizContentError(f"{where} has tier {tier!r}; use one of {', '.join(ITEM_TIERS)}")
            if "option" in item:
                raise QuizContentError(f"{where} is in the toxic section, whose answers are never/once/sometimes/often")
            penalty = item.get("penalty")
            if penalty is not None and (not isinstance(penalty, int) or penalty < 0):
                raise QuizContentError(f"{where} has penalty {penalty!r}; use a whole number of points")
            options = tuple(Option(a, labels[a], tier=ANSWER_TIER[tier][a]) for a in TOXIC_ANSWERS)
            questions.append(
                Question(
                    question_id,
                    "toxic",
                    category,
                    text_,
                    options,
                    tier=tier,
                    reason=_text(item, "reason", where),
                    penalty=penalty,
                )
            )
        else:
            raise QuizContentError(f"{where} has section {section!r}; use worth or toxic")
    return Quiz(version, policy, tuple(questions))


def check_coverage(quiz: Quiz) -> None:
    """The shipped quiz must cover SPEC §3: enough items, every worth construct, every tier."""
    if len(quiz.worth_questions) < MIN_WORTH_ITEMS:
        raise QuizContentError(f"the worth section has {len(quiz.worth_questions)} items; it needs {MIN_WORTH_ITEMS}")
    if len(quiz.toxic_questions) < MIN_TOXIC_ITEMS:
        raise QuizContentError(f"the toxic section has {len(quiz.toxic_questions)} items; it needs {MIN_TOXIC_ITEMS}")
    missing = [c for c in WORTH_CATEGORIES if c not in {q.category for q in quiz.worth_questions}]
    if missing:
        raise QuizContentError(f"the worth section lacks {', '.join(missing)}")
    tiers = {q.tier for q in quiz.toxic_questions}
    if not set(ITEM_TIERS) <= tiers:
        raise QuizContentError("the toxic section needs danger, toxic and caution items")


@cache
def load_quiz() -> Quiz:
    text = resources.files("winback").joinpath("content/quiz.toml").read_text(encoding="utf-8")
    quiz = parse_quiz(text)
    check_coverage(quiz)
    return quiz


def missing_answers(quiz: Quiz, answers: Mapping[str, str | None]) -> list[Question]:
    return [q for q in quiz.questions if not answers.get(q.id)]


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def score(quiz: Quiz, answers: Mapping[str, str]) -> QuizResult:
    """The verdict for a set of answers ``{question_id: option_id}``; unanswered items count for nothing."""
    worth_points = 0.0
    worth_max = 0.0
    answer_tiers: dict[str, Tier] = {}
    for question_id, option_id in answers.items():
        question = quiz.question(question_id)
        option = question.option(option_id)
        if question.section == "worth":
            worth_points += question.weight * (option.points or 0)
            worth_max += question.weight * MAX_POINTS
        else:
            answer_tiers[question_id] = option.tier or "none"

    cautions = [quiz.question(q) for q, t in answer_tiers.items() if t == "caution"]
    penalty = sum(q.penalty if q.penalty is not None else quiz.policy.caution_penalty for q in cautions)
    raw = 100.0 * worth_points / worth_max if worth_max else 0.0
    worth = max(0, min(100, _round(raw) - penalty))

    danger = [quiz.question(q) for q, t in answer_tiers.items() if t == "danger"]
    toxic = [quiz.question(q) for q, t in answer_tiers.items() if t == "toxic"]
    caution_reasons = tuple(q.reason for q in cautions)
    if danger:
        reasons = tuple(q.reason for q in danger) + tuple(q.reason for q in toxic)
        return QuizResult("danger", worth, "danger", reasons, tuple(q.id for q in danger + toxic))
    if toxic:
        reasons = tuple(q.reason for q in toxic) + caution_reasons
        return QuizResult("dont", worth, "toxic", reasons, tuple(q.id for q in toxic))

    tier: Tier = "caution" if cautions else "none"
    verdict: VerdictName
    if worth >= quiz.policy.go_min:
        verdict = "go"
    elif worth >= quiz.policy.wait_min:
        verdict = "wait"
    else:
        verdict = "dont"
    scored = [
        (quiz.question(q), quiz.question(q).option(o).points or 0)
        for q, o in answers.items()
        if quiz.question(q).section == "worth"
    ]
    highs = [q.high for q, p in sorted(scored, key=lambda s: -s[1] * s[0].weight) if p >= 3]
    lows = [q.low for q, p in sorted(scored, key=lambda s: s[1] * s[0].weight) if p <= 1]
    penalty_note = (
        (f"{len(cautions)} warning sign{'s' if len(cautions) != 1 else ''} lowered the score by {penalty} points.",)
        if cautions
        else ()
    )
    if verdict == "go":
        reasons = tuple(highs[:5]) + caution_reasons + penalty_note
    elif verdict == "wait":
        reasons = tuple(highs[:3]) + tuple(lows[:3]) + caution_reasons + penalty_note
    else:
        reasons = tuple(lows[:5]) + caution_reasons + penalty_note
    return QuizResult(verdict, worth, tier, reasons, tuple(q.id for q in cautions))


def save_attempt(store: Store, quiz: Quiz, answers: Mapping[str, str], result: QuizResult, now: datetime) -> str:
    """Save the answers, then the attempt row: an attempt only exists once all its answers are saved.

    Times are kept to the second; an attempt saved in the same second as the latest one (or with the clock
    set back) is stamped a second after it, so the attempt saved last is always the latest.
    """
    attempt_id = uuid.uuid4().hex[:12]
    taken = now.replace(microsecond=0)
    latest = latest_verdict(store.read(QUIZ_ATTEMPTS).frame)
    if latest is not None and taken <= latest.taken:
        taken = latest.taken + timedelta(seconds=1)
    store.upsert(
        QUIZ_ANSWERS,
        [{"attempt_id": attempt_id, "question_id": q, "option_id": o} for q, o in answers.items()],
    )
    store.upsert(
        QUIZ_ATTEMPTS,
        [
            {
                "attempt_id": attempt_id,
                "taken_at": taken,
                "quiz_version": quiz.version,
                "worth": result.worth,
                "tier": result.tier,
                "verdict": result.verdict,
            }
        ],
    )
    return attempt_id


def delete_attempt(store: Store, attempt_id: str) -> None:
    """Remove the attempt first, so a half-finished delete never leaves an attempt without answers."""
    store.delete(QUIZ_ATTEMPTS, [(attempt_id,)])
    answers = store.read(QUIZ_ANSWERS).frame
    keys = [(attempt_id, q) for q in answers.loc[answers["attempt_id"] == attempt_id, "question_id"]]
    if keys:
        store.delete(QUIZ_ANSWERS, keys)


def answers_of(answers: pd.DataFrame, attempt_id: str) -> dict[str, str]:
    rows = answers[answers["attempt_id"] == attempt_id]
    return dict(zip(rows["question_id"].astype(str), rows["option_id"].astype(str), strict=True))


@dataclass(frozen=True)
class AttemptChange:
    """One past attempt, with what changed since the one before it."""

    attempt_id: str
    taken: datetime
    verdict: str
    tier: str
    worth: int
    worth_change: int | None
    verdict_changed: bool
    changed_answers: tuple[str, ...]


def history(quiz: Quiz, attempts: pd.DataFrame, answers: pd.DataFrame) -> list[AttemptChange]:
    """Attempts newest first; each says how worth, verdict and answers moved since the previous one."""
    ordered = attempts.sort_values("taken_at", kind="stable")
    out: list[AttemptChange] = []
    previous: tuple[int, str, dict[str, str]] | None = None
    for row in ordered.to_dict("records"):
        attempt_id, verdict, worth = str(row["attempt_id"]), str(row["verdict"]), int(row["worth"])
        given = answers_of(answers, attempt_id)
        changed: tuple[str, ...] = ()
        if previous is not None:
            before = previous[2]
            changed = tuple(
                _question_text(quiz, q) for q in sorted(set(given) | set(before)) if given.get(q) != before.get(q)
            )
        out.append(
            AttemptChange(
                attempt_id,
                pd.Timestamp(row["taken_at"]).to_pydatetime(),
                verdict,
                str(row["tier"]),
                worth,
                None if previous is None else worth - previous[0],
                previous is not None and previous[1] != verdict,
                changed,
            )
        )
        previous = (worth, verdict, given)
    return out[::-1]


def _question_text(quiz: Quiz, question_id: str) -> str:
    try:
        return quiz.question(question_id).text
    except KeyError:
        return f"a question no longer in the quiz ({question_id})"


@dataclass(frozen=True)
class Verdict:
    attempt_id: str
    taken: datetime
    verdict: str
    tier: str
    worth: int

    @property
    def headline(self) -> str:
        return headline_for(self.verdict, self.tier)


def latest_verdict(attempts: pd.DataFrame) -> Verdict | None:
    if attempts.empty:
        return None
    row = attempts.sort_values("taken_at", kind="stable").iloc[-1]
    return Verdict(
        str(row["attempt_id"]),
        pd.Timestamp(row["taken_at"]).to_pydatetime(),
        str(row["verdict"]),
        str(row["tier"]),
        int(row["worth"]),
    )


@dataclass(frozen=True)
class QuizLock:
    """Whether the quiz allows steps 4–5, and why not in plain words."""

    open: bool
    reason: str
    for_safety: bool = False


def quiz_lock(attempts: pd.DataFrame, today: date) -> QuizLock:
    """The one place that decides whether quiz answers keep steps 4–5 closed.

    Only a *go* at most 90 days old opens them. A danger or toxic flag closes them while its attempt is
    the latest, and for good once a second attempt repeats a flag; deleting attempts is the person's right,
    skipping the lock is not.
    """
    latest = latest_verdict(attempts)
    if latest is None:
        return QuizLock(
            False, "Take the readiness quiz first: steps 4–5 open only if it says the relationship is worth trying."
        )
    if latest.verdict == "danger" or latest.tier == "danger":
        return QuizLock(
            False, "Your answers showed danger. Your safety comes first, so the way back stays closed.", True
        )
    if latest.tier == "toxic":
        return QuizLock(
            False, "Your answers showed a toxic relationship. Better single and happy: the way back stays closed.", True
        )
    flagged = attempts[attempts["tier"].isin(["toxic", "danger"])]
    if len(flagged) >= 2:
        return QuizLock(
            False,
            f"{len(flagged)} of your quiz attempts showed signs of abuse or danger, so the way back stays closed. "
            "You can see and delete attempts on the quiz page.",
            True,
        )
    if latest.verdict == "dont":
        return QuizLock(False, "The quiz said this relationship is probably not worth the effort. Focus on yourself.")
    if latest.verdict == "wait":
        return QuizLock(False, "The quiz was unclear. Keep going with steps 1–3 and retake it in four weeks.")
    age = (today - latest.taken.date()).days
    if age > GO_VALID_DAYS:
        return QuizLock(False, f"Your last quiz is {age} days old; retake it (a *go* counts for {GO_VALID_DAYS} days).")
    return QuizLock(True, f"The quiz on {day_words(latest.taken)} said the relationship is worth trying.")
