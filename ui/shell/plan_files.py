"""The File menu's plan files: new, open (a file, a recent one, a shared plan on a server),
the demo, save a copy (as it is, without personal data, or on new dates), publish to a server,
close; and Plan ▸ History and Plan Details. What a plan shows once open is the window's."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
)

from planner.domain.errors import DamagedPlanError, PasswordNeeded, PlannerError, UnknownZoneError
from planner.domain.i18n import current_language
from planner.store import PlanStore, is_address
from ui import settings as opt
from ui.session.deferred import privacy
from ui.session.worker import Progress, message_of, run_task
from ui.shell.protocols import Shell

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from ui.dialogs.plan import PlanDialogs
    from ui.dialogs.shared import HistoryDialog


def reopen_location(store: PlanStore) -> str:
    """What reopens the plan: its file (absolute) or its shared address."""
    return store.location if store.shared else str(store.path.resolve())


class PlanFiles(QObject):
    """Opens, creates, copies, publishes and closes plans for the window (``shell``)."""

    recent_changed = Signal(list)  # the recent plans, as File ▸ Open Recent lists them

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.window())
        self.shell = shell
        self.window = shell.window()  # the parent of the dialogs
        self.ctrl = shell.ctrl
        self.settings = shell.settings
        self._plan_dialogs: PlanDialogs | None = None
        self.last_history: HistoryDialog | None = None  # the history shown last

    # opening
    def open_path(self, path: str | Path, password: str | None = None) -> bool:
        """Open a plan file or a shared plan's address (asking for the server's password when
        neither it nor the .pgpass file has one)."""
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
                self.recent_changed.emit(self.settings.recent_plans())
            if isinstance(exc, DamagedPlanError):
                self.shell.show_damaged(exc)
            elif isinstance(exc, UnknownZoneError):
                from ui.dialogs.unknown_zone import show_unknown_zone

                show_unknown_zone(self.shell, exc)
            else:
                self.shell.show_error(str(exc), self.tr("The plan could not be opened"))
            return False
        QApplication.restoreOverrideCursor()
        if store.backup_path is not None:
            self.shell.statusBar().showMessage(
                self.tr("The plan was upgraded to this version's format; a backup copy is at %s")
                % store.backup_path,
                15000,
            )
        return True

    def new_plan(self) -> None:
        store = self.plan_dialogs.new_plan(self.window)
        if store is not None:
            self.ctrl.adopt(store)
            self.shell.show_page("overview")

    def new_demo(self) -> None:
        from planner.demo import build_demo
        from ui.dialogs.plan import documents_folder

        path, _f = QFileDialog.getSaveFileName(
            self.window,
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
            # the demo's own words in the window's language
            store = build_demo(path, overwrite=True, lang=current_language())
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            self.shell.show_error(str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.ctrl.adopt(store)
        self.shell.show_page("overview")

    def open_dialog(self) -> None:
        from ui.dialogs.plan import documents_folder

        start = str(self.ctrl.path.parent) if self.ctrl.path else str(documents_folder())
        path, _f = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a plan"), start, self.tr("Plans (*.dplan);;All files (*)")
        )
        if path:
            self.open_path(path)

    def fill_recent(self, menu: QMenu) -> None:
        """File ▸ Open Recent as it opens (and the welcome page's list)."""
        menu.clear()
        recent = self.settings.recent_plans()
        for i, path in enumerate(recent):
            name = path if is_address(path) else Path(path).name
            text = f"&{i + 1} {name}" if i < 9 else name
            action = menu.addAction(text, partial(self.open_path, path))
            action.setStatusTip(path)
            action.setEnabled(is_address(path) or Path(path).exists())
        if recent:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Recent"), lambda: self.clear_recent(menu))
        clear.setEnabled(bool(recent))
        self.recent_changed.emit(recent)

    def clear_recent(self, menu: QMenu) -> None:
        self.settings.clear_recent()
        self.fill_recent(menu)

    # shared plans
    def ask_password(self, message: str) -> str | None:
        """The server's password, asked for once; kept by the open plan only, never saved."""
        text, ok = QInputDialog.getText(
            self.window, self.tr("Password"), message, QLineEdit.EchoMode.Password
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
            self.window,
            last,
        )
        if not dialog.exec():
            return False
        return self.open_path(dialog.address(), dialog.typed_password())

    def publish_dialog(self) -> bool:
        """File ▸ Publish to a Server: this plan, copied whole to an empty database."""
        from planner.store.shared import publish
        from ui.dialogs.shared import ConnectDialog

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
            self.window,
        )
        result: dict[str, Any] = {}
        while dialog.exec():
            address, password = dialog.address(), dialog.typed_password()

            def task(progress: Progress, a: str = address, p: str | None = password) -> int:
                return publish(store, a, password=p, progress=progress)

            run_task(
                self.window,
                self.tr("Publishing the plan…"),
                task,
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
            self.window,
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
            dialog = HistoryDialog(store, self.shell.formats, self.window, entity, entity_id, title)
        except PlannerError as exc:
            self.shell.show_error(str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_history = dialog
        dialog.open()

    def resolve_conflict(self, error: Any, mine: dict[str, Any], labels: dict[str, str]) -> str:
        """Someone else changed the item: keep mine or take theirs."""
        from ui.dialogs.shared import ConflictDialog

        dialog = ConflictDialog(
            error, mine, labels, QApplication.activeModalWidget() or self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choice = dialog.exec()
        return {ConflictDialog.KEEP: "keep", ConflictDialog.TAKE: "take"}.get(choice, "")

    # copies of the plan
    def save_copy_as(self) -> None:
        store = self.ctrl.store
        if store is None:
            return
        suggestion = store.path.with_name(f"{store.path.stem} copy.dplan")
        path, _f = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save a copy of the plan"),
            str(suggestion),
            self.tr("Plans (*.dplan)"),
        )
        if not path:
            return
        if not path.lower().endswith(".dplan"):
            path += ".dplan"
        self.save_copy_to(path)

    def save_copy_without_personal_data(self, path: str | Path | None = None) -> bool:
        """File ▸ Save a Copy Without Personal Data: the plan to share with a partner."""
        store = self.ctrl.store
        if store is None:
            return False
        if path is None:
            suggestion = store.path.with_name(
                self.tr("%s without personal data.dplan").replace("%s", store.path.stem)
            )
            chosen, _f = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Save a copy without personal data"),
                str(suggestion),
                self.tr("Plans (*.dplan)"),
            )
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".dplan") else chosen + ".dplan"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            privacy.copy_without_personal_data(store, path)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            self.shell.show_error(str(exc), self.tr("The copy was not written"))
            return False
        QApplication.restoreOverrideCursor()
        self.shell.statusBar().showMessage(
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
            self.shell.show_error(str(exc))
            return False
        self.shell.statusBar().showMessage(
            self.tr("Copy saved to %s. You are still working in %s.")
            .replace("%s", str(path), 1)
            .replace("%s", store.display_name, 1),
            8000,
        )
        return True

    def copy_with_new_dates(self) -> None:
        from ui.dialogs.plan import CopyPlanDialog

        if self.ctrl.store is None:
            return
        dialog = CopyPlanDialog(self.ctrl, self.shell.formats, self.window)
        if not dialog.exec() or dialog.created is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Copy made"),
            self.tr("The copy is saved as %s. Open it now? (This plan closes; it is saved.)")
            % dialog.created.path,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctrl.adopt(dialog.created)
        else:
            dialog.created.close()

    # the open plan
    def edit_plan_details(self) -> None:
        if self.ctrl.store is not None:
            self.plan_dialogs.edit_details(self.window)

    def close_plan(self) -> None:
        self.ctrl.close()
        self.settings.set(opt.LAST_PLAN, "")

    def forget_dialogs(self) -> None:
        """The window was rebuilt (a new language, new formats): make the dialogs again."""
        if self._plan_dialogs is not None:
            self._plan_dialogs.deleteLater()
        self._plan_dialogs = None

    @property
    def plan_dialogs(self) -> PlanDialogs:
        """New plan and Plan Details (loaded on first use, which keeps start-up fast)."""
        if self._plan_dialogs is None:
            from ui.dialogs.plan import PlanDialogs

            self._plan_dialogs = PlanDialogs(self.ctrl, self.shell.formats, self)
        return self._plan_dialogs
