"""The activity catalogue (content/activities.toml) and the person's own custom activities."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

from winback.storage import LIFE_AREAS


class ContentError(ValueError):
    """Content shipped with winback is malformed; the message names the item."""


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    area: str
    custom: bool = False
    retired: bool = False


def parse_catalogue(text: str) -> tuple[Activity, ...]:
    data = tomllib.loads(text)
    items = data.get("activity", [])
    seen: set[str] = set()
    out: list[Activity] = []
    for number, item in enumerate(items, start=1):
        ident = str(item.get("id", "")).strip()
        if not ident:
            raise ContentError(f"activity #{number} has no id")
        if ident in seen:
            raise ContentError(f"activity {ident!r} appears twice")
        if item.get("area") not in LIFE_AREAS:
            raise ContentError(f"activity {ident!r} has area {item.get('area')!r}; use one of {', '.join(LIFE_AREAS)}")
        if not str(item.get("name", "")).strip():
            raise ContentError(f"activity {ident!r} has no name")
        seen.add(ident)
        out.append(Activity(ident, str(item["name"]), str(item["area"])))
    return tuple(out)


@cache
def catalogue() -> tuple[Activity, ...]:
    text = resources.files("winback").joinpath("content/activities.toml").read_text(encoding="utf-8")
    return parse_catalogue(text)


def all_activities(custom: pd.DataFrame) -> tuple[Activity, ...]:
    """Catalogue plus the person's custom activities (from the custom_activities table)."""
    extra = tuple(
        Activity(
            str(row.activity_id),
            str(row.name),
            str(row.area),
            custom=True,
            retired=bool(row.retired),
        )
        for row in custom.itertuples(index=False)
    )
    return catalogue() + extra


def area_of(activities: tuple[Activity, ...]) -> dict[str, str]:
    return {a.id: a.area for a in activities}
