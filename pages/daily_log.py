from datetime import date

import streamlit as st

from winback import activities, settings, tracker, ui
from winback.charts.period import period_start
from winback.store import StorageError
from winback.vocab import CONTACT_LABELS, DEFAULT_PERIOD, MOOD_LABELS, MOODS, NOTE_LIMIT, PERIODS
from winback.words import count_phrase, day_words

st.title("Daily log")
store = ui.store()
ui.data_notices(store, ("daily_log", "custom_activities", "checkins"))
today = date.today()
log = store.read("daily_log").frame
known = activities.all_activities(store.read("custom_activities").frame)
names = {a.id: a.name for a in known}
areas = activities.area_of(known)
configured, _ = settings.load(store)

ui.no_contact_section(store, log, today)
if tracker.needs_low_mood_care(log, today):
    ui.low_mood_note()

st.subheader("Log a day")
day = st.date_input("Day", value=today, format="YYYY-MM-DD", key="entry_day")
day = day if isinstance(day, date) else today
existing = tracker.entry_for(log, day)
ui.prefill_daily_form(day, existing)
if existing is not None:
    st.info(f"You already logged {day_words(day, weekday=True)}. Saving changes it.", icon=":material/edit:")
choices = [a.id for a in known if not a.retired or (existing is not None and a.id in existing.activities)]

with st.form("daily_entry", enter_to_submit=False):
    mood = st.select_slider("Mood", options=list(MOODS), format_func=MOOD_LABELS.get, key="mood")
    missing = st.slider("Missing my ex (0 = not at all, 10 = all the time)", 0, 10, key="missing_ex")
    contact = st.radio("Contact with my ex", list(CONTACT_LABELS), format_func=CONTACT_LABELS.get, key="contact")
    picked = st.multiselect(
        "What I did for myself", choices, format_func=lambda a: f"{names[a]} · {areas[a]}", key="activities"
    )
    note = st.text_area("Note (only you see this)", max_chars=NOTE_LIMIT, key="note")
    submitted = st.form_submit_button("Save", type="primary")

if submitted:
    entry = tracker.DailyEntry(day, int(mood), int(missing), str(contact), tracker.selected(picked), note or "")
    problems = tracker.entry_problems(entry, today)
    for problem in problems:
        st.error(problem, icon=":material/error:")
    if not problems:
        try:
            replaced = tracker.save_entry(store, entry, today)
        except StorageError as error:
            ui.save_error(error)
        else:
            verb = "Updated" if replaced else "Saved"
            st.success(
                f"{verb} {day_words(entry.day, weekday=True)}: mood {MOOD_LABELS[entry.mood]}.",
                icon=":material/check:",
            )
            log = store.read("daily_log").frame
            existing = entry

if existing is not None and ui.confirmed_delete(f"Delete {day_words(day)}", key=f"delete_day_{day.isoformat()}"):
    try:
        tracker.delete_entry(store, day)
    except StorageError as error:
        ui.save_error(error)
    else:
        ui.forget_daily_form()
        st.success(f"Deleted {day_words(day, weekday=True)}.", icon=":material/delete:")
        log = store.read("daily_log").frame

with st.expander("Weekly check-in (optional)"):
    ui.weekly_checkin(store, today)

with st.expander("Your own activities"):
    ui.custom_activities(store, known)

with st.expander("No-contact start date"):
    ui.no_contact_start(store, configured.no_contact_start, today)

st.subheader("History")
count, first, _ = tracker.summary(log)
if count == 0:
    st.caption("Your entries appear here, newest first, once you save your first day above.")
else:
    period = st.segmented_control("Period", PERIODS, default=DEFAULT_PERIOD, key="history_period") or DEFAULT_PERIOD
    only = st.multiselect(
        "Only days with", sorted(names, key=names.__getitem__), format_func=names.__getitem__, key="history_filter"
    )
    shown = tracker.filter_history(log, period_start(period, today, first), today, only)
    st.caption(
        f"{count_phrase(len(shown), 'day')} shown of {count_phrase(count, 'day')} logged. Pick a row to edit it."
    )
    ui.history_table(tracker.history(shown, names))
