"""The problems panel: the conflict check's findings, live as the plan changes."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import threading
import time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.queries.agenda import session_times
from planner.rules.conflicts import Checker, Problem, load
from planner.store import Change
from ui.formats import Formats
from ui.models.table import ROW_ROLE, Column, RowTableModel, SearchProxy
from ui.session.controller import PlanController
from ui.session.worker import message_of

# Changes that only move sessions can be re-checked one session at a time.
SESSION_ONLY = frozenset({"agenda_session"})


class ProblemsWatcher(QObject):
    """Keeps the conflict check current: a full check on open and structural changes, in the
    background (a plan of 80,000 people takes a second or two to read and check, and the
    window must not stop for it); a one-session re-check when a session only moved (dragging
    on the calendar), at once."""

    updated = Signal()
    _found = Signal(int, object)  # a full check's number, (checker, problems) or its error

    def __init__(self, ctrl: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.checker: Checker | None = None
        self.problems: list[Problem] = []
        self.checking = False  # a full check runs in the background
        self._again = False  # the plan changed while it ran: check once more when it ends
        self._run = 0  # each full check's number: the findings of an older one are dropped
        self._found.connect(self._on_found)
        # after the window has shown the plan: opening stays fast
        ctrl.opened.connect(lambda _s: QTimer.singleShot(400, self.full))
        ctrl.closed.connect(self._clear)
        ctrl.changed.connect(self._on_changed)

    def _clear(self) -> None:
        self._run += 1
        self.checking = self._again = False
        self.checker, self.problems = None, []
        self.updated.emit()

    def full(self) -> None:
        """Check the whole plan in the background; the panel keeps what it shows until the new
        findings come."""
        store = self.ctrl.store
        if store is None:
            return
        if self.checking:
            self._again = True
            return
        self.checking = True
        self._run += 1
        run = self._run
        context = contextvars.copy_context()  # the language the problems are said in

        def check() -> None:
            result: tuple[Checker, list[Problem]] | BaseException
            try:
                checker = Checker(load(store))
                result = (checker, checker.run())
            except BaseException as exc:  # said on the GUI thread
                result = exc
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._found.emit(run, result)

        threading.Thread(
            target=lambda: context.run(check), name="conflict check", daemon=True
        ).start()

    def _on_found(self, run: int, result: tuple[Checker, list[Problem]] | BaseException) -> None:
        if run != self._run:
            return  # the plan was closed, or checked again, since
        self.checking = False
        if isinstance(result, BaseException):
            if self.ctrl.store is not None:  # a plan closed under the check says nothing
                self.ctrl.failed.emit(message_of(result))
        else:
            self.checker, self.problems = result
        if self._again:
            self._again = False
            self.full()
        self.updated.emit()

    def wait(self, timeout: float = 60.0) -> None:
        """Let the background check end (for scripts and tests); the findings are in."""
        deadline = time.monotonic() + timeout
        while self.checking and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    def _on_changed(self, change: Change) -> None:
        store = self.ctrl.store
        checker = self.checker
        moved = [
            item for item in change.items if item[0] == "agenda_session" and item[2] == "update"
        ]
        if (
            store is not None
            and checker is not None
            and not self.checking
            and change.tables <= SESSION_ONLY
            and moved
            and len(moved) == len(change.items)
            and len(moved) <= 20
            and change.tables
            and "acknowledgement" not in change.tables
        ):
            try:
                now = session_times(store, [sid for _t, sid, _k in moved])
                for _t, sid, _k in moved:
                    if sid not in now or sid not in checker.data.sessions:
                        self.full()
                        return
                    start, end, room = now[sid]
                    self.problems = checker.move(sid, start, end, room)
            except PlannerError:
                self.full()
                return
            self.updated.emit()
            return
        self.full()

    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error" and not p.acknowledged)

    def session_ids(self) -> set[int]:
        return {ref.id for p in self.problems if not p.acknowledged for ref in p.sessions}


class ProblemsDock(QDockWidget):
    """Double-click a problem to see its session on the calendar, or to open the ride, stay,
    travel, room block or vehicle it is about."""

    show_session = Signal(int)
    open_item = Signal(str, int)  # (kind, id)

    def __init__(
        self,
        ctrl: PlanController,
        watcher: ProblemsWatcher,
        formats: Formats,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problems_dock")
        self.ctrl, self.watcher, self.formats = ctrl, watcher, formats
        body = QWidget(self)
        self.model = RowTableModel(self._columns(), self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(body)
        self.view.setObjectName("problems_table")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.summary = QLabel(body)
        self.summary.setObjectName("problems_summary")
        self.summary.setWordWrap(True)
        self.show_accepted = QCheckBox(body)
        self.show_accepted.toggled.connect(self.refresh)
        self.accept_button = QPushButton(body)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reopen_button = QPushButton(body)
        self.reopen_button.clicked.connect(self.take_back_selected)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.show_accepted)
        row.addWidget(self.accept_button)
        row.addWidget(self.reopen_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        watcher.updated.connect(self.refresh)
        self._wanted = True  # shown with a plan unless the user closes it
        self._no_plan = False
        ctrl.opened.connect(self._on_opened)
        ctrl.closed.connect(self._on_closed)
        self.retranslate(formats)
        if ctrl.store is None:
            self._on_closed()

    def _columns(self) -> list[Column]:
        return [
            Column(
                "severity",
                self.tr("Severity"),
                self._severity,
                width=8,
                colour=lambda p: (
                    "#C62828"
                    if p.severity == "error" and not p.acknowledged
                    else "#F9A825"
                    if not p.acknowledged
                    else "#9E9E9E"
                ),
            ),
            Column(
                "when",
                self.tr("When"),
                lambda p: (
                    f"{self.formats.weekday_date(p.start.date())} {self.formats.time(p.start)}"
                ),
                sort=lambda p: p.start.isoformat(),
                width=18,
            ),
            Column(
                "message",
                self.tr("Problem"),
                lambda p: (
                    p.message + (self.tr(" — accepted: %s") % p.note if p.acknowledged else "")
                ),
                width=90,
            ),
        ]

    def retranslate(self, formats: Formats) -> None:
        """Say everything in the language (and with the formats) now chosen, keeping the rows,
        the selection and where the panel is docked (Preferences ▸ Language)."""
        self.formats = formats
        self.setWindowTitle(self.tr("Problems"))
        self.model.columns = self._columns()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns))
        self.view.setAccessibleName(self.tr("Problems"))
        self.show_accepted.setText(self.tr("Show &accepted"))
        self.accept_button.setText(self.tr("A&ccept…"))
        self.accept_button.setToolTip(
            self.tr("Accept the selected problem with a note, so it stops counting")
        )
        self.reopen_button.setText(self.tr("Take &back"))
        self.reopen_button.setToolTip(self.tr("Count the selected accepted problem again"))
        self._fit_columns()
        self.refresh()

    def _fit_columns(self) -> None:
        """Severity and when as wide as their words in this language and clock."""
        metrics = self.view.fontMetrics()
        sample = dt.datetime(2023, 11, 29, 22, 45)
        when = f"{self.formats.weekday_date(sample.date())} {self.formats.time(sample)}"
        words = [self.tr("Severity"), self.tr("Accepted"), self.tr("Warning"), self.tr("Error")]
        widths = (max(map(metrics.horizontalAdvance, words)), metrics.horizontalAdvance(when))
        for i, width in enumerate(widths):
            self.view.setColumnWidth(i, width + 24)

    def _on_closed(self) -> None:
        """No plan, no panel (until one is opened, if the user had it shown)."""
        if not self._no_plan:
            self._wanted = not self.isHidden()
        self._no_plan = True
        self.hide()

    def _on_opened(self, _store: object) -> None:
        self.summary.setText(self.tr("Checking the plan…"))
        if self._no_plan and self._wanted:
            self.show()
        self._no_plan = False

    def _severity(self, p: Problem) -> str:
        if p.acknowledged:
            return self.tr("Accepted")
        return self.tr("Error") if p.severity == "error" else self.tr("Warning")

    def refresh(self) -> None:
        problems = self.watcher.problems
        shown = (
            problems
            if self.show_accepted.isChecked()
            else [p for p in problems if not p.acknowledged]
        )
        self.model.set_rows(shown)
        self.view.resizeRowsToContents()
        errors = self.watcher.error_count()
        accepted = sum(1 for p in problems if p.acknowledged)
        if self.ctrl.store is None:
            text = ""
        elif not problems:
            text = self.tr(
                "No problems: no double bookings, no room or vehicle too small, everyone"
                " can get where they are due and has a bed."
            )
        else:
            text = self.tr("%n error(s)", "", errors)
            warnings = sum(1 for p in problems if p.severity != "error" and not p.acknowledged)
            if warnings:
                text += ", " + self.tr("%n warning(s)", "", warnings)
            if accepted:
                text += ", " + self.tr("%n accepted", "", accepted)
            text += ". " + self.tr(
                "Double-click a problem to see it on the calendar or open what it is about."
            )
        self.summary.setText(text)
        self._collapse(not shown)
        self._update_buttons()

    def _collapse(self, empty: bool) -> None:
        """With nothing to list the panel is one line (the summary) and gives its height back
        to the page; it opens again, a few rows high, when there is something to say."""
        body = self.widget()
        self.show_accepted.setHidden(empty and not self.watcher.problems)
        if body is None or empty == self.view.isHidden():
            return
        self.view.setHidden(empty)
        for button in (self.accept_button, self.reopen_button):
            button.setHidden(empty)
        if empty:
            body.setMaximumHeight(body.minimumSizeHint().height())
        else:
            body.setMaximumHeight(16777215)
            window = self.parentWidget()
            if isinstance(window, QMainWindow) and not self.isFloating():
                window.resizeDocks([self], [170], Qt.Orientation.Vertical)

    def selected(self) -> Problem | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        p = self.selected()
        self.accept_button.setEnabled(p is not None and not p.acknowledged)
        self.reopen_button.setEnabled(p is not None and p.acknowledged)

    def _open(self, index: QModelIndex) -> None:
        problem = index.data(ROW_ROLE)
        if problem is None:
            return
        if problem.sessions:
            self.show_session.emit(problem.sessions[0].id)
            return
        for kind, refs in (
            ("ride", problem.rides),
            ("stay", problem.stays),
            ("room_block", problem.blocks),
            ("travel", problem.travel),
            ("vehicle", problem.vehicles),
            ("venue", problem.places),
        ):
            if refs:
                self.open_item.emit(kind, refs[0].id)
                return

    def accept_selected(self) -> None:
        problem = self.selected()
        if problem is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Accept a problem"),
            self.tr("Why is this acceptable? The note is kept in the plan.\n\n%s")
            % problem.message,
        )
        if ok:
            self.ctrl.acknowledge(problem.key, note.strip() or self.tr("Accepted"))

    def take_back_selected(self) -> None:
        problem = self.selected()
        if problem is not None:
            self.ctrl.acknowledge(problem.key, None)
