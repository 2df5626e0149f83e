from datetime import date

import streamlit as st

from winback import progress, quiz, tracker, ui
from winback.charts.mood import mood_last_days
from winback.words import day_words

st.title("Today")
store = ui.store()
ui.data_notices(store, ("daily_log", "quiz_attempts", "checkins", "reconnect"))
today = date.today()
log = store.read("daily_log").frame
verdict = quiz.latest_verdict(store.read("quiz_attempts").frame)

if log.empty and verdict is None:
    st.markdown(
        "Welcome. winback helps you answer two questions honestly — *is this relationship worth fixing?* and "
        "*is it toxic?* — and then walks with you through five steps while you look after yourself."
    )
    st.markdown("**Where to start**")
    st.page_link("pages/quiz.py", label="Take the readiness quiz", icon=":material/quiz:")
    st.page_link("pages/daily_log.py", label="Log how today went", icon=":material/edit_note:")
    st.caption("Your current step, no-contact days and last week's mood appear here once you have logged a day.")
else:
    model = progress.from_store(store, today)
    if model.quiz_locks_for_safety:
        ui.resources_panel(heading="Help is here, whenever you want it")
    current = model.step(model.current)
    ui.step_card(current)
    st.markdown(f"**Next:** {model.next_action}")
    if model.keep_self_value:
        st.info(
            "**Keep your self-value.** You have reconnected; keep up the things that made you strong — "
            "the mood and life-area goals of steps 2–3 have slipped a little.",
            icon=":material/self_improvement:",
        )
    ui.no_contact_section(store, log, today, model)
    if tracker.needs_low_mood_care(log, today):
        ui.low_mood_note()
    chart = mood_last_days(log, today)
    st.markdown("**Your last 7 days**")
    if chart.figure is None:
        st.caption(chart.empty)
    else:
        st.plotly_chart(chart.figure, alt=chart.alt, key="today_mood", config={"displayModeBar": False})
    if verdict is None:
        st.page_link("pages/quiz.py", label="You have not taken the readiness quiz yet", icon=":material/quiz:")
    else:
        st.markdown(f"**Latest quiz** ({day_words(verdict.taken)}): {verdict.headline}")
    st.page_link("pages/daily_log.py", label="Log today", icon=":material/edit_note:")
