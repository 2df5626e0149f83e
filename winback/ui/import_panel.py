"""Import on screen: choose a file, see a preview of what it will change, then import all of it or nothing.

The formats are winback.imports.registry's; the panel loops over them and knows none by name.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from winback.imports.plan import MAX_PROBLEMS, MAX_UPLOAD_BYTES, MEGABYTE, ImportPlan, apply_plan
from winback.imports.registry import FORMATS, ImportFormat, import_format
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import state
from winback.vocab import MOOD_LABELS, MOODS
from winback.words import count_phrase


def _mood_answers(s: Store, chosen: ImportFormat, data: bytes, today: date) -> dict[str, int]:
    """The person's 1–5 for each mood label in the file that the format cannot place on its own."""
    if chosen.moods is None:
        return {}
    unknown = chosen.moods.find(data, s, today)
    if unknown:
        st.markdown(chosen.moods.intro)
    answers: dict[str, int] = {}
    for mood in unknown:
        picked = st.select_slider(
            # The label is the file's own text: shown exactly as it is, never as Markdown.
            f"“{plain(mood.label.strip())}” ({count_phrase(mood.count, 'entry', 'entries')})",
            options=list(MOODS),
            value=3,
            format_func=MOOD_LABELS.get,
            key=state.mood_map(mood.key),
        )
        answers[mood.key] = int(picked)
    return answers


def import_panel(s: Store, today: date) -> None:
    """Upload → preview of what changes → import all of it or nothing."""
    kind = st.radio(
        "What are you importing?",
        list(FORMATS),
        format_func=lambda name: import_format(name).label,
        horizontal=True,
        key=state.IMPORT_KIND,
    )
    chosen = import_format(kind)
    upload = st.file_uploader(
        "Choose the file",
        type=list(chosen.file_types),
        key=state.import_upload(chosen.name),
        help=f"Up to {MAX_UPLOAD_BYTES // MEGABYTE} MB.",
    )
    if upload is None:
        st.caption("Nothing changes until you have seen the preview and pressed Import. An import is all or nothing.")
        return
    data = upload.getvalue()
    password = _password(chosen, data)
    if password == "":
        return
    if password is not None and chosen.password is not None:
        plan = chosen.password.plan(data, s, today, password)
    else:
        plan = chosen.plan(data, s, today, _mood_answers(s, chosen, data, today))
    if chosen.warning and plan.can_apply:
        st.warning(chosen.warning, icon=":material/warning:")
    _preview(plan)
    if plan.problems:
        # Checking stops after MAX_PROBLEMS; the line after them says what was left unchecked.
        found = (
            f"more than {MAX_PROBLEMS} problems"
            if len(plan.problems) > MAX_PROBLEMS
            else count_phrase(len(plan.problems), "problem")
        )
        st.error(f"This file can't be imported as it is ({found}). Nothing was changed.", icon=":material/error:")
        # Problems may quote the file's text, so they are shown as plain text only.
        st.text("\n".join(p.describe() for p in plan.problems))
        return
    if not plan.has_changes:
        st.info("Everything in this file is already here; there is nothing to import.", icon=":material/info:")
        return
    if st.button("Import", type="primary", key=state.IMPORT_APPLY):
        try:
            apply_plan(s, plan)
        except (StorageError, ValueError) as error:
            st.error(plain(str(error)), icon=":material/error:")
        else:
            st.success(plan.done or f"Imported: {plan.summary}", icon=":material/check:")


PASSWORD_ASKED = (
    "This export is protected by a password. Type it and press Enter or Open the export to see what it holds; "
    "nothing changes until you have seen the preview and pressed Import."
)
PASSWORD_WRONG = (
    "This password does not open the export. Nothing was changed. Check it (capital letters matter) and type it again."
)


def _password(chosen: ImportFormat, data: bytes) -> str | None:
    """The password that opens a protected file; None for a file without one; "" while it is missing or wrong."""
    if chosen.password is None or not chosen.password.protected(data):
        return None
    # In a form: what was typed counts when the person presses Enter or Open, also after leaving the field with
    # Tab (past its show-password button, which Streamlit does not take as leaving the field).
    with st.form(state.IMPORT_PASSWORD_FORM, border=False, enter_to_submit=True):
        password = st.text_input(
            "Password of this export", type="password", autocomplete="current-password", key=state.IMPORT_PASSWORD
        )
        st.form_submit_button("Open the export", key=state.IMPORT_PASSWORD_OPEN, icon=":material/lock_open:")
    if not password:
        st.info(PASSWORD_ASKED, icon=":material/lock:")
        return ""
    if not chosen.password.opens(data, password):
        st.error(PASSWORD_WRONG, icon=":material/error:")
        return ""
    return password


def _preview(plan: ImportPlan) -> None:
    """What the file holds and what importing it would change, as plain text (it quotes the file)."""
    with st.container(border=True, key=state.IMPORT_PREVIEW):
        st.markdown(f"**Preview** · {plan.source}")
        st.text(plan.summary)
        if plan.notes:
            st.text("\n".join(plan.notes))
        if plan.preview:
            st.text("\n".join(plan.preview))
