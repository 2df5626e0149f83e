"""The daily entry: what a person logs each day, checked before it is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from winback.schema import DAILY_LOG
from winback.store import Store
from winback.vocab import CONTACT_LABELS, CONTACT_SHORT, CONTACT_SLIPS, CONTACTS, MOOD_WORDS, MOODS, NOTE_LIMIT
from winback.words import day_words


@dataclass(frozen=True)
class DailyEntry:
    day: date
    mood: int
    missing_ex: int
    contact: str
    activities: tuple[str, ...] = ()
    note: str = ""

    def as_row(self) -> dict[str, object]:
        return {
            "date": self.day,
            "mood": self.mood,
            "missing_ex": self.missing_ex,
            "contact": self.contact,
            "activities": self.activities,
            "note": self.note,
        }


def entry_problems(entry: DailyEntry, today: date) -> list[str]:
    """Everything wrong with an entry, in words a person can act on; empty when it can be saved."""
    problems = []
    if entry.day > today:
        problems.append(f"{day_words(entry.day)} is in the future; you can log today or an earlier day.")
    if entry.mood not in MOODS:
        problems.append("Mood must be between 1 (awful) and 5 (great).")
    if not 0 <= entry.missing_ex <= 10:
        problems.append("'Missing my ex' must be between 0 and 10.")
    if entry.contact not in CONTACTS:
        problems.append(f"Contact must be one of: {', '.join(CONTACT_LABELS.values())}.")
    if len(entry.note) > NOTE_LIMIT:
        problems.append(f"The note is {len(entry.note):,} characters; the limit is {NOTE_LIMIT:,}.")
    if any("|" in a or not a.strip() for a in entry.activities):
        problems.append("An activity name is empty or contains '|'.")
    return problems


def save_entry(store: Store, entry: DailyEntry, today: date) -> bool:
    """Save (or update) the entry for its date; returns True when it replaced an earlier one."""
    problems = entry_problems(entry, today)
    if problems:
        raise ValueError(" ".join(problems))
    return store.upsert(DAILY_LOG, [entry.as_row()])[0]


def entries(log: pd.DataFrame) -> list[DailyEntry]:
    """Every row of the daily log as an entry, in the frame's order."""
    columns = zip(
        log["date"].dt.date.tolist(),
        log["mood"].tolist(),
        log["missing_ex"].tolist(),
        log["contact"].tolist(),
        log["activities"].tolist(),
        log["note"].tolist(),
        strict=True,
    )
    return [
        DailyEntry(day, int(mood), int(missing), str(contact), tuple(activities), str(note))
        for day, mood, missing, contact, activities, note in columns
    ]


def entry_for(log: pd.DataFrame, day: date) -> DailyEntry | None:
    match = log[log["date"] == pd.Timestamp(day)]
    if match.empty:
        return None
    row = match.iloc[-1]
    return DailyEntry(
        day=day,
        mood=int(row["mood"]),
        missing_ex=int(row["missing_ex"]),
        contact=str(row["contact"]),
        activities=tuple(row["activities"]),
        note=str(row["note"]),
    )


def history(log: pd.DataFrame, activity_names: dict[str, str]) -> pd.DataFrame:
    """The log as a table for people: newest first, words instead of codes. Date, mood, contact and note come
    first, in short words, so that a phone shows them side by side; the rest is to their right."""
    table = log.sort_values("date", ascending=False)
    return pd.DataFrame(
        {
            "Date": table["date"].dt.date,
            "Mood": table["mood"].map(MOOD_WORDS),
            "Contact": table["contact"].map(CONTACT_SHORT),
            "Note": table["note"],
            "Missing my ex": table["missing_ex"],
            "Activities": [", ".join(activity_names.get(a, a) for a in acts) for acts in table["activities"]],
        }
    )


def summary(log: pd.DataFrame) -> tuple[int, date | None, date | None]:
    """Number of logged days, first and latest day."""
    if log.empty:
        return 0, None, None
    return len(log), log["date"].min().date(), log["date"].max().date()


def selected(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


@dataclass(frozen=True)
class NoContact:
    """Where no contact stands: days since the last contact (or the chosen start), longest run, slips."""

    days: int
    since: date | None
    longest_run: int
    slips: int
    start: date | None
    last_contact: date | None


def no_contact(log: pd.DataFrame, start: date | None, today: date) -> NoContact:
    """Days without contact, counting today: from the later of the chosen start and the day after the last day
    logged *we talked* or *I reached out*.

    The start day counts (a person who starts today is on day 1: "1 day without contact"); a day with contact
    does not, so the day after it is day 1 again and the day itself is 0. *They reached out, no reply* keeps
    the count. Days not logged count as no contact: winback only knows what was logged. Without a start date,
    counting begins on the first logged day. The longest run and the slips use the same rule.
    """
    upto = log[log["date"] <= pd.Timestamp(today)]
    contact_days: list[date] = sorted(upto.loc[upto["contact"].isin(CONTACT_SLIPS), "date"].dt.date)
    first_logged: date | None = upto["date"].min().date() if len(upto) else None
    origin = start if start is not None else first_logged
    if origin is None:  # nothing logged and no start date (a logged contact day would be the first logged day)
        return NoContact(0, None, 0, 0, start, None)
    slips = [d for d in contact_days if d >= origin]
    last_contact = contact_days[-1] if contact_days else None
    since = origin if last_contact is None else max(origin, last_contact)
    # Each run goes from its first day without contact (the origin, then the day after each slip) up to the
    # next slip, or up to and including today.
    firsts = [origin, *(slip + timedelta(days=1) for slip in slips)]
    ends = [*slips, today + timedelta(days=1)]
    runs = [max(0, (end - first).days) for first, end in zip(firsts, ends, strict=True)]
    return NoContact(runs[-1], since, max(runs), len(slips), start, last_contact)


LOW_MOOD_WINDOW = 7
LOW_MOOD_DAYS = 5
LOW_MOOD_RECENT_DAYS = 30


def needs_low_mood_care(log: pd.DataFrame, today: date) -> bool:
    """5 of the last 7 logged days with mood 1, or with *missing my ex* at 10 (entries of the last 30 days)."""
    recent = log[
        (log["date"] <= pd.Timestamp(today))
        & (log["date"] > pd.Timestamp(today) - pd.Timedelta(days=LOW_MOOD_RECENT_DAYS))
    ]
    last = recent.sort_values("date").tail(LOW_MOOD_WINDOW)
    return bool((last["mood"] == 1).sum() >= LOW_MOOD_DAYS or (last["missing_ex"] == 10).sum() >= LOW_MOOD_DAYS)


def delete_entry(store: Store, day: date) -> bool:
    return store.delete(DAILY_LOG, [(day,)]) > 0


def filter_history(log: pd.DataFrame, start: date | None, today: date, activities: Sequence[str] = ()) -> pd.DataFrame:
    """Entries from ``start`` (all when None) to today that include every chosen activity."""
    shown = log[log["date"] <= pd.Timestamp(today)]
    if start is not None:
        shown = shown[shown["date"] >= pd.Timestamp(start)]
    for activity in activities:
        shown = shown[[activity in acts for acts in shown["activities"]]]
    return shown
