from datetime import date

import streamlit as st

from winback import dataio, ui

st.title("Data & privacy")
store = ui.store()
ui.data_notices(store)

st.subheader("Where your data lives")
st.markdown(
    "Everything you enter is kept as plain CSV files in one folder on this computer. winback sends nothing "
    "anywhere: no account, no analytics, no cloud."
)
st.code(str(store.folder), language=None)
files = store.files()
if files:
    st.dataframe(
        {
            "File": [p.name for p in files],
            "Size (bytes)": [p.stat().st_size for p in files],
        },
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
st.download_button(
    "Download everything (zip)",
    data=dataio.export_zip(store),
    file_name=f"winback-{date.today().isoformat()}.zip",
    mime="application/zip",
    disabled=not files,
    key="export_zip",
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
        st.success(
            f"Deleted {removed} files. winback now starts fresh.",
            icon=":material/delete:",
        )
    else:
        st.error(
            'Nothing was deleted: type "delete everything" exactly to confirm.',
            icon=":material/error:",
        )
