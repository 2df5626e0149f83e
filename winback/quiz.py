"""The readiness quiz: scoring (content from winback.content), saved attempts, and the lock on steps 4–5.

Scoring follows SPEC §3: any danger answer gives *danger*; else any toxic answer gives *dont* (tier toxic);
else worth = 100 × points / max points, minus caution penalties, clamped 0–100, with thresholds from the
content file. Everything here is pure except ``save_attempt`` and ``delete_attempt``.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd

from winback.content.quiz import MAX_POINTS, Question, Quiz
from winback.content.steps import default_thresholds
from winback.schema import QUIZ_ANSWERS, QUIZ_ATTEMPTS
from winback.store import Store
from winback.vocab import FLAGGED_TIERS, Tier, Verdict
from winback.words import day_words

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


@dataclass(frozen=True)
class QuizResult:
    verdict: Verdict
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
        return self.tier in FLAGGED_TIERS


def headline_for(verdict: str, tier: str) -> str:
    if verdict == "dont" and tier == "toxic":
        return TOXIC_HEADLINE
    return HEADLINES.get(verdict, verdict)


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
        if question.kind == "worth":
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
    verdict: Verdict
    if worth >= quiz.policy.go_min:
        verdict = "go"
    elif worth >= quiz.policy.wait_min:
        verdict = "wait"
    else:
        verdict = "dont"
    scored = [
        (quiz.question(q), quiz.question(q).option(o).points or 0)
        for q, o in answers.items()
        if quiz.question(q).kind == "worth"
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
    set back within the day) is stamped a second after it, so the attempt saved last is the latest. One dated
    after today (a hand edit, an import) is not followed: the lock stays closed while it is there.
    """
    attempt_id = uuid.uuid4().hex[:12]
    taken = now.replace(microsecond=0)
    latest = latest_verdict(store.read(QUIZ_ATTEMPTS).frame)
    if latest is not None and latest.taken.date() <= taken.date() and taken <= latest.taken:
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
class Attempt:
    attempt_id: str
    taken: datetime
    verdict: str
    tier: str
    worth: int

    @property
    def headline(self) -> str:
        return headline_for(self.verdict, self.tier)

    @property
    def verdict_words(self) -> str:
        """The verdict without its advice ("Worth trying."): on Today, where the step card says what to do now,
        "start with step 1" would contradict a person who is further on."""
        return self.headline.split(" — ")[0].rstrip(".") + "."


def latest_verdict(attempts: pd.DataFrame) -> Attempt | None:
    if attempts.empty:
        return None
    row = attempts.sort_values("taken_at", kind="stable").iloc[-1]
    return Attempt(
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


def quiz_lock(attempts: pd.DataFrame, today: date, valid_days: int | None = None, *, unreadable: int = 0) -> QuizLock:
    """The one place that decides whether quiz answers keep steps 4–5 closed.

    Only a *go* at most ``valid_days`` old opens them (steps.toml's ``quiz_valid_days``, 90 by default). A
    danger or toxic flag closes them while its attempt is the latest, and for good once a second attempt
    repeats a flag; deleting attempts is the person's right, skipping the lock is not. When some attempts
    could not be read (``unreadable``) or the latest is dated after today, winback cannot tell what the latest
    answers said, so the way back stays closed.
    """
    if unreadable:
        return QuizLock(
            False,
            "Some lines of quiz_attempts.csv could not be read, so winback cannot tell what your latest answers "
            "said. The way back stays closed until those lines are fixed or removed (the notice names them).",
        )
    latest = latest_verdict(attempts)
    if latest is None:
        return QuizLock(
            False, "Take the readiness quiz first: steps 4–5 open only if it says the relationship is worth trying."
        )
    if latest.taken.date() > today:
        return QuizLock(
            False,
            f"Your latest quiz attempt is dated {day_words(latest.taken)}, after today, so winback cannot tell "
            "which answers are your latest. The way back stays closed until it is deleted on the quiz page.",
        )
    if latest.verdict == "danger" or latest.tier == "danger":
        return QuizLock(
            False, "Your answers showed danger. Your safety comes first, so the way back stays closed.", True
        )
    if latest.tier == "toxic":
        return QuizLock(
            False, "Your answers showed a toxic relationship. Better single and happy: the way back stays closed.", True
        )
    flagged = attempts[attempts["tier"].isin(FLAGGED_TIERS)]
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
    valid = default_thresholds().quiz_valid_days if valid_days is None else valid_days
    age = (today - latest.taken.date()).days
    if age > valid:
        return QuizLock(False, f"Your last quiz is {age} days old; retake it (a *go* counts for {valid} days).")
    return QuizLock(True, f"The quiz on {day_words(latest.taken)} said the relationship is worth trying.")
