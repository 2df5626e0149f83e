from datetime import date, time

import streamlit as st

from winback import dataio, ui

st.title("Data & privacy")
store = ui.store()
ui.data_notices(store)
today = date.today()

st.subheader("Where your data lives")
st.markdown(
    "Everything you enter is kept as plain CSV files in one folder on this computer. winback sends nothing "
    "anywhere: no account, no analytics, no cloud."
)
st.code(str(store.folder), language=None)
files = [p for p in store.files() if not p.name.endswith(".lock")]
if files:
    st.dataframe(
        {"File": [p.name for p in files], "Size (bytes)": [p.stat().st_size for p in files]},
        hide_index=True,
        width="stretch",
    )
else:
    st.caption("The folder is empty: files appear here after you save your first entry or quiz.")

st.subheader("Explore with sample data")
sample = st.toggle(
    "Show a year of made-up history instead of my own",
    value=ui.in_sample_mode(),
    help="Sample data lives in its own folder and never mixes with your entries.",
    key="sample_toggle",
)
if sample != ui.in_sample_mode():
    st.session_state[ui.SAMPLE_KEY] = sample
    st.rerun()

st.subheader("Export")
left, right = st.columns(2)
left.download_button(
    "Everything (zip)",
    data=lambda: dataio.export_zip(store),  # built only when clicked: large histories stay fast
    file_name=f"winback-{today.isoformat()}.zip",
    mime="application/zip",
    disabled=not files,
    help="Every file exactly as stored; import it here to restore or move your data.",
    key="export_zip",
    icon=":material/folder_zip:",
)
right.download_button(
    "Daily log for spreadsheets (CSV)",
    data=lambda: dataio.spreadsheet_csv(store),
    file_name=f"winback-daily-log-{today.isoformat()}.csv",
    mime="text/csv",
    disabled=not files,
    help="Safe to open in Excel or LibreOffice: text that could run as a formula is neutralised.",
    key="export_csv",
    icon=":material/table:",
)

st.subheader("Import")
ui.import_panel(store, today)

st.subheader("Daily reminder")
st.caption("A calendar file with a daily reminder to check in. It says only 'winback check-in'.")
at = st.time_input("Remind me at", value=time(21, 0), step=900, key="reminder_time")
st.download_button(
    "Download reminder (.ics)",
    data=dataio.reminder_ics(at, today),
    file_name="winback-reminder.ics",
    mime="text/calendar",
    key="reminder_ics",
    icon=":material/alarm:",
)

st.subheader("Delete everything")
what = "the sample data" if ui.in_sample_mode() else "all your entries, quiz results and settings"
st.markdown(f"This removes {what} from this computer. It cannot be undone; export first if you want a copy.")
with st.form("delete_all"):
    typed = st.text_input('Type "delete everything" to confirm', key="delete_confirm")
    confirmed = st.form_submit_button("Delete everything", type="secondary")
if confirmed:
    if typed.strip().lower() == "delete everything":
        removed = dataio.delete_everything(store)
        st.cache_data.clear()
        for key in [k for k in st.session_state if str(k).startswith(("q_", "daily_", "entry_", "history_"))]:
            del st.session_state[key]
        st.success(f"Deleted {removed} files. winback now starts fresh.", icon=":material/delete:")
    else:
        st.error('Nothing was deleted: type "delete everything" exactly to confirm.', icon=":material/error:")
