"""Browser fixtures: one winback server per test module on a temporary folder, and headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.support.browser import new_page
from tests.support.clock import BY_NAME, Moment
from tests.support.devserver import CHROMIUM_ARGS, ROOT, Server, chromium_path, running

# A busy machine makes pages slower, not wrong: expectations wait for a state, up to half a minute.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def moment() -> Moment:
    """The moment every browser test's server runs at, its clock stopped: ``WINBACK_E2E_MOMENT`` names one
    from tests/support/clock.py; by default it is the real time when the run starts."""
    chosen = BY_NAME[os.environ.get("WINBACK_E2E_MOMENT", "now")]
    return chosen if chosen.wall is not None else Moment("now", datetime.now())


@pytest.fixture(scope="module")
def exit_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("exit") / "neutral.html"
    page.write_text("<!doctype html><title>Weather</title><h1>Weather today</h1>", encoding="utf-8")
    return page


def returning_person(data: Path) -> Path:
    """A folder whose person has read the quick exit's first-visit note (and pressed OK), as on every visit after
    the first. The note pushes the page down by a screen; the journeys here are a returning person's. The note
    itself is tested in tests/pages/test_exit_intro.py and, in Chromium, by tests/e2e/test_navigation.py."""
    from winback import settings
    from winback.store import Store

    settings.save_exit_intro_seen(Store(data))
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, exit_page: Path, moment: Moment) -> Iterator[Server]:
    data = returning_person(tmp_path_factory.mktemp("data"))
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    neutral = f"http://127.0.0.1:{_static_port(exit_page)}/neutral.html"
    env = {"WINBACK_QUICK_EXIT_URL": neutral}
    with running(ROOT / "app.py", data, log, env=env, frozen_at=moment.for_server()) as started:
        yield started


@pytest.fixture(scope="module")
def year_server(tmp_path_factory: pytest.TempPathFactory, moment: Moment) -> Iterator[Server]:
    """winback on a folder holding one year of sample data."""
    from winback import sample
    from winback.store import Store

    data = tmp_path_factory.mktemp("year")
    sample.write_sample(Store(returning_person(data)), days=365, today=moment.today())
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(ROOT / "app.py", data, log, frozen_at=moment.for_server()) as started:
        yield started


_static_servers: dict[Path, int] = {}


def _static_port(page: Path) -> int:
    """Serve the neutral exit page locally, so the quick-exit test runs offline."""
    import functools
    import http.server
    import threading

    if page not in _static_servers:
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(page.parent))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        _static_servers[page] = int(httpd.server_address[1])
    return _static_servers[page]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    tab = new_page(browser, viewport={"width": 1280, "height": 900})
    yield tab
    tab.context.close()
