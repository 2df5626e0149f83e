"""The PDF report read back with pypdf: pages and their numbers, the headings chosen and no others, notes only
when asked, the sample mark on every page, the paper, and pictures where charts were chosen.

A year of sample history ending on a fixed day and a fixed "made on" day: nothing here reads the clock."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from pypdf import PdfReader

from tests.builders import SAMPLE_END
from winback.content.steps import default_thresholds
from winback.report import make_report
from winback.report.period import report_period
from winback.report.render import find_browser
from winback.report.sections import (
    NO_CHARTS,
    NOT_CLINICAL,
    SAMPLE_MARK,
    SECTION_TITLES,
    Choices,
    SectionKey,
    Tables,
)
from winback.settings import Settings
from winback.words import day_words

NOTE = "ZEBRA-NOTE-7 🌱 שלום مرحبا"
MADE = date(2026, 3, 2)


@pytest.fixture(scope="module")
def tables(year: dict[str, pd.DataFrame]) -> Tables:
    log = year["daily_log"].copy()
    log.loc[log.index[-1], "note"] = NOTE
    return Tables(
        log,
        year["checkins"],
        year["quiz_attempts"],
        year["quiz_answers"],
        year["reconnect"],
        year["custom_activities"],
        Settings("uk", None, default_thresholds()),
    )


def _read(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [page.extract_text() for page in reader.pages]


def _make(tables: Tables, sections: tuple[SectionKey, ...], **kwargs: object) -> bytes:
    choices = Choices(sections, notes=bool(kwargs.pop("notes", False)))
    period = report_period(str(kwargs.pop("period", "1 year")), SAMPLE_END, tables.log)
    return make_report(tables, period, choices, MADE, draw_charts=False, **kwargs).pdf  # type: ignore[arg-type]


@pytest.mark.timeless
def test_pages_are_numbered_hold_the_chosen_headings_and_leave_the_notes_out(tables: Tables) -> None:
    pdf = _make(tables, ("summary", "mood", "checkins"), sample=False)
    assert pdf.startswith(b"%PDF")
    reader, pages = _read(pdf)
    count = len(reader.pages)
    assert count >= 3
    assert [f"Page {n} of {count}" in text for n, text in enumerate(pages, 1)] == [True] * count
    text = "\n".join(pages)
    chosen = ("summary", "mood", "checkins")
    assert [line[2:] for line in pages[0].splitlines() if line.startswith("• ")] == [SECTION_TITLES[k] for k in chosen]
    lines = text.splitlines()
    assert all(SECTION_TITLES[k] in lines for k in chosen)
    assert [t for k, t in SECTION_TITLES.items() if k not in chosen and t in lines] == []
    assert "ZEBRA-NOTE-7" not in text
    assert " ".join(text.split()).count(NOT_CLINICAL) == 1, "once, on the title page"
    assert f"Made on {day_words(MADE)}." in pages[0]
    assert SAMPLE_MARK.upper() not in text
    assert NO_CHARTS in pages[0], "charts were not drawn: the report says so and keeps the numbers"
    assert "The numbers" in text
    # A4: 210 × 297 mm.
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)


@pytest.mark.timeless
def test_notes_when_asked_the_sample_mark_on_every_page_and_us_letter(tables: Tables) -> None:
    pdf = _make(tables, ("mood",), sample=True, notes=True, paper="US Letter")
    reader, pages = _read(pdf)
    assert all(SAMPLE_MARK.upper() in text for text in pages)
    text = "\n".join(pages)
    assert "ZEBRA-NOTE-7" in text and "Anyone who reads this report will see your notes." in text
    assert "שלום" in text or "םולש" in text, "right-to-left letters are written, not dropped"
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (612, 792)


@pytest.mark.timeless
def test_an_empty_period_still_makes_a_report(tables: Tables) -> None:
    empty = Tables(
        tables.log.iloc[0:0],
        *(getattr(tables, f) for f in ("checkins", "attempts", "answers")),
        tables.journal,
        tables.custom,
        tables.settings,
    )
    _reader, pages = _read(_make(empty, ("summary", "mood", "pixels"), sample=False, period="All"))
    assert "Everything up to" in pages[0] and "nothing logged yet" in pages[0]
    assert "Days logged: 0 of 0 days." in "\n".join(pages)


@pytest.mark.timeless
@pytest.mark.skipif(find_browser() is None, reason="needs Chromium or Google Chrome")
def test_charts_are_drawn_as_pictures_in_one_go(tables: Tables) -> None:
    period = report_period("90 days", SAMPLE_END, tables.log)
    report = make_report(tables, period, Choices(("steps", "mood", "quiz")), MADE, sample=False)
    assert report.charts_drawn
    reader, pages = _read(report.pdf)
    pictures = [image for page in reader.pages for image in page.images]
    assert len(pictures) == 3, "the five steps, mood and the quiz history"
    assert NO_CHARTS not in "\n".join(pages)
