"""No text from outside winback reaches Streamlit's Markdown unlisted: every call of a Markdown-drawing element in
winback/ui, pages/ and app.py whose text is not a literal must either pass it through ``winback.plain.plain``
(and be a sink in tests/support/text_sinks.py, which the browser test drives) or be listed there as winback's
own words, with the reason. A new sink, or a changed one, fails here until someone has looked at it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.devserver import ROOT
from tests.support.text_sinks import OWN_WORDS, SINKS

SCANNED = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "winback" / "ui").glob("*.py")])

# Elements that draw their first argument (or body=) as Markdown.
BODY = {"markdown", "caption", "title", "header", "subheader", "error", "info", "success", "warning", "toast"}
BODY |= {"write", "badge", "spinner", "status"}
# st.html draws HTML itself: what it is given must be winback's own, with anything else in it html.escape'd.
BODY |= {"html"}
# Elements whose label (first argument or label=) is drawn as Markdown; tabs take a list of labels.
LABELLED = {"button", "download_button", "link_button", "form_submit_button", "page_link", "checkbox", "toggle"}
LABELLED |= {"radio", "selectbox", "multiselect", "select_slider", "slider", "text_input", "text_area"}
LABELLED |= {"number_input", "date_input", "time_input", "file_uploader", "camera_input", "color_picker"}
LABELLED |= {"pills", "segmented_control", "expander", "popover", "metric", "feedback", "tabs"}
# A table's column settings (st.column_config.TextColumn and the rest): their label and help.
COLUMNS = {"Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn", "DatetimeColumn"}
COLUMNS |= {"DateColumn", "TimeColumn", "ListColumn", "LinkColumn", "ImageColumn", "ProgressColumn"}
COLUMNS |= {"LineChartColumn", "BarChartColumn", "AreaChartColumn", "JsonColumn", "MultiselectColumn"}
LABELLED |= COLUMNS
# Options drawn as Markdown (format_func, or the options themselves). A selectbox's and a multiselect's options
# are plain text (an input's value, a list box): Chromium shows their backslashes, so they are not escaped.
MARKDOWN_OPTIONS = {"radio", "select_slider", "pills", "segmented_control"}
# Keyword arguments drawn as Markdown wherever they appear.
MARKDOWN_KEYWORDS = {"help", "captions"}
# Functions whose result is winback's own words whatever their arguments: days and moments.
OWN_WORDS_CALLS = {"day_words", "moment_words"}
NUMBER_CALLS = {"len", "round", "int", "float", "range", "abs"}


@dataclass(frozen=True)
class Site:
    """One text argument of one Markdown-drawing call: where it is, what it is, and what in it is not a literal."""

    file: str
    function: str
    element: str
    role: str
    outside: tuple[str, ...]
    escaped: bool


def is_constant_name(node: ast.expr) -> bool:
    """A module constant (UPPER_CASE), here or imported: winback's own words and codes (vocab, content)."""
    if isinstance(node, ast.Name):
        return node.id.isupper()
    return isinstance(node, ast.Attribute) and node.attr.isupper()


def outside(node: ast.expr) -> list[str]:
    """The parts of a text expression that are neither literals, nor escaped, nor winback's own words."""
    match node:
        case ast.Constant():
            return []
        case ast.JoinedStr():
            return [part for value in node.values for part in outside(value)]
        case ast.FormattedValue():
            return outside(node.value)
        case ast.BinOp():
            return outside(node.left) + outside(node.right)
        case ast.IfExp():
            return outside(node.body) + outside(node.orelse)
        case ast.Lambda():
            return outside(node.body)
        case ast.List() | ast.Tuple() | ast.Set():
            return [part for element in node.elts for part in outside(element)]
        case ast.Starred():
            return outside(node.value)
        case ast.GeneratorExp() | ast.ListComp():
            return outside(node.elt)
        case ast.Subscript() if is_constant_name(node.value):
            return []  # a label looked up in one of winback's tables
        case ast.Attribute() if node.attr in {"get", "__getitem__"} and is_constant_name(node.value):
            return []
        case ast.Call():
            return call_outside(node)
    if is_constant_name(node):
        return []
    return [ast.unparse(node)]


def call_outside(node: ast.Call) -> list[str]:
    name = callee(node)
    arguments = [*node.args, *(k.value for k in node.keywords)]
    if name == "plain" or name in OWN_WORDS_CALLS or name in NUMBER_CALLS:
        return []
    if name == "count_phrase":  # a number and winback's words for it
        return [part for argument in node.args[1:] for part in outside(argument)]
    if name in {"list", "tuple", "sorted", "join"}:
        return [part for argument in arguments for part in outside(argument)]
    if name == "get" and isinstance(node.func, ast.Attribute) and is_constant_name(node.func.value):
        return []
    return [ast.unparse(node)]


def callee(node: ast.Call) -> str:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return node.func.id if isinstance(node.func, ast.Name) else ""


def is_escaped(node: ast.expr) -> bool:
    return any(isinstance(n, ast.Call) and callee(n) == "plain" for n in ast.walk(node))


def text_arguments(element: str, node: ast.Call) -> Iterator[tuple[str, ast.expr]]:
    """(role, expression) for each argument of the call that Streamlit draws as Markdown."""
    keywords = {k.arg: k.value for k in node.keywords if k.arg}
    first = "body" if element in BODY else "label"
    # A page link's first argument is the page, a progress bar's its value.
    node_args = [] if element in {"page_link", "progress"} else list(node.args)
    if node_args or first in keywords:
        yield ("labels" if element == "tabs" else "text"), node_args[0] if node_args else keywords[first]
    if element == "page_link" and "label" in keywords:
        yield "text", keywords["label"]
    if element == "metric":
        for position, name in ((1, "value"), (2, "delta")):
            value = node_args[position] if len(node_args) > position else keywords.get(name)
            if value is not None:
                yield name, value
    if element == "progress" and "text" in keywords:
        yield "text", keywords["text"]
    if element in MARKDOWN_OPTIONS:
        if "format_func" in keywords:
            yield "format_func", keywords["format_func"]
        elif len(node_args) > 1 or "options" in keywords:
            yield "options", node_args[1] if len(node_args) > 1 else keywords["options"]
    for name in sorted(MARKDOWN_KEYWORDS & keywords.keys()):
        yield name, keywords[name]


@dataclass
class Scan(ast.NodeVisitor):
    """Every Markdown text argument in one file. A function that passes one of its parameters straight into a
    Markdown element is itself a sink for that parameter (``derived``), so its callers are checked instead."""

    file: str
    derived: dict[str, dict[str, int]]
    sites: list[Site] = field(default_factory=list)
    found: dict[str, dict[str, int]] = field(default_factory=dict)
    stack: list[ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=list)
    aliases: list[dict[str, str]] = field(default_factory=list)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.stack.append(node)
        self.aliases.append(element_aliases(node))
        self.generic_visit(node)
        self.aliases.pop()
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        name = callee(node)
        element = self.aliases[-1].get(name, "") if self.aliases and isinstance(node.func, ast.Name) else ""
        if element or (isinstance(node.func, ast.Attribute) and name in BODY | LABELLED | {"progress"}):
            for role, value in text_arguments(element or name, node):
                self.record(element or name, role, value)
        elif name in self.derived:
            for parameter, position in self.derived[name].items():
                value = argument(node, parameter, position)
                if value is not None:
                    self.record(f"{name}({parameter})", "text", value)

    def record(self, element: str, role: str, value: ast.expr) -> None:
        parts = tuple(outside(value))
        function = self.stack[-1] if self.stack else None
        positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)] if function else []
        parameters = [*positional, *(a.arg for a in function.args.kwonlyargs)] if function else []
        if function and parts and all(part in parameters for part in parts):
            for part in parts:
                self.found.setdefault(function.name, {})[part] = positional.index(part) if part in positional else -1
            return
        if parts or is_escaped(value):
            where = ".".join(f.name for f in self.stack) or "<module>"
            self.sites.append(Site(self.file, where, element, role, parts, is_escaped(value)))


def argument(node: ast.Call, parameter: str, position: int) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == parameter:
            return keyword.value
    return node.args[position] if 0 <= position < len(node.args) else None


def element_aliases(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, str]:
    """Local names bound to Markdown elements, as in ``box = {"go": st.success, …}[verdict]``."""
    aliases = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            drawn = sorted(
                {n.attr for n in ast.walk(node.value) if isinstance(n, ast.Attribute) and n.attr in BODY | LABELLED}
            )
            if drawn:
                aliases[node.targets[0].id] = "|".join(drawn)
    return aliases


# rerun_with_notice and leave_notice keep their message for pending_notice, which draws only what they were given
# (through a table of elements the scan does not follow): their callers are the sites checked.
KEPT_FOR_LATER = {"rerun_with_notice": {"message": 1}, "leave_notice": {"message": 1}}


def scan(files: list[Path], root: Path = ROOT) -> list[Site]:
    derived: dict[str, dict[str, int]] = {k: dict(v) for k, v in KEPT_FOR_LATER.items()}
    while True:
        scans = [Scan(str(path.relative_to(root)), derived) for path in files]
        for one, path in zip(scans, files, strict=True):
            one.visit(ast.parse(path.read_text(encoding="utf-8")))
        grown = {name: dict(found) for one in scans for name, found in one.found.items()}
        if all(derived.get(name, {}).keys() >= found.keys() for name, found in grown.items()):
            return [site for one in scans for site in one.sites]
        for name, found in grown.items():
            derived.setdefault(name, {}).update(found)


def key(site: Site) -> tuple[str, str, str, str, tuple[str, ...]]:
    return site.file, site.function, site.element, site.role, site.outside


def unlisted(sites: list[Site]) -> list[Site]:
    listed = {(o.file, o.function, o.element, o.role, o.text) for o in OWN_WORDS}
    return [s for s in sites if s.outside and key(s) not in listed]


def test_every_markdown_text_is_a_literal_escaped_or_winbacks_own_words() -> None:
    found = unlisted(scan(SCANNED))
    assert found == [], (
        "text drawn as Markdown that is neither a literal nor passed through winback.plain.plain: escape it, or "
        "if it is winback's own words, list it in OWN_WORDS in tests/support/text_sinks.py with the reason"
    )


def test_every_escaped_text_is_a_sink_the_inventory_names() -> None:
    escaped = {(s.file, s.function, s.element) for s in scan(SCANNED) if s.escaped}
    named = {(s.file, s.function, s.element) for s in SINKS if s.shown == "escaped"}
    assert escaped == named, "add the sink (and its browser check) to SINKS in tests/support/text_sinks.py"


def test_the_inventory_lists_nothing_that_is_gone() -> None:
    keys = {key(site) for site in scan(SCANNED)}
    gone = [o for o in OWN_WORDS if (o.file, o.function, o.element, o.role, o.text) not in keys]
    assert gone == []
    functions = {
        (str(path.relative_to(ROOT)), node.name)
        for path in SCANNED
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
    }
    assert [s.place for s in SINKS if (s.file, s.function) not in functions] == []
    assert len({s.place for s in SINKS}) == len(SINKS)


SAMPLE = """
import streamlit as st
from winback.plain import plain

LABEL = "Mood"

def draw(entry):
    name = entry.name
    st.markdown("**Always** the same")
    st.error(f"Nothing for {name}")
    st.error(plain(name))
    st.slider(LABEL, 0, 10)
    st.radio("Pick", ["a"], format_func=lambda a: f"{name} {a}")
    st.selectbox("Pick", [name], format_func=lambda a: a)
    box = {"a": st.success, "b": st.warning}["a"]
    box(name)
    labelled(name)
    labelled("Retire")

def labelled(text):
    st.button(text)
"""


def test_the_scan_sees_what_it_must(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE, encoding="utf-8")
    sites = [(s.function, s.element, s.role, s.outside, s.escaped) for s in scan([path], tmp_path)]
    assert sites == [
        ("draw", "error", "text", ("name",), False),
        ("draw", "error", "text", (), True),
        ("draw", "radio", "format_func", ("name", "a"), False),
        ("draw", "success|warning", "text", ("name",), False),
        ("draw", "labelled(text)", "text", ("name",), False),
    ]
