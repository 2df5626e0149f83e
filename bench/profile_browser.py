"""Where a page's time goes in Chromium: main-thread busy time and JavaScript self time by script, per load.

    .venv/bin/python bench/profile_browser.py progress --days 365 --runs 5

A winback server runs on a temporary folder with ``--days`` of sample data, and the trivial page beside it
at the same path. Each is warmed twice, then opened ``--runs`` times from a blank tab, once with Chromium's
trace on (the sum of the renderer main thread's top-level tasks: what the page costs the browser, less
noisy than wall time) and once under the CPU profiler (self time by script file: Streamlit's frontend,
its Plotly chunk, "(program)" for parsing, compiling, style and layout). It prints medians per load. The
profiler and the trace slow the page down, so these numbers explain ``bench/run.py``'s figures; they do not
replace them.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.browser import SETTLED  # noqa: E402
from tests.support.devserver import CHROMIUM_ARGS, chromium_path, running  # noqa: E402
from winback.sample import write_sample  # noqa: E402
from winback.store import Store  # noqa: E402

DRAWN = """(expected) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const svgs = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg')];
  return svgs.length >= expected;
}"""
TRACE_CATEGORIES = ["devtools.timeline", "toplevel", "disabled-by-default-devtools.timeline"]


def _open(tab: Any, url: str, charts: int) -> float:
    tab.goto("about:blank")
    started = time.perf_counter()
    tab.goto(url, wait_until="commit")
    if charts:
        tab.wait_for_function(DRAWN, arg=charts, timeout=120_000)
    else:
        tab.wait_for_selector(SETTLED, timeout=120_000)
    return (time.perf_counter() - started) * 1000


def _main_thread_ms(trace: bytes) -> float:
    events = json.loads(trace)["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    main = {key for key, name in names.items() if name == "CrRendererMain"}
    busy: float = sum(
        e["dur"] / 1000
        for e in events
        if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and e.get("name") == "RunTask"
    )
    return busy


def _self_time_by_script(profile: dict[str, Any]) -> collections.Counter[str]:
    nodes = {node["id"]: node for node in profile["nodes"]}
    spent: collections.Counter[str] = collections.Counter()
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]["callFrame"]
        script = frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "(native)"
        spent[script] += delta / 1000
    return spent


def profile(browser: Any, url: str, runs: int) -> None:
    tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    for _ in range(2):
        tab.goto(url)
        tab.wait_for_selector(SETTLED, timeout=120_000)
        tab.wait_for_timeout(1500)
    charts = int(tab.evaluate("document.querySelectorAll('[data-testid=\"stPlotlyChart\"]').length"))
    walls: list[float] = []
    busy: list[float] = []
    scripts: collections.Counter[str] = collections.Counter()
    cdp = tab.context.new_cdp_session(tab)
    for _ in range(runs):
        browser.start_tracing(page=tab, categories=TRACE_CATEGORIES)
        walls.append(_open(tab, url, charts))
        busy.append(_main_thread_ms(browser.stop_tracing()))
        cdp.send("Profiler.enable")
        cdp.send("Profiler.start")
        _open(tab, url, charts)
        scripts.update(_self_time_by_script(cdp.send("Profiler.stop")["profile"]))
    print(f"{url}  ({charts} chart{'' if charts == 1 else 's'} drawn)")
    print(f"  wall, traced        {statistics.median(walls):7.1f} ms")
    print(f"  main thread busy    {statistics.median(busy):7.1f} ms")
    for script, ms in scripts.most_common(10):
        print(f"  {script[:40]:40s} {ms / runs:7.1f} ms")
    tab.context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "page", help="URL path of a winback page without the slash: progress, daily_log, … ('' for Today)"
    )
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="winback-profile-") as tmp:
        work = Path(tmp)
        data = work / "data"
        data.mkdir()
        if args.days:
            write_sample(Store(data), days=args.days)
        (work / "trivial").mkdir()
        with (
            running(ROOT / "app.py", data, work / "winback.log") as app,
            running(ROOT / "bench" / "trivial.py", work / "trivial", work / "trivial.log") as trivial,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                profile(browser, f"{trivial.url}/{args.page}", args.runs)
                profile(browser, f"{app.url}/{args.page}", args.runs)
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
