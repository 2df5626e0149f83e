"""The PDF report of a person's progress: ``sections`` (what each section holds, pure functions of the tables),
``render`` (the app's charts as pictures, in the computer's own Chromium or Chrome) and ``pdf`` (the layout)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from winback.report.pdf import Made, Paper, build_pdf
from winback.report.period import ReportPeriod
from winback.report.render import ChartDrawer
from winback.report.sections import CHARTED, Choices, Tables, build_sections, charts_of


@dataclass(frozen=True)
class Report:
    """The PDF, and whether its charts could be drawn (False: it holds their numbers and words only)."""

    pdf: bytes
    charts_drawn: bool


def make_report(
    tables: Tables,
    period: ReportPeriod,
    choices: Choices,
    made_on: date,
    *,
    sample: bool,
    paper: Paper = "A4",
    draw_charts: bool = True,
) -> Report:
    """Build the chosen sections, draw all their charts in one browser start, and lay the PDF out."""
    wanted = draw_charts and any(key in CHARTED for key in choices.sections)
    # The browser starts while the sections are built: most of a report's time is that start.
    with ChartDrawer() if wanted else contextlib.nullcontext() as drawer:
        sections = build_sections(tables, period, choices)
        charts = charts_of(sections)
        pictures: dict[int, bytes] | None = {}
        if charts:
            drawn = drawer.draw([c.figure for c in charts if c.figure is not None]) if drawer is not None else None
            pictures = None if drawn is None else {id(c): png for c, png in zip(charts, drawn, strict=True)}
    made = Made(period, made_on, sample, paper, charts_missing=pictures is None)
    return Report(build_pdf(sections, made, pictures), pictures is not None)
