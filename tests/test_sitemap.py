"""winback's pages, once (winback.sitemap): each page's file exists, addresses are distinct, Today comes first."""

from __future__ import annotations

import pytest

from tests.support.devserver import ROOT
from winback import sitemap
from winback.sitemap import PAGES, PageSpec


@pytest.mark.parametrize("page", PAGES, ids=[p.title for p in PAGES])
def test_every_page_file_exists(page: PageSpec) -> None:
    assert (ROOT / page.file).is_file()


def test_every_file_in_pages_is_a_page() -> None:
    assert sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")) == sorted(
        p.file for p in PAGES
    )


def test_titles_files_and_addresses_are_distinct() -> None:
    for values in ([p.title for p in PAGES], [p.file for p in PAGES], [p.url_path for p in PAGES]):
        assert len(set(values)) == len(values), values


def test_the_default_page_is_today_at_the_root_address() -> None:
    assert [p for p in PAGES if p.default] == [sitemap.TODAY]
    assert PAGES[0] is sitemap.TODAY
    assert (sitemap.TODAY.title, sitemap.TODAY.url_path) == ("Today", "")


def test_other_pages_live_at_their_file_name() -> None:
    assert sitemap.DAILY_LOG.url_path == "daily_log"
    assert sitemap.HELP_SAFETY.url_path == "help_safety"
    assert all(p.url_path == p.file.removeprefix("pages/").removesuffix(".py") for p in PAGES if not p.default)
