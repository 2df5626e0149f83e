"""The made-up person of sample mode, in words: their habits by life area, their own activities, and what
they write in their notes as the months after the breakup go by."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Habit:
    """How one activity enters the person's life: picked up on a day in ``start``, then done on ``peak`` of days."""

    id: str
    area: str
    start: tuple[int, int]
    peak: float


@dataclass(frozen=True)
class CustomActivity:
    id: str
    name: str
    area: str
    habit: Habit | None


# Days after the breakup when each catalogue activity is picked up, and how often it is done once it is a habit.
HABITS: dict[str, tuple[tuple[int, int], float]] = {
    "exercise": ((20, 60), 0.40),
    "slept_well": ((0, 1), 0.55),
    "healthy_eating": ((10, 40), 0.40),
    "walk_outside": ((0, 1), 0.40),
    "learned": ((30, 120), 0.25),
    "read": ((5, 40), 0.30),
    "therapy_journaling": ((0, 1), 0.30),
    "meditation": ((40, 150), 0.18),
    "saw_friends": ((0, 1), 0.28),
    "met_new_people": ((60, 200), 0.07),
    "went_out": ((20, 90), 0.14),
    "family_time": ((0, 1), 0.18),
    "budget_saving": ((30, 120), 0.12),
    "work_progress": ((10, 40), 0.40),
    "skipped_bad_habit": ((20, 90), 0.30),
    "no_ex_social_media": ((0, 1), 0.65),
    "did_what_i_love": ((10, 60), 0.30),
    "music_or_art": ((30, 150), 0.15),
}
# A catalogue activity added after this table was written still shows up, picked up somewhere in the first months.
DEFAULT_HABIT: tuple[tuple[int, int], float] = ((30, 150), 0.12)
WEEKEND_FACTOR = {"Social": 1.6, "Money": 0.3}

CUSTOM: tuple[CustomActivity, ...] = (
    CustomActivity("custom_climbing", "Climbing", "Body", Habit("custom_climbing", "Body", (90, 150), 0.14)),
    CustomActivity("custom_spanish_lessons", "Spanish lessons", "Mind", None),
)

BREAKUP_NOTE = "It's over. They said \"we want different things\", and that was it.\nCan't sleep."
EARLY_NOTES = (
    "Hard day. Kept checking my phone.",
    "Cried on the way home, then felt a bit better.",
    "Couldn't sleep. Wrote everything down instead of texting.",
    "Muted their stories. Small win.",
    'Mum said "it gets easier". I hope so.',
)
MIDDLE_NOTES = (
    "Long walk after work. Felt lighter.",
    "Saw Sam and Priya, laughed a lot.",
    "Gym, then cooked a proper dinner.",
    "- gym\n- called mum\n- early night",
    "Thought about them at lunch, but it passed.",
)
LATER_NOTES = (
    "Good week at work, finally on top of things.",
    "Booked a weekend away with friends.",
    'Tried a new café, ordered "the usual" by accident, laughed at myself.',
    "Budget is on track for the third month.",
    "Quiet day. Happy with it, honestly.",
)
SLIP_NOTES = (
    "Texted them. Not proud, but it's one day; start again.",
    "We talked for an hour.\nFelt good, then awful.",
)
NO_REPLY_NOTES = ("They messaged. Didn't reply. Went for a run instead.",)
RECONNECT_NOTES = (
    "They asked how I was doing. Kept it light and friendly.",
    "Short call. Talked about the dog, no old arguments.",
    "Coffee in town. Easy, warm, no pressure.",
    "A bit awkward at first, then fine.",
    "Agreed to meet for a walk on Sunday.",
)
