"""The person's settings (winback.settings): settings.json over the defaults of steps.toml, every bad value
replaced by its default and reported, and the two ways the app saves them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.clock import Clock
from winback import settings
from winback.content.resources import DEFAULT_COUNTRY
from winback.content.steps import default_thresholds
from winback.store import Store

DEFAULTS = settings.Settings(DEFAULT_COUNTRY, None, default_thresholds())
# Any value JSON can hold, a few levels deep.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)

TODAY = date(2026, 6, 30)


def saved(folder: Path, values: dict[str, Any]) -> Store:
    """A store whose settings.json holds exactly ``values``, as a person or an older winback might have left it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(values), encoding="utf-8")
    return Store(folder)


def messages(problems: list[Any]) -> list[str]:
    return [p.message for p in problems]


def test_without_a_settings_file_everything_is_the_default(tmp_path: Path) -> None:
    loaded, problems = settings.load(Store(tmp_path))
    assert loaded == settings.Settings(DEFAULT_COUNTRY, None, default_thresholds())
    assert problems == []


def test_good_values_override_the_defaults(tmp_path: Path) -> None:
    store = saved(
        tmp_path,
        {
            "country": "uk",
            "no_contact_start": "2026-05-01",
            "thresholds": {"no_contact_days": 45, "positive_mood": 4, "friendly_contacts": 5, "self_value_areas": 1},
        },
    )
    loaded, problems = settings.load(store)
    assert problems == []
    assert (loaded.country, loaded.no_contact_start) == ("uk", date(2026, 5, 1))
    t = loaded.thresholds
    assert (t.no_contact_days, t.positive_mood, t.friendly_contacts, t.self_value_areas) == (45, 4.0, 5, 1)
    assert type(t.positive_mood) is float and type(t.no_contact_days) is int
    assert t.positive_window == default_thresholds().positive_window


@pytest.mark.parametrize("name", settings.EDITABLE)
@pytest.mark.parametrize("edge", ["low", "high"])
def test_the_ends_of_each_range_are_kept(tmp_path: Path, name: str, edge: str) -> None:
    low, high = settings.EDITABLE[name]
    loaded, problems = settings.load(saved(tmp_path, {"thresholds": {name: low if edge == "low" else high}}))
    assert problems == []
    assert getattr(loaded.thresholds, name) == (low if edge == "low" else high)


@pytest.mark.parametrize("name", settings.EDITABLE)
@pytest.mark.parametrize("side", ["below", "above"])
def test_a_threshold_out_of_range_is_the_default_and_a_problem(tmp_path: Path, name: str, side: str) -> None:
    low, high = settings.EDITABLE[name]
    value = low - 1 if side == "below" else high + 1
    loaded, problems = settings.load(saved(tmp_path, {"thresholds": {name: value}}))
    assert getattr(loaded.thresholds, name) == getattr(default_thresholds(), name)
    assert messages(problems) == [f"{name} {value!r} is outside {low:g}–{high:g}; using the default"]


@pytest.mark.parametrize("value", ["45", True, None, [45], {"days": 45}])
def test_a_threshold_of_the_wrong_type_is_the_default_and_a_problem(tmp_path: Path, value: object) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"thresholds": {"no_contact_days": value, "self_value_areas": 2}}))
    assert loaded.thresholds.no_contact_days == default_thresholds().no_contact_days
    assert loaded.thresholds.self_value_areas == 2
    assert len(problems) == 1
    assert problems[0].message.startswith(f"no_contact_days {value!r} ")


def test_a_value_winback_does_not_let_people_change_is_ignored(tmp_path: Path) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"thresholds": {"quiz_valid_days": 1}}))
    assert loaded.thresholds == default_thresholds()
    assert problems == []


@pytest.mark.parametrize("value", [5, [45], "45", True])
def test_thresholds_that_are_not_named_values_are_the_defaults_and_a_problem(tmp_path: Path, value: object) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"thresholds": value, "country": "uk"}))
    assert loaded.thresholds == default_thresholds()
    assert loaded.country == "uk"
    assert len(problems) == 1
    assert "thresholds" in problems[0].message


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", 12])
def test_a_no_contact_start_that_is_not_a_date_is_none_and_a_problem(tmp_path: Path, value: object) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"no_contact_start": value}))
    assert loaded.no_contact_start is None
    assert messages(problems) == [f"no_contact_start {value!r} is not a date"]


def test_a_cleared_no_contact_start_is_none(tmp_path: Path) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"no_contact_start": None}))
    assert (loaded.no_contact_start, problems) == (None, [])


@pytest.mark.parametrize(("value", "country"), [("us", "us"), (None, DEFAULT_COUNTRY), (44, DEFAULT_COUNTRY)])
def test_country(tmp_path: Path, value: object, country: str) -> None:
    assert settings.load(saved(tmp_path, {"country": value}))[0].country == country


def test_a_damaged_settings_file_gives_the_defaults_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"country": "uk", ', encoding="utf-8")
    loaded, problems = settings.load(Store(tmp_path))
    assert loaded == settings.Settings(DEFAULT_COUNTRY, None, default_thresholds())
    assert "not valid JSON" in problems[0].message


def test_save_thresholds_checks_every_range_and_saves_nothing_on_a_refusal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(ValueError, match="no_contact_days must be between 14 and 90"):
        settings.save_thresholds(store, {"friendly_contacts": 4, "no_contact_days": 91})
    with pytest.raises(ValueError, match="positive_mood must be between 1 and 5"):
        settings.save_thresholds(store, {"positive_mood": 0.9})
    assert not (tmp_path / "settings.json").exists()


def test_save_thresholds_merges_with_what_was_saved(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.write_settings({"country": "uk"})
    settings.save_thresholds(store, {"no_contact_days": 14, "positive_mood": 4.5})
    settings.save_thresholds(store, {"no_contact_days": 90})
    loaded, problems = settings.load(store)
    assert problems == []
    assert loaded.country == "uk"
    assert (loaded.thresholds.no_contact_days, loaded.thresholds.positive_mood) == (90, 4.5)


def test_save_thresholds_over_thresholds_that_are_not_named_values(tmp_path: Path) -> None:
    store = saved(tmp_path, {"thresholds": [45]})
    settings.save_thresholds(store, {"no_contact_days": 21})
    loaded, problems = settings.load(store)
    assert (loaded.thresholds.no_contact_days, problems) == (21, [])


def test_save_no_contact_start_refuses_the_future(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(ValueError, match="can't be in the future"):
        settings.save_no_contact_start(store, TODAY + timedelta(days=1), TODAY)
    assert not (tmp_path / "settings.json").exists()
    settings.save_no_contact_start(store, TODAY, TODAY)
    assert settings.load(store)[0].no_contact_start == TODAY
    settings.save_no_contact_start(store, None, TODAY)
    assert settings.load(store)[0].no_contact_start is None


def test_save_no_contact_start_today_and_not_tomorrow_at_every_moment(clock: Clock, tmp_path: Path) -> None:
    store = Store(tmp_path)
    settings.save_no_contact_start(store, clock.today, clock.today)
    assert settings.load(store)[0].no_contact_start == clock.today
    with pytest.raises(ValueError):
        settings.save_no_contact_start(store, clock.today + timedelta(days=1), clock.today)


@pytest.mark.parametrize(
    "text",
    ['{"thresholds": [1, 2]}', '"abc"', "5", "[" * 100_000 + "]" * 100_000, "[" * 30_000 + "]" * 30_000],
    ids=["thresholds-list", "abc", "5", "100000-deep", "30000-deep"],
)
def test_a_file_of_any_other_shape_gives_the_defaults_and_says_so(tmp_path: Path, text: str) -> None:
    (tmp_path / "settings.json").write_text(text, encoding="utf-8")
    loaded, problems = settings.load(Store(tmp_path))
    assert loaded == DEFAULTS
    assert len(problems) == 1


@given(whole=JSON_VALUES, thresholds=JSON_VALUES, start=JSON_VALUES, country=JSON_VALUES)
def test_whatever_the_file_holds_load_gives_settings_in_range(
    tmp_path_factory: pytest.TempPathFactory, whole: object, thresholds: object, start: object, country: object
) -> None:
    for content in (whole, {"thresholds": thresholds, "no_contact_start": start, "country": country}):
        folder = tmp_path_factory.mktemp("any")
        (folder / "settings.json").write_text(json.dumps(content), encoding="utf-8")
        loaded, _ = settings.load(Store(folder))
        for name, (low, high) in settings.EDITABLE.items():
            assert low <= getattr(loaded.thresholds, name) <= high
        assert isinstance(loaded.country, str)
        assert loaded.no_contact_start is None or isinstance(loaded.no_contact_start, date)


def test_a_bad_value_is_set_aside_with_the_file_when_a_setting_is_next_saved(tmp_path: Path) -> None:
    original = '{"country": "uk", "thresholds": [1, 2], "no_contact_target_days": 30}'
    store = saved(tmp_path, {})
    (tmp_path / "settings.json").write_text(original, encoding="utf-8")
    settings.save_no_contact_start(store, TODAY, TODAY)
    assert (tmp_path / "settings.rejected.json").read_text(encoding="utf-8") == original
    kept = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert kept == {"country": "uk", "no_contact_start": TODAY.isoformat(), "no_contact_target_days": 30}
    assert settings.load(store)[1] == []


def test_a_bad_threshold_is_dropped_and_the_good_ones_kept_when_goals_are_saved(tmp_path: Path) -> None:
    store = saved(tmp_path, {"thresholds": {"no_contact_days": "45", "friendly_contacts": 4}})
    settings.save_thresholds(store, {"positive_mood": 4.5})
    assert (tmp_path / "settings.rejected.json").exists()
    kept = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert kept == {"thresholds": {"friendly_contacts": 4, "positive_mood": 4.5}}


def test_a_good_file_is_not_set_aside(tmp_path: Path) -> None:
    store = saved(tmp_path, {"country": "uk"})
    settings.save_country(store, "us")
    assert not (tmp_path / "settings.rejected.json").exists()
    assert settings.load(store)[0].country == "us"


@pytest.mark.parametrize("code", ["", "UK", "u k", "x" * 17, "../etc"])
def test_save_country_refuses_what_is_not_a_country_code(tmp_path: Path, code: str) -> None:
    with pytest.raises(ValueError):
        settings.save_country(Store(tmp_path), code)
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.parametrize("value", ["1899-12-31", "3000-01-01", "2026-05-01T10:00:00", "20260501"])
def test_a_no_contact_start_outside_the_years_it_could_be_is_none_and_a_problem(tmp_path: Path, value: str) -> None:
    loaded, problems = settings.load(saved(tmp_path, {"no_contact_start": value}))
    assert loaded.no_contact_start is None
    assert messages(problems) == [f"no_contact_start {value!r} is not a date"]


def test_a_long_value_is_quoted_short(tmp_path: Path) -> None:
    _, problems = settings.load(saved(tmp_path, {"country": "x" * 10_000, "thresholds": {"positive_mood": [[[[1]]]]}}))
    assert all(len(p.message) < 200 for p in problems), messages(problems)


def test_the_quick_exit_address_is_saved_checked_and_forgotten(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert settings.quick_exit_url(store) is None
    settings.save_quick_exit_url(store, " https://example.org/rain ")
    assert settings.quick_exit_url(store) == "https://example.org/rain"
    with pytest.raises(ValueError, match="https://"):
        settings.save_quick_exit_url(store, "http://example.org/")
    assert settings.quick_exit_url(store) == "https://example.org/rain", "a refused address changes nothing"
    settings.save_quick_exit_url(store, None)
    assert settings.quick_exit_url(store) is None


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "https://a@example.org/", "https://example.org/\n", "https://x.org/" + "a" * 300, 7],
)
def test_a_quick_exit_address_edited_by_hand_is_checked_like_a_typed_one(tmp_path: Path, value: object) -> None:
    store = saved(tmp_path, {"quick_exit_url": value, "country": "uk"})
    checked = settings.read(store)
    assert checked.saved.quick_exit_url is None
    assert checked.saved.country == "uk", "one bad value costs only itself"
    assert [m for m in messages(checked.problems) if m.startswith("quick_exit_url")]


def test_the_first_visit_note_is_remembered_once_read(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert not settings.exit_intro_seen(store)
    settings.save_exit_intro_seen(store)
    assert settings.exit_intro_seen(store)
    assert not settings.exit_intro_seen(saved(tmp_path / "odd", {"exit_intro_seen": "yes"}))


@pytest.mark.parametrize(
    ("value", "on", "problem"),
    [
        (True, True, None),
        (False, False, None),
        (None, False, None),
        ("yes", False, "not true or false"),
        (1, False, ""),
    ],
)
def test_the_disguise_is_on_only_when_the_file_says_true(
    tmp_path: Path, value: object, on: bool, problem: str | None
) -> None:
    store = saved(tmp_path, {"disguise": value})
    assert settings.disguised(store) is on
    found = messages(settings.read(store).problems)
    assert found == [] if problem is None else len(found) == 1 and problem in found[0]


def test_saving_the_disguise_keeps_the_other_settings(tmp_path: Path) -> None:
    store = saved(tmp_path, {"country": "uk"})
    settings.save_disguise(store, True)
    assert settings.disguised(store) and settings.load(store)[0].country == "uk"
    settings.save_disguise(store, False)
    assert not settings.disguised(store)
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8")) == {"country": "uk", "disguise": False}
