"""Start-up: what reaches the running window from outside (a plan opened in the macOS Finder)."""

from __future__ import annotations

import shutil

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ui.shell.app import FileOpener


def test_a_plan_opened_in_the_finder_opens_in_the_running_window(window, tmp_path, demo_master):
    other = tmp_path / "Visita Panamá.dplan"
    shutil.copyfile(demo_master, other)
    app = QApplication.instance()
    opener = FileOpener(window)
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert window.ctrl.store is not None
        assert window.ctrl.store.path == other
    finally:
        app.removeEventFilter(opener)
