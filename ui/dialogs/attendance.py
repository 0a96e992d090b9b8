"""Plan ▸ Record Attendance…: tick who came to each session, so reports count who was trained.

The sessions with an audience are on the left, the chosen one's registered people on the right,
a checkbox each. Save records the whole list (ticked people present, the others absent) as one
step that Edit ▸ Undo takes back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QFont, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.labels import role_label, status_label
from planner.domain.reference import fold
from planner.operations import Batch
from planner.operations.agenda import set_marks
from planner.queries.attendance import Attendee, SessionRoll, roll, sessions_with_rolls
from planner.rules import training
from planner.store import Change
from ui.formats import Formats
from ui.session.controller import PlanController

WATCHED = frozenset(
    {
        "attendance",
        "agenda_session",
        "session_audience",
        "person",
        "group_member",
        "participant_group",
        "delegation",
        "organisation",
        "plan",
    }
)
PRESENT, FAMILY, GIVEN, ORGANISATION, SAVED, HOURS = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendanceDialog(QDialog):
    """Record who was present at each session."""

    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        parent: QWidget | None = None,
        session_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats = ctrl, formats
        self.roll: SessionRoll | None = None
        self.tally: training.Tally | None = None  # the plan's trainees and hours, as recorded
        self.ticks: dict[int, bool] = {}  # person -> ticked now
        self.touched: set[int] = set()  # people ticked or unticked since the last save
        self._rows: dict[int, int] = {}  # person -> table row
        self._session: int | None = None
        self._saving = False
        # injectable for tests: what to do with unsaved ticks ("save", "discard", "cancel")
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        self.setObjectName("attendance_dialog")
        self.setWindowTitle(self.tr("Record attendance"))

        # the sessions
        self.session_search = QLineEdit(self)
        self.session_search.setObjectName("session_search")
        self.session_search.setPlaceholderText(self.tr("Find a session"))
        self.session_search.setClearButtonEnabled(True)
        sessions_label = QLabel(self.tr("S&essions"), self)
        sessions_label.setBuddy(self.session_search)
        sessions_label.setFont(_bold(sessions_label.font()))
        self.figures = QLabel(self)
        self.figures.setObjectName("attendance_figures")
        self.figures.setWordWrap(True)
        self.figures.setToolTip(
            self.tr(
                "Trainees are the people with the role Trainee; a"
                " trainee attended when marked present at least once."
                " Trainers, staff, delegation members and trainees who"
                " declined or were replaced are counted apart as also"
                " present and get no certificate."
            )
        )
        self.sessions = QTreeWidget(self)
        self.sessions.setObjectName("attendance_sessions")
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setHeaderLabels([self.tr("Time"), self.tr("Session"), self.tr("Present")])
        self.sessions.setRootIsDecorated(False)
        self.sessions.setItemsExpandable(False)
        self.sessions.setIndentation(8)
        self.sessions.setUniformRowHeights(True)
        self.sessions.setAlternatingRowColors(True)
        header = self.sessions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        # the checklist
        self.heading = QLabel(self)
        self.heading.setObjectName("attendance_heading")
        heading_font = _bold(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.when = QLabel(self)
        self.person_search = QLineEdit(self)
        self.person_search.setObjectName("person_search")
        self.person_search.setPlaceholderText(self.tr("Name or organisation"))
        self.person_search.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"), self)
        filter_label.setBuddy(self.person_search)
        self.all_present = QPushButton(self.tr("&All Present"), self)
        self.all_present.setObjectName("all_present")
        self.all_present.setToolTip(self.tr("Tick everyone shown (the filter limits who)"))
        self.none_present = QPushButton(self.tr("&None Present"), self)
        self.none_present.setObjectName("none_present")
        self.none_present.setToolTip(self.tr("Untick everyone shown (the filter limits who)"))
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("attendance_roll")
        self.table.setAccessibleName(self.tr("Who was present"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Present"),
                self.tr("Family name"),
                self.tr("Given names"),
                self.tr("Organisation"),
                self.tr("Recorded"),
                self.tr("Hours"),
            ]
        )
        hours = self.table.horizontalHeaderItem(HOURS)
        assert hours is not None  # made by setHorizontalHeaderLabels
        hours.setToolTip(
            self.tr(
                "A trainee's hours of training so far, as recorded: training, plenary and"
                " site-visit sessions, the figure the attendance summary and the certificate"
                " show"
            )
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        table_header = self.table.horizontalHeader()
        table_header.setSectionResizeMode(PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        table_header.setSectionResizeMode(FAMILY, QHeaderView.ResizeMode.Interactive)
        table_header.setSectionResizeMode(GIVEN, QHeaderView.ResizeMode.Interactive)
        table_header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        table_header.setSectionResizeMode(SAVED, QHeaderView.ResizeMode.ResizeToContents)
        table_header.setSectionResizeMode(HOURS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(FAMILY, 190)
        self.table.setColumnWidth(GIVEN, 170)
        self.table.installEventFilter(self)
        self.counts = QLabel(self)
        self.counts.setObjectName("attendance_counts")
        self.counts.setFont(_bold(self.counts.font()))
        self.hint = QLabel(
            self.tr(
                "Save records everyone on the list: ticked people as present,"
                " the others as absent. Edit ▸ Undo takes it back."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save_attendance")
        self.save_button.setToolTip(self.tr("Record the ticks (Ctrl+S)"))
        self.save_button.setDefault(True)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        find_action = QAction(self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._find_person)
        self.addAction(find_action)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(sessions_label)
        left_layout.addWidget(self.session_search)
        left_layout.addWidget(self.sessions, 1)
        left_layout.addWidget(self.figures)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.when)
        tools = QHBoxLayout()
        tools.addWidget(filter_label)
        tools.addWidget(self.person_search, 1)
        tools.addSpacing(12)
        tools.addWidget(self.all_present)
        tools.addWidget(self.none_present)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        right_layout.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 720])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(close)
        for first, second in (
            (self.session_search, self.sessions),
            (self.sessions, self.person_search),
            (self.person_search, self.all_present),
            (self.all_present, self.none_present),
            (self.none_present, self.table),
            (self.table, self.save_button),
        ):
            QWidget.setTabOrder(first, second)

        self.session_search.textChanged.connect(self._filter_sessions)
        self.sessions.currentItemChanged.connect(self._session_chosen)
        self.person_search.textChanged.connect(self._filter_people)
        self.all_present.clicked.connect(lambda: self.mark_shown(True))
        self.none_present.clicked.connect(lambda: self.mark_shown(False))
        self.table.itemChanged.connect(self._item_changed)
        self.save_button.clicked.connect(self.save)
        ctrl.changed.connect(self._on_changed)
        self.resize(1160, 660)
        self.load_sessions()
        self.choose_session(session_id)

    # the sessions
    def load_sessions(self) -> None:
        """The sessions with an audience, under their day, with how many were present."""
        store = self.ctrl.require()
        current = self._session
        self._show_figures(training.load(store))
        self.sessions.blockSignals(True)
        self.sessions.clear()
        day_item: QTreeWidgetItem | None = None
        last_day = None
        text_colour = QBrush(self.palette().color(QPalette.ColorRole.Text))
        for session_id, title, start, registered, present in sessions_with_rolls(store):
            if start.date() != last_day:
                last_day = start.date()
                day_item = QTreeWidgetItem([self.formats.long_date(last_day)])
                day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
                day_item.setFont(0, _bold(day_item.font(0)))
                day_item.setForeground(0, text_colour)
                self.sessions.addTopLevelItem(day_item)
                day_item.setFirstColumnSpanned(True)
            assert day_item is not None
            item = QTreeWidgetItem(
                day_item, [self.formats.time(start), title, f"{present} / {registered}"]
            )
            item.setData(0, ID_ROLE, session_id)
            item.setData(0, DAY_ROLE, self.formats.weekday_date(start.date()))
            item.setToolTip(1, title)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if present:
                item.setFont(2, _bold(item.font(2)))
        self.sessions.expandAll()
        found = self._item_of(current) if current is not None else None
        if found is not None:
            self.sessions.setCurrentItem(found)
        self.sessions.blockSignals(False)
        self._filter_sessions(self.session_search.text())

    def _show_figures(self, tally: training.Tally) -> None:
        """The whole plan's figures, counted as the attendance summary counts them."""
        self.tally = tally
        self.figures.setText(
            self.tr(
                "Whole plan: %1 trainees · %2 attended · %3 trained · %4"
                " also present (not trainees)"
            )
            .replace("%1", self.formats.number(len(tally.trainees)))
            .replace("%2", self.formats.number(len(tally.attended)))
            .replace("%3", self.formats.number(len(tally.trained)))
            .replace("%4", self.formats.number(len(tally.also_present)))
        )

    def hours_text(self, person_id: int) -> str:
        """A trainee's hours as the Hours column shows them ("" for anyone else)."""
        record = self.tally.records.get(person_id) if self.tally is not None else None
        if record is None or not record.trainee:
            return ""
        return self.formats.hours(record.hours)

    def _session_items(self) -> list[QTreeWidgetItem]:
        return [
            item for day in _children(self.sessions.invisibleRootItem()) for item in _children(day)
        ]

    def _item_of(self, session_id: int | None) -> QTreeWidgetItem | None:
        return next(
            (item for item in self._session_items() if item.data(0, ID_ROLE) == session_id), None
        )

    def session_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for item in self._session_items()]

    def choose_session(self, session_id: int | None) -> None:
        """Show a session's list (the first session when it has no audience)."""
        item = self._item_of(session_id) if session_id is not None else None
        if item is None:
            items = self._session_items()
            item = items[0] if items else None
        if item is None:
            self._show_roll(None)
            return
        self.sessions.setCurrentItem(item)
        self.sessions.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self._session != item.data(0, ID_ROLE):  # the signal was refused
            self._show_roll(item.data(0, ID_ROLE))

    def _filter_sessions(self, text: str) -> None:
        words = fold(text).split()
        for day in _children(self.sessions.invisibleRootItem()):
            shown = 0
            for item in _children(day):
                haystack = fold(
                    f"{day.text(0)} {item.data(0, DAY_ROLE)} {item.text(0)} {item.text(1)}"
                )
                hidden = not all(w in haystack for w in words)
                item.setHidden(hidden)
                shown += not hidden
            day.setHidden(shown == 0)

    def _session_chosen(
        self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        if current is not None and current.parent() is None:  # a day's heading: step over it
            upwards = previous is not None and previous.parent() is current
            target = (
                self.sessions.itemAbove(current) if upwards else self.sessions.itemBelow(current)
            )
            # None (nothing to step to) clears it: Qt takes a null item, its stub wrongly not
            self.sessions.setCurrentItem(target if target is not None else previous)  # type: ignore[arg-type]
            return
        wanted = current.data(0, ID_ROLE) if current is not None else None
        if wanted is None or wanted == self._session:
            return
        if not self.settle():
            self.sessions.blockSignals(True)
            self.sessions.setCurrentItem(  # None clears it (as above)
                previous if previous is not None else self._item_of(self._session)  # type: ignore[arg-type]
            )
            self.sessions.blockSignals(False)
            return
        self._show_roll(wanted)

    # the checklist
    def _show_roll(self, session_id: int | None) -> None:
        self._session = session_id
        self.touched.clear()
        self.ticks.clear()
        self.roll = roll(self.ctrl.require(), session_id) if session_id is not None else None
        self._fill()

    def _fill(self) -> None:
        """Show the roll (with any ticks not saved yet)."""
        r = self.roll
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._rows.clear()
        if r is None:
            self.heading.setText(self.tr("No session has an audience yet"))
            self.when.setText(
                self.tr(
                    "Give sessions an audience (groups, delegations or people)"
                    " to record who attended."
                )
            )
            self.table.blockSignals(False)
            self._update_counts()
            return
        self.heading.setText(r.title)
        self.when.setText(
            self.tr("%1, %2–%3 · %n person(s) registered", "", len(r.attendees))
            .replace("%1", self.formats.weekday_date(r.start.date()))
            .replace("%2", self.formats.time(r.start))
            .replace("%3", self.formats.time(r.end))
        )
        self.table.setRowCount(len(r.attendees))
        for row, a in enumerate(r.attendees):
            if a.person_id not in self.touched:
                self.ticks[a.person_id] = bool(a.present)
            self._rows[a.person_id] = row
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            check.setData(ID_ROLE, a.person_id)
            self.table.setItem(row, PRESENT, check)
            for column, text in (
                (FAMILY, a.family_name.upper()),
                (GIVEN, a.given_name),
                (ORGANISATION, a.organisation),
            ):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, a.person_id)
                self.table.setItem(row, column, cell)
            self.table.setItem(row, SAVED, QTableWidgetItem())
            self.table.setItem(row, HOURS, self._hours_item(a.person_id))
            self._show_row(a)
        self.table.blockSignals(False)
        self._filter_people(self.person_search.text())
        self._update_counts()

    def _hours_item(self, person_id: int) -> QTableWidgetItem:
        record = self.tally.records.get(person_id) if self.tally is not None else None
        item = QTableWidgetItem(self.hours_text(person_id))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if record is not None and not record.trainee:  # a dash: the column stays narrow
            item.setText("—")
            item.setForeground(QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))
            item.setToolTip(
                self.tr(
                    "Left the training (%1): counted apart as also present, not"
                    " as trained; no certificate"
                ).replace("%1", status_label(record.status))
                if record.gone
                else self.tr(
                    "Not a trainee (%1): counted apart as also present, not"
                    " as trained; no certificate"
                ).replace("%1", role_label(record.role))
            )
        return item

    def _show_row(self, a: Attendee) -> None:
        row = self._rows[a.person_id]
        ticked = self.ticks[a.person_id]
        check = self._cell(row, PRESENT)
        check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        changed = a.person_id in self.touched and ticked != a.present
        saved = self._cell(row, SAVED)
        font = self.table.font()
        if a.present is None:
            saved.setText(self.tr("not recorded"))
            font.setItalic(True)
            saved.setForeground(QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))
        else:
            saved.setText(self.tr("present") if a.present else self.tr("absent"))
            saved.setForeground(QBrush(self.palette().color(QPalette.ColorRole.Text)))
        if changed:  # "not recorded → present": what Save will record
            saved.setText(
                self.tr("%1 → %2")
                .replace("%1", saved.text())
                .replace("%2", self.tr("present") if ticked else self.tr("absent"))
            )
        saved.setFont(font)
        name_font = self.table.font()
        name_font.setBold(changed)
        for column in (FAMILY, GIVEN):
            self._cell(row, column).setFont(name_font)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # _show_roll fills every cell of the list
        return item

    def _attendee(self, person_id: int) -> Attendee | None:
        if self.roll is None:
            return None
        return next((a for a in self.roll.attendees if a.person_id == person_id), None)

    def set_tick(self, person_id: int, present: bool) -> None:
        a = self._attendee(person_id)
        if a is None:
            return
        self.ticks[person_id] = present
        self.touched.add(person_id)
        self.table.blockSignals(True)
        self._show_row(a)
        self.table.blockSignals(False)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != PRESENT:
            return
        self.set_tick(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)
        self._update_counts()

    def mark_shown(self, present: bool) -> None:
        """Tick (or untick) everyone the filter shows."""
        if self.roll is None:
            return
        for a in self.roll.attendees:
            if not self.table.isRowHidden(self._rows[a.person_id]):
                self.set_tick(a.person_id, present)
        self._update_counts()

    def _filter_people(self, text: str) -> None:
        words = fold(text).split()
        for row in range(self.table.rowCount()):
            haystack = fold(
                " ".join(self._cell(row, c).text() for c in (FAMILY, GIVEN, ORGANISATION))
            )
            self.table.setRowHidden(row, not all(w in haystack for w in words))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            rows = {i.row() for i in self.table.selectionModel().selectedRows()} or (
                {self.table.currentRow()} if self.table.currentRow() >= 0 else set()
            )
            ids = [self._cell(r, PRESENT).data(ID_ROLE) for r in sorted(rows)]
            if ids:  # Space ticks the selected people (all of them if any was not)
                present = not all(self.ticks.get(i, False) for i in ids)
                for person_id in ids:
                    self.set_tick(person_id, present)
                self._update_counts()
                return True
        return super().eventFilter(watched, event)

    # counts and saving
    def wanted(self) -> dict[int, bool]:
        """Everyone on the list: ticked present, the others absent."""
        return dict(self.ticks)

    def unsaved(self) -> dict[int, bool]:
        """The marks Save would change."""
        if self.roll is None or not self.touched:
            return {}
        recorded = {a.person_id: a.present for a in self.roll.attendees}
        return {p: v for p, v in self.wanted().items() if recorded.get(p) != v}

    def dirty(self) -> bool:
        if self.roll is None:
            return False
        return any(
            self.ticks[a.person_id] != a.present
            for a in self.roll.attendees
            if a.person_id in self.touched
        )

    def _update_counts(self) -> None:
        r = self.roll
        if r is None:
            self.counts.setText("")
            for widget in (
                self.save_button,
                self.all_present,
                self.none_present,
                self.person_search,
            ):
                widget.setEnabled(False)
            return
        for widget in (self.all_present, self.none_present, self.person_search):
            widget.setEnabled(bool(r.attendees))
        total = len(r.attendees)
        present = sum(1 for a in r.attendees if self.ticks.get(a.person_id))
        text = self.tr("%1 of %2 present").replace("%1", str(present)).replace("%2", str(total))
        missing = sum(
            1 for a in r.attendees if a.present is None and a.person_id not in self.touched
        )
        if missing:
            text += " · " + self.tr("%n not recorded yet", "", missing)
        changes = sum(
            1
            for a in r.attendees
            if a.person_id in self.touched and self.ticks[a.person_id] != a.present
        )
        if changes:
            text += " · " + self.tr("%n change(s) not saved", "", changes)
        self.counts.setText(text)
        self.save_button.setEnabled(self.dirty())

    def _find_person(self) -> None:
        self.person_search.setFocus()
        self.person_search.selectAll()

    def save(self) -> bool:
        """Record the list (one undoable step); False when nothing was recorded."""
        r = self.roll
        if r is None or not self.dirty() or not self.unsaved():
            return False
        store = self.ctrl.require()
        session_id, wanted = r.session_id, self.wanted()
        present = sum(1 for v in wanted.values() if v)

        def make() -> Batch:
            batch = set_marks(store, session_id, wanted)
            if batch is None:  # recorded elsewhere meanwhile
                raise PlannerError(self.tr("Nothing to save: these marks are recorded already."))
            return batch

        text = (
            self.tr("Record attendance at %1: %2 of %3 present")
            .replace("%1", r.title)
            .replace("%2", str(present))
            .replace("%3", str(len(wanted)))
        )
        self._saving = True
        try:
            batch = self.ctrl.run_batch(text, make=make)
        finally:
            self._saving = False
        if batch is None:
            return False  # the window said why
        self.load_sessions()
        self._show_roll(session_id)
        return True

    def settle(self) -> bool:
        """Before leaving a session: save or drop unsaved ticks; False to stay."""
        if not self.dirty():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _ask_unsaved(self) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save the ticks?"),
            self.tr("The ticks on %1 are not saved yet.").replace(
                "%1", self.roll.title if self.roll else ""
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")

    def _on_changed(self, change: Change) -> None:
        """Changes from undo, redo or elsewhere: show the marks as recorded now."""
        if self._saving or self.ctrl.store is None or not (change.tables & WATCHED):
            return
        self.load_sessions()
        if self._session is None or self._item_of(self._session) is None:
            self.choose_session(None)
            return
        self.roll = roll(self.ctrl.require(), self._session)
        present = {a.person_id for a in self.roll.attendees}
        self.touched &= present
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        current = self.sessions.currentItem()
        if current is not None:  # laid out now: the chosen session in the middle
            self.sessions.scrollToItem(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def reject(self) -> None:
        if self.settle():
            super().reject()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError, RuntimeWarning):
            self.ctrl.changed.disconnect(self._on_changed)
        super().done(result)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


def _bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font
