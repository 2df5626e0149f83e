"""The person's settings (settings.json) over winback's defaults (content/steps.toml), checked when read.

``SettingsFile`` declares what the file may hold, each value typed and bounded; msgspec checks every value
against it. A value that fails is replaced by its default and reported (never fatal), and the next save sets
the file aside as ``settings.rejected.json`` before writing it without that value.
"""

from __future__ import annotations

import json
import re
import reprlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

import msgspec
from msgspec import UNSET, UnsetType

from winback import applock
from winback.applock import SavedLock
from winback.atomic import StorageError, atomic_write, explain
from winback.content.resources import DEFAULT_COUNTRY
from winback.content.steps import Thresholds, default_thresholds
from winback.quick_exit import MAX_LENGTH as QUICK_EXIT_MAX_LENGTH
from winback.quick_exit import PATTERN as QUICK_EXIT_PATTERN
from winback.quick_exit import check_destination
from winback.schema import SETTINGS_FILE, RowProblem
from winback.settings_json import SETTINGS_MAX_BYTES, parse_settings
from winback.store import APP_LOCK_FILE, Store

# Where an older winback kept the app lock; it now has a file of its own (winback.applock, app_lock.json).
OLD_LOCK = "app_lock"
EARLIEST_START = date(1900, 1, 1)
LATEST_START = date(2999, 12, 31)


class SavedThresholds(msgspec.Struct, kw_only=True):
    """The goals a person may change, each within the range winback allows (absent: the default; null is
    no goal, so it is refused like any other value out of range)."""

    no_contact_days: Annotated[int, msgspec.Meta(ge=14, le=90)] | UnsetType = UNSET
    positive_mood: Annotated[float, msgspec.Meta(ge=1, le=5)] | UnsetType = UNSET
    positive_social_days: Annotated[int, msgspec.Meta(ge=0, le=14)] | UnsetType = UNSET
    self_value_area_days: Annotated[int, msgspec.Meta(ge=1, le=28)] | UnsetType = UNSET
    self_value_areas: Annotated[int, msgspec.Meta(ge=1, le=5)] | UnsetType = UNSET
    friendly_contacts: Annotated[int, msgspec.Meta(ge=1, le=10)] | UnsetType = UNSET


class SettingsFile(msgspec.Struct, kw_only=True):
    """settings.json. Names it does not declare (an older or newer winback's) are left in the file, unread."""

    country: Annotated[str, msgspec.Meta(pattern="^[a-z_]{1,16}$")] | None = None
    no_contact_start: date | None = None
    thresholds: SavedThresholds | None = None
    # Where the person's quick exit goes (winback.quick_exit), and that they have read its first-visit explanation.
    quick_exit_url: (
        Annotated[str, msgspec.Meta(max_length=QUICK_EXIT_MAX_LENGTH, pattern=QUICK_EXIT_PATTERN)] | None
    ) = None
    exit_intro_seen: bool | None = None
    # The disguise (winback.disguise): neutral tab title and icon, reminder and export names; absent is off.
    disguise: bool | None = None

    def __post_init__(self) -> None:
        start = self.no_contact_start
        if start is not None and not EARLIEST_START <= start <= LATEST_START:
            raise ValueError("no_contact_start is out of range")


def _ranges() -> dict[str, tuple[float, float]]:
    """Each threshold's range, read from SavedThresholds so it is declared once."""
    ranges: dict[str, tuple[float, float]] = {}
    info = msgspec.inspect.type_info(SavedThresholds)
    assert isinstance(info, msgspec.inspect.StructType)
    for field in info.fields:
        number = field.type  # inspect leaves UNSET out of a field's type
        assert isinstance(number, msgspec.inspect.IntType | msgspec.inspect.FloatType)
        assert number.ge is not None and number.le is not None
        ranges[field.name] = (number.ge, number.le)
    return ranges


# What a person may change, and the range each value must stay in.
EDITABLE: dict[str, tuple[float, float]] = _ranges()
# A value is quoted in its problem, but never at length: the file may hold anything.
_SHOWN = reprlib.Repr()
_SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlevel = 40, 40, 2


@dataclass(frozen=True)
class Settings:
    country: str
    no_contact_start: date | None
    thresholds: Thresholds


@dataclass(frozen=True)
class Checked:
    """What settings.json holds that winback can use, and what it cannot (``problems``); ``usable`` is the
    file's values without those it cannot use, as the next save writes them."""

    saved: SettingsFile
    problems: list[RowProblem]
    usable: dict[str, Any]


def _fits(struct: type[msgspec.Struct], name: str, value: Any) -> bool:
    try:
        msgspec.convert({name: value}, struct)
    except msgspec.ValidationError:
        return False
    return True


def _problem(name: str, value: Any) -> RowProblem:
    shown = _SHOWN.repr(value)
    if name in EDITABLE:
        low, high = EDITABLE[name]
        return RowProblem("settings", 0, f"{name} {shown} is outside {low:g}–{high:g}; using the default")
    if name == "no_contact_start":
        return RowProblem("settings", 0, f"no_contact_start {shown} is not a date")
    if name == "country":
        return RowProblem("settings", 0, f"country {shown} is not a country code; using the international help lines")
    if name == "thresholds":
        return RowProblem("settings", 0, f"thresholds {shown} are not named values; using the defaults")
    if name == "quick_exit_url":
        return RowProblem("settings", 0, f"quick_exit_url {shown} is not an https address; using the usual one")
    if name == "disguise":
        return RowProblem("settings", 0, f"disguise {shown} is not true or false; the disguise is off")
    return RowProblem("settings", 0, f"{name} {shown} is not a value winback can use; using the default")


def check(raw: dict[str, Any]) -> Checked:
    """Every declared value of ``raw`` checked against SettingsFile on its own, so one bad value costs only itself."""
    problems: list[RowProblem] = []
    usable = dict(raw)
    for name in SettingsFile.__struct_fields__:
        if name in raw and not _fits(SettingsFile, name, raw[name]):
            if name == "thresholds" and isinstance(raw[name], dict):
                continue  # checked one by one below
            problems.append(_problem(name, raw[name]))
            del usable[name]
    if isinstance(usable.get("thresholds"), dict):
        kept = dict(usable["thresholds"])
        for name in SavedThresholds.__struct_fields__:
            if name in kept and not _fits(SavedThresholds, name, kept[name]):
                problems.append(_problem(name, kept.pop(name)))
        usable["thresholds"] = kept
    known = {name: usable[name] for name in SettingsFile.__struct_fields__ if name in usable}
    return Checked(msgspec.convert(known, SettingsFile), problems, usable)


def read(store: Store) -> Checked:
    raw, problems = store.read_settings()
    checked = check(raw)
    return Checked(checked.saved, [*problems, *checked.problems], checked.usable)


def check_text(data: bytes) -> list[RowProblem]:
    """Everything wrong with a settings.json from elsewhere (an import); empty when all of it can be used."""
    raw, problems = parse_settings(data)
    return problems or check(raw).problems


def load(store: Store) -> tuple[Settings, list[RowProblem]]:
    """Settings with every bad value replaced by its default and reported, never fatal."""
    checked = read(store)
    saved = checked.saved
    changes: dict[str, Any] = {}
    if saved.thresholds is not None:
        base = default_thresholds()
        for name in EDITABLE:
            value = getattr(saved.thresholds, name)
            if value is not UNSET:
                changes[name] = type(getattr(base, name))(value)
    thresholds = replace(default_thresholds(), **changes)
    return Settings(saved.country or DEFAULT_COUNTRY, saved.no_contact_start, thresholds), checked.problems


def _usable(raw: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    checked = check(raw)
    return checked.usable, bool(checked.problems)


def save(store: Store, changes: dict[str, Any]) -> None:
    """Merge ``changes`` into settings.json; values there that winback cannot use are set aside, then dropped."""
    store.write_settings(changes, clean=_usable)


def save_thresholds(store: Store, values: dict[str, float]) -> None:
    for name, value in values.items():
        low, high = EDITABLE[name]
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low:g} and {high:g}")
    thresholds = read(store).usable.get("thresholds")
    save(store, {"thresholds": {**(thresholds if isinstance(thresholds, dict) else {}), **values}})


def save_no_contact_start(store: Store, start: date | None, today: date) -> None:
    if start is not None and start > today:
        raise ValueError("The no-contact start can't be in the future.")
    save(store, {"no_contact_start": start.isoformat() if start else None})


def app_lock(store: Store) -> applock.Lock:
    """The person's app lock (winback.applock.read_lock): None, a lock, or a lock file that keeps winback closed.
    A lock that an older winback kept in settings.json (``app_lock``) is first moved to app_lock.json; in a folder
    where it cannot be moved, it is read where it is."""
    try:
        _move_old_lock(store)
        if _damaged_with_old_lock(store):
            return applock.LockTrouble(OLD_LOCK_DAMAGED, SETTINGS_FILE)
    except StorageError:
        old = store.read_settings()[0].get(OLD_LOCK)
        if old is not None and applock.read_lock(store) is None:
            return applock.decode_lock(msgspec.json.encode(old))
    return applock.read_lock(store)


OLD_LOCK_DAMAGED = (
    f"{SETTINGS_FILE} is damaged and seems to hold a lock from an older winback, so winback stays locked and no "
    f"passphrase can open it. Mending the file, or removing {SETTINGS_FILE} from winback's data folder (your "
    "settings go back to winback's defaults), removes the lock; then set a passphrase again on Data & privacy."
)
_OLD_LOCK_KEY = re.compile(rb'"app_lock"\s*:(?!\s*null\b)')


def _damaged_with_old_lock(store: Store) -> bool:
    """settings.json cannot be read, app_lock.json is not there, and the text holds an older winback's lock: it
    cannot be moved, and opening without it would let the next settings save set it aside, lock and all."""
    if (store.folder / APP_LOCK_FILE).exists():
        return False
    _raw, problems = store.read_settings()
    if not problems:
        return False
    try:
        with (store.folder / SETTINGS_FILE).open("rb") as handle:
            data = handle.read(SETTINGS_MAX_BYTES + 1)
    except OSError:
        return False
    return _OLD_LOCK_KEY.search(data) is not None


def save_app_lock(store: Store, lock: SavedLock | None) -> None:
    applock.write_lock(store, lock)
    _move_old_lock(store)  # an older settings.json's lock must not come back when this one is removed


def _move_old_lock(store: Store) -> None:
    """Once: settings.json's ``app_lock`` from before app_lock.json moves there (unless app_lock.json is there
    already), then leaves settings.json. A value that is not a lock moves too, so it keeps winback closed."""
    raw, _problems = store.read_settings()
    if OLD_LOCK not in raw:
        return
    old = raw[OLD_LOCK]
    with store.locked(APP_LOCK_FILE):
        path = store.folder / APP_LOCK_FILE
        if old is not None and not path.exists() and not path.is_symlink():
            try:
                atomic_write(path, msgspec.json.encode(old) + b"\n")
            except OSError as error:
                raise StorageError(explain(error, path)) from error
    store.write_settings({}, clean=_without_old_lock)


def without_old_lock(data: bytes) -> bytes:
    """settings.json's text without an older winback's ``app_lock``, for an export or from an import: the lock
    belongs to this computer's folder (app_lock.json), never to a copy. Text without one is returned as it is."""
    raw, problems = parse_settings(data)
    if problems or OLD_LOCK not in raw:
        return data
    kept = {name: value for name, value in raw.items() if name != OLD_LOCK}
    return (json.dumps(kept, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _without_old_lock(raw: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    return _usable({name: value for name, value in raw.items() if name != OLD_LOCK})


def save_country(store: Store, code: str) -> None:
    if not _fits(SettingsFile, "country", code):
        raise ValueError(f"{code!r} is not a country code")
    save(store, {"country": code})


def quick_exit_url(store: Store) -> str | None:
    """The person's own quick-exit address, or None (the deployment's or the default is used)."""
    return read(store).saved.quick_exit_url


def save_quick_exit_url(store: Store, text: str | None) -> None:
    """Keep the person's quick-exit address (checked strictly: raises ValueError with words for them), or forget
    it with None."""
    save(store, {"quick_exit_url": None if text is None else check_destination(text)})


def exit_intro_seen(store: Store) -> bool:
    return bool(read(store).saved.exit_intro_seen)


def save_exit_intro_seen(store: Store) -> None:
    save(store, {"exit_intro_seen": True})


def disguised(store: Store) -> bool:
    """True when the person turned the disguise on; absent, or a value that is not true or false, is off."""
    return read(store).saved.disguise is True


def save_disguise(store: Store, on: bool) -> None:
    save(store, {"disguise": on})
