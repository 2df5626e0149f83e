"""Driving the app with AppTest: the router always runs first, as it does for a person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from tests.support.devserver import ROOT
from winback import sitemap

PAGE_FILES = {page.title: page.file for page in sitemap.PAGES}


def open_page(page_file: str, *, timeout: float = 60) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    app.run()
    if page_file != sitemap.TODAY.file:
        app.switch_page(page_file).run()
    return app


def texts(app: AppTest) -> str:
    """Everything a person can read on the page, as one string."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "success", "error", "warning", "info"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    return "\n".join(parts)


def folder_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def box(app: AppTest, key: str) -> Block:
    """The container drawn with ``key`` (st.container(key=…)), wherever it is on the page."""
    found = [node for node in _blocks(app.main) if getattr(node, "key", None) == key]
    assert len(found) == 1, f"{len(found)} containers with key {key!r}"
    return found[0]


def _blocks(node: Block) -> Iterator[Block]:
    for child in node.children.values():
        if isinstance(child, Block):
            yield child
            yield from _blocks(child)


def widget_keys(node: Block) -> list[str]:
    """The keys of the widgets drawn inside a container, in order."""
    keys: list[str] = []
    for child in node.children.values():
        key = getattr(child, "key", None)
        if isinstance(child, Block):
            keys.extend(widget_keys(child))
        elif isinstance(key, str):
            keys.append(key)
    return keys


def texts_in(node: Block) -> str:
    """What a person can read inside a container, as one string."""
    parts: list[str] = []
    for child in node.children.values():
        value = getattr(child, "value", None)
        if isinstance(child, Block):
            parts.append(texts_in(child))
        elif isinstance(value, str) and not hasattr(child, "options"):  # a widget's value is not its words
            parts.append(value)
    return "\n".join(parts)
