"""The Progress page's views of charts, as a registry: each view is one entry naming the tables it reads and
the function that builds its charts.

The page opens on why each step stands where it does, then shows one view of charts at a time (a button each): a
person asks one question of their log at a time, and a phone shows two charts, not a long scroll of eight.

A view's charts are built once per version of the files its entry names (and folder, period and day). Its
builder reads through a :class:`ViewSource` that refuses any other table, so the cache key cannot miss a file.
To add a view: write a builder ``(ViewSource) -> tuple[PageChart, ...]`` and add one ``ChartView`` to ``VIEWS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from winback import activities
from winback.charts.activities import activities_per_area, mood_by_activity
from winback.charts.calendar import calendar_heatmap
from winback.charts.checkins import checkin_scores
from winback.charts.mood import mood_over_time
from winback.charts.period import period_start
from winback.charts.quiz import quiz_history
from winback.charts.theme import Chart
from winback.content.quiz import load_quiz
from winback.content.steps import default_thresholds
from winback.lru import LRU
from winback.schema import CHECKINS, CUSTOM_ACTIVITIES, DAILY_LOG, QUIZ_ATTEMPTS, Table
from winback.store import Store
from winback.vocab import DEFAULT_PERIOD, Period
from winback.words import count_phrase

WHY_VIEW = "Why"
CHARTS_KEPT = 32


@dataclass(frozen=True)
class PageChart:
    """One chart of the Progress page, with the words above it and a key for the page."""

    title: str
    chart: Chart
    key: str


class ViewSource:
    """What a view's builder may read: the tables its registry entry names, the period and the day."""

    def __init__(self, store: Store, view: ChartView, period: str, today: date) -> None:
        self._store = store
        self._view = view
        self.period = period
        self.today = today

    def frame(self, table: Table) -> pd.DataFrame:
        if table not in self._view.tables:
            raise LookupError(
                f"the {self._view.name!r} view reads {table.filename}, which its registry entry does not name"
            )
        return self._store.read(table).frame

    def start(self) -> date | None:
        """The first day of the period; "All" starts on the first day in the daily log."""
        log = self.frame(DAILY_LOG)
        first = log["date"].min().date() if len(log) else None
        return period_start(self.period, self.today, first)


@dataclass(frozen=True)
class ChartView:
    """One view of the Progress page: its name, the tables it reads, and how it builds its charts."""

    name: str
    tables: tuple[Table, ...]
    build: Callable[[ViewSource], tuple[PageChart, ...]]
    # The period it opens on until the person picks one: a year in pixels is a year.
    period: Period = DEFAULT_PERIOD


def mood_charts(log: pd.DataFrame, start: date | None, today: date) -> tuple[PageChart, ...]:
    """The Mood view's charts over one period (the PDF report draws the same)."""
    return (PageChart("Mood and missing my ex", mood_over_time(log, start, today), "mood"),)


def pixel_charts(log: pd.DataFrame, start: date | None, today: date) -> tuple[PageChart, ...]:
    """The Year in pixels view's charts: mood, then contact with my ex."""
    return (
        PageChart("Year in pixels: mood", calendar_heatmap(log, start, today, "mood"), "pixels_mood"),
        PageChart(
            "Year in pixels: contact with my ex", calendar_heatmap(log, start, today, "contact"), "pixels_contact"
        ),
    )


def what_i_did_charts(
    log: pd.DataFrame, custom: pd.DataFrame, start: date | None, today: date
) -> tuple[PageChart, ...]:
    """The What I did view's charts: life areas, then mood on days with and without each activity."""
    known = activities.all_activities(custom)
    return (
        PageChart(
            "What I did, by life area",
            activities_per_area(
                log, start, today, activities.area_of(known), default_thresholds().self_value_area_names
            ),
            "areas",
        ),
        PageChart(
            "Mood on days with and without",
            mood_by_activity(log, start, today, {a.id: a.name for a in known}),
            "by_activity",
        ),
    )


def checkin_charts(checkins: pd.DataFrame, start: date | None, today: date) -> tuple[PageChart, ...]:
    return (PageChart("Weekly check-in", checkin_scores(checkins, start, today), "checkins"),)


def quiz_charts(attempts: pd.DataFrame, start: date | None, today: date) -> tuple[PageChart, ...]:
    """The quiz history of the attempts from ``start`` (None: every attempt) to the end of ``today``."""
    policy = load_quiz().policy
    taken = len(attempts)
    shown = attempts[attempts["taken_at"] < pd.Timestamp(today + timedelta(days=1))]
    if start is not None:
        shown = shown[shown["taken_at"] >= pd.Timestamp(start)]
    chart = quiz_history(shown, policy.go_min, policy.wait_min)
    if chart.is_empty and taken:
        # Attempts exist, only none in this period: asking to take the quiz would say they do not.
        chart = replace(
            chart, empty=f"No attempt in this period; pick a longer one to see your {count_phrase(taken, 'attempt')}."
        )
    return (PageChart("Readiness quiz", chart, "quiz"),)


def _mood(source: ViewSource) -> tuple[PageChart, ...]:
    return mood_charts(source.frame(DAILY_LOG), source.start(), source.today)


def _year_in_pixels(source: ViewSource) -> tuple[PageChart, ...]:
    return pixel_charts(source.frame(DAILY_LOG), source.start(), source.today)


def _what_i_did(source: ViewSource) -> tuple[PageChart, ...]:
    return what_i_did_charts(source.frame(DAILY_LOG), source.frame(CUSTOM_ACTIVITIES), source.start(), source.today)


def _checkins(source: ViewSource) -> tuple[PageChart, ...]:
    return checkin_charts(source.frame(CHECKINS), source.start(), source.today)


def _quiz(source: ViewSource) -> tuple[PageChart, ...]:
    # "All" is every attempt (some may be older than the first logged day); a shorter period, those within it.
    return quiz_charts(source.frame(QUIZ_ATTEMPTS), period_start(source.period, source.today, None), source.today)


# The views, in the page's order. The daily log gives every dated view the first day of "All".
VIEWS: tuple[ChartView, ...] = (
    ChartView("Mood", (DAILY_LOG,), _mood),
    ChartView("Year in pixels", (DAILY_LOG,), _year_in_pixels, period="1 year"),
    ChartView("What I did", (DAILY_LOG, CUSTOM_ACTIVITIES), _what_i_did),
    ChartView("Check-ins", (DAILY_LOG, CHECKINS), _checkins),
    ChartView("Quiz", (QUIZ_ATTEMPTS,), _quiz),
)
CHART_VIEWS: tuple[str, ...] = tuple(view.name for view in VIEWS)
_BY_NAME: dict[str, ChartView] = {view.name: view for view in VIEWS}

_CHARTS: LRU[tuple[object, ...], tuple[PageChart, ...]] = LRU(CHARTS_KEPT)


def chart_view(name: str) -> ChartView:
    """The registry entry of one view; an unknown name is an error."""
    view = _BY_NAME.get(name)
    if view is None:
        raise ValueError(f"unknown Progress view {name!r}; choose from {', '.join(CHART_VIEWS)}")
    return view


def cache_key(store: Store, view: ChartView, period: str, today: date) -> tuple[object, ...]:
    """Folder, view, period and day, and the version of every table the view's entry names."""
    return (str(store.folder), view.name, period, today, *(store.identity(t.filename) for t in view.tables))


def view_charts(store: Store, name: str, period: str, today: date) -> tuple[PageChart, ...]:
    """The charts of one Progress view, built once per version of the files it reads, period and day: a rerun
    that changed nothing only re-sends them. Figures are shared, so callers must not change them."""
    view = chart_view(name)
    return _CHARTS.get_or_build(
        cache_key(store, view, period, today), lambda: view.build(ViewSource(store, view, period, today))
    )
