"""No contact on screen: the day count, the longest run and slips, and the chosen start date."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from winback import progress, settings, tracker
from winback.content.steps import Thresholds
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import leave_notice, pending_notice
from winback.words import day_words

NOTICES = "no_contact_start"


def section(s: Store, log: pd.DataFrame, today: date, model: progress.FiveSteps | None = None) -> None:
    """The no-contact counter, or — once the person has reconnected — a line saying that phase is behind them."""
    model = model or progress.from_store(s, today)
    if model.step(4).state == "done":
        st.caption(f"No contact is behind you. {model.step(1).reasons[0]} {model.step(4).reasons[0]}")
        return
    configured, _ = settings.load(s)
    summary(tracker.no_contact(log, configured.no_contact_start, today), configured.thresholds)


def summary(now: tracker.NoContact, thresholds: Thresholds) -> None:
    days, longest, slips = st.columns(3)
    days.metric("Days without contact", f"{now.days}", help=f"Step 1 is done at {thresholds.no_contact_days} days.")
    longest.metric("Longest run", f"{now.longest_run}")
    slips.metric("Slips", f"{now.slips}", help="Days you logged 'we talked' or 'I reached out'.")
    if now.last_contact is not None and now.since == now.last_contact and now.days < 3:
        st.caption(
            "You had contact recently. That's human, not a failure: the count starts again and every day counts."
        )
    elif now.start is not None:
        st.caption(f"Counting from your no-contact start, {day_words(now.start)}.")


def start_form(s: Store, current: date | None, today: date) -> None:
    st.caption("The day you stopped contact. It counts as day 1; a day with contact starts the count again.")
    pending_notice(NOTICES)
    with st.form(state.NO_CONTACT_FORM):
        st.date_input(
            "No contact since",
            value=current or today,
            # A start already after today (a clock that was ahead) stays visible, so it can be moved back.
            max_value=max(current or today, today),
            format="YYYY-MM-DD",
            key=state.NO_CONTACT_START,
        )
        # Saved in the click's callback, so the counter drawn above the form already counts from the new day.
        st.form_submit_button("Save start date", on_click=_save_start, args=(s, today))


def _save_start(s: Store, today: date) -> None:
    chosen = st.session_state.get(state.NO_CONTACT_START)
    try:
        settings.save_no_contact_start(s, chosen if isinstance(chosen, date) else None, today)
    except ValueError as error:
        leave_notice(NOTICES, str(error), "error")
    except StorageError as error:
        leave_notice(NOTICES, plain(str(error)), "error")
    else:
        leave_notice(NOTICES, "Saved.")
