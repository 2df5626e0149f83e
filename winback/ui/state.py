"""Every ``st.session_state`` key winback uses, and the function that forgets a person's state.

Pages and widgets never spell a key: they use these names, so a key used in two places is one constant,
the browser tests and CSS find the same ``st-key-…`` classes, and ``forget_person_state`` cannot miss one.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

# Who and where: kept across a person's pages, decided by the router.
FOLDER = "winback_folder"
SAMPLE_MODE = "winback_sample_mode"
# The person's sample switch as this session last read it: a change means another tab switched it.
SAMPLE_SWITCH_SEEN = "winback_sample_switch_seen"
ROUTED = "winback_routed"
# What the frame tells the person about imports a crash stopped and winback undid, until they close it.
UNDONE_IMPORTS = "winback_undone_imports"
UNDONE_IMPORTS_SEEN = "undone_imports_seen"

# Daily log.
ENTRY_DAY = "entry_day"
MOOD = "mood"
MISSING_EX = "missing_ex"
CONTACT = "contact"
ACTIVITIES = "activities"
NOTE = "note"
DAILY_FORM = "daily_entry"
# The box around the daily form: a form carries no st-key-… class of its own.
DAILY_FORM_BOX = "daily_entry_box"
DAILY_FORM_DAY = "daily_form_day"
# The stored row the daily form was filled from, and a Save or Delete refused because another window changed it.
DAILY_FORM_FROM = "daily_form_from"
DAILY_CONFLICT = "daily_conflict"
DAILY_SHOW_STORED = "daily_show_stored"
DAILY_REPLACE = "daily_replace"
HISTORY_TABLE = "history_table"
HISTORY_DATES = "history_dates"
HISTORY_PERIOD = "history_period"
HISTORY_FILTER = "history_filter"
# Set when a History row was picked, so the page scrolls back up to the form once.
HISTORY_PICKED = "history_picked"
CHECKIN_FORM = "weekly_checkin_form"
CHECKIN_REPLACE = "checkin_replace"
ACTIVITY_FORM = "add_activity_form"
NEW_ACTIVITY_NAME = "new_activity_name"
NEW_ACTIVITY_AREA = "new_activity_area"
# Set when an activity was added: the next run empties the form (it keeps what was typed when it was refused).
NEW_ACTIVITY_ADDED = "new_activity_added"
NO_CONTACT_FORM = "no_contact_start_form"
NO_CONTACT_START = "nc_start"

# Readiness quiz.
QUIZ_SHOWN = "quiz_shown_attempt"
# The answers given so far, kept apart from the radios: Streamlit forgets a widget's value on another page.
QUIZ_ANSWERS = "quiz_answers_given"
QUIZ_JUST_SUBMITTED = "quiz_just_submitted"
QUIZ_RESULT = "quiz_result"  # the container of a result's verdict; focus moves to it after "See my result"
QUIZ_SUBMIT = "quiz_submit"
QUIZ_AGAIN = "quiz_again"

# Progress.
PROGRESS_VIEW = "progress_view"
# The period the person picked last (any view); each view's control has its own key, so a view the person has
# not set opens on its own period (a year of pixels, 90 days of mood) until they pick one.
PROGRESS_PERIOD = "progress_period"
PROGRESS_GOALS = "progress_goals"
GOALS_FORM = "thresholds_form"

# Reconnect.
JOURNAL_NEW = "journal_new"
JOURNAL_FORM = "journal_form"

# Data & privacy, Help & safety.
SAMPLE_TOGGLE = "sample_toggle"
SAMPLE_TROUBLE = "sample_trouble"
DELETE_FORM = "delete_all"
DELETE_CONFIRM = "delete_confirm"
REMINDER_TIME = "reminder_time"
REMINDER_TITLE = "reminder_title"
REMINDER_ICS = "reminder_ics"
EXPORT_ZIP = "export_zip"
EXPORT_CSV = "export_csv"
IMPORT_KIND = "import_kind"
IMPORT_APPLY = "import_apply"
IMPORT_PREVIEW = "import_preview"
# The disguise and the export's password (issue 16).
DISGUISE_TOGGLE = "disguise_toggle"
DISGUISE_TROUBLE = "disguise_trouble"
EXPORT_PROTECT = "export_protect"
# The switch's value kept apart from the widget, as the chosen password is: Streamlit forgets a widget's value on
# another page, and the protection is kept for the visit.
EXPORT_PROTECT_ON = "export_protect_on"
EXPORT_PASSWORD = "export_password"
EXPORT_PASSWORD_AGAIN = "export_password_again"
EXPORT_PASSWORD_FORM = "export_password_form"
EXPORT_PASSWORD_USE = "export_password_use"
EXPORT_PASSWORD_CHOSEN = "export_password_chosen"  # set by the form's callback, never a widget's key
EXPORT_PASSWORD_PROBLEM = "export_password_problem"
IMPORT_PASSWORD = "import_password"
# The PDF report (issue 17).
REPORT_BOX = "report_box"
REPORT_PERIOD = "report_period"
REPORT_FROM = "report_from"
REPORT_TO = "report_to"
REPORT_NOTES = "report_notes"
REPORT_QUIZ_REASONS = "report_quiz_reasons"
REPORT_PAPER = "report_paper"
REPORT_DOWNLOAD = "report_download"
IMPORT_PASSWORD_FORM = "import_password_form"
IMPORT_PASSWORD_OPEN = "import_password_open"

# The help box's "Where are you?", one key per place it is drawn (two boxes can share a page, and the error
# boundary's box can follow a page's). The choice itself is kept in settings.json; it is kept here instead while
# there is no folder (the sign-in screen) or when it could not be saved there.
HELP_COUNTRY = "help_country"  # Help & safety
QUIZ_HELP_COUNTRY = "quiz_help_country"
TODAY_HELP_COUNTRY = "today_help_country"
RECONNECT_HELP_COUNTRY = "reconnect_help_country"
LOW_MOOD_COUNTRY = "low_mood_country"
SIGN_IN_COUNTRY = "sign_in_country"
PAGE_FAILED_COUNTRY = "page_failed_country"
# A pick waiting for the run that keeps it (a widget's callback runs before the router has settled the folder).
COUNTRY_PICKED = "winback_country_picked"
COUNTRY_UNSAVED = "winback_country_unsaved"
# Why the last pick could not be saved, for the box it was made in.
COUNTRY_TROUBLE = "winback_country_trouble"

# The frame and shared boxes (their st-key-… classes are what the CSS and the browser tests find).
LOGIN = "login"
LOGOUT = "logout"
PHONE_SAFETY_BAR = "phone_safety_bar"
SAMPLE_NOTICE = "sample_notice"
QUICK_EXIT_ANCHOR = "quick_exit_anchor"
RESOURCES_PANEL = "resources_panel"
PAGE_FAILED_RESOURCES = "page_failed_resources"
LOW_MOOD_NOTE = "low_mood_note"
RECONNECT_LOCKED = "reconnect_locked"
PAGE_FAILED = "page_failed"
FOLDER_TROUBLE = "folder_trouble"

# The app lock (winback.applock, winback/ui/lock_screen.py): the folder this session opened with the passphrase,
# when the person last caused a run (applock.now()), and the lock screen's and Data & privacy's widgets.
UNLOCKED_FOR = "winback_unlocked_for"
LAST_ACTIVITY = "winback_last_activity"
LOCK_SCREEN = "lock_screen"
LOCK_FORM = "lock_form"
LOCK_PASSPHRASE = "lock_passphrase"
LOCK_OPEN = "lock_open"
LOCK_COUNTRY = "lock_country"
LOCK_SET_FORM = "app_lock_set"
LOCK_CHANGE_FORM = "app_lock_change"
LOCK_CURRENT = "app_lock_current"
LOCK_NEW = "app_lock_new"
LOCK_AGAIN = "app_lock_again"
LOCK_IDLE = "app_lock_idle"
LOCK_TURN_ON = "app_lock_turn_on"
LOCK_SAVE = "app_lock_save"
LOCK_REMOVE = "app_lock_remove"
LOCK_NOW = "app_lock_now"
LOCK_SETTINGS = "app_lock_settings"

# The private safety plan (winback/ui/safety_plan_form.py): its box, the step shown (absent: not started), the
# answers given so far (kept apart from the fields, which Streamlit forgets on another step or page), its buttons.
SAFETY_PLAN_BOX = "safety_plan_box"
SAFETY_PLAN_STEP = "safety_plan_step"
SAFETY_PLAN_ANSWERS = "safety_plan_answers"
SAFETY_PLAN_START = "safety_plan_start"
SAFETY_PLAN_BACK = "safety_plan_back"
SAFETY_PLAN_NEXT = "safety_plan_next"
SAFETY_PLAN_EDIT = "safety_plan_edit"
SAFETY_PLAN_CLEAR = "safety_plan_clear"
SAFETY_PLAN_DOWNLOAD = "safety_plan_download"
SAFETY_PLAN_STORE = "safety_plan_store"
SAFETY_PLAN_STORE_CONFIRM = "safety_plan_store_confirm"
SAFETY_PLAN_DELETE = "safety_plan_delete"
SAFETY_PLAN_TOP = "safety_plan_top"  # the top of what the plan's box shows now (offer, step, plan): focus goes there
SAFETY_PLAN_MOVES = "safety_plan_moves"  # how many times the person moved through the plan: each move's focus token
SAFETY_PLAN_MOVED = "safety_plan_moved"  # set by a move, until the run after it has moved focus
# The quick exit's first-visit explanation (shown until OK, reopened from Help & safety) and its address setting.
EXIT_INTRO = "exit_intro"
EXIT_INTRO_OK = "exit_intro_ok"
# Set for the session: read before sign-in (no folder yet), or when it could not be saved in the folder.
EXIT_INTRO_SEEN = "winback_exit_intro_seen"
# Set by "Show it again" on Help & safety, until OK.
EXIT_INTRO_AGAIN = "winback_exit_intro_again"
EXIT_INTRO_REOPEN = "exit_intro_reopen"
EXIT_INTRO_TROUBLE = "winback_exit_intro_trouble"
QUICK_EXIT_SETTINGS = "quick_exit_settings"
QUICK_EXIT_FORM = "quick_exit_form"
QUICK_EXIT_URL = "quick_exit_url"
QUICK_EXIT_SAVE = "quick_exit_save"
QUICK_EXIT_DEFAULT = "quick_exit_default"


def question(question_id: str) -> str:
    return f"q_{question_id}"


def delete_day(day: date) -> str:
    return f"delete_day_{day.isoformat()}"


def delete_attempt(attempt_id: str) -> str:
    return f"delete_{attempt_id}"


def delete_contact(entry_id: str) -> str:
    return f"journal_delete_{entry_id}"


def asking(delete_key: str) -> str:
    """Set while a delete button waits for "Yes, delete" or "Keep it"."""
    return f"{delete_key}_asking"


def confirm(delete_key: str) -> str:
    return f"{delete_key}_yes"


def keep(delete_key: str) -> str:
    return f"{delete_key}_no"


# The error boundary's two slots (winback.ui.guard.boundary): the frame around every page, and the page in it.
FRAME_SLOT = "boundary_frame"
# The frame's notices above every page (first-visit note, shared diary, sample data, an undone import), in one box
# drawn on every run: when one comes or goes, the page below is not drawn afresh (focus and scroll stay).
FRAME_NOTICES = "frame_notices"
PAGE_SLOT = "boundary_page"


def notice(where: str) -> str:
    return f"notice_{where}"


def notice_box(where: str) -> str:
    """The container a pending notice is drawn in; focus moves to it (widgets.move_focus)."""
    return f"notice_box_{where}"


# The screen reader's status line (frame.page_opened): this session's mark, how many times its words changed, and
# the last words; a script older than the newest (a page's, drawn again late) leaves the line alone.
PAGE_OPENED = "page_opened"
# The delete button whose "Keep it" was just pressed: focus goes back to it once (widgets.confirmed_delete).
DELETE_KEPT = "delete_kept"
NOTICES_SHOWN = "notices_shown"  # how many times this session moved focus to a notice or a kept delete: the token


def wellbeing_item(number: int) -> str:
    return f"wb_{number}"


def self_worth_item(number: int) -> str:
    return f"sw_{number}"


def rename_activity(activity_id: str) -> str:
    return f"rename_{activity_id}"


def retire_activity(activity_id: str) -> str:
    return f"retire_{activity_id}"


def journal_field(prefix: str, field: str) -> str:
    return f"{prefix}_{field}"


def journal_entry(entry_id: str) -> str:
    """The prefix of one saved contact's edit form fields."""
    return f"journal_{entry_id}"


def journal_from(entry_id: str) -> str:
    """The stored contact a past contact's form was filled from."""
    return f"journal_from_{entry_id}"


def journal_edit_form(entry_id: str) -> str:
    return f"journal_edit_{entry_id}"


def plan_field(field_id: str) -> str:
    """One field of the safety plan."""
    return f"plan_{field_id}"


def goal(name: str) -> str:
    return f"t_{name}"


def import_upload(kind: str) -> str:
    return f"import_upload_{kind}"


def mood_map(label_key: str) -> str:
    return f"mood_map_{label_key}"


def progress_period(view: str) -> str:
    return f"progress_period_{view.lower().replace(' ', '_').replace('-', '_')}"


def report_section(section: str) -> str:
    return f"report_section_{section}"


def report_extra_box(key: str) -> str:
    """The box around a report's "include my notes" (or the quiz's reasons) and its warning."""
    return f"{key}_box"


def chart(name: str) -> str:
    return f"chart_{name}"


def chart_numbers(name: str) -> str:
    """The "Show the numbers" expander under the chart ``name``."""
    return f"chart_numbers_{name}"


def step_card(number: int) -> str:
    return f"step_card_{number}"


# Kept when a person's state is forgotten: which diary the session shows (their own or the sample), that this
# run came through the router (the router itself forgets when the diary changed under the session), and that the
# app lock was opened (switching sample mode does not lock the app).
_KEPT = frozenset({SAMPLE_MODE, SAMPLE_SWITCH_SEEN, ROUTED, UNLOCKED_FOR, LAST_ACTIVITY, PAGE_OPENED})


def forget_person_state() -> None:
    """Forget everything this session holds about the diary it showed: form values, answers, the chosen day,
    open confirmations, pending notices. Called when the diary changes under the session (sample mode on or
    off, everything deleted), so no value from before can be shown or saved into the new one."""
    for key in [k for k in st.session_state if k not in _KEPT]:
        del st.session_state[key]
