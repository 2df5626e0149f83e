"""The quick exit's first-visit explanation (what the button and Shift ×3 do and do not do, and who can see this
app), shown once and reopened from Help & safety; and the setting of where the quick exit goes."""

from __future__ import annotations

import streamlit as st

from winback import quick_exit, safety, settings
from winback.store import StorageError
from winback.ui import session, state, widgets

# Where "read" is kept: in the person's settings, or for this session only (the sign-in screen has no folder).
Kept = session.CountryKept

INTRO_HEADING = "Before you start: leaving quickly, and who can see this"
INTRO_EXIT = (
    "**Quick exit**, at the top right of every page, swaps winback for a neutral page at once (a weather page "
    "unless you choose another on Help & safety). Pressing **Shift three times** quickly does the same, even "
    "while you type. The Back button then does not return here."
)
INTRO_TRACES = (
    "It does **not** erase anything: winback stays in your browser's history. To leave fewer traces, open "
    "winback in a private window, or clear your history afterwards (in most browsers Ctrl+Shift+Delete, "
    "or ⌘+Shift+Delete on a Mac)."
)
INTRO_MONITORING = (
    "**Someone who monitors this device, or can use it, can see this app and its files.** If that might be "
    "happening, use a safer device, one they can't reach (a trusted friend's phone, a library computer), to "
    "look for help."
)
INTRO_AGAIN = "You can read this again on Help & safety."
INTRO_UNSAVED = "winback could not keep a note that you read this, so it will show again on your next visit."

DESTINATION_LABEL = "Another page to go to (an address starting with https://)"
DESTINATION_HELP = "Choose a site that looks ordinary for you to be on. Nothing is sent to it but the visit itself."
SAVED = "Saved: the quick exit now goes to the page you chose."
BACK_TO_DEFAULT = "The quick exit goes to the usual page again."
_WHERE = "settings"


def destination(kept: Kept = "settings") -> str:
    """Where this person's quick exit goes (their choice, else the deployment's, else a weather page)."""
    if kept == "session":
        return quick_exit.destination(None)
    return quick_exit.destination(_chosen())


def _chosen() -> str | None:
    try:
        return settings.quick_exit_url(session.safety_store())
    except StorageError:
        return None


def explanation(kept: Kept = "settings") -> None:
    """The explanation, above the page until the person presses OK (once; again when asked from Help & safety)."""
    if st.session_state.get(state.EXIT_INTRO_OK):
        _remember(kept)
        widgets.move_focus_to_heading("exit-intro-read")  # the note is gone: focus on the page, not its body
    trouble = st.session_state.pop(state.EXIT_INTRO_TROUBLE, None)
    if isinstance(trouble, str):
        st.warning(INTRO_UNSAVED, icon=":material/history:")
        widgets.save_error(StorageError(trouble))
    if not note_due(kept):
        return
    if st.session_state.get(state.EXIT_INTRO_REOPEN):
        widgets.scroll_to_top(state.EXIT_INTRO)  # asked for again from further down Help & safety
        widgets.move_focus(state.EXIT_INTRO, "exit-intro-again")
    with st.container(border=True, key=state.EXIT_INTRO):
        st.markdown(f"**{INTRO_HEADING}**")
        st.markdown(INTRO_EXIT)
        st.markdown(INTRO_TRACES)
        st.markdown(INTRO_MONITORING)
        st.caption(INTRO_AGAIN)
        st.button("OK", key=state.EXIT_INTRO_OK, type="primary")


def note_due(kept: Kept) -> bool:
    """Whether the note is shown on this run: asked for again, or not yet read (this session, or in settings)."""
    if st.session_state.get(state.EXIT_INTRO_AGAIN):
        return True
    if st.session_state.get(state.EXIT_INTRO_SEEN):
        return False
    if kept == "session":
        return True
    try:
        return not settings.exit_intro_seen(session.safety_store())
    except StorageError:
        return True


def _remember(kept: Kept) -> None:
    """OK was pressed: not shown again in this session, nor (when it can be kept there) in the person's settings."""
    st.session_state.pop(state.EXIT_INTRO_AGAIN, None)
    st.session_state[state.EXIT_INTRO_SEEN] = True
    if kept == "session":
        return
    try:
        settings.save_exit_intro_seen(session.safety_store())
    except StorageError as error:
        st.session_state[state.EXIT_INTRO_TROUBLE] = str(error)


def show_again() -> None:
    """Help & safety's "Read it again" callback."""
    st.session_state[state.EXIT_INTRO_AGAIN] = True


def destination_settings() -> None:
    """Help & safety: where the quick exit goes now, and a field to choose another https address. A refused
    address is said why and kept in the field; the saved one is unchanged."""
    problem = _apply_change()
    chosen = _chosen()
    with st.container(key=state.QUICK_EXIT_SETTINGS):
        st.markdown("**Where it goes now:**" if chosen is None else "**Where it goes now** (your choice):")
        st.text(quick_exit.destination(chosen))
        widgets.pending_notice(_WHERE)
        if state.QUICK_EXIT_URL not in st.session_state:
            st.session_state[state.QUICK_EXIT_URL] = chosen or ""
        with st.form(key=state.QUICK_EXIT_FORM, border=False, enter_to_submit=True):
            st.text_input(
                DESTINATION_LABEL,
                key=state.QUICK_EXIT_URL,
                placeholder=safety.DEFAULT_QUICK_EXIT_URL,
                help=DESTINATION_HELP,
            )
            st.form_submit_button("Save this address", key=state.QUICK_EXIT_SAVE)
            if chosen is not None:
                st.form_submit_button("Go back to the usual page", key=state.QUICK_EXIT_DEFAULT)
        if problem is not None:
            st.error(problem, icon=":material/link_off:")


def _apply_change() -> str | None:
    """What the form asked for on this run, done before anything is drawn; the words for an address refused."""
    save, reset = st.session_state.get(state.QUICK_EXIT_SAVE), st.session_state.get(state.QUICK_EXIT_DEFAULT)
    if not (save or reset):
        return None
    text = None if reset else str(st.session_state.get(state.QUICK_EXIT_URL, ""))
    try:
        settings.save_quick_exit_url(session.safety_store(), text)
    except ValueError as error:
        return str(error)
    except StorageError as error:
        widgets.save_error(error)
        return None
    if reset:
        st.session_state[state.QUICK_EXIT_URL] = ""
    # Again from the top: the quick exit above the page was drawn with the address from before.
    widgets.rerun_with_notice(_WHERE, BACK_TO_DEFAULT if reset else SAVED)
