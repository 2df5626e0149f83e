"""The daily entry (winback.tracker): checks, saving, no-contact arithmetic, low-mood care and the history."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.builders import days, log
from tests.support.clock import Clock, Moment, frozen_at
from winback import tracker
from winback.store import Store
from winback.vocab import CONTACT_SHORT, MOOD_WORDS

TODAY = date(2026, 6, 30)


def entry(**changes: object) -> tracker.DailyEntry:
    values: dict[str, object] = {"day": TODAY, "mood": 3, "missing_ex": 5, "contact": "none"}
    values.update(changes)
    return tracker.DailyEntry(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": TODAY + timedelta(days=1)}, "in the future"),
        ({"mood": 0}, "Mood must be between 1"),
        ({"mood": 6}, "Mood must be between 1"),
        ({"missing_ex": -1}, "between 0 and 10"),
        ({"missing_ex": 11}, "between 0 and 10"),
        ({"contact": "texted"}, "Contact must be one of"),
        ({"note": "x" * 2001}, "2,001 characters; the limit is 2,000"),
        ({"activities": ("a|b",)}, "contains '|'"),
    ],
)
def test_invalid_entries_are_refused_with_a_reason(changes: dict[str, object], message: str) -> None:
    problems = tracker.entry_problems(entry(**changes), TODAY)
    assert any(message in p for p in problems), problems


def test_valid_entry_edges_are_accepted() -> None:
    for changes in ({"mood": 1}, {"mood": 5}, {"missing_ex": 0}, {"missing_ex": 10}, {"note": "x" * 2000}):
        assert tracker.entry_problems(entry(**changes), TODAY) == []


def test_save_refuses_bad_entries_and_updates_existing_ones(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(ValueError, match="in the future"):
        tracker.save_entry(store, entry(day=TODAY + timedelta(days=1)), TODAY)
    assert not (tmp_path / "daily_log.csv").exists()
    assert tracker.save_entry(store, entry(), TODAY) is False
    assert tracker.save_entry(store, entry(mood=5), TODAY) is True
    saved = tracker.entry_for(store.read("daily_log").frame, TODAY)
    assert saved is not None and saved.mood == 5
    assert tracker.delete_entry(store, TODAY)
    assert store.read("daily_log").frame.empty


START = date(2026, 6, 1)


def test_no_contact_counts_from_the_start_date() -> None:
    state = tracker.no_contact(log(*days(TODAY, 10)), START, TODAY)
    # 1 to 30 June: the start day and today both count.
    assert (state.days, state.since, state.slips, state.longest_run) == (30, START, 0, 30)


def test_a_slip_restarts_the_count_and_is_counted() -> None:
    history = log(
        *[
            (d, m, x, "i_reached_out" if d in (date(2026, 6, 10), date(2026, 6, 20)) else c, a)
            for d, m, x, c, a in days(TODAY, 30)
        ]
    )
    state = tracker.no_contact(history, START, TODAY)
    assert state.since == date(2026, 6, 20)
    assert state.days == 10
    assert state.slips == 2
    assert state.longest_run == 10  # 1–9 June is 9 days, 11–19 June 9 days, 21–30 June 10 days
    assert state.last_contact == date(2026, 6, 20)


def test_they_reached_out_without_a_reply_keeps_the_count() -> None:
    history = log(*days(TODAY, 30, contact="they_reached_out_no_reply"))
    assert tracker.no_contact(history, START, TODAY).days == 30


def test_gaps_in_logging_count_as_no_contact() -> None:
    history = log((date(2026, 6, 2), 3, 5, "we_talked", ()), (date(2026, 6, 28), 3, 5, "none", ()))
    state = tracker.no_contact(history, START, TODAY)
    assert (state.days, state.slips) == (28, 1)  # 3 to 30 June


def test_contact_before_the_start_is_not_a_slip() -> None:
    history = log((date(2026, 5, 20), 3, 5, "we_talked", ()), (date(2026, 6, 5), 3, 5, "none", ()))
    state = tracker.no_contact(history, START, TODAY)
    assert (state.days, state.slips) == (30, 0)


def test_without_a_start_counting_begins_on_the_first_logged_day() -> None:
    state = tracker.no_contact(log(*days(TODAY, 5)), None, TODAY)
    assert state.days == 5
    assert tracker.no_contact(log(), None, TODAY).days == 0


def test_the_first_day_logged_without_contact_is_day_1() -> None:
    state = tracker.no_contact(log(*days(TODAY, 1)), None, TODAY)
    assert (state.days, state.longest_run, state.slips) == (1, 1, 0)
    assert tracker.no_contact(log(), TODAY, TODAY).days == 1, "a start date of today is day 1 too"
    assert tracker.no_contact(log(), TODAY + timedelta(days=1), TODAY).days == 0, "a start tomorrow has not begun"


def test_the_day_after_contact_is_day_1_again() -> None:
    yesterday = TODAY - timedelta(days=1)
    history = log((yesterday, 3, 5, "i_reached_out", ()), (TODAY, 3, 5, "none", ()))
    state = tracker.no_contact(history, START, TODAY)
    assert (state.days, state.since, state.slips) == (1, yesterday, 1)
    assert state.longest_run == 28  # 1–28 June; 29 June was the contact; today is day 1 of the next run
    assert tracker.no_contact(history, START, yesterday).days == 0, "the day of contact itself is 0"


def test_the_count_turns_over_at_local_midnight() -> None:
    start = date(2026, 12, 31)
    with frozen_at(Moment("before-midnight", datetime(2026, 12, 31, 23, 59, 30))) as before:
        assert tracker.no_contact(log(), start, date.today()).days == 1
        assert before.today == start
    with frozen_at(Moment("after-midnight", datetime(2027, 1, 1, 0, 0, 30))) as after:
        assert tracker.no_contact(log(), start, date.today()).days == 2
        assert after.today == start + timedelta(days=1)


def test_contact_today_means_zero_days() -> None:
    state = tracker.no_contact(log(*days(TODAY, 1, contact="we_talked")), START, TODAY)
    assert state.days == 0


@pytest.mark.parametrize(("low_days", "fires"), [(4, False), (5, True), (7, True)])
def test_low_mood_care_after_5_of_the_last_7_days_at_mood_1(low_days: int, fires: bool) -> None:
    rows = days(TODAY, 7, mood=3)
    rows = [(d, 1 if n < low_days else m, x, c, a) for n, (d, m, x, c, a) in enumerate(rows)]
    assert tracker.needs_low_mood_care(log(*rows), TODAY) is fires


def test_low_mood_care_after_5_days_missing_them_at_10() -> None:
    rows = [(d, 3, 10 if n % 3 else 4, c, a) for n, (d, _, _, c, a) in enumerate(days(TODAY, 7))]
    assert sum(1 for r in rows if r[2] == 10) == 4
    assert not tracker.needs_low_mood_care(log(*rows), TODAY)
    rows = [(d, 3, 10 if n != 0 and n != 3 else 4, c, a) for n, (d, _, _, c, a) in enumerate(days(TODAY, 7))]
    assert tracker.needs_low_mood_care(log(*rows), TODAY)


def test_low_mood_care_uses_the_last_7_logged_days_not_old_ones() -> None:
    old_bad = days(TODAY - timedelta(days=60), 7, mood=1)
    assert not tracker.needs_low_mood_care(log(*old_bad), TODAY)
    recent = days(TODAY, 3, mood=4) + days(TODAY - timedelta(days=10), 7, mood=1)
    assert not tracker.needs_low_mood_care(log(*sorted(recent)), TODAY)


def test_no_contact_and_low_mood_at_every_moment(clock: Clock) -> None:
    today = clock.today
    history = log(*days(today, 10, mood=1, contact="none"))
    state = tracker.no_contact(history, today - timedelta(days=10), today)
    assert (state.days, state.slips) == (11, 0)
    assert tracker.no_contact(history, today, today).days == 1, "the start day is day 1"
    assert tracker.needs_low_mood_care(history, today)
    slipped = log(*days(today, 3, contact="we_talked"))
    assert tracker.no_contact(slipped, today - timedelta(days=10), today).days == 0


def test_history_filters_by_period_and_activity() -> None:
    rows = [*days(TODAY, 40, acts=("read",)), (TODAY - timedelta(days=50), 2, 3, "none", ("exercise",))]
    history = log(*sorted(rows))
    assert len(tracker.filter_history(history, TODAY - timedelta(days=29), TODAY)) == 30
    assert len(tracker.filter_history(history, None, TODAY, ["exercise"])) == 1
    assert len(tracker.filter_history(history, None, TODAY, ["read", "exercise"])) == 0
    table = tracker.history(history, {"read": "Read"})
    assert table.iloc[0]["Date"] == TODAY
    assert table.iloc[0]["Activities"] == "Read"


def test_history_puts_date_mood_contact_and_note_first_in_short_words() -> None:
    """A phone shows about four columns of the history side by side: these four, each a word or two."""
    history = log((TODAY, 2, 9, "they_reached_out_no_reply", ("read",)))
    table = tracker.history(history, {"read": "Read"})
    assert list(table.columns) == ["Date", "Mood", "Contact", "Note", "Missing my ex", "Activities"]
    assert table.iloc[0]["Contact"] == CONTACT_SHORT["they_reached_out_no_reply"] == "Didn't reply"
    assert table.iloc[0]["Mood"] == MOOD_WORDS[2]
