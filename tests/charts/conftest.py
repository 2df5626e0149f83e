"""A year and a decade of sample data, ending on the chart tests' fixed day."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.charts.helpers import TODAY
from winback import sample


@pytest.fixture(scope="module")
def year() -> dict[str, pd.DataFrame]:
    return sample.generate(365, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def decade() -> dict[str, pd.DataFrame]:
    return sample.generate(3650, seed=7, today=TODAY)
