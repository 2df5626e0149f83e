"""One Daylio cell at a time: its dates, its 12- and 24-hour times, a note with its title, and activity names
matched to winback's (or proposed as the person's own).

Every reader appends what is wrong to ``messages`` instead of raising, quoting at most a little of the cell,
so one bad row gives a short problem for its line however much it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from winback.activities import custom_id
from winback.content.activities import Activity
from winback.csvcodec import quoted
from winback.schema import EARLIEST_DAY
from winback.vocab import ACTIVITY_NAME_LIMIT, NOTE_LIMIT
from winback.words import day_words

DAYLIO_SEPARATOR = "|"
NEW_ACTIVITY_AREA = "Joy"

# [0-9], not \d: \d also matches the digits of other scripts ("٢١:٠٥"), which int() would then read.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CLOCK = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)


def label_key(label: str) -> str:
    """How mood labels and activity names are compared: case, stray and doubled spaces do not count."""
    return " ".join(label.split()).casefold()


def daylio_date(text: str, today: date, messages: list[str]) -> date | None:
    """The day of a ``full_date`` cell: 2026-01-31, from ``EARLIEST_DAY`` to ``today``."""
    value = text.strip()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        messages.append(f"full_date {quoted(value)} is not a date like 2026-01-31")
        return None
    if day < EARLIEST_DAY:
        messages.append(f"{day.isoformat()} is before {day_words(EARLIEST_DAY)}, the earliest day winback keeps")
        return None
    if day > today:
        messages.append(f"{day.isoformat()} is in the future")
        return None
    return day


def clock_seconds(text: str, messages: list[str]) -> int | None:
    """Seconds after midnight of "21:05", "21:05:30", "9:05 pm", "9:05 PM" or "9:05 p.m."."""
    match = _CLOCK.fullmatch(text.strip())
    if match is not None:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        half = (match[4] or "").lower()
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        elif half:
            hour = 99
        if hour < 24 and minute < 60 and second < 60:
            return hour * 3600 + minute * 60 + second
    messages.append(f"time {quoted(text.strip())} is not a time like 21:05 or 9:05 pm")
    return None


def daylio_note(title: str, body: str, messages: list[str]) -> str:
    """Title and note as one text; outer spaces trimmed and Windows line ends made plain, nothing else."""
    parts = [part.replace("\r\n", "\n").strip() for part in (title, body)]
    note = " — ".join(part for part in parts if part)
    if len(note) > NOTE_LIMIT:
        messages.append(f"the note is {len(note):,} characters; winback's limit is {NOTE_LIMIT:,}")
    return note


class ActivityResolver:
    """Daylio activity names to winback ids: a known activity by name or id, or a proposed custom one."""

    def __init__(self, known: Sequence[Activity]) -> None:
        self.by_key: dict[str, str] = {}
        for activity in known:
            self.by_key.setdefault(label_key(activity.name), activity.id)
        for activity in known:
            self.by_key.setdefault(label_key(activity.id), activity.id)
        self.taken = {a.id for a in known}
        self.proposed: list[Activity] = []

    def ids(self, text: str, messages: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        for raw in text.split(DAYLIO_SEPARATOR):
            name = " ".join(raw.split())
            if not name:
                continue
            ident = self.by_key.get(label_key(name))
            if ident is None:
                if len(name) > ACTIVITY_NAME_LIMIT:
                    messages.append(
                        f"the activity {name[:30]!r}… is {len(name)} characters; winback's limit is "
                        f"{ACTIVITY_NAME_LIMIT}"
                    )
                    continue
                ident = self._propose(name)
            out.append(ident)
        return tuple(dict.fromkeys(out))

    def _propose(self, name: str) -> str:
        ident = custom_id(name, self.taken)
        self.taken.add(ident)
        self.by_key[label_key(name)] = ident
        self.proposed.append(Activity(ident, name, NEW_ACTIVITY_AREA, custom=True))
        return ident
