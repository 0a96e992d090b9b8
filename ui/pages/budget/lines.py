"""The budget's Lines tab: every line in a tree by category, with the totals; lines entered
by hand are added, edited and deleted here, and a computed line's actual cost entered."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain.labels import BudgetCategory
from planner.rules.budget import BlockNights, Budget, Line
from ui import settings as opt
from ui.pages.budget.common import (
    CATEGORY_COLOURS,
    KEY_ROLE,
    MANUAL_ROLE,
    OVER_COLOUR,
    BudgetView,
    month_text,
    percent_text,
)


class LinesTab(QWidget):
    """Every line of the budget in a tree by category, with the totals."""

    DESCRIPTION, EXPLANATION, QUANTITY, UNIT, UNIT_COST, RATE, AMOUNT, CODE, SOURCE, ACTUAL = range(
        10
    )

    def __init__(self, page: BudgetView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.ctrl = page.ctrl
        self.fmt = page.formats
        self._collapsed: set[str] = set()
        self._currency = ""
        self._fitted = False
        self._room_blocks: dict[str, BlockNights] = {}

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
        state = self.page.settings.get(opt.BUDGET_LINES_HEADER)
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
        self.page.settings.set(opt.BUDGET_LINES_HEADER, self.tree.header().saveState())

    def _show_column(self, column: int, on: bool) -> None:
        self.tree.header().setSectionHidden(column, not on)
        self._save_header()

    def _header_menu(self, pos: QPoint) -> None:
        header = self.tree.header()
        menu = QMenu(self)
        for column, title in enumerate(self._titles()):
            if column == self.DESCRIPTION:
                continue
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
        menu.exec(header.mapToGlobal(pos))

    # showing
    def show_budget(self, result: Budget) -> None:
        selected = self.selected_keys()
        current = self.current_key()
        scroll = self.tree.verticalScrollBar().value()
        first = self._currency != result.currency
        self._currency = result.currency
        self._room_blocks = result.room_blocks
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
        explanation, explanation_tip = self._explanation(line)
        row = [
            self._item(line.description, tip=line.description),
            self._item(explanation, tip=explanation_tip),
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

    def _explanation(self, line: Line) -> tuple[str, str]:
        """How the line is computed, and its tooltip. A room block's line counts the room-nights
        its stays use; when the block holds a different number, it says so: held, used and
        released, and what each costs."""
        nights = self._room_blocks.get(line.key)
        if nights is None or nights.held == nights.used:
            return line.explanation, line.explanation
        fmt = self.fmt

        def cost(value: Decimal) -> str:
            return fmt.amount(value, nights.currency)

        held = self.tr(
            "Held: %n room-night(s), %1, the block as contracted: what the hotel may bill.",
            "",
            nights.held,
        ).replace("%1", cost(nights.held_cost))
        used = self.tr(
            "Used: %n room-night(s), %1, by the stays in the block: what this line counts.",
            "",
            nights.used,
        ).replace("%1", cost(nights.used_cost))
        if nights.released:
            short = (
                self.tr("%1 held, %2 released (not counted)")
                .replace("%1", fmt.number(nights.held))
                .replace("%2", fmt.number(nights.released))
            )
            rest = self.tr(
                "Released: %n room-night(s), %1, held but not used: not in the budget, though"
                " until rooms can be released by a cut-off date the hotel may bill what it holds.",
                "",
                nights.released,
            ).replace("%1", cost(nights.released_cost))
        else:
            short = self.tr("only %1 held").replace("%1", fmt.number(nights.held))
            rest = self.tr(
                "Released: none. The stays use %n room-night(s) more than the block holds.",
                "",
                nights.used - nights.held,
            )
        tip = "\n".join((line.explanation, held, used, rest))
        return f"{line.explanation} · {short}", tip

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
        keys: list[str] = []
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
            new_id = dialog.created_id
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

    def focus_search(self) -> None:
        pass  # the lines have no search box: Edit ▸ Find does nothing here

    def _context_menu(self, pos: QPoint) -> None:
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
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
