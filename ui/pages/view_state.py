"""What a page shows, kept across a rebuild of the window (Preferences ▸ Language rebuilds every
page in the new language): each search, list selection and scroll position, the tab shown,
the splitters' sizes, and whatever a page keeps itself (the calendar's day, view and filter).

A widget is found again in the rebuilt page by its path from the page: the class and the
place among its siblings of the same class at each level, which a page built by the same code
repeats exactly.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QWidget,
)

from ui.pages.lists.panel import ListPanel

Path = tuple[tuple[str, int], ...]
State = dict[Path, tuple[str, Any]]


@runtime_checkable
class KeepsViewState(Protocol):
    """A page that says what to keep itself (its own controls, in an order that works)."""

    def view_state(self) -> Any: ...

    def restore_view_state(self, state: Any) -> None: ...


def _walk(widget: QWidget, path: Path = ()) -> list[tuple[Path, QWidget]]:
    found: list[tuple[Path, QWidget]] = []
    seen: dict[str, int] = {}
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow():
            continue  # a dialog belongs to no page
        kind = type(child).__name__
        place = seen.get(kind, 0)
        seen[kind] = place + 1
        child_path = (*path, (kind, place))
        found.append((child_path, child))
        found += _walk(child, child_path)
    return found


def _scroll(area: QAbstractScrollArea) -> tuple[int, int]:
    return area.horizontalScrollBar().value(), area.verticalScrollBar().value()


def capture(page: QWidget) -> State:
    state: State = {}
    if isinstance(page, KeepsViewState):
        state[()] = ("page", page.view_state())
    for path, widget in _walk(page):
        if isinstance(widget, ListPanel):
            state[path] = ("list", (widget.selected_ids(), widget.current_id()))
        elif isinstance(widget, QAbstractItemView):
            state[path] = ("scroll", _scroll(widget))
        elif isinstance(widget, QTabWidget):
            state[path] = ("tab", widget.currentIndex())
        elif isinstance(widget, QSplitter):
            state[path] = ("splitter", widget.saveState())
        elif isinstance(widget, QLineEdit) and widget.objectName() == "search":
            state[path] = ("search", widget.text())
    return state


def restore(page: QWidget, state: State) -> None:
    """Put ``page`` (rebuilt, shown and loaded) back as :func:`capture` found it: the controls
    first (searches, tabs, splitters), then, once the lists have loaded what they show, the
    selections and where each list was scrolled to."""
    if () in state and isinstance(page, KeepsViewState):
        page.restore_view_state(state[()][1])
    widgets = dict(_walk(page))
    later: list[tuple[QWidget, str, Any]] = []
    for path, (what, value) in state.items():
        widget = widgets.get(path)
        if widget is None or not path:
            continue
        if what == "search" and isinstance(widget, QLineEdit) and widget.text() != value:
            widget.setText(value)
        elif what == "tab" and isinstance(widget, QTabWidget):
            widget.setCurrentIndex(value)
        elif what == "splitter" and isinstance(widget, QSplitter):
            widget.restoreState(value)
        elif what in ("list", "scroll"):
            later.append((widget, what, value))
    QCoreApplication.processEvents()  # a tab's or page's lists load as they are shown
    for widget, what, value in later:
        if what == "list" and isinstance(widget, ListPanel):
            widget.freshness.refresh_if_stale()
            widget.select_ids(*value)
        elif what == "scroll" and isinstance(widget, QAbstractScrollArea):
            widget.horizontalScrollBar().setValue(value[0])
            widget.verticalScrollBar().setValue(value[1])
