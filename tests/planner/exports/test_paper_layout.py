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


def test_a_drivers_manifest_lists_each_ride_then_its_passengers_to_tick(demo, tmp_path):
    out = run(demo, "manifests", tmp_path / "m.xlsx", Options(lang="es"))[0]
    sheet = load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heading = next(i for i, r in enumerate(rows) if r[0] == "N.º")
    assert rows[heading][:3] == ["N.º", "Pasajero", "A bordo"]
    ride = next(r[0] for r in rows[heading:] if r[0] and "CM 421" in str(r[0]))
    assert ride.startswith("Sáb 25 nov · 13:35–14:10 · ")  # its day, times and title once
    route = rows[rows.index(next(r for r in rows if r[0] == ride)) + 1][0]
    assert "→" in route and "5 pasajeros (12 asientos)" in route
    first = rows.index(next(r for r in rows if r[0] == ride)) + 2
    assert [r[0] for r in rows[first : first + 5]] == [1, 2, 3, 4, 5]
    assert sheet.cell(first + 1, 3).border.left.style == "thin"  # a box to tick on boarding
    assert sheet.cell(first + 1, 1).alignment.horizontal == "center"


def test_figures_sit_under_their_headings(demo, tmp_path):
    """Short figures (numbers, dates, times) are centred with their headings, so that "17:00"
    never runs into the title beside it; amounts stay flush right under a heading flush
    right."""
    out = run(demo, "agenda", tmp_path / "a.xlsx", Options(lang="es"))[0]
    sheet = load_workbook(out).active
    heading = next(r for r in range(1, 8) if sheet.cell(r, 1).value == "ID de sesión")
    for column in (1, 2, 3, 4):  # id, date, start, end
        assert sheet.cell(heading, column).alignment.horizontal == "center"
        assert sheet.cell(heading + 1, column).alignment.horizontal == "center"
    assert sheet.cell(heading, 5).alignment.horizontal is None  # the title: text, on the left
    out = run(demo, "perdiem", tmp_path / "p.xlsx", Options(lang="es"))[0]
    sheet = load_workbook(out).active
    heading = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "N.º")
    amount = next(c for c in range(1, 13) if sheet.cell(heading, c).value == "Monto (USD)")
    assert sheet.cell(heading, amount).alignment.horizontal == "right"


def test_people_are_named_in_their_own_gender_and_phone_numbers_stay_whole(demo, tmp_path):
    from planner.domain.i18n import language
    from planner.domain.labels import role_label

    with language("es"):
        assert role_label("trainer", sex="female") == "Capacitadora"
        assert role_label("technical_adviser", sex="male") == "Asesor técnico"
        assert role_label("trainer") == "Capacitador(a)"  # not known: both
    assert role_label("trainer", sex="female") == "Trainer"
    out = run(demo, "participants", tmp_path / "p.xlsx", Options(lang="es"))[0]
    rows = [[c.value for c in row] for row in load_workbook(out).worksheets[0].iter_rows()]
    by_sex = {(r[3], r[9]) for r in rows if r[9] in ("Capacitadora", "Capacitador")}
    assert by_sex <= {("Mujer", "Capacitadora"), ("Hombre", "Capacitador")} and by_sex
    out = run(demo, "signin", tmp_path / "s.xlsx", Options(lang="es"))[0]
    sexes = {r[3] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}
    assert {"Mujer", "Hombre"} <= sexes and not {"M", "H"} & sexes  # M is not "masculino"
    out = run(demo, "itineraries", tmp_path / "i.xlsx", Options(lang="es"))[0]
    calls = [
        str(r[6])
        for sheet in load_workbook(out).worksheets
        for r in sheet.iter_rows(values_only=True)
        if r[6] and "+504" in str(r[6])
    ]
    assert calls and all("+504\u00a0" in c for c in calls)  # never "+504" / "8757-9673"
