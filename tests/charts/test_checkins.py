"""Weekly check-in scores."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.charts.helpers import TODAY, logged_in, numbers_of, trace_named
from winback.charts.checkins import checkin_scores
from winback.charts.period import period_start
from winback.schema import CHECKINS, frame_from_columns


def test_checkin_scores_draw_both_scores_with_the_self_check_note(year: dict[str, pd.DataFrame]) -> None:
    start = period_start("90 days", TODAY, None)
    assert start is not None
    chart = checkin_scores(year["checkins"], start, TODAY)
    rows = logged_in(year["checkins"], start, TODAY)
    assert list(trace_named(chart, "Well-being").y) == rows["wellbeing"].tolist()
    assert list(trace_named(chart, "Self-worth").y) == rows["self_worth"].tolist()
    assert chart.figure is not None
    assert "not a clinical instrument" in chart.figure.layout.title.text
    assert "not a clinical instrument" in chart.alt
    assert f"{len(rows)} check-ins" in chart.alt


def test_checkins_over_ten_years_are_monthly(decade: dict[str, pd.DataFrame]) -> None:
    chart = checkin_scores(decade["checkins"], None, TODAY)
    assert chart.figure is not None
    assert all(len(t.x) <= 121 for t in chart.figure.data)
    assert "monthly averages" in chart.alt


def test_single_checkin() -> None:
    checkins = frame_from_columns(
        CHECKINS,
        {
            "week": ["2026-W09"],
            "date": [date(2026, 2, 26)],
            "wellbeing": [64],
            "self_worth": [40],
            "wellbeing_items": [("3", "3", "3", "3", "4")],
            "self_worth_items": [("2", "1", "1", "1", "1")],
        },
    )
    chart = checkin_scores(checkins, None, TODAY)
    assert "well-being 64 of 100, self-worth 40 of 100" in chart.alt
    assert trace_named(chart, "Well-being").customdata[0] == "Check-in on Thu 26 Feb 2026<br>Well-being: 64 of 100"


@pytest.mark.parametrize("period", ["90 days", "All"])
def test_checkin_numbers_are_both_lines_in_whole_points(decade: dict[str, pd.DataFrame], period: str) -> None:
    first = decade["daily_log"]["date"].min().date()
    chart = checkin_scores(decade["checkins"], period_start(period, TODAY, first), TODAY)
    table = numbers_of(chart)
    assert table.columns[0] == ("Check-in" if period == "90 days" else "Month")
    for name in ("Well-being", "Self-worth"):
        trace = trace_named(chart, name)
        assert len(table) == len(trace.y)
        assert list(table[name]) == [round(v) for v in trace.y], name
