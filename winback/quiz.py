"""Readiness quiz verdicts: what each means, and the lock they put on steps 4–5."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

HEADLINES: dict[str, str] = {
    "go": "Worth trying — start with step 1.",
    "wait": "Unclear — do steps 1–3 and retake the quiz in 4 weeks.",
    "dont": "Don't go back — focus on yourself.",
    "danger": "Your safety comes first.",
}
LOCKING_TIERS = ("toxic", "danger")
GO_VALID_DAYS = 90


@dataclass(frozen=True)
class Verdict:
    attempt_id: str
    taken: datetime
    verdict: str
    tier: str
    worth: int

    @property
    def headline(self) -> str:
        return HEADLINES[self.verdict]


def latest_verdict(attempts: pd.DataFrame) -> Verdict | None:
    if attempts.empty:
        return None
    row = attempts.sort_values("taken_at", kind="stable").iloc[-1]
    return Verdict(
        str(row["attempt_id"]),
        row["taken_at"].to_pydatetime(),
        str(row["verdict"]),
        str(row["tier"]),
        int(row["worth"]),
    )


@dataclass(frozen=True)
class QuizLock:
    """Whether the quiz allows steps 4–5, and why not in plain words."""

    open: bool
    reason: str


def quiz_lock(attempts: pd.DataFrame, today: date) -> QuizLock:
    """The one place that decides whether quiz answers keep steps 4–5 closed.

    Only a *go* verdict at most 90 days old opens them. A danger or toxic flag on the latest attempt
    closes them whatever else is true; deleting that attempt is the person's right, skipping it is not.
    """
    latest = latest_verdict(attempts)
    if latest is None:
        return QuizLock(
            False,
            "Take the readiness quiz first: steps 4–5 open only if it says the relationship is worth trying and safe.",
        )
    if latest.verdict == "danger" or latest.tier == "danger":
        return QuizLock(
            False,
            "Your answers showed danger. Your safety comes first, so the way back stays closed.",
        )
    if latest.tier == "toxic":
        return QuizLock(
            False,
            "Your answers showed a toxic relationship. Better single and happy: the way back stays closed.",
        )
    if latest.verdict == "dont":
        return QuizLock(
            False,
            "The quiz said this relationship is probably not worth the effort. Focus on yourself.",
        )
    if latest.verdict == "wait":
        return QuizLock(False, "The quiz was unclear. Keep going with steps 1–3 and retake it.")
    age = (today - latest.taken.date()).days
    if age > GO_VALID_DAYS:
        return QuizLock(
            False,
            f"Your last quiz is {age} days old; retake it (a *go* counts for {GO_VALID_DAYS} days).",
        )
    return QuizLock(
        True,
        f"The quiz on {latest.taken:%d %B %Y} said the relationship is worth trying.",
    )
