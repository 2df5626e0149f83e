"""Data & privacy on screen: the folder's files, sample mode, export, the reminder and delete everything (the
disguise and the export's password have modules of their own: disguise_form, backup_form)."""

from __future__ import annotations

from datetime import date, time

import streamlit as st

from winback import dataio, typed_text
from winback.store import StorageError, Store
from winback.ui import backup_form, lock_screen, session, state
from winback.ui.widgets import pending_notice, rerun_with_notice, save_error
from winback.words import count_phrase

DELETE_WORDS = "delete everything"
DELETED = "deleted"


def folder_files(s: Store) -> bool:
    """Where the data lives and what is there; True when the folder holds any of the person's files."""
    st.code(str(s.folder), language=None)
    files = [p for p in s.files() if not p.name.endswith(".lock")]
    if files:
        st.dataframe(
            {"File": [p.name for p in files], "Size (bytes)": [p.stat().st_size for p in files]},
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("The folder is empty: files appear here after you save your first entry or quiz.")
    return bool(files)


SAMPLE_LASTS = "Sample data stays on until you switch it off here, also after a reload or in a new tab."


def sample_switch() -> None:
    trouble = session.sample_trouble()
    if trouble is not None:
        save_error(trouble)
    # Seeded from the person's switch rather than given as value=: a callback that puts it back stays in charge.
    st.session_state.setdefault(state.SAMPLE_TOGGLE, session.in_sample_mode())
    st.toggle(
        "Show a year of made-up history instead of my own",
        help="Sample data lives in its own folder and never mixes with your entries.",
        key=state.SAMPLE_TOGGLE,
        on_change=session.switch_sample_mode,
    )
    st.caption(SAMPLE_LASTS)


EXPORTS_SAMPLE = (
    "Sample data is on: these buttons export the made-up sample, not your own diary. Switch sample data off "
    "above to export your own."
)


def export_buttons(s: Store, today: date, has_files: bool) -> None:
    if session.in_sample_mode():
        st.caption(EXPORTS_SAMPLE)
    protection = backup_form.export_password()
    password = protection.password
    disguised = session.disguised()
    left, right = st.columns(2)
    left.download_button(
        "Everything (zip, with password)" if protection.on else "Everything (zip)",
        # Built only when clicked: large histories stay fast. Never without the password the person asked for.
        # Refused when the window has locked (or idled too long) by the time it is built: see lock_screen.guarded.
        data=lock_screen.guarded(lambda: dataio.export_zip(s, password)) if protection.problem is None else b"",
        file_name=dataio.export_file_name("zip", today, sample=session.in_sample_mode(), disguised=disguised),
        mime="application/zip",
        disabled=not has_files or protection.problem is not None,
        help="Every file exactly as stored; import it here to restore or move your data.",
        key=state.EXPORT_ZIP,
        icon=":material/lock:" if protection.on else ":material/folder_zip:",
        on_click="ignore",  # no run: a run would replace the button's file before the browser fetched it
    )
    right.download_button(
        "Daily log for spreadsheets (CSV)",
        data=lock_screen.guarded(lambda: dataio.spreadsheet_csv(s)),
        file_name=dataio.export_file_name("spreadsheet", today, sample=session.in_sample_mode(), disguised=disguised),
        mime="text/csv",
        disabled=not has_files,
        help="Safe to open in Excel or LibreOffice: text that could run as a formula is neutralised.",
        key=state.EXPORT_CSV,
        icon=":material/table:",
        on_click="ignore",
    )


def reminder(today: date) -> None:
    st.caption(
        "A calendar file with a daily reminder to check in. The event holds only the title below: no "
        "description, and nothing that names winback."
    )
    disguised = session.disguised()
    default = dataio.reminder_default(disguised)
    # Seeded rather than given as value=: the disguise's switch puts the other default here when it changes.
    st.session_state.setdefault(state.REMINDER_TITLE, default)
    title = st.text_input(
        "Title in your calendar",
        max_chars=dataio.REMINDER_TITLE_MAX,
        key=state.REMINDER_TITLE,
        help=f"Pick words that mean nothing to anyone else who sees your calendar. Left empty, it is '{default}'.",
    )
    at = st.time_input("Remind me at", value=time(21, 0), step=900, key=state.REMINDER_TIME)
    st.download_button(
        "Download reminder (.ics)",
        data=dataio.reminder_ics(at, today, title=title, disguised=disguised),
        file_name=dataio.reminder_file_name(disguised),
        mime="text/calendar",
        key=state.REMINDER_ICS,
        icon=":material/alarm:",
        on_click="ignore",
    )


def delete_everything(s: Store) -> None:
    what = (
        "This removes the sample data from this computer and switches sample mode off; your own diary stays as it is."
        if session.in_sample_mode()
        else "This removes all your entries, quiz results and settings from this computer."
    )
    st.markdown(f"{what} It cannot be undone; export first if you want a copy.")
    pending_notice(DELETED)
    with st.form(state.DELETE_FORM):
        typed = st.text_input(
            f'Type "{DELETE_WORDS}" to confirm (capital letters do not matter)', key=state.DELETE_CONFIRM
        )
        confirmed = st.form_submit_button("Delete everything", type="secondary")
    if not confirmed:
        return
    if typed_text.clean(typed)[0].strip().lower() != DELETE_WORDS:
        st.error(
            f'Nothing was deleted: type "{DELETE_WORDS}" to confirm (capital letters do not matter).',
            icon=":material/error:",
        )
        return
    sample = session.in_sample_mode()
    try:
        removed = dataio.delete_everything(s)
        if sample:
            session.leave_sample_mode()
    except StorageError as error:
        st.cache_data.clear()
        save_error(error)
        return
    st.cache_data.clear()
    # The page starts over without anything the session held of the deleted diary.
    state.forget_person_state()
    done = deleted_words(removed, sample=sample)
    rerun_with_notice(DELETED, done)


def deleted_words(removed: int, *, sample: bool) -> str:
    if sample:
        return f"Deleted the sample data ({count_phrase(removed, 'file')}) and switched it off: this is your own diary."
    if removed:
        return f"Deleted {count_phrase(removed, 'file')}. winback now starts fresh."
    return "There was nothing left to delete: winback keeps no files here now."
