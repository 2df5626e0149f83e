"""Text from outside winback (a file, the folder, what the person typed) made safe for the screen.

Streamlit draws almost every piece of text it is given as Markdown: messages, captions, widget labels, the
options of radios and sliders, tab and expander titles, metric labels, tooltips. Its Markdown is GitHub's
plus its own additions, so a Daylio mood label or an activity name could draw an image fetched from another
host, a link, LaTeX, a coloured or shimmering span, a Material icon or the Streamlit logo. ``plain`` turns
such text into Markdown that draws exactly that text, and nothing else.

How (each step checked in Chromium against Streamlit 1.67, see tests/e2e/test_text_sinks.py):

- Every ASCII punctuation character is backslash-escaped. CommonMark lets any of them be escaped, and that
  alone stops emphasis, links, images, autolinks in ``<…>``, code, headings, lists, quotes, tables, HTML,
  ``$`` LaTeX (Streamlit looks for an unescaped ``$`` before loading KaTeX), ``:name[…]`` directives and
  backslashes themselves.
- Some of Streamlit's Markdown is found in the parsed text itself, after escapes are gone: bare URLs,
  ``www.`` and e-mail addresses become links, ``:streamlit:`` the logo image, ``:material_x:`` an icon,
  ``:emoji:`` an emoji, and `` -> `` ``<-`` ``--`` ``>=`` ``<=`` ``~=`` arrows and signs. Before each
  ``: @ . - > =`` an empty ``:small[]`` directive (an empty span, nothing to see or read) splits the text,
  so none of those patterns is ever whole in one piece.
- A line break becomes a hard break (backslash, newline), so the person sees their lines; trailing breaks
  are dropped, since a backslash that ends the text would be drawn. Spaces and tabs that begin a line become
  character references, so they never make a code block or get dedented away.
"""

from __future__ import annotations

import string

_PUNCTUATION = frozenset(string.punctuation)
# An empty span: it splits the parsed text where a pattern would otherwise match across it.
_SPLIT = ":small[]"
_SPLIT_BEFORE = frozenset(":@.->=")
_INDENT = {" ": "&#32;", "\t": "&#9;"}


def plain(text: str) -> str:
    """Markdown that Streamlit draws as exactly ``text``: no formatting, link, image, LaTeX or directive."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    return "\\\n".join(_line(line) for line in lines)


def _line(line: str) -> str:
    body = line.lstrip(" \t")
    indent = "".join(_INDENT[c] for c in line[: len(line) - len(body)])
    return indent + "".join(_character(c) for c in body)


def _character(c: str) -> str:
    if c not in _PUNCTUATION:
        return c
    return (_SPLIT if c in _SPLIT_BEFORE else "") + "\\" + c
