"""Travel seen together: the arrivals and departures board with the airport transfers still
needed, and one person's or delegation's whole journey (flights, transfers, hotel, sessions)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import operations, queries
from planner.domain.errors import PlannerError
from planner.queries import journeys
from planner.rules import transfers
from planner.store import Change
from ui.formats import Formats
from ui.session.controller import PlanController

BOARD_TABLES = frozenset(
    {
        "travel",
        "ride",
        "ride_passenger",
        "person",
        "vehicle",
        "stay",
        "venue",
        "road_time",
        "plan",
        "plan_setting",
    }
)


class ArrivalsDialog(QDialog):
    """Who lands and leaves when, by day, and the transfers that would take them."""

    def __init__(
        self, ctrl: PlanController, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.proposals: list[transfers.Proposal] = []
        self.created: list[int] = []
        self.setObjectName("arrivals_dialog")
        self.setWindowTitle(self.tr("Arrivals, departures and transfers"))
        self.board = QTreeWidget(self)
        self.board.setObjectName("arrivals_board")
        self.board.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Movement"),
                self.tr("Flight"),
                self.tr("From or to"),
                self.tr("Airport"),
                self.tr("People"),
                self.tr("Delegations"),
                self.tr("Transfer"),
            ]
        )
        self.board.setRootIsDecorated(False)
        self.board.setAlternatingRowColors(True)
        self.board.setUniformRowHeights(True)

        self.window_spin = QSpinBox(self)
        self.window_spin.setObjectName("transfer_window")
        self.window_spin.setRange(5, 24 * 60)
        self.window_spin.setSingleStep(15)
        self.window_spin.setSuffix(self.tr(" min"))
        self.window_spin.setToolTip(
            self.tr(
                "People who land this close to each other share a transfer. Kept with the plan."
            )
        )
        self.proposal_table = QTableWidget(0, 5, self)
        self.proposal_table.setObjectName("transfer_proposals")
        self.proposal_table.setHorizontalHeaderLabels(
            [
                self.tr("Leaves"),
                self.tr("Transfer"),
                self.tr("Vehicle"),
                self.tr("People"),
                self.tr("Note"),
            ]
        )
        self.proposal_table.verticalHeader().setVisible(False)
        self.proposal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposal_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.proposal_table.itemChanged.connect(self._update_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create Checked Transfers"), self)
        self.create_button.setObjectName("create_transfers")
        self.create_button.clicked.connect(self.create_rides)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Arrivals and departures by day"), top)
        heading.setFont(_bold(heading.font()))
        top_layout.addWidget(heading)
        top_layout.addWidget(self.board)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        heading2 = QLabel(self.tr("Airport transfers still needed"), bottom)
        heading2.setFont(_bold(heading2.font()))
        row.addWidget(heading2)
        row.addStretch(1)
        label = QLabel(self.tr("Share a transfer when landing &within"), bottom)
        label.setBuddy(self.window_spin)
        row.addWidget(label)
        row.addWidget(self.window_spin)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.proposal_table)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.status, 1)
        buttons_row.addWidget(self.create_button)
        bottom_layout.addLayout(buttons_row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(1100, 680)

        store = ctrl.require()
        self.window_spin.setValue(transfers.transfer_window(store))
        self.window_spin.valueChanged.connect(self._window_changed)
        ctrl.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change: Change | None) -> None:
        if self.isVisible() and (
            change is None or not change.tables or BOARD_TABLES & set(change.tables)
        ):
            self.refresh()

    def _window_changed(self, minutes: int) -> None:
        store = self.ctrl.require()
        if transfers.transfer_window(store) != minutes:
            self.ctrl.announce(operations.set_setting(store, transfers.WINDOW_SETTING, minutes))
        self._fill_proposals()

    def refresh(self) -> None:
        store = self.ctrl.require()
        self.board.clear()
        fmt = self.formats
        days = journeys.board(store)
        for day, entries in days.items():
            head = QTreeWidgetItem([fmt.weekday_date(day)])
            head.setFirstColumnSpanned(True)
            head.setFont(0, _bold(head.font(0)))
            self.board.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for e in entries:
                arriving = e.direction == "arrival"
                item = QTreeWidgetItem(
                    [
                        fmt.time(e.at),
                        self.tr("Arrival") if arriving else self.tr("Departure"),
                        " ".join(p for p in (e.carrier, e.number) if p),
                        e.other,
                        e.place,
                        f"{len(e.people)}: " + ", ".join(e.people),
                        ", ".join(e.delegations),
                        e.transfer or self.tr("none yet"),
                    ]
                )
                item.setToolTip(5, "\n".join(e.people))
                if not e.transfer:
                    item.setForeground(7, QBrush(QColor("#B03A2E")))
                self.board.addTopLevelItem(item)
        if not days:
            empty = QTreeWidgetItem(
                [
                    self.tr(
                        "No arrivals or departures yet: add them on the"
                        " Travel page, or import a list that has flights"
                        " (File ▸ Import)."
                    )
                ]
            )
            self.board.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        clock = (
            self.board.fontMetrics().horizontalAdvance(
                self.formats.time(datetime(2000, 1, 1, 10, 45))
            )
            + 24
        )
        for column, width in enumerate((clock, 85, 140, 130, 150, 260, 130)):
            self.board.setColumnWidth(column, width)
        self._fill_proposals()

    def _fill_proposals(self) -> None:
        store = self.ctrl.require()
        self.proposals = transfers.propose_transfers(store, self.window_spin.value())
        table = self.proposal_table
        table.blockSignals(True)
        table.setRowCount(len(self.proposals))
        fmt = self.formats
        for row, p in enumerate(self.proposals):
            when = QTableWidgetItem(
                f"{fmt.weekday_date(p.start.date())} {fmt.time(p.start)}–{fmt.time(p.end)}"
            )
            when.setFlags(when.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            when.setCheckState(Qt.CheckState.Checked)
            cells = [
                when,
                QTableWidgetItem(self._title(p)),
                QTableWidgetItem(p.vehicle or self.tr("none free")),
                QTableWidgetItem(f"{len(p.names)}: " + ", ".join(p.names)),
                QTableWidgetItem(" ".join(p.notes)),
            ]
            cells[3].setToolTip("\n".join(p.names))
            cells[4].setToolTip(" ".join(p.notes))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.blockSignals(False)
        self._update_button()

    def _title(self, p: transfers.Proposal) -> str:
        flights = ", ".join(p.flights)
        if p.direction == "arrival":
            return self.tr("Airport pick-up: %1").replace("%1", flights)
        return self.tr("Airport drop-off: %1").replace("%1", flights)

    def checked(self) -> list[transfers.Proposal]:
        return [
            p
            for row, p in enumerate(self.proposals)
            if (item := self.proposal_table.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _update_button(self, *_args: Any) -> None:
        chosen = self.checked()
        self.create_button.setEnabled(bool(chosen))
        if not self.proposals:
            self.status.setText(self.tr("Every arrival and departure has its transfer."))
        else:
            self.status.setText(
                self.tr(
                    "%n transfer(s) proposed. Rides are created with these"
                    " people as passengers; Edit ▸ Undo takes them back.",
                    "",
                    len(self.proposals),
                )
            )

    def create_rides(self) -> None:
        chosen = self.checked()
        if not chosen:
            return
        items = []
        for p in chosen:
            values = p.ride_values()
            values["title"] = self._title(p)[:200]
            items.append(values)
        try:
            self.created = self.ctrl.create_many("ride", items, self.tr("Add airport transfers"))
        except PlannerError as exc:
            self.status.setText(exc.message)
            return
        self.refresh()


class ScheduleDialog(QDialog):
    """One person's or one delegation's journey, day by day."""

    open_item = Signal(str, int)

    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        who: tuple[str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.items: list[journeys.Item] = []
        self.setObjectName("schedule_dialog")
        self.setWindowTitle(self.tr("Journey"))
        self.who = QComboBox(self)
        self.who.setObjectName("schedule_who")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        store = ctrl.require()
        for d in queries.delegations(store):
            self.who.addItem(self.tr("Delegation: %1").replace("%1", d.name), ("delegation", d.id))
        for p in queries.people(store):
            name = f"{p.name} ({p.delegation})" if p.delegation else p.name
            self.who.addItem(name, ("person", p.id))
        if who is not None:
            for index in range(self.who.count()):
                if tuple(self.who.itemData(index)) == tuple(who):
                    self.who.setCurrentIndex(index)
                    break
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("schedule_tree")
        self.tree.setHeaderLabels(
            [self.tr("Time"), self.tr("What"), self.tr("Where"), self.tr("Details")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._open)
        hint = QLabel(
            self.tr(
                "Times are local: flights as on the ticket, everything else in"
                " the plan's time zone. Double-click a line to edit it."
            ),
            self,
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Whose journey"), self)
        label.setBuddy(self.who)
        top.addWidget(label)
        top.addWidget(self.who, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.resize(980, 640)
        self.who.currentIndexChanged.connect(self.refresh)
        ctrl.changed.connect(lambda _c: self.refresh() if self.isVisible() else None)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        who = self.who.currentData()
        self.tree.clear()
        if who is None:
            return
        self.items = journeys.schedule(self.ctrl.require(), tuple(who))
        fmt = self.formats
        kinds = {
            "arrival": self.tr("Flight in"),
            "departure": self.tr("Flight out"),
            "ride": self.tr("Ride"),
            "hotel": self.tr("Hotel"),
            "session": self.tr("Session"),
        }
        day = None
        for n, item in enumerate(self.items):
            if item.start.date() != day:
                day = item.start.date()
                head = QTreeWidgetItem([fmt.weekday_date(day)])
                head.setFont(0, _bold(head.font(0)))
                self.tree.addTopLevelItem(head)
                head.setFirstColumnSpanned(True)
            span = fmt.time(item.start) + (
                f"–{fmt.time(item.end)}"
                if item.end is not None and item.end.date() == item.start.date()
                else ""
            )
            # a stop's title already says so ("Stop: Las Manos border post")
            what = (
                item.title
                if item.kind == "stop"
                else f"{kinds.get(item.kind, item.kind)} · {item.title}"
            )
            row = QTreeWidgetItem([span, what, item.place, item.detail])
            row.setData(0, Qt.ItemDataRole.UserRole, n)
            for column in (1, 2, 3):
                row.setToolTip(column, row.text(column))
            self.tree.addTopLevelItem(row)
        if not self.items:
            empty = QTreeWidgetItem([self.tr("Nothing planned for them yet.")])
            self.tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        sample = datetime(2000, 1, 1, 10, 45)
        span_width = (
            self.tree.fontMetrics().horizontalAdvance(f"{fmt.time(sample)}–{fmt.time(sample)}") + 24
        )
        for column, width in enumerate((span_width, 330, 260)):
            self.tree.setColumnWidth(column, width)

    def lines(self) -> list[str]:
        """The rows as shown (for tests and copying)."""
        root = self.tree.invisibleRootItem()
        rows = [row for i in range(root.childCount()) if (row := root.child(i)) is not None]
        return [" | ".join(row.text(c) for c in range(4)).rstrip(" |") for row in rows]

    def _open(self, row: QTreeWidgetItem, _column: int) -> None:
        index = row.data(0, Qt.ItemDataRole.UserRole)
        if index is None:
            return
        kind, item_id = self.items[int(index)].ref
        self.open_item.emit(kind, item_id)


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font
