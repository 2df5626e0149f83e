"""Bringing data into winback: our own export zip and Daylio's CSV, previewed first, applied all or nothing.

Nothing here raises on a bad upload: every problem comes back in the plan by file and line, and a plan with
problems cannot be applied. Several files cannot be replaced in one atomic step, so ``apply_plan`` first
copies the current files into a backup folder inside the person's folder and puts them back if any write
fails; a backup left by a crash is put back by ``recover_interrupted_import`` (and by the next import).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import math
import operator
import os
import re
import shutil
import uuid
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath

import pandas as pd

from winback.content.activities import Activity, catalogue
from winback.csvcodec import parse_table, validate_row
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, SETTINGS_FILE, TABLES, Table, frame_from_columns
from winback.store import StorageError, Store, atomic_write
from winback.vocab import MOOD_WORDS, MOODS, NEUTRAL_MISSING_EX, NOTE_LIMIT
from winback.words import count_phrase

MEGABYTE = 1024 * 1024
MAX_UPLOAD_BYTES = 20 * MEGABYTE
# A 20 MB zip can unpack to far more; a century of daily entries is under 10 MB.
MAX_UNPACKED_BYTES = 200 * MEGABYTE
MAX_ZIP_MEMBERS = 100
PREVIEW_CHANGES = 20

EXPORT_SOURCE = "winback export"
DAYLIO_SOURCE = "Daylio"
DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
DAYLIO_NEEDED = ("full_date", "time", "mood", "activities", "note")
DAYLIO_MOODS: Mapping[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
DAYLIO_SEPARATOR = "|"
NEW_ACTIVITY_AREA = "Joy"
ACTIVITY_NAME_LIMIT = CUSTOM_ACTIVITIES.column("name").max_length or 60

BACKUP_PREFIX = ".import-backup-"
BACKUP_MANIFEST = "manifest.json"
IMPORT_LOCK = ".import"

TABLE_TITLES: Mapping[str, str] = {
    "daily_log": "Daily log",
    "checkins": "Weekly check-ins",
    "quiz_attempts": "Quiz attempts",
    "quiz_answers": "Quiz answers",
    "reconnect": "Reconnect journal",
    "custom_activities": "Your own activities",
}
EXPORT_FILES = (*(t.filename for t in TABLES.values()), SETTINGS_FILE)
# What zip tools add on their own; never data.
ZIP_PACKAGING = (".DS_Store", "Thumbs.db", "desktop.ini")
BINARY_SIGNATURES = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x89PNG",
    b"%PDF",
    b"\x1f\x8b",
    b"GIF8",
    b"\xff\xd8\xff",
    b"BZh",
    b"7z\xbc\xaf",
    b"SQLite format 3",
)
UTF8_BOM = b"\xef\xbb\xbf"
MERGE_RULE = (
    "Days you already logged in winback keep your 'missing my ex' and contact; their mood becomes Daylio's, "
    "Daylio's activities are added to yours, and a Daylio note that differs from yours is added below it."
)
NO_DAYLIO_FIELDS = (
    "Daylio has no 'missing my ex' or contact with your ex, so each new day gets 'missing my ex' "
    f"{NEUTRAL_MISSING_EX} of 10 (the middle) and contact 'none'; change any day on the Daily log page."
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class ImportProblem:
    """Why (part of) an upload cannot be imported: line 0 means the whole file; ``file`` names a zip member."""

    line: int
    message: str
    file: str = ""

    def describe(self) -> str:
        where = " ".join(part for part in (self.file, f"line {self.line}" if self.line else "") if part)
        if where:
            return f"{where}: {self.message}"
        return self.message[:1].upper() + self.message[1:]


@dataclass(frozen=True, eq=False)
class ImportPlan:
    """What an import would write, for the preview; ``apply_plan`` writes it only when ``can_apply``.

    ``frames`` holds each table's complete new frame, ``settings_text`` the new settings.json (None: leave it),
    ``remove`` the files the import deletes, and ``based_on`` each touched file's SHA-256 when the plan was
    made (None: the file did not exist), so a plan made before another change is refused, not applied.
    """

    source: str
    summary: str
    frames: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    settings_text: str | None = None
    remove: tuple[str, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    preview: tuple[str, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    notes: tuple[str, ...] = ()
    based_on: Mapping[str, str | None] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return bool(self.frames) or self.settings_text is not None or bool(self.remove)

    @property
    def can_apply(self) -> bool:
        return not self.problems and self.has_changes


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


def label_key(label: str) -> str:
    """How mood labels and activity names are compared: case, stray and doubled spaces do not count."""
    return " ".join(label.split()).casefold()


def activity_slug(name: str) -> str:
    return "_".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def _megabytes(size: int) -> str:
    """Rounded up, so a file just over the limit never reads as exactly the limit."""
    return f"{math.ceil(size * 10 / MEGABYTE) / 10:.1f}"


def _upload_problem(data: bytes) -> str | None:
    if len(data) > MAX_UPLOAD_BYTES:
        return f"the file is {_megabytes(len(data))} MB; the limit is {MAX_UPLOAD_BYTES // MEGABYTE} MB"
    if not data.removeprefix(UTF8_BOM).strip():
        return "the file is empty"
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data:
        return True
    head = data[:65536]
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) // 100


def _decode(data: bytes) -> tuple[str, int]:
    """The text, and the first line that was not UTF-8 (0: none), which is read as Windows-1252/Latin-1."""
    data = data.removeprefix(UTF8_BOM)
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    first = 0
    lines: list[str] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            first = first or number
            try:
                lines.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                lines.append(raw.decode("latin-1"))
    return "\n".join(lines), first


def _latin_note(what: str, line: int) -> str:
    return (
        f"{what} was not all UTF-8 text (from line {line:,}), so it was read as Latin-1 (Windows-1252); "
        "check accented letters in the preview."
    )


def _fingerprint(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _fingerprints(store: Store, names: Sequence[str]) -> dict[str, str | None]:
    return {name: _fingerprint(store.folder / name) for name in names}


def read_export_zip(data: bytes, store: Store | None = None) -> ImportPlan:
    """The plan for restoring a zip made by ``dataio.export_zip``: it replaces every table and the settings.

    Only the export's own files may be in the zip (folders and packaging files that zip tools add are
    ignored). Every table is checked as storage reads it; any bad row, unknown column or unreadable settings
    refuses the whole import. A table or settings file missing from the zip is removed, so the folder ends up
    exactly as the export was. With ``store``, the preview says what is there now and the plan is refused
    later if those files change before it is applied.
    """
    problem = _upload_problem(data)
    if problem is None and not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        problem = 'this is not a zip file; choose the .zip that "Download everything" made'
    if problem is not None:
        return _refused(EXPORT_SOURCE, [ImportProblem(0, problem)])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return _refused(EXPORT_SOURCE, [ImportProblem(0, "the zip file is damaged and cannot be opened")])
    with archive:
        members, problems = _zip_members(archive)
    if not members and not problems:
        problems.append(ImportProblem(0, f"the zip holds none of winback's files ({', '.join(EXPORT_FILES)})"))

    frames: dict[str, pd.DataFrame] = {}
    notes: list[str] = []
    settings_text: str | None = None
    for filename, content in members.items():
        text, latin_line = _decode(content)
        if latin_line:
            notes.append(_latin_note(filename, latin_line))
        if filename == SETTINGS_FILE:
            settings_text, settings_problem = _check_settings(text)
            if settings_problem is not None:
                problems.append(settings_problem)
            continue
        table = next(t for t in TABLES.values() if t.filename == filename)
        frame, table_problems = _check_table(table, text)
        problems.extend(table_problems)
        frames[table.name] = frame
    if problems:
        return _refused(EXPORT_SOURCE, problems, notes)

    ordered = {t.name: frames[t.name] for t in TABLES.values() if t.name in frames}
    remove = tuple(name for name in EXPORT_FILES if name not in members)
    current = {t.name: len(store.read(t).frame) for t in TABLES.values()} if store is not None else {}
    settings_now = store is not None and (store.folder / SETTINGS_FILE).exists()
    preview: list[str] = []
    for t in TABLES.values():
        now = f" (now {current[t.name]:,})" if t.name in current else ""
        if t.name in ordered:
            preview.append(f"{TABLE_TITLES[t.name]}: {count_phrase(len(ordered[t.name]), 'row', 'rows')}{now}")
        elif current.get(t.name):
            preview.append(f"{TABLE_TITLES[t.name]}: not in the export; your {current[t.name]:,} rows are removed")
        else:
            preview.append(f"{TABLE_TITLES[t.name]}: not in the export")
    if settings_text is not None:
        preview.append("Settings: taken from the export")
    elif settings_now:
        preview.append("Settings: not in the export; yours are removed")
    days = len(ordered.get(DAILY_LOG.name, ()))
    return ImportPlan(
        source=EXPORT_SOURCE,
        summary=f"Replaces everything winback holds now with this export ({count_phrase(days, 'day', 'days')} logged).",
        frames=ordered,
        settings_text=settings_text,
        remove=remove,
        counts={name: len(frame) for name, frame in ordered.items()},
        preview=tuple(preview),
        notes=(
            "Importing an export replaces everything winback holds now; export first if you want a copy.",
            *notes,
        ),
        based_on=_fingerprints(store, EXPORT_FILES) if store is not None else {},
    )


def _refused(source: str, problems: Sequence[ImportProblem], notes: Sequence[str] = ()) -> ImportPlan:
    return ImportPlan(
        source=source,
        summary="This file cannot be imported as it is: see the problems below.",
        problems=tuple(problems),
        notes=tuple(notes),
    )


def _zip_members(archive: zipfile.ZipFile) -> tuple[dict[str, bytes], list[ImportProblem]]:
    """The export's files by name; anything else in the zip, damaged or oversized, is a problem."""
    members: dict[str, bytes] = {}
    problems: list[ImportProblem] = []
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        return members, [
            ImportProblem(0, f"the zip holds {len(infos):,} files; a winback export holds {len(EXPORT_FILES)}")
        ]
    unpacked = 0
    for info in infos:
        path = PurePosixPath(info.filename)
        if info.is_dir() or path.parts[:1] == ("__MACOSX",) or path.name in ZIP_PACKAGING:
            continue
        if path.name not in EXPORT_FILES:
            known = ", ".join(EXPORT_FILES)
            problems.append(ImportProblem(0, f"is not a winback file; an export holds only {known}", info.filename))
            continue
        if path.name in members:
            problems.append(ImportProblem(0, f"{path.name} is in the zip twice", info.filename))
            continue
        if info.flag_bits & 0x1:
            problems.append(ImportProblem(0, "is protected by a password", info.filename))
            continue
        unpacked += info.file_size
        if unpacked > MAX_UNPACKED_BYTES:
            limit = MAX_UNPACKED_BYTES // MEGABYTE
            problems.append(ImportProblem(0, f"the zip unpacks to more than {limit} MB", info.filename))
            break
        try:
            with archive.open(info) as handle:
                content = handle.read(MAX_UNPACKED_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error):
            problems.append(ImportProblem(0, "is damaged and cannot be read", info.filename))
            continue
        if len(content) > MAX_UNPACKED_BYTES:
            problems.append(ImportProblem(0, "is damaged and cannot be read", info.filename))
            continue
        members[path.name] = content
    return members, problems


def _check_table(table: Table, text: str) -> tuple[pd.DataFrame, list[ImportProblem]]:
    """The table as storage reads it; every problem refuses, and so does a column winback would drop."""
    problems: list[ImportProblem] = []
    with contextlib.suppress(csv.Error, StopIteration):
        header = [cell.strip() for cell in next(csv.reader(io.StringIO(text, newline="")))]
        unknown = [name for name in header if name and name not in table.header]
        if unknown:
            problems.append(
                ImportProblem(
                    1,
                    f"has columns winback does not know ({', '.join(unknown)}); was it made by a newer winback?",
                    table.filename,
                )
            )
    parsed = parse_table(table, text.encode("utf-8"))
    problems.extend(ImportProblem(p.line, p.message, table.filename) for p in parsed.problems)
    return parsed.frame, problems


def _check_settings(text: str) -> tuple[str, ImportProblem | None]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return text, ImportProblem(error.lineno, f"is not valid JSON ({error.msg})", SETTINGS_FILE)
    if not isinstance(value, dict):
        return text, ImportProblem(1, "does not hold named settings", SETTINGS_FILE)
    return text, None


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
    the catalogue) by name or id, case aside; any other becomes a proposed custom activity in area Joy.
    A bad or future date, an unreadable time or a note over 2,000 characters is a problem for its line,
    never shortened or guessed.
    """
    today = today or date.today()
    problem = _upload_problem(data)
    if problem is None and _looks_binary(data):
        problem = "this is not a CSV text file; choose the .csv file Daylio exported"
    if problem is not None:
        return DaylioParse(problems=(ImportProblem(0, problem),))
    text, latin_line = _decode(data)
    notes = [_latin_note("The file", latin_line)] if latin_line else []

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header_cells = next(reader)
    except (StopIteration, csv.Error):
        return DaylioParse(problems=(ImportProblem(1, "the header row cannot be read as CSV"),), notes=tuple(notes))
    header = [label_key(cell) for cell in header_cells]
    missing = [name for name in DAYLIO_NEEDED if name not in header]
    if missing:
        message = (
            f"this is not a Daylio export: the header lacks {', '.join(missing)}; "
            f"Daylio's starts {','.join(DAYLIO_COLUMNS)}"
        )
        return DaylioParse(problems=(ImportProblem(1, message),), notes=tuple(notes))
    position = {name: header.index(name) for name in DAYLIO_COLUMNS if name in header}
    ignored = [cell.strip() for cell, key in zip(header_cells, header, strict=True) if key and key not in position]
    if ignored:
        notes.append(f"Columns winback does not use were left out: {', '.join(ignored)}.")

    problems: list[ImportProblem] = []
    moods = _mood_scale(mood_map, problems)
    resolver = _ActivityResolver(catalogue() if known is None else known)
    unknown: dict[str, UnknownMood] = {}
    entries: list[_Entry] = []
    rows = 0
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
        rows += 1
        if len(cells) != len(header):
            problems.append(ImportProblem(line, f"has {len(cells)} fields; the header has {len(header)}"))
            continue
        cell = {name: cells[index] for name, index in position.items()}
        messages: list[str] = []
        day = _daylio_date(cell["full_date"], today, messages)
        seconds = _clock_seconds(cell["time"], messages)
        label = cell["mood"].strip()
        mood = moods.get(label_key(label))
        if not label:
            messages.append("the mood is empty")
        elif mood is None:
            seen = unknown.get(label_key(label))
            unknown[label_key(label)] = (
                UnknownMood(" ".join(label.split()), 1, line) if seen is None else replace(seen, count=seen.count + 1)
            )
        activities = resolver.ids(cell["activities"], messages)
        note = _daylio_note(cell.get("note_title", ""), cell["note"], messages)
        problems.extend(ImportProblem(line, message) for message in messages)
        if messages or mood is None or day is None or seconds is None:
            continue
        entries.append(_Entry(line, day, seconds, mood, activities, note))
    if rows == 0 and not problems:
        problems.append(ImportProblem(0, "the file has a header but no entries"))

    days, several = _days(entries, problems)
    if several:
        notes.append(
            f"{count_phrase(several, 'day has', 'days have')} several Daylio entries: each became one day whose mood "
            "is their average rounded half up (3.5 → 4), with their activities together and notes one after another."
        )
    notes.append(NO_DAYLIO_FIELDS)
    return DaylioParse(
        entries=tuple(days),
        problems=tuple(sorted(problems, key=lambda p: p.line)),
        unknown_moods=tuple(sorted(unknown.values(), key=lambda m: m.key)),
        new_activities=tuple(resolver.proposed),
        notes=tuple(notes),
        rows=rows,
    )


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
        base = f"custom_{activity_slug(name) or 'activity'}"
        ident, number = base, 2
        while ident in self.taken:
            ident, number = f"{base}_{number}", number + 1
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


@dataclass(frozen=True)
class _Row:
    day: date
    mood: int
    missing_ex: int
    contact: str
    activities: tuple[str, ...]
    note: str

    def as_row(self) -> dict[str, object]:
        return {
            "date": self.day,
            "mood": self.mood,
            "missing_ex": self.missing_ex,
            "contact": self.contact,
            "activities": self.activities,
            "note": self.note,
        }


def _join_notes(mine: str, theirs: str) -> str:
    """Keep the person's note and add Daylio's below it, unless it is already there (importing twice)."""
    if not theirs.strip() or theirs in mine:
        return mine
    if not mine.strip():
        return theirs
    return f"{mine}\n\n{theirs}"


def daylio_plan(store: Store, parse: DaylioParse) -> ImportPlan:
    """Preview and frames for importing a Daylio parse into this person's daily log.

    Merge rule for a day already logged in winback: its *missing my ex* and contact stay the person's; mood is
    Daylio's; Daylio's activities are added after the person's; Daylio's note is added below theirs after a
    blank line unless their note already contains it. So importing the same file twice changes nothing.
    New days get *missing my ex* 5 and contact "none". Proposed activities whose name matches one of the
    person's own become that one; the rest are added to custom_activities (area Joy). Unmapped mood labels
    are problems, so the plan cannot be applied until the person maps each one.
    """
    problems = list(parse.problems)
    for mood in parse.unknown_moods:
        problems.append(
            ImportProblem(
                mood.first_line,
                f"the mood {mood.label!r} ({count_phrase(mood.count, 'entry', 'entries')}) is not matched yet: "
                "choose 1 (awful) to 5 (great) for it",
            )
        )
    based_on = _fingerprints(store, (DAILY_LOG.filename, CUSTOM_ACTIVITIES.filename))
    log = store.read(DAILY_LOG).frame
    custom = store.read(CUSTOM_ACTIVITIES).frame
    added, same_as = _reconcile(parse.new_activities, custom)
    names = {a.id: a.name for a in (*catalogue(), *_activities_in(custom), *added)}

    existing = {row.day: row for row in _rows(log)}
    merged: list[_Row] = []
    preview: list[str] = []
    new = changed = unchanged = 0
    for daylio in parse.entries:
        incoming = _Row(
            daylio.day,
            daylio.mood,
            NEUTRAL_MISSING_EX,
            "none",
            tuple(dict.fromkeys(same_as.get(a, a) for a in daylio.activities)),
            daylio.note,
        )
        current = existing.get(daylio.day)
        row = incoming if current is None else _merge(current, incoming)
        if current is not None and row == current:
            unchanged += 1
            continue
        try:
            validate_row(DAILY_LOG, row.as_row())
        except ValueError as error:
            problems.append(ImportProblem(daylio.lines[0], f"{daylio.day.isoformat()} cannot be saved: {error}"))
            continue
        merged.append(row)
        if current is None:
            new += 1
        else:
            changed += 1
        if len(preview) < PREVIEW_CHANGES:
            preview.append(_describe_change(current, row, names))

    summary = (
        f"{count_phrase(new, 'new day', 'new days')}, {count_phrase(changed, 'day changed', 'days changed')}, "
        f"{unchanged:,} unchanged"
    )
    if len(merged) > len(preview):
        preview.append(f"… and {len(merged) - len(preview):,} more")
    used = {a for row in merged for a in row.activities}
    added = tuple(a for a in added if a.id in used)
    if added:
        preview.insert(
            0,
            f"Adds {count_phrase(len(added), 'activity', 'activities')} of your own: "
            f"{', '.join(a.name for a in added)} (life area {NEW_ACTIVITY_AREA}; you can change it later)",
        )
    notes = [*parse.notes, MERGE_RULE]
    if not merged and not problems:
        notes.append("Nothing to import: every day in this file is already in winback as Daylio has it.")
    frames: dict[str, pd.DataFrame] = {}
    if merged and not problems:
        if added:
            frames[CUSTOM_ACTIVITIES.name] = _with_custom(custom, added)
        frames[DAILY_LOG.name] = _with_days(log, merged)
    return ImportPlan(
        source=DAYLIO_SOURCE,
        summary=summary,
        frames=frames,
        counts={"new_days": new, "changed_days": changed, "unchanged_days": unchanged, "new_activities": len(added)},
        preview=tuple(preview),
        problems=tuple(problems),
        notes=tuple(notes),
        based_on=based_on,
    )


def _activities_in(custom: pd.DataFrame) -> list[Activity]:
    return [
        Activity(str(r.activity_id), str(r.name), str(r.area), custom=True, retired=bool(r.retired))
        for r in custom.itertuples(index=False)
    ]


def _reconcile(proposed: Sequence[Activity], custom: pd.DataFrame) -> tuple[tuple[Activity, ...], dict[str, str]]:
    """Proposed activities the person already has (same name) map to theirs; new ones get a free id."""
    mine = _activities_in(custom)
    by_name = {label_key(a.name): a.id for a in mine}
    taken = {a.id for a in (*catalogue(), *mine)}
    added: list[Activity] = []
    same_as: dict[str, str] = {}
    for activity in proposed:
        existing = by_name.get(label_key(activity.name))
        if existing is not None:
            same_as[activity.id] = existing
            continue
        ident, number = activity.id, 2
        while ident in taken:
            ident, number = f"{activity.id}_{number}", number + 1
        taken.add(ident)
        if ident != activity.id:
            same_as[activity.id] = ident
        added.append(replace(activity, id=ident))
    return tuple(added), same_as


def _rows(log: pd.DataFrame) -> list[_Row]:
    columns = zip(
        log["date"].dt.date.tolist(),
        log["mood"].tolist(),
        log["missing_ex"].tolist(),
        log["contact"].tolist(),
        log["activities"].tolist(),
        log["note"].tolist(),
        strict=True,
    )
    return [
        _Row(day, int(mood), int(missing_ex), str(contact), tuple(activities), str(note))
        for day, mood, missing_ex, contact, activities, note in columns
    ]


def _merge(current: _Row, incoming: _Row) -> _Row:
    return replace(
        current,
        mood=incoming.mood,
        activities=tuple(dict.fromkeys((*current.activities, *incoming.activities))),
        note=_join_notes(current.note, incoming.note),
    )


def _describe_change(current: _Row | None, row: _Row, names: Mapping[str, str]) -> str:
    if current is None:
        parts = [f"mood {MOOD_WORDS[row.mood]}"]
        if row.activities:
            parts.append(", ".join(names.get(a, a) for a in row.activities))
        if row.note:
            parts.append("a note")
        return f"{row.day.isoformat()} · new: {'; '.join(parts)}"
    parts = []
    if row.mood != current.mood:
        parts.append(f"mood {MOOD_WORDS[current.mood]} → {MOOD_WORDS[row.mood]}")
    extra = [a for a in row.activities if a not in current.activities]
    if extra:
        parts.append(f"adds {', '.join(names.get(a, a) for a in extra)}")
    if row.note != current.note:
        parts.append("adds Daylio's note")
    return f"{row.day.isoformat()} · changes: {'; '.join(parts)}"


def _with_days(log: pd.DataFrame, rows: Sequence[_Row]) -> pd.DataFrame:
    replaced = pd.to_datetime(pd.Series([r.day for r in rows], dtype="object")).astype("datetime64[s]")
    incoming = frame_from_columns(
        DAILY_LOG,
        {column.name: [r.as_row()[column.name] for r in rows] for column in DAILY_LOG.columns},
    )
    kept = log[~log["date"].isin(replaced)]
    return pd.concat([kept, incoming], ignore_index=True) if len(kept) else incoming


def _with_custom(custom: pd.DataFrame, added: Sequence[Activity]) -> pd.DataFrame:
    incoming = frame_from_columns(
        CUSTOM_ACTIVITIES,
        {
            "activity_id": [a.id for a in added],
            "name": [a.name for a in added],
            "area": [a.area for a in added],
            "retired": [False for _ in added],
        },
    )
    return pd.concat([custom, incoming], ignore_index=True) if len(custom) else incoming


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Write every file of the plan, or none: on any failure the files are put back byte for byte.

    Raises ValueError for a plan with problems (the UI shows them instead), and StorageError, with a message
    for people, when the data changed since the preview or a write failed (then nothing is changed).
    """
    if plan.problems:
        raise ValueError("This import has problems and cannot be applied; show plan.problems instead.")
    if not plan.has_changes:
        return
    with store.locked(IMPORT_LOCK):
        _recover(store)
        moved = [name for name, digest in plan.based_on.items() if _fingerprint(store.folder / name) != digest]
        if moved:
            raise StorageError(
                f"Nothing was imported: {', '.join(moved)} changed after the preview was made. "
                "Look at the preview again, then import."
            )
        targets = [
            *(TABLES[name].filename for name in plan.frames),
            *([SETTINGS_FILE] if plan.settings_text is not None else []),
            *plan.remove,
        ]
        try:
            backup = _make_backup(store, targets)
        except OSError as error:
            raise StorageError(
                f"Nothing was imported: winback could not first copy your current files ({error.strerror or error})."
            ) from error
        try:
            for name, frame in plan.frames.items():
                store.replace_all(name, frame)
            if plan.settings_text is not None:
                with store.locked(SETTINGS_FILE):
                    atomic_write(store.folder / SETTINGS_FILE, plan.settings_text)
            for filename in plan.remove:
                with store.locked(filename):
                    (store.folder / filename).unlink(missing_ok=True)
        except BaseException as error:
            _put_back(store, backup)
            if isinstance(error, StorageError):
                raise StorageError(f"{error} The import was undone, so none of it was applied.") from error
            if isinstance(error, Exception):
                raise StorageError(f"The import failed ({error}) and was undone; your data is as it was.") from error
            raise
        _discard(backup)


def recover_interrupted_import(store: Store) -> bool:
    """Put back the files of an import that a crash stopped halfway; True when something was put back."""
    if not backup_folders(store):
        return False
    with store.locked(IMPORT_LOCK):
        return _recover(store)


def backup_folders(store: Store) -> list[Path]:
    """Backups an import keeps while it runs (and a crash may leave); removed by delete-everything too."""
    if not store.folder.is_dir():
        return []
    return sorted(p for p in store.folder.iterdir() if p.is_dir() and p.name.startswith(BACKUP_PREFIX))


def _recover(store: Store) -> bool:
    restored = False
    for folder in backup_folders(store):
        if (folder / BACKUP_MANIFEST).exists():
            _put_back(store, folder)
            restored = True
        else:
            # The manifest is written before the first table is touched, so without it nothing was changed.
            shutil.rmtree(folder, ignore_errors=True)
    return restored


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _make_backup(store: Store, targets: Sequence[str]) -> Path:
    """Copy the files an import will touch; the manifest, written last, says the copy is complete."""
    store.folder.mkdir(parents=True, exist_ok=True)
    folder = store.folder / f"{BACKUP_PREFIX}{uuid.uuid4().hex}"
    folder.mkdir()
    try:
        existed: dict[str, bool] = {}
        for name in dict.fromkeys(targets):
            try:
                data = (store.folder / name).read_bytes()
            except FileNotFoundError:
                existed[name] = False
                continue
            _write_durably(folder / name, data)
            existed[name] = True
        atomic_write(folder / BACKUP_MANIFEST, json.dumps({"files": existed}, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _put_back(store: Store, folder: Path) -> None:
    """Restore every file of a backup as it was (and remove those that did not exist), then drop the backup."""
    try:
        manifest = json.loads((folder / BACKUP_MANIFEST).read_text(encoding="utf-8"))
        for name, existed in manifest["files"].items():
            if name not in EXPORT_FILES:
                continue
            with store.locked(name):
                target = store.folder / name
                if existed:
                    atomic_write(target, (folder / name).read_bytes())
                else:
                    target.unlink(missing_ok=True)
    except (OSError, ValueError, KeyError, AttributeError, StorageError) as error:
        raise StorageError(
            "The import failed and winback could not yet put every file back. A copy of your earlier files is "
            f"kept in {folder} and is put back the next time winback imports or starts. ({error})"
        ) from error
    _discard(folder)


def _discard(folder: Path) -> None:
    """Remove the manifest first, so a crash while removing the rest never restores a finished import."""
    with contextlib.suppress(OSError):
        (folder / BACKUP_MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
