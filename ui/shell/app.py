"""Starting the window: display check, QApplication, translators, settings, main window."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from planner import program_name
from planner.domain.errors import DamagedPlanError
from planner.domain.i18n import _
from ui import settings as opt
from ui.pages.lists.panel import ListPage
from ui.shell.main_window import MainWindow
from ui.shell.navigation import icon
from ui.translation import effective_language, install

try:
    import resource  # (not on Windows)
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]


def display_problem() -> str | None:
    """Why no window can be shown here (no display), or None."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return _(
            "No display was found, so the window cannot open here.\n"
            "- To run the window without a screen (for tests or screenshots), set"
            " QT_QPA_PLATFORM=offscreen.\n"
            "- To work without a window, use the command line: {program} --help"
            " (e.g. {program} info PLAN)."
        ).format(program=program_name())
    return None


def _report_unexpected(
    window: MainWindow,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """An error nobody foresaw: details to stderr for a bug report, a message in the window
    instead of a crash. The plan is safe: every completed action is already committed."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, DamagedPlanError):  # a read met a damaged plan: say so in words
            window.show_damaged(value)
            return
        traceback.print_exception(kind, value, tb)
        if issubclass(kind, KeyboardInterrupt):
            sys.exit(130)
        message = QCoreApplication.translate(
            "MainWindow",
            "Something unexpected went wrong (%1: %2). Your plan is safe: every change you"
            " completed is saved. If it happens again, please report what you did.",
        )
        window.show_error(message.replace("%1", kind.__name__).replace("%2", str(value)))

    return hook


class FileOpener(QObject):
    """macOS hands a plan opened in the Finder while the program runs to it as an event, not
    as an argument: the window opens it as File ▸ Open would."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self._window.files.open_path(event.file())
            return True
        return False


def fallback_font(app: QApplication) -> str | None:
    """Inside the bundle on a machine with no font at all (a bare Linux), Qt would draw every
    letter as a box and say nothing: the window takes the font the bundle carries instead.
    Returns the family given, or None where the system has fonts of its own."""
    folder = Path(getattr(sys, "_MEIPASS", "")) / "fonts"
    if not getattr(sys, "frozen", False) or not folder.is_dir():
        return None
    if QFontInfo(app.font()).family():  # the default font is a real one: the system has fonts
        return None
    family = None
    for ttf in sorted(folder.glob("*.ttf")):
        found = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(ttf)))
        family = family or (found[0] if found else None)
    if family:
        app.setFont(QFont(family, 10))
    return family


def run(plan: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    QCoreApplication.setOrganizationName("DelegationPlanner")
    QCoreApplication.setApplicationName("Delegation Planner")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Delegation Planner")
    app.setWindowIcon(icon("app"))
    fallback_font(app)
    settings = opt.Settings()
    install(effective_language(settings.get(opt.LANGUAGE)), settings.get(opt.REGION))
    window = MainWindow(settings)
    sys.excepthook = _report_unexpected(window)
    app.installEventFilter(FileOpener(window))
    bench = os.environ.get("PLANNER_BENCH_PAINT")
    if bench:
        print(f"OPENING {time.perf_counter():.6f}", flush=True)
    window.start(plan)

    if bench:  # benchmark: report the first paint of the window (or a page) and quit
        target: QObject = window
        if bench != "window":
            window.show_page(bench)
            page = window.pages[bench]
            target = page.panels[0].view.viewport() if isinstance(page, ListPage) else page

        class Probe(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if obj is target and event.type() == QEvent.Type.Paint:
                    try:  # own peak: ru_maxrss keeps the launcher's across exec on Linux
                        with open("/proc/self/status") as status:
                            rss = next(
                                int(line.split()[1]) for line in status if line.startswith("VmHWM:")
                            )
                    except (OSError, StopIteration):
                        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if resource else 0
                    print(f"FONT {QApplication.font().family()}", flush=True)
                    print(f"PAINTED {time.perf_counter():.6f} {rss}", flush=True)
                    target.removeEventFilter(self)
                    QTimer.singleShot(0, app.quit)
                return False

        probe = Probe()
        target.installEventFilter(probe)
    window.show()
    return int(app.exec())
