"""With a year of sample data, the Progress page opens on the five steps and why they stand where they do, then
shows one view of charts at a time; every view's charts become visible in light and dark theme and on a
phone-sized screen, the period redraws them, and the step goals open and save."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import drawn, new_page, progress_view, rerun, visit
from tests.support.devserver import ROOT, Server
from winback.ui import state

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "artifacts" / "e2e"
# Each view's charts, after the five-step bars that head the page.
VIEWS = {"Mood": 1, "Year in pixels": 2, "What I did": 2, "Check-ins": 1, "Quiz": 1}


def open_view(page: Page, view: str) -> None:
    with rerun(page):
        progress_view(page, view).click()


def check_charts(page: Page, count: int, width: int) -> None:
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(1 + count, timeout=30_000)
    for index in range(1 + count):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        expect(chart.locator(".main-svg").first).to_be_visible(timeout=20_000)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100, (index, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"chart {index} is wider than the screen"


@pytest.mark.parametrize(
    ("scheme", "width", "height"), [("light", 1280, 900), ("dark", 1280, 900), ("light", 390, 844), ("dark", 390, 844)]
)
def test_every_progress_view_is_visible(
    year_server: Server, browser: Browser, scheme: str, width: int, height: int
) -> None:
    page = new_page(browser, viewport={"width": width, "height": height}, color_scheme=scheme)
    visit(page, f"{year_server.url}/progress")
    expect(progress_view(page, "Why")).to_have_attribute("aria-checked", "true")
    check_charts(page, 0, width)
    expect(page.get_by_text("1. No contact ·")).to_be_visible()
    for view, count in VIEWS.items():
        open_view(page, view)
        expect(progress_view(page, view)).to_have_attribute("aria-checked", "true")
        check_charts(page, count, width)
        assert page.get_by_test_id("stException").count() == 0, view
    SHOTS.mkdir(parents=True, exist_ok=True)
    open_view(page, "Mood")
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    page.set_viewport_size({"width": width, "height": 2600 if width < 600 else 1900})
    check_charts(page, VIEWS["Mood"], width)
    page.screenshot(path=str(SHOTS / f"progress-{scheme}-{width}.png"))
    page.context.close()


def test_changing_the_period_redraws_the_open_view(year_server: Server, browser: Browser) -> None:
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    visit(page, f"{year_server.url}/progress")
    open_view(page, "What I did")
    before = page.get_by_test_id("stPlotlyChart").nth(1).locator(".main-svg").first.inner_html()
    with rerun(page):
        page.locator(f".st-key-{state.progress_period('What I did')}").get_by_text("1 year").click()
    expect(progress_view(page, "What I did")).to_have_attribute("aria-checked", "true")
    check_charts(page, VIEWS["What I did"], 1280)
    after = page.get_by_test_id("stPlotlyChart").nth(1).locator(".main-svg").first.inner_html()
    assert after != before, "the weekly bars should cover a year now"
    assert page.get_by_test_id("stException").count() == 0
    page.context.close()


def test_step_goals_open_and_save(year_server: Server, browser: Browser) -> None:
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    visit(page, f"{year_server.url}/progress")
    drawn(page)  # the expander answers a click once the page around it is drawn
    expect(page.locator(".st-key-t_positive_mood")).to_have_count(0)
    with rerun(page):
        page.get_by_text("Step goals (your settings)").click()
    form = page.get_by_test_id("stForm")
    expect(form).to_be_visible()
    with rerun(page):
        form.get_by_role("button", name="Save goals").click()
    expect(page.get_by_test_id("stAlert").filter(has_text="saved")).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
    page.context.close()
