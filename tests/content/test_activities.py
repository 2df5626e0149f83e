"""The activity catalogue (winback.content.activities): the shipped file loads, and each mistake names its item."""

from __future__ import annotations

import pytest

from winback.content import ContentError
from winback.content.activities import catalogue, parse_catalogue
from winback.vocab import LIFE_AREAS


def activity(ident: str = "walk", name: str = "Walk", area: str = "Body") -> str:
    return f'[[activity]]\nid = "{ident}"\nname = "{name}"\narea = "{area}"\n'


def test_the_shipped_catalogue_loads_with_distinct_ids_in_known_areas() -> None:
    shipped = catalogue()
    assert shipped
    assert len({a.id for a in shipped}) == len(shipped)
    assert {a.area for a in shipped} == set(LIFE_AREAS)
    assert all(a.name.strip() and not a.custom and not a.retired for a in shipped)


def test_a_well_formed_file_gives_its_activities_in_order() -> None:
    parsed = parse_catalogue(activity() + activity("chess", "Chess", "Mind"))
    assert [(a.id, a.name, a.area) for a in parsed] == [("walk", "Walk", "Body"), ("chess", "Chess", "Mind")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[activity]\n", "activities.toml is not valid TOML"),
        (activity() + activity(ident=" "), "activity #2 has no id"),
        (activity() + activity(name="Walk again"), "activity 'walk' appears twice"),
        (activity(area="Sports"), "activity 'walk' has area 'Sports'; use one of Body, Mind"),
        (activity(name=" "), "activity 'walk' has no name"),
    ],
)
def test_each_mistake_names_the_activity(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_catalogue(content)
