"""Where the quick exit goes (winback.quick_exit): the person's https address, checked strictly, else the
deployment's, else a weather page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from winback import quick_exit, safety


@pytest.mark.parametrize(
    "address",
    [
        "https://www.bbc.co.uk/weather",
        "https://example.org",
        "https://example.org/",
        "https://news.example.co.uk:8443/a/b-c_d.e~f?q=rain&city=leeds#today",
        "https://xn--bcher-kva.example/",
        "https://en.wikipedia.org/wiki/Weather_(disambiguation)".replace("(", "%28").replace(")", "%29"),
    ],
)
def test_a_plain_https_address_is_kept(address: str) -> None:
    assert quick_exit.check_destination(address) == address


def test_spaces_around_an_address_are_dropped() -> None:
    assert quick_exit.check_destination("  https://example.org/  ") == "https://example.org/"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", quick_exit.NOT_HTTPS),
        ("http://example.org/", quick_exit.NOT_HTTPS),
        ("www.bbc.co.uk/weather", quick_exit.NOT_HTTPS),
        ("HTTPS://example.org/", quick_exit.NOT_HTTPS),
        ("javascript:alert(1)", quick_exit.NOT_HTTPS),
        ("file:///etc/passwd", quick_exit.NOT_HTTPS),
        ("data:text/html,hi", quick_exit.NOT_HTTPS),
        ("https://example.org/" + "a" * quick_exit.MAX_LENGTH, quick_exit.TOO_LONG),
        ("https://exa mple.org/", quick_exit.HIDDEN_CHARACTERS),
        ("https://example.org/\nx", quick_exit.HIDDEN_CHARACTERS),
        ("https://example.org/\u0000", quick_exit.HIDDEN_CHARACTERS),
        ("https://example.org/\u200b", quick_exit.HIDDEN_CHARACTERS),
        ("https://example.org/\x1b[31m", quick_exit.HIDDEN_CHARACTERS),
        ("https://example.org/a\tb", quick_exit.HIDDEN_CHARACTERS),
        ("https://user:secret@example.org/", quick_exit.CREDENTIALS),
        ("https://me@example.org", quick_exit.CREDENTIALS),
        ("https://localhost/", quick_exit.NOT_AN_ADDRESS),
        ("https://-bad.example/", quick_exit.NOT_AN_ADDRESS),
        ("https://exämple.org/", quick_exit.NOT_AN_ADDRESS),
        ('https://example.org/"onmouseover="x', quick_exit.NOT_AN_ADDRESS),
        ("https://example.org/<script>", quick_exit.NOT_AN_ADDRESS),
        ("https://example.org/a)b", quick_exit.NOT_AN_ADDRESS),
        ("https://example.org\\@evil.example", quick_exit.CREDENTIALS),
        ("https://", quick_exit.NOT_AN_ADDRESS),
        ("https://example.org:port/", quick_exit.NOT_AN_ADDRESS),
        # Ports no browser opens: it would refuse to leave, and the person would stay on winback.
        ("https://bbc.co.uk:99999/", quick_exit.NOT_AN_ADDRESS),
        ("https://bbc.co.uk:65536/", quick_exit.NOT_AN_ADDRESS),
        ("https://bbc.co.uk:0/", quick_exit.NOT_AN_ADDRESS),
    ],
)
def test_anything_else_is_refused_with_words_for_the_person(typed: str, words: str) -> None:
    with pytest.raises(ValueError) as refused:
        quick_exit.check_destination(typed)
    assert str(refused.value) == words


@given(st.text(max_size=300))
def test_what_is_kept_is_always_a_short_https_address_without_a_name_or_hidden_characters(typed: str) -> None:
    try:
        kept = quick_exit.check_destination(typed)
    except ValueError:
        return
    assert kept.startswith("https://") and len(kept) <= quick_exit.MAX_LENGTH
    assert kept.isascii() and kept.isprintable() and " " not in kept
    assert "@" not in kept.split("/")[2]
    assert not set(kept) & set("\"'<>`\\()")
    assert quick_exit.has_valid_port(kept)


def test_a_port_a_browser_opens_is_kept() -> None:
    assert quick_exit.check_destination("https://example.org:8443/x") == "https://example.org:8443/x"
    assert quick_exit.check_destination("https://example.org:65535/") == "https://example.org:65535/"


@pytest.mark.parametrize(
    "address",
    [
        "https://bbc.co.uk:99999/",
        "http://:80/",
        "https://",
        "ftp://example.org/",
        "https://exa mple.org/",
        'https://e.org/"x',
    ],
)
def test_a_deployment_address_no_browser_opens_gives_the_weather_page(
    monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, address)
    assert quick_exit.destination(None) == safety.DEFAULT_QUICK_EXIT_URL


def test_the_persons_address_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, "http://127.0.0.1:8765/neutral.html")
    assert quick_exit.destination("https://example.org/mine") == "https://example.org/mine"
    assert not quick_exit.is_default("https://example.org/mine")


def test_without_one_the_deployments_address_then_the_weather_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(safety.QUICK_EXIT_ENV, "http://127.0.0.1:8765/neutral.html")
    assert quick_exit.destination(None) == "http://127.0.0.1:8765/neutral.html"
    monkeypatch.delenv(safety.QUICK_EXIT_ENV)
    assert quick_exit.destination(None) == "https://www.bbc.co.uk/weather"
    assert quick_exit.is_default(None)


def test_a_saved_address_that_cannot_be_used_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(safety.QUICK_EXIT_ENV, raising=False)
    assert quick_exit.destination("javascript:alert(1)") == safety.DEFAULT_QUICK_EXIT_URL
    assert quick_exit.is_default("javascript:alert(1)")
