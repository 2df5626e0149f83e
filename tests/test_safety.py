"""Crisis lines by country, each way to reach one as words and a link, and the quick-exit address
(winback.safety)."""

from __future__ import annotations

import pytest

from winback import safety
from winback.content.resources import DEFAULT_COUNTRY, Resource, Way, countries
from winback.plain import plain


def test_a_known_country_gets_its_own_lines() -> None:
    uk = safety.resources_for("uk")
    assert (uk.code, uk.name) == ("uk", "United Kingdom")
    assert uk == countries()["uk"]


@pytest.mark.parametrize("code", ["zz", "UK", "", None])
def test_an_unknown_or_missing_code_gets_the_international_lines(code: str | None) -> None:
    assert safety.resources_for(code) == countries()[DEFAULT_COUNTRY]
    assert safety.resources_for(code).code == "other"


@pytest.mark.parametrize(
    ("way", "href"),
    [
        (Way("call", "1-800-799-7233"), "tel:18007997233"),
        (Way("call", "0808 2000 247"), "tel:08082000247"),
        (Way("call", "+44 116 123"), "tel:+44116123"),
        (Way("text", "88788", "START"), "sms:88788?&body=START"),
        (Way("text", "85258", "TWO WORDS"), "sms:85258?&body=TWO%20WORDS"),
        (Way("text", "988"), "sms:988"),
        (Way("web", url="https://findahelpline.com"), "https://findahelpline.com"),
    ],
)
def test_a_number_is_dialled_as_digits_and_a_text_has_its_body_filled_in(way: Way, href: str) -> None:
    assert safety.href(way) == href


# SPEC.md §8's facts, as the help box says and links them.
SHOWN = {
    "us": [
        ("Call 911", "[Call 911](tel:911)"),
        (
            "Call 1-800-799-7233 or text START to 88788",
            "[Call 1-800-799-7233](tel:18007997233) or [text START to 88788](sms:88788?&body=START)",
        ),
        ("Text LOVEIS to 22522", "[Text LOVEIS to 22522](sms:22522?&body=LOVEIS)"),
        ("Call 988 or text 988", "[Call 988](tel:988) or [text 988](sms:988)"),
    ],
    "uk": [
        ("Call 999", "[Call 999](tel:999)"),
        ("Call 0808 2000 247 (free, 24/7)", f"[Call 0808 2000 247](tel:08082000247) ({plain('free, 24/7')})"),
        ("Call 116 123 (free, 24/7)", f"[Call 116 123](tel:116123) ({plain('free, 24/7')})"),
    ],
    "other": [
        (
            "Call 112 (in the EU; elsewhere, your local emergency number)",
            f"[Call 112](tel:112) ({plain('in the EU; elsewhere, your local emergency number')})",
        ),
        ("findahelpline.com", "[findahelpline.com](https://findahelpline.com)"),
    ],
}


@pytest.mark.parametrize("code", list(SHOWN))
def test_each_line_is_said_in_words_and_linked_to_call_text_or_open(code: str) -> None:
    lines = safety.resources_for(code).resources
    assert [(safety.contact_words(r), safety.contact_markdown(r)) for r in lines] == SHOWN[code]


@pytest.mark.parametrize(
    "way",
    [
        # Made without resources.toml's checks: the link refuses them itself.
        Way("call", "123](javascript:alert(1))"),
        Way("call", "123 <img src=x onerror=alert(1)>"),
        Way("text", "123", "HI)[x](https://evil.example"),
        Way("text", "123", "*bold*"),
        Way("web", url="javascript:alert(1)"),
        Way("web", url="https://example.org/a)[b](https://evil.example"),
        Way("web", url='https://example.org/"onmouseover="x'),
        Way("web", url="http://example.org"),
        Way("web", url="https://example.org/ x"),
        Way("call", "1--2"),
    ],
)
def test_a_way_with_markdown_or_html_in_it_cannot_become_a_link(way: Way) -> None:
    with pytest.raises(ValueError, match=r"cannot be a help line's link text|is not a help line's address"):
        safety.contact_markdown(Resource("Line", (way,), "Any time"))


@pytest.mark.parametrize(
    ("words", "target"),
    [
        ("Call 1", "tel:1"),
        ("text A to 1", "sms:1?&body=A"),
        ("example.org", "https://example.org/help/uk"),
    ],
)
def test_the_link_builder_writes_one_markdown_link(words: str, target: str) -> None:
    assert safety.markdown_link(words, target) == f"[{words}]({target})"


@pytest.mark.parametrize(
    ("words", "target"),
    [
        ("Call [1]", "tel:1"),
        ("Call 1", "tel:1)"),
        ("Call *1*", "tel:1"),
        ("Call 1", "tel:1 'title'"),
        ("Call 1", "sms:1?body=A"),
        ("Call 1", "https://example.org/(x)"),
        ("Call 1", "data:text/html,x"),
        ("a\nb", "tel:1"),
        ("<b>", "tel:1"),
        ("", "tel:1"),
    ],
)
def test_the_link_builder_refuses_what_could_break_out(words: str, target: str) -> None:
    with pytest.raises(ValueError):
        safety.markdown_link(words, target)


@pytest.mark.parametrize(
    ("configured", "url"),
    [
        ("https://example.org/weather", "https://example.org/weather"),
        ("http://127.0.0.1:8765/elsewhere", "http://127.0.0.1:8765/elsewhere"),
        ("  https://example.org/  ", "https://example.org/"),
    ],
)
def test_a_web_address_in_the_environment_is_the_quick_exit(
    monkeypatch: pytest.MonkeyPatch, configured: str, url: str
) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, configured)
    assert safety.quick_exit_url() == url


@pytest.mark.parametrize(
    "configured", ["", "   ", "javascript:alert(1)", "ftp://example.org/", "example.org", "file:///etc/passwd"]
)
def test_anything_else_is_the_default_quick_exit(monkeypatch: pytest.MonkeyPatch, configured: str) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, configured)
    assert safety.quick_exit_url() == safety.DEFAULT_QUICK_EXIT_URL


def test_without_the_setting_the_quick_exit_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(safety.QUICK_EXIT_ENV, raising=False)
    assert safety.quick_exit_url() == "https://www.bbc.co.uk/weather"


def test_a_lines_note_is_shown_as_words_even_if_it_reads_as_markdown() -> None:
    line = Resource("Line", (Way("call", "123"),), "any time", note="[hier](https://evil.example) *x* :red[y]")
    shown = safety.contact_markdown(line)
    assert shown == f"[Call 123](tel:123) ({plain(line.note)})"
    assert "](https://evil.example)" not in shown.replace("\\]", "")
