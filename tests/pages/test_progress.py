"""Progress: the five steps, then every chart view for every period; the step goals open and save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import NOW, Clock, Moment, frozen_at, moments_to_run
from winback import sample, views
from winback.store import Store
from winback.ui import state
from winback.ui.widgets import NUMBERS_LABEL

VIEW_CHARTS = {"Mood": 1, "Year in pixels": 2, "What I did": 2, "Check-ins": 1, "Quiz": 1}


# Every view for every period is many runs of the page: at the real time, a month's first day and the year's last
# half minute (in every time zone pass), not at all ten moments; the other Progress tests run at every moment.
_EVERY_VIEW_AT = {"now", "1st-of-a-month", "31-december-23-59-30"}
_VIEW_MOMENTS = [m for m in moments_to_run() if m.name in _EVERY_VIEW_AT] or list(moments_to_run())


@pytest.mark.parametrize("moment", _VIEW_MOMENTS, ids=[m.name for m in _VIEW_MOMENTS])
@pytest.mark.parametrize("days", [0, 1, 365])
def test_progress_draws_every_view_for_every_period(data_dir: Path, moment: Moment, days: int) -> None:
    with frozen_at(moment) as clock:
        check_every_view(data_dir, days, clock.today)


def test_progress_draws_every_view_for_every_period_over_ten_years(data_dir: Path) -> None:
    with frozen_at(NOW) as clock:
        check_every_view(data_dir, 3650, clock.today)


def test_each_view_opens_on_its_own_period_until_the_person_picks_one(data_dir: Path, clock: Clock) -> None:
    sample.write_sample(Store(data_dir), days=365, today=clock.today)
    app = open_page(PAGE_FILES["Progress"])

    def opens_on(view: str) -> object:
        app.session_state["progress_view"] = view
        app.run()
        return app.segmented_control(key=state.progress_period(view)).value

    assert opens_on("Year in pixels") == "1 year"
    assert opens_on("Mood") == "90 days"
    app.segmented_control(key=state.progress_period("Mood")).set_value("30 days").run()
    # Once picked, a period follows the person to the other views.
    assert opens_on("Year in pixels") == "30 days"
    assert opens_on("What I did") == "30 days"
    assert not app.exception


def check_every_view(data_dir: Path, days: int, today: date) -> None:
    if days:
        sample.write_sample(Store(data_dir), days=days, today=today)
    app = open_page(PAGE_FILES["Progress"])
    assert not app.exception
    assert app.segmented_control(key=state.PROGRESS_VIEW).options == ["Why", *VIEW_CHARTS]
    # It opens on the reasons: the step bars are the only chart until a view is chosen, and no period is offered.
    assert app.segmented_control(key=state.PROGRESS_VIEW).value == "Why"
    assert len(app.get("plotly_chart")) == 1
    assert "1. No contact" in texts(app) and len(app.segmented_control) == 1
    for view, count in VIEW_CHARTS.items():
        app.session_state["progress_view"] = view
        app.run()
        for period in ("30 days", "90 days", "1 year", "All"):
            app.segmented_control(key=state.progress_period(view)).set_value(period).run()
            assert not app.exception, (period, view)
            drawn = len(app.get("plotly_chart"))
            numbers = [e for e in app.expander if e.label == NUMBERS_LABEL]
            assert [len(e.dataframe) for e in numbers] == [1] * drawn, "each chart's numbers, under it"
            if days >= 365:
                # The step bars, then the open view's charts; the other views are not drawn until opened. A
                # period with no quiz attempt shows the quiz view's empty words instead of its chart.
                charts = views.view_charts(Store(data_dir), view, period, today)
                expected = sum(shown.chart.figure is not None for shown in charts)
                assert expected == count or view == "Quiz", (period, view)
                assert drawn == 1 + expected, (period, view, drawn)
            elif days == 0:
                assert drawn == 1, "only the step bars"
                assert "daily log" in texts(app).lower()


def test_progress_goals_are_drawn_when_opened_and_can_be_changed(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Progress"])
    assert not app.select_slider, "the goals form waits until its expander is opened"
    app.session_state["progress_goals"] = True
    app.run()
    app.select_slider(key="t_no_contact_days").set_value(14)
    app.button(key="FormSubmitter:thresholds_form-Save goals").click().run()
    assert not app.exception
    assert "Goals saved" in texts(app)
    settings, _ = Store(data_dir).read_settings()
    assert settings["thresholds"]["no_contact_days"] == 14


def test_a_no_contact_goal_between_the_usual_choices_is_shown_as_it_is(data_dir: Path) -> None:
    Store(data_dir).write_settings({"thresholds": {"no_contact_days": 15}})
    app = open_page(PAGE_FILES["Progress"])
    app.session_state["progress_goals"] = True
    app.run()
    assert not app.exception
    assert app.select_slider(key="t_no_contact_days").value == 15
