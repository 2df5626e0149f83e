"""The five steps' goals on screen: the person's own thresholds, within the ranges winback allows."""

from __future__ import annotations

import streamlit as st

from winback import settings
from winback.content.steps import Thresholds
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import pending_notice, rerun_with_notice, save_error

NOTICE = "goals"


def _sliders(t: Thresholds) -> dict[str, float]:
    return {
        "no_contact_days": st.select_slider(
            "No contact: days",
            # A goal set in settings.json between the usual choices is shown as it is, not refused.
            options=sorted({*t.no_contact_choices, t.no_contact_days}),
            value=t.no_contact_days,
            key=state.goal("no_contact_days"),
        ),
        "positive_mood": st.slider(
            "Stay positive: average mood", 1.0, 5.0, t.positive_mood, 0.1, key=state.goal("positive_mood")
        ),
        "positive_social_days": st.slider(
            f"Stay positive: days with a Social or Joy activity (of {t.positive_window})",
            0,
            14,
            t.positive_social_days,
            key=state.goal("positive_social_days"),
        ),
        "self_value_area_days": st.slider(
            f"Self-value: activity-days for a life area to count (of {t.self_value_window})",
            1,
            28,
            t.self_value_area_days,
            key=state.goal("self_value_area_days"),
        ),
        "self_value_areas": st.slider(
            "Self-value: life areas needed", 1, 5, t.self_value_areas, key=state.goal("self_value_areas")
        ),
        "friendly_contacts": st.slider(
            "Be kind: friendly contacts", 1, 10, t.friendly_contacts, key=state.goal("friendly_contacts")
        ),
    }


def goals_form(s: Store, thresholds: Thresholds) -> None:
    st.caption("The goals behind steps 1–5. Change them to fit your life; the defaults come from the method.")
    pending_notice(NOTICE)
    with st.form(state.GOALS_FORM):
        values = _sliders(thresholds)
        if st.form_submit_button("Save goals"):
            try:
                settings.save_thresholds(s, values)
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
            except StorageError as error:
                save_error(error)
            else:
                rerun_with_notice(NOTICE, "Goals saved. The five steps are measured against them now.")
