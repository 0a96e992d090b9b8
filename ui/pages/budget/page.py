"""Budget: what the plan costs, by category and funding source, with the rates it uses.

The figures are :func:`planner.rules.budget.compute`'s (lines the plan computes from its stays,
tickets, rides, rooms and meals, and lines entered by hand); this page only shows them and asks
the controller for changes (a line, an actual cost, a rate, one of the plan's percentages),
each one undoable step. It recomputes 150 ms after the last change, and when it is shown.

Tabs: *Lines* (a tree by category), *Rates* (per diem, exchange and catering rates and the
plan's percentages, numbers editable in place), *Funding and codes* (funding sources and each
category's budget code), *Chart* (cost by category and by source) and *Per participant*.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain import reference
from planner.domain.errors import PlannerError
from planner.domain.labels import BudgetCategory, budget_category_label, meal_label, noun
from planner.store import Change
from ui import settings as opt
from ui.formats import Formats
from ui.models.table import Column, RowTableModel, SearchProxy
from ui.pages.lists.panel import ListPanel, PageFactory
from ui.session.controller import PlanController
from ui.widgets.charts import AmountChart
from ui.widgets.fields import PercentField

if TYPE_CHECKING:
    from planner.rules.budget import Allocation, Budget, Line

# Tables whose changes can change the budget.
BUDGET_TABLES = frozenset(
    {
        "plan",
        "person",
        "delegation",
        "participant_group",
        "group_member",
        "venue",
        "room",
        "agenda_session",
        "session_facilitator",
        "session_audience",
        "travel",
        "room_block",
        "stay",
        "vehicle",
        "ride",
        "funding_source",
        "budget_category",
        "per_diem_rate",
        "exchange_rate",
        "catering_rate",
        "budget_line",
        "budget_actual",
    }
)
CATEGORY_COLOURS = {
    BudgetCategory.TRAVEL: "#4E79A7",
    BudgetCategory.ACCOMMODATION: "#F28E2B",
    BudgetCategory.PER_DIEM: "#E15759",
    BudgetCategory.VENUE: "#76B7B2",
    BudgetCategory.CATERING: "#59A14F",
    BudgetCategory.GROUND_TRANSPORT: "#EDC948",
    BudgetCategory.INTERPRETATION: "#B07AA1",
    BudgetCategory.MATERIALS: "#FF9DA7",
    BudgetCategory.VISIBILITY: "#9C755F",
    BudgetCategory.OTHER: "#BAB0AC",
    BudgetCategory.INDIRECT: "#79706E",
}
SOURCE_COLOURS = ["#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#9C755F"]
OVER_COLOUR = "#C62828"
WARNING_STYLE = (
    "QLabel { background: #FFF4E5; color: #5D4037; border: 1px solid #F9A825;"
    " border-radius: 4px; padding: 6px 8px; }"
)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a line's key, "category:<category>" or "total"
MANUAL_ROLE = Qt.ItemDataRole.UserRole + 2  # a hand-entered line's id


def _bold(widget: QWidget, scale: float = 1.0) -> None:
    font = widget.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


class BudgetPage(QWidget):
    """The Budget page: a header with the totals and warnings, and the tabs."""

    export_budget = Signal()
    export_perdiem = Signal()

    def __init__(
        self,
        ctrl: PlanController,
        factory: PageFactory,
        settings: opt.Settings,
        formats: Formats,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.settings, self.formats = ctrl, settings, formats
        self.editor = factory.editor
        self.budget: Budget | None = None
        self.allocation: Allocation | None = None
        self._dirty = True
        self.panels: list[ListPanel] = []

        title = QLabel(self.tr("Budget"), self)
        _bold(title, 1.5)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("budget_total")
        _bold(self.total_label, 1.25)
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.actual_label = QLabel(self)
        self.actual_label.setObjectName("budget_actual")
        self.sources_label = QLabel(self)
        self.sources_label.setObjectName("budget_sources")
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("budget_warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(WARNING_STYLE)
        self.warnings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label.hide()
        export = QPushButton(self.tr("Export Budget…"), self)
        export.setToolTip(
            self.tr(
                "Write the budget workbook finance audits: summary, lines"
                " and rates, with live formulas"
            )
        )
        export.clicked.connect(self.export_budget)
        perdiem = QPushButton(self.tr("Per Diem Payment Sheet…"), self)
        perdiem.setToolTip(
            self.tr(
                "Write the sheet of what each traveller is paid as per diem, to sign on payment"
            )
        )
        perdiem.clicked.connect(self.export_perdiem)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.total_label)
        top.addSpacing(12)
        top.addWidget(self.actual_label)
        top.addStretch(1)
        top.addWidget(export)
        top.addWidget(perdiem)

        self.lines = LinesTab(self)
        self.rates = RatesTab(self, factory)
        self.funding = FundingTab(self, factory)
        self.chart = ChartTab(self)
        self.people = PeopleTab(self)
        self.panels = [*self.rates.panels, *self.funding.panels]
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("budget_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.lines, self.tr("&Lines"))
        self.tabs.addTab(self.rates, self.tr("&Rates"))
        self.tabs.addTab(self.funding, self.tr("&Funding and codes"))
        self.tabs.addTab(self.chart, self.tr("C&hart"))
        self.tabs.addTab(self.people, self.tr("Per &participant"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)

    # what the main window asks of a page
    def on_changed(self, change: Change | None) -> None:
        for panel in self.panels:
            panel.mark_dirty(change)
        self.rates.rules.mark_dirty(change)
        if change is None or change.tables & BUDGET_TABLES:
            self._dirty = True
            if self.isVisible():
                self._timer.start()

    def active_panel(self) -> Any:
        """What Edit ▸ Add, Edit, Delete and Copy Rows act on: the lines, or a rate list."""
        current = self.tabs.currentWidget()
        if current is self.lines:
            return self.lines
        if current in (self.rates, self.funding):
            focus = self.focusWidget()
            own = current.panels  # type: ignore[union-attr]
            for panel in own:
                if focus is not None and panel.isAncestorOf(focus):
                    return panel
            return own[0]
        if current is self.people:
            return self.people
        return None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.recompute()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.people and self.budget is not None:
            self._show_allocation()

    # computing
    def recompute(self) -> None:
        """Compute the budget now and show it on every tab."""
        from planner.rules import budget

        self._timer.stop()
        self._dirty = False
        store = self.ctrl.store
        self.allocation = None
        if store is None:
            self.budget = None
            return
        try:
            self.budget = budget.compute(store)
        except PlannerError as exc:
            self.budget = None
            self.warnings_label.setText(str(exc))
            self.warnings_label.show()
            return
        self._show_header(self.budget)
        self.lines.show_budget(self.budget)
        self.chart.show_budget(self.budget)
        if self.tabs.currentWidget() is self.people:
            self._show_allocation()
        else:
            self.people.mark_dirty()

    def _show_allocation(self) -> None:
        from planner.rules import budget

        store = self.ctrl.store
        if store is None or self.budget is None:
            return
        if self.allocation is None:
            self.allocation = budget.per_participant(store, self.budget)
        self.people.show_allocation(self.allocation)

    def money(self, value: Decimal, currency: str | None = None) -> str:
        cur = currency if currency is not None else (self.budget.currency if self.budget else "")
        return self.formats.amount(value, cur)

    def _show_header(self, result: Budget) -> None:
        self.total_label.setText(self.tr("Total %1").replace("%1", self.money(result.total)))
        with_actual = [x for x in result.lines if x.actual is not None]
        if with_actual:
            self.actual_label.setText(
                self.tr("Actual cost so far %1 (%2 of %3 lines)")
                .replace("%1", self.money(result.actual_total))
                .replace("%2", self.formats.number(len(with_actual)))
                .replace("%3", self.formats.number(len(result.lines)))
            )
        else:
            self.actual_label.setText(self.tr("No actual costs entered yet"))
        self.actual_label.setStyleSheet("color: palette(dark);")
        sources = result.by_source()
        self.sources_label.setText(
            self.tr("By funding source: %1").replace(
                "%1", "  ·  ".join(f"{t.label} <b>{self.money(t.amount)}</b>" for t in sources)
            )
            if sources
            else ""
        )
        self.sources_label.setTextFormat(Qt.TextFormat.RichText)
        if result.warnings:
            self.warnings_label.setText("⚠ " + "\n⚠ ".join(result.warnings))
        self.warnings_label.setVisible(bool(result.warnings))


# --- the lines ----------------------------------------------------------------------------------


class LinesTab(QWidget):
    """Every line of the budget in a tree by category, with the totals."""

    DESCRIPTION, EXPLANATION, QUANTITY, UNIT, UNIT_COST, RATE, AMOUNT, CODE, SOURCE, ACTUAL = range(
        10
    )

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctrl = page.ctrl
        self.fmt = page.formats
        self._collapsed: set[str] = set()
        self._currency = ""
        self._fitted = False

        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("budget_lines")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Budget lines"))
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(str(i.data(KEY_ROLE))))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(str(i.data(KEY_ROLE))))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.installEventFilter(self)
        header = self.tree.header()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._set_headers()
        self._restore_header()

        self.add_button = QPushButton(self.tr("&Add Line…"), self)
        self.add_button.setToolTip(
            self.tr(
                "Add a cost the plan does not compute: interpretation,"
                " materials, visibility… (Ctrl+Shift+N)"
            )
        )
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(
            self.tr(
                "Edit a line entered by hand, or enter the actual cost of a computed line (Enter)"
            )
        )
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected lines entered by hand (Del)"))
        self.delete_button.clicked.connect(self.delete_items)
        self.hint = QLabel(
            self.tr(
                "Lines in italics were entered by hand. The others come from"
                " the plan and its rates: change those to change them, and"
                " use Actual Cost… to enter what was spent."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")

        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()

    # the header
    def _titles(self) -> list[str]:
        return [
            self.tr("Line"),
            self.tr("How it is computed"),
            self.tr("Quantity"),
            self.tr("Unit"),
            self.tr("Unit cost"),
            self.tr("Exchange rate"),
            self.tr("Amount (%1)").replace("%1", self._currency)
            if self._currency
            else self.tr("Amount"),
            self.tr("Budget code"),
            self.tr("Funding source"),
            self.tr("Actual cost (%1)").replace("%1", self._currency)
            if self._currency
            else self.tr("Actual cost"),
        ]

    def _set_headers(self) -> None:
        self.model.setHorizontalHeaderLabels(self._titles())
        for column in (self.QUANTITY, self.UNIT_COST, self.RATE, self.AMOUNT, self.ACTUAL):
            self.model.setHeaderData(
                column,
                Qt.Orientation.Horizontal,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                Qt.ItemDataRole.TextAlignmentRole,
            )

    def _restore_header(self) -> None:
        header = self.tree.header()
        state = self.page.settings.value("budget/lines/header")
        self._default_widths = not (state and header.restoreState(state))
        if self._default_widths:
            self._set_widths()
            for column in (self.UNIT, self.CODE):
                header.setSectionHidden(column, True)

    def _set_widths(self) -> None:
        """Widths for the columns' usual contents, and at least their titles'."""
        header = self.tree.header()
        char = self.tree.fontMetrics().averageCharWidth()
        titles = self._titles()
        for column, chars in enumerate((30, 32, 10, 10, 14, 11, 13, 16, 22, 13)):
            title = header.fontMetrics().horizontalAdvance(titles[column]) + 20
            header.resizeSection(column, max(chars * char + 16, title))

    def _fit(self) -> None:
        """The room the columns leave (once laid out) goes to descriptions and explanations."""
        header = self.tree.header()
        spare = self.tree.viewport().width() - header.length()
        if self.tree.isVisible() and spare > 0:
            for column in (self.DESCRIPTION, self.EXPLANATION):
                header.resizeSection(column, header.sectionSize(column) + spare // 2)

    def _save_header(self, *_args: Any) -> None:
        self.page.settings.set_value("budget/lines/header", self.tree.header().saveState())

    def _header_menu(self, pos: Any) -> None:
        header = self.tree.header()
        menu = QMenu(self)
        for column, title in enumerate(self._titles()):
            if column == self.DESCRIPTION:
                continue
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda on, c=column: (header.setSectionHidden(c, not on), self._save_header())
            )
        menu.exec(header.mapToGlobal(pos))

    # showing
    def show_budget(self, result: Budget) -> None:
        selected = self.selected_keys()
        current = self.current_key()
        scroll = self.tree.verticalScrollBar().value()
        first = self._currency != result.currency
        self._currency = result.currency
        self.model.removeRows(0, self.model.rowCount())
        self._set_headers()
        if (first or not self._fitted) and self._default_widths and self.tree.isVisible():
            self._set_widths()  # the titles now name the currency
            self._fitted = True
            QTimer.singleShot(0, self._fit)  # once the page is laid out
        by_category: dict[str, list[Line]] = {}
        for line in result.lines:
            by_category.setdefault(line.category, []).append(line)
        for total in result.by_category():
            parent = self._category_row(
                total.key, total.label, total.amount, total.actual, by_category.get(total.key, [])
            )
            for line in by_category.get(total.key, []):
                parent[0].appendRow(self._line_row(line, result.currency))
            self.model.appendRow(parent)
        self.model.appendRow(self._total_row(result))
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if str(index.data(KEY_ROLE)) not in self._collapsed:
                self.tree.expand(index)
        self.select_keys(selected, current)
        self.tree.verticalScrollBar().setValue(scroll)
        self._on_selection()

    def _item(self, text: str, *, right: bool = False, tip: str = "") -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tip:
            item.setToolTip(tip)
        return item

    def _quantity(self, value: Decimal) -> str:
        if value == value.to_integral_value():
            return self.fmt.number(int(value))
        return self.fmt.amount(value.normalize())

    def _line_row(self, line: Line, currency: str) -> list[QStandardItem]:
        money = self.page.money
        if line.key == "indirect":  # a percentage of the other lines
            quantity, unit = money(line.quantity, ""), ""
            unit_cost = percent_text(self.fmt, line.unit_cost * 100)
        else:
            quantity, unit = self._quantity(line.quantity), line.unit
            unit_cost = self.fmt.amount(line.unit_cost, line.currency)
        if line.currency == currency:
            rate, rate_tip = "", ""
        elif not line.rate:
            rate = "—"
            rate_tip = self.tr("No exchange rate for %1: the line counts as zero.").replace(
                "%1", line.currency
            )
        else:
            rate = self.fmt.amount(line.rate)
            rate_tip = (
                self.tr("%1 for one %2, the rate of %3")
                .replace("%1", self.fmt.amount(line.rate, line.currency))
                .replace("%2", currency)
                .replace("%3", month_text(self.fmt, line.month))
            )
        actual = money(line.actual, "") if line.actual is not None else ""
        row = [
            self._item(line.description, tip=line.description),
            self._item(line.explanation, tip=line.explanation),
            self._item(quantity, right=True),
            self._item(unit),
            self._item(unit_cost, right=True),
            self._item(rate, right=True, tip=rate_tip),
            self._item(money(line.amount, ""), right=True),
            self._item(line.budget_code),
            self._item(line.funding_source, tip=line.funding_source),
            self._item(actual, right=True),
        ]
        if line.manual_id is not None:
            font = QFont(self.tree.font())
            font.setItalic(True)
            for item in row:
                item.setFont(font)
        if line.actual is not None and line.actual > line.amount:
            row[self.ACTUAL].setForeground(QBrush(QColor(OVER_COLOUR)))
            row[self.ACTUAL].setToolTip(
                self.tr("%1 over the budget").replace("%1", money(line.actual - line.amount))
            )
        if not line.rate:
            row[self.RATE].setForeground(QBrush(QColor(OVER_COLOUR)))
        row[0].setData(line.key, KEY_ROLE)
        row[0].setData(line.manual_id, MANUAL_ROLE)
        return row

    def _category_row(
        self, category: str, label: str, amount: Decimal, actual: Decimal, lines: list[Line]
    ) -> list[QStandardItem]:
        money = self.page.money
        codes = {x.budget_code for x in lines}
        sources = {x.funding_source for x in lines}
        has_actual = any(x.actual is not None for x in lines)
        row = [
            self._item(label),
            self._item(self.tr("%n line(s)", "", len(lines))),
            self._item(""),
            self._item(""),
            self._item(""),
            self._item(""),
            self._item(money(amount, ""), right=True),
            self._item(codes.pop() if len(codes) == 1 else ""),
            self._item(sources.pop() if len(sources) == 1 else ""),
            self._item(money(actual, "") if has_actual else "", right=True),
        ]
        font = QFont(self.tree.font())
        font.setBold(True)
        for item in row:
            item.setFont(font)
        row[self.EXPLANATION].setForeground(
            QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        )
        row[0].setData(f"category:{category}", KEY_ROLE)
        row[0].setData(
            QColor(CATEGORY_COLOURS.get(category, "#BAB0AC")), Qt.ItemDataRole.DecorationRole
        )
        if has_actual and actual > amount:
            row[self.ACTUAL].setForeground(QBrush(QColor(OVER_COLOUR)))
        return row

    def _total_row(self, result: Budget) -> list[QStandardItem]:
        money = self.page.money
        row = [self._item(self.tr("Total"))] + [self._item("") for _c in range(9)]
        row[self.EXPLANATION].setText(self.tr("%n line(s)", "", len(result.lines)))
        row[self.AMOUNT] = self._item(money(result.total, ""), right=True)
        if any(x.actual is not None for x in result.lines):
            row[self.ACTUAL] = self._item(money(result.actual_total, ""), right=True)
        font = QFont(self.tree.font())
        font.setBold(True)
        for item in row:
            item.setFont(font)
            item.setBackground(QBrush(self.palette().color(QPalette.ColorRole.Midlight)))
        row[0].setData("total", KEY_ROLE)
        return row

    # selection
    def _row_index(self, key: str) -> QModelIndex:
        for row in range(self.model.rowCount()):
            top = self.model.index(row, 0)
            if top.data(KEY_ROLE) == key:
                return top
            for child in range(self.model.rowCount(top)):
                index = self.model.index(child, 0, top)
                if index.data(KEY_ROLE) == key:
                    return index
        return QModelIndex()

    def line_keys(self) -> list[str]:
        """The keys of every line shown (not the categories)."""
        keys = []
        for row in range(self.model.rowCount()):
            top = self.model.index(row, 0)
            keys.extend(
                str(self.model.index(c, 0, top).data(KEY_ROLE))
                for c in range(self.model.rowCount(top))
            )
        return keys

    def cell(self, key: str, column: int) -> str:
        """The text shown for a line or a category ("category:catering") in a column."""
        index = self._row_index(key)
        if not index.isValid():
            return ""
        return str(index.siblingAtColumn(column).data() or "")

    def selected_keys(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows()
        return [str(i.data(KEY_ROLE)) for i in rows]

    def current_key(self) -> str | None:
        index = self.tree.currentIndex()
        return str(index.siblingAtColumn(0).data(KEY_ROLE)) if index.isValid() else None

    def select_keys(self, keys: list[str], current: str | None = None) -> None:
        from PySide6.QtCore import QItemSelectionModel

        selection = self.tree.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for key in keys:
            index = self._row_index(key)
            if index.isValid():
                selection.select(index, flags)
        if current is not None:
            index = self._row_index(current)
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(index)

    def _selected_lines(self) -> list[tuple[str, int | None]]:
        return [
            (str(i.data(KEY_ROLE)), i.data(MANUAL_ROLE))
            for i in self.tree.selectionModel().selectedRows()
            if not str(i.data(KEY_ROLE)).startswith("category:") and i.data(KEY_ROLE) != "total"
        ]

    def _on_selection(self, *_args: Any) -> None:
        lines = self._selected_lines()
        has_plan = self.ctrl.store is not None
        self.add_button.setEnabled(has_plan)
        self.edit_button.setEnabled(has_plan and len(lines) == 1)
        self.delete_button.setEnabled(
            has_plan and bool(lines) and all(m is not None for _k, m in lines)
        )
        if len(lines) == 1 and lines[0][1] is None:
            self.edit_button.setText(self.tr("A&ctual Cost…"))
        else:
            self.edit_button.setText(self.tr("&Edit…"))

    # actions
    def _double_clicked(self, index: QModelIndex) -> None:
        key = str(index.siblingAtColumn(0).data(KEY_ROLE))
        if key.startswith("category:") or key == "total":
            return  # the tree expands or collapses it
        self.edit_item()

    def add_item(self) -> None:
        if self.ctrl.store is None:
            return
        preset: dict[str, Any] = {}
        key = self.current_key() or ""
        category = (
            key.removeprefix("category:")
            if key.startswith("category:")
            else next(
                (
                    x.category
                    for x in (self.page.budget.lines if self.page.budget else [])
                    if x.key == key
                ),
                "",
            )
        )
        if category and category != BudgetCategory.INDIRECT:
            preset["category"] = str(category)
        dialog = self.page.editor().open(self.window(), "budget_line", None, preset)
        if dialog is not None and dialog.exec():
            new_id = dialog.created_id  # type: ignore[attr-defined]
            if new_id is not None:
                self.page.recompute()
                self.select_keys([f"manual:{new_id}"], f"manual:{new_id}")

    def edit_item(self) -> None:
        lines = self._selected_lines()
        if len(lines) != 1 or self.ctrl.store is None:
            return
        key, manual_id = lines[0]
        if manual_id is not None:
            dialog = self.page.editor().open(self.window(), "budget_line", int(manual_id))
        else:
            existing = queries.budget_actuals(self.ctrl.store).get(key)
            dialog = self.page.editor().open(
                self.window(), "budget_actual", existing.id if existing else None, {"line_key": key}
            )
        if dialog is not None and dialog.exec():
            self.page.recompute()

    def delete_items(self) -> None:
        lines = self._selected_lines()
        ids = [int(m) for _k, m in lines if m is not None]
        if not ids or len(ids) != len(lines) or self.ctrl.store is None:
            return
        if len(ids) == 1:
            name = self.cell(lines[0][0], self.DESCRIPTION)
            question = self.tr("Delete the budget line “%1”?").replace("%1", name)
        else:
            question = self.tr("Delete %n budget line(s)?", "", len(ids))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.NoButton,
            self.window(),
        )
        box.setInformativeText(self.tr("You can undo this with Edit ▸ Undo (Ctrl+Z)."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setObjectName("confirm_delete")
        box.exec()
        if box.clickedButton() is delete and self.ctrl.delete("budget_line", ids):
            self.page.recompute()

    def copy_rows(self) -> None:
        """The selected rows (or every row) as tab-separated text, for a spreadsheet."""
        header = self.tree.header()
        columns = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        titles = self._titles()
        text = ["\t".join(titles[c] for c in columns)]
        rows = sorted(
            self.tree.selectionModel().selectedRows(),
            key=lambda i: (i.parent().row(), i.row()) if i.parent().isValid() else (i.row(), -1),
        )
        for index in rows:
            text.append("\t".join(str(index.siblingAtColumn(c).data() or "") for c in columns))
        QGuiApplication.clipboard().setText("\n".join(text))

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Add Line…"), self.add_item).setEnabled(self.add_button.isEnabled())
        menu.addAction(self.edit_button.text().replace("&", ""), self.edit_item).setEnabled(
            self.edit_button.isEnabled()
        )
        menu.addAction(self.tr("Delete"), self.delete_items).setEnabled(
            self.delete_button.isEnabled()
        )
        menu.addSeparator()
        menu.addAction(self.tr("Expand All"), self.tree.expandAll)
        menu.addAction(self.tr("Collapse All"), self.tree.collapseAll)
        menu.addSeparator()
        menu.addAction(self.tr("Copy rows"), self.copy_rows).setEnabled(
            bool(self.tree.selectionModel().selectedRows())
        )
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeySequence

        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.edit_button.isEnabled():
                self.edit_item()
                return True
            if key == Qt.Key.Key_Delete and self.delete_button.isEnabled():
                self.delete_items()
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_rows()
                return True
        return super().eventFilter(watched, event)


# --- rates, funding sources and codes ------------------------------------------------------------


class RatesTab(QWidget):
    """Per diem, exchange and catering rates, and the plan's own percentages."""

    def __init__(self, page: BudgetPage, factory: PageFactory) -> None:
        super().__init__(page)
        self.page = page
        fmt = page.formats
        per_diem_columns = [
            Column(
                "location", self.tr("Location"), lambda r: r.location, width=16, edit="location"
            ),
            Column(
                "daily_rate",
                self.tr("Daily rate"),
                lambda r: fmt.amount(r.daily_rate),
                sort=lambda r: r.daily_rate,
                numeric=True,
                width=10,
                edit="daily_rate",
                edit_text=lambda r: _plain(r.daily_rate),
            ),
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8, edit="currency"),
            Column(
                "lodging_share",
                self.tr("Lodging share"),
                lambda r: self._percent(r.lodging_share),
                sort=lambda r: r.lodging_share,
                numeric=True,
                width=12,
                edit="lodging_share",
                edit_text=lambda r: _plain(r.lodging_share),
                tooltip=lambda r: self.tr("Per cent of the daily rate that is for lodging"),
            ),
            Column(
                "valid_from",
                self.tr("Valid from"),
                lambda r: fmt.date(r.valid_from),
                sort=lambda r: r.valid_from.isoformat() if r.valid_from else "",
                width=11,
            ),
            Column(
                "chosen",
                self.tr("Plan's"),
                lambda r: "✓" if r.chosen else "",
                width=7,
                tooltip=lambda r: (
                    self.tr(
                        "The plan's per diem uses this rate (choose it"
                        " under The plan's budget rules)"
                    )
                    if r.chosen
                    else ""
                ),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        exchange_columns = [
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8),
            Column(
                "month",
                self.tr("Month"),
                lambda r: month_text(fmt, r.month),
                sort=lambda r: r.month.isoformat(),
                width=18,
            ),
            Column(
                "units",
                self.tr("Units for one %1").replace("%1", self._plan_currency()),
                lambda r: fmt.amount(r.units_per_base),
                sort=lambda r: r.units_per_base,
                numeric=True,
                width=17,
                edit="units_per_base",
                edit_text=lambda r: _plain(r.units_per_base),
            ),
            Column("source", self.tr("Source"), lambda r: r.source, edit="source"),
        ]
        catering_columns = [
            Column(
                "kind",
                self.tr("For"),
                lambda r: meal_label(r.kind),
                sort=lambda r: MEAL_ORDER.get(r.kind, 9),
                width=14,
            ),
            Column(
                "per_head",
                self.tr("Per head"),
                lambda r: fmt.amount(r.per_head),
                sort=lambda r: r.per_head,
                numeric=True,
                width=10,
                edit="per_head",
                edit_text=lambda r: _plain(r.per_head),
            ),
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8, edit="currency"),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        self.per_diem = factory._panel(
            self,
            "per_diem_rate",
            self.tr("Per diem rates"),
            per_diem_columns,
            queries.per_diem_rates,
            {"per_diem_rate", "plan"},
            heading_level=2,
        )
        self.exchange = factory._panel(
            self,
            "exchange_rate",
            self.tr("Exchange rates"),
            exchange_columns,
            queries.exchange_rates,
            {"exchange_rate", "plan"},
            heading_level=2,
        )
        self.catering = factory._panel(
            self,
            "catering_rate",
            self.tr("Catering rates"),
            catering_columns,
            queries.catering_rates,
            {"catering_rate"},
            heading_level=2,
        )
        self.panels = [self.per_diem, self.exchange, self.catering]
        for panel in self.panels:
            _compact(panel)
        self.exchange.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.catering.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rules = RulesBox(page, self)
        hint = QLabel(
            self.tr(
                "Double-click a number or a name (or press F2) to change it in"
                " place; Edit… opens the whole form. Every change can be"
                " undone."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")

        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        for panel in self.panels:
            lists.addWidget(panel)
        lists.setStretchFactor(0, 2)
        lists.setStretchFactor(1, 3)
        lists.setStretchFactor(2, 3)
        side = QVBoxLayout()
        side.addWidget(self.rules)
        side.addWidget(hint)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(lists, 3)
        layout.addSpacing(8)
        layout.addLayout(side, 2)

    def _plan_currency(self) -> str:
        store = self.page.ctrl.store
        if store is None:
            return "?"
        return queries.plan_currency(store) or "?"

    def _percent(self, value: Decimal | None) -> str:
        if value is None:
            return self.tr("the plan's")
        return percent_text(self.page.formats, value)


MEAL_ORDER = {"break": 0, "breakfast": 1, "lunch": 2, "dinner": 3}


def percent_text(fmt: Formats, value: Decimal) -> str:
    """56 %, 12,5 % (as the locale writes decimals; no trailing zeros)."""
    exact = value.normalize()
    if exact == exact.to_integral_value():
        exact = exact.quantize(Decimal(1))
    return f"{format(exact, 'f').replace('.', fmt.locale.decimalPoint())} %"


def month_text(fmt: Formats, month: Any) -> str:
    """November 2023 (in the window's language)."""
    text = fmt.locale.toString(QDate(month.year, month.month, 1), "MMMM yyyy")
    return text[:1].upper() + text[1:]


def _plain(value: Decimal | None) -> str:
    """An amount as the in-place editor starts with it: digits and a point, no grouping."""
    return "" if value is None else format(value, "f")


def _compact(panel: ListPanel) -> None:
    """A short list on a page of several: no search box (the lists are short), tighter."""
    panel.search.hide()
    panel.edit_in_place()
    panel.view.setMinimumHeight(panel.view.verticalHeader().defaultSectionSize() * 3)
    fit_titles(panel.view)


def fit_titles(view: QTableView) -> None:
    """Columns at least as wide as their titles (longer in Spanish) and the sort arrow."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(title) + 30
        if not header.isSectionHidden(column) and header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


class RulesBox(QGroupBox):
    """The plan's per diem rate and percentages, each saved as it changes (one undoable step)."""

    FIELDS = (
        "indirect_rate",
        "breakfast_deduction",
        "lunch_deduction",
        "dinner_deduction",
        "lodging_deduction",
        "last_day_share",
    )

    def __init__(self, page: BudgetPage, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The plan's budget rules"))
        self.setObjectName("budget_rules")
        self.page = page
        self.ctrl = page.ctrl
        self._dirty = True
        self._values: dict[str, Any] = {}
        self.per_diem = QComboBox(self)
        self.per_diem.setObjectName("per_diem_rate_id")
        self.per_diem.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.per_diem.setMinimumContentsLength(16)
        self.per_diem.activated.connect(self._per_diem_chosen)
        self.fields: dict[str, PercentField] = {}
        labels = {
            "indirect_rate": (
                self.tr("&Indirect support"),
                self.tr("Added to the budget as a share of all the other lines."),
            ),
            "last_day_share": (
                self.tr("Last da&y paid at"),
                self.tr("The day of departure is paid at this share of the daily rate."),
            ),
            "lodging_deduction": (
                self.tr("L&odging provided"),
                self.tr(
                    "Taken off the per diem for each night the plan pays a hotel, unless the per"
                    " diem rate has its own lodging share."
                ),
            ),
            "breakfast_deduction": (
                self.tr("Brea&kfast provided"),
                self.tr(
                    "Taken off for each breakfast the plan serves (a meal session or the hotel's)."
                ),
            ),
            "lunch_deduction": (
                self.tr("Lu&nch provided"),
                self.tr("Taken off for each lunch the plan serves."),
            ),
            "dinner_deduction": (
                self.tr("Dinner pro&vided"),
                self.tr("Taken off for each dinner the plan serves."),
            ),
        }
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = QLabel(self.tr("Per diem ra&te"), self)
        label.setBuddy(self.per_diem)
        form.addRow(label, self.per_diem)
        note = QLabel(self.tr("Per diem deductions, as a share of the daily rate:"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark);")
        for key in (
            "indirect_rate",
            "last_day_share",
            None,
            "lodging_deduction",
            "breakfast_deduction",
            "lunch_deduction",
            "dinner_deduction",
        ):
            if key is None:
                form.addRow(note)
                continue
            text, tip = labels[key]
            field = PercentField(self)
            field.setObjectName(key)
            field.setToolTip(tip)
            field.setAccessibleName(text.replace("&", ""))
            field.setMaximumWidth(field.fontMetrics().horizontalAdvance("100,00 %") + 60)
            timer = QTimer(field)
            timer.setSingleShot(True)
            timer.setInterval(700)
            timer.timeout.connect(lambda k=key: self.save(k))
            field.valueChanged.connect(lambda _v, t=timer: t.start())
            field.editingFinished.connect(lambda k=key: self.save(k))
            self.fields[key] = field
            row_label = QLabel(text, self)
            row_label.setBuddy(field)
            row_label.setToolTip(tip)
            form.addRow(row_label, field)

    def mark_dirty(self, change: Change | None) -> None:
        if change is None or change.tables & {"plan", "per_diem_rate"}:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: Any) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        from planner import operations

        store = self.ctrl.store
        self._dirty = False
        if store is None:
            return
        self._values = operations.plan_values(store)
        for key, field in self.fields.items():
            field.blockSignals(True)
            field.set_value(self._values.get(key))
            field.blockSignals(False)
        rates = sorted(queries.per_diem_rates(store), key=lambda r: reference.fold(r.location))
        self.per_diem.blockSignals(True)
        self.per_diem.clear()
        self.per_diem.addItem(self.tr("(none chosen)"), None)
        for rate in rates:
            amount = self.page.formats.amount(rate.daily_rate, rate.currency)
            self.per_diem.addItem(f"{rate.location} — {amount}", rate.id)
        index = self.per_diem.findData(self._values.get("per_diem_rate_id"))
        self.per_diem.setCurrentIndex(max(index, 0))
        self.per_diem.blockSignals(False)

    def save(self, key: str) -> None:
        """Save one percentage if it changed (an undoable step); a refused value goes back."""
        field = self.fields[key]
        value = field.value()
        stored = self._values.get(key)
        if (
            self.ctrl.store is None
            or "id" not in self._values
            or (stored is not None and Decimal(stored) == value)
        ):
            return
        if not self.ctrl.update("plan", int(self._values["id"]), {key: value}):
            self.refresh()

    def _per_diem_chosen(self, index: int) -> None:
        value = self.per_diem.itemData(index)
        if (
            self.ctrl.store is None
            or "id" not in self._values
            or value == self._values.get("per_diem_rate_id")
        ):
            return
        if not self.ctrl.update("plan", int(self._values["id"]), {"per_diem_rate_id": value}):
            self.refresh()


class FundingTab(QWidget):
    """Who pays (funding sources) and each category's budget code and source."""

    def __init__(self, page: BudgetPage, factory: PageFactory) -> None:
        super().__init__(page)
        self.page = page
        source_columns = [
            Column("name", self.tr("Funding source"), lambda r: r.name, width=62, edit="name"),
            Column("code", self.tr("Code"), lambda r: r.code, width=18, edit="code"),
            Column(
                "categories",
                self.tr("Categories"),
                lambda r: page.formats.number(r.categories),
                sort=lambda r: r.categories,
                numeric=True,
                width=10,
                tooltip=lambda r: self.tr(
                    "Categories whose lines it pays unless a line names another source"
                ),
            ),
            Column(
                "lines",
                self.tr("Own lines"),
                lambda r: page.formats.number(r.lines),
                sort=lambda r: r.lines,
                numeric=True,
                width=10,
                tooltip=lambda r: self.tr("Lines entered by hand that name it"),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        category_columns = [
            Column(
                "category",
                self.tr("Category"),
                lambda r: budget_category_label(r.category),
                sort=lambda r: CATEGORY_ORDER.get(r.category, 99),
                width=24,
                colour=lambda r: CATEGORY_COLOURS.get(r.category, ""),
            ),
            Column(
                "budget_code",
                self.tr("Budget code"),
                lambda r: r.budget_code,
                width=28,
                edit="budget_code",
            ),
            Column("funding_source", self.tr("Funding source"), lambda r: r.funding_source),
        ]
        self.sources = factory._panel(
            self,
            "funding_source",
            self.tr("Funding sources"),
            source_columns,
            queries.funding_sources,
            {"funding_source", "budget_category", "budget_line"},
            heading_level=2,
        )
        self.categories = factory._panel(
            self,
            "budget_category",
            self.tr("Budget codes of the categories"),
            category_columns,
            queries.budget_categories,
            {"budget_category", "funding_source"},
            heading_level=2,
        )
        self.panels = [self.sources, self.categories]
        for panel in self.panels:
            _compact(panel)
        self.categories.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        hint = QLabel(
            self.tr(
                "A line takes its category's budget code and funding source"
                " unless it has its own. Double-click a name or a code (or press"
                " F2) to change it in place."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sources)
        splitter.addWidget(self.categories)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)


CATEGORY_ORDER = {str(c): n for n, c in enumerate(BudgetCategory)}


# --- the chart ----------------------------------------------------------------------------------


class ChartTab(QScrollArea):
    """What the budget goes on: cost by category and by funding source."""

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.page = page
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self.by_category = AmountChart(body)
        self.by_category.setObjectName("chart_by_category")
        self.by_source = AmountChart(body)
        self.by_source.setObjectName("chart_by_source")
        self.category_title = QLabel(body)
        self.source_title = QLabel(body)
        for label in (self.category_title, self.source_title):
            _bold(label, 1.15)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 12, 12, 4)
        layout.addWidget(self.category_title)
        layout.addWidget(self.by_category)
        layout.addSpacing(16)
        layout.addWidget(self.source_title)
        layout.addWidget(self.by_source)
        layout.addStretch(1)

    def show_budget(self, result: Budget) -> None:
        money = self.page.money
        fmt = self.page.formats

        def percent(value: float) -> str:
            return f"{fmt.locale.toString(value, 'f', 1)} %"

        legend = (self.tr("Budget"), self.tr("Actual cost"))
        self.category_title.setText(self.tr("Cost by category (%1)").replace("%1", result.currency))
        self.by_category.set_bars(
            [
                (
                    t.label,
                    t.amount,
                    t.actual
                    if any(x.actual is not None for x in result.lines if x.category == t.key)
                    else None,
                    CATEGORY_COLOURS.get(t.key, "#BAB0AC"),
                )
                for t in result.by_category()
            ],
            lambda v: money(v),
            percent,
            legend,
        )
        sources = result.by_source()
        self.source_title.setText(
            self.tr("Cost by funding source (%1)").replace("%1", result.currency)
        )
        self.by_source.set_bars(
            [
                (
                    t.label,
                    t.amount,
                    t.actual
                    if any(
                        x.actual is not None
                        for x in result.lines
                        if str(x.funding_source_id or "") == t.key
                    )
                    else None,
                    SOURCE_COLOURS[n % len(SOURCE_COLOURS)] if t.key else "#BAB0AC",
                )
                for n, t in enumerate(sources)
            ],
            lambda v: money(v),
            percent,
            legend,
        )


# --- cost per participant -----------------------------------------------------------------------


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

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.page = page
        fmt = page.formats
        self._dirty = True
        self.explanation = QLabel(self)
        self.explanation.setObjectName("allocation_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _bold(self.explanation)
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

    def mark_dirty(self) -> None:
        self._dirty = True

    def show_allocation(self, allocation: Allocation) -> None:
        self._dirty = False
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
