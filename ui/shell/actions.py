"""The window's actions and menus: each action's text, shortcut, object name and status tip,
what it does (the window's, the plan files' or the tools'), the menus they are in, the Alt+letters
of the View menu's pages, and which actions need an open plan or a list to act on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from ui.shell.mnemonics import mnemonic_of, with_mnemonics
from ui.shell.navigation import PAGE_NAMES, page_shortcut
from ui.shell.plan_files import PlanFiles
from ui.shell.protocols import Shell
from ui.shell.tools import Tools

Slot = Callable[..., Any]
Shortcut = QKeySequence | QKeySequence.StandardKey | None

# the actions that do nothing without an open plan
NEED_PLAN = (
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
    "checkin",
    "results",
    "publish",
    "history",
)
# the Edit menu's actions on the list (or calendar) of the page shown
NEED_LIST = ("add", "edit", "delete", "copy_rows", "find")


class Actions(QObject):
    """Builds the window's (``shell``'s) actions and menu bar; :attr:`all` holds the actions
    by key ("new", "open", …, "page_people")."""

    def __init__(
        self, shell: Shell, files: PlanFiles, tools: Tools, page_titles: Mapping[str, str]
    ) -> None:
        super().__init__(shell.window())
        self.shell, self.files, self.tools = shell, files, tools
        self.window = shell.window()  # the parent of the actions and the recent menu
        self.all = self._build(page_titles)
        self.recent_menu = self._build_menus(self.all)
        files.fill_recent(self.recent_menu)

    def update(self, has_plan: bool, list_page: bool) -> None:
        """Enable what an open plan (and a page with a list) allows."""
        for key in NEED_PLAN:
            self.all[key].setEnabled(has_plan)
        for key in NEED_LIST:
            self.all[key].setEnabled(has_plan and list_page)
        for name in PAGE_NAMES:
            self.all[f"page_{name}"].setEnabled(has_plan)

    def _action(
        self, text: str, slot: Slot, shortcut: Shortcut = None, name: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        # (not given the action's "checked": it would land in a slot's first optional parameter)
        action.triggered.connect(lambda _checked=False: slot())
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

    def _build(self, titles: Mapping[str, str]) -> dict[str, QAction]:
        shell, files, tools = self.shell, self.files, self.tools
        a: dict[str, QAction] = {}
        a["new"] = self._action(
            self.tr("&New Plan…"),
            files.new_plan,
            QKeySequence.StandardKey.New,
            "action_new",
            self.tr("Create an empty plan file"),
        )
        a["demo"] = self._action(
            self.tr("New &Demo Plan…"),
            files.new_demo,
            None,
            "action_demo",
            self.tr("Write the Tegucigalpa 2023 demo plan and open it"),
        )
        a["open"] = self._action(
            self.tr("&Open…"), files.open_dialog, QKeySequence.StandardKey.Open, "action_open"
        )
        a["open_shared"] = self._action(
            self.tr("Open S&hared Plan…"),
            files.open_shared_dialog,
            QKeySequence("Ctrl+Shift+O"),
            "action_open_shared",
            self.tr("Open a plan kept on a PostgreSQL server, which a team edits together"),
        )
        a["publish"] = self._action(
            self.tr("P&ublish to a Server…"),
            files.publish_dialog,
            None,
            "action_publish",
            self.tr("Copy this plan to an empty database on a PostgreSQL server, for a team"),
        )
        a["history"] = self._action(
            self.tr("&History…"),
            lambda: files.show_history(),
            QKeySequence("Ctrl+Shift+H"),
            "action_history",
            self.tr("Who changed what and when"),
        )
        a["copy_as"] = self._action(
            self.tr("Save a Copy &As…"),
            files.save_copy_as,
            QKeySequence("Ctrl+Shift+S"),
            "action_copy_as",
            self.tr("Write a copy of the open plan to another file"),
        )
        a["copy_private"] = self._action(
            self.tr("Save a Copy &Without Personal Data…"),
            files.save_copy_without_personal_data,
            None,
            "action_copy_private",
            self.tr(
                "Write a copy with identity numbers, birth dates and phone numbers blanked,"
                " to share the plan with a partner"
            ),
        )
        a["details"] = self._action(
            self.tr("Plan Detail&s…"),
            files.edit_plan_details,
            QKeySequence("Ctrl+I"),
            "action_details",
        )
        a["close"] = self._action(
            self.tr("&Close Plan"), files.close_plan, QKeySequence.StandardKey.Close, "action_close"
        )
        a["quit"] = self._action(
            self.tr("&Quit"), shell.close, QKeySequence.StandardKey.Quit, "action_quit"
        )
        a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        undo = shell.ctrl.undo_stack.createUndoAction(self.window, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("action_undo")
        redo = shell.ctrl.undo_stack.createRedoAction(self.window, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        redo.setObjectName("action_redo")
        a["undo"], a["redo"] = undo, redo
        a["add"] = self._action(
            self.tr("&Add…"),
            lambda: shell.act_on_panel(lambda panel: panel.add_item()),
            QKeySequence("Ctrl+Shift+N"),
            "action_add",
        )
        a["edit"] = self._action(  # Enter and F2 edit too, in lists and the calendar
            self.tr("&Edit…"),
            lambda: shell.act_on_panel(lambda panel: panel.edit_item()),
            QKeySequence("Ctrl+E"),
            "action_edit",
        )
        a["delete"] = self._action(
            self.tr("&Delete…"),
            lambda: shell.act_on_panel(lambda panel: panel.delete_items()),
            QKeySequence(QKeySequence.StandardKey.Delete),
            "action_delete",
        )
        a["copy_rows"] = self._action(
            self.tr("&Copy Rows"),
            lambda: shell.act_on_panel(lambda panel: panel.copy_rows()),
            None,
            "action_copy_rows",
            self.tr("Copy the selected rows for a spreadsheet"),
        )
        a["find"] = self._action(
            self.tr("&Find"),
            lambda: shell.act_on_panel(lambda panel: panel.focus_search()),
            QKeySequence.StandardKey.Find,
            "action_find",
        )
        a["prefs"] = self._action(
            self.tr("&Preferences…"),
            shell.preferences,
            QKeySequence("Ctrl+,"),
            "action_preferences",
        )
        a["prefs"].setMenuRole(QAction.MenuRole.PreferencesRole)
        a["refresh"] = self._action(
            self.tr("&Refresh"),
            shell.refresh_all,
            QKeySequence.StandardKey.Refresh,
            "action_refresh",
            self.tr("Reload the plan, including changes made elsewhere"),
        )
        a["rotation"] = self._action(
            self.tr("&Generate Rotation…"),
            tools.generate_rotation,
            QKeySequence("Ctrl+R"),
            "action_rotation",
            self.tr("Plan every group through every module without clashes"),
        )
        a["copy_dates"] = self._action(
            self.tr("Cop&y Plan with New Dates…"),
            files.copy_with_new_dates,
            None,
            "action_copy_dates",
            self.tr("Copy the plan to new dates, as the template of the next exchange"),
        )
        a["import"] = self._action(
            self.tr("&Import…"),
            tools.import_file,
            QKeySequence("Ctrl+Shift+I"),
            "action_import",
            self.tr("Import people or an agenda from a spreadsheet"),
        )
        a["export"] = self._action(
            self.tr("E&xport…"),
            lambda: tools.show_export(),
            QKeySequence("Ctrl+Shift+E"),
            "action_export",
            self.tr(
                "Write itineraries, agendas, lists, certificates and more,"
                " for the whole plan or for whom you choose"
            ),
        )
        a["print"] = self._action(
            self.tr("Prin&t…"),
            tools.print_calendar,
            QKeySequence.StandardKey.Print,
            "action_print",
            self.tr("Print the calendar as it is shown: the day by room, or the whole plan by day"),
        )
        a["print_preview"] = self._action(
            self.tr("Print Pre&view…"),
            tools.print_preview,
            None,
            "action_print_preview",
            self.tr("See the calendar's page before printing it"),
        )
        a["attendance"] = self._action(
            self.tr("&Record Attendance…"),
            lambda: tools.record_attendance(),
            None,
            "action_attendance",
            self.tr("Tick who came to each session, so reports count who was trained"),
        )
        a["checkin"] = self._action(
            self.tr("Check-&in…"),
            lambda: tools.check_in(),
            QKeySequence("Ctrl+Shift+K"),
            "action_checkin",
            self.tr("A desk at the door: scan badges (or type names) as people come in"),
        )
        a["results"] = self._action(
            self.tr("Test Res&ults…"),
            lambda: tools.test_results(),
            None,
            "action_results",
            self.tr("Type the trainees' pre-test and post-test scores"),
        )
        a["export_agenda"] = self._action(
            self.tr("&Export Agenda List…"),
            tools.export_agenda,
            None,
            "action_export_agenda",
            self.tr(
                "Write the sessions to a workbook, one row each,"
                " that can be edited and imported back"
            ),
        )
        a["export_manifests"] = self._action(
            self.tr("Export Vehicle &Manifests…"),
            tools.export_manifests,
            None,
            "action_export_manifests",
            self.tr(
                "Write each vehicle's rides and passengers, one"
                " sheet per vehicle, for drivers and providers"
            ),
        )
        a["export_clearance"] = self._action(
            self.tr("Export Host C&learance List…"),
            tools.export_clearance,
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
            tools.export_budget,
            None,
            "action_export_budget",
            self.tr(
                "Write the budget workbook: summary by category and funding source, every"
                " line with live formulas, and the rates"
            ),
        )
        a["export_perdiem"] = self._action(
            self.tr("Export Per Diem &Payment Sheet…"),
            tools.export_perdiem,
            None,
            "action_export_perdiem",
            self.tr(
                "Write what each traveller is paid as per diem, with a line to sign on payment"
            ),
        )
        a["split"] = self._action(
            self.tr("Spli&t into Groups…"),
            tools.split_groups,
            None,
            "action_split",
            self.tr("Share the people of a delegation out into balanced groups"),
        )
        a["merge"] = self._action(
            self.tr("&Merge People Listed Twice…"),
            tools.merge_people,
            None,
            "action_merge",
            self.tr("Find people entered more than once and merge them"),
        )
        a["arrivals"] = self._action(
            self.tr("&Arrivals and Transfers…"),
            tools.arrivals_board,
            None,
            "action_arrivals",
            self.tr("Arrivals and departures by day, and the airport transfers still needed"),
        )
        a["journey"] = self._action(
            self.tr("&Journey…"),
            lambda: tools.show_journey(),
            None,
            "action_journey",
            self.tr(
                "One person's or delegation's flights, transfers, hotel"
                " and sessions in one timeline"
            ),
        )
        a["problems"] = self._action(
            self.tr("&Problems"),
            shell.show_problems,
            QKeySequence("F8"),
            "action_problems",
            self.tr("Show the problems the conflict check found"),
        )
        a["about"] = self._action(
            self.tr("&About Delegation Planner"), shell.about, None, "action_about"
        )
        a["about_qt"] = self._action(
            self.tr("About &Qt"), QApplication.aboutQt, None, "action_about_qt"
        )
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
                lambda _c=False, n=name: shell.show_page(n),
                page_shortcut(i),
                f"action_page_{name}",
            )
        return a

    def _build_menus(self, a: dict[str, QAction]) -> QMenu:
        """The menu bar; returns File ▸ Open Recent (filled as it opens)."""
        bar = self.shell.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(a["new"])
        file_menu.addAction(a["demo"])
        file_menu.addAction(a["open"])
        recent_menu = QMenu(self.tr("Open &Recent"), self.window)
        recent_menu.setObjectName("menu_recent")
        recent_menu.aboutToShow.connect(lambda: self.files.fill_recent(recent_menu))
        file_menu.addMenu(recent_menu)
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
            "checkin",
            "results",
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
        return recent_menu
