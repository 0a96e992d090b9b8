"""Every workbook printed through LibreOffice as its reader would print it: on the paper of the
plan's country (Letter in Honduras) and in type of at least 8 points on page 1 (10-point
Calibri measures 13 points high on paper: the median word under 8-point type is what the last
field test found at 3.8 to 7.3); in both languages. Workbooks are set in Calibri: the machine
needs Carlito, its metric twin, for LibreOffice to lay them out as Excel does."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from planner.exports.catalog import run
from planner.exports.common import Options
from tests.planner.exports.printed import last_printed_heading, page_one_text, print_every_workbook

LEAST_POINTS = 8.0


def office() -> None:
    missing = []
    if shutil.which("soffice") is None:
        missing.append("LibreOffice (soffice; Debian: libreoffice-calc-nogui)")
    fonts = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in fonts:
        missing.append("the Carlito font (Debian: fonts-crosextra-carlito)")
    if missing:
        if os.environ.get("PLANNER_REQUIRE_OFFICE"):
            pytest.fail("missing: " + "; ".join(missing))
        pytest.skip("missing: " + "; ".join(missing))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_workbook_prints_legibly_on_the_paper_of_the_plans_country(demo, tmp_path, lang):
    office()
    small, spilled = [], []
    for kind, paper, points, words in print_every_workbook(demo, tmp_path, lang):
        assert paper == "letter", (kind, paper)  # the demo plan is in Honduras
        assert words > 20, kind
        if points < LEAST_POINTS:
            small.append(f"{kind}: {points:.1f} pt")
        # every column it prints is on page 1: none carried over to a page of its own
        last = last_printed_heading(tmp_path / f"{kind}.xlsx")
        text = page_one_text(tmp_path / f"{kind}.pdf")
        if not all(word in text for word in last.split()):
            spilled.append(f"{kind}: {last}")
    assert not small, "printed under 8-point type: " + ", ".join(small)
    assert not spilled, "last column not on page 1: " + ", ".join(spilled)


def test_paper_follows_the_plans_country_and_can_be_chosen(demo, tmp_path):
    from pypdf import PdfReader

    from planner import operations

    def size(path):
        box = PdfReader(str(path)).pages[0].mediabox
        return sorted(round(float(v)) for v in box.upper_right)

    letter = run(demo, "badges", tmp_path / "letter.pdf", Options())[0]
    assert size(letter) == [612, 792]
    a4 = run(demo, "badges", tmp_path / "a4.pdf", Options(paper="a4"))[0]
    assert size(a4) == [595, 842]
    operations.update(demo, "plan", 1, {"country": "ES"})  # a plan in Spain: A4
    book = run(demo, "rooming", tmp_path / "rooming.xlsx", Options())[0]
    from openpyxl import load_workbook

    assert str(load_workbook(book).worksheets[0].page_setup.paperSize) == "9"
    booklet = run(demo, "certificates", tmp_path / "certificates.pdf", Options())[0]
    assert size(booklet) == [595, 842]


def test_the_command_line_prints_on_the_paper_asked_for(demo_path, tmp_path):
    from openpyxl import load_workbook

    from planner.cli import main

    out = tmp_path / "perdiem.xlsx"
    assert main(["export", "perdiem", str(demo_path), "-o", str(out), "--paper", "a4"]) == 0
    assert str(load_workbook(out).worksheets[0].page_setup.paperSize) == "9"
    assert main(["export", "perdiem", str(demo_path), "-o", str(out)]) == 0
    assert str(load_workbook(out).worksheets[0].page_setup.paperSize) == "1"  # Honduras: Letter


def test_the_schedule_shows_each_blocks_whole_text_and_its_overview_fits_the_page(demo, tmp_path):
    from openpyxl import load_workbook

    from planner.exports.schedule import BLOCK_CHARS, LINE_POINTS
    from planner.exports.sheet import LEAST_SCALE, fit_scale
    from planner.exports.textwidth import wrapped_lines

    out = run(demo, "schedule", tmp_path / "s.xlsx", Options(lang="es"))[0]
    book = load_workbook(out)
    overview = book.worksheets[0]
    widths = {n: d.width for n, d in enumerate(overview.column_dimensions.values(), start=1)}
    from planner.exports.paper import on_paper

    with on_paper("letter"):
        assert fit_scale(widths, landscape=True) >= LEAST_SCALE  # eight days on one width
    day = book["Lun 27 nov"]
    blocks = [c for c in day.merged_cells.ranges if c.min_col == c.max_col]  # a session each
    assert len(blocks) >= 8
    for cells in blocks:
        text = str(day.cell(cells.min_row, cells.min_col).value or "")
        rows = range(cells.min_row, cells.max_row + 1)
        height = sum(day.row_dimensions[r].height or LINE_POINTS for r in rows)
        assert height >= LINE_POINTS * wrapped_lines(text, BLOCK_CHARS) - 0.5, text
