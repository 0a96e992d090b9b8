"""Lint and types are part of the suite: ruff on everything, strict mypy on the core and the
window (pyproject.toml's ``[tool.mypy]``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.skipif(
    shutil.which("ruff", path=str(Path(sys.executable).parent)) is None,
    reason="ruff is installed with the test extras",
)
def test_ruff_finds_nothing():
    result = _run("ruff", "check", "planner", "ui", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("ruff", path=str(Path(sys.executable).parent)) is None,
    reason="ruff is installed with the test extras",
)
def test_the_code_is_formatted_by_ruff():
    result = _run("ruff", "format", "--check", "planner", "ui", "tests", "tools", "bench")
    assert result.returncode == 0, "run: ruff format\n" + result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("mypy", path=str(Path(sys.executable).parent)) is None,
    reason="mypy is installed with the test extras",
)
def test_core_and_window_are_strictly_typed():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
