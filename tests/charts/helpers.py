"""What the chart tests share: a fixed day, activity names and areas, steps, and ways to read a figure."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from tests.builders import SAMPLE_END, log
from winback.activities import area_of, catalogue
from winback.charts.activities import activities_per_area, mood_by_activity
from winback.charts.calendar import calendar_heatmap
from winback.charts.checkins import checkin_scores
from winback.charts.mood import mood_last_days, mood_over_time
from winback.charts.quiz import quiz_history
from winback.charts.theme import Chart
from winback.progress import StepProgress

TODAY = SAMPLE_END
GO_MIN, WAIT_MIN = 70, 45
NAMES = {a.id: a.name for a in catalogue()} | {"custom_climbing": "Climbing", "custom_spanish_lessons": "Spanish"}
AREAS = area_of(catalogue()) | {"custom_climbing": "Body", "custom_spanish_lessons": "Mind"}
STEPS = (
    StepProgress(1, "No contact", 1.0, "done", ("30 of 30 days without contact",)),
    StepProgress(2, "Stay positive", 0.62, "active", ("Average mood 3.1 (goal 3.5) over the last 14 days",)),
    StepProgress(3, "Improve your life and self-value", 1 / 3, "active", ()),
    StepProgress(4, "Reconnect", 0.0, "locked", ("Steps 1–3 come first",)),
    StepProgress(5, "Be kind and meet maturely", 0.25, "locked", ()),
)


def daily_log(rows: list[tuple[date, int, int, str, tuple[str, ...]]]) -> pd.DataFrame:
    """A daily log typed as storage reads it, from (date, mood, missing_ex, contact, activities)."""
    return log(*rows)


def trace_named(chart: Chart, name: str) -> Any:
    assert chart.figure is not None
    matches = [t for t in chart.figure.data if t.name == name]
    assert len(matches) == 1, [t.name for t in chart.figure.data]
    return matches[0]


def numbers_of(chart: Chart) -> pd.DataFrame:
    """The chart's "Show the numbers" table: there is one whenever there is a figure."""
    assert chart.figure is not None and chart.numbers is not None
    return chart.numbers


def trend_of(chart: Chart, name: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    return np.asarray(trace_named(chart, name).y, dtype=float)


def logged_in(log: pd.DataFrame, start: date, today: date) -> pd.DataFrame:
    keep = (log["date"] >= pd.Timestamp(start)) & (log["date"] <= pd.Timestamp(today))
    return log[keep].sort_values("date")


def every_builder(frames: dict[str, pd.DataFrame], start: date | None) -> dict[str, Chart]:
    log = frames["daily_log"]
    return {
        "mood_over_time": mood_over_time(log, start, TODAY),
        "calendar_mood": calendar_heatmap(log, start, TODAY, "mood"),
        "calendar_contact": calendar_heatmap(log, start, TODAY, "contact"),
        "activities_per_area": activities_per_area(log, start, TODAY, AREAS),
        "mood_by_activity": mood_by_activity(log, start, TODAY, NAMES),
        "checkin_scores": checkin_scores(frames["checkins"], start, TODAY),
        "quiz_history": quiz_history(frames["quiz_attempts"], GO_MIN, WAIT_MIN),
        "mood_last_days": mood_last_days(log, TODAY),
    }
