"""Crisis and abuse lines by country (resources.toml); "other" holds the international ones.

How to reach a line is written as facts, not prose: each way is a call or a text to a number (a text may carry
the word to send) or a website. winback.safety builds both the words a person reads and the tel:, sms: or
https: link from the same checked fields, so the words and the link can never disagree, and a number or
address with anything but its own characters in it is refused here, before it could reach a page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast

from winback.content import ContentError, parse_toml, read

DEFAULT_COUNTRY = "other"

WayKind = Literal["call", "text", "web"]
WAY_KINDS: tuple[WayKind, ...] = ("call", "text", "web")
# Which fields each kind of way has; every other field is a mistake.
_FIELDS: dict[WayKind, tuple[frozenset[str], frozenset[str]]] = {
    "call": (frozenset({"number"}), frozenset()),
    "text": (frozenset({"number"}), frozenset({"body"})),
    "web": (frozenset({"url"}), frozenset()),
}
# Digits in groups split by one space or hyphen, with a leading + for an international number.
NUMBER = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")
# The word (or words) a service asks you to text: letters and digits only.
BODY = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")
# An https address with a plain host name and, at most, a plain path: no query, no brackets, no spaces.
URL = re.compile(r"https://[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}(?:/[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*)*/?")
# A country's code is kept in settings.json, which takes only these (winback/settings.py).
CODE = re.compile(r"[a-z_]{1,16}")


_SHAPES = {
    "number": "digits (in groups split by a space or a hyphen, with a leading + at most)",
    "body": "letters and digits",
    "url": "an https:// address without a query",
}


@dataclass(frozen=True)
class Way:
    """One way to reach a line: call or text ``number`` (texting ``body``, when given), or open ``url``."""

    kind: WayKind
    number: str = ""
    body: str = ""
    url: str = ""


@dataclass(frozen=True)
class Resource:
    name: str
    ways: tuple[Way, ...]
    when: str
    note: str = ""  # said after the ways, in brackets: "free, 24/7"


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    resources: tuple[Resource, ...]


def parse_way(item: Any, where: str) -> Way:
    """One way, checked field by field; ``where`` names it in the message."""
    if not isinstance(item, Mapping):
        raise ContentError(f"{where} is not a table (kind, number, body or url)")
    kind = item.get("kind")
    if kind not in WAY_KINDS:
        raise ContentError(f"{where} has kind {kind!r}; use {', '.join(WAY_KINDS)}")
    checked = cast(WayKind, kind)
    needed, optional = _FIELDS[checked]
    given = set(item) - {"kind"}
    if missing := sorted(needed - given):
        raise ContentError(f"{where} ({kind}) lacks {', '.join(missing)}")
    if extra := sorted(given - needed - optional):
        raise ContentError(f"{where} ({kind}) has no place for {', '.join(extra)}")
    fields = {name: item[name] for name in given}
    for name, value in fields.items():
        pattern = {"number": NUMBER, "body": BODY, "url": URL}[name]
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ContentError(f"{where} has {name} {value!r}, which is not {_SHAPES[name]}")
    return Way(checked, **fields)


def parse_resource(item: Mapping[str, Any], code: str) -> Resource:
    missing = [k for k in ("name", "when") if not str(item.get(k, "")).strip()]
    ways = item.get("ways")
    if not isinstance(ways, list) or not ways:
        missing.append("ways")
    if missing or not isinstance(ways, list):
        raise ContentError(f"a resource of {code!r} lacks {', '.join(missing)}")
    name = str(item["name"])
    note = item.get("note", "")
    if not isinstance(note, str):
        raise ContentError(f"the note of {name!r} ({code!r}) is not text")
    parsed = tuple(parse_way(way, f"way #{n} of {name!r} ({code!r})") for n, way in enumerate(ways, start=1))
    return Resource(name, parsed, str(item["when"]), note.strip())


def parse_resources(text: str) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for number, entry in enumerate(parse_toml(text, "resources.toml").get("country", []), start=1):
        code = str(entry.get("code", "")).strip()
        if not code:
            raise ContentError(f"country #{number} has no code")
        if not CODE.fullmatch(code):
            raise ContentError(f"country code {code!r} must be 1–16 lowercase letters or _ (settings.json keeps it)")
        if code in countries:
            raise ContentError(f"country {code!r} appears twice")
        items = tuple(parse_resource(item, code) for item in entry.get("resource", []))
        if not items:
            raise ContentError(f"country {code!r} lists no resources")
        countries[code] = Country(code, str(entry.get("name", code)), items)
    if DEFAULT_COUNTRY not in countries:
        raise ContentError(f"resources.toml must have a country with code {DEFAULT_COUNTRY!r}")
    return countries


@cache
def countries() -> dict[str, Country]:
    return parse_resources(read("resources.toml"))
