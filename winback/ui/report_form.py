"""Data & privacy's "Make a report": the period, the sections (each with a line on what it will show), the notes
and the quiz's reasons only when ticked (with a warning), the paper, and the PDF, built when the button is pressed."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from winback import dataio
from winback.report import make_report
from winback.report.pdf import PAPERS, Paper
from winback.report.period import PERIOD_CHOICES, TWO_DATES, ReportPeriod, period_problem, report_period
from winback.report.render import find_browser
from winback.report.sections import (
    NO_CHARTS,
    NOTES_LABEL,
    NOTES_WARNING,
    QUIZ_REASONS_LABEL,
    QUIZ_REASONS_WARNING,
    SECTION_TITLES,
    SECTIONS,
    Choices,
    SectionKey,
    Tables,
    notes_in,
    preview,
)
from winback.store import Store
from winback.ui import lock_screen, session, state
from winback.vocab import DEFAULT_PERIOD
from winback.words import count_phrase

INTRO = (
    "A PDF of your progress to print or to give to a therapist or a friend: you choose the period and what goes "
    "in. It is made on this computer; nothing is sent anywhere."
)
MAKE_LABEL = "Make the report (PDF)"
FIRST_DAY = "First day"
LAST_DAY = "Last day"
EARLIEST = date(1900, 1, 1)


def report_form(s: Store, today: date) -> None:
    with st.container(key=state.REPORT_BOX):
        _form(s, today)


def _form(s: Store, today: date) -> None:
    st.caption(INTRO)
    tables = Tables.from_store(s)
    period = _period(tables, today)
    st.markdown("**What goes in**")
    chosen: list[SectionKey] = []
    with_notes = reasons = False
    for key in SECTIONS:
        on = st.checkbox(SECTION_TITLES[key], value=True, key=state.report_section(key))
        if on:
            chosen.append(key)
        if period is not None:
            st.caption(preview(key, tables, period))
        if key == "mood":
            count = None if period is None else f"{count_phrase(notes_in(tables, period), 'note')} in this period"
            with_notes = _extra(state.REPORT_NOTES, NOTES_LABEL, NOTES_WARNING, on, count)
        elif key == "quiz":
            reasons = _extra(state.REPORT_QUIZ_REASONS, QUIZ_REASONS_LABEL, QUIZ_REASONS_WARNING, on, None)
    paper: Paper = st.radio("Paper", PAPERS, horizontal=True, key=state.REPORT_PAPER) or "A4"
    if find_browser() is None:
        st.info(NO_CHARTS, icon=":material/info:")
    if period is None:
        return
    choices = Choices(tuple(chosen), notes=with_notes, quiz_reasons=reasons)
    sample, disguised = session.in_sample_mode(), session.disguised()

    def build() -> bytes:
        return make_report(tables, period, choices, today, sample=sample, paper=paper).pdf

    st.download_button(
        MAKE_LABEL,
        data=lock_screen.guarded(build),
        file_name=dataio.report_file_name(period.slug, sample=sample, disguised=disguised),
        mime="application/pdf",
        disabled=not chosen,
        help="Built when you press it: a year with charts takes a few seconds.",
        key=state.REPORT_DOWNLOAD,
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )


def _extra(key: str, label: str, warning: str, section_on: bool, count: str | None) -> bool:
    """A box under a section for what it leaves out unless asked (notes, the quiz's reasons), with its warning."""
    with st.container(key=state.report_extra_box(key)):
        ticked = st.checkbox(label, value=False, key=key, disabled=not section_on)
        if count is not None:
            st.caption(count)
        if ticked and section_on:
            st.warning(warning, icon=":material/visibility:")
    return bool(ticked and section_on)


def _period(tables: Tables, today: date) -> ReportPeriod | None:
    """The period picked; with two dates that make none, the reason is shown and there is no report."""
    st.session_state.setdefault(state.REPORT_PERIOD, DEFAULT_PERIOD)
    choice = st.segmented_control("Period", PERIOD_CHOICES, required=True, key=state.REPORT_PERIOD) or DEFAULT_PERIOD
    if choice != TWO_DATES:
        return report_period(choice, today, tables.log)
    st.session_state.setdefault(state.REPORT_FROM, today - timedelta(days=89))
    st.session_state.setdefault(state.REPORT_TO, today)
    left, right = st.columns(2)
    start = left.date_input(FIRST_DAY, min_value=EARLIEST, key=state.REPORT_FROM, format="YYYY-MM-DD")
    end = right.date_input(LAST_DAY, min_value=EARLIEST, key=state.REPORT_TO, format="YYYY-MM-DD")
    first = start if isinstance(start, date) else None
    last = end if isinstance(end, date) else None
    problem = period_problem(first, last, today)
    if problem is not None:
        st.error(problem, icon=":material/event_busy:")
        return None
    return report_period(choice, today, tables.log, first, last)
