from datetime import date

import streamlit as st

from winback import quiz, ui

st.title("Reconnect")
store = ui.store()
lock = quiz.quiz_lock(store.read("quiz_attempts").frame, date.today())
st.markdown(
    "Steps 4 and 5 — reconnecting, and meeting kindly and maturely — open only when steps 1–3 are done "
    "**and** your latest readiness quiz says the relationship is worth trying and not toxic."
)
with st.container(border=True):
    st.markdown("**Closed for now**")
    st.markdown(f"- Quiz: {lock.reason}")
    st.markdown(
        "- Steps 1–3: this version of winback cannot yet measure them from your daily log, so the journal of "
        "contacts stays closed."
    )
st.page_link(
    "pages/daily_log.py",
    label="Keep going with the daily log",
    icon=":material/edit_note:",
)
