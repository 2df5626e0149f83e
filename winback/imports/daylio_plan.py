"""Merging a Daylio parse into the person's daily log: the plan, its preview, and the person's own activities.

``upload_plan`` is what the Data & privacy page calls: the plan for an uploaded file against this person's
folder, with the parse kept for the few latest uploads, since the page reruns while the person maps moods.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from winback.activities import all_activities, free_id, own_activities
from winback.content.activities import Activity, catalogue
from winback.csvcodec import validate_row
from winback.imports.daylio import DaylioDay, DaylioParse, UnknownMood, parse_daylio
from winback.imports.daylio_cells import NEW_ACTIVITY_AREA, label_key
from winback.imports.plan import PREVIEW_CHANGES, ImportPlan, ImportProblem, capped, fingerprints, stopped_at
from winback.lru import LRU
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, frame_from_columns
from winback.store import Store
from winback.tracker import DailyEntry, entries
from winback.vocab import MOOD_WORDS, NEUTRAL_MISSING_EX
from winback.words import count_phrase

DAYLIO_SOURCE = "Daylio"
MERGE_RULE = (
    "Days you already logged in winback keep your 'missing my ex' and contact; their mood becomes Daylio's, "
    "Daylio's activities are added to yours, and a Daylio note that differs from yours is added below it."
)
PARSES_KEPT = 4

# Keyed on the person's folder as well as the upload, so no parse is ever shared between people.
_parses: LRU[tuple[object, ...], DaylioParse] = LRU(PARSES_KEPT)


@dataclass
class _Merge:
    """The days an import writes, the first of them described for the preview, and how many of each kind."""

    rows: list[DailyEntry] = field(default_factory=list)
    preview: list[str] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    unchanged: int = 0


def read_upload(data: bytes, store: Store, today: date, moods: Mapping[str, int]) -> DaylioParse:
    """``parse_daylio`` of an upload against the person's own activities, with their answers for moods."""
    known = all_activities(store.read(CUSTOM_ACTIVITIES).frame)
    key = (str(store.folder), hashlib.sha256(data).hexdigest(), tuple(sorted(moods.items())), known, today)
    return _parses.get_or_build(key, lambda: parse_daylio(data, dict(moods), known=known, today=today))


def unknown_moods(data: bytes, store: Store, today: date) -> tuple[UnknownMood, ...]:
    """The mood labels in an upload the person must place on 1–5 before it can be imported."""
    return read_upload(data, store, today, {}).unknown_moods


def upload_plan(data: bytes, store: Store, today: date, moods: Mapping[str, int]) -> ImportPlan:
    """The plan for importing an uploaded Daylio file into this person's daily log."""
    return daylio_plan(store, read_upload(data, store, today, moods))


def daylio_plan(store: Store, parse: DaylioParse) -> ImportPlan:
    """Preview and frames for importing a Daylio parse into this person's daily log.

    Merge rule for a day already logged in winback: its *missing my ex* and contact stay the person's; mood is
    Daylio's; Daylio's activities are added after the person's; Daylio's note is added below theirs after a
    blank line unless their note already contains it. So importing the same file twice changes nothing.
    New days get *missing my ex* 5 and contact "none". Proposed activities whose name matches one of the
    person's own become that one; the rest are added to custom_activities (area Joy). Unmapped mood labels
    are problems, so the plan cannot be applied until the person maps each one.
    """
    problems = [*parse.problems, *_unmapped(parse.unknown_moods)]
    based_on = fingerprints(store, (DAILY_LOG.filename, CUSTOM_ACTIVITIES.filename))
    log = store.read(DAILY_LOG).frame
    custom = store.read(CUSTOM_ACTIVITIES).frame
    added, same_as = _reconcile(parse.new_activities, custom)
    names = {a.id: a.name for a in (*all_activities(custom), *added)}
    merge = _merge_days(parse.entries, _rows(log), same_as, names, problems)
    used = {a for row in merge.rows for a in row.activities}
    added = tuple(a for a in added if a.id in used)
    notes = [*parse.notes, MERGE_RULE]
    if not merge.rows and not problems:
        notes.append("Nothing to import: every day in this file is already in winback as Daylio has it.")
    return ImportPlan(
        source=DAYLIO_SOURCE,
        summary=(
            f"{count_phrase(merge.new, 'new day', 'new days')}, "
            f"{count_phrase(merge.changed, 'day changed', 'days changed')}, {merge.unchanged:,} unchanged"
        ),
        frames=_frames(log, custom, merge.rows, added) if merge.rows and not problems else {},
        counts={
            "new_days": merge.new,
            "changed_days": merge.changed,
            "unchanged_days": merge.unchanged,
            "new_activities": len(added),
        },
        preview=tuple(_preview(merge, added)),
        problems=capped(problems, stopped_at(parse.unchecked)),
        notes=tuple(notes),
        based_on=based_on,
    )


def _unmapped(moods: Sequence[UnknownMood]) -> list[ImportProblem]:
    return [
        ImportProblem(
            mood.first_line,
            f"the mood {mood.label!r} ({count_phrase(mood.count, 'entry', 'entries')}) is not matched yet: "
            "choose 1 (awful) to 5 (great) for it",
        )
        for mood in moods
    ]


def _reconcile(proposed: Sequence[Activity], custom: pd.DataFrame) -> tuple[tuple[Activity, ...], dict[str, str]]:
    """Proposed activities the person already has (same name) map to theirs; new ones get a free id."""
    mine = own_activities(custom)
    by_name = {label_key(a.name): a.id for a in mine}
    taken = {a.id for a in (*catalogue(), *mine)}
    added: list[Activity] = []
    same_as: dict[str, str] = {}
    for activity in proposed:
        existing = by_name.get(label_key(activity.name))
        if existing is not None:
            same_as[activity.id] = existing
            continue
        ident = free_id(activity.id, taken)
        taken.add(ident)
        if ident != activity.id:
            same_as[activity.id] = ident
        added.append(replace(activity, id=ident))
    return tuple(added), same_as


def _merge_days(
    days: Sequence[DaylioDay],
    existing: Mapping[date, DailyEntry],
    same_as: Mapping[str, str],
    names: Mapping[str, str],
    problems: list[ImportProblem],
) -> _Merge:
    """Each Daylio day merged into the day the person has (if any); a day that cannot be saved is a problem."""
    merge = _Merge()
    for daylio in days:
        incoming = DailyEntry(
            daylio.day,
            daylio.mood,
            NEUTRAL_MISSING_EX,
            "none",
            tuple(dict.fromkeys(same_as.get(a, a) for a in daylio.activities)),
            daylio.note,
        )
        current = existing.get(daylio.day)
        row = incoming if current is None else _merge(current, incoming)
        if current is not None and row == current:
            merge.unchanged += 1
            continue
        try:
            validate_row(DAILY_LOG, row.as_row())
        except ValueError as error:
            problems.append(ImportProblem(daylio.lines[0], f"{daylio.day.isoformat()} cannot be saved: {error}"))
            continue
        merge.rows.append(row)
        if current is None:
            merge.new += 1
        else:
            merge.changed += 1
        if len(merge.preview) < PREVIEW_CHANGES:
            merge.preview.append(_describe_change(current, row, names))
    return merge


def _preview(merge: _Merge, added: Sequence[Activity]) -> list[str]:
    preview = list(merge.preview)
    if len(merge.rows) > len(preview):
        preview.append(f"… and {len(merge.rows) - len(preview):,} more")
    if added:
        preview.insert(
            0,
            f"Adds {count_phrase(len(added), 'activity', 'activities')} of your own: "
            f"{_listed([a.name for a in added])} (life area {NEW_ACTIVITY_AREA}; you can change it later)",
        )
    return preview


def _listed(names: Sequence[str]) -> str:
    """Names joined with commas, the first ``PREVIEW_CHANGES`` of them, so no preview line runs on and on."""
    shown = ", ".join(names[:PREVIEW_CHANGES])
    more = len(names) - PREVIEW_CHANGES
    return f"{shown} and {more:,} more" if more > 0 else shown


def _rows(log: pd.DataFrame) -> dict[date, DailyEntry]:
    """The person's daily log by day."""
    return {entry.day: entry for entry in entries(log)}


def _join_notes(mine: str, theirs: str) -> str:
    """Keep the person's note and add Daylio's below it, unless it is already there (importing twice)."""
    if not theirs.strip() or theirs in mine:
        return mine
    if not mine.strip():
        return theirs
    return f"{mine}\n\n{theirs}"


def _merge(current: DailyEntry, incoming: DailyEntry) -> DailyEntry:
    return replace(
        current,
        mood=incoming.mood,
        activities=tuple(dict.fromkeys((*current.activities, *incoming.activities))),
        note=_join_notes(current.note, incoming.note),
    )


def _describe_change(current: DailyEntry | None, row: DailyEntry, names: Mapping[str, str]) -> str:
    if current is None:
        parts = [f"mood {MOOD_WORDS[row.mood]}"]
        if row.activities:
            parts.append(_listed([names.get(a, a) for a in row.activities]))
        if row.note:
            parts.append("a note")
        return f"{row.day.isoformat()} · new: {'; '.join(parts)}"
    parts = []
    if row.mood != current.mood:
        parts.append(f"mood {MOOD_WORDS[current.mood]} → {MOOD_WORDS[row.mood]}")
    extra = [a for a in row.activities if a not in current.activities]
    if extra:
        parts.append(f"adds {_listed([names.get(a, a) for a in extra])}")
    if row.note != current.note:
        parts.append("adds Daylio's note")
    return f"{row.day.isoformat()} · changes: {'; '.join(parts)}"


def _frames(
    log: pd.DataFrame, custom: pd.DataFrame, rows: Sequence[DailyEntry], added: Sequence[Activity]
) -> dict[str, pd.DataFrame]:
    """The new custom activities (when there are any) and the daily log with the merged days."""
    frames: dict[str, pd.DataFrame] = {}
    if added:
        frames[CUSTOM_ACTIVITIES.name] = _with_custom(custom, added)
    frames[DAILY_LOG.name] = _with_days(log, rows)
    return frames


def _with_days(log: pd.DataFrame, rows: Sequence[DailyEntry]) -> pd.DataFrame:
    replaced = pd.to_datetime(pd.Series([r.day for r in rows], dtype="object")).astype("datetime64[s]")
    incoming = frame_from_columns(
        DAILY_LOG,
        {column.name: [r.as_row()[column.name] for r in rows] for column in DAILY_LOG.columns},
    )
    kept = log[~log["date"].isin(replaced)]
    return pd.concat([kept, incoming], ignore_index=True) if len(kept) else incoming


def _with_custom(custom: pd.DataFrame, added: Sequence[Activity]) -> pd.DataFrame:
    incoming = frame_from_columns(
        CUSTOM_ACTIVITIES,
        {
            "activity_id": [a.id for a in added],
            "name": [a.name for a in added],
            "area": [a.area for a in added],
            "retired": [False for _ in added],
        },
    )
    return pd.concat([custom, incoming], ignore_index=True) if len(custom) else incoming
