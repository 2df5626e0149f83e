"""A writer of every kind of table that runs until it is killed (for tests/faults/test_faults.py).

``loop(folder, seed, emit)`` writes round after round and, after each write returns, emits
``<table> <key> <step>`` for what it committed; the test forks a process running it and kills it with SIGKILL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from winback import checkin, journal, quiz, tracker
from winback.content.quiz import load_quiz
from winback.store import Store

BASE = date(2025, 1, 1)


def loop(folder: Path, seed: int, emit: Callable[[str], None]) -> None:
    store = Store(folder)
    the_quiz = load_quiz()
    answers = {q.id: q.options[0].id for q in the_quiz.questions}
    result = quiz.score(the_quiz, answers)
    step = seed * 1000
    while True:
        step += 1
        day = BASE + timedelta(days=step % 3000)
        note = f'step {step}, "quoted"\n' + "ü" * (step % 700)
        tracker.save_entry(store, tracker.DailyEntry(day, step % 5 + 1, step % 11, "none", ("read",), note), date.max)
        emit(f"daily_log {day.isoformat()} {step}")
        checkin.save_checkin(store, day, [step % 6] * 5, [step % 4] * 5)
        emit(f"checkins {checkin.iso_week(day)} {step}")
        entry_id = journal.save(
            store, journal.JournalEntry(day, "them", "text", "friendly", True, False, note, f"e{step}"), date.max
        )
        emit(f"reconnect {entry_id} {step}")
        attempt = quiz.save_attempt(store, the_quiz, answers, result, datetime(2025, 1, 1) + timedelta(minutes=step))
        emit(f"quiz_attempts {attempt} {step}")
