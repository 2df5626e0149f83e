"""Load test: N people log days at the same time through real browsers; nothing they saved may be lost.

    .venv/bin/python bench/load.py [--sessions 20] [--entries 5] [--json out.json]

Not part of the test suite (it takes minutes and measures this machine). It prints, per phase, the sessions,
entries sent, entries found afterwards in the CSV files, ``lost`` (sent − found), the p50/p95 round trip of a
save and the server's memory; the last line is ``lost: <n>``. Exit code 0 only when nothing was lost, every
planned entry was sent (a run that could not send everything has proved nothing, so it fails too) and no
entry turned up in another person's folder.

Design
------
*Two phases, each against ONE winback server* (``tests.support.devserver.running``, bound to 127.0.0.1):

1. **shared folder** — winback as it runs on one's own computer: no sign-in, so every session writes into the
   same diary (``WINBACK_DATA_DIR`` itself). This is the hardest case for lost writes: N sessions
   read-modify-write one ``daily_log.csv``.
2. **own folders** — winback with sign-in configured, where each person's diary is
   ``<root>/users/<sha256(issuer + subject)>``. A real OIDC login cannot happen offline, so the script plays
   the identity provider's part only: it writes a throw-away ``secrets.toml`` with an ``[auth]`` section and a
   random ``cookie_secret`` (passed with ``STREAMLIT_SECRETS_FILES``, nothing in the project is touched) and
   gives each browser context the identity cookie ``_streamlit_user`` exactly as Streamlit's own OIDC callback
   sets it (JSON of the claims + ``origin`` + ``is_logged_in``, signed by Streamlit's ``create_signed_value``
   with that secret). From the websocket on, everything is the real code path: Streamlit checks the
   signature and origin and fills ``st.user``; winback derives the folder from ``iss`` and ``sub``. So one
   server holds N people in N folders — no need for one server per person (which would cost N × the memory
   and would not test isolation inside one process, caches included). Its endpoints point at 127.0.0.1:9 and
   are never contacted, since nobody presses "Sign in". After the run every folder must hold its own
   person's entries and nobody else's (``foreign`` in the output).

The sample-data toggle is not used: it writes a year of sample data and is a separate folder per person.

*Browsers*: one headless Chromium (``chromium_path()``, ``CHROMIUM_ARGS``), one context (= one person, own
cookies) per session, all driven concurrently from one asyncio event loop (``asyncio.gather``); this is the
reliable choice on 2 cores (threads with one sync Playwright each would start N driver processes).
Host names other than 127.0.0.1 do not resolve in that Chromium (``--host-resolver-rules``) and the quick-exit
link points at loopback, so no traffic leaves the machine; requests the pages attempt to other hosts are
listed as blocked (they do not fail the run: they are the app's, not lost data).

*Each entry*: session ``i`` logs ``today − (i·entries + k)`` days for ``k`` in ``0..entries−1`` with the note
``load s07 e3``, so every entry is identifiable by date and note. The session types the date into the date
field (its year segment takes ``YYYYMMDD`` and moves on by itself; the value is sent only when focus leaves
the widget, so Tab twice, past the calendar button), waits until the app has rerun for the new day (the
form's reset for the new day must not arrive after the note was typed: see ``choose_day``), types the note,
then waits at a gate until every live session is ready for entry ``k`` — so the N saves of a round hit the
server at the same moment — and clicks Save. The round trip is from that click until the success alert for
that very day ("Saved …"/"Updated …") is visible. On a small machine it is dominated by the N Chromium
pages redrawing at once, so the output also gives the server's own CPU time per entry and how busy all CPUs
were. Every wait has a timeout and the whole run has a time limit (``--time-limit``, 10 minutes by default).

*Counting*: afterwards the CSV files are read with ``winback.store.Store`` (validated, like the app does)
and each sent entry counts as found when a row with its date and its note is there. Rows the reader had to
set aside are reported too. Memory is VmRSS of the streamlit process from ``/proc/<pid>/status``: before
(after one warm-up visit, so winback's modules are loaded, and with no session open), with all sessions
open (at the first Save), and after the last save (sessions still open), plus the peak (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, BrowserContext, Page, Request, async_playwright  # noqa: E402
from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from streamlit.web.server.starlette.starlette_app_utils import create_signed_value  # noqa: E402

from tests.support.browser import SETTLED  # noqa: E402
from tests.support.devserver import CHROMIUM_ARGS, Server, chromium_path, running  # noqa: E402
from winback import paths  # noqa: E402
from winback.store import Store  # noqa: E402

WAIT_MS = 90_000  # any single wait in the browser
GATE_SECONDS = 120.0  # how long a ready session waits for the others before saving anyway
FIRST_LOAD_MS = 180_000  # N pages opening at once on 2 cores
# Counts how often the page's script starts running (the attribute flips to "running" once per rerun).
COUNT_RUNS = """() => {
  if (window.winbackLoadRuns === undefined) {
    window.winbackLoadRuns = 0;
    new MutationObserver((changes) => {
      for (const c of changes) {
        if (c.target.getAttribute("data-test-script-state") === "running") window.winbackLoadRuns += 1;
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-test-script-state"] });
  }
  return window.winbackLoadRuns;
}"""
ISSUER = "https://winback-load.invalid"
USER_COOKIE = "_streamlit_user"
NOWHERE = "http://127.0.0.1:9"  # discard port: configured endpoints that are never contacted
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


@dataclass
class Entry:
    session: int
    index: int
    day: str
    note: str
    folder: str
    sent: bool = False
    confirmed: bool = False
    round_trip_ms: float | None = None
    message: str = ""


@dataclass
class Phase:
    name: str
    sessions: int
    planned: int
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    memory_kb: dict[str, int] = field(default_factory=dict)
    found: int = 0
    foreign: int = 0
    set_aside: int = 0
    other_hosts: list[str] = field(default_factory=list)
    server_log_errors: int = 0
    server_cpu_seconds: float | None = None
    machine_busy_percent: float | None = None
    seconds: float = 0.0
    completed: bool = False

    @property
    def sent(self) -> int:
        return sum(e.sent for e in self.entries)

    @property
    def confirmed(self) -> int:
        return sum(e.confirmed for e in self.entries)

    @property
    def lost(self) -> int:
        return self.sent - self.found

    def percentile(self, q: float) -> float | None:
        times = sorted(e.round_trip_ms for e in self.entries if e.round_trip_ms is not None)
        if not times:
            return None
        if len(times) == 1:
            return times[0]
        return statistics.quantiles(times, n=100, method="inclusive")[round(q) - 1]


class Gate:
    """Per round, lets the sessions through together once every live session has arrived (or after a timeout)."""

    def __init__(self, parties: int) -> None:
        self.parties = parties
        self.arrived: dict[int, int] = defaultdict(int)
        self.opened: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def wait(self, round_: int) -> None:
        self.arrived[round_] += 1
        self._check(round_)
        try:
            await asyncio.wait_for(self.opened[round_].wait(), GATE_SECONDS)
        except TimeoutError:
            self.opened[round_].set()

    def leave(self) -> None:
        """A session gave up: the others no longer wait for it."""
        self.parties -= 1
        for round_ in list(self.opened):
            self._check(round_)

    def _check(self, round_: int) -> None:
        if self.arrived[round_] >= self.parties:
            self.opened[round_].set()


def memory_kb(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


def identity_cookie(server: Server, secret: str, subject: str) -> dict[str, Any]:
    """The cookie Streamlit's OIDC callback would set for this person, signed with the deployment's secret."""
    claims = {
        "iss": ISSUER,
        "sub": subject,
        "name": subject,
        "email": f"{subject}@winback-load.invalid",
        "origin": server.url,
        "is_logged_in": True,
        "provider": "default",
    }
    value = create_signed_value(secret, USER_COOKIE, json.dumps(claims)).decode("ascii")
    return {"name": USER_COOKIE, "value": value, "url": server.url, "httpOnly": True, "sameSite": "Lax"}


def write_secrets(folder: Path, cookie_secret: str | None) -> Path:
    """A secrets.toml for this run only: empty (no sign-in) or with an [auth] section that is never used to
    contact anyone."""
    target = folder / ("secrets-auth.toml" if cookie_secret else "secrets-none.toml")
    text = "# winback load test: no secrets\n"
    if cookie_secret:
        text = (
            "[auth]\n"
            f'redirect_uri = "{NOWHERE}/oauth2callback"\n'
            f'cookie_secret = "{cookie_secret}"\n'
            'client_id = "winback-load"\n'
            'client_secret = "winback-load-unused"\n'
            f'server_metadata_url = "{NOWHERE}/.well-known/openid-configuration"\n'
        )
    target.write_text(text, encoding="utf-8")
    return target


async def settled(page: Page, timeout: float = WAIT_MS) -> None:
    await page.wait_for_selector(SETTLED, timeout=timeout)
    await page.wait_for_timeout(100)
    await page.wait_for_selector(SETTLED, timeout=timeout)


async def wait_value(page: Page, selector: str, value: str) -> None:
    await page.wait_for_function(
        "([selector, value]) => { const e = document.querySelector(selector); return e && e.value === value; }",
        arg=[selector, value],
        timeout=WAIT_MS,
    )


async def choose_day(page: Page, day: date) -> None:
    """Type the day into the date field and wait until the page has rerun for it.

    The rerun for a new day resets the form (an empty note). When the form holds a note the app knows (the
    last entry's, after saving it), that reset is visible and certain, and it must have arrived before the
    next note is typed, or it would wipe that note: so wait for the note field to empty. When the form is
    already empty the reset changes nothing that could be lost; the wait for the rerun is then best effort
    (a MutationObserver counts the script runs; a very short rerun can be batched away by React).
    """
    hidden = ".st-key-entry_day input[type='date']"
    if await page.locator(hidden).input_value() == day.isoformat():
        return
    note = ".st-key-note textarea"
    had_note = await page.locator(note).input_value() != ""
    runs = await page.evaluate(COUNT_RUNS)
    await page.locator(".st-key-entry_day [data-type='year']").click()
    await page.keyboard.type(day.strftime("%Y%m%d"))
    # The field sends its value when focus leaves the whole widget: past its calendar button to the form.
    await page.keyboard.press("Tab")
    await page.keyboard.press("Tab")
    try:
        await wait_value(page, hidden, day.isoformat())
        if had_note:
            await wait_value(page, note, "")
    except PlaywrightTimeout:
        shown = await page.locator(hidden).input_value()
        text = await page.locator(note).input_value()
        raise RuntimeError(f"the date field shows {shown}, the note field holds {text!r}") from None
    if not had_note:
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_function("n => window.winbackLoadRuns > n", arg=runs, timeout=5_000)
    await settled(page)


async def run_session(context: BrowserContext, server: Server, phase: Phase, mine: list[Entry], gate: Gate) -> None:
    page = await context.new_page()
    page.set_default_timeout(WAIT_MS)
    step = "opening the daily log"
    try:
        await page.goto(f"{server.url}/daily_log", wait_until="domcontentloaded", timeout=FIRST_LOAD_MS)
        await page.locator(".st-key-entry_day [data-type='year']").wait_for(timeout=FIRST_LOAD_MS)
        await settled(page, FIRST_LOAD_MS)
        save = page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save")
        for entry in mine:
            day = date.fromisoformat(entry.day)
            step = f"e{entry.index}: choosing {entry.day}"
            await choose_day(page, day)
            step = f"e{entry.index}: typing the note"
            note = page.locator(".st-key-note textarea")
            await note.fill(entry.note)
            await gate.wait(entry.index)
            if await note.input_value() != entry.note:  # never save a note that a late rerun changed
                phase.errors.append(f"s{entry.session:02d} e{entry.index}: the note changed before Save; typed again")
                await note.fill(entry.note)
            success = page.locator('[data-testid="stAlert"]').filter(
                has_text=re.compile(rf"(Saved|Updated) {re.escape(f'{day:%A %d %B %Y}')}")
            )
            failure = page.locator('[data-testid="stAlertContentError"], [data-testid="stException"]')
            step = f"e{entry.index}: saving {entry.day}"
            started = time.perf_counter()
            await save.click()
            entry.sent = True
            await success.or_(failure).first.wait_for(state="visible", timeout=WAIT_MS)
            took = (time.perf_counter() - started) * 1000
            if await success.count():
                entry.confirmed = True
                entry.round_trip_ms = round(took, 1)
            else:
                entry.message = " / ".join(await failure.all_inner_texts())[:300]
                phase.errors.append(f"s{entry.session:02d} e{entry.index}: the app showed: {entry.message}")
            step = f"e{entry.index}: waiting for the page to settle after saving"
            await settled(page)
    except Exception as error:  # one session failing must not stop the others; it is reported
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        phase.errors.append(f"s{mine[0].session:02d} {step}: {type(error).__name__}: {first_line}"[:300])
        gate.leave()
    finally:
        await page.close()


async def drive(
    browser: Browser, server: Server, phase: Phase, plan: list[list[Entry]], cookie_secret: str | None
) -> None:
    contexts: list[BrowserContext] = []

    def watch(request: Request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            phase.other_hosts.append(request.url[:120])

    try:
        for session in range(len(plan)):
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            context.on("request", watch)
            if cookie_secret:
                await context.add_cookies([identity_cookie(server, cookie_secret, f"load-person-{session:02d}")])  # type: ignore[list-item]
            contexts.append(context)
        gate = Gate(len(plan))
        opened = asyncio.create_task(_memory_when_open(server, phase))
        await asyncio.gather(*(run_session(c, server, phase, m, gate) for c, m in zip(contexts, plan, strict=True)))
        opened.cancel()
        phase.memory_kb.update({f"after_{k}": v for k, v in memory_kb(server.process.pid).items()})
    finally:
        for context in contexts:
            await context.close()


async def _memory_when_open(server: Server, phase: Phase) -> None:
    """Sample memory once every session's page has loaded: the moment the first Save is clicked."""
    while not any(e.sent for e in phase.entries):
        await asyncio.sleep(0.05)
    phase.memory_kb.update({f"open_{k}": v for k, v in memory_kb(server.process.pid).items()})


def plan_entries(phase: Phase, root: Path, sessions: int, entries: int, own: bool, today: date) -> list[list[Entry]]:
    plan: list[list[Entry]] = []
    for session in range(sessions):
        folder = paths.person_folder(root, ISSUER, f"load-person-{session:02d}") if own else root
        mine = [
            Entry(
                session,
                k,
                (today - timedelta(days=session * entries + k)).isoformat(),
                f"load s{session:02d} e{k}",
                str(folder),
            )
            for k in range(entries)
        ]
        plan.append(mine)
        phase.entries.extend(mine)
    return plan


def count_found(phase: Phase) -> None:
    """Read every folder as the app would and match each sent entry by its date and note."""
    by_folder: dict[str, list[Entry]] = defaultdict(list)
    for entry in phase.entries:
        by_folder[entry.folder].append(entry)
    everyone = {e.note for e in phase.entries}
    for folder, entries in by_folder.items():
        data = Store(Path(folder)).read("daily_log")
        phase.set_aside += len(data.rejected)
        rows = {(d.date().isoformat(), str(n)) for d, n in zip(data.frame["date"], data.frame["note"], strict=True)}
        phase.found += sum(1 for e in entries if e.sent and (e.day, e.note) in rows)
        mine = {e.note for e in entries}
        phase.foreign += sum(1 for _, note in rows if note in everyone and note not in mine)


def run_phase(
    name: str, sessions: int, entries: int, work: Path, deadline: float, own: bool, wanted_quick_exit: str
) -> Phase:
    phase = Phase(name, sessions, sessions * entries)
    root = (work / name.replace(" ", "-")).resolve()
    root.mkdir(parents=True)
    cookie_secret = secrets.token_hex(32) if own else None
    env = {
        "STREAMLIT_SECRETS_FILES": str(write_secrets(work, cookie_secret)),
        "WINBACK_QUICK_EXIT_URL": wanted_quick_exit,
    }
    plan = plan_entries(phase, root, sessions, entries, own, date.today())
    log = work / f"{name.replace(' ', '-')}.log"
    started = time.monotonic()
    with running(ROOT / "app.py", root, log, env=env) as server:
        remaining = deadline - time.monotonic()
        try:
            asyncio.run(asyncio.wait_for(_browse(server, phase, plan, cookie_secret), max(remaining, 1.0)))
            phase.completed = True
        except TimeoutError:
            phase.errors.append(f"time limit reached after {time.monotonic() - started:.0f} s; phase cut short")
    phase.seconds = round(time.monotonic() - started, 1)
    text = log.read_text(encoding="utf-8", errors="replace")
    phase.server_log_errors = len(re.findall(r"Traceback|Exception|ERROR", text))
    count_found(phase)
    return phase


async def _browse(server: Server, phase: Phase, plan: list[list[Entry]], cookie_secret: str | None) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=[*CHROMIUM_ARGS, LOOPBACK_ONLY]
        )
        try:
            await warm_up(browser, server, cookie_secret)
            phase.memory_kb.update({f"before_{k}": v for k, v in memory_kb(server.process.pid).items()})
            cpu_before, ticks_before = cpu_seconds(server.process.pid), machine_ticks()
            await drive(browser, server, phase, plan, cookie_secret)
            cpu_after, ticks_after = cpu_seconds(server.process.pid), machine_ticks()
            if cpu_before is not None and cpu_after is not None:
                phase.server_cpu_seconds = round(cpu_after - cpu_before, 1)
            busy, total = ticks_after[0] - ticks_before[0], ticks_after[1] - ticks_before[1]
            phase.machine_busy_percent = round(100 * busy / total, 1) if total else None
        finally:
            await browser.close()


async def warm_up(browser: Browser, server: Server, cookie_secret: str | None) -> None:
    """Open the daily log once and leave, so "before" is a server that has loaded winback but has no session."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        if cookie_secret:
            await context.add_cookies([identity_cookie(server, cookie_secret, "load-warm-up")])  # type: ignore[list-item]
        page = await context.new_page()
        await page.goto(f"{server.url}/daily_log", wait_until="domcontentloaded", timeout=FIRST_LOAD_MS)
        await page.locator(".st-key-entry_day [data-type='year']").wait_for(timeout=FIRST_LOAD_MS)
        await settled(page)
    finally:
        await context.close()
    await asyncio.sleep(2)


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def _mb(kb: int | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def report(phases: list[Phase]) -> str:
    header = (
        f"{'phase':<14} {'sessions':>8} {'sent':>5} {'confirmed':>9} {'found':>5} {'lost':>4} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'RSS before':>10} {'open':>6} {'after':>6} {'peak':>6}"
    )
    lines = [header, "-" * len(header)]
    for p in phases:
        m = p.memory_kb
        lines.append(
            f"{p.name:<14} {p.sessions:>8} {p.sent:>5} {p.confirmed:>9} {p.found:>5} {p.lost:>4} "
            f"{_ms(p.percentile(50)):>7} {_ms(p.percentile(95)):>7} {_mb(m.get('before_VmRSS')):>10} "
            f"{_mb(m.get('open_VmRSS')):>6} {_mb(m.get('after_VmRSS')):>6} {_mb(m.get('after_VmHWM')):>6}"
        )
    lines.append("(memory in MB of the streamlit process: before = winback loaded once, no session open; open = all")
    lines.append(" sessions open, at the first Save; after = after the last save, sessions still open;")
    lines.append(" peak = VmHWM; round trip = click on Save until that day's success alert is visible in Chromium)")
    for p in phases:
        folders = len({e.folder for e in p.entries})
        per_session = None
        if "open_VmRSS" in p.memory_kb and "before_VmRSS" in p.memory_kb and p.sessions:
            per_session = (p.memory_kb["open_VmRSS"] - p.memory_kb["before_VmRSS"]) / 1024 / p.sessions
        lines.append(
            f"{p.name}: {folders} folder(s), planned {p.planned}, {p.seconds:.0f} s, "
            f"{'completed' if p.completed else 'NOT completed'}; rows set aside by the reader: {p.set_aside}; "
            f"entries in a folder not their own: {p.foreign}; blocked requests to other hosts: {len(p.other_hosts)}; "
            f"error/traceback lines in the server log: {p.server_log_errors}"
            + (f"; ~{per_session:.1f} MB per open session" if per_session is not None else "")
        )
        if p.server_cpu_seconds is not None and p.sent:
            lines.append(
                f"  server CPU {p.server_cpu_seconds:.1f} s while the sessions ran "
                f"(~{1000 * p.server_cpu_seconds / p.sent:.0f} ms per entry: a rerun for the day + the save), "
                f"all CPUs {p.machine_busy_percent:.0f} % busy (server + {p.sessions} Chromium pages + this script)"
            )
        for error in p.errors[:20]:
            lines.append(f"  ! {error}")
        if len(p.errors) > 20:
            lines.append(f"  ! … and {len(p.errors) - 20} more")
        for url in sorted(set(p.other_hosts))[:5]:
            lines.append(f"  ! blocked, never left this computer: {url}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--entries", type=int, default=5, help="days each session logs (default 5)")
    parser.add_argument("--json", type=Path, help="also write the results (every entry) to this JSON file")
    parser.add_argument("--phases", choices=["both", "shared", "own"], default="both")
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds for the whole run (default 600)")
    parser.add_argument("--keep-data", action="store_true", help="keep the data folders and server logs")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.entries < 1 or args.sessions * args.entries > 3000:
        parser.error("need sessions ≥ 1, entries ≥ 1 and sessions × entries ≤ 3000 (days within the date field)")
    if chromium_path() is None:
        parser.error("no Chromium found (set WINBACK_CHROMIUM)")

    deadline = time.monotonic() + args.time_limit
    work = Path(tempfile.mkdtemp(prefix="winback-load-"))
    wanted = [("shared folder", False), ("own folders", True)]
    if args.phases != "both":
        wanted = [w for w in wanted if w[1] == (args.phases == "own")]
    print(
        f"winback load test: {args.sessions} sessions × {args.entries} entries per phase, "
        f"phases: {', '.join(n for n, _ in wanted)}; Chromium {chromium_path()}; {os.cpu_count()} CPUs; "
        f"load average {_load()}; work folder {work}",
        flush=True,
    )
    phases: list[Phase] = []
    for name, own in wanted:
        if time.monotonic() >= deadline:
            skipped = Phase(name, args.sessions, args.sessions * args.entries)
            skipped.errors.append("not run: time limit reached")
            phases.append(skipped)
            continue
        print(f"… phase {name}", flush=True)
        phases.append(run_phase(name, args.sessions, args.entries, work, deadline, own, f"{NOWHERE}/exit"))
    print(report(phases))
    print(f"load average at the end {_load()} (other programs running at the same time slow the round trips)")
    lost = sum(p.lost for p in phases)
    complete = all(p.completed and p.sent == p.planned for p in phases)
    clean = all(p.foreign == 0 for p in phases)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "sessions": args.sessions,
                    "entries_per_session": args.entries,
                    "lost": lost,
                    "complete": complete,
                    "phases": [
                        {
                            **{k: v for k, v in asdict(p).items() if k != "entries"},
                            "sent": p.sent,
                            "confirmed": p.confirmed,
                            "lost": p.lost,
                            "p50_ms": p.percentile(50),
                            "p95_ms": p.percentile(95),
                            "entries": [asdict(e) for e in p.entries],
                        }
                        for p in phases
                    ],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    ok = lost == 0 and complete and clean
    if ok and not args.keep_data:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"data folders and server logs kept in {work}")
    print(f"lost: {lost}" + ("" if complete else " (run incomplete: not every planned entry was sent)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
