"""A small horizontal bar chart painted with QPainter (no chart add-on needed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    """Bars of (label, value, colour), with the value written at the end of each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int, str]] = []
        self._format: Callable[[int], str] = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(
        self, bars: Sequence[tuple[str, int, str]], number_format: Callable[[int], str] = str
    ) -> None:
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


class AmountChart(QWidget):
    """Horizontal bars of amounts of money (label, amount, actual or None, colour): each bar
    says its amount and its share of the total; an actual cost shows as a dark bar inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, Decimal, Decimal | None, str]] = []
        self._format: Callable[[Decimal], str] = str
        self._percent: Callable[[float], str] = lambda p: f"{p:.1f} %"
        self._legend: tuple[str, str] = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(
        self,
        bars: Sequence[tuple[str, Decimal, Decimal | None, str]],
        amount_format: Callable[[Decimal], str] = str,
        percent_format: Callable[[float], str] | None = None,
        legend: tuple[str, str] = ("", ""),
    ) -> None:
        """``legend`` names the budget and the actual bars (shown when an actual exists)."""
        self._bars = list(bars)
        self._format = amount_format
        if percent_format is not None:
            self._percent = percent_format
        self._legend = legend
        self.setAccessibleDescription(
            "; ".join(f"{label}: {amount_format(amount)}" for label, amount, _a, _c in self._bars)
        )
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, Decimal, Decimal | None, str]]:
        return list(self._bars)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 14

    def _has_actual(self) -> bool:
        return any(b[2] is not None for b in self._bars)

    def sizeHint(self) -> QSize:
        legend = self.fontMetrics().height() + 12 if self._has_actual() else 0
        return QSize(480, max(1, len(self._bars)) * self._row_height() + 6 + legend)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def _value_text(self, amount: Decimal, total: Decimal, actual: Decimal | None) -> str:
        share = float(amount / total * 100) if total else 0.0
        text = f"{self._format(amount)}  ·  {self._percent(share)}"
        if actual is not None and self._legend[1]:
            text += f"  ·  {self._legend[1]} {self._format(actual)}"
        return text

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        total = sum((b[1] for b in self._bars), Decimal(0))
        label_width = min(
            max(fm.horizontalAdvance(b[0]) for b in self._bars) + 16, int(self.width() * 0.4)
        )
        value_width = (
            max(fm.horizontalAdvance(self._value_text(b[1], total, b[2])) for b in self._bars) + 12
        )
        top = float(max(max(b[1], b[2] or Decimal(0)) for b in self._bars)) or 1.0
        row = self._row_height()
        span = max(10.0, self.width() - label_width - value_width - 8.0)
        dark = QColor(text_colour)
        dark.setAlpha(200)
        for i, (label, amount, actual, colour) in enumerate(self._bars):
            y = 3 + i * row
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y, label_width - 10, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 10),
            )
            width = span * float(amount) / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(label_width, y + 4, max(width, 2.0), row - 8), 3, 3)
            end = width
            if actual is not None:
                spent = span * float(actual) / top
                painter.setBrush(dark)
                painter.drawRect(QRectF(label_width, y + row / 2 - 2, max(spent, 2.0), 4))
                end = max(end, spent)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_width + end + 6, y, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._value_text(amount, total, actual),
            )
        if self._has_actual() and all(self._legend):
            y = 3 + len(self._bars) * row + 6
            x = float(label_width)
            h = fm.height()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(QRectF(x, y + 2, 22, h - 4), 3, 3)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x + 28, y, 400, h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._legend[0],
            )
            x += 28 + fm.horizontalAdvance(self._legend[0]) + 24
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dark)
            painter.drawRect(QRectF(x, y + h / 2 - 2, 22, 4))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x + 28, y, 400, h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._legend[1],
            )
