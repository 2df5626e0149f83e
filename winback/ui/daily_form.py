"""The daily entry on screen: pick a day, fill it in (or change it), delete it, and browse the history."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, timedelta
from functools import partial

import pandas as pd
import streamlit as st

from winback import tracker, typed_text
from winback.charts.period import period_start
from winback.content.activities import Activity
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import confirmed_delete, leave_notice, move_focus
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


# Where the daily form's callbacks leave what they have to say, for the page to show above the form.
NOTICES = "daily_log"

# Typing a day commits it when focus leaves the field; the click or key that moves focus into the form would
# change a field that the day's values are about to replace. While the Day field shows another day than the one
# the form was drawn for (the mark below), clicks and keys inside the form are held back: the typed day is
# loaded first (or, for a day the picker refuses, nothing is saved until the field shows the form's day again).
_FORM_DAY_MARK = '<span data-winback-form-day="{day}"></span>'
# Shown by the script while it holds the form back, so a click that did nothing says why.
_HOLD_NOTE = (
    "<p data-winback-hold-note hidden><strong>This form is still for {day}.</strong> It follows the Day field as "
    "soon as that holds today or an earlier day; until then it takes no changes.</p>"
)
_HOLD_SCRIPT = f"""
<script>
(function () {{
  var doc = window.parent.document;
  if (doc.winbackDayHold) return;
  doc.winbackDayHold = true;
  var DAY = ".st-key-{state.ENTRY_DAY}", FORM = ".st-key-{state.DAILY_FORM_BOX}";
  function inside(node, where) {{ return !!(node && node.closest && node.closest(where)); }}
  function hold(event) {{
    if (!inside(event.target, FORM)) return;
    var field = doc.querySelector(DAY + " input"), mark = doc.querySelector("[data-winback-form-day]");
    var note = doc.querySelector("[data-winback-hold-note]");
    var holding = field && mark && field.value !== mark.getAttribute("data-winback-form-day");
    if (note) note.hidden = !holding;
    if (!holding) return;
    // Keys that only move focus or close something change no field: a keyboard user must get back to the Day field.
    var moves = ["Tab", "Escape", "Shift", "Control", "Alt", "Meta"];
    if (event.type === "keydown" && moves.indexOf(event.key) >= 0) return;
    // Leaving the Day field (and its calendar, if open) is what makes it send the day.
    var calendar = doc.querySelector('[data-testid="stDateInputPopover"], [role="dialog"]');
    if (calendar && inside(doc.activeElement, '[role="dialog"]')) {{
      doc.activeElement.dispatchEvent(new KeyboardEvent("keydown", {{key: "Escape", bubbles: true}}));
    }}
    if (inside(doc.activeElement, DAY) || inside(doc.activeElement, '[role="dialog"]')) doc.activeElement.blur();
    event.preventDefault();
    event.stopPropagation();
  }}
  ["pointerdown", "mousedown", "mouseup", "click", "keydown", "touchstart"].forEach(function (name) {{
    doc.addEventListener(name, hold, true);
  }});
}})();
</script>
"""


def pick_day(today: date, earliest: date | None) -> date:
    """The day to log: today or an earlier one, back to the first logged day (or ten years)."""
    low = min(earliest or today, today - timedelta(days=3653))
    chosen = st.session_state.get(state.ENTRY_DAY)
    if not isinstance(chosen, date) or not low <= chosen <= today:
        st.session_state[state.ENTRY_DAY] = today
    day = st.date_input("Day", min_value=low, max_value=today, format="YYYY-MM-DD", key=state.ENTRY_DAY)
    day = day if isinstance(day, date) else today
    st.html(_HOLD_SCRIPT, unsafe_allow_javascript=True)
    return day


def prefill(day: date, existing: tracker.DailyEntry | None) -> None:
    """When the chosen day changes, fill the form with that day's entry (or fresh defaults). Also when the form's
    values are gone: Streamlit forgets a widget's value once a run goes by without it, as when the person opens
    another page and comes back; the form must then show the stored day again, not blank widgets."""
    if st.session_state.get(state.DAILY_FORM_DAY) == day and all(key in st.session_state for key in DEFAULTS):
        return
    _show(day, existing)


def _show(day: date, entry: tracker.DailyEntry | None) -> None:
    values = dict(DEFAULTS)
    if entry is not None:
        values = {
            state.MOOD: entry.mood,
            state.MISSING_EX: entry.missing_ex,
            state.CONTACT: entry.contact,
            state.ACTIVITIES: list(entry.activities),
            state.NOTE: entry.note,
        }
    for key, value in values.items():
        st.session_state[key] = value
    st.session_state[state.DAILY_FORM_DAY] = day
    # The stored row the form was filled from: a Save or Delete checks that the file still holds it.
    st.session_state[state.DAILY_FORM_FROM] = entry
    st.session_state.pop(state.DAILY_CONFLICT, None)


def _filled_from(day: date, drawn: tracker.DailyEntry | None) -> tracker.DailyEntry | None:
    if st.session_state.get(state.DAILY_FORM_DAY) == day and state.DAILY_FORM_FROM in st.session_state:
        found = st.session_state[state.DAILY_FORM_FROM]
        return found if isinstance(found, tracker.DailyEntry) else None
    return drawn


def chip_label(names: Mapping[str, str], activity: str) -> str:
    """An activity in "What I did for myself": its name alone. A chip is at most as wide as the field less its
    buttons (about 36 letters on a 390 px phone) and Streamlit cuts a longer one short with "…", as it did
    "Didn't check their social media · Habits"; the chips' box also scrolls once it holds four rows, and names
    alone fit two or three to a row. A new activity may not repeat a name, so names tell them apart."""
    return names.get(activity, activity)


def show_picked_day() -> None:
    """After a row of History is picked, bring the form (far above the table) back into view, with keyboard focus
    on it: focus left on the table, off the screen, would take the next Tab on below the table."""
    if st.session_state.pop(state.HISTORY_PICKED, False):
        move_focus(state.DAILY_FORM_BOX, f"picked-{st.session_state.get(state.ENTRY_DAY)}", top=True)


def entry_form(
    s: Store, day: date, existing: tracker.DailyEntry | None, known: tuple[Activity, ...], today: date
) -> None:
    """The form for ``day``. Save stores what the form shows, in the click's callback: before the page is drawn
    again, so the counters, banners and history above and below already include it."""
    names = {a.id: a.name for a in known}
    kept = existing.activities if existing is not None else ()
    # A stored activity winback no longer knows (its line in custom_activities.csv unreadable) stays on the day.
    choices = [a.id for a in known if not a.retired or a.id in kept]
    choices += [a for a in kept if a not in choices]
    with st.container(key=state.DAILY_FORM_BOX):
        _fields(s, day, existing, names, choices, today)


def _fields(
    s: Store, day: date, existing: tracker.DailyEntry | None, names: dict[str, str], choices: list[str], today: date
) -> None:
    with st.form(state.DAILY_FORM, enter_to_submit=False):
        st.select_slider("Mood", options=list(MOODS), format_func=MOOD_LABELS.get, key=state.MOOD)
        st.slider("Missing my ex (0 = not at all, 10 = all the time)", 0, 10, key=state.MISSING_EX)
        st.radio("Contact with my ex", list(CONTACT_LABELS), format_func=CONTACT_LABELS.get, key=state.CONTACT)
        st.multiselect("What I did for myself", choices, format_func=partial(chip_label, names), key=state.ACTIVITIES)
        st.text_area("Note (only you see this)", max_chars=NOTE_LIMIT, key=state.NOTE)
        st.html(_HOLD_NOTE.format(day=html.escape(day_words(day, weekday=True))))
        st.form_submit_button("Save", type="primary", on_click=_save, args=(s, day, today, existing))
        # Last in the box: when the mark names the new day, everything above it in the form is that day's.
        st.html(_FORM_DAY_MARK.format(day=day.isoformat()))


CHANGED_ELSEWHERE = (
    "{day} was changed in another window after this form was filled, so nothing was {done}. The form still shows "
    "what you had here; choose below."
)


def _save(s: Store, day: date, today: date, drawn: tracker.DailyEntry | None) -> None:
    """Save what the form showed for ``day`` (the day it was drawn for, even if the picker moved since), unless
    another window changed that day since the form was drawn from it."""
    values = st.session_state
    if tracker.entry_for(s.read("daily_log").frame, day) != _filled_from(day, drawn):
        leave_notice(NOTICES, CHANGED_ELSEWHERE.format(day=day_words(day), done="saved"), "warning")
        values[state.DAILY_CONFLICT] = (day, "save")
        return
    kept, removed = typed_text.clean(str(values.get(state.NOTE) or ""))
    picked = values.get(state.ACTIVITIES) or []
    entry = tracker.DailyEntry(
        day,
        int(values.get(state.MOOD, NEUTRAL_MOOD)),
        int(values.get(state.MISSING_EX, NEUTRAL_MISSING_EX)),
        str(values.get(state.CONTACT, "none")),
        tracker.selected(picked),
        kept,
    )
    if removed:
        leave_notice(NOTICES, typed_text.removed_notice(removed, "the note"), "info")
    problems = tracker.entry_problems(entry, today)
    for problem in problems:
        leave_notice(NOTICES, problem, "error")
    if problems:
        return
    try:
        replaced = tracker.save_entry(s, entry, today)
    except StorageError as error:
        leave_notice(NOTICES, plain(str(error)), "error")
        return
    if values.get(state.ENTRY_DAY) == day:
        # The form now shows exactly what the file holds (removed characters, a note of only spaces).
        _show(day, tracker.entry_for(s.read("daily_log").frame, day))
    verb = "Updated" if replaced else "Saved"
    leave_notice(NOTICES, f"{verb} {day_words(entry.day, weekday=True)}: mood {MOOD_LABELS[entry.mood]}.")


def conflict_choices(s: Store, day: date, today: date) -> None:
    """After a Save or Delete refused because another window changed the day: see what is stored, or (for a
    Save) replace it with what this form shows."""
    conflict = st.session_state.get(state.DAILY_CONFLICT)
    if not isinstance(conflict, tuple) or conflict[0] != day:
        return
    left, right = st.columns(2)
    left.button("Show what is stored now", key=state.DAILY_SHOW_STORED, on_click=_show_stored, args=(s, day))
    if conflict[1] == "save":
        right.button("Replace it with this form", key=state.DAILY_REPLACE, on_click=_replace, args=(s, day, today))


def _show_stored(s: Store, day: date) -> None:
    _show(day, tracker.entry_for(s.read("daily_log").frame, day))


def _replace(s: Store, day: date, today: date) -> None:
    """The person saw the warning and chose their own: save it over what the other window stored."""
    current = tracker.entry_for(s.read("daily_log").frame, day)
    st.session_state[state.DAILY_FORM_FROM] = current
    st.session_state.pop(state.DAILY_CONFLICT, None)
    _save(s, day, today, current)


def delete_button(s: Store, day: date, drawn: tracker.DailyEntry) -> None:
    """Delete the day's entry after asking once more; the form then shows the day's defaults."""
    confirmed_delete(f"Delete {day_words(day)}", key=state.delete_day(day), on_yes=lambda: _delete(s, day, drawn))


def _delete(s: Store, day: date, drawn: tracker.DailyEntry) -> None:
    if tracker.entry_for(s.read("daily_log").frame, day) != _filled_from(day, drawn):
        leave_notice(NOTICES, CHANGED_ELSEWHERE.format(day=day_words(day), done="deleted"), "warning")
        st.session_state[state.DAILY_CONFLICT] = (day, "delete")
        return
    try:
        tracker.delete_entry(s, day)
    except StorageError as error:
        leave_notice(NOTICES, plain(str(error)), "error")
        return
    if st.session_state.get(state.ENTRY_DAY) == day:
        _show(day, None)
    leave_notice(NOTICES, f"Deleted {day_words(day, weekday=True)}.", "success")


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
        st.session_state[state.HISTORY_PICKED] = True


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
