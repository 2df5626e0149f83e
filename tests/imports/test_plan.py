"""What every import shares (SPEC §9): the upload guard, and a plan applied all or nothing — put back byte
for byte when a write fails or the process is killed halfway (but never over a file saved after the crash,
and the person is told once), and refused when the data changed since the preview."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.imports.helpers import (
    DAYLIO_HEADER,
    MAPPED,
    ROOT,
    backups,
    files,
    fixture,
    messages,
    parse,
    seed_store,
    two_people,
)
from tests.support.import_crash import crash_import
from winback import dataio
from winback.imports import plan as plan_module
from winback.imports.daylio_plan import daylio_plan
from winback.imports.plan import (
    BACKUP_PREFIX,
    MAX_UPLOAD_BYTES,
    apply_plan,
    recover_interrupted_import,
    undone_imports,
)
from winback.imports.winback_zip import read_export_zip
from winback.schema import DAILY_LOG, SETTINGS_FILE
from winback.store import StorageError, Store, atomic_write
from winback.words import day_words


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

    monkeypatch.setattr(plan_module, "atomic_write", settings_disk_full)
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


def test_undoing_never_overwrites_a_file_saved_after_the_crash_and_undoes_the_rest(tmp_path: Path) -> None:
    store, plan, before = two_people(tmp_path)
    crash_import(store, plan, tables=2)
    halfway = files(store.folder)
    assert halfway["daily_log.csv"] != before["daily_log.csv"]
    assert halfway["checkins.csv"] != before["checkins.csv"]
    # Someone (an older winback, a hand edit) saves the daily log after the crash, before anything undid it.
    saved_later = before["daily_log.csv"] + b"2027-01-01,4,2,none,,saved after the crash\n"
    (store.folder / "daily_log.csv").write_bytes(saved_later)

    assert recover_interrupted_import(store) is True
    after = files(store.folder)
    assert after["daily_log.csv"] == saved_later
    assert (store.folder / "daily_log.before-import.csv").read_bytes() == before["daily_log.csv"]
    assert {n: b for n, b in after.items() if n != "daily_log.csv"} == {
        n: b for n, b in before.items() if n != "daily_log.csv"
    }
    assert backups(store.folder) == []
    [undone] = undone_imports(store)
    assert undone.kept == ("daily_log.csv",)
    assert undone.copies == ("daily_log.before-import.csv",)
    assert "daily_log.csv was saved again after the import stopped" in undone.words()


def test_the_person_is_told_once_that_an_interrupted_import_was_undone(tmp_path: Path) -> None:
    store, plan, before = two_people(tmp_path)
    crash_import(store, plan, tables=1)
    assert undone_imports(store) != []  # finding the notice first undoes the import
    assert files(store.folder) == before
    assert undone_imports(store) == []
    assert not (store.folder / ".import-undone.json").exists()

    crash_import(store, plan, tables=3)
    assert recover_interrupted_import(store) is True
    assert (store.folder / ".import-undone.json").exists()
    [undone] = undone_imports(store)
    assert undone.kept == ()
    assert undone.words() == (
        f"An import on {day_words(undone.started.date())} was interrupted and undone; your data is as it was before it."
    )
    assert undone_imports(store) == []


def test_a_backup_without_its_manifest_changed_nothing_and_is_just_removed(tmp_path: Path) -> None:
    store, _plan, before = two_people(tmp_path)
    unfinished = store.folder / f"{BACKUP_PREFIX}abc"
    unfinished.mkdir()
    (unfinished / "daily_log.csv").write_bytes(b"half a copy")
    assert recover_interrupted_import(store) is False
    assert backups(store.folder) == []
    assert files(store.folder) == before


def test_delete_everything_also_removes_an_import_backup(tmp_path: Path) -> None:
    store, _plan, _before = two_people(tmp_path)
    left = store.folder / f"{BACKUP_PREFIX}abc"
    left.mkdir()
    (left / "daily_log.csv").write_bytes(b"old diary")
    dataio.delete_everything(store)
    assert list(store.folder.iterdir()) == []
