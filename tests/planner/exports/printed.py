"""Exports printed as their readers print them: LibreOffice turns a workbook into a PDF with the
page setup we wrote, and page 1 is measured (its paper, and the size of its type as printed).

    python -m tests.planner.exports.printed PLAN [--lang es] [--paper letter]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader

POINTS = {"letter": (612.0, 792.0), "a4": (595.3, 841.9)}


def convert(workbook: Path, folder: Path, to: str = "pdf") -> Path:
    """``workbook`` opened by LibreOffice and saved as ``to`` in ``folder`` ("pdf": printed;
    "xlsx": its formulas recalculated), with a profile of its own: runs may overlap."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) is not installed"
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--calc",
                "--convert-to",
                to,
                "--outdir",
                str(folder),
                str(workbook),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return folder / f"{workbook.stem}.{to}"


def to_pdf(workbook: Path, folder: Path) -> Path:
    """``workbook`` printed to PDF by LibreOffice."""
    return convert(workbook, folder, "pdf")


def page_one(pdf: Path) -> tuple[str, float, int]:
    """(paper, median printed size in points of page 1's words, how many words)."""
    page = PdfReader(str(pdf)).pages[0]
    width, height = (float(v) for v in page.mediabox.upper_right)
    short, long = sorted((width, height))
    paper = next(
        (name for name, (w, h) in POINTS.items() if abs(w - short) < 3 and abs(h - long) < 3),
        f"{short:.0f}×{long:.0f}",
    )
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            sizes.extend([size * scale] * len(text.split()))

    page.extract_text(visitor_text=visit)
    return paper, statistics.median(sizes) if sizes else 0.0, len(sizes)


def last_printed_heading(workbook: Path) -> str:
    """The heading of the last column its first sheet prints (within its print area)."""
    from openpyxl import load_workbook
    from openpyxl.utils import column_index_from_string

    sheet = load_workbook(workbook).worksheets[0]
    last = sheet.max_column
    if sheet.print_area:
        area = str(sheet.print_area).split("!")[-1].split(":")[-1].replace("$", "")
        last = column_index_from_string("".join(ch for ch in area if ch.isalpha()))
    for row in sheet.iter_rows(max_row=15):
        if row[0].fill is not None and row[0].fill.fill_type == "solid":  # the headings
            return next(str(c.value) for c in reversed(row[:last]) if c.value)
    return ""


def page_one_text(pdf: Path) -> str:
    return PdfReader(str(pdf)).pages[0].extract_text()


def print_every_workbook(
    store: Any, out: Path, lang: str, paper: str | None = None, only: set[str] | None = None
) -> Iterator[tuple[str, str, float, int]]:
    """Each workbook kind of ``store`` (or those ``only`` names) written and printed: (kind,
    paper, points, words)."""
    from planner.exports.catalog import KINDS, run
    from planner.exports.common import Options
    from planner.queries import delegations
    from planner.queries.agenda import site_visit_titles

    visit = site_visit_titles(store)[0][0]
    delegation = delegations(store)[0].id
    for kind in KINDS.values():
        if kind.suffix != ".xlsx" or (only and kind.name not in only):
            continue
        options = Options(lang=lang, paper=paper)
        if kind.needs == "visit":
            options.visit = visit
        if kind.needs == "delegation":
            options.delegation = delegation
        (workbook,) = run(store, kind.name, out / f"{kind.name}.xlsx", options)
        yield (kind.name, *page_one(to_pdf(workbook, out)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("--lang", default="es")
    parser.add_argument("--paper")
    parser.add_argument("--only", nargs="*", help="these kinds only")
    parser.add_argument("--png", metavar="FOLDER", help="page 1 of each as a PNG in FOLDER")
    args = parser.parse_args()
    from planner.store import open_plan

    store = open_plan(args.plan)
    out = Path(tempfile.mkdtemp(prefix="printed-"))
    only = set(args.only or ())
    for kind, paper, size, words in print_every_workbook(store, out, args.lang, args.paper, only):
        pages = len(PdfReader(str(out / f"{kind}.pdf")).pages)
        print(f"{kind:13} {paper:7} {size:5.1f} pt over {words} words, {pages} pages")
        if args.png:
            Path(args.png).mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(out / f"{kind}.pdf"),
                    str(Path(args.png) / kind),
                ],
                check=True,
            )
    store.close()


if __name__ == "__main__":
    main()
