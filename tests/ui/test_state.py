"""The session's keys (winback.ui.state): one name each, keys built from ids never collide, and forgetting a
person's state keeps only which diary the session shows (and the router's mark on the run)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from winback.ui import state

KEYS = {name: value for name, value in vars(state).items() if name.isupper() and isinstance(value, str)}
ENTRY_ID = "a1b2c3d4e5f6"  # the shape of the ids winback makes
DAY = date(2026, 1, 1)
ONE_ARGUMENT: dict[str, tuple[Callable[[Any], str], tuple[Any, Any]]] = {
    "question": (state.question, ("worth_1", "worth_2")),
    "delete_day": (state.delete_day, (DAY, date(2026, 1, 2))),
    "delete_attempt": (state.delete_attempt, (ENTRY_ID, "f6e5d4c3b2a1")),
    "delete_contact": (state.delete_contact, (ENTRY_ID, "f6e5d4c3b2a1")),
    "asking": (state.asking, ("delete_x", "delete_y")),
    "confirm": (state.confirm, ("delete_x", "delete_y")),
    "keep": (state.keep, ("delete_x", "delete_y")),
    "notice": (state.notice, ("goals", "daily")),
    "notice_box": (state.notice_box, ("goals", "daily")),
    "wellbeing_item": (state.wellbeing_item, (1, 2)),
    "self_worth_item": (state.self_worth_item, (1, 2)),
    "rename_activity": (state.rename_activity, ("custom_chess", "custom_climbing")),
    "retire_activity": (state.retire_activity, ("custom_chess", "custom_climbing")),
    "journal_entry": (state.journal_entry, (ENTRY_ID, "f6e5d4c3b2a1")),
    "journal_edit_form": (state.journal_edit_form, (ENTRY_ID, "f6e5d4c3b2a1")),
    "journal_from": (state.journal_from, (ENTRY_ID, "f6e5d4c3b2a1")),
    "goal": (state.goal, ("no_contact_days", "positive_mood")),
    "import_upload": (state.import_upload, ("daylio", "backup")),
    "mood_map": (state.mood_map, ("rad", "meh")),
    "chart": (state.chart, ("mood", "contact")),
    "chart_numbers": (state.chart_numbers, ("mood", "contact")),
    "report_section": (state.report_section, ("mood", "steps")),
    "report_extra_box": (state.report_extra_box, ("report_notes", "report_reasons")),
    "progress_period": (state.progress_period, ("Mood", "Year in pixels")),
    "step_card": (state.step_card, (1, 2)),
    "plan_field": (state.plan_field, ("people", "code_word")),
}


def test_every_builder_is_listed_here() -> None:
    builders = {
        name for name, value in vars(state).items() if inspect.isfunction(value) and value.__module__ == state.__name__
    }
    assert builders - {"forget_person_state"} == {*ONE_ARGUMENT, "journal_field"}


def test_every_named_key_is_distinct() -> None:
    assert len(set(KEYS.values())) == len(KEYS)


@pytest.mark.parametrize("name", ONE_ARGUMENT)
def test_a_builder_gives_distinct_keys_for_distinct_ids(name: str) -> None:
    build, (one, other) = ONE_ARGUMENT[name]
    assert build(one) != build(other)


def test_builders_give_keys_distinct_from_each_other_and_from_the_named_keys() -> None:
    built = [build(arguments[0]) for build, arguments in ONE_ARGUMENT.values()]
    built += [
        state.journal_field(state.JOURNAL_NEW, "note"),
        state.journal_field(state.journal_entry(ENTRY_ID), "note"),
    ]
    assert len(set(built)) == len(built)
    assert not set(built) & set(KEYS.values())


def test_a_delete_buttons_question_and_answers_have_their_own_keys() -> None:
    delete = state.delete_day(DAY)
    assert len({delete, state.asking(delete), state.confirm(delete), state.keep(delete)}) == 4


def _forget() -> None:
    from winback.ui import state

    state.forget_person_state()


def forgotten(values: dict[str, object]) -> dict[str, object]:
    """The session state after a run that forgets the person's state, starting from ``values``."""
    app = AppTest.from_function(_forget, default_timeout=60)
    for key, value in values.items():
        app.session_state[key] = value
    app.run()
    assert not app.exception
    return app.session_state.to_dict()


@pytest.mark.parametrize("sample_mode", [True, False])
def test_forgetting_keeps_only_the_sample_mode_flag_the_routers_mark_and_the_app_lock(sample_mode: bool) -> None:
    # The router forgets mid-run when the diary changed under the session: the run still went through it. An
    # unlocked window stays unlocked (the lock is the own folder's, whichever diary is shown), and idle counts on.
    # The status line's turns count on too (the browser ignores a turn older than the newest it has seen).
    values: dict[str, object] = {key: "set" for key in KEYS.values()}
    values |= {build(arguments[0]): True for build, arguments in ONE_ARGUMENT.values()}
    values |= {state.SAMPLE_MODE: sample_mode, state.SAMPLE_SWITCH_SEEN: sample_mode, "anything_else": 1}
    assert forgotten(values) == {
        state.SAMPLE_MODE: sample_mode,
        state.SAMPLE_SWITCH_SEEN: sample_mode,
        state.ROUTED: "set",
        state.UNLOCKED_FOR: "set",
        state.LAST_ACTIVITY: "set",
        state.PAGE_OPENED: "set",
    }


def test_forgetting_without_a_sample_mode_flag_leaves_nothing() -> None:
    assert forgotten({state.MOOD: 4, state.FOLDER: "/somewhere", state.notice("goals"): "Goals saved."}) == {}
