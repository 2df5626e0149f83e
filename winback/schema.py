"""winback's tables: each CSV file's columns, their kinds and limits, and the key that identifies a row.

The words in the choices (moods, contact, tiers…) come from winback.vocab; how a table is read from and
written to text is winback.csvcodec; where and how it is stored is winback.store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pandas as pd

from winback.vocab import (
    ACTIVITY_NAME_LIMIT,
    CHANNELS,
    CONTACTS,
    LIFE_AREAS,
    MISSING_EX_MAX,
    MOODS,
    NOTE_LIMIT,
    TIERS,
    TONES,
    VERDICTS,
    WHO,
)

ColumnKind = Literal["text", "int", "date", "datetime", "choice", "multi", "bool"]

# The days a table may hold: charts, weeks and periods are only sure to work from here, and nobody logs earlier.
EARLIEST_DAY = date(1900, 1, 1)
# An imported table's days may be up to this many days after today: the export may have been made where it
# already was tomorrow (another time zone).
DAYS_AHEAD_READ = 1


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
    """A table file: its columns, the key no two rows share, and what that key is in words ("day")."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    key_words: str

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


DAILY_LOG = Table(
    "daily_log",
    (
        Column("date", "date"),
        Column("mood", "int", minimum=MOODS[0], maximum=MOODS[-1]),
        Column("missing_ex", "int", minimum=0, maximum=MISSING_EX_MAX),
        Column("contact", "choice", choices=CONTACTS),
        Column("activities", "multi", required=False),
        Column("note", "text", required=False, max_length=NOTE_LIMIT),
    ),
    key=("date",),
    key_words="day",
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
    key_words="week",
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
    key_words="attempt",
)
QUIZ_ANSWERS = Table(
    "quiz_answers",
    (
        Column("attempt_id", "text"),
        Column("question_id", "text"),
        Column("option_id", "text"),
    ),
    key=("attempt_id", "question_id"),
    key_words="attempt and question",
)
RECONNECT = Table(
    "reconnect",
    (
        Column("entry_id", "text"),
        Column("date", "date"),
        Column("who", "choice", choices=tuple(WHO)),
        Column("channel", "choice", choices=tuple(CHANNELS)),
        Column("tone", "choice", choices=tuple(TONES)),
        Column("calm_and_kind", "bool"),
        Column("meeting_planned", "bool"),
        Column("note", "text", required=False, max_length=NOTE_LIMIT),
    ),
    key=("entry_id",),
    key_words="journal entry",
)
CUSTOM_ACTIVITIES = Table(
    "custom_activities",
    (
        Column("activity_id", "text"),
        Column("name", "text", max_length=ACTIVITY_NAME_LIMIT),
        Column("area", "choice", choices=LIFE_AREAS),
        Column("retired", "bool"),
    ),
    key=("activity_id",),
    key_words="activity",
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
# The private safety plan, kept only when the person chooses to (winback/safety_plan.py).
SAFETY_PLAN_FILE = "plan.txt"


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
    """A table as read: its good rows, every problem, and the lines not checked (only when an import asked the
    reading to stop after so many problems: storage always reads every line)."""

    table: Table
    frame: pd.DataFrame
    problems: tuple[RowProblem, ...] = ()
    unchecked: range = range(0)

    @property
    def rejected(self) -> tuple[RowProblem, ...]:
        """Problems whose rows are not in ``frame`` (the rest were loaded, with a note)."""
        return tuple(p for p in self.problems if p.kept_aside)


def empty_frame(table: Table) -> pd.DataFrame:
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
