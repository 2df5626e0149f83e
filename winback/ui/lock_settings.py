"""Data & privacy's app lock: turn it on with a passphrase typed twice; change it, its idle time, or remove it
with the current one; lock this window now."""

from __future__ import annotations

import streamlit as st

from winback import applock, settings
from winback.store import StorageError, Store
from winback.ui import lock_screen, state
from winback.ui.widgets import pending_notice, rerun_with_notice, save_error

LOCK_NOTICE = "app_lock"
WHAT_IT_DOES = (
    "With a passphrase, winback asks for it in every new browser window or tab, after a reload, and after the "
    "time you choose without use; until then it shows only the help lines and the quick exit."
)
WHAT_IT_DOES_NOT = (
    "**What it does not do:** it protects against someone opening winback in this browser, not against someone "
    "who can read this computer's files. Your diary's files in the folder above stay readable to them (they are "
    "not encrypted), and they could remove the lock. Copies that leave the computer need their own protection."
)
CANNOT_RECOVER = (
    "The passphrase cannot be recovered: winback keeps only a scrambled form of it (a salted scrypt hash), "
    "never the passphrase itself. If you forget it, winback cannot open your diary for you."
)
BACK_OFF = (
    f"After {applock.FREE_TRIES} wrong tries, each one waits longer before the next is allowed (up to "
    f"{int(applock.MAX_WAIT_SECONDS // 60)} minutes), in every window, so guessing takes a very long time."
)
IDLE_LABEL = "Lock after this long without use"
CURRENT_NEEDED = "Type the current passphrase first: changing or removing the lock needs it. Nothing was changed."


def idle_words(minutes: int) -> str:
    return "1 hour" if minutes == 60 else f"{minutes} minutes"


def app_lock_section() -> None:
    store = lock_screen.own_store()
    if store is None:
        return
    with st.container(key=state.LOCK_SETTINGS):
        st.markdown(WHAT_IT_DOES)
        st.markdown(WHAT_IT_DOES_NOT)
        pending_notice(LOCK_NOTICE)
        lock = settings.app_lock(store)
        if lock is None:
            _turn_on(store)
        elif isinstance(lock, applock.LockTrouble):  # the lock screen shows instead; here only for completeness
            st.error(lock.words, icon=":material/lock:")
        else:
            _change(store, lock)


def _turn_on(store: Store) -> None:
    with st.form(state.LOCK_SET_FORM, clear_on_submit=True):
        new = st.text_input(
            f"Passphrase (at least {applock.MIN_LENGTH} characters)", type="password", key=state.LOCK_NEW
        )
        again = st.text_input("The same passphrase again", type="password", key=state.LOCK_AGAIN)
        idle = _idle_select(applock.DEFAULT_IDLE_MINUTES)
        st.caption(CANNOT_RECOVER)
        submitted = st.form_submit_button("Turn on the lock", type="primary", key=state.LOCK_TURN_ON)
    if not submitted:
        return
    problem = applock.passphrase_problem(new, again)
    if problem is not None:
        st.error(f"{problem} The lock is not on.", icon=":material/error:")
        return
    _save(store, applock.make(new, idle), f"The lock is on: winback asks for it after {idle_words(idle)}.")


def _idle_select(current: int) -> int:
    return int(
        st.selectbox(
            IDLE_LABEL,
            applock.IDLE_MINUTES,
            index=applock.IDLE_MINUTES.index(current),
            format_func=idle_words,
            key=state.LOCK_IDLE,
        )
    )


def _change(store: Store, lock: applock.SavedLock) -> None:
    st.success(
        f"The lock is on. winback asks for the passphrase in every new window and after "
        f"{idle_words(lock.idle_minutes)} without use.",
        icon=":material/lock:",
    )
    if st.button("Lock now", key=state.LOCK_NOW, icon=":material/lock:"):
        lock_screen.lock_now()
        st.rerun()
    st.caption(BACK_OFF)
    with st.form(state.LOCK_CHANGE_FORM, clear_on_submit=True):
        current = st.text_input("Current passphrase", type="password", key=state.LOCK_CURRENT)
        new = st.text_input("New passphrase (leave empty to keep it)", type="password", key=state.LOCK_NEW)
        again = st.text_input("The new passphrase again", type="password", key=state.LOCK_AGAIN)
        idle = _idle_select(lock.idle_minutes)
        st.caption(CANNOT_RECOVER)
        left, right = st.columns(2)
        save = left.form_submit_button("Save changes", type="primary", key=state.LOCK_SAVE)
        remove = right.form_submit_button("Remove the lock", key=state.LOCK_REMOVE)
    if not (save or remove):
        return
    if save and new:
        problem = applock.passphrase_problem(new, again)
        if problem is not None:
            st.error(f"{problem} Nothing was changed.", icon=":material/error:")
            return
    if not current:  # asked for, not tried: an empty field is no wrong try
        st.error(CURRENT_NEEDED, icon=":material/lock:")
        return
    if not _current_is_right(store, lock, current):
        return
    if remove:
        _save(store, None, "The lock is off: winback opens without a passphrase.")
        return
    changed = applock.make(new, idle) if new else applock.with_idle(lock, idle)
    what = "The passphrase is changed" if new else "Saved"
    _save(store, changed, f"{what}: winback asks for the passphrase after {idle_words(idle)} without use.")


def _current_is_right(store: Store, lock: applock.SavedLock, current: str) -> bool:
    """The current passphrase, tried like one on the lock screen (its wrong tries count towards the wait)."""
    try:
        tried = applock.attempt(store, lock, current)
    except StorageError as error:
        save_error(StorageError(f"{lock_screen.CANNOT_RECORD} {error}"))
        return False
    if tried.outcome == "wait":
        st.error(f"{lock_screen.wait_words(tried.wait_until)} Nothing was changed.", icon=":material/hourglass_top:")
        return False
    if tried.outcome == "wrong":
        st.error("That is not the current passphrase. Nothing was changed.", icon=":material/lock:")
        return False
    return True


def _save(store: Store, lock: applock.SavedLock | None, done: str) -> None:
    try:
        settings.save_app_lock(store, lock)
    except StorageError as error:
        save_error(error)
        return
    if lock is not None:
        lock_screen.open_for(store.folder)  # the person who just set it stays in
    rerun_with_notice(LOCK_NOTICE, done)
