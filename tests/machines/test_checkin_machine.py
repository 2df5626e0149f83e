"""The weekly check-in as a state machine (the smallest of the three): the line above the form names the stored
check-in, a second one replaces it only when the box is ticked, and the file holds exactly one per week."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import settings
from hypothesis import strategies as some
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import NOW, Clock, frozen_at
from winback import checkin
from winback.store import Store, clear_cache
from winback.ui import checkin_form, state

pytestmark = pytest.mark.machine

EXAMPLES = int(os.environ.get("WINBACK_MACHINE_EXAMPLES", "4"))
STEPS = 10
START = [checkin_form.WELLBEING_START] * 5 + [checkin_form.SELF_WORTH_START] * 5


class Checkin(RuleBasedStateMachine):
    clock: Clock
    steps = 0

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="winback-machine-"))
        os.environ["WINBACK_DATA_DIR"] = str(self.folder)
        st.cache_data.clear()
        st.cache_resource.clear()
        clear_cache()
        self.saved: tuple[int, int] | None = None  # this week's scores, as saved
        self.sliders = list(START)  # what the sliders show
        self.typed: dict[int, int] = {}  # moved since the last run, not sent yet
        self.app = open_page(PAGE_FILES["Daily log"])

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _key(self, item: int) -> str:
        return state.wellbeing_item(item) if item < 5 else state.self_worth_item(item - 5)

    @rule(item=some.integers(0, 9), data=some.data())
    def move_a_slider(self, item: int, data: some.DataObject) -> None:
        value = data.draw(some.integers(0, 5 if item < 5 else 3))
        self.app.select_slider(key=self._key(item)).set_value(value)
        self.typed[item] = value

    @rule(tick=some.booleans())
    def save(self, tick: bool) -> None:
        replacing = self.saved is not None
        if replacing and tick:
            self.app.checkbox(key=state.CHECKIN_REPLACE).check()
        self.app.button(key=f"FormSubmitter:{state.CHECKIN_FORM}-Save check-in").click().run()
        for item, value in self.typed.items():
            self.sliders[item] = value
        self.typed = {}
        if replacing and not tick:
            assert "Nothing saved: tick the box" in texts(self.app)
            return
        self.saved = (checkin.wellbeing_score(self.sliders[:5]), checkin.self_worth_score(self.sliders[5:]))

    @rule()
    def rerun(self) -> None:
        self.app.run()
        self.typed = {}

    @rule()
    def switch_away_and_back(self) -> None:
        self.app.switch_page(PAGE_FILES["Today"]).run()
        self.app.switch_page(PAGE_FILES["Daily log"]).run()
        self.typed = {}
        self.sliders = list(START)  # Streamlit forgets the widgets of a page not drawn

    @invariant()
    def the_line_and_the_file_name_the_saved_check_in(self) -> None:
        Checkin.steps += 1
        app = self.app
        assert not app.exception, app.exception
        shown = [app.select_slider(key=self._key(item)).value for item in range(10)]
        assert shown == [self.typed.get(item, value) for item, value in enumerate(self.sliders)]
        rows = Store(self.folder).read("checkins").frame
        assert [(int(r.wellbeing), int(r.self_worth)) for r in rows.itertuples()] == (
            [self.saved] if self.saved else []
        )
        line = [i.value for i in app.info if "this week's check-in" in str(i.value)]
        if self.saved is None:
            assert line == []
        else:
            assert len(line) == 1
            assert f"well-being {self.saved[0]}, self-worth {self.saved[1]} (of 100)" in line[0]


def test_the_weekly_check_in_shows_and_stores_what_the_person_did() -> None:
    previous = os.environ.get("WINBACK_DATA_DIR")
    try:
        with frozen_at(NOW) as clock:
            Checkin.clock = clock
            Checkin.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=STEPS)
            Checkin.TestCase().runTest()
        print(f"{Checkin.steps} checks of the check-in's line and file")
    finally:
        if previous is None:
            os.environ.pop("WINBACK_DATA_DIR", None)
        else:
            os.environ["WINBACK_DATA_DIR"] = previous
