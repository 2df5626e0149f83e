"""Crisis and abuse lines for the country a person picks (winback.content), each way to reach one as words and a
link (tel:, sms:, https:), and the quick-exit address."""

from __future__ import annotations

import os
import re
from urllib.parse import quote, urlsplit

from winback.content.resources import DEFAULT_COUNTRY, Country, Resource, Way, countries
from winback.plain import plain

QUICK_EXIT_ENV = "WINBACK_QUICK_EXIT_URL"
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"

# What a link may point at: a number to call or text (its body filled in), or a plain https address.
_HREF = re.compile(
    r"tel:\+?[0-9]+|sms:\+?[0-9]+(?:\?&body=[A-Za-z0-9%]+)?|https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?"
)
# What a link's words may be: nothing in them can end the link, open another or mean anything to Markdown.
_WORDS = re.compile(r"[A-Za-z0-9 +./-]+")


def resources_for(code: str | None) -> Country:
    """The resources of a country, or the international ones when the code is unknown."""
    table = countries()
    return table.get(code or DEFAULT_COUNTRY, table[DEFAULT_COUNTRY])


def href(way: Way) -> str:
    """Where a way's link goes. Only digits (and a leading +) are dialled; a text's body is filled in with
    ``?&body=``, which both iOS (it reads what follows the "&") and Android (it reads the query) understand."""
    digits = re.sub(r"[^0-9+]", "", way.number)
    if way.kind == "call":
        return f"tel:{digits}"
    if way.kind == "text":
        return f"sms:{digits}" + (f"?&body={quote(way.body)}" if way.body else "")
    return way.url


def way_words(way: Way, *, first: bool = False) -> str:
    """What a person reads for a way: "call 911" ("Call 911" when it comes first), "text START to 88788",
    "findahelpline.com"."""
    if way.kind == "web":
        return way.url.removeprefix("https://").removeprefix("www.").removesuffix("/")
    verb = ("Call" if first else "call") if way.kind == "call" else ("Text" if first else "text")
    if way.kind == "text" and way.body:
        return f"{verb} {way.body} to {way.number}"
    return f"{verb} {way.number}"


def contact_words(resource: Resource) -> str:
    """How to reach a line, in plain words: "Call 1-800-799-7233 or text START to 88788"."""
    return _sentence([way_words(way, first=n == 0) for n, way in enumerate(resource.ways)], resource.note)


def contact_markdown(resource: Resource) -> str:
    """How to reach a line, each way a Markdown link that calls, texts or opens it."""
    links = [markdown_link(way_words(way, first=n == 0), href(way)) for n, way in enumerate(resource.ways)]
    return _sentence(links, plain(resource.note))


def _sentence(ways: list[str], note: str) -> str:
    said = " or ".join(ways)
    return f"{said} ({note})" if note else said


def markdown_link(words: str, target: str) -> str:
    """The one way winback writes a link to a help line: ``[words](target)``. Refuses words or a target that
    could end the link early or mean anything else to Markdown, whatever the content file says."""
    if not _WORDS.fullmatch(words) or "--" in words:
        raise ValueError(f"{words!r} cannot be a help line's link text")
    if not _HREF.fullmatch(target):
        raise ValueError(f"{target!r} is not a help line's address")
    return f"[{words}]({target})"


def quick_exit_url() -> str:
    """Where the quick exit goes; configurable so tests and deployments can choose a local page."""
    url = os.environ.get(QUICK_EXIT_ENV, "").strip()
    return url if _openable(url) else DEFAULT_QUICK_EXIT_URL


def _openable(url: str) -> bool:
    """An http(s) address with a host, a port a browser can open and no spaces or hidden characters."""
    if not url.startswith(("https://", "http://")) or any(ch.isspace() or ord(ch) < 32 or ch in '"<>`' for ch in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    return bool(parts.hostname) and (port is None or port > 0)
