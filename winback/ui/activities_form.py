"""The person's own activities on screen: add one, rename it, retire it or bring it back."""

from __future__ import annotations

import streamlit as st

from winback import activities, typed_text
from winback.content.activities import Activity
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.ui.widgets import pending_notice, rerun_with_notice, save_error
from winback.vocab import LIFE_AREAS

NOTICE = "activities"


def activities_form(s: Store, known: tuple[Activity, ...]) -> None:
    st.caption("Add what helps you. Renaming or retiring one keeps your past days as they were.")
    pending_notice(NOTICE)
    if st.session_state.pop(state.NEW_ACTIVITY_ADDED, False):
        st.session_state[state.NEW_ACTIVITY_NAME] = ""
        st.session_state[state.NEW_ACTIVITY_AREA] = LIFE_AREAS[0]
    # Emptied only once added: a name refused (too long, taken) stays in the field to be changed. No max_chars:
    # the browser would drop a longer name pasted in without a word; the limit is said and checked instead.
    with st.form(state.ACTIVITY_FORM):
        name = st.text_input("New activity", help=activities.NAME_LIMIT_WORDS, key=state.NEW_ACTIVITY_NAME)
        area = st.selectbox("Life area", LIFE_AREAS, key=state.NEW_ACTIVITY_AREA)
        if st.form_submit_button("Add activity"):
            name, removed = typed_text.clean(name)
            try:
                added = activities.add_custom(s, name, str(area))
            except ValueError as error:
                # The message quotes the name as typed.
                st.error(plain(str(error)), icon=":material/error:")
            except StorageError as error:
                save_error(error)
            else:
                cleaned = f" {typed_text.removed_notice(removed, 'the name')}" if removed else ""
                st.session_state[state.NEW_ACTIVITY_ADDED] = True
                rerun_with_notice(NOTICE, f"Added to {added.area}: see it in the list below.{cleaned}")
    for activity in (a for a in known if a.custom):
        _own_activity(s, activity)


def _own_activity(s: Store, activity: Activity) -> None:
    left, right = st.columns([3, 1])
    renamed = left.text_input(
        f"{activity.area}{' · retired' if activity.retired else ''}",
        value=activity.name,
        key=state.rename_activity(activity.id),
        help=activities.NAME_LIMIT_WORDS,  # no max_chars: a longer name pasted in is refused saying why
    )
    label = "Bring back" if activity.retired else "Retire"
    if right.button(label, key=state.retire_activity(activity.id)):
        try:
            activities.update_custom(s, activity, retired=not activity.retired)
        except StorageError as error:
            save_error(error)
        else:
            st.rerun()
    # Compared once cleaned: the box keeps what was typed, so a removed character must not count as a change.
    renamed, removed = typed_text.clean(renamed)
    if renamed.strip() != activity.name:
        try:
            activities.update_custom(s, activity, name=renamed)
        except ValueError as error:
            st.error(plain(str(error)), icon=":material/error:")
        except StorageError as error:
            save_error(error)
        else:
            if removed:
                rerun_with_notice(NOTICE, typed_text.removed_notice(removed, "the name"))
            st.rerun()
