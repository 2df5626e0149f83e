"""The import formats the Data & privacy page offers: each entry is complete and builds a plan from a small
valid file, and an unknown format name is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.imports.helpers import DAYLIO_HEADER, HEADER, TODAY, fixture, zip_of
from winback.imports.plan import apply_plan
from winback.imports.registry import FORMATS, import_format
from winback.schema import DAILY_LOG
from winback.store import Store

# One small valid file per format; a format added to the registry needs one here too.
SMALL_FILES = {
    "winback": zip_of({"daily_log.csv": HEADER + b"2026-01-05,4,3,none,,fine\n"}),
    "daylio": (DAYLIO_HEADER + "2026-01-05,,,10:00,good,Read,,fine\n").encode("utf-8"),
}


def test_every_format_has_a_small_valid_file_in_these_tests() -> None:
    assert set(SMALL_FILES) == set(FORMATS)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_has_a_label_and_file_types_and_plans_a_small_valid_file(name: str, tmp_path: Path) -> None:
    chosen = import_format(name)
    assert chosen.name == name
    assert chosen.label.strip()
    assert chosen.file_types
    assert all(kind.isalnum() and kind == kind.lower() for kind in chosen.file_types)
    store = Store(tmp_path)
    data = SMALL_FILES[name]
    answers = {mood.key: 3 for mood in chosen.moods.find(data, store, TODAY)} if chosen.moods else {}
    plan = chosen.plan(data, store, TODAY, answers)
    assert plan.can_apply, plan.problems
    apply_plan(store, plan)
    assert store.read(DAILY_LOG).frame["date"].dt.date.map(str).tolist() == ["2026-01-05"]


def test_the_page_offers_the_formats_in_this_order_with_these_words() -> None:
    assert [(f.name, f.label, f.file_types) for f in FORMATS.values()] == [
        ("winback", "A winback export (zip)", ("zip",)),
        ("daylio", "A Daylio export (CSV)", ("csv",)),
    ]
    assert import_format("winback").warning.startswith("Importing a winback export replaces everything")
    assert import_format("daylio").warning == ""


@pytest.mark.parametrize("name", ["numbers", "", "Daylio", "winback "])
def test_an_unknown_format_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match=f"is not an import format; winback imports {', '.join(FORMATS)}$"):
        import_format(name)


def test_daylio_asks_which_mood_is_which_and_plans_with_the_answers(tmp_path: Path) -> None:
    store = Store(tmp_path)
    daylio = import_format("daylio")
    assert daylio.moods is not None
    assert daylio.moods.intro.startswith("**Which mood is which?**")
    data = fixture("daylio_new.csv")
    asked = daylio.moods.find(data, store, TODAY)
    assert [(mood.key, mood.count) for mood in asked] == [("okay-ish", 1), ("super", 1)]
    assert not daylio.plan(data, store, TODAY, {}).can_apply
    plan = daylio.plan(data, store, TODAY, {mood.key: 4 for mood in asked})
    assert plan.can_apply, plan.problems
    assert plan.summary == "5 new days, 0 days changed, 0 unchanged"


def test_a_winback_export_asks_nothing() -> None:
    assert import_format("winback").moods is None
