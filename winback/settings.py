"""The person's settings (settings.json) over winback's defaults (content/steps.toml), checked when read."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from winback.safety import DEFAULT_COUNTRY
from winback.schema import RowProblem
from winback.store import Store


@dataclass(frozen=True)
class Thresholds:
    no_contact_days: int
    no_contact_choices: tuple[int, ...]
    positive_window: int
    positive_mood: float
    positive_social_days: int
    positive_min_logged: int
    self_value_window: int
    self_value_area_days: int
    self_value_areas: int
    self_value_area_names: tuple[str, ...]
    quiz_valid_days: int
    friendly_contacts: int
    meetings_planned: int


@cache
def default_thresholds() -> Thresholds:
    data = tomllib.loads(resources.files("winback").joinpath("content/steps.toml").read_text(encoding="utf-8"))
    return Thresholds(
        no_contact_days=int(data["no_contact"]["target_days"]),
        no_contact_choices=tuple(int(c) for c in data["no_contact"]["target_choices"]),
        positive_window=int(data["stay_positive"]["window_days"]),
        positive_mood=float(data["stay_positive"]["mood_target"]),
        positive_social_days=int(data["stay_positive"]["social_or_joy_days"]),
        positive_min_logged=int(data["stay_positive"]["min_logged_days"]),
        self_value_window=int(data["self_value"]["window_days"]),
        self_value_area_days=int(data["self_value"]["area_days"]),
        self_value_areas=int(data["self_value"]["areas_target"]),
        self_value_area_names=tuple(str(a) for a in data["self_value"]["areas"]),
        quiz_valid_days=int(data["reconnect"]["quiz_valid_days"]),
        friendly_contacts=int(data["be_kind"]["friendly_contacts"]),
        meetings_planned=int(data["be_kind"]["meetings_planned"]),
    )


# What a person may change, and the range each value must stay in.
EDITABLE: dict[str, tuple[float, float]] = {
    "no_contact_days": (14, 90),
    "positive_mood": (1, 5),
    "positive_social_days": (0, 14),
    "self_value_area_days": (1, 28),
    "self_value_areas": (1, 5),
    "friendly_contacts": (1, 10),
}


@dataclass(frozen=True)
class Settings:
    country: str
    no_contact_start: date | None
    thresholds: Thresholds


def load(store: Store) -> tuple[Settings, list[RowProblem]]:
    """Settings with every bad value replaced by its default and reported, never fatal."""
    raw, problems = store.read_settings()
    base = default_thresholds()
    changes: dict[str, Any] = {}
    for name, value in dict(raw.get("thresholds", {}) or {}).items():
        if name not in EDITABLE:
            continue
        low, high = EDITABLE[name]
        kind = type(getattr(base, name))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            changes[name] = kind(value)
        else:
            problems.append(
                RowProblem("settings", 0, f"{name} {value!r} is outside {low:g}–{high:g}; using the default")
            )
    start: date | None = None
    if raw.get("no_contact_start"):
        try:
            start = date.fromisoformat(str(raw["no_contact_start"]))
        except ValueError:
            problems.append(RowProblem("settings", 0, f"no_contact_start {raw['no_contact_start']!r} is not a date"))
    country = raw.get("country")
    return (
        Settings(
            country if isinstance(country, str) else DEFAULT_COUNTRY,
            start,
            replace(base, **changes),
        ),
        problems,
    )


def save_thresholds(store: Store, values: dict[str, float]) -> None:
    for name, value in values.items():
        low, high = EDITABLE[name]
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low:g} and {high:g}")
    current, _ = store.read_settings()
    merged = {**dict(current.get("thresholds", {}) or {}), **values}
    store.write_settings({"thresholds": merged})


def save_no_contact_start(store: Store, start: date | None, today: date) -> None:
    if start is not None and start > today:
        raise ValueError("The no-contact start can't be in the future.")
    store.write_settings({"no_contact_start": start.isoformat() if start else None})
