"""winback.plain: what it writes reads back as the person's exact text, every piece of Markdown syntax in it is
escaped, and none of the patterns Streamlit finds in parsed text (copied below from its 1.67 frontend) can match.
tests/e2e/test_text_sinks.py checks the same in Chromium, through the app's own sinks."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from winback.plain import plain

SPLIT = ":small[]"
REFERENCES = {"&#32;": " ", "&#9;": "\t"}
# What Streamlit's Markdown finds in a text node after parsing, where backslash escapes no longer count:
# GitHub's literal autolinks, its logo, Material icons, emoji shortcodes and typographic arrows and signs.
TEXT_PATTERNS = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
    re.compile(r":streamlit:"),
    re.compile(r":material_(\w+):"),
    re.compile(r":[\w+-][\w_+-]*:"),
    re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
]
HOSTILE = [
    "![px](http://127.0.0.1:9/pixel.png) **bold** [lnk](http://127.0.0.1:9/x) $x^2$",
    "<img src=http://127.0.0.1:9/a.png>",
    "<script>alert(1)</script>",
    "$$\\int$$",
    ":red[x] :blue-background[y] :color[c]{foreground=red} :small[s] :shimmer[s] :help[h]",
    ":material/home: :material_home: :streamlit: :smile: :+1:",
    "[a](javascript:alert(1)) <http://127.0.0.1:9/auto> http://127.0.0.1:9/bare www.example.com me@example.com",
    "# heading\n> quote\n- item\n1. one\n    code\n---\n===\n| a | b |",
    "`code` ~~strike~~ _it_ *it* &amp; &#x3C;b&#x3E;",
    "back\\slash \\* \\\\ end\\",
    "a -> b <- c -- d >= e <= f ~= g <-> h",
]
# Text a person could type or a file could hold: Markdown's punctuation, letters, digits, spaces, line breaks.
TEXT = st.text(alphabet=st.sampled_from([*string.punctuation, *"ab1 \t\n\r", "é", "→", "\u00a0"]), max_size=40)


def read_back(markdown: str) -> list[str]:
    """The text Markdown draws from what ``plain`` writes, as the pieces between its splits (a piece ends at a
    split or a line break). Fails on any Markdown punctuation that is not escaped."""
    pieces, piece, at = [], "", 0
    while at < len(markdown):
        if markdown.startswith(SPLIT, at):
            pieces, piece, at = [*pieces, piece], "", at + len(SPLIT)
            continue
        reference = next((r for r in REFERENCES if markdown.startswith(r, at)), None)
        if reference:
            piece, at = piece + REFERENCES[reference], at + len(reference)
            continue
        c = markdown[at]
        if c == "\\":
            escaped = markdown[at + 1]
            assert escaped in string.punctuation or escaped == "\n", f"a backslash before {escaped!r}"
            if escaped == "\n":
                pieces, piece = [*pieces, piece + "\n"], ""
            else:
                piece += escaped
            at += 2
            continue
        assert c not in string.punctuation, f"{c!r} is not escaped in {markdown!r}"
        assert c != "\n", "a line break is always a hard break"
        piece, at = piece + c, at + 1
    return [*pieces, piece]


def shown(text: str) -> str:
    """What the person should see: their text, with Windows line ends as line breaks and no trailing breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_reads_back_exactly(text: str) -> None:
    assert "".join(read_back(plain(text))) == shown(text)


@given(TEXT)
def test_any_text_reads_back_exactly_with_every_markdown_character_escaped(text: str) -> None:
    assert "".join(read_back(plain(text))) == shown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_no_pattern_streamlit_finds_in_parsed_text_can_match(text: str) -> None:
    for piece in read_back(plain(text)):
        assert [p.pattern for p in TEXT_PATTERNS if p.search(piece)] == [], piece


@given(TEXT)
def test_no_pattern_streamlit_finds_in_parsed_text_matches_any_text(text: str) -> None:
    for piece in read_back(plain(text)):
        assert [p.pattern for p in TEXT_PATTERNS if p.search(piece)] == [], piece


@given(TEXT)
def test_nothing_streamlit_looks_for_before_parsing_is_left(text: str) -> None:
    markdown = plain(text)
    # Streamlit rewrites ":material/" before parsing, and loads KaTeX for any "$" that is not escaped.
    assert ":material/" not in markdown
    assert "$" not in re.sub(r"\\.", "", markdown)
    for line in markdown.split("\n"):
        # No line starts a code block, a heading, a quote or a list: it starts with a letter, an escape, a split
        # or an indent written as a character reference (Markdown and Streamlit's dedent count only " " and tab).
        assert line[:1] not in {" ", "\t"}


def test_what_plain_writes() -> None:
    assert plain("**bold**") == "\\*\\*bold\\*\\*"
    assert plain("see http://x") == "see http:small[]\\:\\/\\/x"
    assert plain("first\nsecond") == "first\\\nsecond"
    assert plain("first\r\n\r\nthird\n\n") == "first\\\n\\\nthird"
    assert plain("  indented\n\tand a tab") == "&#32;&#32;indented\\\n&#9;and a tab"
    assert plain("") == ""
    assert plain("Just words, été → ok") == "Just words\\, été → ok"
