"""The product's words and codes, each declared once: moods, contact with the ex, quiz tiers and verdicts,
life areas, chart periods, step states, and the Reconnect journal's choices.

A code is a ``Literal`` (so a typo is a type error) with its tuple of values and, where people read it, its
label. Every other module imports them from here; tests/test_layout.py fails if one is declared again.
"""

from __future__ import annotations

from typing import Literal, get_args

Mood = Literal[1, 2, 3, 4, 5]
MOODS: tuple[Mood, ...] = get_args(Mood)
MOOD_WORDS: dict[int, str] = {1: "awful", 2: "bad", 3: "meh", 4: "good", 5: "great"}
MOOD_FACES: dict[int, str] = {1: "😣", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}
MOOD_LABELS: dict[int, str] = {n: f"{MOOD_FACES[n]} {word}" for n, word in MOOD_WORDS.items()}
NEUTRAL_MOOD: Mood = 3

MISSING_EX_MAX = 10
NEUTRAL_MISSING_EX = 5

Contact = Literal["none", "they_reached_out_no_reply", "we_talked", "i_reached_out"]
CONTACTS: tuple[Contact, ...] = get_args(Contact)
CONTACT_LABELS: dict[str, str] = {
    "none": "No contact",
    "they_reached_out_no_reply": "They reached out, I didn't reply",
    "we_talked": "We talked",
    "i_reached_out": "I reached out",
}
# The same in the daily log's history, where a phone leaves room for about a dozen letters per column.
CONTACT_SHORT: dict[str, str] = {**CONTACT_LABELS, "they_reached_out_no_reply": "Didn't reply"}
# Contact that ends a no-contact run; "they reached out, no reply" keeps it going.
CONTACT_SLIPS: tuple[Contact, ...] = ("we_talked", "i_reached_out")

Tier = Literal["none", "caution", "toxic", "danger"]
TIERS: tuple[Tier, ...] = get_args(Tier)
# Tiers that show the help panel first and keep steps 4–5 closed.
FLAGGED_TIERS: tuple[Tier, ...] = ("toxic", "danger")
ItemTier = Literal["danger", "toxic", "caution"]
ITEM_TIERS: tuple[ItemTier, ...] = get_args(ItemTier)
ToxicAnswer = Literal["never", "once", "sometimes", "often"]
TOXIC_ANSWERS: tuple[ToxicAnswer, ...] = get_args(ToxicAnswer)

Verdict = Literal["go", "wait", "dont", "danger"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)

LifeArea = Literal["Body", "Mind", "Social", "Money", "Habits", "Joy"]
LIFE_AREAS: tuple[LifeArea, ...] = get_args(LifeArea)

Period = Literal["30 days", "90 days", "1 year", "All"]
PERIODS: tuple[Period, ...] = get_args(Period)
PERIOD_DAYS: dict[str, int] = {"30 days": 30, "90 days": 90, "1 year": 365}
DEFAULT_PERIOD: Period = "90 days"

StepState = Literal["locked", "active", "done"]
STEP_STATES: tuple[StepState, ...] = get_args(StepState)
STEP_NAMES: dict[int, str] = {
    1: "No contact",
    2: "Stay positive",
    3: "Improve your life and self-value",
    4: "Reconnect",
    5: "Be kind and meet maturely",
}

Who = Literal["me", "them"]
WHO: dict[str, str] = {"me": "I reached out", "them": "They reached out"}
Channel = Literal["text", "call", "in_person", "social_media", "email", "other"]
CHANNELS: dict[str, str] = {
    "text": "Text or chat",
    "call": "Call",
    "in_person": "In person",
    "social_media": "Social media",
    "email": "Email",
    "other": "Other",
}
Tone = Literal["friendly", "neutral", "tense"]
TONES: dict[str, str] = {"friendly": "Friendly", "neutral": "Neutral", "tense": "Tense"}

NOTE_LIMIT = 2000
ACTIVITY_NAME_LIMIT = 60
