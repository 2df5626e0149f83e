"""The daily entry on screen: pick a day, fill it in (or change it), delete it, and browse the history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from winback import tracker, typed_text
from winback.charts.period import period_start
from winback.content.activities import Activity
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import confirmed_delete, save_error
from winback.vocab import (
    CONTACT_LABELS,
    DEFAULT_PERIOD,
    MOOD_LABELS,
    MOODS,
    NEUTRAL_MISSING_EX,
    NEUTRAL_MOOD,
    NOTE_LIMIT,
    PERIODS,
)
from winback.words import count_phrase, day_words

# What the form shows for a day that has no entry yet.
DEFAULTS: dict[str, object] = {
    state.MOOD: NEUTRAL_MOOD,
    state.MISSING_EX: NEUTRAL_MISSING_EX,
    state.CONTACT: "none",
    state.ACTIVITIES: [],
    state.NOTE: "",
}


def pick_day(today: date) -> date:
    day = st.date_input("Day", value=today, format="YYYY-MM-DD", key=state.ENTRY_DAY)
    return day if isinstance(day, date) else today


def prefill(day: date, existing: tracker.DailyEntry | None) -> None:
    """When the chosen day changes, fill the form with that day's entry (or fresh defaults). Also when the form's
    values are gone: Streamlit forgets a widget's value once a run goes by without it, as when the person opens
    another page and comes back; the form must then show the stored day again, not blank widgets."""
    if st.session_state.get(state.DAILY_FORM_DAY) == day and all(key in st.session_state for key in DEFAULTS):
        return
    values = dict(DEFAULTS)
    if existing is not None:
        values = {
            state.MOOD: existing.mood,
            state.MISSING_EX: existing.missing_ex,
            state.CONTACT: existing.contact,
            state.ACTIVITIES: list(existing.activities),
            state.NOTE: existing.note,
        }
    for key, value in values.items():
        st.session_state[key] = value
    st.session_state[state.DAILY_FORM_DAY] = day


def forget() -> None:
    st.session_state.pop(state.DAILY_FORM_DAY, None)


def chip_label(names: Mapping[str, str], activity: str) -> str:
    """An activity in "What I did for myself": its name alone. A chip is at most as wide as the field less its
    buttons (about 36 letters on a 390 px phone) and Streamlit cuts a longer one short with "…", as it did
    "Didn't check their social media · Habits"; the chips' box also scrolls once it holds four rows, and names
    alone fit two or three to a row. A new activity may not repeat a name, so names tell them apart."""
    return names.get(activity, activity)


def entry_form(
    s: Store, day: date, existing: tracker.DailyEntry | None, known: tuple[Activity, ...], today: date
) -> tracker.DailyEntry | None:
    """The form for ``day``; returns the entry it saved, if Save was pressed and the entry was saved."""
    names = {a.id: a.name for a in known}
    choices = [a.id for a in known if not a.retired or (existing is not None and a.id in existing.activities)]
    with st.form(state.DAILY_FORM, enter_to_submit=False):
        mood = st.select_slider("Mood", options=list(MOODS), format_func=MOOD_LABELS.get, key=state.MOOD)
        missing = st.slider("Missing my ex (0 = not at all, 10 = all the time)", 0, 10, key=state.MISSING_EX)
        contact = st.radio(
            "Contact with my ex", list(CONTACT_LABELS), format_func=CONTACT_LABELS.get, key=state.CONTACT
        )
        picked = st.multiselect(
            "What I did for myself", choices, format_func=partial(chip_label, names), key=state.ACTIVITIES
        )
        note = st.text_area("Note (only you see this)", max_chars=NOTE_LIMIT, key=state.NOTE)
        submitted = st.form_submit_button("Save", type="primary")
    if not submitted:
        return None
    kept, removed = typed_text.clean(note or "")
    entry = tracker.DailyEntry(day, int(mood), int(missing), str(contact), tracker.selected(picked), kept)
    return _save(s, entry, today, removed)


def _save(s: Store, entry: tracker.DailyEntry, today: date, removed: int) -> tracker.DailyEntry | None:
    if removed:
        st.info(typed_text.removed_notice(removed, "the note"), icon=":material/cleaning_services:")
    problems = tracker.entry_problems(entry, today)
    for problem in problems:
        st.error(problem, icon=":material/error:")
    if problems:
        return None
    try:
        replaced = tracker.save_entry(s, entry, today)
    except StorageError as error:
        save_error(error)
        return None
    verb = "Updated" if replaced else "Saved"
    st.success(f"{verb} {day_words(entry.day, weekday=True)}: mood {MOOD_LABELS[entry.mood]}.", icon=":material/check:")
    return entry


def delete_button(s: Store, day: date) -> bool:
    """Delete the day's entry after asking once more; True when it was deleted."""
    if not confirmed_delete(f"Delete {day_words(day)}", key=state.delete_day(day)):
        return False
    try:
        tracker.delete_entry(s, day)
    except StorageError as error:
        save_error(error)
        return False
    forget()
    st.success(f"Deleted {day_words(day, weekday=True)}.", icon=":material/delete:")
    return True


def history(log: pd.DataFrame, names: Mapping[str, str], today: date) -> None:
    """The log, newest first, filtered by period and activities; picking a row loads that day above."""
    count, first, _ = tracker.summary(log)
    if count == 0:
        st.caption("Your entries appear here, newest first, once you save your first day above.")
        return
    period = st.segmented_control("Period", PERIODS, default=DEFAULT_PERIOD, key=state.HISTORY_PERIOD)
    only = st.multiselect(
        "Only days with", sorted(names, key=names.__getitem__), format_func=names.__getitem__, key=state.HISTORY_FILTER
    )
    shown = tracker.filter_history(log, period_start(period or DEFAULT_PERIOD, today, first), today, only)
    st.caption(
        f"{count_phrase(len(shown), 'day')} shown of {count_phrase(count, 'day')} logged. Pick a row to edit it."
    )
    _table(tracker.history(shown, dict(names)))


def _pick_history_row() -> None:
    selection = st.session_state[state.HISTORY_TABLE].selection
    shown = st.session_state.get(state.HISTORY_DATES, [])
    if selection.rows and selection.rows[0] < len(shown):
        st.session_state[state.ENTRY_DAY] = shown[selection.rows[0]]


def _table(table: pd.DataFrame) -> None:
    """The history, plain text only. On a phone the date, mood, contact and the start of the note fit side by
    side; the table scrolls inside itself to the rest."""
    st.session_state[state.HISTORY_DATES] = list(table["Date"])
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select=_pick_history_row,
        selection_mode="single-row",
        key=state.HISTORY_TABLE,
        column_config={"Note": st.column_config.TextColumn(width="medium")},
    )
