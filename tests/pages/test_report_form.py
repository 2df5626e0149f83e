"""Data & privacy's "Make a report": period, sections with their previews, the notes box and its warning, two dates
that make no period, and the name the PDF is offered under."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
from tests.support.plan_flow import catch_downloads
from winback import dataio, sample
from winback.report import render
from winback.report.period import report_period
from winback.report.sections import NO_CHARTS, NOTES_WARNING, SECTION_TITLES, SECTIONS, Tables, preview
from winback.store import Store
from winback.ui import report_form, state
from winback.words import count_phrase, day_words


def test_sections_preview_the_period_the_notes_wait_for_their_box_and_the_file_is_named_for_the_period(
    data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    sample.write_sample(store, days=120, today=clock.today)
    downloads = catch_downloads(monkeypatch)
    app = open_page(PAGE_FILES["Data & privacy"])
    assert not app.exception, app.exception
    assert [app.checkbox(key=state.report_section(k)).label for k in SECTIONS] == [SECTION_TITLES[k] for k in SECTIONS]
    app.segmented_control(key=state.REPORT_PERIOD).set_value("30 days").run()
    tables = Tables.from_store(store)
    period = report_period("30 days", clock.today, tables.log)
    captions = [c.value for c in app.caption]
    for key in SECTIONS:
        assert preview(key, tables, period) in captions, key
    logged = len(tables.log[tables.log["date"] > pd.Timestamp(clock.today - timedelta(days=30))])
    assert preview("mood", tables, period).startswith(f"{count_phrase(logged, 'day')} logged, mood chart and ")
    assert downloads[-1].file_name == dataio.report_file_name("30-days", sample=False)
    assert downloads[-1].file_name == "winback-report-30-days.pdf"

    # The notes stay out until ticked, and the box says who will see them.
    assert NOTES_WARNING not in texts(app)
    app.checkbox(key=state.REPORT_NOTES).check().run()
    assert NOTES_WARNING in [w.value for w in app.warning]
    # A section left out takes its notes with it.
    app.checkbox(key=state.report_section("mood")).uncheck().run()
    assert app.checkbox(key=state.REPORT_NOTES).disabled
    assert NOTES_WARNING not in texts(app)

    # Two dates: the last after today, then the first after the last, each a clear message and no PDF.
    app.segmented_control(key=state.REPORT_PERIOD).set_value(report_form.TWO_DATES).run()
    app.date_input(key=state.REPORT_TO).set_value(clock.today + timedelta(days=1)).run()
    assert f"The last day cannot be after today ({day_words(clock.today)})." in [e.value for e in app.error]
    assert not [b for b in app.get("download_button") if b.proto.id.endswith(state.REPORT_DOWNLOAD)]
    start, end = clock.today - timedelta(days=9), clock.today - timedelta(days=10)
    app.date_input(key=state.REPORT_FROM).set_value(start)
    app.date_input(key=state.REPORT_TO).set_value(end).run()
    assert any("must not be after the last day" in e.value for e in app.error)
    first = clock.today - timedelta(days=40)
    app.date_input(key=state.REPORT_FROM).set_value(first).run()
    assert not app.error
    assert downloads[-1].file_name == f"winback-report-{first.isoformat()}-to-{end.isoformat()}.pdf"


def test_sample_mode_and_the_disguise_name_the_report_and_no_browser_is_said(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "find_browser", lambda: None)
    monkeypatch.setattr(report_form, "find_browser", lambda: None)
    downloads = catch_downloads(monkeypatch)
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert downloads[-1].file_name == "winback-sample-report-90-days.pdf"
    assert NO_CHARTS in [i.value for i in app.info]
    app.toggle(key=state.DISGUISE_TOGGLE).set_value(True).run()
    assert downloads[-1].file_name == "notes-sample-90-days.pdf"
