"""List pages: a searchable, sortable table of one kind of item with add, edit and delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
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

from planner import queries
from planner.domain import labels, reference
from planner.domain.errors import PlannerError
from planner.domain.labels import (
    KIND_NOUNS,
    SessionKind,
    clearance_label,
    direction_label,
    noun,
    place_kind_label,
    travel_mode_label,
)
from planner.store import Change, PlanStore
from ui import settings as opt
from ui.formats import Formats
from ui.models.table import ID_ROLE, Column, RowTableModel, SearchProxy
from ui.session.controller import PlanController

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from ui.dialogs.editors.editor import ItemEditor

EditorSource = Callable[[], "ItemEditor"]


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
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.editor, self.settings, self.formats = ctrl, editor, settings, formats
        self.kind = kind
        # a list of items of a kind shown in more than one place is told apart by its name
        # (its remembered columns, its object name) and may have its own noun (site visits)
        self.name = name or kind
        self.noun_kind = self.name if self.name in KIND_NOUNS else kind
        self.title = title
        self.tables = tables
        self._load = load
        self._dirty = True
        self._saving_cell = False
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
        top = QHBoxLayout()
        self._top = top
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._on_selection()

    # header layout, remembered per list
    def _header_key(self) -> str:
        return f"lists/{self.name}/header"

    def _restore_header(self) -> None:
        header = self.view.horizontalHeader()
        state = self.settings.value(self._header_key())
        restored = bool(state) and header.restoreState(state)
        hide_personal = self.settings.get(opt.HIDE_PERSONAL)
        for i, column in enumerate(self.model.columns):
            if not restored:
                header.setSectionHidden(i, column.hidden)
            if column.personal and hide_personal:
                header.setSectionHidden(i, True)
        if not restored:
            self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            char = self.view.fontMetrics().averageCharWidth()
            for i, column in enumerate(self.model.columns):
                chars = column.width or (9 if column.numeric else 22)
                header.resizeSection(i, chars * char + 16)

    def _save_header(self, *_args: Any) -> None:
        self.settings.set_value(self._header_key(), self.view.horizontalHeader().saveState())

    def _header_menu(self, pos: Any) -> None:
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
            action.toggled.connect(
                lambda on, i=i: (header.setSectionHidden(i, not on), self._save_header())
            )
        menu.exec(header.mapToGlobal(pos))

    # loading
    def mark_dirty(self, change: Change | None = None) -> None:
        if change is None or change.tables & self.tables:
            self._dirty = True
            if self._saving_cell:  # not under the cell's editor: once it has closed
                QTimer.singleShot(0, self._refresh_if_dirty)
            elif self.isVisible():
                self.refresh()

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        store = self.ctrl.store
        selected = self.selected_ids()
        current = self.current_id()
        rows = self._load(store) if store is not None else []
        self.model.set_rows(rows)
        self._dirty = False
        self.select_ids(selected, current)
        self._update_count()
        self._on_selection()

    def showEvent(self, event: Any) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

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

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_hint()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

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
        slot: Callable[[], Any],
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
            self._top.insertWidget(self._top.indexOf(self.add_button), tool)
        self._on_selection()
        return action

    def _double_clicked(self, index: Any) -> None:
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
            new_id = dialog.created_id  # type: ignore[attr-defined]
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
        from planner import operations

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

    def _context_menu(self, pos: Any) -> None:
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
        from planner import operations

        ids = self.selected_ids()
        window = self.window()
        if len(ids) != 1 or not hasattr(window, "show_history"):
            return
        table = operations.kind(self.kind).model.__tablename__
        window.show_history(table, ids[0], self.tr("History of this item"))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
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


class Page(QWidget):
    """A page of the main window: one or more list panels."""

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


def _date_sort(value: date | None) -> str:
    return value.isoformat() if value else ""


CLEARANCE_COLOURS = {"refused": "#C62828", "requested": "#F9A825", "confirmed": "#2E7D32"}
CLEARANCE_RANK = {"refused": 0, "requested": 1, "confirmed": 2, "not_needed": 3}
OVERFULL_COLOUR = "#C62828"


class PageFactory:
    """Builds the list pages with translated column titles."""

    def __init__(
        self, ctrl: PlanController, editor: EditorSource, settings: opt.Settings, formats: Formats
    ) -> None:
        self.ctrl, self.editor, self.settings, self.formats = ctrl, editor, settings, formats

    def _panel(
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
        )

    def master_detail(
        self,
        page: Page,
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
    ) -> Page:
        page = Page()
        panel = self._panel(page, kind, title, columns, load, tables)
        page.panels.append(panel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(panel)
        return page


class ListPages(QWidget):
    """The list pages, with their translated titles and columns (one lupdate context)."""

    def __init__(self, factory: PageFactory) -> None:
        super().__init__()
        self.f = factory
        self.fmt = factory.formats

    def _num(self, key: str, title: str, width: int = 9) -> Column:
        """A column of counts: right-aligned, localised, sorted as numbers."""
        return Column(
            key,
            title,
            lambda r: self.fmt.number(getattr(r, key)),
            sort=lambda r: getattr(r, key),
            numeric=True,
            width=width,
        )

    def delegations(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=26),
            Column(
                "country", self.tr("Country"), lambda r: reference.country_name(r.country), width=14
            ),
            self._num("members", self.tr("Members")),
            self._num("women", self.tr("Women")),
            self._num("men", self.tr("Men")),
            Column("head", self.tr("Head"), lambda r: r.head, width=26),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=40),
        ]
        return self.f.single(
            "delegation",
            self.tr("Delegations"),
            columns,
            queries.delegations,
            {"delegation", "person", "organisation"},
        )

    def people(self) -> Page:
        columns = [
            Column("family_name", self.tr("Family names"), lambda r: r.family_name, width=20),
            Column("given_name", self.tr("Given names"), lambda r: r.given_name, width=18),
            Column("sex", self.tr("Sex"), lambda r: labels.sex_label(r.sex), width=8),
            Column(
                "role", self.tr("Role"), lambda r: labels.role_label(r.role, r.role_other), width=16
            ),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=24),
            Column("position", self.tr("Position or rank"), lambda r: r.position, width=20),
            Column("duty_station", self.tr("Duty station"), lambda r: r.duty_station, width=18),
            Column("groups", self.tr("Groups"), lambda r: r.groups, width=10),
            Column("email", self.tr("Email"), lambda r: r.email, width=28),
            Column("phone", self.tr("Phone"), lambda r: r.phone, personal=True, width=15),
            Column(
                "nationality",
                self.tr("Nationality"),
                lambda r: reference.country_name(r.nationality),
                hidden=True,
                width=14,
            ),
            Column(
                "id_number",
                self.tr("ID or passport no."),
                lambda r: r.id_number,
                personal=True,
                hidden=True,
                width=16,
            ),
            Column(
                "birth_date",
                self.tr("Date of birth"),
                lambda r: self.fmt.date(r.birth_date),
                sort=lambda r: _date_sort(r.birth_date),
                personal=True,
                hidden=True,
                width=12,
            ),
            Column("languages", self.tr("Languages"), lambda r: r.languages, hidden=True),
            Column(
                "accessibility_needs",
                self.tr("Accessibility needs"),
                lambda r: r.accessibility_needs,
                hidden=True,
            ),
            Column("dietary_needs", self.tr("Dietary needs"), lambda r: r.dietary_needs),
        ]
        return self.f.single(
            "person",
            self.tr("People"),
            columns,
            queries.people,
            {"person", "delegation", "organisation", "participant_group", "group_member"},
        )

    def organisations(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=44),
            Column("acronym", self.tr("Acronym"), lambda r: r.acronym, width=12),
            self._num("people", self.tr("People")),
            Column("country", self.tr("Country"), lambda r: reference.country_name(r.country)),
        ]
        return self.f.single(
            "organisation",
            self.tr("Organisations"),
            columns,
            queries.organisations,
            {"organisation", "person"},
        )

    def groups(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=20),
            self._num("size", self.tr("Members")),
            self._num("women", self.tr("Women")),
            self._num("men", self.tr("Men")),
            Column("delegation", self.tr("Delegation"), lambda r: r.delegation),
        ]
        return self.f.single(
            "group",
            self.tr("Groups"),
            columns,
            queries.groups,
            {"participant_group", "group_member", "person", "delegation"},
        )

    def sessions(self) -> Page:
        fmt = self.fmt
        columns = [
            Column(
                "date",
                self.tr("Date"),
                lambda r: fmt.weekday_date(r.start.date()),
                sort=lambda r: r.start.isoformat(),
                width=15,
            ),
            Column(
                "start",
                self.tr("Start"),
                lambda r: fmt.time(r.start),
                sort=lambda r: r.start.timetz().isoformat(),
                width=self.fmt.time_width(),
            ),
            Column(
                "end",
                self.tr("End"),
                lambda r: fmt.time(r.end),
                sort=lambda r: r.end.isoformat(),
                width=self.fmt.time_width(),
            ),
            Column("title", self.tr("Title"), lambda r: r.title, width=40),
            Column("kind", self.tr("Kind"), lambda r: labels.kind_label(r.kind), width=12),
            Column("room", self.tr("Room"), lambda r: r.room or r.location, width=16),
            Column("venue", self.tr("Venue"), lambda r: r.venue, hidden=True),
            self._num("audience_size", self.tr("People"), 8),
            Column("audience", self.tr("Audience"), lambda r: r.audience, width=28),
            Column("facilitators", self.tr("Facilitators"), lambda r: r.facilitators),
        ]
        return self.f.single(
            "session",
            self.tr("Sessions"),
            columns,
            queries.sessions,
            {
                "agenda_session",
                "room",
                "venue",
                "session_audience",
                "session_facilitator",
                "participant_group",
                "group_member",
                "delegation",
                "person",
            },
        )

    def _when(self, value: datetime | None) -> str:
        """A date and time: Fri 01/12/2023 09:20."""
        if value is None:
            return ""
        return f"{self.fmt.weekday_date(value.date())} {self.fmt.time(value)}"

    def _day(
        self,
        key: str,
        title: str,
        value: Callable[[Any], date | None],
        width: int = 15,
        hidden: bool = False,
    ) -> Column:
        return Column(
            key,
            title,
            lambda r: self.fmt.weekday_date(d) if (d := value(r)) else "",
            sort=lambda r: _date_sort(value(r)),
            width=width,
            hidden=hidden,
        )

    def _clock(
        self, key: str, title: str, value: Callable[[Any], datetime | None], hidden: bool = False
    ) -> Column:
        """A time of day; the tooltip gives the date and the zone."""
        return Column(
            key,
            title,
            lambda r: self.fmt.time(t) if (t := value(r)) else "",
            sort=lambda r: t.timestamp() if (t := value(r)) else None,
            width=self.fmt.time_width(),
            tooltip=lambda r: f"{self._when(t)} ({t.tzname()})" if (t := value(r)) else "",
            hidden=hidden,
        )

    def _clearance_colour(self, clearance: str) -> str:
        return CLEARANCE_COLOURS.get(clearance, "")

    def venues(self) -> Page:
        """Places (venues, hotels, airports, sites) with their rooms and road times."""
        page = Page()
        venue_columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=32),
            Column("kind", self.tr("Kind"), lambda r: place_kind_label(r.kind), width=24),
            Column("city", self.tr("City"), lambda r: r.city, width=16),
            self._num("rooms", self.tr("Rooms")),
            self._num("capacity", self.tr("Seats")),
            Column("code", self.tr("Code"), lambda r: r.code, width=6),
            Column(
                "hours",
                self.tr("Open"),
                lambda r: f"{r.opens}–{r.closes}" if r.opens else "",
                width=12,
            ),
            Column("timezone", self.tr("Time zone"), lambda r: r.timezone, hidden=True, width=20),
            Column("address", self.tr("Address"), lambda r: r.address),
        ]
        room_columns = [
            Column("name", self.tr("Room"), lambda r: r.name, width=20),
            Column("venue", self.tr("Place"), lambda r: r.venue, width=24),
            self._num("capacity", self.tr("Capacity")),
            self._num("sessions", self.tr("Sessions")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        road_columns = [
            Column("from", self.tr("From"), lambda r: r.from_name, width=24),
            Column("to", self.tr("To"), lambda r: r.to_name, width=24),
            Column(
                "minutes",
                self.tr("Driving time"),
                lambda r: self.fmt.duration(r.minutes),
                sort=lambda r: r.minutes,
                numeric=True,
                width=12,
            ),
            Column(
                "distance",
                self.tr("Distance"),
                lambda r: (
                    self.tr("%1 km").replace("%1", self.fmt.number(r.distance_km))
                    if r.distance_km is not None
                    else ""
                ),
                sort=lambda r: r.distance_km,
                numeric=True,
                width=9,
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        venues = self.f._panel(
            page,
            "venue",
            self.tr("Places"),
            venue_columns,
            queries.venues,
            {"venue", "room"},
            name="place",
        )
        rooms = self.f._panel(
            page,
            "room",
            self.tr("Rooms"),
            room_columns,
            queries.rooms,
            {"room", "venue", "agenda_session"},
            heading_level=2,
        )
        roads = self.f._panel(
            page,
            "road_time",
            self.tr("Road times"),
            road_columns,
            queries.road_times,
            {"road_time", "venue"},
            heading_level=2,
        )
        hint = QLabel()
        hint.setObjectName("rooms_hint")

        def follow() -> None:
            ids = venues.selected_ids()
            if len(ids) == 1:
                venue_id = ids[0]
                rooms.set_predicate(lambda r: r.venue_id == venue_id)
                rooms.preset = lambda: {"venue_id": venue_id}
                roads.set_predicate(lambda r: venue_id in (r.from_id, r.to_id))
                roads.preset = lambda: {"from_id": venue_id}
                hint.setText(
                    self.tr(
                        "Rooms and road times of the selected place. Select no place to see them"
                        " all."
                    )
                )
            else:
                rooms.set_predicate(None)
                rooms.preset = dict
                roads.set_predicate(None)
                roads.preset = dict
                hint.setText(
                    self.tr("All rooms and road times. Select a place to see only its own.")
                )

        venues.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, venues, [rooms, roads], hint, stretch=(1, 1))
        return page

    def travel(self) -> Page:
        columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=28),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column(
                "direction", self.tr("Direction"), lambda r: direction_label(r.direction), width=10
            ),
            self._day("date", self.tr("Date"), lambda r: r.at.date() if r.at else None),
            self._clock("time", self.tr("Time"), lambda r: r.at),
            Column("flight", self.tr("Flight"), lambda r: r.flight, width=20),
            Column("other_end", self.tr("From or to"), lambda r: r.other_end, width=20),
            Column("place", self.tr("Airport"), lambda r: r.place, width=34),
            Column(
                "mode", self.tr("By"), lambda r: travel_mode_label(r.mode), hidden=True, width=8
            ),
            Column(
                "departs",
                self.tr("Departs"),
                lambda r: self._ticket_time(r.departs),
                sort=lambda r: r.departs.timestamp() if r.departs else None,
                hidden=True,
            ),
            Column(
                "arrives",
                self.tr("Arrives"),
                lambda r: self._ticket_time(r.arrives),
                sort=lambda r: r.arrives.timestamp() if r.arrives else None,
                hidden=True,
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        return self.f.single(
            "travel",
            self.tr("Arrivals and departures"),
            columns,
            queries.travels,
            {"travel", "person", "delegation", "venue"},
        )

    def _ticket_time(self, value: datetime | None) -> str:
        return f"{self._when(value)} {value.tzname()}" if value is not None else ""

    def accommodation(self) -> Page:
        page = Page()
        fmt = self.fmt
        block_columns = [
            Column("hotel", self.tr("Hotel"), lambda r: r.hotel, width=24),
            Column("room_type", self.tr("Room type"), lambda r: r.room_type, width=12),
            self._num("rooms", self.tr("Rooms"), 7),
            self._num("stays", self.tr("Booked"), 9),
            self._day("check_in", self.tr("Check-in"), lambda r: r.check_in),
            self._day("check_out", self.tr("Check-out"), lambda r: r.check_out),
            self._num("nights", self.tr("Nights"), 7),
            Column(
                "rate",
                self.tr("Nightly rate"),
                lambda r: fmt.amount(r.nightly_rate, r.currency),
                sort=lambda r: r.nightly_rate,
                numeric=True,
                width=13,
            ),
            Column(
                "total",
                self.tr("Total"),
                lambda r: fmt.amount(r.total, r.currency),
                sort=lambda r: r.total,
                numeric=True,
                width=14,
                tooltip=lambda r: (
                    self.tr("%1 rooms × %2 nights × the nightly rate")
                    .replace("%1", str(r.rooms))
                    .replace("%2", str(r.nights))
                ),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        stay_columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=28),
            Column(
                "delegation",
                self.tr("Delegation"),
                lambda r: r.delegation,
                colour=lambda r: r.delegation_colour,
                width=20,
            ),
            Column("hotel", self.tr("Hotel"), lambda r: r.hotel, width=22),
            Column("room_type", self.tr("Room type"), lambda r: r.room_type, width=12),
            self._day("check_in", self.tr("Check-in"), lambda r: r.check_in),
            self._day("check_out", self.tr("Check-out"), lambda r: r.check_out),
            self._num("nights", self.tr("Nights"), 7),
            Column("sharing", self.tr("Sharing with"), lambda r: r.sharing_with, width=22),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        blocks = self.f._panel(
            page,
            "room_block",
            self.tr("Room blocks"),
            block_columns,
            queries.room_blocks,
            {"room_block", "venue", "stay"},
        )
        stays = self.f._panel(
            page,
            "stay",
            self.tr("Hotel stays"),
            stay_columns,
            queries.stays,
            {"stay", "person", "delegation", "venue", "room_block"},
            heading_level=2,
        )
        hint = QLabel()
        hint.setObjectName("stays_hint")

        def follow() -> None:
            ids = blocks.selected_ids()
            block = (
                next((b for b in blocks.model.rows() if b.id == ids[0]), None)
                if len(ids) == 1
                else None
            )
            if block is not None:
                stays.set_predicate(lambda r: r.block_id == block.id)
                stays.preset = lambda: {
                    "venue_id": block.venue_id,
                    "block_id": block.id,
                    "check_in": block.check_in,
                    "check_out": block.check_out,
                    "room_type": block.room_type,
                }
                hint.setText(
                    self.tr(
                        "Stays in the selected room block. Select no block to see"
                        " every stay, booked in a block or not."
                    )
                )
            else:
                stays.set_predicate(None)
                stays.preset = dict
                hint.setText(
                    self.tr("Every hotel stay. Select a room block to see only the stays in it.")
                )

        blocks.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, blocks, [stays], hint)
        return page

    def _ride_columns(self, in_visit: bool) -> list[Column]:
        return [
            self._day("date", self.tr("Date"), lambda r: r.start.date()),
            self._clock("start", self.tr("Leaves"), lambda r: r.start),
            self._clock("end", self.tr("Arrives"), lambda r: r.end),
            Column("title", self.tr("Ride"), lambda r: r.title, width=26),
            Column("vehicle", self.tr("Vehicle"), lambda r: r.vehicle, width=10),
            Column("from", self.tr("From"), lambda r: r.from_name, width=24),
            Column("to", self.tr("To"), lambda r: r.to_name, width=24),
            Column(
                "people",
                self.tr("People"),
                lambda r: self.fmt.number(r.passenger_count),
                sort=lambda r: r.passenger_count,
                numeric=True,
                width=8,
                colour=lambda r: OVERFULL_COLOUR if r.overfull else "",
                tooltip=lambda r: (
                    self.tr("%1 people for %2 seats")
                    .replace("%1", str(r.passenger_count))
                    .replace("%2", str(r.seats))
                    if r.seats is not None
                    else ""
                ),
            ),
            Column("passengers", self.tr("Passengers"), lambda r: r.passengers, width=30),
            Column("visit", self.tr("Site visit"), lambda r: r.visit, width=24, hidden=in_visit),
            Column("notes", self.tr("Notes"), lambda r: r.notes, hidden=True),
        ]

    RIDE_TABLES = frozenset(
        {
            "ride",
            "ride_passenger",
            "vehicle",
            "venue",
            "agenda_session",
            "person",
            "participant_group",
            "group_member",
            "delegation",
        }
    )

    def site_visits(self) -> Page:
        page = Page()
        fmt = self.fmt
        visit_columns = [
            self._day("date", self.tr("Date"), lambda r: r.start.date()),
            Column(
                "start",
                self.tr("Start"),
                lambda r: fmt.time(r.start),
                sort=lambda r: r.start.timestamp(),
                width=self.fmt.time_width(),
            ),
            Column(
                "end",
                self.tr("End"),
                lambda r: fmt.time(r.end),
                sort=lambda r: r.end.timestamp(),
                width=self.fmt.time_width(),
            ),
            Column("title", self.tr("Site visit"), lambda r: r.title, width=36),
            self._num("stops", self.tr("Stops"), 8),
            Column("route", self.tr("Route"), lambda r: r.route, width=30),
            Column(
                "clearance",
                self.tr("Clearance"),
                lambda r: ", ".join(
                    f"{clearance_label(c)}: {fmt.number(n)}" for c, n in r.clearances
                ),
                sort=lambda r: [CLEARANCE_RANK.get(c, 9) for c, _n in r.clearances],
                colour=lambda r: self._clearance_colour(r.clearances[0][0]) if r.clearances else "",
                width=26,
            ),
            self._num("audience_size", self.tr("People"), 7),
            Column("audience", self.tr("Who goes"), lambda r: r.audience, width=22),
            self._num("rides", self.tr("Rides"), 9),
            Column("vehicles", self.tr("Vehicles"), lambda r: r.vehicles, width=14),
        ]
        stop_columns = [
            self._num("position", self.tr("No."), 6),
            Column("place", self.tr("Place"), lambda r: r.place, width=30),
            self._clock("arrives", self.tr("Arrives"), lambda r: r.arrives),
            self._clock("leaves", self.tr("Leaves"), lambda r: r.leaves),
            Column(
                "clearance",
                self.tr("Clearance"),
                lambda r: clearance_label(r.clearance),
                sort=lambda r: CLEARANCE_RANK.get(r.clearance, 9),
                colour=lambda r: self._clearance_colour(r.clearance),
                width=14,
            ),
            Column("host", self.tr("Host"), lambda r: r.host_name, width=30),
            Column("contact", self.tr("Contact"), lambda r: r.host_contact, width=24),
            Column(
                "hours",
                self.tr("Open"),
                lambda r: f"{r.opens}–{r.closes}" if r.opens else "",
                width=12,
                hidden=True,
            ),
            Column("visit", self.tr("Site visit"), lambda r: r.visit, width=24, hidden=True),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        visits = self.f._panel(
            page,
            "session",
            self.tr("Site visits"),
            visit_columns,
            queries.site_visits,
            {
                "agenda_session",
                "visit_stop",
                "venue",
                "ride",
                "vehicle",
                "session_audience",
                "participant_group",
                "group_member",
                "delegation",
                "person",
            },
            name="site_visit",
        )
        visits.preset = lambda: {"kind": SessionKind.SITE_VISIT}
        stops = self.f._panel(
            page,
            "stop",
            self.tr("Stops"),
            stop_columns,
            queries.stops,
            {"visit_stop", "venue", "agenda_session"},
            heading_level=2,
        )
        rides = self.f._panel(
            page,
            "ride",
            self.tr("Rides"),
            self._ride_columns(True),
            queries.rides,
            set(self.RIDE_TABLES),
            heading_level=2,
            name="visit_ride",
        )
        hint = QLabel()
        hint.setObjectName("visits_hint")

        def follow() -> None:
            ids = visits.selected_ids()
            if len(ids) == 1:
                visit_id = ids[0]
                stops.set_predicate(lambda r: r.session_id == visit_id)
                stops.preset = lambda: {"session_id": visit_id}
                rides.set_predicate(lambda r: r.session_id == visit_id)
                rides.preset = lambda: {"session_id": visit_id}
                hint.setText(
                    self.tr(
                        "The stops and rides of the selected visit. Select no"
                        " visit to see those of every visit."
                    )
                )
            else:
                stops.set_predicate(None)
                stops.preset = dict
                rides.set_predicate(lambda r: r.session_id is not None)
                rides.preset = dict
                hint.setText(
                    self.tr(
                        "The stops and rides of every visit. Select a visit to see"
                        " only its own; airport transfers are under Vehicles."
                    )
                )

        visits.selection_changed.connect(follow)
        follow()
        self.f.master_detail(
            page, visits, [stops, rides], hint, side_by_side=False, stretch=(2, 3, 3)
        )
        return page

    def vehicles(self) -> Page:
        page = Page()
        vehicle_columns = [
            Column("name", self.tr("Vehicle"), lambda r: r.name, width=14),
            self._num("seats", self.tr("Seats"), 7),
            Column("driver", self.tr("Driver"), lambda r: r.driver, width=24),
            Column(
                "phone",
                self.tr("Driver's phone"),
                lambda r: r.driver_phone,
                personal=True,
                width=20,
            ),
            Column("provider", self.tr("Provider"), lambda r: r.provider, width=22),
            Column("plate", self.tr("Plate"), lambda r: r.plate, width=10),
            Column(
                "rate",
                self.tr("Day rate"),
                lambda r: self.fmt.amount(r.day_rate, r.currency),
                sort=lambda r: r.day_rate,
                numeric=True,
                width=13,
            ),
            self._num("rides", self.tr("Rides"), 9),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        vehicles = self.f._panel(
            page,
            "vehicle",
            self.tr("Vehicles"),
            vehicle_columns,
            queries.vehicles,
            {"vehicle", "person", "ride"},
        )
        rides = self.f._panel(
            page,
            "ride",
            self.tr("Rides"),
            self._ride_columns(False),
            queries.rides,
            set(self.RIDE_TABLES),
            heading_level=2,
            name="vehicle_ride",
        )
        hint = QLabel()
        hint.setObjectName("rides_hint")

        def follow() -> None:
            ids = vehicles.selected_ids()
            if len(ids) == 1:
                vehicle_id = ids[0]
                rides.set_predicate(lambda r: r.vehicle_id == vehicle_id)
                rides.preset = lambda: {"vehicle_id": vehicle_id}
                hint.setText(
                    self.tr(
                        "The rides of the selected vehicle. Select no vehicle to"
                        " see every ride, airport transfers and site visits alike."
                    )
                )
            else:
                rides.set_predicate(None)
                rides.preset = dict
                hint.setText(self.tr("Every ride. Select a vehicle to see only its rides."))

        vehicles.selection_changed.connect(follow)
        follow()
        self.f.master_detail(page, vehicles, [rides], hint)
        return page

    def curriculum(self) -> Page:
        fmt = self.fmt
        page = Page()
        module_columns = [
            self._num("number", self.tr("No."), 5),
            Column(
                "title", self.tr("Module"), lambda r: r.title, colour=lambda r: r.colour, width=44
            ),
            Column(
                "duration",
                self.tr("Duration"),
                lambda r: (
                    self.tr("%1 h %2 min")
                    .replace("%1", str(r.duration_minutes // 60))
                    .replace("%2", f"{r.duration_minutes % 60:02d}")
                ),
                sort=lambda r: r.duration_minutes,
                numeric=True,
                width=10,
            ),
            Column("trainers", self.tr("Trainers"), lambda r: r.trainers, width=30),
            self._num("sessions", self.tr("Sessions")),
            self._num("room_size", self.tr("Seats needed")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        unavailable_columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=26),
            Column(
                "from",
                self.tr("From"),
                lambda r: f"{fmt.weekday_date(r.start.date())} {fmt.time(r.start)}",
                sort=lambda r: r.start.isoformat(),
                width=22,
            ),
            Column(
                "until",
                self.tr("Until"),
                lambda r: f"{fmt.weekday_date(r.end.date())} {fmt.time(r.end)}",
                sort=lambda r: r.end.isoformat(),
                width=22,
            ),
            Column("note", self.tr("Note"), lambda r: r.note),
        ]
        modules = self.f._panel(
            page,
            "module",
            self.tr("Curriculum"),
            module_columns,
            queries.modules,
            {"module", "module_trainer", "person", "agenda_session"},
        )
        unavailable = self.f._panel(
            page,
            "unavailability",
            self.tr("Unavailable times"),
            unavailable_columns,
            queries.unavailabilities,
            {"unavailability", "person", "plan"},
            heading_level=2,
        )
        page.panels.extend([modules, unavailable])
        hint = QLabel(
            self.tr(
                "Trainers' unavailable times are respected by the rotation"
                " generator (Calendar ▸ Generate rotation…)."
            ),
            page,
        )
        hint.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(modules)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bottom_layout.addWidget(unavailable, 1)
        bottom_layout.addWidget(hint)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        return page
