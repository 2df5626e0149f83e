"""settings.json as bytes (winback.settings_json): too large or too deep is refused before any parser sees it;
otherwise its named values, or why there are none."""

from __future__ import annotations

import msgspec
import pytest

from winback import settings_json
from winback.settings_json import SETTINGS_MAX_BYTES, SETTINGS_MAX_DEPTH, json_nesting, parse_settings


def messages(data: bytes) -> list[str]:
    return [p.message for p in parse_settings(data)[1]]


def test_named_values_are_read_with_or_without_a_byte_order_mark() -> None:
    assert parse_settings(b'{"country": "uk"}') == ({"country": "uk"}, [])
    assert parse_settings(b'\xef\xbb\xbf{"country": "uk"}') == ({"country": "uk"}, [])


@pytest.mark.parametrize(
    ("data", "depth"),
    [(b"{}", 1), (b'{"a": [1, {"b": []}]}', 4), (b'"[[[[[["', 0), (b'["\\"[[[", {"x": "]]]"}]', 2), (b"5", 0)],
)
def test_nesting_is_counted_without_brackets_inside_strings(data: bytes, depth: int) -> None:
    assert json_nesting(data) == depth


def test_a_file_of_escaped_quotes_with_no_closing_one_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """64 KB of \\" after an opening quote: the string-skipping regular expression this scan replaced tried every
    quote as a start (20 s a parse, on every page). Counted here by how often the scan reads the data: once."""
    data = b'"' + b'\\"' * ((SETTINGS_MAX_BYTES - 2) // 2)
    assert len(data) <= SETTINGS_MAX_BYTES
    reads = 0

    class Counted(bytes):
        def __iter__(self):  # type: ignore[no-untyped-def]
            nonlocal reads
            reads += 1
            return super().__iter__()

    assert json_nesting(Counted(data)) == 0
    assert reads == 1
    assert messages(data)[0].startswith("settings.json is not valid JSON")


def test_a_deep_file_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """100,000 levels overflow Python's json and msgspec alike (RecursionError); the scan refuses far sooner."""

    def no_parse(data: bytes) -> object:
        raise AssertionError("parsed a file that is too deep")

    monkeypatch.setattr(settings_json.msgspec.json, "decode", no_parse)
    deep = b"[" * 30_000 + b"]" * 30_000
    assert len(deep) < SETTINGS_MAX_BYTES
    assert messages(deep) == [f"settings.json nests deeper than {SETTINGS_MAX_DEPTH} levels, far more than settings"]
    assert messages(b'{"a":' * 10_000 + b"1" + b"}" * 10_000) == messages(deep)


def test_the_deepest_file_allowed_is_parsed() -> None:
    data = b"[" * SETTINGS_MAX_DEPTH + b"]" * SETTINGS_MAX_DEPTH
    assert msgspec.json.decode(data) is not None  # within what the parser itself manages
    assert messages(data) == ["settings.json does not hold named settings"]


def test_a_file_larger_than_settings_can_be_is_refused_unread() -> None:
    big = b'{"note": "' + b"x" * SETTINGS_MAX_BYTES + b'"}'
    assert messages(big) == ["settings.json is larger than 64 KB, far more than settings"]
    assert parse_settings(b'{"note": "' + b"x" * (SETTINGS_MAX_BYTES - 20) + b'"}')[1] == []


@pytest.mark.parametrize(
    ("data", "line", "start"),
    [
        (b'{"country": "uk",\n}', 2, "settings.json is not valid JSON (JSON is malformed: trailing comma"),
        (b'{"a": 1' + b"0" * 5000 + b"}", 0, "settings.json is not valid JSON (Integer value out of range"),
        (b'{"a": NaN}', 1, "settings.json is not valid JSON"),
        (b'{"a": "\\ud800"}', 0, "settings.json is not valid JSON"),
        (b"\xff\xfe{}", 1, "settings.json is not valid JSON"),
        (b"", 0, "settings.json is not valid JSON"),
        (b"5", 1, "settings.json does not hold named settings"),
        (b'"abc"', 1, "settings.json does not hold named settings"),
        (b"null", 1, "settings.json does not hold named settings"),
        (b"[1, 2]", 1, "settings.json does not hold named settings"),
    ],
    ids=["trailing-comma", "5000-digits", "nan", "lone-surrogate", "utf-16", "empty", "5", "abc", "null", "list"],
)
def test_a_file_that_is_not_named_settings_gives_none_and_says_why(data: bytes, line: int, start: str) -> None:
    values, problems = parse_settings(data)
    assert values == {}
    assert [(p.line, p.message[: len(start)]) for p in problems] == [(line, start)]
    assert "(byte" not in problems[0].message
