"""winback's benchmark: every performance bar of SPEC §10, measured against Streamlit itself on this machine.

Run ``.venv/bin/python bench/run.py`` (2-3 minutes on 2 cores; ``--quick`` is a smoke run of under a minute).
It prints one table, each figure beside its bar and PASS, MISS or info (a figure without a bar of its own);
``--json out.json`` also writes every figure with its raw samples. The exit code is 0 when the benchmark ran,
whatever it found (it is a report, not a test), and non-zero only when something failed to run.

How each figure is measured (every figure is a median of several runs; times use ``time.perf_counter``):

* **Server round trip per page** at 0, 365, 3,650 and 36,500 days of sample data (``winback.sample``).
  winback (``app.py``, with its ``.streamlit/config.toml``) runs on a temporary data folder per data size
  beside ``bench/trivial.py``, a one-line Streamlit page run with Streamlit's defaults, both started with
  ``tests.support.devserver.running``. The client speaks Streamlit's own websocket protocol
  (``/_stcore/stream``) as the browser's frontend does: it sends a ``BackMsg`` ``rerun_script`` with the
  page's ``page_script_hash`` (what the browser sends after any click on the page) and times until the
  ``ForwardMsg`` ``session_status_changed`` with ``script_is_running=False`` arrives, the message that flips
  the browser's ``stApp`` back to ``data-test-script-state="notRunning"``; every message is received and
  parsed on the way. Widget states are sent empty (widgets at their defaults, as when a page is opened).
  Each page keeps its own session, loaded once and rerun ``warmup`` times before timing. Measurements
  alternate between winback and the trivial page (which of the two goes first alternates too), so a noisy
  moment hits both; the ratio is winback's median over the trivial page's median at the same data size.
  Bars: ≤ 1.5 × at 3,650 days, ≤ 3 × at 36,500 days (SPEC §10; goal 1.2 ×); the 0- and 365-day rows are info.

  Why not Playwright for this: Chromium's layout and paint share the 2 cores with both servers, and how fast
  the page is drawn is not the server's round trip. Two things this client does on purpose:
  (1) it sets TCP_QUICKACK after every read. Streamlit 1.67 binds its socket with ``socket.socket(family)``
  (``proto`` 0), so asyncio never sets TCP_NODELAY on its connections, and Nagle's algorithm then holds a
  rerun's later messages until the client ACKs the first; a Python client that delays its ACK (40 ms on
  Linux) would add that stall to every rerun, which Chromium, reading its socket at once, mostly does not
  see (measured with CDP frame timestamps: its later frames follow the first within ~5–15 ms).
  (2) it counts what the server does after the script: Streamlit's ``runner.postScriptGC`` (on by default,
  and on for both servers here) runs ``gc.collect(2)`` on the script thread after every run while holding the
  GIL, and the messages already queued are sent only after it. That full collection is most of the trivial
  page's round trip (~35-50 ms here). winback keeps the setting and calls ``gc.freeze()`` once at start-up
  (``ui.freeze_startup_objects``), so the collection walks only what reruns create; the trivial page does
  not, which is why winback's pages can come out faster than it.
* **Saving one entry at 3,650 days**: in-process ``tracker.save_entry`` on a store holding 3,650 days of
  sample data (read once first, as the server would have), each save on a different day; fsync included.
* **Importing 10 years of Daylio**: a generated Daylio CSV of 3,650 days (1–3 entries a day, 12- and 24-hour
  times, renamed-case labels, catalogue and unknown activities, titled and multi-line notes) goes through
  ``parse_daylio`` + ``daylio_plan`` + ``apply_plan`` into an empty store.
* **Memory per idle session** at 365 days: a fresh server per run, one warm-up session on Today (so module
  imports and caches are not counted), RSS (``/proc/<pid>/status`` VmRSS), then 20 more websocket sessions
  that load Today and stay open and idle; once RSS is steady, (after − before) / 20. The same for the trivial
  page.
* **Progress page fully drawn in Chromium** at 365 days: headless Chromium (Playwright with the system's
  Chromium) opens ``/progress`` in a tab that shows ``about:blank`` (so tearing down the page before is not
  counted) and times from ``goto`` until the script has finished and every visible Plotly chart (as many as
  a settled warm-up load showed; one in a closed expander or a tab not open is not drawn until opened, so it
  does not count) has a drawn ``.main-svg`` with a non-zero box. The page opens on its "Why" view: the five
  step bars and their reasons. The baseline is the trivial page, opened the same way at the same path
  (``/progress``) until "hello" shows: Streamlit's frontend first looks for its server under a page's path
  (``/progress/_stcore/health``), finds none and tries ``/`` 100 ms later, which every page URL of every
  Streamlit app pays. Info rows: the trivial page at ``/`` (without that wait), winback's Progress on an
  empty folder, and the time from clicking each chart view's tab until its charts are drawn. All tabs are
  warmed twice and loads are shuffled per run, so static files come from the browser cache, as on a second
  visit, and a noisy moment hits every figure alike.
* **The PDF report** of a year of sample data, every section (notes and the quiz's reasons too), in-process
  ``report.make_report``: with its charts drawn (one Chromium start, kaleido) ≤ 10 s, and with numbers only
  ≤ 3 s. Each is also given as a ratio (info) to building the same charts for the Progress page in the same run
  (the views' builders and the five steps' bars, no cache), the part of the work the page does too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import json
import math
import random
import shutil
import socket
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ClientState_pb2 import ClientState  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402
from websockets.typing import Origin, Subprotocol  # noqa: E402

from tests.support.browser import SETTLED, progress_view  # noqa: E402
from tests.support.devserver import CHROMIUM_ARGS, Server, chromium_path, running  # noqa: E402
from winback import sitemap, tracker, views  # noqa: E402
from winback.charts.steps import step_bars  # noqa: E402
from winback.content.activities import catalogue  # noqa: E402
from winback.imports.daylio import parse_daylio  # noqa: E402
from winback.imports.daylio_plan import daylio_plan  # noqa: E402
from winback.imports.plan import apply_plan  # noqa: E402
from winback.report import make_report  # noqa: E402
from winback.report.period import ReportPeriod, report_period  # noqa: E402
from winback.report.sections import SECTIONS, Choices, Tables, model_at  # noqa: E402
from winback.sample import write_sample  # noqa: E402
from winback.store import Store, clear_cache  # noqa: E402

BENCH = Path(__file__).resolve().parent
APP = ROOT / "app.py"
TRIVIAL = BENCH / "trivial.py"
# (title, URL path): the path is also the page_name the browser sends.
PAGES: tuple[tuple[str, str], ...] = tuple((page.title, page.url_path) for page in sitemap.PAGES)
RUN_TIMEOUT = 300.0

ROUND_TRIP_BARS = {3650: 1.5, 36500: 3.0}
SAVE_BAR_MS = 50.0
IMPORT_BAR_S = 2.0
MEMORY_BAR_MB = 2.0
CHART_BAR = 2.0


REPORT_BAR_S = 10.0
REPORT_PLAIN_BAR_S = 3.0


PARTS = ("save", "import", "round_trip", "memory", "chart", "report")


@dataclass(frozen=True)
class Settings:
    days: tuple[int, ...] = (0, 365, 3650, 36500)
    runs: int = 25
    warmup: int = 2
    save_days: int = 3650
    save_runs: int = 21
    import_days: int = 3650
    import_runs: int = 3
    memory_days: int = 365
    sessions: int = 20
    memory_runs: int = 3
    memory_settle: float = 1.5
    chart_days: int = 365
    chart_runs: int = 15
    report_days: int = 365
    report_runs: int = 3
    parts: tuple[str, ...] = PARTS
    # Extra environment for the winback servers only, e.g. STREAMLIT_RUNNER_POST_SCRIPT_GC=false to try a setting.
    winback_env: tuple[tuple[str, str], ...] = ()


QUICK = Settings(
    days=(0, 30),
    runs=2,
    warmup=1,
    save_days=365,
    save_runs=3,
    import_days=60,
    import_runs=1,
    memory_days=30,
    sessions=2,
    memory_runs=1,
    memory_settle=0.5,
    chart_days=30,
    chart_runs=2,
    report_days=30,
    report_runs=1,
)


@dataclass
class Row:
    """One figure of the table. ``value`` is what the bar is checked against (a ratio, ms, s or MB)."""

    kind: str
    figure: str
    unit: str
    median: float
    p95: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    bar: float | None = None
    bar_text: str = "—"
    days: int | None = None
    page: str | None = None
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.ratio if self.ratio is not None else self.median

    @property
    def result(self) -> str:
        if self.bar is None:
            return "info"
        return "PASS" if self.value <= self.bar else "MISS"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "value": self.value, "result": self.result}


def p95(values: Sequence[float]) -> float:
    """95th percentile, linear between the two nearest samples."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = 0.95 * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Servers


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="winback-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sample_folder(work: Path, days: int, name: str) -> Path:
    folder = work / name
    folder.mkdir(parents=True)
    if days:
        write_sample(Store(folder), days=days)
    return folder


@contextlib.contextmanager
def winback_server(work: Path, days: int, name: str, settings: Settings) -> Iterator[Server]:
    data = sample_folder(work, days, f"data-{name}")
    with running(APP, data, work / f"{name}.log", env=dict(settings.winback_env)) as server:
        yield server


@contextlib.contextmanager
def trivial_server(work: Path, name: str) -> Iterator[Server]:
    data = work / f"data-{name}"
    data.mkdir()
    with running(TRIVIAL, data, work / f"{name}.log") as server:
        yield server


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


# ---------------------------------------------------------------------------------------------------------------
# Streamlit's websocket protocol


class Session:
    """One browser tab's worth of Streamlit session, driven over the websocket like the frontend does."""

    def __init__(self, connection: ClientConnection, page_name: str) -> None:
        self.connection = connection
        self.page_name = page_name
        self.page_hash = ""
        self.exceptions = 0
        self.socket: Any = None

    def _quick_ack(self) -> None:
        """ACK what arrived at once, as a browser reading its socket promptly does (see the module's docstring)."""
        if self.socket is not None and hasattr(socket, "TCP_QUICKACK"):
            with contextlib.suppress(OSError):
                self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)

    @classmethod
    async def open(cls, url: str, page_name: str = "") -> Session:
        ws_url = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        connection = await connect(
            ws_url, subprotocols=[Subprotocol("streamlit")], origin=Origin(url), max_size=None, compression=None
        )
        session = cls(connection, page_name)
        session.socket = connection.transport.get_extra_info("socket")
        await session.run()
        return session

    async def run(self) -> float:
        """Rerun the page; seconds from sending until the server says the script is no longer running."""
        state = ClientState(page_script_hash=self.page_hash, page_name=self.page_name)
        message = BackMsg(rerun_script=state).SerializeToString()
        self._quick_ack()
        started = time.perf_counter()
        await self.connection.send(message)
        finished = False
        while True:
            raw = await asyncio.wait_for(self.connection.recv(), RUN_TIMEOUT)
            self._quick_ack()
            forward = ForwardMsg.FromString(raw if isinstance(raw, bytes) else raw.encode())
            kind = forward.WhichOneof("type")
            if kind == "new_session" and not self.page_hash:
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "navigation":
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
                self.exceptions += 1
            elif kind == "script_finished":
                finished = True
            elif kind == "session_status_changed" and finished and not forward.session_status_changed.script_is_running:
                return time.perf_counter() - started

    async def close(self) -> None:
        await self.connection.close()


async def _round_trips(
    winback_url: str, trivial_url: str, settings: Settings
) -> tuple[dict[str, list[float]], list[float]]:
    pages = {path: await Session.open(winback_url, path) for _, path in PAGES}
    trivial = await Session.open(trivial_url)
    try:
        for session in [*pages.values(), trivial]:
            for _ in range(settings.warmup):
                await session.run()
        times: dict[str, list[float]] = {path: [] for path in pages}
        baseline: list[float] = []
        for run in range(settings.runs):
            order = list(pages)
            random.Random(run).shuffle(order)
            for path in order:
                pair = [(pages[path], times[path]), (trivial, baseline)]
                if run % 2:
                    pair.reverse()
                for session, into in pair:
                    into.append(await session.run() * 1000)
        broken = [path or "/" for path, session in pages.items() if session.exceptions]
        if broken:
            raise RuntimeError(f"winback pages raised exceptions while benchmarked: {', '.join(broken)}")
        return times, baseline
    finally:
        for session in [*pages.values(), trivial]:
            with contextlib.suppress(Exception):
                await session.close()


def round_trip_rows(work: Path, settings: Settings) -> list[Row]:
    rows: list[Row] = []
    with trivial_server(work, "trivial-rt") as trivial:
        for days in settings.days:
            say(f"round trips at {days:,} days…")
            with winback_server(work, days, f"winback-rt-{days}", settings) as server:
                times, baseline = asyncio.run(_round_trips(server.url, trivial.url, settings))
            base = statistics.median(baseline)
            bar = ROUND_TRIP_BARS.get(days)
            for title, path in PAGES:
                median = statistics.median(times[path])
                rows.append(
                    Row(
                        kind="round_trip",
                        figure=f"round trip {days:,} d · {title}",
                        unit="ms",
                        median=median,
                        p95=p95(times[path]),
                        baseline=base,
                        ratio=median / base,
                        bar=bar,
                        bar_text=f"≤ {bar:g} ×" if bar else "—",
                        days=days,
                        page=f"/{path}",
                        samples=times[path],
                        baseline_samples=baseline,
                    )
                )
            rows.append(
                Row(
                    kind="round_trip_trivial",
                    figure=f"round trip {days:,} d · trivial page",
                    unit="ms",
                    median=base,
                    p95=p95(baseline),
                    days=days,
                    samples=baseline,
                )
            )
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Memory per idle session


async def _memory_once(server: Server, page_name: str, sessions: int, settle: float) -> float:
    warm = await Session.open(server.url, page_name)
    opened: list[Session] = [warm]
    try:
        before = await _steady_rss(server.process.pid, settle)
        for _ in range(sessions):
            opened.append(await Session.open(server.url, page_name))
        after = await _steady_rss(server.process.pid, settle)
        return (after - before) / sessions
    finally:
        for session in opened:
            with contextlib.suppress(Exception):
                await session.close()


async def _steady_rss(pid: int, settle: float, limit: float = 15.0) -> float:
    """RSS once it has stopped moving (two readings 0.5 s apart within 0.2 MB), after ``settle`` seconds."""
    await asyncio.sleep(settle)
    deadline = time.monotonic() + limit
    last = rss_mb(pid)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        now = rss_mb(pid)
        if abs(now - last) < 0.2:
            return now
        last = now
    return last


def memory_rows(work: Path, settings: Settings) -> list[Row]:
    say(f"memory per idle session ({settings.sessions} sessions, {settings.memory_runs} runs)…")
    winback: list[float] = []
    trivial: list[float] = []
    for run in range(settings.memory_runs):
        with winback_server(work, settings.memory_days, f"winback-mem-{run}", settings) as server:
            winback.append(asyncio.run(_memory_once(server, "", settings.sessions, settings.memory_settle)))
        with trivial_server(work, f"trivial-mem-{run}") as server:
            trivial.append(asyncio.run(_memory_once(server, "", settings.sessions, settings.memory_settle)))
    days = settings.memory_days
    return [
        Row(
            kind="memory",
            figure=f"memory per idle session {days:,} d · winback Today",
            unit="MB",
            median=statistics.median(winback),
            bar=MEMORY_BAR_MB,
            bar_text=f"≤ {MEMORY_BAR_MB:g} MB",
            days=days,
            page="/",
            samples=winback,
        ),
        Row(
            kind="memory_trivial",
            figure="memory per idle session · trivial page",
            unit="MB",
            median=statistics.median(trivial),
            samples=trivial,
        ),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Progress page in Chromium

# Charts a person can see: one in a closed expander or a tab not shown is not drawn until it is opened.
VISIBLE_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(
  (chart) => chart.checkVisibility()
)"""
CHARTS_DRAWN = f"""(expected) => {{
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const charts = ({VISIBLE_CHARTS})();
  if (charts.length < expected) return false;
  for (const chart of charts) {{
    const svg = chart.querySelector('.main-svg');
    if (!svg) return false;
    const box = svg.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
  }}
  return true;
}}"""
# The charts of one view, by their keys: after a tab is clicked the old view's charts stay until replaced.
KEYED_CHARTS_DRAWN = """(keys) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  return keys.every((key) => {
    const svg = document.querySelector(`.st-key-chart_${key} .main-svg`);
    if (!svg) return false;
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
}"""
HELLO_SHOWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const texts = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')];
  return texts.some((element) => element.innerText.trim() === 'hello');
}"""


def charts(count: int) -> str:
    return f"{count} chart" + ("" if count == 1 else "s")


def _time_load(tab: Any, url: str, done: str, arg: Any = None) -> float:
    """ms from asking for ``url`` in a blank tab until ``done`` holds: what opening the address costs, without
    tearing down the page that was there before."""
    tab.goto("about:blank")
    started = time.perf_counter()
    tab.goto(url, wait_until="commit")
    tab.wait_for_function(done, arg=arg, timeout=120_000)
    return (time.perf_counter() - started) * 1000


def _warm(tab: Any, url: str) -> None:
    """Two loads: the first request to a page URL runs it without the router (see ui.store), and the browser
    cache fills, so timed loads read Streamlit's static files from the cache, as on a second visit."""
    for _ in range(2):
        tab.goto(url)
        tab.wait_for_selector(SETTLED, timeout=120_000)
        tab.wait_for_timeout(1500)
        tab.wait_for_selector(SETTLED, timeout=120_000)


def chart_rows(work: Path, settings: Settings) -> list[Row]:
    from playwright.sync_api import sync_playwright

    from winback.views import CHART_VIEWS, view_charts

    say(f"Progress page in Chromium at {settings.chart_days:,} days ({settings.chart_runs} runs)…")
    with (
        winback_server(work, settings.chart_days, "winback-chart", settings) as app,
        winback_server(work, 0, "winback-chart-empty", settings) as empty_app,
        trivial_server(work, "trivial-chart") as trivial,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:

            def tab() -> Any:
                return browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

            progress_tab, empty_tab, trivial_tab, root_tab = tab(), tab(), tab(), tab()
            progress_url, empty_url = f"{app.url}/progress", f"{empty_app.url}/progress"
            # The trivial page is opened at the same path: Streamlit's frontend first looks for its server under
            # the page's path (/progress/_stcore/health), finds nothing and tries again at / 100 ms later. Every
            # page URL of every Streamlit app pays that; the row at / shows the trivial page without it.
            trivial_url, root_url = f"{trivial.url}/progress", trivial.url
            for each, url in ((progress_tab, progress_url), (empty_tab, empty_url)):
                _warm(each, url)
                if each.get_by_test_id("stException").count():
                    raise RuntimeError(f"the Progress page raised an exception at {url}")
            expected = int(progress_tab.evaluate(f"({VISIBLE_CHARTS})().length"))
            empty_expected = int(empty_tab.evaluate(f"({VISIBLE_CHARTS})().length"))
            if expected == 0:
                raise RuntimeError("the Progress page showed no chart to time")
            for each, url in ((trivial_tab, trivial_url), (root_tab, root_url)):
                each.goto(url)
                each.wait_for_function(HELLO_SHOWN, timeout=60_000)

            loads: dict[str, Callable[[], float]] = {
                "progress": lambda: _time_load(progress_tab, progress_url, CHARTS_DRAWN, expected),
                "trivial": lambda: _time_load(trivial_tab, trivial_url, HELLO_SHOWN),
                "root": lambda: _time_load(root_tab, root_url, HELLO_SHOWN),
                "empty": lambda: _time_load(empty_tab, empty_url, CHARTS_DRAWN, empty_expected),
            }
            samples: dict[str, list[float]] = {name: [] for name in loads}
            for run in range(settings.chart_runs):
                order = list(loads)
                random.Random(run).shuffle(order)
                for name in order:
                    samples[name].append(loads[name]())

            # Opening each other view of a loaded Progress page: click its button, until its charts are drawn.
            folder = work / "data-winback-chart"
            views = {
                view: [
                    shown.key
                    for shown in view_charts(Store(folder), view, "90 days", date.today())
                    if shown.chart.figure is not None
                ]
                for view in CHART_VIEWS
            }
            # A view whose charts are all empty states (little data) has nothing to time.
            opened: dict[str, list[float]] = {view: [] for view in CHART_VIEWS if views[view]}
            for _ in range(max(2, settings.chart_runs // 3)):
                progress_tab.goto(progress_url)
                progress_tab.wait_for_function(CHARTS_DRAWN, arg=expected, timeout=120_000)
                for view in opened:
                    started = time.perf_counter()
                    progress_view(progress_tab, view).click()
                    progress_tab.wait_for_function(KEYED_CHARTS_DRAWN, arg=views[view], timeout=120_000)
                    opened[view].append((time.perf_counter() - started) * 1000)
        finally:
            browser.close()
    median = {name: statistics.median(values) for name, values in samples.items()}
    days = settings.chart_days
    rows = [
        Row(
            kind="progress_chromium",
            figure=f"Progress drawn in Chromium {days:,} d ({charts(expected)})",
            unit="ms",
            median=median["progress"],
            p95=p95(samples["progress"]),
            baseline=median["trivial"],
            ratio=median["progress"] / median["trivial"],
            bar=CHART_BAR,
            bar_text=f"≤ {CHART_BAR:g} ×",
            days=days,
            page="/progress",
            samples=samples["progress"],
            baseline_samples=samples["trivial"],
        ),
        Row(
            kind="progress_chromium_vs_root",
            figure=f"Progress drawn in Chromium {days:,} d, vs trivial at /",
            unit="ms",
            median=median["progress"],
            p95=p95(samples["progress"]),
            baseline=median["root"],
            ratio=median["progress"] / median["root"],
            days=days,
            page="/progress",
            samples=samples["progress"],
            baseline_samples=samples["root"],
        ),
        Row(
            kind="progress_chromium_vs_empty",
            figure=f"Progress drawn in Chromium {days:,} d, vs 0 d ({charts(empty_expected)})",
            unit="ms",
            median=median["progress"],
            p95=p95(samples["progress"]),
            baseline=median["empty"],
            ratio=median["progress"] / median["empty"],
            days=days,
            page="/progress",
            samples=samples["progress"],
            baseline_samples=samples["empty"],
        ),
        Row(
            kind="trivial_chromium",
            figure="trivial page in Chromium at /progress",
            unit="ms",
            median=median["trivial"],
            p95=p95(samples["trivial"]),
            samples=samples["trivial"],
        ),
        Row(
            kind="trivial_chromium_root",
            figure="trivial page in Chromium at /",
            unit="ms",
            median=median["root"],
            p95=p95(samples["root"]),
            samples=samples["root"],
        ),
    ]
    for view, values in opened.items():
        rows.append(
            Row(
                kind="progress_view_opened",
                figure=f"Progress · open {view} {days:,} d ({charts(len(views[view]))})",
                unit="ms",
                median=statistics.median(values),
                p95=p95(values),
                days=days,
                page="/progress",
                samples=values,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------------------------
# In-process: saving an entry, importing Daylio


def save_rows(work: Path, settings: Settings) -> list[Row]:
    say(f"saving one entry at {settings.save_days:,} days ({settings.save_runs} saves)…")
    store = Store(sample_folder(work, settings.save_days, "data-save"))
    clear_cache()
    store.read("daily_log")  # the server has read it already to draw the page the person saves from
    today = date.today()
    times: list[float] = []
    for number in range(settings.save_runs):
        entry = tracker.DailyEntry(
            day=today - timedelta(days=number * 3),
            mood=1 + number % 5,
            missing_ex=number % 11,
            contact="none",
            activities=("exercise", "read"),
            note=f"bench save {number}",
        )
        started = time.perf_counter()
        tracker.save_entry(store, entry, today)
        times.append((time.perf_counter() - started) * 1000)
    if len(store.read("daily_log").frame) < 1:
        raise RuntimeError("saving entries left an empty daily log")
    return [
        Row(
            kind="save",
            figure=f"save one entry {settings.save_days:,} d",
            unit="ms",
            median=statistics.median(times),
            p95=p95(times),
            bar=SAVE_BAR_MS,
            bar_text=f"≤ {SAVE_BAR_MS:g} ms",
            days=settings.save_days,
            samples=times,
        )
    ]


DAYLIO_MOODS = ("rad", "Good", "meh", " bad ", "AWFUL")
DAYLIO_TITLES = ("", "", "", "Evening", "Long day", "Sunday")
DAYLIO_NOTES = (
    "",
    "",
    "Walked to the river.",
    'Rough morning, "again", then better.',
    "Missed them.\nWrote it down\ninstead of texting.",
    "Dinner with Sam, Priya and the others; laughed a lot.",
)
DAYLIO_EXTRA_ACTIVITIES = ("Climbing", "piano", "Board games", "cooking", "Volunteering")


def daylio_csv(days: int, today: date, seed: int = 11) -> bytes:
    """A Daylio export (newest first) of ``days`` days with 1–3 entries each, like a decade of real use."""
    rng = random.Random(seed)
    names = [a.name for a in catalogue()]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"])
    for back in range(days):
        day = today - timedelta(days=back)
        for _ in range(rng.randint(1, 3)):
            hour, minute = rng.randint(0, 23), rng.randint(0, 59)
            if rng.random() < 0.5:
                clock = f"{hour:02d}:{minute:02d}"
            else:
                clock = f"{(hour % 12) or 12}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
            picked = rng.sample(names, rng.randint(0, 4))
            if rng.random() < 0.2:
                picked.append(rng.choice(DAYLIO_EXTRA_ACTIVITIES))
            writer.writerow(
                [
                    day.isoformat(),
                    f"{day:%B} {day.day}",
                    f"{day:%A}",
                    clock,
                    rng.choice(DAYLIO_MOODS),
                    " | ".join(picked),
                    rng.choice(DAYLIO_TITLES),
                    rng.choice(DAYLIO_NOTES),
                ]
            )
    return buffer.getvalue().encode("utf-8")


def import_rows(work: Path, settings: Settings) -> list[Row]:
    say(f"importing {settings.import_days:,} days of Daylio ({settings.import_runs} runs)…")
    today = date.today()
    data = daylio_csv(settings.import_days, today)
    times: list[float] = []
    entries = 0
    for run in range(settings.import_runs):
        folder = work / f"data-import-{run}"
        folder.mkdir()
        store = Store(folder)
        started = time.perf_counter()
        parse = parse_daylio(data, today=today)
        plan = daylio_plan(store, parse)
        apply_plan(store, plan)
        times.append(time.perf_counter() - started)
        if plan.problems:
            raise RuntimeError(f"the generated Daylio file has problems: {plan.problems[0].describe()}")
        entries = parse.rows
        imported = len(store.read("daily_log").frame)
        if imported != settings.import_days:
            raise RuntimeError(f"imported {imported} days of Daylio, expected {settings.import_days}")
    return [
        Row(
            kind="import",
            figure=f"import Daylio {settings.import_days:,} d ({entries:,} entries)",
            unit="s",
            median=statistics.median(times),
            p95=p95(times),
            bar=IMPORT_BAR_S,
            bar_text=f"≤ {IMPORT_BAR_S:g} s",
            days=settings.import_days,
            samples=times,
        )
    ]


def _progress_charts(tables: Tables, period: ReportPeriod) -> int:
    """Every chart the Progress page builds for this period (its views and the five steps), as it builds them."""
    start, end = period.start, period.end
    built = [
        *views.mood_charts(tables.log, start, end),
        *views.pixel_charts(tables.log, start, end),
        *views.what_i_did_charts(tables.log, tables.custom, start, end),
        *views.checkin_charts(tables.checkins, start, end),
        *views.quiz_charts(tables.attempts, start, end),
    ]
    step_bars(model_at(tables, end).steps)
    return len(built) + 1


def report_rows(work: Path, settings: Settings) -> list[Row]:
    """The PDF report of every section over a year (``report_days``), with and without its charts' pictures,
    beside building the same charts for the Progress page in the same run."""
    days = settings.report_days
    say(f"making the PDF report of {days:,} days ({settings.report_runs} runs)…")
    tables = Tables.from_store(Store(sample_folder(work, days, "data-report")))
    period = report_period("1 year" if days >= 365 else "All", date.today(), tables.log)
    choices = Choices(SECTIONS, notes=True, quiz_reasons=True)
    charts: list[float] = []
    drawn: list[float] = []
    plain: list[float] = []
    pictures = True
    for _ in range(settings.report_runs):
        started = time.perf_counter()
        count = _progress_charts(tables, period)
        charts.append(time.perf_counter() - started)
        started = time.perf_counter()
        pictures = make_report(tables, period, choices, date.today(), sample=True).charts_drawn and pictures
        drawn.append(time.perf_counter() - started)
        started = time.perf_counter()
        make_report(tables, period, choices, date.today(), sample=True, draw_charts=False)
        plain.append(time.perf_counter() - started)
    with_charts = f"PDF report {days:,} d, every section, {count} charts" + (
        "" if pictures else " (no browser: no pictures)"
    )
    without = f"PDF report {days:,} d, every section, numbers only"
    rows = []
    for figure, times, bar in ((with_charts, drawn, REPORT_BAR_S), (without, plain, REPORT_PLAIN_BAR_S)):
        common = {"unit": "s", "days": days, "samples": times, "baseline_samples": charts}
        median = statistics.median(times)
        baseline = statistics.median(charts)
        rows.append(
            Row(
                kind="report_vs_charts" if bar == REPORT_BAR_S else "report_plain_vs_charts",
                figure=f"{figure} ÷ the Progress charts",
                median=median,
                p95=p95(times),
                baseline=baseline,
                ratio=median / baseline,
                **common,  # type: ignore[arg-type]
            )
        )
        rows.append(
            Row(
                kind="report" if bar == REPORT_BAR_S else "report_plain",
                figure=figure,
                median=median,
                p95=p95(times),
                bar=bar,
                bar_text=f"≤ {bar:g} s",
                **common,  # type: ignore[arg-type]
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Report


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "ms":
        return f"{value:,.1f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "MB":
        return f"{value:,.2f} MB"
    return f"{value:,.2f}"


def table(rows: Sequence[Row]) -> str:
    header = ("figure", "median", "p95", "baseline", "ratio", "bar", "result")
    lines = [
        (
            row.figure,
            _number(row.median, row.unit),
            _number(row.p95, row.unit),
            _number(row.baseline, row.unit),
            f"{row.ratio:.2f} ×" if row.ratio is not None else "",
            row.bar_text,
            row.result,
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def render(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([render(header), rule, *(render(cells) for cells in lines)])


def summary(rows: Sequence[Row]) -> str:
    checked = [row for row in rows if row.bar is not None]
    missed = [row for row in checked if row.result == "MISS"]
    text = f"{len(checked) - len(missed)} of {len(checked)} bars met"
    if missed:
        text += "; missed: " + "; ".join(f"{row.figure} ({row.value:.2f} vs {row.bar_text})" for row in missed)
    return text


def benchmark(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    with workspace() as work:
        parts: dict[str, Callable[[Path, Settings], list[Row]]] = {
            "save": save_rows,
            "import": import_rows,
            "round_trip": round_trip_rows,
            "memory": memory_rows,
            "chart": chart_rows,
            "report": report_rows,
        }
        for name, part in parts.items():
            if name in settings.parts:
                rows += part(work, settings)
    return rows


def parse_args(argv: Sequence[str] | None = None) -> tuple[Settings, Path | None]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a short smoke run on tiny settings (about a minute)")
    parser.add_argument("--days", help="data sizes for the round trips, e.g. 0,365,3650,36500")
    parser.add_argument("--runs", type=int, help="timed reruns per page and data size (and Chromium loads, up to 15)")
    parser.add_argument("--sessions", type=int, help="idle sessions for the memory figure")
    parser.add_argument("--json", type=Path, help="also write every figure, with its samples, to this file")
    parser.add_argument("--only", help=f"run only these parts (comma-separated) of: {','.join(PARTS)}")
    parser.add_argument(
        "--winback-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="environment for the winback servers only, to try a setting (repeatable)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else Settings()
    if args.days:
        settings = replace(settings, days=tuple(int(d) for d in args.days.split(",") if d.strip()))
    if args.runs:
        settings = replace(settings, runs=args.runs, chart_runs=max(2, min(args.runs, Settings.chart_runs)))
    if args.sessions:
        settings = replace(settings, sessions=args.sessions)
    if args.only:
        parts = tuple(part.strip() for part in args.only.split(",") if part.strip())
        unknown = [part for part in parts if part not in PARTS]
        if unknown:
            parser.error(f"unknown part {', '.join(unknown)}; choose from {', '.join(PARTS)}")
        settings = replace(settings, parts=parts)
    if args.winback_env:
        pairs = [item.partition("=") for item in args.winback_env]
        if any(not name or not sep for name, sep, _ in pairs):
            parser.error("--winback-env takes NAME=VALUE")
        settings = replace(settings, winback_env=tuple((name, value) for name, _, value in pairs))
    return settings, args.json


def main(argv: Sequence[str] | None = None) -> int:
    settings, json_path = parse_args(argv)
    started = time.perf_counter()
    try:
        rows = benchmark(settings)
    except Exception:
        traceback.print_exc()
        print("benchmark failed: see the error above", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(table(rows))
    print()
    print(summary(rows))
    print(f"({elapsed / 60:.1f} min; settings: {settings})")
    if json_path is not None:
        payload = {
            "settings": asdict(settings),
            "elapsed_s": elapsed,
            "date": date.today().isoformat(),
            "rows": [row.as_json() for row in rows],
        }
        json_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
