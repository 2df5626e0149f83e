"""Widgets every page shares: the person's store, the sidebar, the resources panel, data notices.

This is the one module of winback that draws; everything it shows comes from the rest of the package.
"""

from __future__ import annotations

import gc
import html
import ipaddress
from datetime import date
from pathlib import Path
from typing import NoReturn

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.pages_manager import PagesManager

from winback import (
    activities,
    checkin,
    content,
    imports,
    journal,
    paths,
    progress,
    quiz,
    safety,
    settings,
    tracker,
)
from winback.charts.quiz import worth_gauge
from winback.charts.theme import Chart
from winback.content import DEFAULT_COUNTRY, Activity, Quiz, Thresholds
from winback.schema import TABLES
from winback.store import StorageError, Store
from winback.vocab import CHANNELS, FLAGGED_TIERS, LIFE_AREAS, MOOD_LABELS, MOODS, NOTE_LIMIT, TONES, WHO
from winback.words import count_phrase, day_words

FOLDER_KEY = "winback_folder"
SAMPLE_KEY = "winback_sample_mode"
SAMPLE_DAYS = 365


_STARTUP_FROZEN = False


def freeze_startup_objects() -> None:
    """Once per server: move everything loaded so far (Streamlit, pandas, Plotly, winback) out of the garbage
    collector's sight. Streamlit runs a full collection after every rerun; without this it walks those
    hundreds of thousands of long-lived objects each time (~40-80 ms here), with it only what reruns create."""
    global _STARTUP_FROZEN
    if _STARTUP_FROZEN:
        return
    # st.plotly_chart imports these on first use; load them before freezing.
    import plotly.io
    import plotly.tools  # noqa: F401

    gc.collect()
    gc.freeze()
    _STARTUP_FROZEN = True


def login_configured() -> bool:
    """True when the deployment set up sign-in (an [auth] section in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def resolve_folder() -> Path:
    """The folder for this session: the person's own (per signed-in person when login is set up), or their
    separate sample-data folder. Without sign-in, asks the visitor to log in and stops."""
    root = paths.data_root()
    if login_configured():
        if not st.user.is_logged_in:
            login_screen()
            st.stop()
        person = paths.person_folder(root, str(st.user.get("iss", "")), str(st.user.get("sub", "")))
    else:
        person = paths.person_folder(root)
    if st.session_state.get(SAMPLE_KEY, False):
        folder = paths.sample_folder(person)
        _ensure_sample(str(folder))
    else:
        folder = person
    _prepare_folder(str(folder))
    st.session_state[FOLDER_KEY] = str(folder)
    return folder


def login_screen() -> None:
    st.title("winback")
    st.markdown(
        "A private space for after a breakup. Sign in to open your own diary: each person's entries are kept "
        "in their own folder, and nobody else who uses this winback can see them."
    )
    st.button("Sign in", type="primary", on_click=st.login, key="login")
    resources_panel(DEFAULT_COUNTRY, heading="If you need help now")
    quick_exit()


def client_address() -> str | None:
    """The visitor's address as Streamlit saw it (None from this computer)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


def shared_diary_warning() -> None:
    """Reached from another computer without sign-in, everyone who opens winback shares one diary: say so."""
    if login_configured():
        return
    address = client_address()
    if address is None:
        return
    try:
        if ipaddress.ip_address(address).is_loopback:
            return
    except ValueError:
        pass
    st.warning(
        "**This winback has no sign-in.** Everyone who opens this address shares one diary and can read it. "
        "Use it only on your own computer, or ask whoever runs it to set up sign-in.",
        icon=":material/group:",
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def _prepare_folder(folder: str) -> None:
    """Once per folder and process: finish what a crash interrupted (temp files, a half-done import)."""
    s = Store(Path(folder))
    s.sweep_all()
    imports.recover_interrupted_import(s)


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
    return code if isinstance(code, str) and code in content.countries() else DEFAULT_COUNTRY


def sidebar(help_page: StreamlitPage) -> None:
    with st.sidebar:
        if login_configured() and st.user.is_logged_in:
            st.button("Sign out", on_click=st.logout, key="logout", icon=":material/logout:")
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


def quiz_result(result: quiz.QuizResult, the_quiz: Quiz) -> None:
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
        chart = worth_gauge(result.worth, the_quiz.policy.go_min, the_quiz.policy.wait_min)
        if chart.figure is not None:
            st.plotly_chart(chart.figure, alt=chart.alt, key="worth_gauge", config={"displayModeBar": False})
    if result.reasons:
        st.markdown("**Why**")
        st.markdown("\n".join(f"- {reason}" for reason in result.reasons))
    st.markdown(f"**Next step:** {result.next_step}")


def attempt_summary(attempt: quiz.AttemptChange) -> None:
    if attempt.tier in FLAGGED_TIERS:
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


DAILY_DEFAULTS: dict[str, object] = {"mood": 3, "missing_ex": 5, "contact": "none", "activities": [], "note": ""}
FORM_DAY_KEY = "daily_form_day"


def prefill_daily_form(day: date, existing: tracker.DailyEntry | None) -> None:
    """When the chosen day changes, fill the form with that day's entry (or fresh defaults)."""
    if st.session_state.get(FORM_DAY_KEY) == day:
        return
    values = dict(DAILY_DEFAULTS)
    if existing is not None:
        values = {
            "mood": existing.mood,
            "missing_ex": existing.missing_ex,
            "contact": existing.contact,
            "activities": list(existing.activities),
            "note": existing.note,
        }
    for key, value in values.items():
        st.session_state[key] = value
    st.session_state[FORM_DAY_KEY] = day


def forget_daily_form() -> None:
    st.session_state.pop(FORM_DAY_KEY, None)


def confirmed_delete(label: str, *, key: str) -> bool:
    """A delete button that asks once more; True only after the person confirms."""
    asking = f"{key}_asking"
    if st.button(label, key=key, icon=":material/delete:"):
        st.session_state[asking] = True
    if not st.session_state.get(asking):
        return False
    st.warning("Delete it for good? This cannot be undone.", icon=":material/warning:")
    yes, no = st.columns(2)
    if yes.button("Yes, delete", key=f"{key}_yes", type="primary"):
        st.session_state.pop(asking, None)
        return True
    if no.button("Keep it", key=f"{key}_no"):
        st.session_state.pop(asking, None)
        st.rerun()
    return False


def no_contact_section(s: Store, log: pd.DataFrame, today: date, model: progress.FiveSteps | None = None) -> None:
    """The no-contact counter, or — once the person has reconnected — a line saying that phase is behind them."""
    model = model or progress.from_store(s, today)
    if model.step(4).state == "done":
        st.caption(f"No contact is behind you. {model.step(1).reasons[0]} {model.step(4).reasons[0]}")
        return
    configured, _ = settings.load(s)
    no_contact_summary(tracker.no_contact(log, configured.no_contact_start, today), configured.thresholds)


def no_contact_summary(state: tracker.NoContact, thresholds: Thresholds) -> None:
    days, longest, slips = st.columns(3)
    days.metric("Days without contact", f"{state.days}", help=f"Step 1 is done at {thresholds.no_contact_days} days.")
    longest.metric("Longest run", f"{state.longest_run}")
    slips.metric("Slips", f"{state.slips}", help="Days you logged 'we talked' or 'I reached out'.")
    if state.last_contact is not None and state.since == state.last_contact and state.days < 3:
        st.caption(
            "You had contact recently. That's human, not a failure: the count starts again and every day counts."
        )
    elif state.start is not None:
        st.caption(f"Counting from your no-contact start, {day_words(state.start)}.")


def low_mood_note() -> None:
    with st.container(border=True, key="low_mood_note"):
        st.markdown(
            "**It sounds like the last days have been really hard.** You don't have to get through this alone. "
            "Talking to a friend, a doctor or one of these free lines can help, today."
        )
        country = safety.resources_for(country_code())
        st.markdown("\n".join(f"- **{r.name}**: {r.contact}" for r in country.resources))


def no_contact_start(s: Store, current: date | None, today: date) -> None:
    st.caption("The day you stopped contact. Days since then (or since your last contact) count for step 1.")
    with st.form("no_contact_start_form"):
        chosen = st.date_input("No contact since", value=current or today, format="YYYY-MM-DD", key="nc_start")
        if st.form_submit_button("Save start date"):
            try:
                settings.save_no_contact_start(s, chosen if isinstance(chosen, date) else None, today)
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
            except StorageError as error:
                save_error(error)
            else:
                st.success("Saved.", icon=":material/check:")


def weekly_checkin(s: Store, today: date) -> None:
    texts = content.checkin()
    done = checkin.this_weeks(s.read("checkins").frame, today)
    st.caption("A self-check for you, not a clinical test. Once a week is enough.")
    if done is not None:
        st.info(
            f"You did this week's check-in on {day_words(done['date'], year=False)}: well-being {done['wellbeing']}, "
            f"self-worth {done['self_worth']} (of 100). Sending it again replaces it.",
            icon=":material/event_available:",
        )
    with st.form("weekly_checkin_form"):
        st.markdown(f"**{texts.wellbeing.title}**")
        wellbeing = [
            st.select_slider(
                item, options=list(range(6)), value=3, format_func=texts.wellbeing.labels.__getitem__, key=f"wb_{n}"
            )
            for n, item in enumerate(texts.wellbeing.items)
        ]
        st.markdown(f"**{texts.self_worth.title}**")
        worth = [
            st.select_slider(
                item, options=list(range(4)), value=2, format_func=texts.self_worth.labels.__getitem__, key=f"sw_{n}"
            )
            for n, item in enumerate(texts.self_worth.items)
        ]
        replace_ok = True
        if done is not None:
            replace_ok = st.checkbox("Yes, replace this week's check-in", key="checkin_replace")
        sent = st.form_submit_button("Save check-in")
    if sent:
        if not replace_ok:
            st.warning("Nothing saved: tick the box to replace this week's check-in.", icon=":material/warning:")
            return
        try:
            checkin.save_checkin(s, today, [int(v) for v in wellbeing], [int(v) for v in worth])
        except StorageError as error:
            save_error(error)
        else:
            st.success(
                f"Check-in saved: well-being {checkin.wellbeing_score([int(v) for v in wellbeing])}, "
                f"self-worth {checkin.self_worth_score([int(v) for v in worth])} (of 100).",
                icon=":material/check:",
            )


def rerun_with_notice(where: str, message: str) -> NoReturn:
    """Start the page over with ``message`` shown at ``where``: a message shown just before a rerun is wiped
    by it. The message is winback's own words, never the person's text."""
    st.session_state[f"notice_{where}"] = message
    st.rerun()


def pending_notice(where: str) -> None:
    message = st.session_state.pop(f"notice_{where}", None)
    if isinstance(message, str):
        st.success(message, icon=":material/check:")


def custom_activities(s: Store, known: tuple[Activity, ...]) -> None:
    st.caption("Add what helps you. Renaming or retiring one keeps your past days as they were.")
    pending_notice("activities")
    with st.form("add_activity_form", clear_on_submit=True):
        name = st.text_input("New activity", max_chars=activities.NAME_LIMIT, key="new_activity_name")
        area = st.selectbox("Life area", LIFE_AREAS, key="new_activity_area")
        if st.form_submit_button("Add activity"):
            try:
                added = activities.add_custom(s, name, str(area))
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
            except StorageError as error:
                save_error(error)
            else:
                rerun_with_notice("activities", f"Added to {added.area}: see it in the list below.")
    for activity in (a for a in known if a.custom):
        left, right = st.columns([3, 1])
        renamed = left.text_input(
            f"{activity.area}{' · retired' if activity.retired else ''}",
            value=activity.name,
            key=f"rename_{activity.id}",
            max_chars=activities.NAME_LIMIT,
        )
        label = "Bring back" if activity.retired else "Retire"
        if right.button(label, key=f"retire_{activity.id}"):
            activities.update_custom(s, activity, retired=not activity.retired)
            st.rerun()
        if renamed.strip() != activity.name:
            try:
                activities.update_custom(s, activity, name=renamed)
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
            else:
                st.rerun()


def _pick_history_row() -> None:
    selection = st.session_state["history_table"].selection
    shown = st.session_state.get("history_dates", [])
    if selection.rows and selection.rows[0] < len(shown):
        st.session_state["entry_day"] = shown[selection.rows[0]]


def history_table(table: pd.DataFrame) -> None:
    """The history, plain text only; picking a row loads that day into the form above."""
    st.session_state["history_dates"] = list(table["Date"])
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select=_pick_history_row,
        selection_mode="single-row",
        key="history_table",
        column_config={"Note": st.column_config.TextColumn(width="large")},
    )


def step_card(step: progress.StepProgress) -> None:
    icon = {"done": ":material/check_circle:", "active": ":material/directions_walk:", "locked": ":material/lock:"}
    with st.container(border=True, key=f"step_card_{step.number}"):
        st.markdown(f"{icon[step.state]} **Step {step.number}: {step.name}** · {step.state}")
        st.progress(step.progress, text=f"{round(step.progress * 100)} %")
        st.text("\n".join(step.reasons))


def _journal_fields(prefix: str, entry: journal.JournalEntry | None, today: date) -> journal.JournalEntry:
    day = st.date_input("Day", value=entry.day if entry else today, format="YYYY-MM-DD", key=f"{prefix}_day")
    who = st.radio(
        "Who reached out",
        list(WHO),
        format_func=WHO.__getitem__,
        horizontal=True,
        index=list(WHO).index(entry.who) if entry else 1,
        key=f"{prefix}_who",
    )
    channel = st.selectbox(
        "How",
        list(CHANNELS),
        format_func=CHANNELS.__getitem__,
        index=list(CHANNELS).index(entry.channel) if entry else 0,
        key=f"{prefix}_channel",
    )
    tone = st.radio(
        "Tone",
        list(TONES),
        format_func=TONES.__getitem__,
        horizontal=True,
        index=list(TONES).index(entry.tone) if entry else 0,
        key=f"{prefix}_tone",
    )
    calm = st.checkbox("I stayed calm and kind", value=entry.calm_and_kind if entry else True, key=f"{prefix}_calm")
    meeting = st.checkbox("We planned to meet", value=entry.meeting_planned if entry else False, key=f"{prefix}_meet")
    note = st.text_area(
        "Note (only you see this)",
        value=entry.note if entry else "",
        max_chars=NOTE_LIMIT,
        key=f"{prefix}_note",
    )
    return journal.JournalEntry(
        day if isinstance(day, date) else today,
        str(who),
        str(channel),
        str(tone),
        bool(calm),
        bool(meeting),
        note or "",
        entry.entry_id if entry else "",
    )


def _save_journal(s: Store, entry: journal.JournalEntry, today: date) -> None:
    found = journal.problems(entry, today)
    for problem in found:
        st.error(problem, icon=":material/error:")
    if found:
        return
    try:
        journal.save(s, entry, today)
    except StorageError as error:
        save_error(error)
    else:
        st.success(f"Saved the contact on {day_words(entry.day)}.", icon=":material/check:")


def journal_form(s: Store, today: date) -> None:
    with st.form("journal_form", clear_on_submit=True):
        entry = _journal_fields("journal_new", None, today)
        sent = st.form_submit_button("Save contact", type="primary")
    if sent:
        _save_journal(s, entry, today)


def journal_list(s: Store, entries: list[journal.JournalEntry], today: date) -> None:
    if not entries:
        st.caption("Each contact you log appears here, newest first.")
    for entry in entries:
        title = f"{day_words(entry.day)} · {WHO[entry.who]} · {TONES[entry.tone]}"
        with st.expander(title):
            with st.form(f"journal_edit_{entry.entry_id}"):
                edited = _journal_fields(f"journal_{entry.entry_id}", entry, today)
                sent = st.form_submit_button("Save changes")
            if sent:
                _save_journal(s, edited, today)
            if confirmed_delete("Delete this contact", key=f"journal_delete_{entry.entry_id}"):
                journal.delete(s, entry.entry_id)
                st.rerun()


def show_chart(chart: Chart, key: str) -> None:
    """A chart with its alt text, or its empty state in words; never an empty frame."""
    if chart.figure is None:
        st.caption(chart.empty)
        return
    st.plotly_chart(chart.figure, alt=chart.alt, key=f"chart_{key}", config={"displayModeBar": False})


def threshold_settings(s: Store, thresholds: Thresholds) -> None:
    st.caption("The goals behind steps 1–5. Change them to fit your life; the defaults come from the method.")
    pending_notice("goals")
    with st.form("thresholds_form"):
        values: dict[str, float] = {
            "no_contact_days": st.select_slider(
                "No contact: days",
                options=list(thresholds.no_contact_choices),
                value=thresholds.no_contact_days,
                key="t_no_contact_days",
            ),
            "positive_mood": st.slider(
                "Stay positive: average mood", 1.0, 5.0, thresholds.positive_mood, 0.1, key="t_positive_mood"
            ),
            "positive_social_days": st.slider(
                f"Stay positive: days with a Social or Joy activity (of {thresholds.positive_window})",
                0,
                14,
                thresholds.positive_social_days,
                key="t_positive_social_days",
            ),
            "self_value_area_days": st.slider(
                f"Self-value: activity-days for a life area to count (of {thresholds.self_value_window})",
                1,
                28,
                thresholds.self_value_area_days,
                key="t_self_value_area_days",
            ),
            "self_value_areas": st.slider(
                "Self-value: life areas needed", 1, 5, thresholds.self_value_areas, key="t_self_value_areas"
            ),
            "friendly_contacts": st.slider(
                "Be kind: friendly contacts", 1, 10, thresholds.friendly_contacts, key="t_friendly_contacts"
            ),
        }
        if st.form_submit_button("Save goals"):
            try:
                settings.save_thresholds(s, values)
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
            except StorageError as error:
                save_error(error)
            else:
                rerun_with_notice("goals", "Goals saved. The five steps are measured against them now.")


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
        key="import_kind",
    )
    upload = st.file_uploader(
        "Choose the file",
        type=["zip"] if kind == "winback" else ["csv"],
        key=f"import_upload_{kind}",
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
                    key=f"mood_map_{mood.key}",
                )
                mood_map[mood.key] = int(picked)
            parse = _daylio(str(s.folder), data, tuple(sorted(mood_map.items())), known, today)
        plan = imports.daylio_plan(s, parse)
    with st.container(border=True, key="import_preview"):
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
    if st.button("Import", type="primary", key="import_apply"):
        try:
            imports.apply_plan(s, plan)
        except (StorageError, ValueError) as error:
            st.error(str(error), icon=":material/error:")
        else:
            st.success(f"Imported: {plan.summary}", icon=":material/check:")
