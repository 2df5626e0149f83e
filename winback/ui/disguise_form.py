"""The disguise on Data & privacy: the switch, what it makes neutral, and what it cannot hide."""

from __future__ import annotations

from datetime import date

import streamlit as st

from winback import dataio, disguise
from winback.store import StorageError
from winback.ui import session, state
from winback.ui.widgets import save_error

DISGUISE_LABEL = "Disguise winback"
DISGUISE_HELP = "Neutral names for what others may glimpse: the browser tab, the reminder and exported files."
DOES_NOT_HIDE = (
    "It does not hide winback itself: the address bar, the sidebar and every page still show what this is, and "
    "so do the files in the data folder and the names of the files inside an export. Your browser's history may "
    "still hold the earlier title and the pages' addresses. Anyone who opens this tab or the folder can tell."
)


def what_it_changes(today: date) -> str:
    """What the disguise shows instead, in the words and names it uses."""
    zip_name = dataio.export_file_name("zip", today, sample=False, disguised=True)
    return (
        f"When it is on, the browser tab says “{disguise.NEUTRAL_TAB_TITLE}” with {disguise.NEUTRAL_TAB_ICON_WORDS} "
        f"on every page, a new reminder is called “{disguise.NEUTRAL_REMINDER_TITLE}” "
        f"({disguise.NEUTRAL_REMINDER_FILE}), exports are named like {zip_name} and the PDF report like "
        f"{dataio.report_file_name('30-days', sample=False, disguised=True)}."
    )


def disguise_switch(today: date) -> None:
    trouble = st.session_state.pop(state.DISGUISE_TROUBLE, None)
    if isinstance(trouble, str):
        save_error(StorageError(trouble))
    # The switch shows what the person's folder holds on every run, so a change made in another tab shows here too.
    st.session_state[state.DISGUISE_TOGGLE] = session.disguised()
    st.toggle(DISGUISE_LABEL, help=DISGUISE_HELP, key=state.DISGUISE_TOGGLE, on_change=_switch)
    st.caption(what_it_changes(today))
    st.caption(DOES_NOT_HIDE)


def _switch() -> None:
    """The switch's callback: keep the choice in the person's own folder (also while sample data is shown)."""
    on = bool(st.session_state.get(state.DISGUISE_TOGGLE, False))
    try:
        session.save_disguise(on)
    except StorageError as error:
        st.session_state[state.DISGUISE_TROUBLE] = str(error)
        return
    # The reminder's title follows the new default, unless the person typed one of their own.
    if st.session_state.get(state.REMINDER_TITLE) == dataio.reminder_default(not on):
        st.session_state[state.REMINDER_TITLE] = dataio.reminder_default(on)
