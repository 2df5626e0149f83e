"""Reconnect shows no journal form while locked and accepts an entry once open; Progress draws every chart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import NOW, Clock, frozen_at
from winback import sample
from winback.content.quiz import load_quiz
from winback.store import Store

GOOD = ("saw_friends", "exercise", "read", "skipped_bad_habit")


def ready_for_step_4(store: Store, clock: Clock, verdict: str = "go", tier: str = "none") -> None:
    today = clock.today
    store.upsert(
        "daily_log",
        [
            {"date": today - timedelta(days=n), "mood": 4, "missing_ex": 3, "contact": "none", "activities": GOOD}
            for n in range(40)
        ],
    )
    store.write_settings({"no_contact_start": (today - timedelta(days=40)).isoformat()})
    store.upsert(
        "quiz_attempts",
        [
            {
                "attempt_id": "a1",
                "taken_at": clock.now - timedelta(days=2),
                "quiz_version": "test",
                "worth": 80,
                "tier": tier,
                "verdict": verdict,
            }
        ],
    )


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


VIEW_CHARTS = {"Mood": 1, "Year in pixels": 2, "What I did": 2, "Check-ins": 1, "Quiz": 1}


@pytest.mark.parametrize("days", [0, 1, 365])
def test_progress_draws_every_view_for_every_period(data_dir: Path, clock: Clock, days: int) -> None:
    check_every_view(data_dir, days, clock.today)


def test_progress_draws_every_view_for_every_period_over_ten_years(data_dir: Path) -> None:
    with frozen_at(NOW) as clock:
        check_every_view(data_dir, 3650, clock.today)


def check_every_view(data_dir: Path, days: int, today: date) -> None:
    if days:
        sample.write_sample(Store(data_dir), days=days, today=today)
    app = open_page(PAGE_FILES["Progress"])
    assert not app.exception
    assert [tab.label for tab in app.tabs] == ["Why", *VIEW_CHARTS]
    # It opens on the reasons: the step bars are the only chart until a view is chosen.
    assert len(app.get("plotly_chart")) == 1
    assert "1. No contact" in texts(app) and not app.segmented_control
    for view, count in VIEW_CHARTS.items():
        app.session_state["progress_view"] = view
        app.run()
        for period in ("30 days", "90 days", "1 year", "All"):
            app.segmented_control(key="progress_period").set_value(period).run()
            assert not app.exception, (period, view)
            drawn = len(app.get("plotly_chart"))
            if days >= 365:
                # The step bars, then the open view's charts; the other views are not drawn until opened.
                assert drawn == 1 + count, (period, view, drawn)
            elif days == 0:
                assert drawn == 1, "only the step bars"
                assert "daily log" in texts(app).lower()


def test_progress_goals_are_drawn_when_opened_and_can_be_changed(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Progress"])
    assert not app.select_slider, "the goals form waits until its expander is opened"
    app.session_state["progress_goals"] = True
    app.run()
    app.select_slider(key="t_no_contact_days").set_value(14)
    app.button(key="FormSubmitter:thresholds_form-Save goals").click().run()
    assert not app.exception
    assert "Goals saved" in texts(app)
    settings, _ = Store(data_dir).read_settings()
    assert settings["thresholds"]["no_contact_days"] == 14


def test_quiz_content_is_loaded_once() -> None:
    assert load_quiz() is load_quiz()
