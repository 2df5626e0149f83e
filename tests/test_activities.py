"""The person's own activities (winback.activities): added, renamed and retired beside the catalogue, with ids
allocated in one place for the Daily log form and for imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from winback import activities, tracker
from winback.content.activities import catalogue
from winback.store import Store

TODAY = date(2026, 6, 30)


def entry(**changes: object) -> tracker.DailyEntry:
    values: dict[str, object] = {"day": TODAY, "mood": 3, "missing_ex": 5, "contact": "none"}
    values.update(changes)
    return tracker.DailyEntry(**values)  # type: ignore[arg-type]


def test_custom_activities_rename_and_retire_keep_history(tmp_path: Path) -> None:
    store = Store(tmp_path)
    climbing = activities.add_custom(store, "Climbing", "Body")
    assert climbing.id == "custom_climbing"
    tracker.save_entry(store, entry(activities=(climbing.id,)), TODAY)
    with pytest.raises(ValueError, match="already an activity"):
        activities.add_custom(store, "climbing ", "Body")
    with pytest.raises(ValueError, match="Pick a life area"):
        activities.add_custom(store, "Chess", "Sports")
    activities.update_custom(store, climbing, name="Bouldering")
    renamed = next(a for a in activities.all_activities(store.read("custom_activities").frame) if a.custom)
    activities.update_custom(store, renamed, retired=True)
    known = activities.all_activities(store.read("custom_activities").frame)
    mine = next(a for a in known if a.id == climbing.id)
    assert (mine.name, mine.retired) == ("Bouldering", True)
    assert store.read("daily_log").frame.iloc[0]["activities"] == (climbing.id,)
    with pytest.raises(ValueError, match="Only your own"):
        activities.update_custom(store, catalogue()[0], name="x")


def test_names_that_would_share_an_id_get_their_own(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert activities.add_custom(store, "Climbing", "Body").id == "custom_climbing"
    assert activities.add_custom(store, "Climbing!", "Body").id == "custom_climbing_2"
    assert activities.add_custom(store, "  climbing?  ", "Joy").id == "custom_climbing_3"
    assert activities.add_custom(store, "!!!", "Joy").id == "custom_activity"
    mine = [a for a in activities.all_activities(store.read("custom_activities").frame) if a.custom]
    assert [(a.id, a.name, a.area) for a in mine] == [
        ("custom_activity", "!!!", "Joy"),
        ("custom_climbing", "Climbing", "Body"),
        ("custom_climbing_2", "Climbing!", "Body"),
        ("custom_climbing_3", "climbing?", "Joy"),
    ]


def test_an_activity_may_keep_its_own_name_when_renamed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    chess = activities.add_custom(store, "Chess", "Mind")
    activities.update_custom(store, chess, name=" chess ")
    renamed = next(a for a in activities.all_activities(store.read("custom_activities").frame) if a.custom)
    assert (renamed.id, renamed.name) == (chess.id, "chess")


def test_custom_names_are_checked() -> None:
    known = catalogue()
    assert activities.custom_problems("Chess", "Mind", known) == []
    assert activities.custom_problems("  ", "Mind", known) == ["Give the activity a name."]
    assert activities.custom_problems("x" * 60, "Mind", known) == []
    assert activities.custom_problems("x" * 61, "Mind", known) == ["Names are at most 60 characters; this one has 61."]
    assert activities.custom_problems("chess|go", "Mind", known) == ["The name can't contain '|'."]
    assert activities.custom_problems(known[0].name.upper(), "Mind", known) == [
        f"There is already an activity called “{known[0].name.upper()}”."
    ]


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
