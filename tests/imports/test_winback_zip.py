"""Restoring our own export (SPEC §9): an exact round trip, and a bad zip refused naming file and line."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.imports.helpers import HEADER, TODAY, backups, files, fixture, messages, zip_of
from tests.support.clock import Clock
from winback import dataio, sample, settings
from winback.imports.plan import EXPORT_FILES, FILE_NAME_LIMIT, MESSAGE_LIMIT, apply_plan
from winback.imports.registry import import_format
from winback.imports.winback_zip import read_export_zip
from winback.schema import DAILY_LOG, TABLES
from winback.store import Store
from winback.words import day_words


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
    settings_before = (mine.folder / "settings.json").read_bytes()
    plan = read_export_zip(dataio.export_zip(other), mine)
    assert plan.remove == tuple(n for n in EXPORT_FILES if n not in ("daily_log.csv", "settings.json"))
    # An export without settings keeps the person's: their country and goals are not lost to it.
    assert "Settings: not in the export; yours are kept" in plan.preview
    assert any(line.startswith("Weekly check-ins: not in the export; your ") for line in plan.preview)
    assert plan.done == "Imported the export: 1 day logged, and everything else as it was in it."
    apply_plan(mine, plan)
    assert {**files(other.folder), "settings.json": settings_before} == files(mine.folder)


def test_the_preview_names_the_settings_an_export_would_change(tmp_path: Path) -> None:
    mine = Store(tmp_path / "mine")
    sample.write_sample(mine, days=30, today=TODAY)
    other = Store(tmp_path / "other")
    sample.write_sample(other, days=30, today=TODAY)
    same = read_export_zip(dataio.export_zip(other), mine)
    assert "Settings: the export's are the same as yours" in same.preview
    settings.save_country(other, "uk" if settings.load(mine)[0].country != "uk" else "us")
    changed = read_export_zip(dataio.export_zip(other), mine)
    assert "Settings: taken from the export; this changes your country" in changed.preview


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


def test_a_zip_member_with_a_name_of_thousands_of_characters_is_named_in_at_most_80() -> None:
    names = ["A" * 65_000 + ".csv", *(f"{'N' * 6000}{n}.csv" for n in range(99))]
    plan = read_export_zip(zip_of(dict.fromkeys(names, b"a")))
    assert len(plan.problems) == 51
    first = plan.problems[0]
    assert first.file == "A" * 39 + "…" + "A" * 36 + ".csv"
    assert len(first.file) == FILE_NAME_LIMIT
    assert first.describe().startswith(f"{first.file}: is not a winback file")
    assert max(len(p.describe()) for p in plan.problems) <= FILE_NAME_LIMIT + 2 + MESSAGE_LIMIT


def test_a_latin_1_table_in_an_export_is_read_with_a_note(tmp_path: Path) -> None:
    table = HEADER + "2026-01-01,3,5,none,,Café in Zürich\n".encode("cp1252")
    plan = read_export_zip(zip_of({"daily_log.csv": table}))
    assert plan.can_apply, plan.problems
    assert any("daily_log.csv was not all UTF-8" in note for note in plan.notes)
    store = Store(tmp_path)
    apply_plan(store, plan)
    assert store.read(DAILY_LOG).frame["note"].tolist() == ["Café in Zürich"]


def test_an_export_with_days_before_1900_or_after_tomorrow_is_refused(tmp_path: Path, clock: Clock) -> None:
    today = clock.today
    days = [today + timedelta(days=1), today + timedelta(days=2), date(1, 1, 1), date(1900, 1, 1)]
    table = HEADER + "".join(f"{day.isoformat()},3,5,none,,\n" for day in days).encode()
    plan = import_format("winback").plan(zip_of({"daily_log.csv": table}), Store(tmp_path), today, {})
    assert messages(plan.problems) == [
        (3, f"date {(today + timedelta(days=2)).isoformat()} is in the future"),
        (4, f"date 0001-01-01 is before {day_words(date(1900, 1, 1))}, the earliest day winback keeps"),
    ]


@pytest.mark.parametrize(
    ("settings_text", "expected"),
    [
        (b'{"thresholds": [1, 2]}', "settings.json: thresholds [1, 2] are not named values"),
        (b'{"thresholds": {"no_contact_days": 5}}', "settings.json: no_contact_days 5 is outside 14–90"),
        (b'{"no_contact_start": "yesterday"}', "settings.json: no_contact_start 'yesterday' is not a date"),
        (b'{"country": ["uk"]}', "settings.json: country ['uk'] is not a country code"),
        (b'"abc"', "settings.json line 1: does not hold named settings"),
        (b"5", "settings.json line 1: does not hold named settings"),
        (b"[" * 30_000 + b"]" * 30_000, "settings.json: nests deeper than 32 levels"),
        (b"[" * 100_000 + b"]" * 100_000, "settings.json: is larger than 64 KB"),
        (b'{"a": 1' + b"0" * 5000 + b"}", "settings.json: is not valid JSON (Integer value out of range"),
    ],
    ids=[
        "thresholds-list",
        "threshold-out-of-range",
        "start-not-a-date",
        "country-list",
        "abc",
        "5",
        "deep",
        "big",
        "5000-digits",
    ],
)
def test_an_export_whose_settings_winback_cannot_use_is_refused_whole(
    tmp_path: Path, settings_text: bytes, expected: str
) -> None:
    mine = Store(tmp_path / "mine")
    sample.write_sample(mine, days=30, today=TODAY)
    before = files(mine.folder)
    other = Store(tmp_path / "other")
    sample.write_sample(other, days=60, today=TODAY)
    exported = zipfile.ZipFile(io.BytesIO(dataio.export_zip(other)))
    members = {name: exported.read(name) for name in exported.namelist()}
    plan = read_export_zip(zip_of({**members, "settings.json": settings_text}), mine)
    assert [p.describe()[: len(expected)] for p in plan.problems] == [expected]
    assert not plan.can_apply
    with pytest.raises(ValueError):
        apply_plan(mine, plan)
    assert files(mine.folder) == before
