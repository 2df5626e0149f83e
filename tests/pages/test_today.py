"""Today: the current step and its next action, and help first after a danger result."""

from __future__ import annotations

import json
from pathlib import Path

from tests.builders import hard_week, ready_for_step_4
from tests.support.apptest import PAGE_FILES, box, open_page, texts, texts_in, widget_keys
from tests.support.clock import NOW, Clock, frozen_at
from winback import progress, sample
from winback.store import Store
from winback.ui import state


def test_today_shows_the_current_step_and_next_action(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock)
    app = open_page(PAGE_FILES["Today"])
    assert "Step 4: Reconnect" in texts(app)
    assert "Next:" in texts(app)
    assert "Worth trying" in texts(app)


def test_today_after_a_danger_result_shows_help_first(data_dir: Path, clock: Clock) -> None:
    ready_for_step_4(Store(data_dir), clock, "danger", "danger")
    app = open_page(PAGE_FILES["Today"])
    assert "Help is here" in texts(app)
    assert "Step 4" not in texts(app)


def test_today_with_sample_data_headlines_where_the_person_really_is(data_dir: Path, clock: Clock) -> None:
    # The sample person has reconnected and their step 2 has slipped a little.
    sample.write_sample(Store(data_dir), days=365, today=clock.today)
    model = progress.from_store(Store(data_dir), clock.today)
    app = open_page(PAGE_FILES["Today"])
    shown = texts(app)
    assert model.step(4).state == "done"
    assert f"Step {model.current}: {model.step(model.current).name}" in shown
    assert model.current == 5 and "Step 2: Stay positive" not in shown
    # The latest quiz says what it found, without "start with step 1" to a person who is on step 5.
    assert "start with step 1" not in shown
    assert not app.exception


def test_two_help_boxes_on_one_page_show_the_same_country(data_dir: Path) -> None:
    with frozen_at(NOW) as clock:
        ready_for_step_4(Store(data_dir), clock, "danger", "danger")
        hard_week(Store(data_dir), clock.today)
        app = open_page(PAGE_FILES["Today"])
        assert widget_keys(box(app, state.RESOURCES_PANEL)) == [state.TODAY_HELP_COUNTRY]
        assert widget_keys(box(app, state.LOW_MOOD_NOTE)) == [state.LOW_MOOD_COUNTRY]
        app.selectbox(key=state.LOW_MOOD_COUNTRY).set_value("us").run()
        assert app.selectbox(key=state.TODAY_HELP_COUNTRY).value == "us"
        for key in (state.RESOURCES_PANEL, state.LOW_MOOD_NOTE):
            assert "[Text LOVEIS to 22522](sms:22522?&body=LOVEIS)" in texts_in(box(app, key)), key
        app.selectbox(key=state.TODAY_HELP_COUNTRY).set_value("uk").run()
        assert app.selectbox(key=state.LOW_MOOD_COUNTRY).value == "uk"
        assert "[Call 999](tel:999)" in texts_in(box(app, state.LOW_MOOD_NOTE))
        assert json.loads((data_dir / "settings.json").read_text())["country"] == "uk"
