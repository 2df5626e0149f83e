"""Taking data out of winback and removing it: export as a zip, delete everything."""

from __future__ import annotations

import io
import shutil
import zipfile

from winback.paths import sample_folder
from winback.storage import SETTINGS_FILE, TABLES, Store, clear_cache


def export_zip(store: Store) -> bytes:
    """Every table file and the settings, byte for byte, in one zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES.values():
            path = store.path(table)
            if path.exists():
                archive.writestr(table.filename, path.read_bytes())
        settings = store.folder / SETTINGS_FILE
        if settings.exists():
            archive.writestr(SETTINGS_FILE, settings.read_bytes())
    return buffer.getvalue()


def delete_everything(store: Store) -> int:
    """Remove every file winback keeps in the folder (tables, settings, set-aside rows, locks, temp files)."""
    removed = 0
    for path in store.files():
        path.unlink(missing_ok=True)
        removed += 1
    # Sample data belongs to the same person; other people's folders (users/) are never touched.
    sample = sample_folder(store.folder)
    if sample.is_dir():
        shutil.rmtree(sample, ignore_errors=True)
    clear_cache()
    return removed
