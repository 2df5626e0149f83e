"""Today: the current step and its next action, and help first after a danger result."""

from __future__ import annotations

from pathlib import Path

from tests.builders import ready_for_step_4
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
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
