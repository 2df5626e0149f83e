"""The weekly check-in on screen: five well-being and five self-worth items, once per ISO week."""

from __future__ import annotations

from datetime import date

import streamlit as st

from winback import checkin
from winback.content.checkin import load_checkin
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import save_error
from winback.words import day_words


def checkin_form(s: Store, today: date) -> None:
    texts = load_checkin()
    done = checkin.this_weeks(s.read("checkins").frame, today)
    st.caption("A self-check for you, not a clinical test. Once a week is enough.")
    if done is not None:
        st.info(
            f"You did this week's check-in on {day_words(done['date'], year=False)}: well-being {done['wellbeing']}, "
            f"self-worth {done['self_worth']} (of 100). Sending it again replaces it.",
            icon=":material/event_available:",
        )
    with st.form(state.CHECKIN_FORM):
        st.markdown(f"**{texts.wellbeing.title}**")
        wellbeing = [
            st.select_slider(
                item,
                options=list(range(6)),
                value=3,
                format_func=texts.wellbeing.labels.__getitem__,
                key=state.wellbeing_item(n),
            )
            for n, item in enumerate(texts.wellbeing.items)
        ]
        st.markdown(f"**{texts.self_worth.title}**")
        worth = [
            st.select_slider(
                item,
                options=list(range(4)),
                value=2,
                format_func=texts.self_worth.labels.__getitem__,
                key=state.self_worth_item(n),
            )
            for n, item in enumerate(texts.self_worth.items)
        ]
        replace_ok = True
        if done is not None:
            replace_ok = st.checkbox("Yes, replace this week's check-in", key=state.CHECKIN_REPLACE)
        sent = st.form_submit_button("Save check-in")
    if sent:
        _save(s, today, [int(v) for v in wellbeing], [int(v) for v in worth], replace_ok)


def _save(s: Store, today: date, wellbeing: list[int], worth: list[int], replace_ok: bool) -> None:
    if not replace_ok:
        st.warning("Nothing saved: tick the box to replace this week's check-in.", icon=":material/warning:")
        return
    try:
        checkin.save_checkin(s, today, wellbeing, worth)
    except StorageError as error:
        save_error(error)
    else:
        st.success(
            f"Check-in saved: well-being {checkin.wellbeing_score(wellbeing)}, "
            f"self-worth {checkin.self_worth_score(worth)} (of 100).",
            icon=":material/check:",
        )
