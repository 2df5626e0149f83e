"""The five steps' default goals (winback.content.steps): the shipped file loads, and each mistake is refused
naming the file and what is wrong."""

from __future__ import annotations

import pytest

from winback.content import ContentError, read
from winback.content.steps import default_thresholds, parse_steps
from winback.vocab import LIFE_AREAS

SHIPPED = read("steps.toml")


def test_the_shipped_file_loads() -> None:
    shipped = default_thresholds()
    assert shipped == parse_steps(SHIPPED)
    assert shipped.no_contact_days in shipped.no_contact_choices
    assert set(shipped.self_value_area_names) <= set(LIFE_AREAS)
    assert shipped.self_value_areas <= len(shipped.self_value_area_names)


def test_a_changed_value_is_read_as_its_kind() -> None:
    changed = parse_steps(SHIPPED.replace("mood_target = 3.5", "mood_target = 4"))
    assert changed.positive_mood == 4.0
    assert isinstance(changed.positive_mood, float)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[no_contact\n", "steps.toml is not valid TOML"),
        (SHIPPED.replace("target_days = 30", "days = 30"), "steps.toml lacks or misstates 'target_days'"),
        (SHIPPED.replace("[be_kind]", "[be_nice]"), "steps.toml lacks or misstates 'be_kind'"),
        (SHIPPED.replace("mood_target = 3.5", 'mood_target = "high"'), "steps.toml lacks or misstates .*'high'"),
        (SHIPPED.replace("target_choices = [14,", "target_choices = [[14],"), "steps.toml lacks or misstates"),
        (SHIPPED.replace('"Money", ', '"Sport", '), r"steps.toml \[self_value\] areas has \['Sport'\]"),
    ],
)
def test_each_mistake_is_refused_naming_the_file(content: str, message: str) -> None:
    assert content != SHIPPED
    with pytest.raises(ContentError, match=message):
        parse_steps(content)
