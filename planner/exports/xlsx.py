"""What every workbook we write shares: a title block, styled headings, real dates and
times, fitting widths, frozen headings, print setup, and text that can never run as a formula.
Files are written to a temporary name and renamed once complete, so a failure or a cancel never
leaves half a workbook where the user expects one.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from planner.errors import PlannerError
from planner.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters a workbook cannot hold (XML 1.0): dropped from text rather than refused.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(value: str) -> str:
    return ILLEGAL.sub("", value) if ILLEGAL.search(value) else value
HEADING_FILL = PatternFill("solid", fgColor="DCE6F1")
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
    "workbook_formats", default=(DATE_FORMAT, TIME_FORMAT, DATETIME_FORMAT))


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


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write a value: dates and times as real ones, text that starts like a formula as text."""
    cell: Cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # stays text: never evaluated as a formula
    elif isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = _formats.get()[2]
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = _formats.get()[0]
    elif isinstance(value, time):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = _formats.get()[1]
    else:
        cell.value = value
    return cell


def title_block(ws: Worksheet, lines: Sequence[str]) -> int:
    """Title lines at the top (the first one bold and large); returns the next free row."""
    for i, line in enumerate(lines, start=1):
        cell = put(ws, i, 1, line)
        cell.font = Font(bold=True, size=14) if i == 1 else Font(italic=True, color="555555")
    return len(lines) + 2


def heading_row(ws: Worksheet, row: int, headings: Sequence[str]) -> None:
    for column, text in enumerate(headings, start=1):
        cell = put(ws, row, column, text)
        cell.font = Font(bold=True)
        cell.fill = HEADING_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = ws.cell(row=row + 1, column=1)
    ws.print_title_rows = f"{row}:{row}"
    ws.auto_filter.ref = f"A{row}:{get_column_letter(len(headings))}{max(row, ws.max_row)}"


def fit_widths(ws: Worksheet, first_row: int, minimum: int = 8, maximum: int = 60) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, datetime):
                length = 16
            elif isinstance(cell.value, date):
                length = 10
            elif isinstance(cell.value, time):
                length = 5
            else:
                length = max(len(line) for line in str(cell.value).splitlines() or [""])
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(minimum,
                                                                    min(maximum, width + 2))


def print_setup(ws: Worksheet, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "&P / &N"
    ws.print_options.gridLines = False


def save(workbook: Workbook, target: str | os.PathLike[str]) -> Path:
    """Write the workbook next to ``target`` and rename it into place once complete."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PlannerError(_("The folder {folder} does not exist. Create it first or choose"
                             " another.").format(folder=folder))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        workbook.save(tmp_name)
        os.replace(tmp_name, target)
    except OSError as exc:
        raise PlannerError(_("{path} could not be written: {reason}. Close it if it is open in"
                             " a spreadsheet program, or choose another name.").format(
            path=target, reason=exc.strerror or exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    return target
