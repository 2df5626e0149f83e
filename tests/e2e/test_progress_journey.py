"""With a year of sample data, every chart on the Progress page becomes visible in light and dark theme and on
a phone-sized screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import settle
from winback.devserver import ROOT, Server

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "artifacts" / "e2e"
CHARTS = 8


@pytest.mark.parametrize(
    ("scheme", "width", "height"), [("light", 1280, 900), ("dark", 1280, 900), ("light", 390, 844), ("dark", 390, 844)]
)
def test_every_progress_chart_is_visible(
    year_server: Server, browser: Browser, scheme: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{year_server.url}/progress")
    settle(page)
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(CHARTS, timeout=30_000)
    for index in range(CHARTS):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        expect(chart.locator(".main-svg").first).to_be_visible(timeout=20_000)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100, (index, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"chart {index} is wider than the screen"
    assert page.get_by_test_id("stException").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    page.set_viewport_size({"width": width, "height": 5200 if width < 600 else 3800})
    settle(page)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SHOTS / f"progress-{scheme}-{width}.png"))
    context.close()


def test_changing_the_period_redraws_the_charts(year_server: Server, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{year_server.url}/progress")
    settle(page)
    page.locator(".st-key-progress_period").get_by_text("1 year").click()
    settle(page)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(CHARTS)
    assert page.get_by_test_id("stException").count() == 0
    page.close()
