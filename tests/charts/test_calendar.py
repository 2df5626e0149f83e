"""Year in pixels: one square per day of the period, by week and weekday, and the last year of a long history."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from tests.charts.helpers import TODAY, daily_log, logged_in, numbers_of
from winback import sample
from winback.charts.calendar import calendar_heatmap
from winback.charts.period import period_start
from winback.charts.theme import CONTACT_WORDS, WEEKDAYS, Chart, mood_cell, short_day
from winback.vocab import MOOD_WORDS, PERIOD_DAYS


def _cells(chart: Chart) -> Any:
    assert chart.figure is not None
    heatmaps = [t for t in chart.figure.data if t.type == "heatmap"]
    assert len(heatmaps) == 1
    return heatmaps[0]


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
@pytest.mark.parametrize("value", ["mood", "contact"])
def test_calendar_has_one_cell_per_day_of_the_period(year: dict[str, pd.DataFrame], period: str, value: str) -> None:
    start = period_start(period, TODAY, None)
    assert start is not None
    chart = calendar_heatmap(year["daily_log"], start, TODAY, value)  # type: ignore[arg-type]
    cells = _cells(chart)
    days = PERIOD_DAYS[period]
    z = list(cells.z)
    assert sum(v is not None for v in z) + sum(v is None for v in z) == len(z) == days
    assert len(set(zip(cells.x, cells.y, strict=True))) == days
    logged = logged_in(year["daily_log"], start, TODAY)
    assert sum(v is not None for v in z) == len(logged)
    assert f"{len(logged)} of {days} days logged" in chart.alt


@pytest.mark.parametrize(
    ("start", "today", "days"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), 366),
        (date(2023, 3, 2), date(2024, 3, 1), 366),
        (date(2024, 2, 1), date(2024, 3, 1), 30),
    ],
)
def test_calendar_counts_the_29th_of_february(start: date, today: date, days: int) -> None:
    log = sample.generate(900, seed=3, today=today)["daily_log"]
    z = list(_cells(calendar_heatmap(log, start, today, "mood")).z)
    assert len(z) == days == (today - start).days + 1
    cells = _cells(calendar_heatmap(log, start, today, "mood"))
    assert "Thu 29 Feb 2024" in " ".join(cells.customdata)


def test_calendar_places_days_by_week_and_weekday() -> None:
    log = daily_log([(date(2026, 2, 23), 5, 0, "we_talked", ()), (date(2026, 3, 1), 1, 9, "i_reached_out", ())])
    mood = _cells(calendar_heatmap(log, date(2026, 2, 23), TODAY, "mood"))
    assert list(mood.x) == ["2026-02-23"] * 7
    assert list(mood.y) == list(WEEKDAYS)
    assert list(mood.z) == [5, None, None, None, None, None, 1]
    assert mood.customdata[0] == "Mon 23 Feb 2026<br>Mood: great (5)"
    assert mood.customdata[1] == "Tue 24 Feb 2026<br>Not logged"
    contact = _cells(calendar_heatmap(log, date(2026, 2, 23), TODAY, "contact"))
    assert list(contact.z) == [2, None, None, None, None, None, 3]
    assert contact.customdata[6] == "Sun 1 Mar 2026<br>I reached out"


def test_calendar_over_more_than_two_years_shows_the_last_year(decade: dict[str, pd.DataFrame]) -> None:
    log = decade["daily_log"]
    start = period_start("All", TODAY, log["date"].min().date())
    chart = calendar_heatmap(log, start, TODAY, "contact")
    assert len(list(_cells(chart).z)) == 365
    assert "only the last 365 days" in chart.alt


@pytest.mark.parametrize("value", ["mood", "contact"])
def test_calendar_numbers_are_its_squares_week_by_week(year: dict[str, pd.DataFrame], value: str) -> None:
    chart = calendar_heatmap(year["daily_log"], period_start("90 days", TODAY, None), TODAY, value)  # type: ignore[arg-type]
    table = numbers_of(chart).set_index("Week of")
    cells = _cells(chart)
    words = MOOD_WORDS if value == "mood" else CONTACT_WORDS
    for week, weekday, code in zip(cells.x, cells.y, cells.z, strict=True):
        shown = table.loc[short_day(date.fromisoformat(week)), weekday]
        assert shown == ("not logged" if code is None else mood_cell(code) if value == "mood" else words[code])
    assert sum(cell != "" for cell in table.to_numpy().ravel()) == len(cells.z) == 90
