"""The readiness quiz's content (quiz.toml): sections, questions and options, checked item by item."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from winback.content import ContentError, parse_toml, read, text_of
from winback.vocab import ITEM_TIERS, TOXIC_ANSWERS, ItemTier, Tier

MAX_POINTS = 4
MIN_WORTH_ITEMS = 12
MIN_TOXIC_ITEMS = 14
# The constructs of Section A (SPEC §3) the shipped quiz must cover, one question at least each.
WORTH_CATEGORIES = (
    "satisfaction",
    "respect_in_disagreement",
    "trust_honesty",
    "shared_future",
    "what_ended_it",
    "willingness_to_change",
    "own_motive",
    "breakup_cycles",
    "conflict_resolution",
    "shared_values",
    "friends_family_view",
    "self_worth_in_relationship",
    "ex_signals",
)
# What each answer to a Section B item means, by the item's tier (SPEC §3).
ANSWER_TIER: dict[str, dict[str, Tier]] = {
    "danger": {"never": "none", "once": "danger", "sometimes": "danger", "often": "danger"},
    "toxic": {"never": "none", "once": "caution", "sometimes": "toxic", "often": "toxic"},
    "caution": {"never": "none", "once": "none", "sometimes": "none", "often": "caution"},
}

# How a section's questions are answered and scored: "worth" items have options worth 0–4 points towards the
# worth score; "toxic" items are answered never/once/sometimes/often and each has a tier (SPEC §3).
SectionKind = Literal["worth", "toxic"]
SECTION_KINDS: tuple[SectionKind, ...] = ("worth", "toxic")


@dataclass(frozen=True)
class Section:
    id: str
    kind: SectionKind
    heading: str
    intro: str


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    points: int | None = None
    tier: Tier | None = None


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    kind: SectionKind
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
    sections: tuple[Section, ...]

    @property
    def worth_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.kind == "worth")

    @property
    def toxic_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.kind == "toxic")

    def in_section(self, section: Section) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == section.id)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


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
        option_id = text_of(entry, "id", f"an option of {where}")
        label = text_of(entry, "label", f"option {option_id!r} of {where}")
        points = entry.get("points")
        if points is None:
            raise ContentError(f"option {option_id!r} of {where} has no points")
        if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_POINTS:
            raise ContentError(f"option {option_id!r} of {where} has points {points!r}; use a whole number 0–4")
        if any(o.id == option_id for o in options):
            raise ContentError(f"option id {option_id!r} appears twice in {where}")
        options.append(Option(option_id, label, points=points))
    return tuple(options)


def _worth_question(item: Mapping[str, Any], head: tuple[str, str, str, str], where: str) -> Question:
    weight = item.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 < weight <= 1:
        raise ContentError(f"{where} has weight {weight!r}; use a number above 0 and at most 1")
    options = _worth_options(item, where)
    if max(o.points or 0 for o in options) != MAX_POINTS:
        raise ContentError(f"{where} has no option worth {MAX_POINTS} points")
    question_id, section, category, text = head
    return Question(
        question_id,
        section,
        "worth",
        category,
        text,
        options,
        weight=float(weight),
        low=text_of(item, "low", where),
        high=text_of(item, "high", where),
    )


def _toxic_question(
    item: Mapping[str, Any], head: tuple[str, str, str, str], where: str, labels: Mapping[str, str]
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
    question_id, section, category, text = head
    return Question(
        question_id,
        section,
        "toxic",
        category,
        text,
        options,
        tier=tier,
        reason=text_of(item, "reason", where),
        penalty=penalty,
    )


def parse_quiz(text: str) -> Quiz:
    """Quiz content from TOML text, checked item by item; raises ContentError naming the item."""
    data = parse_toml(text, "quiz.toml")
    version = str(data.get("version", "")).strip()
    if not version:
        raise ContentError("quiz.toml has no version")
    policy = _policy(data)
    labels = {str(o.get("id")): str(o.get("label", "")) for o in data.get("toxic_option", [])}
    if tuple(labels) != TOXIC_ANSWERS or not all(labels.values()):
        raise ContentError(f"quiz.toml needs toxic_option entries {', '.join(TOXIC_ANSWERS)} with labels")
    sections = _sections(data)
    kinds = {section.id: section.kind for section in sections}
    questions: list[Question] = []
    for number, item in enumerate(data.get("question", []), start=1):
        question_id = text_of(item, "id", f"question #{number}")
        where = f"question {question_id!r}"
        if any(q.id == question_id for q in questions):
            raise ContentError(f"question id {question_id!r} appears twice")
        section = item.get("section")
        text = text_of(item, "text", where)
        if section not in kinds:
            raise ContentError(f"{where} has section {section!r}; use {' or '.join(kinds)}")
        head = (question_id, str(section), text_of(item, "category", where), text)
        if kinds[section] == "worth":
            questions.append(_worth_question(item, head, where))
        else:
            questions.append(_toxic_question(item, head, where, labels))
    return Quiz(version, policy, tuple(questions), sections)


def _sections(data: Mapping[str, Any]) -> tuple[Section, ...]:
    """The quiz's sections in the order a person meets them; each has a kind that says how it is scored."""
    sections: list[Section] = []
    for number, item in enumerate(data.get("section", []), start=1):
        section_id = text_of(item, "id", f"section #{number}")
        where = f"section {section_id!r}"
        if any(s.id == section_id for s in sections):
            raise ContentError(f"section id {section_id!r} appears twice")
        kind = item.get("kind")
        if kind not in SECTION_KINDS:
            raise ContentError(f"{where} has kind {kind!r}; use {' or '.join(SECTION_KINDS)}")
        sections.append(Section(section_id, kind, text_of(item, "heading", where), text_of(item, "intro", where)))
    if not sections:
        raise ContentError("quiz.toml has no [[section]]")
    return tuple(sections)


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
    if empty := [section.id for section in quiz.sections if not quiz.in_section(section)]:
        raise ContentError(f"the sections {', '.join(empty)} have no questions")


@cache
def load_quiz() -> Quiz:
    parsed = parse_quiz(read("quiz.toml"))
    check_coverage(parsed)
    return parsed
