"""The days a PDF report covers: the last 30 or 90 days, a year, everything logged, or two dates of the person's
own (checked, with what is wrong in words), and how the period names the report's file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from winback.charts.period import period_start
from winback.vocab import PERIOD_DAYS, PERIODS
from winback.words import day_words

# The period a person picks: the Progress page's four, or two dates of their own.
TWO_DATES = "Between two dates"
PERIOD_CHOICES: tuple[str, ...] = (*PERIODS, TWO_DATES)
_SLUGS: dict[str, str] = {"30 days": "30-days", "90 days": "90-days", "1 year": "year", "All": "all"}


@dataclass(frozen=True)
class ReportPeriod:
    """The days a report covers: from ``start`` (None: nothing logged yet in "All") to the end of ``end``."""

    choice: str
    start: date | None
    end: date

    @property
    def slug(self) -> str:
        """For the file name: ``30-days``, ``year``, ``all``, ``2026-01-01-to-2026-03-31``."""
        if self.choice in _SLUGS:
            return _SLUGS[self.choice]
        first = self.start.isoformat() if self.start is not None else "start"
        return f"{first}-to-{self.end.isoformat()}"

    @property
    def words(self) -> str:
        """``The last 30 days: 2 November 2026 to 1 December 2026``."""
        if self.start is None:
            return f"Everything up to {day_words(self.end)} (nothing logged yet)"
        span = f"{day_words(self.start)} to {day_words(self.end)}"
        if self.choice in PERIOD_DAYS:
            return f"The last {self.choice.removeprefix('1 ')}: {span}"
        if self.choice == "All":
            return f"Everything logged: {span}"
        return span

    @property
    def days(self) -> int:
        return 0 if self.start is None else (self.end - self.start).days + 1


def period_problem(start: date | None, end: date | None, today: date) -> str | None:
    """What is wrong with two dates a person picked, in words; None when they make a period."""
    if start is None or end is None:
        return "Pick both dates: the first day and the last day of the report."
    if end > today:
        return f"The last day cannot be after today ({day_words(today)})."
    if start > end:
        return f"The first day ({day_words(start)}) must not be after the last day ({day_words(end)})."
    return None


def report_period(
    choice: str, today: date, log: pd.DataFrame, start: date | None = None, end: date | None = None
) -> ReportPeriod:
    """The period of a choice: the last 30 or 90 days or year up to today, everything logged, or two dates
    (checked first with :func:`period_problem`)."""
    if choice == TWO_DATES:
        problem = period_problem(start, end, today)
        if problem is not None or start is None or end is None:
            raise ValueError(problem)
        return ReportPeriod(choice, start, end)
    if choice not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIOD_CHOICES)}, not {choice!r}")
    logged = log[log["date"] <= pd.Timestamp(today)]
    first = logged["date"].min().date() if len(logged) else None
    return ReportPeriod(choice, period_start(choice, today, first), today)
