from datetime import date

import streamlit as st

from winback import journal, progress, ui

st.title("Reconnect")
store = ui.store()
ui.data_notices(store, ("reconnect", "quiz_attempts"))
today = date.today()
model = progress.from_store(store, today)
step4, step5 = model.step(4), model.step(5)
st.markdown(
    "Steps 4 and 5 — reconnecting, and meeting kindly and maturely — open only when steps 1–3 are done "
    "**and** your latest readiness quiz says the relationship is worth trying and not toxic."
)

if step4.state == "locked":
    if model.quiz_locks_for_safety:
        ui.resources_panel(heading="Help is here, whenever you want it")
    with st.container(border=True, key="reconnect_locked"):
        st.markdown("**Closed for now**")
        st.text("\n".join(step4.reasons))
    st.page_link("pages/daily_log.py", label="Keep going with the daily log", icon=":material/edit_note:")
else:
    ui.step_card(step4)
    ui.step_card(step5)
    st.subheader("Log a contact")
    ui.journal_form(store, today)
    st.subheader("Your contacts")
    ui.journal_list(store, journal.entries(store.read("reconnect").frame), today)
