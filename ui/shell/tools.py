"""The window's tools beyond editing a list: import, the Export dialog (and the File menu's
entries that open it on one kind), printing the calendar, and the Plan menu's rotation, group
splitting, merging people, journeys, arrivals and attendance; and the buttons some lists get
for them (People: duplicates, merge, journey; Groups: split; Travel: arrivals, journey;
Delegations: journey)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from planner import queries
from planner.domain.labels import GONE_STATUSES
from ui.pages.lists.panel import ListPage, ListPanel
from ui.shell.protocols import Shell

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from ui.dialogs.attendance import AttendanceDialog
    from ui.dialogs.checkin import CheckinDialog
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.importer import ImportWizard
    from ui.dialogs.journey import ScheduleDialog
    from ui.dialogs.printing import CalendarPrinting
    from ui.dialogs.results import ResultsDialog


class Tools(QObject):
    """Opens the window's (``shell``'s) tools, each on what is selected where it applies."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.window())
        self.shell = shell
        self.window = shell.window()  # the parent of the dialogs
        self.ctrl = shell.ctrl
        self.settings = shell.settings
        self._printing: CalendarPrinting | None = None
        self.checkin_dialog: CheckinDialog | None = None  # the desk at the door, when open

    # the tools of some lists
    def add_page_tools(self, name: str, page: ListPage) -> ListPage:
        """Give the main list of page ``name`` its tools (buttons and context menu)."""
        panel = page.panels[0]
        if name == "people":
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
            panel.add_tool(
                self.tr("Replace With…"),
                lambda: self.substitute(panel.selected_ids()),
                self.tr(
                    "Put someone else in the selected person's place from a day on: groups,"
                    " sessions, rides and hotel stay"
                ),
                button=False,
                fewest_selected=1,
            )
            panel.add_tool(
                self.tr("Duty of Care…"),
                lambda: self.duty_of_care(panel.selected_ids()),
                self.tr(
                    "Whom to call in an emergency, insurance, travel document, visa and travel"
                    " security clearance of the selected person"
                ),
                button=False,
                fewest_selected=1,
            )
            self._journey_tool(panel, "person")
        elif name == "groups":
            panel.add_tool(
                self.tr("Split into Groups…"),
                self.split_groups,
                self.tr("Share the people of a delegation out into balanced groups"),
            )
        elif name == "travel":
            panel.add_tool(
                self.tr("Arrivals and Transfers…"),
                self.arrivals_board,
                self.tr("Arrivals and departures by day, and the airport transfers still needed"),
            )
            self._journey_tool(panel, "person_id")
        elif name == "delegations":
            self._journey_tool(panel, "delegation")
        return page

    def _journey_tool(self, panel: ListPanel, unit: str) -> None:
        panel.add_tool(
            self.tr("Journey…"),
            lambda: self.show_journey(panel, unit),
            self.tr(
                "Everything on the selected journey: flights, transfers, hotel, sessions and stops"
            ),
            fewest_selected=1,
        )

    # import and export
    def import_file(self, path: str | None = None) -> ImportWizard | None:
        """File ▸ Import: the wizard; afterwards the page of what was imported is shown."""
        from ui.dialogs.importer import ImportWizard

        if self.ctrl.store is None:
            return None
        wizard = ImportWizard(self.ctrl, self.window, path)
        if wizard.exec() and wizard.batch is not None:
            people = wizard.people()
            self.shell.show_page("people" if people else "sessions")
            table = "person" if people else "agenda_session"
            ids = wizard.batch.created.get(table, [])
            updated = [i for k, i, *_r in wizard.batch.updated if k in ("person", "session")]
            panel = self.shell.pages.list_page("people" if people else "sessions").active_panel()
            if panel is not None:
                panel.refresh()
                panel.select_ids(ids or updated)
            self.shell.statusBar().showMessage(wizard.outcome or wizard.batch.label, 8000)
        return wizard

    # File ▸ Export Agenda List…, Vehicle Manifests…, Host Clearance List…, Budget…, Per Diem
    # Payment Sheet…: the Export dialog with that kind chosen, so each is written like every
    # other export (off the GUI thread, personal data as Preferences say, never onto a plan)
    def export_agenda(self) -> ExportDialog | None:
        return self.show_export("agenda")

    def export_manifests(self) -> ExportDialog | None:
        return self.show_export("manifests")

    def export_budget(self) -> ExportDialog | None:
        return self.show_export("budget")

    def export_perdiem(self) -> ExportDialog | None:
        return self.show_export("perdiem")

    def export_clearance(self) -> ExportDialog | None:
        """The clearance list of the site visit selected on the Site visits page, if any."""
        selected: list[int] = []
        if self.shell.pages.built("site_visits"):
            selected = self.shell.pages.list_page("site_visits").panels[0].selected_ids()
        return self.show_export("clearance", visit=selected[0] if selected else None)

    def show_export(self, kind: str | None = None, visit: int | None = None) -> ExportDialog | None:
        """File ▸ Export…: every export in one dialog (``kind`` chosen first; ``visit``: the
        site visit of a clearance list)."""
        from ui.dialogs.export import ExportDialog

        if self.ctrl.store is None:
            return None
        dialog = ExportDialog(self.ctrl, self.settings, self.shell.formats, self.window, kind)
        if visit is not None:
            dialog.choose_visit(visit)
        dialog.exec()
        return dialog

    # printing
    @property
    def printing(self) -> CalendarPrinting:
        if self._printing is None:
            from ui.dialogs.printing import CalendarPrinting

            self._printing = CalendarPrinting(self.shell)
        return self._printing

    def print_calendar(self) -> None:
        """File ▸ Print…: the calendar's current view on one landscape page."""
        if self.ctrl.store is not None:
            self.printing.print_dialog(self.window)

    def print_preview(self) -> None:
        if self.ctrl.store is not None:
            self.printing.preview_dialog(self.window).exec()

    # the Plan menu
    def generate_rotation(self) -> None:
        from ui.pages.calendar import CalendarPage

        if self.ctrl.store is not None:
            self.shell.show_page("calendar")
            calendar = self.shell.pages["calendar"]
            assert isinstance(calendar, CalendarPage)
            calendar.generate_rotation()

    def record_attendance(self, session_id: int | None = None) -> AttendanceDialog | None:
        """Plan ▸ Record Attendance…: for the session selected on the calendar or the
        Sessions page, or the first one."""
        from ui.dialogs.attendance import AttendanceDialog

        if self.ctrl.store is None:
            return None
        if session_id is None:
            session_id = self._selected_session()
        dialog = AttendanceDialog(self.ctrl, self.shell.formats, self.window, session_id)
        dialog.exec()
        return dialog

    def check_in(self) -> CheckinDialog | None:
        """Plan ▸ Check-in…: the desk at the door (not modal: the window stays usable)."""
        from ui.dialogs.checkin import CheckinDialog

        if self.ctrl.store is None:
            return None
        dialog = CheckinDialog(self.ctrl, self.shell.formats, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.checkin_dialog = dialog
        return dialog

    def test_results(self) -> ResultsDialog | None:
        """Plan ▸ Test Results…: the trainees' scores, typed."""
        from ui.dialogs.results import ResultsDialog

        if self.ctrl.store is None:
            return None
        dialog = ResultsDialog(self.ctrl, self.shell.formats, self.window, self.shell.editor)
        dialog.exec()
        return dialog

    def _selected_session(self) -> int | None:
        from ui.pages.calendar import CalendarPage

        page = self.shell.current_page()
        pages = self.shell.pages
        if pages.built("calendar") and page is pages["calendar"]:
            assert isinstance(page, CalendarPage)
            chosen = sorted(page.grid.selected)
            return chosen[0] if len(chosen) == 1 else None
        if pages.built("sessions") and page is pages["sessions"]:
            panel = pages.list_page("sessions").active_panel()
            ids = panel.selected_ids() if panel is not None else []
            return ids[0] if len(ids) == 1 else None
        return None

    def split_groups(self) -> None:
        from ui.dialogs.people_tools import SplitDialog

        if self.ctrl.store is None:
            return
        dialog = SplitDialog(self.ctrl, self.window)
        if dialog.exec():
            self.shell.show_page("groups")
            panel = self.shell.pages.list_page("groups").active_panel()
            if panel is not None:
                panel.refresh()
                panel.select_ids(dialog.result_ids)

    def merge_people(self, only: list[int] | None = None) -> None:
        from ui.dialogs.people_tools import MergeDialog

        if self.ctrl.store is None:
            return
        MergeDialog(self.ctrl, self.shell.formats, self.window, only).exec()

    def duty_of_care(self, selected: list[int]) -> None:
        """People ▸ Duty of Care…: the first selected person's."""
        if self.ctrl.store is None or not selected:
            return
        dialog = self.shell.editor.open(self.window, "person", selected[0], view="duty")
        if dialog is not None:
            dialog.exec()

    def substitute(self, selected: list[int]) -> None:
        """People ▸ Replace With…: the first selected person, replaced by someone chosen."""
        from ui.dialogs.substitute import SubstituteDialog

        store = self.ctrl.store
        if store is None or not selected:
            return
        everyone = queries.people(store)
        names = {p.id: p.name for p in everyone}
        coming = [(p.id, p.name) for p in everyone if p.status not in GONE_STATUSES]
        SubstituteDialog(
            self.ctrl,
            self.shell.formats,
            selected[0],
            names.get(selected[0], ""),
            coming,
            self.window,
        ).exec()

    def arrivals_board(self) -> None:
        from ui.dialogs.journey import ArrivalsDialog

        if self.ctrl.store is not None:
            ArrivalsDialog(self.ctrl, self.shell.formats, self.window).exec()

    def show_journey(
        self, panel: ListPanel | None = None, unit: str = "person"
    ) -> ScheduleDialog | None:
        """One person's or delegation's journey: the selected one of a list (``unit`` says
        which: "person", "delegation", or "person_id" for the person of a selected row)."""
        from ui.dialogs.journey import ScheduleDialog

        if self.ctrl.store is None:
            return None
        who = None
        ids = panel.selected_ids() if panel is not None else []
        if panel is not None and ids:
            if unit == "person_id":
                row = panel.model.row_of_id(ids[0])
                who = ("person", panel.model.row_object(row).person_id)
            else:
                who = (unit, ids[0])
        dialog = ScheduleDialog(self.ctrl, self.shell.formats, who, self.window)

        def open_item(kind: str, item_id: int) -> None:
            editor = self.shell.editor.open(dialog, kind, item_id)
            if editor is not None:
                editor.exec()

        dialog.open_item.connect(open_item)
        dialog.exec()
        return dialog
