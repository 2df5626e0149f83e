"""One person's folder: locked, atomic writes of every table and of settings.json, and cached reads.

Writes take a lock file shared by threads and processes, write a temporary file in the same folder, fsync
it, ``os.replace`` it over the table and fsync the folder, so a crash leaves either the old file or the new
one. A row that cannot be read is copied to ``<table>.rejected.csv`` before the next write replaces the file.
Parsed tables are cached on the file's identity (device, inode, size, times).

Every write first holds the folder's import lock (``Store.exclusive``), so no write runs while an import
does, and an import that a crash left half done is undone (``winback.undo``) before anything is written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
from filelock import Timeout

from winback import locks, undo
from winback.atomic import TEMP_SUFFIX as TEMP_SUFFIX
from winback.atomic import StorageError as StorageError
from winback.atomic import atomic_write as atomic_write
from winback.atomic import explain as _explain
from winback.atomic import reason as reason
from winback.csvcodec import format_cell, parse_table, row_keys, serialise, validate_row
from winback.lru import LRU
from winback.schema import (
    SAFETY_PLAN_FILE,
    SETTINGS_FILE,
    TABLES,
    RowProblem,
    Table,
    TableData,
    empty_frame,
    frame_from_columns,
)
from winback.settings_json import SETTINGS_MAX_BYTES, parse_settings

LOCK_TIMEOUT_SECONDS = 30.0
CACHE_ENTRIES = 48
# The folder-wide lock (".import.lock") an import holds while it writes, and every other writer around its own.
IMPORT_LOCK = ".import"
# The app lock's count of wrong tries (winback.applock): the person's, so deleting everything removes it too.
LOCK_ATTEMPTS_FILE = "lock_attempts.json"
# The app lock itself (winback.applock): its own file, so no save or import of settings.json can drop or replace it.
APP_LOCK_FILE = "app_lock.json"


def _aside(filename: str) -> str:
    """Where the unreadable rows (or settings) of a file are set aside: daily_log.csv -> daily_log.rejected.csv."""
    stem, suffix = os.path.splitext(filename)
    return f"{stem}.rejected{suffix}"


_cache: LRU[tuple[str, tuple[int, ...]], TableData] = LRU(CACHE_ENTRIES)
_counts_guard = threading.Lock()
_parse_counts: dict[str, int] = {}


def parse_count(path: Path | None = None) -> int:
    """How many times table files were parsed (all, or one path): lets tests prove reruns reuse the cache."""
    with _counts_guard:
        if path is None:
            return sum(_parse_counts.values())
        return _parse_counts.get(str(path), 0)


def clear_cache() -> None:
    _cache.clear()


def _identity(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _remember(path: Path, identity: tuple[int, ...], data: TableData) -> None:
    _cache.put((str(path), identity), data)


def _unreadable(t: Table) -> StorageError:
    """A save that would not read back as it was typed; the row's text is the person's, so it is not quoted."""
    return StorageError(
        f"Could not save {t.filename}: something in it would not read back exactly as it was entered. "
        "Nothing was changed; your earlier data is as it was."
    )


def _in_key_order(t: Table, frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(t.key), kind="stable").reset_index(drop=True)


def table_text(table: Table | str, frame: pd.DataFrame) -> str:
    """The text ``Store.replace_all(table, frame)`` writes, so an import can know it before writing."""
    t = TABLES[table] if isinstance(table, str) else table
    return serialise(t, _in_key_order(t, frame))


@dataclass
class Store:
    """The tables in one person's folder."""

    folder: Path

    def path(self, table: Table | str) -> Path:
        t = TABLES[table] if isinstance(table, str) else table
        return self.folder / t.filename

    def rejected_path(self, table: Table | str) -> Path:
        t = TABLES[table] if isinstance(table, str) else table
        return self.folder / f"{t.name}.rejected.csv"

    def identity(self, name: str) -> tuple[int, ...] | None:
        """What identifies the current version of one of the folder's files (None when it does not exist)."""
        try:
            return _identity((self.folder / name).stat())
        except FileNotFoundError:
            return None

    def read(self, table: Table | str) -> TableData:
        """The table as it is on disk now: cached while the file's identity is unchanged."""
        t = TABLES[table] if isinstance(table, str) else table
        path = self.path(t)
        for _ in range(3):
            try:
                stat = path.stat()
            except FileNotFoundError:
                return TableData(t, empty_frame(t))
            identity = _identity(stat)
            hit = _cache.get((str(path), identity))
            if hit is not None:
                return TableData(t, hit.frame.copy(deep=False), hit.problems)
            try:
                with path.open("rb") as handle:
                    opened = _identity(os.fstat(handle.fileno()))
                    data = handle.read()
            except FileNotFoundError:
                continue
            parsed = parse_table(t, data)
            with _counts_guard:
                _parse_counts[str(path)] = _parse_counts.get(str(path), 0) + 1
            _remember(path, opened, parsed)
            return TableData(t, parsed.frame.copy(deep=False), parsed.problems)
        return TableData(t, empty_frame(t))

    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Serialise writers of one file across threads and processes: the folder's import lock first (see
        ``exclusive``), then the file's own lock file. Always in that order, so two writers cannot deadlock."""
        with self.exclusive(), self._hold(name):
            self._sweep(name)
            yield

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[list[undo.UndoneImport]]:
        """Hold the folder's import lock, which an import holds while it writes: no other writer in any thread or
        process runs meanwhile. A thread's first hold (not one inside another, like an import's own writes)
        first undoes an import a crash stopped, so nothing is written over half of one; it yields what it undid."""
        with self._hold(IMPORT_LOCK) as first:
            yield self._undo_interrupted() if first else []

    def _undo_interrupted(self) -> list[undo.UndoneImport]:
        if not undo.pending(self.folder):
            return []
        try:
            return undo.undo_interrupted(self.folder, atomic_write)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StorageError(f"Nothing was saved: an interrupted import could not be undone ({error}).") from error

    @contextlib.contextmanager
    def _hold(self, name: str) -> Iterator[bool]:
        """Hold ``<name>.lock``; yields True for a thread's first hold, False for a hold inside it."""
        try:
            # Inside the try: a folder that cannot be made (a file in the way) is a StorageError too.
            self.folder.mkdir(parents=True, exist_ok=True)
            with locks.hold(self.folder / f"{name}.lock", LOCK_TIMEOUT_SECONDS) as first:
                yield first
        except Timeout:
            busy = "your data" if name == IMPORT_LOCK else name
            raise StorageError(
                f"Could not save {busy}: another winback window kept it busy. Nothing was changed; try again."
            ) from None
        except OSError as error:
            if name != IMPORT_LOCK:
                raise StorageError(_explain(error, self.folder / name)) from error
            # The folder's own lock file means nothing to a person: say what could not be done.
            raise StorageError(
                f"Could not change your data: {reason(error)}. Nothing was changed; your earlier data is as it was."
            ) from error

    @staticmethod
    def _temp_patterns(name: str) -> tuple[str, ...]:
        """Temporary files of a file, of its set-aside rows and of its copy from before an undone import: the
        first two are written under that file's lock, the last under the import lock, and a sweep holds both."""
        stem, suffix = os.path.splitext(name)
        return tuple(f".{n}.*{TEMP_SUFFIX}" for n in (name, f"{stem}.rejected{suffix}", undo.copy_name(name)))

    def _sweep(self, name: str) -> None:
        """Remove temporary files a crashed writer left (safe: we hold the file's lock)."""
        for pattern in self._temp_patterns(name):
            for stale in self.folder.glob(pattern):
                with contextlib.suppress(OSError):
                    stale.unlink()

    def sweep_all(self) -> None:
        if not self.folder.exists():
            return
        for name in [*(t.filename for t in TABLES.values()), SETTINGS_FILE]:
            if any(any(self.folder.glob(pattern)) for pattern in self._temp_patterns(name)):
                # Tidying only: a folder winback may not write in keeps its stale files, which nothing reads.
                with contextlib.suppress(StorageError), self.locked(name):
                    pass

    def update(
        self,
        table: Table | str,
        change: Callable[[pd.DataFrame], pd.DataFrame],
        checked: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        """Read, change and write one table under its lock; returns the frame that was written.

        ``checked`` says the change only added these rows (already shown to read back) to rows that came from
        a read, so the rest need not be checked again; without it the whole new file is checked.
        """
        t = TABLES[table] if isinstance(table, str) else table
        with self.locked(t.filename):
            current = self.read(t)
            new_frame = change(current.frame)
            self._write(t, new_frame, current.rejected, checked)
        return new_frame

    def _write(
        self, t: Table, frame: pd.DataFrame, rejected: Sequence[RowProblem], checked: pd.DataFrame | None = None
    ) -> None:
        path = self.path(t)
        frame = _in_key_order(t, frame)
        text = serialise(t, frame)
        # What is cached must be exactly what a fresh read of the file gives, so check it the same way.
        if checked is None:
            written = _reread(t, text)
            if written is None or written.problems:
                raise _unreadable(t)
        else:
            written = TableData(t, frame)
        try:
            if rejected:
                self._keep_aside(t, rejected)
            atomic_write(path, text)
        except OSError as error:
            raise StorageError(_explain(error, path)) from error
        _remember(path, _identity(path.stat()), written)

    def _keep_aside(self, t: Table, rejected: Sequence[RowProblem]) -> None:
        target = self.rejected_path(t)
        existing = target.read_text(encoding="utf-8") if target.exists() else "set_aside_at,line,problem,row\n"
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        now = datetime.now().replace(microsecond=0).isoformat()
        for p in rejected:
            writer.writerow([now, p.line, p.message, p.raw])
        atomic_write(target, existing + buffer.getvalue())

    def upsert(self, table: Table | str, rows: Iterable[Mapping[str, Any]]) -> list[bool]:
        """Insert or replace rows by key; returns, per row, whether it replaced an existing one."""
        t = TABLES[table] if isinstance(table, str) else table
        typed = [validate_row(t, r) for r in rows]
        try:
            incoming = frame_from_columns(t, {c.name: [r[c.name] for r in typed] for c in t.columns})
        except UnicodeEncodeError:  # a lone surrogate half: no text column (nor file) can hold it
            raise _unreadable(t) from None
        reread = _reread(t, serialise(t, incoming))
        if reread is None or reread.problems or not reread.frame.equals(incoming):
            raise _unreadable(t)
        incoming_keys = row_keys(t, incoming)
        replaced: list[bool] = []

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            existing = row_keys(t, frame)
            existing_set, incoming_set = set(existing), set(incoming_keys)
            replaced[:] = [k in existing_set for k in incoming_keys]
            keep = [k not in incoming_set for k in existing]
            latest = incoming[~pd.Series(incoming_keys).duplicated(keep="last").to_numpy()]
            return pd.concat([frame[keep], latest], ignore_index=True) if any(keep) else latest

        self.update(t, change, checked=incoming)
        return replaced

    def delete(self, table: Table | str, keys: Iterable[Sequence[Any]]) -> int:
        """Remove the rows with these keys; returns how many were removed."""
        t = TABLES[table] if isinstance(table, str) else table
        wanted = {tuple(format_cell(t.column(k), v) for k, v in zip(t.key, key, strict=True)) for key in keys}
        removed = 0

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            nonlocal removed
            keep = [k not in wanted for k in row_keys(t, frame)]
            removed = len(keep) - sum(keep)
            return frame[keep]

        self.update(t, change, checked=frame_from_columns(t, {c.name: [] for c in t.columns}))
        return removed

    def replace_all(self, table: Table | str, frame: pd.DataFrame) -> None:
        t = TABLES[table] if isinstance(table, str) else table
        self.update(t, lambda _old: frame)

    def read_settings(self) -> tuple[dict[str, Any], list[RowProblem]]:
        """settings.json's named values as they are in the file (winback.settings checks each one)."""
        path = self.folder / SETTINGS_FILE
        try:
            with path.open("rb") as handle:
                data = handle.read(SETTINGS_MAX_BYTES + 1)
        except FileNotFoundError:
            return {}, []
        except OSError as error:
            problem = f"{SETTINGS_FILE} could not be read ({reason(error)})"
            return {}, [RowProblem("settings", 0, problem, kept_aside=False)]
        return parse_settings(data)

    def write_settings(
        self,
        changes: Mapping[str, Any],
        clean: Callable[[dict[str, Any]], tuple[dict[str, Any], bool]] | None = None,
    ) -> dict[str, Any]:
        """Merge ``changes`` into settings.json atomically; returns the settings now saved.

        ``clean`` (winback.settings) takes the values saved now and gives back those it can use, and whether it
        dropped any; then, as when the file cannot be read at all, the file is first set aside as it was.
        """
        path = self.folder / SETTINGS_FILE
        with self.locked(SETTINGS_FILE):
            current, problems = self.read_settings()
            dropped = False
            if clean is not None:
                current, dropped = clean(current)
            if (problems or dropped) and path.exists():
                aside = self.folder / _aside(SETTINGS_FILE)
                try:
                    atomic_write(aside, path.read_text(encoding="utf-8", errors="replace"))
                except OSError as error:
                    raise StorageError(_explain(error, path)) from error
            merged = {**current, **changes}
            try:
                atomic_write(
                    path,
                    json.dumps(merged, indent=2, sort_keys=True, default=str) + "\n",
                )
            except OSError as error:
                raise StorageError(_explain(error, path)) from error
        return merged

    def files(self) -> list[Path]:
        """Every file winback keeps in this folder: tables, settings, set-aside rows, their locks and temporary
        files. Anything else someone put in the folder is not winback's, so it is never listed (nor deleted)."""
        if not self.folder.exists():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_file() and _winbacks(p.name))


# The files winback writes in a person's folder, by name: each table and settings.json, the rows or settings set
# aside as unreadable, a file's version from before an undone import, the notice of an undone import, the safety
# plan a person chose to keep, the app lock and its wrong tries, and a lock file for each (and for an import); a
# write's temporary file is named after the file it replaces (".daily_log.csv.<random>.tmp").
_WRITTEN = frozenset(
    name
    for base in (*(t.filename for t in TABLES.values()), SETTINGS_FILE)
    for name in (base, _aside(base), undo.copy_name(base))
) | {undo.NOTICE_FILE, LOCK_ATTEMPTS_FILE, APP_LOCK_FILE, SAFETY_PLAN_FILE}
_OWN_NAMES = _WRITTEN | {f"{name}.lock" for name in _WRITTEN} | {f"{IMPORT_LOCK}.lock"}


def _reread(t: Table, text: str) -> TableData | None:
    """The table as a fresh read of ``text`` would give it; None when it cannot even be encoded (a lone
    surrogate half, which no file can hold)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return parse_table(t, data)


def _winbacks(name: str) -> bool:
    if name in _OWN_NAMES:
        return True
    return name.endswith(TEMP_SUFFIX) and any(name.startswith(f".{written}.") for written in _WRITTEN)
