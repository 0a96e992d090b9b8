"""What the main window asks of its pages, typed: every page is a :class:`Page`, and the
part of a page that has the focus (a list, the budget's lines, the calendar) is a
:class:`Panel`, which the Edit menu acts on.

The window never asks a page for more than this: a list page's own lists
(:class:`ui.pages.lists.panel.ListPage`) are typed by their class.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from planner.store import Change


@runtime_checkable
class Panel(Protocol):
    """What Edit ▸ Add, Edit, Delete, Copy Rows and Find act on."""

    def add_item(self) -> None: ...

    def edit_item(self) -> None: ...

    def delete_items(self) -> None: ...

    def copy_rows(self) -> None: ...

    def focus_search(self) -> None: ...


@runtime_checkable
class Page(Protocol):
    """A page of the main window."""

    def on_changed(self, change: Change | None) -> None:
        """Something changed (None: anything may have, e.g. a plan was opened): reload what
        shows it, now if the page is visible, else when it is shown next."""

    def active_panel(self) -> Panel | None:
        """The panel the Edit menu acts on (None: the page has none, as the overview)."""
