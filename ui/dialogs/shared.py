"""Shared plans in the window: connecting to a server, the choice after a conflicting change,
and the history of who changed what."""

from __future__ import annotations

import getpass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import ConflictError, PlannerError
from planner.store import PlanStore
from ui.formats import Formats
from ui.models.table import Column, RowTableModel, SearchProxy
from ui.session.deferred import history

if TYPE_CHECKING:  # loaded on first use (SQLAlchemy)
    from planner.store.history import HistoryEntry


class ConnectDialog(QDialog):
    """The server, port, database and login of a shared plan. The password is optional (the
    server's .pgpass entry is used without it) and is never saved."""

    def __init__(
        self, title: str, ok_text: str, intro: str, parent: QWidget | None = None, address: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("connect_dialog")
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("e.g. plans.iom.int or 10.0.0.5"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText(self.tr("e.g. tegucigalpa_2023"))
        self.user = QLineEdit(self)
        self.user.setText(_login())
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to use your .pgpass file"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B71C1C;")
        self.message.hide()
        explain = QLabel(intro, self)
        explain.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Server:"), self.host),
            (self.tr("Po&rt:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._update)
        if address:
            self.set_address(address)
        self._update()
        self.setMinimumWidth(460)
        self.host.setFocus()

    def set_address(self, address: str) -> None:
        from sqlalchemy.engine import make_url

        try:
            url = make_url(address)
        except Exception:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.user.setText(url.username or _login())

    def _update(self) -> None:
        self.ok.setEnabled(
            bool(
                self.host.text().strip()
                and self.database.text().strip()
                and self.user.text().strip()
            )
        )

    def address(self) -> str:
        """postgresql://user@host:port/database (never with the password)."""
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql",
            username=self.user.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        ).render_as_string()

    def typed_password(self) -> str | None:
        return self.password.text() or None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.setFocus()


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple | set):
        return ", ".join(_shown(v) for v in value) or "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


class ConflictDialog(QDialog):
    """Someone else changed the item since the form was opened: what they left and what you
    typed, side by side; keep yours or take theirs."""

    KEEP, TAKE = 1, 2

    def __init__(
        self,
        error: ConflictError,
        mine: dict[str, Any],
        labels: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setObjectName("conflict_dialog")
        current = error.current or {}
        who = error.who or self.tr("someone else")
        intro = QLabel(
            self.tr(
                "%1 changed this item after you opened it. Nothing of yours was"
                " saved yet. Keep your version, or take theirs?"
            ).replace("%1", who),
            self,
        )
        intro.setWordWrap(True)
        rows = [
            (key, current.get(key), value)
            for key, value in mine.items()
            if current.get(key) != value
        ]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("conflict_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Now (by %1)").replace("%1", who), self.tr("Yours")]
        )
        for r, (key, theirs, yours) in enumerate(rows):
            label = labels.get(key, key.replace("_", " ").capitalize())
            for c, text in enumerate((label, _shown(theirs), _shown(yours))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Their values and yours"))
        buttons = QDialogButtonBox(self)
        self.keep = buttons.addButton(self.tr("&Keep Mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take = buttons.addButton(
            self.tr("&Take Theirs"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep.setToolTip(self.tr("Save your values over theirs (Edit ▸ Undo takes it back)"))
        self.take.setToolTip(self.tr("Drop your change and show theirs"))
        self.keep.clicked.connect(lambda: self.done(self.KEEP))
        self.take.clicked.connect(lambda: self.done(self.TAKE))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 300)
        self.take.setDefault(True)


class HistoryDialog(QDialog):
    """Who changed what and when: the whole plan's history or one item's, newest first. The
    list is the program's usual table (sortable by any column, filtered as you type)."""

    def __init__(
        self,
        store: PlanStore,
        formats: Formats,
        parent: QWidget | None = None,
        entity: str | None = None,
        entity_id: int | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("History of the plan"))
        self.setObjectName("history_dialog")
        self.store, self.formats = store, formats

        def when(e: HistoryEntry) -> str:  # the core gives it in the plan's time zone
            return f"{formats.date(e.at.date())} {formats.time(e.at)}"

        def what(e: HistoryEntry) -> str:  # "start: 09:30 → 10:30"; "deleted (27 Nov, Aula 1)"
            summary = e.summary()
            if e.kind == "update":
                return summary or e.what
            return f"{e.what} ({summary})" if summary else e.what

        self.zone = history.plan_zone(store).key
        zone_tip = self.tr("In the plan's time zone, %1").replace("%1", self.zone)
        self.model = RowTableModel(
            [
                Column(
                    "when",
                    self.tr("When"),
                    when,
                    sort=lambda e: e.change_set_id,
                    width=16,
                    tooltip=lambda e: zone_tip,
                ),
                Column("who", self.tr("Who"), lambda e: e.user, width=12),
                Column(
                    "action",
                    self.tr("Action"),
                    lambda e: e.action,
                    width=28,
                    tooltip=lambda e: e.action,
                ),
                Column(
                    "item", self.tr("Item"), lambda e: e.item, width=44, tooltip=lambda e: e.item
                ),
                Column("what", self.tr("What changed"), what, width=60, tooltip=what),
            ],
            self,
        )
        self.model.set_rows(
            history.history(store, entity, entity_id, max_rows=None if entity else 5000)
        )
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("history_filter")
        self.filter.setPlaceholderText(self.tr("Filter by person, item or action…"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"), self)
        filter_label.setBuddy(self.filter)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Changes, newest first"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        width = self.fontMetrics().averageCharWidth()
        for column, spec in enumerate(self.model.columns):
            self.table.setColumnWidth(column, spec.width * width)
        for column in (0, 1):  # the time and the login, whole
            self.table.resizeColumnToContents(column)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(self)
        export = QPushButton(self.tr("&Export…"), self)
        export.setObjectName("history_export")
        export.setToolTip(self.tr("Write this history to a workbook"))
        export.clicked.connect(lambda: self.export())
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(export)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.filter.textChanged.connect(self._filter)
        self._filter("")
        self.resize(1240, 600)  # fits a 1366×768 screen
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.set_search(text)
        changes = len({e.change_set_id for e in self.shown_entries()})
        self.count.setText(
            self.tr("%n change(s); times in %1", "", changes).replace("%1", self.zone)
        )

    def shown_entries(self) -> list[HistoryEntry]:
        """The changes the filter keeps, in the order shown."""
        return [
            self.model.row_object(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def cell(self, row: int, column: int) -> str:
        return str(self.proxy.index(row, column).data() or "")

    def export(self, path: str | None = None) -> bool:
        from planner.exports.history import write_history

        if path is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the history"),
                str(
                    self.store.path.with_name(
                        self.tr("%1 history.xlsx").replace("%1", self.store.path.stem)
                    )
                ),
                self.tr("Workbooks (*.xlsx)"),
            )
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx"
        try:
            write_history(self.store, self.shown_entries(), path, self.windowTitle())
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("The history was not written"), str(exc))
            return False
        self.count.setText(self.tr("Written to %1").replace("%1", str(path)))
        return True
