"""Installed in a test server before Streamlit starts (``devserver.running(preload=...)`` calls ``install``): the
five-step model fails as a bug would, with the person's words in its message, so Today, Progress and Reconnect
fail. Importing this module changes nothing: pytest imports every test module (browser ones too) when it
collects, and a patch at import would break the five steps for every other test in that process."""

from __future__ import annotations

from typing import Any

from winback import progress

SECRET = "my note says I still love Sam"


def _fail(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(SECRET)


def install() -> None:
    progress.from_store = _fail
