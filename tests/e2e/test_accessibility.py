"""axe-core on every page of winback in Chromium: empty and with a year of sample data, in the light and the dark
theme, at 1280 px and at a phone's 390 px; on Progress every view, on Daily log with its expanders open, and a quiz
result. A critical or serious finding fails the test unless tests/support/axe.py allows it by name; the moderate
and minor ones are printed (``-s``), page by page. ``WINBACK_AXE_REPORT=path.json`` also writes every finding there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.test_quiz_journey import plan_answers, take_quiz
from tests.support import axe
from tests.support.browser import PHONE, drawn, new_page, progress_view, rerun, visit
from tests.support.devserver import Server
from winback import sitemap
from winback.views import CHART_VIEWS

pytestmark = pytest.mark.e2e

LOOKS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {"viewport": PHONE, "color_scheme": "light"},
}
EXPANDERS = ("Weekly check-in (optional)", "Your own activities", "No-contact start date")


@contextmanager
def looking(browser: Browser, name: str) -> Iterator[Page]:
    page = new_page(browser, reduced_motion="reduce", **LOOKS[name])
    try:
        yield page
    finally:
        page.context.close()


def every_page(page: Page, server: Server, where: str, year: bool) -> list[axe.Finding]:
    found: list[axe.Finding] = []
    for spec in sitemap.PAGES:
        visit(page, f"{server.url}/{spec.url_path}")
        drawn(page)
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
                found += axe.audit(page, f"{where}, {spec.title}, {view}")
    return found


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


def test_every_page_empty_then_a_quiz_result(server: Server, browser: Browser) -> None:
    found: list[axe.Finding] = []
    for name in LOOKS:  # every look before the quiz below stores an attempt
        with looking(browser, name) as page:
            found += every_page(page, server, f"empty, {name}", year=False)
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
