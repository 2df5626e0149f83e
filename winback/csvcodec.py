"""One table file as text and back: typed cells, CSV rows, and every row problem with its line number.

Reads never fail on a bad row: it becomes a ``RowProblem`` (line, message, the raw text) and the good rows
become the frame. ``serialise`` writes what ``parse_table`` reads back unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from winback.schema import Column, RowProblem, Table, TableData, empty_frame, frame_from_columns

MULTI_SEPARATOR = "|"
UTF8_BOM = b"\xef\xbb\xbf"

# Python's csv stops at 131,072 characters a field; a longer note must be read to be reported as too long.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def parse_cell(column: Column, text: str) -> Any:
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
        out[c.name] = parse_cell(c, format_cell(c, value))
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


def decode_text(data: bytes, first_try: Sequence[str] = ()) -> tuple[str, list[int]]:
    """The text without a UTF-8 BOM, and the lines (from 1) that were not UTF-8.

    Each such line is read with the first of ``first_try`` that can read it, else as Latin-1 (which reads
    any bytes). Lines are split at ``\\n`` only, so a ``\\r`` stays in the text for csv to read.
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
        for encoding in first_try:
            try:
                decoded.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            decoded.append(line.decode("latin-1"))
    return "\n".join(decoded), odd


def _decode(data: bytes, table: Table) -> tuple[str, list[RowProblem]]:
    """Text of the file; lines that are not UTF-8 are read as Latin-1 and reported, never dropped."""
    text, odd = decode_text(data)
    if not odd:
        return text, []
    lines = text.split("\n")
    return text, [
        RowProblem(
            table.name,
            number,
            "was not UTF-8 text; read it as Latin-1 (check accented letters)",
            lines[number - 1],
            kept_aside=False,
        )
        for number in odd
    ]


def parse_table(table: Table, data: bytes) -> TableData:
    """Validate every row of a table file; bad rows become problems, good rows the frame."""
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
        problem = _row_problem(table, header, cells)
        if problem is not None:
            problems.append(RowProblem(table.name, line, problem, raw))
            continue
        try:
            values = {c.name: parse_cell(c, cells[positions[c.name]]) for c in table.columns}
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
    return header


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
