"""Importing the files partners send: every rule has a file that breaks it."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import select

from planner import operations, queries
from planner.cli import main
from planner.domain.errors import PlannerError
from planner.domain.model import Travel
from planner.imports import agenda, people
from planner.imports.readers import read_table
from tests.paths import DATA

ZONE = ZoneInfo("America/Tegucigalpa")


def roster(
    tmp_path: Path,
    rows: list[list],
    headers: list[str] | None = None,
    title: bool = True,
    name: str = "roster.xlsx",
) -> Path:
    """An .xlsx the way partners make them: a merged title, a blank line, then the table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Participantes"
    if title:
        ws["A1"] = "DIRECCIÓN NACIONAL DE SERVICIOS POLICIALES FRONTERIZOS"
        ws.merge_cells("A1:F1")
        ws["A2"] = "Listado de participantes — noviembre 2023"
        ws.append([])
    ws.append(
        headers
        or [
            "Nombres",
            "Apellidos",
            "Sexo",
            "Fecha de nacimiento",
            "Número de identidad",
            "Correo electrónico",
            "Rol",
            "Nacionalidad",
        ]
    )
    for row in rows:
        ws.append(row)
        ws.append([])  # blank rows between, as people leave them
    path = tmp_path / name
    wb.save(path)
    return path


def check(store, path, **kw):
    table = read_table(path, known_headers=people.known_header)
    mapping = people.mapping_for(store, table)
    return people.preview(store, table, mapping, **kw)


def by_row(preview):
    return {r.row: r for r in preview.rows}


def test_both_samples_import_without_errors(demo):
    for sample, delegation in (
        ("roster-dnspf-honduras.xlsx", "DNSPF trainees 2024"),
        ("delegation-panama.xlsx", "Panama delegation"),
    ):
        pv = check(demo, DATA / sample, delegation=delegation)
        assert pv.errors == [], [r.reasons for r in pv.errors]
        people.apply(demo, pv)
    names = {p.name for p in queries.people(demo)}
    assert "Darwin Cruz Paz" in names and "Selvin Murillo García" in names
    darwin = next(p for p in queries.people(demo) if p.name == "Darwin Cruz Paz")
    assert (darwin.sex, darwin.birth_date, darwin.duty_station) == (
        "male",
        date(1989, 11, 4),
        "Aeropuerto Toncontín",
    )
    assert darwin.delegation == "DNSPF trainees 2024"
    selvin = next(p for p in queries.people(demo) if p.name == "Selvin Murillo García")
    assert (selvin.role, selvin.nationality, selvin.organisation) == (
        "head_of_delegation",
        "PA",
        "National Border Service of Panama",
    )


def test_header_row_is_found_below_a_title_and_blank_rows_are_skipped(plan, tmp_path):
    path = roster(
        tmp_path,
        [
            ["Ana", "Paz", "F", "12/03/1985", "0801-1985-0001", "", "", ""],
            ["Luis", "Cruz", "M", "01/07/1990", "0801-1990-0002", "", "", ""],
        ],
    )
    table = read_table(path, known_headers=people.known_header)
    assert table.header_row == 4
    assert [r for r, _c in table.rows] == [5, 7]


def test_every_row_rule_is_checked_with_the_spreadsheet_row_number(plan, tmp_path):
    operations.create(
        plan,
        "person",
        {"given_name": "Yolanda", "family_name": "Mejía", "id_number": "0872-1969-81678"},
    )
    path = roster(
        tmp_path,
        [
            ["Ana", "Paz", "Masc.", "25/11/1985", "0801-1985-00001", "ana@example.org", "", ""],
            ["", "", "F", "01/01/1990", "x", "", "", ""],  # no name
            ["Rosa", "Flores", "Mujer", "31/02/1990", "", "", "", ""],  # impossible date
            ["Iris", "Lagos", "female", "2090-01-01", "", "", "", ""],  # future
            ["Kevin", "Paz", "??", "", "", "", "", ""],  # sex not understood
            ["Sonia", "Reyes", "F", "", "", "sonia@", "Cocinera", "Narnia"],  # warnings only
            ["Ana", "Paz", "M", "", "0801 1985 00001", "", "", ""],  # same as row 5
            ["Yolanda", "Mejía", "F", "12/04/1969", "0872-1969-81678", "", "", ""],  # in the plan
        ],
    )
    pv = check(plan, path)
    rows = by_row(pv)
    assert rows[5].status == "new" and rows[5].values["sex"] == "male"
    assert rows[5].values["birth_date"] == date(1985, 11, 25)  # day first (Spanish file)
    assert rows[7].status == "error" and "no name" in rows[7].reasons[0]
    assert rows[9].status == "error" and "not a real date" in rows[9].reasons[0]
    assert rows[11].status == "error" and "in the future" in rows[11].reasons[0]
    assert rows[13].status == "error" and "sex '??' is not understood" in rows[13].reasons[0]
    assert rows[15].status == "new"
    assert rows[15].values["role"] == "other" and rows[15].values["role_other"] == "Cocinera"
    assert "email" not in rows[15].values and "nationality" not in rows[15].values
    assert len(rows[15].warnings) == 3
    assert rows[17].status == "duplicate" and rows[17].same_as_row == 5
    assert rows[19].status == "update" and rows[19].match_id is not None
    assert set(rows[19].changes) == {"sex", "birth_date"}
    report = people.report(pv)
    assert [r["row"] for r in report["rejected"]] == [7, 9, 11, 13]
    assert {r["row"] for r in report["duplicates"]} == {17}


def test_an_import_with_bad_rows_leaves_the_plan_as_it_was(plan, tmp_path):
    path = roster(
        tmp_path,
        [
            ["Ana", "Paz", "F", "", "", "", "", ""],
            ["", "", "", "", "", "nobody@example.org", "", ""],
        ],
    )
    pv = check(plan, path, delegation="Honduras")
    before = plan.last_change_id()
    with pytest.raises(people.InvalidRows, match="1 row has errors, so nothing was imported"):
        people.apply(plan, pv)
    assert plan.last_change_id() == before
    assert queries.people(plan) == [] and queries.delegations(plan) == []
    people.apply(plan, pv, skip_invalid=True)
    assert [p.name for p in queries.people(plan)] == ["Ana Paz"]
    assert [d.name for d in queries.delegations(plan)] == ["Honduras"]


def test_reimporting_updates_and_never_erases(plan, tmp_path):
    first = roster(
        tmp_path,
        [["Ana", "Paz", "F", "25/11/1985", "0801-1985-00001", "ana@example.org", "", ""]],
        name="first.xlsx",
    )
    people.apply(plan, check(plan, first))
    second = roster(
        tmp_path, [["Ana", "Paz Flores", "", "", "0801-1985-00001", "", "", ""]], name="second.xlsx"
    )
    pv = check(plan, second)
    assert pv.rows[0].status == "update" and set(pv.rows[0].changes) == {"family_name"}
    people.apply(plan, pv)
    (ana,) = queries.people(plan)
    assert (ana.family_name, ana.sex, ana.email) == ("Paz Flores", "female", "ana@example.org")


def test_excel_error_cells_count_as_empty_with_a_warning(plan, tmp_path):
    path = roster(tmp_path, [["Ana", "Paz", "F", "", "", "", "", ""]], title=False)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["E2"].value = "#N/A"
    ws["E2"].data_type = "e"
    wb.save(path)
    pv = check(plan, path)
    (row,) = pv.rows
    assert row.status == "new" and "id_number" not in row.values
    assert any("cell E2 holds an Excel error value" in w for w in row.warnings)


@pytest.mark.parametrize(
    "encoding, delimiter", [("utf-8-sig", ";"), ("latin-1", ","), ("utf-8", "\t")]
)
def test_csv_encoding_and_delimiter_are_detected(plan, tmp_path, encoding, delimiter):
    path = tmp_path / "roster.csv"
    lines = [
        "Nombres{d}Apellidos{d}Sexo{d}Teléfono",
        "Nohemí{d}Bonilla Hernández{d}F{d}+504 1",
        "Víctor{d}Ordóñez{d}M{d}",
    ]
    path.write_bytes("\n".join(line.format(d=delimiter) for line in lines).encode(encoding))
    pv = check(plan, path)
    assert [r.name for r in pv.rows] == ["Nohemí Bonilla Hernández", "Víctor Ordóñez"]
    assert pv.rows[0].values["phone"] == "+504 1"


def test_xls_and_ods_files_are_read(plan):
    xls = check(plan, DATA / "roster-small.xls")
    assert [(r.row, r.name, r.values["birth_date"]) for r in xls.rows] == [
        (4, "Ana María Paz Flores", date(1985, 3, 12)),
        (5, "Luis Cruz", date(1990, 7, 1)),
    ]
    ods = check(plan, DATA / "delegation-small.ods")
    assert [r.values["nationality"] for r in ods.rows] == ["PA", "PA"]


def test_broken_files_and_sheets_get_clear_messages(plan, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(PlannerError, match="cannot be read as a spreadsheet"):
        read_table(broken)
    with pytest.raises(PlannerError, match=r"has no sheet called 'Hoja9'.*Participantes"):
        read_table(DATA / "roster-dnspf-honduras.xlsx", "Hoja9")
    letter = tmp_path / "letter.docx"
    letter.write_text("Dear partners")
    with pytest.raises(PlannerError, match="is not a file this program reads"):
        read_table(letter)


def test_mapping_is_guessed_corrected_and_remembered(plan, tmp_path):
    path = roster(
        tmp_path,
        [["Ana", "Paz", "F", "", "", "", "", "Honduras"]],
        headers=[
            "Nombres",
            "Apellidos",
            "Sexo",
            "Fecha",
            "DNI",
            "Mail",
            "Función",
            "País de origen",
        ],
    )
    table = read_table(path, known_headers=people.known_header)
    guessed = people.mapping_for(plan, table)
    assert guessed["DNI"] == "id_number" and guessed["País de origen"] is None
    mapping = people.mapping_for(plan, table, {"País de origen": "nationality"})
    people.remember_mapping(plan, table.headers, mapping)
    assert people.mapping_for(plan, table)["País de origen"] == "nationality"
    with pytest.raises(PlannerError, match="no column 'Edad'"):
        people.mapping_for(plan, table, {"Edad": "notes"})


def test_import_people_command_contract(demo_path, tmp_path, capsys):
    bad = roster(
        tmp_path, [["Ana", "Paz", "F", "", "", "", "", ""], ["", "", "M", "", "", "", "", ""]]
    )
    assert main(["import", "people", str(demo_path), str(bad), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {"created", "updated", "duplicates", "rejected", "warnings"} <= set(report)
    assert report["rejected"][0]["row"] == 7 and "no name" in report["rejected"][0]["reason"]
    assert (
        main(
            ["import", "people", str(demo_path), str(bad), "--skip-invalid", "--dry-run", "--json"]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(
            [
                "import",
                "people",
                str(demo_path),
                str(DATA / "delegation-panama.xlsx"),
                "--delegation",
                "Panamá 2024",
                "--group",
                "Formadores",
                "--json",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert len(report["created"]) == 10 and report["rejected"] == []
    assert report["new_items"] == [
        {"kind": "delegation", "name": "Panamá 2024"},
        {"kind": "group", "name": "Formadores"},
    ]
    # the same file again: everyone is already there, reported as duplicates with the reason
    assert (
        main(
            [
                "import",
                "people",
                str(demo_path),
                str(DATA / "delegation-panama.xlsx"),
                "--delegation",
                "Panamá 2024",
                "--json",
            ]
        )
        == 0
    )
    again = json.loads(capsys.readouterr().out)
    assert len(again["duplicates"]) == 10 and again["warnings"] == [] and again["created"] == []
    assert "already in the plan" in again["duplicates"][0]["reason"]
    assert main(["info", str(demo_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["people"] == 224
    assert {"name": "Formadores", "size": 10} in [
        {k: g[k] for k in ("name", "size")} for g in info["groups"]
    ]
    assert main(["import", "people", str(demo_path), str(tmp_path / "nope.xlsx")]) == 2
    assert main(["import", "people", str(demo_path), str(bad), "--map", "oops"]) == 2


def test_agenda_exports_and_imports_back_unchanged(demo, demo_path, tmp_path, capsys):
    target = tmp_path / "agenda.xlsx"
    assert main(["export", "agenda", str(demo_path), "-o", str(target), "--lang", "es"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    before = queries.sessions(demo)
    assert main(["import", "agenda", str(demo_path), str(target), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["duplicates"]) == 82 and report["created"] == report["updated"] == []
    assert queries.sessions(demo) == before
    ws = openpyxl.load_workbook(target).active
    header = next(
        r
        for r in range(1, 10)
        if ws.cell(r, 1).value == "Session ID" or ws.cell(r, 1).value == "ID de sesión"
    )
    assert isinstance(ws.cell(header + 1, 2).value, datetime)  # a real date


def test_agenda_rows_create_update_and_name_unknown_things(demo, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["ID", "Fecha", "Inicio", "Fin", "Título", "Tipo", "Sala", "Participantes", "Facilitadores"]
    )
    lunch = next(s for s in queries.sessions(demo) if s.title == "Lunch")
    ws.append(
        [
            lunch.id,
            "27/11/2023",
            "12:30",
            "13:30",
            "Lunch",
            "Comida",
            "Comedor",
            "Group A; Group B; Group C; Group D; Panama delegation; IOM Honduras team",
            "",
        ]
    )
    ws.append(
        [
            "",
            "28/11/2023",
            "18:00",
            "19:00",
            "Cena de bienvenida",
            "Comida",
            "",
            "Panama delegation",
            "",
        ]
    )
    ws.append(
        ["", "29/11/2023", "8", "9:00", "Reunión", "Fiesta", "Aula 9", "Group Z", "Nadie Conocido"]
    )
    path = tmp_path / "agenda.xlsx"
    wb.save(path)
    pv = agenda.preview(demo, read_table(path, known_headers=agenda.known_header))
    rows = {r.row: r for r in pv.rows}
    assert rows[2].status == "update" and set(rows[2].changes) == {"start", "end"}
    assert rows[3].status == "new"
    assert rows[4].status == "error"
    text = "; ".join(rows[4].reasons)
    for words in (
        "'8' is not a time",
        "'Fiesta' is not a kind of session",
        "room 'Aula 9' is not in the plan",
        "'Group Z' is not a group",
        "facilitator 'Nadie Conocido' is not a person",
    ):
        assert words in text
    batch = agenda.apply(demo, pv, skip_invalid=True)
    assert any(s.title == "Cena de bienvenida" for s in queries.sessions(demo))
    operations.undo_batch(demo, batch)
    assert not any(s.title == "Cena de bienvenida" for s in queries.sessions(demo))
    assert next(s for s in queries.sessions(demo) if s.id == lunch.id).start == lunch.start
    operations.redo_batch(demo, batch)
    assert any(s.title == "Cena de bienvenida" for s in queries.sessions(demo))


def test_people_import_undoes_and_redoes_as_one_step(demo):
    pv = check(demo, DATA / "delegation-panama.xlsx", delegation="Panamá 2024", group="Formadores")
    batch = people.apply(demo, pv)
    after = queries.people(demo)
    operations.undo_batch(demo, batch)
    assert len(queries.people(demo)) == 215
    assert "Panamá 2024" not in {d.name for d in queries.delegations(demo)}
    operations.redo_batch(demo, batch)
    assert queries.people(demo) == after


def test_groups_split_evenly_with_women_and_stations_spread(demo, capsys):
    from planner.queries.grouping import members as members_of
    from planner.rules import grouping

    dnspf = next(d.id for d in queries.delegations(demo) if d.name == "DNSPF trainees")
    members = members_of(demo, delegation=dnspf)
    women = sum(1 for m in members if m.sex == "female")
    result = grouping.split(members, 6, spread_by_station=True)
    sizes = [len(g) for g in result]
    assert max(sizes) - min(sizes) <= 1 and sum(sizes) == 200
    for g in result:
        share = women * len(g) / len(members)
        assert abs(sum(1 for m in g if m.sex == "female") - share) <= 1
    stations = {m.duty_station for m in members}
    for station in stations:
        counts = [sum(1 for m in g if m.duty_station == station) for g in result]
        assert max(counts) - min(counts) <= 1, station
    assert main(["groups", "split", str(demo.path), "--delegation", "DNSPF", "--into", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Group E: 67 people")
    assert (
        len([g for g in queries.groups(demo) if g.name in ("Group E", "Group F", "Group G")]) == 3
    )
    assert main(["groups", "split", str(demo.path), "--delegation", "e", "--into", "3"]) == 2


def test_people_found_twice_are_merged_and_the_merge_undoes(demo):
    pv = check(demo, DATA / "delegation-panama.xlsx", delegation="Panama delegation")
    people.apply(demo, pv)
    head = operations.get_values(demo, "delegation", 1)["head_id"]
    copy_id = next(p.id for p in queries.people(demo) if p.name == "Selvin Murillo García")
    operations.update(
        demo, "person", copy_id, {"email": "", "id_number": "X1", "birth_date": date(1975, 1, 1)}
    )
    operations.update(
        demo,
        "person",
        head,
        {"given_name": "Selvin", "family_name": "Murillo García", "birth_date": date(1975, 1, 1)},
    )
    found = operations.duplicate_people(demo)
    assert [head, copy_id] in found
    sessions_of_head = {s.id for s in queries.sessions(demo) if "Panama delegation" in s.audience}
    batch = operations.merge_people(demo, head, [copy_id])
    assert not any(p.id == copy_id for p in queries.people(demo))
    assert operations.get_values(demo, "delegation", 1)["head_id"] == head
    operations.undo_batch(demo, batch)
    assert any(p.id == copy_id for p in queries.people(demo))
    operations.redo_batch(demo, batch)
    assert not any(p.id == copy_id for p in queries.people(demo))
    assert sessions_of_head  # the head still attends everything the delegation attends


def test_a_cancelled_import_leaves_the_plan_as_it_was(demo):
    pv = check(
        demo, DATA / "roster-dnspf-honduras.xlsx", delegation="Cohort 2024", group="Cohort A"
    )
    before = (queries.people(demo), queries.delegations(demo), queries.groups(demo))
    change = demo.last_change_id()
    seen = []

    def cancel_at_the_very_end(done, total):
        seen.append(done)
        if done == total:  # every row written, the transaction not yet committed
            raise people.Cancelled

    with pytest.raises(people.Cancelled):
        people.apply(demo, pv, progress=cancel_at_the_very_end)
    assert len(seen) >= 2 and seen == sorted(seen)
    assert (queries.people(demo), queries.delegations(demo), queries.groups(demo)) == before
    assert demo.last_change_id() == change


def test_duplicates_are_found_by_email_and_by_name_with_birth_date(plan, tmp_path):
    operations.create(
        plan,
        "person",
        {"given_name": "Óscar", "family_name": "Ordóñez", "email": "oscar.ordonez@example.hn"},
    )
    operations.create(
        plan,
        "person",
        {"given_name": "Karla", "family_name": "Reyes", "birth_date": date(1991, 5, 2)},
    )
    path = roster(
        tmp_path,
        [
            ["Oscar", "Ordoñez", "M", "", "", "OSCAR.ORDONEZ@example.hn", "", ""],  # plan, email
            ["KARLA", "reyes", "F", "02/05/1991", "", "", "", ""],  # plan, name + birth date
            ["Luis", "Cruz", "M", "ayer", "", "", "", ""],  # a date nobody can read
            ["Marta", "Lagos", "F", "03/03/1993", "", "marta@example.hn", "", ""],
            ["Marta E.", "Lagos", "F", "", "", "Marta@Example.hn", "", ""],  # row 11, same email
        ],
    )
    rows = by_row(check(plan, path))
    assert rows[5].status == "update" and rows[5].match_id is not None
    assert "email" in rows[5].note
    assert rows[7].status == "update" and "name and date of birth" in rows[7].note
    assert rows[9].status == "error" and "ayer" in rows[9].reasons[0]
    assert rows[13].status == "duplicate" and rows[13].same_as_row == 11


def _travel(store, person_id):
    with store.read() as session:
        return {
            t.direction: (
                t.number,
                t.carrier,
                t.place_id,
                (t.arrives_at or t.departs_at).astimezone(ZONE),
            )
            for t in session.execute(select(Travel).where(Travel.person_id == person_id)).scalars()
        }


def test_the_delegation_sample_brings_its_flights_to_the_default_airport(demo):
    pv = check(demo, DATA / "delegation-panama.xlsx", delegation="Panama delegation")
    assert pv.mapping["Arrival flight"] == "arrival_flight"
    assert pv.mapping["Arrival (local time)"] == "arrival_at"
    assert pv.mapping["Departure (local time)"] == "departure_at"
    people.apply(demo, pv)
    selvin = next(p for p in queries.people(demo) if p.name == "Selvin Murillo García")
    airport = operations.plan_values(demo)["arrival_airport_id"]
    assert airport is not None
    trips = _travel(demo, selvin.id)
    assert trips["arrival"] == (
        "CM 421",
        "Copa Airlines",
        airport,
        datetime(2023, 11, 25, 13, 5, tzinfo=ZONE),
    )
    assert trips["departure"][0] == "CM 422"
    assert trips["departure"][3] == datetime(2023, 12, 2, 14, 15, tzinfo=ZONE)


def test_travel_columns_in_spanish_with_date_and_time_apart(plan, tmp_path):
    path = roster(
        tmp_path,
        [
            ["Ana", "Paz", "F", "Copa CM 247", "26/11/2023", "9:40", "CM 422", "02/12/2023 14:15"],
            ["Luis", "Cruz", "M", "Bus", "26/11/2023", "7:00 p.m.", "", ""],
            ["Rosa", "Díaz", "F", "CM 247", "31/11/2023", "9:40", "", ""],
            ["Juan", "Ruiz", "M", "CM 247", "26/11/2023", "", "CM 422", "25/11/2023 10:00"],
        ],
        headers=[
            "Nombres",
            "Apellidos",
            "Sexo",
            "Vuelo de llegada",
            "Fecha de llegada",
            "Hora de llegada",
            "Vuelo de salida",
            "Salida (hora local)",
        ],
    )
    pv = check(plan, path)
    rows = by_row(pv)
    assert [r.status for r in pv.rows[:2]] == ["new", "new"]
    rosa, juan = rows[pv.rows[2].row], rows[pv.rows[3].row]
    assert rosa.status == "error" and "31/11/2023" in rosa.reasons[0]
    assert juan.status == "error" and any(
        "no time of day" in r or "not after" in r for r in juan.reasons
    )
    people.apply(plan, pv, skip_invalid=True)
    found = {p.name: p.id for p in queries.people(plan)}
    ana = _travel(plan, found["Ana Paz"])
    assert ana["arrival"][0] == "CM 247" and ana["arrival"][3] == datetime(
        2023, 11, 26, 9, 40, tzinfo=ZONE
    )
    assert ana["departure"][3] == datetime(2023, 12, 2, 14, 15, tzinfo=ZONE)
    luis = _travel(plan, found["Luis Cruz"])
    assert luis["arrival"][3].hour == 19 and luis["arrival"][0] == ""
    assert "departure" not in luis


def test_reimport_moves_a_changed_flight_and_undo_puts_it_back(demo, tmp_path):
    pv = check(demo, DATA / "delegation-panama.xlsx", delegation="Panama delegation")
    people.apply(demo, pv)
    wb = openpyxl.load_workbook(DATA / "delegation-panama.xlsx")
    ws = wb.active
    ws["J2"] = "CM 247"
    ws["K2"] = datetime(2023, 11, 26, 9, 40)
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    pv = check(demo, changed, delegation="Panama delegation")
    first = by_row(pv)[2]
    assert first.status == "update" and "arrival_at" in first.changes
    assert [r.status for r in pv.rows[1:]] == ["duplicate"] * (len(pv.rows) - 1)
    batch = people.apply(demo, pv)
    selvin = next(p for p in queries.people(demo) if p.name == "Selvin Murillo García")
    assert _travel(demo, selvin.id)["arrival"][:2] == ("CM 247", "Copa Airlines")
    operations.undo_batch(demo, batch)
    assert _travel(demo, selvin.id)["arrival"][0] == "CM 421"
    assert _travel(demo, selvin.id)["arrival"][3] == datetime(2023, 11, 25, 13, 5, tzinfo=ZONE)
