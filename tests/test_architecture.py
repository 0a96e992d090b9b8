"""The layers hold (docs/ARCHITECTURE.md): what may import what, where SQL and transactions
live, how long a module may grow, and what the window loads at start.

Every rule here reads the source with ``ast``; none needs Qt or a plan.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.paths import ROOT

MAX_LINES = 800
# Imported inside a function, on purpose, to keep the window's start quick: the ORM (and the
# modules that load it when imported), the workbook, PDF and calendar libraries, migrations,
# the database driver, and the pages and dialogs not yet shown.
DEFERRED = (
    "sqlalchemy",
    "openpyxl",
    "reportlab",
    "alembic",
    "psycopg",
    "icalendar",
    "python_calamine",
    "babel",  # locale data for dates and numbers in the reader's language, loaded on first use
    "planner.domain.model",
    "planner.operations",
    "planner.store.shared",
    "planner.store.migrations",
    "planner.imports",
    "planner.exports",
    "planner.demo",
    "ui.pages",
    "ui.dialogs",
    # the launcher starts either the command line (never Qt) or the window, never both
    "planner.cli",
    "ui.shell.app",
)
# Loaded only when needed: never by opening the window on a plan.
NOT_AT_START = ("sqlalchemy", "openpyxl", "reportlab", "alembic", "psycopg", "icalendar")


def modules(*tops: str) -> Iterator[tuple[str, Path, ast.Module]]:
    for top in tops:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path, ast.parse(path.read_text(encoding="utf-8"))


def imported(name: str, node: ast.Import | ast.ImportFrom, known: set[str]) -> list[str]:
    """The modules an import statement loads (a name imported from a package may be one)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = name.split(".")[: -node.level] if not name.endswith("__init__") else name
        base = ".".join([*package, *([node.module] if node.module else [])])
    found = []
    for alias in node.names:
        full = f"{base}.{alias.name}"
        found.append(full if full in known else base)
    return found


def test_every_module_is_short_enough_to_read_in_one_sitting():
    long = [
        f"{path.relative_to(ROOT)} ({count} lines)"
        for _name, path, _tree in modules("planner", "ui")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == [], f"split these by what they hold (at most {MAX_LINES} lines)"


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """Imports under ``if TYPE_CHECKING:``: read by the type checker, never run."""
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(n for child in node.body for n in ast.walk(child))
    return found


def test_no_import_cycles():
    found = {name: tree for name, _path, tree in modules("planner", "ui")}
    known = set(found)
    graph: dict[str, set[str]] = {name: set() for name in found}
    for name, tree in found.items():
        typing_only = _type_checking_only(tree)
        for node in ast.walk(tree):
            if node in typing_only:
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in imported(name, node, known):
                    while target and target not in known:
                        target = target.rpartition(".")[0]
                    if target and target != name:
                        graph[name].add(target)
    cycles = _cycles(graph)
    assert cycles == [], "cut these cycles (a module imports one that imports it back)"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_imports_are_at_module_level_but_for_the_named_deferred_ones():
    inside = []
    for name, path, tree in modules("planner", "ui"):
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    for target in imported(name, node, set()):
                        if not target.startswith(DEFERRED) and target != "__future__":
                            inside.append(f"{path.relative_to(ROOT)}:{node.lineno} {target}")
    assert sorted(set(inside)) == [], "import these at the top of the module (or cut a cycle)"


def _sql_strings(tree: ast.Module) -> Iterator[ast.Constant]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = " ".join(node.value.split())  # SQL is written in capitals here
            if text.startswith(("SELECT ", "INSERT INTO ", "DELETE FROM ")) or (
                text.startswith("UPDATE ") and " SET " in text
            ):
                yield node


def test_sql_lives_only_in_the_queries_and_the_store():
    outside = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for name, path, tree in modules("planner", "ui")
        if not name.startswith(("planner.queries", "planner.store"))
        for node in _sql_strings(tree)
    ]
    assert outside == [], "move these reads to planner/queries (writes: planner/operations)"


def test_transactions_are_opened_only_by_the_operations_and_the_store():
    opened = []
    for name, path, tree in modules("planner", "ui"):
        if name.startswith(("planner.operations", "planner.store")):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "transaction"
            ):
                opened.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert opened == [], "write through planner.operations (one writer)"


def test_opening_the_window_loads_neither_the_orm_nor_the_file_libraries():
    code = (
        "import sys; import ui.shell.main_window;"
        f" print(sorted({{m.split('.')[0] for m in sys.modules}} & set({NOT_AT_START!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", "defer these imports: " + result.stdout


def test_tests_mirror_the_layout():
    """A test of ``planner/rules`` lives in ``tests/planner/rules/``: every folder of tests
    under ``tests/planner`` and ``tests/ui`` names a package of the code."""
    strays = []
    for top in ("planner", "ui"):
        for folder in sorted((ROOT / "tests" / top).rglob("*")):
            if not folder.is_dir() or folder.name == "__pycache__":
                continue
            code = ROOT / folder.relative_to(ROOT / "tests")
            if not (code / "__init__.py").is_file():
                strays.append(str(folder.relative_to(ROOT)))
    assert strays == [], "these test folders name no package of planner/ or ui/"
    loose = sorted(p.name for p in (ROOT / "tests").glob("*/test_*.py") if p.parent.name == "core")
    assert loose == [], "tests of the core live in tests/planner/<package>/"
