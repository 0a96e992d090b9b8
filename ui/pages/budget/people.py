"""The budget's Per participant tab: each participant's direct costs and their share of the
shared costs (spread over the days each trainee attends)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.labels import noun
from planner.rules.budget import Allocation
from ui.models.table import Column, RowTableModel, SearchProxy
from ui.pages.budget.common import BudgetView, bold, fit_titles


@dataclass(frozen=True)
class CostRow:
    id: int  # the person's
    name: str
    delegation: str
    direct: Decimal
    trainee_days: int
    shared: Decimal
    total: Decimal


class PeopleTab(QWidget):
    """Each participant's direct costs and their share of the shared costs."""

    def __init__(self, page: BudgetView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        fmt = page.formats
        self.explanation = QLabel(self)
        self.explanation.setObjectName("allocation_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold(self.explanation)
        self.count_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._on_search)
        money = self.page.money
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=34),
            Column("delegation", self.tr("Delegation"), lambda r: r.delegation, width=26),
            Column(
                "direct",
                self.tr("Direct costs"),
                lambda r: money(r.direct, ""),
                sort=lambda r: r.direct,
                numeric=True,
                width=14,
                tooltip=lambda r: self.tr(
                    "Their per diem, fares and hotel nights (a shared room counts half)"
                ),
            ),
            Column(
                "trainee_days",
                self.tr("Trainee-days"),
                lambda r: fmt.number(r.trainee_days),
                sort=lambda r: r.trainee_days,
                numeric=True,
                width=12,
                tooltip=lambda r: self.tr("Days with a session they attend as a member of a group"),
            ),
            Column(
                "shared",
                self.tr("Shared costs"),
                lambda r: money(r.shared, ""),
                sort=lambda r: r.shared,
                numeric=True,
                width=14,
                tooltip=lambda r: self._shared_tip(r),
            ),
            Column(
                "total",
                self.tr("Total"),
                lambda r: money(r.total, ""),
                sort=lambda r: r.total,
                numeric=True,
                width=14,
            ),
        ]
        self.model = RowTableModel(columns, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("per_participant")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setAccessibleName(self.tr("Cost per participant"))
        char = self.view.fontMetrics().averageCharWidth()
        for i, column in enumerate(columns):
            self.view.horizontalHeader().resizeSection(i, column.width * char + 16)
        self.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        fit_titles(self.view)
        self.hint = QLabel(
            self.tr(
                "Direct costs are a person's own per diem, fares and hotel"
                " nights; the shared costs are spread over the days each"
                " trainee attends. Lines entered by hand are not shared"
                " out."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.explanation)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self._per_day = Decimal(0)

    def _shared_tip(self, row: CostRow) -> str:
        return (
            self.tr("%1 trainee-days × %2")
            .replace("%1", str(row.trainee_days))
            .replace("%2", self.page.money(self._per_day))
        )

    def show_allocation(self, allocation: Allocation) -> None:
        self._per_day = allocation.per_trainee_day
        self.explanation.setText(allocation.explanation)
        self.model.set_rows(
            [
                CostRow(
                    p.person_id, p.name, p.delegation, p.direct, p.trainee_days, p.shared, p.total
                )
                for p in allocation.people
            ]
        )
        self._update_count()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        fmt = self.page.formats
        what = noun("person", total)
        if shown == total:
            self.count_label.setText(f"{fmt.number(total)} {what}")
        else:
            self.count_label.setText(
                self.tr("%1 of %2 %3 shown")
                .replace("%1", fmt.number(shown))
                .replace("%2", fmt.number(total))
                .replace("%3", what)
            )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # the Edit menu: the costs are computed, there is nothing here to add, edit, delete or copy
    def add_item(self) -> None:
        pass

    def edit_item(self) -> None:
        pass

    def delete_items(self) -> None:
        pass

    def copy_rows(self) -> None:
        pass
