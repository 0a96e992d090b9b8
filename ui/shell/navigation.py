"""The window's pages: their names in the order the navigation shows them, their icons and
shortcuts, and :class:`LazyPages`, the stack that builds each page the first time it is
needed (which keeps start-up fast)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources

from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.pages.lists.panel import ListPage
from ui.pages.protocols import Page

PAGE_NAMES = (
    "overview",
    "calendar",
    "sessions",
    "delegations",
    "people",
    "organisations",
    "groups",
    "venues",
    "curriculum",
    "travel",
    "accommodation",
    "site_visits",
    "vehicles",
    "budget",
)


def page_shortcut(index: int) -> QKeySequence | None:
    """Ctrl+1 … Ctrl+9 and Ctrl+0 for the first ten pages; the rest have none."""
    if index < 9:
        return QKeySequence(f"Ctrl+{index + 1}")
    if index == 9:
        return QKeySequence("Ctrl+0")
    return None


def icon(name: str) -> QIcon:
    return QIcon(str(resources.files("resources") / "icons" / f"{name}.svg"))


class LazyPages:
    """The window's pages by name, each built by its factory the first time it is asked for
    and put in its place in the stack. Every page is a :class:`Page`."""

    def __init__(self, factories: Mapping[str, Callable[[], QWidget]]) -> None:
        self._factories = factories
        self._pages: dict[str, QWidget] = {}
        self._stack: QStackedWidget | None = None
        self._names: tuple[str, ...] = ()

    def attach(self, stack: QStackedWidget, names: tuple[str, ...]) -> None:
        self._stack, self._names = stack, names
        for name in names:
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{name}")
            stack.addWidget(placeholder)

    def built(self, name: str) -> bool:
        return name in self._pages

    def __getitem__(self, name: str) -> QWidget:
        if name not in self._pages:
            page = self._factories[name]()
            page.setObjectName(f"page_{name}")
            self._pages[name] = page
            if self._stack is not None:
                index = self._names.index(name)
                old = self._stack.widget(index)  # its placeholder
                self._stack.insertWidget(index, page)
                if old is not None:
                    self._stack.removeWidget(old)
                    old.deleteLater()
        return self._pages[name]

    def page(self, name: str) -> Page:
        page = self[name]
        assert isinstance(page, Page)
        return page

    def list_page(self, name: str) -> ListPage:
        page = self[name]
        assert isinstance(page, ListPage)
        return page

    def built_pages(self) -> list[Page]:
        """The pages built so far (a page built later loads fresh anyway)."""
        pages: list[Page] = []
        for page in self._pages.values():
            assert isinstance(page, Page)
            pages.append(page)
        return pages
