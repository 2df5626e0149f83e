"""The period a chart shows (30 days, 90 days, 1 year, all) and how finely a long one is drawn: the days it
holds, the day, week or month each point stands for, and the date axis that fits them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from winback.charts.theme import day_label, iso_day, short_day
from winback.vocab import PERIOD_DAYS, PERIODS
from winback.words import count_phrase

# Beyond these spans a phone cannot show one point per day (or per week), so points become averages.
DAILY_MAX_DAYS = 400
WEEKLY_MAX_DAYS = 4000

Unit = Literal["day", "week", "month"]


@dataclass(frozen=True)
class Resolution:
    """How finely a long span is drawn, and the rolling window of its trend line."""

    unit: Unit
    window_days: int
    trend: str

    @property
    def window(self) -> str:
        return f"{self.window_days}D"


DAILY = Resolution("day", 7, "7-day average")
WEEKLY = Resolution("week", 28, "4-week average")
MONTHLY = Resolution("month", 91, "3-month average")


def period_start(period: str, today: date, first: date | None) -> date | None:
    """First day of ``period`` ending on ``today``; for "All" the first logged day ``first`` (None: nothing yet)."""
    if period == "All":
        return None if first is None else min(first, today)
    if period not in PERIOD_DAYS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return today - timedelta(days=PERIOD_DAYS[period] - 1)


def in_period(frame: pd.DataFrame, start: date | None, today: date, column: str = "date") -> pd.DataFrame:
    """The rows from ``start`` (None: from the first row) to the end of ``today``, oldest first, as a new frame."""
    when = pd.to_datetime(frame[column])
    keep = when < pd.Timestamp(today + timedelta(days=1))
    if start is not None:
        keep &= when >= pd.Timestamp(start)
    return frame.loc[keep].sort_values(column, kind="stable").reset_index(drop=True)


def resolution_for(days: int) -> Resolution:
    """Daily up to ``DAILY_MAX_DAYS``, weekly up to ``WEEKLY_MAX_DAYS``, monthly beyond."""
    if days > WEEKLY_MAX_DAYS:
        return MONTHLY
    if days > DAILY_MAX_DAYS:
        return WEEKLY
    return DAILY


def bucket_starts(dates: pd.Series, unit: Unit) -> pd.Series:
    """The first day of each date's day, ISO week (Monday) or calendar month."""
    if unit == "day":
        return dates
    back = dates.dt.day_of_week if unit == "week" else dates.dt.day - 1
    starts: pd.Series = dates - pd.to_timedelta(back, unit="D")
    return starts


def bucket_label(when: date, unit: Unit) -> str:
    """``Week of Mon 23 Feb 2026``, ``February 2026`` or the day itself."""
    if unit == "week":
        return f"Week of {day_label(when)}"
    if unit == "month":
        return f"{when:%B %Y}"
    return day_label(when)


def x_range(first: date, today: date, unit: Unit) -> list[str]:
    """The period on a date axis, with room for the first and last bar or point of its day, week or month."""
    if unit == "week":
        first, pad = first - timedelta(days=first.weekday()), 4
    elif unit == "month":
        first, pad = first.replace(day=1), 16
    else:
        # About 2.5 % of the width on each side, so a marker on the first or last day is not cut in half.
        pad = max(1, round(((today - first).days + 1) / 40))
    return [iso_day(first - timedelta(days=pad)), iso_day(today + timedelta(days=pad))]


def span_of(first: date, today: date) -> tuple[int, str]:
    """How many days from ``first`` to ``today``, and "the last 90 days (2 Dec 2025 – 1 Mar 2026)"."""
    days = (today - first).days + 1
    return days, f"the last {count_phrase(days, 'day')} ({short_day(first)} – {short_day(today)})"


def first_day(rows: pd.DataFrame, column: str = "date") -> date:
    """The day of the first row (rows are oldest first, as ``in_period`` returns them)."""
    first: date = pd.Timestamp(rows[column].iloc[0]).date()
    return first
