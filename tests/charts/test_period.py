"""Periods: the days each one holds, at every moment, and what a period with nothing logged shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from tests.charts.helpers import AREAS, NAMES, TODAY, logged_in
from tests.support.clock import Clock
from winback import sample
from winback.charts.activities import activities_per_area, mood_by_activity
from winback.charts.calendar import calendar_heatmap
from winback.charts.checkins import checkin_scores
from winback.charts.mood import mood_last_days, mood_over_time
from winback.charts.period import Unit, in_period, period_start, x_range
from winback.schema import QUIZ_ATTEMPTS, frame_from_columns
from winback.vocab import PERIOD_DAYS, PERIODS


@pytest.mark.parametrize(
    ("period", "expected"),
    [("30 days", date(2026, 1, 31)), ("90 days", date(2025, 12, 2)), ("1 year", date(2025, 3, 2))],
)
def test_period_start_counts_today_as_the_last_day(period: str, expected: date) -> None:
    start = period_start(period, TODAY, date(2020, 1, 1))
    assert start == expected
    assert (TODAY - expected).days + 1 == PERIOD_DAYS[period]


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
def test_a_period_holds_its_days_at_every_moment(clock: Clock, period: str) -> None:
    start = period_start(period, clock.today, None)
    assert start is not None
    assert (clock.today - start).days + 1 == PERIOD_DAYS[period]
    log = sample.generate(400, seed=5, today=clock.today)["daily_log"]
    assert len(logged_in(log, start, clock.today)) == len(in_period(log, start, clock.today))


def test_period_all_starts_on_the_first_logged_day() -> None:
    assert period_start("All", TODAY, date(2024, 5, 6)) == date(2024, 5, 6)
    assert period_start("All", TODAY, None) is None
    assert set(PERIODS) == {*PERIOD_DAYS, "All"}


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="30 days"):
        period_start("2 weeks", TODAY, None)


def test_in_period_keeps_both_ends_and_times_on_the_last_day() -> None:
    attempts = frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": ["a", "b", "c", "d"],
            "taken_at": [
                datetime(2026, 3, 1, 23, 59, 59),
                datetime(2026, 2, 1, 0, 0, 0),
                datetime(2026, 1, 31, 23, 0, 0),
                datetime(2026, 3, 2, 0, 0, 0),
            ],
            "quiz_version": ["1"] * 4,
            "worth": [50] * 4,
            "tier": ["none"] * 4,
            "verdict": ["wait"] * 4,
        },
    )
    kept = in_period(attempts, date(2026, 2, 1), TODAY, column="taken_at")
    assert kept["attempt_id"].tolist() == ["b", "a"]
    assert in_period(attempts, None, TODAY, column="taken_at")["attempt_id"].tolist() == ["c", "b", "a"]


def test_nothing_logged_in_the_period_is_empty_even_with_older_data(year: dict[str, pd.DataFrame]) -> None:
    later = TODAY + timedelta(days=400)
    start = period_start("30 days", later, None)
    log = year["daily_log"]
    assert mood_over_time(log, start, later).figure is None
    assert calendar_heatmap(log, start, later, "mood").figure is None
    assert activities_per_area(log, start, later, AREAS).figure is None
    assert mood_by_activity(log, start, later, NAMES).figure is None
    assert checkin_scores(year["checkins"], start, later).figure is None
    assert mood_last_days(log, later).figure is None


@pytest.mark.parametrize("unit", ["day", "week", "month"])
def test_the_earliest_day_winback_keeps_fits_on_every_date_axis(unit: Unit) -> None:
    # 1 January 1900 is a Monday and the 1st of a month: the axis pads before it without leaving the calendar.
    first = date(1900, 1, 1)
    low, high = x_range(first, TODAY, unit)
    assert low < first.isoformat() < high
    assert period_start("All", TODAY, first) == first


def test_the_mood_chart_of_all_time_from_the_earliest_day_draws() -> None:
    log = sample.generate(2, seed=3, today=TODAY)["daily_log"]
    log.loc[0, "date"] = pd.Timestamp(1900, 1, 1)
    chart = mood_over_time(log, period_start("All", TODAY, date(1900, 1, 1)), TODAY)
    assert chart.figure is not None
    assert "monthly averages" in chart.alt
