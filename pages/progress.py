from datetime import date

import streamlit as st

from winback import activities, charts, progress, quiz, settings, tracker, ui

st.title("Progress")
store = ui.store()
ui.data_notices(store, ("daily_log", "checkins", "quiz_attempts", "reconnect"))
today = date.today()
log = store.read("daily_log").frame
count, first, _ = tracker.summary(log)
model = progress.from_store(store, today)

st.markdown("**The five steps**")
ui.show_chart(charts.step_bars(model.steps), "steps")
with st.expander("Why each step stands where it does"):
    for step in model.steps:
        st.markdown(f"**{step.number}. {step.name}** · {step.state}")
        st.text("\n".join(step.reasons))

if count == 0:
    st.markdown("Charts of your mood, activities and no-contact days are drawn here from your daily log.")
    st.page_link("pages/daily_log.py", label="Log your first day to start", icon=":material/edit_note:")
period = st.segmented_control("Period", charts.PERIODS, default="90 days", key="progress_period") or "90 days"
start = charts.period_start(period, today, first)
known = activities.all_activities(store.read("custom_activities").frame)
content = quiz.load_quiz()

for title, chart, key in (
    ("Mood and missing my ex", charts.mood_over_time(log, start, today), "mood"),
    ("Year in pixels: mood", charts.calendar_heatmap(log, start, today, "mood"), "pixels_mood"),
    ("Year in pixels: contact with my ex", charts.calendar_heatmap(log, start, today, "contact"), "pixels_contact"),
    ("What I did, by life area", charts.activities_per_area(log, start, today, activities.area_of(known)), "areas"),
    ("Mood on days with and without", charts.mood_by_activity(log, start, today, {a.id: a.name for a in known}), "by"),
    ("Weekly check-in", charts.checkin_scores(store.read("checkins").frame, start, today), "checkins"),
    (
        "Readiness quiz",
        charts.quiz_history(store.read("quiz_attempts").frame, content.policy.go_min, content.policy.wait_min),
        "quiz",
    ),
):
    st.markdown(f"**{title}**")
    ui.show_chart(chart, key)

with st.expander("Step goals (your settings)"):
    ui.threshold_settings(store, settings.load(store)[0].thresholds)
