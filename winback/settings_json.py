"""settings.json as bytes: refused when it is too large or too deeply nested to be settings, before any parser
sees it, then decoded to its named values. Shared by the folder's file (winback.store) and an import's."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from winback.schema import SETTINGS_FILE, RowProblem

# settings.json holds a handful of values (a few hundred bytes, two levels deep); anything far larger or deeper
# is not winback's, and is refused before it is parsed: a deep enough nesting overflows any JSON parser.
SETTINGS_MAX_BYTES = 64 * 1024
SETTINGS_MAX_DEPTH = 32
_AT_BYTE = re.compile(r" \(byte (\d+)\)")
_QUOTE, _BACKSLASH = ord('"'), ord("\\")
_OPENERS, _CLOSERS = frozenset(b"[{"), frozenset(b"]}")


def json_nesting(data: bytes) -> int:
    """How deeply arrays and objects nest in JSON text, counted without parsing it (a "[" inside a string is
    text, not nesting). One pass over the bytes: a regular expression for strings backtracked on a file of
    escaped quotes with no closing one, and took seconds for 64 KB."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == _BACKSLASH:
                escaped = True
            elif byte == _QUOTE:
                in_string = False
        elif byte == _QUOTE:
            in_string = True
        elif byte in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in _CLOSERS:
            depth -= 1
    return deepest


def parse_settings(data: bytes) -> tuple[dict[str, Any], list[RowProblem]]:
    """settings.json's named values, or none and why: too large or deep to be settings, not JSON, not named.
    Shared by reading the folder's file and checking one in an import."""

    def refused(line: int, message: str) -> tuple[dict[str, Any], list[RowProblem]]:
        return {}, [RowProblem("settings", line, message)]

    if len(data) > SETTINGS_MAX_BYTES:
        return refused(0, f"{SETTINGS_FILE} is larger than {SETTINGS_MAX_BYTES // 1024} KB, far more than settings")
    data = data.removeprefix(b"\xef\xbb\xbf")
    if json_nesting(data) > SETTINGS_MAX_DEPTH:
        return refused(0, f"{SETTINGS_FILE} nests deeper than {SETTINGS_MAX_DEPTH} levels, far more than settings")
    try:
        value = msgspec.json.decode(data)
    except msgspec.DecodeError as error:  # ValidationError too: a number too large for any setting
        # msgspec says where by byte; people look for a line.
        where = _AT_BYTE.search(str(error))
        line = data[: int(where[1])].count(b"\n") + 1 if where else 0
        return refused(line, f"{SETTINGS_FILE} is not valid JSON ({_AT_BYTE.sub('', str(error))})")
    except RecursionError:  # not reached under the depth limit above; kept in case that limit is raised
        return refused(0, f"{SETTINGS_FILE} nests too deeply to be settings")
    if not isinstance(value, dict):
        return refused(1, f"{SETTINGS_FILE} does not hold named settings")
    return value, []
