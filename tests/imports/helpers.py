"""What the import tests share: fixed dates, the Daylio fixtures, folders to import into, and ways to compare.

Daylio fixtures (tests/fixtures/daylio_*.csv) are written by hand for these tests: renamed mood labels with
stray spaces and case, several entries a day, 12- and 24-hour times, quoted multi-line notes, catalogue
activities by name, id and odd spacing, and new ones. Physical lines in daylio_new.csv: header 1; 03-03
entries at 2–3, 4, 5; 03-02 at 6, 7; 03-01 at 8; 02-28 at 9–11; 02-27 at 12.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from winback import dataio, sample
from winback.imports.daylio import DaylioDay, DaylioParse, parse_daylio
from winback.imports.plan import BACKUP_PREFIX, ImportPlan, ImportProblem
from winback.imports.winback_zip import read_export_zip
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, SETTINGS_FILE, TABLES
from winback.store import Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = date(2026, 3, 10)
MAPPED = {"super": 5, "Okay-ish ": 3}
DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(data: bytes, mood_map: Mapping[str, int] | None = None) -> DaylioParse:
    return parse_daylio(data, mood_map, today=TODAY)


def by_day(result: DaylioParse) -> dict[str, DaylioDay]:
    return {d.day.isoformat(): d for d in result.entries}


def files(folder: Path) -> dict[str, bytes]:
    """Every table and the settings as bytes (lock files hold nothing)."""
    names = [*(t.filename for t in TABLES.values()), SETTINGS_FILE]
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}


def backups(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(BACKUP_PREFIX)]


def messages(problems: tuple[ImportProblem, ...]) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


def seed_store(folder: Path) -> Store:
    store = Store(folder)
    store.upsert(
        DAILY_LOG,
        [
            {
                "date": date(2026, 3, 2),
                "mood": 1,
                "missing_ex": 8,
                "contact": "we_talked",
                "activities": ("walk_outside", "read"),
                "note": "My own note",
            },
            {
                "date": date(2026, 2, 27),
                "mood": 5,
                "missing_ex": 2,
                "contact": "none",
                "activities": ("did_what_i_love", "exercise"),
                "note": "Good day. =1+1 is just a note",
            },
        ],
    )
    store.upsert(
        CUSTOM_ACTIVITIES,
        [
            {"activity_id": "custom_friends", "name": "Friends from work", "area": "Social", "retired": False},
            {"activity_id": "custom_kitchen", "name": "cooking", "area": "Body", "retired": False},
        ],
    )
    return store


# The daily log's header, for tables written by hand into a zip.
HEADER = b"date,mood,missing_ex,contact,activities,note\n"


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def two_people(tmp_path: Path) -> tuple[Store, ImportPlan, dict[str, bytes]]:
    mine = Store(tmp_path / "mine")
    sample.write_sample(mine, days=365, seed=7, today=TODAY)
    other = Store(tmp_path / "other")
    sample.write_sample(other, days=200, seed=8, today=TODAY)
    plan = read_export_zip(dataio.export_zip(other), mine)
    assert plan.can_apply
    return mine, plan, files(mine.folder)
