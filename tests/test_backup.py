"""Backups protected by a password (winback.backup): AES-256 zips that round-trip byte for byte with the password,
whose members nothing reads without it, and which are unpacked within the same limits as any upload."""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib
from pathlib import Path

import pytest
import pyzipper

from tests.imports.helpers import HEADER, TODAY, backups, files
from winback import backup, dataio, sample
from winback.imports import unzip, winback_zip
from winback.imports.plan import EXPORT_FILES, apply_plan
from winback.imports.unzip import DAMAGED, unpack
from winback.imports.winback_zip import read_export_zip
from winback.schema import DAILY_LOG, SAFETY_PLAN_FILE, SETTINGS_FILE
from winback.store import Store

# Bytes and passwords, no date or clock (every day is the fixed TODAY): run once, not again in each time zone.
pytestmark = pytest.mark.timeless

PASSWORD = "correct horse battery"
NOTE = "Told Sam about the lake house at last"


def diary(folder: Path) -> Store:
    """A few months of sample data, and one day whose note the tests look for."""
    store = Store(folder)
    sample.write_sample(store, days=90, today=TODAY)
    row = {"date": TODAY, "mood": 4, "missing_ex": 2, "contact": "none", "activities": (), "note": NOTE}
    store.upsert(DAILY_LOG, [row])
    return store


def readable_without_password(data: bytes) -> bytes:
    """Everything anyone gets from the zip without a password: its bytes, and each member's packed bytes
    inflated as far as they inflate."""
    found = [data]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            packed = unzip._packed(data, info)
            assert packed is not None
            with contextlib.suppress(zlib.error):
                found.append(zlib.decompressobj(-zlib.MAX_WBITS).decompress(bytes(packed)))
    return b"".join(found)


def test_an_export_with_a_password_restores_every_file_byte_for_byte(tmp_path: Path) -> None:
    store = diary(tmp_path)
    before = files(tmp_path)
    data = dataio.export_zip(store, PASSWORD)
    dataio.delete_everything(store)
    plan = read_export_zip(data, store, TODAY, PASSWORD)
    assert plan.can_apply, plan.problems
    apply_plan(store, plan)
    assert files(tmp_path) == before
    assert backups(tmp_path) == []


def test_pyzipper_reads_the_export_back_with_the_password(tmp_path: Path) -> None:
    store = diary(tmp_path)
    with pyzipper.AESZipFile(io.BytesIO(dataio.export_zip(store, PASSWORD))) as archive:
        archive.setpassword(PASSWORD.encode())
        assert {name: archive.read(name) for name in archive.namelist()} == files(tmp_path)
        assert all(info.wz_aes_strength == 3 for info in archive.infolist()), "AES-256"


def test_no_member_can_be_read_without_the_password(tmp_path: Path) -> None:
    store = diary(tmp_path)
    data = dataio.export_zip(store, PASSWORD)
    assert NOTE.encode() in readable_without_password(dataio.export_zip(store)), "a plain export shows it"
    assert NOTE.encode() not in readable_without_password(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(files(tmp_path)), "names are not hidden, contents are"
        for name in archive.namelist():
            with pytest.raises(RuntimeError, match="password required"):
                archive.read(name)
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        with pytest.raises(RuntimeError, match="requires a password"):
            archive.read("daily_log.csv")
        with pytest.raises(RuntimeError, match="Bad password"):
            archive.read("daily_log.csv", pwd=b"not the password")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (None, winback_zip.NEEDS_PASSWORD),
        ("", winback_zip.NEEDS_PASSWORD),
        ("Correct horse battery", winback_zip.WRONG_PASSWORD),
    ],
    ids=["missing", "empty", "wrong-case"],
)
def test_without_the_right_password_the_plan_is_refused_with_one_clear_problem(
    tmp_path: Path, password: str | None, message: str
) -> None:
    store = diary(tmp_path)
    data = dataio.export_zip(store, PASSWORD)
    plan = read_export_zip(data, store, TODAY, password)
    assert not plan.can_apply
    assert [p.message for p in plan.problems] == [message]
    assert winback_zip.protected(data) and not winback_zip.protected(dataio.export_zip(store))
    assert winback_zip.password_opens_export(data, PASSWORD)
    assert not winback_zip.password_opens_export(data, "Correct horse battery")


def test_a_changed_byte_is_found_by_the_hmac_and_nothing_is_unpacked(tmp_path: Path) -> None:
    data = bytearray(dataio.export_zip(diary(tmp_path), PASSWORD))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("daily_log.csv")
    member = backup.aes_member(info)
    start = unzip._data_start(bytes(data), info)
    assert member is not None and start is not None
    data[start + member.header_bytes + 5] ^= 0x01
    assert unpack(bytes(data), info, PASSWORD) == backup.NOT_AUTHENTIC
    plan = read_export_zip(bytes(data), None, TODAY, PASSWORD)
    assert [p.message for p in plan.problems] == [backup.NOT_AUTHENTIC]


def test_an_encrypted_bomb_is_refused_from_its_declared_sizes_before_anything_is_decrypted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bomb = HEADER + b"2026-01-01,3,4,none,,the same day again\n" * 150_000  # 6 MB that packs over 100 times
    data = backup.aes_zip({"daily_log.csv": bomb}, PASSWORD)

    def never(*args: object) -> bytes:
        raise AssertionError("decrypted before its sizes were checked")

    monkeypatch.setattr(backup, "decrypt", never)
    plan = read_export_zip(data, None, TODAY, PASSWORD)
    assert not plan.can_apply
    assert "more than 100 times its packed size" in plan.problems[0].message


def test_an_encrypted_member_that_holds_more_than_it_declares_is_stopped_at_its_declared_size() -> None:
    content = HEADER + b"2026-01-01,3,4,none,,the same day again\n" * 10_000
    data = backup.aes_zip({"daily_log.csv": content}, PASSWORD)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("daily_log.csv")
    assert unpack(data, info, PASSWORD) == content
    info.file_size = 1_000  # what a lying zip would declare
    assert unpack(data, info, PASSWORD) == DAMAGED


def test_a_member_with_the_older_zipcrypto_password_is_refused_saying_so() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("daily_log.csv", HEADER)
    # zipfile writes no password of that kind: set its flag in both headers, as a ZipCrypto zip has it.
    data = bytearray(buffer.getvalue())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(signature) + flags_at] |= 0x1
    plan = read_export_zip(bytes(data), None, TODAY)
    assert any("ZipCrypto" in p.message for p in plan.problems)


@pytest.mark.parametrize(
    ("typed", "again", "problem"),
    [
        ("", "", "at least 8 characters"),
        ("seven77", "seven77", "this one has 7"),
        ("eight888", "eight889", "not the same"),
        ("x" * 129, "x" * 129, "at most 128"),
        ("eight888", "eight888", None),
        ("  spaced out  ", "  spaced out  ", None),
    ],
)
def test_a_password_is_typed_twice_and_has_at_least_eight_characters(
    typed: str, again: str, problem: str | None
) -> None:
    found = backup.password_problem(typed, again)
    assert found is None if problem is None else found is not None and problem in found


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\t", "\n", "\x7f", "\x85", "\x9b"])
def test_a_password_with_a_control_character_is_refused_saying_why(tmp_path: Path, control: str) -> None:
    typed = f"long{control}enough"
    assert backup.password_problem(typed, typed) == backup.CONTROL_CHARACTER
    with pytest.raises(ValueError, match="control"):
        dataio.export_zip(diary(tmp_path), typed)


def test_a_password_typed_in_two_unicode_forms_is_one_password_on_export_and_on_import(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9 au lait", "cafe\u0301 au lait"
    assert composed != decomposed
    assert backup.password_problem(composed, decomposed) is None, "the two fields match once normalised"
    store = diary(tmp_path)
    before = files(tmp_path)
    data = dataio.export_zip(store, decomposed)
    dataio.delete_everything(store)
    plan = read_export_zip(data, store, TODAY, composed)
    assert plan.can_apply, plan.problems
    apply_plan(store, plan)
    assert files(tmp_path) == before
    # What 7-Zip or WinZip are given: the NFC bytes, whichever way it was typed in winback.
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        archive.setpassword(composed.encode())
        assert archive.read(DAILY_LOG.filename) == before[DAILY_LOG.filename]


def test_a_plain_zip_has_no_aes_members_and_a_too_short_password_is_never_used(tmp_path: Path) -> None:
    store = diary(tmp_path)
    with zipfile.ZipFile(io.BytesIO(dataio.export_zip(store))) as archive:
        assert [backup.aes_member(info) for info in archive.infolist()] == [None] * len(archive.infolist())
    with pytest.raises(ValueError, match="8 to 128"):
        dataio.export_zip(store, "short")
    assert set(files(tmp_path)) <= set(EXPORT_FILES)


def test_a_kept_safety_plan_is_encrypted_in_the_export_like_every_other_file(tmp_path: Path) -> None:
    store = diary(tmp_path)
    plan = b"Call Alex, code word: lemon tart"
    (tmp_path / SAFETY_PLAN_FILE).write_bytes(plan)
    data = dataio.export_zip(store, PASSWORD)
    assert plan not in readable_without_password(data)
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        assert archive.read(SAFETY_PLAN_FILE, pwd=PASSWORD.encode()) == plan
    assert read_export_zip(data, store, TODAY, PASSWORD).can_apply, "the plan is not imported, and no problem"


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, lock files and backups included, as bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def with_plain(encrypted: dict[str, bytes], plain: dict[str, bytes]) -> bytes:
    """A zip with ``encrypted`` members in AES under PASSWORD and ``plain`` ones added after them, unprotected."""
    buffer = io.BytesIO(backup.aes_zip(encrypted, PASSWORD) if encrypted else b"")
    with zipfile.ZipFile(buffer, "a" if encrypted else "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in plain.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def only_settings_encrypted(tables: dict[str, bytes], settings_json: bytes) -> bytes:
    """Every table plain, and only settings.json encrypted with the password."""
    buffer = io.BytesIO(with_plain({}, tables))
    with pyzipper.AESZipFile(
        buffer, "a", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES, encryption_kwargs={"nbits": 256}
    ) as archive:
        archive.setpassword(PASSWORD.encode())
        archive.writestr(SETTINGS_FILE, settings_json)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["plain-daily-log", "only-settings-encrypted", "plain-safety-plan"])
def test_a_zip_whose_files_are_not_all_protected_by_its_password_is_refused_and_nothing_changes(
    tmp_path: Path, kind: str
) -> None:
    store = diary(tmp_path)
    exported = files(tmp_path)
    forged = {**exported, DAILY_LOG.filename: exported[DAILY_LOG.filename].replace(NOTE.encode(), b"Forged")}
    if kind == "plain-daily-log":
        rest = {name: content for name, content in exported.items() if name != DAILY_LOG.filename}
        data = with_plain(rest, {DAILY_LOG.filename: forged[DAILY_LOG.filename]})
    elif kind == "only-settings-encrypted":
        tables = {name: content for name, content in forged.items() if name != SETTINGS_FILE}
        data = only_settings_encrypted(tables, exported[SETTINGS_FILE])
    else:
        data = with_plain(exported, {SAFETY_PLAN_FILE: b"Call no one"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        kinds = {backup.aes_member(info) is None for info in archive.infolist()}
    assert kinds == {True, False}, "some members encrypted, some plain"
    before = folder_bytes(tmp_path)
    assert winback_zip.protected(data) and winback_zip.password_opens_export(data, PASSWORD)
    for password in (PASSWORD, None):
        plan = read_export_zip(data, store, TODAY, password)
        assert not plan.can_apply
        assert [p.message for p in plan.problems] == [winback_zip.NOT_ALL_PROTECTED]
        with pytest.raises(ValueError):
            apply_plan(store, plan)
    assert folder_bytes(tmp_path) == before
