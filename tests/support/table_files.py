"""Table files for the storage tests: a daily_log row, raw bytes written to a folder, what was set aside, and the
awkward notes and bad rows that tests/test_store.py and tests/test_csvcodec.py both read back."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from winback.schema import TableData
from winback.store import Store

HEADER = "date,mood,missing_ex,contact,activities,note\n"


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def rejected_rows(store: Store, table: str = "daily_log") -> list[dict[str, str]]:
    with store.rejected_path(table).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def problems_by_line(data: TableData) -> dict[int, str]:
    return {p.line: p.message for p in data.problems}


def dates(frame: pd.DataFrame) -> list[date]:
    return [d.date() for d in frame["date"]]


def a_row(day: date, *, mood: int = 3, note: str = "") -> dict[str, Any]:
    return {"date": day, "mood": mood, "missing_ex": 4, "contact": "none", "activities": (), "note": note}


BAD_ROWS = {
    6: ("2026-13-01,3,4,none,,bad date", "date '2026-13-01' is not a date"),
    7: ("2026-01-04,9,4,none,,mood too high", "mood 9 is above 5"),
    8: ("2026-01-05,3,4,none,walk,extra,field", "has 7 fields, the header has 6"),
    9: ("2026-01-06,3,4,phoned,,", "contact 'phoned' is not one of"),
    12: ("2026-01-08,3", "has 2 fields, the header has 6"),
}


def file_with_bad_rows() -> str:
    return (
        HEADER  # line 1
        + "2026-01-01,3,4,none,walk|read,fine\n"  # line 2
        + '2026-01-02,3,4,none,,"a note\nover three\nlines"\n'  # lines 3-5
        + "".join(BAD_ROWS[n][0] + "\n" for n in (6, 7, 8, 9))
        + '2026-01-07,2,1,we_talked,,"two\nlines"\n'  # lines 10-11
        + BAD_ROWS[12][0]  # line 12: the file was cut here, mid-row, with no line end
    )


NOTES = [
    "plain",
    "commas, and more, commas",
    'she said "hi" and ""left""',
    "line one\nline two\r\nline three\rline four",
    '=HYPERLINK("http://example.com","click")',
    "+1 -2 @me",
    "café ☕ 日本語 🙂 \u2028 after a separator",
    "  spaces kept at both ends  ",
    "",
    "pipes | in | a note",
    "a lone\rcarriage return",
]
