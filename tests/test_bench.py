"""bench/run.py --quick produces every figure of SPEC §10 as a number: a smoke test, never a timing check."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.devserver import ROOT
from winback import sitemap

pytestmark = [pytest.mark.e2e, pytest.mark.bench]

PAGES = tuple(f"/{page.url_path}" for page in sitemap.PAGES)


@pytest.mark.timeout(240)
def test_the_quick_benchmark_reports_every_figure_with_numbers(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=230,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = report["rows"]
    days = report["settings"]["days"]

    def numbers(row: dict[str, object], *names: str) -> None:
        for name in names:
            value = row[name]
            assert isinstance(value, int | float) and math.isfinite(value), (row["figure"], name, value)

    kinds = [row["kind"] for row in rows]
    for kind in (
        "save",
        "import",
        "memory",
        "memory_trivial",
        "progress_chromium",
        "progress_chromium_vs_root",
        "progress_chromium_vs_empty",
        "trivial_chromium",
        "trivial_chromium_root",
        "report",
        "report_plain",
        "report_vs_charts",
        "report_plain_vs_charts",
    ):
        assert kinds.count(kind) == 1, kind
    round_trips = {(row["days"], row["page"]): row for row in rows if row["kind"] == "round_trip"}
    assert set(round_trips) == {(d, page) for d in days for page in PAGES}
    trivial = [row for row in rows if row["kind"] == "round_trip_trivial"]
    assert sorted(row["days"] for row in trivial) == sorted(days)

    for row in rows:
        numbers(row, "median", "value")
        assert row["result"] in {"PASS", "MISS", "info"}
        assert row["samples"], row["figure"]
        assert row["figure"] in done.stdout
    assert any(row["kind"] == "progress_view_opened" for row in rows), "opening a chart view is timed"
    for row in [*round_trips.values(), *(r for r in rows if r["kind"].startswith("progress_chromium"))]:
        numbers(row, "p95", "baseline", "ratio")
        assert row["baseline_samples"], row["figure"]
    for row in rows:
        if row["kind"] in {"save", "import", "memory", "progress_chromium"} or (
            row["kind"] == "round_trip" and row["days"] in (3650, 36500)
        ):
            assert row["bar"] is not None, row["figure"]
    assert "bars met" in done.stdout
