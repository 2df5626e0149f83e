"""When a page cannot be shown, in Chromium: a failing page is the error boundary's calm message (never
Streamlit's exception box, never the error's text), and a data folder that is a file is explained on every
page but Help & safety, which works as always. Each state is screenshot into the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.builders import SAMPLE_END
from tests.support import failing
from tests.support.browser import drawn, rerun, visit
from tests.support.devserver import ROOT, Server, running
from winback import paths, sample
from winback.store import Store
from winback.ui import guard

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def failing_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """winback on a year of sample data, with the five-step model failing (tests/support/failing.py)."""
    data = tmp_path_factory.mktemp("data")
    sample.write_sample(Store(data), days=365, today=SAMPLE_END)
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(ROOT / "app.py", data, log, preload="tests.support.failing") as started:
        yield started


@pytest.fixture(scope="module")
def file_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """winback told to keep its data in a file."""
    blocker = tmp_path_factory.mktemp("data") / "diary.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(ROOT / "app.py", blocker, log) as started:
        yield started


@pytest.mark.parametrize("path", ["", "progress", "reconnect"])
def test_a_failing_page_shows_the_calm_message(failing_server: Server, page: Page, tmp_path: Path, path: str) -> None:
    visit(page, f"{failing_server.url}/{path}")
    expect(page.get_by_role("heading", name=guard.TITLE)).to_be_visible()
    expect(page.get_by_text("Nothing you saved has been lost.")).to_be_visible()
    expect(page.get_by_role("link", name="Help & safety").first).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
    # What the page drew before it failed is hidden, from screen readers too: one level-1 heading, the message's.
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    shown = page.content()
    assert failing.SECRET not in shown and "RuntimeError" not in shown
    drawn(page)
    page.screenshot(path=str(tmp_path / f"page-failed-{path or 'today'}.png"), full_page=True)
    assert "RuntimeError: " + failing.SECRET in failing_server.log.read_text(encoding="utf-8"), "logged in full"


def test_from_the_calm_message_help_and_safety_opens(failing_server: Server, page: Page) -> None:
    visit(page, f"{failing_server.url}/progress")
    expect(page.get_by_role("heading", name=guard.TITLE)).to_be_visible()
    with rerun(page):
        page.get_by_test_id("stMain").get_by_role("link", name="Help & safety").last.click()
    expect(page.get_by_role("heading", name="Help & safety", level=1)).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0


def test_a_data_folder_that_is_a_file_is_explained_and_help_works(
    file_server: Server, page: Page, tmp_path: Path
) -> None:
    trouble = paths.folder_trouble(file_server.data_dir)
    assert trouble is not None
    for path in ("", "daily_log", "data_privacy"):
        visit(page, f"{file_server.url}/{path}")
        expect(page.get_by_role("heading", name="winback can't open your diary")).to_be_visible()
        expect(page.get_by_text(str(file_server.data_dir)).first).to_be_visible()
        assert page.get_by_test_id("stException").count() == 0
    drawn(page)
    page.screenshot(path=str(tmp_path / "folder-is-a-file.png"), full_page=True)
    visit(page, f"{file_server.url}/help_safety")
    expect(page.get_by_role("heading", name="Help & safety", level=1)).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0
    assert file_server.data_dir.read_text(encoding="utf-8") == "not a folder"
