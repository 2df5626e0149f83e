"""A folder winback may not write in, in Chromium: every write a person makes says why in words (never
Streamlit's exception box), nothing in the folder changes, sample mode falls back to the person's own diary,
and every page, Help & safety first, keeps working. The folder is made read-only by a read-only bind mount
over itself, which stops root too (mounting needs root, which CI has)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.builders import SAMPLE_END
from tests.support.browser import rerun, visit
from tests.support.devserver import ROOT, Server, running
from winback import sample, sitemap
from winback.store import Store

pytestmark = pytest.mark.e2e

READ_ONLY = "the folder is read-only"


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def read_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path, dict[str, bytes]]]:
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root; CI runs as root, so this case runs there")
    data = tmp_path_factory.mktemp("data")
    sample.write_sample(Store(data), days=90, today=SAMPLE_END)
    subprocess.run(["mount", "--bind", str(data), str(data)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(data)], check=True)
        before = files(data)
        log = tmp_path_factory.mktemp("logs") / "streamlit.log"
        with running(ROOT / "app.py", data, log) as server:
            yield server, data, before
    finally:
        subprocess.run(["umount", str(data)], check=True)


def no_exception(page: Page) -> None:
    assert page.get_by_test_id("stException").count() == 0


def test_saving_a_day_says_the_folder_is_read_only(
    read_only: tuple[Server, Path, dict[str, bytes]], page: Page
) -> None:
    server, data, before = read_only
    visit(page, f"{server.url}/{sitemap.DAILY_LOG.url_path}")
    with rerun(page):
        page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("stAlert").filter(has_text=READ_ONLY).first).to_be_visible()
    no_exception(page)
    assert files(data) == before


def test_delete_everything_says_why_and_deletes_nothing(
    read_only: tuple[Server, Path, dict[str, bytes]], page: Page
) -> None:
    server, data, before = read_only
    visit(page, f"{server.url}/{sitemap.DATA_PRIVACY.url_path}")
    page.locator(".st-key-delete_confirm input").fill("delete everything")
    with rerun(page):
        page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_test_id("stAlert").filter(has_text=READ_ONLY).first).to_be_visible()
    assert ".import" not in " ".join(page.get_by_test_id("stAlert").all_inner_texts()), "no lock file named"
    no_exception(page)
    assert files(data) == before


def test_sample_mode_that_cannot_be_made_falls_back_and_no_page_stays_broken(
    read_only: tuple[Server, Path, dict[str, bytes]], page: Page
) -> None:
    server, data, before = read_only
    visit(page, f"{server.url}/{sitemap.DATA_PRIVACY.url_path}")
    with rerun(page):
        page.locator(".st-key-sample_toggle").get_by_text("Show a year of made-up history instead of my own").click()
    expect(page.get_by_text("Could not turn on sample data").first).to_be_visible()
    no_exception(page)
    for spec in (sitemap.HELP_SAFETY, *sitemap.PAGES):
        visit(page, f"{server.url}/{spec.url_path}")
        expect(page.get_by_role("heading", name=spec.title, exact=True).first).to_be_visible()
        no_exception(page)
    assert files(data) == before
