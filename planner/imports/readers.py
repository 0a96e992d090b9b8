"""Reading the tables partners send: .xlsx, .xls, .ods (python-calamine) and .csv.

``read_table(path, sheet)`` returns every cell of one sheet with the row numbers the
spreadsheet shows, finds the header row even below a title block, and notes the cells that hold
an Excel error value (#N/A, #REF!...), which count as empty with a warning. CSV files have their
encoding (UTF-8 with or without BOM, UTF-16 as Excel's "Unicode text", else Windows-1252 or
Latin-1) and delimiter (``;``, ``,`` or tab) detected. Every text loses its control characters
(ESC, BEL, NUL...; tabs and line breaks stay); a cell longer than Excel allows, a file that is
not text, a named pipe or a device are refused with a message.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from planner.domain.collector import collector_paused
from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.inputs import clean_text, name_problem
from planner.imports.sizes import (
    MAX_ROWS,
    refuse_too_many,
    text_lines,
    xlsx_rows,
    xlsx_sheet_part,
)

ERROR_VALUES = frozenset(
    {
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
        "#N/D",
        "#¡REF!",
        "#¡VALOR!",
        "#¿NOMBRE?",
        "#¡DIV/0!",
        "#¡NUM!",
        "#¡NULO!",
    }
)
SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SEARCH_ROWS = 30
MAX_CELL = 32767  # characters in one cell: Excel's own limit
_DONE: list[Any] = []
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

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


def _check_file(path: Path) -> None:
    """Refuse, with a message, what cannot be read as a file: a name too long for the system,
    a missing file, a folder, and anything that is not a regular file (a named pipe would
    make the program wait for ever, a device would be read without end)."""
    problem = name_problem(path)
    if problem:
        raise PlannerError(problem)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PlannerError(
            _("The file {path} does not exist. Check the name and the folder.").format(path=path)
        ) from None
    except OSError as exc:
        raise PlannerError(
            _("{path} cannot be read: {reason}. Check that you may read it.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise PlannerError(
            _("{path} is a folder; choose a spreadsheet or CSV file.").format(path=path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise PlannerError(
            _(
                "{path} is not a regular file (it is a device, a named pipe or a"
                " socket); choose a spreadsheet or CSV file saved on disk."
            ).format(path=path)
        )


def sheet_names(path: str | Path) -> list[str]:
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() not in SPREADSHEETS:
        return [path.stem]
    return list(_workbook(path).sheet_names)


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for damaged or foreign files
        raise PlannerError(
            _(
                "{name} cannot be read as a spreadsheet ({reason}). Save it again from Excel or"
                " LibreOffice as .xlsx, .ods or .csv and try once more."
            ).format(name=path.name, reason=str(exc) or type(exc).__name__)
        ) from exc


def read_table(path: str | Path, sheet: str | None = None, known_headers: Any = None) -> Table:
    """Read one sheet. ``known_headers(text) -> bool`` helps find the header row."""
    path = Path(path)
    _check_file(path)
    with collector_paused():  # rows of cells hold no cycles (see planner.domain.collector)
        return _read_table(path, sheet, known_headers)


def _read_table(path: Path, sheet: str | None, known_headers: Any) -> Table:
    suffix = path.suffix.lower()
    errors: set[tuple[int, int]] = set()
    if suffix in SPREADSHEETS:
        if suffix in (".xlsx", ".xlsm"):  # counted before the workbook is opened
            counted = xlsx_rows(path, sheet)
            if counted is not None:
                refuse_too_many(path.name, *counted)
        workbook = _workbook(path)
        names = list(workbook.sheet_names)
        if not names:
            raise PlannerError(_("{name} has no sheets.").format(name=path.name))
        chosen = sheet or names[0]
        if chosen not in names:
            raise PlannerError(
                _("{name} has no sheet called '{sheet}'. Its sheets are: {sheets}.").format(
                    name=path.name, sheet=chosen, sheets=", ".join(names)
                )
            )
        with ThreadPoolExecutor(max_workers=1) as pool:
            # error cells are found in the sheet's XML while calamine reads it (zlib lets go
            # of the interpreter lock, so this costs next to nothing)
            scan = (
                pool.submit(_xlsx_error_cells, path, chosen)
                if suffix in (".xlsx", ".xlsm")
                else None
            )
            try:
                found = workbook.get_sheet_by_name(chosen)
                refuse_too_many(path.name, chosen, found.height)
                grid = found.to_python(skip_empty_area=False)
            except PlannerError:
                raise
            except Exception as exc:
                raise PlannerError(
                    _("The sheet '{sheet}' of {name} cannot be read ({reason}).").format(
                        sheet=chosen, name=path.name, reason=exc
                    )
                ) from exc
            if scan is not None:
                errors = scan.result()
    elif suffix in (".csv", ".txt", ".tsv"):
        names, chosen = [path.stem], path.stem
        lines = text_lines(path) if path.stat().st_size > MAX_ROWS else 0
        if lines > MAX_ROWS:
            refuse_too_many(path.name, None, _csv_rows(path))
        grid = _read_csv(path)
    else:
        raise PlannerError(
            _("{name} is not a file this program reads. Use .xlsx, .xls, .ods or .csv.").format(
                name=path.name
            )
        )
    rows: list[list[Cell]] = []  # a blank row is []
    for number, row in enumerate(grid, start=1):
        grid[number - 1] = _DONE  # let each row of the sheet go once read (half the memory)
        texts = [v for v in row if v.__class__ is str]
        joined = "".join(texts)
        if len(joined) > MAX_CELL:
            _refuse_long_cells(path, chosen, number, row)
        if _CONTROL.search(joined):  # ESC, BEL, NUL...: never kept (tabs and breaks are)
            row = [clean_text(v, multiline=True) if v.__class__ is str else v for v in row]
            texts = [v for v in row if v.__class__ is str]
            joined = "".join(texts)
        if "#" not in joined:  # no error value: the fast way
            if len(texts) == len(row) and not joined.strip():
                rows.append([])
            else:
                if "" in row:  # an empty cell is None, in the sheet's own list
                    for col, value in enumerate(row):
                        if value == "":
                            row[col] = None
                rows.append(row)
            continue
        cells: list[Cell] = list(row)
        for col, value in enumerate(cells):
            if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
                errors.add((number, col))
                cells[col] = None
            elif value == "":
                cells[col] = None
        blank = all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)
        rows.append(
            [] if blank and not any((number, c) in errors for c in range(len(cells))) else cells
        )
    header_index = _header_row(rows, known_headers)
    if header_index is None:
        raise PlannerError(
            _(
                "{name} ({sheet}) has no row of column headings in its first {n}"
                " rows. Put one heading per column (e.g. Given name, Family name)"
                " above the data."
            ).format(name=path.name, sheet=chosen, n=HEADER_SEARCH_ROWS)
        )
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
        if any(
            isinstance(c, int | float | date | datetime | time) and not isinstance(c, bool)
            for c in row
        ):
            score -= 2  # headings are words
        below = rows[index + 1 : index + 4]
        if not any(any(c is not None for c in r) for r in below):
            score -= 5
        if score > best_score:
            best, best_score = index, score
    return best


def _refuse_long_cells(path: Path, sheet: str, number: int, row: Any) -> None:
    for col, value in enumerate(row):
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise PlannerError(
                _(
                    "Cell {cell} of {name} ({sheet}) holds {n:,} characters; a spreadsheet cell"
                    " holds at most {max:,} and no field of a plan needs that many. Shorten it"
                    " (or delete what was pasted there by mistake) and import the file again."
                ).format(
                    cell=f"{column_letter(col)}{number}",
                    name=path.name,
                    sheet=sheet,
                    n=len(value),
                    max=MAX_CELL,
                )
            )


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _decode(path: Path, raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 or UTF-32 (Excel's
    "Unicode text", with BOM or without), else Windows-1252 or Latin-1. Refuses, with a
    message, a spreadsheet saved under a .csv name and a file that is not text at all."""
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise PlannerError(
            _(
                "{name} is a spreadsheet (Excel or LibreOffice), not a text file, although its name"
                " ends in {suffix}. Give it the ending it was saved with (.xlsx, .xls or .ods), or"
                " save it again as CSV, and import it once more."
            ).format(name=path.name, suffix=path.suffix)
        )
    encodings = _unicode_encoding(raw)
    text = None
    for encoding in encodings or ["utf-8", "cp1252", "latin-1"]:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = (text or "")[:65536]
    if text is None or len(_BINARY.findall(sample)) > max(8, len(sample) // 10):
        raise PlannerError(
            _(
                "{name} is not a text (CSV) file: it holds binary data, or text in an encoding this"
                " program does not read. Open it in Excel or LibreOffice and save it as .xlsx,"
                " or as"
                ' "CSV UTF-8", then import it again.'
            ).format(name=path.name)
        )
    return text


def _unicode_encoding(raw: bytes) -> list[str]:
    """The encoding a text's byte-order mark or its zero bytes say (UTF-16 or UTF-32), if any."""
    encodings = [encoding for bom, encoding in _BOMS if raw.startswith(bom)][:1]
    if not encodings:
        head = raw[:4000]
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if len(head) >= 4 and odd > len(head) // 5 and even < odd // 10:
            encodings = ["utf-16-le"]  # "Unicode text" saved without its mark
        elif len(head) >= 4 and even > len(head) // 5 and odd < even // 10:
            encodings = ["utf-16-be"]
    return encodings


def _csv_rows(path: Path) -> int:
    """The rows of a CSV file, streamed without keeping them (a line break inside quotes
    does not start a row). Latin-1 reads any bytes: quotes and breaks are the same in UTF-8."""
    with path.open("rb") as fh:
        encoding = (_unicode_encoding(fh.read(4000)) or ["latin-1"])[0]
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, path.stat().st_size + 1))
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as text:
            return sum(1 for _row in csv.reader(text))
    except csv.Error:
        return text_lines(path)  # said properly when the file is read
    finally:
        csv.field_size_limit(limit)


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlannerError(
            _("{path} cannot be read: {reason}. Check that you may read it.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    text = _decode(path, raw)
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
    # newline="" as the csv module wants: a lone CR ends a line, a break inside quotes stays
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a long cell is refused by its address
    try:
        return [row for row in reader]
    except csv.Error as exc:
        raise PlannerError(
            _(
                "{name} cannot be read as a CSV file: line {line}: {reason}. Open it in Excel or"
                " LibreOffice, save it again as CSV (or .xlsx) and import it once more."
            ).format(name=path.name, line=reader.line_num, reason=exc)
        ) from exc
    finally:
        csv.field_size_limit(limit)


_CELL = re.compile(rb"<c\b([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')


def _xlsx_error_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """Cells of an .xlsx sheet typed as errors (calamine reads them as empty)."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = xlsx_sheet_part(archive, sheet)
            if part is None:
                return set()
            xml = archive.read(part)
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
