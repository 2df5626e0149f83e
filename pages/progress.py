import streamlit as st

from winback import tracker, ui

st.title("Progress")
store = ui.store()
ui.data_notices(store, ("daily_log",))
count, first, latest = tracker.summary(store.read("daily_log").frame)
if count == 0:
    st.markdown("Charts of how far you have come will be drawn here from your daily log.")
    st.page_link(
        "pages/daily_log.py",
        label="Log your first day to start",
        icon=":material/edit_note:",
    )
else:
    st.markdown(
        f"You have logged **{tracker.days_phrase(count)}** ({first:%d %b %Y} – {latest:%d %b %Y}). "
        "This version of winback does not draw the progress charts yet; every entry is kept and will count "
        "when they arrive."
    )
