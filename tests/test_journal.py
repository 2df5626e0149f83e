"""The Reconnect journal (winback.journal): each contact checked before it is saved, saved under an id that
later saves update, deleted by that id, and listed newest first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.builders import journal as journal_frame
from tests.support.clock import Clock
from winback import journal
from winback.store import Store

TODAY = date(2026, 6, 30)


def contact(**changes: object) -> journal.JournalEntry:
    values: dict[str, object] = {
        "day": TODAY,
        "who": "them",
        "channel": "text",
        "tone": "friendly",
        "calm_and_kind": True,
        "meeting_planned": False,
    }
    values.update(changes)
    return journal.JournalEntry(**values)  # type: ignore[arg-type]


def test_a_complete_contact_has_no_problems() -> None:
    assert journal.problems(contact(), TODAY) == []
    assert journal.problems(contact(day=TODAY - timedelta(days=400), note="x" * 2000), TODAY) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": TODAY + timedelta(days=1)}, "1 July 2026 is in the future; log contacts once they happened."),
        ({"who": "someone"}, "Say who reached out."),
        ({"channel": "pigeon"}, "Pick how you were in touch."),
        ({"tone": "angry"}, "Pick the tone of the contact."),
        ({"note": "x" * 2001}, "The note is 2,001 characters; the limit is 2,000."),
    ],
)
def test_each_invalid_field_is_a_problem(changes: dict[str, object], message: str) -> None:
    assert journal.problems(contact(**changes), TODAY) == [message]


def test_every_problem_is_named_at_once() -> None:
    found = journal.problems(contact(who="", channel="", tone="", note="x" * 2001), TODAY)
    assert len(found) == 4


def test_save_refuses_a_contact_with_problems_and_writes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(ValueError, match="Pick the tone of the contact"):
        journal.save(store, contact(tone="angry"), TODAY)
    assert not store.path("reconnect").exists()


def test_save_gives_a_new_contact_an_id_and_updates_it_in_place(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = journal.save(store, contact(note="hello"), TODAY)
    second = journal.save(store, contact(day=TODAY - timedelta(days=3), who="me"), TODAY)
    assert first and second and first != second
    assert journal.save(store, contact(tone="tense", meeting_planned=True, entry_id=first), TODAY) == first
    saved = {e.entry_id: e for e in journal.entries(store.read("reconnect").frame)}
    assert set(saved) == {first, second}
    assert saved[first] == contact(tone="tense", meeting_planned=True, entry_id=first)
    assert saved[second] == contact(day=TODAY - timedelta(days=3), who="me", entry_id=second)


def test_delete_removes_only_that_contact(tmp_path: Path) -> None:
    store = Store(tmp_path)
    kept = journal.save(store, contact(), TODAY)
    gone = journal.save(store, contact(), TODAY)
    assert journal.delete(store, gone) is True
    assert journal.delete(store, gone) is False
    assert [e.entry_id for e in journal.entries(store.read("reconnect").frame)] == [kept]


def test_entries_are_newest_first() -> None:
    frame = journal_frame(
        (date(2026, 6, 1), "friendly", False),
        (date(2026, 6, 20), "tense", True),
        (date(2026, 5, 2), "neutral", False),
        (date(2026, 6, 20), "neutral", False),
    )
    listed = journal.entries(frame)
    assert [(e.day, e.entry_id) for e in listed] == [
        (date(2026, 6, 20), "j3"),
        (date(2026, 6, 20), "j1"),
        (date(2026, 6, 1), "j0"),
        (date(2026, 5, 2), "j2"),
    ]
    assert listed[1] == journal.JournalEntry(date(2026, 6, 20), "them", "text", "tense", True, True, "", "j1")
    assert journal.entries(frame.iloc[:0]) == []


def test_today_is_a_day_to_log_and_tomorrow_is_not_at_every_moment(clock: Clock, tmp_path: Path) -> None:
    store = Store(tmp_path)
    journal.save(store, contact(day=clock.today), clock.today)
    assert [e.day for e in journal.entries(store.read("reconnect").frame)] == [clock.today]
    with pytest.raises(ValueError, match="is in the future"):
        journal.save(store, contact(day=clock.today + timedelta(days=1)), clock.today)
