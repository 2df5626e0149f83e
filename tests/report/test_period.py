"""The days a report covers and the name they give its file, from a history ending today (the clock's day)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.builders import report_history
from tests.support.clock import Clock
from winback.report.period import TWO_DATES, period_problem, report_period
from winback.words import day_words


def test_periods_end_today_and_name_their_file(clock: Clock) -> None:
    today = clock.today
    log = report_history(today)
    month = report_period("30 days", today, log)
    assert (month.start, month.end, month.slug, month.days) == (today - timedelta(days=29), today, "30-days", 30)
    assert month.words == f"The last 30 days: {day_words(today - timedelta(days=29))} to {day_words(today)}"
    assert report_period("1 year", today, log).slug == "year"
    everything = report_period("All", today, log)
    assert (everything.start, everything.slug) == (today - timedelta(days=39), "all")
    nothing = report_period("All", today, log.iloc[0:0])
    assert nothing.start is None and nothing.days == 0
    first, last = today - timedelta(days=10), today - timedelta(days=3)
    own = report_period(TWO_DATES, today, log, first, last)
    assert own.slug == f"{first.isoformat()}-to-{last.isoformat()}" and own.days == 8


def test_two_dates_that_make_no_period_are_refused_in_words(clock: Clock) -> None:
    today = clock.today
    assert period_problem(today - timedelta(days=1), today, today) is None
    assert period_problem(today, today, today) is None
    assert period_problem(None, today, today) == "Pick both dates: the first day and the last day of the report."
    assert period_problem(today, today + timedelta(days=1), today) == (
        f"The last day cannot be after today ({day_words(today)})."
    )
    later = today - timedelta(days=1)
    assert period_problem(today, later, today) == (
        f"The first day ({day_words(today)}) must not be after the last day ({day_words(later)})."
    )
    with pytest.raises(ValueError, match="after today"):
        report_period(TWO_DATES, today, report_history(today), today, today + timedelta(days=1))
