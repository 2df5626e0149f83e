"""The export's password on Data & privacy: protect the zip or not, the password typed twice, and its limits."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from winback.backup import PASSWORD_MIN, password_problem
from winback.ui import state

PROTECT_LABEL = "Protect the zip with a password"
PROTECT_HELP = "Every file in the zip is encrypted with AES-256; the zip opens only with this password."
PROTECTED = "The zip below is protected with this password."
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


def export_password() -> Protection:
    """The switch and, when it is on, the password typed twice; the zip is made with it only when downloaded.
    No character counter (max_chars) on the fields: it would show the password's length to anyone looking. The
    fields count what is typed after a short pause (``live``): leaving a field with Tab goes first to its
    show-password button, which Streamlit does not take as leaving the field."""
    if not st.toggle(PROTECT_LABEL, help=PROTECT_HELP, key=state.EXPORT_PROTECT):
        return Protection()
    left, right = st.columns(2)
    typed = left.text_input(
        "Password",
        type="password",
        placeholder=f"At least {PASSWORD_MIN} characters",
        autocomplete="new-password",
        key=state.EXPORT_PASSWORD,
        live=True,
    )
    again = right.text_input(
        "The same password again",
        type="password",
        autocomplete="new-password",
        key=state.EXPORT_PASSWORD_AGAIN,
        live=True,
    )
    problem = password_problem(typed, again)
    st.caption(problem or PROTECTED)
    st.caption(LIMITS)
    return Protection(None, problem) if problem else Protection(typed)
