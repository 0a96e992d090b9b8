"""The calendar: plan the agenda on a day with a lane per room, or over the whole plan.

Drag to move or resize (snapping), drag on empty space to create, double-click to edit, copy,
paste, duplicate and repeat sessions on other days, filter to one group, delegation, person or
room. Every change goes through the controller, so it is one undoable step.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.queries.calendar import AgendaData, Block
from planner.store import Change
from ui import settings as opt
from ui.formats import Formats
from ui.pages.lists.panel import EditorSource, HistoryOpener
from ui.pages.refresh import RefreshWhenShown
from ui.session.controller import PlanController
from ui.session.deferred import operations
from ui.widgets.fields import SearchCombo
from ui.widgets.flow import FlowRow
from ui.widgets.timegrid import Column, TimeGrid

WATCHED = frozenset(
    {
        "agenda_session",
        "room",
        "venue",
        "session_audience",
        "session_facilitator",
        "participant_group",
        "group_member",
        "delegation",
        "person",
        "module",
        "plan",
    }
)
COPIED = (
    "kind",
    "title",
    "description",
    "start",
    "end",
    "timezone",
    "room_id",
    "location",
    "notes",
    "module_id",
    "facilitator_ids",
    "audience",
)


class CalendarPage(QWidget):
    def __init__(
        self,
        ctrl: PlanController,
        settings: opt.Settings,
        formats: Formats,
        editor: EditorSource,
        parent: QWidget | None = None,
        history: HistoryOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.settings, self.formats = ctrl, settings, formats
        self._editor = editor  # the ItemEditor, loaded on first use
        self.history = history
        self.data: AgendaData | None = None
        # a change reloads the page when shown, or once the block being dragged is dropped
        self.freshness = RefreshWhenShown(self, self.refresh, WATCHED, self._refresh_when_idle)
        self._clipboard: list[dict[str, Any]] = []
        self.setObjectName("page_calendar")

        title = QLabel(self.tr("Calendar"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.view_mode = QComboBox(self)
        self.view_mode.addItem(self.tr("Day, by room"), "day")
        self.view_mode.addItem(self.tr("Whole plan, by day"), "week")
        self.view_mode.setAccessibleName(self.tr("View"))
        self.prev_day = QToolButton(self)
        self.prev_day.setText("◀")
        self.prev_day.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.prev_day.setAccessibleName(self.tr("Previous day"))
        self.next_day = QToolButton(self)
        self.next_day.setText("▶")
        self.next_day.setToolTip(self.tr("Next day (Alt+Right)"))
        self.next_day.setAccessibleName(self.tr("Next day"))
        self.day = QComboBox(self)
        self.day.setAccessibleName(self.tr("Day"))
        self.filter = SearchCombo([], self.tr("All sessions"), self)
        self.filter.setMinimumWidth(220)
        self.filter.setAccessibleName(self.tr("Show the sessions of"))
        self.filter.setToolTip(
            self.tr("Show only the sessions of a group, delegation, person or room")
        )
        self.colour_by = QComboBox(self)
        self.colour_by.addItem(self.tr("Colour by kind"), False)
        self.colour_by.addItem(self.tr("Colour by module"), True)
        self.snap = QSpinBox(self)
        self.snap.setRange(1, 60)
        self.snap.setSuffix(self.tr(" min"))
        self.snap.setPrefix(self.tr("Snap "))
        self.snap.setValue(settings.get(opt.CALENDAR_SNAP) or 5)
        self.snap.setAccessibleName(self.tr("Snap to minutes"))
        zoom_out = QToolButton(self)
        zoom_out.setText("−")
        zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        zoom_out.setAccessibleName(self.tr("Zoom out"))
        zoom_in = QToolButton(self)
        zoom_in.setText("+")
        zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.repeat_button = QPushButton(self.tr("&Repeat on days…"), self)
        self.repeat_button.setToolTip(self.tr("Copy the selected sessions to other days"))
        self.new_button = QPushButton(self.tr("&New session…"), self)
        self.rotation_button = QPushButton(self.tr("&Generate rotation…"), self)
        self.rotation_button.setToolTip(
            self.tr(
                "Let the program plan every group through every module without clashes (Ctrl+R)"
            )
        )
        self.status = QLabel(self)
        self.status.setObjectName("calendar_status")

        self.grid = TimeGrid()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.grid)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.horizontalScrollBar().valueChanged.connect(lambda _v: self.grid.update())
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self.grid.update())

        self.day.setMinimumContentsLength(16)
        self.day.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        top = FlowRow()  # on a narrow window the buttons wrap below instead of widening it
        leads: tuple[QWidget, ...] = (title, self.view_mode, self.prev_day, self.day, self.next_day)
        for lead in leads:
            top.add_lead(lead)
        for trail in (self.filter, self.rotation_button, self.new_button):
            top.add_trail(trail)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for control in (self.repeat_button, self.colour_by, self.snap, zoom_out, zoom_in):
            bottom.addWidget(control)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

        self.view_mode.currentIndexChanged.connect(lambda _i: self.show_current())
        self.day.currentIndexChanged.connect(lambda _i: self.show_current())
        self.prev_day.clicked.connect(lambda: self.step_day(-1))
        self.next_day.clicked.connect(lambda: self.step_day(1))
        self.filter.edited.connect(self.show_current)
        self.colour_by.currentIndexChanged.connect(self._recolour)
        self.snap.valueChanged.connect(self._set_snap)
        zoom_in.clicked.connect(lambda: self.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.zoom(0.8))
        self.repeat_button.clicked.connect(self.repeat_selected)
        self.new_button.clicked.connect(self.add_item)
        self.rotation_button.clicked.connect(self.generate_rotation)
        self.grid.moved.connect(self._on_moved)
        self.grid.create_requested.connect(self._on_create)
        self.grid.edit_requested.connect(self._edit)
        self.grid.selection_changed.connect(self._update_status)
        self.grid.context_requested.connect(self._context_menu)
        self.grid.reveal_requested.connect(self._reveal)
        self.grid.day_requested.connect(self.show_day)
        self.grid.set_formats(formats)
        self.grid.snap_minutes = self.snap.value()

        for text, keys, slot in (
            (self.tr("Duplicate"), "Ctrl+D", self.duplicate_selected),
            (self.tr("Paste"), QKeySequence.StandardKey.Paste, self.paste),
            (self.tr("Previous day"), "Alt+Left", lambda: self.step_day(-1)),
            (self.tr("Next day"), "Alt+Right", lambda: self.step_day(1)),
            (self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1.25)),
            (self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(0.8)),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # the page protocol of the main window (Edit menu)
    def active_panel(self) -> CalendarPage:
        return self

    def on_changed(self, change: Change | None) -> None:
        self.freshness.changed(change)

    def _refresh_when_idle(self) -> None:
        """Reload now, or once the block being dragged is dropped (a change made elsewhere
        must not yank it from under the mouse)."""
        if not self.freshness.stale or not self.isVisible():
            return
        if self.grid.dragging():
            QTimer.singleShot(300, self._refresh_when_idle)
        else:
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.grid._layout)

    # loading and showing
    def refresh(self) -> None:
        store = self.ctrl.store
        self.freshness.stale = False
        if store is None:
            return
        self.data = AgendaData.load(store)
        current_day = self.day.currentData()
        current_filter = self.filter.value()
        self.day.blockSignals(True)
        self.day.clear()
        for d in self.data.days():
            count = len(self.data.on_day(d))
            self.day.addItem(f"{self.formats.weekday_date(d)}  ({count})", d)
        index = self._day_index(current_day) if current_day else -1
        if index < 0:
            index = self._day_index(self._default_day())
        self.day.setCurrentIndex(max(0, index))
        self.day.blockSignals(False)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All sessions"), None)
        for unit, name in self.data.filter_choices():
            self.filter.addItem(name, unit)
        people = sorted(
            ((u, n) for u, n in self.data.names.items() if u[0] == "person"), key=lambda x: x[1]
        )
        for unit, name in people:
            self.filter.addItem(name, unit)
        self.filter.set_value(current_filter)
        self.filter.blockSignals(False)
        self.show_current()

    def view_state(self) -> dict[str, Any]:
        """What the page shows (kept when the window is rebuilt in another language)."""
        bars = self.scroll_area.horizontalScrollBar(), self.scroll_area.verticalScrollBar()
        return {
            "mode": self.view_mode.currentData(),
            "day": self.current_day(),
            "filter": self.filter.value(),
            "colour": self.colour_by.currentIndex(),
            "selected": set(self.grid.selected),
            "scroll": tuple(bar.value() for bar in bars),
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        if self.freshness.stale:
            self.refresh()
        mode = self.view_mode.findData(state["mode"])
        day = self._day_index(state["day"]) if state["day"] else -1
        for combo, index in ((self.view_mode, mode), (self.day, day)):
            if index >= 0:
                combo.setCurrentIndex(index)
        self.colour_by.setCurrentIndex(state["colour"])
        self.filter.set_value(state["filter"])
        self.show_current()
        self.grid.selected = state["selected"] & {b.id for b in self.grid.blocks}
        self.grid.update()
        h, v = state["scroll"]
        self.scroll_area.horizontalScrollBar().setValue(h)
        self.scroll_area.verticalScrollBar().setValue(v)

    def _day_index(self, day: date) -> int:
        return next((i for i in range(self.day.count()) if self.day.itemData(i) == day), -1)

    def _default_day(self) -> date:
        assert self.data is not None
        today = date.today()
        if self.data.first_day <= today <= self.data.last_day:
            return today
        return next((d for d in self.data.days() if self.data.on_day(d)), self.data.first_day)

    def current_day(self) -> date | None:
        value = self.day.currentData()
        return value if isinstance(value, date) else None

    def show_current(self) -> None:
        data = self.data
        if data is None:
            return
        predicate = data.predicate(self.filter.value())
        by_room = self.view_mode.currentData() == "day"
        self.day.setEnabled(by_room)
        self.prev_day.setEnabled(by_room)
        self.next_day.setEnabled(by_room)
        if by_room:
            day = self.current_day() or data.first_day
            blocks = [b for b in data.on_day(day) if predicate(b)]
            unit = self.filter.value()
            lanes = data.lanes(blocks, all_rooms=False)
            if unit is not None and unit[0] == "room":
                lanes = [lane for lane in data.lanes([], all_rooms=True) if lane.room_id == unit[1]]
            elif not lanes:  # an empty day: the plan's rooms, to plan it by dragging
                lanes = data.lanes([], all_rooms=True)
            columns = [
                Column(
                    lane.room_id,
                    lane.name or self.tr("No room"),
                    self.tr("%1 · %2 seats")
                    .replace("%1", lane.venue)
                    .replace("%2", str(lane.capacity))
                    if lane.room_id
                    else self.tr("sessions elsewhere"),
                    day,
                )
                for lane in lanes
            ]
            if not columns:
                columns = [Column(None, self.tr("No sessions"), "", day)]
        else:
            blocks = [b for b in data.blocks.values() if predicate(b)]
            columns = [
                Column(
                    d,
                    self.formats.weekday_date(d),
                    self.tr("%n session(s)", "", sum(1 for b in data.on_day(d) if predicate(b))),
                    d,
                )
                for d in data.days()
            ]
        self.grid.colour_by_module = bool(self.colour_by.currentData())
        self.grid.set_content(data, columns, blocks, by_room)
        self._update_status()
        # the morning's first session, or on an empty day the time the plan's days start
        first = min((b.start.time() for b in (blocks or data.blocks.values())), default=time(8))
        y = int(self.grid.y_of(first.hour * 60 + first.minute))
        self.scroll_area.verticalScrollBar().setValue(max(0, y - 60))

    def _recolour(self) -> None:
        self.grid.colour_by_module = bool(self.colour_by.currentData())
        self.grid.update()

    def _set_snap(self, minutes: int) -> None:
        self.grid.snap_minutes = minutes
        self.settings.set(opt.CALENDAR_SNAP, minutes)

    def zoom(self, factor: float) -> None:
        self.grid.set_zoom(self.grid.pixels_per_minute * factor)

    def show_day(self, day: date) -> None:
        """The day by room (from the whole plan's "+N more")."""
        self.view_mode.setCurrentIndex(self.view_mode.findData("day"))
        index = self._day_index(day)
        if index >= 0:
            self.day.setCurrentIndex(index)

    def step_day(self, step: int) -> None:
        index = self.day.currentIndex() + step
        if 0 <= index < self.day.count():
            self.day.setCurrentIndex(index)

    def set_problem_ids(self, ids: set[int]) -> None:
        self.grid.problem_ids = set(ids)
        self.grid.describe_selection()
        self.grid.update()

    def _reveal(self, rect: QRectF) -> None:
        self.scroll_area.ensureVisible(
            int(rect.center().x()),
            int(rect.center().y()),
            int(rect.width() / 2) + 20,
            int(rect.height() / 2) + 40,
        )

    def show_session(self, session_id: int) -> None:
        """Open the session's day and select it (from the problems panel)."""
        if self.freshness.stale or self.data is None:
            self.refresh()
        if self.data is None or session_id not in self.data.blocks:
            return
        block = self.data.blocks[session_id]
        predicate = self.data.predicate(self.filter.value())
        if not predicate(block):
            self.filter.set_value(None)
        self.view_mode.setCurrentIndex(0)
        self.day.setCurrentIndex(max(0, self._day_index(block.start.date())))
        self.show_current()
        self.grid.select({session_id})
        rect = self.grid.rect_of(session_id)
        if rect is not None:
            self._reveal(rect)
        self.grid.setFocus()

    def _update_status(self) -> None:
        n = len(self.grid.selected)
        shown = len(self.grid.blocks)
        text = self.tr("%n session(s) shown", "", shown)
        if n:
            text += " · " + self.tr("%n selected", "", n)
        text += " · " + self.tr(
            "Drag to move, drag an edge to resize, drag on empty space to"
            " create; double-click to edit."
        )
        self.status.setText(text)
        self.repeat_button.setEnabled(n > 0)

    # changes
    def selected_blocks(self) -> list[Block]:
        return [b for b in self.grid.blocks if b.id in self.grid.selected]

    def _on_moved(self, session_id: int, start: datetime, end: datetime, room: int | None) -> None:
        assert self.data is not None
        block = self.data.blocks[session_id]
        values: dict[str, Any] = {"start": start, "end": end}
        if self.grid.by_room and room != block.room_id:
            values["room_id"] = room
        self.ctrl.update("session", session_id, values, expected_version=block.version)
        self.grid.clear_preview()  # the change reloads the calendar; a refusal leaves it as it was

    def _on_create(self, start: datetime, end: datetime, room: int | None) -> None:
        preset: dict[str, Any] = {"start": start, "end": end, "room_id": room}
        unit = self.filter.value()
        if unit is not None and unit[0] in ("group", "delegation", "person"):
            preset["audience"] = [unit]
        elif unit is not None and unit[0] == "room":
            preset["room_id"] = unit[1]
        dialog = self._editor().open(self.window(), "session", None, preset)
        if dialog is not None and dialog.exec() and dialog.created_id is not None:
            self.refresh()
            self.grid.select({dialog.created_id})
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows move it at once

    def _edit(self, session_id: int) -> None:
        dialog = self._editor().open(self.window(), "session", session_id)
        if dialog is not None:
            dialog.exec()

    def add_item(self) -> None:
        if self.data is None:
            return
        day = self.current_day() or self.data.first_day
        start = datetime.combine(day, datetime.min.time(), tzinfo=self.data.zone) + timedelta(
            hours=9
        )
        self._on_create(start, start + timedelta(hours=1), None)

    def edit_item(self) -> None:
        if len(self.grid.selected) == 1:
            self._edit(next(iter(self.grid.selected)))

    def delete_items(self) -> None:
        blocks = self.selected_blocks()
        if not blocks:
            return
        if len(blocks) == 1:
            question = self.tr("Delete the session “%1”?").replace("%1", blocks[0].title)
        else:
            question = self.tr("Delete %n sessions?", "", len(blocks))
        if self.confirm_delete(question):
            self.ctrl.delete("session", [b.id for b in blocks])

    def confirm_delete(self, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.NoButton,
            self.window(),
        )
        box.setInformativeText(self.tr("You can undo this with Edit ▸ Undo (Ctrl+Z)."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is delete

    def _values_of(self, blocks: list[Block]) -> list[dict[str, Any]]:
        store = self.ctrl.require()
        out = []
        for b in blocks:
            try:
                values = operations.get_values(store, "session", b.id)
            except PlannerError as exc:
                self.ctrl.failed.emit(str(exc))
                return []
            out.append({k: values[k] for k in COPIED})
        return out

    def copy_rows(self) -> None:
        """Copy the selected sessions (Edit ▸ Copy Rows, Ctrl+C): to paste here, and as text."""
        blocks = self.selected_blocks()
        if not blocks:
            return
        self._clipboard = self._values_of(blocks)
        QGuiApplication.clipboard().setText(
            "\n".join(
                f"{b.start:%Y-%m-%d}\t{b.start:%H:%M}\t{b.end:%H:%M}\t{b.title}" for b in blocks
            )
        )
        self.status.setText(
            self.tr("%n session(s) copied; Ctrl+V pastes them on the day shown.", "", len(blocks))
        )

    def paste(self) -> None:
        """Paste the copied sessions on the day shown, at the same times and rooms."""
        day = self.current_day()
        if not self._clipboard or day is None or self.view_mode.currentData() != "day":
            return
        first = min(v["start"] for v in self._clipboard)
        shift = day - first.astimezone(self.data.zone).date() if self.data else timedelta()
        self._create_copies(
            [self._shifted(v, shift) for v in self._clipboard],
            self.tr("Paste %n session(s)", "", len(self._clipboard)),
        )

    def duplicate_selected(self) -> None:
        """A copy of each selected session right after it, in the same room."""
        values = self._values_of(self.selected_blocks())
        copies = []
        for v in values:
            length = v["end"] - v["start"]
            copies.append({**v, "start": v["end"], "end": v["end"] + length})
        self._create_copies(copies, self.tr("Duplicate %n session(s)", "", len(copies)))

    def repeat_selected(self) -> None:
        blocks = self.selected_blocks()
        if not blocks or self.data is None:
            return
        dialog = RepeatDialog(
            self.data.days(), {b.start.date() for b in blocks}, self.formats, self
        )
        if not dialog.exec():
            return
        values = self._values_of(blocks)
        copies = []
        for v in values:
            origin = v["start"].astimezone(self.data.zone).date()
            for day in dialog.chosen_days():
                if day != origin:
                    copies.append(self._shifted(v, day - origin))
        self._create_copies(copies, self.tr("Repeat %n session(s)", "", len(copies)))

    def _shifted(self, values: dict[str, Any], shift: timedelta) -> dict[str, Any]:
        zone = self.data.zone if self.data else None

        def move(moment: datetime) -> datetime:
            local = moment.astimezone(zone)
            return (local.replace(tzinfo=None) + shift).replace(tzinfo=zone)

        return {**values, "start": move(values["start"]), "end": move(values["end"])}

    def _create_copies(self, items: list[dict[str, Any]], text: str) -> None:
        if not items:
            return
        ids = self.ctrl.create_many("session", items, text)
        if ids:
            self.refresh()
            self.grid.select(set(ids))

    def generate_rotation(self) -> None:
        from ui.dialogs.rotation import RotationDialog

        if self.ctrl.store is None:
            return
        dialog = RotationDialog(self.ctrl, self.formats, self.window())
        dialog.exec()

    def focus_search(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.lineEdit().selectAll()

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        n = len(self.grid.selected)
        menu.addAction(self.tr("Edit…"), self.edit_item).setEnabled(n == 1)
        menu.addAction(self.tr("Duplicate"), self.duplicate_selected).setEnabled(n > 0)
        menu.addAction(self.tr("Copy"), self.copy_rows).setEnabled(n > 0)
        menu.addAction(self.tr("Paste"), self.paste).setEnabled(bool(self._clipboard))
        menu.addAction(self.tr("Repeat on days…"), self.repeat_selected).setEnabled(n > 0)
        menu.addAction(self.tr("History of This Session…"), self.show_session_history).setEnabled(
            n == 1
        )
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_items).setEnabled(n > 0)
        menu.exec(pos)

    def show_session_history(self) -> None:
        if len(self.grid.selected) == 1 and self.history is not None:
            self.history(
                "agenda_session", next(iter(self.grid.selected)), self.tr("History of this session")
            )


class RepeatDialog(QDialog):
    """Choose the days to copy sessions to."""

    def __init__(
        self, days: list[date], origin: set[date], formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Repeat on days"))
        self.setObjectName("repeat_dialog")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Copy the selected sessions, at the same times and in"
                    " the same rooms, to these days:"
                ),
                self,
            )
        )
        self.boxes: list[tuple[date, QCheckBox]] = []
        for d in days:
            box = QCheckBox(formats.weekday_date(d), self)
            if d in origin:
                box.setEnabled(False)
                box.setToolTip(self.tr("The sessions are already on this day"))
            layout.addWidget(box)
            self.boxes.append((d, box))
        weekdays = QPushButton(self.tr("All &weekdays"), self)
        weekdays.clicked.connect(self._tick_weekdays)
        layout.addWidget(weekdays)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _tick_weekdays(self) -> None:
        for d, box in self.boxes:
            box.setChecked(d.weekday() < 5 and box.isEnabled())

    def chosen_days(self) -> list[date]:
        return [d for d, box in self.boxes if box.isChecked() and box.isEnabled()]
