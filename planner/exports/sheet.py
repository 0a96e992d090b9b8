"""A workbook sheet collected row by row, then streamed in openpyxl's write-only mode.

A sheet's rows are kept until it is complete so that column widths, wrapped rows and the
frozen heading are known before writing; then every row is streamed (fast and lean on large
plans) and the sheet let go before the next is made (sheets may come from a generator, one at a
time: a whole plan's itineraries never hold more than one person's rows), with styles
made once and shared by every cell that looks alike. Text that starts like a formula is
written as text; dates, times and date-times are real ones in the reader's formats
(:func:`planner.exports.xlsx.formats`). The workbook is written to a temporary file and renamed
into place once complete.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports.paper import EXCEL_CODES, current_paper, page_size
from planner.exports.textwidth import wrapped_lines
from planner.exports.xlsx import FORMULA_STARTS, clean_text, current_formats


@dataclass(slots=True)  # a whole plan's workbook holds hundreds of thousands
class Cell:
    value: Any
    number_format: str = ""
    bold: bool = False
    italic: bool = False
    fill: bool | str = False  # True: the heading colour; "#RRGGBB": that colour
    wrap: bool = False
    text: bool = False  # written as text whatever it starts with
    linked: bool = False  # taken from another sheet: shown in blue
    border: bool = False  # a thin box (lists to fill in and sign)
    center: bool = False
    right: bool = False  # a heading over amounts: flush right, as they are
    big: bool = False  # a larger heading inside a sheet (a day, a person)


@dataclass(frozen=True)
class Chart:
    """A bar chart of some of a sheet's rows: the categories in one column, a series per value
    column (its heading row gives the series' names), placed at ``anchor`` ("H3")."""

    title: str
    heading_row: int  # 1-based: the row holding the series' names
    first_row: int  # the data rows, 1-based and inclusive
    last_row: int
    category_column: int
    value_columns: tuple[int, ...]
    anchor: str
    y_title: str = ""


@dataclass
class Sheet:
    """Rows collected first (so widths can be set), then streamed in write-only mode."""

    title: str
    rows: list[list[Any]] = field(default_factory=list)  # Cells or plain values
    widths: dict[int, int] = field(default_factory=dict)  # the most width of some columns
    heading: int | None = None  # the row of the column headings (1-based)
    landscape: bool = True
    heights: dict[int, float] = field(default_factory=dict)  # the least height of some rows
    minimum: dict[int, int] = field(default_factory=dict)  # the least width of some columns
    wrapped: set[int] = field(default_factory=set)  # rows with wrapped text
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    filter: bool = False  # an auto filter on the headings
    frozen_columns: int = 0
    printed_columns: int | None = None  # the columns a printout holds (None: all)
    charts: list[Chart] = field(default_factory=list)

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def add(self, *cells: Cell | Any | None) -> int:
        """A row: each item a Cell, or a plain value written with the default look (text
        always as text, dates and times in the reader's formats)."""
        row = list(cells)
        self.rows.append(row)
        if any(c.__class__ is Cell and c.wrap for c in row):
            self.wrapped.add(len(self.rows))
        return len(self.rows)

    def title_block(self, lines: Sequence[str]) -> None:
        for n, line in enumerate(lines):
            self.add(Cell(line, bold=n == 0, italic=n > 0, text=True))
        self.add()

    def headings(self, names: Sequence[str]) -> None:
        self.heading = self.add(
            *[Cell(n, bold=True, fill=True, wrap=True, text=True) for n in names]
        )

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        if (row, column) != (last_row, last_column):
            self.merges.append((row, column, last_row, last_column))


# Every styled cell names the workbook's default font: a font without a name falls back to the
# reader's default (a serif in LibreOffice), wider than the widths and heights were made for.
FONT = "Calibri"

# The least a sheet is shrunk to fit its paper's width: 11-point type printed at 75 % reads
# as 8-point type, the smallest a paper read at arm's length should have. A sheet wider than
# that prints its columns over more pages instead.
LEAST_SCALE = 0.75
FIT_AT_LEAST = 0.85  # fitted to the width from this estimate on: it prints at 75 % or more
MARGINS = 0.75 * 72 * 2  # points: the left and right margins a sheet is written with


def fit_scale(widths: dict[int, int], landscape: bool) -> float:
    """How much a sheet of these column widths (in characters of 11-point Calibri, about 7
    pixels each plus 5 of padding, at 96 pixels an inch) must shrink to fit its paper's
    width (1.0 when it fits)."""
    width, height = page_size()
    printable = (height if landscape else width) - MARGINS
    wanted = sum((chars * 7 + 5) * 0.75 for chars in widths.values())
    return min(1.0, printable / wanted) if wanted else 1.0


def _quoted(style: Any) -> Any:
    """``style`` with Excel's quote prefix: text that starts like a formula ("=Grupo A",
    "+504 9999") stays text when someone edits its cell (F2, Enter), not only when written."""
    from openpyxl.styles.cell_style import StyleArray

    quoted = StyleArray() if style is None else StyleArray(list(style))
    quoted.quotePrefix = 1
    return quoted


def _align_columns(sheet: Sheet, spans: dict[tuple[int, int], int]) -> None:
    """A column of short figures (row numbers, counts, dates, times) is centred, its heading
    with it, so that a right-aligned figure never runs into the left-aligned text beside it
    ("17:00Reunión"); a column of amounts stays flush right under a heading flush right too.
    Headings inside the table (a second table's, filled) are aligned alike."""
    if not sheet.heading:
        return
    kinds: dict[int, set[str]] = {}
    headings: list[list[Any]] = [sheet.rows[sheet.heading - 1]]
    for n, row in enumerate(sheet.rows[sheet.heading :], start=sheet.heading + 1):
        if any(c.__class__ is Cell and c.fill is True and c.bold for c in row):
            headings.append(row)
            continue
        for column, cell in enumerate(row, start=1):
            value = cell.value if cell.__class__ is Cell else cell
            if value is None or value == "" or spans.get((n, column), 1) > 1:
                continue  # empty, or a line across the table (a ride's, a day's)
            if cell.__class__ is Cell and cell.bold and isinstance(value, str):
                continue  # a total's label beside its figure
            if isinstance(value, bool):
                kind = "text"
            elif cell.__class__ is Cell and cell.center:
                kind = "short"  # centred already (a letter, a mark): its heading with it
            elif isinstance(value, int | date | time):  # datetime is a date
                kind = "short"
            elif isinstance(value, float | Decimal) or (
                cell.__class__ is Cell
                and cell.number_format
                and not cell.text
                and isinstance(value, str)
                and value.startswith("=")
            ):
                kind = "amount"
            else:
                kind = "text"
            kinds.setdefault(column, set()).add(kind)
    centred = {c for c, found in kinds.items() if found == {"short"}}
    right = {c for c, found in kinds.items() if "amount" in found and "text" not in found}
    if not centred and not right:
        return
    for row in headings:
        for column, cell in enumerate(row, start=1):
            if cell.__class__ is Cell:
                cell.center = cell.center or column in centred
                cell.right = column in right
    for n, row in enumerate(sheet.rows[sheet.heading :], start=sheet.heading + 1):
        for column in centred:
            if column <= len(row) and spans.get((n, column), 1) == 1:
                cell = row[column - 1]
                if cell.__class__ is Cell:
                    cell.center = True
                elif cell is not None:
                    row[column - 1] = Cell(cell, center=True)


def _wrap_title_lines(sheet: Sheet) -> None:
    """The lines above a table's headings (title, date, audience...) wrap within the table's
    width instead of running past its last column, where a printer would shrink the whole page
    to take them in."""
    if not sheet.heading or sheet.heading < 2:
        return
    last = len(sheet.rows[sheet.heading - 1])
    starts = {(r1, c1) for r1, c1, _r2, _c2 in sheet.merges}
    for n, row in enumerate(sheet.rows[: sheet.heading - 1], start=1):
        if last < 2 or not row or row[0] is None or any(c is not None for c in row[1:]):
            continue
        if (n, 1) in starts:
            continue
        cell = row[0] if row[0].__class__ is Cell else Cell(row[0], text=isinstance(row[0], str))
        if not isinstance(cell.value, str) or not cell.value:
            continue
        cell.wrap = True
        row[0] = cell
        sheet.wrapped.add(n)
        sheet.merges.append((n, 1, n, last))


def columns_to_fit(count: int, landscape: bool) -> int:
    """The width (characters) of ``count`` equal columns that a sheet fits to the current
    paper's width (the inverse of :func:`fit_scale` at :data:`FIT_AT_LEAST`)."""
    width, height = page_size()
    printable = (height if landscape else width) - MARGINS
    points = printable / FIT_AT_LEAST / max(1, count)
    return int((points / 0.75 - 5) / 7)


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


class SheetTitles(set[str]):
    """The sheet names taken in one workbook, and where to go on counting each name given
    again (a whole plan's sign-in sheets name "27.11 Group A" a thousand times)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    base = _BAD_SHEET_CHARS.sub(" ", name).strip().strip("'")[:31] or "-"
    counts = taken.counts if isinstance(taken, SheetTitles) else {}
    title, n = base, counts.get(base, 2)
    if n > 2:  # named before: on from the last number given
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    counts[base] = n
    taken.add(title.casefold())
    return title


def text(value: str) -> Cell:
    return Cell(value, text=True)


def _length(cell: Any) -> int:
    if cell.__class__ is Cell:
        value = cell.value
        if isinstance(value, str) and value.startswith("=") and not cell.text:
            return 14
    else:
        value = cell
    if isinstance(value, str):
        if "\n" not in value:
            return len(value)
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, datetime):
        return 16
    if isinstance(value, time):
        return 5
    if isinstance(value, int) and not isinstance(value, bool):
        return max(4, len(str(value)) + 1)  # a row number, a count: no wider than it is
    return 10 if isinstance(value, date) else 12


# openpyxl writes through lxml when it is installed, whose write errors are not OSError
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError,)
with contextlib.suppress(ImportError):
    _WRITE_ERRORS += (importlib.import_module("lxml.etree").SerialisationError,)

# Called with each sheet about to be written (the benchmark compares the writing with bare
# openpyxl writing the same cells).
observer: Callable[[Sheet], None] | None = None


def write(sheets: Iterable[Sheet], target: str | Path) -> Path:
    """Stream the sheets into the workbook ``target`` (replaced only once complete), each let
    go once written."""
    try:
        return _write(sheets, target)
    except _WRITE_ERRORS as exc:  # rows stream to a temporary file: a full disk shows here
        raise PlannerError(
            _(
                "{path} could not be written: {reason}. Free some disk space or"
                " choose another folder."
            ).format(path=target, reason=getattr(exc, "strerror", None) or exc)
        ) from exc


def _write(sheets: Iterable[Sheet], target: str | Path) -> Path:
    from openpyxl import Workbook

    date_format, time_format, datetime_format = current_formats()
    wb = Workbook(write_only=True)
    try:
        return _stream(wb, sheets, target, date_format, time_format, datetime_format)
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Any) -> None:
    """Close the sheets of a workbook that was not saved, and remove their temporary files.

    openpyxl streams each write-only sheet's rows into a temporary file through a generator;
    left open, the generator is finalised whenever it is collected, after its file is gone,
    and Python prints "Exception ignored … Traceback" under the message the user was given."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()  # ends the row stream and closes the sheet's temporary file
        writer: Any = getattr(ws, "_writer", None)
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(Exception):
                writer.cleanup()  # removes the file and forgets it (openpyxl's own list)
            with contextlib.suppress(OSError):
                os.unlink(out)


def _stream(
    wb: Any,
    sheets: Iterable[Sheet],
    target: str | Path,
    date_format: str,
    time_format: str,
    datetime_format: str,
) -> Path:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    from planner.exports.xlsx import save

    title_font, bold, italic = (
        Font(name=FONT, bold=True, size=14),
        Font(name=FONT, bold=True, size=11),
        Font(name=FONT, italic=True, size=11, color="555555"),
    )
    big = Font(name=FONT, bold=True, size=12)
    heading_fill = PatternFill("solid", fgColor="DCE6F1")
    fills: dict[str, PatternFill] = {}
    blue = Font(name=FONT, size=11, color="1F4E9A")
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    styles: dict[tuple[Any, ...], Any] = {}
    merged_away: set[tuple[int, int]] = set()
    for sheet in sheets:
        if observer is not None:
            observer(sheet)
        ws = wb.create_sheet(sheet.title[:31])
        _wrap_title_lines(sheet)
        _align_columns(sheet, {(r1, c1): c2 - c1 + 1 for r1, c1, _r2, c2 in sheet.merges})
        merged_away = {
            (r, c)
            for r1, c1, r2, c2 in sheet.merges
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        widths: dict[int, int] = {}
        spans = {(r1, c1): c2 - c1 + 1 for r1, c1, _r2, c2 in sheet.merges}
        for n, row in enumerate(sheet.rows[(sheet.heading or 1) - 1 :], start=sheet.heading or 1):
            for column, cell in enumerate(row, start=1):
                if (
                    cell is None
                    or (cell.__class__ is Cell and cell.value is None)
                    or (spans and spans.get((n, column), 1) > 1)
                ):
                    continue
                length = _length(cell)
                if n == sheet.heading and cell.__class__ is Cell and cell.wrap:
                    # a heading wraps over two lines rather than widen its column (its longest
                    # word is kept whole below)
                    length = -(-length // 2)
                if length > widths.get(column, 0):
                    widths[column] = length
        final: dict[int, int] = {}
        for column in sheet.minimum:
            widths.setdefault(column, 0)
        # a wrapped heading's longest word stays whole, whatever the column's cap
        whole_words: dict[int, int] = {}
        if sheet.heading:
            for column, cell in enumerate(sheet.rows[sheet.heading - 1], start=1):
                if cell.__class__ is Cell and cell.wrap and isinstance(cell.value, str):
                    longest = max(map(len, cell.value.split()), default=0)
                    whole_words[column] = -(-longest * 115 // 100) + 3  # bold is wider
        for column, width in widths.items():
            final[column] = max(
                9,
                sheet.minimum.get(column, 0),
                whole_words.get(column, 0),
                min(sheet.widths.get(column, 50), width + 2),
            )
            ws.column_dimensions[get_column_letter(column)].width = final[column]
        tall: set[int] = set()  # rows taller than one line: their cells align at the top
        for n in sorted(sheet.wrapped | set(sheet.heights)):  # wrapped text gets its lines
            lines, line = 1, 15
            for column, cell in enumerate(
                sheet.rows[n - 1] if n <= len(sheet.rows) else [], start=1
            ):
                if cell.__class__ is not Cell or not cell.wrap or not cell.value:
                    continue
                span = sum(
                    final.get(c, 9) for c in range(column, column + spans.get((n, column), 1))
                )
                room = max(1, span - 1)  # a cell's padding takes about a digit
                # the title's 14-point letters and a heading's 12-point ones are wider
                size = 14 if n == 1 and cell.bold else 12 if cell.big else 11
                lines = max(lines, wrapped_lines(str(cell.value), room * 11 / size, cell.bold))
                line = max(line, size * 15 // 11)  # 11-point text takes 15-point lines
            height = max(line * lines if lines > 1 else 0, sheet.heights.get(n, 0))
            if height:
                ws.row_dimensions[n].height = height
                tall.add(n)
        if sheet.heading:
            ws.freeze_panes = f"{get_column_letter(sheet.frozen_columns + 1)}{sheet.heading + 1}"
            ws.print_title_rows = f"{sheet.heading}:{sheet.heading}"
            if sheet.filter:
                last_column = max(len(sheet.rows[sheet.heading - 1]), 1)
                ws.auto_filter.ref = (
                    f"A{sheet.heading}:{get_column_letter(last_column)}"
                    f"{max(sheet.heading, len(sheet.rows))}"
                )
        ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
        ws.page_setup.paperSize = EXCEL_CODES[current_paper()]
        # the page's width at once when that leaves 8-point type or more (with room to spare:
        # the reader's fonts may be wider than our estimate, and the printer then shrinks a
        # little more); a wider sheet prints at 75 % with its columns going on over more
        # pages, its first column repeated
        printed = {c: w for c, w in final.items() if c <= (sheet.printed_columns or c)}
        if sheet.printed_columns:
            ws.print_area = (
                f"A1:{get_column_letter(sheet.printed_columns)}{max(1, len(sheet.rows))}"
            )
        scale = fit_scale(printed, sheet.landscape)
        if scale >= FIT_AT_LEAST:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
        else:
            ws.page_setup.scale = int(LEAST_SCALE * 100)
            ws.sheet_properties.pageSetUpPr.fitToPage = False
            ws.print_title_cols = f"A:{get_column_letter(max(1, sheet.frozen_columns))}"
        ws.oddFooter.center.text = "&P / &N"
        if sheet.merges:  # set at once: adding them one by one checks each against all
            ws.merged_cells = MultiCellRange(
                [
                    CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2)
                    for r1, c1, r2, c2 in sheet.merges
                ]
            )
        top_cell = WriteOnlyCell(ws)
        top_cell.alignment = Alignment(vertical="top")
        top_style = top_cell._style
        for n, row in enumerate(sheet.rows, start=1):
            out: list[Any] = []
            tall_row = n in tall
            for column, cell in enumerate(row, start=1):
                if cell is None or (merged_away and (n, column) in merged_away):
                    out.append(None)
                    continue
                if cell.__class__ is not Cell:  # a plain value: the default look
                    if isinstance(cell, str):
                        cell = clean_text(cell)
                        if not tall_row and not cell.startswith(FORMULA_STARTS):
                            out.append(cell)  # openpyxl fills one cell object for these
                            continue
                        c = WriteOnlyCell(ws, value=cell)
                        c.data_type = "s"  # stays text: never evaluated as a formula
                        if tall_row:
                            c._style = top_style
                        if cell.startswith(FORMULA_STARTS):
                            c._style = _quoted(c._style)
                        out.append(c)
                        continue
                    if not tall_row and isinstance(cell, int | float | Decimal):
                        out.append(cell)
                        continue
                    cell = Cell(cell)
                value = cell.value
                if isinstance(value, datetime | time) and value.tzinfo is not None:
                    value = value.replace(tzinfo=None)  # shown as the local time it carries
                elif isinstance(value, str):
                    value = clean_text(value)
                c = WriteOnlyCell(ws, value=value)
                quoted = cell.text and isinstance(value, str) and value.startswith(FORMULA_STARTS)
                if quoted:
                    c.data_type = "s"  # stays text: never evaluated as a formula
                number_format = cell.number_format
                if not number_format:
                    if isinstance(value, datetime):
                        number_format = datetime_format
                    elif isinstance(value, date):
                        number_format = date_format
                    elif isinstance(value, time):
                        number_format = time_format
                if not (
                    number_format
                    or tall_row
                    or cell.bold
                    or cell.italic
                    or cell.big
                    or cell.linked
                    or cell.fill
                    or cell.wrap
                    or cell.border
                    or cell.center
                    or cell.right
                ):
                    if quoted:
                        c._style = _quoted(c._style)
                    out.append(c)  # the default look
                    continue
                look = (
                    number_format,
                    cell.bold and n == 1,
                    cell.bold,
                    cell.italic,
                    cell.big,
                    cell.linked,
                    cell.fill,
                    cell.wrap,
                    cell.border,
                    cell.center,
                    cell.right,
                    tall_row,
                )
                style = styles.get(look)
                if style is None:  # styled once, then shared by every cell that looks alike
                    if number_format:
                        c.number_format = number_format
                    if cell.big:
                        c.font = big
                    elif cell.bold:
                        c.font = title_font if n == 1 else bold
                    elif cell.italic:
                        c.font = italic
                    elif cell.linked:
                        c.font = blue
                    if cell.fill is True:
                        c.fill = heading_fill
                    elif isinstance(cell.fill, str) and cell.fill:
                        colour = cell.fill.lstrip("#").upper()
                        fill = fills.get(colour)
                        if fill is None:
                            fill = fills[colour] = PatternFill("solid", fgColor=colour)
                        c.fill = fill
                    if cell.border:
                        c.border = box
                    if cell.wrap or cell.center or cell.right:
                        c.alignment = Alignment(
                            wrap_text=cell.wrap or None,
                            vertical="top" if tall_row else None,  # one line: as its others
                            horizontal=(
                                "center" if cell.center else "right" if cell.right else None
                            ),
                        )
                    elif tall_row:
                        c.alignment = Alignment(vertical="top")
                    styles[look] = c._style
                else:  # shared, never changed: each row is written out as soon as it is made
                    c._style = style
                if quoted:
                    c._style = _quoted(c._style)
                out.append(c)
            ws.append(out)
        for chart in sheet.charts:
            _add_chart(ws, chart)
        ws.close()  # its rows are on disk; the workbook keeps only the sheet's settings
        ws.row_dimensions.clear()  # written with the rows: a whole plan's thousands let go
        ws.column_dimensions.clear()  # and the widths, written before them
    return save(wb, target)


def _add_chart(ws: Any, chart: Chart) -> None:
    from openpyxl.chart import BarChart, Reference

    bars = BarChart()
    bars.type = "col"
    bars.title = chart.title
    bars.y_axis.title = chart.y_title or None
    bars.height, bars.width = 7.5, 15  # centimetres: beside the table on a landscape page
    for column in chart.value_columns:
        bars.add_data(
            Reference(ws, min_col=column, min_row=chart.heading_row, max_row=chart.last_row),
            titles_from_data=True,
        )
    bars.set_categories(
        Reference(
            ws, min_col=chart.category_column, min_row=chart.first_row, max_row=chart.last_row
        )
    )
    ws.add_chart(bars, chart.anchor)
