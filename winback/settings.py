"""The person's settings (settings.json) over winback's defaults (content/steps.toml), checked when read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from winback.content.resources import DEFAULT_COUNTRY
from winback.content.steps import Thresholds, default_thresholds
from winback.schema import RowProblem
from winback.store import Store

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
    for name, value in _named(raw.get("thresholds"), problems).items():
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


def _named(thresholds: Any, problems: list[RowProblem]) -> dict[str, Any]:
    """The saved thresholds by name; anything else in the file (a number, a list) is reported and left out."""
    if not thresholds:
        return {}
    if isinstance(thresholds, dict):
        return dict(thresholds)
    problems.append(RowProblem("settings", 0, f"thresholds {thresholds!r} are not named values; using the defaults"))
    return {}


def save_thresholds(store: Store, values: dict[str, float]) -> None:
    for name, value in values.items():
        low, high = EDITABLE[name]
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low:g} and {high:g}")
    current, _ = store.read_settings()
    merged = {**_named(current.get("thresholds"), []), **values}
    store.write_settings({"thresholds": merged})


def save_no_contact_start(store: Store, start: date | None, today: date) -> None:
    if start is not None and start > today:
        raise ValueError("The no-contact start can't be in the future.")
    store.write_settings({"no_contact_start": start.isoformat() if start else None})
