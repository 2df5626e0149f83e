"""Imported by a test server before Streamlit starts (``devserver.running(preload=...)``): the five-step model
fails as a bug would, with the person's words in its message, so Today, Progress and Reconnect fail."""

from __future__ import annotations

from typing import Any

from winback import progress

SECRET = "my note says I still love Sam"


def _fail(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(SECRET)


progress.from_store = _fail
