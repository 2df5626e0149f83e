"""The error boundary around every page (winback.ui.guard): an unexpected error is a calm message with help,
logged with its traceback, never shown; Streamlit's rerun, stop and switch_page pass through untouched."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import streamlit as st

from tests.builders import SAMPLE_END
from tests.support.apptest import PAGE_FILES, open_page, texts
from winback import progress, safety, sample, settings, tracker
from winback.safety import resources_for
from winback.store import Store
from winback.ui import guard, state

SECRET = "my note says I still love Sam"


def explode(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(SECRET)


def calm(app: Any) -> bool:
    return guard.TITLE in [t.value for t in app.title]


def hidden(app: Any, slot: str) -> bool:
    """The boundary hid ``slot`` (what was drawn in it before it failed): its style is on the page (Streamlit puts
    an html element that holds only a style in the page's event block, beside the main one)."""
    wanted = guard.hide_style(slot)

    def bodies(node: Any) -> list[str]:
        found = [node.proto.body] if hasattr(node, "proto") and hasattr(node.proto, "body") else []
        for child in getattr(node, "children", {}).values():
            found += bodies(child)
        return found

    return any(wanted in body for body in bodies(app._tree))


@pytest.mark.parametrize("title", ["Today", "Progress", "Reconnect"])
def test_an_unexpected_error_is_a_calm_message_with_help_and_never_the_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, title: str
) -> None:
    sample.write_sample(Store(data_dir), days=90, today=SAMPLE_END)
    settings.save_country(Store(data_dir), "uk")
    monkeypatch.setattr(progress, "from_store", explode)
    with caplog.at_level(logging.ERROR, logger="winback"):
        app = open_page(PAGE_FILES[title])
    assert not app.exception, app.exception
    assert calm(app)
    shown = texts(app)
    for words in (guard.WHAT_HAPPENED, guard.NOTHING_LOST, guard.WHAT_TO_TRY):
        assert words in shown
    assert SECRET not in shown and "RuntimeError" not in shown
    assert hidden(app, state.PAGE_SLOT), "what the page drew before it failed is hidden"
    assert not hidden(app, state.FRAME_SLOT), "the frame (sidebar, quick exit) stays"
    assert "Help & safety" in [link.label for link in app.get("page_link")]
    for line in resources_for("uk").resources:
        assert safety.contact_markdown(line) in shown
    failure = [r for r in caplog.records if r.name == "winback" and r.exc_info][-1]
    assert failure.exc_info is not None and failure.exc_info[0] is RuntimeError
    assert failure.getMessage().split("reference ")[1][:8] in shown


def test_the_help_lines_are_the_international_ones_when_the_settings_are_the_trouble(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Store, "read_settings", explode)
    app = open_page(PAGE_FILES["Help & safety"])
    assert not app.exception, app.exception
    assert calm(app)
    assert safety.contact_markdown(resources_for("other").resources[0]) in texts(app)


def once(effect: Callable[[], Any], real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that its first call does ``effect`` instead."""
    calls: list[int] = []

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            effect()
        return real(*args, **kwargs)

    return wrapped


def test_st_rerun_inside_a_page_passes_through(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker, "summary", once(st.rerun, tracker.summary))
    app = open_page(PAGE_FILES["Progress"])
    assert not app.exception and not calm(app)
    assert app.title[0].value == "Progress"


def test_st_stop_inside_a_page_passes_through(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker, "summary", once(st.stop, tracker.summary))
    app = open_page(PAGE_FILES["Progress"])
    assert not app.exception and not calm(app)
    assert app.title[0].value == "Progress", "the page stopped where it asked to, after its title"
    assert not app.get("plotly_chart")


def test_st_switch_page_inside_a_page_passes_through(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def to_help() -> None:
        st.switch_page(PAGE_FILES["Help & safety"])

    monkeypatch.setattr(tracker, "summary", once(to_help, tracker.summary))
    app = open_page(PAGE_FILES["Progress"])
    assert not app.exception and not calm(app)
    assert app.title[0].value == "Help & safety"


def test_an_error_in_the_frame_around_the_page_is_a_calm_message_too(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from winback.ui import frame

    monkeypatch.setattr(frame, "sidebar", explode)
    app = open_page(PAGE_FILES["Today"])
    assert not app.exception, app.exception
    assert calm(app)
    assert SECRET not in texts(app)


def test_an_error_before_navigation_still_shows_the_calm_message_and_the_help_lines(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from winback.ui import session

    monkeypatch.setattr(session, "person_folder", explode)
    app = open_page(PAGE_FILES["Help & safety"])
    assert not app.exception, app.exception
    assert calm(app)
    assert "findahelpline.com" in texts(app) and SECRET not in texts(app)


def test_an_interrupted_import_that_cannot_be_undone_keeps_the_diary_closed_but_help_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from winback import store as store_module
    from winback.imports import plan

    def cannot_undo(_: Store) -> bool:
        raise store_module.StorageError("Nothing was saved: an interrupted import could not be undone (read-only).")

    monkeypatch.setattr(plan, "recover_interrupted_import", cannot_undo)
    from winback.ui import session

    monkeypatch.setattr(session, "recover_interrupted_import", cannot_undo)
    today = open_page(PAGE_FILES["Today"])
    assert not today.exception, today.exception
    assert today.title[0].value == "winback can't open your diary"
    assert any("could not be undone" in t.value for t in today.text)
    help_page = open_page(PAGE_FILES["Help & safety"])
    assert not help_page.exception and help_page.title[0].value == "Help & safety"


def test_importing_the_failing_server_module_changes_nothing_here() -> None:
    # pytest imports every test module when it collects, browser tests too: a patch made at import would break
    # the five steps for every test that runs after it in the same process.
    from tests.support import failing

    assert failing.SECRET == SECRET
    assert progress.from_store.__module__ == "winback.progress"
