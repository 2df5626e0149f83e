"""One file written whole or not at all (winback.atomic), and failed writes in words for people."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from winback import atomic


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "daily_log.csv"
    target.write_text("old\n", encoding="utf-8")
    atomic.atomic_write(target, "new ✓\n")
    assert target.read_bytes() == "new ✓\n".encode()
    atomic.atomic_write(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daily_log.csv"]


def test_a_failed_replace_keeps_the_old_file_and_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "daily_log.csv"
    target.write_text("old\n", encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        atomic.atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert not any(p.name.endswith(atomic.TEMP_SUFFIX) for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the folder is read-only"),
        (errno.EACCES, "winback may not write in that folder"),
        (errno.ENOTDIR, "a file is in the way where a folder should be"),
    ],
)
def test_a_failure_is_explained_by_the_file_name_never_its_folder(code: int, words: str) -> None:
    error = OSError(code, os.strerror(code))
    assert atomic.reason(error) == words
    said = atomic.explain(error, Path("/home/someone-named/diary/daily_log.csv"))
    assert said.startswith(f"Could not save daily_log.csv: {words}.")
    assert "someone-named" not in said
