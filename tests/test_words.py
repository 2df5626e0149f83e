"""Days in words have no leading zero and read the way a person writes them."""

from __future__ import annotations

from datetime import date, datetime

from winback.words import count_phrase, day_words, moment_words


def test_day_words() -> None:
    assert day_words(date(2026, 11, 9)) == "9 November 2026"
    assert day_words(date(2026, 11, 9), weekday=True) == "Monday 9 November 2026"
    assert day_words(date(2026, 11, 9), year=False) == "9 November"
    assert day_words(date(2026, 12, 25), weekday=True, year=False) == "Friday 25 December"


def test_moment_words() -> None:
    assert moment_words(datetime(2026, 3, 1, 8, 5)) == "1 March 2026, 08:05"


def test_count_phrase() -> None:
    assert count_phrase(1, "day") == "1 day"
    assert count_phrase(0, "day") == "0 days"
    assert count_phrase(1200, "day") == "1,200 days"
    assert count_phrase(2, "entry", "entries") == "2 entries"
    assert count_phrase(1, "day has", "days have") == "1 day has"
