"""Plotly chart builders: pure functions of winback's data, each with alt text and an empty state.

Every builder takes typed frames (as ``storage`` reads them) and returns a :class:`Chart`; none imports
Streamlit or changes its input. Figures are drawn on transparent backgrounds without fixed text colours so
the app's light or dark theme shows through, keep their legend above the plot so they fit a 390 px phone,
and carry no more points than the screen can show: over more than ``DAILY_MAX_DAYS`` days, mood is averaged
per week (per month beyond ``WEEKLY_MAX_DAYS``), activities and check-ins per month, and the calendar shows
the last year; the alt text says so each time.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import plotly.graph_objects as go

from winback.vocab import CONTACT_LABELS, CONTACTS, FLAGGED_TIERS, LIFE_AREAS, MOOD_WORDS, PERIOD_DAYS, PERIODS
from winback.words import count_phrase

if TYPE_CHECKING:
    from winback.progress import StepProgress

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


def _frame_layout(height: int) -> dict[str, Any]:
    """Fixed height, transparent backgrounds and no text colour of its own, so the app's theme shows through."""
    return {
        "height": height,
        "margin": {"l": 24, "r": 24, "t": 32, "b": 16},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"size": 14},
    }


def _frame(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(_frame_layout(height))
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


# Beyond these spans a phone cannot show one point per day (or per week), so points become averages.
DAILY_MAX_DAYS = 400
WEEKLY_MAX_DAYS = 4000
# "Year in pixels" stays readable up to about two years; longer spans show the last year.
CALENDAR_MAX_DAYS = 731
CALENDAR_SHOWN_DAYS = 365
MIN_DAYS_EACH_SIDE = 3

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
GRID = "rgba(128, 128, 128, 0.25)"

Unit = Literal["day", "week", "month"]


@dataclass(frozen=True)
class _Resolution:
    """How finely a long span is drawn, and the rolling window of its trend line."""

    unit: Unit
    window_days: int
    trend: str

    @property
    def window(self) -> str:
        return f"{self.window_days}D"


_DAILY = _Resolution("day", 7, "7-day average")
_WEEKLY = _Resolution("week", 28, "4-week average")
_MONTHLY = _Resolution("month", 91, "3-month average")


def period_start(period: str, today: date, first: date | None) -> date | None:
    """First day of ``period`` ending on ``today``; for "All" the first logged day ``first`` (None: nothing yet)."""
    if period == "All":
        return None if first is None else min(first, today)
    if period not in PERIOD_DAYS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return today - timedelta(days=PERIOD_DAYS[period] - 1)


def in_period(frame: pd.DataFrame, start: date | None, today: date, column: str = "date") -> pd.DataFrame:
    """The rows from ``start`` (None: from the first row) to the end of ``today``, oldest first, as a new frame."""
    when = pd.to_datetime(frame[column])
    keep = when < pd.Timestamp(today + timedelta(days=1))
    if start is not None:
        keep &= when >= pd.Timestamp(start)
    return frame.loc[keep].sort_values(column, kind="stable").reset_index(drop=True)


def _resolution(days: int) -> _Resolution:
    if days > WEEKLY_MAX_DAYS:
        return _MONTHLY
    if days > DAILY_MAX_DAYS:
        return _WEEKLY
    return _DAILY


def _bucket(dates: pd.Series, unit: Unit) -> pd.Series:
    """The first day of each date's day, ISO week (Monday) or calendar month."""
    if unit == "day":
        return dates
    back = dates.dt.day_of_week if unit == "week" else dates.dt.day - 1
    starts: pd.Series = dates - pd.to_timedelta(back, unit="D")
    return starts


def _x_range(first: date, today: date, unit: Unit) -> list[str]:
    """The period on a date axis, with room for the first and last bar or point of its day, week or month."""
    if unit == "week":
        first, pad = first - timedelta(days=first.weekday()), 4
    elif unit == "month":
        first, pad = first.replace(day=1), 16
    else:
        # About 2.5 % of the width on each side, so a marker on the first or last day is not cut in half.
        pad = max(1, round(((today - first).days + 1) / 40))
    return [_iso(first - timedelta(days=pad)), _iso(today + timedelta(days=pad))]


def _day(when: date) -> str:
    return f"{when:%a} {when.day} {when:%b %Y}"


def _short(when: date) -> str:
    return f"{when.day} {when:%b %Y}"


def _bucket_words(when: date, unit: Unit) -> str:
    if unit == "week":
        return f"Week of {_day(when)}"
    if unit == "month":
        return f"{when:%B %Y}"
    return _day(when)


def _iso(when: date) -> str:
    return f"{when:%Y-%m-%d}"


def _span(first: date, today: date) -> tuple[int, str]:
    days = (today - first).days + 1
    return days, f"the last {count_phrase(days, 'day')} ({_short(first)} – {_short(today)})"


def _first_day(rows: pd.DataFrame, column: str = "date") -> date:
    first: date = pd.Timestamp(rows[column].iloc[0]).date()
    return first


def _trend_words(values: pd.Series, window_days: int, step: float) -> str:
    """'rising from 2.1 to 3.9': the first full window's value against the latest one."""
    first_window = values[values.index < values.index[0] + pd.Timedelta(days=window_days)]
    first, last = float(first_window.iloc[-1]), float(values.iloc[-1])
    if abs(last - first) < step:
        return f"steady around {last:.1f}"
    return f"{'rising' if last > first else 'falling'} from {first:.1f} to {last:.1f}"


def _wrap(label: str, width: int = 20) -> str:
    """A long axis label on two or more lines, so it leaves the plot room on a phone."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)) or label


def _name(text: str) -> str:
    """A person's own words inside a figure's labels, shown as text and never as markup."""
    return html.escape(text, quote=False)


def _figure(
    traces: Sequence[Any], layout: Mapping[str, Any], height: int, *, legend: bool = True, note: str | None = None
) -> go.Figure:
    """The figure in one go: the frame of ``_frame``, grey see-through gridlines, legend on top, a note as a
    small title, and no zooming or dragging under a thumb.

    Built from one layout dict rather than a chain of updates: each plotly update call costs milliseconds.
    """
    top = 12 + (30 if legend else 0) + (26 if note else 0)
    merged: dict[str, Any] = {
        **_frame_layout(height),
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
        merged["title"] = {
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
    for axis in {"xaxis", "yaxis"} | {key for key in layout if key.startswith(("xaxis", "yaxis"))}:
        own = layout.get(axis, {})
        merged[axis] = {
            "gridcolor": GRID,
            "zerolinecolor": GRID,
            "linecolor": GRID,
            "fixedrange": True,
            "automargin": True,
            **own,
            "tickfont": {"size": 12, **own.get("tickfont", {})},
        }
    return go.Figure(data=list(traces), layout=merged)


def _legend_key(name: str, colour: str) -> go.Scatter:
    """A legend entry with no data, for a heatmap's categories."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        marker={"color": colour, "symbol": "square", "size": 12},
        hoverinfo="skip",
    )


def _steps_text(step: StepProgress) -> str:
    if step.state == "locked":
        return "locked"
    if step.state == "done":
        return "done"
    return f"{round(step.progress * 100)} %"


def step_bars(steps: Sequence[StepProgress]) -> Chart:
    """One horizontal bar per step, 0–100 %: done in green, active in blue, locked in hatched grey."""
    empty = "Your five steps show here once winback can measure them: log your first day to start."
    if not steps:
        return Chart(None, "No steps to show yet.", empty)
    labels = [f"{s.number}. {s.name}" for s in steps]
    percents = [s.progress * 100 for s in steps]
    hover = [
        "<br>".join(
            [f"{label}", f"{s.state.capitalize()}: {round(s.progress * 100)} %", *(_name(r) for r in s.reasons)]
        )
        for label, s in zip(labels, steps, strict=True)
    ]
    bars = go.Bar(
        x=percents,
        y=labels,
        orientation="h",
        marker={
            "color": [STATE_COLOURS[s.state] for s in steps],
            "pattern": {"shape": ["/" if s.state == "locked" else "" for s in steps], "solidity": 0.3},
        },
        text=[_steps_text(s) for s in steps],
        textposition=["inside" if p >= 30 else "outside" for p in percents],
        cliponaxis=False,
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        name="Progress",
    )
    layout = {
        "xaxis": {"range": [0, 100], "tickvals": [0, 25, 50, 75, 100], "ticktext": ["0", "25", "50", "75", "100 %"]},
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "tickvals": labels,
            "ticktext": [_wrap(label) for label in labels],
        },
        "bargap": 0.3,
        # Room for the last tick label, "100 %", at the right edge.
        "margin": {"r": 24},
    }
    counts = {state: sum(s.state == state for s in steps) for state in ("done", "active", "locked")}
    alt = (
        f"Your {count_phrase(len(steps), 'step')}: {counts['done']} done, {counts['active']} active, "
        f"{counts['locked']} locked. "
        + "; ".join(f"{label}: {round(s.progress * 100)} % ({s.state})" for label, s in zip(labels, steps, strict=True))
        + "."
    )
    return Chart(_figure([bars], layout, 60 + 44 * len(steps), legend=False), alt, empty)


def mood_over_time(log: pd.DataFrame, start: date | None, today: date) -> Chart:
    """Mood per logged day with its 7-day rolling mean, and *missing my ex* (same mean) on a second axis.

    The mean is pandas' time-based ``rolling("7D")`` over the logged days of the period. Over more than
    ``DAILY_MAX_DAYS`` the points are weekly means and the line a 4-week mean (monthly and 3-month beyond
    ``WEEKLY_MAX_DAYS``), each line's value taken on the last logged day of its week or month.
    """
    empty = "Log how you feel on the Daily log to see your mood over time here; this period has no logged day yet."
    rows = in_period(log, start, today)
    if rows.empty:
        return Chart(None, "Mood over time: no day logged in this period.", empty)
    first = start if start is not None else _first_day(rows)
    span, span_words = _span(first, today)
    resolution = _resolution(span)
    by_day = rows.set_index("date")
    mood = by_day["mood"]
    trend = mood.rolling(resolution.window).mean()
    missing = by_day["missing_ex"].rolling(resolution.window).mean()

    if resolution.unit == "day":
        days = [pd.Timestamp(d).date() for d in mood.index]
        x = [_iso(d) for d in days]
        words = [_day(d) for d in days]
        point_hover = [f"{w}<br>Mood: {MOOD_WORDS[int(m)]} ({int(m)})" for w, m in zip(words, mood, strict=True)]
        points = mood.tolist()
        missing_hover = [
            f"{w}<br>Missing my ex: {int(v)} of 10<br>{resolution.trend}: {a:.1f}"
            for w, v, a in zip(words, by_day["missing_ex"], missing, strict=True)
        ]
        trend_y, missing_y = trend.tolist(), missing.tolist()
        name = "Mood"
    else:
        summary = (
            pd.DataFrame(
                {
                    "bucket": _bucket(mood.index.to_series(), resolution.unit).to_numpy(),
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
        x = [_iso(d) for d in days]
        words = [_bucket_words(d, resolution.unit) for d in days]
        point_hover = [
            f"{w}<br>Average mood: {m:.1f} of 5<br>{count_phrase(int(n), 'day')} logged"
            for w, m, n in zip(words, summary["mood"], summary["logged"], strict=True)
        ]
        points = summary["mood"].tolist()
        missing_hover = [
            f"{w}<br>Missing my ex, {resolution.trend}: {a:.1f} of 10"
            for w, a in zip(words, summary["missing"], strict=True)
        ]
        trend_y, missing_y = summary["trend"].tolist(), summary["missing"].tolist()
        name = f"{resolution.unit.capitalize()}ly mood"
    trend_hover = [f"{w}<br>Mood, {resolution.trend}: {t:.1f}" for w, t in zip(words, trend_y, strict=True)]

    traces = [
        go.Scatter(
            x=x,
            y=points,
            mode="markers",
            name=name,
            marker={"color": PALETTE["sky"], "size": 7, "opacity": 0.75},
            customdata=point_hover,
            hovertemplate="%{customdata}<extra></extra>",
        ),
        go.Scatter(
            x=x,
            y=trend_y,
            mode="lines",
            name=resolution.trend,
            line={"color": PALETTE["blue"], "width": 3},
            customdata=trend_hover,
            hovertemplate="%{customdata}<extra></extra>",
        ),
        go.Scatter(
            x=x,
            y=missing_y,
            yaxis="y2",
            mode="lines",
            name="Missing my ex",
            line={"color": PALETTE["orange"], "width": 2, "dash": "dot"},
            customdata=missing_hover,
            hovertemplate="%{customdata}<extra></extra>",
        ),
    ]
    layout = {
        "xaxis": {"type": "date", "range": _x_range(first, today, resolution.unit)},
        # Mood 1–5 and missing 0–10 share gridlines: mood 1 sits on missing 0, mood 5 on missing 10.
        "yaxis": {"range": [0.6, 5.4], "tickvals": [1, 2, 3, 4, 5], "ticktext": list(MOOD_WORDS.values())},
        "yaxis2": {
            "overlaying": "y",
            "side": "right",
            "range": [-1, 11],
            "tickvals": [0, 5, 10],
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"color": PALETTE["orange"]},
        },
    }
    shown = "" if resolution.unit == "day" else f", drawn as {resolution.unit}ly averages"
    alt = (
        f"Mood over {span_words}{shown}: {count_phrase(len(rows), 'day')} logged, average {mood.mean():.1f} of 5 "
        f"(1 awful, 5 great); the {resolution.trend} of mood is {_trend_words(trend, resolution.window_days, 0.25)}. "
        f"Missing my ex (0 to 10, dotted, right-hand scale), {resolution.trend}: "
        f"{_trend_words(missing, resolution.window_days, 0.5)}."
    )
    return Chart(_figure(traces, layout, 340), alt, empty)


def _discrete_scale(colours: Sequence[str]) -> list[tuple[float, str]]:
    """A colour scale with one flat band per whole number 0…n-1 (use zmin=-0.5, zmax=n-0.5)."""
    n = len(colours)
    scale: list[tuple[float, str]] = []
    for i, colour in enumerate(colours):
        scale += [(i / n, colour), ((i + 1) / n, colour)]
    return scale


def calendar_heatmap(log: pd.DataFrame, start: date | None, today: date, value: Literal["mood", "contact"]) -> Chart:
    """Year in pixels: one cell per day of the period (weeks as columns, Mon–Sun as rows), blank when not logged.

    Over more than ``CALENDAR_MAX_DAYS`` only the last ``CALENDAR_SHOWN_DAYS`` days are drawn.
    """
    what = "mood" if value == "mood" else "contact with your ex"
    empty = f"Log a day on the Daily log to colour it in here by {what}; this period has no logged day yet."
    rows = in_period(log, start, today)
    if rows.empty:
        return Chart(None, f"Calendar of {what}: no day logged in this period.", empty)
    first = start if start is not None else _first_day(rows)
    span, _ = _span(first, today)
    limited = span > CALENDAR_MAX_DAYS
    if limited:
        first = today - timedelta(days=CALENDAR_SHOWN_DAYS - 1)
        rows = in_period(rows, first, today)
    shown, span_words = _span(first, today)

    dates = [first + timedelta(days=i) for i in range(shown)]
    words: dict[int, str]
    if value == "mood":
        code = {pd.Timestamp(d).date(): int(m) for d, m in zip(rows["date"], rows["mood"], strict=True)}
        words, colours = MOOD_WORDS, MOOD_COLOURS
        describe = {m: f"Mood: {w} ({m})" for m, w in MOOD_WORDS.items()}
        zmin = 1
    else:
        code = {
            pd.Timestamp(d).date(): CONTACT_CODES[str(c)] for d, c in zip(rows["date"], rows["contact"], strict=True)
        }
        words, colours = CONTACT_WORDS, CONTACT_COLOURS
        describe = CONTACT_WORDS
        zmin = 0
    z = [code.get(d) for d in dates]
    cells = go.Heatmap(
        x=[_iso(d - timedelta(days=d.weekday())) for d in dates],
        y=[WEEKDAYS[d.weekday()] for d in dates],
        z=z,
        customdata=[
            f"{_day(d)}<br>{'Not logged' if v is None else describe[v]}" for d, v in zip(dates, z, strict=True)
        ],
        hovertemplate="%{customdata}<extra></extra>",
        colorscale=_discrete_scale([colours[k] for k in sorted(colours)]),
        zmin=zmin - 0.5,
        zmax=zmin + len(colours) - 0.5,
        showscale=False,
        xgap=2,
        ygap=2,
        connectgaps=False,
        name=what.capitalize(),
    )
    keys = [_legend_key(words[key], colours[key]) for key in sorted(words)]
    layout = {
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

    logged = sum(v is not None for v in z)
    counts = pd.Series([v for v in z if v is not None]).value_counts()
    if value == "mood":
        parts = [f"{int(counts.get(m, 0))} {MOOD_WORDS[m]}" for m in sorted(MOOD_WORDS, reverse=True)]
    else:
        happened = {0: "with no contact", 1: "they reached out (no reply)", 2: "we talked", 3: "I reached out"}
        parts = [f"{count_phrase(int(counts.get(c, 0)), 'day')} {happened[c]}" for c in sorted(happened)]
    note = (
        f"The whole history is {count_phrase(span, 'day')}, more than a calendar can show, so only the last "
        f"{CALENDAR_SHOWN_DAYS} days are drawn. "
        if limited
        else ""
    )
    alt = (
        f"{note}Calendar of {what} for {span_words}, one square per day in columns by week: "
        f"{logged:,} of {shown:,} days logged, {shown - logged:,} not logged (blank); " + ", ".join(parts) + "."
    )
    return Chart(_figure([cells, *keys], layout, 250), alt, empty)


def activities_per_area(log: pd.DataFrame, start: date | None, today: date, area_of: Mapping[str, str]) -> Chart:
    """Activity-days (one activity ticked on one day) per life area per ISO week, stacked.

    Over more than ``DAILY_MAX_DAYS`` the bars are per calendar month. Activities whose area is unknown
    (a deleted custom activity) are left out.
    """
    empty = (
        "Tick what you did on the Daily log — exercise, seeing friends, saving money — to see which life areas "
        "you put time into each week; this period has no activity yet."
    )
    rows = in_period(log, start, today)
    pairs = rows[["date", "activities"]].explode("activities").dropna(subset=["activities"])
    areas = pairs["activities"].map(dict(area_of))
    pairs = pairs.assign(area=areas).dropna(subset=["area"]).drop_duplicates(["date", "activities"])
    if pairs.empty:
        return Chart(None, "Activities per life area: no activity logged in this period.", empty)
    first = start if start is not None else _first_day(rows)
    span, span_words = _span(first, today)
    unit: Unit = "week" if span <= DAILY_MAX_DAYS else "month"
    counts = (
        pairs.assign(bucket=_bucket(pairs["date"], unit))
        .groupby(["bucket", "area"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(LIFE_AREAS), fill_value=0)
        .sort_index()
    )
    buckets = [pd.Timestamp(b).date() for b in counts.index]
    x = [_iso(b) for b in buckets]
    words = [_bucket_words(b, unit) for b in buckets]
    traces = []
    for area in LIFE_AREAS:
        column = counts[area]
        if column.sum() == 0:
            continue
        traces.append(
            go.Bar(
                x=x,
                y=column.tolist(),
                name=area,
                marker={"color": AREA_COLOURS[area]},
                customdata=[
                    f"{w}<br>{area}: {count_phrase(int(n), 'activity-day')}" for w, n in zip(words, column, strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    per = "week" if unit == "week" else "month"
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "bargap": 0.15,
        "xaxis": {"type": "date", "range": _x_range(first, today, unit)},
        "yaxis": {"title": {"text": f"Activity-days a {per}", "font": {"size": 12}}, "rangemode": "tozero"},
    }
    totals = counts.sum()
    per_bucket = counts.sum(axis=1)
    busiest = int(per_bucket.to_numpy().argmax())
    drawn = "ISO week" if unit == "week" else "calendar month (the period is over 400 days)"
    alt = (
        f"Activities per life area for each {drawn} over {span_words}: "
        f"{count_phrase(int(totals.sum()), 'activity-day')} in {count_phrase(len(counts), per)} — "
        + ", ".join(f"{area} {int(totals[area]):,}" for area in LIFE_AREAS)
        + f". Busiest {per}: {_bucket_words(buckets[busiest], unit)} "
        f"with {int(per_bucket.iloc[busiest])}."
    )
    return Chart(_figure(traces, layout, 320), alt, empty)


def mood_by_activity(log: pd.DataFrame, start: date | None, today: date, names: Mapping[str, str]) -> Chart:
    """Average mood on logged days with vs. without each activity that has ≥ 3 days of each, largest gap first.

    An association, not a cause: days with an activity can differ in many other ways.
    """
    rule = (
        f"an activity shows here once it was ticked on at least {MIN_DAYS_EACH_SIDE} logged days and left out "
        f"on at least {MIN_DAYS_EACH_SIDE} logged days in this period"
    )
    empty = f"Keep logging your days and activities: {rule}."
    rows = in_period(log, start, today)
    if rows.empty:
        return Chart(None, "Mood with and without each activity: no day logged in this period.", empty)
    first = start if start is not None else _first_day(rows)
    _, span_words = _span(first, today)
    logged = len(rows)
    total = float(rows["mood"].sum())
    pairs = (
        rows[["date", "mood", "activities"]]
        .explode("activities")
        .dropna(subset=["activities"])
        .drop_duplicates(["date", "activities"])
    )
    stats = pairs.groupby("activities")["mood"].agg(["size", "sum"])
    stats = stats.assign(without=logged - stats["size"])
    stats = stats[(stats["size"] >= MIN_DAYS_EACH_SIDE) & (stats["without"] >= MIN_DAYS_EACH_SIDE)]
    if stats.empty:
        return Chart(None, f"Mood with and without each activity over {span_words}: no activity yet; {rule}.", empty)
    stats = stats.assign(
        with_mean=stats["sum"] / stats["size"],
        without_mean=(total - stats["sum"]) / stats["without"],
    )
    stats = stats.assign(difference=stats["with_mean"] - stats["without_mean"])
    stats = stats.assign(label=[str(names.get(str(a), a)) for a in stats.index])
    stats = stats.sort_values(["difference", "label"], ascending=[False, True], kind="stable")

    labels: list[str] = []
    for ident, label in zip(stats.index, stats["label"], strict=True):
        shown = _name(label)
        labels.append(shown if shown not in labels else f"{shown} ({_name(str(ident))})")
    hover = [
        f"{label}<br>With it: average mood {w:.1f} on {count_phrase(int(n), 'day')}<br>"
        f"Without it: {wo:.1f} on {count_phrase(int(m), 'day')}"
        for label, w, n, wo, m in zip(
            labels, stats["with_mean"], stats["size"], stats["without_mean"], stats["without"], strict=True
        )
    ]
    gap_x: list[float | None] = []
    gap_y: list[str | None] = []
    for label, w, wo in zip(labels, stats["with_mean"], stats["without_mean"], strict=True):
        gap_x += [float(wo), float(w), None]
        gap_y += [label, label, None]
    traces = [
        go.Scatter(
            x=gap_x, y=gap_y, mode="lines", line={"color": GRID, "width": 4}, hoverinfo="skip", showlegend=False
        ),
        go.Scatter(
            x=stats["without_mean"].tolist(),
            y=labels,
            mode="markers",
            name="Days without it",
            marker={"color": PALETTE["orange"], "size": 11, "symbol": "circle-open", "line": {"width": 3}},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        ),
        go.Scatter(
            x=stats["with_mean"].tolist(),
            y=labels,
            mode="markers",
            name="Days with it",
            marker={"color": PALETTE["blue"], "size": 11},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        ),
    ]
    layout = {
        "xaxis": {"range": [0.6, 5.4], "tickvals": [1, 2, 3, 4, 5], "ticktext": list(MOOD_WORDS.values())},
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "showgrid": False,
            "tickvals": labels,
            "ticktext": [_wrap(label, 22) for label in labels],
        },
    }
    left_out = int(pairs["activities"].nunique()) - len(stats)
    alt = (
        f"Average mood (1 awful to 5 great) on days with and without each activity over {span_words}, "
        f"largest difference first — an association, not a cause: "
        + "; ".join(
            f"{label}: {w:.1f} with ({count_phrase(int(n), 'day')}) vs {wo:.1f} without ({d:+.1f})"
            for label, w, n, wo, d in zip(
                stats["label"],
                stats["with_mean"],
                stats["size"],
                stats["without_mean"],
                stats["difference"],
                strict=True,
            )
        )
        + f". {left_out} other {'activity' if left_out == 1 else 'activities'} left out: {rule}."
    )
    height = max(220, 110 + 34 * len(stats))
    return Chart(_figure(traces, layout, height, note="Association, not cause"), alt, empty)


def checkin_scores(checkins: pd.DataFrame, start: date | None, today: date) -> Chart:
    """Check-in scores, well-being and self-worth (0–100), as two lines; monthly means beyond ``DAILY_MAX_DAYS``."""
    empty = "Do a weekly check-in to see your well-being and self-worth scores here; this period has none yet."
    note = "A self-check, not a clinical instrument"
    rows = in_period(checkins, start, today)
    if rows.empty:
        return Chart(None, "Weekly check-in scores: no check-in in this period.", empty)
    first = start if start is not None else _first_day(rows)
    span, span_words = _span(first, today)
    unit: Unit = "month" if span > DAILY_MAX_DAYS else "day"
    scores = (
        rows.assign(bucket=_bucket(rows["date"], unit))
        .groupby("bucket", sort=True)
        .agg(wellbeing=("wellbeing", "mean"), self_worth=("self_worth", "mean"), count=("wellbeing", "size"))
    )
    buckets = [pd.Timestamp(b).date() for b in scores.index]
    x = [_iso(b) for b in buckets]
    if unit == "day":
        words = [f"Check-in on {_day(b)}" for b in buckets]
    else:
        words = [
            f"{_bucket_words(b, unit)}, {count_phrase(int(n), 'check-in')}"
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
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    layout = {
        "xaxis": {"type": "date", "range": _x_range(first, today, unit)},
        "yaxis": {"range": [-3, 103], "tickvals": [0, 25, 50, 75, 100]},
    }

    def moved(column: str) -> str:
        values = scores[column]
        if len(values) == 1:
            return f"{values.iloc[0]:.0f} of 100"
        return f"from {values.iloc[0]:.0f} to {values.iloc[-1]:.0f} of 100 (average {rows[column].mean():.0f})"

    drawn = "" if unit == "day" else ", drawn as monthly averages"
    alt = (
        f"Weekly check-in scores over {span_words}{drawn}: {count_phrase(len(rows), 'check-in')}; "
        f"well-being {moved('wellbeing')}, self-worth {moved('self_worth')}. {note}."
    )
    return Chart(_figure(traces, layout, 320, note=note), alt, empty)


def _zone(worth: int, go_min: int, wait_min: int) -> str:
    return "worth trying" if worth >= go_min else "unclear" if worth >= wait_min else "probably not worth it"


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
        f"Attempt {n} · {_day(d)}<br>"
        + (f"Signs of abuse flagged<br>Worth {w} of 100" if f else f"Worth {w} of 100: {_zone(w, go_min, wait_min)}")
        for n, d, w, f in zip(numbers, taken, worth, flagged, strict=True)
    ]
    traces = [
        go.Scatter(
            x=numbers,
            y=worth,
            mode="lines+markers",
            name="Worth",
            line={"color": PALETTE["blue"], "width": 2},
            marker={"color": PALETTE["blue"], "size": [0 if f else 10 for f in flagged], "line": {"width": 0}},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    ]
    if any(flagged):
        traces.append(
            go.Scatter(
                x=[n for n, f in zip(numbers, flagged, strict=True) if f],
                y=[w for w, f in zip(worth, flagged, strict=True) if f],
                mode="markers",
                name="Signs of abuse flagged",
                marker={"color": PALETTE["vermillion"], "size": 15, "symbol": "x"},
                customdata=[h for h, f in zip(hover, flagged, strict=True) if f],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    lines = (
        (go_min, PALETTE["green"], f"worth trying ({go_min}+)"),
        (wait_min, PALETTE["orange"], f"unclear ({wait_min}+)"),
    )
    layout = {
        "xaxis": {
            "range": [0.5, len(rows) + 0.5],
            "tickvals": numbers if len(rows) <= 12 else None,
            "tickformat": "d",
            "title": {"text": "Attempt", "font": {"size": 12}},
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
    latest = worth[-1]
    latest_words = (
        "flagged signs of abuse" if flagged[-1] else f"{latest}, in the '{_zone(latest, go_min, wait_min)}' zone"
    )
    flags = [str(n) for n, f in zip(numbers, flagged, strict=True) if f]
    flag_words = (
        f" Signs of abuse were flagged in attempt{'s' if len(flags) > 1 else ''} {', '.join(flags)} (marked with an X)."
        if flags
        else ""
    )
    alt = (
        f"Quiz worth score over {count_phrase(len(rows), 'attempt')} ({_short(taken[0])} – {_short(taken[-1])}): "
        f"{', '.join(str(w) for w in worth)}; the latest attempt {latest_words}. Lines mark {wait_min} "
        f"(unclear from here) and {go_min} (worth trying from here).{flag_words}"
    )
    return Chart(_figure(traces, layout, 300, legend=any(flagged)), alt, empty)


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
    x = [_iso(d) for d in dates]
    bars = go.Bar(
        x=x,
        y=moods,
        marker={"color": [MOOD_COLOURS[m] if m is not None else GRID for m in moods]},
        customdata=[
            f"{_day(d)}<br>" + (f"Mood: {MOOD_WORDS[m]} ({m})" if m is not None else "Not logged")
            for d, m in zip(dates, moods, strict=True)
        ],
        hovertemplate="%{customdata}<extra></extra>",
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
    logged = sum(m is not None for m in moods)
    alt = (
        f"Mood over the last {count_phrase(days, 'day')}: {logged} of {days} logged — "
        + ", ".join(
            f"{WEEKDAYS[d.weekday()]} {d.day} {d:%b} " + (f"{MOOD_WORDS[m]} ({m})" if m is not None else "not logged")
            for d, m in zip(dates, moods, strict=True)
        )
        + "."
    )
    return Chart(_figure([bars], layout, 200, legend=False), alt, empty)
