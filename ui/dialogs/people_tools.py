"""Working on many people at once: split them into balanced groups, merge people found twice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain.errors import PlannerError
from planner.queries.grouping import Member, members
from planner.rules import grouping
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.session.deferred import operations


class SplitDialog(QDialog):
    """Split the people of a delegation or organisation into N balanced groups."""

    def __init__(self, ctrl: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.result_ids: list[int] = []
        self.setWindowTitle(self.tr("Split into groups"))
        self.setObjectName("split_dialog")
        store = ctrl.require()
        self.source = QComboBox(self)
        self.source.setObjectName("split_source")
        counts = []
        for row in queries.delegations(store):
            self.source.addItem(
                self.tr("Delegation: %1 (%2 people)")
                .replace("%1", row.name)
                .replace("%2", str(row.members)),
                ("delegation", row.id),
            )
            counts.append(row.members)
        for org in queries.organisations(store):
            if org.people:
                self.source.addItem(
                    self.tr("Organisation: %1 (%2 people)")
                    .replace("%1", org.name)
                    .replace("%2", str(org.people)),
                    ("organisation", org.id),
                )
                counts.append(org.people)
        if counts:  # the largest is the one usually split
            self.source.setCurrentIndex(counts.index(max(counts)))
        self.into = QSpinBox(self)
        self.into.setObjectName("split_into")
        self.into.setRange(2, 60)
        self.into.setValue(4)
        self.spread = QCheckBox(
            self.tr("Spread people of the same &duty station across the groups"), self
        )
        self.spread.setObjectName("split_spread")
        self.spread.setChecked(True)
        self.prefix = QLineEdit(self.tr("Group"), self)
        self.prefix.setObjectName("split_prefix")
        self.prefix.setToolTip(
            self.tr(
                "The groups are called “Group A”, “Group B”… (letters already taken are skipped)."
            )
        )
        form = QFormLayout()
        for text, widget in (
            (self.tr("Split the &people of"), self.source),
            (self.tr("&Into"), self.into),
            (self.tr("Group &names start with"), self.prefix),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.spread)
        QWidget.setTabOrder(self.prefix, self.spread)  # in the order they are shown
        self.preview = QTableWidget(0, 3, self)
        self.preview.setObjectName("split_preview")
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Who"), self.tr("Members")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(
            self.tr("&Create Groups"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The groups it will create (sizes differ by at most one;"
                    " women are shared out evenly):"
                ),
                self,
            )
        )
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for signal in (
            self.source.currentIndexChanged,
            self.into.valueChanged,
            self.spread.toggled,
            self.prefix.textChanged,
        ):
            signal.connect(self._update)
        self.resize(760, 520)
        self._groups: list[list[Member]] = []
        self._names: list[str] = []
        self._update()

    def _update(self, *_args: Any) -> None:
        store = self.ctrl.require()
        self._groups, self._names = [], []
        self.preview.setRowCount(0)
        data = self.source.currentData()
        try:
            if data is None:
                raise PlannerError(
                    self.tr("There is nobody to split yet: import or add people first.")
                )
            kind, ref = data
            people = members(store, **{kind: ref})
            self._groups = grouping.split(people, self.into.value(), self.spread.isChecked())
            self._names = grouping.group_names(
                store, self.into.value(), self.prefix.text().strip() or self.tr("Group")
            )
        except PlannerError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #B00020;")
            self.ok.setEnabled(False)
            return
        lines = grouping.describe(self._groups)
        self.preview.setRowCount(len(self._groups))
        for i, (name, line, people) in enumerate(
            zip(self._names, lines, self._groups, strict=True)
        ):
            for column, text in enumerate((name, line, ", ".join(p.name for p in people))):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip("\n".join(p.name for p in people))
                self.preview.setItem(i, column, item)
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "Nothing changes until you press Create Groups; Edit ▸ Undo takes the groups back."
            )
        )
        self.ok.setEnabled(True)

    def accept(self) -> None:
        store = self.ctrl.require()
        kind, ref = self.source.currentData()
        delegation = ref if kind == "delegation" else None
        split, names = self._groups, self._names
        batch = self.ctrl.run_batch(
            self.tr("Split into %n group(s)", "", len(names)),
            lambda: operations.create_groups(store, split, names, delegation),
        )
        if batch is None:
            return  # the window reported why
        self.result_ids = list(batch.created.get("participant_group", []))
        super().accept()


class MergeDialog(QDialog):
    """People found twice in the plan, one set at a time: choose whose record to keep."""

    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        parent: QWidget | None = None,
        only: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.only = only
        self.merged = 0
        self.setWindowTitle(self.tr("Merge people listed twice"))
        self.setObjectName("merge_dialog")
        self.sets = QListWidget(self)
        self.sets.setObjectName("merge_sets")
        self.sets.setAccessibleName(self.tr("People found more than once"))
        self.records = QTableWidget(0, 8, self)
        self.records.setObjectName("merge_records")
        self.records.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Delegation"),
                self.tr("Organisation"),
                self.tr("ID or passport no."),
                self.tr("Email"),
                self.tr("Date of birth"),
                self.tr("Groups"),
                self.tr("Position or rank"),
            ]
        )
        self.records.verticalHeader().hide()
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records.horizontalHeader().setStretchLastSection(True)
        self.explain = QLabel(
            self.tr(
                "Select the record to keep. The others are merged into it: their groups, sessions,"
                " modules and unavailable times move to it, its blank fields are filled from"
                " theirs, and they are removed. Edit ▸ Undo takes a merge back."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.merge = QPushButton(self.tr("&Merge into the Selected Record"), self)
        self.merge.setObjectName("merge_button")
        self.merge.setDefault(True)
        self.merge.clicked.connect(self.merge_current)
        self.skip = QPushButton(self.tr("&Not the Same Person"), self)
        self.skip.setToolTip(
            self.tr(
                "Leave these records as they are and hide them from this"
                " list until it is opened again."
            )
        )
        self.skip.clicked.connect(self._skip_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.records, 1)
        right_layout.addWidget(self.explain)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.skip)
        actions.addWidget(self.merge)
        right_layout.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.sets)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 760])
        self.status = QLabel(self)
        self.status.setObjectName("merge_status")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self.sets.currentRowChanged.connect(self._show_set)
        self._hidden: set[tuple[int, ...]] = set()
        self._people: dict[int, queries.PersonRow] = {}
        self.resize(1040, 520)
        self.reload()

    def reload(self) -> None:
        store = self.ctrl.require()
        self._people = {p.id: p for p in queries.people(store)}
        if self.only is not None:
            ids = [i for i in self.only if i in self._people]
            found = [ids] if len(ids) > 1 else []
        else:
            found = [s for s in operations.duplicate_people(store) if tuple(s) not in self._hidden]
        self.sets.clear()
        for ids in found:
            item = QListWidgetItem(
                self.tr("%1 (%2 records)")
                .replace("%1", self._people[ids[0]].name)
                .replace("%2", str(len(ids)))
            )
            item.setData(Qt.ItemDataRole.UserRole, ids)
            self.sets.addItem(item)
        if found:
            self.status.setText(
                self.tr("%n person(s) listed more than once.", "", len(found))
                if self.only is None
                else self.tr("Merge the %n selected people into one.", "", len(found[0]))
            )
            self.sets.setCurrentRow(0)
        else:
            self.status.setText(
                self.tr(
                    "Nobody is listed twice: no two people share an ID or"
                    " passport number, an email, or a name and date of"
                    " birth."
                )
                if self.only is None
                else self.tr("Select at least two people to merge.")
            )
            self.records.setRowCount(0)
        self.merge.setEnabled(bool(found))
        self.skip.setEnabled(bool(found) and self.only is None)

    def _show_set(self, row: int) -> None:
        item = self.sets.item(row)
        ids: list[int] = item.data(Qt.ItemDataRole.UserRole) if item else []
        self.records.setRowCount(len(ids))
        for i, person_id in enumerate(ids):
            p = self._people[person_id]
            values = (
                p.name,
                p.delegation,
                p.organisation,
                p.id_number,
                p.email,
                self.formats.date(p.birth_date),
                p.groups,
                p.position,
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text or "")
                cell.setData(Qt.ItemDataRole.UserRole, person_id)
                self.records.setItem(i, column, cell)
        self.records.resizeColumnsToContents()
        if ids:
            self.records.selectRow(self._fullest(ids))

    def _fullest(self, ids: list[int]) -> int:
        """The record with most filled fields (the oldest on a tie) is offered as the keeper."""

        def filled(person_id: int) -> int:
            p = self._people[person_id]
            return sum(
                1
                for v in (
                    p.id_number,
                    p.email,
                    p.birth_date,
                    p.position,
                    p.phone,
                    p.duty_station,
                    p.organisation,
                    p.delegation,
                    p.groups,
                )
                if v
            )

        return max(range(len(ids)), key=lambda i: (filled(ids[i]), -i))

    def _current_set(self) -> list[int]:
        item = self.sets.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else []

    def merge_current(self) -> None:
        ids = self._current_set()
        rows = self.records.selectionModel().selectedRows()
        chosen = self.records.item(rows[0].row(), 0) if rows else None
        if not ids or chosen is None:
            return
        keep = chosen.data(Qt.ItemDataRole.UserRole)
        others = [i for i in ids if i != keep]
        store = self.ctrl.require()
        name = self._people[keep].name
        batch = self.ctrl.run_batch(
            self.tr("Merge %n person(s) into %1", "", len(others)).replace("%1", name),
            lambda: operations.merge_people(store, keep, others),
        )
        if batch is None:
            return
        self.merged += 1
        if self.only is not None:
            self.accept()
            return
        self.reload()

    def _skip_current(self) -> None:
        ids = self._current_set()
        if ids:
            self._hidden.add(tuple(ids))
            self.reload()
