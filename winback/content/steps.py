"""The five steps' default goals (steps.toml); a person may change some of them (winback.settings)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from winback.content import ContentError, parse_toml, read
from winback.vocab import LIFE_AREAS


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


def parse_steps(text: str) -> Thresholds:
    data = parse_toml(text, "steps.toml")
    try:
        areas = tuple(str(a) for a in data["self_value"]["areas"])
        thresholds = Thresholds(
            no_contact_days=int(data["no_contact"]["target_days"]),
            no_contact_choices=tuple(int(c) for c in data["no_contact"]["target_choices"]),
            positive_window=int(data["stay_positive"]["window_days"]),
            positive_mood=float(data["stay_positive"]["mood_target"]),
            positive_social_days=int(data["stay_positive"]["social_or_joy_days"]),
            positive_min_logged=int(data["stay_positive"]["min_logged_days"]),
            self_value_window=int(data["self_value"]["window_days"]),
            self_value_area_days=int(data["self_value"]["area_days"]),
            self_value_areas=int(data["self_value"]["areas_target"]),
            self_value_area_names=areas,
            quiz_valid_days=int(data["reconnect"]["quiz_valid_days"]),
            friendly_contacts=int(data["be_kind"]["friendly_contacts"]),
            meetings_planned=int(data["be_kind"]["meetings_planned"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ContentError(f"steps.toml lacks or misstates {error}") from None
    if unknown := [a for a in areas if a not in LIFE_AREAS]:
        raise ContentError(f"steps.toml [self_value] areas has {unknown}; use life areas {', '.join(LIFE_AREAS)}")
    return thresholds


@cache
def default_thresholds() -> Thresholds:
    return parse_steps(read("steps.toml"))
