"""The tables of the made-up person's history, each from its own random stream: days logged, contact,
activities, mood and notes; weekly check-ins; quiz attempts; the Reconnect journal; custom activities.
winback.sample puts them together into one history."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd
from numpy.random import Generator
from numpy.typing import NDArray

from winback.content.activities import catalogue
from winback.content.quiz import Option, Quiz, load_quiz
from winback.quiz import QuizResult, score
from winback.sample_story import (
    BREAKUP_NOTE,
    CUSTOM,
    DEFAULT_HABIT,
    EARLY_NOTES,
    HABITS,
    LATER_NOTES,
    MIDDLE_NOTES,
    NO_REPLY_NOTES,
    RECONNECT_NOTES,
    SLIP_NOTES,
    WEEKEND_FACTOR,
    Habit,
)
from winback.schema import (
    CHECKINS,
    CUSTOM_ACTIVITIES,
    DAILY_LOG,
    QUIZ_ANSWERS,
    QUIZ_ATTEMPTS,
    RECONNECT,
    Table,
    frame_from_columns,
)

Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]
Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Timeline:
    """The days of the history: index 0 is the breakup day, the last index is ``today``."""

    start: date
    days: int
    weekend: Flags
    day_of_year: Ints

    @property
    def t(self) -> Floats:
        return np.arange(self.days, dtype=np.float64)

    def date(self, index: int) -> date:
        return self.start + timedelta(days=index)


@dataclass(frozen=True)
class Plan:
    """The events every table agrees on: quiz attempt days, the last *go*, reconnect journal days."""

    attempt_days: tuple[int, ...]
    attempt_verdicts: tuple[str, ...]
    go_day: int | None
    reconnect_days: tuple[int, ...]


def frame(table: Table, columns: Mapping[str, Sequence[object]]) -> pd.DataFrame:
    return frame_from_columns(table, {name: list(values) for name, values in columns.items()})


def _indices(day_numbers: Sequence[int]) -> Ints:
    return np.array(day_numbers, dtype=np.int64)


def _uuid(rng: Generator) -> str:
    return str(uuid.UUID(bytes=rng.bytes(16), version=4))


def _recovery(t: Floats, days_scale: float) -> Floats:
    """0 on the breakup day, rising towards 1."""
    result: Floats = 1.0 - np.exp(-t / days_scale)
    return result


def _ar1(rng: Generator, n: int, phi: float, sd: float) -> Floats:
    """Day-to-day feeling that lingers: each day keeps ``phi`` of yesterday's."""
    shocks = rng.normal(0.0, sd * np.sqrt(1.0 - phi * phi), n)
    out = np.empty(n, dtype=np.float64)
    level = float(rng.normal(0.0, sd))
    for i, shock in enumerate(shocks.tolist()):
        level = phi * level + shock
        out[i] = level
    return out


def logged_days(timeline: Timeline, plan: Plan, rng: Generator) -> Flags:
    """Most days are logged; some single days and a few longer stretches (holidays, low weeks) are not."""
    n = timeline.days
    logged = rng.random(n) >= 0.07
    starts = np.flatnonzero(rng.random(n) < 0.02)
    lengths = rng.geometric(0.3, size=len(starts))
    for first, length in zip(starts.tolist(), lengths.tolist(), strict=True):
        logged[first : first + length] = False
    logged[0] = True
    logged[n - 1] = True
    logged[_indices(plan.reconnect_days)] = True
    return logged


def _contact(timeline: Timeline, plan: Plan, rng: Generator) -> NDArray[np.str_]:
    """Slips are common in the first weeks and rare later; after the last *go*, contact is the journal's."""
    n = timeline.days
    t = timeline.t
    reached_out = 0.08 * np.exp(-t / 21.0) + 0.0015
    talked = 0.05 * np.exp(-t / 30.0) + 0.001
    no_reply = 0.05 * np.exp(-t / 45.0) + 0.004
    u = rng.random(n)
    contact = np.full(n, "none", dtype="<U25")
    contact[u < reached_out + talked + no_reply] = "they_reached_out_no_reply"
    contact[u < reached_out + talked] = "we_talked"
    contact[u < reached_out] = "i_reached_out"
    if n >= 21:
        contact[int(rng.integers(3, 14))] = "i_reached_out"
    if n >= 60:
        contact[int(rng.integers(20, 45))] = "they_reached_out_no_reply"
    if plan.go_day is not None:
        after = contact[plan.go_day :]
        after[(after == "i_reached_out") | (after == "we_talked")] = "none"
    contact[_indices(plan.reconnect_days)] = "we_talked"
    contact[0] = "none"
    return contact


def _habits() -> list[Habit]:
    out = []
    for activity in catalogue():
        start, peak = HABITS.get(activity.id, DEFAULT_HABIT)
        out.append(Habit(activity.id, activity.area, start, peak))
    out.extend(c.habit for c in CUSTOM if c.habit is not None)
    return out


def _activities(timeline: Timeline, rng: Generator) -> tuple[list[Habit], Flags]:
    """Which habit was done on which day: one row per day, one column per habit."""
    habits = _habits()
    t = timeline.t[:, None]
    picked_up = np.array([rng.integers(h.start[0], h.start[1]) for h in habits], dtype=np.float64)[None, :]
    peak = np.array([h.peak for h in habits], dtype=np.float64)[None, :]
    weekday = np.array([WEEKEND_FACTOR.get(h.area, 1.0) for h in habits], dtype=np.float64)[None, :]
    chance = np.where(t >= picked_up, peak * (1.0 - np.exp(-(t - picked_up + 1.0) / 25.0)), 0.0)
    chance = np.where(timeline.weekend[:, None], np.minimum(chance * weekday, 0.95), chance)
    done: Flags = rng.random(chance.shape) < chance
    return habits, done


def daily_log(timeline: Timeline, plan: Plan, streams: dict[str, Generator]) -> pd.DataFrame:
    n = timeline.days
    t = timeline.t
    logged = logged_days(timeline, plan, streams["gaps"])
    contact = _contact(timeline, plan, streams["contact"])
    habits, done = _activities(timeline, streams["activities"])

    rng = streams["mood"]
    slip = ((contact == "i_reached_out") | (contact == "we_talked")).astype(np.float64)
    slip[_indices(plan.reconnect_days)] = 0.0
    aftermath = np.convolve(slip, np.array([1.0, 0.7, 0.45, 0.25, 0.1]))[:n]
    feeling = _ar1(rng, n, phi=0.6, sd=0.55)
    winter = -0.12 * np.cos(2.0 * np.pi * (timeline.day_of_year - 20) / 365.25)
    uplifting = np.array([h.area in ("Social", "Joy") for h in habits], dtype=np.bool_)
    lift = 0.07 * done.sum(axis=1) + 0.25 * (done & uplifting).any(axis=1)
    mood_level = (
        1.8
        + 1.55 * _recovery(t, 50.0)
        + 0.15 * timeline.weekend
        + winter
        + lift
        + 0.8 * feeling
        - 0.5 * aftermath
        + rng.normal(0.0, 0.45, n)
    )
    missing_level = (
        1.2 + 7.3 * np.exp(-t / 75.0) - 1.1 * feeling + 2.0 * aftermath + 0.8 * (contact == "they_reached_out_no_reply")
    ) + rng.normal(0.0, 0.8, n)
    mood = np.clip(np.rint(mood_level), 1, 5).astype(np.int64)
    missing = np.clip(np.rint(missing_level), 0, 10).astype(np.int64)
    mood[0], missing[0] = 1, 10

    notes = _notes(timeline, contact, logged, streams["notes"])
    rows = np.flatnonzero(logged)
    ids = np.array([h.id for h in habits], dtype=object)
    return frame(
        DAILY_LOG,
        {
            "date": [timeline.date(int(i)) for i in rows],
            "mood": mood[rows].tolist(),
            "missing_ex": missing[rows].tolist(),
            "contact": contact[rows].tolist(),
            "activities": [tuple(str(a) for a in ids[row]) for row in done[rows]],
            "note": notes[rows].tolist(),
        },
    )


def _notes(timeline: Timeline, contact: NDArray[np.str_], logged: Flags, rng: Generator) -> NDArray[np.object_]:
    """A short note on about one logged day in six, in the voice of where the person is."""
    n = timeline.days
    t = timeline.t
    pick = rng.random(n)
    written = logged & (pick < 0.17)
    choice = rng.integers(0, 1 << 30, n)
    notes = np.full(n, "", dtype=object)
    for pool, when in (
        (EARLY_NOTES, t < 45),
        (MIDDLE_NOTES, (t >= 45) & (t < 150)),
        (LATER_NOTES, t >= 150),
        (NO_REPLY_NOTES, contact == "they_reached_out_no_reply"),
        (SLIP_NOTES, (contact == "i_reached_out") | (contact == "we_talked")),
    ):
        where = written & when
        notes[where] = np.array(pool, dtype=object)[choice[where] % len(pool)]
    notes[0] = BREAKUP_NOTE
    return notes


def checkins(timeline: Timeline, rng: Generator) -> pd.DataFrame:
    """About two weeks in three get a check-in, on a random day of that ISO week inside the history."""
    index = pd.date_range(timeline.start, periods=timeline.days, freq="D")
    iso = index.isocalendar()
    keys = [f"{y:04d}-W{w:02d}" for y, w in zip(iso["year"].tolist(), iso["week"].tolist(), strict=True)]
    week_keys, first = np.unique(np.array(keys), return_index=True)
    order = np.argsort(first)
    week_keys, first = week_keys[order], first[order]
    last = np.append(first[1:], timeline.days) - 1
    taken = rng.random(len(week_keys)) < 0.65
    day = rng.integers(first, last + 1)
    level = np.clip(_recovery(day.astype(np.float64), 70.0) + rng.normal(0.0, 0.12, len(day)), 0.0, 1.1)
    wellbeing_items = np.clip(np.rint(1.2 + 2.6 * level[:, None] + rng.normal(0.0, 0.7, (len(day), 5))), 0, 5)
    self_worth_items = np.clip(np.rint(0.7 + 1.7 * level[:, None] + rng.normal(0.0, 0.5, (len(day), 5))), 0, 3)
    rows = np.flatnonzero(taken)
    wellbeing = wellbeing_items.astype(np.int64)[rows]
    self_worth = self_worth_items.astype(np.int64)[rows]
    return frame(
        CHECKINS,
        {
            "week": week_keys[rows].tolist(),
            "date": [timeline.date(int(d)) for d in day[rows]],
            "wellbeing": (wellbeing.sum(axis=1) * 4).tolist(),
            "self_worth": [round(int(s) * 100 / 15) for s in self_worth.sum(axis=1)],
            "wellbeing_items": [tuple(str(v) for v in items) for items in wellbeing.tolist()],
            "self_worth_items": [tuple(str(v) for v in items) for items in self_worth.tolist()],
        },
    )


def quiz_tables(timeline: Timeline, plan: Plan, rng: Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Real answers to the real quiz, scored by it: worth rises from attempt to attempt, each attempt gets
    the verdict the plan needs, and the first one carries a *caution* (intense jealousy, often)."""
    content = load_quiz()
    caution_item = next(q.id for q in content.toxic_questions if q.tier == "caution")
    ids: list[str] = []
    taken_at: list[datetime] = []
    results: list[QuizResult] = []
    answer_rows: list[tuple[str, str, str]] = []
    level, floor = 0.55, -1
    for number, (day, verdict) in enumerate(zip(plan.attempt_days, plan.attempt_verdicts, strict=True)):
        for _ in range(400):
            answers = {q.id: _answer_near(q.options, level, rng) for q in content.worth_questions}
            answers.update({q.id: "never" for q in content.toxic_questions})
            if number == 0:
                answers[caution_item] = "often"
            result = score(content, answers)
            if result.verdict == verdict and result.worth > floor:
                break
            target_up = result.worth <= floor or (verdict == "go" and result.verdict != "go")
            level = min(1.0, max(0.0, level + (0.02 if target_up else -0.02)))
        else:
            answers, result = _nearest_answers(content, verdict, floor, caution_item if number == 0 else None)
        floor = result.worth
        attempt_id = _uuid(rng)
        clock = time(int(rng.integers(19, 23)), int(rng.integers(0, 60)), int(rng.integers(0, 60)))
        ids.append(attempt_id)
        taken_at.append(datetime.combine(timeline.date(day), clock))
        results.append(result)
        answer_rows.extend((attempt_id, q, o) for q, o in answers.items())
    attempts = frame(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": ids,
            "taken_at": taken_at,
            "quiz_version": [content.version] * len(ids),
            "worth": [r.worth for r in results],
            "tier": [r.tier for r in results],
            "verdict": [r.verdict for r in results],
        },
    )
    answers_frame = frame(
        QUIZ_ANSWERS,
        {
            "attempt_id": [a for a, _, _ in answer_rows],
            "question_id": [q for _, q, _ in answer_rows],
            "option_id": [o for _, _, o in answer_rows],
        },
    )
    return attempts, answers_frame


def _nearest_answers(
    content: Quiz, verdict: str, floor: int, caution_item: str | None
) -> tuple[dict[str, str], QuizResult]:
    """Without randomness: the lowest level whose nearest options give the verdict above ``floor``."""
    fallback: tuple[dict[str, str], QuizResult] | None = None
    for step in range(101):
        level = step / 100
        answers = {
            q.id: min(q.options, key=lambda o: abs((o.points or 0) / 4 - level)).id for q in content.worth_questions
        }
        answers.update({q.id: "never" for q in content.toxic_questions})
        if caution_item is not None:
            answers[caution_item] = "often"
        result = score(content, answers)
        if result.verdict == verdict:
            if result.worth > floor:
                return answers, result
            fallback = fallback or (answers, result)
    if fallback is None:
        raise RuntimeError(f"the quiz cannot produce a {verdict!r} verdict")
    return fallback


def _answer_near(options: Sequence[Option], level: float, rng: Generator) -> str:
    """An option whose points sit near ``level`` (0–1 of the maximum), with some spread."""
    points = np.array([(o.points or 0) / 4 for o in options])
    weights = np.exp(-((points - level) ** 2) / 0.06)
    return options[int(rng.choice(len(options), p=weights / weights.sum()))].id


def reconnect(timeline: Timeline, plan: Plan, rng: Generator) -> pd.DataFrame:
    """They reach out first; it starts neutral on text and warms up to friendly meetings."""
    count = len(plan.reconnect_days)
    who = ["them"] + ["me" if rng.random() < 0.5 else "them" for _ in range(count - 1)]
    channels = ["text", "call", "in_person", "text", "in_person"][:count]
    tones = ["neutral"] + ["friendly" if rng.random() < 0.85 else "neutral" for _ in range(count - 1)]
    calm = [bool(rng.random() < 0.9) for _ in range(count)]
    meeting = [i >= count - 2 and i > 0 for i in range(count)]
    notes = [RECONNECT_NOTES[i % len(RECONNECT_NOTES)] for i in range(count)]
    return frame(
        RECONNECT,
        {
            "entry_id": [_uuid(rng) for _ in range(count)],
            "date": [timeline.date(d) for d in plan.reconnect_days],
            "who": who[:count],
            "channel": channels,
            "tone": tones[:count],
            "calm_and_kind": calm,
            "meeting_planned": meeting,
            "note": notes,
        },
    )


def custom_activities() -> pd.DataFrame:
    return frame(
        CUSTOM_ACTIVITIES,
        {
            "activity_id": [c.id for c in CUSTOM],
            "name": [c.name for c in CUSTOM],
            "area": [c.area for c in CUSTOM],
            "retired": [False for _ in CUSTOM],
        },
    )
