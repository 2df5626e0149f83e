"""Reconnect: closed with its reasons (and help first after danger) until the quiz says go, then a journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.builders import ready_for_step_4
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
from winback import journal, typed_text
from winback.store import Store


def test_reconnect_is_closed_with_reasons_and_no_form_on_an_empty_folder(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Reconnect"])
    assert "Closed for now" in texts(app)
    assert "Take the readiness quiz first" in texts(app)
    assert "No contact" in texts(app)
    assert not app.get("form")


@pytest.mark.parametrize(("verdict", "tier"), [("wait", "none"), ("dont", "toxic"), ("danger", "danger")])
def test_reconnect_stays_closed_when_the_quiz_does_not_say_go(
    data_dir: Path, clock: Clock, verdict: str, tier: str
) -> None:
    ready_for_step_4(Store(data_dir), clock, verdict, tier)
    app = open_page(PAGE_FILES["Reconnect"])
    assert "Closed for now" in texts(app)
    assert not app.get("form")
    if tier in ("toxic", "danger"):
        assert "Help is here" in texts(app)


def test_reconnect_opens_and_accepts_a_journal_entry(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    app = open_page(PAGE_FILES["Reconnect"])
    assert "Closed for now" not in texts(app)
    assert app.get("form")
    app.radio(key="journal_new_tone").set_value("friendly")
    app.checkbox(key="journal_new_meet").check()
    app.text_area(key="journal_new_note").input("Coffee next week <script>alert(1)</script>")
    app.button(key="FormSubmitter:journal_form-Save contact").click().run()
    assert "Saved the contact" in texts(app)
    journal = Store(data_dir).read("reconnect").frame
    assert len(journal) == 1
    assert journal.iloc[0]["tone"] == "friendly" and bool(journal.iloc[0]["meeting_planned"])
    app.run()
    assert "Step 4: Reconnect" in texts(app)
    assert "done" in texts(app)


def test_an_attempt_that_cannot_be_read_keeps_reconnect_closed(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    with (data_dir / "quiz_attempts.csv").open("a", encoding="utf-8") as damaged:
        damaged.write(f"dangerdanger,{clock.now:%Y-%m-%dT%H:%M:%S},2026.1,eighty,danger,danger\n")
    app = open_page(PAGE_FILES["Reconnect"])
    assert "Closed for now" in texts(app)
    assert "could not be read" in texts(app)
    assert not app.get("form")


def test_control_characters_in_a_journal_note_are_removed_with_a_notice(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    app = open_page(PAGE_FILES["Reconnect"])
    app.text_area(key="journal_new_note").input("coffee\x00 next\x1b week")
    app.button(key="FormSubmitter:journal_form-Save contact").click().run()
    assert not app.exception, app.exception
    assert typed_text.removed_notice(2, "the note") in [i.value for i in app.info]
    assert "Saved the contact" in texts(app)
    assert Store(data_dir).read("reconnect").frame["note"].tolist() == ["coffee next week"]


def test_a_refused_contact_keeps_what_was_typed(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    app = open_page(PAGE_FILES["Reconnect"])
    app.date_input(key="journal_new_day").set_value(clock.today + timedelta(days=2))
    app.text_area(key="journal_new_note").input("a long note I do not want to type again")
    app.button(key="FormSubmitter:journal_form-Save contact").click().run()
    assert "once they happened" in texts(app)
    assert app.text_area(key="journal_new_note").value == "a long note I do not want to type again"
    assert not (data_dir / "reconnect.csv").exists()


def test_a_contact_changed_in_another_window_is_neither_overwritten_nor_deleted(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    store = Store(data_dir)
    drawn = journal.JournalEntry(clock.today, "them", "text", "friendly", True, False, "A")
    entry_id = journal.save(store, drawn, clock.today)
    app = open_page(PAGE_FILES["Reconnect"])
    journal.save(store, replace(drawn, note="B, in another window", entry_id=entry_id), clock.today)
    app.run()  # a run in between: the form still shows what it was filled with
    app.text_area(key=f"journal_{entry_id}_note").input("A, changed here")
    app.button(key=f"FormSubmitter:journal_edit_{entry_id}-Save changes").click().run()
    assert "so nothing was saved" in texts(app)
    assert app.text_area(key=f"journal_{entry_id}_note").value == "B, in another window"
    journal.save(store, replace(drawn, note="C, in another window", entry_id=entry_id), clock.today)
    app.button(key=f"journal_delete_{entry_id}").click().run()
    app.button(key=f"journal_delete_{entry_id}_yes").click().run()
    assert "so nothing was deleted" in texts(app)
    assert store.read("reconnect").frame["note"].tolist() == ["C, in another window"]
