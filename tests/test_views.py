"""The Progress page's views registry: each view builds its charts, once per version of the files it reads;
the cache key covers every table a view reads; an unknown view is refused."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from winback import sample, views
from winback.schema import CHECKINS, CUSTOM_ACTIVITIES, DAILY_LOG, QUIZ_ATTEMPTS, RECONNECT, TableData
from winback.store import Store

TODAY = date(2026, 6, 30)
EXPECTED_VIEWS = {
    "Mood": ("mood",),
    "Year in pixels": ("pixels_mood", "pixels_contact"),
    "What I did": ("areas", "by_activity"),
    "Check-ins": ("checkins",),
    "Quiz": ("quiz",),
}
# Every table a view could read; the sample writes each of them.
CHART_TABLES = (DAILY_LOG, CHECKINS, QUIZ_ATTEMPTS, CUSTOM_ACTIVITIES, RECONNECT)


@pytest.fixture
def year(tmp_path: Path) -> Store:
    store = Store(tmp_path)
    sample.write_sample(store, 365, today=TODAY)
    return store


def _drop_first_row(store: Store, table: Any) -> None:
    """A new version of one file, without its first row: the oldest day, check-in or attempt, or an activity."""
    frame = store.read(table).frame
    assert len(frame) >= 2, table.name
    store.replace_all(table, frame.iloc[1:])


def test_each_progress_view_holds_its_charts_and_all_of_them_together_are_every_chart(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, 365, today=TODAY)
    assert set(views.CHART_VIEWS) == set(EXPECTED_VIEWS)
    for view in views.CHART_VIEWS:
        shown = views.view_charts(store, view, "1 year", TODAY)
        assert tuple(c.key for c in shown) == EXPECTED_VIEWS[view]
        assert all(c.title and c.chart.figure is not None for c in shown), view


def test_the_page_shows_one_tab_per_registry_entry_in_its_order() -> None:
    assert tuple(view.name for view in views.VIEWS) == views.CHART_VIEWS
    assert len(set(views.CHART_VIEWS)) == len(views.VIEWS)
    assert views.WHY_VIEW not in views.CHART_VIEWS
    assert all(views.chart_view(view.name) is view for view in views.VIEWS)


def test_view_charts_are_built_once_per_version_of_the_files(tmp_path: Path) -> None:
    store = Store(tmp_path)
    row = {"mood": 4, "missing_ex": 3, "contact": "none", "activities": ()}
    store.upsert("daily_log", [{**row, "date": TODAY - timedelta(days=n)} for n in range(10)])
    first = views.view_charts(store, "Mood", "30 days", TODAY)
    assert views.view_charts(store, "Mood", "30 days", TODAY) is first
    assert views.view_charts(store, "Mood", "90 days", TODAY) is not first
    store.upsert("daily_log", [{**row, "date": TODAY, "mood": 1}])
    changed = views.view_charts(store, "Mood", "30 days", TODAY)
    assert changed is not first
    assert changed[0].chart.figure is not None and first[0].chart.figure is not None
    assert list(changed[0].chart.figure.data[0].y) != list(first[0].chart.figure.data[0].y)


@pytest.mark.parametrize("view", [view.name for view in views.VIEWS])
def test_a_view_is_reused_for_the_same_folder_period_and_day_only(year: Store, tmp_path: Path, view: str) -> None:
    first = views.view_charts(year, view, "All", TODAY)
    assert views.view_charts(year, view, "All", TODAY) is first
    assert views.view_charts(year, view, "All", TODAY + timedelta(days=1)) is not first
    assert views.view_charts(year, view, "1 year", TODAY) is not first
    twin = Store(tmp_path / "someone-else")
    sample.write_sample(twin, 365, today=TODAY)
    assert views.view_charts(twin, view, "All", TODAY) is not first


@pytest.mark.parametrize(
    ("view", "table"),
    [(view.name, table) for view in views.VIEWS for table in view.tables],
    ids=[f"{view.name}-{table.name}" for view in views.VIEWS for table in view.tables],
)
def test_changing_any_file_a_view_reads_gives_new_charts(year: Store, view: str, table: Any) -> None:
    first = views.view_charts(year, view, "All", TODAY)
    _drop_first_row(year, table)
    changed = views.view_charts(year, view, "All", TODAY)
    assert changed is not first
    assert [c.chart.alt for c in changed] != [c.chart.alt for c in first]


@pytest.mark.parametrize("view", [view.name for view in views.VIEWS])
def test_changing_files_a_view_does_not_read_keeps_its_charts(year: Store, view: str) -> None:
    first = views.view_charts(year, view, "All", TODAY)
    others = [t for t in CHART_TABLES if t not in views.chart_view(view).tables]
    assert others
    for table in others:
        _drop_first_row(year, table)
    assert views.view_charts(year, view, "All", TODAY) is first


@pytest.mark.parametrize("view", [view.name for view in views.VIEWS])
def test_each_view_reads_exactly_the_tables_its_entry_names(
    year: Store, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real_read = Store.read

    def recording(store: Store, table: Any) -> TableData:
        data = real_read(store, table)
        read.append(data.table.name)
        return data

    monkeypatch.setattr(Store, "read", recording)
    views.view_charts(year, view, "All", TODAY)
    assert set(read) == {t.name for t in views.chart_view(view).tables}


def test_a_builder_cannot_read_a_table_its_entry_does_not_name(year: Store) -> None:
    quiz_only = views.ChartView("Quiz only", (QUIZ_ATTEMPTS,), lambda source: ())
    source = views.ViewSource(year, quiz_only, "All", TODAY)
    assert len(source.frame(QUIZ_ATTEMPTS)) > 0
    with pytest.raises(LookupError, match=r"daily_log\.csv"):
        source.frame(DAILY_LOG)
    with pytest.raises(LookupError, match=r"daily_log\.csv"):
        source.start()


def test_an_unknown_view_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown Progress view"):
        views.view_charts(Store(Path("/nonexistent")), "Everything", "30 days", TODAY)


@pytest.mark.parametrize("name", ["Everything", "", "mood", "What I did "])
def test_an_unknown_name_is_never_another_view(name: str) -> None:
    refused = re.escape(f"unknown Progress view {name!r}; choose from {', '.join(EXPECTED_VIEWS)}")
    with pytest.raises(ValueError, match=refused):
        views.chart_view(name)


@pytest.mark.parametrize("period", ["30 days", "90 days", "1 year", "All"])
def test_the_quiz_view_shows_the_attempts_of_its_period(year: Store, period: str) -> None:
    attempts = year.read(QUIZ_ATTEMPTS).frame
    (shown,) = views.view_charts(year, "Quiz", period, TODAY)
    drawn = len(shown.chart.figure.data[0].y) if shown.chart.figure is not None else 0
    days = {"30 days": 30, "90 days": 90, "1 year": 365}.get(period)
    first = None if days is None else TODAY - timedelta(days=days - 1)
    within = attempts if first is None else attempts[attempts["taken_at"] >= pd.Timestamp(first)]
    assert drawn == len(within)
    if period == "30 days":
        assert drawn < len(attempts), "the sample year has attempts older than 30 days"


def test_the_quiz_view_of_a_period_without_attempts_says_so_instead_of_asking_for_a_first_one(tmp_path: Path) -> None:
    store = Store(tmp_path)
    old = datetime(2026, 3, 1, 9, 0)
    store.upsert(
        QUIZ_ATTEMPTS,
        [{"attempt_id": "a1", "taken_at": old, "quiz_version": "t", "worth": 80, "tier": "none", "verdict": "go"}],
    )
    (shown,) = views.view_charts(store, "Quiz", "30 days", TODAY)
    assert shown.chart.is_empty
    assert shown.chart.empty == "No attempt in this period; pick a longer one to see your 1 attempt."
    (every,) = views.view_charts(store, "Quiz", "All", TODAY)
    assert not every.chart.is_empty
