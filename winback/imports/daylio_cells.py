"""One Daylio cell at a time: its dates, its 12- and 24-hour times, a note with its title, and activity names
matched to winback's (or proposed as the person's own).

Every reader appends what is wrong to ``messages`` instead of raising, quoting at most a little of the cell,
so one bad row gives a short problem for its line however much it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from winback.activities import custom_id
from winback.content.activities import Activity
from winback.csvcodec import quoted
from winback.schema import EARLIEST_DAY
from winback.vocab import ACTIVITY_NAME_LIMIT, NOTE_LIMIT
from winback.words import day_words

DAYLIO_SEPARATOR = "|"
NEW_ACTIVITY_AREA = "Joy"
# Daylio offers a few dozen activities and a person adds a handful; each one added is a row of the person's own
# activities and a chip on the Daily log page. A file with more is not someone's Daylio, and proposing each one
# (an id, a preview line, a row) is what made 200,000 of them take seconds and a hundred megabytes.
MAX_NEW_ACTIVITIES = 200
# Past that, names are counted up to this many more, so the problem says how far over a file is, and then not at
# all: a 20 MB cell holds millions of names, and counting each would take hundreds of megabytes.
BEYOND_COUNTED = 10_000

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
        # Names past MAX_NEW_ACTIVITIES, only counted: the import is refused, so they get no id.
        self.beyond: set[str] = set()
        self.uncounted = False

    def ids(self, text: str, messages: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        if self.uncounted:
            return ()
        for raw in _names(text):
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
                if len(self.proposed) >= MAX_NEW_ACTIVITIES:
                    if not self._count_beyond(label_key(name)):
                        break
                    continue
                ident = self._propose(name)
            out.append(ident)
        return tuple(dict.fromkeys(out))

    def too_many(self) -> str | None:
        """Why the file adds more activities than one import may, or None."""
        if not self.beyond:
            return None
        count = f"{'more than ' if self.uncounted else ''}{len(self.proposed) + len(self.beyond):,}"
        return (
            f"the file adds {count} activities winback does not know; "
            f"at most {MAX_NEW_ACTIVITIES} can be added in one import"
        )

    def _count_beyond(self, key: str) -> bool:
        """Count a name past the cap; False once ``BEYOND_COUNTED`` are counted and this is one more."""
        if key not in self.beyond and len(self.beyond) >= BEYOND_COUNTED:
            self.uncounted = True
            return False
        self.beyond.add(key)
        return True

    def _propose(self, name: str) -> str:
        ident = custom_id(name, self.taken)
        self.taken.add(ident)
        self.by_key[label_key(name)] = ident
        self.proposed.append(Activity(ident, name, NEW_ACTIVITY_AREA, custom=True))
        return ident


def _names(text: str) -> Iterator[str]:
    """The cell's names one at a time: ``str.split`` would make millions of strings of a hostile cell at once."""
    start = 0
    while start <= len(text):
        end = text.find(DAYLIO_SEPARATOR, start)
        if end < 0:
            end = len(text)
        yield text[start:end]
        start = end + 1
