"""What I did: activity-days per life area per week, and mood on days with vs. without each activity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

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
from winback.charts.theme import AREA_COLOURS, GRID, HOVER, PALETTE, Chart, as_text, build_figure, iso_day, wrap_label
from winback.vocab import LIFE_AREAS, MOOD_WORDS
from winback.words import count_phrase

MIN_DAYS_EACH_SIDE = 3


def activities_per_area(
    log: pd.DataFrame,
    start: date | None,
    today: date,
    area_of: Mapping[str, str],
    step_3_areas: Sequence[str] = LIFE_AREAS,
) -> Chart:
    """Activity-days (one activity ticked on one day) per life area per ISO week, stacked.

    Over more than ``DAILY_MAX_DAYS`` the bars are per calendar month. Activities whose area is unknown
    (a deleted custom activity) are left out. An area step 3 does not count (Joy) says so in its legend entry,
    so the chart and the step agree.
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
    first = start if start is not None else first_day(rows)
    span, span_words = span_of(first, today)
    unit: Unit = "week" if span <= DAILY_MAX_DAYS else "month"
    counts = (
        pairs.assign(bucket=bucket_starts(pairs["date"], unit))
        .groupby(["bucket", "area"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(LIFE_AREAS), fill_value=0)
        .sort_index()
    )
    buckets = [pd.Timestamp(b).date() for b in counts.index]
    traces = _area_bars(counts, buckets, unit, step_3_areas)
    figure = build_figure(traces, _areas_layout(first, today, unit), 320)
    numbers = pd.DataFrame(
        {unit.capitalize(): [bucket_label(b, unit) for b in buckets]}
        | {str(t.name): [int(n) for n in t.y] for t in traces}
    )
    return Chart(figure, _areas_alt(counts, buckets, unit, span_words, step_3_areas), empty, numbers)


def area_name(area: str, step_3_areas: Sequence[str]) -> str:
    """The legend's name of an area: "Joy (not in step 3)" for one step 3 does not count."""
    return area if area in step_3_areas else f"{area} (not in step 3)"


def _area_bars(counts: pd.DataFrame, buckets: list[date], unit: Unit, step_3_areas: Sequence[str]) -> list[go.Bar]:
    """One bar trace per life area with any activity-day, in the order of vocab.LIFE_AREAS."""
    x = [iso_day(b) for b in buckets]
    words = [bucket_label(b, unit) for b in buckets]
    traces = []
    for area in LIFE_AREAS:
        column = counts[area]
        if column.sum() == 0:
            continue
        traces.append(
            go.Bar(
                x=x,
                y=column.tolist(),
                name=area_name(area, step_3_areas),
                marker={"color": AREA_COLOURS[area]},
                customdata=[
                    f"{w}<br>{area}: {count_phrase(int(n), 'activity-day')}" for w, n in zip(words, column, strict=True)
                ],
                hovertemplate=HOVER,
            )
        )
    return traces


def _areas_layout(first: date, today: date, unit: Unit) -> dict[str, Any]:
    per = "week" if unit == "week" else "month"
    return {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "bargap": 0.15,
        "xaxis": {"type": "date", "range": x_range(first, today, unit)},
        "yaxis": {"title": {"text": f"Activity-days a {per}", "font": {"size": 12}}, "rangemode": "tozero"},
    }


def _areas_alt(
    counts: pd.DataFrame, buckets: list[date], unit: Unit, span_words: str, step_3_areas: Sequence[str]
) -> str:
    per = "week" if unit == "week" else "month"
    totals = counts.sum()
    per_bucket = counts.sum(axis=1)
    busiest = int(per_bucket.to_numpy().argmax())
    drawn = "ISO week" if unit == "week" else "calendar month (the period is over 400 days)"
    return (
        f"Activities per life area for each {drawn} over {span_words}: "
        f"{count_phrase(int(totals.sum()), 'activity-day')} in {count_phrase(len(counts), per)} — "
        + ", ".join(f"{area} {int(totals[area]):,}" for area in LIFE_AREAS)
        + f". Busiest {per}: {bucket_label(buckets[busiest], unit)} "
        f"with {int(per_bucket.iloc[busiest])}." + _not_counted_words(step_3_areas)
    )


def _not_counted_words(step_3_areas: Sequence[str]) -> str:
    left = [area for area in LIFE_AREAS if area not in step_3_areas]
    if not left:
        return ""
    return f" Step 3 counts {', '.join(step_3_areas)}; {' and '.join(left)} counts toward step 2 instead."


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
    first = start if start is not None else first_day(rows)
    _, span_words = span_of(first, today)
    pairs = (
        rows[["date", "mood", "activities"]]
        .explode("activities")
        .dropna(subset=["activities"])
        .drop_duplicates(["date", "activities"])
    )
    stats = _with_and_without(rows, pairs, names)
    if stats.empty:
        return Chart(None, f"Mood with and without each activity over {span_words}: no activity yet; {rule}.", empty)
    names_shown = _unique_names(stats)
    labels = [as_text(name) for name in names_shown]
    height = max(220, 110 + 34 * len(stats))
    figure = build_figure(
        _gap_traces(stats, labels), _gap_layout(labels, _zoom(stats)), height, note="Association, not cause"
    )
    left_out = int(pairs["activities"].nunique()) - len(stats)
    return Chart(figure, _by_activity_alt(stats, span_words, left_out, rule), empty, _gap_numbers(stats, names_shown))


def _gap_numbers(stats: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """A row per activity, as the figure orders them: the name as the person typed it (a table shows text as it
    is), its days and average mood on each side (one decimal), and the difference."""
    return pd.DataFrame(
        {
            "Activity": names,
            "Average mood with it": [round(float(v), 1) for v in stats["with_mean"]],
            "Days with it": [int(n) for n in stats["size"]],
            "Average mood without it": [round(float(v), 1) for v in stats["without_mean"]],
            "Days without it": [int(n) for n in stats["without"]],
            "Difference": [round(float(v), 1) for v in stats["difference"]],
        }
    )


def _with_and_without(rows: pd.DataFrame, pairs: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Per activity with enough days on each side: days and mean mood with and without it, their difference and
    its name; largest difference first, then by name."""
    logged = len(rows)
    total = float(rows["mood"].sum())
    stats = pairs.groupby("activities")["mood"].agg(["size", "sum"])
    stats = stats.assign(without=logged - stats["size"])
    stats = stats[(stats["size"] >= MIN_DAYS_EACH_SIDE) & (stats["without"] >= MIN_DAYS_EACH_SIDE)]
    stats = stats.assign(
        with_mean=stats["sum"] / stats["size"],
        without_mean=(total - stats["sum"]) / stats["without"],
    )
    stats = stats.assign(difference=stats["with_mean"] - stats["without_mean"])
    stats = stats.assign(label=[str(names.get(str(a), a)) for a in stats.index])
    return stats.sort_values(["difference", "label"], ascending=[False, True], kind="stable")


def _unique_names(stats: pd.DataFrame) -> list[str]:
    """Each activity's name; a name used twice also shows its id."""
    names: list[str] = []
    for ident, name in zip(stats.index, stats["label"], strict=True):
        names.append(name if name not in names else f"{name} ({ident})")
    return names


def _gap_traces(stats: pd.DataFrame, labels: list[str]) -> list[go.Scatter]:
    """A grey line from the mood without to the mood with each activity, and a marker at each end."""
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
    return [
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
            hovertemplate=HOVER,
        ),
        go.Scatter(
            x=stats["with_mean"].tolist(),
            y=labels,
            mode="markers",
            name="Days with it",
            marker={"color": PALETTE["blue"], "size": 11},
            customdata=hover,
            hovertemplate=HOVER,
        ),
    ]


def _zoom(stats: pd.DataFrame) -> tuple[float, float]:
    """The mood range the chart shows: the data and a margin, at least half a mood wide, within 1–5.

    On the whole 1–5 scale most gaps are a few pixels around "good"; zoomed in they can be read.
    """
    low = float(min(stats["with_mean"].min(), stats["without_mean"].min()))
    high = float(max(stats["with_mean"].max(), stats["without_mean"].max()))
    margin = max(0.1, (high - low) * 0.15, (0.5 - (high - low)) / 2)
    return max(0.9, low - margin), min(5.1, high + margin)


def _mood_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """At least three ticks: every quarter mood on a narrow range, every half or whole one on wider ones; whole
    moods carry their word ("4 good")."""
    step = 0.25 if high - low < 1.0 else 0.5 if high - low <= 2.5 else 1.0
    values = [v / 4 for v in range(4, 21) if low <= v / 4 <= high and (v / 4) % step == 0]
    return values, [f"{v:g} {MOOD_WORDS[int(v)]}" if v == int(v) else f"{v:g}" for v in values]


def _gap_layout(labels: list[str], zoom: tuple[float, float]) -> dict[str, Any]:
    tickvals, ticktext = _mood_ticks(*zoom)
    return {
        "xaxis": {
            "range": list(zoom),
            "tickvals": tickvals,
            "ticktext": ticktext,
            "title": {"text": f"Average mood (1 {MOOD_WORDS[1]} – 5 {MOOD_WORDS[5]})", "font": {"size": 12}},
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "showgrid": False,
            "tickvals": labels,
            "ticktext": [wrap_label(label, 22) for label in labels],
        },
    }


def _by_activity_alt(stats: pd.DataFrame, span_words: str, left_out: int, rule: str) -> str:
    return (
        f"Average mood (1 {MOOD_WORDS[1]} to 5 {MOOD_WORDS[5]}) on days with and without each activity over "
        f"{span_words}, largest difference first — an association, not a cause: "
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
