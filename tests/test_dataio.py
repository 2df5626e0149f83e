"""Export every file byte for byte; a spreadsheet CSV no spreadsheet can run; a reminder calendar file; delete
everything the person has, and nothing of anyone else's."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from winback import dataio, sample
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG, TABLES
from winback.store import Store
from winback.vocab import MOOD_WORDS


def test_export_zip_holds_every_file_byte_for_byte(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=200, today=date(2026, 6, 1))
    archive = zipfile.ZipFile(io.BytesIO(dataio.export_zip(store)))
    names = set(archive.namelist())
    assert names == {t.filename for t in TABLES.values() if store.path(t).exists()} | {"settings.json"}
    for name in names:
        assert archive.read(name) == (tmp_path / name).read_bytes()


def test_delete_everything_removes_files_and_sample_but_not_other_people(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=date(2026, 6, 1))
    sample.write_sample(Store(tmp_path / "sample"), days=30, today=date(2026, 6, 1))
    sample.switch(tmp_path, True)
    other = tmp_path / "users" / "abc"
    other.mkdir(parents=True)
    (other / "daily_log.csv").write_text("kept", encoding="utf-8")
    (tmp_path / ".daily_log.csv.x1.tmp").write_text("stale", encoding="utf-8")
    removed = dataio.delete_everything(store)
    assert removed >= len(TABLES)
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []
    assert not (tmp_path / "sample").exists()
    assert not sample.mode_on(tmp_path), "winback starts fresh: on the person's own diary"
    assert (other / "daily_log.csv").read_text(encoding="utf-8") == "kept"
    assert store.read("daily_log").frame.empty


def test_an_export_never_carries_the_sample_switch(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=date(2026, 6, 1))
    sample.switch(tmp_path, True)
    for folder in (tmp_path, tmp_path / "sample"):
        names = zipfile.ZipFile(io.BytesIO(dataio.export_zip(Store(folder)))).namelist()
        assert sample.SAMPLE_MODE_FILE not in names


@pytest.mark.parametrize(
    ("kind", "is_sample", "name"),
    [
        ("zip", False, "winback-2026-03-01.zip"),
        ("zip", True, "winback-sample-2026-03-01.zip"),
        ("spreadsheet", False, "winback-daily-log-2026-03-01.csv"),
        ("spreadsheet", True, "winback-sample-daily-log-2026-03-01.csv"),
    ],
)
def test_export_file_names_say_when_the_data_is_the_sample(kind: dataio.ExportKind, is_sample: bool, name: str) -> None:
    assert dataio.export_file_name(kind, date(2026, 3, 1), sample=is_sample) == name


@pytest.mark.parametrize(
    ("kind", "is_sample", "name"),
    [
        ("zip", False, "notes-2026-12-01.zip"),
        ("zip", True, "notes-sample-2026-12-01.zip"),
        ("spreadsheet", False, "notes-2026-12-01.csv"),
        ("spreadsheet", True, "notes-sample-2026-12-01.csv"),
    ],
)
def test_disguised_export_file_names_are_notes(kind: dataio.ExportKind, is_sample: bool, name: str) -> None:
    assert dataio.export_file_name(kind, date(2026, 12, 1), sample=is_sample, disguised=True) == name


@pytest.mark.timeless
@pytest.mark.parametrize(
    ("period", "is_sample", "disguised", "name"),
    [
        ("30-days", False, False, "winback-report-30-days.pdf"),
        ("year", True, False, "winback-sample-report-year.pdf"),
        ("2026-01-01-to-2026-03-31", False, False, "winback-report-2026-01-01-to-2026-03-31.pdf"),
        ("all", False, True, "notes-all.pdf"),
        ("90-days", True, True, "notes-sample-90-days.pdf"),
    ],
)
def test_the_report_is_named_for_its_period_the_sample_and_the_disguise(
    period: str, is_sample: bool, disguised: bool, name: str
) -> None:
    assert dataio.report_file_name(period, sample=is_sample, disguised=disguised) == name


def test_a_disguised_reminder_is_just_a_reminder() -> None:
    stamp = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    data = dataio.reminder_ics(time(21, 0), date(2026, 3, 10), stamp=stamp, title=" ", disguised=True)
    parts = components(unfold(data))
    assert parts["VEVENT"]["SUMMARY"] == "Reminder" and parts["VALARM"]["DESCRIPTION"] == "Reminder"
    assert parts["VCALENDAR"]["PRODID"] == "-//Reminder//EN"
    # The UID stays as it was, so a new file still updates the reminder imported before; no calendar shows it.
    assert b"check-in" not in data.lower().replace(dataio.REMINDER_UID.encode(), b"")
    assert b"winback" not in data.lower()
    assert dataio.reminder_file_name(disguised=True) == "reminder.ics"
    assert dataio.reminder_file_name(disguised=False) == "check-in-reminder.ics"
    typed = dataio.reminder_ics(time(21, 0), date(2026, 3, 10), stamp=stamp, title="Tea", disguised=True)
    assert components(unfold(typed))["VEVENT"]["SUMMARY"] == "Tea", "a title the person typed is kept"


# Spreadsheet-safe CSV


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3", "'-2+3"),
        ("-3", "'-3"),
        ("@cmd", "'@cmd"),
        ("\tled by a tab", "'\tled by a tab"),
        ("\rled by a CR", "'\rled by a CR"),
        ("\0led by NUL", "'\0led by NUL"),
        ("fine = fine", "fine = fine"),
        ("", ""),
        ("'already quoted", "'already quoted"),
    ],
)
def test_text_that_a_spreadsheet_could_run_is_neutralised(text: str, safe: str) -> None:
    assert dataio.neutralise_cell(text) == safe


@pytest.mark.parametrize(
    "text",
    [" =1+1", "\n=1+1", "\r\n=1+1", "  \t+SUM(A1)", "\t\r -2+3", "\u00a0@cmd", "\u3000=1", "\ufeff=1", "\u200b=1"],
    ids=["space", "newline", "crlf", "spaces-tab", "tab-cr-space", "nbsp", "ideographic-space", "bom", "zero-width"],
)
def test_a_formula_after_blanks_is_neutralised_too(text: str) -> None:
    assert dataio.neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["  plain", "\n\nnote", " 3 = 3", "\u00a0", "   "])
def test_text_whose_first_non_blank_is_not_a_formula_is_left_alone(text: str) -> None:
    assert dataio.neutralise_cell(text) == text


@pytest.mark.parametrize("number", [-3, -3.5, 0, 5, 1e9])
def test_numbers_are_never_touched(number: float) -> None:
    assert dataio.neutralise_cell(number) is number


def day(when: date, note: str, activities: tuple[str, ...] = (), mood: int = 3) -> dict[str, object]:
    return {"date": when, "mood": mood, "missing_ex": 7, "contact": "none", "activities": activities, "note": note}


def test_spreadsheet_csv_neutralises_text_cells_and_leaves_numbers(tmp_path: Path) -> None:
    store = Store(tmp_path)
    notes = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTabbed", "\rCR first", "just text, with a comma"]
    store.upsert(DAILY_LOG, [day(date(2026, 1, 1 + i), note) for i, note in enumerate(notes)])
    store.upsert(DAILY_LOG, [day(date(2026, 1, 20), "", ("custom_x", "read", "retired_long_ago"), mood=1)])
    store.upsert(
        CUSTOM_ACTIVITIES,
        [{"activity_id": "custom_x", "name": '=HYPERLINK("http://example.com")', "area": "Joy", "retired": False}],
    )
    data = dataio.spreadsheet_csv(store)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(dataio.SPREADSHEET_COLUMNS)
    assert [r[6] for r in rows[1:8]] == [
        "'=1+1",
        "'+SUM(A1:A9)",
        "'-2+3",
        "'@cmd",
        "'\tTabbed",
        "'\rCR first",
        "just text, with a comma",
    ]
    last = rows[-1]
    assert last[:5] == ["2026-01-20", "1", MOOD_WORDS[1], "7", "none"]
    assert last[5] == '\'=HYPERLINK("http://example.com"), Read, retired_long_ago'
    # Numbers are written as numbers (unquoted), text quoted.
    assert f'"2026-01-20",1,"{MOOD_WORDS[1]}",7,"none",' in text


def test_spreadsheet_csv_of_an_empty_store_is_just_the_header(tmp_path: Path) -> None:
    assert dataio.spreadsheet_csv(Store(tmp_path)).decode("utf-8-sig") == (
        '"date","mood","mood_label","missing_ex","contact","activities","note"\r\n'
    )


# Reminder .ics


def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    return text[:-2].replace("\r\n ", "").split("\r\n")


def components(lines: list[str]) -> dict[str, dict[str, str]]:
    """Properties per component, after checking every BEGIN has its END in order."""
    stack: list[str] = []
    found: dict[str, dict[str, str]] = {}
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            found[value] = {}
        elif name == "END":
            assert stack and stack.pop() == value
        else:
            assert stack, f"{line!r} is outside any component"
            found[stack[-1]][name.split(";")[0]] = value
    assert stack == []
    return found


def test_reminder_is_a_well_formed_daily_event_with_an_alert() -> None:
    stamp = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    data = dataio.reminder_ics(time(21, 5), date(2026, 3, 10), stamp=stamp)
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    parts = components(lines)
    assert set(parts) == {"VCALENDAR", "VEVENT", "VALARM"}
    assert parts["VCALENDAR"]["VERSION"] == "2.0"
    assert parts["VCALENDAR"]["PRODID"]
    event = parts["VEVENT"]
    assert event["UID"] == dataio.REMINDER_UID
    assert event["DTSTAMP"] == "20260310T120000Z"
    assert event["DTSTART"] == "20260310T210500"  # floating: no Z, no TZID
    assert "DTSTART;TZID" not in data.decode()
    assert event["RRULE"] == "FREQ=DAILY"
    assert event["SUMMARY"] == "Daily check-in"
    assert "DESCRIPTION" not in event
    assert parts["VALARM"] == {"ACTION": "DISPLAY", "DESCRIPTION": "Daily check-in", "TRIGGER": "PT0S"}
    assert b"winback" not in data.lower()


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Water the plants", "Water the plants"),
        ("  ", "Daily check-in"),
        ("Tea;\u0000 time, now", "Tea; time, now"),
        ("x" * 80, "x" * 60),
    ],
)
def test_reminder_title_is_the_persons_own_and_nothing_else(typed: str, title: str) -> None:
    data = dataio.reminder_ics(time(7, 0), date(2026, 3, 10), title=typed)
    event = components(unfold(data))["VEVENT"]
    assert event["SUMMARY"] == dataio.ics_text(title)
    assert "DESCRIPTION" not in event
    assert dataio.reminder_title(typed) == title


def test_reminder_uid_is_stable_and_the_file_holds_nothing_but_the_time() -> None:
    stamp = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    morning = dataio.reminder_ics(time(8, 0), date(2026, 3, 1), stamp=stamp)
    evening = dataio.reminder_ics(time(22, 30), date(2026, 4, 2), stamp=stamp)
    assert components(unfold(morning))["VEVENT"]["UID"] == components(unfold(evening))["VEVENT"]["UID"]
    assert morning.replace(b"20260301T080000", b"X").replace(b"20260301T081000", b"Y") == evening.replace(
        b"20260402T223000", b"X"
    ).replace(b"20260402T224000", b"Y")


def test_reminder_time_zone_is_only_a_checked_hint() -> None:
    data = dataio.reminder_ics(time(21, 0), date(2026, 3, 10), "Europe/London")
    assert "X-WR-TIMEZONE:Europe/London" in unfold(data)
    with pytest.raises(ValueError, match="not a time zone"):
        dataio.reminder_ics(time(21, 0), date(2026, 3, 10), "Mars/Olympus")


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    line = "DESCRIPTION:" + "Zeit für dich — 🙂 " * 12
    folded = dataio.ics_fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 2
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line
    assert dataio.ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_delete_everything_leaves_files_that_are_not_winbacks(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=date(2026, 6, 1))
    (tmp_path / "daily_log.rejected.csv").write_text("set_aside_at,line,problem,row\n", encoding="utf-8")
    (tmp_path / ".daily_log.csv.abc123.tmp").write_text("half a write", encoding="utf-8")
    (tmp_path / "my-thesis.docx").write_bytes(b"years of work")
    (tmp_path / "notes.csv").write_text("not winback's\n", encoding="utf-8")
    removed = dataio.delete_everything(store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-thesis.docx", "notes.csv"]
    assert removed >= 3
    assert (tmp_path / "my-thesis.docx").read_bytes() == b"years of work"


def test_delete_everything_that_cannot_remove_a_file_stops_there_and_says_how_far_it_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from winback.store import StorageError

    store = Store(tmp_path)
    sample.write_sample(store, days=30, today=date(2026, 3, 1))
    real_unlink = Path.unlink
    removed: list[str] = []

    def unlink_one_then_refuse(path: Path, missing_ok: bool = False) -> None:
        # Lock files go freely (they are not the person's and not counted); one table goes, then a refusal.
        if removed and not path.name.endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_unlink(path, missing_ok=missing_ok)
        if not path.name.endswith(".lock"):
            removed.append(path.name)

    monkeypatch.setattr(Path, "unlink", unlink_one_then_refuse)
    with pytest.raises(StorageError) as refused:
        dataio.delete_everything(store)
    assert str(refused.value) == (
        "Could not delete everything: winback may not write in that folder. 1 file already deleted; "
        "the rest is as it was."
    )
    monkeypatch.undo()
    assert len(store.files()) > 0 and removed[0] not in [p.name for p in store.files()]
