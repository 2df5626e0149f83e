"""What every import format shares: problems by file and line, the plan a preview shows, the guard every
upload passes, and applying a plan to the person's folder all or nothing.

Nothing here raises on a bad upload: every problem comes back in the plan by file and line, and a plan with
problems cannot be applied. Several files cannot be replaced in one atomic step, so ``apply_plan`` first
backs up the files it will touch, with the digest of what it will write in each (``winback.undo``), and puts
them back if any write fails. It holds the folder's import lock throughout, which every other write waits
for; an import a crash stopped is undone by the next write or visit under that lock, and never over a file
someone saved after the crash (``undone_imports`` then tells the person).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from winback import undo
from winback.csvcodec import UTF8_BOM, decode_text
from winback.schema import SETTINGS_FILE, TABLES
from winback.store import StorageError, Store, atomic_write, table_text
from winback.undo import BACKUP_PREFIX as BACKUP_PREFIX
from winback.undo import EXPORT_FILES as EXPORT_FILES
from winback.undo import UndoneImport
from winback.words import count_phrase

MEGABYTE = 1024 * 1024
MAX_UPLOAD_BYTES = 20 * MEGABYTE
PREVIEW_CHANGES = 20
# An upload with problems is refused whole, so more than this many help nobody and a hostile file could
# otherwise hold millions; and no single message may be longer than a few lines, whatever a file holds.
MAX_PROBLEMS = 50
MESSAGE_LIMIT = 300
# A zip member's name may be 65,535 bytes, and a problem shows it whole; an export's names are a folder or two
# and a file. The name is cut in the middle, since its end says which file it is.
FILE_NAME_LIMIT = 80

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


@dataclass(frozen=True)
class ImportProblem:
    """Why (part of) an upload cannot be imported: line 0 means the whole file; ``file`` names a zip member."""

    line: int
    message: str
    file: str = ""

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_LIMIT:
            object.__setattr__(self, "message", self.message[: MESSAGE_LIMIT - 1] + "…")
        if len(self.file) > FILE_NAME_LIMIT:
            head = (FILE_NAME_LIMIT - 1) // 2
            tail = FILE_NAME_LIMIT - 1 - head
            object.__setattr__(self, "file", f"{self.file[:head]}…{self.file[-tail:]}")

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
    ``summary``, ``preview`` (at most ``PREVIEW_CHANGES`` changes, then how many more) and ``notes`` are what
    the person reads before importing; ``done`` what they read after it (in the past tense; "" for "Imported:"
    and the summary).
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
    done: str = ""

    @property
    def has_changes(self) -> bool:
        return bool(self.frames) or self.settings_text is not None or bool(self.remove)

    @property
    def can_apply(self) -> bool:
        return not self.problems and self.has_changes


def refused(source: str, problems: Sequence[ImportProblem], notes: Sequence[str] = ()) -> ImportPlan:
    """The plan for a file that cannot be imported: only its problems (and notes) to show."""
    return ImportPlan(
        source=source,
        summary="This file cannot be imported as it is: see the problems below.",
        problems=tuple(problems),
        notes=tuple(notes),
    )


def capped(problems: Sequence[ImportProblem], stopped: ImportProblem | None = None) -> tuple[ImportProblem, ...]:
    """The first ``MAX_PROBLEMS`` problems, then ``stopped`` (where checking stopped, see ``stopped_at``) or,
    when problems were left out, one more line that says how many."""
    kept = tuple(problems[:MAX_PROBLEMS])
    if stopped is not None:
        return (*kept, stopped)
    if len(problems) > len(kept):
        return (*kept, ImportProblem(0, f"…and {count_phrase(len(problems) - len(kept), 'more problem')}"))
    return kept


def stopped_at(unchecked: range, file: str = "", skipped: Sequence[str] = ()) -> ImportProblem | None:
    """Says checking stopped after ``MAX_PROBLEMS`` problems and which lines (and later files) it left unread;
    None when nothing was left. Counting their problems too would mean reading all of a possibly huge file."""
    if not unchecked and not skipped:
        return None
    lines = ""
    if unchecked:
        lines = f"line {unchecked[0]:,}" if len(unchecked) == 1 else f"lines {unchecked[0]:,} to {unchecked[-1]:,}"
    unread = " and ".join(part for part in (lines, ", ".join(skipped)) if part)
    verb = "was" if not unchecked and len(skipped) == 1 else "were"
    return ImportProblem(
        0, f"…and more: winback stopped checking after {MAX_PROBLEMS} problems, so {unread} {verb} not checked", file
    )


def megabytes(size: int) -> str:
    """Rounded up, so a file just over the limit never reads as exactly the limit."""
    return f"{math.ceil(size * 10 / MEGABYTE) / 10:.1f}"


def upload_problem(data: bytes) -> str | None:
    """Why no format can read this upload (too big, empty), or None."""
    if len(data) > MAX_UPLOAD_BYTES:
        return f"the file is {megabytes(len(data))} MB; the limit is {MAX_UPLOAD_BYTES // MEGABYTE} MB"
    if not data.removeprefix(UTF8_BOM).strip():
        return "the file is empty"
    return None


def looks_binary(data: bytes) -> bool:
    """A zip, image, PDF or other binary file rather than text (a NUL anywhere, or many control bytes)."""
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data:
        return True
    head = data[:65536]
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) // 100


def decode_upload(data: bytes) -> tuple[str, int]:
    """The text as winback's own tables are read (``csvcodec.decode_text``), and the first line that was not
    UTF-8 (0: none)."""
    text, odd = decode_text(data)
    return text, odd[0] if odd else 0


def latin_note(what: str, line: int) -> str:
    return (
        f"{what} was not all UTF-8 text (from line {line:,}), so it was read as Latin-1 (Windows-1252); "
        "check accented letters in the preview."
    )


def fingerprints(store: Store, names: Sequence[str]) -> dict[str, str | None]:
    """Each file's SHA-256 now (None: it does not exist), for ``ImportPlan.based_on``."""
    return {name: undo.fingerprint(store.folder / name) for name in names}


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Write every file of the plan, or none: on any failure the files are put back byte for byte.

    Raises ValueError for a plan with problems (the UI shows them instead), and StorageError, with a message
    for people, when the data changed since the preview or a write failed (then nothing is changed).
    """
    if plan.problems:
        raise ValueError("This import has problems and cannot be applied; show plan.problems instead.")
    if not plan.has_changes:
        return
    # Holding the import lock first undoes an import a crash stopped, then keeps every other writer waiting.
    with store.exclusive():
        moved = [name for name, digest in plan.based_on.items() if undo.fingerprint(store.folder / name) != digest]
        if moved:
            raise StorageError(
                f"Nothing was imported: {', '.join(moved)} changed after the preview was made. "
                "Look at the preview again, then import."
            )
        try:
            contents = _contents(plan)
        except (ValueError, TypeError, KeyError) as error:
            raise StorageError(f"Nothing was imported: the import could not be prepared ({error}).") from error
        try:
            backup = undo.start(store.folder, contents, atomic_write)
        except OSError as error:
            raise StorageError(
                f"Nothing was imported: winback could not first copy your current files ({error.strerror or error})."
            ) from error
        try:
            _write(store, plan)
        except BaseException as error:
            _put_back(store, backup)
            if isinstance(error, StorageError):
                raise StorageError(f"{error} The import was undone, so none of it was applied.") from error
            if isinstance(error, Exception):
                raise StorageError(f"The import failed ({error}) and was undone; your data is as it was.") from error
            raise
        undo.discard(backup)


def _contents(plan: ImportPlan) -> dict[str, bytes | None]:
    """What the plan will write in each file it touches (None: it removes the file), as bytes."""
    contents: dict[str, bytes | None] = {
        TABLES[name].filename: table_text(name, frame).encode("utf-8") for name, frame in plan.frames.items()
    }
    if plan.settings_text is not None:
        contents[SETTINGS_FILE] = plan.settings_text.encode("utf-8")
    return {**contents, **dict.fromkeys(plan.remove)}


def _write(store: Store, plan: ImportPlan) -> None:
    for name, frame in plan.frames.items():
        store.replace_all(name, frame)
    if plan.settings_text is not None:
        with store.locked(SETTINGS_FILE):
            atomic_write(store.folder / SETTINGS_FILE, plan.settings_text)
    for filename in plan.remove:
        with store.locked(filename):
            (store.folder / filename).unlink(missing_ok=True)


def _put_back(store: Store, backup: Path) -> None:
    """After a failed write, while the import lock is still held: every file back as it was."""
    try:
        undo.put_back(store.folder, backup, atomic_write)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StorageError(
            "The import failed and winback could not yet put every file back. A copy of your earlier files is "
            f"kept in {backup} and is put back before winback next saves anything. ({error})"
        ) from error
    undo.discard(backup)


def recover_interrupted_import(store: Store) -> bool:
    """Undo an import that a crash stopped halfway (as every write would first); True when one was undone."""
    if not undo.pending(store.folder):
        return False
    with store.exclusive() as undone:
        return bool(undone)


def undone_imports(store: Store) -> list[UndoneImport]:
    """The imports a crash stopped and winback undid that the person has not been told about, each once (the
    notice is removed as it is read); an import interrupted since is undone first."""
    if not (undo.pending(store.folder) or undo.notice_waiting(store.folder)):
        return []
    with store.exclusive():
        return undo.take_notices(store.folder)


def backup_folders(store: Store) -> list[Path]:
    """Backups an import keeps while it runs (and a crash may leave); removed by delete-everything too."""
    return undo.backup_folders(store.folder)
