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
    with st.form(state.ACTIVITY_FORM, clear_on_submit=True):
        name = st.text_input("New activity", max_chars=activities.NAME_LIMIT, key=state.NEW_ACTIVITY_NAME)
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
                rerun_with_notice(NOTICE, f"Added to {added.area}: see it in the list below.{cleaned}")
    for activity in (a for a in known if a.custom):
        _own_activity(s, activity)


def _own_activity(s: Store, activity: Activity) -> None:
    left, right = st.columns([3, 1])
    renamed = left.text_input(
        f"{activity.area}{' · retired' if activity.retired else ''}",
        value=activity.name,
        key=state.rename_activity(activity.id),
        max_chars=activities.NAME_LIMIT,
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
