"""A folder winback may not write in: every write on screen says so in words (the StorageError's message),
changes no file, and leaves every page working afterwards. Driven by tests/support/read_only.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import read_only

pytestmark = pytest.mark.faults

REFUSED = "may not write in that folder"


@pytest.fixture(scope="module")
def outcomes() -> tuple[dict[str, Any], dict[str, Any]]:
    """Every scenario, each on a read-only copy of a year of sample data, in one child process."""
    return read_only.run(list(read_only.SCENARIOS))


@pytest.mark.parametrize("name", list(read_only.SCENARIOS))
def test_a_write_on_a_read_only_folder_says_why_and_changes_nothing(
    outcomes: tuple[dict[str, Any], dict[str, Any]], name: str
) -> None:
    results, changes = outcomes
    result = results[name]
    assert "crashed" not in result, result.get("crashed")
    assert result["exception"] == [], f"{name}: Streamlit's own error was shown"
    refusals = [message for message in result["errors"] if REFUSED in message]
    if read_only.SCENARIOS[name].writes:
        assert refusals, f"{name}: no message saying why; the page said:\n{result['texts']}"
    before, after = changes[name]
    assert after == before, f"{name}: files changed"
    broken = {title: errors for title, errors in result["later"].items() if errors}
    assert broken == {}, f"{name}: pages broken afterwards"
