"""Export every file byte for byte; delete everything the person has, and nothing of anyone else's."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from winback import dataio, sample
from winback.storage import TABLES, Store


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
    other = tmp_path / "users" / "abc"
    other.mkdir(parents=True)
    (other / "daily_log.csv").write_text("kept", encoding="utf-8")
    (tmp_path / ".daily_log.csv.x1.tmp").write_text("stale", encoding="utf-8")
    removed = dataio.delete_everything(store)
    assert removed >= len(TABLES)
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []
    assert not (tmp_path / "sample").exists()
    assert (other / "daily_log.csv").read_text(encoding="utf-8") == "kept"
    assert store.read("daily_log").frame.empty
