"""How many rows a file holds, found before its cells are read, and the limit of one import.

A roster or an agenda larger than :data:`MAX_ROWS` is refused from its row count alone, so a
file of millions of rows costs a second, not minutes and gigabytes: an .xlsx sheet's rows are
counted in its XML (its ``<dimension>`` when the writer gave one, else its ``<row>`` elements,
streamed); a CSV's lines are counted in its bytes; other spreadsheets (.xls, .xlsb, .ods) by
the size of the sheet python-calamine reads, before it becomes Python values.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _

MAX_ROWS = 200_000  # rows of one sheet or CSV file, headings and title lines included

_DIMENSION = re.compile(rb'<dimension\b[^>]*\bref="[A-Z]*\d*:?[A-Z]*(\d+)"')
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_CHUNK = 1 << 20


def xml_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def xlsx_sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The name of the part of an .xlsx archive that holds ``sheet`` (None: not found)."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    match = re.search(
        r'<sheet\b[^>]*name="' + re.escape(xml_escape(sheet)) + r'"[^>]*r:id="([^"]+)"',
        workbook,
    )
    if match is None:
        return None
    rid = re.escape(match.group(1))
    target = re.search(
        r'<Relationship\b[^>]*Id="' + rid + r'"[^>]*Target="([^"]+)"', rels
    ) or re.search(r'<Relationship\b[^>]*Target="([^"]+)"[^>]*Id="' + rid + '"', rels)
    if target is None:
        return None
    name = target.group(1).lstrip("/")
    return name if name.startswith("xl/") else f"xl/{name}"


def xlsx_rows(path: Path, sheet: str | None) -> tuple[str, int] | None:
    """The name and rows of an .xlsx sheet (the first when ``sheet`` is None), from its XML,
    before anything else of the file is read (None: unknown; the reader says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if sheet is None:
                workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
                first = re.search(r'<sheet\b[^>]*\bname="([^"]*)"', workbook)
                if first is None:
                    return None
                sheet = html.unescape(first.group(1))
            part = xlsx_sheet_part(archive, sheet)
            if part is None:
                return None
            with archive.open(part) as xml:
                head = xml.read(_CHUNK)
                dimension = _DIMENSION.search(head.split(b"<sheetData", 1)[0])
                if dimension is not None and int(dimension.group(1)) > 1:
                    return sheet, int(dimension.group(1))
                # no dimension (a writer that streams, like openpyxl's): count the rows
                count, last, tail = 0, 0, b""
                chunk = head
                while chunk:
                    block = tail + chunk
                    tail = block[-16:]  # a tag cut in two is found with the next block
                    body = block[:-16]
                    count += body.count(b"<row ") + body.count(b"<row>")
                    at = body.rfind(b"<row ")
                    if at >= 0:
                        number = _ROW_NUMBER.match(block, at)
                        last = int(number.group(1)) if number else last
                    chunk = xml.read(_CHUNK)
                count += tail.count(b"<row ") + tail.count(b"<row>")
                return sheet, max(count, last)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None  # calamine says what is wrong with the file


def text_lines(path: Path) -> int:
    """The lines of a text file, counted in its bytes (a line break inside quotes counts too,
    so this is at least its number of rows; UTF-16 breaks are counted by their low byte)."""
    lines, last = 0, b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-2:]
    return lines + (1 if last and not last.endswith((b"\n", b"\n\x00")) else 0)


def refuse_too_many(name: str, sheet: str | None, rows: int) -> None:
    """Refuse a file of more than :data:`MAX_ROWS` rows, saying how to import it."""
    if rows <= MAX_ROWS:
        return
    where = f"{name} ({sheet})" if sheet else name
    raise PlannerError(
        _(
            "{where} has {rows:,} rows; one import takes at most {limit:,}. Split the file"
            " into parts of at most {limit:,} rows (by delegation or by group, say) and import"
            " each part."
        ).format(where=where, rows=rows, limit=MAX_ROWS)
    )
