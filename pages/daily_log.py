from datetime import date

import streamlit as st

from winback import activities, settings, tracker
from winback.ui import activities_form, checkin_form, daily_form, no_contact, session, widgets
from winback.words import day_words

store = session.store()
st.title("Daily log", anchor=False)
widgets.data_notices(store, ("daily_log", "custom_activities", "checkins"))
today = date.today()
log = store.read("daily_log").frame
known = activities.all_activities(store.read("custom_activities").frame)

no_contact.section(store, log, today)
if tracker.needs_low_mood_care(log, today):
    widgets.low_mood_note()

st.header("Log a day", anchor=False)
day = daily_form.pick_day(today, tracker.summary(log)[1])
existing = tracker.entry_for(log, day)
daily_form.prefill(day, existing)
widgets.pending_notice(daily_form.NOTICES)
daily_form.conflict_choices(store, day, today)
if existing is not None:
    st.info(f"You already logged {day_words(day, weekday=True)}. Saving changes it.", icon=":material/edit:")
daily_form.entry_form(store, day, existing, known, today)
if existing is not None:
    daily_form.delete_button(store, day, existing)

with st.expander("Weekly check-in (optional)"):
    checkin_form.checkin_form(store, today)
with st.expander("Your own activities"):
    activities_form.activities_form(store, known)
with st.expander("No-contact start date"):
    no_contact.start_form(store, settings.load(store)[0].no_contact_start, today)

st.header("History", anchor=False)
daily_form.history(log, {a.id: a.name for a in known}, today)
daily_form.show_picked_day()
