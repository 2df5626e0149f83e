"""One person's CSV tables: declared schemas, validated reads, atomic and locked writes.

Every table is a UTF-8 CSV file with a header row in the person's folder. Reads never fail on a bad
row: the row is reported with its line number and kept aside (copied to ``<table>.rejected.csv`` before
the next write replaces the file). Writes take a lock file shared by threads and processes, write a
temporary file in the same folder, fsync it, ``os.replace`` it over the table and fsync the folder, so
a crash leaves either the old file or the new one. Parsed tables are cached on the file's identity.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from filelock import FileLock, Timeout

ColumnKind = Literal["text", "int", "date", "datetime", "choice", "multi", "bool"]

MULTI_SEPARATOR = "|"
LOCK_TIMEOUT_SECONDS = 30.0
CACHE_ENTRIES = 48
TEMP_SUFFIX = ".tmp"

# Python's csv stops at 131,072 characters a field; a longer note must be read to be reported as too long.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


class StorageError(Exception):
    """A write could not be completed; the previous file is unchanged. The message is for people."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = True
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


CONTACT_VALUES = ("none", "they_reached_out_no_reply", "we_talked", "i_reached_out")
TIERS = ("none", "caution", "toxic", "danger")
VERDICTS = ("go", "wait", "dont", "danger")
LIFE_AREAS = ("Body", "Mind", "Social", "Money", "Habits", "Joy")

DAILY_LOG = Table(
    "daily_log",
    (
        Column("date", "date"),
        Column("mood", "int", minimum=1, maximum=5),
        Column("missing_ex", "int", minimum=0, maximum=10),
        Column("contact", "choice", choices=CONTACT_VALUES),
        Column("activities", "multi", required=False),
        Column("note", "text", required=False, max_length=2000),
    ),
    key=("date",),
)
CHECKINS = Table(
    "checkins",
    (
        Column("week", "text"),
        Column("date", "date"),
        Column("wellbeing", "int", minimum=0, maximum=100),
        Column("self_worth", "int", minimum=0, maximum=100),
        Column("wellbeing_items", "multi"),
        Column("self_worth_items", "multi"),
    ),
    key=("week",),
)
QUIZ_ATTEMPTS = Table(
    "quiz_attempts",
    (
        Column("attempt_id", "text"),
        Column("taken_at", "datetime"),
        Column("quiz_version", "text"),
        Column("worth", "int", minimum=0, maximum=100),
        Column("tier", "choice", choices=TIERS),
        Column("verdict", "choice", choices=VERDICTS),
    ),
    key=("attempt_id",),
)
QUIZ_ANSWERS = Table(
    "quiz_answers",
    (
        Column("attempt_id", "text"),
        Column("question_id", "text"),
        Column("option_id", "text"),
    ),
    key=("attempt_id", "question_id"),
)
RECONNECT = Table(
    "reconnect",
    (
        Column("entry_id", "text"),
        Column("date", "date"),
        Column("who", "choice", choices=("me", "them")),
        Column(
            "channel",
            "choice",
            choices=("text", "call", "in_person", "social_media", "email", "other"),
        ),
        Column("tone", "choice", choices=("friendly", "neutral", "tense")),
        Column("calm_and_kind", "bool"),
        Column("meeting_planned", "bool"),
        Column("note", "text", required=False, max_length=2000),
    ),
    key=("entry_id",),
)
CUSTOM_ACTIVITIES = Table(
    "custom_activities",
    (
        Column("activity_id", "text"),
        Column("name", "text", max_length=60),
        Column("area", "choice", choices=LIFE_AREAS),
        Column("retired", "bool"),
    ),
    key=("activity_id",),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DAILY_LOG,
        CHECKINS,
        QUIZ_ATTEMPTS,
        QUIZ_ANSWERS,
        RECONNECT,
        CUSTOM_ACTIVITIES,
    )
}
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class RowProblem:
    """A row (or the whole file, line 0) that could not be read as it stands."""

    table: str
    line: int
    message: str
    raw: str = ""
    kept_aside: bool = True

    def describe(self) -> str:
        where = f"{self.table}.csv line {self.line}" if self.line else f"{self.table}.csv"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TableData:
    table: Table
    frame: pd.DataFrame
    problems: tuple[RowProblem, ...] = ()

    @property
    def rejected(self) -> tuple[RowProblem, ...]:
        """Problems whose rows are not in ``frame`` (the rest were loaded, with a note)."""
        return tuple(p for p in self.problems if p.kept_aside)


def _empty_frame(table: Table) -> pd.DataFrame:
    return frame_from_columns(table, {c.name: [] for c in table.columns})


def frame_from_columns(table: Table, columns: Mapping[str, list[Any]]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for c in table.columns:
        values = columns[c.name]
        if c.kind == "date" or c.kind == "datetime":
            data[c.name] = pd.to_datetime(pd.Series(values, dtype="object"), format="ISO8601").astype("datetime64[s]")
        elif c.kind == "int":
            data[c.name] = pd.Series(values, dtype="int64")
        elif c.kind == "bool":
            data[c.name] = pd.Series(values, dtype="bool")
        elif c.kind == "multi":
            data[c.name] = pd.Series(values, dtype="object")
        else:
            data[c.name] = pd.Series(values, dtype="str")
    return pd.DataFrame(data)


def _parse_cell(column: Column, text: str) -> Any:
    """Typed value of one cell, or raise ValueError with a message a person can act on."""
    value = text.strip()
    if value == "":
        if column.required:
            raise ValueError(f"{column.name} is empty")
        return () if column.kind == "multi" else ""
    if column.kind == "date":
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{column.name} {value!r} is not a date like 2026-01-31") from None
    if column.kind == "datetime":
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None, microsecond=0)
        except ValueError:
            raise ValueError(f"{column.name} {value!r} is not a time like 2026-01-31T20:15:00") from None
    if column.kind == "int":
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"{column.name} {value!r} is not a whole number") from None
        if column.minimum is not None and number < column.minimum:
            raise ValueError(f"{column.name} {number} is below {column.minimum}")
        if column.maximum is not None and number > column.maximum:
            raise ValueError(f"{column.name} {number} is above {column.maximum}")
        return number
    if column.kind == "bool":
        lowered = value.lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise ValueError(f"{column.name} {value!r} is not yes/no")
    if column.kind == "choice":
        if value not in column.choices:
            raise ValueError(f"{column.name} {value!r} is not one of {', '.join(column.choices)}")
        return value
    if column.kind == "multi":
        return tuple(part.strip() for part in value.split(MULTI_SEPARATOR) if part.strip())
    if column.max_length is not None and len(text) > column.max_length:
        raise ValueError(f"{column.name} is {len(text):,} characters; the limit is {column.max_length:,}")
    return text


def validate_row(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """Typed copy of ``row`` (values may be typed or text), or ValueError naming the problem."""
    out: dict[str, Any] = {}
    for c in table.columns:
        value = row.get(c.name)
        out[c.name] = _parse_cell(c, _format_cell(c, value))
    return out


def _format_cell(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    if column.kind == "date":
        if isinstance(value, (datetime, pd.Timestamp)):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        return str(value)
    if column.kind == "datetime":
        if isinstance(value, (datetime, pd.Timestamp)):
            return value.replace(tzinfo=None, microsecond=0).isoformat()
        return str(value)
    if column.kind == "bool":
        if isinstance(value, str):
            return value
        return "true" if bool(value) else "false"
    if column.kind == "multi":
        if isinstance(value, str):
            return value
        return MULTI_SEPARATOR.join(str(v) for v in value)
    if column.kind == "int":
        if isinstance(value, str):
            return value
        return str(int(value))
    return str(value)


def _column_text(column: Column, values: pd.Series) -> list[str]:
    """Every cell of one column as stored: the same text as ``_format_cell``, a whole column at a time."""
    kind = column.kind
    if kind in ("date", "datetime") and pd.api.types.is_datetime64_dtype(values) and not values.isna().any():
        text: list[str] = values.dt.strftime("%Y-%m-%d" if kind == "date" else "%Y-%m-%dT%H:%M:%S").tolist()
        return text
    if kind == "int" and pd.api.types.is_integer_dtype(values):
        return values.astype(str).tolist()
    if kind == "bool" and pd.api.types.is_bool_dtype(values):
        return ["true" if v else "false" for v in values.tolist()]
    if kind in ("text", "choice") and pd.api.types.is_string_dtype(values) and not values.isna().any():
        return [str(v) for v in values.tolist()]
    if kind == "multi":
        return [MULTI_SEPARATOR.join(v) if isinstance(v, tuple) else _format_cell(column, v) for v in values.tolist()]
    return [_format_cell(column, v) for v in values.tolist()]


def _keys(table: Table, frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """Each row's key as text, so dates, times and numbers compare the way they are stored."""
    columns = [_column_text(table.column(k), frame[k]) for k in table.key]
    return list(zip(*columns, strict=True)) if columns else []


def _decode(data: bytes, table: Table) -> tuple[str, list[RowProblem]]:
    """Text of the file; lines that are not UTF-8 are read as Latin-1 and reported, never dropped."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    notes: list[RowProblem] = []
    lines = data.split(b"\n")
    decoded: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("latin-1"))
            notes.append(
                RowProblem(
                    table.name,
                    number,
                    "was not UTF-8 text; read it as Latin-1 (check accented letters)",
                    decoded[-1],
                    kept_aside=False,
                )
            )
    return "\n".join(decoded), notes


def parse_table(table: Table, data: bytes) -> TableData:
    """Validate every row of a table file; bad rows become problems, good rows the frame."""
    text, problems = _decode(data, table)
    if "\x00" in text:
        text = text.replace("\x00", "")
        problems.append(
            RowProblem(
                table.name,
                0,
                "contained NUL bytes; they were ignored",
                kept_aside=False,
            )
        )
    if not text.strip():
        return TableData(table, _empty_frame(table), tuple(problems))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    # The lines csv counts (ends \n, \r, \r\n), not str.splitlines(), which also splits on \x0c, \x85, \u2028…
    physical = [line.rstrip("\r\n") for line in io.StringIO(text, newline="")]
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as error:
        problems.append(
            RowProblem(
                table.name,
                1,
                f"the header row could not be read ({error})",
                physical[0],
            )
        )
        return TableData(table, _empty_frame(table), tuple(problems))
    missing = [name for name in table.header if name not in header]
    if missing:
        problems.append(
            RowProblem(
                table.name,
                1,
                f"the header lacks {', '.join(missing)}; expected {','.join(table.header)}",
                physical[0] if physical else "",
                kept_aside=False,
            )
        )
    positions = {name: header.index(name) for name in table.header if name in header}
    columns: dict[str, list[Any]] = {c.name: [] for c in table.columns}
    row_index: dict[tuple[Any, ...], int] = {}
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raw = "\n".join(physical[start - 1 : reader.line_num])
            problems.append(RowProblem(table.name, start, f"is not valid CSV ({error})", raw))
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if not cells or all(not cell.strip() for cell in cells):
            continue
        raw = "\n".join(physical[line - 1 : reader.line_num])
        if missing:
            problems.append(RowProblem(table.name, line, "the header does not name its columns", raw))
            continue
        if len(cells) != len(header):
            problems.append(
                RowProblem(
                    table.name,
                    line,
                    f"has {len(cells)} fields, the header has {len(header)}",
                    raw,
                )
            )
            continue
        try:
            values = {c.name: _parse_cell(c, cells[positions[c.name]]) for c in table.columns}
        except ValueError as error:
            problems.append(RowProblem(table.name, line, str(error), raw))
            continue
        key = tuple(values[k] for k in table.key)
        if key in row_index:
            # A later row for the same key wins, as if it had been saved afterwards.
            index = row_index[key]
            for name, value in values.items():
                columns[name][index] = value
            problems.append(
                RowProblem(
                    table.name,
                    line,
                    "repeats an earlier row's key; this later one is used",
                    raw,
                    False,
                )
            )
            continue
        row_index[key] = len(columns[table.key[0]])
        for name, value in values.items():
            columns[name].append(value)
    return TableData(table, frame_from_columns(table, columns), tuple(problems))


def serialise(table: Table, frame: pd.DataFrame) -> str:
    """CSV text for a frame of this table (header first, rows in key order, ``\\n`` line ends)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.header)
    cells = [_column_text(c, frame[c.name]) for c in table.columns]
    if not any("\r" in "".join(column) for column in cells):
        writer.writerows(zip(*cells, strict=True))
        return buffer.getvalue()
    # csv quotes only the line terminator's characters, so a cell with a lone "\r" would split its row.
    quote_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in zip(*cells, strict=True):
        (quote_all if any("\r" in cell for cell in row) else writer).writerow(row)
    return buffer.getvalue()


_cache: OrderedDict[tuple[str, tuple[int, ...]], TableData] = OrderedDict()
_cache_guard = threading.Lock()
_parse_counts: dict[str, int] = {}
_thread_locks: dict[str, threading.Lock] = {}


def parse_count(path: Path | None = None) -> int:
    """How many times table files were parsed (all, or one path): lets tests prove reruns reuse the cache."""
    with _cache_guard:
        if path is None:
            return sum(_parse_counts.values())
        return _parse_counts.get(str(path), 0)


def clear_cache() -> None:
    with _cache_guard:
        _cache.clear()


def _identity(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _remember(path: Path, identity: tuple[int, ...], data: TableData) -> None:
    with _cache_guard:
        _cache[(str(path), identity)] = data
        _cache.move_to_end((str(path), identity))
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _explain(error: OSError, path: Path) -> str:
    import errno

    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the folder is read-only",
        errno.EACCES: "winback may not write in that folder",
        errno.EPERM: "winback may not write in that folder",
    }.get(error.errno or 0, error.strerror or str(error))
    return f"Could not save {path.name}: {reason}. Nothing was changed; your earlier data is as it was."


def atomic_write(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (UTF-8) or bytes so a crash leaves the old or the new file, never a mix."""
    folder = path.parent
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    # The new file is in place, so a folder that cannot be synced (Windows, some network drives) is not a failure.
    with contextlib.suppress(OSError):
        _fsync_folder(folder)


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
                return TableData(t, _empty_frame(t))
            identity = _identity(stat)
            with _cache_guard:
                hit = _cache.get((str(path), identity))
                if hit is not None:
                    _cache.move_to_end((str(path), identity))
            if hit is not None:
                return TableData(t, hit.frame.copy(deep=False), hit.problems)
            try:
                with path.open("rb") as handle:
                    opened = _identity(os.fstat(handle.fileno()))
                    data = handle.read()
            except FileNotFoundError:
                continue
            parsed = parse_table(t, data)
            with _cache_guard:
                _parse_counts[str(path)] = _parse_counts.get(str(path), 0) + 1
            _remember(path, opened, parsed)
            return TableData(t, parsed.frame.copy(deep=False), parsed.problems)
        return TableData(t, _empty_frame(t))

    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Serialise writers of one file across threads (a plain lock) and processes (a lock file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = str(self.folder / name)
        with _cache_guard:
            thread_lock = _thread_locks.setdefault(key, threading.Lock())
        with thread_lock:
            try:
                with FileLock(self.folder / f"{name}.lock", timeout=LOCK_TIMEOUT_SECONDS):
                    self._sweep(name)
                    yield
            except Timeout:
                raise StorageError(
                    f"Could not save {name}: another winback window kept it busy. Nothing was changed; try again."
                ) from None
            except OSError as error:
                raise StorageError(_explain(error, self.folder / name)) from error

    @staticmethod
    def _temp_patterns(name: str) -> tuple[str, str]:
        """Temporary files of a file and of its set-aside copy, both written under that file's lock."""
        stem, suffix = os.path.splitext(name)
        return f".{name}.*{TEMP_SUFFIX}", f".{stem}.rejected{suffix}.*{TEMP_SUFFIX}"

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
                with self.locked(name):
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
        frame = frame.sort_values(list(t.key), kind="stable").reset_index(drop=True)
        text = serialise(t, frame)
        # What is cached must be exactly what a fresh read of the file gives, so check it the same way.
        if checked is None:
            written = parse_table(t, text.encode("utf-8"))
            if written.problems:
                raise ValueError(f"Refusing to save rows that would not read back: {written.problems[0].describe()}")
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
        incoming = frame_from_columns(t, {c.name: [r[c.name] for r in typed] for c in t.columns})
        reread = parse_table(t, serialise(t, incoming).encode("utf-8"))
        if reread.problems or not reread.frame.equals(incoming):
            problem = reread.problems[0].describe() if reread.problems else "a value changed on the way"
            raise ValueError(f"Refusing to save rows that would not read back: {problem}")
        incoming_keys = _keys(t, incoming)
        replaced: list[bool] = []

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            existing = _keys(t, frame)
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
        wanted = {tuple(_format_cell(t.column(k), v) for k, v in zip(t.key, key, strict=True)) for key in keys}
        removed = 0

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            nonlocal removed
            keep = [k not in wanted for k in _keys(t, frame)]
            removed = len(keep) - sum(keep)
            return frame[keep]

        self.update(t, change, checked=frame_from_columns(t, {c.name: [] for c in t.columns}))
        return removed

    def replace_all(self, table: Table | str, frame: pd.DataFrame) -> None:
        t = TABLES[table] if isinstance(table, str) else table
        self.update(t, lambda _old: frame)

    def read_settings(self) -> tuple[dict[str, Any], list[RowProblem]]:
        path = self.folder / SETTINGS_FILE
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return {}, []
        except (OSError, UnicodeDecodeError) as error:
            return {}, [
                RowProblem(
                    "settings",
                    0,
                    f"settings.json could not be read ({error})",
                    kept_aside=False,
                )
            ]
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            return {}, [
                RowProblem(
                    "settings",
                    error.lineno,
                    f"settings.json is not valid JSON ({error.msg})",
                )
            ]
        if not isinstance(value, dict):
            return {}, [RowProblem("settings", 1, "settings.json does not hold named settings")]
        return value, []

    def write_settings(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Merge ``changes`` into settings.json atomically; returns the settings now saved."""
        path = self.folder / SETTINGS_FILE
        with self.locked(SETTINGS_FILE):
            current, problems = self.read_settings()
            if problems and path.exists():
                aside = self.folder / "settings.rejected.json"
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
        """Every file winback keeps in this folder (tables, settings, set-aside rows, locks)."""
        if not self.folder.exists():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_file())
