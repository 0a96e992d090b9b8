"""People ▸ Replace With…: someone sent in another's place, in one step that Edit ▸ Undo takes
back. The dialog shows, before anything changes, what the newcomer takes over from the day
chosen (groups, sessions, rides, the hotel stay) and what to do by hand (tickets)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.session.deferred import operations
from ui.widgets.fields import DateField, SearchCombo


class SubstituteDialog(QDialog):
    """Replace the person ``old`` with someone already in the plan, from a day on."""

    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        old: int,
        old_name: str,
        people: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats, self.old, self.old_name = ctrl, formats, old, old_name
        self.replaced = False
        self.setObjectName("substitute_dialog")
        self.setWindowTitle(self.tr("Replace %1").replace("%1", old_name))
        self.new = SearchCombo([p for p in people if p[0] != old], self.tr("(choose)"), self)
        self.new.setObjectName("substitute_new")
        self.new.setAccessibleName(self.tr("Who comes instead"))
        self.day = DateField(self, display_format=formats.date_pattern())
        self.day.setObjectName("substitute_day")
        self.day.set_value(operations.default_day(ctrl.require()))
        self.moved = QListWidget(self)
        self.moved.setObjectName("substitute_moved")
        self.moved.setAccessibleName(self.tr("What the newcomer takes over"))
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setObjectName("substitute_notes")
        explain = QLabel(
            self.tr(
                "From the day chosen, the newcomer takes %1's groups, sessions, rides and hotel"
                " stay; %1 keeps the attendance, nights and rides before it and stays in the plan"
                " as replaced. Tickets are personal: they stay %1's. Edit ▸ Undo takes it all"
                " back."
            ).replace("%1", old_name),
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Who comes instead:"), self.new)
        form.addRow(self.tr("&From:"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.replace = QPushButton(self.tr("&Replace"), self)
        self.replace.setObjectName("substitute_button")
        self.replace.setDefault(True)
        buttons.addButton(self.replace, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.do_replace)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What moves:"), self))
        layout.addWidget(self.moved, 1)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.new.edited.connect(self.preview)
        self.new.currentIndexChanged.connect(self.preview)
        self.day.edited.connect(self.preview)
        self.resize(720, 440)
        self.preview()

    def choice(self) -> tuple[int, date] | None:
        new, day = self.new.value(), self.day.value()
        return (int(new), day) if new is not None and day is not None else None

    def preview(self) -> None:
        """What would move, said before anything changes (or why it cannot)."""
        self.moved.clear()
        chosen = self.choice()
        self.replace.setEnabled(False)
        if chosen is None:
            self.notes.setText(self.tr("Choose who comes instead."))
            return
        try:
            done = operations.plan_substitution(self.ctrl.require(), self.old, *chosen)
        except PlannerError as exc:
            self.notes.setText(str(exc))
            return
        what = {
            "group": self.tr("Group"),
            "delegation": self.tr("Delegation"),
            "session": self.tr("Session (invited by name)"),
            "facilitating": self.tr("Session (as facilitator)"),
            "ride": self.tr("Ride"),
            "stay": self.tr("Hotel stay"),
            "roommate": self.tr("Roommate of"),
        }
        fmt = self.formats
        for m in done.moved:
            when = ""
            if isinstance(m.start, datetime):
                when = f"{fmt.weekday_date(m.start.date())} {fmt.time(m.start)} · "
            elif isinstance(m.start, date) and isinstance(m.end, date):
                when = f"{fmt.date(m.start)} – {fmt.date(m.end)} · "
            self.moved.addItem(f"{what.get(m.what, m.what)}: {when}{m.name}")
        if not done.moved:
            self.moved.addItem(self.tr("Nothing to hand over from that day."))
        self.notes.setText("\n".join(done.warnings))
        self.replace.setEnabled(True)

    def do_replace(self) -> None:
        chosen = self.choice()
        if chosen is None:
            return
        store = self.ctrl.require()
        new, day = chosen
        batch = self.ctrl.run_batch(
            self.tr("Replace %1 with %2")
            .replace("%1", self.old_name)
            .replace("%2", self.new.currentText()),
            lambda: operations.substitute(store, self.old, new, day)[0],
        )
        if batch is not None:
            self.replaced = True
            self.accept()
