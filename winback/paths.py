"""Where each person's data lives."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import platformdirs

log = logging.getLogger("winback")
_told: set[Path] = set()  # folders already named in the log as having both names: once per process is enough

DATA_DIR_ENV = "WINBACK_DATA_DIR"
SAMPLE_FOLDER = "sample"


def data_root() -> Path:
    """``WINBACK_DATA_DIR`` when set, else the per-user data folder of this operating system."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return Path(platformdirs.user_data_dir("winback", appauthor=False))


def person_folder(root: Path, issuer: str | None = None, subject: str | None = None) -> Path:
    """The root itself for a single person; ``users/<sha256 of the JSON array [issuer, subject]>`` for a
    signed-in one. The JSON array keeps the two apart ("realms/a" + "bc123" is not "realms/ab" + "c123"); a
    sign-in that names only one of them, or an empty one, is nobody in particular, so it is refused."""
    if issuer is None and subject is None:
        return root
    if not issuer or not subject or not issuer.strip() or not subject.strip():
        raise ValueError("a signed-in person needs both an issuer and a subject")
    digest = hashlib.sha256(json.dumps([issuer, subject]).encode("ascii")).hexdigest()
    return root / "users" / digest


def _old_person_folder(root: Path, issuer: str, subject: str) -> Path:
    """Where winback kept a signed-in person's folder before: sha256(issuer + subject), with no separator."""
    return root / "users" / hashlib.sha256(f"{issuer}{subject}".encode()).hexdigest()


def signed_in_folder(root: Path, issuer: str, subject: str) -> Path:
    """The person's folder, moved once from its old name (``_old_person_folder``) when only that one exists.

    When both exist (an older winback ran again after the move), the new one is used and the old one is left
    exactly as it is: merging two diaries could mix or drop entries, and deleting one would lose them. The log
    names both folders so whoever runs winback can look; the folder names are hashes and say nothing personal.
    """
    folder = person_folder(root, issuer, subject)
    old = _old_person_folder(root, issuer, subject)
    if old.is_dir() and folder.exists():
        if folder in _told:
            return folder
        _told.add(folder)
        log.warning("Both %s and its old name %s exist; using the first and leaving the other as it is", folder, old)
    elif old.is_dir():
        try:
            os.rename(old, folder)  # one step on one file system: the folder is under either name, never both
        except OSError:
            # Another window of the same person moved it first, or the new folder appeared meanwhile.
            log.warning("Could not move %s to %s; it is left as it is", old, folder, exc_info=True)
    return folder


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
