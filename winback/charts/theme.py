"""How every chart looks and speaks: the palette, the colour of each mood, contact kind, life area and step
state, the page a chart is drawn on and its words' colour, contrast (WCAG), the :class:`Chart` a builder returns,
the figure frame they share, and the words for days and labels."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from winback.vocab import CONTACT_LABELS, CONTACTS, MOOD_WORDS

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
# Warm for low, neutral grey for "meh", cool for high: the orange–blue axis survives colour blindness.
MOOD_COLOURS: dict[int, str] = {
    1: PALETTE["vermillion"],
    2: PALETTE["orange"],
    3: PALETTE["grey"],
    4: PALETTE["sky"],
    5: PALETTE["blue"],
}
# The calendar draws contact as numbers 0-3, in the order of vocab.CONTACTS.
CONTACT_CODES: dict[str, int] = {contact: code for code, contact in enumerate(CONTACTS)}
CONTACT_WORDS: dict[int, str] = {code: CONTACT_LABELS[contact] for contact, code in CONTACT_CODES.items()}
CONTACT_COLOURS: dict[int, str] = {
    0: "rgba(153, 153, 153, 0.35)",
    1: PALETTE["sky"],
    2: PALETTE["orange"],
    3: PALETTE["purple"],
}
AREA_COLOURS: dict[str, str] = {
    "Body": PALETTE["green"],
    "Mind": PALETTE["blue"],
    "Social": PALETTE["orange"],
    "Money": PALETTE["sky"],
    "Habits": PALETTE["purple"],
    "Joy": PALETTE["vermillion"],
}
STATE_COLOURS: dict[str, str] = {"done": PALETTE["green"], "active": PALETTE["blue"], "locked": PALETTE["grey"]}
WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Look:
    """The page a chart is drawn on (a chart's own background is transparent) and the colour of its words."""

    background: str
    text: str


# .streamlit/config.toml's [theme.light] and [theme.dark] (Streamlit's defaults where it sets none). Every word a
# chart draws on the page (ticks, axis titles, notes, legend, hover, a label beside a bar) is in the page's text
# colour: winback/ui/frame.py's style sets it, since Streamlit draws most of them in a grey of 3.7:1 on white.
LOOKS: dict[str, Look] = {"light": Look("#ffffff", "#141312"), "dark": Look("#171614", "#edebe8")}
# WCAG 2.2 AA for words (1.4.3) and for focus rings and other parts of a control (1.4.11).
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0
GRID = "rgba(128, 128, 128, 0.25)"
# Every trace's hover shows its own customdata text, and no trace name box beside it.
HOVER = "%{customdata}<extra></extra>"


@dataclass(frozen=True)
class Chart:
    """A figure (None when there is nothing to draw), what it shows in words, what to do when empty, and the
    figure's numbers as a small table built from the same data (None without a figure), for "Show the numbers"."""

    figure: go.Figure | None
    alt: str
    empty: str
    numbers: pd.DataFrame | None = field(default=None, compare=False)

    @property
    def is_empty(self) -> bool:
        return self.figure is None


def mood_cell(mood: int | None) -> str:
    """A day's mood in a table of numbers: ``good (4)``, or ``not logged``."""
    return "not logged" if mood is None else f"{MOOD_WORDS[mood]} ({mood})"


def frame_layout(height: int) -> dict[str, Any]:
    """Fixed height, transparent backgrounds and no text colour of its own, so the app's theme shows through; and
    no animated transitions, for someone who asks for reduced motion (the server cannot know who does)."""
    return {
        "height": height,
        "margin": {"l": 24, "r": 24, "t": 32, "b": 16},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"size": 14},
        "transition": {"duration": 0},
    }


def framed(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(frame_layout(height))
    return figure


def build_figure(
    traces: Sequence[Any], layout: Mapping[str, Any], height: int, *, legend: bool = True, note: str | None = None
) -> go.Figure:
    """The figure in one go: the frame of ``frame_layout``, grey see-through gridlines, legend on top, a note as
    a small title, and no zooming or dragging under a thumb.

    Built from one layout dict rather than a chain of updates: each plotly update call costs milliseconds.
    """
    top = 12 + (30 if legend else 0) + (26 if note else 0)
    merged: dict[str, Any] = {
        **frame_layout(height),
        "showlegend": legend,
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "dragmode": False,
        **layout,
        "margin": {"l": 8, "r": 8, "t": top, "b": 8, **layout.get("margin", {})},
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "font": {"size": 12},
            "itemclick": False,
            "itemdoubleclick": False,
            **layout.get("legend", {}),
        },
    }
    if note:
        merged["title"] = _note_title(note)
    for axis in {"xaxis", "yaxis"} | {key for key in layout if key.startswith(("xaxis", "yaxis"))}:
        merged[axis] = _axis(layout.get(axis, {}))
    return go.Figure(data=list(traces), layout=merged)


def _note_title(note: str) -> dict[str, Any]:
    """A note such as "Association, not cause" as a small title in the top left corner."""
    return {
        "text": note,
        "font": {"size": 13},
        "x": 0,
        "xref": "container",
        "xanchor": "left",
        "y": 1.0,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": 8, "l": 8},
    }


def _axis(own: Mapping[str, Any]) -> dict[str, Any]:
    """One axis with see-through grey lines that a thumb cannot zoom, and the builder's own settings on top."""
    return {
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "linecolor": GRID,
        "fixedrange": True,
        "automargin": True,
        **own,
        "tickfont": {"size": 12, **own.get("tickfont", {})},
    }


def legend_key(name: str, colour: str) -> go.Scatter:
    """A legend entry with no data, for a heatmap's categories."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        marker={"color": colour, "symbol": "square", "size": 12},
        hoverinfo="skip",
    )


def day_label(when: date) -> str:
    """``Thu 1 Jan 2026``."""
    return f"{when:%a} {when.day} {when:%b %Y}"


def short_day(when: date) -> str:
    """``1 Jan 2026``."""
    return f"{when.day} {when:%b %Y}"


def iso_day(when: date) -> str:
    """``2026-01-01``, a position on a date axis."""
    return f"{when:%Y-%m-%d}"


def trend_words(values: pd.Series, window_days: int, step: float) -> str:
    """'rising from 2.1 to 3.9': the first full window's value against the latest one."""
    first_window = values[values.index < values.index[0] + pd.Timedelta(days=window_days)]
    first, last = float(first_window.iloc[-1]), float(values.iloc[-1])
    if abs(last - first) < step:
        return f"steady around {last:.1f}"
    return f"{'rising' if last > first else 'falling'} from {first:.1f} to {last:.1f}"


def wrap_label(label: str, width: int = 20) -> str:
    """A long axis label on two or more lines, so it leaves the plot room on a phone."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)) or label


def as_text(text: str) -> str:
    """A person's own words inside a figure's labels, shown as text and never as markup."""
    return html.escape(text, quote=False)


_HEX = re.compile(r"#([0-9a-fA-F]{6})")
_RGB = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)")


def rgb(colour: str, on: str = "#ffffff") -> tuple[float, float, float]:
    """``#rrggbb`` or ``rgb(…)``/``rgba(…)`` as channels 0–1; a see-through colour as it shows on ``on``."""
    if hex_match := _HEX.fullmatch(colour):
        digits = hex_match.group(1)
        return (int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255)
    rgb_match = _RGB.fullmatch(colour)
    if rgb_match is None:
        raise ValueError(f"not a colour winback draws with: {colour!r}")
    alpha = float(rgb_match.group(4) or 1)
    under = rgb(on) if alpha < 1 else (0.0, 0.0, 0.0)
    red, green, blue = (int(rgb_match.group(n)) / 255 for n in (1, 2, 3))
    return (
        alpha * red + (1 - alpha) * under[0],
        alpha * green + (1 - alpha) * under[1],
        alpha * blue + (1 - alpha) * under[2],
    )


def relative_luminance(colour: str, on: str = "#ffffff") -> float:
    """WCAG 2.2's relative luminance, 0 for black to 1 for white."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(colour, on)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground, on=background), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on a fill of ``colour`` (a bar's words)."""
    return "#000000" if contrast_ratio("#000000", colour) >= contrast_ratio("#FFFFFF", colour) else "#FFFFFF"
