"""Synthetic history of a person after a breakup: the app's sample-data mode, test fixtures and benchmarks.

``generate`` is a pure function of (days, seed, today): the breakup is the first day, ``today`` the last.
Mood dips after the breakup and recovers; *missing my ex* starts high and fades; slips are common in the
first weeks and rare later; activities grow in number and variety; weekly check-ins and quiz worth rise.
Every part draws from its own random stream, so changing one part leaves the others as they were.

Sample mode is on while the person's sample folder holds ``SAMPLE_MODE_FILE``: it lasts across reloads, tabs
and restarts until switched off. It is not in the person's own folder, so no export carries it and no import
brings it, and deleting the sample folder (which Delete everything does) switches it off.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.random import Generator, SeedSequence

from winback import sample_tables
from winback.atomic import StorageError, atomic_write, reason
from winback.paths import sample_folder
from winback.sample_tables import Plan, Timeline
from winback.schema import (
    CHECKINS,
    CUSTOM_ACTIVITIES,
    DAILY_LOG,
    QUIZ_ANSWERS,
    QUIZ_ATTEMPTS,
    RECONNECT,
    TABLES,
    Table,
)
from winback.store import Store

NO_CONTACT_TARGET_DAYS = 30
MIN_DAYS_FOR_QUIZ = 90
MIN_DAYS_FOR_RECONNECT = 180
SAMPLE_MODE_FILE = "sample-mode-on"
SAMPLE_MODE_TEXT = "winback shows its made-up year instead of your diary until sample data is switched off.\n"
STREAMS = ("plan", "gaps", "contact", "activities", "mood", "notes", "checkins", "quiz", "reconnect")


def sample_settings(days: int, today: date | None = None) -> dict[str, object]:
    """Settings that go with ``generate(days, today=today)``: no contact started on the breakup day."""
    return {
        "no_contact_start": _start(days, today).isoformat(),
        "no_contact_target_days": NO_CONTACT_TARGET_DAYS,
    }


def generate(days: int, seed: int = 7, today: date | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a ``days``-long history ending on ``today``, typed as storage reads them."""
    if days < 0:
        raise ValueError(f"days must be 0 or more, not {days}")
    end = today if today is not None else date.today()
    streams = dict(
        zip(STREAMS, (np.random.default_rng(s) for s in SeedSequence(seed).spawn(len(STREAMS))), strict=True)
    )
    if days == 0:
        return {t.name: _empty(t) for t in TABLES.values()}
    timeline = _timeline(days, end)
    plan = _plan(timeline, streams["plan"])
    attempts, answers = sample_tables.quiz_tables(timeline, plan, streams["quiz"])
    return {
        DAILY_LOG.name: sample_tables.daily_log(timeline, plan, streams),
        CHECKINS.name: sample_tables.checkins(timeline, streams["checkins"]),
        QUIZ_ATTEMPTS.name: attempts,
        QUIZ_ANSWERS.name: answers,
        RECONNECT.name: sample_tables.reconnect(timeline, plan, streams["reconnect"]),
        CUSTOM_ACTIVITIES.name: sample_tables.custom_activities(),
    }


def write_sample(store: Store, days: int = 365, seed: int = 7, today: date | None = None) -> None:
    """Replace every table and the no-contact settings in ``store`` with a generated history."""
    for name, frame in generate(days, seed, today).items():
        store.replace_all(name, frame)
    store.write_settings(sample_settings(days, today))


def mode_on(person: Path) -> bool:
    """True while ``person`` (their own folder) has sample mode switched on; False when it cannot be told."""
    try:
        return (sample_folder(person) / SAMPLE_MODE_FILE).is_file()
    except OSError:
        return False


def switch(person: Path, on: bool) -> None:
    """Switch sample mode on or off for ``person``, written whole (winback.atomic) so every tab sees the same.

    Raises StorageError, in words for people, when the folder cannot be changed; then nothing was changed.
    """
    marker = sample_folder(person) / SAMPLE_MODE_FILE
    try:
        if on:
            marker.parent.mkdir(exist_ok=True)
            atomic_write(marker, SAMPLE_MODE_TEXT)
        else:
            marker.unlink(missing_ok=True)
    except OSError as error:
        words = "on" if on else "off"
        raise StorageError(f"Could not turn {words} sample data: {reason(error)}. Nothing was changed.") from error


def _empty(table: Table) -> pd.DataFrame:
    return sample_tables.frame(table, {c.name: [] for c in table.columns})


def _start(days: int, today: date | None) -> date:
    end = today if today is not None else date.today()
    return end - timedelta(days=max(days - 1, 0))


def _timeline(days: int, end: date) -> Timeline:
    start = _start(days, end)
    index = pd.date_range(start, periods=days, freq="D")
    return Timeline(
        start=start,
        days=days,
        weekend=np.asarray(index.day_of_week >= 5, dtype=np.bool_),
        day_of_year=np.asarray(index.day_of_year, dtype=np.int64),
    )


def _plan(timeline: Timeline, rng: Generator) -> Plan:
    days = timeline.days
    if days < MIN_DAYS_FOR_QUIZ:
        return Plan((), (), None, ())
    attempt_days = [int(rng.integers(5, 15))]
    verdicts = ["wait"]
    if days >= 2 * MIN_DAYS_FOR_QUIZ + 60:
        attempt_days.append(int(rng.integers(90, 150)))
        verdicts.append("wait")
    long_enough = days >= MIN_DAYS_FOR_RECONNECT
    go_day = days - 1 - int(rng.integers(35, 75) if long_enough else rng.integers(10, 20))
    attempt_days.append(go_day)
    verdicts.append("go")
    reconnect: tuple[int, ...] = ()
    if long_enough:
        window = np.arange(go_day + 2, days)
        count = min(int(rng.integers(3, 6)), len(window))
        reconnect = tuple(sorted(int(d) for d in rng.choice(window, size=count, replace=False)))
    return Plan(tuple(attempt_days), tuple(verdicts), go_day, reconnect)
