"""Plan ▸ Check-in…: a desk at the door. A USB or Bluetooth scanner types a badge's code and
Enter like a keyboard (typing part of a name works too); each scan shows the name and group in
green (expected: saved at once as attendance), amber (not expected here: where they are
expected instead, saved only when the operator says so) or red (no one's code), with a sound;
present against expected counts live, and Undo takes the last scan back. Large type, to read
from two metres; nothing needs the mouse. It works on the plan, without a network (a shared
plan needs its server)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.labels import GONE_STATUSES, status_label
from planner.operations.batches import Batch
from planner.operations.checkin import Mark, record_scans
from planner.queries.snapshot import local
from planner.rules.door import DoorData
from ui.formats import Formats
from ui.session.commands import BatchCommand
from ui.session.controller import PlanController

GREEN, AMBER, RED = "#1B7F3B", "#B26A00", "#B3261E"
BY_TIME = -1  # the door choice "each person's own session, by time"
RECENT = 12  # scans listed under the result


@dataclass
class Pending:
    """An amber scan waiting for the operator: record anyway, or skip."""

    person: int
    session: int


def _big(widget: QWidget, points: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


class CheckinDialog(QDialog):
    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.now = now or (lambda: datetime.now(UTC))
        self.data = DoorData.load(ctrl.require())
        self.pending: Pending | None = None
        self.last_batch: Batch | None = None
        self.scanned = 0  # scans recorded at this desk
        self.setObjectName("checkin_dialog")
        self.setWindowTitle(self.tr("Check-in"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.door = QComboBox(self)
        self.door.setObjectName("checkin_door")
        self.door.setAccessibleName(self.tr("Door"))
        self.door.addItem(self.tr("Any door: each person's own session, by time"), BY_TIME)
        for room in self.data.plan.rooms.values():
            self.door.addItem(f"{room.name} · {room.venue_name}", room.id)
        door_label = QLabel(self.tr("&Door:"), self)
        door_label.setBuddy(self.door)
        self.session = QComboBox(self)
        self.session.setObjectName("checkin_session")
        self.session.setAccessibleName(self.tr("Session"))
        self.session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session.setMinimumContentsLength(30)
        session_label = QLabel(self.tr("&Session:"), self)
        session_label.setBuddy(self.session)
        self.clock = QLabel(self)
        self.clock.setObjectName("checkin_clock")

        self.input = QLineEdit(self)
        self.input.setObjectName("checkin_input")
        self.input.setPlaceholderText(self.tr("Scan a badge, or type a name, then Enter"))
        self.input.setAccessibleName(self.tr("Badge code or name"))
        _big(self.input, 22)
        self.choices = QListWidget(self)
        self.choices.setObjectName("checkin_choices")
        _big(self.choices, 16)
        self.choices.hide()

        self.banner = QFrame(self)
        self.banner.setObjectName("checkin_banner")
        self.name = QLabel(self.banner)
        self.name.setObjectName("checkin_name")
        _big(self.name, 30, bold=True)
        self.name.setWordWrap(True)
        self.detail = QLabel(self.banner)
        self.detail.setObjectName("checkin_detail")
        _big(self.detail, 16)
        self.detail.setWordWrap(True)
        self.record_anyway = QPushButton(self.tr("&Record anyway (Enter)"), self.banner)
        self.skip = QPushButton(self.tr("S&kip (Esc)"), self.banner)
        for button in (self.record_anyway, self.skip):
            _big(button, 13)
            button.hide()
        self.record_anyway.clicked.connect(self.confirm)
        self.skip.clicked.connect(self.dismiss)
        banner = QVBoxLayout(self.banner)
        banner.addWidget(self.name)
        banner.addWidget(self.detail)
        answers = QHBoxLayout()
        answers.addWidget(self.record_anyway)
        answers.addWidget(self.skip)
        answers.addStretch(1)
        banner.addLayout(answers)

        self.counts = QLabel(self)
        self.counts.setObjectName("checkin_counts")
        _big(self.counts, 20, bold=True)
        self.recent = QListWidget(self)
        self.recent.setObjectName("checkin_recent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _big(self.recent, 13)
        self.undo_button = QPushButton(self.tr("&Undo last scan (Ctrl+Z)"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(door_label)
        top.addWidget(self.door, 1)
        top.addWidget(session_label)
        top.addWidget(self.session, 2)
        top.addWidget(self.clock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.input)
        layout.addWidget(self.choices)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        layout.addWidget(self.recent, 1)
        layout.addLayout(buttons)

        # Enter belongs to the scanner (and, on an amber result, to "record anyway"): no
        # button of the desk takes it as the dialog's default
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last)
        self.input.returnPressed.connect(self.scan)
        self.choices.itemActivated.connect(self._chosen)
        self.door.currentIndexChanged.connect(self._door_changed)
        self.session.currentIndexChanged.connect(lambda _i: self._show_counts())
        self._show(None, "", "")
        self._door_changed()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(30_000)
        self.resize(960, 640)
        self.input.setFocus()

    # the door and its session ------------------------------------------------------------------
    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.data.plan.zone)

    def _tick(self) -> None:
        """Every half minute: the clock, and the room's session as the day goes on."""
        now = self._local(self.now())
        self.clock.setText(self.formats.time(now))
        room = self.door.currentData()
        if room != BY_TIME and self.session.count():
            running = self.data.door.running_in(room, int(now.timestamp()))
            if running is not None and running != self.session.currentData():
                self._select_session(running)

    def _door_changed(self) -> None:
        """The sessions in the room today, the one running now chosen (or by time: none)."""
        room = self.door.currentData()
        now = self.now()
        self.session.blockSignals(True)
        self.session.clear()
        if room == BY_TIME:
            self.session.addItem(self.tr("(each person's session running then)"), None)
            self.session.setEnabled(False)
        else:
            self.session.setEnabled(True)
            for sid in self.data.sessions_in(room, now):
                s = self.data.plan.sessions[sid]
                start = local(s.start, self.data.plan.zone)
                self.session.addItem(f"{self.formats.time(start)} {s.title}", sid)
            if not self.session.count():
                self.session.addItem(self.tr("(no session in this room today)"), None)
        self.session.blockSignals(False)
        if room != BY_TIME:
            running = self.data.door.running_in(room, int(now.timestamp()))
            if running is not None:
                self._select_session(running)
        self._tick()
        self._show_counts()
        self.input.setFocus()

    def _select_session(self, session: int) -> None:
        index = self.session.findData(session)
        if index >= 0:
            self.session.setCurrentIndex(index)

    def current_session(self) -> int | None:
        value = self.session.currentData()
        return int(value) if isinstance(value, int) else None

    # scanning ----------------------------------------------------------------------------------
    def scan(self) -> None:
        """What the scanner typed (or a name): find the person and judge the scan."""
        if self.pending is not None:  # Enter on an amber result: record anyway
            self.confirm()
            return
        text = self.input.text().strip()
        if not text:
            return
        self.input.clear()
        found = self.data.find(text)
        if not found:
            if self.data.is_code(text):
                self._result(RED, text, self.tr("Unknown code: not a badge of this plan."))
            else:
                self._result(RED, text, self.tr("Nobody by that name or code."))
            return
        if len(found) > 1:
            self.choices.clear()
            for person in found:
                item = QListWidgetItem(
                    f"{self.data.plan.names[person]} · {self.data.group_of(person) or '—'}"
                )
                item.setData(Qt.ItemDataRole.UserRole, person)
                self.choices.addItem(item)
            self.choices.show()
            self.choices.setCurrentRow(0)
            self.choices.setFocus()
            self._show(
                None, self.tr("Several people match"), self.tr("Choose one and press Enter.")
            )
            return
        self.check_in(found[0])

    def _chosen(self, item: QListWidgetItem) -> None:
        self.choices.hide()
        self.input.setFocus()
        self.check_in(int(item.data(Qt.ItemDataRole.UserRole)))

    def check_in(self, person: int) -> None:
        """Judge a scan of ``person`` now, and record it when expected."""
        data, now = self.data, self.now()
        at = int(now.timestamp())
        chosen = self.current_session()
        sessions = frozenset({chosen}) if chosen is not None else None
        verdict = data.door.judge(person, at, sessions)
        name = data.plan.names.get(person, "?")
        group = data.group_of(person)
        who = f"{name} · {group}" if group else name
        status = data.statuses.get(person, "")
        if verdict.ok and verdict.session is not None:
            where = self._where(verdict.session)
            if (verdict.session, person) in data.present:
                self._result(GREEN, who, self.tr("Already checked in: %1").replace("%1", where))
                return
            if self._record(person, verdict.session, now):
                self._result(GREEN, who, self.tr("Welcome: %1").replace("%1", where))
            return
        if status in GONE_STATUSES:
            why = self.tr("No longer taking part (%1).").replace("%1", status_label(status))
        elif verdict.expected is not None:
            why = self.tr("Expected instead at %1.").replace("%1", self._where(verdict.expected))
        else:
            why = self.tr("Not expected in any session now.")
        if chosen is None:  # by time, and no session of theirs now: nothing to record it for
            self._result(RED if status in GONE_STATUSES else AMBER, who, why)
            return
        self.pending = Pending(person, chosen)
        self._result(
            AMBER,
            who,
            why + " " + self.tr("Record at this session anyway?"),
            ask=True,
        )

    def confirm(self) -> None:
        """Amber: record the scan anyway, at the door's session."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        name = self.data.plan.names.get(pending.person, "?")
        if self._record(pending.person, pending.session, self.now()):
            self._result(
                GREEN,
                name,
                self.tr("Recorded at %1.").replace("%1", self._where(pending.session)),
            )
        self.input.setFocus()

    def dismiss(self) -> None:
        """Amber: not recorded."""
        if self.pending is not None:
            name = self.data.plan.names.get(self.pending.person, "?")
            self.pending = None
            self._show(None, name, self.tr("Not recorded."))
        self.input.setFocus()

    def _where(self, session: int) -> str:
        """'Aula 2 (Módulo 3: …)'"""
        title = self.data.plan.sessions[session].title
        place = self.data.place(session)
        return f"{place} ({title})" if place else title

    def _record(self, person: int, session: int, now: datetime) -> bool:
        store = self.ctrl.require()
        mark = Mark(session, person, now, self.tr("Check-in desk"))
        text = self.tr("Check in %1").replace("%1", self.data.plan.names.get(person, "?"))

        def make() -> Batch:
            batch = record_scans(store, [mark], text)
            if batch is None:
                raise PlannerError(self.tr("Already recorded elsewhere."))
            return batch

        batch = self.ctrl.run_batch(text, make=make)
        if batch is None:
            return False  # the window said why
        self.last_batch = batch
        self.data.present.add((session, person))
        self.scanned += 1
        self.undo_button.setEnabled(True)
        when = self.formats.time(self._local(now))
        self.recent.insertItem(0, f"{when}  {self.data.plan.names.get(person, '?')}")
        while self.recent.count() > RECENT:
            self.recent.takeItem(self.recent.count() - 1)
        self._show_counts()
        return True

    def undo_last(self) -> None:
        """Take the last scan back (when it is still the last change made)."""
        stack = self.ctrl.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if (
            not isinstance(top, BatchCommand)
            or self.last_batch is None
            or top.batch is not self.last_batch
        ):
            self._show(
                None,
                self.tr("Nothing to undo here"),
                self.tr("The last change was not a scan at this desk; use Edit ▸ Undo."),
            )
            return
        stack.undo()
        self.last_batch = None
        self.undo_button.setEnabled(False)
        self.data = DoorData.load(self.ctrl.require())
        if self.recent.count():
            taken = self.recent.takeItem(0)
            self._show(None, taken.text().split("  ", 1)[-1], self.tr("Scan taken back."))
        self.scanned = max(0, self.scanned - 1)
        self._show_counts()
        self.input.setFocus()

    # showing -----------------------------------------------------------------------------------
    def _result(self, colour: str, who: str, detail: str, ask: bool = False) -> None:
        self._show(colour, who, detail, ask)
        self._sound({GREEN: 1, AMBER: 2, RED: 3}[colour])

    def _show(self, colour: str | None, who: str, detail: str, ask: bool = False) -> None:
        self.result_colour = colour
        fill = colour or "palette(base)"
        ink = "white" if colour else "palette(text)"
        self.banner.setStyleSheet(
            f"QFrame#checkin_banner {{ background: {fill}; border-radius: 8px; }}"
            f" QFrame#checkin_banner QLabel {{ color: {ink}; }}"
        )
        self.name.setText(html.escape(who) if who else self.tr("Ready"))
        self.detail.setText(html.escape(detail))
        self.record_anyway.setVisible(ask)
        self.skip.setVisible(ask)

    def _sound(self, times: int) -> None:
        """One beep for expected, two for not expected here, three for no one's code."""
        for n in range(times):
            QTimer.singleShot(180 * n, QApplication.beep)

    def _show_counts(self) -> None:
        session = self.current_session()
        if session is None:
            self.counts.setText(self.tr("%n scan(s) recorded at this desk", "", self.scanned))
            return
        expected = len(self.data.expected(session))
        present = self.data.present_at(session)
        self.counts.setText(
            self.tr("%1 of %2 present")
            .replace("%1", self.formats.number(present))
            .replace("%2", self.formats.number(expected))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the input's own (it confirms an amber result): never a default button's
        if event.key() == Qt.Key.Key_Escape and self.pending is not None:
            self.dismiss()  # Esc on an amber result skips it; it does not close the desk
            return
        if event.key() == Qt.Key.Key_Escape and self.choices.isVisible():
            self.choices.hide()
            self.input.setFocus()
            return
        super().keyPressEvent(event)
