from datetime import date

import streamlit as st

from winback.ui import disguise_form, import_panel, lock_settings, privacy_forms, report_form, session, widgets

store = session.store()
st.title("Data & privacy", anchor=False)
widgets.data_notices(store)
today = date.today()

st.header("Where your data lives", anchor=False)
st.markdown(
    "Everything you enter is kept as plain CSV files in one folder on this computer. winback sends nothing "
    "anywhere: no account, no analytics, no cloud."
)
has_files = privacy_forms.folder_files(store)

st.header("Disguise", anchor=False)
disguise_form.disguise_switch(today)

st.header("Explore with sample data", anchor=False)
privacy_forms.sample_switch()

st.header("Export", anchor=False)
privacy_forms.export_buttons(store, today, has_files)

st.header("Make a report", anchor=False)
report_form.report_form(store, today)

st.header("Import", anchor=False)
import_panel.import_panel(store, today)

st.header("Daily reminder", anchor=False)
privacy_forms.reminder(today)

st.header("Delete everything", anchor=False)
privacy_forms.delete_everything(store)

st.header("App lock", anchor=False)
lock_settings.app_lock_section()
