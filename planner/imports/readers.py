"""Reading the tables partners send: .xlsx, .xls, .ods (python-calamine) and .csv.

``read_table(path, sheet)`` returns every cell of one sheet with the row numbers the
spreadsheet shows, finds the header row even below a title block, and notes the cells that hold
an Excel error value (#N/A, #REF!...), which count as empty with a warning. CSV files have their
encoding (UTF-8 with or without BOM, else Latin-1) and delimiter (``;``, ``,`` or tab) detected.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.i18n import _

ERROR_VALUES = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
                          "#UNKNOWN!", "#N/D", "#¡REF!", "#¡VALOR!", "#¿NOMBRE?", "#¡DIV/0!",
                          "#¡NUM!", "#¡NULO!"})
SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SEARCH_ROWS = 30

Cell = Any  # str, int, float, bool, date, datetime, time or None


@dataclass
class Table:
    """One sheet: its header row and data rows, with the row numbers a spreadsheet shows."""

    path: Path
    sheets: list[str]
    sheet: str
    headers: list[str]
    header_row: int  # 1-based, as the spreadsheet shows it
    rows: list[tuple[int, list[Cell]]]  # (row number, cells aligned with headers)
    errors: set[tuple[int, int]] = field(default_factory=set)  # (row number, column index)

    def column(self, name: str) -> int:
        return self.headers.index(name)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (for messages that name a spreadsheet column)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_names(path: str | Path) -> list[str]:
    path = Path(path)
    if path.suffix.lower() not in SPREADSHEETS:
        return [path.stem]
    return list(_workbook(path).sheet_names)


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for damaged or foreign files
        raise PlannerError(_(
            "{name} cannot be read as a spreadsheet ({reason}). Save it again from Excel or"
            " LibreOffice as .xlsx, .ods or .csv and try once more."
        ).format(name=path.name, reason=str(exc) or type(exc).__name__)) from exc


def read_table(path: str | Path, sheet: str | None = None,
               known_headers: Any = None) -> Table:
    """Read one sheet. ``known_headers(text) -> bool`` helps find the header row."""
    path = Path(path)
    if not path.exists():
        raise PlannerError(_("The file {path} does not exist. Check the name and the folder.")
                           .format(path=path))
    if path.is_dir():
        raise PlannerError(_("{path} is a folder; choose a spreadsheet or CSV file.").format(
            path=path))
    suffix = path.suffix.lower()
    errors: set[tuple[int, int]] = set()
    if suffix in SPREADSHEETS:
        workbook = _workbook(path)
        names = list(workbook.sheet_names)
        if not names:
            raise PlannerError(_("{name} has no sheets.").format(name=path.name))
        chosen = sheet or names[0]
        if chosen not in names:
            raise PlannerError(_("{name} has no sheet called '{sheet}'. Its sheets are: {sheets}.")
                               .format(name=path.name, sheet=chosen, sheets=", ".join(names)))
        with ThreadPoolExecutor(max_workers=1) as pool:
            # error cells are found in the sheet's XML while calamine reads it (zlib lets go
            # of the interpreter lock, so this costs next to nothing)
            scan = pool.submit(_xlsx_error_cells, path, chosen) if suffix in (
                ".xlsx", ".xlsm") else None
            try:
                grid = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
            except Exception as exc:
                raise PlannerError(_("The sheet '{sheet}' of {name} cannot be read ({reason}).")
                                   .format(sheet=chosen, name=path.name, reason=exc)) from exc
            if scan is not None:
                errors = scan.result()
    elif suffix in (".csv", ".txt", ".tsv"):
        names, chosen = [path.stem], path.stem
        grid = _read_csv(path)
    else:
        raise PlannerError(_("{name} is not a file this program reads. Use .xlsx, .xls, .ods or"
                             " .csv.").format(name=path.name))
    rows: list[list[Cell]] = []  # a blank row is []
    for number, row in enumerate(grid, start=1):
        texts = [v for v in row if v.__class__ is str]
        joined = "".join(texts)
        if "#" not in joined:  # no error value: the fast way
            if len(texts) == len(row) and not joined.strip():
                rows.append([])
            else:
                rows.append([None if v == "" else v for v in row])
            continue
        cells: list[Cell] = list(row)
        for col, value in enumerate(cells):
            if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
                errors.add((number, col))
                cells[col] = None
            elif value == "":
                cells[col] = None
        blank = all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)
        rows.append([] if blank and not any((number, c) in errors for c in range(len(cells)))
                    else cells)
    header_index = _header_row(rows, known_headers)
    if header_index is None:
        raise PlannerError(_("{name} ({sheet}) has no row of column headings in its first {n}"
                             " rows. Put one heading per column (e.g. Given name, Family name)"
                             " above the data.").format(name=path.name, sheet=chosen,
                                                        n=HEADER_SEARCH_ROWS))
    header_cells = rows[header_index]
    width = max((len(r) for r in rows), default=0)
    headers = []
    for col in range(width):
        value = header_cells[col] if col < len(header_cells) else None
        text = _text(value)
        headers.append(text or _("(column {letter})").format(letter=column_letter(col)))
    data = []
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if not cells:
            continue  # blank rows
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        data.append((index + 1, cells))
    return Table(path, names, chosen, headers, header_index + 1, data, errors)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _header_row(rows: list[list[Cell]], known: Any) -> int | None:
    """The row that looks most like headings: many text cells, known heading words, data
    below it. A title block above (one merged cell, a date line) scores low."""
    best, best_score = None, 0.0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [c for c in row if isinstance(c, str) and c.strip()]
        if len(texts) < 2:
            continue
        score = float(len(texts))
        if known is not None:
            score += 3 * sum(1 for t in texts if known(t))
        if any(isinstance(c, int | float | date | datetime | time) and not isinstance(c, bool)
               for c in row):
            score -= 2  # headings are words
        below = rows[index + 1:index + 4]
        if not any(any(c is not None for c in r) for r in below):
            score -= 5
        if score > best_score:
            best, best_score = index, score
    return best


def _read_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        delimiter = max(counts, key=lambda d: counts[d])

        class _Dialect(csv.excel):
            pass

        _Dialect.delimiter = delimiter
        dialect = _Dialect
    return [row for row in csv.reader(io.StringIO(text), dialect)]


_CELL = re.compile(rb"<c\b([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')


def _xlsx_error_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """Cells of an .xlsx sheet typed as errors (calamine reads them as empty)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            match = re.search(r'<sheet\b[^>]*name="' + re.escape(_xml_escape(sheet))
                              + r'"[^>]*r:id="([^"]+)"', workbook)
            if match is None:
                return set()
            target = re.search(r'<Relationship\b[^>]*Id="' + re.escape(match.group(1))
                               + r'"[^>]*Target="([^"]+)"', rels)
            if target is None:
                target = re.search(r'<Relationship\b[^>]*Target="([^"]+)"[^>]*Id="'
                                   + re.escape(match.group(1)) + '"', rels)
            if target is None:
                return set()
            name = target.group(1).lstrip("/")
            name = name if name.startswith("xl/") else f"xl/{name}"
            xml = archive.read(name)
    except (KeyError, zipfile.BadZipFile, OSError):
        return set()
    found: set[tuple[int, int]] = set()
    if b't="e"' not in xml:
        return found  # the usual sheet: no error cells
    for cell in _CELL.finditer(xml):
        attrs = cell.group(1)
        if _ERROR_TYPE.search(attrs):
            ref = _REF.search(attrs)
            if ref:
                letters, number = ref.group(1).decode(), int(ref.group(2))
                col = 0
                for ch in letters:
                    col = col * 26 + (ord(ch) - 64)
                found.add((number, col - 1))
    return found


def _xml_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
