"""Where the quick exit goes: the person's own choice (checked strictly), else the deployment's
(``WINBACK_QUICK_EXIT_URL``, see winback.safety), else a weather page."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from winback import safety

MAX_LENGTH = 200

# A host name: dot-separated labels of letters, digits and inner hyphens, at least two of them ("bbc.co.uk").
_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
# What may follow the host: a port, then a path, query or fragment in the characters an address may hold
# unescaped (RFC 3986), nothing that could end an HTML attribute or a Markdown link early.
_REST = r"(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~:/?#\[\]@!$&*+,;=%-]*)?"
# The whole address, anchored at both ends (\Z: a newline at the end is refused too). settings.py checks the
# saved value against this same pattern.
PATTERN = rf"^https://{_LABEL}(?:\.{_LABEL})+{_REST}\Z"
_ADDRESS = re.compile(PATTERN)

NOT_HTTPS = "Start the address with `https://` (for example `https://www.bbc.co.uk/weather`)."
TOO_LONG = f"That address is too long: winback keeps addresses of up to {MAX_LENGTH} characters."
HIDDEN_CHARACTERS = "That address holds spaces or hidden characters. Copy it again from the browser's address bar."
CREDENTIALS = "That address holds a name or password before the site (…@). Use the site's address without it."
NOT_AN_ADDRESS = (
    "That is not an address winback can use. Copy it from the browser's address bar: letters, digits and "
    "the usual signs (/ ? = & . - _), with a site name such as www.bbc.co.uk."
)


def check_destination(text: str) -> str:
    """The address the person typed, as winback keeps it (spaces around it removed); raises ValueError with
    words for the person when it is not a plain https address."""
    address = text.strip()
    if not address.startswith("https://"):
        raise ValueError(NOT_HTTPS)
    if len(address) > MAX_LENGTH:
        raise ValueError(TOO_LONG)
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in address):
        raise ValueError(HIDDEN_CHARACTERS)
    if "@" in address[len("https://") :].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        raise ValueError(CREDENTIALS)
    if not _ADDRESS.match(address) or not has_valid_port(address):
        raise ValueError(NOT_AN_ADDRESS)
    return address


def has_valid_port(address: str) -> bool:
    """False when the address names a port no browser can open (0, or above 65535): the browser would refuse
    to go there, and the quick exit would leave the person where they are."""
    try:
        port = urlsplit(address).port
    except ValueError:
        return False
    return port is None or port > 0


def usable(text: str | None) -> str | None:
    """``text`` when it is an address the quick exit may go to, else None."""
    if text is None:
        return None
    try:
        return check_destination(text)
    except ValueError:
        return None


def destination(chosen: str | None) -> str:
    """Where the quick exit goes: the person's choice when it is usable, else the deployment's or the default."""
    return usable(chosen) or safety.quick_exit_url()


def is_default(chosen: str | None) -> bool:
    """True when the person has not chosen an address of their own (or the saved one cannot be used)."""
    return usable(chosen) is None
