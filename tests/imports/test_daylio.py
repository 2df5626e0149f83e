"""Reading Daylio's CSV (SPEC §9): renamed moods, several entries a day, both clocks, activities, and every
problem by physical line, with nothing raised for a bad upload."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.imports.helpers import DAYLIO_HEADER, MAPPED, TODAY, by_day, fixture, messages, parse
from winback import dataio, sample
from winback.activities import Activity, catalogue
from winback.imports.daylio import UnknownMood, parse_daylio
from winback.store import Store
from winback.words import day_words


def test_renamed_moods_with_stray_spaces_wait_to_be_mapped_and_are_still_reported() -> None:
    result = parse(fixture("daylio_new.csv"))
    assert result.problems == ()
    assert result.unknown_moods == (UnknownMood("okay-ish", 1, 8), UnknownMood("Super", 1, 2))
    days = by_day(result)
    # " GOOD", "RAD", "rad" and "meh" are Daylio's own labels; the "Super" and "okay-ish" entries wait.
    assert sorted(days) == ["2026-02-27", "2026-02-28", "2026-03-02", "2026-03-03"]
    assert days["2026-02-28"].mood == 4
    assert days["2026-02-27"].mood == 5
    assert days["2026-03-03"].lines == (4, 5)
    assert days["2026-03-03"].mood == 4  # meh 3 and rad 5 without the unmapped "Super"


def test_mapped_labels_import_every_day_merging_entries_in_time_order() -> None:
    result = parse(fixture("daylio_new.csv"), MAPPED)
    assert result.problems == () and result.unknown_moods == ()
    assert result.rows == 8
    days = by_day(result)
    assert sorted(days) == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03"]

    evening = days["2026-03-03"]  # 8:30 am meh 3, 13:15 rad 5, 9:05 pm Super→5: mean 4.33 → 4
    assert evening.mood == 4
    assert evening.lines == (2, 4, 5)
    assert evening.activities == ("slept_well", "custom_reading", "exercise")
    assert evening.note == "Tired but ok\n\nEvening — Long call with Sam.\nFelt lighter afterwards."

    monday = days["2026-03-02"]  # 07:00 meh 3, 9:05 PM bad 2: mean 2.5 rounds half up to 3
    assert monday.mood == 3
    assert monday.activities == ("walk_outside", "custom_friends", "custom_cooking")
    assert monday.note == 'Rough morning, "again"\n\nDinner'

    assert days["2026-03-01"].activities == ("read", "meditation")
    assert days["2026-03-01"].mood == 3
    assert days["2026-02-28"].note == "Missed them.\nWrote it down\ninstead of texting."
    assert days["2026-02-28"].lines == (9,)
    assert days["2026-02-27"].activities == ("did_what_i_love",)
    assert days["2026-02-27"].note == "=1+1 is just a note"
    assert days["2026-02-27"].as_row() == {
        "date": date(2026, 2, 27),
        "mood": 5,
        "missing_ex": 5,
        "contact": "none",
        "activities": ("did_what_i_love",),
        "note": "=1+1 is just a note",
    }
    assert result.new_activities == (
        Activity("custom_reading", "reading", "Joy", custom=True),
        Activity("custom_friends", "friends", "Joy", custom=True),
        Activity("custom_cooking", "Cooking", "Joy", custom=True),
    )
    assert any("'missing my ex' 5 of 10" in note for note in result.notes)
    assert any("rounded half up" in note for note in result.notes)


def test_older_export_without_note_title_reads_the_same_days() -> None:
    new = by_day(parse(fixture("daylio_new.csv"), MAPPED))
    old_result = parse(fixture("daylio_old.csv"), MAPPED)
    assert old_result.problems == ()
    old = by_day(old_result)
    assert sorted(old) == sorted(new)
    for day, entry in old.items():
        assert (entry.mood, entry.activities, entry.lines) == (new[day].mood, new[day].activities, new[day].lines)
    assert old["2026-03-03"].note == "Tired but ok\n\nLong call with Sam.\nFelt lighter afterwards."
    assert old["2026-03-02"].note == 'Rough morning, "again"'


def test_columns_are_found_by_name_in_any_order_and_windows_line_ends_change_nothing() -> None:
    rows = list(csv.reader(io.StringIO(fixture("daylio_new.csv").decode("utf-8"), newline="")))
    order = [7, 4, 0, 5, 3, 6, 1, 2]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([[row[i] for i in order] for row in rows])
    shuffled = parse(("\ufeff" + buffer.getvalue()).encode("utf-8"), MAPPED)
    assert shuffled.problems == ()
    assert shuffled.entries == parse(fixture("daylio_new.csv"), MAPPED).entries


def test_several_entries_a_day_average_half_up_and_times_of_both_clocks_order_the_notes() -> None:
    text = DAYLIO_HEADER + "".join(
        f"2026-01-05,,,{clock},{mood},,,{note}\n"
        for clock, mood, note in [
            ("9:05 PM", "bad", "d"),
            ("21:04", "meh", "c"),
            ("9:06 pm", "bad", "e"),
            ("12:30 am", "meh", "a"),
            ("12:00 pm", "bad", "b"),
            ("9:07 p.m.", "meh", "f"),
        ]
    )
    text += "2026-01-06,,,08:00,meh,,,\n2026-01-06,,,09:00,good,,,\n"  # 3.5 → 4
    text += "2026-01-07,,,08:00,awful,,,\n2026-01-07,,,09:00,bad,,,\n"  # 1.5 → 2
    result = parse(text.encode("utf-8"))
    assert result.problems == ()
    days = by_day(result)
    assert days["2026-01-05"].note == "a\n\nb\n\nc\n\nd\n\ne\n\nf"
    assert days["2026-01-05"].mood == 3  # (3 + 2) × 3 / 6 = 2.5 → 3, where round() would give 2
    assert days["2026-01-06"].mood == 4
    assert days["2026-01-07"].mood == 2


def test_activities_match_the_catalogue_or_what_the_person_knows_else_are_proposed() -> None:
    text = DAYLIO_HEADER + "2026-01-05,,,10:00,good,Read | MEDITATION | slept_well | Climbing | climbing |  |,,\n"
    known = (*catalogue(), Activity("custom_climbing", "Climbing", "Body", custom=True))
    assert parse_daylio(text.encode(), known=known, today=TODAY).entries[0].activities == (
        "read",
        "meditation",
        "slept_well",
        "custom_climbing",
    )
    result = parse(text.encode())
    assert result.entries[0].activities == ("read", "meditation", "slept_well", "custom_climbing")
    assert result.new_activities == (Activity("custom_climbing", "Climbing", "Joy", custom=True),)


def test_problems_carry_the_physical_line_after_quoted_multi_line_notes() -> None:
    long_note = "x" * 2001
    text = (
        DAYLIO_HEADER
        + '2026-01-01,,,10:00,good,,,"one\ntwo\nthree"\n'  # lines 2–4
        + "2026-13-01,,,10:00,good,,,\n"  # 5
        + "2026-03-11,,,10:00,good,,,\n"  # 6: after TODAY
        + "2026-01-02,,,25:61,good,,,\n"  # 7
        + f"2026-01-03,,,10:00,good,,,{long_note}\n"  # 8
        + "2026-01-04,,,10:00,good\n"  # 9
        + "2026-01-05,,,10:00,,,,\n"  # 10
        + "yesterday,,,noon,good,,,\n"  # 11: two problems
        + '2026-01-06,,,10:00,good,,,"never closed\n'  # 12
    )
    result = parse(text.encode("utf-8"))
    assert messages(result.problems) == [
        (5, "full_date '2026-13-01' is not a date like 2026-01-31"),
        (6, "2026-03-11 is in the future"),
        (7, "time '25:61' is not a time like 21:05 or 9:05 pm"),
        (8, "the note is 2,001 characters; winback's limit is 2,000"),
        (9, "has 5 fields; the header has 8"),
        (10, "the mood is empty"),
        (11, "full_date 'yesterday' is not a date like 2026-01-31"),
        (11, "time 'noon' is not a time like 21:05 or 9:05 pm"),
        (12, "is not valid CSV (unexpected end of data)"),
    ]
    assert [d.day for d in result.entries] == [date(2026, 1, 1)]
    assert result.entries[0].note == "one\ntwo\nthree"


def test_notes_that_only_together_pass_the_limit_are_a_problem_not_cut() -> None:
    half = "y" * 1200
    text = DAYLIO_HEADER + f"2026-01-05,,,08:00,good,,,{half}\n2026-01-05,,,09:00,good,,,{half}\n"
    result = parse(text.encode())
    assert result.entries == ()
    assert len(result.problems) == 1
    assert result.problems[0].line == 2
    assert "lines 2, 3" in result.problems[0].message
    assert "2,402 characters" in result.problems[0].message


def test_a_mood_mapped_outside_one_to_five_is_a_problem() -> None:
    result = parse(fixture("daylio_new.csv"), {"super": 7, "okay-ish": 3})
    assert (0, "the mood 'super' is matched to 7; use 1 to 5") in messages(result.problems)
    assert [m.label for m in result.unknown_moods] == ["Super"]
    widget_choice: Any = np.int64(5)
    from_a_widget = parse(fixture("daylio_new.csv"), {"super": widget_choice, "okay-ish": 3})
    assert from_a_widget.problems == () and from_a_widget.unknown_moods == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\n  \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "this is not a CSV text file; choose the .csv file Daylio exported"),
        (bytes(range(256)) * 4, "this is not a CSV text file; choose the .csv file Daylio exported"),
        (
            DAYLIO_HEADER.encode() + b"2026-01-01,,,10:00,good,,,fine\n" * 3000 + b"2026-01-02,,,10:00,good,,,\x00\n",
            "this is not a CSV text file; choose the .csv file Daylio exported",
        ),
        (DAYLIO_HEADER.encode(), "the file has a header but no entries"),
    ],
    ids=["empty", "bom-and-blank-lines", "png", "binary", "nul-far-in", "header-only"],
)
def test_unusable_uploads_are_refused_with_one_clear_message(data: bytes, message: str) -> None:
    result = parse(data)
    assert messages(result.problems) == [(0, message)]
    assert result.entries == ()


def test_our_own_zip_given_as_daylio_is_not_csv_text(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=TODAY)
    result = parse(dataio.export_zip(store))
    assert messages(result.problems) == [(0, "this is not a CSV text file; choose the .csv file Daylio exported")]


def test_wrong_columns_name_the_missing_ones() -> None:
    ours = b"date,mood,missing_ex,contact,activities,note\n2026-01-01,3,5,none,,\n"
    result = parse(ours)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.line == 1
    assert "the header lacks full_date, time" in problem.message
    assert problem.describe().startswith("line 1: this is not a Daylio export")


def test_a_latin_1_file_is_read_with_its_accents_and_a_note() -> None:
    text = DAYLIO_HEADER + "2026-01-05,,,10:00,good,Café,Crème brûlée — ‘so good’,Señor Müller\n"
    result = parse(text.encode("cp1252"))
    assert result.problems == ()
    assert result.entries[0].note == "Crème brûlée — ‘so good’ — Señor Müller"
    assert result.new_activities[0].name == "Café"
    assert any("read as Latin-1" in note for note in result.notes)
    assert not any("Latin-1" in note for note in parse(text.encode("utf-8")).notes)


def test_a_daylio_file_saved_by_excel_with_semicolons_and_windows_1252_is_read() -> None:
    rows = [
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"],
        ["2026-01-05", "5 janv.", "lundi", "21:05", "good", "Café | Read", "“Soirée”", "Crème brûlée; 5 €"],
        ["2026-01-06", "6 janv.", "mardi", "08:00", "meh", "", "", "Zwei, drei"],
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    result = parse(buffer.getvalue().encode("cp1252"))
    assert result.problems == ()
    days = by_day(result)
    assert days["2026-01-05"].note == "“Soirée” — Crème brûlée; 5 €"
    assert days["2026-01-05"].activities == ("custom_café", "read")
    assert days["2026-01-06"].note == "Zwei, drei"
    assert any("semicolons" in note for note in result.notes)


def test_days_before_1900_are_a_problem_and_1900_is_a_day() -> None:
    text = DAYLIO_HEADER + "0001-01-01,,,10:00,good,,,\n1899-12-31,,,10:00,good,,,\n1900-01-01,,,10:00,good,,,\n"
    result = parse(text.encode())
    earliest = day_words(date(1900, 1, 1))
    assert messages(result.problems) == [
        (2, f"0001-01-01 is before {earliest}, the earliest day winback keeps"),
        (3, f"1899-12-31 is before {earliest}, the earliest day winback keeps"),
    ]
    assert [d.day for d in result.entries] == [date(1900, 1, 1)]


def test_a_day_with_thousands_of_entries_is_one_short_problem() -> None:
    text = DAYLIO_HEADER + "2026-01-05,,,10:00,good,,,a note of some length\n" * 20_000
    result = parse(text.encode())
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.line == 2
    assert problem.message.startswith("the notes of 2026-01-05's 20,000 entries (lines 2, 3, 4, 5, 6 and 19,995 more)")
    assert len(problem.message) < 300


def test_a_huge_cell_is_quoted_only_in_part() -> None:
    huge = "x" * 1_000_000
    text = DAYLIO_HEADER + f"{huge},,,{huge},{huge},,,\n"
    result = parse(text.encode())
    assert result.problems and all(len(p.message) < 300 for p in result.problems)
    assert all(len(m.label) < 300 for m in result.unknown_moods)
