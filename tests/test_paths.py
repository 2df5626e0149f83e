"""Where each person's data lives (winback.paths)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs
import pytest

from winback import paths


def test_the_data_folder_is_the_configured_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, f"  {tmp_path / 'diary'}  ")
    assert paths.data_root() == (tmp_path / "diary").resolve()


def test_a_configured_folder_may_start_at_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(paths.DATA_DIR_ENV, "~/diary")
    assert paths.data_root() == (tmp_path / "diary").resolve()


@pytest.mark.parametrize("configured", [None, "", "   "])
def test_without_a_setting_it_is_this_systems_data_folder(
    monkeypatch: pytest.MonkeyPatch, configured: str | None
) -> None:
    if configured is None:
        monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    else:
        monkeypatch.setenv(paths.DATA_DIR_ENV, configured)
    assert paths.data_root() == Path(platformdirs.user_data_dir("winback", appauthor=False))


def test_a_single_person_uses_the_root_itself(tmp_path: Path) -> None:
    assert paths.person_folder(tmp_path) == tmp_path


@pytest.mark.parametrize(
    ("issuer", "subject"),
    [
        ("https://issuer.example", None),
        (None, "subject"),
        ("", "subject"),
        ("https://issuer.example", ""),
        ("  ", "subject"),
        ("https://issuer.example", "\t"),
    ],
)
def test_half_an_identity_is_nobody_and_never_the_shared_root(
    tmp_path: Path, issuer: str | None, subject: str | None
) -> None:
    with pytest.raises(ValueError, match="both an issuer and a subject"):
        paths.person_folder(tmp_path, issuer, subject)


def test_a_signed_in_person_gets_a_folder_named_by_a_hash_of_issuer_and_subject_apart(tmp_path: Path) -> None:
    folder = paths.person_folder(tmp_path, "https://issuer.example", "person-1")
    digest = hashlib.sha256(b'["https://issuer.example", "person-1"]').hexdigest()
    assert folder == tmp_path / "users" / digest
    assert paths.person_folder(tmp_path, "https://issuer.example", "person-2") != folder
    assert paths.person_folder(tmp_path, "https://other.example", "person-1") != folder


def test_the_sample_lives_beside_the_persons_tables(tmp_path: Path) -> None:
    assert paths.sample_folder(tmp_path) == tmp_path / "sample"


def test_a_missing_folder_is_made_and_is_no_trouble(tmp_path: Path) -> None:
    assert paths.folder_trouble(tmp_path / "a" / "b") is None
    assert (tmp_path / "a" / "b").is_dir()


@pytest.mark.parametrize("where", ["the-folder", "a-parent", "a-grandparent"])
def test_a_file_where_the_folder_should_be_is_named_with_the_way_to_fix_it(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "diary"
    blocker.write_text("x", encoding="utf-8")
    folder = {"the-folder": blocker, "a-parent": blocker / "w", "a-grandparent": blocker / "w" / "users"}[where]
    trouble = paths.folder_trouble(folder)
    assert trouble is not None
    what = "that is a file" if folder == blocker else f"{blocker} is a file"
    assert trouble.startswith(f"winback keeps your diary in the folder {folder}, but {what}, not a folder.")
    assert "set WINBACK_DATA_DIR to a folder" in trouble and "move that file" in trouble


def test_a_folder_it_may_not_create_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    trouble = paths.folder_trouble(tmp_path / "new")
    assert trouble == (
        f"winback keeps your diary in the folder {tmp_path / 'new'}, but could not create it (Permission denied). "
        "To fix it, set WINBACK_DATA_DIR to a folder you may write in and start winback again, or create that "
        "folder yourself and reload this page."
    )


def test_issuer_and_subject_that_run_together_the_same_way_are_different_people(tmp_path: Path) -> None:
    assert paths.person_folder(tmp_path, "realms/a", "bc123") != paths.person_folder(tmp_path, "realms/ab", "c123")
    assert paths.person_folder(tmp_path, 'a", "b', "c") != paths.person_folder(tmp_path, "a", 'b", "c')


def old_name(root: Path, issuer: str, subject: str) -> Path:
    return root / "users" / hashlib.sha256(f"{issuer}{subject}".encode()).hexdigest()


def test_a_folder_under_the_old_name_is_moved_to_the_new_one_once(tmp_path: Path) -> None:
    old = old_name(tmp_path, "https://issuer.example", "person-1")
    old.mkdir(parents=True)
    (old / "daily_log.csv").write_text("kept", encoding="utf-8")
    folder = paths.signed_in_folder(tmp_path, "https://issuer.example", "person-1")
    assert folder == paths.person_folder(tmp_path, "https://issuer.example", "person-1")
    assert (folder / "daily_log.csv").read_text(encoding="utf-8") == "kept"
    assert not old.exists()
    assert paths.signed_in_folder(tmp_path, "https://issuer.example", "person-1") == folder


def test_when_both_names_exist_the_new_is_used_and_the_old_left_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = old_name(tmp_path, "https://issuer.example", "person-1")
    new = paths.person_folder(tmp_path, "https://issuer.example", "person-1")
    for folder, text in ((old, "older diary"), (new, "newer diary")):
        folder.mkdir(parents=True)
        (folder / "daily_log.csv").write_text(text, encoding="utf-8")
    assert paths.signed_in_folder(tmp_path, "https://issuer.example", "person-1") == new
    assert (new / "daily_log.csv").read_text(encoding="utf-8") == "newer diary"
    assert (old / "daily_log.csv").read_text(encoding="utf-8") == "older diary"
    assert [p.name for p in new.iterdir()] == ["daily_log.csv"]
    assert any(old.name in r.getMessage() and new.name in r.getMessage() for r in caplog.records)


def test_someone_elses_old_folder_is_not_taken(tmp_path: Path) -> None:
    """Only the person's own old name moves: another person's folder under the new scheme stays theirs."""
    other = paths.person_folder(tmp_path, "https://issuer.example", "person-2")
    other.mkdir(parents=True)
    folder = paths.signed_in_folder(tmp_path, "https://issuer.example", "person-1")
    assert not folder.exists() and other.is_dir()
