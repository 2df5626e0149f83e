from datetime import date

import streamlit as st

from winback import charts, progress, settings, tracker, ui

st.title("Progress")
store = ui.store()
ui.data_notices(store, ("daily_log", "checkins", "quiz_attempts", "reconnect"))
today = date.today()
count, _, _ = tracker.summary(store.read("daily_log").frame)
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


@st.fragment
def chart_views() -> None:
    """The period and one view at a time: choosing either redraws only this part of the page."""
    period = st.segmented_control("Period", charts.PERIODS, default="90 days", key="progress_period") or "90 days"
    tabs = st.tabs(progress.CHART_VIEWS, key="progress_view", on_change="rerun")
    for tab, view in zip(tabs, progress.CHART_VIEWS, strict=True):
        if not tab.open:
            continue
        with tab:
            for shown in progress.view_charts(store, view, period, today):
                st.markdown(f"**{shown.title}**")
                ui.show_chart(shown.chart, shown.key)


chart_views()

with st.expander("Step goals (your settings)"):
    ui.threshold_settings(store, settings.load(store)[0].thresholds)
