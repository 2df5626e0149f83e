"""The export's password on Data & privacy: protect the zip or not, the password typed twice, and its limits."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from winback.backup import PASSWORD_MAX, PASSWORD_MIN, password_problem
from winback.ui import state

PROTECT_LABEL = "Protect the zip with a password"
PROTECT_HELP = "Every file in the zip is encrypted with AES-256; the zip opens only with this password."
USE_LABEL = "Use this password"
NOT_CHOSEN = f"Type a password of {PASSWORD_MIN} to {PASSWORD_MAX} characters twice, then press “{USE_LABEL}”."
PROTECTED = (
    f"The zip below is protected with the password you sent with “{USE_LABEL}”. Typing in the fields changes "
    f"nothing until you press “{USE_LABEL}” again. Kept for this visit only; closing the tab forgets it."
)
LIMITS = (
    "7-Zip, WinZip, The Unarchiver and winback's own import open it with the password. Nobody can recover a "
    "forgotten password, winback included. Without the password the names and sizes of the files inside can "
    "still be seen, but not what they hold. The spreadsheet CSV and the folder on this computer are not encrypted."
)


@dataclass(frozen=True)
class Protection:
    """The password the zip is made with (None: no password), or why the one typed cannot be used yet."""

    password: str | None = None
    problem: str | None = None

    @property
    def on(self) -> bool:
        """The person asked for a password (typed well or not yet)."""
        return self.password is not None or self.problem is not None


def _switched() -> None:
    """The switch moved: a password chosen before is forgotten (off), or one has to be chosen afresh (on)."""
    st.session_state[state.EXPORT_PROTECT_ON] = bool(st.session_state.get(state.EXPORT_PROTECT))
    st.session_state.pop(state.EXPORT_PASSWORD_CHOSEN, None)
    st.session_state.pop(state.EXPORT_PASSWORD_PROBLEM, None)


def _use() -> None:
    """The "Use this password" button was pressed: both fields arrive together, whichever was left last, and how."""
    typed = st.session_state.get(state.EXPORT_PASSWORD, "")
    again = st.session_state.get(state.EXPORT_PASSWORD_AGAIN, "")
    if not typed and not again and st.session_state.get(state.EXPORT_PASSWORD_CHOSEN):
        return  # sent again with the fields empty (a double click, Enter twice): the chosen password stays
    problem = password_problem(typed, again)
    st.session_state[state.EXPORT_PASSWORD_PROBLEM] = problem
    st.session_state[state.EXPORT_PASSWORD_CHOSEN] = None if problem else typed


def export_password() -> Protection:
    """The switch and, when it is on, the password typed twice in a small form; the zip is made with it only when
    downloaded. The two fields are sent together when "Use this password" (or Enter) is pressed, so nothing typed
    is lost to a run that another field started, and leaving a field with Tab (to its show-password button) needs
    nothing more. The form empties itself once sent: the password lives on only in this session, for the button.
    No character counter (max_chars) on the fields: it would show the password's length to anyone looking.
    The switch and the chosen password are kept for the visit (this session), also while another page is open."""
    # Seeded from the kept value each run: Streamlit forgets the widget's own value while another page is drawn.
    st.session_state[state.EXPORT_PROTECT] = bool(st.session_state.get(state.EXPORT_PROTECT_ON, False))
    if not st.toggle(PROTECT_LABEL, help=PROTECT_HELP, key=state.EXPORT_PROTECT, on_change=_switched):
        return Protection()
    with st.form(state.EXPORT_PASSWORD_FORM, clear_on_submit=True, border=False, enter_to_submit=True):
        left, right = st.columns(2)
        left.text_input(
            "Password",
            type="password",
            placeholder=f"At least {PASSWORD_MIN} characters",
            autocomplete="new-password",
            key=state.EXPORT_PASSWORD,
        )
        right.text_input(
            "The same password again",
            type="password",
            autocomplete="new-password",
            key=state.EXPORT_PASSWORD_AGAIN,
        )
        st.form_submit_button(USE_LABEL, key=state.EXPORT_PASSWORD_USE, on_click=_use, icon=":material/key:")
    chosen = st.session_state.get(state.EXPORT_PASSWORD_CHOSEN)
    sent_problem = st.session_state.get(state.EXPORT_PASSWORD_PROBLEM)
    problem = sent_problem or (None if chosen else NOT_CHOSEN)
    # What a send led to is an alert, which a screen reader announces; before any send, a caption says what to do.
    if sent_problem:
        st.error(sent_problem, icon=":material/error:")
    elif chosen:
        st.success(PROTECTED, icon=":material/lock:")
    else:
        st.caption(NOT_CHOSEN)
    st.caption(LIMITS)
    return Protection(None, problem) if problem or not chosen else Protection(chosen)
