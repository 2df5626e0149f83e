"""Configuration and code rules that keep a person's diary private and their text inert."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from tests.support.devserver import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
SOURCES = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "winback").rglob("*.py")])


def test_config_keeps_xsrf_on_stats_off_errors_hidden_and_binds_to_loopback() -> None:
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["server"]["address"] == "127.0.0.1"


def calls(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]


def test_no_page_renders_html_from_markdown() -> None:
    offenders = [
        f"{path.name}:{call.lineno}"
        for path in SOURCES
        for call in calls(path)
        for keyword in call.keywords
        if keyword.arg == "unsafe_allow_html"
    ]
    assert offenders == []


def test_raw_html_is_only_winbacks_own_fixed_markup() -> None:
    """st.html appears only in winback/ui, for the quick exit, scrolling, moving focus, the daily form's hold (its
    script, day mark and note), the error boundary's slot marks and hiding of a failed slot, and the line that
    names the page that opened (for screen readers), never with a person's text."""
    users = [
        (path.relative_to(ROOT).as_posix(), call.lineno)
        for path in SOURCES
        for call in calls(path)
        if isinstance(call.func, ast.Attribute)
        and call.func.attr == "html"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "st"
    ]
    assert {name for name, _ in users} <= {
        "winback/ui/frame.py",
        "winback/ui/widgets.py",
        "winback/ui/daily_form.py",
        "winback/ui/guard.py",
    }
    assert len(users) == 9


def test_nothing_calls_out_to_the_network() -> None:
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for module in ("requests", "httpx", "urllib.request", "socket"):
            assert f"import {module}" not in text, (path.name, module)
