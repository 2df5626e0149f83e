"""Mood over time (its trend, weekly and monthly points over long spans) and the last 7 days."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from tests.charts.helpers import TODAY, daily_log, logged_in, numbers_of, trace_named, trend_of
from winback import sample
from winback.charts.mood import mood_last_days, mood_over_time
from winback.charts.period import period_start
from winback.charts.theme import day_label, mood_cell


def test_mood_trend_is_pandas_7_day_rolling_mean_over_logged_days_with_gaps() -> None:
    days = [1, 2, 3, 5, 9, 10, 20, 21, 28]
    moods = [1, 2, 3, 5, 4, 4, 2, 5, 3]
    log = daily_log([(date(2026, 1, d), m, 10 - m, "none", ()) for d, m in zip(days, moods, strict=True)])
    chart = mood_over_time(log, date(2026, 1, 1), date(2026, 1, 31))
    expected = log.set_index("date")["mood"].rolling("7D").mean()
    trend = trend_of(chart, "7-day average")
    np.testing.assert_allclose(trend, expected.to_numpy())
    # Time-based, not the last 7 rows: on 9 Jan the window holds 3, 5 and 9 Jan.
    assert trend[days.index(9)] == pytest.approx((3 + 5 + 4) / 3)
    assert trend[days.index(20)] == 2.0
    points = trace_named(chart, "Mood")
    assert list(points.y) == moods
    assert points.customdata[0] == "Thu 1 Jan 2026<br>Mood: awful (1)"
    missing = trace_named(chart, "Missing my ex")
    assert missing.yaxis == "y2"
    # Its own panel below mood, not a second scale over it, so 0–10 never reads as a mood word.
    mood_axis, missing_axis = chart.figure.layout.yaxis, chart.figure.layout.yaxis2
    assert missing_axis.overlaying is None
    assert max(missing_axis.domain) < min(mood_axis.domain)
    assert missing_axis.title.text == "Missing my ex"
    assert missing.line.dash == "dot"
    np.testing.assert_allclose(
        np.asarray(missing.y, dtype=float), log.set_index("date")["missing_ex"].rolling("7D").mean().to_numpy()
    )
    assert "9 days logged" in chart.alt and "7-day average" in chart.alt


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
def test_mood_trend_matches_pandas_on_sample_data(year: dict[str, pd.DataFrame], period: str) -> None:
    start = period_start(period, TODAY, None)
    assert start is not None
    logged = logged_in(year["daily_log"], start, TODAY)
    chart = mood_over_time(year["daily_log"], start, TODAY)
    expected = logged.set_index("date")["mood"].rolling("7D").mean()
    np.testing.assert_allclose(trend_of(chart, "7-day average"), expected.to_numpy())
    assert list(trace_named(chart, "Mood").x) == [f"{d:%Y-%m-%d}" for d in logged["date"]]
    assert f"{len(logged)} days logged" in chart.alt


def test_mood_over_ten_years_is_weekly_and_light(decade: dict[str, pd.DataFrame]) -> None:
    log = decade["daily_log"]
    first = log["date"].min().date()
    chart = mood_over_time(log, period_start("All", TODAY, first), TODAY)
    assert chart.figure is not None
    assert all(len(trace.x) < 600 for trace in chart.figure.data)
    assert sum(len(trace.x) for trace in chart.figure.data) < 3 * 600
    weekly = log.groupby(log["date"].dt.to_period("W-SUN"))["mood"].mean()
    points = trace_named(chart, "Weekly mood")
    np.testing.assert_allclose(np.asarray(points.y, dtype=float), weekly.to_numpy())
    assert points.x[0] == f"{weekly.index[0].start_time:%Y-%m-%d}"
    assert "weekly averages" in chart.alt and "4-week average" in chart.alt
    daily_28 = log.set_index("date")["mood"].rolling("28D").mean()
    assert trend_of(chart, "4-week average")[-1] == pytest.approx(daily_28.iloc[-1])


def test_mood_over_a_century_is_monthly() -> None:
    century = sample.generate(36500, seed=7, today=TODAY)["daily_log"]
    chart = mood_over_time(century, None, TODAY)
    assert chart.figure is not None
    assert all(len(trace.x) <= 100 * 12 + 1 for trace in chart.figure.data)
    assert "monthly averages" in chart.alt and "3-month average" in chart.alt


def test_mood_last_days_shows_gaps_and_weekday_names() -> None:
    log = daily_log(
        [
            (date(2026, 2, 23), 4, 2, "none", ()),
            (date(2026, 2, 26), 2, 6, "none", ()),
            (date(2026, 3, 1), 5, 1, "none", ()),
            (date(2026, 2, 20), 1, 9, "none", ()),
        ]
    )
    chart = mood_last_days(log, TODAY)
    assert chart.figure is not None
    (bars,) = chart.figure.data
    assert list(bars.y) == [4, None, None, 2, None, None, 5]
    assert list(bars.x)[-1] == "2026-03-01"
    assert list(chart.figure.layout.xaxis.ticktext) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert bars.customdata[0] == "Mon 23 Feb 2026<br>Mood: good (4)"
    # Labelled on the bar itself, in ink that reads on its colour: no legend needed.
    assert list(bars.text) == ["good", "", "", "bad", "", "", "great"]
    assert bars.textposition == "inside"
    inks = dict(zip(bars.text, bars.insidetextfont.color, strict=True))
    assert inks["great"] == "#FFFFFF" and inks["bad"] == "#000000"
    assert "3 of 7 logged" in chart.alt


def test_mood_last_days_takes_other_lengths(year: dict[str, pd.DataFrame]) -> None:
    chart = mood_last_days(year["daily_log"], TODAY, days=14)
    assert chart.figure is not None
    assert len(chart.figure.data[0].x) == 14


@pytest.mark.parametrize("period", ["90 days", "All"])
def test_mood_numbers_are_each_line_of_the_figure(decade: dict[str, pd.DataFrame], period: str) -> None:
    log = decade["daily_log"]
    chart = mood_over_time(log, period_start(period, TODAY, log["date"].min().date()), TODAY)
    table = numbers_of(chart)
    traces = list(chart.figure.data)  # type: ignore[union-attr]
    assert len(table) == len(traces[0].x)
    for trace, column in zip(traces, list(table.columns)[1:], strict=True):
        assert list(table[column]) == [round(v, 1) for v in trace.y], column
    assert table.columns[2].startswith("Mood, ") and table.columns[3].startswith("Missing my ex, ")


def test_mood_last_days_numbers_name_each_day_and_its_mood() -> None:
    days = [date(2026, 1, d) for d in (5, 7)]
    chart = mood_last_days(daily_log([(days[0], 4, 3, "none", ()), (days[1], 1, 8, "none", ())]), date(2026, 1, 7))
    table = numbers_of(chart)
    (bars,) = chart.figure.data  # type: ignore[union-attr]
    assert len(table) == len(bars.x) == 7
    assert list(table["Mood"]) == [mood_cell(m) for m in bars.y]
    assert list(table["Mood"])[-3:] == ["good (4)", "not logged", "awful (1)"]
    assert list(table["Day"])[-1] == day_label(days[1])
