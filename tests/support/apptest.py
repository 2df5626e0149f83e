"""Driving the app with AppTest: the router always runs first, as it does for a person."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.support.devserver import ROOT
from winback import sitemap

PAGE_FILES = {page.title: page.file for page in sitemap.PAGES}


def open_page(page_file: str, *, timeout: float = 60) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    app.run()
    if page_file != sitemap.TODAY.file:
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
