"""One file written whole or not at all, and a failed write in words for people.

A temporary file in the same folder is written, fsynced and ``os.replace``d over the target, then the folder is
fsynced, so a crash leaves either the old file or the new one. Locking and reading are store.py's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


class StorageError(Exception):
    """A write could not be completed; the previous file is unchanged. The message is for people."""


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def reason(error: OSError) -> str:
    """Why a file operation failed, in words for people (never the path, which may name the person)."""
    return {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the folder is read-only",
        errno.EACCES: "winback may not write in that folder",
        errno.EPERM: "winback may not write in that folder",
        errno.ENOTDIR: "a file is in the way where a folder should be",
        errno.EEXIST: "a file is in the way where a folder should be",
    }.get(error.errno or 0, error.strerror or type(error).__name__)


def explain(error: OSError, path: Path) -> str:
    return f"Could not save {path.name}: {reason(error)}. Nothing was changed; your earlier data is as it was."


def atomic_write(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (UTF-8) or bytes so a crash leaves the old or the new file, never a mix."""
    folder = path.parent
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    # The new file is in place, so a folder that cannot be synced (Windows, some network drives) is not a failure.
    with contextlib.suppress(OSError):
        _fsync_folder(folder)
