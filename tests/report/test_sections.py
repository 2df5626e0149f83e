"""What each section of the PDF report holds, from small hand-built histories ending today (the clock's day)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pandas as pd

from tests import builders as b
from tests.support.clock import Clock
from winback.content.steps import default_thresholds
from winback.report.period import report_period
from winback.report.sections import (
    SECTIONS,
    Choices,
    Tables,
    build_sections,
    notes_in,
    preview,
    weekly_rows,
)
from winback.schema import CUSTOM_ACTIVITIES, QUIZ_ANSWERS, RECONNECT, empty_frame
from winback.settings import Settings
from winback.words import day_words


def _tables(log: pd.DataFrame, attempts: pd.DataFrame | None = None, checkins: pd.DataFrame | None = None) -> Tables:
    return Tables(
        log,
        checkins if checkins is not None else b.checkins(),
        attempts if attempts is not None else b.attempts(),
        empty_frame(QUIZ_ANSWERS),
        empty_frame(RECONNECT),
        empty_frame(CUSTOM_ACTIVITIES),
        Settings("uk", None, default_thresholds()),
    )


def test_only_the_chosen_sections_in_the_report_order_and_notes_only_when_asked(clock: Clock) -> None:
    today = clock.today
    tables = _tables(b.report_history(today))
    period = report_period("30 days", today, tables.log)
    picked = build_sections(tables, period, Choices(("quiz", "mood", "summary")))
    assert [s.key for s in picked] == ["summary", "mood", "quiz"]
    mood = picked[1]
    assert [c.key for c in mood.charts] == ["mood"] and mood.warning is None
    assert "ZEBRA-NOTE-7" not in repr([blk.frame.to_dict() for blk in mood.blocks])
    with_notes = build_sections(tables, period, Choices(("mood",), notes=True))[0]
    assert with_notes.warning == "Anyone who reads this report will see your notes."
    assert with_notes.blocks[-1].frame.to_dict("list") == {"Day": [day_words(today)], "Note": ["ZEBRA-NOTE-7"]}
    assert notes_in(tables, period) == 1
    every = build_sections(tables, period, Choices())
    assert [s.key for s in every] == list(SECTIONS)


def test_summary_no_contact_and_weekly_rows_count_the_period_only(clock: Clock) -> None:
    today = clock.today
    tables = _tables(b.report_history(today))
    period = report_period("30 days", today, tables.log)
    summary, no_contact = build_sections(tables, period, Choices(("summary", "no_contact")))
    assert summary.lines[0] == "Days logged: 30 of 30 days."
    # In the last 30 days (n = 10…39), one slip: n = 30, nine days ago.
    assert "Days with contact (we talked or I reached out): 1." in summary.lines
    assert no_contact.lines[0] == f"Days without contact on {day_words(today)}: 9."
    assert no_contact.blocks[0].frame.to_dict("list") == {
        "Day": [day_words(today - timedelta(days=9))],
        "What happened": ["We talked"],
    }
    weeks = weekly_rows(tables.log[tables.log["date"] >= pd.Timestamp(period.start)])
    assert weeks["Days logged"].sum() == 30 and next(iter(weeks.columns)) == "Week of"
    assert preview("mood", tables, period) == f"30 days logged, mood chart and {len(weeks)} weekly rows"
    assert preview("no_contact", tables, period) == "days without contact, the longest run and 1 slip"


def test_with_and_without_needs_three_days_each_side_and_says_association_not_cause(clock: Clock) -> None:
    today = clock.today
    tables = _tables(b.report_history(today))
    period = report_period("30 days", today, tables.log)
    assert preview("with_without", tables, period) == "1 activity with enough days to compare"
    (section,) = build_sections(tables, period, Choices(("with_without",)))
    assert section.lines[0].startswith("Association, not cause")
    assert "at least 3 logged days" in section.lines[0]
    # Five days, exercise on four: one day without is too few to compare.
    short = _tables(b.log(*b.days(today, 4, acts=("exercise",)), *b.days(today - timedelta(days=4), 1)))
    assert preview("with_without", short, report_period("30 days", today, short.log)).startswith("0 activities")


def test_quiz_attempts_of_the_period_with_reasons_only_when_asked(clock: Clock) -> None:
    today = clock.today
    inside = datetime.combine(today - timedelta(days=3), time(20, 0))
    before = datetime.combine(today - timedelta(days=200), time(20, 0))
    tables = _tables(b.report_history(today), b.attempts((before, "dont", "toxic", 20), (inside, "go", "none", 80)))
    period = report_period("30 days", today, tables.log)
    (quiz,) = build_sections(tables, period, Choices(("quiz",)))
    assert quiz.blocks[0].frame["Day"].tolist() == [day_words(inside.date())]
    assert quiz.reasons == () and quiz.warning is None
    (asked,) = build_sections(tables, period, Choices(("quiz",), quiz_reasons=True))
    assert [day for day, _ in asked.reasons] == [day_words(inside.date())] and asked.warning
    assert (
        len(build_sections(tables, report_period("All", today, tables.log), Choices(("quiz",)))[0].blocks[0].frame) == 2
    )


def test_an_empty_period_builds_every_section_without_charts(clock: Clock) -> None:
    tables = _tables(b.log())
    period = report_period("All", clock.today, tables.log)
    sections = build_sections(tables, period, Choices())
    assert [s.key for s in sections] == list(SECTIONS)
    assert all(c.chart.figure is None for s in sections for c in s.charts if s.key != "steps")
    assert preview("mood", tables, period) == "0 days logged, mood chart and 0 weekly rows"
