"""The core modules the window loads on first use, not at start-up (importing them loads
SQLAlchemy, which showing a plan does not need): ``operations`` (every change, and the values
a form starts from), ``privacy`` (a copy of the plan without personal data) and ``history``
(who changed what and when).

Import them from here, at the top of a module; each is loaded the first time one of its names
is used. Type checkers see the modules themselves.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any


class Deferred:
    """A module imported the first time one of its names is used."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


if TYPE_CHECKING:
    from planner import operations
    from planner.store import history, privacy
else:
    operations = Deferred("planner.operations")
    privacy = Deferred("planner.store.privacy")
    history = Deferred("planner.store.history")

__all__ = ["Deferred", "history", "operations", "privacy"]
