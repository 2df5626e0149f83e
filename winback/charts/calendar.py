"""Year in pixels: a calendar of the period, one square per day, coloured by mood or by contact with the ex."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from winback.charts.period import first_day, in_period, span_of
from winback.charts.theme import (
    CONTACT_CODES,
    CONTACT_COLOURS,
    CONTACT_WORDS,
    HOVER,
    MOOD_COLOURS,
    WEEKDAYS,
    Chart,
    build_figure,
    day_label,
    iso_day,
    legend_key,
    mood_cell,
    short_day,
)
from winback.vocab import CONTACT_LABELS, CONTACTS, MOOD_WORDS, Contact
from winback.words import count_phrase

# "Year in pixels" stays readable up to about two years; longer spans show the last year.
CALENDAR_MAX_DAYS = 731
CALENDAR_SHOWN_DAYS = 365

# How the alt text counts the days of each kind of contact: "12 days with no contact".
_CONTACT_DAYS: dict[Contact, str] = {
    "none": "with no contact",
    "they_reached_out_no_reply": "they reached out (no reply)",
    "we_talked": "we talked",
    "i_reached_out": CONTACT_LABELS["i_reached_out"],
}


@dataclass(frozen=True)
class _Scale:
    """The squares' codes: each code's legend name, colour, hover words and words in the table, and the lowest code."""

    words: Mapping[int, str]
    colours: Mapping[int, str]
    describe: Mapping[int, str]
    zmin: int
    cell: Mapping[int, str]  # in the table of numbers


_MOOD_SCALE = _Scale(
    MOOD_WORDS,
    MOOD_COLOURS,
    {m: f"Mood: {w} ({m})" for m, w in MOOD_WORDS.items()},
    1,
    {m: mood_cell(m) for m in MOOD_WORDS},
)
_CONTACT_SCALE = _Scale(CONTACT_WORDS, CONTACT_COLOURS, CONTACT_WORDS, 0, CONTACT_WORDS)


def calendar_heatmap(log: pd.DataFrame, start: date | None, today: date, value: Literal["mood", "contact"]) -> Chart:
    """Year in pixels: one cell per day of the period (weeks as columns, Mon–Sun as rows), blank when not logged.

    Over more than ``CALENDAR_MAX_DAYS`` only the last ``CALENDAR_SHOWN_DAYS`` days are drawn.
    """
    what = "mood" if value == "mood" else "contact with your ex"
    empty = f"Log a day on the Daily log to colour it in here by {what}; this period has no logged day yet."
    rows = in_period(log, start, today)
    if rows.empty:
        return Chart(None, f"Calendar of {what}: no day logged in this period.", empty)
    first = start if start is not None else first_day(rows)
    span, _ = span_of(first, today)
    limited = span > CALENDAR_MAX_DAYS
    if limited:
        first = today - timedelta(days=CALENDAR_SHOWN_DAYS - 1)
        rows = in_period(rows, first, today)
    shown, span_words = span_of(first, today)
    dates = [first + timedelta(days=i) for i in range(shown)]
    scale = _MOOD_SCALE if value == "mood" else _CONTACT_SCALE
    code = _codes(rows, value)
    z = [code.get(d) for d in dates]
    keys = [legend_key(scale.words[key], scale.colours[key]) for key in sorted(scale.words)]
    figure = build_figure([_cells(dates, z, scale, what), *keys], _calendar_layout(shown), 250)
    alt = _calendar_alt(value, what, z, span_words, span if limited else None)
    return Chart(figure, alt, empty, _calendar_numbers(dates, z, scale))


def _calendar_numbers(dates: list[date], z: list[int | None], scale: _Scale) -> pd.DataFrame:
    """The squares as the figure lays them out: a row per week (its Monday), a column per weekday, each day's mood
    or contact in words; "not logged" for a day of the period without an entry, blank outside the period."""
    weeks: dict[date, dict[str, str]] = {}
    for day, code in zip(dates, z, strict=True):
        week = weeks.setdefault(day - timedelta(days=day.weekday()), dict.fromkeys(WEEKDAYS, ""))
        week[WEEKDAYS[day.weekday()]] = "not logged" if code is None else scale.cell[code]
    return pd.DataFrame([{"Week of": short_day(monday), **days} for monday, days in weeks.items()])


def _codes(rows: pd.DataFrame, value: Literal["mood", "contact"]) -> dict[date, int]:
    """Each logged day's code: its mood 1–5, or its contact 0–3."""
    if value == "mood":
        return {pd.Timestamp(d).date(): int(m) for d, m in zip(rows["date"], rows["mood"], strict=True)}
    return {pd.Timestamp(d).date(): CONTACT_CODES[str(c)] for d, c in zip(rows["date"], rows["contact"], strict=True)}


def _discrete_scale(colours: Sequence[str]) -> list[tuple[float, str]]:
    """A colour scale with one flat band per whole number 0…n-1 (use zmin=-0.5, zmax=n-0.5)."""
    n = len(colours)
    scale: list[tuple[float, str]] = []
    for i, colour in enumerate(colours):
        scale += [(i / n, colour), ((i + 1) / n, colour)]
    return scale


def _cells(dates: list[date], z: list[int | None], scale: _Scale, what: str) -> go.Heatmap:
    return go.Heatmap(
        x=[iso_day(d - timedelta(days=d.weekday())) for d in dates],
        y=[WEEKDAYS[d.weekday()] for d in dates],
        z=z,
        customdata=[
            f"{day_label(d)}<br>{'Not logged' if v is None else scale.describe[v]}"
            for d, v in zip(dates, z, strict=True)
        ],
        hovertemplate=HOVER,
        colorscale=_discrete_scale([scale.colours[k] for k in sorted(scale.colours)]),
        zmin=scale.zmin - 0.5,
        zmax=scale.zmin + len(scale.colours) - 0.5,
        showscale=False,
        xgap=2,
        ygap=2,
        connectgaps=False,
        name=what.capitalize(),
    )


def _calendar_layout(shown: int) -> dict[str, Any]:
    return {
        "xaxis": {
            "type": "date",
            "showgrid": False,
            "zeroline": False,
            "tickformat": "%-d %b" if shown <= 92 else "%b",
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": list(WEEKDAYS),
            "autorange": "reversed",
            "showgrid": False,
            "zeroline": False,
            "ticks": "",
        },
    }


def _calendar_alt(
    value: Literal["mood", "contact"], what: str, z: list[int | None], span_words: str, history: int | None
) -> str:
    """How many days are logged, and of each mood or kind of contact; ``history``: the days of a history too
    long to draw (None when all of it is drawn)."""
    shown = len(z)
    logged = sum(v is not None for v in z)
    counts = pd.Series([v for v in z if v is not None]).value_counts()
    if value == "mood":
        parts = [f"{int(counts.get(m, 0))} {MOOD_WORDS[m]}" for m in sorted(MOOD_WORDS, reverse=True)]
    else:
        parts = [f"{count_phrase(int(counts.get(CONTACT_CODES[c], 0)), 'day')} {_CONTACT_DAYS[c]}" for c in CONTACTS]
    note = (
        f"The whole history is {count_phrase(history, 'day')}, more than a calendar can show, so only the last "
        f"{CALENDAR_SHOWN_DAYS} days are drawn. "
        if history is not None
        else ""
    )
    return (
        f"{note}Calendar of {what} for {span_words}, one square per day in columns by week: "
        f"{logged:,} of {shown:,} days logged, {shown - logged:,} not logged (blank); " + ", ".join(parts) + "."
    )
