"""The app lock on screen: the gate the router passes before anything of the diary is read, the lock screen
(the help lines and the quick exit, nothing else), and the timer that locks an unattended window.

A session is open when it was opened with the passphrase for this person's folder (``state.UNLOCKED_FOR``) and
the person caused a run less than the chosen idle minutes ago (``state.LAST_ACTIVITY``, ``applock.now()``). A
new browser session (a new tab, a reload) starts locked. Every full run the person causes goes through the
router and counts as activity; the idle timer's own runs (a fragment, which does not run the router) never do:
once the idle time has passed they start a full run, which then finds the session idle and locks it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from winback import applock, paths, quick_exit, settings, sitemap
from winback.store import StorageError, Store
from winback.ui import frame, session, state
from winback.ui.widgets import move_focus, resources_panel, save_error
from winback.words import count_phrase, moment_words

# How often an open window asks whether it has been idle for too long (a fragment's run, not activity).
IDLE_CHECK_SECONDS = 5
# The lock screen's heading and page names: nothing that says whose or what (the tab says winback, or Notes
# with the disguise on: frame.page_config).
LOCK_TITLE = "Locked"
LOCK_WORDS = "Type your passphrase to open your diary."
WRONG = "That is not the passphrase."
CANNOT_RECORD = "winback could not record this try, so it did not check it."


def wait_words(wait_until: float) -> str:
    """When the next try is allowed, in words: the moment, and how long until then."""
    seconds = max(0.0, wait_until - applock.now())
    minutes = int(seconds // 60) + 1 if seconds > 60 else 0
    left = count_phrase(minutes, "minute") if minutes else count_phrase(max(1, round(seconds)), "second")
    return (
        f"Too many wrong tries: the next try is allowed at {moment_words(datetime.fromtimestamp(wait_until))} "
        f"(in about {left}). A try before then is not checked."
    )


def own_store() -> Store | None:
    """The store of the person's own folder, where their lock is kept (also while sample data is shown)."""
    person = session.person_folder()
    return None if person is None else Store(person)


def gate(person: Path) -> bool:
    """True when this run may draw the app; otherwise the lock screen was drawn instead and the router stops.
    Called before anything of the diary is read: only the lock (app_lock.json) and the count of wrong tries."""
    if paths.folder_trouble(person) is not None:
        return True  # nothing of the diary can be read; the router shows why, and Help & safety
    lock = settings.app_lock(Store(person))
    if lock is None:
        return True
    at = applock.now()
    if is_open(person, lock, at):
        st.session_state[state.LAST_ACTIVITY] = at
        return True
    st.session_state.pop(state.UNLOCKED_FOR, None)
    lock_screen(Store(person), lock)
    return False


def is_open(person: Path, lock: applock.SavedLock | applock.LockTrouble, at: float) -> bool:
    return _open_at(
        lock, st.session_state.get(state.UNLOCKED_FOR) == str(person), st.session_state.get(state.LAST_ACTIVITY), at
    )


def _open_at(lock: applock.SavedLock | applock.LockTrouble, opened: bool, last: object, at: float) -> bool:
    """A lock file that cannot be read is never open."""
    return (
        isinstance(lock, applock.SavedLock)
        and opened
        and isinstance(last, float)
        and not applock.idle_for_too_long(last, at, lock.idle_minutes)
    )


class LockedError(Exception):
    """A download asked for after its window locked (or idled too long): no file is served."""


LOCKED_DOWNLOAD = "winback is locked: open it with your passphrase, then download again."


def guarded(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """``make`` for a download built when clicked (it runs later, in another thread, without the session): it
    refuses with LockedError when, at that moment, the person's folder has a lock and this session, as it was
    when the button was drawn, is not open any more (idle too long, or the lock was set since)."""
    person = session.person_folder()
    opened = person is not None and st.session_state.get(state.UNLOCKED_FOR) == str(person)
    last = st.session_state.get(state.LAST_ACTIVITY)

    def build() -> bytes:
        if person is None:
            raise LockedError(LOCKED_DOWNLOAD)
        lock = settings.app_lock(Store(person))
        if lock is not None and not _open_at(lock, opened, last, applock.now()):
            raise LockedError(LOCKED_DOWNLOAD)
        return make()

    return build


def open_for(person: Path) -> None:
    st.session_state[state.UNLOCKED_FOR] = str(person)
    st.session_state[state.LAST_ACTIVITY] = applock.now()


def lock_now() -> None:
    st.session_state.pop(state.UNLOCKED_FOR, None)


def lock_screen(store: Store, lock: applock.SavedLock | applock.LockTrouble) -> None:
    """Instead of the app: one hidden page (so the navigation lists none of winback's), the passphrase, the
    help lines for a country picked here (the person's own choice is part of their settings) and the quick exit."""
    st.navigation(_lock_pages(), position="hidden")
    # First, so that its script (and Shift pressed three times) is ready as early as the screen can be seen.
    with st.container(key=state.QUICK_EXIT_ANCHOR):
        frame.quick_exit(to=_exit_address(store))
        # The status line a screen reader hears when a page opens says "Locked" now, not the page that was open.
        frame.page_opened(LOCK_TITLE, words=LOCK_TITLE)
    st.title(LOCK_TITLE, anchor=False)
    with st.container(key=state.LOCK_SCREEN):
        if isinstance(lock, applock.LockTrouble):
            st.error(lock.words, icon=":material/lock:")
            st.code(str(store.folder / lock.file), language=None)
        else:
            _passphrase_form(store, lock)
        # When the screen locks (or opens locked), focus goes to it: the next Tab is the passphrase. Not into the
        # field itself: an idle lock can come while the person is typing a note, and their next keys, Enter too,
        # must not become a try at the passphrase. Drawn the same on every run of the screen, so it moves focus
        # only when the screen appears.
        move_focus(state.LOCK_SCREEN, "locked")
    resources_panel(state.LOCK_COUNTRY, heading="If you need help now", kept="session")


def _passphrase_form(store: Store, lock: applock.SavedLock) -> None:
    with st.form(state.LOCK_FORM, clear_on_submit=True, enter_to_submit=True):
        passphrase = st.text_input("Passphrase", type="password", key=state.LOCK_PASSPHRASE)
        st.caption(LOCK_WORDS)
        submitted = st.form_submit_button("Open", type="primary", key=state.LOCK_OPEN)
    if submitted:
        _try(store, lock, passphrase)
    elif (waiting := applock.read_attempts(store).wait_until) > applock.now():
        st.warning(wait_words(waiting), icon=":material/hourglass_top:")


def _exit_address(store: Store) -> str:
    """The person's own quick-exit address, read from settings.json (else the usual one)."""
    try:
        chosen = settings.quick_exit_url(store)
    except StorageError:
        chosen = None
    return quick_exit.destination(chosen)


def _lock_page() -> None:
    """The lock screen's page: the router draws the screen itself."""


def _lock_pages() -> list[StreamlitPage]:
    """The lock screen as the page at the address the window shows, so Streamlit finds the page asked for (no
    "page not found") and the same page opens once unlocked. Streamlit tells pages apart by their address
    only, so these stand for winback's pages without naming any: each is titled LOCK_TITLE."""
    default = next(spec for spec in sitemap.PAGES if spec.default)
    pages = [st.Page(_lock_page, title=LOCK_TITLE, url_path=_page_name(default), default=True)]
    asked = _asked_path()
    if any(spec.url_path == asked for spec in sitemap.PAGES if not spec.default):
        pages.append(st.Page(_lock_page, title=LOCK_TITLE, url_path=asked))
    return pages


def _page_name(spec: sitemap.PageSpec) -> str:
    """The address Streamlit gives a page file: its name without ``.py``, also for the default page."""
    return Path(spec.file).stem


def _asked_path() -> str:
    """The last part of the address the browser shows ("" at the app's root or when it is not known)."""
    url = st.context.url
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if isinstance(url, str) else ""


def _try(store: Store, lock: applock.SavedLock, passphrase: str) -> None:
    try:
        tried = applock.attempt(store, lock, passphrase)
    except StorageError as error:
        save_error(StorageError(f"{CANNOT_RECORD} {error}"))
        return
    if tried.outcome == "open":
        open_for(store.folder)
        # A country picked on the lock screen was for that screen only: the person's own choice applies again.
        st.session_state.pop(state.COUNTRY_UNSAVED, None)
        st.rerun()
    if tried.outcome == "wait":
        st.error(wait_words(tried.wait_until), icon=":material/hourglass_top:")
        return
    wait = f" {wait_words(tried.wait_until)}" if tried.wait_until > applock.now() else ""
    st.error(WRONG + wait, icon=":material/lock:")


def idle_timer() -> None:
    """While a lock is set: a fragment that asks, every IDLE_CHECK_SECONDS, whether this window has been idle
    too long, and then starts a full run (which locks it). Its own runs are not activity."""
    store = own_store()
    if store is None or settings.app_lock(store) is None:
        return
    _idle_check()


@st.fragment(run_every=IDLE_CHECK_SECONDS)
def _idle_check() -> None:
    if _idle_now():
        st.rerun(scope="app")


def _idle_now() -> bool:
    person = session.person_folder()
    if person is None:
        return True
    lock = settings.app_lock(Store(person))
    return lock is not None and not is_open(person, lock, applock.now())


def fragment_activity() -> None:
    """At the start of a fragment's own run that the person caused (the router does not run then): lock when
    the window was idle too long, else count it as activity. In a full run the router has done both."""
    if st.session_state.get(state.ROUTED):
        return
    if _idle_now():
        st.rerun(scope="app")
    if state.UNLOCKED_FOR in st.session_state:
        st.session_state[state.LAST_ACTIVITY] = applock.now()
