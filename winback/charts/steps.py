"""The five steps as bars, 0–100 %, that head the Progress page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from winback.charts.theme import HOVER, STATE_COLOURS, Chart, as_text, build_figure, ink_on, wrap_label
from winback.progress import StepProgress
from winback.vocab import STEP_STATES
from winback.words import count_phrase


def step_bars(steps: Sequence[StepProgress]) -> Chart:
    """One horizontal bar per step, 0–100 %: done in green, active in blue, locked in hatched grey."""
    empty = "Your five steps show here once winback can measure them: log your first day to start."
    if not steps:
        return Chart(None, "No steps to show yet.", empty)
    labels = [f"{s.number}. {s.name}" for s in steps]
    figure = build_figure([_bars(steps, labels)], _layout(labels), 60 + 44 * len(steps), legend=False)
    return Chart(figure, _alt(steps, labels), empty, _numbers(steps, labels))


def _numbers(steps: Sequence[StepProgress], labels: list[str]) -> pd.DataFrame:
    """A row per bar: the step, its length in whole percent, and its state."""
    return pd.DataFrame(
        {"Step": labels, "Progress (%)": [round(s.progress * 100) for s in steps], "State": [s.state for s in steps]}
    )


def _bar_text(step: StepProgress) -> str:
    if step.state == "locked":
        return "locked"
    if step.state == "done":
        return "done"
    return f"{round(step.progress * 100)} %"


def _bars(steps: Sequence[StepProgress], labels: list[str]) -> go.Bar:
    percents = [s.progress * 100 for s in steps]
    hover = [
        "<br>".join(
            [f"{label}", f"{s.state.capitalize()}: {round(s.progress * 100)} %", *(as_text(r) for r in s.reasons)]
        )
        for label, s in zip(labels, steps, strict=True)
    ]
    return go.Bar(
        x=percents,
        y=labels,
        orientation="h",
        marker={
            "color": [STATE_COLOURS[s.state] for s in steps],
            "pattern": {"shape": ["/" if s.state == "locked" else "" for s in steps], "solidity": 0.3},
        },
        text=[_bar_text(s) for s in steps],
        textposition=["inside" if p >= 30 else "outside" for p in percents],
        # Black or white on each bar (white on green is 3.4:1); beside a bar, the page's text colour.
        insidetextfont={"color": [ink_on(STATE_COLOURS[s.state]) for s in steps]},
        cliponaxis=False,
        customdata=hover,
        hovertemplate=HOVER,
        name="Progress",
    )


def _layout(labels: list[str]) -> dict[str, Any]:
    return {
        "xaxis": {"range": [0, 100], "tickvals": [0, 25, 50, 75, 100], "ticktext": ["0", "25", "50", "75", "100 %"]},
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "tickvals": labels,
            "ticktext": [wrap_label(label) for label in labels],
        },
        "bargap": 0.3,
        # Room for the last tick label, "100 %", at the right edge.
        "margin": {"r": 24},
    }


def _alt(steps: Sequence[StepProgress], labels: list[str]) -> str:
    counts = {state: sum(s.state == state for s in steps) for state in STEP_STATES}
    return (
        f"Your {count_phrase(len(steps), 'step')}: {counts['done']} done, {counts['active']} active, "
        f"{counts['locked']} locked. "
        + "; ".join(f"{label}: {round(s.progress * 100)} % ({s.state})" for label, s in zip(labels, steps, strict=True))
        + "."
    )
