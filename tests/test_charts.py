from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pytest

from tests.support.clock import Clock
from winback import charts, sample
from winback.activities import area_of, catalogue
from winback.charts import Chart
from winback.progress import StepProgress
from winback.schema import CHECKINS, DAILY_LOG, QUIZ_ATTEMPTS, frame_from_columns

TODAY = date(2026, 3, 1)
GO_MIN, WAIT_MIN = 70, 45
NAMES = {a.id: a.name for a in catalogue()} | {"custom_climbing": "Climbing", "custom_spanish_lessons": "Spanish"}
AREAS = area_of(catalogue()) | {"custom_climbing": "Body", "custom_spanish_lessons": "Mind"}
STEPS = (
    StepProgress(1, "No contact", 1.0, "done", ("30 of 30 days without contact",)),
    StepProgress(2, "Stay positive", 0.62, "active", ("Average mood 3.1 of 3.5 over the last 14 days",)),
    StepProgress(3, "Improve your life and self-value", 1 / 3, "active", ()),
    StepProgress(4, "Reconnect", 0.0, "locked", ("Steps 1–3 come first",)),
    StepProgress(5, "Be kind and meet maturely", 0.25, "locked", ()),
)


@pytest.fixture(scope="module")
def year() -> dict[str, pd.DataFrame]:
    return sample.generate(365, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def decade() -> dict[str, pd.DataFrame]:
    return sample.generate(3650, seed=7, today=TODAY)


def _log(rows: list[tuple[date, int, int, str, tuple[str, ...]]]) -> pd.DataFrame:
    """A daily log typed as storage reads it, from (date, mood, missing_ex, contact, activities)."""
    return frame_from_columns(
        DAILY_LOG,
        {
            "date": [r[0] for r in rows],
            "mood": [r[1] for r in rows],
            "missing_ex": [r[2] for r in rows],
            "contact": [r[3] for r in rows],
            "activities": [r[4] for r in rows],
            "note": ["" for _ in rows],
        },
    )


def _trace(chart: Chart, name: str) -> Any:
    assert chart.figure is not None
    matches = [t for t in chart.figure.data if t.name == name]
    assert len(matches) == 1, [t.name for t in chart.figure.data]
    return matches[0]


def _trend(chart: Chart, name: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    return np.asarray(_trace(chart, name).y, dtype=float)


def _logged_in(log: pd.DataFrame, start: date, today: date) -> pd.DataFrame:
    keep = (log["date"] >= pd.Timestamp(start)) & (log["date"] <= pd.Timestamp(today))
    return log[keep].sort_values("date")


def _every_builder(frames: dict[str, pd.DataFrame], start: date | None) -> dict[str, Chart]:
    log = frames["daily_log"]
    return {
        "mood_over_time": charts.mood_over_time(log, start, TODAY),
        "calendar_mood": charts.calendar_heatmap(log, start, TODAY, "mood"),
        "calendar_contact": charts.calendar_heatmap(log, start, TODAY, "contact"),
        "activities_per_area": charts.activities_per_area(log, start, TODAY, AREAS),
        "mood_by_activity": charts.mood_by_activity(log, start, TODAY, NAMES),
        "checkin_scores": charts.checkin_scores(frames["checkins"], start, TODAY),
        "quiz_history": charts.quiz_history(frames["quiz_attempts"], GO_MIN, WAIT_MIN),
        "mood_last_days": charts.mood_last_days(log, TODAY),
    }


# Periods


@pytest.mark.parametrize(
    ("period", "expected"),
    [("30 days", date(2026, 1, 31)), ("90 days", date(2025, 12, 2)), ("1 year", date(2025, 3, 2))],
)
def test_period_start_counts_today_as_the_last_day(period: str, expected: date) -> None:
    start = charts.period_start(period, TODAY, date(2020, 1, 1))
    assert start == expected
    assert (TODAY - expected).days + 1 == charts.PERIOD_DAYS[period]


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
def test_a_period_holds_its_days_at_every_moment(clock: Clock, period: str) -> None:
    start = charts.period_start(period, clock.today, None)
    assert start is not None
    assert (clock.today - start).days + 1 == charts.PERIOD_DAYS[period]
    log = sample.generate(400, seed=5, today=clock.today)["daily_log"]
    assert len(_logged_in(log, start, clock.today)) == len(charts.in_period(log, start, clock.today))


def test_period_all_starts_on_the_first_logged_day() -> None:
    assert charts.period_start("All", TODAY, date(2024, 5, 6)) == date(2024, 5, 6)
    assert charts.period_start("All", TODAY, None) is None
    assert set(charts.PERIODS) == {*charts.PERIOD_DAYS, "All"}


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="30 days"):
        charts.period_start("2 weeks", TODAY, None)


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
    kept = charts.in_period(attempts, date(2026, 2, 1), TODAY, column="taken_at")
    assert kept["attempt_id"].tolist() == ["b", "a"]
    assert charts.in_period(attempts, None, TODAY, column="taken_at")["attempt_id"].tolist() == ["c", "b", "a"]


# Every builder


def test_every_builder_has_alt_and_empty_text_and_no_figure_without_data() -> None:
    empty = sample.generate(0, today=TODAY)
    built = _every_builder(empty, charts.period_start("90 days", TODAY, None)) | {"step_bars": charts.step_bars([])}
    for name, chart in built.items():
        assert chart.figure is None, name
        assert chart.is_empty, name
        assert chart.alt.strip(), name
        assert chart.empty.strip(), name


def test_every_builder_describes_its_figure_in_words(year: dict[str, pd.DataFrame]) -> None:
    start = charts.period_start("90 days", TODAY, None)
    built = _every_builder(year, start) | {"step_bars": charts.step_bars(STEPS)}
    for name, chart in built.items():
        assert chart.figure is not None, name
        assert chart.alt.strip() and chart.empty.strip(), name
        assert any(ch.isdigit() for ch in chart.alt), name
        layout = chart.figure.layout
        assert layout.height is not None, name
        assert layout.paper_bgcolor == "rgba(0,0,0,0)" and layout.plot_bgcolor == "rgba(0,0,0,0)", name
        assert layout.font.color is None, name
        assert layout.legend.orientation == "h", name
        assert layout.dragmode is False and layout.xaxis.fixedrange and layout.yaxis.fixedrange, name
        for trace in chart.figure.data:
            if trace.hoverinfo != "skip" and trace.x != (None,):
                assert trace.hovertemplate == "%{customdata}<extra></extra>", name
                assert all(isinstance(text, str) and text for text in trace.customdata), name


def test_nothing_logged_in_the_period_is_empty_even_with_older_data(year: dict[str, pd.DataFrame]) -> None:
    later = TODAY + timedelta(days=400)
    start = charts.period_start("30 days", later, None)
    log = year["daily_log"]
    assert charts.mood_over_time(log, start, later).figure is None
    assert charts.calendar_heatmap(log, start, later, "mood").figure is None
    assert charts.activities_per_area(log, start, later, AREAS).figure is None
    assert charts.mood_by_activity(log, start, later, NAMES).figure is None
    assert charts.checkin_scores(year["checkins"], start, later).figure is None
    assert charts.mood_last_days(log, later).figure is None


@pytest.mark.parametrize("period", ["30 days", "All"])
def test_builders_leave_their_input_frames_as_they_were(decade: dict[str, pd.DataFrame], period: str) -> None:
    before = {name: frame.copy(deep=True) for name, frame in decade.items()}
    first = decade["daily_log"]["date"].min().date()
    _every_builder(decade, charts.period_start(period, TODAY, first))
    for name, frame in decade.items():
        pd.testing.assert_frame_equal(frame, before[name])


# 1. Step bars


def test_step_bars_equal_progress_and_mark_locked_steps() -> None:
    chart = charts.step_bars(STEPS)
    assert chart.figure is not None
    (bars,) = chart.figure.data
    assert list(bars.x) == [s.progress * 100 for s in STEPS]
    assert list(bars.y) == [f"{s.number}. {s.name}" for s in STEPS]
    assert chart.figure.layout.yaxis.autorange == "reversed"
    assert list(bars.text) == ["done", "62 %", "33 %", "locked", "locked"]
    colours = list(bars.marker.color)
    assert colours[0] == charts.PALETTE["green"]
    assert colours[1] == colours[2] == charts.PALETTE["blue"]
    assert colours[3] == colours[4] == charts.PALETTE["grey"]
    assert [shape != "" for shape in bars.marker.pattern.shape] == [False, False, False, True, True]
    assert "Locked: 0 %" in bars.customdata[3]
    assert "Steps 1–3 come first" in bars.customdata[3]
    assert "5. Be kind and meet maturely: 25 % (locked)" in chart.alt


# 2. Mood over time


def test_mood_trend_is_pandas_7_day_rolling_mean_over_logged_days_with_gaps() -> None:
    days = [1, 2, 3, 5, 9, 10, 20, 21, 28]
    moods = [1, 2, 3, 5, 4, 4, 2, 5, 3]
    log = _log([(date(2026, 1, d), m, 10 - m, "none", ()) for d, m in zip(days, moods, strict=True)])
    chart = charts.mood_over_time(log, date(2026, 1, 1), date(2026, 1, 31))
    expected = log.set_index("date")["mood"].rolling("7D").mean()
    trend = _trend(chart, "7-day average")
    np.testing.assert_allclose(trend, expected.to_numpy())
    # Time-based, not the last 7 rows: on 9 Jan the window holds 3, 5 and 9 Jan.
    assert trend[days.index(9)] == pytest.approx((3 + 5 + 4) / 3)
    assert trend[days.index(20)] == 2.0
    points = _trace(chart, "Mood")
    assert list(points.y) == moods
    assert points.customdata[0] == "Thu 1 Jan 2026<br>Mood: awful (1)"
    missing = _trace(chart, "Missing my ex")
    assert missing.yaxis == "y2"
    assert missing.line.dash == "dot"
    np.testing.assert_allclose(
        np.asarray(missing.y, dtype=float), log.set_index("date")["missing_ex"].rolling("7D").mean().to_numpy()
    )
    assert "9 days logged" in chart.alt and "7-day average" in chart.alt


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
def test_mood_trend_matches_pandas_on_sample_data(year: dict[str, pd.DataFrame], period: str) -> None:
    start = charts.period_start(period, TODAY, None)
    assert start is not None
    logged = _logged_in(year["daily_log"], start, TODAY)
    chart = charts.mood_over_time(year["daily_log"], start, TODAY)
    expected = logged.set_index("date")["mood"].rolling("7D").mean()
    np.testing.assert_allclose(_trend(chart, "7-day average"), expected.to_numpy())
    assert list(_trace(chart, "Mood").x) == [f"{d:%Y-%m-%d}" for d in logged["date"]]
    assert f"{len(logged)} days logged" in chart.alt


def test_mood_over_ten_years_is_weekly_and_light(decade: dict[str, pd.DataFrame]) -> None:
    log = decade["daily_log"]
    first = log["date"].min().date()
    chart = charts.mood_over_time(log, charts.period_start("All", TODAY, first), TODAY)
    assert chart.figure is not None
    assert all(len(trace.x) < 600 for trace in chart.figure.data)
    assert sum(len(trace.x) for trace in chart.figure.data) < 3 * 600
    weekly = log.groupby(log["date"].dt.to_period("W-SUN"))["mood"].mean()
    points = _trace(chart, "Weekly mood")
    np.testing.assert_allclose(np.asarray(points.y, dtype=float), weekly.to_numpy())
    assert points.x[0] == f"{weekly.index[0].start_time:%Y-%m-%d}"
    assert "weekly averages" in chart.alt and "4-week average" in chart.alt
    daily_28 = log.set_index("date")["mood"].rolling("28D").mean()
    assert _trend(chart, "4-week average")[-1] == pytest.approx(daily_28.iloc[-1])


def test_mood_over_a_century_is_monthly() -> None:
    century = sample.generate(36500, seed=7, today=TODAY)["daily_log"]
    chart = charts.mood_over_time(century, None, TODAY)
    assert chart.figure is not None
    assert all(len(trace.x) <= 100 * 12 + 1 for trace in chart.figure.data)
    assert "monthly averages" in chart.alt and "3-month average" in chart.alt


# 3. Calendar heatmap


def _cells(chart: Chart) -> Any:
    assert chart.figure is not None
    heatmaps = [t for t in chart.figure.data if t.type == "heatmap"]
    assert len(heatmaps) == 1
    return heatmaps[0]


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year"])
@pytest.mark.parametrize("value", ["mood", "contact"])
def test_calendar_has_one_cell_per_day_of_the_period(year: dict[str, pd.DataFrame], period: str, value: str) -> None:
    start = charts.period_start(period, TODAY, None)
    assert start is not None
    chart = charts.calendar_heatmap(year["daily_log"], start, TODAY, value)  # type: ignore[arg-type]
    cells = _cells(chart)
    days = charts.PERIOD_DAYS[period]
    z = list(cells.z)
    assert sum(v is not None for v in z) + sum(v is None for v in z) == len(z) == days
    assert len(set(zip(cells.x, cells.y, strict=True))) == days
    logged = _logged_in(year["daily_log"], start, TODAY)
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
    z = list(_cells(charts.calendar_heatmap(log, start, today, "mood")).z)
    assert len(z) == days == (today - start).days + 1
    cells = _cells(charts.calendar_heatmap(log, start, today, "mood"))
    assert "Thu 29 Feb 2024" in " ".join(cells.customdata)


def test_calendar_places_days_by_week_and_weekday() -> None:
    log = _log([(date(2026, 2, 23), 5, 0, "we_talked", ()), (date(2026, 3, 1), 1, 9, "i_reached_out", ())])
    mood = _cells(charts.calendar_heatmap(log, date(2026, 2, 23), TODAY, "mood"))
    assert list(mood.x) == ["2026-02-23"] * 7
    assert list(mood.y) == list(charts.WEEKDAYS)
    assert list(mood.z) == [5, None, None, None, None, None, 1]
    assert mood.customdata[0] == "Mon 23 Feb 2026<br>Mood: great (5)"
    assert mood.customdata[1] == "Tue 24 Feb 2026<br>Not logged"
    contact = _cells(charts.calendar_heatmap(log, date(2026, 2, 23), TODAY, "contact"))
    assert list(contact.z) == [2, None, None, None, None, None, 3]
    assert contact.customdata[6] == "Sun 1 Mar 2026<br>I reached out"


def test_calendar_over_more_than_two_years_shows_the_last_year(decade: dict[str, pd.DataFrame]) -> None:
    log = decade["daily_log"]
    start = charts.period_start("All", TODAY, log["date"].min().date())
    chart = charts.calendar_heatmap(log, start, TODAY, "contact")
    assert len(list(_cells(chart).z)) == 365
    assert "only the last 365 days" in chart.alt


# 4. Activities per life area


def test_activities_per_area_count_activity_days_per_iso_week() -> None:
    log = _log(
        [
            (date(2026, 2, 23), 3, 5, "none", ("exercise", "slept_well", "saw_friends")),
            (date(2026, 2, 25), 4, 5, "none", ("exercise", "unknown_deleted")),
            (date(2026, 3, 1), 4, 5, "none", ("budget_saving",)),
            (date(2026, 2, 22), 2, 5, "none", ("read",)),
        ]
    )
    chart = charts.activities_per_area(log, date(2026, 2, 16), TODAY, AREAS)
    assert chart.figure is not None
    assert chart.figure.layout.barmode == "stack"
    body = _trace(chart, "Body")
    assert list(body.x) == ["2026-02-16", "2026-02-23"] and list(body.y) == [0, 3]
    assert body.marker.color == charts.AREA_COLOURS["Body"]
    assert list(_trace(chart, "Mind").x) == ["2026-02-16", "2026-02-23"]
    assert list(_trace(chart, "Mind").y) == [1, 0]
    assert list(_trace(chart, "Money").y) == [0, 1]
    assert {t.name for t in chart.figure.data} == {"Body", "Mind", "Social", "Money"}
    assert "6 activity-days in 2 weeks" in chart.alt
    assert chart.figure.data[0].customdata[1] == "Week of Mon 23 Feb 2026<br>Body: 3 activity-days"


def test_activities_per_area_totals_match_the_log(year: dict[str, pd.DataFrame]) -> None:
    chart = charts.activities_per_area(year["daily_log"], None, TODAY, AREAS)
    assert chart.figure is not None
    expected: dict[str, int] = {}
    for activities in year["daily_log"]["activities"]:
        for activity in activities:
            expected[AREAS[activity]] = expected.get(AREAS[activity], 0) + 1
    drawn = {t.name: int(sum(t.y)) for t in chart.figure.data}
    assert drawn == expected
    assert all(len(t.x) <= 53 for t in chart.figure.data)


def test_activities_over_ten_years_are_monthly(decade: dict[str, pd.DataFrame]) -> None:
    chart = charts.activities_per_area(decade["daily_log"], None, TODAY, AREAS)
    assert chart.figure is not None
    assert all(len(t.x) <= 121 for t in chart.figure.data)
    assert "calendar month" in chart.alt


# 5. Mood by activity


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
    return _log([(date(2026, 2, 20 + i), mood, 3, "none", acts) for i, (mood, acts) in enumerate(plan)])


def test_mood_by_activity_needs_three_days_with_and_three_without() -> None:
    chart = charts.mood_by_activity(_qualifying_log(), date(2026, 2, 1), TODAY, NAMES)
    with_it = _trace(chart, "Days with it")
    without_it = _trace(chart, "Days without it")
    assert list(with_it.y) == [NAMES["read"]]
    assert list(with_it.x) == [pytest.approx((5 + 4 + 5) / 3)]
    assert list(without_it.x) == [pytest.approx((2 + 1 + 3) / 3)]
    assert "association, not a cause" in chart.alt
    assert chart.figure is not None
    assert "Association, not cause" in chart.figure.layout.title.text
    assert "2 other activities left out" in chart.alt


def test_mood_by_activity_is_empty_with_the_rule_when_nothing_qualifies() -> None:
    log = _qualifying_log()
    chart = charts.mood_by_activity(log.iloc[1:], date(2026, 2, 1), TODAY, NAMES)
    assert chart.figure is None
    assert "at least 3" in chart.empty and "at least 3" in chart.alt


def test_mood_by_activity_sorts_by_difference_and_shows_names_as_text(year: dict[str, pd.DataFrame]) -> None:
    names = dict(NAMES) | {"read": "<b>Read</b>"}
    chart = charts.mood_by_activity(year["daily_log"], None, TODAY, names)
    with_it = np.asarray(_trace(chart, "Days with it").x, dtype=float)
    without_it = np.asarray(_trace(chart, "Days without it").x, dtype=float)
    difference = with_it - without_it
    assert list(difference) == sorted(difference, reverse=True)
    labels = list(_trace(chart, "Days with it").y)
    assert "&lt;b&gt;Read&lt;/b&gt;" in labels and "<b>Read</b>" not in labels


# 6. Check-in scores


def test_checkin_scores_draw_both_scores_with_the_self_check_note(year: dict[str, pd.DataFrame]) -> None:
    start = charts.period_start("90 days", TODAY, None)
    assert start is not None
    chart = charts.checkin_scores(year["checkins"], start, TODAY)
    rows = _logged_in(year["checkins"], start, TODAY)
    assert list(_trace(chart, "Well-being").y) == rows["wellbeing"].tolist()
    assert list(_trace(chart, "Self-worth").y) == rows["self_worth"].tolist()
    assert chart.figure is not None
    assert "not a clinical instrument" in chart.figure.layout.title.text
    assert "not a clinical instrument" in chart.alt
    assert f"{len(rows)} check-ins" in chart.alt


def test_checkins_over_ten_years_are_monthly(decade: dict[str, pd.DataFrame]) -> None:
    chart = charts.checkin_scores(decade["checkins"], None, TODAY)
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
    chart = charts.checkin_scores(checkins, None, TODAY)
    assert "well-being 64 of 100, self-worth 40 of 100" in chart.alt
    assert _trace(chart, "Well-being").customdata[0] == "Check-in on Thu 26 Feb 2026<br>Well-being: 64 of 100"


# 7. Quiz history


def _attempts(worth: list[int], tiers: list[str]) -> pd.DataFrame:
    n = len(worth)
    return frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": [f"a{i}" for i in range(n)],
            "taken_at": [datetime(2026, 1, 1 + 7 * i, 20, 0) for i in range(n)][::-1],
            "quiz_version": ["1"] * n,
            "worth": worth[::-1],
            "tier": tiers[::-1],
            "verdict": ["wait"] * n,
        },
    )


def test_quiz_history_marks_flagged_attempts_and_the_thresholds() -> None:
    chart = charts.quiz_history(_attempts([40, 55, 72, 80], ["none", "danger", "caution", "toxic"]), GO_MIN, WAIT_MIN)
    worth = _trace(chart, "Worth")
    assert list(worth.x) == [1, 2, 3, 4] and list(worth.y) == [40, 55, 72, 80]
    flagged = _trace(chart, "Signs of abuse flagged")
    assert list(flagged.x) == [2, 4]
    assert flagged.marker.symbol == "x" and flagged.marker.color == charts.PALETTE["vermillion"]
    assert all("Signs of abuse flagged" in text for text in flagged.customdata)
    assert chart.figure is not None
    assert sorted(shape.y0 for shape in chart.figure.layout.shapes) == [WAIT_MIN, GO_MIN]
    assert "attempts 2, 4" in chart.alt and "40, 55, 72, 80" in chart.alt
    assert "latest attempt flagged signs of abuse" in chart.alt


def test_quiz_history_without_flags_has_no_flag_trace() -> None:
    chart = charts.quiz_history(_attempts([50, 71], ["none", "caution"]), GO_MIN, WAIT_MIN)
    assert chart.figure is not None
    assert [t.name for t in chart.figure.data] == ["Worth"]
    assert "'worth trying' zone" in chart.alt


# 8. The last 7 days


def test_mood_last_days_shows_gaps_and_weekday_names() -> None:
    log = _log(
        [
            (date(2026, 2, 23), 4, 2, "none", ()),
            (date(2026, 2, 26), 2, 6, "none", ()),
            (date(2026, 3, 1), 5, 1, "none", ()),
            (date(2026, 2, 20), 1, 9, "none", ()),
        ]
    )
    chart = charts.mood_last_days(log, TODAY)
    assert chart.figure is not None
    (bars,) = chart.figure.data
    assert list(bars.y) == [4, None, None, 2, None, None, 5]
    assert list(bars.x)[-1] == "2026-03-01"
    assert list(chart.figure.layout.xaxis.ticktext) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert bars.customdata[0] == "Mon 23 Feb 2026<br>Mood: good (4)"
    assert "3 of 7 logged" in chart.alt


def test_mood_last_days_takes_other_lengths(year: dict[str, pd.DataFrame]) -> None:
    chart = charts.mood_last_days(year["daily_log"], TODAY, days=14)
    assert chart.figure is not None
    assert len(chart.figure.data[0].x) == 14
