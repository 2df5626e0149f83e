"""What the fault suite did, for the one summary line printed at the end of the test run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Tally:
    rounds: int = 0
    cases: int = 0
    rows_checked: int = 0
    lost: int = 0


TALLY = Tally()


def summary() -> str:
    return (
        f"fault suite: {TALLY.rounds} kill rounds, {TALLY.cases} fault cases, "
        f"{TALLY.rows_checked} rows checked, lost: {TALLY.lost}"
    )
