"""Sample mode on a phone (390 px, the sidebar folded away): the page itself says that it shows sample data, a
reload keeps showing the sample, and its exports and PDF report are named (and the report marked) so that they
cannot be taken for the person's own."""

from __future__ import annotations

import io
import zipfile

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from tests.support.browser import RUN_TIMEOUT_S, new_page, rerun, visit
from tests.support.devserver import Server
from winback import sitemap
from winback.report.sections import SAMPLE_MARK
from winback.ui import report_form

pytestmark = pytest.mark.e2e

NOTICE = "You are exploring sample data. Your own diary is untouched."
SWITCH = "Show a year of made-up history instead of my own"


def reload(page: Page) -> None:
    """Reload the tab (a new session for Streamlit) and wait until its first run has finished."""
    with rerun(page), page.expect_websocket(lambda socket: "/_stcore/stream" in socket.url):
        page.reload()


def in_page_notice(page: Page) -> None:
    """The notice is in the page itself, on screen, and not left in the folded sidebar."""
    notice = page.get_by_test_id("stMain").locator(".st-key-sample_notice")
    expect(notice.get_by_text(NOTICE)).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text(NOTICE)).to_have_count(0)


def test_on_a_phone_sample_mode_is_said_in_the_page_lasts_across_a_reload_and_names_its_export(
    server: Server, browser: Browser
) -> None:
    phone = new_page(browser, viewport={"width": 390, "height": 844}, accept_downloads=True)
    visit(phone, f"{server.url}/{sitemap.DATA_PRIVACY.url_path}")
    expect(phone.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    expect(phone.get_by_text(NOTICE)).to_have_count(0)
    with rerun(phone):
        phone.locator(".st-key-sample_toggle").get_by_text(SWITCH).click()
    in_page_notice(phone)
    expect(phone.get_by_text("stays on until you switch it off here, also after a reload")).to_be_visible()

    visit(phone, f"{server.url}/{sitemap.TODAY.url_path}")
    in_page_notice(phone)
    expect(phone.locator(".st-key-sample_notice")).to_be_in_viewport()
    expect(phone.get_by_text("Your last 7 days")).to_be_visible()  # only a diary with days logged shows it

    reload(phone)
    in_page_notice(phone)
    expect(phone.get_by_text("Your last 7 days")).to_be_visible()

    with rerun(phone):
        phone.get_by_test_id("stMain").get_by_role("link", name="Log today").click()
    expect(phone.get_by_role("heading", level=1).first).to_have_text(sitemap.DAILY_LOG.title)
    in_page_notice(phone)

    with rerun(phone):
        phone.locator(".st-key-sample_notice").get_by_role("link", name="Switch it off in Data & privacy").click()
    expect(phone.get_by_role("heading", level=1).first).to_have_text(sitemap.DATA_PRIVACY.title)
    in_page_notice(phone)
    expect(phone.locator(".st-key-sample_toggle").locator("input")).to_be_checked()
    # The zip is made when the button is pressed, then downloaded; the press starts no run of the page.
    with phone.expect_download(timeout=RUN_TIMEOUT_S * 1000) as zipped:
        phone.get_by_role("button", name="Everything (zip)").click()
    assert zipped.value.suggested_filename.startswith("winback-sample-"), zipped.value.suggested_filename
    assert zipped.value.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(zipped.value.path().read_bytes())) as archive:
        assert archive.read("daily_log.csv").count(b"\n") > 300, "the sample year, not the empty own diary"
    with phone.expect_download(timeout=RUN_TIMEOUT_S * 1000) as table:
        phone.get_by_role("button", name="Daily log for spreadsheets (CSV)").click()
    assert table.value.suggested_filename.startswith("winback-sample-daily-log-"), table.value.suggested_filename
    # The PDF report too: built when pressed (its charts drawn by this computer's Chromium), marked as sample data.
    with phone.expect_download(timeout=RUN_TIMEOUT_S * 1000) as report:
        phone.get_by_role("button", name=report_form.MAKE_LABEL).click()
    assert report.value.suggested_filename == "winback-sample-report-90-days.pdf"
    pdf = report.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert all(SAMPLE_MARK.upper() in text for text in pages), "the sample mark on every page"
    phone.context.close()
