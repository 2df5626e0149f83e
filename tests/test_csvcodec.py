"""Reading and writing a table's text (winback.csvcodec), through a person's folder: bad rows reported by line
and kept aside, never dropped; other encodings, line separators, NUL bytes and overlong notes; an exact round
trip of serialise and parse_table.
"""

from __future__ import annotations

import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import Clock
from tests.support.table_files import (
    BAD_ROWS,
    HEADER,
    NOTES,
    a_row,
    dates,
    file_with_bad_rows,
    problems_by_line,
    rejected_rows,
    write_bytes,
)
from winback.csvcodec import decode_text, parse_table, serialise
from winback.schema import (
    CHECKINS,
    CUSTOM_ACTIVITIES,
    DAILY_LOG,
    QUIZ_ANSWERS,
    QUIZ_ATTEMPTS,
    Table,
    frame_from_columns,
)
from winback.store import Store, clear_cache
from winback.words import day_words


def test_bad_rows_are_reported_by_line_and_the_good_ones_load(tmp_path: Path) -> None:
    write_bytes(tmp_path, "daily_log.csv", file_with_bad_rows().encode())
    data = Store(tmp_path).read(DAILY_LOG)
    assert dates(data.frame) == [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 7)]
    assert data.frame["note"].tolist() == ["fine", "a note\nover three\nlines", "two\nlines"]
    assert data.frame["activities"].tolist() == [("walk", "read"), (), ()]
    found = problems_by_line(data)
    assert sorted(found) == sorted(BAD_ROWS)
    for line, (_raw, message) in BAD_ROWS.items():
        assert message in found[line], (line, found[line])
    assert {p.line: p.raw for p in data.rejected} == {line: raw for line, (raw, _) in BAD_ROWS.items()}
    assert all(p.describe().startswith(f"daily_log.csv line {p.line}: ") for p in data.problems)


def test_partial_last_line_cut_inside_a_quoted_note(tmp_path: Path) -> None:
    cut = '2026-01-03,2,2,none,,"I was about to wri'
    text = HEADER + '2026-01-01,3,4,none,,"one\ntwo"\n' + "2026-01-02,3,4,none,,ok\n" + cut
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert dates(data.frame) == [date(2026, 1, 1), date(2026, 1, 2)]
    assert [(p.line, p.raw, p.kept_aside) for p in data.problems] == [(5, cut, True)]
    assert "is not valid CSV" in data.problems[0].message
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 4))])
    assert [(r["line"], r["row"]) for r in rejected_rows(store)] == [("5", cut)]


def test_utf8_bom_is_not_a_problem_and_does_not_shift_lines(tmp_path: Path) -> None:
    text = HEADER + "2026-01-01,3,4,none,,café\n" + "2026-01-02,0,4,none,,mood too low\n"
    write_bytes(tmp_path, "daily_log.csv", b"\xef\xbb\xbf" + text.encode())
    data = Store(tmp_path).read(DAILY_LOG)
    assert data.frame["note"].tolist() == ["café"]
    assert problems_by_line(data) == {3: "mood 0 is below 1"}


def test_latin1_file_reports_each_line_and_keeps_bad_rows_aside(tmp_path: Path) -> None:
    bad = "2026-01-3,4,4,none,,crème brûlée"
    text = HEADER + '2026-01-01,3,4,none,,"first\nsecond"\n' + "2026-01-02,4,4,none,,café au lait\n" + bad + "\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode("latin-1"))
    data = store.read(DAILY_LOG)
    assert data.frame["note"].tolist() == ["first\nsecond", "café au lait"]
    notes = sorted((p.line, p.kept_aside, "Latin-1" in p.message) for p in data.problems)
    assert notes == [(4, False, True), (5, False, True), (5, True, False)]
    assert "is not a date" in next(p.message for p in data.rejected)
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 9))])
    assert [(r["line"], r["row"]) for r in rejected_rows(store)] == [("5", bad)]
    rewritten = (tmp_path / "daily_log.csv").read_bytes().decode("utf-8")
    assert "café au lait" in rewritten
    assert store.read(DAILY_LOG).problems == ()


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c", "\x1e"], ids=["u2028", "nel", "formfeed", "rs"])
def test_line_separators_inside_a_note_do_not_shift_the_kept_aside_text(tmp_path: Path, separator: str) -> None:
    # Characters some programs treat as line ends, but CSV does not: the rows after them keep their own text.
    bad = "2026-01-02,6,4,none,,too happy"
    text = HEADER + f"2026-01-01,3,4,none,,before{separator}after\n" + bad + "\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert data.frame["note"].tolist() == [f"before{separator}after"]
    assert [(p.line, p.raw) for p in data.problems] == [(3, bad)]
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 5))])
    assert [(r["line"], r["row"]) for r in rejected_rows(store)] == [("3", bad)]


def test_cp1252_ellipsis_read_as_latin1_does_not_shift_the_kept_aside_text(tmp_path: Path) -> None:
    bad = b"2026-01-02,6,4,none,,too happy"
    data = HEADER.encode() + b"2026-01-01,3,4,none,,wait\x85 what\n" + bad + b"\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", data)
    parsed = store.read(DAILY_LOG)
    assert [(p.line, p.raw) for p in parsed.rejected] == [(3, bad.decode())]
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 5))])
    assert [(r["line"], r["row"]) for r in rejected_rows(store)] == [("3", bad.decode())]


def test_header_without_a_needed_column_keeps_every_row_aside(tmp_path: Path) -> None:
    text = "date,mood,missing_ex,activities,note\n2026-01-01,3,4,,kept\n2026-01-02,3,4,,also kept\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert data.frame.empty
    assert "the header lacks contact" in problems_by_line(data)[1]
    assert [p.line for p in data.rejected] == [2, 3]
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 5))])
    assert [r["row"] for r in rejected_rows(store)] == ["2026-01-01,3,4,,kept", "2026-01-02,3,4,,also kept"]


def test_nul_bytes_do_not_crash_and_are_reported(tmp_path: Path) -> None:
    data = HEADER.encode() + b"2026-01-01,3,4,none,,hel\x00lo\n2026-01-02,7,4,none,,bad mood\n"
    write_bytes(tmp_path, "daily_log.csv", data)
    parsed = Store(tmp_path).read(DAILY_LOG)
    assert parsed.frame["note"].tolist() == ["hello"]
    assert "NUL" in problems_by_line(parsed)[0]
    assert problems_by_line(parsed)[3] == "mood 7 is above 5"


def test_a_file_of_nothing_but_nul_bytes_reads_as_empty_with_a_note(tmp_path: Path) -> None:
    # What some file systems leave when a machine loses power mid-write.
    write_bytes(tmp_path, "daily_log.csv", b"\x00" * 4096)
    store = Store(tmp_path)
    parsed = store.read(DAILY_LOG)
    assert parsed.frame.empty
    assert [p.line for p in parsed.problems] == [0]
    assert store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1))]) == [False]
    assert store.read(DAILY_LOG).problems == ()


def test_a_200000_character_note_is_reported_as_too_long_and_kept(tmp_path: Path) -> None:
    long_note = "x" * 200_000
    long_lines = "\n".join(["y" * 999] * 200)  # 200 lines, 199,999 characters
    rows = [
        f"2026-01-01,3,4,none,,{long_note}",  # line 2
        "2026-01-02,3,4,none,,short",  # line 3
        f'2026-01-03,3,4,none,,"{long_lines}"',  # lines 4-203
        "2026-01-04,0,4,none,,after the long one",  # line 204
        "2026-01-05,3,4,none,,last",  # line 205
    ]
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", (HEADER + "\n".join(rows) + "\n").encode())
    data = store.read(DAILY_LOG)
    assert dates(data.frame) == [date(2026, 1, 2), date(2026, 1, 5)]
    found = problems_by_line(data)
    assert found == {
        2: "note is 200,000 characters; the limit is 2,000",
        4: "note is 199,999 characters; the limit is 2,000",
        204: "mood 0 is below 1",
    }
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 9))])
    assert {int(r["line"]): r["row"] for r in rejected_rows(store)} == {2: rows[0], 4: rows[2], 204: rows[3]}


def test_a_repeated_day_is_kept_aside_naming_the_line_it_repeats(tmp_path: Path) -> None:
    # A hand edit that pasted a day twice: the first is kept, the second set aside, never silently dropped.
    second = "2026-01-01,4,4,none,,second"
    text = HEADER + "2026-01-01,3,4,none,,first\n" + "2026-01-02,3,4,none,,other\n" + second + "\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert data.frame["note"].tolist() == ["first", "other"]
    assert [(p.line, p.message, p.raw, p.kept_aside) for p in data.problems] == [
        (4, "is the same day as line 2; line 2 is kept and this row is set aside", second, True)
    ]
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 9))])
    assert [(r["line"], r["problem"], r["row"]) for r in rejected_rows(store)] == [
        ("4", "is the same day as line 2; line 2 is kept and this row is set aside", second)
    ]
    assert store.read(DAILY_LOG).frame["note"].tolist() == ["first", "other", ""]


@pytest.mark.parametrize(
    ("header", "row", "said"),
    [
        (
            HEADER.strip() + ",my_comment",
            "2026-01-01,3,4,none,,first,typed by hand",
            "has columns winback does not keep",
        ),
        (HEADER.strip() + ",note", "2026-01-01,3,4,none,,first,a second note", "names 'note' more than once"),
    ],
    ids=["extra-column", "column-twice"],
)
def test_columns_a_save_would_not_keep_send_the_whole_file_aside_first(
    tmp_path: Path, header: str, row: str, said: str
) -> None:
    # A save writes winback's columns only; what a hand-added (or repeated) column held must not vanish with it.
    text = f"{header}\n{row}\n"
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert data.frame["note"].tolist() == ["first"], "the rows are still read"
    (problem,) = data.problems
    assert problem.line == 1 and said in problem.message and problem.kept_aside
    store.upsert(DAILY_LOG, [a_row(date(2026, 1, 9))])
    (kept,) = rejected_rows(store)
    assert kept["row"] == text.rstrip("\n"), "the file as it was, every column"
    assert store.read(DAILY_LOG).problems == ()


@pytest.mark.parametrize(
    ("table", "rows", "same"),
    [
        (
            CHECKINS,
            ["2026-W02,2026-01-05,50,50,1|2,3|4", "2026-W02,2026-01-06,60,60,1|2,3|4"],
            "the same week",
        ),
        (QUIZ_ANSWERS, ["a1,q1,o1", "a1,q2,o1", "a1,q1,o2"], "the same attempt and question"),
        (CUSTOM_ACTIVITIES, ["custom_x,Climbing,Body,false", "custom_x,Bouldering,Body,false"], "the same activity"),
    ],
    ids=["checkins", "quiz-answers", "custom-activities"],
)
def test_every_keyed_table_keeps_a_repeated_key_aside(tmp_path: Path, table: Table, rows: list[str], same: str) -> None:
    text = ",".join(table.header) + "\n" + "\n".join(rows) + "\n"
    data = parse_table(table, text.encode())
    assert len(data.frame) == len(rows) - 1
    assert [(p.line, p.message, p.raw) for p in data.rejected] == [
        (len(rows) + 1, f"is {same} as line 2; line 2 is kept and this row is set aside", rows[-1])
    ]


@pytest.mark.parametrize("text", ["3_0", "\u0663", "+3", "\uff13", "3.0", "0x3", "-0", "-3", "1e1", "3 4", "9" * 5000])
def test_numbers_are_plain_ascii_digits(text: str) -> None:
    data = parse_table(DAILY_LOG, (HEADER + f"2026-01-01,3,{text},none,,\n").encode())
    assert data.frame.empty
    shown = repr(text) if len(text) <= 40 else repr(text[:40]) + "…"
    assert problems_by_line(data) == {2: f"missing_ex {shown} is not a whole number from 0 to 10"}


def test_numbers_with_leading_zeros_or_spaces_are_still_numbers() -> None:
    data = parse_table(DAILY_LOG, (HEADER + "2026-01-01,03, 7 ,none,,\n").encode())
    assert data.problems == ()
    assert (data.frame["mood"].tolist(), data.frame["missing_ex"].tolist()) == ([3], [7])


def test_days_before_1900_are_kept_aside_and_later_days_are_read(tmp_path: Path, clock: Clock) -> None:
    # The charts cannot place year 1 on an axis. Days after today are still read: a computer whose clock is
    # days behind must not set the person's latest rows aside (imports refuse them: see test_winback_zip).
    today = clock.today
    days = [date(1, 1, 1), date(1899, 12, 31), date(1900, 1, 1), today, today + timedelta(days=2)]
    text = HEADER + "".join(f"{day.isoformat()},3,4,none,,\n" for day in days)
    store = Store(tmp_path)
    write_bytes(tmp_path, "daily_log.csv", text.encode())
    data = store.read(DAILY_LOG)
    assert dates(data.frame) == [date(1900, 1, 1), today, today + timedelta(days=2)]
    earliest = day_words(date(1900, 1, 1))
    assert problems_by_line(data) == {
        2: f"date 0001-01-01 is before {earliest}, the earliest day winback keeps",
        3: f"date 1899-12-31 is before {earliest}, the earliest day winback keeps",
    }
    assert all(p.kept_aside for p in data.problems)
    store.upsert(DAILY_LOG, [a_row(today - timedelta(days=1), note="saved")])
    assert [r["line"] for r in rejected_rows(store)] == ["2", "3"]
    with pytest.raises(ValueError, match="is before"):
        store.upsert(DAILY_LOG, [a_row(date(1899, 12, 31))])


def test_a_quiz_attempt_before_1900_is_kept_aside() -> None:
    header = ",".join(QUIZ_ATTEMPTS.header) + "\n"
    text = header + "a1,0001-01-01T00:00:00,1,50,none,go\na2,1900-01-01T00:00:00,1,50,none,go\n"
    data = parse_table(QUIZ_ATTEMPTS, text.encode())
    assert data.frame["attempt_id"].tolist() == ["a2"]
    assert problems_by_line(data) == {
        2: f"taken_at 0001-01-01T00:00:00 is before {day_words(date(1900, 1, 1))}, the earliest day winback keeps"
    }


def test_windows_1252_hand_edits_keep_their_quotes_and_euro_signs(tmp_path: Path) -> None:
    note = "“Dinner” cost 20 € – worth it…"
    undefined = b"2026-01-02,3,4,none,,caf\xe9 \x81"  # 0x81 is not a Windows-1252 character: read as Latin-1
    data = HEADER.encode() + f"2026-01-01,3,4,none,,{note}\n".encode("cp1252") + undefined + b"\n"
    write_bytes(tmp_path, "daily_log.csv", data)
    parsed = Store(tmp_path).read(DAILY_LOG)
    assert parsed.frame["note"].tolist() == [note, "café \x81"]
    assert [(p.line, p.kept_aside) for p in parsed.problems] == [(2, False), (3, False)]
    assert all("Windows-1252" in p.message for p in parsed.problems)


def test_the_store_and_the_imports_share_one_decoder() -> None:
    import winback.imports.plan as plan_module

    data = "“quoted” €\n".encode("cp1252")
    assert plan_module.decode_upload(data) == (decode_text(data)[0], 1)
    assert decode_text(data) == ("“quoted” €\n", [1])


def test_a_problem_quotes_at_most_a_little_of_a_huge_cell() -> None:
    huge = "9" * 1_000_000
    data = parse_table(DAILY_LOG, (HEADER + f"{huge},3,4,none,,\n2026-01-01,{huge},4,none,,\n").encode())
    assert [len(p.message) < 120 for p in data.problems] == [True, True]
    assert len(data.problems[0].raw) > 1_000_000  # the row itself is kept whole, to be set aside


def test_an_import_can_stop_reading_after_enough_problems() -> None:
    text = HEADER + "2026-01-01,9,4,none,,\n" * 120 + "2026-01-02,3,4,none,,\n"
    data = parse_table(DAILY_LOG, text.encode(), max_problems=50)
    assert len(data.problems) == 50 and data.problems[-1].line == 51
    assert data.unchecked == range(52, 123)
    assert len(parse_table(DAILY_LOG, text.encode()).problems) == 120


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=2000))
def test_any_note_round_trips_through_the_file(note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        store.upsert(DAILY_LOG, [a_row(date(2026, 1, 1), note=note)])
        clear_cache()
        data = store.read(DAILY_LOG)
        assert data.problems == ()
        # A note of only spaces is saved as no note.
        assert data.frame["note"].tolist() == [note if note.strip() else ""]


def test_parse_table_of_serialised_frame_is_exact() -> None:
    rows = [a_row(date(2026, 1, 1 + n), note=note) for n, note in enumerate(NOTES)]
    frame = frame_from_columns(DAILY_LOG, {c: [r[c] for r in rows] for c in DAILY_LOG.header})
    again = parse_table(DAILY_LOG, serialise(DAILY_LOG, frame).encode())
    assert again.problems == ()
    pd.testing.assert_frame_equal(again.frame, frame)
    assert io.StringIO(serialise(DAILY_LOG, frame)).readline() == HEADER
