"""Crisis lines by country and the quick-exit address (winback.safety)."""

from __future__ import annotations

import pytest

from winback import safety
from winback.content.resources import DEFAULT_COUNTRY, countries


def test_a_known_country_gets_its_own_lines() -> None:
    uk = safety.resources_for("uk")
    assert (uk.code, uk.name) == ("uk", "United Kingdom")
    assert uk == countries()["uk"]


@pytest.mark.parametrize("code", ["zz", "UK", "", None])
def test_an_unknown_or_missing_code_gets_the_international_lines(code: str | None) -> None:
    assert safety.resources_for(code) == countries()[DEFAULT_COUNTRY]
    assert safety.resources_for(code).code == "other"


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
