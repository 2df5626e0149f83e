"""Daily log as a state machine: whatever a person does, in any order, the form shows the stored row for the
chosen day (or what they typed since), and the file holds exactly what they saved.

CI runs 10 sequences of up to 25 steps (at least 200 steps, checked); run more locally, e.g.
``WINBACK_MACHINE_EXAMPLES=200 bash scripts/test.sh tests/machines -q --hypothesis-seed=1``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import settings
from hypothesis import strategies as some
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import NOW, frozen_at
from winback import activities, tracker, typed_text
from winback.store import Store, clear_cache
from winback.ui import state
from winback.vocab import CONTACTS, MOODS, NEUTRAL_MISSING_EX, NEUTRAL_MOOD
from winback.words import day_words

pytestmark = pytest.mark.machine


def stored_note(typed: str) -> str:
    """A note as the file keeps it: control characters removed, and a note of only spaces kept as no note."""
    kept, _ = typed_text.clean(typed)
    return kept if kept.strip() else ""


EXAMPLES = int(os.environ.get("WINBACK_MACHINE_EXAMPLES", "10"))
STEPS = 25
Row = tuple[int, int, str, tuple[str, ...], str]
DEFAULT_ROW: Row = (NEUTRAL_MOOD, NEUTRAL_MISSING_EX, "none", (), "")
# Notes as people type them, with Markdown, HTML and a control character now and then.
NOTES = some.text(alphabet=some.sampled_from("ab *_<>[]()$\\\n\x00é🙂"), max_size=12)


class DailyLog(RuleBasedStateMachine):
    checks = starts = 0  # invariant checks over all sequences (one per step, one at each start), and sequences

    def __init__(self) -> None:
        super().__init__()
        DailyLog.starts += 1
        self.folder = Path(tempfile.mkdtemp(prefix="winback-machine-"))
        os.environ["WINBACK_DATA_DIR"] = str(self.folder)
        st.cache_data.clear()
        st.cache_resource.clear()
        clear_cache()
        self.today = date.today()
        self.saved: dict[date, Row] = {}
        self.chosen = self.today
        self.form: Row = DEFAULT_ROW  # what the page draws the form with
        self.typed: dict[int, object] = {}  # fields changed since, not yet sent (a form sends them on Save)
        self.names: list[str] = []  # own activities added, by name
        self.app = open_page(PAGE_FILES["Daily log"])

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # What the person does. A run that is not the form's Save drops what was typed in the form and not sent.
    def _ran(self) -> None:
        self.typed = {}

    def _load(self, day: date) -> None:
        self._ran()
        if day != self.chosen:
            self.form = self.saved.get(day, DEFAULT_ROW)
        self.chosen = day

    def _shown(self) -> Row:
        row = list(self.form)
        for field, value in self.typed.items():
            row[field] = value
        return tuple(row)  # type: ignore[return-value]

    @rule(back=some.integers(0, 6))
    def pick_a_day(self, back: int) -> None:
        day = self.today - timedelta(days=back)
        self.app.date_input(key=state.ENTRY_DAY).set_value(day).run()
        self._load(day)

    @precondition(lambda self: bool(self.saved))
    @rule(data=some.data())
    def pick_a_row_in_history(self, data: some.DataObject) -> None:
        day = data.draw(some.sampled_from(sorted(self.saved)))
        # What the table's on_select callback does with the row picked.
        self.app.session_state[state.ENTRY_DAY] = day
        self.app.run()
        self._load(day)

    @rule(mood=some.sampled_from(MOODS))
    def set_mood(self, mood: int) -> None:
        self.app.select_slider(key=state.MOOD).set_value(mood)
        self.typed[0] = mood

    @rule(missing=some.integers(0, 10))
    def set_missing_my_ex(self, missing: int) -> None:
        self.app.slider(key=state.MISSING_EX).set_value(missing)
        self.typed[1] = missing

    @rule(contact=some.sampled_from(CONTACTS))
    def set_contact(self, contact: str) -> None:
        self.app.radio(key=state.CONTACT).set_value(contact)
        self.typed[2] = contact

    @rule(data=some.data())
    def toggle_an_activity(self, data: some.DataObject) -> None:
        offered = [a.id for a in self._known() if not a.retired]
        pick = data.draw(some.sampled_from(offered[:5] + offered[-2:]))
        chosen = list(self._shown()[3])
        chosen = [a for a in chosen if a != pick] if pick in chosen else [*chosen, pick]
        self.app.multiselect(key=state.ACTIVITIES).set_value(chosen)
        self.typed[3] = tuple(chosen)

    @rule(note=NOTES)
    def set_note(self, note: str) -> None:
        self.app.text_area(key=state.NOTE).input(note)
        self.typed[4] = note

    @rule()
    def save(self) -> None:
        self.app.button(key=f"FormSubmitter:{state.DAILY_FORM}-Save").click().run()
        shown = self._shown()
        self._ran()
        note = stored_note(shown[4])
        self.form = (*shown[:4], note)  # type: ignore[assignment]
        self.saved[self.chosen] = self.form
        assert any(m.value.startswith(("Saved", "Updated")) for m in self.app.success), texts(self.app)

    @precondition(lambda self: self.chosen in self.saved)
    @rule()
    def delete_and_confirm(self) -> None:
        key = state.delete_day(self.chosen)
        self.app.button(key=key).click().run()
        self.app.button(key=state.confirm(key)).click().run()
        self._ran()
        del self.saved[self.chosen]
        self.form = DEFAULT_ROW
        assert f"Deleted {day_words(self.chosen, weekday=True)}." in texts(self.app)

    @precondition(lambda self: self.chosen in self.saved)
    @rule()
    def delete_and_keep(self) -> None:
        key = state.delete_day(self.chosen)
        self.app.button(key=key).click().run()
        self.app.button(key=state.keep(key)).click().run()
        self._ran()

    @precondition(lambda self: len(self.names) < 2)
    @rule()
    def add_an_own_activity(self) -> None:
        name = f"Own {len(self.names) + 1}"
        self.app.text_input(key=state.NEW_ACTIVITY_NAME).input(name)
        self.app.button(key=f"FormSubmitter:{state.ACTIVITY_FORM}-Add activity").click().run()
        self._ran()
        self.names.append(name)

    @rule()
    def rerun(self) -> None:
        self.app.run()
        self._ran()

    @rule()
    def switch_away_and_back(self) -> None:
        self.app.switch_page(PAGE_FILES["Today"]).run()
        self.app.switch_page(PAGE_FILES["Daily log"]).run()
        # Streamlit forgets the widgets of a page not drawn: the day picker starts on today again.
        self._ran()
        self.chosen = self.today
        self.form = self.saved.get(self.today, DEFAULT_ROW)

    # What must hold after every step.
    @invariant()
    def the_form_shows_the_chosen_day(self) -> None:
        app = self.app
        assert not app.exception, app.exception
        assert app.date_input(key=state.ENTRY_DAY).value == self.chosen
        shown = (
            app.select_slider(key=state.MOOD).value,
            app.slider(key=state.MISSING_EX).value,
            app.radio(key=state.CONTACT).value,
            tuple(app.multiselect(key=state.ACTIVITIES).value),
            app.text_area(key=state.NOTE).value,
        )
        assert shown == self._shown()
        banner = f"You already logged {day_words(self.chosen, weekday=True)}."
        assert (banner in texts(app)) == (self.chosen in self.saved)

    @invariant()
    def the_file_holds_what_was_saved(self) -> None:
        DailyLog.checks += 1
        log = Store(self.folder).read("daily_log").frame
        stored = {e.day: (e.mood, e.missing_ex, e.contact, e.activities, e.note) for e in tracker.entries(log)}
        assert stored == self.saved

    def _known(self) -> tuple[activities.Activity, ...]:
        return activities.all_activities(Store(self.folder).read("custom_activities").frame)


def test_the_daily_log_shows_and_stores_what_the_person_did() -> None:
    previous = os.environ.get("WINBACK_DATA_DIR")
    try:
        with frozen_at(NOW):
            DailyLog.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=STEPS)
            DailyLog.TestCase().runTest()
        steps = DailyLog.checks - DailyLog.starts
        print(f"{steps} steps in {DailyLog.starts} sequences, the form and the file checked after each")
        assert steps >= min(200, EXAMPLES * STEPS // 2)
    finally:
        if previous is None:
            os.environ.pop("WINBACK_DATA_DIR", None)
        else:
            os.environ["WINBACK_DATA_DIR"] = previous
