"""axe-core on every page of winback in Chromium: empty and with a year of sample data, in the light and the dark
theme, at 1280 px and at a phone's 390 px; on Progress every view (and one with its charts' numbers open), on Daily
log with its expanders open, and a quiz result. A critical or serious finding fails the test unless
tests/support/axe.py allows it by name; the moderate and minor ones are printed (``-s``), page by page.
``WINBACK_AXE_REPORT=path.json`` also writes every finding there.

On the same pages, what axe does not judge: the headings go h1, then h2… without skipping a level and hold no link
(no "Link to heading" stop for the Tab key), the tab's title names the page, a screen reader is told which page
opened (also when moving between pages without a new document), and every chart has a name and its numbers. And,
in both themes, the focus ring around each control reached with Tab.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_quiz_journey import plan_answers, take_quiz
from tests.support import axe
from tests.support.browser import PHONE, drawn, new_page, progress_view, rerun, visit
from tests.support.devserver import Server
from winback import disguise, sitemap
from winback.ui import frame, widgets
from winback.views import CHART_VIEWS

pytestmark = [pytest.mark.e2e, pytest.mark.sidelane]

LOOKS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {"viewport": PHONE, "color_scheme": "light"},
}
EXPANDERS = ("Weekly check-in (optional)", "Your own activities", "No-contact start date")
NUMBERS_VIEW = "What I did"  # two charts, one of them naming activities


@contextmanager
def looking(browser: Browser, name: str) -> Iterator[Page]:
    page = new_page(browser, reduced_motion="reduce", **LOOKS[name])
    try:
        yield page
    finally:
        page.context.close()


# The level of every heading in the document's order, and what can be focused or followed inside one.
_HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
  level: Number(h.tagName[1]),
  text: h.textContent,
  inside: [...h.querySelectorAll('a, button, [tabindex]')].map((e) => e.outerHTML.slice(0, 120)),
}))"""
# Every chart's accessible name (its alt text), and whether its "Show the numbers" (keyed after the chart) holds a
# table.
_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map((chart) => {
  const key = [...chart.closest('.stElementContainer').classList].find((c) => c.startsWith('st-key-chart_'));
  const numbers = document.querySelector('.' + key.replace('st-key-chart_', 'st-key-chart_numbers_'));
  return {
    name: chart.getAttribute('aria-label') || '',
    role: chart.getAttribute('role') || '',
    numbers: Boolean(numbers && numbers.querySelector('[data-testid="stDataFrame"]')),
  };
})"""


def structure(page: Page, where: str) -> None:
    """Headings in order and without links, and each chart named and with its numbers beside it."""
    headings = page.evaluate(_HEADINGS)
    levels = [h["level"] for h in headings]
    assert levels[:1] == [1] and levels.count(1) == 1, f"{where}: one h1 first: {headings}"
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert skips == [], f"{where}: a heading level skipped: {headings}"
    assert [h for h in headings if h["inside"]] == [], f"{where}: a link or button inside a heading"
    for chart in page.evaluate(_CHARTS):
        assert chart["role"] == "figure" and chart["name"].strip(), f"{where}: a chart without its alt text"
        assert chart["numbers"], f"{where}: no numbers under the chart {chart['name'][:60]!r}"


def opened(page: Page, spec: sitemap.PageSpec) -> None:
    """The tab names the page, and the status line tells a screen reader which page opened."""
    expect(page).to_have_title(disguise.tab_title(False, spec.title))
    status = page.locator(".winback-page-opened")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(frame.PAGE_OPENED.format(title=spec.title))
    assert status.evaluate("(line) => Boolean(line.closest('main'))"), "the status line is inside the main landmark"


def every_page(page: Page, server: Server, where: str, year: bool) -> list[axe.Finding]:
    found: list[axe.Finding] = []
    for spec in sitemap.PAGES:
        visit(page, f"{server.url}/{spec.url_path}")
        drawn(page)
        opened(page, spec)
        structure(page, f"{where}, {spec.title}")
        found += axe.audit(page, f"{where}, {spec.title}")
        if spec is sitemap.DAILY_LOG:
            for title in EXPANDERS:
                page.get_by_test_id("stExpander").get_by_text(title, exact=True).click()
            drawn(page)
            found += axe.audit(page, f"{where}, {spec.title} (expanders open)")
        if spec is sitemap.PROGRESS and year:
            for view in CHART_VIEWS:
                with rerun(page):
                    progress_view(page, view).click()
                drawn(page)
                structure(page, f"{where}, {spec.title}, {view}")
                found += axe.audit(page, f"{where}, {spec.title}, {view}")
            found += numbers_open(page, f"{where}, {spec.title}, {NUMBERS_VIEW}")
    return found


def numbers_open(page: Page, where: str) -> list[axe.Finding]:
    """One view with every chart's "Show the numbers" open (each view's tables are the same kind of element)."""
    with rerun(page):
        progress_view(page, NUMBERS_VIEW).click()
    for numbers in page.get_by_test_id("stExpander").filter(has_text=widgets.NUMBERS_LABEL).all():
        numbers.get_by_text(widgets.NUMBERS_LABEL, exact=True).click()
    drawn(page)
    return axe.audit(page, f"{where} (numbers open)")


def between_pages(page: Page) -> None:
    """Moving between pages by the sidebar (no new document): the tab and the status line follow the page."""
    for spec in (sitemap.DAILY_LOG, sitemap.TODAY):
        with rerun(page):
            page.get_by_test_id("stSidebarNav").get_by_role("link", name=spec.title, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(spec.title)
        opened(page, spec)


def judge(found: list[axe.Finding], name: str) -> None:
    report = os.environ.get("WINBACK_AXE_REPORT")
    if report:
        path = Path(report)
        kept = json.loads(path.read_text()) if path.exists() else {}
        kept[name] = [f.__dict__ for f in found]
        path.write_text(json.dumps(kept, indent=1))
    for finding in found:
        if finding.impact not in axe.BLOCKING:
            print(finding.words())
    blocking = [f.words() for f in found if f.impact in axe.BLOCKING and f.allowed is None]
    assert blocking == [], f"{len(blocking)} serious or critical:\n" + "\n".join(blocking)
    # The moderate and minor ones left are Streamlit's (its "Skip to main content" link outside a landmark, the
    # file uploader's dropzone role): none may come from winback's own markup, whose classes start with "winback-".
    ours = [f.words() for f in found if "winback-" in f.target or "winback-" in f.html]
    assert ours == [], "\n".join(ours)


def test_every_page_empty_then_a_quiz_result(server: Server, browser: Browser) -> None:
    found: list[axe.Finding] = []
    for name in LOOKS:  # every look before the quiz below stores an attempt
        with looking(browser, name) as page:
            found += every_page(page, server, f"empty, {name}", year=False)
            if name == "light":
                between_pages(page)
    for name in LOOKS:  # the result that keeps the way back closed, with its help lines
        with looking(browser, name) as page:
            take_quiz(page, server, plan_answers("danger"))
            drawn(page)
            found += axe.audit(page, f"empty, {name}, quiz result")
    judge(found, "empty")


@pytest.mark.parametrize("name", tuple(LOOKS))
def test_every_page_with_a_year(year_server: Server, browser: Browser, name: str) -> None:
    with looking(browser, name) as page:
        judge(every_page(page, year_server, f"a year, {name}", year=True), f"year-{name}")


# Pages whose controls, together, are every kind winback draws: the sidebar's links, a page link, the header's
# buttons and heading links, the quick exit (Today); a date field, slider, radio, multiselect, text area, buttons,
# expanders, a segmented control and a table (Daily log).
RING_PAGES = (sitemap.TODAY, sitemap.DAILY_LOG)
RING_KINDS = ("a", "button", "button radio", "summary", "input radio", "input range", "input combobox", "textarea")


def rings_on(page: Page, url: str) -> list[axe.Ring]:
    """The focus ring of each control Tab reaches on the page, from the top, once each."""
    visit(page, url)
    drawn(page)
    rings: dict[str, axe.Ring] = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        ring = axe.focus_ring(page)
        if ring.kind == "body":
            break
        if ring.kind != "main":
            rings.setdefault(f"{ring.kind} {ring.name}", ring)
    return list(rings.values())


def test_every_control_shows_a_focus_ring_in_both_themes(year_server: Server, browser: Browser) -> None:
    for name in ("light", "dark"):
        with looking(browser, name) as page:
            rings = [ring for spec in RING_PAGES for ring in rings_on(page, f"{year_server.url}/{spec.url_path}")]
            weak = [ring.words() for ring in rings if ring.weak]
            assert weak == [], f"{name}: focus rings missing or under 3:1:\n" + "\n".join(weak)
            kinds = {ring.kind for ring in rings}
            assert set(RING_KINDS) <= kinds, (name, sorted(kinds))
            # The current page's entry in the sidebar is a shaded row: without focus, no ring; with it, a ring that
            # is not the shade.
            current = page.get_by_test_id("stSidebarNav").locator('a[aria-current="page"]')
            page.evaluate("() => document.activeElement.blur()")
            shade = current.evaluate("(a) => [getComputedStyle(a).outlineStyle, getComputedStyle(a).backgroundColor]")
            current.focus()
            ring = axe.focus_ring(page)
            assert shade[0] == "none" and ring.colour != shade[1], (shade, ring.words())
            # Asked for reduced motion (as every page here is): the sidebar does not slide.
            sliding = page.get_by_test_id("stSidebar").evaluate("(s) => getComputedStyle(s).transitionDuration")
            assert all(float(d.rstrip("ms")) < 0.001 for d in sliding.split(",")), sliding
