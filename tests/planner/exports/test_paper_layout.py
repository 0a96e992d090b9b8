"""What each paper prints, chosen for its reader: the agenda list's reading columns across one
width (the import's extra columns kept on screen), the schedule's overview as a timetable, and
every workbook in the font its widths and heights were measured for."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from planner import operations
from planner.exports.catalog import run
from planner.exports.common import Options


def test_the_agenda_list_prints_its_reading_columns_across_one_page(demo, tmp_path):
    out = run(demo, "agenda", tmp_path / "a.xlsx", Options(lang="es"))[0]
    sheet = load_workbook(out).active
    headings = next(
        [c.value for c in row]
        for row in sheet.iter_rows(max_row=8)
        if row[0].value == "ID de sesión"
    )
    # every column the import reads is there; the printout ends with the facilitators
    assert headings[-3:] == ["Notas", "Módulo", "Descripción"]
    assert headings[9] == "Facilitadores"
    assert str(sheet.print_area).endswith(f"$J${sheet.max_row}")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    # a session with notes: the notes print too
    with demo.reading() as r:
        session = r.value("SELECT id FROM agenda_session ORDER BY id LIMIT 1")
    operations.update(demo, "session", session, {"notes": "Traer pasaporte"})
    out = run(demo, "agenda", tmp_path / "b.xlsx", Options(lang="es"))[0]
    sheet = load_workbook(out).active
    assert str(sheet.print_area).endswith(f"$K${sheet.max_row}")
    assert sheet.page_setup.fitToWidth == 1


def test_the_schedule_overview_is_a_timetable_with_parallel_sessions_together(demo, tmp_path):
    out = run(demo, "schedule", tmp_path / "s.xlsx", Options(lang="es"))[0]
    overview = load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in overview.iter_rows()]
    heading = next(i for i, r in enumerate(rows) if r[2] == "Lun 27 nov")
    table = rows[heading + 1 :]
    # the groups' modules held side by side share one cell, a line each
    monday = [r[2] for r in table if r[2] and str(r[2]).startswith("09:30–10:15")]
    assert monday == [
        "09:30–10:15\nA: Módulo 1 · Aula 1\nB: Módulo 3 · Aula 2"
        "\nC: Módulo 5 · Aula 3\nD: Módulo 7 · Aula 4"
    ]
    # breaks line up: the morning break of every training day is on one row
    breaks = [
        n for n, r in enumerate(table) if any(str(v or "").startswith("10:15–10:30") for v in r)
    ]
    assert len(breaks) == 1
    assert sum(str(v or "").startswith("10:15–10:30") for v in table[breaks[0]]) == 4
    # what each module is, below the days
    assert "Módulos" in [r[0] for r in table]
    assert any(str(r[0] or "").startswith("1. ") for r in table)


def test_every_styled_cell_names_the_font_its_layout_was_measured_in(demo, tmp_path):
    """A font without a name is the reader's default: a serif in LibreOffice, wider than the
    widths and heights were made for (titles cut, totals shown as ###)."""
    out = run(demo, "budget", tmp_path / "b.xlsx", Options(lang="es"))[0]
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode()
    fonts = styles.split("<fonts", 1)[1].split("</fonts>", 1)[0]
    assert fonts.count("<font>") + fonts.count("<font ") == fonts.count('<name val="Calibri"')
