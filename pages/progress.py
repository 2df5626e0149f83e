from datetime import date

import streamlit as st

from winback import progress, settings, tracker, ui
from winback.charts.steps import step_bars
from winback.views import CHART_VIEWS, WHY_VIEW, view_charts
from winback.vocab import DEFAULT_PERIOD, PERIODS

st.title("Progress")
store = ui.store()
ui.data_notices(store, ("daily_log", "checkins", "quiz_attempts", "reconnect"))
today = date.today()
count, _, _ = tracker.summary(store.read("daily_log").frame)
model = progress.from_store(store, today)

st.markdown("**The five steps**")
ui.show_chart(step_bars(model.steps), "steps")
if count == 0:
    st.markdown("Charts of your mood, activities and no-contact days are drawn here from your daily log.")
    st.page_link("pages/daily_log.py", label="Log your first day to start", icon=":material/edit_note:")


@st.fragment
def views() -> None:
    """Why the steps stand where they do, or one view of charts: switching redraws only this part of the page."""
    tabs = st.tabs((WHY_VIEW, *CHART_VIEWS), key="progress_view", on_change="rerun")
    with tabs[0]:
        if tabs[0].open:
            for step in model.steps:
                st.markdown(f"**{step.number}. {step.name}** · {step.state}")
                st.text("\n".join(step.reasons))
    for tab, view in zip(tabs[1:], CHART_VIEWS, strict=True):
        if not tab.open:
            continue
        with tab:
            period = st.segmented_control("Period", PERIODS, default=DEFAULT_PERIOD, key="progress_period")
            for shown in view_charts(store, view, period or DEFAULT_PERIOD, today):
                st.markdown(f"**{shown.title}**")
                ui.show_chart(shown.chart, shown.key)


views()

# Drawn only when opened: six sliders nobody needs on the way to their charts.
with st.expander("Step goals (your settings)", key="progress_goals", on_change="rerun") as goals:
    if goals.open:
        ui.threshold_settings(store, settings.load(store)[0].thresholds)
