"""Save a screenshot of every page of the window on a plan (offscreen), to look at them.

python tools/screenshots.py PLAN OUT_DIR [--lang es] [--size 1366x768]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--dialogs", action="store_true", help="also open each edit dialog")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    os.environ["PLANNER_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "settings.ini")

    from PySide6.QtWidgets import QApplication, QTabWidget

    from ui import settings as opt
    from ui.shell.main_window import PAGE_NAMES, MainWindow
    from ui.translation import install

    app = QApplication([])
    settings = opt.Settings()
    settings.set(opt.LANGUAGE, args.lang)
    install(args.lang)
    window = MainWindow(settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height - 40)  # a laptop's screen less its task bar
    window.show()
    window.start(None)
    app.processEvents()
    window.grab().save(str(out / "00-welcome.png"))
    window.files.open_path(args.plan)
    window.watcher.full()  # the problems panel as a user sees it a moment after opening
    window.watcher.wait()
    for i, name in enumerate(PAGE_NAMES, start=1):
        window.show_page(name)
        app.processEvents()
        page = window.pages[name]
        if getattr(page, "panels", None):
            view = page.panels[0].view
            view.selectRow(0)
        app.processEvents()
        window.grab().save(str(out / f"{i:02d}-{name}.png"))
        if name == "calendar":  # also the whole plan, a lane a day
            page.view_mode.setCurrentIndex(page.view_mode.findData("week"))
            app.processEvents()
            window.grab().save(str(out / f"{i:02d}-{name}-week.png"))
            page.view_mode.setCurrentIndex(page.view_mode.findData("day"))
        for tabs in page.findChildren(QTabWidget):  # each tab of a page with tabs
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                app.processEvents()
                window.grab().save(str(out / f"{i:02d}-{name}-tab{index}.png"))
            tabs.setCurrentIndex(0)
        if args.dialogs and getattr(page, "panels", None):
            for panel in page.panels:
                if panel.model.rowCount() == 0:
                    continue
                ids = panel.selected_ids() or [panel.model.row_object(0).id]
                dialog = window.editor.open(window, panel.kind, ids[0])
                if dialog is not None:
                    dialog.show()
                    app.processEvents()
                    dialog.grab().save(str(out / f"{i:02d}-{name}-{panel.kind}-dialog.png"))
                    dialog.reject()
    if args.dialogs:
        from planner import queries
        from planner.queries import journeys
        from ui.dialogs.journey import ArrivalsDialog, ScheduleDialog
        from ui.dialogs.plan import PreferencesDialog

        store = window.ctrl.require()
        board = [e for entries in journeys.board(store).values() for e in entries]
        names = {name for e in board for name in e.delegations}
        travelling = [d for d in queries.delegations(store) if d.name in names]
        shown: list[tuple[str, object]] = [
            ("91-arrivals", ArrivalsDialog(window.ctrl, window.formats, window))
        ]
        if travelling:
            shown.append(
                (
                    "92-journey",
                    ScheduleDialog(
                        window.ctrl, window.formats, ("delegation", travelling[0].id), window
                    ),
                )
            )
        for name, dialog in shown:
            dialog.resize(1100, 680)  # type: ignore[attr-defined]
            dialog.show()  # type: ignore[attr-defined]
            app.processEvents()
            dialog.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
            dialog.reject()  # type: ignore[attr-defined]

        prefs = PreferencesDialog(settings, window)
        prefs.show()
        app.processEvents()
        prefs.grab().save(str(out / "90-preferences.png"))
        prefs.reject()
    print(out)


if __name__ == "__main__":
    main()
