"""The weekly check-in's content (winback.content.checkin): the shipped file loads, and a scale that is not
five items on its 0–5 or 0–3 scale is refused by name."""

from __future__ import annotations

import pytest

from winback.content import ContentError
from winback.content.checkin import load_checkin, parse_checkin


def scale(name: str, labels: int, items: int, title: str = "How?") -> str:
    labelled = ", ".join(f'"label {n}"' for n in range(labels))
    listed = ", ".join(f'"item {n}"' for n in range(items))
    return f'[{name}]\ntitle = "{title}"\nscale = [{labelled}]\nitems = [{listed}]\n'


GOOD = scale("wellbeing", 6, 5) + scale("self_worth", 4, 5)


def test_the_shipped_file_loads_with_five_items_on_each_scale() -> None:
    shipped = load_checkin()
    assert (shipped.wellbeing.top, len(shipped.wellbeing.items)) == (5, 5)
    assert (shipped.self_worth.top, len(shipped.self_worth.items)) == (3, 5)
    assert shipped.wellbeing.title and shipped.self_worth.title


def test_a_well_formed_file_keeps_its_titles_labels_and_items() -> None:
    parsed = parse_checkin(GOOD)
    assert parsed.wellbeing.labels == tuple(f"label {n}" for n in range(6))
    assert parsed.self_worth.items == tuple(f"item {n}" for n in range(5))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[wellbeing\n", "checkin.toml is not valid TOML"),
        (scale("self_worth", 4, 5), r"checkin.toml \[wellbeing\] needs a title and 5 items on a 0–5 scale"),
        (scale("wellbeing", 6, 4) + scale("self_worth", 4, 5), r"\[wellbeing\] needs a title and 5 items"),
        (scale("wellbeing", 5, 5) + scale("self_worth", 4, 5), r"\[wellbeing\] needs a title and 5 items"),
        (scale("wellbeing", 6, 5, title="") + scale("self_worth", 4, 5), r"\[wellbeing\] needs a title"),
        (scale("wellbeing", 6, 5) + scale("self_worth", 6, 5), r"\[self_worth\] needs a title and 5 items on a 0–3"),
        (scale("wellbeing", 6, 5) + scale("self_worth", 4, 6), r"\[self_worth\] needs a title and 5 items"),
    ],
)
def test_each_mistake_names_the_scale(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_checkin(content)
