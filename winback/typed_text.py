"""Text a person typed or pasted, made fit to keep: control characters removed, line breaks kept.

A paste can carry characters nobody sees — NUL, escape, the C1 controls, half of a surrogate pair. Most would
be stored and read back unnoticed; NUL cannot be stored at all, and a lone surrogate cannot even be written
as UTF-8. So every text field removes them as it is read, and the form says how many it removed.
"""

from __future__ import annotations

import re

from winback.words import count_phrase

# Unicode's Cc (C0 without tab and newline, DEL, C1) and Cs (surrogate halves, which no UTF-8 file can hold).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> tuple[str, int]:
    """``text`` without control characters other than tab and newline, and how many were removed.
    A carriage return ends a line (Windows or old Mac text), so it becomes a newline rather than vanishing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept, removed = _CONTROL.subn("", text)
    return kept, removed


def removed_notice(removed: int, where: str) -> str:
    """What a form says after taking control characters out of ``where`` (winback's words, never the text)."""
    return (
        f"Removed {count_phrase(removed, 'invisible control character')} from {where} (such as NUL, pasted "
        "along with text): they cannot be kept. Everything else is as you typed it."
    )
