"""Shared fixtures: every test gets its own data folder, and Streamlit caches start empty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.builders import SAMPLE_END
from tests.support.clock import Clock, Moment, frozen_at, moments_to_run
from winback import sample
from winback.store import clear_cache
from winback.ui import exit_intro

# No property test may fail because the machine is busy: Hypothesis's per-example deadline is a timed assertion.
hypothesis_settings.register_profile("winback", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("winback")


@pytest.fixture(autouse=True)
def _exit_note_read(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTests open winback as someone who has read the quick exit's first-visit note, so it takes no place among
    the page's buttons and words; a test that asks for ``first_visit`` sees the note as a new visitor does."""
    if "first_visit" not in request.fixturenames:
        monkeypatch.setattr(exit_intro, "note_due", lambda kept: False)


@pytest.fixture
def first_visit() -> None:
    """Show the quick exit's first-visit note as winback does (see ``_exit_note_read``)."""


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    clear_cache()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("WINBACK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def year() -> dict[str, pd.DataFrame]:
    """A year of sample history ending on SAMPLE_END (seed 7)."""
    return sample.generate(365, seed=7, today=SAMPLE_END)


@pytest.fixture(scope="module")
def decade() -> dict[str, pd.DataFrame]:
    """Ten years of sample history ending on SAMPLE_END (seed 7)."""
    return sample.generate(3650, seed=7, today=SAMPLE_END)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that asks for ``clock`` runs once at every awkward moment (tests/support/clock.py)."""
    if "clock" in metafunc.fixturenames:
        moments = moments_to_run()
        metafunc.parametrize("clock", moments, indirect=True, ids=[m.name for m in moments])


@pytest.fixture
def clock(request: pytest.FixtureRequest) -> Iterator[Clock]:
    """The test runs with the clock frozen at one moment; ``clock.today`` is the app's today."""
    moment: Moment = request.param
    with frozen_at(moment) as frozen:
        yield frozen


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.faults.tally import TALLY, summary

    if TALLY.cases or TALLY.rounds:
        terminalreporter.write_line(summary())
