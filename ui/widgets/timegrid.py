"""The calendar's time grid: lanes across (rooms of a day, or days of the plan), time down.

Sessions are blocks. Drag a block to move it in time or to another lane, drag its top or bottom
edge to change its length (both snap to ``snap_minutes``), drag on empty space to create one,
double-click to edit, Delete to delete, arrows to move the selection. From the keyboard, Tab and
Shift+Tab go from session to session (then on to the next control), Home and End to the first
and last; a screen reader hears the chosen session's name, day, times, place and audience
through the grid's accessible description. The grid only draws and reports what the user did
(``moved``, ``create_requested``, ``edit_requested``...): the page turns that into planner
operations.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.queries.calendar import AgendaData, Block, snap
from ui.formats import Formats
from ui.widgets.blocks import BlockPainter

AXIS = 58
HEADER = 44
EDGE = 6
MIN_LANE = 150
MIN_DAY = 96  # eight days fit the calendar of a 1366 px wide window
BADGE = 44  # the width of a "+N" (more sessions then than fit)
MIN_SLOT = 28  # the narrowest side-by-side block (its module number and group letter)


def _sub_columns(spans: list[tuple[datetime, datetime]]) -> list[int]:
    """For spans in order of start, the sub-column of each: the leftmost free when it starts
    (overlapping spans side by side)."""
    free: list[int] = []  # sub-columns free now, smallest first
    busy: list[tuple[datetime, int]] = []  # (end, sub-column) of the spans running
    used = 0
    slots = []
    for start, end in spans:
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            slot = heapq.heappop(free)
        else:
            slot, used = used, used + 1
        heapq.heappush(busy, (end, slot))
        slots.append(slot)
    return slots


def _free(starts: list[datetime], ends: list[datetime], start: datetime, end: datetime) -> bool:
    """Whether a sub-column (its blocks' ``starts`` and ``ends``, in order and apart) is free
    from ``start`` to ``end``."""
    before = bisect_left(starts, end) - 1  # the last block to start before ``end``
    return before < 0 or ends[before] <= start


@dataclass(frozen=True)
class Column:
    """One lane: a room on a day (day view) or a whole day (week view)."""

    key: int | date | None  # room id (or None) in the day view, a date in the week view
    title: str
    subtitle: str
    day: date


@dataclass
class Placed:
    block: Block
    rect: QRectF
    column: int


class TimeGrid(QWidget):
    selection_changed = Signal()
    edit_requested = Signal(int)  # session id
    create_requested = Signal(object, object, object)  # start, end, lane key
    moved = Signal(int, object, object, object)  # session id, start, end, lane key
    delete_requested = Signal()
    context_requested = Signal(QPoint)
    reveal_requested = Signal(QRectF)  # the keyboard chose a block: scroll it into view
    day_requested = Signal(object)  # a date: "+N more" double-clicked, show it by room

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Calendar"))
        self.formats = Formats()  # the page sets the window's (Preferences ▸ Formats)
        self.axis = AXIS  # wide enough for the hours as the region writes them ("11:00 a. m.")
        self.data: AgendaData | None = None
        self.columns: list[Column] = []
        self.blocks: list[Block] = []
        self.by_room = True  # lanes are rooms (day view) or days (week view)
        self.colour_by_module = False
        self.snap_minutes = 5
        self.pixels_per_minute = 1.0
        self.first_minute = 7 * 60
        self.last_minute = 20 * 60
        self.problem_ids: set[int] = set()
        self.selected: set[int] = set()
        self._placed: list[Placed] = []
        self._where: dict[int, int] = {}  # session id -> its place in ``_placed``
        self._overflow: list[tuple[QRectF, int, date]] = []  # "+N" more at a time, on a day
        # while a block is dragged: the visible grid without it, drawn once, so each frame
        # draws only the dragged block over it (a plan of 30,000 sessions drags as lightly)
        self._still: tuple[QRect, frozenset[int], QPixmap] | None = None
        self._lane_width = MIN_LANE
        self._drag: dict[str, Any] | None = None
        self._preview: dict[int, tuple[datetime, datetime, int]] = {}
        self._rubber: QRectF | None = None
        font = self.font()
        self._small = QFont(font)
        self._small.setPointSizeF(font.pointSizeF() * 0.85)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self.painter = BlockPainter(self)
        self.selection_changed.connect(lambda: self.describe_selection(announce=True))

    # content
    def set_content(
        self, data: AgendaData, columns: list[Column], blocks: list[Block], by_room: bool
    ) -> None:
        self.data, self.columns, self.blocks, self.by_room = data, columns, blocks, by_room
        self.selected &= {b.id for b in blocks}
        self._preview.clear()
        self.describe_selection()
        starts = [self._minute_of(b.start, b.start.date()) for b in blocks]
        ends = [self._minute_of(b.end, b.start.date()) for b in blocks]
        self.first_minute = min([7 * 60, *[(m // 60) * 60 for m in starts]])
        self.last_minute = max([20 * 60, *[min(24 * 60, -(-m // 60) * 60) for m in ends]])
        self._layout()

    def set_zoom(self, pixels_per_minute: float) -> None:
        self.pixels_per_minute = max(0.4, min(4.0, pixels_per_minute))
        self._layout()

    def _min_lane(self) -> int:
        """A room needs room for its sessions' titles; a day of the whole plan is narrower, so
        that a week and more fits a laptop's screen (its sessions say what fits)."""
        return MIN_LANE if self.by_room else MIN_DAY

    def sizeHint(self) -> QSize:
        return QSize(
            self.axis + max(1, len(self.columns)) * self._min_lane(),
            HEADER + int((self.last_minute - self.first_minute) * self.pixels_per_minute),
        )

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        fm = QFontMetrics(self._small)
        widest = max(
            fm.horizontalAdvance(self.formats.time(datetime(2000, 1, 1, hour)))
            for hour in (0, 10, 11, 12, 22, 23)
        )
        self.axis = max(AXIS, widest + 14)
        self._layout()

    def _layout(self) -> None:
        parent = self.parentWidget()
        available = parent.width() if parent is not None else self.width()
        self._lane_width = max(
            self._min_lane(), (available - self.axis) // max(1, len(self.columns))
        )
        width = self.axis + self._lane_width * len(self.columns)
        height = HEADER + int((self.last_minute - self.first_minute) * self.pixels_per_minute) + 8
        self.setMinimumSize(width, height)
        self.resize(max(width, available), height)
        self._place()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.parentWidget()
        lanes = max(1, len(self.columns))
        if parent is not None and (parent.width() - self.axis) // lanes != self._lane_width:
            self._lane_width = max(self._min_lane(), (parent.width() - self.axis) // lanes)
            self._place()

    # geometry
    def _minute_of(self, moment: datetime, day: date) -> int:
        midnight = datetime.combine(day, time(0), tzinfo=moment.tzinfo)
        return int((moment - midnight).total_seconds() // 60)

    def y_of(self, minute: float) -> float:
        return HEADER + (minute - self.first_minute) * self.pixels_per_minute

    def minute_at(self, y: float) -> float:
        return self.first_minute + (y - HEADER) / self.pixels_per_minute

    def column_at(self, x: float) -> int:
        if not self.columns:
            return -1
        return max(0, min(len(self.columns) - 1, int((x - self.axis) // self._lane_width)))

    def _column_of(self, block: Block, start: datetime) -> int:
        for i, column in enumerate(self.columns):
            if self.by_room:
                if column.key == block.room_id:
                    return i
            elif column.day == start.date():
                return i
        return -1

    def _place(self) -> None:
        """Rectangles for every block, side by side where they overlap in a lane."""
        placed: list[Placed] = []
        by_column: dict[int, list[tuple[Block, datetime, datetime]]] = {}
        for b in self.blocks:
            start, end, column = self._preview.get(b.id, (b.start, b.end, -1))
            if column < 0:
                column = self._column_of(b, start)
            if column >= 0:
                by_column.setdefault(column, []).append((b, start, end))
        overflow: list[tuple[QRectF, int, date]] = []
        for column, items in by_column.items():
            items.sort(key=lambda x: (x[1], x[2]))
            slot_of = _sub_columns([(start, end) for _b, start, end in items])
            # as many sub-columns as can show a block's module and group; past them a
            # "+N" says how many more run then (double-click it for the day by room)
            usable = int(self._lane_width - 6)
            needed = max(slot_of, default=0) + 1
            if needed > usable // MIN_SLOT:  # crowded: keep room on the right for the "+N"
                usable -= BADGE + 2
            slots = min(needed, max(1, usable // MIN_SLOT))
            starts: list[list[datetime]] = [[] for _ in range(slots)]
            finishes: list[list[datetime]] = [[] for _ in range(slots)]
            for (_b, start, end), slot in zip(items, slot_of, strict=True):
                if slot < slots:
                    starts[slot].append(start)  # in order, and apart, within a sub-column
                    finishes[slot].append(end)
            width = usable / slots
            day = self.columns[column].day
            hidden: dict[datetime, int] = {}
            for (b, start, end), slot in zip(items, slot_of, strict=True):
                if slot >= slots:
                    hidden[start] = hidden.get(start, 0) + 1
                    continue
                # a block spreads right over the sub-columns free while it runs, so a
                # plenary session between parallel ones reads at the lane's full width
                span = 1
                while slot + span < slots and _free(
                    starts[slot + span], finishes[slot + span], start, end
                ):
                    span += 1
                top = self.y_of(self._minute_of(start, day))
                bottom = self.y_of(self._minute_of(end, day))
                x = self.axis + column * self._lane_width + 3 + slot * width
                rect = QRectF(x, top, width * span - 2, max(8.0, bottom - top))
                placed.append(Placed(b, rect, column))
            right = self.axis + (column + 1) * self._lane_width - 3
            for start, count in hidden.items():
                top = self.y_of(self._minute_of(start, day))
                overflow.append((QRectF(right - BADGE, top + 1, BADGE, 16), count, day))
        self._overflow = overflow
        self._placed = placed
        self._where = {p.block.id: i for i, p in enumerate(placed)}
        self._still = None  # the picture of the blocks that stay, made again when needed

    def block_at(self, pos: QPointF) -> Placed | None:
        for p in reversed(self._placed):
            if p.rect.contains(pos):
                return p
        return None

    def rect_of(self, session_id: int) -> QRectF | None:
        where = self._where.get(session_id)
        return self._placed[where].rect if where is not None else None

    # drawing
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        clip = event.rect()
        moving = frozenset(self._preview)
        if self._drag is not None and moving:
            visible = self.visibleRegion().boundingRect()
            still = self._still
            if still is None or still[0] != visible or still[1] != moving:
                ratio = self.devicePixelRatioF()
                picture = QPixmap(visible.size() * ratio)
                picture.setDevicePixelRatio(ratio)
                inside = QPainter(picture)
                inside.translate(-visible.topLeft())
                self._paint_grid(inside, visible, skip=moving)
                inside.end()
                still = self._still = (visible, moving, picture)
            painter.setClipRect(clip)
            painter.drawPixmap(visible.topLeft(), still[2])
            for sid in moving:
                where = self._where.get(sid)
                if where is not None:
                    self.painter.draw(painter, self._placed[where])
            self._draw_frame(painter, clip)
            return
        self._still = None
        self._paint_grid(painter, clip)
        if self._rubber is not None:
            palette = self.palette()
            highlight = palette.color(QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(60)
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawRect(self._rubber)
        self._draw_frame(painter, clip)
        if self.hasFocus() and not self.selected:  # focus with no session chosen: the grid
            visible = self.visibleRegion().boundingRect()
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(visible.adjusted(1, 1, -1, -1))

    def _paint_grid(
        self, painter: QPainter, clip: QRect, skip: frozenset[int] = frozenset()
    ) -> None:
        """The lines and the blocks (all but ``skip``) within ``clip``."""
        palette = self.palette()
        painter.fillRect(clip, palette.color(QPalette.ColorRole.Base))
        line = palette.color(QPalette.ColorRole.Mid)
        light = QColor(line)
        light.setAlpha(70)
        # hour lines
        for minute in range(self.first_minute, self.last_minute + 1, 30):
            y = int(self.y_of(minute))
            if clip.top() - 2 <= y <= clip.bottom() + 2:
                painter.setPen(QPen(line if minute % 60 == 0 else light, 1))
                painter.drawLine(max(self.axis, clip.left()), y, clip.right(), y)
        # lane separators
        painter.setPen(QPen(light, 1))
        for i in range(len(self.columns) + 1):
            x = self.axis + i * self._lane_width
            if clip.left() - 2 <= x <= clip.right() + 2:
                painter.drawLine(x, HEADER, x, self.height())
        # blocks
        clip_f = QRectF(clip)
        for p in self._placed:
            if p.rect.intersects(clip_f) and p.block.id not in skip:
                self.painter.draw(painter, p)
        if self._overflow:  # "+N": sessions at that time beyond the lane's width
            painter.setFont(self._small)
            for rect, count, _day in self._overflow:
                if rect.intersects(clip_f):
                    painter.setPen(QPen(palette.color(QPalette.ColorRole.Dark), 1))
                    painter.setBrush(palette.color(QPalette.ColorRole.ToolTipBase))
                    painter.drawRoundedRect(rect, 6, 6)
                    painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
                    painter.drawText(
                        rect, int(Qt.AlignmentFlag.AlignCenter), f"+{self.formats.number(count)}"
                    )

    def _draw_frame(self, painter: QPainter, clip: QRect) -> None:
        """The lane headers (pinned to the top) and the time axis (pinned to the left)."""
        visible = self.visibleRegion().boundingRect()
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        top, left = visible.top(), visible.left()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(window)
        painter.drawRect(QRect(left, top, self.axis, visible.height()))
        fm = QFontMetrics(self._small)
        painter.setFont(self._small)
        painter.setPen(text)
        for minute in range(self.first_minute, self.last_minute + 1, 60):
            y = int(self.y_of(minute))
            if top + HEADER - 4 <= y <= visible.bottom():
                painter.drawText(
                    QRect(left, y - fm.height() // 2, self.axis - 8, fm.height()),
                    int(Qt.AlignmentFlag.AlignRight),
                    self.formats.time(datetime.combine(date(2000, 1, 1), time(minute // 60 % 24))),
                )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(window)
        painter.drawRect(QRect(left, top, visible.width(), HEADER))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(left, top + HEADER, visible.right(), top + HEADER)
        for i, column in enumerate(self.columns):
            x = self.axis + i * self._lane_width
            if x + self._lane_width < left or x > visible.right():
                continue
            rect = QRect(x + 4, top + 2, self._lane_width - 8, HEADER // 2)
            painter.setFont(self._bold)
            painter.setPen(text)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                QFontMetrics(self._bold).elidedText(
                    column.title, Qt.TextElideMode.ElideRight, rect.width()
                ),
            )
            painter.setFont(self._small)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            sub = rect.translated(0, HEADER // 2 - 2)
            painter.drawText(
                sub,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                fm.elidedText(column.subtitle, Qt.TextElideMode.ElideRight, sub.width()),
            )

    # mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        if event.button() == Qt.MouseButton.RightButton:
            hit = self.block_at(pos)
            if hit is not None and hit.block.id not in self.selected:
                self.selected = {hit.block.id}
                self.selection_changed.emit()
                self.update()
            self.context_requested.emit(event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.block_at(pos)
        if hit is None:
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.selected.clear()
                self.selection_changed.emit()
            self._drag = {"mode": "create", "origin": pos, "column": self.column_at(pos.x())}
            self.update()
            return
        b = hit.block
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.selected ^= {b.id}
        elif b.id not in self.selected:
            self.selected = {b.id}
        self.selection_changed.emit()
        mode = "move"
        if pos.y() - hit.rect.top() <= EDGE and hit.rect.height() > 3 * EDGE:
            mode = "top"
        elif hit.rect.bottom() - pos.y() <= EDGE:
            mode = "bottom"
        self._drag = {
            "mode": mode,
            "origin": pos,
            "block": b,
            "column": hit.column,
            "active": False,
        }
        self.update(hit.rect.toAlignedRect().adjusted(-3, -3, 3, 3))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self._drag
        if drag is None:
            hit = self.block_at(pos)
            cursor = Qt.CursorShape.ArrowCursor
            if hit is not None:
                if (
                    pos.y() - hit.rect.top() <= EDGE and hit.rect.height() > 3 * EDGE
                ) or hit.rect.bottom() - pos.y() <= EDGE:
                    cursor = Qt.CursorShape.SizeVerCursor
                else:
                    cursor = Qt.CursorShape.OpenHandCursor
            self.setCursor(cursor)
            return
        if drag["mode"] == "create":
            origin = drag["origin"]
            column = drag["column"]
            x = self.axis + column * self._lane_width + 3
            old = self._rubber
            self._rubber = QRectF(
                x, min(origin.y(), pos.y()), self._lane_width - 6, abs(pos.y() - origin.y())
            )
            self._repaint_rects(old, self._rubber)
            return
        if not drag["active"] and (pos - drag["origin"]).manhattanLength() < 4:
            return
        drag["active"] = True
        self.drag_to(pos)

    def drag_to(self, pos: QPointF) -> None:
        """Show the dragged block where it would land (public for tests and benchmarks)."""
        drag = self._drag
        assert drag is not None
        b: Block = drag["block"]
        delta = (pos.y() - drag["origin"].y()) / self.pixels_per_minute
        step = timedelta(minutes=self.snap_minutes)
        start, end = b.start, b.end
        column = drag["column"]
        if drag["mode"] == "move":
            start = snap(b.start + timedelta(minutes=delta), self.snap_minutes)
            end = start + (b.end - b.start)
            column = self.column_at(pos.x())
            if not self.by_room:
                shift = self.columns[column].day - self.columns[drag["column"]].day
                start, end = start + shift, end + shift
        elif drag["mode"] == "top":
            start = min(snap(b.start + timedelta(minutes=delta), self.snap_minutes), end - step)
        else:
            end = max(snap(b.end + timedelta(minutes=delta), self.snap_minutes), start + step)
        old = self.rect_of(b.id)
        self._preview[b.id] = (start, end, column)
        self._place_dragged(b, start, end, column)
        self._repaint_rects(old, self.rect_of(b.id))

    def _place_dragged(self, b: Block, start: datetime, end: datetime, column: int) -> None:
        """Only the dragged block moves while dragging; the lane is laid out again on drop."""
        day = self.columns[column].day
        top = self.y_of(self._minute_of(start, day))
        bottom = self.y_of(self._minute_of(end, day))
        x = self.axis + column * self._lane_width + 3
        rect = QRectF(x, top, self._lane_width - 8, max(8.0, bottom - top))
        where = self._where.get(b.id)
        if where is not None:
            self._placed[where] = Placed(b, rect, column)
        else:
            self._where[b.id] = len(self._placed)
            self._placed.append(Placed(b, rect, column))

    def _repaint_rects(self, *rects: QRectF | None) -> None:
        region = QRect()
        for rect in rects:
            if rect is not None:
                region = region.united(rect.toAlignedRect().adjusted(-4, -4, 4, 4))
        if not region.isNull():
            self.update(region)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        if drag["mode"] == "create":
            rubber, self._rubber = self._rubber, None
            self.update()
            if rubber is not None and rubber.height() >= 10 and drag["column"] >= 0:
                self._request_create(rubber.top(), rubber.bottom(), drag["column"])
            return
        self.finish_drag()

    def finish_drag(self) -> None:
        """Report where the dragged blocks landed (the page saves them)."""
        self._drag = None
        for sid, (start, end, column) in list(self._preview.items()):
            b = next((x for x in self.blocks if x.id == sid), None)
            if b is None or (
                (start, end) == (b.start, b.end) and column == self._column_of(b, b.start)
            ):
                self._preview.pop(sid, None)
                continue
            key = self.columns[column].key if self.by_room else b.room_id
            self.moved.emit(sid, start, end, key)
        self._place()
        self.update()

    def dragging(self) -> bool:
        return self._drag is not None

    def clear_preview(self) -> None:
        self._preview.clear()
        self._place()
        self.update()

    def _request_create(self, top: float, bottom: float, column: int) -> None:
        col = self.columns[column]
        midnight = datetime.combine(col.day, time(0), tzinfo=self.data.zone if self.data else None)
        start = snap(midnight + timedelta(minutes=self.minute_at(top)), self.snap_minutes)
        end = snap(midnight + timedelta(minutes=self.minute_at(bottom)), self.snap_minutes)
        if end <= start:
            end = start + timedelta(minutes=max(self.snap_minutes, 30))
        self.create_requested.emit(start, end, col.key if self.by_room else None)

    def _more_at(self, pos: QPointF) -> tuple[QRectF, int, date] | None:
        return next((o for o in self._overflow if o[0].contains(pos)), None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        more = self._more_at(event.position())
        if more is not None:
            self._drag = None
            self.day_requested.emit(more[2])
            return
        hit = self.block_at(event.position())
        self._drag = None
        if hit is not None:
            self.edit_requested.emit(hit.block.id)
            return
        column = self.column_at(event.position().x())
        if column >= 0:
            y = event.position().y()
            self._request_create(y, y + 60 * self.pixels_per_minute, column)

    # keyboard and screen readers
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if self.step_selection(-1 if backwards else 1):
                return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.block_at(QPointF(event.pos()))
            more = self._more_at(QPointF(event.pos()))
            if more is not None:
                QToolTip.showText(
                    event.globalPos(),
                    self.tr(
                        "%n more session(s) start then, too many to show side by side."
                        " Double-click to see the day by room.",
                        "",
                        more[1],
                    ),
                    self,
                )
            elif hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(hit.block), self)
            return True
        return super().event(event)

    def _reading_order(self) -> list[Placed]:
        return sorted(self._placed, key=lambda p: (p.column, p.rect.top(), p.rect.left()))

    def step_selection(self, step: int) -> bool:
        """Choose the next (``step`` 1) or previous (-1) session in reading order: lane by
        lane, top to bottom. False when there is none, so Tab goes on to the next control."""
        order = self._reading_order()
        current = [i for i, p in enumerate(order) if p.block.id in self.selected]
        if not current:
            if step < 0 or not order:
                return False  # Shift+Tab into a grid with nothing chosen goes on backwards
            index = 0
        else:
            index = (current[-1] if step > 0 else current[0]) + step
            if not 0 <= index < len(order):
                return False
        self._choose(order[index])
        return True

    def _choose(self, placed: Placed) -> None:
        self.selected = {placed.block.id}
        self.selection_changed.emit()
        self.reveal_requested.emit(placed.rect)
        self.update()

    def describe(self, block: Block) -> str:
        """What a screen reader says and a tooltip shows: "Module 3: Document fraud. Monday 27
        Nov 2023, 08:00 to 10:00. Room A. Group 1." """
        start, end, column = self._preview.get(block.id, (block.start, block.end, -1))
        parts = [block.title]
        parts.append(
            self.tr("%1, %2 to %3")
            .replace("%1", self.formats.weekday_date(start.date()))
            .replace("%2", self.formats.time(start))
            .replace("%3", self.formats.time(end))
        )
        room = self.data.rooms.get(block.room_id) if self.data and block.room_id else None
        if column >= 0 and self.by_room and self.columns[column].key != block.room_id:
            parts.append(self.columns[column].title)  # being moved to another room
        elif room is not None:
            parts.append(room.name)
        elif block.location:
            parts.append(block.location)
        for extra in (block.route, block.audience):
            if extra:
                parts.append(extra)
        if block.id in self.problem_ids:
            parts.append(self.tr("It has a problem: see the Problems panel (F8)"))
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def describe_selection(self, announce: bool = False) -> None:
        """Keep the accessible description on the chosen session, and say it out loud."""
        chosen = [b for b in self.blocks if b.id in self.selected]
        if len(chosen) == 1:
            text = self.describe(chosen[0])
        elif chosen:
            text = self.tr("%n sessions chosen", "", len(chosen))
        else:
            text = self.tr(
                "No session chosen. Tab goes from session to session; the arrows move"
                " the chosen one, Shift with the arrows changes its length, Enter"
                " edits it."
            )
        if text == self.accessibleDescription():
            return
        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )
        if announce and self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._placed:
            order = self._reading_order()
            self._choose(order[0] if key == Qt.Key.Key_Home else order[-1])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self.selected) == 1:
            self.edit_requested.emit(next(iter(self.selected)))
            return
        if (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
            and self.selected
        ):
            self.nudge(key, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self._preview.clear()
            self._rubber = None
            self._place()
            self.update()
            return
        super().keyPressEvent(event)

    def nudge(self, key: int, resize: bool) -> None:
        """Move (or with Shift, lengthen/shorten) the selected sessions by one snap step or
        one lane."""
        step = timedelta(minutes=self.snap_minutes)
        for b in [x for x in self.blocks if x.id in self.selected]:
            start, end = b.start, b.end
            column = self._column_of(b, b.start)
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                sign = -1 if key == Qt.Key.Key_Up else 1
                if resize:
                    end = max(start + step, end + sign * step)
                else:
                    start, end = start + sign * step, end + sign * step
            else:
                column = max(
                    0, min(len(self.columns) - 1, column + (-1 if key == Qt.Key.Key_Left else 1))
                )
                if not self.by_room:
                    shift = self.columns[column].day - start.date()
                    start, end = start + shift, end + shift
            self._preview[b.id] = (start, end, column)
        self.finish_drag()

    # selection helpers
    def select(self, ids: set[int]) -> None:
        self.selected = set(ids)
        self.selection_changed.emit()
        self.update()
