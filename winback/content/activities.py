"""The activity catalogue (activities.toml): what a person can log having done, by life area."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from winback.content import ContentError, parse_toml, read
from winback.vocab import LIFE_AREAS


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    area: str
    custom: bool = False
    retired: bool = False


def parse_catalogue(text: str) -> tuple[Activity, ...]:
    out: list[Activity] = []
    for number, item in enumerate(parse_toml(text, "activities.toml").get("activity", []), start=1):
        ident = str(item.get("id", "")).strip()
        if not ident:
            raise ContentError(f"activity #{number} has no id")
        if any(a.id == ident for a in out):
            raise ContentError(f"activity {ident!r} appears twice")
        if item.get("area") not in LIFE_AREAS:
            raise ContentError(f"activity {ident!r} has area {item.get('area')!r}; use one of {', '.join(LIFE_AREAS)}")
        if not str(item.get("name", "")).strip():
            raise ContentError(f"activity {ident!r} has no name")
        out.append(Activity(ident, str(item["name"]), str(item["area"])))
    return tuple(out)


@cache
def catalogue() -> tuple[Activity, ...]:
    return parse_catalogue(read("activities.toml"))
