"""The readiness quiz in charts: the worth dial of one result, and the worth score over every attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from winback.charts.theme import HOVER, PALETTE, Chart, build_figure, day_label, framed, short_day
from winback.vocab import FLAGGED_TIERS
from winback.words import count_phrase

WORTH_COLUMN = "Worth score (0–100)"


def _zone(worth: int, go_min: int, wait_min: int) -> str:
    return "worth trying" if worth >= go_min else "unclear" if worth >= wait_min else "probably not worth it"


def worth_gauge(worth: int | None, go_min: int, wait_min: int) -> Chart:
    """The quiz's worth score on a 0–100 dial, with the wait and go zones marked."""
    empty = "Your worth score appears here after you finish the quiz."
    if worth is None:
        return Chart(None, "No worth score yet.", empty)
    figure = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=worth,
            number={"suffix": " / 100"},
            gauge={
                "axis": {"range": [0, 100], "tickvals": [0, wait_min, go_min, 100]},
                "bar": {"color": PALETTE["blue"], "thickness": 0.35},
                "steps": [
                    {"range": [0, wait_min], "color": "rgba(213, 94, 0, 0.35)"},
                    {"range": [wait_min, go_min], "color": "rgba(230, 159, 0, 0.35)"},
                    {"range": [go_min, 100], "color": "rgba(0, 158, 115, 0.35)"},
                ],
            },
            # A little in from the sides: on a phone the dial is as wide as the chart, and "100" under its right
            # end would be cut off at the chart's edge.
            domain={"x": [0.06, 0.94], "y": [0, 1]},
        )
    )
    alt = (
        f"Worth score {worth} out of 100, in the '{_zone(worth, go_min, wait_min)}' zone "
        f"(below {wait_min}: probably not worth it; {wait_min}–{go_min - 1}: unclear; "
        f"{go_min} and above: worth trying)."
    )
    numbers = pd.DataFrame({WORTH_COLUMN: [worth], "Zone": [_zone(worth, go_min, wait_min)]})
    return Chart(framed(figure, 230), alt, empty, numbers)


@dataclass(frozen=True)
class _Attempts:
    """The attempts oldest first: their numbers from 1, worth, whether they flagged abuse, day and hover text."""

    numbers: list[int]
    worth: list[int]
    flagged: list[bool]
    taken: list[date]
    hover: list[str]


def quiz_history(attempts: pd.DataFrame, go_min: int, wait_min: int) -> Chart:
    """Worth over attempts, oldest first; attempts that flagged signs of abuse are marked with a vermillion X."""
    empty = "Take the readiness quiz to see your worth score over your attempts here."
    if attempts.empty:
        return Chart(None, "Quiz history: no attempt yet.", empty)
    rows = attempts.sort_values("taken_at", kind="stable").reset_index(drop=True)
    numbers = list(range(1, len(rows) + 1))
    worth = [int(w) for w in rows["worth"]]
    flagged = [str(t) in FLAGGED_TIERS for t in rows["tier"]]
    taken = [pd.Timestamp(t).date() for t in rows["taken_at"]]
    hover = [
        f"Attempt {n} · {day_label(d)}<br>"
        + (f"Signs of abuse flagged<br>Worth {w} of 100" if f else f"Worth {w} of 100: {_zone(w, go_min, wait_min)}")
        for n, d, w, f in zip(numbers, taken, worth, flagged, strict=True)
    ]
    shown = _Attempts(numbers, worth, flagged, taken, hover)
    figure = build_figure(_attempt_traces(shown), _history_layout(taken, go_min, wait_min), 300, legend=any(flagged))
    return Chart(figure, _history_alt(shown, go_min, wait_min), empty, _history_numbers(shown))


def _history_numbers(shown: _Attempts) -> pd.DataFrame:
    """A row per attempt, as the figure numbers them: its day, worth, and whether it flagged signs of abuse."""
    return pd.DataFrame(
        {
            "Attempt": shown.numbers,
            "Day": [short_day(d) for d in shown.taken],
            WORTH_COLUMN: shown.worth,
            "Signs of abuse flagged": ["yes" if f else "no" for f in shown.flagged],
        }
    )


def _attempt_traces(shown: _Attempts) -> list[go.Scatter]:
    """The worth line, and an X over each flagged attempt (whose own marker is hidden)."""
    traces = [
        go.Scatter(
            x=shown.numbers,
            y=shown.worth,
            mode="lines+markers",
            name="Worth",
            line={"color": PALETTE["blue"], "width": 2},
            marker={"color": PALETTE["blue"], "size": [0 if f else 10 for f in shown.flagged], "line": {"width": 0}},
            customdata=shown.hover,
            hovertemplate=HOVER,
        )
    ]
    if any(shown.flagged):
        traces.append(
            go.Scatter(
                x=[n for n, f in zip(shown.numbers, shown.flagged, strict=True) if f],
                y=[w for w, f in zip(shown.worth, shown.flagged, strict=True) if f],
                mode="markers",
                name="Signs of abuse flagged",
                marker={"color": PALETTE["vermillion"], "size": 15, "symbol": "x"},
                customdata=[h for h, f in zip(shown.hover, shown.flagged, strict=True) if f],
                hovertemplate=HOVER,
            )
        )
    return traces


def _date_ticks(taken: list[date]) -> tuple[list[int], list[str]]:
    """Each attempt's day under it, in order (two on one day keep their own places); at most 12 labels."""
    every = max(1, -(-len(taken) // 12))
    shown = list(range(len(taken) - 1, -1, -every))[::-1]
    return [i + 1 for i in shown], [short_day(taken[i]).replace(" ", "\u00a0", 1) for i in shown]


def _history_layout(taken: list[date], go_min: int, wait_min: int) -> dict[str, Any]:
    """The attempts in order along the bottom, labelled with their days; worth 0–100 up the side, and a dashed
    line at each threshold. Evenly spaced rather than on a date axis, so two attempts a day apart stay apart."""
    lines = (
        (go_min, PALETTE["green"], f"worth trying ({go_min}+)"),
        (wait_min, PALETTE["orange"], f"unclear ({wait_min}+)"),
    )
    tickvals, ticktext = _date_ticks(taken)
    return {
        "xaxis": {
            "range": [0.5, len(taken) + 0.5],
            "tickvals": tickvals,
            "ticktext": ticktext,
            "title": {"text": "Attempt, by the day it was taken", "font": {"size": 12}},
        },
        "yaxis": {"range": [-3, 103], "tickvals": [0, 25, 50, 75, 100]},
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": level,
                "y1": level,
                "line": {"color": colour, "dash": "dash", "width": 1.5},
            }
            for level, colour, _ in lines
        ],
        "annotations": [
            {
                "xref": "paper",
                "x": 1,
                "xanchor": "right",
                "yref": "y",
                "y": level,
                "yanchor": "top",
                "text": words,
                "showarrow": False,
                "font": {"size": 12},
            }
            for level, _, words in lines
        ],
    }


def _history_alt(shown: _Attempts, go_min: int, wait_min: int) -> str:
    latest = shown.worth[-1]
    latest_words = (
        "flagged signs of abuse" if shown.flagged[-1] else f"{latest}, in the '{_zone(latest, go_min, wait_min)}' zone"
    )
    flags = [short_day(d) for d, f in zip(shown.taken, shown.flagged, strict=True) if f]
    flag_words = (
        f" Signs of abuse were flagged in the attempt{'s' if len(flags) > 1 else ''} of {', '.join(flags)} "
        "(marked with an X)."
        if flags
        else ""
    )
    return (
        f"Quiz worth score over {count_phrase(len(shown.numbers), 'attempt')} "
        f"({short_day(shown.taken[0])} – {short_day(shown.taken[-1])}): "
        f"{', '.join(str(w) for w in shown.worth)}; the latest attempt {latest_words}. Lines mark {wait_min} "
        f"(unclear from here) and {go_min} (worth trying from here).{flag_words}"
    )
