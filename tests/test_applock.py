"""The app lock's logic: the passphrase's hash, checking it, the idle time and the back-off on wrong tries."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from tests.support.clock import NOW, moving_from
from winback import applock, dataio, settings
from winback.store import APP_LOCK_FILE, LOCK_ATTEMPTS_FILE, Store

PASSPHRASE = "blue kettle at noon"


@pytest.fixture(scope="module")
def lock() -> applock.SavedLock:
    return applock.make(PASSPHRASE, 5)


@pytest.mark.timeless
def test_the_hash_matches_only_its_passphrase_and_each_lock_has_its_own_salt(lock: applock.SavedLock) -> None:
    assert applock.matches(lock, PASSPHRASE)
    assert not applock.matches(lock, PASSPHRASE.upper())
    assert not applock.matches(lock, PASSPHRASE + " ")
    assert not applock.matches(lock, "")
    again = applock.make(PASSPHRASE)
    assert again.salt != lock.salt and again.hash != lock.hash
    assert (lock.n, lock.r, lock.p) == (2**14, 8, 1)


@pytest.mark.timeless
def test_the_same_passphrase_typed_with_combining_accents_matches() -> None:
    composed = applock.make("café au lait")
    assert applock.matches(composed, "cafe\u0301 au lait")


@pytest.mark.timeless
def test_app_lock_json_holds_the_salted_hash_and_its_parameters_never_the_passphrase(
    tmp_path: Path, lock: applock.SavedLock
) -> None:
    store = Store(tmp_path)
    settings.save_app_lock(store, lock)
    text = (tmp_path / APP_LOCK_FILE).read_text()
    assert PASSPHRASE not in text and PASSPHRASE.encode().hex() not in text
    assert set(json.loads(text)) == {"salt", "hash", "n", "r", "p", "idle_minutes"}
    assert not (tmp_path / "settings.json").exists(), "the lock is not a setting"
    assert settings.app_lock(store) == lock
    settings.save_app_lock(store, None)
    assert settings.app_lock(store) is None
    assert not (tmp_path / APP_LOCK_FILE).exists()


BAD_LOCKS = [
    {"salt": "00", "hash": "11"},
    {"salt": "ab" * 16, "hash": "cd" * 32, "n": 3 * 2**13},  # not a power of two
    {"salt": "ab" * 16, "hash": "cd" * 32, "n": 2**30},  # would take gigabytes to check
    {"salt": "ab" * 16, "hash": "cd" * 32, "idle_minutes": 7},
    "a passphrase",
]


def _closed(found: applock.Lock) -> str:
    assert isinstance(found, applock.LockTrouble), found
    assert "no passphrase can open it" in found.words
    assert f"Removing the file {APP_LOCK_FILE}" in found.words
    return found.words


@pytest.mark.timeless
@pytest.mark.parametrize("bad", BAD_LOCKS)
def test_a_lock_file_winback_cannot_read_keeps_winback_closed_without_quoting_it(tmp_path: Path, bad: object) -> None:
    (tmp_path / APP_LOCK_FILE).write_text(json.dumps(bad))
    words = _closed(settings.app_lock(Store(tmp_path)))
    assert "damaged" in words and "cdcd" not in words


@pytest.mark.timeless
def test_a_lock_file_that_is_garbage_a_folder_or_too_large_keeps_winback_closed(
    tmp_path: Path, lock: applock.SavedLock
) -> None:
    store = Store(tmp_path)
    settings.save_app_lock(store, lock)
    path = tmp_path / APP_LOCK_FILE
    path.write_bytes(path.read_bytes() + b",garbage")
    assert "damaged" in _closed(settings.app_lock(store))
    path.write_bytes(b" " * (applock.LOCK_FILE_MAX_BYTES + 1))
    assert "far larger" in _closed(settings.app_lock(store))
    path.unlink()
    path.mkdir()
    assert "a folder" in _closed(settings.app_lock(store))


@pytest.mark.timeless
def test_a_damaged_settings_json_and_any_settings_save_keep_the_lock(tmp_path: Path, lock: applock.SavedLock) -> None:
    store = Store(tmp_path)
    settings.save_app_lock(store, lock)
    settings.save_country(store, "uk")
    settings_path = tmp_path / "settings.json"
    settings_path.write_text(settings_path.read_text() + ",garbage")
    assert settings.app_lock(store) == lock
    settings.save_exit_intro_seen(store)  # rewrites settings.json, setting the damaged one aside
    assert settings.app_lock(store) == lock
    settings_path.unlink()
    settings_path.mkdir()
    assert settings.app_lock(store) == lock


@pytest.mark.timeless
def test_an_older_settings_json_lock_moves_to_its_own_file_once(tmp_path: Path, lock: applock.SavedLock) -> None:
    store = Store(tmp_path)
    settings_path = tmp_path / "settings.json"
    settings_path.write_text(json.dumps({"country": "uk", "app_lock": msgspec.to_builtins(lock)}))
    assert settings.app_lock(store) == lock
    assert json.loads(settings_path.read_text()) == {"country": "uk"}
    assert settings.app_lock(store) == lock
    settings.save_app_lock(store, None)
    assert settings.app_lock(store) is None


@pytest.mark.timeless
@pytest.mark.parametrize("bad", BAD_LOCKS)
def test_an_older_settings_json_lock_winback_cannot_read_keeps_it_closed(tmp_path: Path, bad: object) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"app_lock": bad}))
    _closed(settings.app_lock(Store(tmp_path)))
    (tmp_path / "settings.json").write_text(json.dumps({"app_lock": None}))
    (tmp_path / APP_LOCK_FILE).unlink()
    assert settings.app_lock(Store(tmp_path)) is None


@pytest.mark.timeless
def test_the_export_leaves_the_lock_out_and_delete_everything_removes_it(
    tmp_path: Path, lock: applock.SavedLock
) -> None:
    store = Store(tmp_path)
    settings.save_app_lock(store, lock)
    settings.save_country(store, "uk")
    assert set(dataio.export_files(store)) == {"settings.json"}
    assert b"app_lock" not in dataio.export_files(store)["settings.json"]
    (tmp_path / "settings.json").write_text(json.dumps({"country": "uk", "app_lock": msgspec.to_builtins(lock)}))
    assert json.loads(dataio.export_files(store)["settings.json"]) == {"country": "uk"}
    assert tmp_path / APP_LOCK_FILE in store.files()
    dataio.delete_everything(store)
    assert not (tmp_path / APP_LOCK_FILE).exists()
    assert settings.app_lock(store) is None


@pytest.mark.timeless
def test_a_new_passphrase_needs_eight_characters_typed_the_same_twice() -> None:
    assert applock.passphrase_problem("short", "short") is not None
    assert applock.passphrase_problem("long enough", "long enougH") is not None
    assert applock.passphrase_problem("long enough", "long enough") is None


@pytest.mark.timeless
def test_the_back_off_makes_a_thousand_wrong_tries_take_hours() -> None:
    schedule = [applock.wait_after(failures) for failures in range(1, 1001)]
    assert schedule[: applock.FREE_TRIES] == [0.0] * applock.FREE_TRIES, "a typo or two costs nothing"
    assert schedule == sorted(schedule), "each wrong try waits at least as long as the one before"
    assert max(schedule) == applock.MAX_WAIT_SECONDS
    hours = sum(schedule) / 3600
    assert hours > 24, f"a thousand tries take only {hours:.1f} hours"


def test_idle_time_is_measured_on_the_clock() -> None:
    assert not applock.idle_for_too_long(1000.0, 1000.0 + 5 * 60 - 1, 5)
    assert applock.idle_for_too_long(1000.0, 1000.0 + 5 * 60, 5)


def test_a_try_inside_the_wait_is_refused_unchecked_and_the_wait_holds_for_every_reader(
    tmp_path: Path, lock: applock.SavedLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    with moving_from(NOW) as clock:
        for _ in range(applock.FREE_TRIES):
            assert applock.attempt(store, lock, "wrong guess").outcome == "wrong"
        assert applock.read_attempts(store).wait_until <= applock.now(), "no wait yet"
        tried = applock.attempt(store, lock, "wrong guess")
        assert tried.outcome == "wrong" and tried.wait_until > applock.now()
        checked: list[str] = []
        with monkeypatch.context() as patched:
            patched.setattr(applock, "matches", lambda _lock, words: checked.append(words) or True)
            # Another session (a new Store on the same folder) is held to the same wait, even with the right one.
            refused = applock.attempt(Store(tmp_path), lock, PASSPHRASE)
        assert refused == applock.Tried("wait", tried.wait_until)
        assert checked == [], "a try inside the wait is not checked"
        clock.shift(timedelta(seconds=applock.wait_after(applock.FREE_TRIES + 1)))
        assert applock.attempt(store, lock, PASSPHRASE).outcome == "open"
        assert applock.read_attempts(store) == applock.Attempts(), "a right try clears the count"


def test_a_try_is_counted_as_wrong_before_it_is_checked(tmp_path: Path, lock: applock.SavedLock) -> None:
    store = Store(tmp_path)

    def crash(_lock: applock.SavedLock, _words: str) -> bool:
        assert applock.read_attempts(store).failures == 1, "recorded before the check"
        raise KeyboardInterrupt

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(applock, "matches", crash)
        with pytest.raises(KeyboardInterrupt):
            applock.attempt(store, lock, "anything")
    assert applock.read_attempts(store).failures == 1


def test_a_spoilt_count_of_tries_still_makes_the_next_wrong_one_wait(tmp_path: Path, lock: applock.SavedLock) -> None:
    (tmp_path / LOCK_ATTEMPTS_FILE).write_text("{not json")
    with moving_from(NOW):
        tried = applock.attempt(Store(tmp_path), lock, "wrong guess")
        assert tried.outcome == "wrong" and tried.wait_until > applock.now()


def test_the_count_of_tries_is_one_of_the_folders_files_and_deleting_everything_removes_it(
    tmp_path: Path, lock: applock.SavedLock
) -> None:
    store = Store(tmp_path)
    applock.attempt(store, lock, "wrong guess")
    assert tmp_path / LOCK_ATTEMPTS_FILE in store.files()
    dataio.delete_everything(store)
    assert not (tmp_path / LOCK_ATTEMPTS_FILE).exists()


TEN_YEARS = 10 * 365 * 24 * 3600


@pytest.mark.parametrize(
    "wait_until",
    ["far-future", "1e308", "1e400", "NaN", "Infinity", "-Infinity", "-1", "-1e308", "1" + "0" * 400],
    ids=["far-future", "1e308", "1e400", "NaN", "Infinity", "-Infinity", "-1", "-1e308", "a-400-digit-integer"],
)
def test_a_wait_read_from_the_file_is_never_longer_than_the_back_offs_longest_and_then_ends(
    tmp_path: Path, lock: applock.SavedLock, wait_until: str
) -> None:
    with moving_from(NOW) as clock:
        if wait_until == "far-future":  # a clock once set wrong, or an edited file
            wait_until = repr(applock.now() + TEN_YEARS)
        (tmp_path / LOCK_ATTEMPTS_FILE).write_text(f'{{"failures": 5, "wait_until": {wait_until}}}')
        store = Store(tmp_path)
        read = applock.read_attempts(store)
        assert read.failures == 5, "the count is kept"
        assert applock.now() < read.wait_until <= applock.now() + applock.MAX_WAIT_SECONDS
        assert applock.read_attempts(store) == read, "the same wait at the next read, not one that moves on"
        tried = applock.attempt(store, lock, PASSPHRASE)
        assert tried == applock.Tried("wait", read.wait_until)
        clock.shift(timedelta(seconds=applock.MAX_WAIT_SECONDS))
        assert applock.attempt(store, lock, PASSPHRASE).outcome == "open"


@pytest.mark.parametrize("failures", ["-1", "1e3", "true", '"5"', "10000000000"])
def test_a_count_of_tries_winback_cannot_use_still_makes_the_next_wrong_one_wait(
    tmp_path: Path, lock: applock.SavedLock, failures: str
) -> None:
    (tmp_path / LOCK_ATTEMPTS_FILE).write_text(f'{{"failures": {failures}, "wait_until": 0}}')
    with moving_from(NOW):
        tried = applock.attempt(Store(tmp_path), lock, "wrong guess")
        assert tried.outcome == "wrong" and tried.wait_until > applock.now()


@pytest.mark.timeless
def test_a_damaged_older_settings_json_that_holds_a_lock_keeps_winback_closed(
    tmp_path: Path, lock: applock.SavedLock
) -> None:
    store = Store(tmp_path)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"country": "uk", "app_lock": msgspec.to_builtins(lock)}, indent=2) + ",garbage")
    found = settings.app_lock(store)
    assert isinstance(found, applock.LockTrouble) and found.file == "settings.json"
    assert "no passphrase can open it" in found.words
    path.write_text(json.dumps({"country": "uk", "app_lock": None}, indent=2) + ",garbage")
    assert settings.app_lock(store) is None, "an older winback's removed lock is no lock"
