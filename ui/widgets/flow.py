"""Widgets that never make the window wider than a laptop screen.

A row of widgets that wraps onto more lines when its space is narrow, so a list's heading,
search box and buttons never make the window wider than a laptop screen.

:class:`FlowRow` holds a *lead* (the heading and count, on the left) and a *trail* (the search
box and buttons, on the right). When everything fits on one line it reads as a toolbar: lead
on the left, trail on the right. When it does not, the trail moves onto the lines below,
right-aligned, wrapping between widgets as often as the width needs.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class FlowRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._lead: list[QLayoutItem] = []
        self._trail: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # building
    def add_lead(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._lead.append(QWidgetItem(widget))
        self.invalidate()

    def add_trail(self, widget: QWidget, before: QWidget | None = None) -> None:
        """Add ``widget`` to the right-hand group (before ``before`` when given)."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        index = next(
            (i for i, it in enumerate(self._trail) if before is not None and it.widget() is before),
            len(self._trail),
        )
        self._trail.insert(index, item)
        self.invalidate()

    # QLayout
    def addItem(self, item: QLayoutItem) -> None:
        self._trail.append(item)

    def _items(self) -> list[QLayoutItem]:
        return self._lead + self._trail

    def count(self) -> int:
        return len(self._items())

    def itemAt(self, index: int) -> QLayoutItem | None:
        items = self._items()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if index < len(self._lead):
            return self._lead.pop(index)
        index -= len(self._lead)
        return self._trail.pop(index) if 0 <= index < len(self._trail) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        shown = [i for i in self._items() if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown))
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items():
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    # the arrangement
    def _lines(
        self, items: list[QLayoutItem], width: int, from_end: bool = False
    ) -> list[list[QLayoutItem]]:
        """``items`` in lines of ``width``; ``from_end`` fills the last line first, so the
        buttons at the end stay together and the first line takes what is left."""
        order = list(reversed(items)) if from_end else items
        lines: list[list[QLayoutItem]] = []
        used = width + 1
        for item in order:
            w = min(item.sizeHint().width(), width)
            if lines and used + self._spacing + w <= width:
                lines[-1].append(item)
                used += self._spacing + w
            else:
                lines.append([item])
                used = w
        if from_end:
            lines = [list(reversed(line)) for line in reversed(lines)]
        return lines

    def _arrange(self, rect: QRect, apply: bool) -> int:
        lead = [i for i in self._lead if not i.isEmpty()]
        trail = [i for i in self._trail if not i.isEmpty()]
        width = max(1, rect.width())

        def span(items: list[QLayoutItem]) -> int:
            return sum(min(i.sizeHint().width(), width) for i in items) + self._spacing * max(
                0, len(items) - 1
            )

        gap = 12
        if span(lead) + gap + span(trail) <= width:
            lines = [(lead, trail)]
        else:
            lines = [(line, []) for line in self._lines(lead, width)]
            lines += [([], line) for line in self._lines(trail, width, from_end=True)]
        y = rect.y()
        for left, right in lines:
            height = max((i.sizeHint().height() for i in left + right), default=0)
            if apply:
                x = rect.x()
                for item in left:
                    w = min(item.sizeHint().width(), width)
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                    x += w + self._spacing
                x = rect.x() + width - span(right)
                for item in right:
                    w = min(item.sizeHint().width(), width)
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                    x += w + self._spacing
            y += height + self._spacing
        return y - rect.y() - (self._spacing if lines else 0)


class ElidedLabel(QLabel):
    """A line of text (a plan's path) that shortens in the middle, with an ellipsis, rather
    than widen the window; ``text()`` is the whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        return QSize(min(120, least.width()), least.height())

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full) + 8
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width())
        if shown != super().text():
            super().setText(shown)
