"""Imports of SPEC §9: our own export (exact round trip) and Daylio's CSV, previewed, all or nothing, with
every problem reported by line and nothing raised for a bad upload.

Daylio fixtures (tests/fixtures/daylio_*.csv) are written by hand for these tests: renamed mood labels with
stray spaces and case, several entries a day, 12- and 24-hour times, quoted multi-line notes, catalogue
activities by name, id and odd spacing, and new ones. Physical lines in daylio_new.csv: header 1; 03-03
entries at 2–3, 4, 5; 03-02 at 6, 7; 03-01 at 8; 02-28 at 9–11; 02-27 at 12.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from winback import dataio, sample
from winback.activities import Activity, catalogue
from winback.imports import daylio
from winback.imports import daylio_plan as daylio_plan_module
from winback.imports import plan as imports
from winback.imports.daylio import DaylioParse, UnknownMood, parse_daylio
from winback.imports.daylio_plan import daylio_plan
from winback.imports.plan import MAX_UPLOAD_BYTES, ImportPlan, apply_plan, recover_interrupted_import
from winback.imports.winback_zip import read_export_zip
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, SETTINGS_FILE, TABLES
from winback.store import StorageError, Store, atomic_write

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 3, 10)
MAPPED = {"super": 5, "Okay-ish ": 3}
DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(data: bytes, mood_map: Mapping[str, int] | None = None) -> DaylioParse:
    return parse_daylio(data, mood_map, today=TODAY)


def by_day(result: DaylioParse) -> dict[str, daylio.DaylioDay]:
    return {d.day.isoformat(): d for d in result.entries}


def files(folder: Path) -> dict[str, bytes]:
    """Every table and the settings as bytes (lock files hold nothing)."""
    names = [*(t.filename for t in TABLES.values()), SETTINGS_FILE]
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}


def backups(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(imports.BACKUP_PREFIX)]


def messages(problems: tuple[imports.ImportProblem, ...]) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


# Daylio: reading


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


# Daylio: malformed uploads, each a clear message and nothing else


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


def test_a_file_over_twenty_megabytes_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "daylio_big.csv"
    with big.open("wb") as handle:
        handle.write(DAYLIO_HEADER.encode())
        row = b"2026-01-01,,,10:00,good,,,padding\n"
        handle.write(row * ((MAX_UPLOAD_BYTES + 100_000) // len(row)))
    data = big.read_bytes()
    assert len(data) > MAX_UPLOAD_BYTES
    result = parse(data)
    assert messages(result.problems) == [(0, "the file is 20.1 MB; the limit is 20 MB")]
    assert result.problems[0].describe() == "The file is 20.1 MB; the limit is 20 MB"
    assert messages(read_export_zip(data).problems) == [(0, "the file is 20.1 MB; the limit is 20 MB")]


def test_a_latin_1_file_is_read_with_its_accents_and_a_note() -> None:
    text = DAYLIO_HEADER + "2026-01-05,,,10:00,good,Café,Crème brûlée — ‘so good’,Señor Müller\n"
    result = parse(text.encode("cp1252"))
    assert result.problems == ()
    assert result.entries[0].note == "Crème brûlée — ‘so good’ — Señor Müller"
    assert result.new_activities[0].name == "Café"
    assert any("read as Latin-1" in note for note in result.notes)
    assert not any("Latin-1" in note for note in parse(text.encode("utf-8")).notes)


def test_a_bad_date_blocks_the_whole_import(tmp_path: Path) -> None:
    text = fixture("daylio_new.csv").decode() + "31/12/2025,,,10:00,good,,,\n"
    store = Store(tmp_path)
    plan = daylio_plan(store, parse(text.encode(), MAPPED))
    assert messages(plan.problems) == [(13, "full_date '31/12/2025' is not a date like 2026-01-31")]
    assert not plan.can_apply
    assert plan.frames == {}
    with pytest.raises(ValueError, match="problems"):
        apply_plan(store, plan)
    assert list(tmp_path.iterdir()) == []


# Daylio: preview and applying


def seed_store(folder: Path) -> Store:
    store = Store(folder)
    store.upsert(
        DAILY_LOG,
        [
            {
                "date": date(2026, 3, 2),
                "mood": 1,
                "missing_ex": 8,
                "contact": "we_talked",
                "activities": ("walk_outside", "read"),
                "note": "My own note",
            },
            {
                "date": date(2026, 2, 27),
                "mood": 5,
                "missing_ex": 2,
                "contact": "none",
                "activities": ("did_what_i_love", "exercise"),
                "note": "Good day. =1+1 is just a note",
            },
        ],
    )
    store.upsert(
        CUSTOM_ACTIVITIES,
        [
            {"activity_id": "custom_friends", "name": "Friends from work", "area": "Social", "retired": False},
            {"activity_id": "custom_kitchen", "name": "cooking", "area": "Body", "retired": False},
        ],
    )
    return store


def test_unmapped_moods_keep_the_plan_closed_and_say_which(tmp_path: Path) -> None:
    plan = daylio_plan(Store(tmp_path), parse(fixture("daylio_new.csv")))
    assert not plan.can_apply
    assert [(p.line, p.message.split(" is ")[0]) for p in plan.problems] == [
        (8, "the mood 'okay-ish' (1 entry)"),
        (2, "the mood 'Super' (1 entry)"),
    ]


def test_preview_counts_new_changed_and_unchanged_days_and_applying_merges(tmp_path: Path) -> None:
    store = seed_store(tmp_path)
    plan = daylio_plan(store, parse(fixture("daylio_new.csv"), MAPPED))
    assert plan.can_apply, plan.problems
    assert plan.summary == "3 new days, 1 day changed, 1 unchanged"
    assert plan.counts == {"new_days": 3, "changed_days": 1, "unchanged_days": 1, "new_activities": 2}
    assert plan.preview[0] == "Adds 2 activities of your own: reading, friends (life area Joy; you can change it later)"
    assert "2026-03-02 · changes: mood awful → meh; adds friends, cooking; adds Daylio's note" in plan.preview
    assert "2026-03-01 · new: mood meh; Read, Meditation" in plan.preview
    assert daylio_plan_module.MERGE_RULE in plan.notes
    assert any("'missing my ex' 5 of 10" in note for note in plan.notes)

    apply_plan(store, plan)
    log = store.read(DAILY_LOG).frame
    rows = {d.date().isoformat(): r for d, r in zip(log["date"], log.to_dict("records"), strict=True)}
    assert sorted(rows) == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03"]
    monday = rows["2026-03-02"]
    assert (monday["mood"], monday["missing_ex"], monday["contact"]) == (3, 8, "we_talked")
    assert monday["activities"] == ("walk_outside", "read", "custom_friends_2", "custom_kitchen")
    assert monday["note"] == 'My own note\n\nRough morning, "again"\n\nDinner'
    assert rows["2026-02-27"]["note"] == "Good day. =1+1 is just a note"
    assert (rows["2026-03-03"]["missing_ex"], rows["2026-03-03"]["contact"]) == (5, "none")
    custom = store.read(CUSTOM_ACTIVITIES).frame
    assert list(zip(custom["activity_id"], custom["name"], custom["area"], strict=True)) == [
        ("custom_friends", "Friends from work", "Social"),
        ("custom_friends_2", "friends", "Joy"),
        ("custom_kitchen", "cooking", "Body"),
        ("custom_reading", "reading", "Joy"),
    ]
    assert backups(tmp_path) == []

    again = daylio_plan(store, parse(fixture("daylio_new.csv"), MAPPED))
    assert again.summary == "0 new days, 0 days changed, 5 unchanged"
    assert not again.can_apply and again.problems == ()
    assert any("Nothing to import" in note for note in again.notes)


def test_a_day_whose_merged_note_is_too_long_is_a_problem(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(
        DAILY_LOG,
        [
            {
                "date": date(2026, 1, 5),
                "mood": 3,
                "missing_ex": 4,
                "contact": "none",
                "activities": (),
                "note": "m" * 1500,
            }
        ],
    )
    plan = daylio_plan(store, parse((DAYLIO_HEADER + f"2026-01-05,,,10:00,good,,,{'d' * 600}\n").encode()))
    assert not plan.can_apply
    assert plan.problems[0].line == 2
    assert "2026-01-05 cannot be saved: note is 2,102 characters" in plan.problems[0].message


def test_a_plan_made_before_another_change_is_refused(tmp_path: Path) -> None:
    store = seed_store(tmp_path)
    plan = daylio_plan(store, parse(fixture("daylio_new.csv"), MAPPED))
    store.upsert(
        DAILY_LOG,
        [{"date": date(2026, 3, 9), "mood": 4, "missing_ex": 3, "contact": "none", "activities": (), "note": ""}],
    )
    before = files(tmp_path)
    with pytest.raises(StorageError, match=r"daily_log\.csv changed after the preview"):
        apply_plan(store, plan)
    assert files(tmp_path) == before


# Our own export


def test_export_then_delete_then_import_gives_back_every_file_byte_for_byte(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=365, today=TODAY)
    before = files(tmp_path)
    assert len(before) == len(TABLES) + 1
    data = dataio.export_zip(store)
    dataio.delete_everything(store)
    assert files(tmp_path) == {}

    plan = read_export_zip(data, store)
    assert plan.can_apply, plan.problems
    assert plan.counts["daily_log"] == len(sample.generate(365, today=TODAY)["daily_log"])
    assert plan.preview[0].startswith("Daily log: ") and plan.preview[0].endswith("rows (now 0)")
    apply_plan(store, plan)
    assert files(tmp_path) == before
    assert backups(tmp_path) == []


def test_importing_an_export_replaces_everything_and_removes_what_it_lacks(tmp_path: Path) -> None:
    mine = Store(tmp_path / "mine")
    sample.write_sample(mine, days=120, today=TODAY)
    other = Store(tmp_path / "other")
    other.upsert(
        DAILY_LOG,
        [{"date": date(2026, 1, 5), "mood": 4, "missing_ex": 3, "contact": "none", "activities": (), "note": "x"}],
    )
    plan = read_export_zip(dataio.export_zip(other), mine)
    assert plan.remove == tuple(n for n in imports.EXPORT_FILES if n != "daily_log.csv")
    assert "Settings: not in the export; yours are removed" in plan.preview
    assert any(line.startswith("Weekly check-ins: not in the export; your ") for line in plan.preview)
    apply_plan(mine, plan)
    assert files(mine.folder) == files(other.folder)


def test_an_export_zipped_again_inside_a_folder_still_imports(tmp_path: Path) -> None:
    store = Store(tmp_path / "a")
    sample.write_sample(store, days=60, today=TODAY)
    original = zipfile.ZipFile(io.BytesIO(dataio.export_zip(store)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("winback-2026-03-10/", b"")
        archive.writestr("__MACOSX/winback-2026-03-10/._daily_log.csv", b"\x00\x05\x16\x07")
        for name in original.namelist():
            archive.writestr(f"winback-2026-03-10/{name}", original.read(name))
    target = Store(tmp_path / "b")
    plan = read_export_zip(buffer.getvalue(), target)
    assert plan.can_apply, plan.problems
    apply_plan(target, plan)
    assert files(target.folder) == files(store.folder)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


HEADER = b"date,mood,missing_ex,contact,activities,note\n"


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            {"daily_log.csv": HEADER, "notes.txt": b"hello"},
            [
                "notes.txt: is not a winback file; an export holds only daily_log.csv, checkins.csv, "
                "quiz_attempts.csv, quiz_answers.csv, reconnect.csv, custom_activities.csv, settings.json"
            ],
        ),
        (
            {"daily_log.csv": HEADER + b"2026-01-01,9,5,none,,\n2026-01-02,3,5,maybe,,\n"},
            [
                "daily_log.csv line 2: mood 9 is above 5",
                "daily_log.csv line 3: contact 'maybe' is not one of none, they_reached_out_no_reply, we_talked, "
                "i_reached_out",
            ],
        ),
        (
            {"daily_log.csv": b"date,mood,missing_ex,contact,activities,note,energy\n2026-01-01,3,5,none,,,7\n"},
            ["daily_log.csv line 1: has columns winback does not know (energy); was it made by a newer winback?"],
        ),
        ({"settings.json": b'{"no_contact_target_days": 30,\n}'}, ["settings.json line 2: is not valid JSON"]),
        ({"settings.json": b"[1, 2]"}, ["settings.json line 1: does not hold named settings"]),
        ({"readme/": b""}, ["The zip holds none of winback's files"]),
    ],
    ids=["unknown-file", "bad-rows", "unknown-column", "bad-json", "not-settings", "nothing"],
)
def test_a_bad_export_is_refused_naming_file_and_line(
    tmp_path: Path, members: dict[str, bytes], expected: list[str]
) -> None:
    plan = read_export_zip(zip_of(members), Store(tmp_path))
    described = [p.describe() for p in plan.problems]
    assert len(described) == len(expected)
    for text, start in zip(described, expected, strict=True):
        assert text.startswith(start)
    assert not plan.can_apply and plan.frames == {}


def test_files_that_are_not_an_export_zip_are_refused(tmp_path: Path) -> None:
    not_zip = read_export_zip(fixture("daylio_new.csv"))
    assert messages(not_zip.problems) == [
        (0, 'this is not a zip file; choose the .zip that "Download everything" made')
    ]
    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=TODAY)
    damaged = read_export_zip(dataio.export_zip(store)[:400])
    assert messages(damaged.problems) == [(0, "the zip file is damaged and cannot be opened")]
    assert messages(read_export_zip(b"").problems) == [(0, "the file is empty")]


def test_a_latin_1_table_in_an_export_is_read_with_a_note(tmp_path: Path) -> None:
    table = HEADER + "2026-01-01,3,5,none,,Café in Zürich\n".encode("cp1252")
    plan = read_export_zip(zip_of({"daily_log.csv": table}))
    assert plan.can_apply, plan.problems
    assert any("daily_log.csv was not all UTF-8" in note for note in plan.notes)
    store = Store(tmp_path)
    apply_plan(store, plan)
    assert store.read(DAILY_LOG).frame["note"].tolist() == ["Café in Zürich"]


# All or nothing


def two_people(tmp_path: Path) -> tuple[Store, ImportPlan, dict[str, bytes]]:
    mine = Store(tmp_path / "mine")
    sample.write_sample(mine, days=365, seed=7, today=TODAY)
    other = Store(tmp_path / "other")
    sample.write_sample(other, days=200, seed=8, today=TODAY)
    plan = read_export_zip(dataio.export_zip(other), mine)
    assert plan.can_apply
    return mine, plan, files(mine.folder)


def test_a_failed_third_table_puts_every_file_back_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, plan, before = two_people(tmp_path)
    written: list[str] = []
    original = store.replace_all

    def third_fails(table: object, frame: pd.DataFrame) -> None:
        name = str(table)
        if len(written) == 2:
            raise StorageError(f"Could not save {name}.csv: the disk is full.")
        original(name, frame)
        written.append(name)

    monkeypatch.setattr(store, "replace_all", third_fails)
    with pytest.raises(StorageError, match=r"the disk is full\. The import was undone"):
        apply_plan(store, plan)
    assert written == ["daily_log", "checkins"]
    assert files(store.folder) == before
    assert backups(store.folder) == []


def test_a_failed_settings_write_puts_every_table_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, plan, before = two_people(tmp_path)

    failed: list[Path] = []

    def settings_disk_full(path: Path, text: str | bytes) -> None:
        if path.name == SETTINGS_FILE and not failed:  # the import's write fails; putting files back works
            failed.append(path)
            raise OSError(28, "No space left on device")
        atomic_write(path, text)

    monkeypatch.setattr(imports, "atomic_write", settings_disk_full)
    with pytest.raises(StorageError, match=r"settings\.json: the disk is full.* The import was undone"):
        apply_plan(store, plan)
    assert files(store.folder) == before
    assert backups(store.folder) == []


CRASHING_IMPORT = """
import os, signal, sys
from pathlib import Path
from typing import Any
from winback.imports.plan import apply_plan
from winback.imports.winback_zip import read_export_zip
from winback.store import Store

store = Store(Path(sys.argv[1]))
plan = read_export_zip(Path(sys.argv[2]).read_bytes(), store)
original = store.replace_all
calls = []

def dies_on_the_third(table, frame):
    calls.append(table)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    original(table, frame)

store.replace_all = dies_on_the_third
apply_plan(store, plan)
"""


def test_an_import_killed_halfway_is_put_back_on_recovery(tmp_path: Path) -> None:
    store, _plan, before = two_people(tmp_path)
    export = tmp_path / "other.zip"
    export.write_bytes(dataio.export_zip(Store(tmp_path / "other")))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_IMPORT, str(store.folder), str(export)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert len(backups(store.folder)) == 1
    halfway = files(store.folder)
    assert halfway["daily_log.csv"] != before["daily_log.csv"]
    assert halfway["quiz_attempts.csv"] == before["quiz_attempts.csv"]

    assert recover_interrupted_import(store) is True
    assert files(store.folder) == before
    assert backups(store.folder) == []
    assert recover_interrupted_import(store) is False


def test_a_backup_without_its_manifest_changed_nothing_and_is_just_removed(tmp_path: Path) -> None:
    store, _plan, before = two_people(tmp_path)
    unfinished = store.folder / f"{imports.BACKUP_PREFIX}abc"
    unfinished.mkdir()
    (unfinished / "daily_log.csv").write_bytes(b"half a copy")
    assert recover_interrupted_import(store) is False
    assert backups(store.folder) == []
    assert files(store.folder) == before


def test_delete_everything_also_removes_an_import_backup(tmp_path: Path) -> None:
    store, _plan, _before = two_people(tmp_path)
    left = store.folder / f"{imports.BACKUP_PREFIX}abc"
    left.mkdir()
    (left / "daily_log.csv").write_bytes(b"old diary")
    dataio.delete_everything(store)
    assert list(store.folder.iterdir()) == []
