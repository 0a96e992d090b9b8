"""Dates as a Spanish reader writes them in a sentence: weekdays and months in lower case, no
padded day ("Programa del lunes 27 de noviembre de 2023", "25 de noviembre al 2 de diciembre
de 2023"), and a paper's time of production in the plan's time zone, not the computer's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from planner.domain.i18n import format_date_range
from planner.exports.catalog import run
from planner.exports.common import Options, prose_day


def test_days_and_ranges_read_as_a_sentence_writes_them():
    assert prose_day(date(2023, 11, 27), Options(lang="es")) == "lunes 27 de noviembre de 2023"
    assert prose_day(date(2023, 12, 2), Options(lang="en")) == "Saturday 2 December 2023"
    assert (
        format_date_range(date(2023, 11, 25), date(2023, 12, 2), "es")
        == "25 de noviembre al 2 de diciembre de 2023"
    )
    assert format_date_range(date(2023, 11, 27), date(2023, 11, 30), "es") == (
        "27 al 30 de noviembre de 2023"
    )
    assert format_date_range(date(2023, 12, 30), date(2024, 1, 2), "es") == (
        "30 de diciembre de 2023 al 2 de enero de 2024"
    )
    english = format_date_range(date(2023, 11, 25), date(2023, 12, 2), "en")
    assert " ".join(english.split()) == "25 Nov – 2 Dec 2023"  # (Babel's thin spaces)


def test_a_schedule_in_spanish_says_its_days_in_lower_case_and_its_time_in_the_plans_zone(
    demo, tmp_path
):
    out = run(demo, "schedule", tmp_path / "programa.xlsx", Options(lang="es"))[0]
    book = load_workbook(out)
    texts = [str(c.value) for ws in book for row in ws.iter_rows(max_row=3) for c in row if c.value]
    assert any("Programa del lunes 27 de noviembre de 2023" in t for t in texts)
    heading = next(t for t in texts if "generada el" in t)
    assert "25 de noviembre al 2 de diciembre de 2023" in heading
    now = datetime.now(ZoneInfo("America/Tegucigalpa"))
    assert f"{now:%H}:" in heading.split("generada el", 1)[1]  # Tegucigalpa's hour


def test_what_changed_says_both_times_alike_in_the_plans_zone(demo, tmp_path):
    from planner.queries import delegations

    delegation = delegations(demo)[0].id
    options = Options(lang="es", delegation=delegation)
    run(demo, "agenda", tmp_path / "agenda.xlsx", options)  # the export to compare with
    out = run(demo, "changes", tmp_path / "cambios.xlsx", options)[0]
    lines = [
        str(c.value)
        for row in load_workbook(out).worksheets[0].iter_rows(max_row=4)
        for c in row
        if c.value
    ]
    since = next(line for line in lines if line.startswith("desde la exportación del"))
    made = next(line for line in lines if "generada el" in line).split("generada el ", 1)[1]
    today = datetime.now(ZoneInfo("America/Tegucigalpa")).date()
    written = prose_day(today, Options(lang="es")).split(" ", 1)[1]  # "5 de diciembre de 2026"
    assert since.startswith(f"desde la exportación del {written}, ")
    assert made.startswith(f"{written}, ")


def test_the_budget_names_its_months_and_shows_its_indirect_share_as_a_reader_expects(
    demo, tmp_path
):
    from planner import operations

    operations.update(demo, "plan", 1, {"indirect_rate": 7})
    out = run(demo, "budget", tmp_path / "presupuesto.xlsx", Options(lang="es"))[0]
    lines = load_workbook(out)["Líneas"]
    months = {c.value for c in lines["J"] if c.row > 5 and c.value}
    assert "nov. 2023" in months and all(isinstance(m, str) for m in months)  # text, not a date
    indirect = next(row for row in lines.iter_rows() if row[1].value == "Apoyo indirecto")
    assert indirect[7].number_format == "0 %"  # "7 %", not "0.0700 USD"


def test_an_itinerary_gives_each_flights_take_off_and_landing_with_their_places(demo, tmp_path):
    from planner.queries import people

    head = next(p for p in people(demo) if p.family_name == "Aguilar Ordóñez")
    out = run(demo, "itineraries", tmp_path / "it.xlsx", Options(lang="es", person=head.id))[0]
    rows = [list(r) for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    flight = next(r for r in rows if r[3] == "Copa Airlines CM 247")
    assert (f"{flight[1]:%H:%M}", f"{flight[2]:%H:%M}") == ("08:50", "09:40")
    assert flight[5] == "Sale 08:50 Panama City (PTY) · llega 09:40 Toncontín International Airport"
    hotel = next(r for r in rows if r[3] == "Entrada al hotel")
    assert hotel[5].endswith("salida el 2 de diciembre de 2023")


def test_a_days_heading_has_no_padded_day():
    from planner.exports.common import format_day

    assert format_day(date(2023, 12, 1), Options(lang="es")) == "Viernes 1 de diciembre de 2023"
    panama = Options(lang="es", locale="es-PA")
    assert format_day(date(2023, 12, 1), panama) == "Viernes 1 de diciembre de 2023"
