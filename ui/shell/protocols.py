"""What the main window's helpers (:mod:`ui.shell.plan_files`, :mod:`ui.shell.tools`,
:mod:`ui.shell.actions`, printing) ask of the window: :class:`Shell`. They hold the window as
a ``Shell``, never as the class itself, so none of them imports the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMenuBar, QStatusBar, QWidget

from planner.domain.errors import DamagedPlanError
from ui import settings as opt
from ui.formats import Formats
from ui.pages.protocols import Panel
from ui.session.controller import PlanController
from ui.shell.navigation import LazyPages

if TYPE_CHECKING:  # the dialogs load on first use, not at start-up
    from planner.store.recovery import Recovery
    from ui.dialogs.damaged import DamagedBox
    from ui.dialogs.editors.editor import ItemEditor
    from ui.dialogs.unknown_zone import UnknownZoneBox
    from ui.shell.plan_files import PlanFiles  # which holds the window as a Shell


class Shell(Protocol):
    """The main window as its helpers see it."""

    ctrl: PlanController
    settings: opt.Settings
    formats: Formats
    pages: LazyPages
    files: PlanFiles
    # what the window said last (tests and scripts read them)
    last_error: str
    last_damaged: DamagedBox | None
    last_unknown_zone: UnknownZoneBox | None
    last_recovery: Recovery | None

    @property
    def editor(self) -> ItemEditor:
        """The add/edit dialogs (loaded on first use)."""

    def window(self) -> QWidget:
        """The window itself, as the parent of dialogs."""

    def statusBar(self) -> QStatusBar: ...

    def menuBar(self) -> QMenuBar: ...

    def current_page(self) -> QWidget | None: ...

    def show_page(self, name: str) -> None: ...

    def show_error(self, message: str, title: str = "") -> None: ...

    def show_damaged(self, error: DamagedPlanError) -> None: ...

    # what the window's own menu entries do
    def act_on_panel(self, action: Callable[[Panel], None]) -> None:
        """Edit ▸ Add, Edit, Delete, Copy Rows, Find: ``action`` on the page's panel."""

    def show_problems(self) -> None: ...

    def refresh_all(self) -> None: ...

    def preferences(self) -> None: ...

    def about(self) -> None: ...

    def close(self) -> bool: ...
