"""An import's way back: the backup it makes before writing, and undoing an import that a crash stopped.

Several files cannot be replaced in one atomic step, so before an import changes anything it copies the files
it will touch into a backup folder inside the person's folder, then writes the manifest (last: it says the
copy is complete). For each file the manifest holds two SHA-256 digests: of the file before the import, and
of what the import will write (None: no file). A manifest on disk means an import started and did not finish.

Undoing it puts a file back only while it holds one of those two contents: then nothing but the import has
touched it since. A file with any other content was saved by someone after the crash; it stays as it is, and
the backup's copy is set aside beside it (daily_log.csv -> daily_log.before-import.csv). Each undone import
leaves a notice (``NOTICE_FILE``) until the person has been told.

``winback.store`` calls ``undo_interrupted`` before every write, so this module sits below it and is handed
the store's atomic write (``Write``) instead of importing it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from winback.schema import SETTINGS_FILE, TABLES
from winback.words import day_words

BACKUP_PREFIX = ".import-backup-"
MANIFEST = "manifest.json"
NOTICE_FILE = ".import-undone.json"
# Every file an import may write or remove: what an export holds. Nothing else is ever put back.
EXPORT_FILES = (*(t.filename for t in TABLES.values()), SETTINGS_FILE)

Write = Callable[[Path, bytes], None]


@dataclass(frozen=True)
class UndoneImport:
    """An import a crash stopped and winback undid: when it started, and the files kept as they are because
    they were saved again after the crash (``copies``: where their versions from before the import are)."""

    started: datetime
    kept: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()

    def words(self) -> str:
        said = f"An import on {day_words(self.started.date())} was interrupted and undone"
        if not self.kept:
            return f"{said}; your data is as it was before it."
        one = len(self.kept) == 1
        text = (
            f"{said}. {', '.join(self.kept)} {'was' if one else 'were'} saved again after the import stopped, "
            f"so {'it is' if one else 'they are'} kept as {'it is' if one else 'they are'}"
        )
        if self.copies:
            text += f"; the version from before the import is in {', '.join(self.copies)} in your folder"
        return f"{text}. Everything else is as it was before the import."


def copy_name(name: str) -> str:
    """Where a kept file's version from before the import is set aside: daily_log.csv -> daily_log.before-import.csv."""
    stem, suffix = os.path.splitext(name)
    return f"{stem}.before-import{suffix}"


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str | None:
    """The file's SHA-256 now (None: it does not exist)."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def pending(folder: Path) -> bool:
    """Whether a backup folder exists: cheap (one listing of the folder), so every write can ask."""
    try:
        with os.scandir(folder) as entries:
            return any(entry.name.startswith(BACKUP_PREFIX) for entry in entries)
    except (FileNotFoundError, NotADirectoryError):
        return False


def backup_folders(folder: Path) -> list[Path]:
    """Backups an import keeps while it runs (and a crash may leave); removed by delete-everything too."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith(BACKUP_PREFIX))


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def start(folder: Path, contents: Mapping[str, bytes | None], write: Write) -> Path:
    """Back up the files an import is about to write: ``contents`` maps each to the bytes the import will
    write (None: it removes the file). Returns the backup folder; its manifest is written last."""
    folder.mkdir(parents=True, exist_ok=True)
    backup = folder / f"{BACKUP_PREFIX}{uuid.uuid4().hex}"
    backup.mkdir()
    try:
        files: dict[str, dict[str, str | None]] = {}
        for name, new in contents.items():
            try:
                old: bytes | None = (folder / name).read_bytes()
            except FileNotFoundError:
                old = None
            if old is not None:
                _write_durably(backup / name, old)
            files[name] = {"before": digest(old), "after": digest(new)}
        manifest = {"started": datetime.now().isoformat(timespec="seconds"), "files": files}
        write(backup / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    except BaseException:
        shutil.rmtree(backup, ignore_errors=True)
        raise
    return backup


def _manifest(backup: Path) -> dict[str, Any] | None:
    """The manifest's files and their entries, or None when it cannot be read."""
    try:
        value = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
        files = value["files"]
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(files, dict) else None


def _digests(entry: Any, copy: Path, now: str | None) -> tuple[str | None, str | None] | None:
    """A file's digests before and after the import, from its manifest entry (None: the entry is damaged)."""
    if isinstance(entry, dict):
        before, after = entry.get("before"), entry.get("after")
        return (before, after) if all(d is None or isinstance(d, str) for d in (before, after)) else None
    if isinstance(entry, bool):
        # A manifest from before digests were kept says only whether the file existed: put it back as it was.
        return (fingerprint(copy) if entry else None), now
    return None


def put_back(folder: Path, backup: Path, write: Write) -> UndoneImport:
    """Put every file of a backup back as it was, except one saved by someone after the import stopped, or one
    whose copy or manifest entry is damaged: those stay as they are, and the copy is set aside beside them.

    Raises OSError when a file cannot be written; the backup is then left for the next try."""
    manifest = _manifest(backup)
    if manifest is None:  # nothing says what the import changed: keep every file, and every copy beside it
        entries: dict[str, Any] = {p.name: None for p in backup.iterdir() if p.name != MANIFEST}
    else:
        entries = manifest["files"]
    kept: list[str] = []
    copies: list[str] = []
    for name, entry in entries.items():
        if name not in EXPORT_FILES:
            continue
        target, copy = folder / name, backup / name
        now = fingerprint(target)
        digests = _digests(entry, copy, now)
        old = copy.read_bytes() if copy.is_file() else None
        if digests is not None and now == digests[0]:
            continue
        if digests is not None and now == digests[1] and digest(old) == digests[0]:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                write(target, old)
            continue
        kept.append(name)
        if old is not None:
            write(folder / copy_name(name), old)
            copies.append(copy_name(name))
    return UndoneImport(_started(manifest, backup), tuple(kept), tuple(copies))


def _started(manifest: dict[str, Any] | None, backup: Path) -> datetime:
    with contextlib.suppress(KeyError, TypeError, ValueError):
        return datetime.fromisoformat((manifest or {})["started"])
    return datetime.fromtimestamp(backup.stat().st_mtime)


def discard(backup: Path) -> None:
    """Remove the manifest first, so a crash while removing the rest never undoes a finished import."""
    with contextlib.suppress(OSError):
        (backup / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(backup, ignore_errors=True)


def undo_interrupted(folder: Path, write: Write) -> list[UndoneImport]:
    """Undo every import a crash left unfinished and leave a notice of each for the person.

    Only while holding the folder's import lock and outside any import (``Store.exclusive`` calls it), so no
    backup seen here belongs to an import that is still running."""
    undone: list[UndoneImport] = []
    for backup in backup_folders(folder):
        if not (backup / MANIFEST).exists():
            # The manifest is written before the first file is touched, so without it nothing was changed.
            shutil.rmtree(backup, ignore_errors=True)
            continue
        result = put_back(folder, backup, write)
        _add_notice(folder, backup.name, result, write)
        discard(backup)
        undone.append(result)
    return undone


def _read_notices(folder: Path) -> dict[str, Any]:
    try:
        value = json.loads((folder / NOTICE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _add_notice(folder: Path, backup: str, undone: UndoneImport, write: Write) -> None:
    # Keyed by the backup's name, so undoing the same import again after a crash says it once.
    notices = _read_notices(folder)
    notices[backup] = {
        "started": undone.started.isoformat(timespec="seconds"),
        "kept": list(undone.kept),
        "copies": list(undone.copies),
    }
    write(folder / NOTICE_FILE, (json.dumps(notices, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def notice_waiting(folder: Path) -> bool:
    return (folder / NOTICE_FILE).exists()


def take_notices(folder: Path) -> list[UndoneImport]:
    """The undone imports the person has not been told about yet, oldest first; the notice is removed."""
    notices = _read_notices(folder)
    (folder / NOTICE_FILE).unlink(missing_ok=True)
    told: list[UndoneImport] = []
    for entry in notices.values():
        with contextlib.suppress(KeyError, TypeError, ValueError):
            told.append(
                UndoneImport(
                    datetime.fromisoformat(entry["started"]),
                    tuple(str(n) for n in entry.get("kept", ())),
                    tuple(str(n) for n in entry.get("copies", ())),
                )
            )
    return sorted(told, key=lambda u: u.started)
