"""The weekly check-in on screen: five well-being and five self-worth items, once per ISO week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from winback import checkin
from winback.content.checkin import Scale, load_checkin
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
        wellbeing = _scale(texts.wellbeing, state.wellbeing_item, start=3)
        worth = _scale(texts.self_worth, state.self_worth_item, start=2)
        replace_ok = True
        if done is not None:
            replace_ok = st.checkbox("Yes, replace this week's check-in", key=state.CHECKIN_REPLACE)
        sent = st.form_submit_button("Save check-in")
    if sent:
        _save(s, today, wellbeing, worth, replace_ok)


def _scale(scale: Scale, key: Callable[[int], str], *, start: int) -> list[int]:
    """One scale's title and its five items, each a slider over the scale's answers; the answers chosen."""
    st.markdown(f"**{scale.title}**")
    return [
        int(
            st.select_slider(
                item, options=list(range(scale.top + 1)), value=start, format_func=scale.labels.__getitem__, key=key(n)
            )
        )
        for n, item in enumerate(scale.items)
    ]


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
