"""Mood charts: mood over time with its trend and *missing my ex* (Progress), and the last 7 days (Today)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from winback.charts.period import (
    Resolution,
    Unit,
    bucket_label,
    bucket_starts,
    first_day,
    in_period,
    resolution_for,
    span_of,
    x_range,
)
from winback.charts.theme import (
    GRID,
    HOVER,
    MOOD_COLOURS,
    PALETTE,
    WEEKDAYS,
    Chart,
    build_figure,
    day_label,
    ink_on,
    iso_day,
    mood_cell,
    trend_words,
)
from winback.vocab import MOOD_WORDS
from winback.words import count_phrase


@dataclass(frozen=True)
class _MoodLines:
    """What the mood chart draws at each day, week or month: its mood point, and the hover text of each line."""

    x: list[str]
    words: list[str]
    points: list[float]
    point_name: str
    point_hover: list[str]
    trend: list[float]
    missing: list[float]
    missing_hover: list[str]


def mood_over_time(log: pd.DataFrame, start: date | None, today: date) -> Chart:
    """Mood per logged day with its 7-day rolling mean, and *missing my ex* (same mean) in its own panel below.

    The mean is pandas' time-based ``rolling("7D")`` over the logged days of the period. Over more than
    ``DAILY_MAX_DAYS`` the points are weekly means and the line a 4-week mean (monthly and 3-month beyond
    ``WEEKLY_MAX_DAYS``), each line's value taken on the last logged day of its week or month.
    """
    empty = "Log how you feel on the Daily log to see your mood over time here; this period has no logged day yet."
    rows = in_period(log, start, today)
    if rows.empty:
        return Chart(None, "Mood over time: no day logged in this period.", empty)
    first = start if start is not None else first_day(rows)
    span, span_words = span_of(first, today)
    resolution = resolution_for(span)
    by_day = rows.set_index("date")
    trend = by_day["mood"].rolling(resolution.window).mean()
    missing = by_day["missing_ex"].rolling(resolution.window).mean()
    if resolution.unit == "day":
        lines = _daily_lines(by_day, trend, missing, resolution)
    else:
        lines = _averaged_lines(by_day["mood"], trend, missing, resolution)
    figure = build_figure(_mood_traces(lines, resolution), _mood_layout(first, today, resolution.unit), 400)
    alt = _mood_alt(span_words, by_day["mood"], trend, missing, resolution)
    return Chart(figure, alt, empty, _mood_numbers(lines, resolution))


def _mood_numbers(lines: _MoodLines, resolution: Resolution) -> pd.DataFrame:
    """A row per point of the figure: its day, week or month, and each line's value there (one decimal)."""
    return pd.DataFrame(
        {
            resolution.unit.capitalize(): lines.words,
            lines.point_name: [round(v, 1) for v in lines.points],
            f"Mood, {resolution.trend}": [round(v, 1) for v in lines.trend],
            f"Missing my ex, {resolution.trend}": [round(v, 1) for v in lines.missing],
        }
    )


def _daily_lines(by_day: pd.DataFrame, trend: pd.Series, missing: pd.Series, resolution: Resolution) -> _MoodLines:
    """One point per logged day."""
    mood = by_day["mood"]
    days = [pd.Timestamp(d).date() for d in mood.index]
    words = [day_label(d) for d in days]
    return _MoodLines(
        x=[iso_day(d) for d in days],
        words=words,
        points=mood.tolist(),
        point_name="Mood",
        point_hover=[f"{w}<br>Mood: {MOOD_WORDS[int(m)]} ({int(m)})" for w, m in zip(words, mood, strict=True)],
        trend=trend.tolist(),
        missing=missing.tolist(),
        missing_hover=[
            f"{w}<br>Missing my ex: {int(v)} of 10<br>{resolution.trend}: {a:.1f}"
            for w, v, a in zip(words, by_day["missing_ex"], missing, strict=True)
        ],
    )


def _averaged_lines(mood: pd.Series, trend: pd.Series, missing: pd.Series, resolution: Resolution) -> _MoodLines:
    """One point per week or month: its mean mood, and each line's value on its last logged day."""
    summary = (
        pd.DataFrame(
            {
                "bucket": bucket_starts(mood.index.to_series(), resolution.unit).to_numpy(),
                "mood": mood.to_numpy(),
                "trend": trend.to_numpy(),
                "missing": missing.to_numpy(),
            }
        )
        .groupby("bucket", sort=True)
        .agg(
            mood=("mood", "mean"),
            logged=("mood", "size"),
            trend=("trend", "last"),
            missing=("missing", "last"),
        )
    )
    days = [pd.Timestamp(b).date() for b in summary.index]
    words = [bucket_label(d, resolution.unit) for d in days]
    return _MoodLines(
        x=[iso_day(d) for d in days],
        words=words,
        points=summary["mood"].tolist(),
        point_name=f"{resolution.unit.capitalize()}ly mood",
        point_hover=[
            f"{w}<br>Average mood: {m:.1f} of 5<br>{count_phrase(int(n), 'day')} logged"
            for w, m, n in zip(words, summary["mood"], summary["logged"], strict=True)
        ],
        trend=summary["trend"].tolist(),
        missing=summary["missing"].tolist(),
        missing_hover=[
            f"{w}<br>Missing my ex, {resolution.trend}: {a:.1f} of 10"
            for w, a in zip(words, summary["missing"], strict=True)
        ],
    )


def _mood_traces(lines: _MoodLines, resolution: Resolution) -> list[go.Scatter]:
    trend_hover = [f"{w}<br>Mood, {resolution.trend}: {t:.1f}" for w, t in zip(lines.words, lines.trend, strict=True)]
    return [
        go.Scatter(
            x=lines.x,
            y=lines.points,
            mode="markers",
            name=lines.point_name,
            marker={"color": PALETTE["sky"], "size": 7, "opacity": 0.75},
            customdata=lines.point_hover,
            hovertemplate=HOVER,
        ),
        go.Scatter(
            x=lines.x,
            y=lines.trend,
            mode="lines",
            name=resolution.trend,
            line={"color": PALETTE["blue"], "width": 3},
            customdata=trend_hover,
            hovertemplate=HOVER,
        ),
        go.Scatter(
            x=lines.x,
            y=lines.missing,
            yaxis="y2",
            mode="lines",
            name="Missing my ex",
            line={"color": PALETTE["orange"], "width": 2, "dash": "dot"},
            customdata=lines.missing_hover,
            hovertemplate=HOVER,
        ),
    ]


def _mood_layout(first: date, today: date, unit: Unit) -> dict[str, Any]:
    # Missing my ex (0–10) gets its own panel under mood (1–5): on one shared axis its line read as a mood.
    return {
        "xaxis": {"type": "date", "range": x_range(first, today, unit), "anchor": "y2"},
        "yaxis": {
            "domain": [0.4, 1.0],
            "range": [0.6, 5.4],
            "tickvals": [1, 2, 3, 4, 5],
            "ticktext": list(MOOD_WORDS.values()),
            "title": {"text": "Mood", "font": {"size": 12}},
        },
        "yaxis2": {
            "domain": [0.0, 0.3],
            "range": [-0.5, 10.5],
            "tickvals": [0, 5, 10],
            "zeroline": False,
            # In the page's text colour, as every chart word: orange words are 2.25:1 on white. The legend and the
            # dotted orange line say which line it is.
            "title": {"text": "Missing my ex", "font": {"size": 12}},
        },
    }


def _mood_alt(span_words: str, mood: pd.Series, trend: pd.Series, missing: pd.Series, resolution: Resolution) -> str:
    shown = "" if resolution.unit == "day" else f", drawn as {resolution.unit}ly averages"
    return (
        f"Mood over {span_words}{shown}: {count_phrase(len(mood), 'day')} logged, average {mood.mean():.1f} of 5 "
        f"(1 {MOOD_WORDS[1]}, 5 {MOOD_WORDS[5]}); the {resolution.trend} of mood is "
        f"{trend_words(trend, resolution.window_days, 0.25)}. "
        f"Missing my ex (0 to 10, dotted, in its own panel below), {resolution.trend}: "
        f"{trend_words(missing, resolution.window_days, 0.5)}."
    )


def mood_last_days(log: pd.DataFrame, today: date, days: int = 7) -> Chart:
    """A small bar per day of the last ``days`` days (today last), coloured by mood, a gap where none is logged."""
    empty = "Log today's mood to start your week here."
    first = today - timedelta(days=days - 1)
    rows = in_period(log, first, today)
    if rows.empty:
        return Chart(None, f"Mood over the last {count_phrase(days, 'day')}: nothing logged.", empty)
    mood_on = {pd.Timestamp(d).date(): int(m) for d, m in zip(rows["date"], rows["mood"], strict=True)}
    dates = [first + timedelta(days=i) for i in range(days)]
    moods = [mood_on.get(d) for d in dates]
    x = [iso_day(d) for d in dates]
    bars = go.Bar(
        x=x,
        y=moods,
        marker={"color": [MOOD_COLOURS[m] if m is not None else GRID for m in moods]},
        # Each bar says its mood: the colours alone would need a legend, and not everyone tells them apart.
        text=[MOOD_WORDS[m] if m is not None else "" for m in moods],
        textposition="inside",
        insidetextanchor="end",
        textangle=0,
        insidetextfont={"color": [ink_on(MOOD_COLOURS[m]) if m is not None else "#000000" for m in moods]},
        customdata=[
            f"{day_label(d)}<br>" + (f"Mood: {MOOD_WORDS[m]} ({m})" if m is not None else "Not logged")
            for d, m in zip(dates, moods, strict=True)
        ],
        hovertemplate=HOVER,
        name="Mood",
    )
    layout = {
        "xaxis": {
            "type": "category",
            "tickvals": x,
            "ticktext": [WEEKDAYS[d.weekday()] for d in dates],
            "showgrid": False,
        },
        "yaxis": {"range": [0, 5.3], "tickvals": [1, 2, 3, 4, 5], "ticktext": list(MOOD_WORDS.values())},
        "bargap": 0.25,
    }
    numbers = pd.DataFrame({"Day": [day_label(d) for d in dates], "Mood": [mood_cell(m) for m in moods]})
    return Chart(build_figure([bars], layout, 200, legend=False), _last_days_alt(dates, moods), empty, numbers)


def _last_days_alt(dates: list[date], moods: list[int | None]) -> str:
    logged = sum(m is not None for m in moods)
    return (
        f"Mood over the last {count_phrase(len(dates), 'day')}: {logged} of {len(dates)} logged — "
        + ", ".join(
            f"{WEEKDAYS[d.weekday()]} {d.day} {d:%b} " + (f"{MOOD_WORDS[m]} ({m})" if m is not None else "not logged")
            for d, m in zip(dates, moods, strict=True)
        )
        + "."
    )
