"""Crisis and abuse resources by country (content/resources.toml) and the quick-exit address."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

QUICK_EXIT_ENV = "WINBACK_QUICK_EXIT_URL"
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_COUNTRY = "other"


class ResourcesError(ValueError):
    """resources.toml is malformed; the message names the entry."""


@dataclass(frozen=True)
class Resource:
    name: str
    contact: str
    when: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    resources: tuple[Resource, ...]


def parse_resources(text: str) -> dict[str, Country]:
    data = tomllib.loads(text)
    countries: dict[str, Country] = {}
    for number, entry in enumerate(data.get("country", []), start=1):
        code = str(entry.get("code", "")).strip()
        if not code:
            raise ResourcesError(f"country #{number} has no code")
        if code in countries:
            raise ResourcesError(f"country {code!r} appears twice")
        items = []
        for item in entry.get("resource", []):
            missing = [k for k in ("name", "contact", "when") if not str(item.get(k, "")).strip()]
            if missing:
                raise ResourcesError(f"a resource of {code!r} lacks {', '.join(missing)}")
            items.append(Resource(str(item["name"]), str(item["contact"]), str(item["when"])))
        if not items:
            raise ResourcesError(f"country {code!r} lists no resources")
        countries[code] = Country(code, str(entry.get("name", code)), tuple(items))
    if DEFAULT_COUNTRY not in countries:
        raise ResourcesError(f"resources.toml must have a country with code {DEFAULT_COUNTRY!r}")
    return countries


@cache
def countries() -> dict[str, Country]:
    text = resources.files("winback").joinpath("content/resources.toml").read_text(encoding="utf-8")
    return parse_resources(text)


def resources_for(code: str | None) -> Country:
    """The resources of a country, or the international ones when the code is unknown."""
    table = countries()
    return table.get(code or DEFAULT_COUNTRY, table[DEFAULT_COUNTRY])


def quick_exit_url() -> str:
    """Where the quick exit goes; configurable so tests and deployments can choose a local page."""
    url = os.environ.get(QUICK_EXIT_ENV, "").strip()
    return url if url.startswith(("https://", "http://")) else DEFAULT_QUICK_EXIT_URL
