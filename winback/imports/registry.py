"""The import formats the Data & privacy page offers, in the order it offers them.

Each format is one entry: what the person is told it is, which files the upload accepts, and the function
that turns an upload (with the person's store, today, and their answers to "which mood is which") into a
plan. A format whose files may use mood labels of their own also says how to find the labels to ask about, and
one whose files may be protected by a password says how to tell, and makes its plan with the password.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from winback.imports import daylio_plan
from winback.imports.daylio import UnknownMood
from winback.imports.plan import ImportPlan
from winback.imports.winback_zip import password_opens_export, protected, read_export_zip
from winback.store import Store

PlanMaker = Callable[[bytes, Store, date, Mapping[str, int]], ImportPlan]


@dataclass(frozen=True)
class MoodQuestions:
    """Mood labels the person places on 1–5 before their file can be imported (Daylio lets people rename
    its moods); the answers go to ``ImportFormat.plan`` keyed by ``UnknownMood.key``."""

    intro: str
    find: Callable[[bytes, Store, date], tuple[UnknownMood, ...]]


@dataclass(frozen=True)
class PasswordQuestion:
    """A file that may be protected by a password: whether this one is, whether a password opens it (checked
    before anything is unpacked), and the plan made with that password."""

    protected: Callable[[bytes], bool]
    opens: Callable[[bytes, str], bool]
    plan: Callable[[bytes, Store, date, str], ImportPlan]


@dataclass(frozen=True)
class ImportFormat:
    name: str
    label: str
    file_types: tuple[str, ...]
    plan: PlanMaker
    # Shown above the preview once the plan can be applied.
    warning: str = ""
    moods: MoodQuestions | None = None
    password: PasswordQuestion | None = None


def _winback_plan(data: bytes, store: Store, today: date, moods: Mapping[str, int]) -> ImportPlan:
    del moods  # an export is restored exactly as it was made
    return read_export_zip(data, store, today)


def _winback_plan_with_password(data: bytes, store: Store, today: date, password: str) -> ImportPlan:
    return read_export_zip(data, store, today, password)


WINBACK = ImportFormat(
    name="winback",
    label="A winback export (zip)",
    file_types=("zip",),
    plan=_winback_plan,
    warning="Importing a winback export replaces everything in this folder with the export.",
    password=PasswordQuestion(protected, password_opens_export, _winback_plan_with_password),
)
DAYLIO = ImportFormat(
    name="daylio",
    label="A Daylio export (CSV)",
    file_types=("csv",),
    plan=daylio_plan.upload_plan,
    moods=MoodQuestions(
        intro="**Which mood is which?** Daylio lets you rename moods; tell winback what yours mean.",
        find=daylio_plan.unknown_moods,
    ),
)
FORMATS: Mapping[str, ImportFormat] = {f.name: f for f in (WINBACK, DAYLIO)}


def import_format(name: str) -> ImportFormat:
    """The format called ``name``; any other name is an error, never a default."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"{name!r} is not an import format; winback imports {', '.join(FORMATS)}") from None
