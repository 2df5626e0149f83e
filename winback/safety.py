"""Crisis and abuse lines for the country a person picks (winback.content) and the quick-exit address."""

from __future__ import annotations

import os

from winback.content.resources import DEFAULT_COUNTRY, Country, countries

QUICK_EXIT_ENV = "WINBACK_QUICK_EXIT_URL"
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def resources_for(code: str | None) -> Country:
    """The resources of a country, or the international ones when the code is unknown."""
    table = countries()
    return table.get(code or DEFAULT_COUNTRY, table[DEFAULT_COUNTRY])


def quick_exit_url() -> str:
    """Where the quick exit goes; configurable so tests and deployments can choose a local page."""
    url = os.environ.get(QUICK_EXIT_ENV, "").strip()
    return url if url.startswith(("https://", "http://")) else DEFAULT_QUICK_EXIT_URL
