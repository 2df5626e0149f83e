"""One Daylio cell at a time (winback.imports.daylio_cells): dates from 1900 to today in ASCII digits, times
of both clocks, notes with their titles, and activity names matched or proposed — each problem short."""

from __future__ import annotations

from datetime import date

import pytest

from tests.imports.helpers import TODAY
from winback.content.activities import Activity, catalogue
from winback.imports.daylio_cells import (
    BEYOND_COUNTED,
    MAX_NEW_ACTIVITIES,
    ActivityResolver,
    clock_seconds,
    daylio_date,
    daylio_note,
    label_key,
)
from winback.words import day_words


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-01-05", date(2026, 1, 5)), (" 1900-01-01 ", date(1900, 1, 1)), (TODAY.isoformat(), TODAY)],
)
def test_a_date_from_1900_to_today_is_a_day(text: str, day: date) -> None:
    messages: list[str] = []
    assert daylio_date(text, TODAY, messages) == day
    assert messages == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001-01-01", f"0001-01-01 is before {day_words(date(1900, 1, 1))}, the earliest day winback keeps"),
        ("1899-12-31", f"1899-12-31 is before {day_words(date(1900, 1, 1))}, the earliest day winback keeps"),
        ("2026-03-11", "2026-03-11 is in the future"),
        ("\u0662\u0660\u0662\u0666-01-05", "full_date '\u0662\u0660\u0662\u0666-01-05' is not a date like 2026-01-31"),
        ("20260105", "full_date '20260105' is not a date like 2026-01-31"),
        ("9" * 10_000, f"full_date {'9' * 40!r}… is not a date like 2026-01-31"),
    ],
    ids=["year-1", "1899", "tomorrow", "arabic-indic-digits", "no-dashes", "huge"],
)
def test_any_other_date_is_one_short_message(text: str, message: str) -> None:
    messages: list[str] = []
    assert daylio_date(text, TODAY, messages) is None
    assert messages == [message]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("21:05", 75900), ("9:05 pm", 75900), ("9.05 P.M.", 75900), ("12:00 am", 0), ("07:00:30", 25230)],
)
def test_times_of_both_clocks_are_read(text: str, seconds: int) -> None:
    assert clock_seconds(text, []) == seconds


@pytest.mark.parametrize(
    "text", ["\u0662\u0661:\u0660\u0665", "\uff12\uff11:05", "21:\u0660\u0665", "25:00", "noon", "x" * 10_000]
)
def test_times_in_other_digits_or_out_of_range_are_a_problem(text: str) -> None:
    messages: list[str] = []
    assert clock_seconds(text, messages) is None
    assert len(messages) == 1 and messages[0].startswith("time ") and len(messages[0]) < 120


def test_a_note_joins_its_title_and_is_refused_over_the_limit() -> None:
    messages: list[str] = []
    assert daylio_note(" Evening ", "Long call\r\nwith Sam ", messages) == "Evening — Long call\nwith Sam"
    daylio_note("", "x" * 2001, messages)
    assert messages == ["the note is 2,001 characters; winback's limit is 2,000"]


def test_activities_are_matched_by_name_or_id_and_others_proposed_once() -> None:
    resolver = ActivityResolver(catalogue())
    messages: list[str] = []
    assert resolver.ids(" READ | meditation | Climbing|climbing ||", messages) == (
        "read",
        "meditation",
        "custom_climbing",
    )
    assert resolver.proposed == [Activity("custom_climbing", "Climbing", "Joy", custom=True)]
    assert resolver.ids("y" * 61, messages) == ()
    assert messages == [f"the activity {'y' * 30!r}… is 61 characters; winback's limit is 60"]
    assert label_key("  Okay-ISH  ") == label_key("okay-ish")


def test_at_most_200_new_activities_are_proposed_and_any_more_only_counted() -> None:
    resolver = ActivityResolver(catalogue())
    messages: list[str] = []
    first = " | ".join(f"a{n}" for n in range(MAX_NEW_ACTIVITIES))
    assert resolver.ids(first, messages) == tuple(f"custom_a{n}" for n in range(MAX_NEW_ACTIVITIES))
    assert resolver.too_many() is None
    assert resolver.ids("A5 | a200 | a201 |  A201 | read", messages) == ("custom_a5", "read")
    assert len(resolver.proposed) == MAX_NEW_ACTIVITIES
    assert resolver.too_many() == (
        "the file adds 202 activities winback does not know; at most 200 can be added in one import"
    )
    assert messages == []
    many = " | ".join(f"b{n}" for n in range(BEYOND_COUNTED - 2))
    assert resolver.ids(many, messages) == ()
    assert resolver.ids("read", messages) == ("read",)
    assert not resolver.uncounted
    assert resolver.ids("read | c1", messages) == ("read",)
    assert resolver.uncounted and resolver.ids("read", messages) == ()
    assert resolver.too_many() == (
        "the file adds more than 10,200 activities winback does not know; at most 200 can be added in one import"
    )
