"""Plotly chart builders: pure functions of winback's data, each with alt text and an empty state."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

# Okabe–Ito: distinguishable with the common forms of colour blindness, on light and dark backgrounds.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}


@dataclass(frozen=True)
class Chart:
    """A figure (None when there is nothing to draw), what it shows in words, and what to do when empty."""

    figure: go.Figure | None
    alt: str
    empty: str

    @property
    def is_empty(self) -> bool:
        return self.figure is None


def _frame(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 24, "r": 24, "t": 32, "b": 16},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"size": 14},
    )
    return figure


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
            domain={"x": [0, 1], "y": [0, 1]},
        )
    )
    zone = "worth trying" if worth >= go_min else "unclear" if worth >= wait_min else "probably not worth it"
    alt = (
        f"Worth score {worth} out of 100, in the '{zone}' zone "
        f"(below {wait_min}: probably not worth it; {wait_min}–{go_min - 1}: unclear; "
        f"{go_min} and above: worth trying)."
    )
    return Chart(_frame(figure, 230), alt, empty)
