"""Driving the app with AppTest: the router always runs first, as it does for a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from winback.devserver import ROOT

PAGE_FILES = {
    "Today": "pages/today.py",
    "Readiness quiz": "pages/quiz.py",
    "Daily log": "pages/daily_log.py",
    "Progress": "pages/progress.py",
    "Reconnect": "pages/reconnect.py",
    "Data & privacy": "pages/data_privacy.py",
    "Help & safety": "pages/help_safety.py",
}


class _NavigationOnlyPagesManager(PagesManager):
    """AppTest re-detects a ``pages/`` folder on every run and then runs page files without app.py (the old
    folder-based multipage mode). A real server stops doing that once app.py calls ``st.navigation``; this
    keeps AppTest on the same path, so every test run goes through the router first."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


app_test_module.PagesManager = _NavigationOnlyPagesManager  # type: ignore[misc]


def open_page(page_file: str, *, timeout: float = 60) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    app.run()
    if page_file != PAGE_FILES["Today"]:
        app.switch_page(page_file).run()
    return app


def texts(app: AppTest) -> str:
    """Everything a person can read on the page, as one string."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "success", "error", "warning", "info"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    return "\n".join(parts)


def folder_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())
