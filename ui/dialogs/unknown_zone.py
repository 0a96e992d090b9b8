"""A plan in a time zone this computer does not know: the core's message, and the way out as a
button. *Copy in a Known Zone…* makes a copy of the plan on its own dates in a zone chosen
from the ones that ship with the program (``planner.operations.copy_in_zone``, in the background),
then opens the copy. The plan itself is only read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import UnknownZoneError
from planner.domain.reference import default_timezone
from planner.queries.summary import plan_country
from planner.store import open_plan
from ui.dialogs.editors.common import zone_items
from ui.session.deferred import operations
from ui.session.worker import Progress, message_of, run_task
from ui.widgets.fields import SearchCombo

if TYPE_CHECKING:  # a type only: the window hands itself over
    from ui.shell.protocols import Shell

DEFAULT_ZONE = "America/Tegucigalpa"


class ZoneChoice(QDialog):
    """Which zone the copy is planned in (the zone is searchable by any part of its name)."""

    def __init__(self, parent: QWidget | None, zones: list[str], suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy in a Known Zone"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The copy keeps the plan's dates and every time of day; it is planned in the zone"
                " you choose. The plan itself is not changed.\nUnknown here: %1"
            ).replace("%1", ", ".join(zones))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.zone = SearchCombo(zone_items(), None, self)
        self.zone.setObjectName("zone")
        found = self.zone.findData(suggested)
        self.zone.setCurrentIndex(max(found, 0))
        label = QLabel(self.tr("Time &zone"))
        label.setBuddy(self.zone)
        form.addRow(label, self.zone)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def value(self) -> str:
        return str(self.zone.currentData() or "")


class UnknownZoneBox(QMessageBox):
    """The core's message with Copy in a Known Zone… and Close."""

    def __init__(self, window: Shell, error: UnknownZoneError) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            self.tr("The plan's time zone is unknown here"),
            str(error),
            QMessageBox.StandardButton.NoButton,
            window.window(),
        )
        self.setObjectName("unknown_zone_box")
        self.window_ = window
        self.error = error
        self.copy_button = self.addButton(
            self.tr("&Copy in a Known Zone…"), QMessageBox.ButtonRole.ActionRole
        )
        self.addButton(QMessageBox.StandardButton.Close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.copy_button:
            copy_in_known_zone(self.window_, self.error)


def show_unknown_zone(window: Shell, error: UnknownZoneError) -> UnknownZoneBox:
    """Say which zone is unknown and offer the copy (window-modal, never blocks a test)."""
    window.last_error = str(error)
    box = UnknownZoneBox(window, error)
    window.last_unknown_zone = box
    box.open()
    return box


def _suggested_zone(path: Path) -> str:
    """The zone of the plan's country where it has one, else Tegucigalpa's."""
    try:
        store = open_plan(path, read_only=True, check_zones=False)
    except Exception:  # the suggestion is a courtesy: any zone can be chosen
        return DEFAULT_ZONE
    try:
        country = plan_country(store)
    finally:
        store.close()
    return default_timezone(country) or DEFAULT_ZONE


def copy_in_known_zone(
    window: Shell,
    error: UnknownZoneError,
    zone: str | None = None,
    target: str | Path | None = None,
) -> bool:
    """Ask the zone and where (unless given), copy in the background, open the copy."""
    source = Path(error.path)
    if zone is None:
        choice = ZoneChoice(window.window(), error.zones, _suggested_zone(source))
        if choice.exec() != QDialog.DialogCode.Accepted or not choice.value():
            return False
        zone = choice.value()
    if target is None:
        suggestion = source.with_name(
            QCoreApplication.translate("UnknownZoneBox", "%1 (copy).dplan").replace(
                "%1", source.stem
            )
        )
        chosen, _f = QFileDialog.getSaveFileName(
            window.window(),
            QCoreApplication.translate("UnknownZoneBox", "Save the copy as"),
            str(suggestion),
            QCoreApplication.translate("UnknownZoneBox", "Plans (*.dplan)"),
        )
        if not chosen:
            return False
        target = chosen if chosen.lower().endswith(".dplan") else chosen + ".dplan"
    result: dict[str, Any] = {}
    chosen_zone = zone

    def work(_progress: Progress) -> Path:
        # the file dialog asked before replacing a file; a given target is the caller's choice
        operations.copy_in_zone(source, Path(str(target)), chosen_zone, overwrite=True).close()
        return Path(str(target))

    run_task(
        window.window(),
        QCoreApplication.translate("UnknownZoneBox", "Copying the plan…"),
        work,
        lambda done: result.update(done=done),
        lambda exc: result.update(error=exc),
        cancellable=False,
        wait=True,
    )
    if "error" in result:
        window.show_error(
            message_of(result["error"]),
            QCoreApplication.translate("UnknownZoneBox", "The copy was not made"),
        )
        return False
    return bool(window.files.open_path(result["done"]))
