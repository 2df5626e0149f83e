"""What a non-programmer may change, loaded and checked in one place: the files in ``winback/content/``.

- ``quiz.toml``: the readiness quiz (questions, options, the verdict thresholds);
- ``activities.toml``: the activity catalogue by life area;
- ``steps.toml``: the default goals of the five steps;
- ``resources.toml``: crisis and abuse lines by country;
- ``checkin.toml``: the weekly check-in's items and scales.

Each file is read once per process. A mistake in one raises ``ContentError`` naming the file and the item,
so a broken edit is caught by the test suite (tests/test_content.py) before anyone sees it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from winback.vocab import ITEM_TIERS, LIFE_AREAS, TOXIC_ANSWERS, ItemTier, Tier

DEFAULT_COUNTRY = "other"
MAX_POINTS = 4
MIN_WORTH_ITEMS = 12
MIN_TOXIC_ITEMS = 14
# The constructs of Section A (SPEC §3) the shipped quiz must cover, one question at least each.
WORTH_CATEGORIES = tuple(
    "satisfaction respect_in_disagreement trust_honesty shared_future what_ended_it willingness_to_change "  # noqa: SIM905
    "own_motive breakup_cycles conflict_resolution shared_values friends_family_view self_worth_in_relationship "
    "ex_signals".split()
)
# What each answer to a Section B item means, by the item's tier (SPEC §3).
ANSWER_TIER: dict[str, dict[str, Tier]] = {
    "danger": {"never": "none", "once": "danger", "sometimes": "danger", "often": "danger"},
    "toxic": {"never": "none", "once": "caution", "sometimes": "toxic", "often": "toxic"},
    "caution": {"never": "none", "once": "none", "sometimes": "none", "often": "caution"},
}

Section = Literal["worth", "toxic"]


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the item."""


def _read(name: str) -> str:
    return resources.files("winback").joinpath(f"content/{name}").read_text(encoding="utf-8")


def _toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name} is not valid TOML: {error}") from None


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    points: int | None = None
    tier: Tier | None = None


@dataclass(frozen=True)
class Question:
    id: str
    section: Section
    category: str
    text: str
    options: tuple[Option, ...]
    weight: float = 1.0
    tier: ItemTier | None = None
    reason: str = ""
    low: str = ""
    high: str = ""
    penalty: int | None = None

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@dataclass(frozen=True)
class Policy:
    go_min: int
    wait_min: int
    caution_penalty: int


@dataclass(frozen=True)
class Quiz:
    version: str
    policy: Policy
    questions: tuple[Question, ...]

    @property
    def worth_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == "worth")

    @property
    def toxic_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == "toxic")

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


def _text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where} has no {key}")
    return value.strip()


def _policy(data: Mapping[str, Any]) -> Policy:
    raw = data.get("policy", {})
    try:
        policy = Policy(int(raw["go_min"]), int(raw["wait_min"]), int(raw["caution_penalty"]))
    except (KeyError, TypeError, ValueError):
        raise ContentError("quiz.toml [policy] needs whole numbers go_min, wait_min and caution_penalty") from None
    if not 0 < policy.wait_min < policy.go_min <= 100:
        raise ContentError("quiz.toml [policy] needs 0 < wait_min < go_min <= 100")
    return policy


def _worth_options(item: Mapping[str, Any], where: str) -> tuple[Option, ...]:
    raw = item.get("option")
    if not isinstance(raw, list) or len(raw) < 2:
        raise ContentError(f"{where} needs at least two options")
    options: list[Option] = []
    for entry in raw:
        option_id = _text(entry, "id", f"an option of {where}")
        label = _text(entry, "label", f"option {option_id!r} of {where}")
        points = entry.get("points")
        if points is None:
            raise ContentError(f"option {option_id!r} of {where} has no points")
        if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_POINTS:
            raise ContentError(f"option {option_id!r} of {where} has points {points!r}; use a whole number 0–4")
        if any(o.id == option_id for o in options):
            raise ContentError(f"option id {option_id!r} appears twice in {where}")
        options.append(Option(option_id, label, points=points))
    return tuple(options)


def _worth_question(item: Mapping[str, Any], head: tuple[str, str, str], where: str) -> Question:
    weight = item.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 < weight <= 1:
        raise ContentError(f"{where} has weight {weight!r}; use a number above 0 and at most 1")
    options = _worth_options(item, where)
    if max(o.points or 0 for o in options) != MAX_POINTS:
        raise ContentError(f"{where} has no option worth {MAX_POINTS} points")
    question_id, category, text = head
    return Question(
        question_id,
        "worth",
        category,
        text,
        options,
        weight=float(weight),
        low=_text(item, "low", where),
        high=_text(item, "high", where),
    )


def _toxic_question(
    item: Mapping[str, Any], head: tuple[str, str, str], where: str, labels: Mapping[str, str]
) -> Question:
    tier = item.get("tier")
    if tier is None:
        raise ContentError(f"{where} has no tier")
    if tier not in ITEM_TIERS:
        raise ContentError(f"{where} has tier {tier!r}; use one of {', '.join(ITEM_TIERS)}")
    if "option" in item:
        raise ContentError(f"{where} is in the toxic section, whose answers are never/once/sometimes/often")
    penalty = item.get("penalty")
    if penalty is not None and (not isinstance(penalty, int) or penalty < 0):
        raise ContentError(f"{where} has penalty {penalty!r}; use a whole number of points")
    options = tuple(Option(a, labels[a], tier=ANSWER_TIER[tier][a]) for a in TOXIC_ANSWERS)
    question_id, category, text = head
    return Question(
        question_id,
        "toxic",
        category,
        text,
        options,
        tier=tier,
        reason=_text(item, "reason", where),
        penalty=penalty,
    )


def parse_quiz(text: str) -> Quiz:
    """Quiz content from TOML text, checked item by item; raises ContentError naming the item."""
    data = _toml(text, "quiz.toml")
    version = str(data.get("version", "")).strip()
    if not version:
        raise ContentError("quiz.toml has no version")
    policy = _policy(data)
    labels = {str(o.get("id")): str(o.get("label", "")) for o in data.get("toxic_option", [])}
    if tuple(labels) != TOXIC_ANSWERS or not all(labels.values()):
        raise ContentError(f"quiz.toml needs toxic_option entries {', '.join(TOXIC_ANSWERS)} with labels")
    questions: list[Question] = []
    for number, item in enumerate(data.get("question", []), start=1):
        question_id = _text(item, "id", f"question #{number}")
        where = f"question {question_id!r}"
        if any(q.id == question_id for q in questions):
            raise ContentError(f"question id {question_id!r} appears twice")
        section = item.get("section")
        text = _text(item, "text", where)
        head = (question_id, _text(item, "category", where), text)
        if section == "worth":
            questions.append(_worth_question(item, head, where))
        elif section == "toxic":
            questions.append(_toxic_question(item, head, where, labels))
        else:
            raise ContentError(f"{where} has section {section!r}; use worth or toxic")
    return Quiz(version, policy, tuple(questions))


def check_coverage(quiz: Quiz) -> None:
    """The shipped quiz must cover SPEC §3: enough items, every worth construct, every tier."""
    if len(quiz.worth_questions) < MIN_WORTH_ITEMS:
        raise ContentError(f"the worth section has {len(quiz.worth_questions)} items; it needs {MIN_WORTH_ITEMS}")
    if len(quiz.toxic_questions) < MIN_TOXIC_ITEMS:
        raise ContentError(f"the toxic section has {len(quiz.toxic_questions)} items; it needs {MIN_TOXIC_ITEMS}")
    missing = [c for c in WORTH_CATEGORIES if c not in {q.category for q in quiz.worth_questions}]
    if missing:
        raise ContentError(f"the worth section lacks {', '.join(missing)}")
    if not set(ITEM_TIERS) <= {q.tier for q in quiz.toxic_questions}:
        raise ContentError("the toxic section needs danger, toxic and caution items")


@cache
def quiz() -> Quiz:
    parsed = parse_quiz(_read("quiz.toml"))
    check_coverage(parsed)
    return parsed


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    area: str
    custom: bool = False
    retired: bool = False


def parse_catalogue(text: str) -> tuple[Activity, ...]:
    out: list[Activity] = []
    for number, item in enumerate(_toml(text, "activities.toml").get("activity", []), start=1):
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
    return parse_catalogue(_read("activities.toml"))


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
    data = _toml(text, "steps.toml")
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
    return parse_steps(_read("steps.toml"))


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
    for number, entry in enumerate(_toml(text, "resources.toml").get("country", []), start=1):
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
    return parse_resources(_read("resources.toml"))


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
    data = _toml(text, "checkin.toml")
    scales = {}
    for name, top, count in (("wellbeing", 5, 5), ("self_worth", 3, 5)):
        part = data.get(name, {})
        scale = Scale(str(part.get("title", "")), tuple(part.get("scale", ())), tuple(part.get("items", ())))
        if scale.top != top or len(scale.items) != count or not scale.title:
            raise ContentError(f"checkin.toml [{name}] needs a title and {count} items on a 0–{top} scale")
        scales[name] = scale
    return CheckinContent(scales["wellbeing"], scales["self_worth"])


@cache
def checkin() -> CheckinContent:
    return parse_checkin(_read("checkin.toml"))
