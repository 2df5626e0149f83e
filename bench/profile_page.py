"""Profile reruns of one winback page with pyinstrument: where a page's server time goes, by function.

    .venv/bin/pip install pyinstrument      # not in the requirements: only this helper uses it
    .venv/bin/python bench/profile_page.py progress --days 3650 --runs 20 [--html out.html]

The page runs in Streamlit's AppTest (``app.py`` with the page switched to), on a temporary data folder with
``--days`` of sample data, once to warm caches and then ``--runs`` times under the profiler. The profiler
runs inside the script thread, so it sees the page script, Streamlit's element code (Plotly's JSON encoding
included) and Streamlit's post-script ``gc.collect(2)``. Not seen: sending the messages over the websocket.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("page", help="page file name without .py: today, quiz, daily_log, progress, …")
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    parser.add_argument("--show-all", action="store_true", help="keep library frames in the text report")
    parser.add_argument("--flat", action="store_true", help="a flat list of functions by total time instead of a tree")
    args = parser.parse_args()

    try:
        from pyinstrument import Profiler
        from pyinstrument.renderers import ConsoleRenderer
        from pyinstrument.session import Session
    except ImportError:
        print("pyinstrument is not installed: .venv/bin/pip install pyinstrument", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="winback-profile-"))
    os.environ["WINBACK_DATA_DIR"] = str(folder)
    os.chdir(ROOT)

    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    from winback.sample import write_sample
    from winback.store import Store

    if args.days:
        write_sample(Store(folder), days=args.days)

    sessions: list[Session] = []
    profiling = False
    original = LocalScriptRunner._run_script_thread

    def profiled(self: Any) -> None:
        if not profiling:
            original(self)
            return
        profiler = Profiler(interval=0.0005)
        profiler.start()
        try:
            original(self)
        finally:
            sessions.append(profiler.stop())

    LocalScriptRunner._run_script_thread = profiled  # type: ignore[method-assign]

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    app.run()
    if args.page not in ("", "today"):
        app.switch_page(f"pages/{args.page}.py")
    app.run()
    app.run()
    if app.exception:
        print(f"the page raised: {app.exception[0].message}", file=sys.stderr)
        return 1
    profiling = True
    started = time.perf_counter()
    for _ in range(args.runs):
        app.run()
    elapsed = time.perf_counter() - started
    profiling = False

    combined = sessions[0]
    for session in sessions[1:]:
        combined = Session.combine(combined, session)
    profiler = Profiler()
    profiler._last_session = combined
    print(f"{args.page} at {args.days:,} days: {len(sessions)} reruns, {elapsed / args.runs * 1000:.1f} ms each")
    renderer = ConsoleRenderer(
        unicode=True,
        show_all=args.show_all,
        flat=args.flat,
        flat_time="total",
        time="percent_of_total",
    )
    print(profiler.output(renderer))
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
