"""Refresh when shown: a page (or a part of one) reloads what a change touched at once when it
is visible, and otherwise only the next time it is shown, so a hidden page costs nothing."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from planner.store import Change


class RefreshWhenShown(QObject):
    """Keeps ``widget`` up to date lazily.

    :meth:`changed` marks it stale when a change touches one of ``tables`` (any change when
    ``tables`` is None; None as the change means anything may have changed) and, if the
    widget is visible, calls ``now`` (``refresh`` unless given: a page may wait for a quiet
    moment). A stale widget is refreshed as it is shown. ``refresh`` must set ``stale`` to
    False.
    """

    def __init__(
        self,
        widget: QWidget,
        refresh: Callable[[], None],
        tables: Collection[str] | None = None,
        now: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._now = now or refresh
        self.tables = frozenset(tables) if tables is not None else None
        self.stale = True
        widget.installEventFilter(self)

    def concerns(self, change: Change | None) -> bool:
        return change is None or self.tables is None or bool(change.tables & self.tables)

    def changed(self, change: Change | None) -> None:
        if self.concerns(change):
            self.stale = True
            if self._widget.isVisible():
                self._now()

    def refresh_if_stale(self) -> None:
        """Refresh now if stale and visible (after a pause, say)."""
        if self.stale and self._widget.isVisible():
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self._refresh()
        return False
