"""winback: the router. Page config, the person's data folder, navigation and the sidebar."""

import streamlit as st

from winback import ui

# An emoji icon is drawn by the browser itself; a ":material/…:" one would be fetched from Google's servers.
st.set_page_config(page_title="winback", page_icon="🌱", layout="centered")

ui.freeze_startup_objects()
ui.resolve_folder()

help_page = st.Page("pages/help_safety.py", title="Help & safety", icon=":material/health_and_safety:")
navigation = st.navigation(
    [
        st.Page("pages/today.py", title="Today", icon=":material/today:", default=True),
        st.Page("pages/quiz.py", title="Readiness quiz", icon=":material/quiz:"),
        st.Page("pages/daily_log.py", title="Daily log", icon=":material/edit_note:"),
        st.Page("pages/progress.py", title="Progress", icon=":material/insights:"),
        st.Page("pages/reconnect.py", title="Reconnect", icon=":material/handshake:"),
        st.Page("pages/data_privacy.py", title="Data & privacy", icon=":material/lock:"),
        help_page,
    ]
)
ui.sidebar(help_page)
ui.safety_bar(help_page)
ui.shared_diary_warning()
navigation.run()
