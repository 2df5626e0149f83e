"""The weekly check-in (SPEC §4): well-being and self-worth, each scored 0–100, once per ISO week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from winback.schema import CHECKINS
from winback.store import Store


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def wellbeing_score(answers: Sequence[int]) -> int:
    """Five answers 0–5; raw 0–25 × 4 gives 0–100."""
    _check(answers, 5)
    return sum(answers) * 4


def self_worth_score(answers: Sequence[int]) -> int:
    """Five answers 0–3; raw 0–15 scaled to 0–100 (raw × 100 / 15 never ends in .5, so rounding is plain)."""
    _check(answers, 3)
    return round(sum(answers) * 100 / 15)


def _check(answers: Sequence[int], top: int) -> None:
    if len(answers) != 5 or any(not 0 <= a <= top for a in answers):
        raise ValueError(f"a check-in needs five answers between 0 and {top}")


def this_weeks(checkins: pd.DataFrame, day: date) -> pd.Series | None:
    match = checkins[checkins["week"] == iso_week(day)]
    return None if match.empty else match.iloc[-1]


def save_checkin(store: Store, day: date, wellbeing: Sequence[int], self_worth: Sequence[int]) -> bool:
    """Save the check-in for ``day``'s ISO week; True when it replaced one from the same week."""
    row = {
        "week": iso_week(day),
        "date": day,
        "wellbeing": wellbeing_score(wellbeing),
        "self_worth": self_worth_score(self_worth),
        "wellbeing_items": tuple(str(a) for a in wellbeing),
        "self_worth_items": tuple(str(a) for a in self_worth),
    }
    return store.upsert(CHECKINS, [row])[0]
