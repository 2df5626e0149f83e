"""The safety plan's content (winback.content.safety_plan): the shipped file has one step on each topic a safety
plan needs, and a malformed step or field is refused by name."""

from __future__ import annotations

import pytest

from winback.content import ContentError
from winback.content.safety_plan import TOPICS, load_safety_plan, parse_safety_plan

HEAD = 'title = "Plan"\nintro = "Some questions."\n'


def step(ident: str, topic: str, fields: str = "") -> str:
    return f'[[step]]\nid = "{ident}"\ntopic = "{topic}"\nheading = "H {ident}"\nintro = "I {ident}"\n{fields}'


def field(ident: str, kind: str = "line", extra: str = "") -> str:
    return f'[[step.field]]\nid = "{ident}"\nkind = "{kind}"\nlabel = "L {ident}"\n{extra}'


def every_topic(fields: str = "") -> str:
    return "".join(step(topic, topic, fields if topic == "people" else "") for topic in TOPICS)


def test_the_shipped_plan_has_one_step_on_each_topic_in_order() -> None:
    shipped = load_safety_plan()
    assert [s.topic for s in shipped.steps] == list(TOPICS)
    assert shipped.title and shipped.intro
    assert all(s.heading and s.intro for s in shipped.steps)


def test_the_shipped_plan_asks_for_a_code_word_and_the_things_to_keep_ready() -> None:
    by_topic = {s.topic: s for s in load_safety_plan().steps}
    assert any("code word" in f.label.lower() for f in by_topic["people"].fields)
    ready = " ".join(f.label.lower() for f in by_topic["ready"].fields if f.kind == "check")
    for thing in ("documents", "money", "keys", "medicines", "charged phone"):
        assert thing in ready
    devices = " ".join(f.label.lower() for f in by_topic["devices"].fields)
    for thing in ("location", "passwords", "clouds"):
        assert thing in devices
    after = " ".join(f.label.lower() for f in by_topic["after"].fields)
    for thing in ("routes", "work", "school"):
        assert thing in after


def test_a_well_formed_file_keeps_its_fields_kinds_and_help() -> None:
    fields = field("who", "text", 'help = "Numbers too."\n') + field("ok", "check")
    parsed = parse_safety_plan(HEAD + every_topic(fields))
    people = parsed.steps[0]
    assert [(f.id, f.kind, f.label, f.help) for f in people.fields] == [
        ("who", "text", "L who", "Numbers too."),
        ("ok", "check", "L ok", ""),
    ]
    assert [f.id for f in parsed.fields] == ["who", "ok"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[step]\n", "safety_plan.toml is not valid TOML"),
        (HEAD + step("people", "people"), "safety_plan.toml has no step on places, ready, devices, after, hotline"),
        (HEAD + every_topic() + step("again", "people"), "more than one step on people"),
        (HEAD + every_topic() + step("more", "friends"), r"step 'more' has topic 'friends'; use people, places"),
        (HEAD + every_topic(field("who", "date")), r"field 'who' has kind 'date'; use line, text, check"),
        (HEAD + every_topic(field("Who")), r"field #1 of step 'people' has id 'Who'; use lowercase"),
        (HEAD + every_topic(field("who") + field("who")), "uses the id who more than once"),
        (HEAD + every_topic(field("places")), "uses the id places more than once"),
        (HEAD + every_topic(field("who", extra='hint = "x"\n')), "field 'who' has no place for hint"),
        (HEAD + every_topic(field("who", extra="help = 3\n")), "the help of field 'who' is not text"),
        (HEAD + every_topic().replace('heading = "H places"\n', ""), "step 'places' has no heading"),
        ('intro = "x"\n' + every_topic(), "safety_plan.toml has no title"),
    ],
)
def test_each_mistake_names_the_step_or_field(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_safety_plan(content)
