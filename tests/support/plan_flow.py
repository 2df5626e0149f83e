"""Driving the private safety plan in AppTest: fill its steps, and catch the download it offers when pressed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from winback.content.safety_plan import load_safety_plan
from winback.ui import state

CONTENT = load_safety_plan()


def fill_plan(app: AppTest, answers: Mapping[str, str | bool]) -> None:
    """Start the plan and go through every step, giving ``answers`` (field id -> text, or True to tick) in the
    same run as the step's Next, as a person who types and presses Next at once does."""
    app.button(key=state.SAFETY_PLAN_START).click().run()
    for step in CONTENT.steps:
        assert not app.exception, app.exception
        for field in step.fields:
            value = answers.get(field.id)
            key = state.plan_field(field.id)
            if value is None:
                continue
            if field.kind == "check":
                app.checkbox(key=key).set_value(bool(value))
            elif field.kind == "line":
                app.text_input(key=key).input(str(value))
            else:
                app.text_area(key=key).input(str(value))
        app.button(key=state.SAFETY_PLAN_NEXT).click().run()
    assert not app.exception, app.exception


@dataclass
class Download:
    """A deferred download as the page registered it: built only when ``make`` is called (the press)."""

    make: Callable[[], Any]
    mime: str | None
    file_name: str | None


def catch_downloads(monkeypatch: pytest.MonkeyPatch) -> list[Download]:
    """Every deferred download the page registers, in order; nothing is built until a test calls ``make``."""
    caught: list[Download] = []
    register = MediaFileManager.add_deferred

    def add(self: MediaFileManager, make: Callable[[], Any], mime: str | None, *args: Any, **kwargs: Any) -> str:
        file_name = kwargs.get("file_name", args[1] if len(args) > 1 else None)
        caught.append(Download(make, mime, file_name))
        return register(self, make, mime, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add)
    return caught
