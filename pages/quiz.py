import streamlit as st

from winback import quiz, ui

st.title("Readiness quiz")
store = ui.store()
ui.data_notices(store, ("quiz_attempts",))
st.markdown(
    "Two honest questions before anything else: **is this relationship worth fixing?** and **is it toxic?** "
    "The quiz is not part of this version of winback yet, so steps 4–5 stay closed for everyone."
)
attempts = store.read("quiz_attempts").frame
if attempts.empty:
    st.caption("Your past attempts, with what changed between them, will be listed here.")
else:
    st.subheader("Past attempts")
    shown = attempts.sort_values("taken_at", ascending=False)
    st.dataframe(
        {
            "Taken": shown["taken_at"].dt.strftime("%d %b %Y %H:%M"),
            "Verdict": shown["verdict"].map(quiz.HEADLINES),
            "Worth (0–100)": shown["worth"],
        },
        hide_index=True,
        width="stretch",
    )
