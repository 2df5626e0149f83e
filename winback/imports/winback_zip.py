"""Restoring our own export: the zip ``dataio.export_zip`` made, read into a plan that replaces everything."""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

import pandas as pd

from winback import backup, settings
from winback.csvcodec import latest_day, parse_table
from winback.imports.plan import (
    EXPORT_FILES,
    MAX_PROBLEMS,
    ImportPlan,
    ImportProblem,
    capped,
    decode_upload,
    fingerprints,
    latin_note,
    refused,
    stopped_at,
    upload_problem,
)
from winback.imports.unzip import (
    MAX_ZIP_MEMBERS,
    partly_protected,
    password_opens,
    size_problems,
    too_many_members,
    unpack,
)
from winback.schema import DAILY_LOG, SAFETY_PLAN_FILE, SETTINGS_FILE, TABLES, Table
from winback.settings_json import parse_settings
from winback.store import Store
from winback.words import count_phrase

EXPORT_SOURCE = "winback export"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# What zip tools add on their own; never data.
ZIP_PACKAGING = (".DS_Store", "Thumbs.db", "desktop.ini")
# A safety plan the person kept goes into their export for them to read; an import leaves the folder's own alone.
PLAN_NOT_RESTORED = (
    f"The zip also holds a safety plan ({SAFETY_PLAN_FILE}). Importing does not restore it, and a plan kept here "
    "now stays as it is: open the zip to read it."
)
NEEDS_PASSWORD = "the export is protected by a password: type it to see what the export holds"
WRONG_PASSWORD = (
    "the password does not open this export: it opens only with the password it was made with (capital letters matter)"
)
NOT_ALL_PROTECTED = (
    "some files in this zip are not protected by its password, so winback cannot tell whether they were changed. "
    "Nothing was imported."
)

TABLE_TITLES: Mapping[str, str] = {
    "daily_log": "Daily log",
    "checkins": "Weekly check-ins",
    "quiz_attempts": "Quiz attempts",
    "quiz_answers": "Quiz answers",
    "reconnect": "Reconnect journal",
    "custom_activities": "Your own activities",
}


@dataclass
class _Contents:
    """The export's files as winback reads them, and what was wrong with them."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    settings_text: str | None = None
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Where checking stopped once MAX_PROBLEMS were found: the lines of one table, the files after it.
    unchecked: range = range(0)
    unchecked_file: str = ""
    skipped: list[str] = field(default_factory=list)


def read_export_zip(
    data: bytes, store: Store | None = None, today: date | None = None, password: str | None = None
) -> ImportPlan:
    """The plan for restoring a zip made by ``dataio.export_zip``: it replaces every table and the settings.

    Only the export's own files may be in the zip (folders and packaging files that zip tools add are
    ignored). Every table is checked as storage reads it; any bad row, unknown column or unreadable settings
    refuses the whole import. A table missing from the zip is removed, so the tables end up exactly as
    the export's; settings missing from it are kept (an export without them must not cost the person theirs).
    With ``store``, the preview says what is there now and the plan is refused
    later if those files change before it is applied; with ``today``, a day after tomorrow is a problem.
    Every member's declared size is checked before any is unpacked (``winback.imports.unzip``), and after
    ``MAX_PROBLEMS`` problems the rest is not read. An export made with a password (``winback.backup``) is read
    only with that ``password``: without it, or with another, the plan is refused with one problem saying so; and
    when some of its files are encrypted and others are not, it is refused whatever the password.
    """
    archive = _open(data)
    if isinstance(archive, str):
        return refused(EXPORT_SOURCE, [ImportProblem(0, archive)])
    with archive:
        members, problems = _zip_members(archive, data, password)
        holds_plan = any(PurePosixPath(info.filename).name == SAFETY_PLAN_FILE for info in archive.infolist())
    if not members and not problems:
        problems.append(ImportProblem(0, f"the zip holds none of winback's files ({', '.join(EXPORT_FILES)})"))
    latest = latest_day(today) if today is not None else None
    contents = _read_members(members, MAX_PROBLEMS - len(problems), latest)
    if holds_plan:
        contents.notes.append(PLAN_NOT_RESTORED)
    problems.extend(contents.problems)
    if problems:
        stopped = stopped_at(contents.unchecked, contents.unchecked_file, contents.skipped)
        return refused(EXPORT_SOURCE, capped(problems, stopped), contents.notes)
    return _restore_plan(contents, members, store)


def _open(data: bytes) -> zipfile.ZipFile | str:
    """The upload opened as a zip, after the checks that come before zipfile reads it; or why it cannot be."""
    problem = upload_problem(data)
    if problem is None and not data.startswith(ZIP_SIGNATURES):
        problem = 'this is not a zip file; choose the .zip that "Download everything" made'
    if problem is None:
        problem = too_many_members(data)
    if problem is not None:
        return problem
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return "the zip file is damaged and cannot be opened"


def protected(data: bytes) -> bool:
    """True when the upload is a zip whose files are encrypted with AES: an export made with a password."""
    archive = _open(data)
    if isinstance(archive, str):
        return False
    with archive:
        infos = archive.infolist()
        return len(infos) <= MAX_ZIP_MEMBERS and any(backup.aes_member(info) is not None for info in infos)


def password_opens_export(data: bytes, password: str) -> bool:
    """True when ``password`` passes the password check of every encrypted file in the zip (none is unpacked)."""
    archive = _open(data)
    if isinstance(archive, str):
        return False
    with archive:
        infos = archive.infolist()
        return len(infos) <= MAX_ZIP_MEMBERS and all(password_opens(data, info, password) for info in infos)


def _zip_members(
    archive: zipfile.ZipFile, data: bytes, password: str | None
) -> tuple[dict[str, bytes], list[ImportProblem]]:
    """The export's files by name; anything else in the zip, damaged or oversized, is a problem.

    Every member's declared size is checked before any is unpacked (or decrypted), so a bomb anywhere in the zip
    is refused without reading the members before it; then an encrypted export's password, once for the zip. A zip
    with some files encrypted and some not is refused first, with one problem.
    """
    problems: list[ImportProblem] = []
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        return {}, [ImportProblem(0, f"the zip holds {len(infos):,} files; a winback export holds {len(EXPORT_FILES)}")]
    if partly_protected(infos):
        # Only the headers are read for this: nothing in a zip the password does not vouch for is unpacked.
        return {}, [ImportProblem(0, NOT_ALL_PROTECTED)]
    wanted: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        path = PurePosixPath(info.filename)
        if info.is_dir() or path.parts[:1] == ("__MACOSX",) or path.name in (*ZIP_PACKAGING, SAFETY_PLAN_FILE):
            continue
        problem = _member_problem(info, path, wanted)
        if problem is not None:
            problems.append(ImportProblem(0, problem, info.filename))
            continue
        wanted[path.name] = info
    too_big = size_problems(list(wanted.values()), len(data))
    if too_big:
        return {}, [*problems, *too_big]
    if any(backup.aes_member(info) is not None for info in wanted.values()):
        if not password:
            return {}, [*problems, ImportProblem(0, NEEDS_PASSWORD)]
        if not all(password_opens(data, info, password) for info in wanted.values()):
            return {}, [*problems, ImportProblem(0, WRONG_PASSWORD)]
    members: dict[str, bytes] = {}
    for name, info in wanted.items():
        content = unpack(data, info, password)
        if isinstance(content, str):
            problems.append(ImportProblem(0, content, info.filename))
            continue
        members[name] = content
    return members, problems


def _member_problem(info: zipfile.ZipInfo, path: PurePosixPath, members: Mapping[str, object]) -> str | None:
    """Why this zip member cannot be one of the export's files, before it is unpacked; or None."""
    if path.name not in EXPORT_FILES:
        return f"is not a winback file; an export holds only {', '.join(EXPORT_FILES)}"
    if path.name in members:
        return f"{path.name} is in the zip twice"
    if info.flag_bits & 0x1 and backup.aes_member(info) is None:
        return (
            "is protected with an older kind of password (ZipCrypto) that winback does not open; unpack the zip "
            "and zip it again without a password"
        )
    return None


def _read_members(members: Mapping[str, bytes], room: int, latest: date | None) -> _Contents:
    """Each file as storage reads it, until ``room`` problems are found; the files after that are not read."""
    contents = _Contents()
    for filename, content in members.items():
        if len(contents.problems) >= room:
            contents.skipped.append(filename)
            continue
        text, latin_line = decode_upload(content)
        if latin_line:
            contents.notes.append(latin_note(filename, latin_line))
        if filename == SETTINGS_FILE:
            # An older export's app lock is never imported: the lock is this folder's own (app_lock.json).
            text = settings.without_old_lock(text.encode("utf-8")).decode("utf-8")
            contents.settings_text = text
            contents.problems.extend(_check_settings(text))
            continue
        table = next(t for t in TABLES.values() if t.filename == filename)
        frame, table_problems, unchecked = _check_table(table, text, room - len(contents.problems), latest)
        contents.problems.extend(table_problems)
        contents.frames[table.name] = frame
        if unchecked:
            contents.unchecked, contents.unchecked_file = unchecked, filename
    return contents


def _check_table(
    table: Table, text: str, room: int, latest: date | None
) -> tuple[pd.DataFrame, list[ImportProblem], range]:
    """The table as storage reads it, up to ``room`` problems, and the lines left unchecked; every problem
    refuses, and so does a column winback would drop."""
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
    parsed = parse_table(table, text.encode("utf-8"), latest=latest, max_problems=room - len(problems))
    # Storage's own word on those columns (set aside at the next save) is for a file in the folder, not an import.
    said = [p for p in parsed.problems if not (problems and p.line == 1)]
    problems.extend(ImportProblem(p.line, p.message, table.filename) for p in said)
    return parsed.frame, problems, parsed.unchecked


def _check_settings(text: str) -> list[ImportProblem]:
    """Any value of the export's settings that winback cannot use refuses the whole import."""
    return [
        ImportProblem(p.line, p.message.removeprefix(f"{SETTINGS_FILE} "), SETTINGS_FILE)
        for p in settings.check_text(text.encode("utf-8"))
    ]


def _restore_plan(contents: _Contents, members: Mapping[str, bytes], store: Store | None) -> ImportPlan:
    ordered = {t.name: contents.frames[t.name] for t in TABLES.values() if t.name in contents.frames}
    days = len(ordered.get(DAILY_LOG.name, ()))
    return ImportPlan(
        source=EXPORT_SOURCE,
        summary=f"Replaces everything winback holds now with this export ({count_phrase(days, 'day', 'days')} logged).",
        frames=ordered,
        settings_text=contents.settings_text,
        # Settings the export lacks are kept: an export made without them must not cost the person theirs.
        remove=tuple(name for name in EXPORT_FILES if name not in members and name != SETTINGS_FILE),
        counts={name: len(frame) for name, frame in ordered.items()},
        preview=tuple(_preview(ordered, contents.settings_text, store)),
        notes=(
            "Importing an export replaces everything winback holds now; export first if you want a copy.",
            *contents.notes,
        ),
        based_on=fingerprints(store, EXPORT_FILES) if store is not None else {},
        done=f"Imported the export: {count_phrase(days, 'day', 'days')} logged, and everything else as it was in it.",
    )


def _preview(ordered: Mapping[str, pd.DataFrame], settings_text: str | None, store: Store | None) -> list[str]:
    """Each table's rows in the export beside what the person has now, and what happens to the settings."""
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
        preview.append(_settings_preview(settings_text, store))
    elif settings_now:
        preview.append("Settings: not in the export; yours are kept")
    return preview


_SETTING_WORDS = {
    "country": "your country",
    "no_contact_start": "your no-contact start",
    "thresholds": "step goals",
    "disguise": "the disguise",
}


def _settings_preview(settings_text: str, store: Store | None) -> str:
    """Which of the person's settings the export's would change, by name (never by value: it is the file's)."""
    if store is None:
        return "Settings: taken from the export"
    new, _ = parse_settings(settings_text.encode("utf-8"))
    now, _ = store.read_settings()
    changed = [_SETTING_WORDS.get(key, key) for key in sorted({*new, *now}) if new.get(key) != now.get(key)]
    if not changed:
        return "Settings: the export's are the same as yours"
    return f"Settings: taken from the export; this changes {', '.join(changed)}"
