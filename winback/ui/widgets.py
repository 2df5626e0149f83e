"""Small pieces several pages share: the help box, data notices, a delete that asks twice, notices that
survive a rerun, a chart with its words, a step card."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Literal, NoReturn

import streamlit as st

from winback import progress, safety, settings
from winback.charts.theme import Chart
from winback.content.resources import Country, countries
from winback.plain import plain
from winback.safety import resources_for
from winback.schema import TABLES
from winback.store import StorageError, Store
from winback.ui import session, state

COUNTRY_QUESTION = "Where are you?"
STEP_ICONS = {"done": ":material/check_circle:", "active": ":material/directions_walk:", "locked": ":material/lock:"}


def resources_panel(
    key: str, *, heading: str, kept: session.CountryKept = "settings", box: str = state.RESOURCES_PANEL
) -> None:
    """The help box: "Where are you?" (``key``: this place's own) and that country's lines, each a link. ``box``
    names the box itself: the error boundary's own follows a page that may have drawn one."""
    code = chosen_country(kept)
    with st.container(border=True, key=box):
        st.markdown(f"**{heading}**")
        country = country_picker(key, code, kept)
        for resource in country.resources:
            # The content file's words are shown as words: only the links are Markdown, built by safety.py.
            st.markdown(
                f"- **{plain(resource.name)}**: {safety.contact_markdown(resource)}  \n  {plain(resource.when)}"
            )


def low_mood_note() -> None:
    with st.container(border=True, key=state.LOW_MOOD_NOTE):
        st.markdown(
            "**It sounds like the last days have been really hard.** You don't have to get through this alone. "
            "Talking to a friend, a doctor or one of these free lines can help, today."
        )
        country = country_picker(state.LOW_MOOD_COUNTRY, chosen_country())
        st.markdown("\n".join(f"- **{plain(r.name)}**: {safety.contact_markdown(r)}" for r in country.resources))


def chosen_country(kept: session.CountryKept = "settings") -> str:
    """The country every help box shows, once a pick made in the run before is kept (session.choose_country)."""
    _keep_pick()
    return session.country_code(kept)


def country_picker(key: str, code: str, kept: session.CountryKept = "settings") -> Country:
    """Where are you? Every help box and Help & safety show the same choice (``code``, from ``chosen_country``),
    whatever the box's own widget held before; a pick in any of them is kept for all in the next run."""
    st.session_state[key] = code
    st.selectbox(
        COUNTRY_QUESTION, list(countries()), format_func=_country_name, key=key, on_change=_picked, args=(key, kept)
    )
    trouble = st.session_state.get(state.COUNTRY_TROUBLE)
    if isinstance(trouble, tuple) and trouble[0] == key:
        del st.session_state[state.COUNTRY_TROUBLE]
        save_error(StorageError(trouble[1]))
    if kept == "settings" and session.country_unsaved():
        st.caption("This choice could not be saved, so winback keeps it only while this window is open.")
    return resources_for(code)


def _country_name(code: str) -> str:
    return countries()[code].name


def _picked(key: str, kept: session.CountryKept) -> None:
    # A callback runs before the router has settled the person's folder, so the run after it keeps the pick.
    st.session_state[state.COUNTRY_PICKED] = (key, st.session_state[key], kept)


def _keep_pick() -> None:
    picked = st.session_state.pop(state.COUNTRY_PICKED, None)
    if not isinstance(picked, tuple):
        return
    key, code, kept = picked
    try:
        session.choose_country(code, kept)
    except (StorageError, ValueError) as error:
        st.session_state[state.COUNTRY_TROUBLE] = (key, str(error))


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
        "(Progress › Step goals, your country in a help box or on Help & safety, or the no-contact start on "
        "Daily log), winback copies the file to settings.rejected.json and saves a good one.",
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


# Moves keyboard focus to one element (found by its key's class, or a control inside it) once its run has drawn
# it: a screen reader then reads it, and the next Tab goes on from there. The element may be drawn after this script
# runs, so it is looked for again each animation frame for up to about two seconds. ``top`` first brings the top of
# the page into view (a quiz result's help lines above it), and the element itself only if it is not in view then.
# An element that cannot take focus (a box) is given tabindex -1; a control (a button) keeps its own.
_MOVE_FOCUS = """<span data-focus-token="{token}"></span>
<script>
(function () {{
  var wanted = {selector};
  var top = {top};
  var frames = 0;
  function inView(box) {{
    var r = box.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight - 40;
  }}
  function move() {{
    // The person went on by keyboard (Tab past the notice-to-be) after the Enter, Space or click that started
    // this: their focus stays where they took it.
    var seen = window.winbackInput;
    if (seen && seen.went > seen.acted) return;
    var box = document.querySelector(wanted);
    if (!box) {{ if (frames++ < 120) window.requestAnimationFrame(move); return; }}
    if (box.tabIndex < 0 && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "-1");
    if (top) {{
      document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]').forEach(function (e) {{
        e.scrollTo({{top: 0}});
      }});
      window.scrollTo(0, 0);
    }}
    box.focus({{preventScroll: true}});
    if (!inView(box)) box.scrollIntoView({{block: "start"}});
  }}
  move();
}})();
</script>"""


def _focus_markup(key: str, token: str, top: bool, inside: str = "", selector: str | None = None) -> str:
    selector = selector or f".st-key-{key} {inside}".strip()
    return _MOVE_FOCUS.format(
        token=html.escape(token, quote=True), selector=json.dumps(selector), top="true" if top else "false"
    )


def move_focus(key: str, token: str, *, top: bool = False, inside: str = "", selector: str | None = None) -> None:
    """Move keyboard focus to the element drawn with ``key`` (a container), once for each ``token``: after a
    save, a delete or a quiz result, focus lands on what happened rather than on the page's body. ``inside``
    (a CSS selector, e.g. "button") focuses that control in it instead, which keeps its own place in the Tab order;
    ``selector`` names the element itself (one of winback's fixed selectors, e.g. PAGE_HEADING)."""
    st.html(_focus_markup(key, token, top, inside, selector), unsafe_allow_javascript=True)


def move_focus_to_heading(token: str) -> None:
    """Move keyboard focus to the page's heading (its h1), as when a page opens: after a note above it went away."""
    move_focus("", token, selector=PAGE_HEADING)


PAGE_HEADING = '[data-testid="stMain"] h1'


def save_error(error: StorageError) -> None:
    # The message names files and the folder, whose path is not winback's to choose.
    st.error(plain(str(error)), icon=":material/error:")


def confirmed_delete(
    label: str,
    *,
    key: str,
    question: str = "Delete it for good? This cannot be undone.",
    yes: str = "Yes, delete",
    on_yes: Callable[[], None] | None = None,
) -> bool:
    """A delete button that asks once more; True only after the person confirms. With ``on_yes``, the delete
    happens in the confirming click's callback instead, before the page is drawn again, so nothing drawn above
    the button (counters, banners, a form) shows the deleted thing; it then returns False."""
    asking = state.asking(key)
    if st.button(label, key=key, icon=":material/delete:"):
        st.session_state[asking] = True
    # Drawn on every run, so what follows keeps its place from run to run (an expander below stays open).
    focus_slot = st.empty()
    if st.session_state.get(state.DELETE_KEPT) == key:
        # "Keep it" was pressed and is gone with the question: focus goes back to the delete button, not the page.
        del st.session_state[state.DELETE_KEPT]
        count = int(st.session_state.get(state.NOTICES_SHOWN, 0)) + 1
        st.session_state[state.NOTICES_SHOWN] = count
        with focus_slot:
            move_focus(key, f"kept-{count}", inside="button")
    if not st.session_state.get(asking):
        return False
    st.warning(question, icon=":material/warning:")
    left, right = st.columns(2)
    if on_yes is not None:
        left.button(yes, key=state.confirm(key), type="primary", on_click=_confirmed, args=(asking, on_yes))
    elif left.button(yes, key=state.confirm(key), type="primary"):
        st.session_state.pop(asking, None)
        return True
    if right.button("Keep it", key=state.keep(key)):
        st.session_state.pop(asking, None)
        st.session_state[state.DELETE_KEPT] = key
        st.rerun()
    return False


def _confirmed(asking: str, on_yes: Callable[[], None]) -> None:
    st.session_state.pop(asking, None)
    on_yes()


NoticeKind = Literal["success", "info", "warning", "error"]
_NOTICE_ICONS: dict[NoticeKind, str] = {
    "success": ":material/check:",
    "info": ":material/info:",
    "warning": ":material/warning:",
    "error": ":material/error:",
}


_NOTICE_ELEMENTS = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


def leave_notice(where: str, message: str, kind: NoticeKind = "success") -> None:
    """Keep ``message`` for the next time ``where`` draws its notices: a callback runs before the page is drawn,
    so what it has to say waits for the page. The message is winback's own words, never the person's text."""
    kept = st.session_state.setdefault(state.notice(where), [])
    kept.append((kind, message))


def rerun_with_notice(where: str, message: str) -> NoReturn:
    """Start the page over with ``message`` shown at ``where``: a message shown just before a rerun is wiped
    by it. The message is winback's own words, never the person's text."""
    leave_notice(where, message)
    st.rerun()


def pending_notice(where: str) -> None:
    """Show, once, what was left for ``where`` by a callback or before a rerun."""
    kept = st.session_state.pop(state.notice(where), None)
    notices = kept if isinstance(kept, list) else []
    # The box is drawn on every run, empty too, so what follows keeps its place from run to run: an expander
    # below a notice that came and went was drawn afresh, closed, with the words of its own form hidden in it.
    with st.container(key=state.notice_box(where)):
        for kind, message in notices:
            _NOTICE_ELEMENTS[kind](message, icon=_NOTICE_ICONS[kind])
        if notices:
            # Focus goes to the words (each shown once, so each is a new token), as a screen reader should hear
            # them.
            count = int(st.session_state.get(state.NOTICES_SHOWN, 0)) + 1
            st.session_state[state.NOTICES_SHOWN] = count
            move_focus(state.notice_box(where), f"{where}-{count}")


NUMBERS_LABEL = "Show the numbers"


def show_chart(chart: Chart, name: str) -> None:
    """A chart with its alt text (the figure's name for a screen reader) and its numbers as a table under "Show
    the numbers", or its empty state in words; never an empty frame. The table is a dataframe, which shows text
    as it is: an activity's name is the person's own words."""
    if chart.figure is None:
        st.caption(chart.empty)
        return
    st.plotly_chart(chart.figure, alt=chart.alt, key=state.chart(name), config={"displayModeBar": False})
    if chart.numbers is not None:
        with st.expander(NUMBERS_LABEL, key=state.chart_numbers(name)):
            st.dataframe(chart.numbers, hide_index=True)


def step_card(step: progress.StepProgress) -> None:
    with st.container(border=True, key=state.step_card(step.number)):
        st.markdown(f"{STEP_ICONS[step.state]} **Step {step.number}: {step.name}** · {step.state}")
        st.progress(step.progress, text=f"{round(step.progress * 100)} %")
        st.text("\n".join(step.reasons))
