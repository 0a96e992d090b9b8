"""Errors the core reports to people: each carries a message that says what is wrong, where,
and what to do about it. The window shows the message; the command line prints it and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class PlannerError(Exception):
    """Something a person can fix; ``str(error)`` is the translated message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PlanFileError(PlannerError):
    """A file that cannot be opened as a plan. The file is left untouched."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class PasswordNeeded(PlanFileError):
    """A shared plan's server wants a password that was not found (or was refused): ask for
    it and try again; it is never saved."""


class NotAPlanError(PlanFileError):
    pass


class DamagedPlanError(PlanFileError):
    """A plan file SQLite finds damaged (cut short, a broken page or index). ``backup`` is its
    newest backup copy beside it, if any; ``summary`` says what is wrong and which copy to
    open, without the command that recovers it (the window offers a Recover button instead).
    """

    def __init__(
        self, message: str, path: str, *, backup: str | None = None, summary: str = ""
    ) -> None:
        super().__init__(message, path)
        self.backup = backup
        self.summary = summary or message


class NewerPlanError(PlanFileError):
    def __init__(self, message: str, path: str, file_schema: int, known_schema: int) -> None:
        super().__init__(message, path)
        self.file_schema = file_schema
        self.known_schema = known_schema


class PlanExistsError(PlanFileError):
    pass


class PlanBusyError(PlanFileError):
    pass


@dataclass
class FieldError:
    """One invalid field of a form: the field's key and a message saying how to fix it."""

    field: str
    message: str


class ValidationError(PlannerError):
    """Values a form or a command offered that the core refuses, field by field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("\n".join(e.message for e in errors))
        self.errors = errors


class ConflictError(PlannerError):
    """The item changed or disappeared since it was read (another window, the command line,
    another person on a shared plan). ``who`` changed it and ``current`` is what it holds now
    (its fields and links, with ``version``), when known: the window offers to keep one's own
    change or take theirs."""

    def __init__(
        self,
        message: str,
        *,
        who: str = "",
        current: dict[str, Any] | None = None,
        kind: str = "",
        item_id: int | None = None,
    ) -> None:
        super().__init__(message)
        self.who = who
        self.current = current
        self.kind = kind
        self.item_id = item_id


class NotFoundError(PlannerError):
    pass


class UnknownZoneError(PlanFileError):
    """The plan uses time zones this computer does not know (``zones``): its times cannot be
    read here. The file is left untouched."""

    def __init__(self, message: str, path: str, zones: list[str]) -> None:
        super().__init__(message, path)
        self.zones = zones
