"""What every file we export shares: the readers' date formats, text that can never run as a
formula, and writing to a temporary name renamed once complete, so a failure or a cancel never
leaves half a file where the user expects one. The sheets themselves are built and streamed by
:mod:`planner.exports.sheet`.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl.workbook import Workbook

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports.destination import check_replaceable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters a workbook cannot hold (XML 1.0): dropped from text rather than refused.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(value: str) -> str:
    return ILLEGAL.sub("", value) if ILLEGAL.search(value) else value


DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

# How each kind of reader writes a date (Excel number formats, made from CLDR's short date
# patterns and made unambiguous with four-digit years): Honduras day first, Panama month first.
LOCALE_FORMATS: dict[str, tuple[str, str, str]] = {
    "en": ("d mmm yyyy", "hh:mm", "d mmm yyyy hh:mm"),
    "es-HN": ("dd/mm/yyyy", "hh:mm", "dd/mm/yyyy hh:mm"),
    "es-PA": ("mm/dd/yyyy", "hh:mm", "mm/dd/yyyy hh:mm"),
}
_formats: contextvars.ContextVar[tuple[str, str, str]] = contextvars.ContextVar(
    "workbook_formats", default=(DATE_FORMAT, TIME_FORMAT, DATETIME_FORMAT)
)


@contextlib.contextmanager
def formats(locale: str | None) -> Iterator[None]:
    """Write dates and times the way readers of ``locale`` (es-HN, es-PA, en) expect."""
    token = _formats.set(LOCALE_FORMATS.get(locale or "", _formats.get()))
    try:
        yield
    finally:
        _formats.reset(token)


def current_formats() -> tuple[str, str, str]:
    """(date, time, date and time) formats of the workbook being written."""
    return _formats.get()


def write_atomically(
    target: str | os.PathLike[str], produce: Callable[[str], Any], program: str = ""
) -> Path:
    """Run ``produce(temporary path)`` in the target's folder and rename the result onto
    ``target`` once complete: a failure or a cancel never leaves half a file where the user
    expects one, and an older file stays until the new one is whole. Every export (workbook,
    PDF, calendar) is written through here. ``program``: what may hold the file open
    ("a spreadsheet program", "a PDF viewer") for the message."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PlannerError(
            _("The folder {folder} does not exist. Create it first or choose another.").format(
                folder=folder
            )
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PlannerError(
            _(
                "The folder {folder} cannot be written to: {reason}. Choose a"
                " folder you may write to."
            ).format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    os.close(fd)
    try:
        produce(tmp_name)
        check_replaceable(target)  # once more, just before: never onto a plan or a device
        os.replace(tmp_name, target)
    except OSError as exc:
        raise PlannerError(
            _(
                "{path} could not be written: {reason}. Close it if {program} has"
                " it open, or choose another name."
            ).format(
                path=target, reason=exc.strerror or exc, program=program or _("another program")
            )
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    return target


def save(workbook: Workbook, target: str | os.PathLike[str]) -> Path:
    """Write the workbook next to ``target`` and rename it into place once complete."""
    return write_atomically(target, workbook.save, _("a spreadsheet program"))
