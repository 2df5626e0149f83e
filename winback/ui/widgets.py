"""Small pieces several pages share: the help box, data notices, a delete that asks twice, notices that
survive a rerun, a chart with its words, a step card."""

from __future__ import annotations

import html
from typing import NoReturn

import streamlit as st

from winback import progress, safety, settings
from winback.charts.theme import Chart
from winback.plain import plain
from winback.safety import resources_for
from winback.schema import TABLES
from winback.store import StorageError, Store
from winback.ui import session, state

STEP_ICONS = {"done": ":material/check_circle:", "active": ":material/directions_walk:", "locked": ":material/lock:"}


def resources_panel(code: str | None = None, *, heading: str = "Where to get help now") -> None:
    country = resources_for(code or session.country_code())
    with st.container(border=True, key=state.RESOURCES_PANEL):
        st.markdown(f"**{heading}** · {country.name}")
        for resource in country.resources:
            st.markdown(f"- **{resource.name}**: {safety.contact_markdown(resource)}  \n  {resource.when}")


def low_mood_note() -> None:
    with st.container(border=True, key=state.LOW_MOOD_NOTE):
        st.markdown(
            "**It sounds like the last days have been really hard.** You don't have to get through this alone. "
            "Talking to a friend, a doctor or one of these free lines can help, today."
        )
        country = resources_for(session.country_code())
        st.markdown("\n".join(f"- **{r.name}**: {safety.contact_markdown(r)}" for r in country.resources))


def data_notices(s: Store, tables: tuple[str, ...] = tuple(TABLES)) -> None:
    """Say plainly when rows or settings could not be read, and that nothing was deleted."""
    settings_notice(s)
    for name in tables:
        problems = s.read(name).problems
        if not problems:
            continue
        st.warning(
            f"Some lines of {name}.csv could not be read as they are. Nothing was deleted: they are set aside "
            f"in {name}.rejected.csv when you next save, so you can fix them by hand.",
            icon=":material/report:",
        )
        # Problems quote the person's own text, so they are shown as plain text only.
        st.text(
            "\n".join(p.describe() for p in problems[:20])
            + (f"\n… and {len(problems) - 20} more" if len(problems) > 20 else "")
        )


def settings_notice(s: Store) -> None:
    problems = settings.read(s).problems
    if not problems:
        return
    st.warning(
        "Some of your settings (settings.json) could not be used as they are, so winback uses its defaults for "
        "them; what it could not use is listed below. Nothing was deleted: the next time you save a setting "
        "(Progress › Step goals, your country on Help & safety, or the no-contact start on Daily log), winback "
        "copies the file to settings.rejected.json and saves a good one.",
        icon=":material/report:",
    )
    # Problems quote the file's own text, so they are shown as plain text only.
    st.text("\n".join(p.message for p in problems[:20]))


def scroll_to_top(token: str) -> None:
    """Bring the top of the page into view (after a long form, the result starts above the fold)."""
    st.html(
        f"""<span data-scroll-token="{html.escape(token, quote=True)}"></span>
<script>
document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]').forEach(function (e) {{
  e.scrollTo({{top: 0}});
}});
window.scrollTo(0, 0);
</script>""",
        unsafe_allow_javascript=True,
    )


def save_error(error: StorageError) -> None:
    # The message names files and the folder, whose path is not winback's to choose.
    st.error(plain(str(error)), icon=":material/error:")


def confirmed_delete(
    label: str,
    *,
    key: str,
    question: str = "Delete it for good? This cannot be undone.",
    yes: str = "Yes, delete",
) -> bool:
    """A delete button that asks once more; True only after the person confirms."""
    asking = state.asking(key)
    if st.button(label, key=key, icon=":material/delete:"):
        st.session_state[asking] = True
    if not st.session_state.get(asking):
        return False
    st.warning(question, icon=":material/warning:")
    left, right = st.columns(2)
    if left.button(yes, key=state.confirm(key), type="primary"):
        st.session_state.pop(asking, None)
        return True
    if right.button("Keep it", key=state.keep(key)):
        st.session_state.pop(asking, None)
        st.rerun()
    return False


def rerun_with_notice(where: str, message: str) -> NoReturn:
    """Start the page over with ``message`` shown at ``where``: a message shown just before a rerun is wiped
    by it. The message is winback's own words, never the person's text."""
    st.session_state[state.notice(where)] = message
    st.rerun()


def pending_notice(where: str) -> None:
    message = st.session_state.pop(state.notice(where), None)
    if isinstance(message, str):
        st.success(message, icon=":material/check:")


def show_chart(chart: Chart, name: str) -> None:
    """A chart with its alt text, or its empty state in words; never an empty frame."""
    if chart.figure is None:
        st.caption(chart.empty)
        return
    st.plotly_chart(chart.figure, alt=chart.alt, key=state.chart(name), config={"displayModeBar": False})


def step_card(step: progress.StepProgress) -> None:
    with st.container(border=True, key=state.step_card(step.number)):
        st.markdown(f"{STEP_ICONS[step.state]} **Step {step.number}: {step.name}** · {step.state}")
        st.progress(step.progress, text=f"{round(step.progress * 100)} %")
        st.text("\n".join(step.reasons))
