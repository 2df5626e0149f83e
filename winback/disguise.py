"""The disguise (opt-in, off by default): the words and icon that others may glimpse of winback outside the app
made neutral. The browser tab's title and icon, the reminder's default title and file name, and the names the
exports and the PDF report are offered under.

It changes only those names. The address bar, the sidebar, the pages themselves and the files in the data folder
still say what they are; the word list here is the one place that says what the disguise shows instead.
"""

from __future__ import annotations

APP_TAB_TITLE = "winback"
# An emoji icon is drawn by the browser itself; a ":material/…:" one would be fetched from Google's servers.
APP_TAB_ICON = "🌱"
NEUTRAL_TAB_TITLE = "Notes"
# Between a page's name and winback's in the tab: "Daily log · winback".
TAB_TITLE_JOIN = " · "
NEUTRAL_TAB_ICON = "📝"
# The icon in words, for pages: a computer without emoji fonts draws the emoji itself as an empty box.
NEUTRAL_TAB_ICON_WORDS = "a notepad icon"
# What an export's file name starts with when disguised, instead of "winback".
NEUTRAL_FILE_WORD = "notes"
# The PDF report's file name starts with this, instead of "winback-report" ("notes-30-days.pdf").
NEUTRAL_REPORT_WORD = NEUTRAL_FILE_WORD
NEUTRAL_REMINDER_TITLE = "Reminder"
NEUTRAL_REMINDER_FILE = "reminder.ics"


def tab_title(disguised: bool, page: str | None = None) -> str:
    """The browser tab's title: the page's name and winback's ("Daily log · winback"), or winback's alone before
    the page is known (the sign-in and lock screens name none); the neutral one whenever the disguise is on (or
    cannot be known yet), whatever the page.

    Every tab title comes from here, so the disguise wins over a page's name in this one place.
    """
    if disguised:
        return NEUTRAL_TAB_TITLE
    return APP_TAB_TITLE if page is None else f"{page}{TAB_TITLE_JOIN}{APP_TAB_TITLE}"


def tab_icon(disguised: bool) -> str:
    return NEUTRAL_TAB_ICON if disguised else APP_TAB_ICON


def report_word(disguised: bool) -> str:
    """What the PDF report's file name starts with: ``winback``, or the neutral word."""
    return NEUTRAL_REPORT_WORD if disguised else "winback"
