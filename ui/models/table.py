"""One table model for every list: rows are the core's frozen row objects, columns are specs.

Roles: Qt's display/alignment/decoration/tooltip roles, plus ``SORT_ROLE`` (a key that sorts
numbers as numbers, dates as dates and names ignoring accents and case), ``ROW_ROLE`` (the row
object) and ``ID_ROLE`` (its id). The proxy filters on every column's text, ignoring accents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from planner.domain.reference import fold, sort_key

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    colour: Callable[[Any], str] | None = None
    tooltip: Callable[[Any], str] | None = None
    personal: bool = False  # identity numbers, birth dates, phones
    hidden: bool = False  # hidden until the user shows it
    width: int = 0  # initial width in characters (0: a default by kind)
    edit: str = ""  # the field a double-click or F2 edits in place ("" for none)
    edit_text: Callable[[Any], str] | None = None  # the value as the editor starts with it


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._search: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # saves a value typed into a cell: (row object, column, text) -> saved?
        self.on_edit: Callable[[Any, Column, Any], bool] | None = None

    # data
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self._search = []
        self.endResetModel()

    def _sorted(self, rows: list[Any]) -> list[Any]:
        if self._sort is None or not 0 <= self._sort[0] < len(self.columns):
            return rows
        column = self.columns[self._sort[0]]
        # text in the order Spanish readers expect: Á with A, Ñ its own letter after N
        key = column.sort or (lambda r: sort_key(column.text(r)))

        def safe(row: Any) -> tuple[bool, Any]:
            value = key(row)
            return (value is None, value if value is not None else 0)

        return sorted(rows, key=safe, reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on precomputed keys (fast for thousands of rows)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [(self._rows[i.row()], i.column()) for i in old]
        self._rows = self._sorted(self._rows)
        self._search = []
        position = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(position[id(r)], c) for r, c in old_rows])
        self.layoutChanged.emit()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def row_of_id(self, item_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == item_id:
                return i
        return -1

    def search_text(self, row: int) -> str:
        if not self._search:
            self._search = [fold(" ".join(c.text(r) for c in self.columns)) for r in self._rows]
        return self._search[row]

    # Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit_text(row) if column.edit_text is not None else column.text(row)
        if role == SORT_ROLE:
            if column.sort is not None:
                return column.sort(row)
            return sort_key(column.text(row))[0]
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column.colour is not None:
            value = column.colour(row)
            return QColor(value) if value else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            text = column.text(row)
            return text if len(text) > 40 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.on_edit is not None and self.columns[index.column()].edit:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A value typed into a cell: handed to ``on_edit`` (which saves it through the
        controller, and the list reloads from the plan); unchanged text saves nothing."""
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or self.on_edit is None
            or index.row() >= len(self._rows)
        ):
            return False
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if not column.edit or str(value).strip() == str(self.data(index, role) or "").strip():
            return False
        return self.on_edit(row, column, value)


class SearchProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; keeps rows whose text holds every word typed (accents and
    case ignored), plus an optional extra predicate on the row object."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", fold(text).split()))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._refilter(lambda: setattr(self, "_predicate", predicate))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        if self._predicate is not None and not self._predicate(model.row_object(source_row)):
            return False
        if not self._words:
            return True
        text = model.search_text(source_row)
        return all(word in text for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort (on precomputed keys); this proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)
        else:  # pragma: no cover - only RowTableModel is used
            super().sort(column, order)
