"""The report as a PDF (fpdf2): a title page, then each chosen section with its words, its charts (pictures from
``render``, each with its words and its numbers as a small table) and its tables; page numbers on every page and
the sample-data mark on every page in sample mode.

Text from the person (notes, activity names, goals) is written as plain text, never as markup. The font is DejaVu
Sans, bundled in ``fonts/`` with its licence: it covers Latin, Greek, Cyrillic, Hebrew and Arabic letters; a
character it lacks (most emoji) shows as an empty box, and right-to-left text is written letter by letter from
the left (no shaping), but neither stops the report.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from winback.report.period import ReportPeriod
from winback.report.render import DEFAULT_HEIGHT_PX, WIDTH_PX
from winback.report.sections import (
    NO_CHARTS,
    NOT_CLINICAL,
    NUMBERS_AT_END,
    NUMBERS_BESIDE_MAX,
    REPORT_TITLE,
    SAMPLE_MARK,
    Section,
)
from winback.views import PageChart
from winback.words import day_words

Paper = Literal["A4", "US Letter"]
PAPERS: tuple[Paper, ...] = ("A4", "US Letter")
_FORMATS: dict[Paper, str] = {"A4": "A4", "US Letter": "Letter"}
FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
_INK = (20, 19, 18)
_MUTED = (80, 80, 80)
_RULE = (150, 150, 150)
# Below this much room left on a page, a section's heading starts on the next page.
_SECTION_ROOM_MM = 60.0

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
logging.getLogger("fpdf.output").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Made:
    """What the title page says besides the sections: the period, the day it was made, and how."""

    period: ReportPeriod
    made_on: date
    sample: bool
    paper: Paper = "A4"
    charts_missing: bool = False


class _Document(FPDF):
    def __init__(self, made: Made) -> None:
        super().__init__(orientation="portrait", unit="mm", format=_FORMATS[made.paper])
        self.made = made
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(REPORT_TITLE)
        self.set_creator("")
        self.set_producer("")
        self.set_text_color(*_INK)

    def header(self) -> None:
        if self.made.sample:
            self.set_font(FONT, "B", 9)
            self.set_y(8)
            self.cell(0, 5, SAMPLE_MARK.upper(), align="C")
            self.set_y(max(self.t_margin, 18))

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_MUTED)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(*_INK)

    def room(self) -> float:
        return self.h - self.b_margin - self.get_y()

    def para(self, text: str, size: float = 10, style: Literal["", "B"] = "", gap: float = 1.5) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def heading(self, text: str, size: float = 15) -> None:
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)


def build_pdf(sections: tuple[Section, ...], made: Made, pictures: dict[int, bytes] | None) -> bytes:
    """The report's bytes. ``pictures`` maps ``id(chart)`` to its PNG; None when charts could not be drawn."""
    pdf = _Document(made)
    _title_page(pdf, sections, made)
    at_end: list[PageChart] = []
    for section in sections:
        _section(pdf, section, pictures, at_end)
    if at_end:
        pdf.add_page()
        pdf.heading(NUMBERS_AT_END)
        for shown in at_end:
            numbers = shown.chart.numbers
            if numbers is not None:
                _table(pdf, shown.title, numbers)
    return bytes(pdf.output())


def _title_page(pdf: _Document, sections: tuple[Section, ...], made: Made) -> None:
    pdf.add_page()
    pdf.ln(20)
    pdf.heading(REPORT_TITLE, 24)
    pdf.para(made.period.words, 12)
    pdf.para(f"Made on {day_words(made.made_on)}.", 11, gap=6)
    pdf.para("What it holds:", 11, "B")
    for section in sections:
        pdf.para(f"• {section.title}", 10, gap=0.5)
    if not sections:
        pdf.para("No section was chosen.", 10)
    pdf.ln(6)
    if made.charts_missing:
        pdf.para(NO_CHARTS, 10, "B", gap=4)
    pdf.set_draw_color(*_RULE)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)
    pdf.para(NOT_CLINICAL, 9)


def _section(pdf: _Document, section: Section, pictures: dict[int, bytes] | None, at_end: list[PageChart]) -> None:
    # A heading followed at once by a chart keeps it on its page.
    first = _picture_height(pdf, section.charts[0], pictures) + 20 if section.charts and not section.lines else 0
    if pdf.page_no() == 1 or pdf.room() < max(_SECTION_ROOM_MM, min(first, pdf.eph)):
        pdf.add_page()
    else:
        pdf.ln(6)
    pdf.heading(section.title)
    if section.warning:
        pdf.para(section.warning, 9, "B")
    for line in section.lines:
        pdf.para(line)
    for shown in section.charts:
        _chart(pdf, shown, pictures, at_end)
    for block in section.blocks:
        _table(pdf, block.title, block.frame)
    for title, reasons in section.reasons:
        if pdf.room() < 20:
            pdf.add_page()
        pdf.para(title, 10, "B", gap=0.5)
        for reason in reasons:
            pdf.para(f"– {reason}", 9, gap=0.5)
        pdf.ln(1.5)


def _chart(pdf: _Document, shown: PageChart, pictures: dict[int, bytes] | None, at_end: list[PageChart]) -> None:
    chart = shown.chart
    height = _picture_height(pdf, shown, pictures)
    # The title stays with its picture (or, without one, with the first lines of its words).
    if pdf.room() < max(30.0, height + 8):
        pdf.add_page()
    pdf.para(shown.title, 11, "B", gap=1)
    if chart.figure is None:
        pdf.para(chart.empty, 9)
        return
    picture = None if pictures is None else pictures.get(id(chart))
    if picture is not None:
        pdf.image(io.BytesIO(picture), x=pdf.l_margin, w=pdf.epw, h=height, alt_text=chart.alt)
        pdf.ln(2)
    pdf.set_text_color(*_MUTED)
    pdf.para(chart.alt, 8.5)
    pdf.set_text_color(*_INK)
    numbers = chart.numbers
    if numbers is None or numbers.empty:
        return
    if len(numbers) > NUMBERS_BESIDE_MAX:
        pdf.para(f"Its {len(numbers):,} rows of numbers are at the end of the report, under “{NUMBERS_AT_END}”.", 8.5)
        at_end.append(shown)
        return
    _table(pdf, "The numbers", numbers)


_LINE_MM = 3.6
_PAD_MM = 1.0
_TABLE_SIZE = 7.5


def _picture_height(pdf: _Document, shown: PageChart, pictures: dict[int, bytes] | None) -> float:
    """How tall the chart's picture is on the page (0 without one)."""
    figure = shown.chart.figure
    if figure is None or pictures is None or id(shown.chart) not in pictures:
        return 0.0
    return float(pdf.epw * int(figure.layout.height or DEFAULT_HEIGHT_PX) / WIDTH_PX)


def _table(pdf: _Document, title: str, frame: pd.DataFrame) -> None:
    """A small table: bold headings (again on each new page), a thin rule under each row; a cell that does not
    fit its column wraps. Drawn cell by cell with ``text`` (fpdf2's own tables lay out every cell as a
    paragraph: seconds for a year of numbers)."""
    if pdf.room() < 25:
        pdf.add_page()
    pdf.para(title, 9.5, "B", gap=1)
    shares = _widths(frame)
    widths = [pdf.epw * share / sum(shares) for share in shares]
    _row(pdf, [str(c) for c in frame.columns], widths, "B")
    for values in frame.itertuples(index=False):
        if not _row(pdf, [_cell(v) for v in values], widths, ""):
            pdf.add_page()
            _row(pdf, [str(c) for c in frame.columns], widths, "B")
            _row(pdf, [_cell(v) for v in values], widths, "")
    pdf.ln(3)


def _row(pdf: _Document, cells: list[str], widths: list[float], style: Literal["", "B"]) -> bool:
    """One row at the current height, then a rule; False (and nothing drawn) when it does not fit the page."""
    pdf.set_font(FONT, style, _TABLE_SIZE)
    lines = [_lines(pdf, text, width - 2 * _PAD_MM) for text, width in zip(cells, widths, strict=True)]
    height = max(len(cell) for cell in lines) * _LINE_MM + 1.2
    if pdf.room() < height:
        return False
    top, x = pdf.get_y(), pdf.l_margin
    for cell, width in zip(lines, widths, strict=True):
        for number, line in enumerate(cell):
            pdf.text(x + _PAD_MM, top + 0.6 + _LINE_MM * (number + 0.78), line)
        x += width
    pdf.set_draw_color(*_RULE)
    pdf.set_line_width(0.1)
    pdf.line(pdf.l_margin, top + height, pdf.l_margin + sum(widths), top + height)
    pdf.set_y(top + height)
    return True


def _lines(pdf: _Document, text: str, width: float) -> list[str]:
    """The text as the lines that fit ``width`` (one line when it fits: the common case, and cheap)."""
    if "\n" not in text and pdf.get_string_width(text) <= width:
        return [text]
    wrapped = pdf.multi_cell(width, _LINE_MM, text, dry_run=True, output="LINES", padding=0)
    return [str(line) for line in wrapped] if isinstance(wrapped, list) and wrapped else [""]


def _widths(frame: pd.DataFrame) -> tuple[float, ...]:
    """Wider columns for longer words (a note gets most of the line), none narrower than a number."""
    lengths = [
        max([len(str(c)), *(len(_cell(v)) for v in frame[c].head(200))]) if len(frame) else len(str(c))
        for c in frame.columns
    ]
    return tuple(float(min(max(n, 6), 60)) for n in lengths)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
