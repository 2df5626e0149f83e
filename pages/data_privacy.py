from datetime import date

import streamlit as st

from winback.ui import disguise_form, import_panel, lock_settings, privacy_forms, session, widgets

store = session.store()
st.title("Data & privacy")
widgets.data_notices(store)
today = date.today()

st.subheader("Where your data lives")
st.markdown(
    "Everything you enter is kept as plain CSV files in one folder on this computer. winback sends nothing "
    "anywhere: no account, no analytics, no cloud."
)
has_files = privacy_forms.folder_files(store)

st.subheader("Disguise")
disguise_form.disguise_switch(today)

st.subheader("Explore with sample data")
privacy_forms.sample_switch()

st.subheader("Export")
privacy_forms.export_buttons(store, today, has_files)

st.subheader("Import")
import_panel.import_panel(store, today)

st.subheader("Daily reminder")
privacy_forms.reminder(today)

st.subheader("Delete everything")
privacy_forms.delete_everything(store)

st.subheader("App lock")
lock_settings.app_lock_section()
