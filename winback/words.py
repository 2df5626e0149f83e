"""How winback writes for people: days ("9 November 2026", not "09 November 2026") and counts ("1 day",
"3 days"), from one place so every page and chart says them the same way."""

from __future__ import annotations

from datetime import date, datetime


def day_words(when: date, *, weekday: bool = False, year: bool = True) -> str:
    """``9 November 2026``; with ``weekday``, ``Monday 9 November 2026``; without ``year``, ``9 November``."""
    text = f"{when.day} {when:%B}" + (f" {when:%Y}" if year else "")
    return f"{when:%A} {text}" if weekday else text


def moment_words(when: datetime) -> str:
    """``9 November 2026, 20:15``."""
    return f"{day_words(when)}, {when:%H:%M}"


def count_phrase(count: int, one: str, many: str | None = None) -> str:
    """``1 day``, ``1,200 days``; ``many`` for plurals that are not ``one`` + "s" ("entry", "entries")."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
