"""Crisis and abuse lines (winback.content.resources): the shipped file loads, and each mistake names its item."""

from __future__ import annotations

import pytest

from winback.content import ContentError
from winback.content.resources import DEFAULT_COUNTRY, countries, parse_resources


def country(code: str, *resources: str, name: str = "A country") -> str:
    return f'[[country]]\ncode = "{code}"\nname = "{name}"\n' + "".join(resources)


def resource(name: str = "Helpline", contact: str = "Call 123", when: str = "Any time") -> str:
    return f'[[country.resource]]\nname = "{name}"\ncontact = "{contact}"\nwhen = "{when}"\n'


def test_the_shipped_file_loads_with_the_international_lines() -> None:
    shipped = countries()
    assert DEFAULT_COUNTRY in shipped
    for code, entry in shipped.items():
        assert entry.code == code
        assert entry.resources
        assert all(r.name.strip() and r.contact.strip() and r.when.strip() for r in entry.resources)


def test_a_well_formed_file_keeps_each_country_and_its_lines() -> None:
    parsed = parse_resources(country("uk", resource(), name="United Kingdom") + country("other", resource("Other")))
    assert list(parsed) == ["uk", "other"]
    assert parsed["uk"].name == "United Kingdom"
    assert [(r.name, r.contact, r.when) for r in parsed["uk"].resources] == [("Helpline", "Call 123", "Any time")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[country]\n", "resources.toml is not valid TOML"),
        (country(" ", resource()), "country #1 has no code"),
        (country("uk", resource()) + country("uk", resource()), "country 'uk' appears twice"),
        (country("uk", resource(contact=" ", when="")), "a resource of 'uk' lacks contact, when"),
        (country("uk"), "country 'uk' lists no resources"),
        (country("uk", resource()), "resources.toml must have a country with code 'other'"),
    ],
)
def test_each_mistake_names_the_country(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_resources(content)
