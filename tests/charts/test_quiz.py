"""Quiz history and the worth dial."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest

from tests.charts.helpers import GO_MIN, WAIT_MIN, numbers_of, trace_named
from winback.charts.quiz import WORTH_COLUMN, quiz_history, worth_gauge
from winback.charts.theme import PALETTE, short_day
from winback.schema import QUIZ_ATTEMPTS, frame_from_columns


def _attempts(worth: list[int], tiers: list[str]) -> pd.DataFrame:
    n = len(worth)
    return frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": [f"a{i}" for i in range(n)],
            "taken_at": [datetime(2026, 1, 1, 20, 0) + timedelta(days=7 * i) for i in range(n)][::-1],
            "quiz_version": ["1"] * n,
            "worth": worth[::-1],
            "tier": tiers[::-1],
            "verdict": ["wait"] * n,
        },
    )


def test_quiz_history_marks_flagged_attempts_and_the_thresholds() -> None:
    chart = quiz_history(_attempts([40, 55, 72, 80], ["none", "danger", "caution", "toxic"]), GO_MIN, WAIT_MIN)
    worth = trace_named(chart, "Worth")
    assert list(worth.x) == [1, 2, 3, 4] and list(worth.y) == [40, 55, 72, 80]
    flagged = trace_named(chart, "Signs of abuse flagged")
    assert list(flagged.x) == [2, 4]
    assert flagged.marker.symbol == "x" and flagged.marker.color == PALETTE["vermillion"]
    assert all("Signs of abuse flagged" in text for text in flagged.customdata)
    assert chart.figure is not None
    assert sorted(shape.y0 for shape in chart.figure.layout.shapes) == [WAIT_MIN, GO_MIN]
    days = [short_day((datetime(2026, 1, 1) + timedelta(days=7 * i)).date()) for i in range(4)]
    assert f"attempts of {days[1]}, {days[3]}" in chart.alt and "40, 55, 72, 80" in chart.alt
    # Each attempt is labelled with its day, not a number.
    assert chart.figure.layout.xaxis.tickvals == (1, 2, 3, 4)
    assert [t.replace("\u00a0", " ") for t in chart.figure.layout.xaxis.ticktext] == days
    assert "latest attempt flagged signs of abuse" in chart.alt


def test_quiz_history_without_flags_has_no_flag_trace() -> None:
    chart = quiz_history(_attempts([50, 71], ["none", "caution"]), GO_MIN, WAIT_MIN)
    assert chart.figure is not None
    assert [t.name for t in chart.figure.data] == ["Worth"]
    assert "'worth trying' zone" in chart.alt


@pytest.mark.parametrize(
    ("worth", "zone"),
    [
        (0, "probably not worth it"),
        (44, "probably not worth it"),
        (45, "unclear"),
        (69, "unclear"),
        (70, "worth trying"),
    ],
)
def test_worth_gauge_names_the_zone_of_the_score(worth: int, zone: str) -> None:
    chart = worth_gauge(worth, GO_MIN, WAIT_MIN)
    assert chart.figure is not None
    (dial,) = chart.figure.data
    assert dial.value == worth
    assert list(dial.gauge.axis.tickvals) == [0, WAIT_MIN, GO_MIN, 100]
    assert f"Worth score {worth} out of 100, in the '{zone}' zone" in chart.alt
    assert f"{WAIT_MIN}–{GO_MIN - 1}: unclear" in chart.alt
    assert chart.figure.layout.paper_bgcolor == "rgba(0,0,0,0)"


def test_worth_gauge_without_a_score_is_empty() -> None:
    chart = worth_gauge(None, GO_MIN, WAIT_MIN)
    assert chart.is_empty
    assert chart.alt.strip() and chart.empty.strip()


def test_quiz_history_labels_at_most_twelve_days_ending_on_the_latest() -> None:
    count = 30
    chart = quiz_history(_attempts(list(range(count)), ["none"] * count), GO_MIN, WAIT_MIN)
    assert chart.figure is not None
    ticks = chart.figure.layout.xaxis.tickvals
    assert len(ticks) <= 12 and ticks[-1] == count
    assert len(chart.figure.layout.xaxis.ticktext) == len(ticks)


def test_quiz_numbers_are_each_attempt_with_its_flag() -> None:
    chart = quiz_history(_attempts([40, 55, 72], ["none", "danger", "caution"]), GO_MIN, WAIT_MIN)
    table = numbers_of(chart)
    worth = trace_named(chart, "Worth")
    assert list(table["Attempt"]) == list(worth.x) and list(table[WORTH_COLUMN]) == list(worth.y)
    assert list(table["Signs of abuse flagged"]) == ["no", "yes", "no"]
    assert list(table["Day"]) == [short_day((datetime(2026, 1, 1) + timedelta(days=7 * i)).date()) for i in range(3)]


def test_the_worth_dial_in_numbers_is_its_score_and_zone() -> None:
    chart = worth_gauge(62, GO_MIN, WAIT_MIN)
    (dial,) = chart.figure.data  # type: ignore[union-attr]
    assert numbers_of(chart).to_dict("records") == [{WORTH_COLUMN: dial.value, "Zone": "unclear"}]
