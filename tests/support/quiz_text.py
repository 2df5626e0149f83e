"""A small quiz as TOML text, for the scoring tests (tests/test_quiz.py) and the content tests
(tests/content/test_quiz.py): the header, a worth item of 0–4 points and a toxic item of any tier."""

from __future__ import annotations

HEADER = """
version = "test"
[policy]
go_min = 70
wait_min = 45
caution_penalty = 8
[[toxic_option]]
id = "never"
label = "Never"
[[toxic_option]]
id = "once"
label = "Once"
[[toxic_option]]
id = "sometimes"
label = "Sometimes"
[[toxic_option]]
id = "often"
label = "Often"
[[section]]
id = "worth"
kind = "worth"
heading = "Worth it?"
intro = "About the relationship."
[[section]]
id = "toxic"
kind = "toxic"
heading = "Toxic?"
intro = "About how they treated you."
"""


def worth_item(number: int, weight: float = 1.0) -> str:
    options = "".join(f'[[question.option]]\nid = "p{p}"\nlabel = "{p} points"\npoints = {p}\n' for p in range(5))
    return (
        f'[[question]]\nid = "w{number}"\nsection = "worth"\ncategory = "c{number}"\ntext = "Worth item {number}?"\n'
        f'low = "Low {number}."\nhigh = "High {number}."\nweight = {weight}\n{options}'
    )


def toxic_item(name: str, tier: str, penalty: int | None = None) -> str:
    extra = f"penalty = {penalty}\n" if penalty is not None else ""
    return (
        f'[[question]]\nid = "{name}"\nsection = "toxic"\ncategory = "{name}"\ntier = "{tier}"\n'
        f'text = "Did they {name}?"\nreason = "They did {name}."\n{extra}'
    )
