"""Undoing an import a crash stopped (winback.undo): a file goes back only while it holds what was there
before or what the import wrote; anything else was saved after the crash and stays, with the earlier
version set aside beside it; every undone import leaves one notice."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from winback import undo
from winback.store import atomic_write
from winback.words import day_words

BEFORE = {"daily_log.csv": b"old log\n", "checkins.csv": b"old checkins\n", "settings.json": b"{}\n"}
AFTER: dict[str, bytes | None] = {
    "daily_log.csv": b"imported log\n",
    "checkins.csv": b"imported checkins\n",
    "settings.json": None,
    "reconnect.csv": b"imported contacts\n",
}


def folder_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "person"
    folder.mkdir()
    for name, data in BEFORE.items():
        (folder / name).write_bytes(data)
    return folder, undo.start(folder, AFTER, atomic_write)


def write_all(folder: Path, contents: dict[str, bytes | None]) -> None:
    for name, data in contents.items():
        if data is None:
            (folder / name).unlink(missing_ok=True)
        else:
            (folder / name).write_bytes(data)


def on_disk(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_every_file_the_import_wrote_goes_back_and_one_it_made_is_removed(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, AFTER)
    undone = undo.put_back(folder, backup, atomic_write)
    assert (undone.kept, undone.copies) == ((), ())
    assert on_disk(folder) == BEFORE


def test_files_the_import_had_not_reached_yet_are_left_as_they_are(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, {"daily_log.csv": AFTER["daily_log.csv"]})
    undo.put_back(folder, backup, atomic_write)
    assert on_disk(folder) == BEFORE


def test_a_file_saved_after_the_crash_stays_and_its_earlier_version_is_set_aside(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, {**AFTER, "daily_log.csv": b"saved later\n", "reconnect.csv": b"new contacts\n"})
    undone = undo.put_back(folder, backup, atomic_write)
    assert undone.kept == ("daily_log.csv", "reconnect.csv")
    assert undone.copies == ("daily_log.before-import.csv",)  # reconnect.csv did not exist before the import
    assert on_disk(folder) == {
        **BEFORE,
        "daily_log.csv": b"saved later\n",
        "daily_log.before-import.csv": BEFORE["daily_log.csv"],
        "reconnect.csv": b"new contacts\n",
    }


def test_a_damaged_copy_is_never_put_back(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, AFTER)
    (backup / "checkins.csv").write_bytes(b"damaged")
    undone = undo.put_back(folder, backup, atomic_write)
    assert undone.kept == ("checkins.csv",)
    assert on_disk(folder)["checkins.csv"] == AFTER["checkins.csv"]
    assert on_disk(folder)["daily_log.csv"] == BEFORE["daily_log.csv"]


def test_with_a_damaged_manifest_every_file_stays_and_every_copy_is_set_aside(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, AFTER)
    (backup / undo.MANIFEST).write_text("{not json", encoding="utf-8")
    undone = undo.put_back(folder, backup, atomic_write)
    assert set(undone.kept) == set(BEFORE)
    current = on_disk(folder)
    assert current["daily_log.csv"] == AFTER["daily_log.csv"]
    assert current["daily_log.before-import.csv"] == BEFORE["daily_log.csv"]
    assert current["settings.before-import.json"] == BEFORE["settings.json"]


def test_a_manifest_from_before_digests_were_kept_is_put_back_as_it_was(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    old_style = {"files": {name: name in BEFORE for name in AFTER}}
    (backup / undo.MANIFEST).write_text(json.dumps(old_style), encoding="utf-8")
    write_all(folder, {**AFTER, "daily_log.csv": b"anything\n"})
    undo.put_back(folder, backup, atomic_write)
    assert on_disk(folder) == BEFORE


def test_only_the_exported_files_are_ever_written(tmp_path: Path) -> None:
    folder = tmp_path / "person"
    backup = undo.start(folder, {"../elsewhere.csv": b"x", "notes.txt": b"y"}, atomic_write)
    (tmp_path / "elsewhere.csv").write_bytes(b"x")
    undo.put_back(folder, backup, atomic_write)
    assert (tmp_path / "elsewhere.csv").read_bytes() == b"x"


def test_a_backup_that_failed_halfway_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "person"
    folder.mkdir()
    (folder / "daily_log.csv").write_bytes(b"old")

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        undo.start(folder, {"daily_log.csv": b"new"}, full_disk)
    assert undo.backup_folders(folder) == []
    assert not undo.pending(folder)


def test_undoing_twice_after_a_crash_in_between_tells_once(tmp_path: Path) -> None:
    folder, backup = folder_with_backup(tmp_path)
    write_all(folder, AFTER)
    kept_copy = tmp_path / "copy-of-backup"
    shutil.copytree(backup, kept_copy)
    assert len(undo.undo_interrupted(folder, atomic_write)) == 1
    shutil.copytree(kept_copy, backup)  # as if the crash came after the notice, before the backup was removed
    assert len(undo.undo_interrupted(folder, atomic_write)) == 1
    assert on_disk(folder) == {**BEFORE, undo.NOTICE_FILE: (folder / undo.NOTICE_FILE).read_bytes()}
    assert len(undo.take_notices(folder)) == 1
    assert undo.take_notices(folder) == []
    assert not undo.pending(folder)


def test_a_backup_without_a_manifest_is_removed_without_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "person"
    (folder / f"{undo.BACKUP_PREFIX}abc").mkdir(parents=True)
    assert undo.pending(folder)
    assert undo.undo_interrupted(folder, atomic_write) == []
    assert list(folder.iterdir()) == []


def test_a_damaged_notice_is_removed_and_tells_nothing(tmp_path: Path) -> None:
    (tmp_path / undo.NOTICE_FILE).write_text("[1, 2", encoding="utf-8")
    assert undo.notice_waiting(tmp_path)
    assert undo.take_notices(tmp_path) == []
    assert not undo.notice_waiting(tmp_path)


def test_the_words_name_what_was_kept_and_where_the_earlier_version_is() -> None:
    started = datetime(2026, 11, 9, 20, 15)
    day = day_words(started.date())
    assert undo.UndoneImport(started).words() == (
        f"An import on {day} was interrupted and undone; your data is as it was before it."
    )
    one = undo.UndoneImport(started, ("daily_log.csv",), ("daily_log.before-import.csv",)).words()
    assert one == (
        f"An import on {day} was interrupted and undone. daily_log.csv was saved again after the "
        "import stopped, so it is kept as it is; the version from before the import is in "
        "daily_log.before-import.csv in your folder. Everything else is as it was before the import."
    )
    two = undo.UndoneImport(started, ("daily_log.csv", "reconnect.csv")).words()
    assert (
        "daily_log.csv, reconnect.csv were saved again after the import stopped, so they are kept as they are." in two
    )


def test_a_folder_that_does_not_exist_has_nothing_pending(tmp_path: Path) -> None:
    assert not undo.pending(tmp_path / "nobody")
    assert undo.backup_folders(tmp_path / "nobody") == []
    assert undo.copy_name("settings.json") == "settings.before-import.json"
