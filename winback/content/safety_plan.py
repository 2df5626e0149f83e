"""The private safety plan's content (safety_plan.toml): its steps, each on one topic, and the fields of each.

Every topic a safety plan needs (people, places, what to keep ready, phone and accounts, after leaving, the help
lines) is one step, once; a field is one line, a few lines or a tick box, with an id that is unique in the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast, get_args

from winback.content import ContentError, parse_toml, read, text_of

Topic = Literal["people", "places", "ready", "devices", "after", "hotline"]
TOPICS: tuple[Topic, ...] = get_args(Topic)
FieldKind = Literal["line", "text", "check"]
FIELD_KINDS: tuple[FieldKind, ...] = get_args(FieldKind)
# Ids become session keys and the plan's structure: plain lowercase words.
ID = re.compile(r"[a-z][a-z_]{0,39}")


@dataclass(frozen=True)
class PlanField:
    id: str
    kind: FieldKind
    label: str
    help: str = ""


@dataclass(frozen=True)
class PlanStep:
    id: str
    topic: Topic
    heading: str
    intro: str
    fields: tuple[PlanField, ...]


@dataclass(frozen=True)
class SafetyPlanContent:
    title: str
    intro: str
    steps: tuple[PlanStep, ...]

    @property
    def fields(self) -> tuple[PlanField, ...]:
        return tuple(f for step in self.steps for f in step.fields)


def _ident(item: Mapping[str, Any], where: str) -> str:
    ident = item.get("id")
    if not isinstance(ident, str) or not ID.fullmatch(ident):
        raise ContentError(f"{where} has id {ident!r}; use lowercase letters and _ (at most 40)")
    return ident


def parse_field(item: Any, where: str) -> PlanField:
    if not isinstance(item, Mapping):
        raise ContentError(f"{where} is not a table (id, kind, label, help)")
    ident = _ident(item, where)
    kind = item.get("kind")
    if kind not in FIELD_KINDS:
        raise ContentError(f"field {ident!r} has kind {kind!r}; use {', '.join(FIELD_KINDS)}")
    if extra := sorted(set(item) - {"id", "kind", "label", "help"}):
        raise ContentError(f"field {ident!r} has no place for {', '.join(extra)}")
    help_text = item.get("help", "")
    if not isinstance(help_text, str):
        raise ContentError(f"the help of field {ident!r} is not text")
    return PlanField(ident, cast(FieldKind, kind), text_of(item, "label", f"field {ident!r}"), help_text.strip())


def parse_step(item: Any, number: int) -> PlanStep:
    if not isinstance(item, Mapping):
        raise ContentError(f"step #{number} is not a table")
    ident = _ident(item, f"step #{number}")
    topic = item.get("topic")
    if topic not in TOPICS:
        raise ContentError(f"step {ident!r} has topic {topic!r}; use {', '.join(TOPICS)}")
    where = f"step {ident!r}"
    raw = item.get("field", [])
    if not isinstance(raw, list):
        raise ContentError(f"{where} has fields that are not a list of tables")
    fields = tuple(parse_field(f, f"field #{n} of {where}") for n, f in enumerate(raw, start=1))
    return PlanStep(ident, cast(Topic, topic), text_of(item, "heading", where), text_of(item, "intro", where), fields)


def parse_safety_plan(text: str) -> SafetyPlanContent:
    data = parse_toml(text, "safety_plan.toml")
    raw = data.get("step", [])
    if not isinstance(raw, list):
        raise ContentError("safety_plan.toml's steps are not a list of tables")
    steps = tuple(parse_step(item, n) for n, item in enumerate(raw, start=1))
    topics = [step.topic for step in steps]
    if missing := [t for t in TOPICS if t not in topics]:
        raise ContentError(f"safety_plan.toml has no step on {', '.join(missing)}")
    if twice := sorted({t for t in topics if topics.count(t) > 1}):
        raise ContentError(f"safety_plan.toml has more than one step on {', '.join(twice)}")
    ids = [step.id for step in steps] + [f.id for step in steps for f in step.fields]
    if repeated := sorted({i for i in ids if ids.count(i) > 1}):
        raise ContentError(f"safety_plan.toml uses the id {', '.join(repeated)} more than once")
    title = text_of(data, "title", "safety_plan.toml")
    return SafetyPlanContent(title, text_of(data, "intro", "safety_plan.toml"), steps)


@cache
def load_safety_plan() -> SafetyPlanContent:
    return parse_safety_plan(read("safety_plan.toml"))
