"""Long work off the GUI thread (cf. Anki's QueryOp): one helper with progress, cancel,
and success and failure callbacks that run back on the GUI thread.

The task receives a ``Progress`` to report ``(done, total)`` and to ask whether the user
cancelled; it never touches widgets.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from planner.domain.errors import PlannerError

_ACTIVE: set[QObject] = set()  # the signals of running tasks, kept alive until they end
T = TypeVar("T")  # what a task gives back


class Progress:
    """What a task sees: report progress, and whether to stop."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Abandoned(Exception):
    """The user stopped waiting for work that cannot be interrupted (reading a file); its
    result, when it comes, is thrown away."""


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self, task: Callable[[Progress], Any], progress: Progress, signals: _Signals
    ) -> None:
        super().__init__()
        self.task, self.progress, self.signals = task, progress, signals
        self.context = contextvars.copy_context()  # the language of messages, among others
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.context.run(self.task, self.progress)
        except BaseException as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_task(
    parent: QWidget,
    label: str,
    task: Callable[[Progress], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
    cancellable: bool = True,
    wait: bool = False,
    abandon: bool = False,
) -> Progress:
    """Run ``task`` in the thread pool with a progress dialog (shown after half a second).

    ``wait`` blocks until it ends while keeping the window painted. Cancel asks the task to
    stop (it checks ``progress.cancelled()``); with ``abandon`` the window stops waiting at
    once and ``on_failure`` gets ``Abandoned`` (for work that only reads).
    """
    progress = Progress()
    signals = _Signals()
    _ACTIVE.add(signals)
    cancel = QCoreApplication.translate("Worker", "Cancel") if cancellable else ""
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    state = {"running": True}

    def cancelled() -> None:
        progress.cancel()
        if abandon and state["running"]:
            finish()
            on_failure(Abandoned())

    dialog.canceled.connect(cancelled)
    timer = QTimer(dialog)
    timer.setInterval(100)

    def tick() -> None:
        if progress.total:
            dialog.setMaximum(progress.total)
            dialog.setValue(min(progress.done, progress.total))

    timer.timeout.connect(tick)
    timer.start()

    def finish() -> None:
        state["running"] = False
        _ACTIVE.discard(signals)
        timer.stop()
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    # the task has ended (even one abandoned): its signals go on this thread, not wherever
    # the cycle collector would free their wrapper
    def succeeded(result: T) -> None:
        signals.deleteLater()
        if state["running"]:
            finish()
            on_success(result)

    def failed(exc: BaseException) -> None:
        signals.deleteLater()
        if state["running"]:
            finish()
            on_failure(exc)

    signals.finished.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    runnable = _Runnable(task, progress, signals)
    QThreadPool.globalInstance().start(runnable)
    if wait:
        while state["running"]:
            QApplication.processEvents()
            QThreadPool.globalInstance().waitForDone(20)
    return progress


def run_quietly(
    task: Callable[[Progress], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> Progress:
    """Run ``task`` in the thread pool without a dialog (a page's figures that follow a
    change); the callbacks run on the GUI thread. Cancelling throws the result away."""
    progress = Progress()
    signals = _Signals()
    _ACTIVE.add(signals)

    def succeeded(result: T) -> None:
        _ACTIVE.discard(signals)
        signals.deleteLater()  # on this thread, not wherever the collector frees its wrapper
        if not progress.cancelled():
            on_success(result)

    def failed(exc: BaseException) -> None:
        _ACTIVE.discard(signals)
        signals.deleteLater()
        if not progress.cancelled():
            on_failure(exc)

    signals.finished.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Runnable(task, progress, signals))
    return progress


def message_of(exc: BaseException) -> str:
    """A failure in words: the core's own message, or a short note for a bug."""
    if isinstance(exc, PlannerError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
