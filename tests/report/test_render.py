"""Drawing the report's charts: the page kaleido draws in loads nothing from the network, the browser is looked
for where people have one, and no browser means no pictures rather than an error."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

from winback.report import render


@pytest.mark.timeless
def test_the_drawing_page_loads_only_local_scripts_and_no_mathjax() -> None:
    page = render.page_html()
    sources = re.findall(r'src="([^"]+)"', page)
    assert len(sources) == 2 and all(s.startswith("file://") for s in sources), sources
    assert sources[0].endswith("/plotly/package_data/plotly.min.js"), "plotly.py's own plotly.js"
    assert Path(sources[0].removeprefix("file://")).is_file()
    assert "http" not in page.lower() and "mathjax" not in page.lower()


@pytest.mark.timeless
def test_the_browser_named_in_browser_path_wins_and_a_missing_one_means_no_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert render.find_browser() == fake
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "absent"))
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(render, "_FIXED", ())
    assert render.find_browser() is None
    assert render.render_pngs([go.Figure()]) is None
    assert render.render_pngs([]) == []


@pytest.mark.timeless
def test_a_browser_that_fails_to_start_means_no_pictures(tmp_path: Path) -> None:
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    assert render.render_pngs([go.Figure()], browser=fake, timeout=10) is None


@pytest.mark.timeless
def test_figures_go_on_white_paper_with_dark_words_and_the_app_figure_is_left_as_it_was() -> None:
    figure = go.Figure(layout={"paper_bgcolor": "rgba(0,0,0,0)"})
    paper = render.on_paper(figure)
    assert paper.layout.paper_bgcolor == "#ffffff" and paper.layout.font.color == "#141312"
    assert figure.layout.paper_bgcolor == "rgba(0,0,0,0)"
