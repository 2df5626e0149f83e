"""The weekly check-in on screen: five well-being and five self-worth items, once per ISO week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from winback import checkin
from winback.content.checkin import Scale, load_checkin
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import leave_notice, pending_notice
from winback.words import day_words

NOTICES = "checkin"
# Where each slider starts: the middle of its scale.
WELLBEING_START, SELF_WORTH_START = 3, 2


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
    pending_notice(NOTICES)
    with st.form(state.CHECKIN_FORM):
        _scale(texts.wellbeing, state.wellbeing_item, start=WELLBEING_START)
        _scale(texts.self_worth, state.self_worth_item, start=SELF_WORTH_START)
        if done is not None:
            st.checkbox("Yes, replace this week's check-in", key=state.CHECKIN_REPLACE)
        # Saved in the click's callback, so the line above the form already names the check-in just saved.
        drawn = None if done is None else (int(done["wellbeing"]), int(done["self_worth"]))
        st.form_submit_button("Save check-in", on_click=_save, args=(s, today, drawn))


def _scale(scale: Scale, key: Callable[[int], str], *, start: int) -> None:
    """One scale's title and its five items, each a slider over the scale's answers."""
    st.markdown(f"**{scale.title}**")
    for n, item in enumerate(scale.items):
        st.select_slider(
            item, options=list(range(scale.top + 1)), value=start, format_func=scale.labels.__getitem__, key=key(n)
        )


def _scores(s: Store, today: date) -> tuple[int, int] | None:
    done = checkin.this_weeks(s.read("checkins").frame, today)
    return None if done is None else (int(done["wellbeing"]), int(done["self_worth"]))


def _save(s: Store, today: date, drawn: tuple[int, int] | None) -> None:
    """Save the week's check-in; one the page did not show (saved in another window since) is never replaced."""
    texts = load_checkin()
    values = st.session_state
    replacing = drawn is not None
    if _scores(s, today) != drawn:
        leave_notice(
            NOTICES,
            "Nothing saved: this week's check-in was changed in another window after this page showed it. "
            "Look at it above, then send yours again if you want it to replace that one.",
            "warning",
        )
        return
    wellbeing = [int(values.get(state.wellbeing_item(n), WELLBEING_START)) for n in range(len(texts.wellbeing.items))]
    worth = [int(values.get(state.self_worth_item(n), SELF_WORTH_START)) for n in range(len(texts.self_worth.items))]
    if replacing and not values.get(state.CHECKIN_REPLACE):
        leave_notice(NOTICES, "Nothing saved: tick the box to replace this week's check-in.", "warning")
        return
    try:
        checkin.save_checkin(s, today, wellbeing, worth)
    except StorageError as error:
        leave_notice(NOTICES, plain(str(error)), "error")
        return
    values.pop(state.CHECKIN_REPLACE, None)
    leave_notice(
        NOTICES,
        f"Check-in saved: well-being {checkin.wellbeing_score(wellbeing)}, "
        f"self-worth {checkin.self_worth_score(worth)} (of 100).",
    )
