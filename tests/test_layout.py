"""The layout rules of docs/architecture.md, checked on the source: no import cycle inside winback, Streamlit
only in winback/ui, small functions and modules, and every product word declared once, in winback.vocab."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.devserver import ROOT
from winback import vocab

PACKAGE = ROOT / "winback"
MODULES = sorted(PACKAGE.rglob("*.py"))
DRAWN = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(path: Path) -> Iterator[str]:
    """Every module this file imports, at any depth (inside functions and TYPE_CHECKING blocks too)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield base
            # "from winback import store" imports the module winback.store.
            yield from (f"{base}.{alias.name}" for alias in node.names)


def graph() -> dict[str, set[str]]:
    names = {module_name(p) for p in MODULES}
    return {module_name(p): {m for m in imported(p) if m in names and m != module_name(p)} for p in MODULES}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(edges.get(node, ())):
            found = visit(target)
            if found:
                return found
        path.pop()
        done.add(node)
        return None

    for start in sorted(edges):
        found = visit(start)
        if found:
            return found
    return None


def test_the_checker_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_winback_has_no_import_cycle() -> None:
    edges = graph()
    assert "winback.store" in edges["winback.tracker"], "the graph should see winback's own imports"
    assert cycle(edges) is None


def test_only_winback_ui_imports_streamlit() -> None:
    drawing = [p for p in MODULES if "streamlit" in {m.partition(".")[0] for m in imported(p)}]
    assert drawing, "the ui package draws with Streamlit"
    outside = [str(p.relative_to(ROOT)) for p in drawing if p.relative_to(PACKAGE).parts[0] != "ui"]
    assert outside == []


def functions(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, (node.end_lineno or node.lineno) - node.lineno + 1


@pytest.mark.parametrize("path", [*MODULES, *DRAWN], ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_and_modules_stay_small(path: Path) -> None:
    long = [(name, size) for name, size in functions(path) if size > MAX_FUNCTION_LINES]
    assert long == [], f"functions over {MAX_FUNCTION_LINES} lines"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


VOCAB_NAMES = {name for name in dir(vocab) if name.isupper()}
CODE_SETS = [
    frozenset(values)
    for values in (vocab.CONTACTS, vocab.TIERS, vocab.FLAGGED_TIERS, vocab.VERDICTS, vocab.LIFE_AREAS, vocab.PERIODS)
]
LABELS = {
    label
    for table in (vocab.MOOD_WORDS, vocab.CONTACT_LABELS, vocab.WHO, vocab.CHANNELS, vocab.TONES, vocab.STEP_NAMES)
    for label in table.values()
    if " " in label  # a one-word label ("meh", "Call") may be an ordinary word in a sentence
}


def redeclared(path: Path) -> Iterator[str]:
    for node in ast.walk(tree(path)):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Name) and target.id in VOCAB_NAMES:
                yield f"{target.id} assigned at line {node.lineno}"
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(values) == len(node.elts) > 1 and frozenset(values) in CODE_SETS:
                yield f"the codes {values} spelled out at line {node.lineno}"
        if isinstance(node, ast.Constant) and node.value in LABELS:
            yield f"the label {node.value!r} at line {node.lineno}"


@pytest.mark.parametrize("path", [p for p in [*MODULES, *DRAWN] if p.name != "vocab.py"], ids=lambda p: p.name)
def test_product_words_are_declared_once_in_vocab(path: Path) -> None:
    assert list(redeclared(path)) == []


def test_the_word_check_sees_a_redeclared_label(tmp_path: Path) -> None:
    copy = tmp_path / "copy.py"
    copy.write_text('MOOD_WORDS = {1: "awful"}\nFLAGS = ("toxic", "danger")\nX = "We talked"\n', encoding="utf-8")
    assert len(list(redeclared(copy))) == 3


def spelled_keys(path: Path) -> Iterator[str]:
    """Session keys written out as text: a key= argument, or st.session_state[...] with a string."""
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.keyword) and node.arg == "key" and isinstance(node.value, ast.Constant | ast.JoinedStr):
            yield f"key= at line {node.value.lineno}"
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "session_state"
            and isinstance(node.slice, ast.Constant | ast.JoinedStr)
        ):
            yield f"session_state[...] at line {node.lineno}"


@pytest.mark.parametrize(
    "path",
    [p for p in [*DRAWN, *(PACKAGE / "ui").glob("*.py")] if p.name != "state.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_page_or_widget_spells_a_session_key(path: Path) -> None:
    assert list(spelled_keys(path)) == []


def test_the_key_check_sees_a_spelled_key(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text('st.button("Go", key="go")\nst.session_state["x"] = 1\nst.toggle("On", key=f"on_{n}")\n')
    assert len(list(spelled_keys(page))) == 3


# Drawn by pages: tested through the page's AppTest in tests/pages. Parts of the sample history: through
# tests/test_sample.py, which checks the history they make together.
TESTED_THROUGH = {
    "ui": "tests/pages",
    "sample_story.py": "tests/test_sample.py",
    "sample_tables.py": "tests/test_sample.py",
}


def test_tests_mirror_winback_and_pages() -> None:
    missing = []
    for path in MODULES:
        relative = path.relative_to(PACKAGE)
        if path.name == "__init__.py" or relative.parts[0] in TESTED_THROUGH or path.name in TESTED_THROUGH:
            continue
        expected = ROOT / "tests" / relative.parent / f"test_{path.name}"
        if not expected.exists():
            missing.append(str(expected.relative_to(ROOT)))
    missing += [f"tests/pages/test_{page.name}" for page in (ROOT / "pages").glob("*.py")]
    missing = [m for m in missing if not (ROOT / m).exists()]
    assert missing == []
