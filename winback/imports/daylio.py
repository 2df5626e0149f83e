"""Reading Daylio's CSV export: its mood labels, several entries a day, 12- and 24-hour times, activities.

The columns are ``full_date,date,weekday,time,mood,activities,note_title,note`` (older exports lack
``note_title``). ``parse_daylio`` turns them into one winback day per date and reports every problem by
physical line; ``winback.imports.daylio_plan`` merges those days into the person's daily log.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from winback.content.activities import Activity, catalogue
from winback.csvcodec import quoted
from winback.imports.daylio_cells import ActivityResolver, clock_seconds, daylio_date, daylio_note, label_key
from winback.imports.plan import (
    MAX_PROBLEMS,
    ImportProblem,
    decode_upload,
    latin_note,
    looks_binary,
    upload_problem,
)
from winback.vocab import ACTIVITY_NAME_LIMIT, MOODS, NEUTRAL_MISSING_EX, NOTE_LIMIT
from winback.words import count_phrase

if TYPE_CHECKING:
    from _csv import Reader

DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
DAYLIO_NEEDED = ("full_date", "time", "mood", "activities", "note")
DAYLIO_MOODS: Mapping[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
NO_DAYLIO_FIELDS = (
    "Daylio has no 'missing my ex' or contact with your ex, so each new day gets 'missing my ex' "
    f"{NEUTRAL_MISSING_EX} of 10 (the middle) and contact 'none'; change any day on the Daily log page."
)
# Excel saves a CSV with semicolons where the decimal comma is in use (much of Europe), in Windows-1252.
EXCEL_NOTE = "The file has semicolons between its columns, as Excel saves it in many countries; it was read so."
# Daylio has a handful of moods, renamed or not: this many labels winback does not know, or a label this long,
# is not a Daylio file, and each one would be a question for the person.
MAX_UNKNOWN_MOODS = 50
MOOD_LABEL_LIMIT = ACTIVITY_NAME_LIMIT
# How many of a day's lines a problem lists before it says how many more.
LINES_LISTED = 5


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
    # Lines not read: reading stops after MAX_PROBLEMS problems (see plan.stopped_at).
    unchecked: range = range(0)


@dataclass(frozen=True)
class _Entry:
    line: int
    day: date
    seconds: int
    mood: int
    activities: tuple[str, ...]
    note: str


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
    the catalogue) by name or id, case aside; any other becomes a proposed custom activity in area Joy, and a
    file that would add more than ``MAX_NEW_ACTIVITIES`` of them is refused.
    A bad or future date, a date before 1900, an unreadable time or a note over 2,000 characters is a
    problem for its line, never shortened or guessed; after ``MAX_PROBLEMS`` problems the rest of the file is
    not read (``unchecked``). A file Excel saved with semicolons between columns is read the same.
    """
    problem = upload_problem(data)
    if problem is None and looks_binary(data):
        problem = "this is not a CSV text file; choose the .csv file Daylio exported"
    if problem is not None:
        return DaylioParse(problems=(ImportProblem(0, problem),))
    text, latin_line = decode_upload(data)
    notes = [latin_note("The file", latin_line)] if latin_line else []
    reader = _reader(text, notes)
    columns = _columns(reader, notes)
    if isinstance(columns, ImportProblem):
        return DaylioParse(problems=(columns,), notes=tuple(notes))

    problems: list[ImportProblem] = []
    moods = _mood_scale(mood_map, problems)
    rows = _Rows(moods, ActivityResolver(catalogue() if known is None else known), today or date.today())
    unchecked = rows.read(reader, columns, problems, text)
    too_many = rows.resolver.too_many()
    if too_many is not None:
        problems.append(ImportProblem(0, too_many))
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
        unchecked=unchecked,
    )


def _reader(text: str, notes: list[str]) -> Reader:
    """A CSV reader with the file's separator: a semicolon when the header has more of them than commas."""
    header = io.StringIO(text, newline="").readline()
    if header.count(";") > header.count(","):
        notes.append(EXCEL_NOTE)
        return csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    return csv.reader(io.StringIO(text, newline=""), strict=True)


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

    def __init__(self, moods: Mapping[str, int], resolver: ActivityResolver, today: date) -> None:
        self.moods = moods
        self.resolver = resolver
        self.today = today
        self.unknown: dict[str, UnknownMood] = {}
        self.entries: list[_Entry] = []
        self.count = 0

    def read(self, reader: Reader, columns: _Columns, problems: list[ImportProblem], text: str) -> range:
        """Every row after the header, until ``MAX_PROBLEMS`` problems; a problem carries the physical line its
        row starts on. Returns the lines left unread (the line count is only worked out then)."""
        start = reader.line_num + 1
        while True:
            if len(problems) >= MAX_PROBLEMS:
                return range(start, sum(1 for _ in io.StringIO(text, newline="")) + 1)
            try:
                cells = next(reader)
            except StopIteration:
                return range(0)
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
        day = daylio_date(cell["full_date"], self.today, messages)
        seconds = clock_seconds(cell["time"], messages)
        mood = self._mood(cell["mood"].strip(), line, messages)
        activities = self.resolver.ids(cell["activities"], messages)
        note = daylio_note(cell.get("note_title", ""), cell["note"], messages)
        if not (messages or mood is None or day is None or seconds is None):
            self.entries.append(_Entry(line, day, seconds, mood, activities, note))
        return messages

    def _mood(self, label: str, line: int, messages: list[str]) -> int | None:
        """The label's place on 1–5; an unmapped label is counted for the person to map, not a problem here."""
        key = label_key(label)
        mood = self.moods.get(key)
        seen = self.unknown.get(key)
        if not label:
            messages.append("the mood is empty")
        elif mood is not None:
            return mood
        elif len(key) > MOOD_LABEL_LIMIT:
            messages.append(f"the mood {quoted(label)} is {len(label):,} characters; Daylio's are a word or two")
        elif seen is not None:
            self.unknown[key] = replace(seen, count=seen.count + 1)
        elif len(self.unknown) >= MAX_UNKNOWN_MOODS:
            messages.append(
                f"the mood {quoted(label)} is one more label winback does not know, after {MAX_UNKNOWN_MOODS}; "
                "is this a Daylio export?"
            )
        else:
            self.unknown[key] = UnknownMood(" ".join(label.split()), 1, line)
        return None


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
                    f"the notes of {day.isoformat()}'s {len(group):,} entries ({_lines_words(lines)}) "
                    f"come to {len(note):,} characters together; winback's limit is {NOTE_LIMIT:,}",
                )
            )
            continue
        activities = tuple(dict.fromkeys(a for e in group for a in e.activities))
        mood = _round_half_up(sum(e.mood for e in group), len(group))
        days.append(DaylioDay(day, mood, activities, note, lines))
    return days, several


def _lines_words(lines: Sequence[int]) -> str:
    """``lines 2, 3, 4`` or, for a day of thousands of entries, ``lines 2, 3, 4, 5, 6 and 19,995 more``."""
    listed = ", ".join(str(line) for line in lines[:LINES_LISTED])
    more = len(lines) - LINES_LISTED
    return f"lines {listed} and {more:,} more" if more > 0 else f"lines {listed}"
