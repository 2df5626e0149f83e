"""The private safety plan on screen: offered after a danger or toxic result and on Help & safety, a few short
steps whose answers stay in this session only, then the plan as plain text to print or download, and, only when
the person chooses it after a warning, kept in their own folder (where it can be deleted again).

Everything the person typed is shown with st.text or in a field, never as Markdown.
"""

from __future__ import annotations

import streamlit as st

from winback import safety_plan
from winback.content.resources import Country
from winback.content.safety_plan import PlanField, PlanStep, SafetyPlanContent, load_safety_plan
from winback.safety import resources_for
from winback.schema import SAFETY_PLAN_FILE
from winback.store import StorageError
from winback.ui import session, state
from winback.ui.widgets import (
    chosen_country,
    confirmed_delete,
    leave_notice,
    move_focus,
    pending_notice,
    rerun_with_notice,
    save_error,
)

NOTHING_STORED = (
    "What you type here is not saved: your answers stay only in this window while it is open, and are gone when "
    "you close it. At the end you can print the plan or download it. Only a plan you choose to keep in your "
    "folder is saved (shown below when there is one)."
)
PRINT_HINT = (
    "To print it, use your browser's Print (Ctrl+P, or Cmd+P on a Mac), or print the downloaded file. "
    "The file is called plan.txt, a name that says nothing about what is in it."
)
STORE_WARNING = (
    "Anyone who can open your winback folder on this computer, or open winback here, can read a plan kept "
    "there (an app lock does not protect the folder's files). Keep it only if no one who could hurt you can "
    "reach this computer. A download or a printout you keep somewhere safe may be safer."
)
PLAN_NOTICE = "safety_plan"


def safety_plan_box() -> None:
    """The plan in its own box: the offer, one step at a time, or the finished plan."""
    content = load_safety_plan()
    step = st.session_state.get(state.SAFETY_PLAN_STEP)
    with st.container(border=True, key=state.SAFETY_PLAN_BOX):
        st.markdown(f"**{content.title}**")
        pending_notice(PLAN_NOTICE)
        if not isinstance(step, int):
            _offer(content)
        elif step < len(content.steps):
            _step(content, step)
        else:
            _finished(content)
        if st.session_state.pop(state.SAFETY_PLAN_MOVED, False):
            # After Next, Back, See my plan or Change, focus goes to the top of what the box shows now (drawn last
            # in the box, so nothing in it moves).
            move_focus(state.SAFETY_PLAN_TOP, f"plan-{st.session_state.get(state.SAFETY_PLAN_MOVES, 0)}")


def _moved() -> None:
    st.session_state[state.SAFETY_PLAN_MOVES] = int(st.session_state.get(state.SAFETY_PLAN_MOVES, 0)) + 1
    st.session_state[state.SAFETY_PLAN_MOVED] = True


def _answers() -> dict[str, str | bool]:
    kept: dict[str, str | bool] = st.session_state.setdefault(state.SAFETY_PLAN_ANSWERS, {})
    return kept


def _offer(content: SafetyPlanContent) -> None:
    with st.container(key=state.SAFETY_PLAN_TOP):
        st.markdown(content.intro)
        st.caption(NOTHING_STORED)
    started = bool(_answers())
    st.button(
        "Go on with my plan" if started else "Make a safety plan",
        key=state.SAFETY_PLAN_START,
        type="primary",
        icon=":material/shield:",
        on_click=_go_to,
        args=(0, None),
    )
    _kept_plan()


def _go_to(number: int, leaving: PlanStep | None) -> None:
    """Move to step ``number`` (the number of steps: the finished plan), keeping what the step left says."""
    if leaving is not None:
        _keep(leaving)
    st.session_state[state.SAFETY_PLAN_STEP] = number
    _moved()


def _keep(step: PlanStep) -> None:
    kept = _answers()
    for field in step.fields:
        key = state.plan_field(field.id)
        if key in st.session_state:
            value = st.session_state[key]
            kept[field.id] = bool(value) if field.kind == "check" else str(value or "")


def _step(content: SafetyPlanContent, number: int) -> None:
    step = content.steps[number]
    with st.container(key=state.SAFETY_PLAN_TOP):
        st.progress((number + 1) / len(content.steps), text=f"Step {int(number) + 1} of {len(content.steps)}")
        st.markdown(f"**{step.heading}**")
        st.caption(step.intro)
    if step.topic == "hotline":
        country = _country()
        st.text("\n".join(safety_plan.help_lines(country)))
    for field in step.fields:
        _field(field)
    _keep(step)
    last = number == len(content.steps) - 1
    back, forward = st.columns(2)
    back.button(
        "Back",
        key=state.SAFETY_PLAN_BACK,
        on_click=_go_to,
        args=(number - 1 if number else None, step),
        width="stretch",
    )
    forward.button(
        "See my plan" if last else "Next",
        key=state.SAFETY_PLAN_NEXT,
        type="primary",
        on_click=_go_to,
        args=(number + 1, step),
        width="stretch",
    )


def _field(field: PlanField) -> None:
    """One field, showing what was given before (Streamlit forgets a field that was not drawn in the last run)."""
    key = state.plan_field(field.id)
    kept = _answers()
    if key not in st.session_state and field.id in kept:
        st.session_state[key] = kept[field.id]
    helped = field.help or None
    if field.kind == "check":
        st.checkbox(field.label, key=key, help=helped)
    elif field.kind == "line":
        st.text_input(field.label, key=key, help=helped, max_chars=300)
    else:
        st.text_area(field.label, key=key, help=helped, max_chars=3000, height=96)


def _country() -> Country:
    return resources_for(chosen_country())


def _finished(content: SafetyPlanContent) -> None:
    country = _country()
    answers = dict(_answers())
    with st.container(key=state.SAFETY_PLAN_TOP):
        st.markdown("**Your plan**")
        st.caption("It is shown only here, and stays in this window until you close it.")
    text = safety_plan.plan_text(content, answers, country)
    st.text(text)
    st.download_button(
        "Download as a text file",
        # Built when pressed, from this run's answers: nothing is made or kept before the person asks for it.
        data=lambda: safety_plan.plan_text(content, answers, country).encode("utf-8"),
        file_name=safety_plan.DOWNLOAD_NAME,
        mime="text/plain",
        on_click="ignore",
        key=state.SAFETY_PLAN_DOWNLOAD,
        icon=":material/download:",
    )
    st.caption(PRINT_HINT)
    change, clear = st.columns(2)
    change.button("Change my answers", key=state.SAFETY_PLAN_EDIT, on_click=_go_to, args=(0, None), width="stretch")
    clear.button("Clear my answers", key=state.SAFETY_PLAN_CLEAR, on_click=_clear, args=(content,), width="stretch")
    _store_choice(text)


def _clear(content: SafetyPlanContent) -> None:
    """Forget every answer in this session (a plan kept in the folder stays until it is deleted)."""
    st.session_state.pop(state.SAFETY_PLAN_ANSWERS, None)
    st.session_state.pop(state.SAFETY_PLAN_STEP, None)
    for field in content.fields:
        st.session_state.pop(state.plan_field(field.id), None)
    leave_notice(PLAN_NOTICE, "Your answers are cleared from this window.", "info")


def _store_choice(text: str) -> None:
    st.markdown("**Keep it in your folder?**")
    st.caption(f"Not needed: the plan works without it. Kept, it is the file {SAFETY_PLAN_FILE} in your folder.")
    kept = _kept_plan(text)
    if kept == text:
        return
    wanted = st.checkbox(
        "I want to keep this plan in my winback folder" + (", instead of the one kept there" if kept else ""),
        key=state.SAFETY_PLAN_STORE_CONFIRM,
    )
    if not wanted:
        return
    st.warning(STORE_WARNING, icon=":material/warning:")
    # Written in the run, not in a callback: a callback runs before the router has settled the person's folder.
    if st.button("Keep it in my folder", key=state.SAFETY_PLAN_STORE, icon=":material/save:"):
        try:
            safety_plan.store_plan(session.own_store(), text)
        except StorageError as error:
            save_error(error)
            return
        rerun_with_notice(
            PLAN_NOTICE, f"Kept in your folder as {SAFETY_PLAN_FILE}. You can delete it here at any time."
        )


def _kept_plan(current: str | None = None) -> str | None:
    """A plan kept in the folder earlier, shown as it is (unless it is ``current``, the plan on screen) and
    deletable; returns it, or None when there is none."""
    try:
        kept = safety_plan.stored_plan(session.own_store())
    except StorageError as error:
        save_error(error)
        return None
    if kept is None:
        return None
    if kept == current:
        st.success(f"This plan is kept in your folder as {SAFETY_PLAN_FILE}.", icon=":material/check:")
    else:
        st.markdown("**The plan kept in your folder**")
        st.text(kept)
    deleting = confirmed_delete(
        "Delete the kept plan",
        key=state.SAFETY_PLAN_DELETE,
        question=f"Delete {SAFETY_PLAN_FILE} from your folder for good? It cannot be undone.",
        yes="Yes, delete it",
    )
    if deleting:
        try:
            safety_plan.delete_stored_plan(session.own_store())
        except StorageError as error:
            save_error(error)
            return kept
        rerun_with_notice(PLAN_NOTICE, "The kept plan is deleted from your folder.")
    return kept
