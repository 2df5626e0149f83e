"""The private safety plan: the person's answers as one plain text (shown, printed, downloaded), and, only when
they choose it, that text kept in their own folder, where it can be read back and deleted.

Nothing here is called unless the person presses a button: the answers live in the session, the download is
built when it is pressed, and ``store_plan`` is the one function that writes the plan to disk.
"""

from __future__ import annotations

from collections.abc import Mapping

from winback.atomic import atomic_write, explain
from winback.content.resources import Country
from winback.content.safety_plan import PlanStep, SafetyPlanContent
from winback.safety import contact_words
from winback.schema import SAFETY_PLAN_FILE
from winback.store import StorageError, Store, reason
from winback.typed_text import clean

# What the download is called: nothing in it names winback, a breakup or abuse.
DOWNLOAD_NAME = "plan.txt"
# A plan is a few answers; a stored file far larger than that is not one winback wrote.
MAX_STORED_CHARS = 100_000

Answers = Mapping[str, str | bool]


def answer_text(value: str | bool | None) -> str:
    """A typed answer as it goes into the plan: control characters removed, trailing space and blank lines
    trimmed; a tick box's value is not text."""
    if not isinstance(value, str):
        return ""
    kept, _ = clean(value)
    return "\n".join(line.rstrip() for line in kept.strip("\n").split("\n")).strip()


def _step_lines(step: PlanStep, answers: Answers) -> list[str]:
    lines: list[str] = []
    for field in step.fields:
        value = answers.get(field.id)
        if field.kind == "check":
            lines.append(f"[{'x' if value is True else ' '}] {field.label}")
            continue
        text = answer_text(value)
        if not text:
            continue
        if field.kind == "line" and "\n" not in text:
            lines.append(f"{field.label}: {text}")
        else:
            lines.append(f"{field.label}:")
            lines.extend(f"    {line}" for line in text.split("\n"))
    return lines


def help_lines(country: Country) -> list[str]:
    """The country's help lines, one a line: its name, how to reach it, and what it is for."""
    return [f"{r.name}: {contact_words(r)}. {r.when}." for r in country.resources]


def plan_text(content: SafetyPlanContent, answers: Answers, country: Country) -> str:
    """The plan as plain text: a heading per step the person wrote something in (a step of tick boxes always
    shows, unticked ones as still to do), each answer under its question, then the help lines of ``country``."""
    parts = [content.title]
    for step in content.steps:
        lines = _step_lines(step, answers)
        if step.topic == "hotline":
            lines = [*help_lines(country), *lines]
            heading = f"{step.heading} ({country.name})"
        else:
            heading = step.heading
        if lines:
            parts.append("\n".join([heading, "-" * len(heading), *lines]))
    return "\n\n".join(parts) + "\n"


def stored_plan(store: Store) -> str | None:
    """The plan kept in the folder, or None when there is none. Raises StorageError when it cannot be read."""
    path = store.folder / SAFETY_PLAN_FILE
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_STORED_CHARS * 4 + 1)
    except (FileNotFoundError, NotADirectoryError):  # no folder yet, or a file where it should be: no plan either
        return None
    except OSError as error:
        raise StorageError(f"Could not read the stored plan: {reason(error)}.") from error
    text, _ = clean(data.decode("utf-8", errors="replace"))
    return text[:MAX_STORED_CHARS]


def store_plan(store: Store, text: str) -> None:
    """Keep the plan in the folder (replacing one kept before), written whole or not at all."""
    path = store.folder / SAFETY_PLAN_FILE
    with store.locked(SAFETY_PLAN_FILE):
        try:
            atomic_write(path, text)
        except OSError as error:
            raise StorageError(explain(error, path)) from error


def delete_stored_plan(store: Store) -> bool:
    """Remove the plan kept in the folder; True when there was one."""
    path = store.folder / SAFETY_PLAN_FILE
    with store.locked(SAFETY_PLAN_FILE):
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        except OSError as error:
            raise StorageError(f"Could not delete the stored plan: {reason(error)}. It is still there.") from error
    return True
