"""What a PDF report holds: the period, the sections a person picks, and each section's words, tables and charts,
as pure functions of the person's tables and the period's last day.

Charts are the Progress page's own (``winback.views``), so the paper and the screen cannot disagree. A note or
a quiz attempt's reasons are in a section only when the person asked for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, get_args

import pandas as pd

from winback import activities, progress, quiz, tracker
from winback.charts.activities import MIN_DAYS_EACH_SIDE
from winback.charts.period import DAILY_MAX_DAYS, bucket_label, bucket_starts, in_period
from winback.charts.steps import step_bars
from winback.charts.theme import Chart
from winback.content.quiz import load_quiz
from winback.progress import FiveSteps
from winback.report.period import ReportPeriod
from winback.schema import CHECKINS, CUSTOM_ACTIVITIES, DAILY_LOG, QUIZ_ANSWERS, QUIZ_ATTEMPTS, RECONNECT
from winback.settings import Settings
from winback.settings import load as load_settings
from winback.store import Store
from winback.views import (
    PageChart,
    checkin_charts,
    mood_charts,
    pixel_charts,
    quiz_charts,
    what_i_did_charts,
)
from winback.vocab import CONTACT_LABELS, CONTACT_SLIPS
from winback.words import count_phrase, day_words

SectionKey = Literal["summary", "steps", "no_contact", "mood", "pixels", "areas", "with_without", "checkins", "quiz"]
SECTIONS: tuple[SectionKey, ...] = get_args(SectionKey)
# The sections that may hold a chart (all but the summary and no contact).
CHARTED: frozenset[SectionKey] = frozenset(SECTIONS) - {"summary", "no_contact"}
SECTION_TITLES: dict[SectionKey, str] = {
    "summary": "Summary",
    "steps": "The five steps",
    "no_contact": "No-contact days and slips",
    "mood": "Mood",
    "pixels": "Year in pixels",
    "areas": "Life areas",
    "with_without": "Mood with and without each activity",
    "checkins": "Weekly check-in scores",
    "quiz": "Readiness quiz history",
}

REPORT_TITLE = "Progress report"
NOT_CLINICAL = (
    "Not a clinical instrument: these are a person's own diary entries and self-ratings, not a diagnosis or "
    "an assessment."
)
SAMPLE_MARK = "Sample data: made up, not a real person's diary"
NOTES_LABEL = "Include my notes"
QUIZ_REASONS_LABEL = "Include the reasons for each verdict"
NOTES_WARNING = "Anyone who reads this report will see your notes."
QUIZ_REASONS_WARNING = "Anyone who reads this report will see why the quiz said what it did about your relationship."
ASSOCIATION = (
    "Association, not cause: days with an activity can differ from days without it in many other ways. "
    f"An activity shows here once it was ticked on at least {MIN_DAYS_EACH_SIDE} logged days and left out on at "
    f"least {MIN_DAYS_EACH_SIDE} logged days in the period."
)
NO_CHARTS = "Charts need Chromium or Google Chrome on this computer; the numbers are below."
# A chart's numbers longer than this go to the end of the report, where they do not push the next section away.
NUMBERS_BESIDE_MAX = 40
NUMBERS_AT_END = "Numbers behind the charts"
SLIPS_SHOWN = 40


@dataclass(frozen=True)
class Choices:
    """What the person asked the report to hold."""

    sections: tuple[SectionKey, ...] = SECTIONS
    notes: bool = False
    quiz_reasons: bool = False


@dataclass(frozen=True)
class Tables:
    """The person's tables a report reads, and their settings."""

    log: pd.DataFrame
    checkins: pd.DataFrame
    attempts: pd.DataFrame
    answers: pd.DataFrame
    journal: pd.DataFrame
    custom: pd.DataFrame
    settings: Settings

    @classmethod
    def from_store(cls, store: Store) -> Tables:
        return cls(
            store.read(DAILY_LOG).frame,
            store.read(CHECKINS).frame,
            store.read(QUIZ_ATTEMPTS).frame,
            store.read(QUIZ_ANSWERS).frame,
            store.read(RECONNECT).frame,
            store.read(CUSTOM_ACTIVITIES).frame,
            load_settings(store)[0],
        )


@dataclass(frozen=True)
class Block:
    """A small table of a section, with the words above it."""

    title: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class Section:
    """One section of the report: its words, then its charts (each with its numbers), then its tables."""

    key: SectionKey
    title: str
    lines: tuple[str, ...] = ()
    charts: tuple[PageChart, ...] = ()
    blocks: tuple[Block, ...] = ()
    warning: str | None = None
    reasons: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())


def _rows(tables: Tables, period: ReportPeriod) -> pd.DataFrame:
    """The daily log's rows in the period (none when "All" has nothing logged)."""
    if period.start is None:
        return tables.log.iloc[0:0]
    return in_period(tables.log, period.start, period.end)


def _attempts(tables: Tables, period: ReportPeriod) -> pd.DataFrame:
    """Quiz attempts in the period; "All" is every attempt up to its last day (some predate the first log)."""
    attempts = tables.attempts[tables.attempts["taken_at"] < pd.Timestamp(period.end + timedelta(days=1))]
    if period.choice != "All" and period.start is not None:
        attempts = attempts[attempts["taken_at"] >= pd.Timestamp(period.start)]
    return attempts.sort_values("taken_at", kind="stable")


def _checkins(tables: Tables, period: ReportPeriod) -> pd.DataFrame:
    if period.start is None:
        return tables.checkins.iloc[0:0]
    return in_period(tables.checkins, period.start, period.end)


def _average(values: pd.Series, of: int) -> str:
    return "no day logged" if values.empty else f"{values.mean():.1f} of {of}"


def model_at(tables: Tables, day: date) -> FiveSteps:
    """The five steps as they stood at the end of ``day``: from what had been logged by then."""
    known = activities.all_activities(tables.custom)
    until = pd.Timestamp(day + timedelta(days=1))
    return progress.five_steps(
        tables.log[tables.log["date"] < until],
        tables.checkins[tables.checkins["date"] < until],
        tables.attempts[tables.attempts["taken_at"] < until],
        tables.journal[tables.journal["date"] < until],
        activities.area_of(known),
        tables.settings,
        day,
    )


def weekly_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Logged days, average mood and average *missing my ex* per ISO week (per month beyond 400 days)."""
    if rows.empty:
        return pd.DataFrame({"Week of": [], "Days logged": [], "Average mood": [], "Missing my ex (0–10)": []})
    span = (rows["date"].max() - rows["date"].min()).days + 1
    unit: Literal["week", "month"] = "week" if span <= DAILY_MAX_DAYS else "month"
    grouped = rows.assign(bucket=bucket_starts(rows["date"], unit)).groupby("bucket")
    table = grouped.agg(days=("mood", "size"), mood=("mood", "mean"), missing=("missing_ex", "mean"))
    first = "Week of" if unit == "week" else "Month"
    return pd.DataFrame(
        {
            first: [_bucket_words(pd.Timestamp(b).date(), unit) for b in table.index],
            "Days logged": [int(n) for n in table["days"]],
            "Average mood": [f"{m:.1f}" for m in table["mood"]],
            "Missing my ex (0–10)": [f"{m:.1f}" for m in table["missing"]],
        }
    )


def _bucket_words(when: date, unit: Literal["week", "month"]) -> str:
    return day_words(when) if unit == "week" else bucket_label(when, "month")


def _notes(rows: pd.DataFrame) -> pd.DataFrame:
    kept = rows[rows["note"].fillna("").astype(str).str.strip() != ""]
    return pd.DataFrame({"Day": [day_words(d.date()) for d in kept["date"]], "Note": list(kept["note"].astype(str))})


def _slips(rows: pd.DataFrame) -> pd.DataFrame:
    slips = rows[rows["contact"].isin(CONTACT_SLIPS)]
    return pd.DataFrame(
        {
            "Day": [day_words(d.date()) for d in slips["date"]],
            "What happened": [CONTACT_LABELS[c] for c in slips["contact"]],
        }
    )


def with_without_counts(rows: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Each activity's logged days with it and without it in these rows."""
    total = len(rows)
    counts: dict[str, int] = {}
    for ticked in rows["activities"]:
        for activity in set(ticked or ()):
            counts[activity] = counts.get(activity, 0) + 1
    return {activity: (n, total - n) for activity, n in counts.items()}


def _shown_activities(rows: pd.DataFrame) -> int:
    return sum(
        1 for w, wo in with_without_counts(rows).values() if w >= MIN_DAYS_EACH_SIDE and wo >= MIN_DAYS_EACH_SIDE
    )


def notes_in(tables: Tables, period: ReportPeriod) -> int:
    """How many logged days of the period have a note."""
    return len(_notes(_rows(tables, period)))


def preview(key: SectionKey, tables: Tables, period: ReportPeriod) -> str:
    """One line: what the section will show for this period (cheap: no chart is built)."""
    rows = _rows(tables, period)
    logged = count_phrase(len(rows), "day")
    if key == "summary":
        return f"{logged} logged in {count_phrase(period.days, 'day')}, averages and counts"
    if key == "steps":
        return f"where each step stood on {day_words(period.end)}, with its reasons and a bar chart"
    if key == "no_contact":
        slips = int(rows["contact"].isin(CONTACT_SLIPS).sum())
        return f"days without contact, the longest run and {count_phrase(slips, 'slip')}"
    if key == "mood":
        weeks = len(weekly_rows(rows))
        unit = "monthly" if period.days > DAILY_MAX_DAYS else "weekly"
        return f"{logged} logged, mood chart and {weeks} {unit} rows"
    if key == "pixels":
        return f"a square per day for mood and for contact ({logged} logged)"
    if key == "areas":
        ticked = sum(len(set(a or ())) for a in rows["activities"])
        return f"{count_phrase(ticked, 'activity-day')} by life area"
    if key == "with_without":
        return f"{count_phrase(_shown_activities(rows), 'activity', 'activities')} with enough days to compare"
    if key == "checkins":
        return count_phrase(len(_checkins(tables, period)), "weekly check-in")
    attempts = _attempts(tables, period)
    return f"{count_phrase(len(attempts), 'attempt')} with their verdicts"


def build_sections(tables: Tables, period: ReportPeriod, choices: Choices) -> tuple[Section, ...]:
    """The chosen sections, in the report's order."""
    wanted = set(choices.sections)
    shared = _what_i_did(tables, period) if wanted & {"areas", "with_without"} else ()
    builders: dict[SectionKey, Callable[[Tables, ReportPeriod, Choices], Section]] = {
        "summary": _summary,
        "steps": _steps,
        "no_contact": _no_contact,
        "mood": _mood,
        "pixels": _pixels,
        "areas": lambda t, p, c: _areas(t, p, c, shared),
        "with_without": lambda t, p, c: _with_without(t, p, c, shared),
        "checkins": _checkins_section,
        "quiz": _quiz,
    }
    return tuple(builders[key](tables, period, choices) for key in SECTIONS if key in wanted)


def _summary(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    rows = _rows(tables, period)
    slips = int(rows["contact"].isin(CONTACT_SLIPS).sum())
    model = model_at(tables, period.end)
    current = model.step(model.current)
    lines = (
        f"Days logged: {len(rows):,} of {count_phrase(period.days, 'day')}.",
        f"Average mood: {_average(rows['mood'], 5)}" + ("" if rows.empty else " (1 awful, 5 great)") + ".",
        f"Average missing my ex: {_average(rows['missing_ex'], 10)}.",
        f"Days with contact (we talked or I reached out): {slips:,}.",
        f"Weekly check-ins: {len(_checkins(tables, period)):,}. Quiz attempts: {len(_attempts(tables, period)):,}.",
        f"On {day_words(period.end)}: step {current.number} of 5, {current.name} ({current.state}).",
    )
    return Section("summary", SECTION_TITLES["summary"], lines)


def _steps(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    model = model_at(tables, period.end)
    reasons = tuple((f"{s.number}. {s.name}: {s.state}, {round(s.progress * 100)} %", s.reasons) for s in model.steps)
    return Section(
        "steps",
        SECTION_TITLES["steps"],
        (f"Where each step stood on {day_words(period.end)}. Next: {model.next_action}",),
        (PageChart("The five steps", step_bars(model.steps), "steps"),),
        reasons=reasons,
    )


def _no_contact(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    rows = _rows(tables, period)
    state = tracker.no_contact(tables.log, tables.settings.no_contact_start, period.end)
    slips = _slips(rows)
    lines = [
        f"Days without contact on {day_words(period.end)}: {state.days:,}.",
        f"Longest run without contact up to then: {count_phrase(state.longest_run, 'day')}.",
        f"Slips in this period (we talked or I reached out): {len(slips):,}.",
    ]
    if state.start is not None and state.start <= period.end:
        lines.append(f"No contact counted from {day_words(state.start)}.")
    blocks: tuple[Block, ...] = ()
    if len(slips):
        shown = slips.tail(SLIPS_SHOWN)
        more = len(slips) - len(shown)
        title = "Slips" if not more else f"The latest {len(shown)} slips ({more:,} earlier ones not listed)"
        blocks = (Block(title, shown.reset_index(drop=True)),)
    return Section("no_contact", SECTION_TITLES["no_contact"], tuple(lines), blocks=blocks)


def _mood(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    rows = _rows(tables, period)
    weekly = weekly_rows(rows)
    blocks = [Block("Week by week" if "Week of" in weekly.columns else "Month by month", weekly)] if len(weekly) else []
    warning = None
    if choices.notes:
        notes = _notes(rows)
        warning = NOTES_WARNING
        blocks.append(Block(f"My notes ({len(notes):,})", notes))
    charts = mood_charts(tables.log, period.start, period.end) if period.start is not None else ()
    return Section("mood", SECTION_TITLES["mood"], (), charts, tuple(blocks), warning)


def _pixels(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    charts = pixel_charts(tables.log, period.start, period.end) if period.start is not None else ()
    return Section("pixels", SECTION_TITLES["pixels"], (), charts)


def _what_i_did(tables: Tables, period: ReportPeriod) -> tuple[PageChart, ...]:
    """Life areas, then with and without: one call builds both, so a report with both sections calls it once."""
    if period.start is None:
        return ()
    return what_i_did_charts(tables.log, tables.custom, period.start, period.end)


def _areas(tables: Tables, period: ReportPeriod, choices: Choices, shared: tuple[PageChart, ...]) -> Section:
    return Section("areas", SECTION_TITLES["areas"], (), shared[:1])


def _with_without(tables: Tables, period: ReportPeriod, choices: Choices, shared: tuple[PageChart, ...]) -> Section:
    return Section("with_without", SECTION_TITLES["with_without"], (ASSOCIATION,), shared[1:])


def _checkins_section(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    charts = checkin_charts(tables.checkins, period.start, period.end) if period.start is not None else ()
    return Section("checkins", SECTION_TITLES["checkins"], (), charts)


def _quiz(tables: Tables, period: ReportPeriod, choices: Choices) -> Section:
    attempts = _attempts(tables, period)
    start = None if period.choice == "All" else period.start
    charts = quiz_charts(tables.attempts, start, period.end)
    table = pd.DataFrame(
        {
            "Day": [day_words(pd.Timestamp(t).date()) for t in attempts["taken_at"]],
            "Verdict": [
                quiz.headline_for(str(v), str(t)) for v, t in zip(attempts["verdict"], attempts["tier"], strict=True)
            ],
            "Worth (0–100)": [int(w) for w in attempts["worth"]],
        }
    )
    reasons: tuple[tuple[str, tuple[str, ...]], ...] = ()
    warning = None
    if choices.quiz_reasons:
        warning = QUIZ_REASONS_WARNING
        reasons = tuple(
            (day, attempt_reasons(tables.answers, str(attempt_id)))
            for day, attempt_id in zip(table["Day"], attempts["attempt_id"], strict=True)
        )
    blocks = (Block("Attempts", table),) if len(table) else ()
    return Section("quiz", SECTION_TITLES["quiz"], (), charts, blocks, warning, reasons)


def attempt_reasons(answers: pd.DataFrame, attempt_id: str) -> tuple[str, ...]:
    """The reasons the quiz gives for one attempt's answers, worked out again as the Quiz page does."""
    given = quiz.answers_of(answers, attempt_id)
    try:
        return quiz.score(load_quiz(), given).reasons or ("The quiz gave no reasons for this attempt.",)
    except KeyError:
        return ("Its reasons cannot be worked out again: the quiz has changed since this attempt.",)


def charts_of(sections: tuple[Section, ...]) -> tuple[Chart, ...]:
    """Every chart with a figure, in the report's order: all of them are drawn in one go."""
    return tuple(c.chart for s in sections for c in s.charts if c.chart.figure is not None)
