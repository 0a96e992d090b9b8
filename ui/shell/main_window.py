"""The main window: navigation, pages, menus, undo, status bar, open/close/copy of plans."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME, __version__
from planner.domain.errors import DamagedPlanError, PlannerError, UnknownZoneError
from planner.store import Change, PlanStore, address_parts, is_address
from ui import settings as opt
from ui.formats import Formats
from ui.pages.lists.panel import ListPages, PageFactory
from ui.pages.overview import OverviewPage
from ui.session.controller import PlanController

PAGE_NAMES = (
    "overview",
    "calendar",
    "sessions",
    "delegations",
    "people",
    "organisations",
    "groups",
    "venues",
    "curriculum",
    "travel",
    "accommodation",
    "site_visits",
    "vehicles",
    "budget",
)


def page_shortcut(index: int) -> QKeySequence | None:
    """Ctrl+1 … Ctrl+9 and Ctrl+0 for the first ten pages; the rest have none."""
    if index < 9:
        return QKeySequence(f"Ctrl+{index + 1}")
    if index == 9:
        return QKeySequence("Ctrl+0")
    return None


def _preload_editing() -> None:
    """Load the editing layer (SQLAlchemy, the operations) in the background once a plan is
    on screen, so the first edit does not wait for it. Showing a plan does not need it."""
    import sys
    import threading

    if "planner.operations" not in sys.modules:
        threading.Thread(
            target=lambda: __import__("planner.operations"), name="preload", daemon=True
        ).start()


def icon(name: str) -> QIcon:
    return QIcon(str(resources.files("resources") / "icons" / f"{name}.svg"))


class LazyPages(dict[str, Any]):
    """The window's pages, each built the first time it is needed (keeps start-up fast).

    ``values()`` gives the pages built so far: a page built later loads fresh anyway.
    """

    def __init__(self, factories: dict[str, Any]) -> None:
        super().__init__()
        self._factories = factories
        self._stack: QStackedWidget | None = None
        self._names: tuple[str, ...] = ()

    def attach(self, stack: QStackedWidget, names: tuple[str, ...]) -> None:
        self._stack, self._names = stack, names
        for name in names:
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{name}")
            stack.addWidget(placeholder)

    def built(self, name: str) -> bool:
        return dict.__contains__(self, name)

    def __getitem__(self, name: str) -> Any:
        if not dict.__contains__(self, name):
            page = self._factories[name]()
            page.setObjectName(f"page_{name}")
            dict.__setitem__(self, name, page)
            if self._stack is not None:
                index = self._names.index(name)
                old = self._stack.widget(index)
                self._stack.insertWidget(index, page)
                self._stack.removeWidget(old)
                old.deleteLater()
        return dict.__getitem__(self, name)


class WelcomePage(QWidget):
    """What the window shows when no plan is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("welcome")
        title = QLabel(APP_NAME, self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Plan exchange visits and trainings in one file: delegations, people, groups, rooms"
                " and the agenda."
            ),
            self,
        )
        intro.setWordWrap(True)
        new = QPushButton(self.tr("&New plan…"), self)
        new.clicked.connect(window.new_plan)
        open_ = QPushButton(self.tr("&Open a plan…"), self)
        open_.clicked.connect(window.open_dialog)
        shared = QPushButton(self.tr("Open a &shared plan (on a server)…"), self)
        shared.setObjectName("welcome_shared")
        shared.clicked.connect(window.open_shared_dialog)
        demo = QPushButton(self.tr("Try the &demo plan (Tegucigalpa 2023)…"), self)
        demo.clicked.connect(window.new_demo)
        self.recent_title = QLabel(self.tr("Recent plans"), self)
        bold = self.recent_title.font()
        bold.setBold(True)
        self.recent_title.setFont(bold)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_list")
        self.recent.setAccessibleName(self.tr("Recent plans"))
        self.recent.itemActivated.connect(
            lambda item: window.open_path(item.data(Qt.ItemDataRole.UserRole))
        )
        column = QVBoxLayout()
        column.addStretch(1)
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(72, 72))
        column.addWidget(logo)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        for button in (new, open_, shared, demo):
            button.setMinimumHeight(34)
            column.addWidget(button)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 1)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)

    def refresh(self, recent: list[str]) -> None:
        self.recent.clear()
        for path in recent:
            if is_address(path):  # a shared plan: its database and server
                database, server = address_parts(path)
                item = QListWidgetItem(
                    self.tr("%1  —  shared, on %2").replace("%1", database).replace("%2", server)
                )
                item.setData(Qt.ItemDataRole.UserRole, path)
                item.setToolTip(path)
                self.recent.addItem(item)
                continue
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip(self.tr("%s (not found)") % path)
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))


class MainWindow(QMainWindow):
    def __init__(self, settings: opt.Settings, ctrl: PlanController | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.ctrl = ctrl or PlanController(self)
        self.formats = Formats.from_settings(settings)
        self.last_error = ""
        self.setObjectName("main_window")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.ctrl.opened.connect(self._on_opened)
        self.ctrl.closed.connect(self._on_closed)
        self.ctrl.changed.connect(self._on_changed)
        self.ctrl.failed.connect(self.show_error)
        self.ctrl.damaged.connect(self.show_damaged)
        self.ctrl.conflict_handler = self._resolve_conflict
        self.ctrl.connection.connect(self._on_connection)
        self.ctrl.set_poll_interval(settings.get(opt.POLL_SECONDS))
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
        self._editor: Any = None
        self._plan_dialogs: Any = None
        factory = PageFactory(self.ctrl, lambda: self.editor, self.settings, self.formats)
        lists = ListPages(factory)

        def overview() -> OverviewPage:
            page = OverviewPage(self.ctrl, self.formats)
            page.navigate.connect(self.show_page)
            page.edit_plan.connect(self.edit_plan_details)
            return page

        def calendar() -> Any:
            from ui.pages.calendar import CalendarPage

            page = CalendarPage(self.ctrl, self.settings, self.formats, lambda: self.editor)
            if hasattr(self, "watcher"):
                page.set_problem_ids(self.watcher.session_ids())
            return page

        def journey_tool(panel: Any, unit: str) -> None:
            panel.add_tool(
                self.tr("Journey…"),
                lambda: self.show_journey(panel, unit),
                self.tr(
                    "Everything on the selected journey: flights, transfers,"
                    " hotel, sessions and stops"
                ),
                fewest_selected=1,
            )

        def people() -> Any:
            page = lists.people()
            panel = page.panels[0]
            panel.add_tool(
                self.tr("Find Duplicates…"),
                self.merge_people,
                self.tr("Find people entered more than once and merge them"),
            )
            panel.add_tool(
                self.tr("Merge Selected People…"),
                lambda: self.merge_people(panel.selected_ids()),
                self.tr("Merge the selected people into one"),
                button=False,
                fewest_selected=2,
            )
            journey_tool(panel, "person")
            return page

        def groups() -> Any:
            page = lists.groups()
            page.panels[0].add_tool(
                self.tr("Split into Groups…"),
                self.split_groups,
                self.tr("Share the people of a delegation out into balanced groups"),
            )
            return page

        def travel() -> Any:
            page = lists.travel()
            panel = page.panels[0]
            panel.add_tool(
                self.tr("Arrivals and Transfers…"),
                self.arrivals_board,
                self.tr("Arrivals and departures by day, and the airport transfers still needed"),
            )
            journey_tool(panel, "person_id")
            return page

        def delegations() -> Any:
            page = lists.delegations()
            journey_tool(page.panels[0], "delegation")
            return page

        def budget() -> Any:
            from ui.pages.budget.page import BudgetPage

            page = BudgetPage(self.ctrl, factory, self.settings, self.formats)
            page.export_budget.connect(self.export_budget)
            page.export_perdiem.connect(self.export_perdiem)
            return page

        self.pages = LazyPages(
            {
                "overview": overview,
                "calendar": calendar,
                "sessions": lists.sessions,
                "delegations": delegations,
                "people": people,
                "organisations": lists.organisations,
                "groups": groups,
                "venues": lists.venues,
                "curriculum": lists.curriculum,
                "travel": travel,
                "accommodation": lists.accommodation,
                "site_visits": lists.site_visits,
                "vehicles": lists.vehicles,
                "budget": budget,
            }
        )
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
        self.welcome = WelcomePage(self)
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

    @property
    def editor(self) -> Any:
        """The add/edit dialogs (loaded on first use, which keeps start-up fast)."""
        if self._editor is None:
            from ui.dialogs.editors.editor import ItemEditor

            self._editor = ItemEditor(self.ctrl, self.formats, self)
        return self._editor

    @property
    def plan_dialogs(self) -> Any:
        if self._plan_dialogs is None:
            from ui.dialogs.plan import PlanDialogs

            self._plan_dialogs = PlanDialogs(self.ctrl, self.formats, self)
        return self._plan_dialogs

    def _action(
        self, text: str, slot: Any, shortcut: Any = None, name: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
        return action

    def _build_actions(self, titles: dict[str, str]) -> None:
        bar = self.menuBar()
        bar.clear()
        for action in getattr(self, "_actions", {}).values():
            self.removeAction(action)
        a: dict[str, QAction] = {}
        a["new"] = self._action(
            self.tr("&New Plan…"),
            self.new_plan,
            QKeySequence.StandardKey.New,
            "action_new",
            self.tr("Create an empty plan file"),
        )
        a["demo"] = self._action(
            self.tr("New &Demo Plan…"),
            self.new_demo,
            None,
            "action_demo",
            self.tr("Write the Tegucigalpa 2023 demo plan and open it"),
        )
        a["open"] = self._action(
            self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open, "action_open"
        )
        a["open_shared"] = self._action(
            self.tr("Open S&hared Plan…"),
            self.open_shared_dialog,
            QKeySequence("Ctrl+Shift+O"),
            "action_open_shared",
            self.tr("Open a plan kept on a PostgreSQL server, which a team edits together"),
        )
        a["publish"] = self._action(
            self.tr("P&ublish to a Server…"),
            self.publish_dialog,
            None,
            "action_publish",
            self.tr("Copy this plan to an empty database on a PostgreSQL server, for a team"),
        )
        a["history"] = self._action(
            self.tr("&History…"),
            lambda: self.show_history(),
            QKeySequence("Ctrl+Shift+H"),
            "action_history",
            self.tr("Who changed what and when"),
        )
        a["copy_as"] = self._action(
            self.tr("Save a Copy &As…"),
            self.save_copy_as,
            QKeySequence("Ctrl+Shift+S"),
            "action_copy_as",
            self.tr("Write a copy of the open plan to another file"),
        )
        a["copy_private"] = self._action(
            self.tr("Save a Copy &Without Personal Data…"),
            self.save_copy_without_personal_data,
            None,
            "action_copy_private",
            self.tr(
                "Write a copy with identity numbers, birth dates and phone numbers blanked,"
                " to share the plan with a partner"
            ),
        )
        a["details"] = self._action(
            self.tr("Plan Detail&s…"),
            self.edit_plan_details,
            QKeySequence("Ctrl+I"),
            "action_details",
        )
        a["close"] = self._action(
            self.tr("&Close Plan"), self.close_plan, QKeySequence.StandardKey.Close, "action_close"
        )
        a["quit"] = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "action_quit"
        )
        a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        undo = self.ctrl.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("action_undo")
        redo = self.ctrl.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        redo.setObjectName("action_redo")
        a["undo"], a["redo"] = undo, redo
        a["add"] = self._action(
            self.tr("&Add…"),
            lambda: self._panel_do("add_item"),
            QKeySequence("Ctrl+Shift+N"),
            "action_add",
        )
        a["edit"] = self._action(  # Enter and F2 edit too, in lists and the calendar
            self.tr("&Edit…"),
            lambda: self._panel_do("edit_item"),
            QKeySequence("Ctrl+E"),
            "action_edit",
        )
        a["delete"] = self._action(
            self.tr("&Delete…"),
            lambda: self._panel_do("delete_items"),
            QKeySequence(QKeySequence.StandardKey.Delete),
            "action_delete",
        )
        a["copy_rows"] = self._action(
            self.tr("&Copy Rows"),
            lambda: self._panel_do("copy_rows"),
            None,
            "action_copy_rows",
            self.tr("Copy the selected rows for a spreadsheet"),
        )
        a["find"] = self._action(
            self.tr("&Find"),
            lambda: self._panel_do("focus_search"),
            QKeySequence.StandardKey.Find,
            "action_find",
        )
        a["prefs"] = self._action(
            self.tr("&Preferences…"), self.preferences, QKeySequence("Ctrl+,"), "action_preferences"
        )
        a["prefs"].setMenuRole(QAction.MenuRole.PreferencesRole)
        a["refresh"] = self._action(
            self.tr("&Refresh"),
            self.refresh_all,
            QKeySequence.StandardKey.Refresh,
            "action_refresh",
            self.tr("Reload the plan, including changes made elsewhere"),
        )
        a["rotation"] = self._action(
            self.tr("&Generate Rotation…"),
            self.generate_rotation,
            QKeySequence("Ctrl+R"),
            "action_rotation",
            self.tr("Plan every group through every module without clashes"),
        )
        a["copy_dates"] = self._action(
            self.tr("Cop&y Plan with New Dates…"),
            self.copy_with_new_dates,
            None,
            "action_copy_dates",
            self.tr("Copy the plan to new dates, as the template of the next exchange"),
        )
        a["import"] = self._action(
            self.tr("&Import…"),
            self.import_file,
            QKeySequence("Ctrl+Shift+I"),
            "action_import",
            self.tr("Import people or an agenda from a spreadsheet"),
        )
        a["export"] = self._action(
            self.tr("E&xport…"),
            lambda: self.show_export(),
            QKeySequence("Ctrl+Shift+E"),
            "action_export",
            self.tr(
                "Write itineraries, agendas, lists, certificates and more,"
                " for the whole plan or for whom you choose"
            ),
        )
        a["print"] = self._action(
            self.tr("Prin&t…"),
            self.print_calendar,
            QKeySequence.StandardKey.Print,
            "action_print",
            self.tr("Print the calendar as it is shown: the day by room, or the whole plan by day"),
        )
        a["print_preview"] = self._action(
            self.tr("Print Pre&view…"),
            self.print_preview,
            None,
            "action_print_preview",
            self.tr("See the calendar's page before printing it"),
        )
        a["attendance"] = self._action(
            self.tr("&Record Attendance…"),
            lambda: self.record_attendance(),
            None,
            "action_attendance",
            self.tr("Tick who came to each session, so reports count who was trained"),
        )
        a["export_agenda"] = self._action(
            self.tr("&Export Agenda List…"),
            self.export_agenda,
            None,
            "action_export_agenda",
            self.tr(
                "Write the sessions to a workbook, one row each,"
                " that can be edited and imported back"
            ),
        )
        a["export_manifests"] = self._action(
            self.tr("Export Vehicle &Manifests…"),
            self.export_manifests,
            None,
            "action_export_manifests",
            self.tr(
                "Write each vehicle's rides and passengers, one"
                " sheet per vehicle, for drivers and providers"
            ),
        )
        a["export_clearance"] = self._action(
            self.tr("Export Host C&learance List…"),
            self.export_clearance,
            None,
            "action_export_clearance",
            self.tr(
                "Write who goes on a site visit, with"
                " organisation and identity or passport number,"
                " for a host that asks for it"
            ),
        )
        a["export_budget"] = self._action(
            self.tr("Export &Budget…"),
            self.export_budget,
            None,
            "action_export_budget",
            self.tr(
                "Write the budget workbook: summary by category and funding source, every"
                " line with live formulas, and the rates"
            ),
        )
        a["export_perdiem"] = self._action(
            self.tr("Export Per Diem &Payment Sheet…"),
            self.export_perdiem,
            None,
            "action_export_perdiem",
            self.tr(
                "Write what each traveller is paid as per diem, with a line to sign on payment"
            ),
        )
        a["split"] = self._action(
            self.tr("Spli&t into Groups…"),
            self.split_groups,
            None,
            "action_split",
            self.tr("Share the people of a delegation out into balanced groups"),
        )
        a["merge"] = self._action(
            self.tr("&Merge People Listed Twice…"),
            self.merge_people,
            None,
            "action_merge",
            self.tr("Find people entered more than once and merge them"),
        )
        a["arrivals"] = self._action(
            self.tr("&Arrivals and Transfers…"),
            self.arrivals_board,
            None,
            "action_arrivals",
            self.tr("Arrivals and departures by day, and the airport transfers still needed"),
        )
        a["journey"] = self._action(
            self.tr("&Journey…"),
            lambda: self.show_journey(),
            None,
            "action_journey",
            self.tr(
                "One person's or delegation's flights, transfers, hotel"
                " and sessions in one timeline"
            ),
        )
        a["problems"] = self._action(
            self.tr("&Problems"),
            self.show_problems,
            QKeySequence("F8"),
            "action_problems",
            self.tr("Show the problems the conflict check found"),
        )
        a["about"] = self._action(
            self.tr("&About Delegation Planner"), self.about, None, "action_about"
        )
        a["about_qt"] = self._action(
            self.tr("About &Qt"), QApplication.aboutQt, None, "action_about_qt"
        )
        from ui.shell.mnemonics import mnemonic_of, with_mnemonics

        refresh = mnemonic_of(a["refresh"].text())
        menu_titles = dict(
            zip(
                PAGE_NAMES,
                with_mnemonics(
                    [titles[name] for name in PAGE_NAMES], {refresh} if refresh else set()
                ),
                strict=True,
            )
        )
        for i, name in enumerate(PAGE_NAMES):
            a[f"page_{name}"] = self._action(
                menu_titles[name],
                lambda _c=False, n=name: self.show_page(n),
                page_shortcut(i),
                f"action_page_{name}",
            )
        self._actions = a

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(a["new"])
        file_menu.addAction(a["demo"])
        file_menu.addAction(a["open"])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a["open_shared"])
        file_menu.addSeparator()
        file_menu.addAction(a["import"])
        file_menu.addAction(a["export"])
        file_menu.addAction(a["export_agenda"])
        file_menu.addAction(a["export_manifests"])
        file_menu.addAction(a["export_clearance"])
        file_menu.addAction(a["export_budget"])
        file_menu.addAction(a["export_perdiem"])
        file_menu.addSeparator()
        file_menu.addAction(a["print_preview"])
        file_menu.addAction(a["print"])
        file_menu.addSeparator()
        file_menu.addAction(a["copy_as"])
        file_menu.addAction(a["publish"])
        file_menu.addAction(a["copy_private"])
        file_menu.addAction(a["copy_dates"])
        file_menu.addAction(a["details"])
        file_menu.addSeparator()
        file_menu.addAction(a["close"])
        file_menu.addAction(a["quit"])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for key in (
            "undo",
            "redo",
            None,
            "add",
            "edit",
            "delete",
            None,
            "copy_rows",
            "find",
            None,
            "prefs",
        ):
            if key is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(a[key])
        view_menu = bar.addMenu(self.tr("&View"))
        for name in PAGE_NAMES:
            view_menu.addAction(a[f"page_{name}"])
        view_menu.addSeparator()
        view_menu.addAction(a["refresh"])
        plan_menu = bar.addMenu(self.tr("&Plan"))
        for key in (
            "rotation",
            "problems",
            None,
            "arrivals",
            "journey",
            None,
            "attendance",
            None,
            "split",
            "merge",
            None,
            "history",
            "details",
        ):
            if key is None:
                plan_menu.addSeparator()
            else:
                plan_menu.addAction(a[key])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a["about"])
        help_menu.addAction(a["about_qt"])
        for action in a.values():
            self.addAction(action)
        self._fill_recent()

    def _build_problems(self) -> None:
        from ui.widgets.problems import ProblemsDock, ProblemsWatcher

        if not hasattr(self, "watcher"):
            self.watcher = ProblemsWatcher(self.ctrl, self)
            self.watcher.updated.connect(self._on_problems)
        old = getattr(self, "problems_dock", None)
        if old is not None:
            self.removeDockWidget(old)
            old.deleteLater()
        self.problems_dock = ProblemsDock(self.ctrl, self.watcher, self.formats, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [130], Qt.Orientation.Vertical)
        self.problems_dock.show_session.connect(self.show_session)
        self.problems_dock.open_item.connect(self.edit_item)

    def edit_item(self, kind: str, item_id: int) -> None:
        """Open the form of one item (from the problems panel)."""
        if self.ctrl.store is None:
            return
        editor = self.editor.open(self, kind, item_id)
        if editor is not None:
            editor.exec()

    def _on_problems(self) -> None:
        if self.pages.built("calendar"):
            self.pages["calendar"].set_problem_ids(self.watcher.session_ids())
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
        self.show_page("calendar")
        self.pages["calendar"].show_session(session_id)

    def _build_status(self) -> None:
        status = self.statusBar()
        for widget in getattr(self, "_status_widgets", []):
            status.removeWidget(widget)
        self.problems_button = QPushButton()
        self.problems_button.setObjectName("problems_button")
        self.problems_button.setFlat(True)
        self.problems_button.setToolTip(self.tr("Show the problems panel (F8)"))
        self.problems_button.clicked.connect(self.show_problems)
        status.addPermanentWidget(self.problems_button)
        self.change_label = QLabel()
        self.change_label.setObjectName("change_label")
        self.path_label = QLabel()
        self.path_label.setObjectName("path_label")
        status.addPermanentWidget(self.change_label)
        status.addPermanentWidget(self.path_label)
        self._status_widgets = [self.problems_button, self.change_label, self.path_label]
        self._on_problems()

    # pages
    def show_page(self, name: str) -> None:
        if name in PAGE_NAMES and self.ctrl.store is not None:
            self.nav.setCurrentRow(PAGE_NAMES.index(name))

    def current_page(self) -> Any:
        return self.stack.currentWidget()

    def _on_nav(self, row: int) -> None:
        if 0 <= row < len(PAGE_NAMES) and self.ctrl.store is not None:
            self.stack.setCurrentWidget(self.pages[PAGE_NAMES[row]])
            self.settings.set(opt.PAGE, row)
            self.settings.sync()  # a crash reopens the plan on this page
        self._update_actions()

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems_dock.view.setFocus()

    def _panel_do(self, method: str) -> None:
        page = self.current_page()
        active = getattr(page, "active_panel", None)
        panel = active() if callable(active) else None
        if panel is not None and self.ctrl.store is not None and hasattr(panel, method):
            getattr(panel, method)()

    def _update_actions(self) -> None:
        has_plan = self.ctrl.store is not None
        list_page = callable(getattr(self.current_page(), "active_panel", None)) and not isinstance(
            self.current_page(), OverviewPage
        )
        for key in (
            "copy_as",
            "copy_private",
            "copy_dates",
            "details",
            "close",
            "refresh",
            "rotation",
            "problems",
            "import",
            "export_agenda",
            "export_manifests",
            "export_clearance",
            "export_budget",
            "export_perdiem",
            "split",
            "merge",
            "arrivals",
            "journey",
            "export",
            "print",
            "print_preview",
            "attendance",
            "publish",
            "history",
        ):
            self._actions[key].setEnabled(has_plan)
        for key in ("add", "edit", "delete", "copy_rows", "find"):
            self._actions[key].setEnabled(has_plan and list_page)
        for name in PAGE_NAMES:
            self._actions[f"page_{name}"].setEnabled(has_plan)
        self.nav.setVisible(has_plan)

    # plan lifecycle
    def open_path(self, path: str | Path, password: str | None = None) -> bool:
        """Open a plan file or a shared plan's address (asking for the server's password when
        neither it nor the .pgpass file has one)."""
        from planner.domain.errors import PasswordNeeded

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = self.ctrl.open(path, password)
        except PasswordNeeded as exc:
            QApplication.restoreOverrideCursor()
            typed = self.ask_password(str(exc))
            return typed is not None and self.open_path(path, typed)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            if not is_address(str(path)) and not Path(path).exists():
                self.settings.remove_recent(str(Path(path).resolve()))
                self.welcome.refresh(self.settings.recent_plans())
            if isinstance(exc, DamagedPlanError):
                self.show_damaged(exc)
            elif isinstance(exc, UnknownZoneError):
                from ui.dialogs.unknown_zone import show_unknown_zone

                show_unknown_zone(self, exc)
            else:
                self.show_error(str(exc), self.tr("The plan could not be opened"))
            return False
        QApplication.restoreOverrideCursor()
        if store.backup_path is not None:
            self.statusBar().showMessage(
                self.tr("The plan was upgraded to this version's format; a backup copy is at %s")
                % store.backup_path,
                15000,
            )
        return True

    def _on_opened(self, store: PlanStore) -> None:
        QTimer.singleShot(700, _preload_editing)
        self.settings.add_recent(store.location)
        # noted at once, not only on a clean close: after a crash the plan reopens
        self.settings.set(opt.LAST_PLAN, self._where(store))
        self.settings.sync()
        for page in self.pages.values():
            page.on_changed(None)
        row = self.settings.get(opt.PAGE)
        self.nav.setCurrentRow(row if 0 <= row < len(PAGE_NAMES) else 0)
        self.stack.setCurrentWidget(self.pages[PAGE_NAMES[self.nav.currentRow()]])
        self._update_title()
        self._update_actions()
        self._update_status()

    def _on_closed(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.refresh(self.settings.recent_plans())
        self.nav.clearSelection()
        self._update_title()
        self._update_actions()
        self._update_status()

    def _on_changed(self, change: Change) -> None:
        for page in self.pages.values():
            page.on_changed(change)
        self._update_status()
        if change.action:
            self.statusBar().showMessage(change.action, 4000)

    @staticmethod
    def _where(store: PlanStore) -> str:
        """What reopens the plan: its file (absolute) or its shared address."""
        return store.location if store.shared else str(store.path.resolve())

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
        self.path_label.setToolTip(
            self.tr(
                "A shared plan: every change is saved at once on the server, and the changes"
                " of others appear within seconds."
            )
            if store.shared
            else self.tr("Every change is saved at once in this file.")
        )
        number = store.last_change_id()
        self.change_label.setText(self.tr("Saved · change no. %s") % self.formats.number(number))

    def new_plan(self) -> None:
        store = self.plan_dialogs.new_plan(self)
        if store is not None:
            self.ctrl.adopt(store)
            self.show_page("overview")

    def new_demo(self) -> None:
        from planner.demo import build_demo
        from ui.dialogs.plan import documents_folder

        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the demo plan as"),
            str(documents_folder() / "tegucigalpa-2023-demo.dplan"),
            self.tr("Plans (*.dplan)"),
        )
        if not path:
            return
        if not path.lower().endswith(".dplan"):
            path += ".dplan"
        if self.ctrl.path is not None and Path(path).resolve() == self.ctrl.path.resolve():
            self.ctrl.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = build_demo(path, overwrite=True)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.ctrl.adopt(store)
        self.show_page("overview")

    def open_dialog(self) -> None:
        from ui.dialogs.plan import documents_folder

        start = str(self.ctrl.path.parent) if self.ctrl.path else str(documents_folder())
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Open a plan"), start, self.tr("Plans (*.dplan);;All files (*)")
        )
        if path:
            self.open_path(path)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_plans()
        for i, path in enumerate(recent):
            name = path if is_address(path) else Path(path).name
            text = f"&{i + 1} {name}" if i < 9 else name
            action = menu.addAction(text, lambda p=path: self.open_path(p))
            action.setStatusTip(path)
            action.setEnabled(is_address(path) or Path(path).exists())
        if recent:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Recent"), self._clear_recent)
        clear.setEnabled(bool(recent))
        self.welcome.refresh(recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent()

    # shared plans
    def ask_password(self, message: str) -> str | None:
        """The server's password, asked for once; kept by the open plan only, never saved."""
        text, ok = QInputDialog.getText(
            self, self.tr("Password"), message, QLineEdit.EchoMode.Password
        )
        return text if ok else None

    def open_shared_dialog(self) -> bool:
        """File ▸ Open Shared Plan: the server, database and login of a team's plan."""
        from ui.dialogs.shared import ConnectDialog

        last = next((p for p in self.settings.recent_plans() if is_address(p)), "")
        dialog = ConnectDialog(
            self.tr("Open a shared plan"),
            self.tr("&Open"),
            self.tr(
                "A shared plan is kept on a PostgreSQL server: everyone who opens it edits"
                " the same plan, and sees the others' changes within seconds."
            ),
            self,
            last,
        )
        if not dialog.exec():
            return False
        return self.open_path(dialog.address(), dialog.typed_password())

    def publish_dialog(self) -> bool:
        """File ▸ Publish to a Server: this plan, copied whole to an empty database."""
        from planner.store.shared import publish
        from ui.dialogs.shared import ConnectDialog
        from ui.session.worker import message_of, run_task

        store = self.ctrl.store
        if store is None:
            return False
        dialog = ConnectDialog(
            self.tr("Publish to a server"),
            self.tr("&Publish"),
            self.tr(
                "The plan is copied whole (people, agenda, budget and history) to an empty"
                " database, which the server's administrator creates. Then the team opens"
                " it with File ▸ Open Shared Plan. This file stays as it is."
            ),
            self,
        )
        result: dict[str, Any] = {}
        while dialog.exec():
            address, password = dialog.address(), dialog.typed_password()
            run_task(
                self,
                self.tr("Publishing the plan…"),
                lambda progress, a=address, p=password: publish(
                    store, a, password=p, progress=progress
                ),
                lambda count: result.update(count=count),
                lambda exc: result.update(error=exc),
                cancellable=False,
                wait=True,
            )
            error = result.pop("error", None)
            if error is None:
                break
            dialog.show_message(message_of(error))
        else:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Published"),
            self.tr(
                "The plan is on the server (%1 rows). Open the shared plan now? From then"
                " on your changes go to the server."
            ).replace("%1", str(result["count"])),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_path(address, password)
        return True

    def show_history(
        self, entity: str | None = None, entity_id: int | None = None, title: str = ""
    ) -> None:
        """Plan ▸ History: who changed what and when (or one item's history)."""
        from ui.dialogs.shared import HistoryDialog

        store = self.ctrl.store
        if store is None:
            return
        try:
            dialog = HistoryDialog(store, self.formats, self, entity, entity_id, title)
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_history = dialog
        dialog.open()

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

    def _resolve_conflict(self, error: Any, mine: dict[str, Any], labels: dict[str, str]) -> str:
        """Someone else changed the item: keep mine or take theirs."""
        from ui.dialogs.shared import ConflictDialog

        dialog = ConflictDialog(error, mine, labels, QApplication.activeModalWidget() or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choice = dialog.exec()
        return {ConflictDialog.KEEP: "keep", ConflictDialog.TAKE: "take"}.get(choice, "")

    def save_copy_as(self) -> None:
        store = self.ctrl.store
        if store is None:
            return
        suggestion = store.path.with_name(f"{store.path.stem} copy.dplan")
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy of the plan"), str(suggestion), self.tr("Plans (*.dplan)")
        )
        if not path:
            return
        if not path.lower().endswith(".dplan"):
            path += ".dplan"
        self.save_copy_to(path)

    def save_copy_without_personal_data(self, path: str | Path | None = None) -> bool:
        """File ▸ Save a Copy Without Personal Data: the plan to share with a partner."""
        from planner.store.privacy import copy_without_personal_data

        store = self.ctrl.store
        if store is None:
            return False
        if path is None:
            suggestion = store.path.with_name(
                self.tr("%s without personal data.dplan").replace("%s", store.path.stem)
            )
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Save a copy without personal data"),
                str(suggestion),
                self.tr("Plans (*.dplan)"),
            )
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".dplan") else chosen + ".dplan"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            copy_without_personal_data(store, path)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(str(exc), self.tr("The copy was not written"))
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr(
                "Copy without identity numbers, birth dates and phone numbers saved to %s."
                " You are still working in %s."
            )
            .replace("%s", str(path), 1)
            .replace("%s", store.display_name, 1),
            8000,
        )
        return True

    def save_copy_to(self, path: str | Path) -> bool:
        store = self.ctrl.require()
        try:
            store.save_copy(Path(path))
        except PlannerError as exc:
            self.show_error(str(exc))
            return False
        self.statusBar().showMessage(
            self.tr("Copy saved to %s. You are still working in %s.")
            .replace("%s", str(path), 1)
            .replace("%s", store.display_name, 1),
            8000,
        )
        return True

    def generate_rotation(self) -> None:
        if self.ctrl.store is not None:
            self.show_page("calendar")
            self.pages["calendar"].generate_rotation()

    def import_file(self, path: str | None = None) -> Any:
        """File ▸ Import: the wizard; afterwards the page of what was imported is shown."""
        from ui.dialogs.importer import ImportWizard

        if self.ctrl.store is None:
            return None
        wizard = ImportWizard(self.ctrl, self, path)
        if wizard.exec() and wizard.batch is not None:
            people = wizard.people()
            self.show_page("people" if people else "sessions")
            table = "person" if people else "agenda_session"
            ids = wizard.batch.created.get(table, [])
            updated = [i for k, i, *_r in wizard.batch.updated if k in ("person", "session")]
            panel = self.pages["people" if people else "sessions"].active_panel()
            if panel is not None:
                panel.refresh()
                panel.select_ids(ids or updated)
            self.statusBar().showMessage(wizard.outcome or wizard.batch.label, 8000)
        return wizard

    # File ▸ Export Agenda List…, Vehicle Manifests…, Host Clearance List…, Budget…, Per Diem
    # Payment Sheet…: the Export dialog with that kind chosen, so each is written like every
    # other export (off the GUI thread, personal data as Preferences say, never onto a plan)
    def export_agenda(self) -> Any:
        return self.show_export("agenda")

    def export_manifests(self) -> Any:
        return self.show_export("manifests")

    def export_budget(self) -> Any:
        return self.show_export("budget")

    def export_perdiem(self) -> Any:
        return self.show_export("perdiem")

    def export_clearance(self) -> Any:
        """The clearance list of the site visit selected on the Site visits page, if any."""
        selected: list[int] = []
        if self.pages.built("site_visits"):
            page = self.pages["site_visits"]
            panel = page.panels[0] if getattr(page, "panels", None) else None
            selected = panel.selected_ids() if panel is not None else []
        return self.show_export("clearance", visit=selected[0] if selected else None)

    def show_export(self, kind: str | None = None, visit: int | None = None) -> Any:
        """File ▸ Export…: every export in one dialog (``kind`` chosen first; ``visit``: the
        site visit of a clearance list)."""
        from ui.dialogs.export import ExportDialog

        if self.ctrl.store is None:
            return None
        dialog = ExportDialog(self.ctrl, self.settings, self.formats, self, kind)
        if visit is not None:
            dialog.choose_visit(visit)
        dialog.exec()
        return dialog

    def record_attendance(self, session_id: int | None = None) -> Any:
        """Plan ▸ Record Attendance…: for the session selected on the calendar or the
        Sessions page, or the first one."""
        from ui.dialogs.attendance import AttendanceDialog

        if self.ctrl.store is None:
            return None
        if session_id is None:
            session_id = self._selected_session()
        dialog = AttendanceDialog(self.ctrl, self.formats, self, session_id)
        dialog.exec()
        return dialog

    def _selected_session(self) -> int | None:
        page = self.current_page()
        if self.pages.built("calendar") and page is self.pages["calendar"]:
            chosen = sorted(page.grid.selected)
            return chosen[0] if len(chosen) == 1 else None
        if self.pages.built("sessions") and page is self.pages["sessions"]:
            panel = page.active_panel()
            ids = panel.selected_ids() if panel is not None else []
            return ids[0] if len(ids) == 1 else None
        return None

    @property
    def printing(self) -> Any:
        if getattr(self, "_printing", None) is None:
            from ui.shell.printing import CalendarPrinting

            self._printing = CalendarPrinting(self)
        return self._printing

    def print_calendar(self) -> None:
        """File ▸ Print…: the calendar's current view on one landscape page."""
        if self.ctrl.store is not None:
            self.printing.print_dialog(self)

    def print_preview(self) -> None:
        if self.ctrl.store is not None:
            self.printing.preview_dialog(self).exec()

    def split_groups(self) -> None:
        from ui.dialogs.people_tools import SplitDialog

        if self.ctrl.store is None:
            return
        dialog = SplitDialog(self.ctrl, self)
        if dialog.exec():
            self.show_page("groups")
            panel = self.pages["groups"].active_panel()
            if panel is not None:
                panel.refresh()
                panel.select_ids(dialog.result_ids)

    def arrivals_board(self) -> None:
        from ui.dialogs.journey import ArrivalsDialog

        if self.ctrl.store is not None:
            ArrivalsDialog(self.ctrl, self.formats, self).exec()

    def show_journey(self, panel: Any = None, unit: str = "person") -> Any:
        """One person's or delegation's journey: the selected one of a list (``unit`` says
        which: "person", "delegation", or "person_id" for the person of a selected row)."""
        from ui.dialogs.journey import ScheduleDialog

        if self.ctrl.store is None:
            return None
        who = None
        ids = panel.selected_ids() if panel is not None else []
        if ids:
            if unit == "person_id":
                row = panel.model.row_of_id(ids[0])
                who = ("person", panel.model.row_object(row).person_id)
            else:
                who = (unit, ids[0])
        dialog = ScheduleDialog(self.ctrl, self.formats, who, self)

        def open_item(kind: str, item_id: int) -> None:
            editor = self.editor.open(dialog, kind, item_id)
            if editor is not None:
                editor.exec()

        dialog.open_item.connect(open_item)
        dialog.exec()
        return dialog

    def merge_people(self, only: list[int] | None = None) -> None:
        from ui.dialogs.people_tools import MergeDialog

        if self.ctrl.store is None:
            return
        MergeDialog(self.ctrl, self.formats, self, only).exec()

    def copy_with_new_dates(self) -> None:
        from ui.dialogs.plan import CopyPlanDialog

        if self.ctrl.store is None:
            return
        dialog = CopyPlanDialog(self.ctrl, self.formats, self)
        if not dialog.exec() or dialog.created is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Copy made"),
            self.tr("The copy is saved as %s. Open it now? (This plan closes; it is saved.)")
            % dialog.created.path,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctrl.adopt(dialog.created)
        else:
            dialog.created.close()

    def edit_plan_details(self) -> None:
        if self.ctrl.store is not None:
            self.plan_dialogs.edit_details(self)

    def close_plan(self) -> None:
        self.ctrl.close()
        self.settings.set(opt.LAST_PLAN, "")

    def refresh_all(self) -> None:
        if not self.ctrl.poll():
            for page in self.pages.values():
                page.on_changed(None)
        self._update_status()

    def preferences(self) -> None:
        from ui.dialogs.plan import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            dialog.save()
            self.apply_preferences()

    def apply_preferences(self) -> None:
        """Apply changed preferences at once: rebuilds the pages in the new language."""
        from ui.translation import effective_language, install

        install(effective_language(self.settings.get(opt.LANGUAGE)), self.settings.get(opt.REGION))
        self.formats = Formats.from_settings(self.settings)
        self.ctrl.set_poll_interval(self.settings.get(opt.POLL_SECONDS))
        current = PAGE_NAMES[self.nav.currentRow()] if self.nav.currentRow() >= 0 else None
        for action in getattr(self, "_actions", {}).values():
            self.removeAction(action)
            action.deleteLater()
        for menu in self.menuBar().findChildren(QMenu):
            menu.deleteLater()
        if self._editor is not None:
            self._editor.deleteLater()
        self._build()
        self.watcher.full()  # the problems in the new language
        if self.ctrl.store is not None:
            for page in self.pages.values():
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
        if target is None or not self.open_path(target):
            self._on_closed()

    def dragEnterEvent(self, event: Any) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].toLocalFile().lower().endswith(".dplan"):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        urls = event.mimeData().urls()
        if urls:
            path = urls[0].toLocalFile()
            QTimer.singleShot(0, lambda: self.open_path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(opt.GEOMETRY, self.saveGeometry())
        self.settings.set(opt.STATE, self.saveState())
        if self.ctrl.store is not None:
            self.settings.set(opt.LAST_PLAN, self._where(self.ctrl.store))
        self.settings.sync()
        self.ctrl.close()
        super().closeEvent(event)
