"""The Reconnect journal as a state machine (smaller than the daily log's): each past contact's form shows its
stored row, and the file holds exactly the contacts the person saved, changed and kept."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import astuple, replace
from datetime import timedelta
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import settings
from hypothesis import strategies as some
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.builders import ready_for_step_4
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import NOW, Clock, frozen_at
from winback import journal, typed_text
from winback.store import Store, clear_cache
from winback.ui import state
from winback.vocab import CHANNELS, TONES, WHO

pytestmark = pytest.mark.machine


def stored_note(typed: str) -> str:
    """A note as the file keeps it: control characters removed, and a note of only spaces kept as no note."""
    kept, _ = typed_text.clean(typed)
    return kept if kept.strip() else ""


EXAMPLES = int(os.environ.get("WINBACK_MACHINE_EXAMPLES", "4"))
STEPS = 12
NOTES = some.text(alphabet=some.sampled_from("ab *_<>$\n\x00"), max_size=8)


def _new(field: str) -> str:
    return state.journal_field(state.JOURNAL_NEW, field)


def _past(entry_id: str, field: str) -> str:
    return state.journal_field(state.journal_entry(entry_id), field)


class Journal(RuleBasedStateMachine):
    clock: Clock
    steps = 0

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="winback-machine-"))
        os.environ["WINBACK_DATA_DIR"] = str(self.folder)
        st.cache_data.clear()
        st.cache_resource.clear()
        clear_cache()
        ready_for_step_4(Store(self.folder), self.clock)
        self.saved: dict[str, journal.JournalEntry] = {}
        self.app = open_page(PAGE_FILES["Reconnect"])
        assert "Log a contact" in texts(self.app), texts(self.app)

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stored(self) -> dict[str, journal.JournalEntry]:
        return {e.entry_id: e for e in journal.entries(Store(self.folder).read("reconnect").frame)}

    @rule(
        back=some.integers(0, 3),
        who=some.sampled_from(list(WHO)),
        channel=some.sampled_from(list(CHANNELS)),
        tone=some.sampled_from(list(TONES)),
        calm=some.booleans(),
        meet=some.booleans(),
        note=NOTES,
    )
    def log_a_contact(self, back: int, who: str, channel: str, tone: str, calm: bool, meet: bool, note: str) -> None:
        day = self.clock.today - timedelta(days=back)
        app = self.app
        app.date_input(key=_new("day")).set_value(day)
        app.radio(key=_new("who")).set_value(who)
        app.selectbox(key=_new("channel")).set_value(channel)
        app.radio(key=_new("tone")).set_value(tone)
        app.checkbox(key=_new("calm")).set_value(calm)
        app.checkbox(key=_new("meet")).set_value(meet)
        app.text_area(key=_new("note")).input(note)
        app.button(key=f"FormSubmitter:{state.JOURNAL_FORM}-Save contact").click().run()
        added = set(self._stored()) - set(self.saved)
        assert len(added) == 1, texts(app)
        entry_id = added.pop()
        cleaned = stored_note(note)
        self.saved[entry_id] = journal.JournalEntry(day, who, channel, tone, calm, meet, cleaned, entry_id)

    @precondition(lambda self: bool(self.saved))
    @rule(data=some.data(), tone=some.sampled_from(list(TONES)), note=NOTES)
    def change_a_contact(self, data: some.DataObject, tone: str, note: str) -> None:
        entry_id = data.draw(some.sampled_from(sorted(self.saved)))
        self.app.radio(key=_past(entry_id, "tone")).set_value(tone)
        self.app.text_area(key=_past(entry_id, "note")).input(note)
        self.app.button(key=f"FormSubmitter:{state.journal_edit_form(entry_id)}-Save changes").click().run()
        self.saved[entry_id] = replace(self.saved[entry_id], tone=tone, note=stored_note(note))

    @precondition(lambda self: bool(self.saved))
    @rule(data=some.data(), confirm=some.booleans())
    def delete_a_contact(self, data: some.DataObject, confirm: bool) -> None:
        entry_id = data.draw(some.sampled_from(sorted(self.saved)))
        key = state.delete_contact(entry_id)
        self.app.button(key=key).click().run()
        self.app.button(key=state.confirm(key) if confirm else state.keep(key)).click().run()
        if confirm:
            del self.saved[entry_id]

    @rule()
    def rerun(self) -> None:
        self.app.run()

    @rule()
    def switch_away_and_back(self) -> None:
        self.app.switch_page(PAGE_FILES["Today"]).run()
        self.app.switch_page(PAGE_FILES["Reconnect"]).run()

    @invariant()
    def every_past_contact_shows_its_stored_row(self) -> None:
        Journal.steps += 1
        app = self.app
        assert not app.exception, app.exception
        stored = self._stored()
        assert {k: astuple(v) for k, v in stored.items()} == {k: astuple(v) for k, v in self.saved.items()}
        for entry_id, entry in stored.items():
            assert app.radio(key=_past(entry_id, "tone")).value == entry.tone
            assert app.text_area(key=_past(entry_id, "note")).value == entry.note
            assert app.checkbox(key=_past(entry_id, "meet")).value == entry.meeting_planned


def test_the_journal_shows_and_stores_what_the_person_did() -> None:
    previous = os.environ.get("WINBACK_DATA_DIR")
    try:
        with frozen_at(NOW) as clock:
            Journal.clock = clock
            Journal.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=STEPS)
            Journal.TestCase().runTest()
        print(f"{Journal.steps} checks of the journal's forms and file")
    finally:
        if previous is None:
            os.environ.pop("WINBACK_DATA_DIR", None)
        else:
            os.environ["WINBACK_DATA_DIR"] = previous
