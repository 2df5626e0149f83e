"""What a non-programmer may change: the TOML files in this folder, each read and checked once per process by
the module of the same name beside it.

- quiz.toml (quiz.py): the readiness quiz — its sections, questions, options and verdict thresholds;
- activities.toml (activities.py): the activity catalogue by life area;
- steps.toml (steps.py): the default goals of the five steps;
- resources.toml (resources.py): crisis and abuse lines by country;
- checkin.toml (checkin.py): the weekly check-in's items and scales;
- safety_plan.toml (safety_plan.py): the private safety plan's steps and fields.

A mistake in a file raises ``ContentError`` naming the file and the item, so a broken edit fails the test
suite (tests/content/) before anyone sees it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib.resources import files
from typing import Any


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the item."""


def read(name: str) -> str:
    return files("winback.content").joinpath(name).read_text(encoding="utf-8")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name} is not valid TOML: {error}") from None


def text_of(item: Mapping[str, Any], key: str, where: str) -> str:
    """The item's non-empty text under ``key``."""
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where} has no {key}")
    return value.strip()
