"""Generate a rotation: choose groups, modules, rooms, days and slots; preview; accept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain.labels import SESSION_KIND_LABELS, kind_label
from planner.queries.calendar import AgendaData
from planner.queries.settings import get_setting
from planner.rules.rotation import Proposal, Request, propose
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.session.deferred import operations
from ui.widgets.fields import CheckListField

W = TypeVar("W", bound=QWidget)

SETTING = "rotation"
DEFAULT_SLOTS = [
    (time(8, 30), time(10, 15)),
    (time(10, 30), time(12, 0)),
    (time(13, 0), time(14, 45)),
    (time(15, 0), time(16, 30)),
]


class RotationDialog(QDialog):
    def __init__(
        self, ctrl: PlanController, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.proposal: Proposal | None = None
        self.setWindowTitle(self.tr("Generate a rotation"))
        self.setObjectName("rotation_dialog")
        store = ctrl.require()
        data = AgendaData.load(store)
        self.zone = data.zone
        saved = get_setting(store, SETTING)
        request = Request.from_setting(saved) if saved else self._defaults(data)
        breaks = (
            request.breaks
            if saved
            else [
                (time(10, 15), time(10, 30), self.tr("Coffee break"), "break"),
                (time(12, 0), time(13, 0), self.tr("Lunch"), "meal"),
                (time(14, 45), time(15, 0), self.tr("Coffee break"), "break"),
            ]
        )

        self.groups = CheckListField(
            [(c.id, c.label, "") for c in queries.choices(store, "group")],
            self,
            self.tr("Filter groups…"),
        )
        self.modules = CheckListField(
            [(c.id, c.label, "") for c in queries.choices(store, "module")],
            self,
            self.tr("Filter modules…"),
        )
        self.rooms = CheckListField(
            [
                (c.id, c.label, self.tr("%s seats") % c.detail)
                for c in queries.choices(store, "room")
            ],
            self,
            self.tr("Filter rooms…"),
        )
        self.days = CheckListField(
            [(d.isoformat(), formats.weekday_date(d), "") for d in data.days()],
            self,
            self.tr("Filter days…"),
            ticked_first=False,
        )
        for field in (self.groups, self.modules, self.rooms, self.days):
            field._view.setMinimumHeight(90)
        for field, values in (
            (self.groups, request.group_ids),
            (self.modules, request.module_ids),
            (self.rooms, request.room_ids),
            (self.days, [d.isoformat() for d in request.days]),
        ):
            field.set_value(values)
        choose = QGroupBox(self.tr("What to schedule"), self)
        grid = QGridLayout(choose)
        for i, (label, field) in enumerate(
            (
                (self.tr("&Groups"), self.groups),
                (self.tr("&Modules"), self.modules),
                (self.tr("&Rooms"), self.rooms),
                (self.tr("&Days"), self.days),
            )
        ):
            heading = QLabel(label, choose)
            heading.setBuddy(field)
            grid.addWidget(heading, 2 * (i // 2), i % 2)
            grid.addWidget(field, 2 * (i // 2) + 1, i % 2)

        self.slots = self._table([self.tr("Starts"), self.tr("Ends")])
        for a, b in request.slots or DEFAULT_SLOTS:
            self._add_slot(a, b)
        self.breaks = self._table(
            [self.tr("Starts"), self.tr("Ends"), self.tr("Title"), self.tr("Kind")]
        )
        for a, b, title, kind in breaks:
            self._add_break(a, b, title, kind)
        self.replace_existing = QCheckBox(
            self.tr("Replace the module sessions these groups already have on these days"), self
        )
        self.replace_existing.setChecked(request.replace_existing)
        times = QGroupBox(self.tr("The teaching day"), self)
        box = QVBoxLayout(times)
        box.addWidget(
            QLabel(
                self.tr(
                    "Teaching slots (a module takes as many slots in a row as its duration needs):"
                ),
                times,
            )
        )
        box.addWidget(self.slots)
        box.addLayout(self._row_buttons(self.slots, lambda: self._add_slot(time(9), time(10))))
        box.addWidget(
            QLabel(self.tr("Fixed breaks and lunch, added for the groups where missing:"), times)
        )
        box.addWidget(self.breaks)
        box.addLayout(
            self._row_buttons(
                self.breaks,
                lambda: self._add_break(time(10), time(10, 15), self.tr("Coffee break"), "break"),
            )
        )
        box.addWidget(self.replace_existing)

        self.propose_button = QPushButton(self.tr("&Propose a timetable"), self)
        self.propose_button.setDefault(True)
        self.propose_button.clicked.connect(self.propose)
        self.message = QLabel(self)
        self.message.setObjectName("rotation_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QTableWidget(self)
        self.preview.setObjectName("rotation_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = self.buttons.addButton(
            self.tr("&Accept"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setEnabled(False)
        self.accept_button.setToolTip(
            self.tr("Add the proposed sessions (one step: Edit ▸ Undo takes it all back)")
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(choose)
        top.addWidget(times)
        result = QWidget(self)
        result_layout = QVBoxLayout(result)
        result_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.propose_button)
        row.addWidget(self.message, 1)
        result_layout.addLayout(row)
        result_layout.addWidget(self.preview, 1)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(result)
        layout = QVBoxLayout(self)
        layout.addWidget(outer, 1)
        layout.addWidget(self.buttons)
        outer.setSizes([380, 360])
        outer.setStretchFactor(1, 1)
        self.resize(1200, 700)

    # defaults: what the plan's module sessions already use
    def _defaults(self, data: AgendaData) -> Request:
        modular = [b for b in data.blocks.values() if b.module_id is not None]
        groups = sorted({u[1] for b in modular for u in b.units if u[0] == "group"})
        rooms = sorted({b.room_id for b in modular if b.room_id is not None})
        days = sorted({b.start.date() for b in modular}) or [
            d for d in data.days() if d.weekday() < 5
        ]
        store = self.ctrl.require()
        return Request(
            groups or [c.id for c in queries.choices(store, "group")],
            [c.id for c in queries.choices(store, "module")],
            rooms or [c.id for c in queries.choices(store, "room")],
            days,
            DEFAULT_SLOTS,
        )

    # the time tables
    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(120)
        return table

    def _row_buttons(self, table: QTableWidget, add: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        plus = QPushButton(self.tr("Add a row"), self)
        plus.clicked.connect(add)
        minus = QPushButton(self.tr("Remove the row"), self)
        minus.clicked.connect(
            lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None
        )
        row.addStretch(1)
        row.addWidget(plus)
        row.addWidget(minus)
        return row

    def _time_edit(self, value: time) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute), self)
        edit.setDisplayFormat("HH:mm")
        return edit

    def _add_slot(self, a: time, b: time) -> None:
        row = self.slots.rowCount()
        self.slots.insertRow(row)
        self.slots.setCellWidget(row, 0, self._time_edit(a))
        self.slots.setCellWidget(row, 1, self._time_edit(b))

    def _add_break(self, a: time, b: time, title: str, kind: str) -> None:
        row = self.breaks.rowCount()
        self.breaks.insertRow(row)
        self.breaks.setCellWidget(row, 0, self._time_edit(a))
        self.breaks.setCellWidget(row, 1, self._time_edit(b))
        self.breaks.setCellWidget(row, 2, QLineEdit(title, self))
        kinds = QComboBox(self)
        for value in SESSION_KIND_LABELS:
            kinds.addItem(kind_label(value), value)
        kinds.setCurrentIndex(max(0, kinds.findData(kind)))
        self.breaks.setCellWidget(row, 3, kinds)

    @staticmethod
    def _time_of(table: QTableWidget, row: int, column: int) -> time:
        t = _cell(table, row, column, QTimeEdit).time()
        return time(t.hour(), t.minute())

    def request(self) -> Request:
        slots = [
            (self._time_of(self.slots, r, 0), self._time_of(self.slots, r, 1))
            for r in range(self.slots.rowCount())
        ]
        breaks = [
            (
                self._time_of(self.breaks, r, 0),
                self._time_of(self.breaks, r, 1),
                _cell(self.breaks, r, 2, QLineEdit).text().strip() or self.tr("Break"),
                _cell(self.breaks, r, 3, QComboBox).currentData(),
            )
            for r in range(self.breaks.rowCount())
        ]
        return Request(
            self.groups.value(),
            self.modules.value(),
            self.rooms.value(),
            sorted(date.fromisoformat(d) for d in self.days.value()),
            sorted(slots),
            breaks,
            self.replace_existing.isChecked(),
        )

    # proposing and accepting
    def propose(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            p = self.proposal = propose(self.ctrl.require(), self.request())
        finally:
            QApplication.restoreOverrideCursor()
        self.accept_button.setEnabled(p.ok)
        if not p.ok:
            self.message.setStyleSheet("color: #B00020;")
            self.message.setText(
                self.tr("No timetable is possible as asked:") + "\n• " + "\n• ".join(p.reasons)
            )
            self.preview.clear()
            self.preview.clearSpans()
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return
        self.message.setStyleSheet("")
        text = self.tr("A clash-free timetable: %1 modules in %2 sessions, found in %3 s.")
        text = (
            text.replace("%1", str(len(p.placements)))
            .replace("%2", str(len(p.sessions)))
            .replace("%3", f"{p.seconds:.2f}")
        )
        if p.remove_ids:
            text += " " + self.tr(
                "It replaces %n session(s) already planned.", "", len(p.remove_ids)
            )
        self.message.setText(text)
        self._fill_preview(p)

    def _fill_preview(self, p: Proposal) -> None:
        """The sessions accepting writes, at their own times: a row for each time some of them
        take (a slot shortened by a session already planned there, such as an opening
        ceremony, is a row of its own), a column for each group; a break or lunch added for
        the groups spans the row."""
        store = self.ctrl.require()
        groups = {c.id: c.label for c in queries.choices(store, "group")}
        rooms = {c.id: c.label.split(" — ")[0] for c in queries.choices(store, "room")}
        modules = {c.id: c.label for c in queries.choices(store, "module")}
        people = {c.id: c.label for c in queries.choices(store, "person")}
        group_ids = sorted({x.group_id for x in p.placements}, key=lambda g: groups.get(g, ""))
        times = sorted({self._times_of(s) for s in p.sessions})
        row_of = {t: r for r, t in enumerate(times)}
        self.preview.clear()
        self.preview.clearSpans()
        self.preview.horizontalHeader().setDefaultSectionSize(230)
        self.preview.setColumnCount(len(group_ids))
        self.preview.setRowCount(len(times))
        self.preview.setHorizontalHeaderLabels([groups.get(g, "?") for g in group_ids])
        self.preview.setVerticalHeaderLabels(
            [f"{self.formats.weekday_date(a.date())} {a:%H:%M}–{b:%H:%M}" for a, b in times]
        )
        for s in p.sessions:
            row = row_of[self._times_of(s)]
            if s.get("module_id") is None:  # a break or lunch for all the groups
                item = QTableWidgetItem(str(s["title"]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(item.text())
                self.preview.setItem(row, 0, item)
                if len(group_ids) > 1:
                    self.preview.setSpan(row, 0, 1, len(group_ids))
                continue
            trainers = ", ".join(people.get(t, "?") for t in s.get("facilitator_ids", []))
            item = QTableWidgetItem(
                f"{modules.get(s['module_id'], '?')}\n"
                f"{rooms.get(s['room_id'], '?')} · {trainers or '?'}"
            )
            item.setToolTip(item.text())
            for unit, ref in s.get("audience", []):
                if unit == "group" and ref in group_ids:
                    self.preview.setItem(row, group_ids.index(ref), item.clone())
        self.preview.resizeRowsToContents()

    def _times_of(self, session: dict[str, Any]) -> tuple[datetime, datetime]:
        """A proposed session's start and end as the plan shows them (in its time zone)."""
        start, end = session["start"], session["end"]
        assert isinstance(start, datetime) and isinstance(end, datetime)
        return start.astimezone(self.zone), end.astimezone(self.zone)

    def apply(self) -> None:
        p = self.proposal
        if p is None or not p.ok:
            return
        store = self.ctrl.require()
        created = self.ctrl.replace(
            "session", list(p.remove_ids), list(p.sessions), self.tr("Generate a rotation")
        )
        if created is None:
            return
        operations.set_setting(store, SETTING, self.request().as_setting())
        self.accept()


def _cell(table: QTableWidget, row: int, column: int, kind: type[W]) -> W:
    """The editor the dialog put in a cell of its time tables."""
    widget = table.cellWidget(row, column)
    assert isinstance(widget, kind)
    return widget
