"""The core never depends on Qt or on the window."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.paths import ROOT


def test_no_core_module_imports_qt_or_ui():
    offenders = []
    for path in (ROOT / "planner").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in ("PySide6", "shiboken6", "ui", "PyQt5", "PyQt6"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_command_line_runs_without_loading_qt(tmp_path):
    code = (
        "import sys; from ui.launcher import main;"
        f" rc = main(['demo', {str(tmp_path / 'd.dplan')!r}]);"
        f" rc2 = main(['info', {str(tmp_path / 'd.dplan')!r}, '--json']);"
        " import planner.operations, planner.queries, planner.demo, planner.store;"
        " bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        " print('QT', bad, file=sys.stderr); sys.exit(rc or rc2 or (3 if bad else 0))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
