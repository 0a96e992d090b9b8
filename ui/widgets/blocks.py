"""How the calendar draws a session's block: its colour, frame and as much of its title,
times, place and audience as fit (the title on two lines where there is room, the time and
title on one line for a short break, the module number and group letters for a narrow block
among parallel ones)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from planner.queries.calendar import Block

if TYPE_CHECKING:
    from ui.widgets.timegrid import Placed, TimeGrid

NARROW = 72  # a block narrower than this shows its module number and groups


class BlockPainter:
    def __init__(self, grid: TimeGrid) -> None:
        self.grid = grid

    def draw(self, painter: QPainter, p: Placed) -> None:
        grid = self.grid
        b = p.block
        assert grid.data is not None
        colour = QColor(grid.data.colour(b, grid.colour_by_module))
        fill = QColor(colour)
        fill.setAlpha(70 if b.id not in grid.selected else 140)
        rect = p.rect
        pen = QPen(colour.darker(140), 1)
        if b.id in grid.problem_ids:
            pen = QPen(QColor("#C62828"), 2, Qt.PenStyle.DashLine)
        if b.id in grid.selected:
            pen = QPen(grid.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if b.id in grid.selected and grid.hasFocus():  # where the keyboard is, as Qt draws it
            painter.setPen(
                QPen(grid.palette().color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), colour)
        inner = rect.adjusted(7, 2, -3, -2)
        if inner.height() < 6:
            return
        start, end, _c = grid._preview.get(b.id, (b.start, b.end, -1))
        painter.setPen(grid.palette().color(QPalette.ColorRole.Text))
        warn = "⚠ " if b.id in grid.problem_ids else ""
        if rect.width() < NARROW:
            self._narrow(painter, b, rect.adjusted(5, 1, -1, -1), warn)
            return
        fm_bold = QFontMetrics(grid._bold)
        fm = QFontMetrics(grid._small)
        when = f"{grid.formats.time(start)}–{grid.formats.time(end)}"
        title = warn + b.title
        width = int(inner.width())
        if inner.height() < fm_bold.height() + fm.height():  # one line: the time, then title
            painter.setFont(grid._small)
            stamp = grid.formats.time(start) + " "
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft), stamp)
            painter.setFont(grid._bold)
            left = fm.horizontalAdvance(stamp)
            painter.drawText(
                inner.adjusted(left, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft),
                fm_bold.elidedText(title, Qt.TextElideMode.ElideRight, max(0, width - left)),
            )
            return
        y = inner.top()
        painter.setFont(grid._bold)
        # the title on two lines when it is long and the block has room for both and its time
        two = (
            fm_bold.horizontalAdvance(title) > width
            and inner.height() >= 2 * fm_bold.height() + fm.height()
        )
        for line in self.title_lines(title, width, 2 if two else 1):
            painter.drawText(
                QRectF(inner.left(), y, inner.width(), fm_bold.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                line,
            )
            y += fm_bold.height()
        painter.setFont(grid._small)
        lines = [when]
        if not grid.by_room:  # where, on a line of its own: a day's lane is narrow
            room = grid.data.rooms.get(b.room_id) if b.room_id else None
            where = room.name if room else b.location
            if where:
                lines.append(where)
        if b.route:
            lines.append(b.route)
        if b.audience:
            lines.append(b.audience)
        for text in lines:
            if y + fm.height() > inner.bottom() + 1:
                break
            painter.drawText(
                QRectF(inner.left(), y, inner.width(), fm.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                fm.elidedText(text, Qt.TextElideMode.ElideRight, width),
            )
            y += fm.height()

    def title_lines(self, title: str, width: int, most: int) -> list[str]:
        """``title`` broken between words into at most ``most`` lines of ``width``, the last
        elided."""
        grid = self.grid
        fm = QFontMetrics(grid._bold)
        lines: list[str] = []
        rest = title
        while rest and len(lines) < most - 1:
            words = rest.split(" ")
            taken = 0
            while (
                taken < len(words) and fm.horizontalAdvance(" ".join(words[: taken + 1])) <= width
            ):
                taken += 1
            if taken == 0:
                break
            lines.append(" ".join(words[:taken]))
            rest = " ".join(words[taken:])
        if rest:
            lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return lines

    def _narrow(self, painter: QPainter, b: Block, inner: QRectF, warn: str) -> None:
        """A block a few characters wide (a day of the whole plan, four groups at once): its
        module number ("M3") or the first letters of its title, and its groups' letters
        ("A"); the whole is on hover."""
        grid = self.grid
        assert grid.data is not None
        fm_bold = QFontMetrics(grid._bold)
        fm = QFontMetrics(grid._small)
        number = grid.data.module_numbers.get(b.module_id) if b.module_id else None
        code = (
            QCoreApplication.translate("TimeGrid", "M%1").replace("%1", number)
            if number
            else b.title
        )
        width = int(inner.width())
        if number and fm_bold.horizontalAdvance(warn + code) > width:
            code = number  # the module's number alone where "M12" does not fit
        y = inner.top()
        painter.setFont(grid._bold)
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), fm_bold.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            fm_bold.elidedText(warn + code, Qt.TextElideMode.ElideRight, width, 0),
        )
        y += fm_bold.height()
        marks = grid.data.group_marks(b)
        if marks and y + fm.height() <= inner.bottom() + 1:
            painter.setFont(grid._small)
            painter.drawText(
                QRectF(inner.left(), y, inner.width(), inner.bottom() - y),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                marks,
            )
