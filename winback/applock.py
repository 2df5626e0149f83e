"""The app lock: a passphrase kept only as a salted scrypt hash, idle time, and a back-off on wrong tries.

What it protects against is someone opening winback in the browser; what it does not is someone reading the
folder's files (the CSV files are not encrypted, and whoever can remove app_lock.json removes the lock).

The hash and its parameters live in a file of their own in the person's folder, ``app_lock.json`` (``SavedLock``),
not in settings.json: no save or import of the settings can drop or replace the lock, and an export leaves it
out (it belongs to this computer). A lock file that is there but cannot be read fails closed (``LockTrouble``):
the app stays locked and no passphrase opens it, until the file is removed. Wrong
tries are counted in ``lock_attempts.json`` in the same folder, so the wait they earn holds across sessions,
reloads and tabs: each try is recorded as wrong *before* the passphrase is checked (under the file's lock), so
two tries at once, or a crash in the middle, cannot skip the wait; a right one then clears the count.

"Now" is ``time.time()``: the clock the tests move (time-machine patches it, as it does ``date.today()``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import os
import time
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Literal

import msgspec

from winback.atomic import StorageError, atomic_write, explain, reason
from winback.store import APP_LOCK_FILE, LOCK_ATTEMPTS_FILE, Store

MIN_LENGTH = 8
MAX_LENGTH = 1024
IdleMinutes = Literal[5, 15, 60]
IDLE_MINUTES: tuple[IdleMinutes, ...] = (5, 15, 60)
DEFAULT_IDLE_MINUTES: IdleMinutes = 15
# scrypt's cost: 2**14 x 8 x 1 takes about 16 MB and some tens of milliseconds per try.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_MAX_MEMORY = 2**28  # enough for the largest parameters a SavedLock may hold (128 * 16 * 2**16 = 128 MB)
SALT_BYTES, HASH_BYTES = 16, 32
# Wrong tries: the first FREE_TRIES cost nothing (a typo), then each waits twice as long, up to MAX_WAIT.
FREE_TRIES = 3
MAX_WAIT_SECONDS = 300.0
# app_lock.json holds about 200 bytes; anything far larger is not a lock winback wrote.
LOCK_FILE_MAX_BYTES = 4096


class SavedLock(msgspec.Struct, kw_only=True):
    """app_lock.json: the salted hash of the passphrase with its scrypt parameters, never the
    passphrase; and how many idle minutes lock the app."""

    salt: Annotated[str, msgspec.Meta(pattern=f"^[0-9a-f]{{{2 * SALT_BYTES}}}$")]
    hash: Annotated[str, msgspec.Meta(pattern=f"^[0-9a-f]{{{2 * HASH_BYTES}}}$")]
    n: Annotated[int, msgspec.Meta(ge=2**14, le=2**16)] = SCRYPT_N
    r: Annotated[int, msgspec.Meta(ge=8, le=16)] = SCRYPT_R
    p: Annotated[int, msgspec.Meta(ge=1, le=4)] = SCRYPT_P
    idle_minutes: IdleMinutes = DEFAULT_IDLE_MINUTES

    def __post_init__(self) -> None:
        if self.n & (self.n - 1):
            raise ValueError("app_lock n is not a power of two")


def now() -> float:
    return time.time()


def _normal(passphrase: str) -> bytes:
    """The same passphrase typed on another keyboard (é as one character or as e and an accent) is the same."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(_normal(passphrase), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY, dklen=HASH_BYTES)


def passphrase_problem(passphrase: str, again: str) -> str | None:
    """Why this new passphrase cannot be used, in words for the person; None when it can."""
    length = len(unicodedata.normalize("NFC", passphrase))
    if length < MIN_LENGTH:
        return f"The passphrase needs at least {MIN_LENGTH} characters."
    if length > MAX_LENGTH:
        return f"The passphrase can have at most {MAX_LENGTH} characters."
    if passphrase != again:
        return "The two passphrases are not the same: type it again in both fields."
    return None


def make(passphrase: str, idle_minutes: int = DEFAULT_IDLE_MINUTES) -> SavedLock:
    """A new lock for ``passphrase``, with a fresh random salt."""
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return msgspec.convert(
        {"salt": salt.hex(), "hash": digest.hex(), "idle_minutes": idle_minutes}, SavedLock, strict=False
    )


def with_idle(lock: SavedLock, idle_minutes: int) -> SavedLock:
    """The same passphrase, locking after ``idle_minutes`` (one of IDLE_MINUTES) instead."""
    return msgspec.convert({**msgspec.to_builtins(lock), "idle_minutes": idle_minutes}, SavedLock)


def matches(lock: SavedLock, passphrase: str) -> bool:
    digest = _scrypt(passphrase, bytes.fromhex(lock.salt), lock.n, lock.r, lock.p)
    return hmac.compare_digest(digest, bytes.fromhex(lock.hash))


def wait_after(failures: int) -> float:
    """Seconds before the next try is allowed after ``failures`` wrong tries in a row."""
    if failures <= FREE_TRIES:
        return 0.0
    return min(2.0 ** min(failures - FREE_TRIES, 32), MAX_WAIT_SECONDS)


def idle_for_too_long(last_activity: float, at: float, idle_minutes: int) -> bool:
    return at - last_activity >= idle_minutes * 60


@dataclass(frozen=True)
class LockTrouble:
    """A lock file that is there but cannot be read: the app stays locked, ``words`` say why and what to do, and
    ``file`` is the file's name in the folder."""

    words: str
    file: str = APP_LOCK_FILE


Lock = SavedLock | LockTrouble | None


def _trouble(what: str) -> LockTrouble:
    return LockTrouble(
        f"winback's lock file ({APP_LOCK_FILE}) {what}, so winback stays locked and no passphrase can open it. "
        f"Removing the file {APP_LOCK_FILE} from winback's data folder removes the lock (anyone with that "
        "folder's files could do that anyway); then set a new passphrase on Data & privacy."
    )


def read_lock(store: Store) -> Lock:
    """The lock in app_lock.json; None when there is no such file. A file that cannot be read (damaged, a folder,
    too large, a value winback does not accept) is a LockTrouble: closed, never open."""
    path = store.folder / APP_LOCK_FILE
    try:
        with path.open("rb") as handle:
            data = handle.read(LOCK_FILE_MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):  # no such file (nor folder: a file is in the folder's way)
        return None
    except IsADirectoryError:
        return _trouble("is a folder, not a file")
    except OSError as error:
        return _trouble(f"could not be read ({reason(error)})")
    if len(data) > LOCK_FILE_MAX_BYTES:
        return _trouble("is far larger than a lock")
    return decode_lock(data)


def decode_lock(data: bytes) -> SavedLock | LockTrouble:
    try:
        return msgspec.json.decode(data, type=SavedLock)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        return _trouble("is damaged: it does not hold a lock winback can check")


def write_lock(store: Store, lock: SavedLock | None) -> None:
    """Keep ``lock`` in app_lock.json (atomically, under the file's lock), or remove the file with None."""
    path = store.folder / APP_LOCK_FILE
    with store.locked(APP_LOCK_FILE):
        try:
            if lock is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write(path, msgspec.json.encode(lock) + b"\n")
        except OSError as error:
            raise StorageError(explain(error, path)) from error


@dataclass(frozen=True)
class Attempts:
    """Wrong tries in a row, and the time (``now()``) before which no try is checked."""

    failures: int = 0
    wait_until: float = 0.0


_MAX_FAILURES = 10**9


def read_attempts(store: Store) -> Attempts:
    """The wrong tries so far; a missing file is none. A file that cannot be read counts as all the free tries
    used up, so the next wrong one waits (whoever can spoil the file can read the diary's files anyway).

    A wait is never longer than the back-off's own longest from now (``MAX_WAIT_SECONDS``): one further ahead (a
    clock once set wrong, an edited file) or one that is no time at all (NaN, infinite, before 1970) is that longest
    wait, and the file is mended to say so, so that the wait ends then rather than moving on at every read.
    """
    path = store.folder / LOCK_ATTEMPTS_FILE
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        return Attempts()
    except OSError:
        return Attempts(FREE_TRIES, 0.0)
    saved = _parse_attempts(text)
    if saved is None:
        return Attempts(FREE_TRIES, 0.0)
    longest = now() + MAX_WAIT_SECONDS
    if 0 <= saved.wait_until <= longest:  # False for NaN too
        return saved
    mended = Attempts(saved.failures, longest)
    # Mended only if no try was recorded meanwhile; a folder that cannot be written still gets the longest wait.
    with contextlib.suppress(StorageError, OSError), store.locked(LOCK_ATTEMPTS_FILE):
        if path.read_bytes() == text:
            _write_attempts(store, mended)
    return mended


def _parse_attempts(text: bytes) -> Attempts | None:
    """The file's count and wait, or None when it holds no count winback can use. It is read as Python's json reads
    it, so a wait of NaN, Infinity or 1e400 is read (as the float it names) rather than spoiling the whole file."""
    try:
        saved = json.loads(text)
    except (ValueError, RecursionError):  # not JSON or not UTF-8, a number of 4,300 digits, or nested too deep
        return None
    if not isinstance(saved, dict):
        return None
    failures, wait_until = saved.get("failures", 0), saved.get("wait_until", 0.0)
    if type(failures) is not int or not 0 <= failures <= _MAX_FAILURES or type(wait_until) not in (int, float):
        return None
    try:
        return Attempts(failures, float(wait_until))
    except OverflowError:  # an integer too large for a float: as far ahead (or behind) as can be
        return Attempts(failures, math.inf)


def _write_attempts(store: Store, attempts: Attempts) -> None:
    path = store.folder / LOCK_ATTEMPTS_FILE
    text = json.dumps({"failures": attempts.failures, "wait_until": attempts.wait_until}) + "\n"
    try:
        atomic_write(path, text)
    except OSError as error:
        raise StorageError(explain(error, path)) from error


Outcome = Literal["open", "wrong", "wait"]


@dataclass(frozen=True)
class Tried:
    outcome: Outcome
    wait_until: float  # when the next try is allowed (0 or in the past: now)


def attempt(store: Store, lock: SavedLock, passphrase: str) -> Tried:
    """Try ``passphrase``: refused unchecked while a wait is running; otherwise recorded as wrong first, then
    checked, and the count cleared when it was right. Raises StorageError when the try cannot be recorded
    (then it is not checked either)."""
    with store.locked(LOCK_ATTEMPTS_FILE):
        before = read_attempts(store)
        at = now()
        if at < before.wait_until:
            return Tried("wait", before.wait_until)
        failures = before.failures + 1
        counted = Attempts(failures, at + wait_after(failures))
        _write_attempts(store, counted)
        if not matches(lock, passphrase):
            return Tried("wrong", counted.wait_until)
        _write_attempts(store, Attempts())
        return Tried("open", 0.0)
