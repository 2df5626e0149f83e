"""The five-step model on hand-built histories: every boundary of SPEC §5, the quiz lock, the nudge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from tests.builders import attempts, checkins, days, journal, log
from tests.support.clock import Clock
from winback import activities, progress
from winback.content.activities import catalogue
from winback.settings import Settings, default_thresholds
from winback.store import Store

TODAY = date(2026, 6, 30)
AREAS = activities.area_of(catalogue())
NONE = log()
NO_CHECKINS = checkins()
NO_ATTEMPTS = attempts()
NO_JOURNAL = journal()
GO = attempts((datetime(2026, 6, 1, 20), "go", "none", 80))


def settings(start: date | None = None, **thresholds: object) -> Settings:
    return Settings("other", start, replace(default_thresholds(), **thresholds))  # type: ignore[arg-type]


def model(
    history: pd.DataFrame = NONE,
    quiz: pd.DataFrame = NO_ATTEMPTS,
    contacts: pd.DataFrame = NO_JOURNAL,
    config: Settings | None = None,
    checks: pd.DataFrame = NO_CHECKINS,
    today: date = TODAY,
) -> progress.FiveSteps:
    return progress.five_steps(history, checks, quiz, contacts, AREAS, config or settings(), today)


# A month of good days: mood 4, a social activity and activities in Body, Mind and Habits every day.
GOOD = ("saw_friends", "exercise", "read", "skipped_bad_habit")


def good_days(end: date = TODAY, count: int = 40) -> pd.DataFrame:
    return log(*days(end, count, mood=4, acts=GOOD))


def test_the_first_three_steps_and_the_lock_at_every_moment(clock: Clock) -> None:
    today = clock.today
    go = attempts((clock.now - timedelta(days=1), "go", "none", 80))
    steps = model(good_days(today), go, config=settings(today - timedelta(days=45)), today=today)
    assert [steps.step(n).state for n in (1, 2, 3)] == ["done", "done", "done"]
    assert steps.step(4).state == "active"
    thin = model(good_days(today, count=6), go, config=settings(today - timedelta(days=45)), today=today)
    assert thin.step(2).state == "active", "six logged days are fewer than the seven step 2 needs"


@pytest.mark.parametrize(("start_days_ago", "done"), [(28, False), (29, True)])
def test_step_1_no_contact_boundary(start_days_ago: int, done: bool) -> None:
    # The start day counts: started 29 days before today, today is day 30.
    step = model(good_days(), config=settings(TODAY - timedelta(days=start_days_ago))).step(1)
    assert step.state == ("done" if done else "active")
    assert step.progress == pytest.approx(min(1.0, (start_days_ago + 1) / 30))
    assert f"{start_days_ago + 1}" in step.reasons[0]


def test_a_slip_resets_step_1() -> None:
    rows = days(TODAY, 40, mood=4, acts=GOOD)
    rows = [(d, m, x, "we_talked" if d == TODAY - timedelta(days=3) else c, a) for d, m, x, c, a in rows]
    step = model(log(*rows), config=settings(TODAY - timedelta(days=40))).step(1)
    assert step.state == "active"
    assert step.progress == pytest.approx(3 / 30)
    assert any("restarted" in r for r in step.reasons)


def test_no_contact_target_is_a_setting() -> None:
    step = model(good_days(), config=settings(TODAY - timedelta(days=14), no_contact_days=14)).step(1)
    assert step.state == "done"


@pytest.mark.parametrize(("moods", "done"), [([3] * 51 + [4] * 49, False), ([3] * 50 + [4] * 50, True)])
def test_step_2_mean_mood_boundary_349_vs_350(moods: list[int], done: bool) -> None:
    rows = [(TODAY - timedelta(days=n), mood, 3, "none", ("saw_friends",)) for n, mood in enumerate(moods)]
    step = model(log(*sorted(rows)), config=settings(positive_window=100)).step(2)
    assert round(sum(moods) / len(moods), 2) == (3.5 if done else 3.49)
    assert step.state == ("done" if done else "active")


@pytest.mark.parametrize(
    ("moods", "words"),
    [
        ([4] * 14, "Average mood 4.0 (goal 3.5)"),
        ([3] * 7 + [4] * 6, "Average mood 3.46 (goal 3.5)"),
        ([3] * 14, "Average mood 3.0 (goal 3.5)"),
    ],
)
def test_step_2_names_the_average_mood_beside_its_goal(moods: list[int], words: str) -> None:
    rows = [(TODAY - timedelta(days=n), mood, 3, "none", ()) for n, mood in enumerate(moods)]
    step = model(log(*sorted(rows))).step(2)
    assert step.reasons[0] == f"{words} over the last 14 days."


@pytest.mark.parametrize(("logged", "done"), [(6, False), (7, True)])
def test_step_2_needs_7_logged_days_in_14(logged: int, done: bool) -> None:
    step = model(log(*days(TODAY, logged, mood=5, acts=("saw_friends",)))).step(2)
    assert step.state == ("done" if done else "active")
    if not done:
        assert step.progress == pytest.approx(6 / 7)
        assert any("6 of 7 logged days" in r and "scaled down" in r for r in step.reasons)


@pytest.mark.parametrize(("social", "done"), [(3, False), (4, True)])
def test_step_2_needs_4_days_with_social_or_joy(social: int, done: bool) -> None:
    rows = [
        (d, 4, 3, "none", ("did_what_i_love",) if n < social else ("read",))
        for n, (d, *_rest) in enumerate(days(TODAY, 10))
    ]
    assert model(log(*rows)).step(2).state == ("done" if done else "active")


@pytest.mark.parametrize(("body_days", "done"), [(3, False), (4, True)])
def test_step_3_an_area_counts_at_4_activity_days(body_days: int, done: bool) -> None:
    rows = [
        (d, 3, 3, "none", ("read", "budget_saving") + (("exercise",) if n < body_days else ()))
        for n, (d, *_rest) in enumerate(days(TODAY, 10))
    ]
    step = model(log(*rows)).step(3)
    assert step.state == ("done" if done else "active")
    if not done:
        assert step.progress == pytest.approx((1 + 1 + 3 / 4) / 3)


def test_step_3_ignores_days_outside_28_and_joy() -> None:
    old = days(TODAY - timedelta(days=28), 10, acts=("exercise", "read", "budget_saving"))
    joy = days(TODAY, 10, acts=("did_what_i_love", "music_or_art"))
    assert model(log(*(old + joy))).step(3).state == "active"


def test_step_3_mentions_a_rising_self_worth_checkin() -> None:
    checks = checkins((TODAY - timedelta(days=20), 40), (TODAY - timedelta(days=2), 67))
    step = model(good_days(), checks=checks).step(3)
    assert "Your self-worth check-in rose from 40 to 67." in step.reasons


def ready(quiz: pd.DataFrame, contacts: pd.DataFrame = NO_JOURNAL, today: date = TODAY) -> progress.FiveSteps:
    return model(good_days(today), quiz, contacts, settings(today - timedelta(days=45)), today=today)


def test_step_4_opens_with_steps_1_to_3_done_and_a_recent_go() -> None:
    steps = ready(GO)
    assert [s.state for s in steps.steps] == ["done", "done", "done", "active", "locked"]
    assert steps.current == 4


@pytest.mark.parametrize(
    ("verdict", "tier", "says"),
    [
        ("wait", "none", "retake"),
        ("dont", "none", "not worth the effort"),
        ("dont", "toxic", "toxic"),
        ("danger", "danger", "safety comes first"),
    ],
)
def test_step_4_stays_locked_unless_the_latest_quiz_says_go(verdict: str, tier: str, says: str) -> None:
    steps = ready(attempts((datetime(2026, 6, 1, 20), verdict, tier, 90)))
    assert steps.step(4).state == "locked"
    assert says in steps.step(4).reasons[0]
    assert steps.step(5).state == "locked"


def test_a_go_older_than_90_days_keeps_step_4_locked() -> None:
    ninety = attempts((datetime(2026, 4, 1, 20), "go", "none", 80))
    assert ready(ninety).step(4).state == "active"
    older = attempts((datetime(2026, 3, 31, 20), "go", "none", 80))
    step = ready(older).step(4)
    assert step.state == "locked"
    assert "91 days old" in step.reasons[0]


def test_step_4_locked_lists_what_is_missing() -> None:
    steps = model(log(*days(TODAY, 18, mood=3)), GO, config=settings(TODAY - timedelta(days=17)))
    step = steps.step(4)
    assert step.state == "locked"
    assert "No contact: 18 of 30 days without contact." in step.reasons


def test_a_danger_flag_locks_steps_4_and_5_even_after_reconnecting() -> None:
    contact = journal((TODAY - timedelta(days=5), "friendly", True))
    danger = attempts((datetime(2026, 6, 1, 20), "go", "none", 80), (datetime(2026, 6, 28, 20), "danger", "danger", 80))
    steps = ready(danger, contact)
    assert (steps.step(4).state, steps.step(5).state) == ("locked", "locked")
    assert steps.quiz_locks_for_safety


def test_step_4_is_done_after_a_journal_contact_made_while_open() -> None:
    contact_day = TODAY - timedelta(days=5)
    rows = days(TODAY, 60, mood=4, acts=GOOD)
    rows = [(d, m, x, "we_talked" if d == contact_day else c, a) for d, m, x, c, a in rows]
    steps = model(log(*rows), GO, journal((contact_day, "neutral", False)), settings(TODAY - timedelta(days=60)))
    assert steps.step(4).state == "done"
    assert steps.step(1).state == "done", "contact with the ex after reconnecting is not a slip"
    assert steps.step(5).state == "active"


def test_a_journal_contact_before_the_go_does_not_count() -> None:
    steps = ready(GO, journal((date(2026, 5, 20), "friendly", True)))
    assert steps.step(4).state == "active"


@pytest.mark.parametrize(
    ("tones", "meeting", "done"),
    [
        (("friendly", "friendly", "friendly"), True, True),
        (("friendly", "friendly", "neutral"), True, False),
        (("friendly", "friendly", "friendly"), False, False),
    ],
)
def test_step_5_needs_friendly_contacts_and_a_planned_meeting(
    tones: tuple[str, ...], meeting: bool, done: bool
) -> None:
    contacts = journal(*[(TODAY - timedelta(days=6 - n), tone, meeting and n == 2) for n, tone in enumerate(tones)])
    step = ready(GO, contacts).step(5)
    assert step.state == ("done" if done else "active")


def test_step_5_counts_what_is_needed_not_everything_logged() -> None:
    tones = ("friendly", "neutral", "friendly", "tense")
    contacts = journal(*[(TODAY - timedelta(days=6 - n), tone, False) for n, tone in enumerate(tones)])
    assert ready(GO, contacts).step(5).reasons == (
        "2 friendly contacts of the 3 needed.",
        "0 planned meetings of the 1 needed.",
    )


def test_keep_your_self_value_when_steps_2_and_3_fall_back_after_reconnecting() -> None:
    contact_day = TODAY - timedelta(days=20)
    good = days(contact_day - timedelta(days=1), 60, mood=4, acts=GOOD)
    low = days(TODAY, 19, mood=2)
    steps = model(log(*(good + low)), GO, journal((contact_day, "friendly", False)), settings(date(2026, 4, 1)))
    assert steps.step(4).state == "done"
    assert steps.step(2).state == "active"
    assert steps.keep_self_value
    assert not ready(GO).keep_self_value
    # Having reconnected, the person is on step 5: a slipping step 2 is "keep your self-value", not step 2 again.
    assert steps.current == 5
    assert "Step 2" not in steps.next_action


def test_next_action_follows_the_current_step() -> None:
    assert "no contact" in model(log(*days(TODAY, 5)), config=settings(TODAY - timedelta(days=5))).next_action.lower()
    assert "Reconnect journal" in ready(GO).next_action


def test_model_on_sample_data_is_consistent() -> None:
    from winback import sample

    frames = sample.generate(365, today=TODAY)
    steps = progress.five_steps(
        frames["daily_log"],
        frames["checkins"],
        frames["quiz_attempts"],
        frames["reconnect"],
        activities.area_of(activities.all_activities(frames["custom_activities"])),
        settings(date.fromisoformat(str(sample.sample_settings(365, TODAY)["no_contact_start"]))),
        TODAY,
    )
    assert all(0 <= s.progress <= 1 for s in steps.steps)
    assert all(s.reasons for s in steps.steps)
    assert steps.step(4).state == "done"


def test_from_store_is_worked_out_once_per_version_of_the_files(tmp_path: Path) -> None:
    store = Store(tmp_path)
    row = {"mood": 4, "missing_ex": 3, "contact": "none", "activities": ()}
    store.upsert("daily_log", [{**row, "date": TODAY - timedelta(days=n)} for n in range(10)])
    first = progress.from_store(store, TODAY)
    assert progress.from_store(store, TODAY) is first
    assert progress.from_store(store, TODAY + timedelta(days=1)) is not first
    store.upsert("daily_log", [{**row, "date": TODAY, "mood": 1}])
    assert progress.from_store(store, TODAY) is not first
    assert progress.from_store(store, TODAY) == progress.five_steps(
        store.read("daily_log").frame, NO_CHECKINS, NO_ATTEMPTS, NO_JOURNAL, AREAS, settings(), TODAY
    )
