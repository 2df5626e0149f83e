"""What I did: activity-days per life area, and mood on days with and without each activity."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from tests.charts.helpers import AREAS, NAMES, TODAY, daily_log, numbers_of, trace_named
from winback.charts.activities import activities_per_area, mood_by_activity
from winback.charts.theme import AREA_COLOURS, as_text


def test_activities_per_area_count_activity_days_per_iso_week() -> None:
    log = daily_log(
        [
            (date(2026, 2, 23), 3, 5, "none", ("exercise", "slept_well", "saw_friends")),
            (date(2026, 2, 25), 4, 5, "none", ("exercise", "unknown_deleted")),
            (date(2026, 3, 1), 4, 5, "none", ("budget_saving",)),
            (date(2026, 2, 22), 2, 5, "none", ("read",)),
        ]
    )
    chart = activities_per_area(log, date(2026, 2, 16), TODAY, AREAS)
    assert chart.figure is not None
    assert chart.figure.layout.barmode == "stack"
    body = trace_named(chart, "Body")
    assert list(body.x) == ["2026-02-16", "2026-02-23"] and list(body.y) == [0, 3]
    assert body.marker.color == AREA_COLOURS["Body"]
    assert list(trace_named(chart, "Mind").x) == ["2026-02-16", "2026-02-23"]
    assert list(trace_named(chart, "Mind").y) == [1, 0]
    assert list(trace_named(chart, "Money").y) == [0, 1]
    assert {t.name for t in chart.figure.data} == {"Body", "Mind", "Social", "Money"}
    assert "6 activity-days in 2 weeks" in chart.alt
    assert chart.figure.data[0].customdata[1] == "Week of Mon 23 Feb 2026<br>Body: 3 activity-days"


def test_activities_per_area_totals_match_the_log(year: dict[str, pd.DataFrame]) -> None:
    chart = activities_per_area(year["daily_log"], None, TODAY, AREAS)
    assert chart.figure is not None
    expected: dict[str, int] = {}
    for activities in year["daily_log"]["activities"]:
        for activity in activities:
            expected[AREAS[activity]] = expected.get(AREAS[activity], 0) + 1
    drawn = {t.name: int(sum(t.y)) for t in chart.figure.data}
    assert drawn == expected
    assert all(len(t.x) <= 53 for t in chart.figure.data)


def test_activities_over_ten_years_are_monthly(decade: dict[str, pd.DataFrame]) -> None:
    chart = activities_per_area(decade["daily_log"], None, TODAY, AREAS)
    assert chart.figure is not None
    assert all(len(t.x) <= 121 for t in chart.figure.data)
    assert "calendar month" in chart.alt


def _qualifying_log() -> pd.DataFrame:
    """6 logged days: 'read' on exactly 3 (3 without), 'exercise' on 4 (2 without), 'saw_friends' on 2."""
    plan = [
        (5, ("read", "exercise", "saw_friends")),
        (4, ("read", "exercise")),
        (5, ("read", "exercise", "saw_friends")),
        (2, ("exercise",)),
        (1, ()),
        (3, ()),
    ]
    return daily_log([(date(2026, 2, 20 + i), mood, 3, "none", acts) for i, (mood, acts) in enumerate(plan)])


def test_mood_by_activity_needs_three_days_with_and_three_without() -> None:
    chart = mood_by_activity(_qualifying_log(), date(2026, 2, 1), TODAY, NAMES)
    with_it = trace_named(chart, "Days with it")
    without_it = trace_named(chart, "Days without it")
    assert list(with_it.y) == [NAMES["read"]]
    assert list(with_it.x) == [pytest.approx((5 + 4 + 5) / 3)]
    assert list(without_it.x) == [pytest.approx((2 + 1 + 3) / 3)]
    assert "association, not a cause" in chart.alt
    assert chart.figure is not None
    assert "Association, not cause" in chart.figure.layout.title.text
    assert "2 other activities left out" in chart.alt


def test_mood_by_activity_is_empty_with_the_rule_when_nothing_qualifies() -> None:
    log = _qualifying_log()
    chart = mood_by_activity(log.iloc[1:], date(2026, 2, 1), TODAY, NAMES)
    assert chart.figure is None
    assert "at least 3" in chart.empty and "at least 3" in chart.alt


def test_mood_by_activity_sorts_by_difference_and_shows_names_as_text(year: dict[str, pd.DataFrame]) -> None:
    names = dict(NAMES) | {"read": "<b>Read</b>"}
    chart = mood_by_activity(year["daily_log"], None, TODAY, names)
    with_it = np.asarray(trace_named(chart, "Days with it").x, dtype=float)
    without_it = np.asarray(trace_named(chart, "Days without it").x, dtype=float)
    difference = with_it - without_it
    assert list(difference) == sorted(difference, reverse=True)
    labels = list(trace_named(chart, "Days with it").y)
    assert "&lt;b&gt;Read&lt;/b&gt;" in labels and "<b>Read</b>" not in labels


def test_mood_by_activity_zooms_to_its_data_with_every_marker_inside(year: dict[str, pd.DataFrame]) -> None:
    chart = mood_by_activity(year["daily_log"], None, TODAY, NAMES)
    assert chart.figure is not None
    low, high = chart.figure.layout.xaxis.range
    shown = [
        *trace_named(chart, "Days with it").x,
        *trace_named(chart, "Days without it").x,
    ]
    assert low < min(shown) and max(shown) < high
    # Zoomed in: the sample year's gaps sit within about one mood, not spread over the whole 1–5 scale.
    assert high - low < 2.5 and (low, high) != (0.6, 5.4)
    ticks = list(chart.figure.layout.xaxis.ticktext)
    assert ticks and all(t.split()[0].replace(".", "").isdigit() for t in ticks)
    assert any(t.endswith(" good") or t.endswith(" meh") for t in ticks)


def test_mood_by_activity_keeps_a_narrow_gap_at_least_half_a_mood_wide() -> None:
    chart = mood_by_activity(_qualifying_log(), date(2026, 2, 1), TODAY, NAMES)
    assert chart.figure is not None
    low, high = chart.figure.layout.xaxis.range
    assert low >= 0.9 and high <= 5.1 and high - low >= 0.5
    # At least three ticks however narrow, and the axis says what it measures.
    assert len(chart.figure.layout.xaxis.tickvals) >= 3
    assert chart.figure.layout.xaxis.title.text.startswith("Average mood")


def test_activities_per_area_names_the_area_step_3_does_not_count(year: dict[str, pd.DataFrame]) -> None:
    step_3 = ("Body", "Mind", "Money", "Habits", "Social")
    chart = activities_per_area(year["daily_log"], None, TODAY, AREAS, step_3)
    assert chart.figure is not None
    names = [trace.name for trace in chart.figure.data]
    assert "Joy (not in step 3)" in names and "Body" in names and "Joy" not in names
    assert "Step 3 counts Body, Mind, Money, Habits, Social; Joy counts toward step 2 instead." in chart.alt


def test_area_numbers_are_each_areas_bars(year: dict[str, pd.DataFrame]) -> None:
    chart = activities_per_area(year["daily_log"], None, TODAY, AREAS)
    table = numbers_of(chart)
    traces = list(chart.figure.data)  # type: ignore[union-attr]
    assert list(table.columns) == ["Month" if len(table) <= 13 else "Week", *(t.name for t in traces)]
    for trace in traces:
        assert list(table[trace.name]) == list(trace.y), trace.name


def test_mood_by_activity_numbers_are_the_markers_with_names_as_typed(year: dict[str, pd.DataFrame]) -> None:
    names = dict(NAMES) | {"read": "<b>Read</b> **x**"}
    chart = mood_by_activity(year["daily_log"], None, TODAY, names)
    table = numbers_of(chart)
    with_it, without_it = trace_named(chart, "Days with it"), trace_named(chart, "Days without it")
    assert [as_text(name) for name in table["Activity"]] == list(with_it.y)
    assert "<b>Read</b> **x**" in list(table["Activity"])
    assert list(table["Average mood with it"]) == [round(x, 1) for x in with_it.x]
    assert list(table["Average mood without it"]) == [round(x, 1) for x in without_it.x]
    assert list(table["Days with it"] + table["Days without it"]) == [len(year["daily_log"])] * len(table)
