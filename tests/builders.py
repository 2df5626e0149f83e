"""Small hand-built histories for model tests, and the day the big sample histories end on (the sample generator
makes those: tests/conftest.py has a year and a decade of it)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

import pandas as pd

from tests.support.clock import Clock
from winback.schema import CHECKINS, DAILY_LOG, QUIZ_ATTEMPTS, RECONNECT, frame_from_columns
from winback.store import Store

# The day the shared sample histories of tests/conftest.py end on.
SAMPLE_END = date(2026, 3, 1)


def log(*rows: tuple[date, int, int, str, tuple[str, ...]]) -> pd.DataFrame:
    """Daily log rows as (date, mood, missing_ex, contact, activities)."""
    return frame_from_columns(
        DAILY_LOG,
        {
            "date": [r[0] for r in rows],
            "mood": [r[1] for r in rows],
            "missing_ex": [r[2] for r in rows],
            "contact": [r[3] for r in rows],
            "activities": [r[4] for r in rows],
            "note": [""] * len(rows),
        },
    )


def days(
    end: date, count: int, mood: int = 4, contact: str = "none", acts: tuple[str, ...] = ()
) -> list[tuple[date, int, int, str, tuple[str, ...]]]:
    """``count`` consecutive logged days ending on ``end``."""
    return [(end - timedelta(days=n), mood, 3, contact, acts) for n in range(count)][::-1]


def attempts(*rows: tuple[datetime, str, str, int]) -> pd.DataFrame:
    """Quiz attempts as (taken_at, verdict, tier, worth)."""
    return frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": [f"a{n}" for n in range(len(rows))],
            "taken_at": [r[0] for r in rows],
            "quiz_version": ["test"] * len(rows),
            "verdict": [r[1] for r in rows],
            "tier": [r[2] for r in rows],
            "worth": [r[3] for r in rows],
        },
    )


def journal(*rows: tuple[date, str, bool]) -> pd.DataFrame:
    """Journal entries as (date, tone, meeting_planned)."""
    return frame_from_columns(
        RECONNECT,
        {
            "entry_id": [f"j{n}" for n in range(len(rows))],
            "date": [r[0] for r in rows],
            "who": ["them"] * len(rows),
            "channel": ["text"] * len(rows),
            "tone": [r[1] for r in rows],
            "calm_and_kind": [True] * len(rows),
            "meeting_planned": [r[2] for r in rows],
            "note": [""] * len(rows),
        },
    )


def checkins(*rows: tuple[date, int]) -> pd.DataFrame:
    """Check-ins as (date, self_worth)."""
    return frame_from_columns(
        CHECKINS,
        {
            "week": [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d, _ in rows],
            "date": [d for d, _ in rows],
            "wellbeing": [50] * len(rows),
            "self_worth": [w for _, w in rows],
            "wellbeing_items": [("2", "2", "3", "3", "2")] * len(rows),
            "self_worth_items": [("1", "2", "2", "1", "2")] * len(rows),
        },
    )


def concat(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(list(frames), ignore_index=True)


GOOD = ("saw_friends", "exercise", "read", "skipped_bad_habit")


def ready_for_step_4(store: Store, clock: Clock, verdict: str = "go", tier: str = "none") -> None:
    """40 good days with no contact and a quiz two days ago: steps 1–3 are done, step 4 opens if it says go."""
    today = clock.today
    store.upsert(
        "daily_log",
        [
            {"date": today - timedelta(days=n), "mood": 4, "missing_ex": 3, "contact": "none", "activities": GOOD}
            for n in range(40)
        ],
    )
    store.write_settings({"no_contact_start": (today - timedelta(days=40)).isoformat()})
    store.upsert(
        "quiz_attempts",
        [
            {
                "attempt_id": "a1",
                "taken_at": clock.now - timedelta(days=2),
                "quiz_version": "test",
                "worth": 80,
                "tier": tier,
                "verdict": verdict,
            }
        ],
    )


def hard_week(store: Store, today: date) -> None:
    """Seven days of mood 1, missing them 10 of 10, ending today: the low-mood note shows."""
    rows = [{"date": today - timedelta(days=n), "mood": 1, "missing_ex": 10, "contact": "none"} for n in range(7)]
    store.upsert("daily_log", rows)


def report_history(today: date) -> pd.DataFrame:
    """40 days up to today: exercise on every other day (mood 5), none on the rest (mood 2), two slips."""
    rows: list[tuple[date, int, int, str, tuple[str, ...]]] = []
    for n in range(40):
        day = today - timedelta(days=39 - n)
        contact = "we_talked" if n in (5, 30) else "none"
        rows.append((day, 5 if n % 2 else 2, 4, contact, ("exercise",) if n % 2 else ()))
    history = log(*rows)
    history.loc[history.index[-1], "note"] = "ZEBRA-NOTE-7"
    return history
