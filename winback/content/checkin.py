"""The weekly check-in's content (checkin.toml): two scales of five items each, in winback's own words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from winback.content import ContentError, parse_toml, read


@dataclass(frozen=True)
class Scale:
    title: str
    labels: tuple[str, ...]
    items: tuple[str, ...]

    @property
    def top(self) -> int:
        return len(self.labels) - 1


@dataclass(frozen=True)
class CheckinContent:
    wellbeing: Scale
    self_worth: Scale


def parse_checkin(text: str) -> CheckinContent:
    data = parse_toml(text, "checkin.toml")
    scales = {}
    for name, top, count in (("wellbeing", 5, 5), ("self_worth", 3, 5)):
        part = data.get(name, {})
        scale = Scale(str(part.get("title", "")), tuple(part.get("scale", ())), tuple(part.get("items", ())))
        if scale.top != top or len(scale.items) != count or not scale.title:
            raise ContentError(f"checkin.toml [{name}] needs a title and {count} items on a 0–{top} scale")
        scales[name] = scale
    return CheckinContent(scales["wellbeing"], scales["self_worth"])


@cache
def load_checkin() -> CheckinContent:
    return parse_checkin(read("checkin.toml"))
