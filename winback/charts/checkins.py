"""The weekly check-in's two scores, well-being and self-worth (0–100), over the period."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from winback.charts.period import (
    DAILY_MAX_DAYS,
    Unit,
    bucket_label,
    bucket_starts,
    first_day,
    in_period,
    span_of,
    x_range,
)
from winback.charts.theme import HOVER, PALETTE, Chart, build_figure, day_label, iso_day
from winback.words import count_phrase

NOTE = "A self-check, not a clinical instrument"


def checkin_scores(checkins: pd.DataFrame, start: date | None, today: date) -> Chart:
    """Check-in scores, well-being and self-worth (0–100), as two lines; monthly means beyond ``DAILY_MAX_DAYS``."""
    empty = "Do a weekly check-in to see your well-being and self-worth scores here; this period has none yet."
    rows = in_period(checkins, start, today)
    if rows.empty:
        return Chart(None, "Weekly check-in scores: no check-in in this period.", empty)
    first = start if start is not None else first_day(rows)
    span, span_words = span_of(first, today)
    unit: Unit = "month" if span > DAILY_MAX_DAYS else "day"
    scores = (
        rows.assign(bucket=bucket_starts(rows["date"], unit))
        .groupby("bucket", sort=True)
        .agg(wellbeing=("wellbeing", "mean"), self_worth=("self_worth", "mean"), count=("wellbeing", "size"))
    )
    layout = {
        "xaxis": {"type": "date", "range": x_range(first, today, unit)},
        "yaxis": {"range": [-3, 103], "tickvals": [0, 25, 50, 75, 100]},
    }
    traces = _score_lines(scores, unit)
    figure = build_figure(traces, layout, 320, note=NOTE)
    numbers = pd.DataFrame(
        {"Check-in" if unit == "day" else "Month": [_bucket_words(pd.Timestamp(b).date(), unit) for b in scores.index]}
        | {str(t.name): [round(float(v)) for v in t.y] for t in traces}
    )
    return Chart(figure, _checkins_alt(rows, scores, unit, span_words), empty, numbers)


def _bucket_words(bucket: date, unit: Unit) -> str:
    return day_label(bucket) if unit == "day" else bucket_label(bucket, unit)


def _score_lines(scores: pd.DataFrame, unit: Unit) -> list[go.Scatter]:
    """A line for each score, with a point per check-in (or per month of check-ins)."""
    buckets = [pd.Timestamp(b).date() for b in scores.index]
    x = [iso_day(b) for b in buckets]
    if unit == "day":
        words = [f"Check-in on {day_label(b)}" for b in buckets]
    else:
        words = [
            f"{bucket_label(b, unit)}, {count_phrase(int(n), 'check-in')}"
            for b, n in zip(buckets, scores["count"], strict=True)
        ]
    traces = []
    for column, name, colour, symbol in (
        ("wellbeing", "Well-being", PALETTE["blue"], "circle"),
        ("self_worth", "Self-worth", PALETTE["orange"], "diamond"),
    ):
        values = scores[column]
        traces.append(
            go.Scatter(
                x=x,
                y=values.tolist(),
                mode="lines+markers" if len(scores) <= 60 else "lines",
                name=name,
                line={"color": colour, "width": 2},
                marker={"color": colour, "size": 8, "symbol": symbol},
                customdata=[f"{w}<br>{name}: {v:.0f} of 100" for w, v in zip(words, values, strict=True)],
                hovertemplate=HOVER,
            )
        )
    return traces


def _checkins_alt(rows: pd.DataFrame, scores: pd.DataFrame, unit: Unit, span_words: str) -> str:
    def moved(column: str) -> str:
        values = scores[column]
        if len(values) == 1:
            return f"{values.iloc[0]:.0f} of 100"
        return f"from {values.iloc[0]:.0f} to {values.iloc[-1]:.0f} of 100 (average {rows[column].mean():.0f})"

    drawn = "" if unit == "day" else ", drawn as monthly averages"
    return (
        f"Weekly check-in scores over {span_words}{drawn}: {count_phrase(len(rows), 'check-in')}; "
        f"well-being {moved('wellbeing')}, self-worth {moved('self_worth')}. {NOTE}."
    )
