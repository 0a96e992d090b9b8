"""Python's cycle collector run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed: a
worker reading the plan or checking it. If the cycles it frees hold Qt objects (a closed
dialog, a task's signals), their C++ side is then destroyed off the GUI thread, and Qt may
crash. So while the window is up, automatic collection is off and this timer collects on the
GUI thread as often as the collector would (the recipe PyQt's and PySide's users share).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_installed: list[GuiThreadCollector] = []


class GuiThreadCollector(QObject):
    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as gc would."""
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            gc.collect(0)
            if counts[1] > self.threshold[1]:
                gc.collect(1)
                if counts[2] > self.threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread(app: QObject) -> None:
    """Turn automatic collection off and collect from ``app``'s thread instead (once)."""
    if not _installed:
        _installed.append(GuiThreadCollector(app))
