"""Where each person's data lives."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "WINBACK_DATA_DIR"
SAMPLE_FOLDER = "sample"


def data_root() -> Path:
    """``WINBACK_DATA_DIR`` when set, else the per-user data folder of this operating system."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return Path(platformdirs.user_data_dir("winback", appauthor=False))


def person_folder(root: Path, issuer: str | None = None, subject: str | None = None) -> Path:
    """The root itself for a single person; ``users/<sha256(issuer + subject)>`` for a signed-in one."""
    if issuer is None or subject is None:
        return root
    digest = hashlib.sha256(f"{issuer}{subject}".encode()).hexdigest()
    return root / "users" / digest


def folder_trouble(folder: Path) -> str | None:
    """Why winback cannot keep a diary in ``folder`` (made here when it is missing), in words that say how to
    fix it; None when it can. A folder it may read but not write is no trouble here: each save says so."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            what = "that is a file" if blocking == folder else f"{blocking} is a file"
            return (
                f"winback keeps your diary in the folder {folder}, but {what}, not a folder. "
                f"To fix it, set {DATA_DIR_ENV} to a folder (for example {DATA_DIR_ENV}=~/winback-data) and start "
                "winback again, or move that file somewhere else and reload this page."
            )
        return (
            f"winback keeps your diary in the folder {folder}, but could not create it "
            f"({error.strerror or type(error).__name__}). To fix it, set {DATA_DIR_ENV} to a folder you may "
            "write in and start winback again, or create that folder yourself and reload this page."
        )
    if not folder.is_dir():  # made by someone else between the two steps, as a file
        return f"winback keeps your diary in the folder {folder}, but it is not a folder. Reload this page."
    return None


def sample_folder(person: Path) -> Path:
    """Sample data lives beside, never inside, the person's own tables."""
    return person / SAMPLE_FOLDER
