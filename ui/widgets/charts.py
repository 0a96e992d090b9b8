"""A small horizontal bar chart painted with QPainter (no chart add-on needed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    """Bars of (label, value, colour), with the value written at the end of each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int, str]] = []
        self._format = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: Sequence[tuple[str, int, str]], number_format: Any = str) -> None:
        self._bars = list(bars)
        self._format = number_format
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value, _c in bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, int, str]]:
        return list(self._bars)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self._bars)) * self._row_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        palette = self.palette()
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        label_width = min(
            max(fm.horizontalAdvance(b[0]) for b in self._bars) + 12, self.width() // 2
        )
        value_width = max(fm.horizontalAdvance(self._format(b[1])) for b in self._bars) + 10
        top = max(b[1] for b in self._bars) or 1
        row = self._row_height()
        span = max(10, self.width() - label_width - value_width - 4)
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for i, (label, value, colour) in enumerate(self._bars):
            y = 2 + i * row
            painter.setPen(text_colour)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            width = span * value / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(label_width, y + 3, max(width, 2), row - 6), 3, 3)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_width + width + 6, y, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._format(value),
            )
