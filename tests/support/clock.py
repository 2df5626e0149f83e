"""The clock the tests control: the awkward moments every date-dependent test also runs at.

A moment is a wall-clock time. Most are read in the zone the tests run in (``TZ``), so the same list means
"the 7th of a month, here" under UTC or Pacific/Kiritimati. Some carry their own zone, which time-machine then
also sets for the process: the four days the clocks change (London, New York), the 1st of a month in Kiritimati
(UTC+14, where it is still the last day of the month before in UTC), 29 February in Los Angeles (UTC-8, where
it is already 1 March in UTC) and the last seconds of a year in UTC (scripts/test.sh runs the rest in Kiritimati).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

UTC = ZoneInfo("UTC")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


@dataclass(frozen=True)
class Moment:
    name: str
    wall: datetime | None  # None: the real time when the test starts, then frozen

    def destination(self) -> datetime:
        """The instant to travel to; a naive wall time is read in the zone the tests run in."""
        if self.wall is None:
            return datetime.now().astimezone()
        return self.wall if self.wall.tzinfo is not None else self.wall.astimezone()

    def for_server(self) -> tuple[datetime, str]:
        """The same moment for ``devserver.running(frozen_at=...)``: a naive wall time and its zone's name."""
        wall = self.wall if self.wall is not None else datetime.now()
        zone = wall.tzinfo
        return wall.replace(tzinfo=None), zone.key if isinstance(zone, ZoneInfo) else ""

    def today(self) -> date:
        """The day this moment is on, where it is (what the app's ``date.today()`` gives there)."""
        return self.destination().date() if self.wall is None else self.wall.date()


NOW = Moment("now", None)
MOMENTS: tuple[Moment, ...] = (
    NOW,
    Moment("1st-of-a-month", datetime(2027, 3, 1, 8, 30, tzinfo=KIRITIMATI)),
    Moment("the-7th", datetime(2027, 1, 7, 12, 0)),
    Moment("29-february-2028", datetime(2028, 2, 29, 18, 45, tzinfo=LOS_ANGELES)),
    Moment("31-december-23-59-30", datetime(2026, 12, 31, 23, 59, 30, tzinfo=UTC)),
    Moment("monday-of-iso-week-53", datetime(2026, 12, 28, 7, 0)),
    Moment("london-clocks-go-back", datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)),
    Moment("london-clocks-go-forward", datetime(2027, 3, 28, 3, 15, tzinfo=LONDON)),
    Moment("new-york-clocks-go-back", datetime(2027, 11, 7, 1, 30, tzinfo=NEW_YORK)),
    Moment("new-york-clocks-go-forward", datetime(2027, 3, 14, 3, 15, tzinfo=NEW_YORK)),
)
BY_NAME = {m.name: m for m in MOMENTS}


def moments_to_run() -> tuple[Moment, ...]:
    """Every moment, or only those named in ``WINBACK_TEST_MOMENTS`` (comma-separated, e.g. ``now``)."""
    wanted = [n.strip() for n in os.environ.get("WINBACK_TEST_MOMENTS", "").split(",") if n.strip()]
    unknown = [n for n in wanted if n not in BY_NAME]
    if unknown:
        raise ValueError(f"unknown moments {unknown}; known: {', '.join(BY_NAME)}")
    return tuple(BY_NAME[n] for n in wanted) if wanted else MOMENTS


@dataclass(frozen=True)
class Clock:
    """What "today" and "now" are while a test runs at a moment (the clock does not move)."""

    moment: Moment

    @property
    def today(self) -> date:
        return date.today()

    @property
    def now(self) -> datetime:
        return datetime.now()


@contextmanager
def frozen_at(moment: Moment) -> Iterator[Clock]:
    with time_machine.travel(moment.destination(), tick=False):
        yield Clock(moment)


@contextmanager
def moving_from(moment: Moment) -> Iterator[time_machine.Traveller]:
    """The clock stopped at ``moment`` until the test moves it (``.shift(timedelta)``), for idle times and waits."""
    with time_machine.travel(moment.destination(), tick=False) as traveller:
        yield traveller
