"""The activities a person can log: the catalogue (winback.content) and their own custom activities."""

from __future__ import annotations

from collections.abc import Container

import pandas as pd

from winback.content.activities import Activity, catalogue
from winback.schema import CUSTOM_ACTIVITIES
from winback.store import Store
from winback.vocab import ACTIVITY_NAME_LIMIT, LIFE_AREAS


def own_activities(custom: pd.DataFrame) -> tuple[Activity, ...]:
    """The person's custom activities (from the custom_activities table)."""
    return tuple(
        Activity(
            str(row.activity_id),
            str(row.name),
            str(row.area),
            custom=True,
            retired=bool(row.retired),
        )
        for row in custom.itertuples(index=False)
    )


def all_activities(custom: pd.DataFrame) -> tuple[Activity, ...]:
    """Catalogue plus the person's custom activities (from the custom_activities table)."""
    return catalogue() + own_activities(custom)


def area_of(activities: tuple[Activity, ...]) -> dict[str, str]:
    return {a.id: a.area for a in activities}


NAME_LIMIT = ACTIVITY_NAME_LIMIT
NAME_LIMIT_WORDS = f"At most {NAME_LIMIT} characters."


def too_long(name: str) -> str:
    return f"Names are at most {NAME_LIMIT} characters; this one has {len(name)}."


def activity_slug(name: str) -> str:
    """``"Cooking & Baking!"`` → ``cooking_baking``: letters and digits, words joined by ``_``."""
    return "_".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def free_id(base: str, taken: Container[str]) -> str:
    """``base``, or ``base_2``, ``base_3``… — the first that is not ``taken``."""
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}_{number}", number + 1
    return ident


def custom_id(name: str, taken: Container[str]) -> str:
    """The id a new custom activity called ``name`` gets: ``custom_<slug>``, numbered when taken."""
    return free_id(f"custom_{activity_slug(name) or 'activity'}", taken)


def custom_problems(name: str, area: str, known: tuple[Activity, ...], *, renaming: str | None = None) -> list[str]:
    problems = []
    cleaned = name.strip()
    if not cleaned:
        problems.append("Give the activity a name.")
    if len(cleaned) > NAME_LIMIT:
        problems.append(too_long(cleaned))
    if "|" in cleaned:
        problems.append("The name can't contain '|'.")
    if area not in LIFE_AREAS:
        problems.append(f"Pick a life area: {', '.join(LIFE_AREAS)}.")
    if any(a.name.casefold() == cleaned.casefold() and a.id != renaming for a in known):
        problems.append(f"There is already an activity called “{cleaned}”.")
    return problems


def add_custom(store: Store, name: str, area: str) -> Activity:
    """Add the person's own activity; its id never changes, so renaming it later rewrites no history."""
    known = all_activities(store.read(CUSTOM_ACTIVITIES).frame)
    problems = custom_problems(name, area, known)
    if problems:
        raise ValueError(" ".join(problems))
    ident = custom_id(name, {a.id for a in known})
    store.upsert(CUSTOM_ACTIVITIES, [{"activity_id": ident, "name": name.strip(), "area": area, "retired": False}])
    return Activity(ident, name.strip(), area, custom=True)


def update_custom(store: Store, activity: Activity, *, name: str | None = None, retired: bool | None = None) -> None:
    """Rename or retire (hide from the form, keep in history) one of the person's own activities."""
    if not activity.custom:
        raise ValueError("Only your own activities can be renamed or retired.")
    new_name = activity.name if name is None else name.strip()
    problems = custom_problems(
        new_name, activity.area, all_activities(store.read(CUSTOM_ACTIVITIES).frame), renaming=activity.id
    )
    if problems:
        raise ValueError(" ".join(problems))
    row = {
        "activity_id": activity.id,
        "name": new_name,
        "area": activity.area,
        "retired": activity.retired if retired is None else retired,
    }
    store.upsert(CUSTOM_ACTIVITIES, [row])
