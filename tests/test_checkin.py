"""The weekly check-in (winback.checkin): its two scores, and one check-in per ISO week."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.support.clock import Clock
from winback import checkin
from winback.store import Store


def test_checkin_scores() -> None:
    assert checkin.wellbeing_score([0, 0, 0, 0, 0]) == 0
    assert checkin.wellbeing_score([5, 5, 5, 5, 5]) == 100
    assert checkin.wellbeing_score([3, 2, 4, 1, 0]) == 40
    assert checkin.self_worth_score([3, 3, 3, 3, 3]) == 100
    assert checkin.self_worth_score([1, 0, 0, 0, 0]) == 7
    assert checkin.self_worth_score([2, 2, 2, 2, 2]) == 67
    with pytest.raises(ValueError):
        checkin.wellbeing_score([6, 0, 0, 0, 0])
    with pytest.raises(ValueError):
        checkin.self_worth_score([1, 1, 1, 1])


def test_one_checkin_per_iso_week(tmp_path: Path) -> None:
    store = Store(tmp_path)
    monday, sunday = date(2026, 6, 22), date(2026, 6, 28)
    assert checkin.iso_week(monday) == checkin.iso_week(sunday) == "2026-W26"
    assert checkin.save_checkin(store, monday, [1] * 5, [1] * 5) is False
    assert checkin.save_checkin(store, sunday, [4] * 5, [3] * 5) is True
    frame = store.read("checkins").frame
    assert len(frame) == 1
    assert int(frame.iloc[0]["wellbeing"]) == 80
    assert checkin.this_weeks(frame, monday) is not None
    assert checkin.this_weeks(frame, date(2026, 6, 29)) is None


def test_one_checkin_per_iso_week_at_every_moment(clock: Clock, tmp_path: Path) -> None:
    store = Store(tmp_path)
    today = clock.today
    monday = today - timedelta(days=today.weekday())
    assert checkin.iso_week(monday) == checkin.iso_week(monday + timedelta(days=6)) == checkin.iso_week(today)
    assert checkin.iso_week(monday - timedelta(days=1)) != checkin.iso_week(today)
    assert checkin.save_checkin(store, today, [2] * 5, [1] * 5) is False
    frame = store.read("checkins").frame
    assert checkin.this_weeks(frame, monday) is not None
    assert checkin.this_weeks(frame, monday + timedelta(days=7)) is None
