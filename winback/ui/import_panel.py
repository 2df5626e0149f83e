"""Import on screen: choose a file, see a preview of what it will change, then import all of it or nothing."""

from __future__ import annotations

from datetime import date

import streamlit as st

from winback import activities, imports
from winback.content.activities import Activity
from winback.store import StorageError, Store
from winback.ui import state
from winback.vocab import MOOD_LABELS, MOODS
from winback.words import count_phrase


@st.cache_data(max_entries=4, show_spinner=False)
def _daylio(
    folder: str,
    data: bytes,
    mood_map: tuple[tuple[str, int], ...],
    known: tuple[Activity, ...],
    today: date,
) -> imports.DaylioParse:
    """Parsed once per upload; the person's folder is part of the key so no parse is ever shared."""
    del folder
    return imports.parse_daylio(data, dict(mood_map), known=known, today=today)


def import_panel(s: Store, today: date) -> None:
    """Upload → preview of what changes → import all of it or nothing."""
    kind = st.radio(
        "What are you importing?",
        ["winback", "daylio"],
        format_func={"winback": "A winback export (zip)", "daylio": "A Daylio export (CSV)"}.__getitem__,
        horizontal=True,
        key=state.IMPORT_KIND,
    )
    upload = st.file_uploader(
        "Choose the file",
        type=["zip"] if kind == "winback" else ["csv"],
        key=state.import_upload(kind),
        help=f"Up to {imports.MAX_UPLOAD_BYTES // imports.MEGABYTE} MB.",
    )
    if upload is None:
        st.caption("Nothing changes until you have seen the preview and pressed Import. An import is all or nothing.")
        return
    data = upload.getvalue()
    if kind == "winback":
        plan = imports.read_export_zip(data, s)
        if plan.can_apply:
            st.warning(
                "Importing a winback export replaces everything in this folder with the export.",
                icon=":material/warning:",
            )
    else:
        known = activities.all_activities(s.read("custom_activities").frame)
        mood_map: dict[str, int] = {}
        parse = _daylio(str(s.folder), data, (), known, today)
        if parse.unknown_moods:
            st.markdown("**Which mood is which?** Daylio lets you rename moods; tell winback what yours mean.")
            for mood in parse.unknown_moods:
                picked = st.select_slider(
                    f"“{mood.label.strip()}” ({mood.count} entries)",
                    options=list(MOODS),
                    value=3,
                    format_func=MOOD_LABELS.get,
                    key=state.mood_map(mood.key),
                )
                mood_map[mood.key] = int(picked)
            parse = _daylio(str(s.folder), data, tuple(sorted(mood_map.items())), known, today)
        plan = imports.daylio_plan(s, parse)
    with st.container(border=True, key=state.IMPORT_PREVIEW):
        st.markdown(f"**Preview** · {plan.source}")
        st.text(plan.summary)
        if plan.notes:
            st.text("\n".join(plan.notes))
        if plan.preview:
            st.text("\n".join(plan.preview))
    if plan.problems:
        st.error(
            f"This file can't be imported as it is ({count_phrase(len(plan.problems), 'problem')}). "
            "Nothing was changed.",
            icon=":material/error:",
        )
        # Problems may quote the file's text, so they are shown as plain text only.
        st.text("\n".join(p.describe() for p in plan.problems[:30]))
        return
    if not plan.has_changes:
        st.info("Everything in this file is already here; there is nothing to import.", icon=":material/info:")
        return
    if st.button("Import", type="primary", key=state.IMPORT_APPLY):
        try:
            imports.apply_plan(s, plan)
        except (StorageError, ValueError) as error:
            st.error(str(error), icon=":material/error:")
        else:
            st.success(f"Imported: {plan.summary}", icon=":material/check:")
