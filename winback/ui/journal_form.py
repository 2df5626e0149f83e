"""The Reconnect journal on screen: log a contact with the ex, and see, change or delete past ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from winback import journal, typed_text
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import confirmed_delete, leave_notice, pending_notice
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


def _fields(prefix: str, entry: journal.JournalEntry | None, today: date) -> None:
    def key(field: str) -> str:
        return state.journal_field(prefix, field)

    if entry is not None and key("note") not in st.session_state:
        # The form is filled now, from this stored contact: a Save or Delete checks the file still holds it.
        st.session_state[state.journal_from(entry.entry_id)] = entry

    # No max_value: a day the picker refused would still be sent as the last good one; journal.problems says why.
    st.date_input("Day", value=entry.day if entry else today, format="YYYY-MM-DD", key=key("day"))
    _choice("Who reached out", WHO, entry.who if entry else None, 1, key("who"))
    st.selectbox(
        "How",
        list(CHANNELS),
        format_func=CHANNELS.__getitem__,
        index=list(CHANNELS).index(entry.channel) if entry else 0,
        key=key("channel"),
    )
    _choice("Tone", TONES, entry.tone if entry else None, 0, key("tone"))
    st.checkbox("I stayed calm and kind", value=entry.calm_and_kind if entry else True, key=key("calm"))
    st.checkbox("We planned to meet", value=entry.meeting_planned if entry else False, key=key("meet"))
    st.text_area("Note (only you see this)", value=entry.note if entry else "", max_chars=NOTE_LIMIT, key=key("note"))


def _typed(prefix: str, entry_id: str, today: date) -> journal.JournalEntry:
    """What the form under ``prefix`` held when it was sent."""
    values = st.session_state

    def value(field: str) -> object:
        return values.get(state.journal_field(prefix, field))

    day = value("day")
    return journal.JournalEntry(
        day if isinstance(day, date) else today,
        str(value("who")),
        str(value("channel")),
        str(value("tone")),
        bool(value("calm")),
        bool(value("meet")),
        str(value("note") or ""),
        entry_id,
    )


def _show(prefix: str, entry: journal.JournalEntry) -> None:
    """Put the stored contact back into its form, so the form shows exactly what the file holds."""
    shown = {
        "day": entry.day,
        "who": entry.who,
        "channel": entry.channel,
        "tone": entry.tone,
        "calm": entry.calm_and_kind,
        "meet": entry.meeting_planned,
        "note": entry.note,
    }
    for field, value in shown.items():
        st.session_state[state.journal_field(prefix, field)] = value
    st.session_state[state.journal_from(entry.entry_id)] = entry


def _filled_from(drawn: journal.JournalEntry) -> journal.JournalEntry:
    found = st.session_state.get(state.journal_from(drawn.entry_id))
    return found if isinstance(found, journal.JournalEntry) else drawn


def _save(s: Store, prefix: str, drawn: journal.JournalEntry | None, today: date) -> None:
    """Save what the form showed, in its Save button's callback: the step cards above already count it. A contact
    changed or deleted in another window since this form was drawn from it is not overwritten."""
    entry_id = drawn.entry_id if drawn else ""
    typed = _typed(prefix, entry_id, today)
    note, removed = typed_text.clean(typed.note)
    entry = replace(typed, note=note)
    where = _notices(prefix)
    if removed:
        leave_notice(where, typed_text.removed_notice(removed, "the note"), "info")
    found = journal.problems(entry, today)
    for problem in found:
        leave_notice(where, problem, "error")
    if found:
        return
    if drawn is not None and (current := _stored(s).get(entry_id)) != _filled_from(drawn):
        leave_notice(where, CHANGED_ELSEWHERE.format(done="saved"), "warning")
        if current is not None:
            _show(prefix, current)
        return
    try:
        saved_id = journal.save(s, entry, today)
    except StorageError as error:
        leave_notice(where, plain(str(error)), "error")
        return
    if entry_id:
        _show(prefix, _stored(s)[saved_id])
    else:
        _clear(prefix)
    leave_notice(where, f"Saved the contact on {day_words(entry.day)}.")


CHANGED_ELSEWHERE = (
    "This contact was changed or deleted in another window after its form was filled, so nothing was {done}. "
    "Its form below now shows what is stored."
)


def _stored(s: Store) -> dict[str, journal.JournalEntry]:
    return {e.entry_id: e for e in journal.entries(s.read("reconnect").frame)}


def _clear(prefix: str) -> None:
    """Empty the new-contact form once its contact is saved (and only then: a refused one keeps what was typed)."""
    for field in ("day", "who", "channel", "tone", "calm", "meet", "note"):
        st.session_state.pop(state.journal_field(prefix, field), None)


def _notices(prefix: str) -> str:
    """Where a form's words are shown: the new contact's above its form; a past contact's above the list, since
    its expander closes when its title (day, who, tone) changes."""
    return "journal_new" if prefix == state.JOURNAL_NEW else "journal_past"


def new_contact(s: Store, today: date) -> None:
    pending_notice(_notices(state.JOURNAL_NEW))
    with st.form(state.JOURNAL_FORM):
        _fields(state.JOURNAL_NEW, None, today)
        st.form_submit_button("Save contact", type="primary", on_click=_save, args=(s, state.JOURNAL_NEW, None, today))


def past_contacts(s: Store, entries: list[journal.JournalEntry], today: date) -> None:
    pending_notice(_notices("past"))
    if not entries:
        st.caption("Each contact you log appears here, newest first.")
    for entry in entries:
        title = f"{day_words(entry.day)} · {WHO[entry.who]} · {TONES[entry.tone]}"
        prefix = state.journal_entry(entry.entry_id)
        with st.expander(title):
            with st.form(state.journal_edit_form(entry.entry_id)):
                _fields(prefix, entry, today)
                st.form_submit_button("Save changes", on_click=_save, args=(s, prefix, entry, today))
            confirmed_delete(
                "Delete this contact",
                key=state.delete_contact(entry.entry_id),
                on_yes=lambda drawn=entry: _delete(s, drawn),  # type: ignore[misc]
            )


def _delete(s: Store, drawn: journal.JournalEntry) -> None:
    entry_id = drawn.entry_id
    if (current := _stored(s).get(entry_id)) != _filled_from(drawn):
        leave_notice(_notices(state.journal_entry(entry_id)), CHANGED_ELSEWHERE.format(done="deleted"), "warning")
        if current is not None:
            _show(state.journal_entry(entry_id), current)
        return
    try:
        journal.delete(s, entry_id)
    except StorageError as error:
        leave_notice(_notices(state.journal_entry(entry_id)), plain(str(error)), "error")
    else:
        leave_notice(_notices(state.journal_entry(entry_id)), f"Deleted the contact on {day_words(drawn.day)}.")
