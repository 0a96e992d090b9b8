"""The main window, the shell: the navigation and the stack of pages, the problems panel, the
status bar and the title; it follows the open plan (opened, changed, closed) and rebuilds
itself in a new language.

What its menus do lives beside it: :mod:`ui.shell.actions` (the actions and menus),
:mod:`ui.shell.plan_files` (new, open, copies, shared plans) and :mod:`ui.shell.tools` (import,
export, printing, the Plan menu's tools); each sees the window as a :class:`Shell`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from planner import APP_NAME, __version__
from planner.domain.errors import DamagedPlanError
from planner.store import Change, PlanStore, is_address
from ui import settings as opt
from ui.formats import Formats
from ui.pages.lists.columns import ListPages
from ui.pages.lists.panel import ListPage, PageFactory
from ui.pages.overview import OverviewPage
from ui.pages.protocols import Page, Panel
from ui.session.collector import collect_on_gui_thread
from ui.session.controller import PlanController
from ui.shell.actions import Actions
from ui.shell.navigation import PAGE_NAMES, LazyPages, icon
from ui.shell.plan_files import PlanFiles, reopen_location
from ui.shell.tools import Tools
from ui.shell.welcome import WelcomePage
from ui.translation import effective_language, install
from ui.widgets.flow import ElidedLabel
from ui.widgets.problems import ProblemsDock, ProblemsWatcher

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from planner.store.recovery import Recovery
    from ui.dialogs.damaged import DamagedBox
    from ui.dialogs.editors.editor import ItemEditor
    from ui.dialogs.unknown_zone import UnknownZoneBox

__all__ = ["PAGE_NAMES", "MainWindow"]


def _preload_editing() -> None:
    """Load the editing layer (SQLAlchemy, the operations) in the background once a plan is
    on screen, so the first edit does not wait for it. Showing a plan does not need it."""
    if "planner.operations" not in sys.modules:
        threading.Thread(
            target=lambda: __import__("planner.operations"), name="preload", daemon=True
        ).start()


class MainWindow(QMainWindow):
    def __init__(self, settings: opt.Settings, ctrl: PlanController | None = None) -> None:
        super().__init__()
        app = QApplication.instance()
        if app is not None:  # cycles (and the Qt objects in them) freed on this thread only
            collect_on_gui_thread(app)
        self.settings = settings
        self.ctrl = ctrl or PlanController(self)
        self.formats = Formats.from_settings(settings)
        self.last_error = ""
        self.last_damaged: DamagedBox | None = None
        self.last_unknown_zone: UnknownZoneBox | None = None
        self.last_recovery: Recovery | None = None
        self.setObjectName("main_window")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.files = PlanFiles(self)
        self.tools = Tools(self)
        self.ctrl.opened.connect(self._on_opened)
        self.ctrl.closed.connect(self._on_closed)
        self.ctrl.changed.connect(self._on_changed)
        self.ctrl.failed.connect(self.show_error)
        self.ctrl.damaged.connect(self.show_damaged)
        self.ctrl.conflict_handler = self.files.resolve_conflict
        self.ctrl.connection.connect(self._on_connection)
        self.ctrl.set_poll_interval(settings.get(opt.POLL_SECONDS))
        self.watcher = ProblemsWatcher(self.ctrl, self)  # after the window's own connections
        self.watcher.updated.connect(self._on_problems)
        self._actions: dict[str, QAction] = {}
        self._status_widgets: list[QWidget] = []
        self.problems_dock: ProblemsDock | None = None
        self._kept_views: dict[str, dict[Any, Any]] = {}  # pages' views across a rebuild
        self._build()
        self.resize(1280, 760)
        geometry = settings.get(opt.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.get(opt.STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self._update_title()

    # building (again after a language change)
    def _build(self) -> None:
        self._editor: ItemEditor | None = None
        self.files.forget_dialogs()
        self.pages = LazyPages(self._page_factories())
        titles = {
            "overview": self.tr("Overview"),
            "calendar": self.tr("Calendar"),
            "curriculum": self.tr("Curriculum"),
            "delegations": self.tr("Delegations"),
            "people": self.tr("People"),
            "organisations": self.tr("Organisations"),
            "groups": self.tr("Groups"),
            "venues": self.tr("Places && rooms"),
            "sessions": self.tr("Sessions"),
            "travel": self.tr("Travel"),
            "accommodation": self.tr("Accommodation"),
            "site_visits": self.tr("Site visits"),
            "vehicles": self.tr("Vehicles"),
            "budget": self.tr("Budget"),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for name in PAGE_NAMES:
            item = QListWidgetItem(icon(name), titles[name].replace("&&", "&"))
            item.setSizeHint(QSize(170, 36))
            self.nav.addItem(item)
        self.pages.attach(self.stack, PAGE_NAMES)
        self.welcome = WelcomePage(self.files, self)
        self.stack.addWidget(self.welcome)
        self.nav.currentRowChanged.connect(self._on_nav)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        old = self.centralWidget()
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        self._build_problems()
        self._build_actions(titles)
        self._build_status()

    def _page_factories(self) -> dict[str, Callable[[], QWidget]]:
        """How each page is built, the first time it is shown (the modules of the pages not
        yet shown are not even loaded)."""
        factory = PageFactory(
            self.ctrl, lambda: self.editor, self.settings, self.formats, self.files.show_history
        )

        def overview() -> OverviewPage:
            page = OverviewPage(self.ctrl, self.formats)
            page.navigate.connect(self.show_page)
            page.edit_plan.connect(self.files.edit_plan_details)
            return page

        def calendar() -> QWidget:
            from ui.pages.calendar import CalendarPage

            page = CalendarPage(
                self.ctrl,
                self.settings,
                self.formats,
                lambda: self.editor,
                history=self.files.show_history,
            )
            page.set_problem_ids(self.watcher.session_ids())
            return page

        def people() -> ListPages:
            from ui.pages.lists.people import PeoplePages

            return PeoplePages(factory)

        def agenda() -> ListPages:
            from ui.pages.lists.agenda import AgendaPages

            return AgendaPages(factory)

        def logistics() -> ListPages:
            from ui.pages.lists.logistics import LogisticsPages

            return LogisticsPages(factory)

        domains = {"people": people, "agenda": agenda, "logistics": logistics}

        def list_page(domain: str, name: str) -> ListPage:
            page = domains[domain]().pages()[name]()
            return self.tools.add_page_tools(name, page)

        def budget() -> QWidget:
            from ui.pages.budget.page import BudgetPage

            page = BudgetPage(self.ctrl, factory, self.settings, self.formats)
            page.export_budget.connect(self.tools.export_budget)
            page.export_perdiem.connect(self.tools.export_perdiem)
            return page

        lists = {  # the list pages, by the domain of their module
            "sessions": "agenda",
            "curriculum": "agenda",
            "delegations": "people",
            "people": "people",
            "organisations": "people",
            "groups": "people",
            "venues": "logistics",
            "travel": "logistics",
            "accommodation": "logistics",
            "site_visits": "logistics",
            "vehicles": "logistics",
        }
        factories: dict[str, Callable[[], QWidget]] = {
            "overview": overview,
            "calendar": calendar,
            "budget": budget,
        }
        for name, domain in lists.items():
            factories[name] = partial(list_page, domain, name)
        return factories

    @property
    def editor(self) -> ItemEditor:
        """The add/edit dialogs (loaded on first use, which keeps start-up fast)."""
        if self._editor is None:
            from ui.dialogs.editors.editor import ItemEditor

            self._editor = ItemEditor(self.ctrl, self.formats, self)
        return self._editor

    def _build_actions(self, titles: dict[str, str]) -> None:
        for action in self._actions.values():
            self.removeAction(action)
        self.menu_actions = Actions(self, self.files, self.tools, titles)
        self._actions = self.menu_actions.all
        for action in self._actions.values():
            self.addAction(action)

    def _build_problems(self) -> None:
        if self.problems_dock is not None:  # a new language: its rows and place are kept
            self.problems_dock.retranslate(self.formats)
            return
        dock = self.problems_dock = ProblemsDock(self.ctrl, self.watcher, self.formats, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.show_session.connect(self.show_session)
        dock.open_item.connect(self.edit_item)

    def edit_item(self, kind: str, item_id: int) -> None:
        """Open the form of one item (from the problems panel)."""
        if self.ctrl.store is None:
            return
        editor = self.editor.open(self, kind, item_id)
        if editor is not None:
            editor.exec()

    def _on_problems(self) -> None:
        if self.pages.built("calendar"):
            from ui.pages.calendar import CalendarPage

            calendar = self.pages["calendar"]
            assert isinstance(calendar, CalendarPage)
            calendar.set_problem_ids(self.watcher.session_ids())
        button = getattr(self, "problems_button", None)
        if button is not None:
            errors = self.watcher.error_count()
            button.setText(
                self.tr("%n problem(s)", "", errors) if errors else self.tr("No problems")
            )
            button.setStyleSheet("color: #C62828; font-weight: bold;" if errors else "")
            button.setVisible(self.ctrl.store is not None)

    def show_session(self, session_id: int) -> None:
        """Open the session's day on the calendar and select it."""
        from ui.pages.calendar import CalendarPage

        self.show_page("calendar")
        calendar = self.pages["calendar"]
        assert isinstance(calendar, CalendarPage)
        calendar.show_session(session_id)

    def _build_status(self) -> None:
        status = self.statusBar()
        for widget in self._status_widgets:
            status.removeWidget(widget)
        self.problems_button = QPushButton()
        self.problems_button.setObjectName("problems_button")
        self.problems_button.setFlat(True)
        self.problems_button.setToolTip(self.tr("Show the problems panel (F8)"))
        self.problems_button.clicked.connect(self.show_problems)
        status.addPermanentWidget(self.problems_button)
        self.change_label = QLabel()
        self.change_label.setObjectName("change_label")
        self.path_label = ElidedLabel()
        self.path_label.setObjectName("path_label")
        status.addPermanentWidget(self.change_label)
        status.addPermanentWidget(self.path_label)
        self._status_widgets = [self.problems_button, self.change_label, self.path_label]
        self._on_problems()

    # pages
    def show_page(self, name: str) -> None:
        if name in PAGE_NAMES and self.ctrl.store is not None:
            self.nav.setCurrentRow(PAGE_NAMES.index(name))

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _on_nav(self, row: int) -> None:
        if 0 <= row < len(PAGE_NAMES) and self.ctrl.store is not None:
            page = self.pages[PAGE_NAMES[row]]
            self.stack.setCurrentWidget(page)
            kept = self._kept_views.pop(PAGE_NAMES[row], None)
            if kept:
                from ui.pages import view_state

                view_state.restore(page, kept)
            self.settings.set(opt.PAGE, row)
            self.settings.sync()  # a crash reopens the plan on this page
        self._update_actions()

    def show_problems(self) -> None:
        assert self.problems_dock is not None
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems_dock.view.setFocus()

    def act_on_panel(self, action: Callable[[Panel], None]) -> None:
        """Edit ▸ Add, Edit, Delete, Copy Rows and Find: ``action`` on the active panel of the
        page shown."""
        page = self.current_page()
        panel = page.active_panel() if isinstance(page, Page) else None
        if panel is not None and self.ctrl.store is not None:
            action(panel)

    def _update_actions(self) -> None:
        has_plan = self.ctrl.store is not None
        page = self.current_page()
        list_page = isinstance(page, Page) and not isinstance(page, OverviewPage)
        self.menu_actions.update(has_plan, list_page)
        self.nav.setVisible(has_plan)

    # the open plan
    def _on_opened(self, store: PlanStore) -> None:
        QTimer.singleShot(700, _preload_editing)
        self.settings.add_recent(store.location)
        # noted at once, not only on a clean close: after a crash the plan reopens
        self.settings.set(opt.LAST_PLAN, reopen_location(store))
        self.settings.sync()
        for page in self.pages.built_pages():
            page.on_changed(None)
        row = self.settings.get(opt.PAGE)
        self.nav.setCurrentRow(row if 0 <= row < len(PAGE_NAMES) else 0)
        self.stack.setCurrentWidget(self.pages[PAGE_NAMES[self.nav.currentRow()]])
        self._update_title()
        self._update_actions()
        self._update_status()

    def _on_closed(self) -> None:
        self._kept_views = {}  # another plan starts as it opens
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.refresh(self.settings.recent_plans())
        self.nav.clearSelection()
        self._update_title()
        self._update_actions()
        self._update_status()

    def _on_changed(self, change: Change) -> None:
        for page in self.pages.built_pages():
            page.on_changed(change)
        self._update_status()
        if change.action:
            self.statusBar().showMessage(change.action, 4000)

    def _on_connection(self, message: str) -> None:
        """The shared plan's server went away (``message``) or came back ("")."""
        if message:
            self.statusBar().showMessage(
                self.tr(
                    "The server does not answer; the changes of others will show once it does. %1"
                ).replace("%1", message)
            )
        else:
            self.statusBar().showMessage(self.tr("The server answers again."), 5000)
            self.refresh_all()

    def _update_title(self) -> None:
        store = self.ctrl.store
        self.setWindowTitle(f"{store.display_name} — {APP_NAME}" if store else APP_NAME)
        self.setWindowFilePath(str(store.path) if store and not store.shared else "")

    def _update_status(self) -> None:
        store = self.ctrl.store
        if store is None:
            self.change_label.setText("")
            self.path_label.setText(self.tr("No plan open"))
            return
        self.path_label.setText(store.location)
        saving = (
            self.tr(
                "A shared plan: every change is saved at once on the server, and the changes"
                " of others appear within seconds."
            )
            if store.shared
            else self.tr("Every change is saved at once in this file.")
        )
        self.path_label.setToolTip(f"{store.location}\n{saving}")
        number = store.last_change_id()
        self.change_label.setText(self.tr("Saved · change no. %s") % self.formats.number(number))

    def refresh_all(self) -> None:
        if not self.ctrl.poll():
            for page in self.pages.built_pages():
                page.on_changed(None)
        self._update_status()

    # preferences, about, messages
    def preferences(self) -> None:
        from ui.dialogs.plan import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            dialog.save()
            self.apply_preferences()

    def apply_preferences(self) -> None:
        """Apply changed preferences at once: rebuilds the pages in the new language."""
        from ui.pages import view_state

        kept = {
            name: view_state.capture(self.pages[name])
            for name in PAGE_NAMES
            if self.pages.built(name) and self.ctrl.store is not None
        }
        install(effective_language(self.settings.get(opt.LANGUAGE)), self.settings.get(opt.REGION))
        self.formats = Formats.from_settings(self.settings)
        self.ctrl.set_poll_interval(self.settings.get(opt.POLL_SECONDS))
        current = PAGE_NAMES[self.nav.currentRow()] if self.nav.currentRow() >= 0 else None
        for action in self._actions.values():
            self.removeAction(action)
            action.deleteLater()
        self._actions = {}
        for menu in self.menuBar().findChildren(QMenu):
            menu.deleteLater()
        self.menu_actions.deleteLater()
        if self._editor is not None:
            self._editor.deleteLater()
        self._build()
        self._kept_views = kept  # each page as it was, put back as it is shown
        self.watcher.full()  # the problems in the new language
        if self.ctrl.store is not None:
            for page in self.pages.built_pages():
                page.on_changed(None)
            self.nav.setCurrentRow(PAGE_NAMES.index(current) if current else 0)
        else:
            self.stack.setCurrentWidget(self.welcome)
        self._update_title()
        self._update_actions()
        self._update_status()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Delegation Planner"),
            self.tr(
                "<h3>Delegation Planner %1</h3><p>Plan exchange visits and trainings: delegations,"
                " people, groups, rooms and the agenda, in one plan file.</p><p>Every change is"
                " saved at once; Edit ▸ Undo takes it back.</p>"
            ).replace("%1", __version__),
        )

    def show_damaged(self, error: DamagedPlanError) -> None:
        """The plan is damaged: the message with Recover… and Open the Backup."""
        from ui.dialogs.damaged import show_damaged

        show_damaged(self, error)

    def show_error(self, message: str, title: str = "") -> None:
        """Tell the user what went wrong (window-modal, never blocks a test)."""
        self.last_error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title or self.tr("Not done"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # start-up, drag and drop, closing
    def start(self, plan: str | None) -> None:
        """Show the given plan, or the last one, or the welcome page."""
        target = plan
        if target is None and self.settings.get(opt.REOPEN_LAST):
            last = self.settings.get(opt.LAST_PLAN)
            if last and (is_address(last) or Path(last).exists()):
                target = last
        if target is None or not self.files.open_path(target):
            self._on_closed()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].toLocalFile().lower().endswith(".dplan"):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls:
            path = urls[0].toLocalFile()
            QTimer.singleShot(0, lambda: self.files.open_path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(opt.GEOMETRY, self.saveGeometry())
        self.settings.set(opt.STATE, self.saveState())
        if self.ctrl.store is not None:
            self.settings.set(opt.LAST_PLAN, reopen_location(self.ctrl.store))
        self.settings.sync()
        self.ctrl.close()
        super().closeEvent(event)
