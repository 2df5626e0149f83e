"""What every chart shares: alt and empty text, the themed frame, hover text, and untouched input frames; and the
page's colours (config.toml's theme) with the contrast they have."""

from __future__ import annotations

import colorsys
import re
import tomllib

import pandas as pd
import pytest
from streamlit import config

from tests.charts.helpers import STEPS, TODAY, every_builder
from tests.support.devserver import ROOT
from winback import sample
from winback.charts.period import period_start
from winback.charts.steps import step_bars
from winback.charts.theme import LOOKS, TEXT_CONTRAST, contrast_ratio, ink_on, rgb

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_every_builder_has_alt_and_empty_text_and_no_figure_without_data() -> None:
    empty = sample.generate(0, today=TODAY)
    built = every_builder(empty, period_start("90 days", TODAY, None)) | {"step_bars": step_bars([])}
    for name, chart in built.items():
        assert chart.figure is None, name
        assert chart.is_empty, name
        assert chart.alt.strip(), name
        assert chart.empty.strip(), name


def test_every_builder_describes_its_figure_in_words(year: dict[str, pd.DataFrame]) -> None:
    start = period_start("90 days", TODAY, None)
    built = every_builder(year, start) | {"step_bars": step_bars(STEPS)}
    for name, chart in built.items():
        assert chart.figure is not None, name
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
