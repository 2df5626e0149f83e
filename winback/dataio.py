"""Taking data out of winback and removing it: the export zip, a spreadsheet-safe CSV, a reminder for the
calendar, and delete everything. Importing lives in ``winback.imports``."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from winback import backup, disguise
from winback.activities import all_activities
from winback.imports.plan import backup_folders
from winback.paths import sample_folder
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, SAFETY_PLAN_FILE, SETTINGS_FILE, TABLES
from winback.settings import without_old_lock
from winback.store import StorageError, Store, clear_cache, reason
from winback.tracker import entries
from winback.vocab import MOOD_WORDS
from winback.words import count_phrase

SPREADSHEET_COLUMNS = ("date", "mood", "mood_label", "missing_ex", "contact", "activities", "note")
# OWASP's CSV-injection list, plus NUL: a spreadsheet may read a text cell starting with one as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
FORMULA_STARTS = ("=", "+", "-", "@")
# What a spreadsheet may pass over before it looks for a formula: any space or line end (" =1+1", "\n=1+1"),
# and NUL, the byte-order mark and the zero-width characters, which show as nothing.
BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\0\ufeff\u200b\u200c\u200d\u2060"

REMINDER_UID = "daily-check-in-reminder@localhost"
REMINDER_SUMMARY = "Daily check-in"
REMINDER_FILE = "check-in-reminder.ics"
REMINDER_TITLE_MAX = 60
# Shown on a lock screen, so it says nothing about an ex or a breakup.
REMINDER_LENGTH = timedelta(minutes=10)
ICS_LINE_OCTETS = 75


ExportKind = Literal["zip", "spreadsheet"]
# What each export's name says after "winback" (and "-sample"), and its file type.
_EXPORT_NAMES: dict[ExportKind, tuple[str, str]] = {"zip": ("", "zip"), "spreadsheet": ("-daily-log", "csv")}


def export_file_name(kind: ExportKind, day: date, *, sample: bool, disguised: bool = False) -> str:
    """The name an export is offered under: ``winback-2026-03-01.zip``, ``winback-daily-log-2026-03-01.csv``.
    An export of sample data starts ``winback-sample-``, so that it cannot be taken for the person's own.
    Disguised, both start ``notes-`` instead (``notes-2026-03-01.zip``, ``notes-2026-03-01.csv``,
    ``notes-sample-2026-03-01.zip``)."""
    what, suffix = _EXPORT_NAMES[kind]
    if disguised:
        return f"{disguise.NEUTRAL_FILE_WORD}{'-sample' if sample else ''}-{day.isoformat()}.{suffix}"
    return f"winback{'-sample' if sample else ''}{what}-{day.isoformat()}.{suffix}"


def report_file_name(period: str, *, sample: bool, disguised: bool = False) -> str:
    """The name the PDF report is offered under: ``winback-report-30-days.pdf``,
    ``winback-sample-report-2026-01-01-to-2026-03-31.pdf``; disguised, ``notes-30-days.pdf`` (the neutral word of
    ``disguise.report_word``), ``notes-sample-30-days.pdf``. ``period`` is the period's part (``ReportPeriod.slug``)."""
    first = disguise.report_word(disguised)
    return f"{first}{'-sample' if sample else ''}{'' if disguised else '-report'}-{period}.pdf"


def export_files(store: Store) -> dict[str, bytes]:
    """Every table file and the settings that are in the folder, and the safety plan when one is kept, by name,
    byte for byte."""
    files: dict[str, bytes] = {}
    for table in TABLES.values():
        path = store.path(table)
        if path.exists():
            files[table.filename] = path.read_bytes()
    settings = store.folder / SETTINGS_FILE
    if settings.exists():
        # The app lock (app_lock.json, or an older settings.json's app_lock) belongs to this computer: left out.
        files[SETTINGS_FILE] = without_old_lock(settings.read_bytes())
    # Only there when the person chose to keep their safety plan in the folder.
    plan = store.folder / SAFETY_PLAN_FILE
    if plan.exists():
        files[SAFETY_PLAN_FILE] = plan.read_bytes()
    return files


def export_zip(store: Store, password: str | None = None) -> bytes:
    """Every table file and the settings, byte for byte, in one zip, and the safety plan when one is kept; with
    ``password``, every file in it is encrypted with AES-256 (``winback.backup``)."""
    files = export_files(store)
    if password is not None:
        return backup.aes_zip(files, password)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def neutralise_cell(value: str | int | float) -> str | int | float:
    """A text cell that a spreadsheet could run as a formula gets a leading ``'``; numbers are left alone.

    Text is neutralised when it starts with one of ``FORMULA_TRIGGERS`` or its first character that is not
    blank is ``=``, ``+``, ``-`` or ``@`` (" =1+1", "\\n=1+1"), whatever follows, so a note "-3" or "- gym"
    becomes "'-3" or "'- gym": in a text column it is text, and the quote is what keeps it text. Numbers
    (ints and floats, such as a mood or -3) are never touched.
    """
    if isinstance(value, str) and (
        value.startswith(FORMULA_TRIGGERS) or value.lstrip(BLANKS).startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


def spreadsheet_csv(store: Store) -> bytes:
    """The daily log for a spreadsheet: names instead of ids, formula-like text neutralised, UTF-8 with BOM.

    Columns: date, mood, mood_label, missing_ex, contact, activities (names joined with ", "; an id whose
    activity is unknown is shown as the id), note. Text cells are quoted and numbers are not; rows run
    oldest first; lines end with CRLF. This is for reading, not for importing back (use the zip for that).
    """
    log = store.read(DAILY_LOG).frame.sort_values("date", kind="stable")
    names = {a.id: a.name for a in all_activities(store.read(CUSTOM_ACTIVITIES).frame)}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(SPREADSHEET_COLUMNS)
    for entry in entries(log):
        cells: list[str | int | float] = [
            entry.day.isoformat(),
            entry.mood,
            MOOD_WORDS.get(entry.mood, ""),
            entry.missing_ex,
            entry.contact,
            ", ".join(names.get(a, a) for a in entry.activities),
            entry.note,
        ]
        writer.writerow([neutralise_cell(cell) for cell in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def reminder_default(disguised: bool) -> str:
    """The reminder's title when the person types none: "Daily check-in", or disguised just "Reminder"."""
    return disguise.NEUTRAL_REMINDER_TITLE if disguised else REMINDER_SUMMARY


def reminder_file_name(disguised: bool) -> str:
    return disguise.NEUTRAL_REMINDER_FILE if disguised else REMINDER_FILE


def reminder_title(title: str, *, disguised: bool = False) -> str:
    """The title a reminder will carry: printable characters only, trimmed, capped; blank is the default."""
    kept = "".join(c for c in title if c.isprintable()).strip()[:REMINDER_TITLE_MAX].strip()
    return kept or reminder_default(disguised)


def reminder_ics(
    time_of_day: time,
    start: date,
    tz_name: str | None = None,
    *,
    stamp: datetime | None = None,
    title: str = REMINDER_SUMMARY,
    disguised: bool = False,
) -> bytes:
    """An iCalendar file with one daily event at ``time_of_day`` from ``start``, with an alert.

    The event holds only ``title`` (default the neutral "Daily check-in"; blank gives the default, control
    characters are dropped, at most ``REMINDER_TITLE_MAX`` characters): no description, and nothing that names
    winback, because a calendar is seen by others more often than the app is.

    Times are floating (no TZID): the reminder rings at that clock time wherever the phone is, across
    daylight-saving changes, and needs no VTIMEZONE. ``tz_name`` (an IANA name, checked) is only given as
    the calendar's ``X-WR-TIMEZONE`` hint, which some calendar apps use to place floating times on import.
    The UID is the same in every file, so importing a new time can update the earlier reminder; ``stamp``
    (default now) is the DTSTAMP. Nothing personal is in the file. ``disguised``: a blank title gives
    "Reminder", and the file names no check-in either.
    """
    if tz_name is not None:
        try:
            ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{tz_name!r} is not a time zone name like Europe/London") from None
    shown = reminder_title(title, disguised=disguised)
    begins = datetime.combine(start, time_of_day.replace(tzinfo=None, microsecond=0))
    stamped = (stamp or datetime.now(UTC)).astimezone(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{reminder_default(disguised)}//EN" if disguised else "PRODID:-//Daily check-in reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *([f"X-WR-TIMEZONE:{tz_name}"] if tz_name else []),
        "BEGIN:VEVENT",
        f"UID:{REMINDER_UID}",
        f"DTSTAMP:{stamped:%Y%m%dT%H%M%SZ}",
        f"DTSTART:{begins:%Y%m%dT%H%M%S}",
        f"DTEND:{begins + REMINDER_LENGTH:%Y%m%dT%H%M%S}",
        "RRULE:FREQ=DAILY",
        f"SUMMARY:{ics_text(shown)}",
        "CLASS:PRIVATE",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        # RFC 5545 requires a DESCRIPTION in a DISPLAY alarm: the title again, nothing more.
        f"DESCRIPTION:{ics_text(shown)}",
        "TRIGGER;RELATED=START:PT0S",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics_fold(line) + "\r\n" for line in lines).encode("utf-8")


def ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 §3.3.11 asks."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    data = line.encode("utf-8")
    pieces: list[bytes] = []
    limit = ICS_LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while cut > 0 and data[cut] & 0xC0 == 0x80:
            cut -= 1
        pieces.append(data[:cut])
        data = data[cut:]
        limit = ICS_LINE_OCTETS - 1
    pieces.append(data)
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)


def delete_everything(store: Store) -> int:
    """Remove every file winback keeps in the folder (tables, settings, set-aside rows, locks, temp files,
    import backups); returns how many files of the person's were removed (lock files are not counted).

    Raises StorageError, saying how far it got, when a file cannot be removed (a folder winback may not write
    in): it stops there, so what was not reached is as it was.
    """
    removed = 0
    # Under the import lock, like every write: no import or save runs meanwhile, and one a crash stopped is
    # undone first, so nothing it puts back can appear after the files are gone.
    with store.exclusive():
        try:
            for path in store.files():
                path.unlink(missing_ok=True)
                # Lock files hold nothing of the person's (every page visit makes one): not counted as theirs.
                removed += not path.name.endswith(".lock")
            for folder in backup_folders(store):
                count = sum(1 for p in folder.rglob("*") if p.is_file())
                shutil.rmtree(folder)
                removed += count
            # Sample data belongs to the same person; other people's folders (users/) are never touched.
            sample = sample_folder(store.folder)
            if sample.is_dir():
                shutil.rmtree(sample)
        except OSError as error:
            done = (
                "Nothing was deleted; your data is as it was."
                if removed == 0
                else f"{count_phrase(removed, 'file')} already deleted; the rest is as it was."
            )
            raise StorageError(f"Could not delete everything: {reason(error)}. {done}") from error
        finally:
            clear_cache()
    return removed
