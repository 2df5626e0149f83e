"""Text a person typed (winback.typed_text): control characters removed and counted, everything else kept."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from winback import typed_text
from winback.csvcodec import validate_row
from winback.schema import DAILY_LOG
from winback.store import Store


@pytest.mark.parametrize(
    ("typed", "kept", "removed"),
    [
        ("a\x00b", "ab", 1),
        ("\x00\x00\x00", "", 3),
        ("esc\x1b[31mred", "esc[31mred", 1),
        ("bell\x07 del\x7f c1\x85\x9f", "bell del c1", 4),
        ("form\x0cfeed\x0bvtab\x1cfs", "formfeedvtabfs", 3),
        ("half \ud800 pair", "half  pair", 1),
        ("tab\tand\nnewline", "tab\tand\nnewline", 0),
        ("windows\r\nold mac\rend", "windows\nold mac\nend", 0),
        ("émoji 👩‍👩‍👧 עברית \u200d\u2028", "émoji 👩‍👩‍👧 עברית \u200d\u2028", 0),
        ("", "", 0),
    ],
    ids=[
        "nul",
        "only-nul",
        "escape",
        "bell-del-c1",
        "ff-vt-fs",
        "lone-surrogate",
        "tab-newline",
        "crlf-cr",
        "unicode",
        "empty",
    ],
)
def test_control_characters_are_removed_and_counted(typed: str, kept: str, removed: int) -> None:
    assert typed_text.clean(typed) == (kept, removed)


def test_the_notice_counts_in_words() -> None:
    assert typed_text.removed_notice(1, "the note").startswith("Removed 1 invisible control character from the note")
    assert typed_text.removed_notice(3, "the name").startswith("Removed 3 invisible control characters from the name")


@given(st.text())
def test_what_is_kept_has_no_control_character_but_tab_and_newline(typed: str) -> None:
    kept, removed = typed_text.clean(typed)
    assert all(c in "\t\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in kept)
    assert removed == sum(1 for c in typed if c not in "\t\n\r" and unicodedata.category(c) in ("Cc", "Cs"))


@given(st.text(max_size=300))
def test_a_cleaned_note_is_stored_and_read_back_as_the_store_keeps_it(
    tmp_path_factory: pytest.TempPathFactory, typed: str
) -> None:
    store = Store(tmp_path_factory.mktemp("note"))
    note, _ = typed_text.clean(typed)
    row = {"date": date(2026, 1, 1), "mood": 3, "missing_ex": 3, "contact": "none", "activities": (), "note": note}
    store.upsert(DAILY_LOG, [row])
    # The store's own tidying of a note (surrounding blank space) is not this module's business.
    assert store.read(DAILY_LOG).frame["note"].tolist() == [validate_row(DAILY_LOG, row)["note"]]
