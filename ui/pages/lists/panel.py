"""The generic list: :class:`ListPanel` (a searchable, sortable table of one kind of item with
add, edit, delete and its history), :class:`ListPage` (a page of one or more of them) and
:class:`PageFactory` (which builds them). The pages of each domain, with their columns, are in
``people``, ``agenda`` and ``logistics`` beside this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import current_language
from planner.domain.labels import KIND_NOUNS, noun
from planner.store import Change, PlanStore
from ui import settings as opt
from ui.formats import Formats
from ui.models.table import ID_ROLE, Column, RowTableModel, SearchProxy
from ui.pages.refresh import RefreshWhenShown
from ui.session.controller import PlanController
from ui.session.deferred import operations
from ui.widgets.flow import FlowRow

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from ui.dialogs.editors.editor import ItemEditor

EditorSource = Callable[[], "ItemEditor"]
HistoryOpener = Callable[[str, int, str], None]  # (table, item id, title): its history shown


def share_width(
    wanted: dict[int, int], room: int, floor: int, least: dict[int, int] | None = None
) -> dict[int, int]:
    """Widths that fit ``room`` if they can: the widest columns are narrowed to one level
    (never below ``floor``, nor below what they want, nor below their ``least``: their
    heading), the others keep theirs; what still does not fit scrolls."""
    least = least or {}

    def width(column: int, level: int) -> int:
        return max(least.get(column, 0), min(wanted[column], max(level, floor)))

    if sum(wanted.values()) <= room:
        return wanted
    low, high = floor, max(wanted.values())
    while low < high:  # the highest level at which everything fits
        level = (low + high + 1) // 2
        if sum(width(c, level) for c in wanted) <= room:
            low = level
        else:
            high = level - 1
    return {column: width(column, low) for column in wanted}


class ListPanel(QWidget):
    """A table of one kind of item, with its search box and buttons."""

    selection_changed = Signal()

    def __init__(
        self,
        ctrl: PlanController,
        editor: EditorSource,
        settings: opt.Settings,
        formats: Formats,
        kind: str,
        title: str,
        columns: Sequence[Column],
        load: Callable[[PlanStore], list[Any]],
        tables: frozenset[str],
        parent: QWidget | None = None,
        heading_level: int = 1,
        name: str = "",
        history: HistoryOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.editor, self.settings, self.formats = ctrl, editor, settings, formats
        self.history = history
        self.kind = kind
        # a list of items of a kind shown in more than one place is told apart by its name
        # (its remembered columns, its object name) and may have its own noun (site visits)
        self.name = name or kind
        self.noun_kind = self.name if self.name in KIND_NOUNS else kind
        self.title = title
        self.tables = tables
        self._load = load
        self._saving_cell = False
        self._fitting = False
        self.freshness = RefreshWhenShown(self, self.refresh, tables, self._refresh_now)
        self.preset: Callable[[], dict[str, Any]] = dict
        self.setObjectName(f"{self.name}_panel")

        self.model = RowTableModel(columns, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        heading = QLabel(title, self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * (1.5 if heading_level == 1 else 1.2))
        font.setBold(True)
        heading.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search %s") % title)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._on_search)

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setToolTip(self.tr("Add a new %s (Ctrl+Shift+N)") % noun(self.noun_kind))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected item (Enter)"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected items (Del)"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_items)

        self.view = QTableView(self)
        self.view.setObjectName(f"{self.name}_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(title)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.sortIndicatorChanged.connect(self._save_header)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.installEventFilter(self)
        self._restore_header()
        self.empty_hint = QLabel(self.view.viewport())
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 24px;")
        self.empty_hint.hide()

        self.tools: list[tuple[QAction, int]] = []  # extra actions, fewest rows they need
        # heading and count on the left, search and buttons on the right; on a narrow panel
        # the buttons move to the lines below instead of widening the window
        top = FlowRow()
        self._top = top
        top.add_lead(heading)
        top.add_lead(self.count_label)
        for widget in (self.search, self.add_button, self.edit_button, self.delete_button):
            top.add_trail(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._on_selection()

    # header layout, remembered per list
    def _restore_header(self) -> None:
        header = self.view.horizontalHeader()
        state = self.settings.get(self._header_option())
        restored = bool(state) and header.restoreState(state)
        self._fit_pending = not restored  # fitted to the rows once they are first loaded
        hide_personal = self.settings.get(opt.HIDE_PERSONAL)
        for i, column in enumerate(self.model.columns):
            if not restored:
                header.setSectionHidden(i, column.hidden)
            if column.personal and hide_personal:
                header.setSectionHidden(i, True)
        if not restored:  # until the user changes them, the columns are ours to fit
            self._fitting = True
            self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            char = self.view.fontMetrics().averageCharWidth()
            for i, column in enumerate(self.model.columns):
                chars = column.width or (9 if column.numeric else 22)
                header.resizeSection(i, chars * char + 16)
            self._fitting = False

    def _header_option(self) -> opt.Option[Any]:
        """Column widths are kept per language: a heading's width depends on its words."""
        lang = current_language()
        return opt.list_header(self.name if lang == "en" else f"{self.name}.{lang}")

    def _save_header(self, *_args: Any) -> None:
        if not self._fitting:
            self.settings.set(self._header_option(), self.view.horizontalHeader().saveState())

    def fit_columns(self, sample: int = 200, most_chars: int = 40) -> None:
        """Size each shown column to its heading and to the widest of the first ``sample``
        rows, in the language and formats shown (so "3:00 p. m." and "Tiempo de manejo"
        read whole), at most ``most_chars`` characters wide. When they all cannot fit the
        list's width, the widest give way first (to no less than 14 characters), so a long
        organisation name does not push the last columns out of sight; what is cut is elided
        and shown whole on hover."""
        header = self.view.horizontalHeader()
        char = self.view.fontMetrics().averageCharWidth()
        rows = min(sample, self.proxy.rowCount())
        last = self.model.columnCount() - 1
        wanted: dict[int, int] = {}
        heading: dict[int, int] = {}
        for column in range(self.model.columnCount()):
            if header.isSectionHidden(column):
                continue
            # the heading with room for the sort arrow beside it
            widest = heading[column] = header.sectionSizeFromContents(column).width() + 14
            for row in range(rows):
                size = self.view.sizeHintForIndex(self.proxy.index(row, column)).width()
                widest = max(widest, min(most_chars * char, size) + 8)
            wanted[column] = widest
        room = self.view.viewport().width()
        if room > 200:
            wanted = share_width(wanted, room, 14 * char, heading)
        self._fitting = True
        try:
            for column, width in wanted.items():
                if column != last:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _show_column(self, column: int, on: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not on)
        self._save_header()

    def _header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        hide_personal = self.settings.get(opt.HIDE_PERSONAL)
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            if column.personal and hide_personal:
                action.setEnabled(False)
                action.setToolTip(self.tr("Hidden by Preferences ▸ Personal data"))
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))
        menu.exec(header.mapToGlobal(pos))

    # loading
    def mark_dirty(self, change: Change | None = None) -> None:
        self.freshness.changed(change)

    def _refresh_now(self) -> None:
        if self._saving_cell:  # not under the cell's editor: once it has closed
            QTimer.singleShot(0, self.freshness.refresh_if_stale)
        else:
            self.refresh()

    def refresh(self) -> None:
        store = self.ctrl.store
        selected = self.selected_ids()
        current = self.current_id()
        rows = self._load(store) if store is not None else []
        self.model.set_rows(rows)
        if self._fit_pending and rows:
            self._fit_pending = False
            self.fit_columns()
        self.freshness.stale = False
        self.select_ids(selected, current)
        self._update_count()
        self._on_selection()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        what = noun(self.noun_kind, total)
        if shown == total:
            self.count_label.setText(f"{self.formats.number(total)} {what}")
        else:
            self.count_label.setText(
                self.tr("%1 of %2 %3 shown")
                .replace("%1", self.formats.number(shown))
                .replace("%2", self.formats.number(total))
                .replace("%3", what)
            )
        if self.ctrl.store is not None and total == 0:
            self.empty_hint.setText(
                self.tr("No %1 yet. Add the first with Add… (Ctrl+Shift+N).").replace(
                    "%1", noun(self.noun_kind, 0)
                )
            )
        elif shown == 0 and total and not self.search.text().strip():
            self.empty_hint.setText(
                self.tr("No %1 for what is selected above.").replace("%1", noun(self.noun_kind, 0))
            )
        elif shown == 0 and total:
            self.empty_hint.setText(
                self.tr("Nothing matches “%1”. Clear the search to see all %2.")
                .replace("%1", self.search.text())
                .replace("%2", what)
            )
        else:
            self.empty_hint.setText("")
        self.empty_hint.setVisible(bool(self.empty_hint.text()))
        self._place_hint()

    def _place_hint(self) -> None:
        self.empty_hint.setGeometry(self.view.viewport().rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_hint()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def add_filter(self, widget: QWidget) -> None:
        """Put a filter (a choice of what to show) beside the search box."""
        widget.setParent(self)
        self._top.add_trail(widget, before=self.search)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.proxy.set_predicate(predicate)
        self._update_count()

    # selection
    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [int(i.data(ID_ROLE)) for i in sorted(rows, key=lambda i: i.row())]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select_ids(self, ids: Sequence[int], current: int | None = None) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for item_id in ids:
            row = self.model.row_of_id(item_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.select(index, flags)
        if current is not None:
            row = self.model.row_of_id(current)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                    self.view.scrollTo(index)

    def _on_selection(self, *_args: Any) -> None:
        n = len(self.view.selectionModel().selectedRows())
        has_plan = self.ctrl.store is not None
        for action, fewest in self.tools:
            action.setEnabled(has_plan and n >= fewest)
        self.add_button.setEnabled(has_plan)
        self.edit_button.setEnabled(has_plan and n == 1)
        self.delete_button.setEnabled(has_plan and n >= 1)
        self.selection_changed.emit()

    def add_tool(
        self,
        text: str,
        slot: Callable[[], object],
        tip: str = "",
        *,
        button: bool = True,
        fewest_selected: int = 0,
    ) -> QAction:
        """An action of this list beyond add, edit and delete: a button before Add (if
        ``button``) and an entry of the context menu, enabled once enough rows are selected."""
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.tools.append((action, fewest_selected))
        if button:
            tool = QPushButton(text, self)
            tool.setToolTip(tip)
            tool.setObjectName(f"tool_{len(self.tools)}")
            tool.clicked.connect(action.trigger)
            action.changed.connect(lambda: tool.setEnabled(action.isEnabled()))
            self._top.add_trail(tool, before=self.add_button)
        self._on_selection()
        return action

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            return  # the cell is edited in place
        self.edit_item()

    def edit_in_place(self) -> None:
        """Cells of the columns that name a field (``Column.edit``) change in place: a
        double-click or F2 edits the cell, Enter saves it through the controller as one undoable
        step; a value the plan refuses is reported and the cell keeps its value."""
        self.model.on_edit = self._save_cell
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def _save_cell(self, row: Any, column: Column, value: Any) -> bool:
        if self.ctrl.store is None:
            return False
        if isinstance(value, str):
            value = value.strip()
        self._saving_cell = True
        try:
            return self.ctrl.update(
                self.kind,
                row.id,
                {column.edit: value},
                expected_version=getattr(row, "version", None),
            )
        finally:
            self._saving_cell = False

    # actions
    def add_item(self) -> None:
        if self.ctrl.store is None:
            return
        dialog = self.editor().open(self.window(), self.kind, None, self.preset())
        if dialog is not None and dialog.exec():
            new_id = dialog.created_id
            if new_id is not None:
                self.search.clear()
                self.refresh()
                self.select_ids([new_id], new_id)

    def edit_item(self) -> None:
        ids = self.selected_ids()
        item_id = self.current_id() if len(ids) != 1 else ids[0]
        if item_id is None:
            return
        dialog = self.editor().open(self.window(), self.kind, item_id)
        if dialog is not None:
            dialog.exec()

    def delete_items(self) -> None:
        ids = self.selected_ids()
        if not ids or self.ctrl.store is None:
            return
        try:
            impact = operations.deletion_impact(self.ctrl.store, self.kind, ids)
        except PlannerError as exc:
            self.ctrl.failed.emit(str(exc))
            return
        if len(ids) == 1:
            obj = self.model.row_object(self.model.row_of_id(ids[0]))
            label = (
                getattr(obj, "name", None)
                or getattr(obj, "title", None)
                or self.model.columns[0].text(obj)
            )
            question = (
                self.tr("Delete the %1 “%2”?")
                .replace("%1", noun(self.noun_kind))
                .replace("%2", label)
            )
        else:
            question = (
                self.tr("Delete %1 %2?")
                .replace("%1", str(len(ids)))
                .replace("%2", noun(self.noun_kind, len(ids)))
            )
        details = ""
        if impact.lines:
            details = (
                self.tr("This also removes or changes:")
                + "\n"
                + "\n".join(f"• {line}" for line in impact.lines)
                + "\n\n"
            )
        details += self.tr("You can undo this with Edit ▸ Undo (Ctrl+Z).")
        if self.confirm_delete(question, details):
            self.ctrl.delete(self.kind, ids)

    def confirm_delete(self, question: str, details: str) -> bool:
        """Ask before deleting; Cancel is the default button."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.NoButton,
            self.window(),
        )
        box.setInformativeText(details)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setObjectName("confirm_delete")
        box.exec()
        return box.clickedButton() is delete

    def copy_rows(self) -> None:
        """Copy the selected rows (visible columns) as tab-separated text, for spreadsheets."""
        header = self.view.horizontalHeader()
        visible = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        lines = ["\t".join(self.model.columns[c].title for c in visible)]
        for index in sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = self.proxy.mapToSource(index).row()
            obj = self.model.row_object(row)
            lines.append("\t".join(self.model.columns[c].text(obj) for c in visible))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Add…"), self.add_item).setEnabled(self.add_button.isEnabled())
        menu.addAction(self.tr("Edit…"), self.edit_item).setEnabled(self.edit_button.isEnabled())
        menu.addAction(self.tr("Delete"), self.delete_items).setEnabled(
            self.delete_button.isEnabled()
        )
        if self.tools:
            menu.addSeparator()
            for action, _fewest in self.tools:
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Copy rows"), self.copy_rows).setEnabled(bool(self.selected_ids()))
        menu.addAction(self.tr("History of This Item…"), self.show_item_history).setEnabled(
            len(self.selected_ids()) == 1
        )
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def show_item_history(self) -> None:
        """Who changed the selected item, what and when (Plan ▸ History for one item)."""
        ids = self.selected_ids()
        if len(ids) != 1 or self.history is None:
            return
        table = operations.kind(self.kind).model.__tablename__
        self.history(table, ids[0], self.tr("History of this item"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.view.state() != QAbstractItemView.State.EditingState
        ):
            # (keys a cell's editor leaves, such as the Enter that saves it, are not ours)
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

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


class ListPage(QWidget):
    """A page of the main window made of lists: one or more panels (the first is the page's
    main list; the others show the details of what is selected in it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panels: list[ListPanel] = []

    def active_panel(self) -> ListPanel | None:
        focus = self.focusWidget()
        for panel in self.panels:
            if focus is not None and panel.isAncestorOf(focus):
                return panel
        return self.panels[0] if self.panels else None

    def on_changed(self, change: Change | None) -> None:
        for panel in self.panels:
            panel.mark_dirty(change)


class PageFactory:
    """Builds list panels and pages: each panel gets the controller, the add/edit dialogs,
    the settings, the formats and the window's history of an item."""

    def __init__(
        self,
        ctrl: PlanController,
        editor: EditorSource,
        settings: opt.Settings,
        formats: Formats,
        history: HistoryOpener | None = None,
    ) -> None:
        self.ctrl, self.editor, self.settings, self.formats = ctrl, editor, settings, formats
        self.history = history

    def panel(
        self,
        parent: QWidget,
        kind: str,
        title: str,
        columns: Sequence[Column],
        load: Callable[[PlanStore], list[Any]],
        tables: set[str],
        heading_level: int = 1,
        name: str = "",
    ) -> ListPanel:
        return ListPanel(
            self.ctrl,
            self.editor,
            self.settings,
            self.formats,
            kind,
            title,
            columns,
            load,
            frozenset(tables),
            parent,
            heading_level,
            name,
            self.history,
        )

    def master_detail(
        self,
        page: ListPage,
        master: ListPanel,
        details: Sequence[ListPanel],
        hint: QLabel,
        *,
        side_by_side: bool = True,
        stretch: Sequence[int] = (1, 2),
    ) -> None:
        """The master list on top and its details below it (side by side, or one under the
        other), with a hint saying what the details show."""
        page.panels.extend([master, *details])
        hint.setParent(page)
        hint.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(master)
        if side_by_side and len(details) > 1:
            side = QSplitter(Qt.Orientation.Horizontal, splitter)
            side.setChildrenCollapsible(False)
            for detail in details:
                side.addWidget(detail)
            below: Sequence[QWidget] = [side]
        else:
            below = details
        for widget in below:
            holder = QWidget(splitter)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 8, 0, 0)
            holder_layout.addWidget(widget)
            splitter.addWidget(holder)
        for i, factor in enumerate(stretch):
            splitter.setStretchFactor(i, factor)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)

    def single(
        self,
        kind: str,
        title: str,
        columns: Sequence[Column],
        load: Callable[[PlanStore], list[Any]],
        tables: set[str],
    ) -> ListPage:
        page = ListPage()
        panel = self.panel(page, kind, title, columns, load, tables)
        page.panels.append(panel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(panel)
        return page
