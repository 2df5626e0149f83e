"""The Reconnect journal (SPEC §5): each contact with the ex once steps 4–5 are open."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pandas as pd

from winback.schema import RECONNECT
from winback.store import Store
from winback.vocab import CHANNELS, NOTE_LIMIT, TONES, WHO
from winback.words import day_words


@dataclass(frozen=True)
class JournalEntry:
    day: date
    who: str
    channel: str
    tone: str
    calm_and_kind: bool
    meeting_planned: bool
    note: str = ""
    entry_id: str = ""


def problems(entry: JournalEntry, today: date) -> list[str]:
    found = []
    if entry.day > today:
        found.append(f"{day_words(entry.day)} is in the future; log contacts once they happened.")
    if entry.who not in WHO:
        found.append("Say who reached out.")
    if entry.channel not in CHANNELS:
        found.append("Pick how you were in touch.")
    if entry.tone not in TONES:
        found.append("Pick the tone of the contact.")
    if len(entry.note) > NOTE_LIMIT:
        found.append(f"The note is {len(entry.note):,} characters; the limit is {NOTE_LIMIT:,}.")
    return found


def save(store: Store, entry: JournalEntry, today: date) -> str:
    found = problems(entry, today)
    if found:
        raise ValueError(" ".join(found))
    entry_id = entry.entry_id or uuid.uuid4().hex[:12]
    store.upsert(
        RECONNECT,
        [
            {
                "entry_id": entry_id,
                "date": entry.day,
                "who": entry.who,
                "channel": entry.channel,
                "tone": entry.tone,
                "calm_and_kind": entry.calm_and_kind,
                "meeting_planned": entry.meeting_planned,
                "note": entry.note,
            }
        ],
    )
    return entry_id


def delete(store: Store, entry_id: str) -> bool:
    return store.delete(RECONNECT, [(entry_id,)]) > 0


def entries(journal: pd.DataFrame) -> list[JournalEntry]:
    """Newest first."""
    ordered = journal.sort_values(["date", "entry_id"], ascending=False)
    return [
        JournalEntry(
            pd.Timestamp(row["date"]).date(),
            str(row["who"]),
            str(row["channel"]),
            str(row["tone"]),
            bool(row["calm_and_kind"]),
            bool(row["meeting_planned"]),
            str(row["note"]),
            str(row["entry_id"]),
        )
        for row in ordered.to_dict("records")
    ]
