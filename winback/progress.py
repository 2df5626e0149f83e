"""The five-step progress model (SPEC §5): a pure function of what the person logged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from winback import activities, quiz, tracker
from winback.lru import LRU
from winback.schema import CHECKINS, CUSTOM_ACTIVITIES, DAILY_LOG, QUIZ_ATTEMPTS, RECONNECT, SETTINGS_FILE
from winback.settings import Settings
from winback.settings import load as load_settings
from winback.store import Store
from winback.vocab import STEP_NAMES, StepState
from winback.words import count_phrase, day_words


@dataclass(frozen=True)
class StepProgress:
    """One step: how far along (0–1), whether it is locked, active or done, and why, in plain words."""

    number: int
    name: str
    progress: float
    state: StepState
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class FiveSteps:
    steps: tuple[StepProgress, ...]
    current: int
    next_action: str
    keep_self_value: bool
    quiz_reason: str
    quiz_locks_for_safety: bool = False

    def step(self, number: int) -> StepProgress:
        return self.steps[number - 1]


def _count(value: int, target: int, what: str) -> str:
    """ "18 of 30 days without contact." — or, once reached, "33 days without contact (30 needed)."."""
    return f"{value} of {target} {what}." if value < target else f"{value} {what} ({target} needed)."


def _needed(value: int, target: int, what: str) -> str:
    """ "2 friendly contacts of the 3 needed." — a count of what is needed, not of everything logged."""
    return (
        f"{count_phrase(value, what)} of the {target} needed."
        if value < target
        else f"{count_phrase(value, what)} ({target} needed)."
    )


def _mood_words(mood: float, goal: float) -> str:
    """The average to one decimal, or two where one would round a shortfall up to the goal (3.46 -> "3.46")."""
    shown = f"{mood:.1f}"
    return f"{mood:.2f}" if mood < goal and float(shown) >= goal else shown


def _window(log: pd.DataFrame, today: date, days: int) -> pd.DataFrame:
    first = pd.Timestamp(today - timedelta(days=days - 1))
    return log[(log["date"] >= first) & (log["date"] <= pd.Timestamp(today))]


def _share(value: float, target: float) -> float:
    return 1.0 if target <= 0 else max(0.0, min(1.0, value / target))


def step_no_contact(log: pd.DataFrame, settings: Settings, today: date) -> StepProgress:
    t = settings.thresholds
    state = tracker.no_contact(log, settings.no_contact_start, today)
    progress = _share(state.days, t.no_contact_days)
    reasons = [_count(state.days, t.no_contact_days, "days without contact")]
    if state.last_contact is not None and state.since == state.last_contact:
        reasons.append(
            f"The count restarted after contact on {day_words(state.last_contact, year=False)}. "
            "That happens; each day counts again."
        )
    if state.since is None:
        reasons = ["Log a day (or set your no-contact start date) to start counting."]
    return StepProgress(1, STEP_NAMES[1], progress, "done" if progress >= 1 else "active", tuple(reasons))


def step_stay_positive(log: pd.DataFrame, area_of: Mapping[str, str], settings: Settings, today: date) -> StepProgress:
    t = settings.thresholds
    recent = _window(log, today, t.positive_window)
    logged = len(recent)
    mood = float(recent["mood"].mean()) if logged else 0.0
    social = sum(1 for acts in recent["activities"] if any(area_of.get(a) in ("Social", "Joy") for a in acts))
    coverage = _share(logged, t.positive_min_logged)
    progress = (0.5 * _share(mood, t.positive_mood) + 0.5 * _share(social, t.positive_social_days)) * coverage
    done = logged >= t.positive_min_logged and mood >= t.positive_mood and social >= t.positive_social_days
    reasons = [
        f"Average mood {_mood_words(mood, t.positive_mood)} (goal {t.positive_mood:g}) over the last "
        f"{t.positive_window} days."
        if logged
        else f"No days logged in the last {t.positive_window} days.",
        _count(social, t.positive_social_days, "days with a Social or Joy activity"),
    ]
    if logged < t.positive_min_logged:
        reasons.append(
            f"{logged} of {t.positive_min_logged} logged days needed in the last {t.positive_window}; "
            "progress is scaled down until then."
        )
    return StepProgress(
        2, STEP_NAMES[2], 1.0 if done else min(progress, 0.99), "done" if done else "active", tuple(reasons)
    )


def step_self_value(
    log: pd.DataFrame, checkins: pd.DataFrame, area_of: Mapping[str, str], settings: Settings, today: date
) -> StepProgress:
    t = settings.thresholds
    recent = _window(log, today, t.self_value_window)
    days_by_area = {
        area: sum(1 for acts in recent["activities"] if any(area_of.get(a) == area for a in acts))
        for area in t.self_value_area_names
    }
    counted = [a for a, d in days_by_area.items() if d >= t.self_value_area_days]
    best = sorted((_share(d, t.self_value_area_days) for d in days_by_area.values()), reverse=True)
    progress = sum(best[: t.self_value_areas]) / t.self_value_areas if t.self_value_areas else 1.0
    done = len(counted) >= t.self_value_areas
    detail = ", ".join(f"{a} {d}" for a, d in days_by_area.items())
    reasons = [
        _count(
            len(counted),
            t.self_value_areas,
            f"life areas with at least {t.self_value_area_days} activity-days in the last {t.self_value_window} days",
        )
        + f" Activity-days: {detail}.",
    ]
    worth = checkins[checkins["date"] <= pd.Timestamp(today)].sort_values("date")["self_worth"]
    if len(worth) >= 2 and int(worth.iloc[-1]) > int(worth.iloc[0]):
        reasons.append(f"Your self-worth check-in rose from {int(worth.iloc[0])} to {int(worth.iloc[-1])}.")
    return StepProgress(
        3, STEP_NAMES[3], 1.0 if done else min(progress, 0.99), "done" if done else "active", tuple(reasons)
    )


def _latest_go(attempts: pd.DataFrame) -> date | None:
    latest = quiz.latest_verdict(attempts)
    return latest.taken.date() if latest is not None and latest.verdict == "go" else None


def five_steps(
    log: pd.DataFrame,
    checkins: pd.DataFrame,
    attempts: pd.DataFrame,
    journal: pd.DataFrame,
    area_of: Mapping[str, str],
    settings: Settings,
    today: date,
    unreadable_attempts: int = 0,
) -> FiveSteps:
    """Every step's progress, state and reasons as of ``today``; steps 4–5 read the quiz lock (quiz.quiz_lock),
    which stays closed while any quiz attempt could not be read."""
    t = settings.thresholds
    lock = quiz.quiz_lock(attempts, today, t.quiz_valid_days, unreadable=unreadable_attempts)
    first_three = _first_three(log, checkins, area_of, settings, today)
    go_day = _latest_go(attempts)
    started = _reconnect_started(log, checkins, journal, area_of, settings, go_day) if lock.open else None
    if started is not None and first_three[0].state != "done":
        kept = tracker.no_contact(log, settings.no_contact_start, started - timedelta(days=1)).days
        reason = f"You kept no contact for {kept} days before reconnecting."
        first_three = (StepProgress(1, STEP_NAMES[1], 1.0, "done", (reason,)), *first_three[1:])
    all_three = all(s.state == "done" for s in first_three)

    missing = tuple(f"{s.name}: {s.reasons[0]}" for s in first_three if s.state != "done")
    if not lock.open:
        step4 = StepProgress(4, STEP_NAMES[4], 0.0, "locked", (lock.reason, *missing))
    elif started is not None:
        step4 = StepProgress(4, STEP_NAMES[4], 1.0, "done", (f"You reconnected on {day_words(started)}.",))
    elif all_three:
        step4 = StepProgress(
            4, STEP_NAMES[4], 0.0, "active", ("Steps 1–3 are done and the quiz says go: the journal is open.",)
        )
    else:
        step4 = StepProgress(4, STEP_NAMES[4], 0.0, "locked", ("Steps 1–3 come first.", *missing))

    if step4.state != "done" or started is None:
        reason = lock.reason if not lock.open else "Opens after your first contact in the Reconnect journal."
        step5 = StepProgress(5, STEP_NAMES[5], 0.0, "locked", (reason,))
    else:
        after = journal[journal["date"] >= pd.Timestamp(started)]
        friendly = int((after["tone"] == "friendly").sum())
        meetings = int(after["meeting_planned"].sum())
        progress = 0.5 * _share(friendly, t.friendly_contacts) + 0.5 * _share(meetings, t.meetings_planned)
        done = friendly >= t.friendly_contacts and meetings >= t.meetings_planned
        step5 = StepProgress(
            5,
            STEP_NAMES[5],
            progress,
            "done" if done else "active",
            (
                _needed(friendly, t.friendly_contacts, "friendly contact"),
                _needed(meetings, t.meetings_planned, "planned meeting"),
            ),
        )

    steps = (*first_three, step4, step5)
    keep = step4.state == "done" and any(s.state != "done" for s in first_three[1:])
    current = _current(steps, lock.open)
    return FiveSteps(steps, current, _next_action(steps, current, settings), keep, lock.reason, lock.for_safety)


def _current(steps: Sequence[StepProgress], lock_open: bool) -> int:
    """Where the person is: once they have reconnected, step 5 (steps 2–3 slipping is "keep your self-value",
    not a step back); with the journal open, step 4; else the first of steps 1–3 not done yet."""
    if steps[3].state == "done":
        return 5
    if steps[3].state == "active":
        return 4
    return next((s.number for s in steps[:3] if s.state == "active"), 3 if not lock_open else 5)


def _first_three(
    log: pd.DataFrame, checkins: pd.DataFrame, area_of: Mapping[str, str], settings: Settings, today: date
) -> tuple[StepProgress, StepProgress, StepProgress]:
    return (
        step_no_contact(log, settings, today),
        step_stay_positive(log, area_of, settings, today),
        step_self_value(log, checkins, area_of, settings, today),
    )


def _reconnect_started(
    log: pd.DataFrame,
    checkins: pd.DataFrame,
    journal: pd.DataFrame,
    area_of: Mapping[str, str],
    settings: Settings,
    go_day: date | None,
) -> date | None:
    """The first journal contact made while step 4 was open: after the latest *go*, with steps 1–3 done the day
    before. Later contact with the ex is then part of the plan, not a slip."""
    if go_day is None or journal.empty:
        return None
    days: list[date] = sorted({pd.Timestamp(d).date() for d in journal["date"]})
    for day in (d for d in days if d >= go_day):
        before = day - timedelta(days=1)
        if all(s.state == "done" for s in _first_three(log, checkins, area_of, settings, before)):
            return day
    return None


def _next_action(steps: Sequence[StepProgress], current: int, settings: Settings) -> str:
    t = settings.thresholds
    step = steps[current - 1]
    if step.state == "done":
        return "Keep your self-value: keep doing what makes you strong and happy, for you."
    if current == 1:
        return "Keep no contact today. If they reach out, you don't have to reply; every day counts."
    if current == 2:
        return "Do one thing today that is social or brings you joy: see a friend, go out, or do something you love."
    if current == 3:
        return (
            f"Give one life area another activity-day: an area counts once it has {t.self_value_area_days} in "
            f"{t.self_value_window} days."
        )
    if current == 4:
        return (
            "If they reach out, don't play hard to get; if you reach out, keep it light. Log the contact in the "
            "Reconnect journal."
        )
    return "Be kind and calm, like a friendly acquaintance; when it feels right, plan a mature, meaningful meeting."


_RESULTS_KEPT = 32
_RESULTS: LRU[tuple[object, ...], FiveSteps] = LRU(_RESULTS_KEPT)


def from_store(store: Store, today: date) -> FiveSteps:
    """The model over everything in one person's folder, worked out once per version of its files and day."""
    names = (*(t.filename for t in (DAILY_LOG, CHECKINS, QUIZ_ATTEMPTS, RECONNECT, CUSTOM_ACTIVITIES)), SETTINGS_FILE)
    key = (str(store.folder), today, *(store.identity(n) for n in names))
    return _RESULTS.get_or_build(key, lambda: _compute(store, today))


def _compute(store: Store, today: date) -> FiveSteps:
    configured, _ = load_settings(store)
    known = activities.all_activities(store.read(CUSTOM_ACTIVITIES).frame)
    attempts = store.read(QUIZ_ATTEMPTS)
    return five_steps(
        store.read(DAILY_LOG).frame,
        store.read(CHECKINS).frame,
        attempts.frame,
        store.read(RECONNECT).frame,
        activities.area_of(known),
        configured,
        today,
        unreadable_attempts=len(attempts.rejected),
    )
