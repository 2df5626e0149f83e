"""The disguise in Chromium: the tab's title and icon are neutral on every page, from the first title the tab shows,
while it is on, and winback's again once it is off (naming the page: "Today · winback"); and an export downloads
under a neutral name (protected with a password, it opens only with that password)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import pyzipper
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import RUN_TIMEOUT_S, new_page, rerun, visit
from tests.support.devserver import Server
from winback import disguise, sitemap
from winback.ui import backup_form, import_panel, state

pytestmark = [pytest.mark.e2e, pytest.mark.sidelane]

# Every title the tab has shown since the document opened, in order.
WATCH_TITLES = """
window.winbackTitles = [document.title];
new MutationObserver(() => {
  const seen = window.winbackTitles;
  if (seen[seen.length - 1] !== document.title) seen.push(document.title);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
# The tab's titles before the app has said anything: none yet, then the one in the HTML Streamlit serves.
BEFORE_THE_APP = ("", "Streamlit")
# The server's very first run is Streamlit's folder-based multipage mode (see winback.ui.session.store), whose
# navigation names the entry page after its file before app.py can set the title: said in README's Privacy.
FIRST_RUN_TITLE = "app"
PASSWORD = "a long password"


def titles_seen(page: Page) -> set[str]:
    return set(page.evaluate("window.winbackTitles"))


def looks(page: Page, disguised: bool, spec: sitemap.PageSpec, also: tuple[str, ...] = ()) -> None:
    """The tab's title and icon are the disguise's (or winback's with the page's name), and have been since this
    document opened: each run names no page until the navigation has run (the lock screen may come first)."""
    expect(page).to_have_title(disguise.tab_title(disguised, spec.title))
    expect(page.locator("link[rel='shortcut icon']")).to_have_attribute(
        "href", re.compile(disguise.tab_icon(disguised))
    )
    shown = {disguise.tab_title(disguised), *(disguise.tab_title(disguised, p.title) for p in sitemap.PAGES)}
    assert titles_seen(page) <= {*BEFORE_THE_APP, *shown, *also}, titles_seen(page)
    if disguised:
        assert titles_seen(page) <= {*BEFORE_THE_APP, disguise.NEUTRAL_TAB_TITLE}, titles_seen(page)


def visit_page(page: Page, server: Server, spec: sitemap.PageSpec) -> None:
    visit(page, f"{server.url}/{spec.url_path}")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()


def test_the_disguise_makes_every_tab_title_neutral_and_names_the_export_notes(
    server: Server, browser: Browser, tmp_path: Path
) -> None:
    page = new_page(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.add_init_script(WATCH_TITLES)
    visit_page(page, server, sitemap.TODAY)
    looks(page, disguised=False, spec=sitemap.TODAY, also=(FIRST_RUN_TITLE,))
    visit_page(page, server, sitemap.DATA_PRIVACY)
    looks(page, disguised=False, spec=sitemap.DATA_PRIVACY)

    with rerun(page):
        page.locator(f".st-key-{state.DISGUISE_TOGGLE}").get_by_text("Disguise winback").click()
    expect(page).to_have_title(disguise.NEUTRAL_TAB_TITLE)
    for spec in (sitemap.RECONNECT, sitemap.TODAY):
        visit_page(page, server, spec)
        looks(page, disguised=True, spec=spec)
    # Moving between pages inside the app (no new document) keeps it too.
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=sitemap.DATA_PRIVACY.title).click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(sitemap.DATA_PRIVACY.title)
    looks(page, disguised=True, spec=sitemap.DATA_PRIVACY)

    with rerun(page):
        page.locator(f".st-key-{state.EXPORT_PROTECT}").get_by_text("Protect the zip with a password").click()
    # By keyboard alone, as a person who leaves each field with Tab (past its show-password button) and presses
    # "Use this password" with Enter: both fields count, also the one left last.
    page.get_by_label("Password", exact=True).click()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("The same password again", exact=True)).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=backup_form.USE_LABEL)).to_be_focused()
    with rerun(page):
        page.keyboard.press("Enter")
    button = page.get_by_role("button", name="Everything (zip, with password)")
    expect(button).to_be_enabled()
    expect(page.get_by_text(backup_form.PROTECTED)).to_be_visible()
    for label in ("Password", "The same password again"):  # the form empties itself once sent
        expect(page.get_by_label(label, exact=True)).to_have_value("")
    with page.expect_download(timeout=RUN_TIMEOUT_S * 1000) as zipped:  # the button starts no run
        page.get_by_role("button", name="Everything (zip, with password)").click()
    name = zipped.value.suggested_filename
    assert name.startswith(f"{disguise.NEUTRAL_FILE_WORD}-") and name.endswith(".zip"), name
    data = zipped.value.path().read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as plain, pytest.raises(RuntimeError, match="password required"):
        plain.read("settings.json")
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        assert b'"disguise":true' in archive.read("settings.json", pwd=PASSWORD.encode()).replace(b" ", b"")

    # Back in by keyboard: the import asks for the password, which counts when Open is pressed, also after the
    # field was left with Tab (past its show-password button).
    backup = tmp_path / name
    backup.write_bytes(data)
    with rerun(page):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(backup))
    expect(page.get_by_text(import_panel.PASSWORD_ASKED)).to_be_visible()
    page.get_by_label("Password of this export", exact=True).click()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Open the export")).to_be_focused()
    with rerun(page):
        page.keyboard.press("Enter")
    expect(page.locator(f".st-key-{state.IMPORT_PREVIEW}")).to_be_visible()

    with rerun(page):
        page.locator(f".st-key-{state.DISGUISE_TOGGLE}").get_by_text("Disguise winback").click()
    expect(page).to_have_title(disguise.tab_title(False, sitemap.DATA_PRIVACY.title))
    visit_page(page, server, sitemap.TODAY)
    looks(page, disguised=False, spec=sitemap.TODAY)
    page.context.close()
