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


def sample_folder(person: Path) -> Path:
    """Sample data lives beside, never inside, the person's own tables."""
    return person / SAMPLE_FOLDER
