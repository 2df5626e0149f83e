"""One table file as text and back: typed cells, CSV rows, and every row problem with its line number.

Reads never fail on a bad row: it becomes a ``RowProblem`` (line, message, the raw text) and the good rows
become the frame. ``serialise`` writes what ``parse_table`` reads back unchanged. ``decode_text`` is the one
way winback reads bytes as text, for its own tables and for imports alike.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from winback.schema import (
    DAYS_AHEAD_READ,
    EARLIEST_DAY,
    Column,
    RowProblem,
    Table,
    TableData,
    empty_frame,
    frame_from_columns,
)
from winback.words import day_words

MULTI_SEPARATOR = "|"
UTF8_BOM = b"\xef\xbb\xbf"
# How much of a cell a message quotes: enough to find it, and a cell of a million characters stays one line.
QUOTED_CHARACTERS = 40
# Python's int() also reads "3_0" (30), "+3", " 3" and digits of other scripts ("٣"); a table holds only these.
_DIGITS = re.compile(r"[0-9]{1,18}")
_SIGNED_DIGITS = re.compile(r"-?[0-9]{1,18}")

# Python's csv stops at 131,072 characters a field; a longer note must be read to be reported as too long.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def quoted(text: str) -> str:
    """A cell's text quoted for a message, cut to ``QUOTED_CHARACTERS`` (with "…") so messages stay short."""
    if len(text) <= QUOTED_CHARACTERS:
        return repr(text)
    return f"{text[:QUOTED_CHARACTERS]!r}…"


def latest_day(today: date) -> date:
    """The last day an imported table may hold: ``today``, lenient by ``DAYS_AHEAD_READ`` for time zones."""
    return today + timedelta(days=DAYS_AHEAD_READ)


def parse_cell(column: Column, text: str, latest: date | None = None) -> Any:
    """Typed value of one cell, or raise ValueError with a message a person can act on.

    A day or time must be from ``EARLIEST_DAY`` on, and a day no later than ``latest`` when one is given (an
    import). The person's own tables are read without ``latest``: a computer whose clock is wrong by days would
    otherwise set their latest rows aside, and a quiz attempt dated after today is the quiz's to judge.
    """
    value = text.strip()
    if value == "":
        if column.required:
            raise ValueError(f"{column.name} is empty")
        return () if column.kind == "multi" else ""
    if column.kind in ("date", "datetime"):
        return _moment(column, value, latest)
    if column.kind == "int":
        return _whole_number(column, value)
    if column.kind == "bool":
        lowered = value.lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise ValueError(f"{column.name} {quoted(value)} is not yes/no")
    if column.kind == "choice":
        if value not in column.choices:
            raise ValueError(f"{column.name} {quoted(value)} is not one of {', '.join(column.choices)}")
        return value
    if column.kind == "multi":
        return tuple(part.strip() for part in value.split(MULTI_SEPARATOR) if part.strip())
    if column.max_length is not None and len(text) > column.max_length:
        raise ValueError(f"{column.name} is {len(text):,} characters; the limit is {column.max_length:,}")
    return text


def _moment(column: Column, value: str, latest: date | None) -> date | datetime:
    moment: date | datetime
    try:
        if column.kind == "date":
            moment = date.fromisoformat(value)
            day = moment
        else:
            moment = datetime.fromisoformat(value).replace(tzinfo=None, microsecond=0)
            day = moment.date()
    except ValueError:
        example = "a date like 2026-01-31" if column.kind == "date" else "a time like 2026-01-31T20:15:00"
        raise ValueError(f"{column.name} {quoted(value)} is not {example}") from None
    if day < EARLIEST_DAY:
        raise ValueError(
            f"{column.name} {moment.isoformat()} is before {day_words(EARLIEST_DAY)}, the earliest day winback keeps"
        )
    if latest is not None and column.kind == "date" and day > latest:
        raise ValueError(f"{column.name} {moment.isoformat()} is in the future")
    return moment


def _whole_number(column: Column, value: str) -> int:
    """ASCII digits, with a leading minus only in a column that allows negative numbers."""
    negative = column.minimum is None or column.minimum < 0
    if not (_SIGNED_DIGITS if negative else _DIGITS).fullmatch(value):
        bounds = f" from {column.minimum} to {column.maximum}" if None not in (column.minimum, column.maximum) else ""
        raise ValueError(f"{column.name} {quoted(value)} is not a whole number{bounds}")
    number = int(value)
    if column.minimum is not None and number < column.minimum:
        raise ValueError(f"{column.name} {number} is below {column.minimum}")
    if column.maximum is not None and number > column.maximum:
        raise ValueError(f"{column.name} {number} is above {column.maximum}")
    return number


def validate_row(table: Table, row: Mapping[str, Any], latest: date | None = None) -> dict[str, Any]:
    """Typed copy of ``row`` (values may be typed or text), or ValueError naming the problem (a day after
    ``latest``, when given, is one)."""
    out: dict[str, Any] = {}
    for c in table.columns:
        value = row.get(c.name)
        out[c.name] = parse_cell(c, format_cell(c, value), latest)
    return out


def format_cell(column: Column, value: Any) -> str:
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


def column_text(column: Column, values: pd.Series) -> list[str]:
    """Every cell of one column as stored: the same text as ``format_cell``, a whole column at a time."""
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
        return [MULTI_SEPARATOR.join(v) if isinstance(v, tuple) else format_cell(column, v) for v in values.tolist()]
    return [format_cell(column, v) for v in values.tolist()]


def row_keys(table: Table, frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """Each row's key as text, so dates, times and numbers compare the way they are stored."""
    columns = [column_text(table.column(k), frame[k]) for k in table.key]
    return list(zip(*columns, strict=True)) if columns else []


def decode_text(data: bytes) -> tuple[str, list[int]]:
    """The text without a UTF-8 BOM, and the lines (from 1) that were not UTF-8.

    Each such line is read as Windows-1252, what Excel and Notepad save on Windows (its “ ” € … are control
    characters in Latin-1), or, when it holds one of the five bytes Windows-1252 lacks, as Latin-1, which
    reads any bytes. Lines are split at ``\\n`` only, so a ``\\r`` stays in the text for csv to read.
    """
    data = data.removeprefix(UTF8_BOM)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    decoded: list[str] = []
    odd: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            decoded.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            odd.append(number)
        try:
            decoded.append(line.decode("cp1252"))
        except UnicodeDecodeError:
            decoded.append(line.decode("latin-1"))
    return "\n".join(decoded), odd


def _decode(data: bytes, table: Table) -> tuple[str, list[RowProblem]]:
    """Text of the file; lines that are not UTF-8 are read as Windows-1252 (see ``decode_text``) and reported,
    never dropped."""
    text, odd = decode_text(data)
    if not odd:
        return text, []
    lines = text.split("\n")
    return text, [
        RowProblem(
            table.name,
            number,
            "was not UTF-8 text; read it as Latin-1 (Windows-1252): check accented letters and quotes",
            lines[number - 1],
            kept_aside=False,
        )
        for number in odd
    ]


def parse_table(table: Table, data: bytes, *, latest: date | None = None, max_problems: int | None = None) -> TableData:
    """Validate every row of a table file; bad rows become problems, good rows the frame.

    Days before ``EARLIEST_DAY`` or, when given, after ``latest`` are problems. With ``max_problems`` (an
    import, which is refused at the first problem anyway), reading stops once that many are found and
    ``unchecked`` says which lines were not read: finding every problem of a huge file costs as much as
    reading all of it.
    """
    text, problems = _decode(data, table)
    if "\x00" in text:
        text = text.replace("\x00", "")
        problems.append(RowProblem(table.name, 0, "contained NUL bytes; they were ignored", kept_aside=False))
    if not text.strip():
        return TableData(table, empty_frame(table), tuple(problems))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    # The lines csv counts (ends \n, \r, \r\n), not str.splitlines(), which also splits on \x0c, \x85, \u2028…
    physical = [line.rstrip("\r\n") for line in io.StringIO(text, newline="")]
    header = _header(table, reader, physical, problems)
    if header is None:
        return TableData(table, empty_frame(table), tuple(problems))
    positions = {name: header.index(name) for name in table.header if name in header}
    rows = _Rows(table)
    for line, raw, cells in _records(table, reader, physical, problems):
        if max_problems is not None and len(problems) >= max_problems:
            return TableData(table, rows.frame(), tuple(problems[:max_problems]), range(line, len(physical) + 1))
        problem = _row_problem(table, header, cells)
        if problem is not None:
            problems.append(RowProblem(table.name, line, problem, raw))
            continue
        try:
            values = {c.name: parse_cell(c, cells[positions[c.name]], latest) for c in table.columns}
        except ValueError as error:
            problems.append(RowProblem(table.name, line, str(error), raw))
            continue
        earlier = rows.add(values, line)
        if earlier:
            message = (
                f"is the same {table.key_words} as line {earlier}; line {earlier} is kept and this row is set aside"
            )
            problems.append(RowProblem(table.name, line, message, raw))
    return TableData(table, rows.frame(), tuple(problems))


def _header(table: Table, reader: Any, physical: list[str], problems: list[RowProblem]) -> list[str] | None:
    """The header's column names (None when it cannot be read); a header lacking columns is a problem."""
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as error:
        problems.append(RowProblem(table.name, 1, f"the header row could not be read ({error})", physical[0]))
        return None
    missing = [name for name in table.header if name not in header]
    if missing:
        expected = ",".join(table.header)
        message = f"the header lacks {', '.join(missing)}; expected {expected}"
        problems.append(RowProblem(table.name, 1, message, physical[0] if physical else "", kept_aside=False))
    elif unkept := _unkept_columns(table, header):
        # The next save writes winback's columns only, so what the others hold (a hand edit) would be gone: the
        # whole file as it was goes to the set-aside file first, and the rows are still read.
        message = f"the header {unkept}: the rows are read without them, and the file as it was is set aside"
        problems.append(RowProblem(table.name, 1, message, "\n".join(physical)))
    return header


def _unkept_columns(table: Table, header: list[str]) -> str:
    """What in a header the next save would not keep: other columns, or a column named twice ("" if none)."""
    extra = [quoted(name) for name in dict.fromkeys(header) if name not in table.header]
    twice = [quoted(name) for name in dict.fromkeys(header) if header.count(name) > 1]
    parts = [f"has columns winback does not keep ({', '.join(extra[:5])})"] if extra else []
    parts += [f"names {', '.join(twice[:5])} more than once"] if twice else []
    return " and ".join(parts)


def _records(
    table: Table, reader: Any, physical: list[str], problems: list[RowProblem]
) -> Iterator[tuple[int, str, list[str]]]:
    """Each non-blank CSV record as (first line, raw text, cells); records that are not valid CSV are problems."""
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raw = "\n".join(physical[start - 1 : reader.line_num])
            problems.append(RowProblem(table.name, start, f"is not valid CSV ({error})", raw))
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if cells and any(cell.strip() for cell in cells):
            yield line, "\n".join(physical[line - 1 : reader.line_num]), cells


def _row_problem(table: Table, header: list[str], cells: list[str]) -> str | None:
    if any(name not in header for name in table.header):
        return "the header does not name its columns"
    if len(cells) != len(header):
        return f"has {len(cells)} fields, the header has {len(header)}"
    return None


class _Rows:
    """Good rows by column, each key once: a row whose key is already taken is not added (it is set aside)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns: dict[str, list[Any]] = {c.name: [] for c in table.columns}
        self.lines: dict[tuple[Any, ...], int] = {}

    def add(self, values: dict[str, Any], line: int) -> int:
        """Add a row read at ``line``; 0 when added, else the line of the earlier row with the same key."""
        key = tuple(values[k] for k in self.table.key)
        earlier = self.lines.setdefault(key, line)
        if earlier != line:
            return earlier
        for name, value in values.items():
            self.columns[name].append(value)
        return 0

    def frame(self) -> pd.DataFrame:
        return frame_from_columns(self.table, self.columns)


def serialise(table: Table, frame: pd.DataFrame) -> str:
    """CSV text for a frame of this table (header first, rows in key order, ``\\n`` line ends)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.header)
    cells = [column_text(c, frame[c.name]) for c in table.columns]
    if not any("\r" in "".join(column) for column in cells):
        writer.writerows(zip(*cells, strict=True))
        return buffer.getvalue()
    # csv quotes only the line terminator's characters, so a cell with a lone "\r" would split its row.
    quote_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in zip(*cells, strict=True):
        (quote_all if any("\r" in cell for cell in row) else writer).writerow(row)
    return buffer.getvalue()
