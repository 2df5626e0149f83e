"""What every chart shares: alt and empty text, the themed frame, hover text, and untouched input frames."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.charts.helpers import STEPS, TODAY, every_builder
from winback import sample
from winback.charts.period import period_start
from winback.charts.steps import step_bars


def test_every_builder_has_alt_and_empty_text_and_no_figure_without_data() -> None:
    empty = sample.generate(0, today=TODAY)
    built = every_builder(empty, period_start("90 days", TODAY, None)) | {"step_bars": step_bars([])}
    for name, chart in built.items():
        assert chart.figure is None and chart.numbers is None, name
        assert chart.is_empty, name
        assert chart.alt.strip(), name
        assert chart.empty.strip(), name


def test_every_builder_describes_its_figure_in_words(year: dict[str, pd.DataFrame]) -> None:
    start = period_start("90 days", TODAY, None)
    built = every_builder(year, start) | {"step_bars": step_bars(STEPS)}
    for name, chart in built.items():
        assert chart.figure is not None, name
        assert chart.numbers is not None and len(chart.numbers), f"{name}: its numbers, for a screen reader"
        assert chart.alt.strip() and chart.empty.strip(), name
        assert any(ch.isdigit() for ch in chart.alt), name
        layout = chart.figure.layout
        assert layout.height is not None, name
        assert layout.paper_bgcolor == "rgba(0,0,0,0)" and layout.plot_bgcolor == "rgba(0,0,0,0)", name
        assert layout.font.color is None, name
        assert layout.legend.orientation == "h", name
        assert layout.dragmode is False and layout.xaxis.fixedrange and layout.yaxis.fixedrange, name
        for trace in chart.figure.data:
            if trace.hoverinfo != "skip" and trace.x != (None,):
                assert trace.hovertemplate == "%{customdata}<extra></extra>", name
                assert all(isinstance(text, str) and text for text in trace.customdata), name


@pytest.mark.parametrize("period", ["30 days", "All"])
def test_builders_leave_their_input_frames_as_they_were(decade: dict[str, pd.DataFrame], period: str) -> None:
    before = {name: frame.copy(deep=True) for name, frame in decade.items()}
    first = decade["daily_log"]["date"].min().date()
    every_builder(decade, period_start(period, TODAY, first))
    for name, frame in decade.items():
        pd.testing.assert_frame_equal(frame, before[name])
