import streamlit as st

from winback import quiz, tracker, ui

st.title("Today")
store = ui.store()
ui.data_notices(store, ("daily_log", "quiz_attempts"))
log = store.read("daily_log").frame
count, first, latest = tracker.summary(log)
verdict = quiz.latest_verdict(store.read("quiz_attempts").frame)

if count == 0 and verdict is None:
    st.markdown(
        "Welcome. winback helps you answer two questions honestly — *is this relationship worth fixing?* and "
        "*is it toxic?* — and then walks with you through five steps while you look after yourself."
    )
    st.markdown("**Where to start**")
    st.page_link("pages/quiz.py", label="Take the readiness quiz", icon=":material/quiz:")
    st.page_link("pages/daily_log.py", label="Log how today went", icon=":material/edit_note:")
    st.caption("Your current step, no-contact days and last week's mood appear here once you have logged a day.")
else:
    cols = st.columns(2)
    cols[0].metric("Days logged", f"{count:,}")
    cols[1].metric("Latest entry", f"{latest:%d %b %Y}" if latest else "none yet")
    if verdict is None:
        st.page_link(
            "pages/quiz.py",
            label="You have not taken the readiness quiz yet",
            icon=":material/quiz:",
        )
    else:
        st.markdown(f"**Latest quiz** ({verdict.taken:%d %B %Y}): {verdict.headline}")
    st.page_link("pages/daily_log.py", label="Log today", icon=":material/edit_note:")
