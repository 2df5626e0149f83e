"""Widgets every page shares: the person's store, the sidebar, the resources panel, data notices.

This is the one module of winback that draws; everything it shows comes from the rest of the package.
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.pages_manager import PagesManager

from winback import charts, paths, quiz, safety
from winback.storage import TABLES, StorageError, Store

FOLDER_KEY = "winback_folder"
SAMPLE_KEY = "winback_sample_mode"
SAMPLE_DAYS = 365


def resolve_folder() -> Path:
    """The folder for this session: the person's own, or their separate sample-data folder."""
    person = paths.person_folder(paths.data_root())
    if st.session_state.get(SAMPLE_KEY, False):
        folder = paths.sample_folder(person)
        _ensure_sample(str(folder))
    else:
        folder = person
    st.session_state[FOLDER_KEY] = str(folder)
    return folder


@st.cache_resource(max_entries=16, show_spinner="Preparing sample data…")
def _ensure_sample(folder: str) -> None:
    from winback import sample

    store = Store(Path(folder))
    if not store.path("daily_log").exists():
        sample.write_sample(store, days=SAMPLE_DAYS)


def store() -> Store:
    """The current person's store, as resolved by app.py for this session."""
    folder = st.session_state.get(FOLDER_KEY)
    if folder is None:
        # A server's very first request for a page URL runs the page file without app.py (Streamlit's
        # older pages-folder mode, which only st.navigation switches off). Switch it off and start over,
        # so the router, its sidebar and the quick exit are always there.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return Store(Path(folder))


def in_sample_mode() -> bool:
    return bool(st.session_state.get(SAMPLE_KEY, False))


def country_code() -> str:
    settings, _ = store().read_settings()
    code = settings.get("country")
    return code if isinstance(code, str) and code in safety.countries() else safety.DEFAULT_COUNTRY


def sidebar(help_page: StreamlitPage) -> None:
    with st.sidebar:
        if in_sample_mode():
            st.info("You are exploring **sample data**. Your own diary is untouched.", icon=":material/science:")
        st.page_link(help_page, label="Help & safety", icon=":material/health_and_safety:")


def safety_bar(help_page: StreamlitPage) -> None:
    """On every page: a quick exit pinned to the top of the screen, and on phones (where the sidebar
    is folded away) a Help & safety link above the page."""
    with st.container(key="phone_safety_bar"):
        st.page_link(help_page, label="Help & safety", icon=":material/health_and_safety:")
    with st.container(key="quick_exit_anchor"):
        quick_exit()


def quick_exit() -> None:
    """A button that replaces this page with a neutral site, so Back does not return here."""
    url = html.escape(safety.quick_exit_url(), quote=True)
    st.html(
        f"""
<style>
  .winback-quick-exit {{
    position: fixed; top: 0.7rem; right: 3.6rem; z-index: 1000000;
    padding: 0.35rem 0.9rem; border-radius: 0.5rem; font-weight: 600; font-size: 0.9rem;
    background: #8a3b12; color: #fff !important; text-decoration: none !important;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3);
  }}
  .winback-quick-exit:focus-visible {{ outline: 3px solid #f2c14e; }}
  .st-key-quick_exit_anchor {{ position: absolute; width: 0; height: 0; }}
  @media (min-width: 640px) {{ .st-key-phone_safety_bar {{ display: none; }} }}
</style>
<a href="{url}" class="winback-quick-exit" data-quick-exit="1" rel="noreferrer"
   title="Leave winback at once for a weather page">Quick exit</a>
<script>
if (!window.winbackQuickExit) {{
  window.winbackQuickExit = true;
  // Moving between pages replaces the history entry, so Back after a quick exit cannot land in winback.
  var replaceEntry = window.history.replaceState.bind(window.history);
  window.history.pushState = function (state, unused, url) {{ replaceEntry(state, unused, url); }};
  document.addEventListener("click", function (event) {{
    var link = event.target.closest("a[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    window.location.replace(link.href);
  }}, true);
}}
</script>
""",
        unsafe_allow_javascript=True,
    )


def resources_panel(code: str | None = None, *, heading: str = "Where to get help now") -> None:
    country = safety.resources_for(code or country_code())
    with st.container(border=True, key="resources_panel"):
        st.markdown(f"**{heading}** · {country.name}")
        for resource in country.resources:
            st.markdown(f"- **{resource.name}**: {resource.contact}  \n  {resource.when}")


def data_notices(s: Store, tables: tuple[str, ...] = tuple(TABLES)) -> None:
    """Say plainly when rows could not be read, and that nothing was deleted."""
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


def quiz_result(result: quiz.QuizResult, content: quiz.Quiz) -> None:
    """The verdict as a headline, the worth dial, the reasons and the next step."""
    box = {"go": st.success, "wait": st.info, "dont": st.warning, "danger": st.error}[result.verdict]
    box(f"**{result.headline}**", icon=":material/flag:")
    if result.shows_resources:
        st.markdown(
            "What you described is not your fault, and it is not something you can fix by trying harder. "
            "Because of these answers, winback keeps steps 4–5 (reconnecting) closed for as long as this is your "
            "latest result. Steps 1–3 — no contact, staying positive, building your own life — are still here "
            "for you, and the lines above can help you stay safe."
        )
    else:
        chart = charts.worth_gauge(result.worth, content.policy.go_min, content.policy.wait_min)
        if chart.figure is not None:
            st.plotly_chart(chart.figure, alt=chart.alt, key="worth_gauge", config={"displayModeBar": False})
    if result.reasons:
        st.markdown("**Why**")
        st.markdown("\n".join(f"- {reason}" for reason in result.reasons))
    st.markdown(f"**Next step:** {result.next_step}")


def attempt_summary(attempt: quiz.AttemptChange) -> None:
    if attempt.tier in ("toxic", "danger"):
        st.markdown("Signs of abuse or danger were flagged in this attempt.")
    else:
        st.markdown(f"Worth score: **{attempt.worth}** of 100")
    if attempt.worth_change is None:
        st.caption("Your first attempt.")
        return
    moved = f"{attempt.worth_change:+d} points" if attempt.worth_change else "no change in worth"
    verdict = "; the verdict changed" if attempt.verdict_changed else ""
    st.caption(f"Since the attempt before: {moved}{verdict}; {len(attempt.changed_answers)} answers changed.")
    if attempt.changed_answers:
        st.markdown("\n".join(f"- {text}" for text in attempt.changed_answers))


def save_error(error: StorageError) -> None:
    st.error(str(error), icon=":material/error:")
