"""Opening an uploaded zip without trusting it (winback.imports.unzip): a zip bomb is refused from what the
zip declares, before anything is unpacked, in well under two seconds and 50 MB; every member is read with a
hard cap; and a zip that would make winback list millions of problems shows the first fifty."""

from __future__ import annotations

import io
import json
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.imports.helpers import HEADER, ROOT, messages, zip_of
from winback import dataio, sample
from winback.imports import winback_zip
from winback.imports.plan import MEGABYTE, megabytes
from winback.imports.unzip import MAX_RATIO, MAX_UNPACKED_BYTES, unpack
from winback.imports.winback_zip import read_export_zip
from winback.store import Store

# Zip bombs are a matter of bytes, not of dates: run once, not again in each time zone.
pytestmark = pytest.mark.timeless

BOMB_ROW = b"2026-01-01,3,4,none,,the same day again\n"
CHUNK_ROWS = 25_000


def write_bomb(target: Path | io.BytesIO, unpacked: int, before: dict[str, bytes] | None = None) -> None:
    """A zip whose daily log (or checkins, after ``before``) repeats one row to ``unpacked`` bytes, written in
    chunks so the test never holds the bomb itself."""
    name = "checkins.csv" if before else "daily_log.csv"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content in (before or {}).items():
            archive.writestr(member, content)
        with archive.open(name, "w") as handle:
            handle.write(HEADER)
            chunk = BOMB_ROW * CHUNK_ROWS
            for _ in range(unpacked // len(chunk)):
                handle.write(chunk)


def write_padded_bomb(target: Path, unpacked: int, padding: int) -> None:
    """A bomb that declares itself loosely packed: its Deflate stream is followed, inside the member, by
    ``padding`` random bytes that zipfile never reads, so the declared sizes pack only about 10 times."""
    name = b"daily_log.csv"
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    parts, crc, size = [packer.compress(HEADER)], zlib.crc32(HEADER), len(HEADER)
    chunk = BOMB_ROW * CHUNK_ROWS
    while size < unpacked:
        parts.append(packer.compress(chunk))
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    body = b"".join([*parts, packer.flush(), os.urandom(padding)])
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0) + name
    central = struct.pack(
        "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0, 0, 0, 0, 0, 0
    )
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), len(local) + len(body), 0)
    target.write_bytes(local + body + central + name + end)


def write_loose_bomb(target: Path, unpacked: int) -> None:
    """A daily log of ``unpacked`` bytes whose rows are slices of one random block of text: it packs about 50
    times, under ``MAX_RATIO``, so only its total size can give it away. Written in chunks, like the others."""
    rnd = random.Random(1)
    block = bytes(rnd.choice(b"abcdefghij") for _ in range(4000))
    with (
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("daily_log.csv", "w") as handle,
    ):
        handle.write(HEADER)
        size = len(HEADER)
        while size < unpacked:
            rows = []
            for _ in range(1000):
                start = rnd.randrange(3000)
                rows.append(b"2026-01-01,3,4,none,,%s%d\n" % (block[start : start + 900], rnd.randrange(10**6)))
            chunk = b"".join(rows)
            handle.write(chunk)
            size += len(chunk)


# The child runs the same import the Data & privacy page runs; the baseline child imports the same modules and
# reads the same file, so the difference in peak memory is what the import itself took.
CHILD = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
from winback.imports.registry import import_format
from winback.store import Store


data = Path(sys.argv[1]).read_bytes()
result = {}
if sys.argv[3] == "import":
    started = time.perf_counter()
    plan = import_format("winback").plan(data, Store(Path(sys.argv[2])), date.today(), {})
    result = {"seconds": time.perf_counter() - started, "problems": [p.describe() for p in plan.problems]}
result["peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(result))
"""


def run_child(bomb: Path, folder: Path, mode: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(bomb), str(folder), mode],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# Just under MAX_UNPACKED_BYTES, so what stops these bombs is how tightly they pack, not their total size.
BOMB_BYTES = MAX_UNPACKED_BYTES - 2 * MEGABYTE


@pytest.mark.parametrize("padded", [False, True], ids=["declared", "padded"])
def test_a_zip_bomb_is_refused_in_under_two_seconds_and_50_mb(tmp_path: Path, padded: bool) -> None:
    bomb = tmp_path / "bomb.zip"
    if padded:
        write_padded_bomb(bomb, BOMB_BYTES, 19 * MEGABYTE)
        expected = "more than 100 times the 0.1 MB it packs in"
    else:
        write_bomb(bomb, BOMB_BYTES)
        assert bomb.stat().st_size < MEGABYTE
        expected = "more than 100 times its packed size"
    (info,) = zipfile.ZipFile(bomb).infolist()
    assert BOMB_BYTES - MEGABYTE < info.file_size <= MAX_UNPACKED_BYTES
    folder = tmp_path / "person"
    baseline = run_child(bomb, folder, "baseline")
    imported = run_child(bomb, folder, "import")
    extra_mb = (imported["peak_kb"] - baseline["peak_kb"]) / 1024
    print(
        f"{'padded ' if padded else ''}bomb refused in {imported['seconds']:.3f} s, {extra_mb:.1f} MB over the baseline"
    )
    assert len(imported["problems"]) == 1
    assert imported["problems"][0].startswith("daily_log.csv: unpacks to ")
    assert expected in imported["problems"][0]
    assert imported["seconds"] < 2.0
    assert extra_mb < 50
    assert not folder.exists()


def test_a_bomb_packed_under_the_ratio_limit_is_refused_by_its_total_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    write_loose_bomb(bomb, 60 * MEGABYTE)
    (info,) = zipfile.ZipFile(bomb).infolist()
    assert info.file_size > MAX_UNPACKED_BYTES
    assert 20 < info.file_size / info.compress_size < MAX_RATIO
    folder = tmp_path / "person"
    baseline = run_child(bomb, folder, "baseline")
    imported = run_child(bomb, folder, "import")
    extra_mb = (imported["peak_kb"] - baseline["peak_kb"]) / 1024
    ratio = info.file_size / info.compress_size
    print(f"{ratio:.0f}x-packed bomb refused in {imported['seconds']:.3f} s, {extra_mb:.1f} MB over the baseline")
    limit = MAX_UNPACKED_BYTES // MEGABYTE
    assert imported["problems"] == [f"The zip unpacks to {megabytes(info.file_size)} MB; the limit is {limit} MB"]
    assert imported["seconds"] < 2.0
    assert extra_mb < 50
    assert not folder.exists()


def test_the_declared_sizes_are_what_a_plain_bomb_is_refused_by() -> None:
    buffer = io.BytesIO()
    write_bomb(buffer, 20 * MEGABYTE)
    (info,) = zipfile.ZipFile(buffer).infolist()
    assert [p.describe() for p in read_export_zip(buffer.getvalue()).problems] == [
        f"daily_log.csv: unpacks to {megabytes(info.file_size)} MB from {megabytes(info.compress_size)} MB, more "
        "than 100 times its packed size; a winback export never packs that tightly, so it was not unpacked"
    ]


def test_a_bomb_after_a_good_table_is_refused_before_anything_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    write_bomb(buffer, 20 * MEGABYTE, before={"daily_log.csv": HEADER + b"2026-01-01,3,4,none,,fine\n"})
    unpacked: list[str] = []

    def recording_unpack(data: bytes, info: zipfile.ZipInfo) -> bytes | str:
        unpacked.append(info.filename)
        return unpack(data, info)

    monkeypatch.setattr(winback_zip, "unpack", recording_unpack)
    plan = read_export_zip(buffer.getvalue())
    assert [p.file for p in plan.problems] == ["checkins.csv"]
    assert "more than 100 times its packed size" in plan.problems[0].message
    assert unpacked == []


def test_only_stored_and_deflated_members_are_unpacked() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("daily_log.csv", HEADER)
    assert [(p.file, p.message) for p in read_export_zip(buffer.getvalue()).problems] == [
        (
            "daily_log.csv",
            "is packed in a way winback does not unpack; zip the export again with the usual (Deflate) method",
        )
    ]
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("daily_log.csv", HEADER + b"2026-01-01,3,4,none,,fine\n")
    assert read_export_zip(stored.getvalue()).can_apply


def declared_size(data: bytes, size: int) -> bytes:
    """The one-member zip ``data`` with its uncompressed size (local header and central directory) set to ``size``."""
    patched = bytearray(data)
    struct.pack_into("<I", patched, 22, size)
    struct.pack_into("<I", patched, data.index(b"PK\x01\x02") + 24, size)
    return bytes(patched)


def test_what_the_zip_declares_is_checked_before_reading_and_never_trusted_alone() -> None:
    table = HEADER + b"".join(b"2026-01-%02d,3,4,none,,day %d\n" % (n, n) for n in range(1, 29))
    small = zip_of({"daily_log.csv": table})
    too_big = read_export_zip(declared_size(small, 41 * MEGABYTE))
    assert messages(too_big.problems) == [(0, "the zip unpacks to 41.0 MB; the limit is 40 MB")]
    # Declaring less than is there: unpacking stops one byte past the declared size.
    too_small = read_export_zip(declared_size(small, 100))
    assert [(p.file, p.message) for p in too_small.problems] == [("daily_log.csv", "is damaged and cannot be read")]


def test_a_zip_of_thousands_of_files_is_refused_from_its_last_record(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(5000):
            archive.writestr(f"{n}.csv", b"")
    data = buffer.getvalue()

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the zip's directory was read")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    assert messages(read_export_zip(data).problems) == [(0, "the zip holds 5,000 files; a winback export holds 7")]


def test_a_century_of_sample_data_is_not_mistaken_for_a_bomb(tmp_path: Path) -> None:
    store = Store(tmp_path / "century")
    sample.write_sample(store, days=36500, today=date(2026, 3, 1))
    plan = read_export_zip(dataio.export_zip(store))
    assert plan.can_apply, plan.problems


def test_a_zip_of_many_bad_rows_shows_the_first_fifty_problems() -> None:
    table = HEADER + b"2026-01-01,9,4,none,,\n" * 5000
    plan = read_export_zip(zip_of({"daily_log.csv": table, "checkins.csv": b"week\nbad\n"}))
    assert len(plan.problems) == 51
    assert [p.line for p in plan.problems[:50]] == list(range(2, 52))
    assert plan.problems[-1].describe() == (
        "daily_log.csv: …and more: winback stopped checking after 50 problems, so lines 52 to 5,001 and "
        "checkins.csv were not checked"
    )
