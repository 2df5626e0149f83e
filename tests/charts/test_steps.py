"""The five-step bars."""

from __future__ import annotations

from tests.charts.helpers import STEPS, numbers_of
from winback.charts.steps import step_bars
from winback.charts.theme import PALETTE


def test_step_bars_equal_progress_and_mark_locked_steps() -> None:
    chart = step_bars(STEPS)
    assert chart.figure is not None
    (bars,) = chart.figure.data
    assert list(bars.x) == [s.progress * 100 for s in STEPS]
    assert list(bars.y) == [f"{s.number}. {s.name}" for s in STEPS]
    assert chart.figure.layout.yaxis.autorange == "reversed"
    assert list(bars.text) == ["done", "62 %", "33 %", "locked", "locked"]
    colours = list(bars.marker.color)
    assert colours[0] == PALETTE["green"]
    assert colours[1] == colours[2] == PALETTE["blue"]
    assert colours[3] == colours[4] == PALETTE["grey"]
    assert [shape != "" for shape in bars.marker.pattern.shape] == [False, False, False, True, True]
    assert "Locked: 0 %" in bars.customdata[3]
    assert "Steps 1–3 come first" in bars.customdata[3]
    assert "5. Be kind and meet maturely: 25 % (locked)" in chart.alt


def test_step_numbers_are_the_bars_in_whole_percent() -> None:
    chart = step_bars(STEPS)
    table = numbers_of(chart)
    (bars,) = chart.figure.data  # type: ignore[union-attr]
    assert list(table["Step"]) == list(bars.y)
    assert list(table["Progress (%)"]) == [round(x) for x in bars.x]
    assert list(table["State"]) == [s.state for s in STEPS]
