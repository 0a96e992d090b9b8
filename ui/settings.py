"""The window's settings, each declared once with its type and default (cf. Picard's options):
every key the window stores is named here, and only here.

Stored with QSettings (per user). Tests and benchmarks point ``PLANNER_SETTINGS`` at an ini file
of their own so they never touch the user's settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from planner.store import is_address

T = TypeVar("T")

MAX_RECENT = 10


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


LANGUAGE = Option("ui/language", "")  # "" = follow the system
DATE_FORMAT = Option("ui/date_format", "system")  # system, iso, day_first, month_first
TIME_FORMAT = Option("ui/time_format", "system")  # system, 24h, 12h
REGION = Option("ui/region", "")  # "" = as the system; es-HN, es-PA, en-GB, en-US
REOPEN_LAST = Option("files/reopen_last", True)
LAST_PLAN = Option("files/last_plan", "")
RECENT: Option[list[str]] = Option("files/recent", [])
POLL_SECONDS = Option("files/poll_seconds", 2)
HIDE_PERSONAL = Option("privacy/hide_personal_data", False)
EXPORTS_WITHOUT_PERSONAL = Option("privacy/exports_without_personal_data", False)
GEOMETRY = Option("window/geometry", QByteArray())
STATE = Option("window/state", QByteArray())
PAGE = Option("window/page", 0)
EXPORT_FOLDER = Option("export/folder", "")  # the folder of the last export
EXPORT_KIND = Option("export/kind", "")  # the last kind exported
CALENDAR_SNAP = Option("calendar/snap", 5)  # minutes a dragged session snaps to
BUDGET_LINES_HEADER = Option("budget/lines/header", QByteArray())  # the budget lines' columns


def list_header(name: str) -> Option[QByteArray]:
    """The columns of the list ``name`` as the user left them (order, widths, shown, sort)."""
    return Option(f"lists/{name}/header", QByteArray())


DATE_FORMATS = ("system", "iso", "day_first", "month_first")
TIME_FORMATS = ("system", "24h", "12h")


class Settings:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        path = path or os.environ.get("PLANNER_SETTINGS")
        if path:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._q = QSettings("DelegationPlanner", "Delegation Planner")

    def get(self, option: Option[T]) -> T:
        value: Any = self._q.value(option.key, option.default)
        default = option.default
        if isinstance(default, bool):
            return (value in (True, "true", "1", 1)) if value is not None else default  # type: ignore[return-value]
        if isinstance(default, int):
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return default
        if isinstance(default, list):
            if value is None or value == "":
                return []  # type: ignore[return-value]
            return list(value) if isinstance(value, list | tuple) else [value]  # type: ignore[return-value]
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else default  # type: ignore[return-value]
        return value if value is not None else default

    def set(self, option: Option[T], value: T) -> None:
        self._q.setValue(option.key, value)

    def sync(self) -> None:
        self._q.sync()

    # recent plans
    def recent_plans(self) -> list[str]:
        return [str(p) for p in self.get(RECENT)]

    def add_recent(self, path: str | Path) -> None:
        path = str(path) if is_address(path) else str(Path(path).resolve())
        recent = [p for p in self.recent_plans() if p != path]
        recent.insert(0, path)
        self.set(RECENT, recent[:MAX_RECENT])
        self.set(LAST_PLAN, path)

    def remove_recent(self, path: str) -> None:
        self.set(RECENT, [p for p in self.recent_plans() if p != path])

    def clear_recent(self) -> None:
        self.set(RECENT, [])
