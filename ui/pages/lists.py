"""List pages: a searchable, sortable table of one kind of item with add, edit and delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
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
from planner.errors import PlannerError
from planner.labels import noun
from planner.store import Change, PlanStore
from ui import settings as opt
from ui.controller import PlanController
from ui.formats import Formats
from ui.models.table import ID_ROLE, Column, RowTableModel, SearchProxy

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from ui.dialogs.editors import ItemEditor

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
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.editor, self.settings, self.formats = ctrl, editor, settings, formats
        self.kind = kind
        self.title = title
        self.tables = tables
        self._load = load
        self._dirty = True
        self.preset: Callable[[], dict[str, Any]] = dict
        self.setObjectName(f"{kind}_panel")

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
        self.add_button.setToolTip(self.tr("Add a new %s (Ctrl+Shift+N)") % noun(kind))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected item (Enter)"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected items (Del)"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_items)

        self.view = QTableView(self)
        self.view.setObjectName(f"{kind}_table")
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
        self.view.doubleClicked.connect(lambda _i: self.edit_item())
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
        return f"lists/{self.kind}/header"

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
            if self.isVisible():
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
        what = noun(self.kind, total)
        if shown == total:
            self.count_label.setText(f"{self.formats.number(total)} {what}")
        else:
            self.count_label.setText(
                self.tr("%1 of %2 %3 shown").replace("%1", self.formats.number(shown))
                .replace("%2", self.formats.number(total)).replace("%3", what))
        if self.ctrl.store is not None and total == 0:
            self.empty_hint.setText(self.tr("No %1 yet. Add the first with Add… (Ctrl+Shift+N).")
                                    .replace("%1", noun(self.kind, 0)))
        elif shown == 0 and total:
            self.empty_hint.setText(self.tr(
                "Nothing matches “%1”. Clear the search to see all %2.")
                                    .replace("%1", self.search.text()).replace("%2", what))
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

    def add_tool(self, text: str, slot: Callable[[], Any], tip: str = "", *,
                 button: bool = True, fewest_selected: int = 0) -> QAction:
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
        from planner import ops

        try:
            impact = ops.deletion_impact(self.ctrl.store, self.kind, ids)
        except PlannerError as exc:
            self.ctrl.failed.emit(str(exc))
            return
        if len(ids) == 1:
            obj = self.model.row_object(self.model.row_of_id(ids[0]))
            label = (getattr(obj, "name", None) or getattr(obj, "title", None)
                     or self.model.columns[0].text(obj))
            question = self.tr("Delete the %1 “%2”?").replace("%1", noun(self.kind)).replace(
                "%2", label)
        else:
            question = self.tr("Delete %1 %2?").replace("%1", str(len(ids))).replace(
                "%2", noun(self.kind, len(ids)))
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
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete"), question,
                          QMessageBox.StandardButton.NoButton, self.window())
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
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.view and event.type() == QEvent.Type.KeyPress:
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
        )

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
        return Column(key, title, lambda r: self.fmt.number(getattr(r, key)),
                      sort=lambda r: getattr(r, key), numeric=True, width=width)

    def delegations(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=26),
            Column("country", self.tr("Country"), lambda r: queries.country_name(r.country),
                   width=14),
            self._num("members", self.tr("Members")),
            self._num("women", self.tr("Women")),
            self._num("men", self.tr("Men")),
            Column("head", self.tr("Head"), lambda r: r.head, width=26),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=40),
        ]
        return self.f.single("delegation", self.tr("Delegations"), columns, queries.delegations,
                             {"delegation", "person", "organisation"})

    def people(self) -> Page:
        columns = [
            Column("family_name", self.tr("Family names"), lambda r: r.family_name, width=20),
            Column("given_name", self.tr("Given names"), lambda r: r.given_name, width=18),
            Column("sex", self.tr("Sex"), lambda r: queries.sex_label(r.sex), width=8),
            Column("role", self.tr("Role"), lambda r: queries.role_label(r.role, r.role_other),
                   width=16),
            Column("delegation", self.tr("Delegation"), lambda r: r.delegation,
                   colour=lambda r: r.delegation_colour, width=20),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation, width=24),
            Column("position", self.tr("Position or rank"), lambda r: r.position, width=20),
            Column("duty_station", self.tr("Duty station"), lambda r: r.duty_station, width=18),
            Column("groups", self.tr("Groups"), lambda r: r.groups, width=10),
            Column("email", self.tr("Email"), lambda r: r.email, width=28),
            Column("phone", self.tr("Phone"), lambda r: r.phone, personal=True, width=15),
            Column("nationality", self.tr("Nationality"),
                   lambda r: queries.country_name(r.nationality), hidden=True, width=14),
            Column("id_number", self.tr("ID or passport no."), lambda r: r.id_number, personal=True,
                   hidden=True, width=16),
            Column("birth_date", self.tr("Date of birth"), lambda r: self.fmt.date(r.birth_date),
                   sort=lambda r: _date_sort(r.birth_date), personal=True, hidden=True,
                   width=12),
            Column("languages", self.tr("Languages"), lambda r: r.languages, hidden=True),
            Column("accessibility_needs", self.tr("Accessibility needs"),
                   lambda r: r.accessibility_needs, hidden=True),
            Column("dietary_needs", self.tr("Dietary needs"), lambda r: r.dietary_needs),
        ]
        return self.f.single("person", self.tr("People"), columns, queries.people,
                             {"person", "delegation", "organisation", "participant_group",
                              "group_member"})

    def organisations(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=44),
            Column("acronym", self.tr("Acronym"), lambda r: r.acronym, width=12),
            self._num("people", self.tr("People")),
            Column("country", self.tr("Country"), lambda r: queries.country_name(r.country)),
        ]
        return self.f.single("organisation", self.tr("Organisations"), columns,
                             queries.organisations,
                             {"organisation", "person"})

    def groups(self) -> Page:
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, colour=lambda r: r.colour, width=20),
            self._num("size", self.tr("Members")),
            self._num("women", self.tr("Women")),
            self._num("men", self.tr("Men")),
            Column("delegation", self.tr("Delegation"), lambda r: r.delegation),
        ]
        return self.f.single("group", self.tr("Groups"), columns, queries.groups,
                             {"participant_group", "group_member", "person", "delegation"})

    def sessions(self) -> Page:
        fmt = self.fmt
        columns = [
            Column("date", self.tr("Date"), lambda r: fmt.weekday_date(r.start.date()),
                   sort=lambda r: r.start.isoformat(), width=15),
            Column("start", self.tr("Start"), lambda r: fmt.time(r.start),
                   sort=lambda r: r.start.timetz().isoformat(), width=7),
            Column("end", self.tr("End"), lambda r: fmt.time(r.end),
                   sort=lambda r: r.end.isoformat(),
                   width=7),
            Column("title", self.tr("Title"), lambda r: r.title, width=40),
            Column("kind", self.tr("Kind"), lambda r: queries.kind_label(r.kind), width=12),
            Column("room", self.tr("Room"), lambda r: r.room or r.location, width=16),
            Column("venue", self.tr("Venue"), lambda r: r.venue, hidden=True),
            self._num("audience_size", self.tr("People"), 8),
            Column("audience", self.tr("Audience"), lambda r: r.audience, width=28),
            Column("facilitators", self.tr("Facilitators"), lambda r: r.facilitators),
        ]
        return self.f.single("session", self.tr("Sessions"), columns, queries.sessions,
                             {"agenda_session", "room", "venue", "session_audience",
                              "session_facilitator", "participant_group", "group_member",
                              "delegation", "person"})

    def venues(self) -> Page:
        page = Page()
        venue_columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=30),
            Column("city", self.tr("City"), lambda r: r.city, width=16),
            self._num("rooms", self.tr("Rooms")),
            self._num("capacity", self.tr("Seats")),
            Column("address", self.tr("Address"), lambda r: r.address),
        ]
        room_columns = [
            Column("name", self.tr("Room"), lambda r: r.name, width=20),
            Column("venue", self.tr("Venue"), lambda r: r.venue, width=30),
            self._num("capacity", self.tr("Capacity")),
            self._num("sessions", self.tr("Sessions")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        venues = self.f._panel(page, "venue", self.tr("Venues"), venue_columns, queries.venues,
                               {"venue", "room"})
        rooms = self.f._panel(page, "room", self.tr("Rooms"), room_columns, queries.rooms,
                              {"room", "venue", "agenda_session"}, heading_level=2)
        page.panels.extend([venues, rooms])
        hint = QLabel(page)
        hint.setObjectName("rooms_hint")

        def follow() -> None:
            ids = venues.selected_ids()
            if len(ids) == 1:
                venue_id = ids[0]
                rooms.set_predicate(lambda r: r.venue_id == venue_id)
                rooms.preset = lambda: {"venue_id": venue_id}
                hint.setText(self.tr(
                    "Rooms of the selected venue. Select no venue to see them all."))
            else:
                rooms.set_predicate(None)
                rooms.preset = dict
                hint.setText(self.tr("All rooms. Select a venue to see only its rooms."))

        venues.selection_changed.connect(follow)
        follow()
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(venues)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bottom_layout.addWidget(rooms, 1)
        bottom_layout.addWidget(hint)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        return page

    def curriculum(self) -> Page:
        fmt = self.fmt
        page = Page()
        module_columns = [
            self._num("number", self.tr("No."), 5),
            Column("title", self.tr("Module"), lambda r: r.title, colour=lambda r: r.colour,
                   width=44),
            Column("duration", self.tr("Duration"), lambda r: self.tr("%1 h %2 min")
                   .replace("%1", str(r.duration_minutes // 60))
                   .replace("%2", f"{r.duration_minutes % 60:02d}"),
                   sort=lambda r: r.duration_minutes, numeric=True, width=10),
            Column("trainers", self.tr("Trainers"), lambda r: r.trainers, width=30),
            self._num("sessions", self.tr("Sessions")),
            self._num("room_size", self.tr("Seats needed")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        unavailable_columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=26),
            Column("from", self.tr("From"), lambda r: f"{fmt.weekday_date(r.start.date())}"
                   f" {fmt.time(r.start)}", sort=lambda r: r.start.isoformat(), width=22),
            Column("until", self.tr("Until"), lambda r: f"{fmt.weekday_date(r.end.date())}"
                   f" {fmt.time(r.end)}", sort=lambda r: r.end.isoformat(), width=22),
            Column("note", self.tr("Note"), lambda r: r.note),
        ]
        modules = self.f._panel(page, "module", self.tr("Curriculum"), module_columns,
                                queries.modules, {"module", "module_trainer", "person",
                                                  "agenda_session"})
        unavailable = self.f._panel(page, "unavailability", self.tr("Unavailable times"),
                                    unavailable_columns, queries.unavailabilities,
                                    {"unavailability", "person", "plan"}, heading_level=2)
        page.panels.extend([modules, unavailable])
        hint = QLabel(self.tr("Trainers' unavailable times are respected by the rotation"
                              " generator (Calendar ▸ Generate rotation…)."), page)
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

