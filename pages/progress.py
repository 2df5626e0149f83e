from datetime import date

import streamlit as st

from winback import progress, settings, sitemap, tracker
from winback.charts.steps import step_bars
from winback.ui import goals_form, lock_screen, session, state, widgets
from winback.views import CHART_VIEWS, WHY_VIEW, chart_view, view_charts
from winback.vocab import PERIODS

store = session.store()
st.title("Progress", anchor=False)
widgets.data_notices(store, ("daily_log", "checkins", "quiz_attempts", "reconnect"))
today = date.today()
count, _, _ = tracker.summary(store.read("daily_log").frame)
model = progress.from_store(store, today)

st.markdown("**The five steps**")
widgets.show_chart(step_bars(model.steps), "steps")
if count == 0:
    st.markdown("Charts of your mood, activities and no-contact days are drawn here from your daily log.")
    st.page_link(sitemap.DAILY_LOG.file, label="Log your first day to start", icon=sitemap.DAILY_LOG.icon)


def period_control(view: str) -> str:
    """The view's period: the one the person picked last on any view, else the view's own (a year of pixels)."""
    key = state.progress_period(view)
    # Set before the control is drawn (Streamlit may keep a view's control state after the view closes, so a
    # default alone would not follow the person's latest pick); a cleared choice falls back to the view's own.
    st.session_state[key] = st.session_state.get(state.PROGRESS_PERIOD) or chart_view(view).period

    def remember() -> None:
        st.session_state[state.PROGRESS_PERIOD] = st.session_state[key]

    picked = st.segmented_control("Period", PERIODS, key=key, on_change=remember)
    return str(picked or chart_view(view).period)


@st.fragment
def views() -> None:
    """Why the steps stand where they do, or one view of charts: switching redraws only this part of the page.

    The views are a segmented control, not tabs: its buttons wrap onto a second row on a phone, where a strip
    of six tabs runs past the edge and cuts the last one off."""
    lock_screen.fragment_activity()  # switching views runs only this part: it is use all the same
    st.session_state.setdefault(state.PROGRESS_VIEW, WHY_VIEW)
    view = st.segmented_control("View", (WHY_VIEW, *CHART_VIEWS), required=True, key=state.PROGRESS_VIEW) or WHY_VIEW
    if view == WHY_VIEW:
        for step in model.steps:
            st.markdown(f"**{step.number}. {step.name}** · {step.state}")
            st.text("\n".join(step.reasons))
        return
    period = period_control(view)
    for shown in view_charts(store, view, period, today):
        st.markdown(f"**{shown.title}**")
        widgets.show_chart(shown.chart, shown.key)


views()

st.page_link(sitemap.DATA_PRIVACY.file, label="Make a PDF report of your progress", icon=":material/picture_as_pdf:")

# Drawn only when opened: six sliders nobody needs on the way to their charts.
with st.expander("Step goals (your settings)", key=state.PROGRESS_GOALS, on_change="rerun") as goals:
    if goals.open:
        goals_form.goals_form(store, settings.load(store)[0].thresholds)
