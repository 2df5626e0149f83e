"""winback's pages, once: the router builds its navigation from this list, and the tests, benchmarks and
screenshot script visit the same pages by the same titles and addresses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    title: str
    file: str  # relative to the folder of app.py
    icon: str
    default: bool = False

    @property
    def url_path(self) -> str:
        """The address of the page under the app's root ("" for the default page), as st.navigation makes it."""
        return "" if self.default else self.file.removeprefix("pages/").removesuffix(".py")


TODAY = PageSpec("Today", "pages/today.py", ":material/today:", default=True)
QUIZ = PageSpec("Readiness quiz", "pages/quiz.py", ":material/quiz:")
DAILY_LOG = PageSpec("Daily log", "pages/daily_log.py", ":material/edit_note:")
PROGRESS = PageSpec("Progress", "pages/progress.py", ":material/insights:")
RECONNECT = PageSpec("Reconnect", "pages/reconnect.py", ":material/handshake:")
DATA_PRIVACY = PageSpec("Data & privacy", "pages/data_privacy.py", ":material/lock:")
HELP_SAFETY = PageSpec("Help & safety", "pages/help_safety.py", ":material/health_and_safety:")

PAGES: tuple[PageSpec, ...] = (TODAY, QUIZ, DAILY_LOG, PROGRESS, RECONNECT, DATA_PRIVACY, HELP_SAFETY)
