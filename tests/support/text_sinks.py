"""The text-sink inventory: every place text from outside winback (a file, the folder, what the person typed)
reaches the screen, how it is kept plain there and what the browser test checks; and every Markdown call whose
text is not a literal but is winback's own words, with the reason.

tests/test_text_sinks.py fails on a Markdown call that is in neither list, and tests/e2e/test_text_sinks.py
drives hostile text through every sink marked ``driven``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Sink:
    """A place outside text is shown. ``escaped``: drawn as Markdown, through winback.plain.plain; ``plain``: by
    an element that draws text as it is (a field's value, a select's options, st.text, a table); ``html-escaped``:
    by Plotly, which draws labels as HTML, through winback.charts.theme.as_text."""

    place: str
    file: str
    function: str
    element: str
    shown: Literal["escaped", "plain", "html-escaped"]
    check: str
    driven: bool = True


@dataclass(frozen=True)
class OwnWords:
    """A Markdown call whose non-literal text (``text``: each part that is not a literal) is winback's own."""

    file: str
    function: str
    element: str
    role: str
    text: tuple[str, ...]
    why: str


UI = "winback/ui/"

SINKS: tuple[Sink, ...] = (
    Sink(
        "frame › undone import notice",
        UI + "frame.py",
        "undone_import_notice",
        "warning",
        "escaped",
        "a notice in the folder naming hostile files is told in winback's words with the exact names",
    ),
    Sink(
        "import panel › mood mapping slider label",
        UI + "import_panel.py",
        "_mood_answers",
        "select_slider",
        "escaped",
        "each hostile Daylio mood label is the exact text of its slider's label",
    ),
    Sink(
        "import panel › preview",
        UI + "import_panel.py",
        "_preview",
        "text",
        "plain",
        "every preview line (new activities named in the file) is shown exactly",
    ),
    Sink(
        "import panel › problems",
        UI + "import_panel.py",
        "import_panel",
        "text",
        "plain",
        "every problem of a refused file, quoting its cells, is shown exactly",
    ),
    Sink(
        "import panel › uploaded file name",
        UI + "import_panel.py",
        "import_panel",
        "file_uploader",
        "plain",
        "Streamlit's uploader shows a hostile file name exactly",
    ),
    Sink(
        "import panel › import error",
        UI + "import_panel.py",
        "import_panel",
        "error",
        "escaped",
        "not driven: its messages name winback's files and quote an exception; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "activities › duplicate name error",
        UI + "activities_form.py",
        "activities_form",
        "error",
        "escaped",
        "adding each hostile name again shows “There is already an activity called …” with the exact name",
    ),
    Sink(
        "activities › rename error",
        UI + "activities_form.py",
        "_own_activity",
        "error",
        "escaped",
        "renaming one hostile activity to another's name shows that name exactly",
    ),
    Sink(
        "activities › own activity name",
        UI + "activities_form.py",
        "_own_activity",
        "text_input",
        "plain",
        "each own activity's field holds its hostile name",
    ),
    Sink(
        "daily log › note",
        UI + "daily_form.py",
        "entry_form",
        "text_area",
        "plain",
        "the day's note field holds every hostile string",
    ),
    Sink(
        "daily log › activities picked",
        UI + "daily_form.py",
        "entry_form",
        "multiselect",
        "plain",
        "the day's picked activities show their hostile names",
    ),
    Sink(
        "daily log › history table",
        UI + "daily_form.py",
        "_table",
        "dataframe",
        "plain",
        "the history's note cell holds the hostile note",
    ),
    Sink(
        "daily log › history filter",
        UI + "daily_form.py",
        "history",
        "multiselect",
        "plain",
        "the filter offers each hostile activity name",
    ),
    Sink(
        "data notices › unreadable rows",
        UI + "widgets.py",
        "data_notices",
        "text",
        "plain",
        "the problem of an unreadable check-in row, quoting it, is shown exactly",
    ),
    Sink(
        "progress › chart numbers",
        UI + "widgets.py",
        "show_chart",
        "dataframe",
        "plain",
        "the numbers of Mood on days with and without name hostile activities in cells, in their exact words",
    ),
    Sink(
        "progress › chart labels",
        UI + "widgets.py",
        "show_chart",
        "plotly_chart",
        "html-escaped",
        "each hostile activity name is a label of the What I did charts, in its exact words",
    ),
    Sink(
        "quiz › changed answers",
        UI + "quiz_form.py",
        "attempt_summary",
        "markdown",
        "escaped",
        "answers to questions no longer in the quiz name their hostile ids exactly",
    ),
    Sink(
        "reconnect › journal note",
        UI + "journal_form.py",
        "_fields",
        "text_area",
        "plain",
        "a past contact's note field holds every hostile string",
    ),
    Sink(
        "daily log › save error",
        UI + "daily_form.py",
        "_save",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "daily log › delete error",
        UI + "daily_form.py",
        "_delete",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "check-in › save error",
        UI + "checkin_form.py",
        "_save",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "no contact › save error",
        UI + "no_contact.py",
        "_save_start",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "reconnect › save error",
        UI + "journal_form.py",
        "_save",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "reconnect › delete error",
        UI + "journal_form.py",
        "_delete",
        "leave_notice(message)",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
    Sink(
        "help box › a line's name and when",
        UI + "widgets.py",
        "resources_panel",
        "markdown",
        "escaped",
        "not driven: resources.toml is winback's own file, but a line's words are shown as words whatever it says; "
        "tests/test_safety.py",
        driven=False,
    ),
    Sink(
        "low-mood note › a line's name",
        UI + "widgets.py",
        "low_mood_note",
        "markdown",
        "escaped",
        "not driven: resources.toml is winback's own file, but a line's words are shown as words whatever it says; "
        "tests/test_safety.py",
        driven=False,
    ),
    Sink(
        "save error",
        UI + "widgets.py",
        "save_error",
        "error",
        "escaped",
        "not driven: a failed write names the folder's path; tests/test_plain.py",
        driven=False,
    ),
)

CONTENT = "content TOML: winback's own words"
NUMBERS = "numbers and dates"
STEPS = "progress.py's reasons and actions: numbers, dates, life areas"


def _own(file: str, function: str, element: str, role: str, text: tuple[str, ...], why: str) -> OwnWords:
    return OwnWords(file, function, element, role, text, why)


# typed_text.removed_notice: a count of removed characters and winback's name for the field.
REMOVED = "a count of removed characters (typed_text.removed_notice)"
SLOT_NAME = "a slot's name, state.FRAME_SLOT or state.PAGE_SLOT (guard.boundary)"
# A fixed sentence about another window, with a day in words and winback's own verbs.
ELSEWHERE = "a fixed sentence, a day in words and winback's own verbs"
LOCK_TROUBLE = "why the lock file cannot be read, in fixed sentences naming app_lock.json (applock._trouble)"
WAIT = "when the next try is allowed: a moment in words and a count (lock_screen.wait_words)"
IDLE = "5, 15 or 60 minutes in words (lock_settings.idle_words)"
PASSPHRASE_PROBLEM = "a fixed sentence with the minimum or maximum length (applock.passphrase_problem)"
OWN_WORDS: tuple[OwnWords, ...] = (
    _own(
        UI + "daily_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("CHANGED_ELSEWHERE.format(day=day_words(day), done='saved')",),
        ELSEWHERE,
    ),
    _own(
        UI + "daily_form.py",
        "_delete",
        "leave_notice(message)",
        "text",
        ("CHANGED_ELSEWHERE.format(day=day_words(day), done='deleted')",),
        ELSEWHERE,
    ),
    _own(
        UI + "journal_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("CHANGED_ELSEWHERE.format(done='saved')",),
        ELSEWHERE,
    ),
    _own(
        UI + "journal_form.py",
        "_delete",
        "leave_notice(message)",
        "text",
        ("CHANGED_ELSEWHERE.format(done='deleted')",),
        ELSEWHERE,
    ),
    _own("pages/progress.py", "views", "markdown", "text", ("step.number", "step.name", "step.state"), STEPS),
    _own("pages/progress.py", "views", "markdown", "text", ("shown.title",), "views.py's chart titles"),
    _own("pages/today.py", "<module>", "markdown", "text", ("model.next_action",), STEPS),
    _own("pages/today.py", "<module>", "markdown", "text", ("latest.verdict_words",), "a verdict's words (quiz.py)"),
    _own(
        UI + "activities_form.py",
        "activities_form",
        "rerun_with_notice(message)",
        "text",
        ("added.area", "cleaned"),
        "a life area (a schema choice), and typed_text's count of removed characters",
    ),
    _own(
        UI + "activities_form.py",
        "_own_activity",
        "rerun_with_notice(message)",
        "text",
        ("typed_text.removed_notice(removed, 'the name')",),
        REMOVED,
    ),
    _own(
        UI + "daily_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("typed_text.removed_notice(removed, 'the note')",),
        REMOVED,
    ),
    _own(
        UI + "journal_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("typed_text.removed_notice(removed, 'the note')",),
        REMOVED,
    ),
    _own(UI + "guard.py", "boundary", "calm_message(reference)", "text", ("reference",), "eight hex digits of a uuid4"),
    _own(UI + "guard.py", "boundary", "html", "text", ("slot_mark(slot)",), SLOT_NAME),
    _own(UI + "guard.py", "boundary", "html", "text", ("hide_style(slot)",), SLOT_NAME),
    _own(UI + "activities_form.py", "_own_activity", "text_input", "text", ("activity.area",), "a life area"),
    _own(UI + "activities_form.py", "_own_activity", "button", "text", ("label",), "“Retire” or “Bring back”"),
    _own(
        UI + "checkin_form.py",
        "checkin_form",
        "info",
        "text",
        ("done['wellbeing']", "done['self_worth']"),
        "scores: whole numbers (schema int columns)",
    ),
    _own(UI + "checkin_form.py", "_scale", "markdown", "text", ("scale.title",), CONTENT),
    _own(UI + "checkin_form.py", "_scale", "select_slider", "text", ("item",), CONTENT),
    _own(UI + "checkin_form.py", "_scale", "select_slider", "format_func", ("scale.labels.__getitem__",), CONTENT),
    _own(
        UI + "checkin_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("checkin.wellbeing_score(wellbeing)", "checkin.self_worth_score(worth)"),
        NUMBERS,
    ),
    _own(
        UI + "daily_form.py",
        "_save",
        "leave_notice(message)",
        "text",
        ("problem",),
        "tracker.entry_problems: dates and limits",
    ),
    _own(UI + "daily_form.py", "_save", "leave_notice(message)", "text", ("verb",), "“Saved” or “Updated”"),
    _own(
        UI + "goals_form.py",
        "_sliders",
        "select_slider",
        "options",
        ("t.no_contact_choices", "t.no_contact_days"),
        "whole numbers (content/steps.toml, settings.json checked by settings.load)",
    ),
    _own(
        UI + "frame.py",
        "quick_exit",
        "html",
        "text",
        ("link", "_script()"),
        "the quick exit: its address html.escape'd (checked https by winback.quick_exit); the script's own words",
    ),
    _own(
        UI + "frame.py",
        "page_opened",
        "html",
        "text",
        ("script.replace('__WORDS__', json.dumps(words), 1)",),
        "the page's title (winback.sitemap) in PAGE_OPENED, or LOCK_TITLE: html.escape'd into an attribute, JSON in "
        "the script",
    ),
    _own(
        UI + "exit_intro.py",
        "destination_settings",
        "error",
        "text",
        ("problem",),
        "winback.quick_exit.check_destination's words for an address it refuses (never the address itself)",
    ),
    _own(
        UI + "daily_form.py",
        "_fields",
        "html",
        "text",
        ("_FORM_DAY_MARK.format(day=day.isoformat())",),
        "the day the form is drawn for, as an ISO date",
    ),
    _own(
        UI + "daily_form.py",
        "_fields",
        "html",
        "text",
        ("_HOLD_NOTE.format(day=html.escape(day_words(day, weekday=True)))",),
        "a fixed sentence with the form's day in words",
    ),
    _own(UI + "goals_form.py", "_sliders", "slider", "text", ("t.positive_window",), NUMBERS),
    _own(UI + "goals_form.py", "_sliders", "slider", "text", ("t.self_value_window",), NUMBERS),
    _own(UI + "goals_form.py", "goals_form", "error", "text", ("str(error)",), "settings.save_thresholds: ranges"),
    _own(UI + "import_panel.py", "_mood_answers", "markdown", "text", ("chosen.moods.intro",), "the format's own"),
    _own(
        UI + "import_panel.py",
        "import_panel",
        "radio",
        "format_func",
        ("import_format(name).label",),
        "the formats' labels (imports/registry.py)",
    ),
    _own(UI + "import_panel.py", "import_panel", "warning", "text", ("chosen.warning",), "the format's own"),
    _own(
        UI + "import_panel.py",
        "import_panel",
        "success",
        "text",
        ("plan.done or f'Imported: {plan.summary}'",),
        "the format's own words and counts of days",
    ),
    _own(UI + "import_panel.py", "import_panel", "error", "text", ("found",), "a count of problems"),
    _own(UI + "import_panel.py", "_preview", "markdown", "text", ("plan.source",), "the format's name"),
    _own(UI + "journal_form.py", "_choice", "radio", "format_func", ("labels.__getitem__",), "vocab's WHO and TONES"),
    _own(UI + "journal_form.py", "_save", "leave_notice(message)", "text", ("problem",), "journal.problems: dates"),
    _own(UI + "journal_form.py", "past_contacts", "expander", "text", ("title",), "a day and vocab labels"),
    _own(
        UI + "no_contact.py",
        "section",
        "caption",
        "text",
        ("model.step(1).reasons[0]", "model.step(4).reasons[0]"),
        STEPS,
    ),
    _own(UI + "no_contact.py", "summary", "metric", "value", ("now.days",), NUMBERS),
    _own(UI + "no_contact.py", "summary", "metric", "help", ("thresholds.no_contact_days",), NUMBERS),
    _own(UI + "no_contact.py", "summary", "metric", "value", ("now.longest_run",), NUMBERS),
    _own(UI + "no_contact.py", "summary", "metric", "value", ("now.slips",), NUMBERS),
    _own(
        UI + "no_contact.py",
        "_save_start",
        "leave_notice(message)",
        "text",
        ("str(error)",),
        "settings: a start in the future",
    ),
    _own(UI + "privacy_forms.py", "delete_everything", "markdown", "text", ("what",), "one of two phrases"),
    _own(
        UI + "privacy_forms.py",
        "delete_everything",
        "rerun_with_notice(message)",
        "text",
        ("done",),
        "a count of files, or a fixed sentence",
    ),
    _own(UI + "quiz_form.py", "questions", "progress", "text", ("done",), NUMBERS),
    _own(UI + "quiz_form.py", "questions", "header", "text", ("section.heading",), CONTENT),
    _own(UI + "quiz_form.py", "questions", "caption", "text", ("section.intro",), CONTENT),
    _own(UI + "quiz_form.py", "questions", "radio", "text", ("number", "question.text"), CONTENT),
    _own(UI + "quiz_form.py", "questions", "radio", "format_func", ("_labels(question)",), CONTENT),
    _own(UI + "quiz_form.py", "submit", "error", "text", ("numbers",), "question numbers"),
    _own(UI + "quiz_form.py", "result", "error|info|success|warning", "text", ("outcome.headline",), "quiz.py's words"),
    _own(UI + "quiz_form.py", "result", "markdown", "text", ("reason",), "quiz.py's reasons: " + CONTENT),
    _own(UI + "quiz_form.py", "result", "markdown", "text", ("outcome.next_step",), "quiz.py's words"),
    _own(UI + "quiz_form.py", "attempt_summary", "markdown", "text", ("attempt.worth",), NUMBERS),
    _own(UI + "quiz_form.py", "attempt_summary", "caption", "text", ("moved", "verdict"), "points and a phrase"),
    _own(
        UI + "quiz_form.py",
        "past_attempts",
        "expander",
        "text",
        ("quiz.headline_for(attempt.verdict, attempt.tier)",),
        "a verdict's headline: verdict and tier are schema choices",
    ),
    _own(
        UI + "widgets.py",
        "resources_panel",
        "markdown",
        "text",
        ("safety.contact_markdown(resource)",),
        CONTENT + "; the links come from winback.safety.markdown_link, which refuses anything but a number or an "
        "https address checked when resources.toml is read",
    ),
    _own(
        UI + "widgets.py",
        "low_mood_note",
        "markdown",
        "text",
        ("safety.contact_markdown(r)",),
        CONTENT + "; links as in the help box",
    ),
    _own(
        UI + "widgets.py",
        "scroll_to_top",
        "html",
        "text",
        ("html.escape(token, quote=True)",),
        "an attempt id, html.escape'd into an attribute",
    ),
    _own(
        UI + "widgets.py",
        "move_focus",
        "html",
        "text",
        ("_focus_markup(key, token, top, inside, selector)",),
        "a key from winback.ui.state and a CSS selector from winback's code (json-quoted together), and a token "
        "html.escape'd into an attribute",
    ),
    _own(UI + "widgets.py", "data_notices", "warning", "text", ("name", "name"), "table names (schema.TABLES)"),
    _own(UI + "widgets.py", "show_chart", "caption", "text", ("chart.empty",), "the chart builders' empty states"),
    _own(UI + "widgets.py", "step_card", "markdown", "text", ("step.number", "step.name", "step.state"), STEPS),
    # The app lock: when the next try is allowed (a moment and a count, lock_screen.wait_words), the idle time
    # in words (lock_settings.idle_words) and why a new passphrase cannot be used (applock.passphrase_problem).
    _own(UI + "lock_screen.py", "_passphrase_form", "warning", "text", ("wait_words(waiting)",), WAIT),
    _own(UI + "lock_screen.py", "_try", "error", "text", ("wait_words(tried.wait_until)",), WAIT),
    _own(UI + "lock_screen.py", "_try", "error", "text", ("wait",), WAIT),
    _own(UI + "lock_screen.py", "lock_screen", "error", "text", ("lock.words",), LOCK_TROUBLE),
    _own(UI + "lock_settings.py", "app_lock_section", "error", "text", ("lock.words",), LOCK_TROUBLE),
    _own(UI + "lock_settings.py", "_turn_on", "error", "text", ("problem",), PASSPHRASE_PROBLEM),
    _own(UI + "lock_settings.py", "_turn_on", "_save(done)", "text", ("idle_words(idle)",), IDLE),
    _own(UI + "lock_settings.py", "_change", "success", "text", ("idle_words(lock.idle_minutes)",), IDLE),
    _own(UI + "lock_settings.py", "_change", "error", "text", ("problem",), PASSPHRASE_PROBLEM),
    _own(
        UI + "lock_settings.py",
        "_change",
        "_save(done)",
        "text",
        ("what", "idle_words(idle)"),
        "what: 'The passphrase is changed' or 'Saved'; " + IDLE,
    ),
    _own(
        UI + "lock_settings.py",
        "_current_is_right",
        "error",
        "text",
        ("lock_screen.wait_words(tried.wait_until)",),
        WAIT,
    ),
    # The safety plan's words come from safety_plan.toml; what the person types is shown by st.text and fields only.
    _own(UI + "safety_plan_form.py", "safety_plan_box", "markdown", "text", ("content.title",), CONTENT),
    _own(UI + "safety_plan_form.py", "_offer", "markdown", "text", ("content.intro",), CONTENT),
    _own(UI + "safety_plan_form.py", "_step", "markdown", "text", ("step.heading",), CONTENT),
    _own(UI + "safety_plan_form.py", "_step", "caption", "text", ("step.intro",), CONTENT),
    *(
        _own(UI + "safety_plan_form.py", "_field", element, role, (text,), CONTENT)
        for element in ("checkbox", "text_input", "text_area")
        for role, text in (("text", "field.label"), ("help", "helped"))
    ),
    _own(
        UI + "backup_form.py",
        "export_password",
        "error",
        "text",
        ("sent_problem",),
        "backup.password_problem's sentences (they count characters, never quote the password)",
    ),
    _own(
        UI + "disguise_form.py",
        "disguise_switch",
        "caption",
        "text",
        ("what_it_changes(today)",),
        "winback.disguise's words and an export's name made from today's date",
    ),
    _own(
        UI + "privacy_forms.py",
        "reminder",
        "text_input",
        "help",
        ("default",),
        "the reminder's default title (dataio.reminder_default)",
    ),
    _own(
        UI + "report_form.py",
        "_form",
        "caption",
        "text",
        ("preview(key, tables, period)",),
        "what a report's section will show: counts, a day in words and fixed words (report.sections.preview)",
    ),
    _own(UI + "report_form.py", "_form", "_extra(count)", "text", ("count",), "a count of notes (count_phrase)"),
    _own(
        UI + "report_form.py",
        "_period",
        "error",
        "text",
        ("problem",),
        "why two dates make no period: fixed sentences with days in words (report.period.period_problem)",
    ),
)
