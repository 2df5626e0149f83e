"""winback's table declarations (winback.schema): names, files, keys and columns, and the frames built from them."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from winback.schema import (
    CHECKINS,
    CUSTOM_ACTIVITIES,
    DAILY_LOG,
    QUIZ_ANSWERS,
    QUIZ_ATTEMPTS,
    RECONNECT,
    TABLES,
    RowProblem,
    Table,
    TableData,
    empty_frame,
    frame_from_columns,
)
from winback.vocab import CHANNELS, CONTACTS, LIFE_AREAS, NOTE_LIMIT, TIERS, TONES, VERDICTS, WHO


def test_every_table_is_listed_under_its_name() -> None:
    listed = (DAILY_LOG, CHECKINS, QUIZ_ATTEMPTS, QUIZ_ANSWERS, RECONNECT, CUSTOM_ACTIVITIES)
    assert list(TABLES) == [t.name for t in listed]
    assert all(TABLES[t.name] is t for t in listed)


@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_each_table_has_a_file_distinct_columns_and_a_key_among_them(table: Table) -> None:
    assert table.filename == f"{table.name}.csv"
    assert len(set(table.header)) == len(table.header)
    assert table.key and set(table.key) <= set(table.header)
    assert all(table.column(k).required for k in table.key)


def test_a_table_finds_its_columns_by_name() -> None:
    assert DAILY_LOG.header == ["date", "mood", "missing_ex", "contact", "activities", "note"]
    assert DAILY_LOG.column("mood").kind == "int"
    assert (DAILY_LOG.column("mood").minimum, DAILY_LOG.column("mood").maximum) == (1, 5)
    with pytest.raises(KeyError):
        DAILY_LOG.column("weather")


def test_choices_and_limits_come_from_vocab() -> None:
    assert DAILY_LOG.column("contact").choices == CONTACTS
    assert QUIZ_ATTEMPTS.column("tier").choices == TIERS
    assert QUIZ_ATTEMPTS.column("verdict").choices == VERDICTS
    assert CUSTOM_ACTIVITIES.column("area").choices == LIFE_AREAS
    assert RECONNECT.column("who").choices == tuple(WHO)
    assert RECONNECT.column("channel").choices == tuple(CHANNELS)
    assert RECONNECT.column("tone").choices == tuple(TONES)
    assert DAILY_LOG.column("note").max_length == RECONNECT.column("note").max_length == NOTE_LIMIT


def test_frame_from_columns_gives_each_kind_its_dtype() -> None:
    frame = frame_from_columns(
        RECONNECT,
        {
            "entry_id": ["e1"],
            "date": [date(2026, 2, 1)],
            "who": ["me"],
            "channel": ["text"],
            "tone": ["friendly"],
            "calm_and_kind": [True],
            "meeting_planned": [False],
            "note": ["hello"],
        },
    )
    assert str(frame["date"].dtype) == "datetime64[s]"
    assert frame["calm_and_kind"].dtype == bool
    assert all(pd.api.types.is_string_dtype(frame[c]) for c in ("entry_id", "who", "channel", "tone", "note"))
    log = frame_from_columns(
        DAILY_LOG,
        {
            "date": [date(2026, 1, 1)],
            "mood": [3],
            "missing_ex": [4],
            "contact": ["none"],
            "activities": [("walk", "read")],
            "note": [""],
        },
    )
    assert log["mood"].dtype == "int64"
    assert log["activities"].dtype == object
    assert log.iloc[0]["activities"] == ("walk", "read")


def test_frame_from_columns_reads_iso_text_and_keeps_whole_seconds() -> None:
    frame = frame_from_columns(
        QUIZ_ATTEMPTS,
        {
            "attempt_id": ["a1", "a2"],
            "taken_at": ["2026-02-01T20:15:00", datetime(2026, 2, 2, 9, 30, 5, 999_000)],
            "quiz_version": ["1", "1"],
            "worth": [55, 70],
            "tier": ["caution", "none"],
            "verdict": ["wait", "go"],
        },
    )
    assert str(frame["taken_at"].dtype) == "datetime64[s]"
    assert frame["taken_at"].tolist() == [pd.Timestamp(2026, 2, 1, 20, 15), pd.Timestamp(2026, 2, 2, 9, 30, 5)]


@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_an_empty_frame_has_every_column_and_no_rows(table: Table) -> None:
    frame = empty_frame(table)
    assert list(frame.columns) == table.header
    assert frame.empty


def test_a_row_problem_says_where_it_is() -> None:
    assert RowProblem("daily_log", 7, "mood 9 is above 5").describe() == "daily_log.csv line 7: mood 9 is above 5"
    assert RowProblem("daily_log", 0, "the file is empty").describe() == "daily_log.csv: the file is empty"


def test_rejected_are_the_problems_whose_rows_are_not_in_the_frame() -> None:
    aside = RowProblem("daily_log", 3, "mood 0 is below 1", raw="2026-01-02,0,4,none,,")
    noted = RowProblem("daily_log", 4, "read as Latin-1", kept_aside=False)
    data = TableData(DAILY_LOG, empty_frame(DAILY_LOG), (aside, noted))
    assert data.rejected == (aside,)
