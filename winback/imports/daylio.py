"""Reading Daylio's CSV export: its mood labels, several entries a day, 12- and 24-hour times, activities.

The columns are ``full_date,date,weekday,time,mood,activities,note_title,note`` (older exports lack
``note_title``). ``parse_daylio`` turns them into one winback day per date and reports every problem by
physical line; ``winback.imports.daylio_plan`` merges those days into the person's daily log.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from winback.activities import custom_id
from winback.content.activities import Activity, catalogue
from winback.imports.plan import ImportProblem, decode_upload, latin_note, looks_binary, upload_problem
from winback.vocab import ACTIVITY_NAME_LIMIT, MOODS, NEUTRAL_MISSING_EX, NOTE_LIMIT
from winback.words import count_phrase

if TYPE_CHECKING:
    from _csv import Reader

DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
DAYLIO_NEEDED = ("full_date", "time", "mood", "activities", "note")
DAYLIO_MOODS: Mapping[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
DAYLIO_SEPARATOR = "|"
NEW_ACTIVITY_AREA = "Joy"
NO_DAYLIO_FIELDS = (
    "Daylio has no 'missing my ex' or contact with your ex, so each new day gets 'missing my ex' "
    f"{NEUTRAL_MISSING_EX} of 10 (the middle) and contact 'none'; change any day on the Daily log page."
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class UnknownMood:
    """A Daylio mood label winback cannot place on 1–5 until the person says which it is."""

    label: str
    count: int
    first_line: int

    @property
    def key(self) -> str:
        return label_key(self.label)


@dataclass(frozen=True)
class DaylioDay:
    """One day built from the Daylio entries of that date (``lines`` are where they are in the file)."""

    day: date
    mood: int
    activities: tuple[str, ...]
    note: str
    lines: tuple[int, ...]

    def as_row(self) -> dict[str, object]:
        """A row for ``schema.DAILY_LOG``; Daylio knows nothing of the ex, so those fields are neutral."""
        return {
            "date": self.day,
            "mood": self.mood,
            "missing_ex": NEUTRAL_MISSING_EX,
            "contact": "none",
            "activities": self.activities,
            "note": self.note,
        }


@dataclass(frozen=True)
class DaylioParse:
    entries: tuple[DaylioDay, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    unknown_moods: tuple[UnknownMood, ...] = ()
    new_activities: tuple[Activity, ...] = ()
    notes: tuple[str, ...] = ()
    rows: int = 0


@dataclass(frozen=True)
class _Entry:
    line: int
    day: date
    seconds: int
    mood: int
    activities: tuple[str, ...]
    note: str


def label_key(label: str) -> str:
    """How mood labels and activity names are compared: case, stray and doubled spaces do not count."""
    return " ".join(label.split()).casefold()


def parse_daylio(
    data: bytes,
    mood_map: Mapping[str, int] | None = None,
    *,
    known: Sequence[Activity] | None = None,
    today: date | None = None,
) -> DaylioParse:
    """Read a Daylio CSV export into one winback day per date, reporting every problem by physical line.

    Columns are found by name, so both ``full_date,date,weekday,time,mood,activities,note_title,note`` and
    older exports without ``note_title`` are read. Mood labels are compared without case or stray spaces
    against rad 5, good 4, meh 3, bad 2, awful 1 and ``mood_map`` (which wins); a label neither knows is
    listed in ``unknown_moods`` and its entries wait until the person maps it. Several entries on one day
    become one: mood is the mean rounded half up (3.5 → 4, 2.5 → 3), activities are united in order of first
    appearance, notes are joined with a blank line in time order (``time`` — "21:05", "9:05 pm" — only
    orders them), a title and its note read "title — note". Activities are matched to ``known`` (default:
    the catalogue) by name or id, case aside; any other becomes a proposed custom activity in area Joy.
    A bad or future date, an unreadable time or a note over 2,000 characters is a problem for its line,
    never shortened or guessed.
    """
    problem = upload_problem(data)
    if problem is None and looks_binary(data):
        problem = "this is not a CSV text file; choose the .csv file Daylio exported"
    if problem is not None:
        return DaylioParse(problems=(ImportProblem(0, problem),))
    text, latin_line = decode_upload(data)
    notes = [latin_note("The file", latin_line)] if latin_line else []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns = _columns(reader, notes)
    if isinstance(columns, ImportProblem):
        return DaylioParse(problems=(columns,), notes=tuple(notes))

    problems: list[ImportProblem] = []
    moods = _mood_scale(mood_map, problems)
    rows = _Rows(moods, _ActivityResolver(catalogue() if known is None else known), today or date.today())
    rows.read(reader, columns, problems)
    if rows.count == 0 and not problems:
        problems.append(ImportProblem(0, "the file has a header but no entries"))
    days, several = _days(rows.entries, problems)
    if several:
        notes.append(
            f"{count_phrase(several, 'day has', 'days have')} several Daylio entries: each became one day whose mood "
            "is their average rounded half up (3.5 → 4), with their activities together and notes one after another."
        )
    notes.append(NO_DAYLIO_FIELDS)
    return DaylioParse(
        entries=tuple(days),
        problems=tuple(sorted(problems, key=lambda p: p.line)),
        unknown_moods=tuple(sorted(rows.unknown.values(), key=lambda m: m.key)),
        new_activities=tuple(rows.resolver.proposed),
        notes=tuple(notes),
        rows=rows.count,
    )


@dataclass(frozen=True)
class _Columns:
    """Where each Daylio column is in this file's rows, and how many cells a row has."""

    position: Mapping[str, int]
    width: int


def _columns(reader: Iterator[list[str]], notes: list[str]) -> _Columns | ImportProblem:
    """The header row's columns by name (any order, any case); a note names those winback leaves out."""
    try:
        header_cells = next(reader)
    except (StopIteration, csv.Error):
        return ImportProblem(1, "the header row cannot be read as CSV")
    header = [label_key(cell) for cell in header_cells]
    missing = [name for name in DAYLIO_NEEDED if name not in header]
    if missing:
        return ImportProblem(
            1,
            f"this is not a Daylio export: the header lacks {', '.join(missing)}; "
            f"Daylio's starts {','.join(DAYLIO_COLUMNS)}",
        )
    position = {name: header.index(name) for name in DAYLIO_COLUMNS if name in header}
    ignored = [cell.strip() for cell, key in zip(header_cells, header, strict=True) if key and key not in position]
    if ignored:
        notes.append(f"Columns winback does not use were left out: {', '.join(ignored)}.")
    return _Columns(position, len(header))


class _Rows:
    """Daylio's rows as entries, with every unmapped mood label and every activity winback does not know."""

    def __init__(self, moods: Mapping[str, int], resolver: _ActivityResolver, today: date) -> None:
        self.moods = moods
        self.resolver = resolver
        self.today = today
        self.unknown: dict[str, UnknownMood] = {}
        self.entries: list[_Entry] = []
        self.count = 0

    def read(self, reader: Reader, columns: _Columns, problems: list[ImportProblem]) -> None:
        """Every row after the header; a problem carries the physical line its row starts on."""
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                problems.append(ImportProblem(start, f"is not valid CSV ({error})"))
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            self.count += 1
            if len(cells) != columns.width:
                problems.append(ImportProblem(line, f"has {len(cells)} fields; the header has {columns.width}"))
                continue
            messages = self._entry(line, {name: cells[index] for name, index in columns.position.items()})
            problems.extend(ImportProblem(line, message) for message in messages)

    def _entry(self, line: int, cell: Mapping[str, str]) -> list[str]:
        """Keep the row's entry when it is whole; what is wrong with it otherwise."""
        messages: list[str] = []
        day = _daylio_date(cell["full_date"], self.today, messages)
        seconds = _clock_seconds(cell["time"], messages)
        mood = self._mood(cell["mood"].strip(), line, messages)
        activities = self.resolver.ids(cell["activities"], messages)
        note = _daylio_note(cell.get("note_title", ""), cell["note"], messages)
        if not (messages or mood is None or day is None or seconds is None):
            self.entries.append(_Entry(line, day, seconds, mood, activities, note))
        return messages

    def _mood(self, label: str, line: int, messages: list[str]) -> int | None:
        """The label's place on 1–5; an unmapped label is counted for the person to map, not a problem here."""
        mood = self.moods.get(label_key(label))
        if not label:
            messages.append("the mood is empty")
        elif mood is None:
            seen = self.unknown.get(label_key(label))
            self.unknown[label_key(label)] = (
                UnknownMood(" ".join(label.split()), 1, line) if seen is None else replace(seen, count=seen.count + 1)
            )
        return mood


def _mood_scale(mood_map: Mapping[str, int] | None, problems: list[ImportProblem]) -> dict[str, int]:
    scale = {label_key(k): v for k, v in DAYLIO_MOODS.items()}
    for label, value in (mood_map or {}).items():
        try:
            number = -1 if isinstance(value, bool) else operator.index(value)  # numpy ints from widgets are fine
        except TypeError:
            number = -1
        if number not in MOODS:
            problems.append(ImportProblem(0, f"the mood {label.strip()!r} is matched to {value!r}; use 1 to 5"))
            continue
        scale[label_key(label)] = number
    return scale


def _daylio_date(text: str, today: date, messages: list[str]) -> date | None:
    value = text.strip()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        messages.append(f"full_date {value!r} is not a date like 2026-01-31")
        return None
    if day > today:
        messages.append(f"{day.isoformat()} is in the future")
        return None
    return day


def _clock_seconds(text: str, messages: list[str]) -> int | None:
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
    messages.append(f"time {text.strip()!r} is not a time like 21:05 or 9:05 pm")
    return None


def _daylio_note(title: str, body: str, messages: list[str]) -> str:
    """Title and note as one text; outer spaces trimmed and Windows line ends made plain, nothing else."""
    parts = [part.replace("\r\n", "\n").strip() for part in (title, body)]
    note = " — ".join(part for part in parts if part)
    if len(note) > NOTE_LIMIT:
        messages.append(f"the note is {len(note):,} characters; winback's limit is {NOTE_LIMIT:,}")
    return note


class _ActivityResolver:
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


def _round_half_up(total: int, count: int) -> int:
    """Mean of whole numbers rounded half up, in exact integers: floor(total / count + 1/2)."""
    return (2 * total + count) // (2 * count)


def _days(entries: Sequence[_Entry], problems: list[ImportProblem]) -> tuple[list[DaylioDay], int]:
    """One day per date from its entries in time order (file order breaks ties); and how many had several."""
    by_day: dict[date, list[_Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry)
    days: list[DaylioDay] = []
    several = 0
    for day in sorted(by_day):
        group = sorted(by_day[day], key=lambda e: (e.seconds, e.line))
        several += len(group) > 1
        note = "\n\n".join(e.note for e in group if e.note)
        lines = tuple(sorted(e.line for e in group))
        if len(note) > NOTE_LIMIT:
            problems.append(
                ImportProblem(
                    lines[0],
                    f"the notes of {day.isoformat()}'s {len(group)} entries (lines {', '.join(map(str, lines))}) "
                    f"come to {len(note):,} characters together; winback's limit is {NOTE_LIMIT:,}",
                )
            )
            continue
        activities = tuple(dict.fromkeys(a for e in group for a in e.activities))
        mood = _round_half_up(sum(e.mood for e in group), len(group))
        days.append(DaylioDay(day, mood, activities, note, lines))
    return days, several
