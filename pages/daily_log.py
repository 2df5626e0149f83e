from datetime import date

import streamlit as st

from winback import activities, tracker, ui
from winback.storage import StorageError

st.title("Daily log")
store = ui.store()
ui.data_notices(store, ("daily_log", "custom_activities"))
log = store.read("daily_log").frame
known = activities.all_activities(store.read("custom_activities").frame)
choices = [a.id for a in known if not a.retired]
names = {a.id: a.name for a in known}
areas = activities.area_of(known)

today = date.today()
with st.form("daily_entry", enter_to_submit=False):
    day = st.date_input("Day", value=today, format="YYYY-MM-DD", key="entry_day")
    mood = st.select_slider(
        "Mood",
        options=list(tracker.MOODS),
        value=3,
        format_func=tracker.MOODS.get,
        key="mood",
    )
    missing = st.slider("Missing my ex (0 = not at all, 10 = all the time)", 0, 10, 5, key="missing_ex")
    contact = st.radio(
        "Contact with my ex",
        list(tracker.CONTACT_LABELS),
        format_func=tracker.CONTACT_LABELS.get,
        key="contact",
    )
    picked = st.multiselect(
        "What I did for myself",
        choices,
        format_func=lambda a: f"{names[a]} · {areas[a]}",
        key="activities",
    )
    note = st.text_area("Note (only you see this)", max_chars=tracker.NOTE_LIMIT, key="note")
    submitted = st.form_submit_button("Save", type="primary")

if submitted:
    entry = tracker.DailyEntry(
        day=day if isinstance(day, date) else today,
        mood=int(mood),
        missing_ex=int(missing),
        contact=str(contact),
        activities=tracker.selected(picked),
        note=note or "",
    )
    problems = tracker.entry_problems(entry, today)
    if problems:
        for problem in problems:
            st.error(problem, icon=":material/error:")
    else:
        try:
            replaced = tracker.save_entry(store, entry, today)
        except StorageError as error:
            ui.save_error(error)
        else:
            verb = "Updated" if replaced else "Saved"
            st.success(
                f"{verb} {entry.day:%A %d %B %Y}: mood {tracker.MOODS[entry.mood]}.",
                icon=":material/check:",
            )
            log = store.read("daily_log").frame

st.subheader("History")
count, first, latest = tracker.summary(log)
if count == 0:
    st.caption("Your entries appear here, newest first, once you save your first day above.")
else:
    st.caption(f"{tracker.days_phrase(count)} logged, from {first:%d %B %Y} to {latest:%d %B %Y}.")
    st.dataframe(tracker.history(log, names), hide_index=True, width="stretch")
