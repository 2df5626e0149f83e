"""Today: the current step and its next action, and help first after a danger result."""

from __future__ import annotations

from pathlib import Path

from tests.builders import ready_for_step_4
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
from winback import progress, sample
from winback.store import Store


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
