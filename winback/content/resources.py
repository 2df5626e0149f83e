"""Crisis and abuse lines by country (resources.toml); "other" holds the international ones."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from winback.content import ContentError, parse_toml, read

DEFAULT_COUNTRY = "other"


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
    countries: dict[str, Country] = {}
    for number, entry in enumerate(parse_toml(text, "resources.toml").get("country", []), start=1):
        code = str(entry.get("code", "")).strip()
        if not code:
            raise ContentError(f"country #{number} has no code")
        if code in countries:
            raise ContentError(f"country {code!r} appears twice")
        items = []
        for item in entry.get("resource", []):
            missing = [k for k in ("name", "contact", "when") if not str(item.get(k, "")).strip()]
            if missing:
                raise ContentError(f"a resource of {code!r} lacks {', '.join(missing)}")
            items.append(Resource(str(item["name"]), str(item["contact"]), str(item["when"])))
        if not items:
            raise ContentError(f"country {code!r} lists no resources")
        countries[code] = Country(code, str(entry.get("name", code)), tuple(items))
    if DEFAULT_COUNTRY not in countries:
        raise ContentError(f"resources.toml must have a country with code {DEFAULT_COUNTRY!r}")
    return countries


@cache
def countries() -> dict[str, Country]:
    return parse_resources(read("resources.toml"))
