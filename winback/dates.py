"""Days in plain words, the way a person writes them: "9 November 2026", not "09 November 2026"."""

from __future__ import annotations

from datetime import date, datetime


def day_words(when: date, *, weekday: bool = False, year: bool = True) -> str:
    """``9 November 2026``; with ``weekday``, ``Monday 9 November 2026``; without ``year``, ``9 November``."""
    text = f"{when.day} {when:%B}" + (f" {when:%Y}" if year else "")
    return f"{when:%A} {text}" if weekday else text


def moment_words(when: datetime) -> str:
    """``9 November 2026, 20:15``."""
    return f"{day_words(when)}, {when:%H:%M}"
