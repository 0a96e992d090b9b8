"""The window on a 1366×768 laptop whose task bar leaves 1366×728: every page, each of its tabs
and every dialog, walked as a user would, with what asks for more than the screen reported.

Used in-process by ``test_laptop_screen.py`` (offscreen) and, run as a program, under a real X
server (Xvfb)::

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.ui.laptop PLAN --lang es
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

AVAILABLE = QSize(1366, 728)  # a 1366×768 screen less a 40 px task bar

EDIT_KINDS = (
    "organisation",
    "delegation",
    "person",
    "group",
    "venue",
    "room",
    "module",
    "assessment",
    "question",
    "unavailability",
    "session",
    "travel",
    "room_block",
    "stay",
    "road_time",
    "stop",
    "vehicle",
    "ride",
    "budget_line",
    "budget_actual",
    "per_diem_rate",
    "exchange_rate",
    "catering_rate",
    "funding_source",
    "budget_category",
)


def too_big(what: str, widget: QWidget) -> list[str]:
    """What ``widget`` (a window) asks for beyond the available screen: its size as shown,
    the least it can shrink to, and (for a dialog, which opens at it) the size it wants."""
    faults = []
    sizes = [
        ("is", widget.size()),
        ("cannot shrink below", widget.minimumSizeHint()),
    ]
    if isinstance(widget, QDialog) and not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        sizes.append(("asks for", widget.sizeHint()))  # (a dialog that sizes itself does not)
    for verb, size in sizes:
        if size.width() > AVAILABLE.width() or size.height() > AVAILABLE.height():
            faults.append(
                f"{what} {verb} {size.width()}×{size.height()}, more than "
                f"{AVAILABLE.width()}×{AVAILABLE.height()}"
            )
    return faults


def settle() -> None:
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    QApplication.processEvents()


def walk_pages(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Show every page, every tab of it and a selected row in each of its lists (details
    panels fill from it): the window must stay within the screen throughout."""
    from ui.shell.main_window import PAGE_NAMES

    faults: list[str] = []
    for name in PAGE_NAMES:
        window.show_page(name)
        settle()
        page = window.pages[name]
        for panel in getattr(page, "panels", []):
            if panel.isVisible() and panel.proxy.rowCount():
                panel.view.selectRow(0)
        settle()
        faults += too_big(f"the window on {name}", window)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                faults += too_big(f"the window on {name} ▸ {tabs.tabText(index)}", window)
            tabs.setCurrentIndex(0)
    return faults


def other_dialogs(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every dialog of the window other than the edit forms, built on the demo plan."""
    from planner import queries
    from planner.domain.errors import ConflictError
    from ui.dialogs.attendance import AttendanceDialog
    from ui.dialogs.checkin import CheckinDialog
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.importer import ImportWizard
    from ui.dialogs.journey import ArrivalsDialog, ScheduleDialog
    from ui.dialogs.people_tools import MergeDialog, SplitDialog
    from ui.dialogs.plan import CopyPlanDialog, PreferencesDialog
    from ui.dialogs.results import QuestionsDialog, ResultsDialog
    from ui.dialogs.rotation import RotationDialog
    from ui.dialogs.shared import ConflictDialog, ConnectDialog, HistoryDialog
    from ui.pages.calendar import RepeatDialog

    ctrl, formats = window.ctrl, window.formats
    store = ctrl.require()
    delegation = queries.delegations(store)[0].id
    days = sorted({s.start.date() for s in queries.sessions(store)})
    return [
        PreferencesDialog(window.settings, window),
        CopyPlanDialog(ctrl, formats, window),
        ExportDialog(ctrl, window.settings, formats, window),
        ExportDialog(ctrl, window.settings, formats, window, "itineraries"),
        AttendanceDialog(ctrl, formats, window),
        CheckinDialog(ctrl, formats, window),
        ResultsDialog(ctrl, formats, window, window.editor),
        QuestionsDialog(ctrl, window.editor, window),
        ImportWizard(ctrl, window),
        SplitDialog(ctrl, window),
        MergeDialog(ctrl, formats, window),
        RotationDialog(ctrl, formats, window),
        ArrivalsDialog(ctrl, formats, window),
        ScheduleDialog(ctrl, formats, ("delegation", delegation), window),
        RepeatDialog(days, {days[0]}, formats, window),
        ConnectDialog(
            QApplication.translate("PlanFiles", "Open a shared plan"),
            QApplication.translate("PlanFiles", "&Open"),
            "",
            window,
            "postgresql://ana@plans.example.org:5432/tegucigalpa",
        ),
        ConflictDialog(
            ConflictError("changed", who="ana", current={"position": "Mayor"}),
            {"position": "Comisionado"},
            {"position": "Position"},
            window,
        ),
        HistoryDialog(store, formats, window),
    ]


def walk_dialogs(window, keep: Callable[[QWidget], None] = lambda _w: None) -> list[str]:  # type: ignore[no-untyped-def]
    """Open every edit form (new and of the first item) and every other dialog."""
    faults: list[str] = []
    dialogs: list[tuple[str, QWidget]] = [
        (f"the {kind} form", window.editor.open(window, kind)) for kind in EDIT_KINDS
    ]
    dialogs += [(type(d).__name__, d) for d in other_dialogs(window)]
    for what, dialog in dialogs:
        assert dialog is not None, what
        keep(dialog)
        dialog.show()
        settle()
        faults += too_big(what, dialog)
        for tabs in dialog.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                faults += too_big(f"{what} ▸ {tabs.tabText(index)}", dialog)
        dialog.reject()
    return faults


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    os.environ["PLANNER_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "settings.ini")
    from ui import settings as opt
    from ui.shell.main_window import MainWindow
    from ui.translation import install

    app = QApplication(sys.argv[:1])
    settings = opt.Settings()
    settings.set(opt.LANGUAGE, args.lang)
    install(args.lang)
    window = MainWindow(settings)
    window.resize(AVAILABLE)
    window.show()
    window.start(None)
    settle()
    faults = too_big("the window with no plan", window)
    if not window.files.open_path(args.plan):
        faults.append(f"the plan did not open: {window.last_error}")
    else:
        faults += walk_pages(window) + walk_dialogs(window)
    screen = app.primaryScreen().geometry().size().toTuple()
    print(json.dumps({"platform": app.platformName(), "screen": screen, "faults": faults}))
    window.ctrl.close()


if __name__ == "__main__":
    main()
