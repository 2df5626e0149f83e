"""The fault suite (marker ``faults``): kill -9 mid-write, kill -9 mid-import with a second server saving,
concurrent writers, a full disk, a read-only folder and damaged files. Each case checks what the person is
told and that every row written before the fault is still there; the totals are printed as one summary line
at the end of the run."""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from tests.faults import writer
from tests.faults.tally import TALLY
from tests.imports.helpers import files
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.import_crash import Say, Wait, fork, start_import
from winback import dataio, sample, tracker
from winback.csvcodec import parse_table
from winback.imports.plan import recover_interrupted_import, undone_imports
from winback.imports.winback_zip import read_export_zip
from winback.schema import DAILY_LOG
from winback.store import StorageError, Store, clear_cache

pytestmark = pytest.mark.faults

KILL_ROUNDS = 100
TABLE_KEYS = {"daily_log": "date", "checkins": "week", "reconnect": "entry_id", "quiz_attempts": "attempt_id"}


def kill_round(folder: Path, seed: int, delay: float) -> list[str]:
    """Fork a writer, wait until it has committed a first row, SIGKILL it ``delay`` seconds later, and return
    what it reported as committed. Waiting for the first commit, not for a fixed time, is what makes a round
    prove the same thing on a busy machine: the kill still lands at a random moment in the middle of writes."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        os.close(read_end)
        try:
            writer.loop(folder, seed, lambda line: os.write(write_end, (line + "\n").encode()))
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = [_first_commit(read_end, pid)]
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return b"".join(chunks).decode().splitlines()


def _first_commit(read_end: int, pid: int) -> bytes:
    """Block until the writer reports its first committed row (a whole line); give up only if it died."""
    seen = b""
    while b"\n" not in seen:
        ready, _, _ = select.select([read_end], [], [], 600)
        chunk = os.read(read_end, 65536) if ready else b""
        if not chunk:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the writer stopped before it committed a row")
        seen += chunk
    return seen


def check_folder(folder: Path, committed: list[str]) -> int:
    """Every table reads without a problem and holds every committed key; returns the rows checked."""
    clear_cache()
    store = Store(folder)
    checked = 0
    frames = {name: store.read(name) for name in (*TABLE_KEYS, "quiz_answers")}
    for name, data in frames.items():
        assert not data.problems, (name, [p.describe() for p in data.problems])
    keys = {
        name: {str(v)[:10] if name == "daily_log" else str(v) for v in frames[name].frame[col]}
        for name, col in TABLE_KEYS.items()
    }
    answered = set(frames["quiz_answers"].frame["attempt_id"])
    for line in committed:
        table, key, _step = line.split(" ")
        if key not in keys[table]:
            TALLY.lost += 1
            raise AssertionError(f"{table} {key} was committed but is gone")
        if table == "quiz_attempts":
            assert key in answered, f"attempt {key} has no answers"
        checked += 1
    return checked


@pytest.mark.parametrize("batch", range(KILL_ROUNDS // 10))
def test_kill_9_in_the_middle_of_writes_loses_nothing(tmp_path: Path, batch: int) -> None:
    chance = random.Random(batch)
    folder = tmp_path / "person"
    total: list[str] = []
    for round_number in range(10):
        committed = kill_round(folder, batch * 10 + round_number, chance.uniform(0.0, 0.3))
        total.extend(committed)
        TALLY.rounds += 1
        TALLY.rows_checked += check_folder(folder, total)
    assert len(total) >= 10, "the writers committed almost nothing: the rounds would prove nothing"
    # The next write sweeps what the killed writers left behind.
    Store(folder).upsert(DAILY_LOG, [{"date": date(2020, 1, 1), "mood": 3, "missing_ex": 3, "contact": "none"}])
    Store(folder).sweep_all()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    TALLY.cases += 1


def test_eight_threads_and_two_processes_lose_no_writes(tmp_path: Path) -> None:
    folder = tmp_path / "person"
    folder.mkdir()
    per_writer = 20

    def rows(first: int) -> list[tracker.DailyEntry]:
        return [
            tracker.DailyEntry(date(2024, 1, 1) + timedelta(days=first + n), 3, 3, "none", (), f"w{first + n}")
            for n in range(per_writer)
        ]

    code = (
        "import sys; from datetime import date, timedelta; from pathlib import Path; "
        "from winback import tracker; from winback.store import Store\n"
        "first = int(sys.argv[2])\n"
        f"for n in range({per_writer}):\n"
        "    d = date(2024, 1, 1) + timedelta(days=first + n)\n"
        "    tracker.save_entry(Store(Path(sys.argv[1])), tracker.DailyEntry(d, 3, 3, 'none', (), f'w{first + n}'), "
        "date.max)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(folder), str(1000 + 100 * p)], env=env) for p in range(2)
    ]
    threads = [
        threading.Thread(
            target=lambda first=100 * t: [tracker.save_entry(Store(folder), e, date.max) for e in rows(first)]
        )
        for t in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for process in processes:
        assert process.wait(timeout=120) == 0
    clear_cache()
    notes = set(Store(folder).read(DAILY_LOG).frame["note"])
    expected = {f"w{100 * t + n}" for t in range(8) for n in range(per_writer)}
    expected |= {f"w{1000 + 100 * p + n}" for p in range(2) for n in range(per_writer)}
    missing = expected - notes
    TALLY.lost += len(missing)
    TALLY.rows_checked += len(expected)
    TALLY.cases += 1
    assert not missing


TWO_SERVER_ROUNDS = 6
SERVER_DAY = date(2026, 3, 10)  # "today" for both servers
# What a server does when it starts on a folder (winback.ui.session._prepare_folder), in a fresh process.
SERVER_START = (
    "import sys; from pathlib import Path; from winback.store import Store; "
    "from winback.imports.plan import recover_interrupted_import\n"
    "store = Store(Path(sys.argv[1])); store.sweep_all(); print(recover_interrupted_import(store))\n"
)


def _server_b(folder: Path, note: str, say: Say, wait: Wait) -> None:
    """A second server, already running on the folder: it started and showed the diary, then saves today's note."""
    store = Store(folder)
    store.sweep_all()
    recover_interrupted_import(store)
    store.read(DAILY_LOG)
    say("ready")
    wait()
    replaced = tracker.save_entry(store, tracker.DailyEntry(SERVER_DAY, 4, 2, "none", (), note), SERVER_DAY)
    say(f"saved {replaced}")


def two_server_round(tmp_path: Path, number: int, save_during_import: bool) -> int:
    """Server A imports an export and is killed (SIGKILL) after its first table; server B, already running,
    saves today's note (while A still holds the import, or after A is gone); then a server starts on the
    folder. Counts the rows lost (every row from before the import and B's note must be there: 0)."""
    mine = Store(tmp_path / f"mine{number}")
    sample.write_sample(mine, days=365, seed=number, today=SERVER_DAY)
    other = Store(tmp_path / f"other{number}")
    sample.write_sample(other, days=200, seed=100 + number, today=SERVER_DAY)
    plan = read_export_zip(dataio.export_zip(other), mine)
    before = files(mine.folder)
    note = f"server B, round {number}"
    server_b = fork(lambda say, wait: _server_b(mine.folder, note, say, wait))
    assert server_b.hear() == "ready"
    server_a = start_import(mine, plan, tables=1)
    assert server_a.hear() == "written"
    if save_during_import:
        server_b.tell()  # B now waits for the import lock that A holds, until A is killed
    server_a.kill()
    if not save_during_import:
        server_b.tell()
    assert server_b.hear() == "saved True"  # B said "Updated": today was already logged
    assert server_b.finish() == 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    subprocess.run([sys.executable, "-c", SERVER_START, str(mine.folder)], env=env, check=True, timeout=120)

    clear_cache()
    after = files(mine.folder)
    lost = 0
    for name, old in before.items():
        if name == DAILY_LOG.filename or name.endswith(".json"):
            continue
        lost += 0 if after.get(name) == old else len(old.splitlines()) - 1
    log = parse_table(DAILY_LOG, after[DAILY_LOG.filename]).frame
    earlier = parse_table(DAILY_LOG, before[DAILY_LOG.filename]).frame
    today = pd.Timestamp(SERVER_DAY)
    kept = log[log["date"] != today].reset_index(drop=True)
    lost += 0 if kept.equals(earlier[earlier["date"] != today].reset_index(drop=True)) else len(earlier)
    lost += 0 if list(log[log["date"] == today]["note"]) == [note] else 1
    lost += 0 if after.get("settings.json") == before.get("settings.json") else 1
    TALLY.rows_checked += len(earlier) + sum(len(b.splitlines()) - 1 for n, b in before.items() if n.endswith(".csv"))
    TALLY.rounds += 1
    TALLY.lost += lost
    assert lost == 0, f"round {number}: {lost} rows lost"
    assert [u.kept for u in undone_imports(mine)] == [()]  # undone by B's save, and the person will be told
    return lost


def test_a_server_killed_mid_import_never_costs_another_servers_save(tmp_path: Path) -> None:
    for number in range(TWO_SERVER_ROUNDS):
        two_server_round(tmp_path, number, save_during_import=number % 2 == 1)
    TALLY.cases += 1


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KB tmpfs, so a save really runs out of space (mounting needs root, which CI has)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; CI runs as root, so this case runs there")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_shows_a_clear_message_and_keeps_every_row(
    tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WINBACK_DATA_DIR", str(tiny_disk))
    store = Store(tiny_disk)
    saved = [tracker.DailyEntry(date(2026, 1, 1) + timedelta(days=n), 3, 3, "none", (), "n" * 300) for n in range(200)]
    for entry in saved:
        tracker.save_entry(store, entry, date.max)
    before = (tiny_disk / "daily_log.csv").read_bytes()
    descriptor = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(descriptor, b"x" * 4096):
            pass
    except OSError:
        pass  # the disk is full now
    finally:
        os.close(descriptor)
    with pytest.raises(StorageError, match="the disk is full"):
        tracker.save_entry(store, tracker.DailyEntry(date(2026, 12, 1), 5, 0, "none", (), "n" * 1500), date.max)
    app = open_page(PAGE_FILES["Daily log"])
    app.text_area(key="note").input("z" * 1900)
    app.button[0].click().run()
    assert "the disk is full" in texts(app)
    assert "Nothing was changed" in texts(app)
    assert (tiny_disk / "daily_log.csv").read_bytes() == before
    assert [p.name for p in tiny_disk.iterdir() if p.name.endswith(".tmp")] == []
    clear_cache()
    assert len(Store(tiny_disk).read(DAILY_LOG).frame) == len(saved)
    TALLY.rows_checked += len(saved)
    TALLY.cases += 1


def test_a_read_only_folder_shows_a_clear_message_and_keeps_every_row(tmp_path: Path) -> None:
    """Run as a user who may not write (root ignores permissions, so as root the writer becomes nobody)."""
    outer = Path(tempfile_dir())
    try:
        folder = outer / "person"
        store = Store(folder)
        store.upsert(DAILY_LOG, [{"date": date(2026, 1, 1), "mood": 3, "missing_ex": 3, "contact": "none"}])
        before = (folder / "daily_log.csv").read_bytes()
        for path in folder.iterdir():
            path.chmod(0o644)
        folder.chmod(0o555)
        outer.chmod(0o755)
        code = (
            "import sys; from datetime import date; from pathlib import Path; from winback import tracker\n"
            "from winback.store import Store, StorageError\n"
            "try:\n"
            "    tracker.save_entry(Store(Path(sys.argv[1])), tracker.DailyEntry(date(2026, 1, 2), 4, 2, 'none'), "
            "date.max)\n"
            "except StorageError as error:\n"
            "    print(error)\n"
        )
        command = [sys.executable, "-c", code, str(folder)]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
        assert "may not write in that folder" in result.stdout, (result.stdout, result.stderr)
        assert "Nothing was changed" in result.stdout
        assert (folder / "daily_log.csv").read_bytes() == before
        TALLY.rows_checked += 1
        TALLY.cases += 1
    finally:
        for path in outer.rglob("*"):
            path.chmod(0o755)
        shutil.rmtree(outer, ignore_errors=True)


def tempfile_dir() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="winback-readonly-")


GOOD_ROWS = "2026-01-01,3,4,none,read,first\n2026-01-02,4,3,none,,second\n"
HEADER = "date,mood,missing_ex,contact,activities,note\n"


@pytest.mark.parametrize(
    ("name", "content", "seen"),
    [
        ("corrupt row", (HEADER + GOOD_ROWS + "2026-01-03,9,3,none,,bad\n").encode(), "line 4: mood 9 is above 5"),
        ("partial last line", (HEADER + GOOD_ROWS + "2026-01-04,3,3,no").encode(), "line 4: has 4 fields"),
        ("utf-8 bom", b"\xef\xbb\xbf" + (HEADER + GOOD_ROWS).encode(), None),
        ("latin-1", (HEADER + GOOD_ROWS + "2026-01-05,3,3,none,,café\n").encode("latin-1"), "read it as Latin-1"),
        ("nul bytes", (HEADER + GOOD_ROWS).encode() + b"2026-01-06,3,3,none,,a\x00b\n", "NUL bytes"),
        (
            "200,000-character field",
            (HEADER + GOOD_ROWS + "2026-01-07,3,3,none,," + "x" * 200_000 + "\n").encode(),
            "200,000 characters; the limit is 2,000",
        ),
    ],
)
def test_damaged_files_are_reported_and_keep_every_good_row(
    data_dir: Path, name: str, content: bytes, seen: str | None
) -> None:
    (data_dir / "daily_log.csv").write_bytes(content)
    app = open_page(PAGE_FILES["Daily log"])
    app.segmented_control(key="history_period").set_value("All").run()
    assert not app.exception, name
    shown = texts(app)
    if seen is None:
        assert not app.warning, name
    else:
        assert "could not be read" in shown or "Latin-1" in shown or "NUL" in shown, name
        assert seen in shown, (name, shown[-500:])
    notes = set(app.dataframe[0].value["Note"])
    assert {"first", "second"} <= notes, name
    # Saving again keeps the good rows and sets the bad ones aside instead of dropping them.
    app.button[0].click().run()
    clear_cache()
    kept = set(Store(data_dir).read(DAILY_LOG).frame["note"])
    assert {"first", "second"} <= kept, name
    if seen is not None and "Latin-1" not in seen and "NUL" not in seen:
        assert (data_dir / "daily_log.rejected.csv").exists(), name
    TALLY.rows_checked += 2
    TALLY.cases += 1
