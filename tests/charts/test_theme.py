"""What every chart shares: alt and empty text, the themed frame, hover text, untouched input frames, words that
read on what they are drawn on in both themes, no animation, and a palette that colour blindness keeps apart."""

from __future__ import annotations

import colorsys
import itertools
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from colorspacious import cspace_convert
from streamlit import config

from tests.charts.helpers import GO_MIN, STEPS, TODAY, WAIT_MIN, every_builder
from tests.support.devserver import ROOT
from winback import sample
from winback.charts.period import period_start
from winback.charts.quiz import worth_gauge
from winback.charts.steps import step_bars
from winback.charts.theme import (
    AREA_COLOURS,
    CONTACT_COLOURS,
    LOOKS,
    MOOD_COLOURS,
    PALETTE,
    TEXT_CONTRAST,
    Chart,
    contrast_ratio,
    ink_on,
    rgb,
)

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


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


# The words of every chart, on what they are drawn on. A chart's background is transparent: words beside the plot
# are on the page (both themes' LOOKS); words inside a bar are on that bar's colour.
def _builders(year: dict[str, pd.DataFrame]) -> dict[str, Chart]:
    built = every_builder(year, period_start("90 days", TODAY, None))
    return built | {"step_bars": step_bars(STEPS), "worth_gauge": worth_gauge(73, GO_MIN, WAIT_MIN)}


def _fonts(spec: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every font a figure's spec gives (``font``, ``tickfont``, ``insidetextfont``…), with where it is."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key.endswith("font") and isinstance(value, dict):
                yield f"{path}.{key}", value
            yield from _fonts(value, f"{path}.{key}")
    elif isinstance(spec, list):
        for n, value in enumerate(spec):
            yield from _fonts(value, f"{path}[{n}]")


def _each(value: Any, count: int) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value] * count


def _words_on_grounds(figure: go.Figure) -> Iterator[tuple[str, str, str]]:
    """(where, colour of the words, colour under them) for every colour a builder chose for words."""
    spec = figure.to_plotly_json()
    for n, trace in enumerate(spec["data"]):
        for where, font in _fonts(trace, f"data[{n}]"):
            if font.get("color") is None:
                continue
            if where.endswith(".insidetextfont"):
                count = len(trace["x"])
                fills = _each(trace["marker"]["color"], count)
                yield from ((where, ink, fill) for ink, fill in zip(_each(font["color"], count), fills, strict=True))
            else:
                yield from ((where, ink, look.background) for ink in _each(font["color"], 1) for look in LOOKS.values())
    for where, font in _fonts(spec["layout"], "layout"):
        if font.get("color") is not None and ".template" not in where:
            yield from ((where, font["color"], look.background) for look in LOOKS.values())


def test_contrast_ratio_follows_wcag_on_known_pairs() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio("#2F6F8F", "#2F6F8F") == pytest.approx(1)
    # #767676 is the lightest grey that reads on white (4.54:1); #777777 is just under.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < TEXT_CONTRAST
    # Streamlit's caption: its text colour at 60 % on white.
    assert contrast_ratio("rgba(47, 45, 43, 0.6)", "#ffffff") == pytest.approx(3.88, abs=0.01)
    assert ink_on("#009E73") == "#000000" and ink_on("#0072B2") == "#FFFFFF"


def test_looks_are_the_theme_of_config_toml() -> None:
    """LOOKS say what .streamlit/config.toml and Streamlit's own defaults (from its option help) make the page."""
    theme = CONFIG["theme"]
    for name, look in LOOKS.items():
        for option, value in (("backgroundColor", look.background), ("textColor", look.text)):
            found = re.search(r"Defaults to (#\w+) for the light theme and (#\w+) for the dark theme", _help(option))
            assert found is not None, option
            default = found.group(1) if name == "light" else found.group(2)
            assert theme[name].get(option, default).lower() == value.lower(), (name, option)


def _help(option: str) -> str:
    return " ".join(str(config._config_options_template[f"theme.{option}"].description).split())


def _darker(colour: str, by: float) -> str:
    """Streamlit's darken(): the colour's HSL lightness less ``by`` (its primary buttons under a pointer or focus)."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*rgb(colour))
    red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, lightness - by), saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def test_the_themes_words_meet_wcag_aa() -> None:
    """The colours Streamlit builds from config.toml's theme, as it builds them, and frame.py's rules on top."""
    light, dark = CONFIG["theme"]["light"], CONFIG["theme"]["dark"]
    page, text = LOOKS["light"].background, LOOKS["light"].text
    primary = light["primaryColor"]
    # Captions: the text colour at 60 % opacity.
    caption = "rgba({}, {}, {}, 0.6)".format(*(round(c * 255) for c in rgb(text)))
    assert contrast_ratio(caption, page) >= TEXT_CONTRAST
    assert contrast_ratio(text, page) >= TEXT_CONTRAST
    # Primary buttons and chips: white words on the primary colour, and on it darkened by 15 % (hover, focus).
    for fill in (primary, _darker(primary, 0.15)):
        assert contrast_ratio("#ffffff", fill) >= TEXT_CONTRAST, fill
    # The selected view of a segmented control: primary words on the primary colour at 10 % (20 % when focused).
    for tint in (0.1, 0.2):
        under = "rgba({}, {}, {}, {})".format(*(round(c * 255) for c in rgb(primary)), tint)
        assert contrast_ratio(primary, _over(under, page)) >= TEXT_CONTRAST, tint
    page, text = LOOKS["dark"].background, LOOKS["dark"].text
    primary = dark["primaryColor"]
    assert contrast_ratio("rgba({}, {}, {}, 0.6)".format(*(round(c * 255) for c in rgb(text))), page) >= TEXT_CONTRAST
    assert contrast_ratio(primary, page) >= TEXT_CONTRAST
    # White is too little on the light blue: frame.py gives those words the dark page's colour.
    assert contrast_ratio("#ffffff", primary) < TEXT_CONTRAST
    for fill in (primary, _darker(primary, 0.15)):
        assert contrast_ratio(page, fill) >= TEXT_CONTRAST, fill
    for tint in (0.1, 0.2):
        under = "rgba({}, {}, {}, {})".format(*(round(c * 255) for c in rgb(primary)), tint)
        assert contrast_ratio(primary, _over(under, page)) >= TEXT_CONTRAST, tint


def _over(colour: str, background: str) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb(colour, on=background))


def test_every_builders_words_read_on_what_they_are_drawn_on(year: dict[str, pd.DataFrame]) -> None:
    # Words with no colour of their own take the page's text colour (frame.py's style).
    for look in LOOKS.values():
        assert contrast_ratio(look.text, look.background) >= TEXT_CONTRAST
    for name, chart in _builders(year).items():
        assert chart.figure is not None, name
        for trace in chart.figure.data:
            inside = "inside" in _each(getattr(trace, "textposition", None), 1)
            if trace.type == "bar" and trace.text is not None and inside:
                assert trace.insidetextfont.color is not None, f"{name}: words inside a bar need their own colour"
            assert getattr(trace, "hoverlabel", None) is None or trace.hoverlabel.bgcolor is None, name
        assert chart.figure.layout.hoverlabel.bgcolor is None, f"{name}: hover is drawn on the page's colour"
        for where, ink, ground in _words_on_grounds(chart.figure):
            ratio = contrast_ratio(ink, ground)
            assert ratio >= TEXT_CONTRAST, f"{name} {where}: {ink} on {ground} is {ratio:.2f}:1"


def test_no_chart_animates(year: dict[str, pd.DataFrame]) -> None:
    """Plotly moves a chart to its new data when its layout asks for a transition: never, for reduced motion."""
    for name, chart in _builders(year).items():
        assert chart.figure is not None, name
        assert chart.figure.layout.transition.duration == 0, name


# Colour blindness, simulated at full strength (dichromacy) in CAM02-UCS, where a distance of about 1 is the smallest
# difference one can see between two large patches side by side. Chart marks are small (a line, a legend swatch),
# so the palette's hues must stay far apart: at least MIN_APART. The closest pairs are blue–purple (14.0) under
# protanopia and green–purple (14.8) and orange–vermillion (15.2) under deuteranopia. The grey is no hue of its own:
# it is the palette's neutral ("meh" between warm and cool moods, a locked step, which is hatched too, no contact),
# and close to purple (6.5) and green (9.8) under deuteranopia.
MIN_APART = 12.0
HUES = {name: colour for name, colour in PALETTE.items() if name != "grey"}


def _apart(colours: dict[Any, str], cvd: str, on: str) -> list[tuple[float, Any, Any]]:
    seen = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
    where = {
        key: cspace_convert(np.clip(cspace_convert(rgb(colour, on), seen, "sRGB1"), 0, 1), "sRGB1", "CAM02-UCS")
        for key, colour in colours.items()
    }
    return sorted((float(np.linalg.norm(where[a] - where[b])), a, b) for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("cvd", ["deuteranomaly", "protanomaly"])
def test_the_palettes_hues_stay_apart_under_colour_blindness(cvd: str) -> None:
    closest = _apart(HUES, cvd, "#ffffff")[0]
    assert closest[0] >= MIN_APART, closest


@pytest.mark.parametrize("cvd", ["deuteranomaly", "protanomaly"])
@pytest.mark.parametrize("look", ["light", "dark"])
def test_colours_drawn_in_one_chart_stay_apart_under_colour_blindness(cvd: str, look: str) -> None:
    """Moods (the grey is the middle of a warm-to-cool scale there), contact kinds (the see-through grey on each
    page) and life areas."""
    for colours in (MOOD_COLOURS, CONTACT_COLOURS, AREA_COLOURS):
        closest = _apart(dict(colours), cvd, LOOKS[look].background)[0]
        assert closest[0] >= MIN_APART, closest
