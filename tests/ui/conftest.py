"""Window fixtures: settings in a temp ini file, a main window on a copy of the demo plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ui import settings as opt
from ui.main_window import MainWindow
from ui.translation import install


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> opt.Settings:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("PLANNER_SETTINGS", str(path))
    return opt.Settings(path)


@pytest.fixture
def window(qtbot, settings, demo_path) -> Iterator[MainWindow]:
    install("en")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_path(demo_path), win.last_error
    yield win
    win.ctrl.close()
