"""The app lock in the app: set on Data & privacy, a lock screen for every new session and after idle time
that shows and reads nothing of the diary, wrong tries that wait, and changes that need the current passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.pages.test_people import as_person, folder_of
from tests.support.apptest import PAGE_FILES, box, open_page, texts
from tests.support.clock import NOW, moving_from
from tests.support.devserver import ROOT
from tests.support.plan_flow import catch_downloads
from winback import activities, applock, sample, settings, tracker
from winback.store import APP_LOCK_FILE, LOCK_ATTEMPTS_FILE, Store
from winback.ui import guard, lock_screen, lock_settings, state

PASSPHRASE = "blue kettle at noon"
NOTE = "Rain on the window, thought of the lake"
ACTIVITY = "Pottery with Sam"


def lock(folder: Path, idle: int = 5, passphrase: str = PASSPHRASE) -> applock.SavedLock:
    saved = applock.make(passphrase, idle)
    settings.save_app_lock(Store(folder), saved)
    return saved


def diary(folder: Path) -> None:
    """Today's entry with a note and an activity of the person's own: what the lock screen must not show."""
    store = Store(folder)
    own = activities.add_custom(store, ACTIVITY, "Social")
    today = NOW.today()
    tracker.save_entry(store, tracker.DailyEntry(today, 2, 4, "none", (own.id,), NOTE), today)


def new_session() -> AppTest:
    """A new browser session (a new tab, a reload); tests/e2e/test_app_lock.py opens one at a page's address."""
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def is_locked(app: AppTest) -> bool:
    assert not app.exception, app.exception
    return [t.value for t in app.title] == [lock_screen.LOCK_TITLE]


def type_passphrase(app: AppTest, words: str) -> AppTest:
    app.text_input(key=state.LOCK_PASSPHRASE).input(words)
    return app.button(key=state.LOCK_OPEN).click().run()


def errors(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in app.error)


@pytest.fixture
def moving() -> Iterator[Any]:
    with moving_from(NOW) as traveller:
        yield traveller


def test_a_passphrase_set_on_data_privacy_is_kept_only_as_a_hash_and_locks_every_new_session(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    assert lock_settings.CANNOT_RECOVER in texts(app)
    assert "not against someone who can read this computer's files" in texts(app)
    app.text_input(key=state.LOCK_NEW).input("short")
    app.text_input(key=state.LOCK_AGAIN).input("short")
    app.button(key=state.LOCK_TURN_ON).click().run()
    assert "at least 8 characters" in errors(app)
    app.text_input(key=state.LOCK_NEW).input(PASSPHRASE)
    app.text_input(key=state.LOCK_AGAIN).input(PASSPHRASE + "!")
    app.button(key=state.LOCK_TURN_ON).click().run()
    assert "not the same" in errors(app)
    assert settings.app_lock(Store(data_dir)) is None
    app.text_input(key=state.LOCK_NEW).input(PASSPHRASE)
    app.text_input(key=state.LOCK_AGAIN).input(PASSPHRASE)
    app.selectbox(key=state.LOCK_IDLE).set_value(60)
    app.button(key=state.LOCK_TURN_ON).click().run()
    assert not is_locked(app), "the person who set it stays in"
    assert "The lock is on" in texts(app)
    saved = settings.app_lock(Store(data_dir))
    assert saved is not None and saved.idle_minutes == 60 and applock.matches(saved, PASSPHRASE)
    assert PASSPHRASE not in (data_dir / APP_LOCK_FILE).read_text()
    assert is_locked(new_session())


def test_the_lock_screen_shows_reads_and_lists_nothing_of_the_diary(
    data_dir: Path, moving: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary(data_dir)
    lock(data_dir, idle=5)
    watching: list[bool] = [True]
    listed: list[tuple[tuple[str, ...], str]] = []
    navigation = st.navigation

    def listing(pages: list[Any], **kwargs: Any) -> Any:
        if watching[0]:
            listed.append((tuple(p.title for p in pages), kwargs.get("position", "sidebar")))
        return navigation(pages, **kwargs)

    read: list[str] = []
    reading = Store.read

    def spy(store: Store, table: Any) -> Any:
        if watching[0]:
            read.append(str(table))
        return reading(store, table)

    monkeypatch.setattr(st, "navigation", listing)
    monkeypatch.setattr(Store, "read", spy)

    def nothing_of_the_diary(app: AppTest) -> None:
        assert is_locked(app), [t.value for t in app.title]
        shown = texts(app)
        assert NOTE not in shown and ACTIVITY not in shown
        assert [s.label for s in app.selectbox] == ["Where are you?"], "no widget of any page"
        assert not app.multiselect
        assert [t.label for t in app.text_input] == ["Passphrase"]
        assert not app.text_area and not app.dataframe and not app.get("plotly_chart")
        assert len(app.sidebar.children) == 0, "nothing in the sidebar"
        assert "findahelpline.com" in shown, "the help lines"
        assert any("Quick exit" in str(h.proto.body) for h in app.get("html")), "the quick exit"
        assert read == [], "no table of the diary was read"
        assert set(listed) == {((lock_screen.LOCK_TITLE,), "hidden")}, "no page of winback's is listed"

    app = new_session()
    nothing_of_the_diary(app)
    for page in (PAGE_FILES["Daily log"], PAGE_FILES["Progress"], PAGE_FILES["Reconnect"]):
        watching[0] = False
        type_passphrase(app, PASSPHRASE)
        app.switch_page(page).run()
        assert not is_locked(app)
        if page == PAGE_FILES["Daily log"]:  # the checks look where the diary is shown once open
            assert app.text_area(key=state.NOTE).value == NOTE
            assert any(ACTIVITY in option for option in app.multiselect(key=state.ACTIVITIES).options)
        watching[0] = True
        moving.shift(timedelta(minutes=5))
        app.run()
        nothing_of_the_diary(app)


def test_wrong_tries_wait_longer_in_every_session_and_a_try_inside_the_wait_is_not_checked(
    data_dir: Path, moving: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock(data_dir)
    app = new_session()
    for _ in range(applock.FREE_TRIES):
        type_passphrase(app, "wrong guess")
        assert errors(app) == lock_screen.WRONG
    type_passphrase(app, "wrong guess")
    waiting = applock.read_attempts(Store(data_dir)).wait_until
    assert waiting > applock.now()
    assert errors(app) == f"{lock_screen.WRONG} {lock_screen.wait_words(waiting)}"
    checked: list[str] = []
    with monkeypatch.context() as patched:
        patched.setattr(applock, "matches", lambda _lock, words: checked.append(words) or True)
        type_passphrase(app, PASSPHRASE)
    assert is_locked(app)
    assert checked == [], "refused without checking the passphrase"
    assert errors(app) == lock_screen.wait_words(waiting)
    # A reload (a new session) is held to the same wait, and says when the next try is allowed.
    again = new_session()
    assert is_locked(again)
    assert [w.value for w in again.warning] == [lock_screen.wait_words(waiting)]
    moving.shift(timedelta(seconds=applock.wait_after(applock.FREE_TRIES + 1)))
    type_passphrase(again, PASSPHRASE)
    assert not is_locked(again)


def test_the_lock_screen_draws_with_a_wait_from_a_wrong_clock_or_an_edited_file_and_it_ends(
    data_dir: Path, moving: Any
) -> None:
    lock(data_dir)
    for wait_until in ("1e308", repr(applock.now() + 10 * 365 * 24 * 3600), "NaN"):
        (data_dir / LOCK_ATTEMPTS_FILE).write_text(f'{{"failures": 9, "wait_until": {wait_until}}}')
        app = new_session()
        assert is_locked(app) and guard.TITLE not in texts(app)
        waiting = applock.read_attempts(Store(data_dir)).wait_until
        assert applock.now() < waiting <= applock.now() + applock.MAX_WAIT_SECONDS
        assert [w.value for w in app.warning] == [lock_screen.wait_words(waiting)]
        moving.shift(timedelta(seconds=applock.MAX_WAIT_SECONDS))
        type_passphrase(app, PASSPHRASE)
        assert not is_locked(app), "the wait ended within the back-off's longest"


def test_a_session_left_idle_for_the_chosen_minutes_locks_and_use_keeps_it_open(data_dir: Path, moving: Any) -> None:
    lock(data_dir, idle=5)
    app = type_passphrase(new_session(), PASSPHRASE)
    assert not is_locked(app)
    for _ in range(3):  # each run the person causes is use: 4 minutes apart, it stays open
        moving.shift(timedelta(minutes=4))
        app.run()
        assert not is_locked(app)
    moving.shift(timedelta(minutes=5))
    app.run()
    assert is_locked(app)
    type_passphrase(app, PASSPHRASE)
    assert not is_locked(app)


def test_changing_or_removing_the_passphrase_needs_the_current_one(data_dir: Path) -> None:
    before = lock(data_dir, idle=15)
    app = type_passphrase(new_session(), PASSPHRASE)
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    assert "after 15 minutes without use" in texts(app)
    app.text_input(key=state.LOCK_CURRENT).input("not it at all")
    app.text_input(key=state.LOCK_NEW).input("a new passphrase")
    app.text_input(key=state.LOCK_AGAIN).input("a new passphrase")
    app.button(key=state.LOCK_SAVE).click().run()
    assert "not the current passphrase" in errors(app)
    app.text_input(key=state.LOCK_CURRENT).input("not it at all")
    app.button(key=state.LOCK_REMOVE).click().run()
    assert "not the current passphrase" in errors(app)
    app.button(key=state.LOCK_REMOVE).click().run()  # the current passphrase left empty: asked for, not a try
    assert lock_settings.CURRENT_NEEDED in errors(app)
    assert settings.app_lock(Store(data_dir)) == before, "nothing was changed"
    app.text_input(key=state.LOCK_CURRENT).input(PASSPHRASE)
    app.text_input(key=state.LOCK_NEW).input("a new passphrase")
    app.text_input(key=state.LOCK_AGAIN).input("a new passphrase")
    app.selectbox(key=state.LOCK_IDLE).set_value(5)
    app.button(key=state.LOCK_SAVE).click().run()
    assert "The passphrase is changed: winback asks for the passphrase after 5 minutes" in texts(app)
    changed = settings.app_lock(Store(data_dir))
    assert changed is not None and changed.idle_minutes == 5
    assert applock.matches(changed, "a new passphrase") and not applock.matches(changed, PASSPHRASE)
    assert not is_locked(app)
    app.button(key=state.LOCK_NOW).click().run()
    assert is_locked(app), "Lock now locks this window"
    type_passphrase(app, "a new passphrase")
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    app.text_input(key=state.LOCK_CURRENT).input("a new passphrase")
    app.button(key=state.LOCK_REMOVE).click().run()
    assert "The lock is off" in texts(app)
    assert settings.app_lock(Store(data_dir)) is None
    assert not is_locked(new_session())


def test_with_sign_in_each_person_has_their_own_lock(data_dir: Path) -> None:
    as_person("alice")  # makes her folder
    lock(folder_of(data_dir, "alice"))
    assert is_locked(as_person("alice"))
    bob = as_person("bob")
    assert not is_locked(bob), "bob set no lock"
    lock(folder_of(data_dir, "bob"), passphrase="bob's own words")
    alice = as_person("alice")
    type_passphrase(alice, "bob's own words")
    assert is_locked(alice), "another person's passphrase does not open hers"
    type_passphrase(alice, PASSPHRASE)
    assert not is_locked(alice)


def test_sample_mode_keeps_the_lock_of_the_own_folder(data_dir: Path) -> None:
    lock(data_dir)
    sample.switch(data_dir, True)
    app = type_passphrase(new_session(), PASSPHRASE)
    assert not is_locked(app)
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    assert "The lock is on" in texts(app)
    box(app, state.LOCK_SETTINGS)
    assert is_locked(new_session())


def closed_for_good(closed: AppTest) -> None:
    """The lock screen of a lock file that cannot be read: nothing of the diary, no passphrase asked for."""
    assert is_locked(closed)
    shown = texts(closed)
    assert NOTE not in shown and ACTIVITY not in shown and not closed.text_area and not closed.dataframe
    assert "no passphrase can open it" in errors(closed) and f"Removing the file {APP_LOCK_FILE}" in errors(closed)
    assert [t.label for t in closed.text_input] == [], "no passphrase is asked for"
    assert "findahelpline.com" in shown, "the help lines are still there"


def test_a_damaged_settings_json_or_lock_file_never_opens_the_app(data_dir: Path) -> None:
    diary(data_dir)
    saved = lock(data_dir)
    settings.save_country(Store(data_dir), "uk")
    settings_path = data_dir / "settings.json"
    settings_path.write_text(settings_path.read_text() + ",garbage")
    app = new_session()
    assert is_locked(app), "a damaged settings.json does not open the app"
    app = type_passphrase(app, PASSPHRASE)
    assert not is_locked(app)
    app.switch_page(PAGE_FILES["Data & privacy"]).run()  # a settings save rewrites settings.json
    settings.save_exit_intro_seen(Store(data_dir))
    assert settings.app_lock(Store(data_dir)) == saved
    assert is_locked(new_session()), "the lock outlasts any settings save"

    lock_file = data_dir / APP_LOCK_FILE
    lock_file.write_bytes(lock_file.read_bytes() + b",garbage")
    closed_for_good(new_session())
    lock_file.unlink()
    lock_file.mkdir()
    closed_for_good(new_session())
    lock_file.rmdir()
    assert not is_locked(new_session()), "removing app_lock.json removes the lock, as the screen says"


def test_importing_an_older_export_keeps_the_lock_of_this_folder(data_dir: Path) -> None:
    import io
    import json
    import zipfile

    from winback import dataio

    store = Store(data_dir)
    diary(data_dir)
    settings.save_country(store, "uk")
    older = applock.make("an older passphrase", 60)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(dataio.export_zip(store))) as exported, zipfile.ZipFile(buffer, "w") as archive:
        for name in exported.namelist():
            if name != "settings.json":
                archive.writestr(name, exported.read(name))
        archive.writestr("settings.json", json.dumps({"country": "ie", "app_lock": msgspec.to_builtins(older)}))
    current = lock(data_dir)
    for expected in (current, None):
        app = type_passphrase(new_session(), PASSPHRASE) if expected else new_session()
        app.switch_page(PAGE_FILES["Data & privacy"]).run()
        app.file_uploader(key="import_upload_winback").upload("winback.zip", buffer.getvalue(), "application/zip").run()
        assert not app.exception, app.exception
        assert "app_lock" not in texts(app), texts(app)
        assert [b for b in app.button if b.key == "import_apply"], texts(app)
        app.button(key="import_apply").click().run()
        assert "Imported" in texts(app)
        assert settings.load(store)[0].country == "ie", "the export's settings were imported"
        assert settings.app_lock(store) == expected, "the lock is this folder's own, never the export's"
        assert "app_lock" not in (data_dir / "settings.json").read_text()
        settings.save_app_lock(store, None)


def test_an_export_made_before_the_idle_time_is_refused_after_it(
    data_dir: Path, moving: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary(data_dir)
    lock(data_dir, idle=5)
    downloads = catch_downloads(monkeypatch)
    app = type_passphrase(new_session(), PASSPHRASE)
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    plain_ones = [d for d in downloads if d.mime in ("application/zip", "text/csv")]
    assert {d.mime for d in plain_ones} == {"application/zip", "text/csv"}
    app.toggle(key=state.EXPORT_PROTECT).set_value(True).run()
    app.text_input(key=state.EXPORT_PASSWORD).input("a long password")
    app.text_input(key=state.EXPORT_PASSWORD_AGAIN).input("a long password")
    app.button(key=state.EXPORT_PASSWORD_USE).click().run()
    exports = [*plain_ones, [d for d in downloads if d.mime == "application/zip"][-1]]
    for download in exports:
        assert download.make(), "built while the window is open"
    moving.shift(timedelta(minutes=5))
    for download in exports:
        with pytest.raises(lock_screen.LockedError):
            download.make()
    app.run()
    assert is_locked(app), "the next run locks the window"
