"""Ids for new activities, allocated in one place for the Daily log form and for imports."""

from __future__ import annotations

from pathlib import Path

from winback import activities
from winback.store import Store


def test_a_slug_keeps_letters_and_digits_joined_by_underscores() -> None:
    assert activities.activity_slug("  Cooking & Baking! ") == "cooking_baking"
    assert activities.activity_slug("Café 2") == "café_2"
    assert activities.activity_slug("!!!") == ""


def test_a_taken_id_is_numbered_from_two() -> None:
    assert activities.free_id("custom_read", set()) == "custom_read"
    assert activities.free_id("custom_read", {"custom_read", "custom_read_2"}) == "custom_read_3"
    assert activities.custom_id("Read!", {"custom_read"}) == "custom_read_2"
    assert activities.custom_id("???", set()) == "custom_activity"


def test_adding_an_activity_whose_id_is_taken_numbers_it(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert activities.add_custom(store, "Cooking!", "Joy").id == "custom_cooking"
    assert activities.add_custom(store, "Cooking?", "Body").id == "custom_cooking_2"
    own = activities.own_activities(store.read("custom_activities").frame)
    assert [(a.id, a.name, a.custom) for a in own] == [
        ("custom_cooking", "Cooking!", True),
        ("custom_cooking_2", "Cooking?", True),
    ]
