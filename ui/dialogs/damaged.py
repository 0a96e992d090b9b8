"""A damaged plan in the window: what is wrong and the way back, as buttons. *Open the
Backup* opens the newest backup copy beside it; *Recover…* saves what can still be read in a
new plan (planner.store.recovery, in the background), says what was lost, and opens the new plan.
The damaged file is never changed. The words and the rules are the core's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from planner.domain.errors import DamagedPlanError
from planner.store.integrity import recovery_name
from planner.store.recovery import recover
from ui.session.worker import message_of, run_task

if TYPE_CHECKING:  # a type only: the window hands itself over
    from ui.shell.protocols import Shell


class DamagedBox(QMessageBox):
    """The damaged message with Recover…, Open the Backup (when there is one) and Close."""

    def __init__(self, window: Shell, error: DamagedPlanError) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            self.tr("The plan is damaged"),
            error.summary
            + "\n\n"
            + self.tr(
                "Recover… saves what can still be read in a new plan and tells"
                " you what could not be; the damaged file is not changed."
            ),
            QMessageBox.StandardButton.NoButton,
            window.window(),
        )
        self.setObjectName("damaged_box")
        self.window_ = window
        self.error = error
        self.recover_button = self.addButton(
            self.tr("&Recover…"), QMessageBox.ButtonRole.ActionRole
        )
        self.backup_button = None
        if error.backup:
            self.backup_button = self.addButton(
                self.tr("Open the &Backup"), QMessageBox.ButtonRole.ActionRole
            )
        self.addButton(QMessageBox.StandardButton.Close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.recover_button:
            recover_plan(self.window_, Path(self.error.path))
        elif button is self.backup_button and self.error.backup:
            self.window_.files.open_path(self.error.backup)


def show_damaged(window: Shell, error: DamagedPlanError) -> DamagedBox:
    """Say the plan is damaged and offer the way back (window-modal, never blocks a test)."""
    window.last_error = error.summary
    box = DamagedBox(window, error)
    window.last_damaged = box
    box.open()
    return box


def recover_plan(window: Shell, damaged: Path, target: str | Path | None = None) -> bool:
    """Recover… : ask where (unless ``target``), recover in the background, report, open."""
    if target is None:
        chosen, _f = QFileDialog.getSaveFileName(
            window.window(),
            QCoreApplication.translate("DamagedBox", "Save what can be read in a new plan"),
            str(recovery_name(damaged)),
            QCoreApplication.translate("DamagedBox", "Plans (*.dplan)"),
        )
        if not chosen:
            return False
        target = chosen if chosen.lower().endswith(".dplan") else chosen + ".dplan"
    result: dict[str, Any] = {}
    # the file dialog asked before replacing a file; a given target is the caller's choice
    run_task(
        window.window(),
        QCoreApplication.translate("DamagedBox", "Recovering the plan…"),
        lambda progress: recover(damaged, Path(target), overwrite=True, progress=progress),
        lambda done: result.update(done=done),
        lambda exc: result.update(error=exc),
        cancellable=False,
        wait=True,
    )
    if "error" in result:
        window.show_error(
            message_of(result["error"]),
            QCoreApplication.translate("DamagedBox", "The plan could not be recovered"),
        )
        return False
    done = result["done"]
    report = QMessageBox(
        QMessageBox.Icon.Information if done.complete else QMessageBox.Icon.Warning,
        QCoreApplication.translate("DamagedBox", "Recovered"),
        "\n".join(done.lines()),
        QMessageBox.StandardButton.Ok,
        window.window(),
    )
    report.setObjectName("recovered_box")
    report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.last_recovery = done
    opened = bool(window.files.open_path(done.target))
    report.open()
    return opened
