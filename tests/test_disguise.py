"""The disguise's words (winback.disguise): neutral ones say nothing of winback, its pages or a breakup."""

from __future__ import annotations

import pytest

from winback import disguise, sitemap


def test_the_tab_says_winback_until_the_disguise_is_on() -> None:
    assert (disguise.tab_title(False), disguise.tab_icon(False)) == ("winback", "🌱")
    assert (disguise.tab_title(True), disguise.tab_icon(True)) == ("Notes", "📝")


@pytest.mark.parametrize("spec", sitemap.PAGES, ids=lambda spec: spec.title)
def test_the_tab_names_the_page_unless_the_disguise_is_on(spec: sitemap.PageSpec) -> None:
    assert disguise.tab_title(False, spec.title) == f"{spec.title} · winback"
    assert disguise.tab_title(True, spec.title) == disguise.NEUTRAL_TAB_TITLE


@pytest.mark.parametrize(
    "word",
    [
        disguise.NEUTRAL_TAB_TITLE,
        disguise.NEUTRAL_FILE_WORD,
        disguise.NEUTRAL_REPORT_WORD,
        disguise.NEUTRAL_REMINDER_TITLE,
        disguise.NEUTRAL_REMINDER_FILE,
    ],
)
def test_no_neutral_word_names_winback_a_page_or_what_it_is_for(word: str) -> None:
    said = word.lower()
    for telling in ("winback", "ex", "breakup", "check-in", "mood", *(p.title.lower() for p in sitemap.PAGES)):
        assert telling not in said.split() and telling not in said.replace(".", " ").replace("-", " ").split()
