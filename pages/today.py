from datetime import date

import streamlit as st

from winback import progress, quiz, sitemap, tracker
from winback.charts.mood import mood_last_days
from winback.ui import no_contact, session, state, widgets
from winback.words import day_words

store = session.store()
st.title("Today", anchor=False)
widgets.data_notices(store, ("daily_log", "quiz_attempts", "checkins", "reconnect"))
today = date.today()
log = store.read("daily_log").frame
latest = quiz.latest_verdict(store.read("quiz_attempts").frame)

if log.empty and latest is None:
    st.markdown(
        "Welcome. winback helps you answer two questions honestly — *is this relationship worth fixing?* and "
        "*is it toxic?* — and then walks with you through five steps while you look after yourself."
    )
    st.markdown("**Where to start**")
    st.page_link(sitemap.QUIZ.file, label="Take the readiness quiz", icon=sitemap.QUIZ.icon)
    st.page_link(sitemap.DAILY_LOG.file, label="Log how today went", icon=sitemap.DAILY_LOG.icon)
    st.caption("Your current step, no-contact days and last week's mood appear here once you have logged a day.")
else:
    model = progress.from_store(store, today)
    if model.quiz_locks_for_safety:
        widgets.resources_panel(state.TODAY_HELP_COUNTRY, heading="Help is here, whenever you want it")
    widgets.step_card(model.step(model.current))
    st.markdown(f"**Next:** {model.next_action}")
    if model.keep_self_value:
        st.info(
            "**Keep your self-value.** You have reconnected; keep up the things that made you strong — "
            "the mood and life-area goals of steps 2–3 have slipped a little.",
            icon=":material/self_improvement:",
        )
    no_contact.section(store, log, today, model)
    if tracker.needs_low_mood_care(log, today):
        widgets.low_mood_note()
    st.markdown("**Your last 7 days**")
    widgets.show_chart(mood_last_days(log, today), "today_mood")
    if latest is None:
        st.page_link(sitemap.QUIZ.file, label="You have not taken the readiness quiz yet", icon=sitemap.QUIZ.icon)
    else:
        st.markdown(f"**Latest quiz** ({day_words(latest.taken)}): {latest.verdict_words}")
    st.page_link(sitemap.DAILY_LOG.file, label="Log today", icon=sitemap.DAILY_LOG.icon)
