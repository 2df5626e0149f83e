"""The Reconnect journal on screen: log a contact with the ex, and see, change or delete past ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from winback import journal, typed_text
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import confirmed_delete, save_error
from winback.vocab import CHANNELS, NOTE_LIMIT, TONES, WHO
from winback.words import day_words


def _choice(label: str, labels: dict[str, str], current: str | None, default: int, key: str) -> str:
    """A radio of the journal's choices, starting at ``current`` (or the ``default``-th)."""
    return str(
        st.radio(
            label,
            list(labels),
            format_func=labels.__getitem__,
            horizontal=True,
            index=list(labels).index(current) if current else default,
            key=key,
        )
    )


def _fields(prefix: str, entry: journal.JournalEntry | None, today: date) -> journal.JournalEntry:
    def key(field: str) -> str:
        return state.journal_field(prefix, field)

    day = st.date_input("Day", value=entry.day if entry else today, format="YYYY-MM-DD", key=key("day"))
    who = _choice("Who reached out", WHO, entry.who if entry else None, 1, key("who"))
    channel = st.selectbox(
        "How",
        list(CHANNELS),
        format_func=CHANNELS.__getitem__,
        index=list(CHANNELS).index(entry.channel) if entry else 0,
        key=key("channel"),
    )
    tone = _choice("Tone", TONES, entry.tone if entry else None, 0, key("tone"))
    calm = st.checkbox("I stayed calm and kind", value=entry.calm_and_kind if entry else True, key=key("calm"))
    meeting = st.checkbox("We planned to meet", value=entry.meeting_planned if entry else False, key=key("meet"))
    note = st.text_area(
        "Note (only you see this)", value=entry.note if entry else "", max_chars=NOTE_LIMIT, key=key("note")
    )
    return journal.JournalEntry(
        day if isinstance(day, date) else today,
        who,
        str(channel),
        tone,
        bool(calm),
        bool(meeting),
        note or "",
        entry.entry_id if entry else "",
    )


def _save(s: Store, typed: journal.JournalEntry, today: date) -> None:
    note, removed = typed_text.clean(typed.note)
    entry = replace(typed, note=note)
    if removed:
        st.info(typed_text.removed_notice(removed, "the note"), icon=":material/cleaning_services:")
    found = journal.problems(entry, today)
    for problem in found:
        st.error(problem, icon=":material/error:")
    if found:
        return
    try:
        journal.save(s, entry, today)
    except StorageError as error:
        save_error(error)
    else:
        st.success(f"Saved the contact on {day_words(entry.day)}.", icon=":material/check:")


def new_contact(s: Store, today: date) -> None:
    with st.form(state.JOURNAL_FORM, clear_on_submit=True):
        entry = _fields(state.JOURNAL_NEW, None, today)
        sent = st.form_submit_button("Save contact", type="primary")
    if sent:
        _save(s, entry, today)


def past_contacts(s: Store, entries: list[journal.JournalEntry], today: date) -> None:
    if not entries:
        st.caption("Each contact you log appears here, newest first.")
    for entry in entries:
        title = f"{day_words(entry.day)} · {WHO[entry.who]} · {TONES[entry.tone]}"
        with st.expander(title):
            with st.form(state.journal_edit_form(entry.entry_id)):
                edited = _fields(state.journal_entry(entry.entry_id), entry, today)
                sent = st.form_submit_button("Save changes")
            if sent:
                _save(s, edited, today)
            if confirmed_delete("Delete this contact", key=state.delete_contact(entry.entry_id)):
                try:
                    journal.delete(s, entry.entry_id)
                except StorageError as error:
                    save_error(error)
                else:
                    st.rerun()
