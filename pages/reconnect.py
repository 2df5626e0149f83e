from datetime import date

import streamlit as st

from winback import journal, progress, sitemap
from winback.ui import journal_form, session, state, widgets

store = session.store()
st.title("Reconnect", anchor=False)
widgets.data_notices(store, ("reconnect", "quiz_attempts"))
today = date.today()
model = progress.from_store(store, today)
step4, step5 = model.step(4), model.step(5)
st.markdown(
    "Steps 4 and 5 — reconnecting, and meeting kindly and maturely — open only when steps 1–3 are done "
    "**and** your latest readiness quiz says the relationship is worth trying and not toxic."
)

if step4.state == "locked":
    if model.quiz_locks_for_safety:
        widgets.resources_panel(state.RECONNECT_HELP_COUNTRY, heading="Help is here, whenever you want it")
    with st.container(border=True, key=state.RECONNECT_LOCKED):
        st.markdown("**Closed for now**")
        st.text("\n".join(step4.reasons))
    st.page_link(sitemap.DAILY_LOG.file, label="Keep going with the daily log", icon=sitemap.DAILY_LOG.icon)
else:
    widgets.step_card(step4)
    widgets.step_card(step5)
    st.header("Log a contact", anchor=False)
    journal_form.new_contact(store, today)
    st.header("Your contacts", anchor=False)
    journal_form.past_contacts(store, journal.entries(store.read("reconnect").frame), today)
