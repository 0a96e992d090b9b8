"""Window fixtures: settings in a temp ini file, a main window on a copy of the demo plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ui import settings as opt
from ui.shell.main_window import MainWindow
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
    assert win.files.open_path(demo_path), win.last_error
    yield win
    win.ctrl.close()


@pytest.fixture
def checked(qtbot):
    """Wait for a window's conflict check, which runs in the background (the first one starts
    a moment after the plan opens), to have found what the plan holds now."""

    def wait(win: MainWindow) -> None:
        qtbot.waitUntil(
            lambda: win.watcher.checker is not None and not win.watcher.checking, timeout=20000
        )

    return wait


@pytest.fixture(autouse=True)
def _self_deleting_dialogs(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edit forms delete themselves once closed (so a day of editing does not pile hidden
    forms on the window); qtbot must not close them again at the end of a test."""
    from PySide6.QtCore import Qt

    add = qtbot.addWidget

    def add_widget(widget, *args, **kwargs):  # type: ignore[no-untyped-def]
        if widget.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
            return None
        return add(widget, *args, **kwargs)

    monkeypatch.setattr(qtbot, "addWidget", add_widget)
