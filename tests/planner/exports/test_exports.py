"""The exports each audience needs: what they hold, what they must never hold, and how the
command line asks for them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner import operations
from planner.cli import main
from planner.domain.errors import PlannerError
from planner.exports.catalog import KINDS, run
from planner.exports.common import Cancelled, Job, Options, PlanData
from planner.operations.agenda import set_marks
from planner.queries.attendance import roll
from planner.store import PlanStore

WORKBOOKS = [
    "schedule",
    "agenda",
    "itineraries",
    "signin",
    "participants",
    "attendance",
    "manifests",
    "rooming",
    "catering",
    "budget",
    "perdiem",
]
NO_PERSONAL_DATA = [
    "schedule",
    "agenda",
    "itineraries",
    "signin",
    "attendance",
    "catering",
    "changes",
]


def values(path: Path) -> dict[str, list[list[object]]]:
    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


def texts(path: Path) -> str:
    return "\n".join(
        str(v) for rows in values(path).values() for row in rows for v in row if v is not None
    )


def delegation_id(store: PlanStore, name: str) -> int:
    with store.reading() as r:
        return int(r.value("SELECT id FROM delegation WHERE name = ?", (name,)))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_workbook_is_written_with_its_title_block(demo, tmp_path, lang):
    for kind in WORKBOOKS:
        out = tmp_path / f"{kind}-{lang}.xlsx"
        assert run(demo, kind, out, Options(lang=lang)) == [out]
        book = load_workbook(out)
        first = book.worksheets[0]
        assert (
            first["A1"].value == "Training on Migration, Human Rights and Humanitarian"
            " Action at Borders"
        ), kind
        line = str(first["A2"].value)
        assert ("change no." if lang == "en" else "cambio n.º") in line or kind in (
            "manifests",
            "budget",
            "perdiem",
        ), (kind, line)
        assert first.freeze_panes, kind
        setup = first.page_setup
        # fitted to the page's width, or (too wide for legible type) printed at 75 % over pages
        assert setup.fitToWidth == 1 or int(setup.scale) >= 75, kind
        assert setup.paperSize in (1, "1"), kind  # a plan in Honduras prints on Letter


def test_schedule_grid_has_a_sheet_per_day_with_merged_session_blocks(demo, tmp_path):
    out = run(demo, "schedule", tmp_path / "grid.xlsx", Options())[0]
    book = load_workbook(out)
    assert book.sheetnames[0] == "Overview"
    day = book["Tue 28 Nov"]
    headings = [c.value for c in day[4]]
    assert headings[0] == "Time" and "Aula 1" in headings
    assert len(day.merged_cells.ranges) >= 8
    blocks = [c.value for row in day.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Module" in b and "Group A" in b for b in blocks)
    first_block = next(iter(day.merged_cells.ranges))
    top = day.cell(first_block.min_row, first_block.min_col)
    assert top.fill.fgColor.rgb not in (None, "00000000")


def test_itineraries_cover_the_people_who_travel_with_whom_to_call(demo, tmp_path):
    data = PlanData.load(demo)
    out = run(demo, "itineraries", tmp_path / "it.xlsx", Options())[0]
    sheets = values(out)
    assert len(sheets) == len(data.travellers) == 10
    everyone = run(demo, "itineraries", tmp_path / "all.xlsx", Options(all=True))[0]
    assert len(load_workbook(everyone).sheetnames) == len(data.people)
    text = texts(out)
    assert "Copa Airlines CM 247" in text
    assert "+504\u00a08757-9673" in text  # the driver of the airport pick-up, unbroken
    assert "Logistics focal point" in text


def test_a_whole_plan_export_notes_each_delegation_agenda_as_one_export_would(demo, tmp_path):
    """The whole plan's export notes every delegation's agenda for "what changed" from one
    index of audiences (not each person's sessions): the same notes as one export each."""
    import json

    from planner.exports.changes import snapshot
    from planner.queries.agenda import last_export

    run(demo, "agenda", tmp_path / "all.xlsx", Options())
    data = PlanData.load(demo)
    assert len(data.delegations) >= 3
    for delegation in data.delegations:
        found = last_export(demo, delegation)
        assert found is not None and found[2] == "agenda"
        noted = json.loads(found[3])
        assert noted == snapshot(data, delegation)  # worked out from this one's members
        assert noted or not data.members(("delegation", delegation))


def test_one_person_one_delegation_and_split_files(demo, tmp_path):
    panama = delegation_id(demo, "Panama delegation")
    out = run(demo, "agenda", tmp_path / "panama.xlsx", Options(delegation=panama))[0]
    rows = values(out)["Panama delegation"]
    assert rows[1][0].startswith("Agenda of Panama delegation")
    assert any(r[1] == "Field tour: Las Manos border post and CAMI Danlí" for r in rows)
    folder = tmp_path / "people"
    files = run(demo, "itineraries", folder, Options(split=True))
    assert len(files) == 10 and all(f.parent == folder and f.suffix == ".xlsx" for f in files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    booklets = run(demo, "ics", tmp_path / "cal", Options(split=True, delegation=panama))
    assert len(booklets) == len(PlanData.load(demo).members(("delegation", panama)))


def test_sign_in_sheets_list_names_in_capitals_with_rows_for_walk_ins(demo, tmp_path):
    out = run(demo, "signin", tmp_path / "signin.xlsx", Options())[0]
    book = load_workbook(out)
    # a group with several sessions in a day gets one sheet with a column per session
    multi = next(ws for ws in book if ws.title.endswith("Group A"))
    rows = [[c.value for c in row] for row in multi.iter_rows()]
    heading = next(i for i, r in enumerate(rows) if r[0] == "No.")
    assert rows[heading][1:4] == ["Name", "Organisation", "Sex"]
    assert len([h for h in rows[heading][4:] if h]) >= 2
    names = [r[1] for r in rows[heading + 1 :] if r[1]]
    assert len(names) == 50 and all(n.split(",")[0].isupper() for n in names)
    blanks = [r for r in rows[heading + 1 :] if r[0] and not r[1]]
    assert len(blanks) == 5
    assert multi.row_dimensions[heading + 2].height >= 24


def test_no_personal_data_where_it_must_not_be(demo, tmp_path):
    data = PlanData.load(demo)
    contacts = {p.phone for p in data.people.values() if p.role in ("driver", "logistics")}
    secrets = {p.id_number for p in data.people.values() if p.id_number}
    secrets |= {p.phone for p in data.people.values() if p.phone} - contacts
    births = {p.birth_date for p in data.people.values() if p.birth_date}
    panama = delegation_id(demo, "Panama delegation")
    for kind in NO_PERSONAL_DATA:
        options = (
            Options(delegation=panama) if kind == "changes" else Options(all=kind == "itineraries")
        )
        out = run(demo, kind, tmp_path / f"{kind}.xlsx", options)[0]
        for sheet, rows in values(out).items():
            for row in rows:
                for value in row:
                    assert value not in secrets, (kind, sheet, value)
                    assert not (isinstance(value, str) and any(s in value for s in secrets)), (
                        kind,
                        sheet,
                        value,
                    )
                    if isinstance(value, datetime):
                        value = value.date()
                    assert value not in births or kind == "schedule", (kind, sheet, value)
    ics = run(demo, "ics", tmp_path / "plan.ics", Options(delegation=panama))[0].read_text()
    assert not any(s in ics for s in secrets)
    # and where it belongs, it is there, marked confidential
    listed = texts(run(demo, "participants", tmp_path / "p.xlsx", Options())[0])
    assert "CONFIDENTIAL" in listed and all(s in listed for s in list(secrets)[:20])


def test_text_that_looks_like_a_formula_stays_text(demo, tmp_path):
    hostile = operations.create(
        demo,
        "person",
        {
            "given_name": "+1 555",
            "family_name": '=HYPERLINK("http://x")',
            "position": "@SUM(A1)",
            "dietary_needs": "-Vegan",
            "notes": "\tx",
            "delegation_id": delegation_id(demo, "Panama delegation"),
        },
    ).id
    with demo.reading() as r:
        session = r.value("SELECT id FROM agenda_session WHERE kind = 'training' LIMIT 1")
        group = r.value("SELECT group_id FROM session_audience WHERE session_id = ?", (session,))
    session_values = operations.get_values(demo, "session", session)
    operations.create(
        demo,
        "session",
        {
            "title": "=2+2 SUM(A1)",
            "kind": "training",
            "start": session_values["start"] + timedelta(days=1),
            "end": session_values["end"] + timedelta(days=1),
            "audience": [("group", group)],
        },
    )
    members = operations.get_values(demo, "group", group)["member_ids"]
    operations.update(demo, "group", group, {"member_ids": [*members, hostile]})
    for kind in ("participants", "signin", "agenda", "itineraries"):
        out = run(demo, kind, tmp_path / f"{kind}.xlsx", Options(all=kind == "itineraries"))[0]
        book = load_workbook(out)
        found = [
            c
            for ws in book
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str)
            and c.value.startswith(("=", "+", "@", "-"))
            and ("HYPERLINK" in c.value or "555" in c.value or "SUM(A1)" in c.value)
        ]
        assert found, kind
        assert all(c.data_type == "s" for c in found), kind
        assert all(c.quotePrefix for c in found), kind  # still text once edited in Excel


def test_attendance_counts_who_was_trained_not_who_registered(demo, tmp_path):
    with demo.reading() as r:
        sid = r.value(
            "SELECT id FROM agenda_session WHERE title LIKE 'Module 1:%' ORDER BY starts_at LIMIT 1"
        )
    people = roll(demo, sid).attendees
    set_marks(demo, sid, {a.person_id: n < 10 for n, a in enumerate(people)})
    out = run(demo, "attendance", tmp_path / "att.xlsx", Options())[0]
    sheets = values(out)
    by_session = sheets["By session"]
    heading = next(r for r in by_session if r[0] == "Date")
    row = next(
        r
        for r in by_session
        if r[0] != "Date"
        and isinstance(r[0], datetime)
        and str(r[2]).startswith("Module 1:")
        and r[5] == 10
    )
    assert row[heading.index("Trainees registered")] == len(people) == 50
    assert row[heading.index("Trainees absent")] == 40
    totals = next(r for r in sheets["By organisation"] if r[0] == "Total")
    data = PlanData.load(demo)
    assert totals[4] == len(data.training().trained)  # who completed, as the register counts
    assert any(r[0] == "Under 25" for r in sheets["By age"])


def test_catering_groups_dietary_needs_written_in_either_language(demo, tmp_path):
    panama = delegation_id(demo, "Panama delegation")
    operations.create(
        demo,
        "person",
        {
            "given_name": "Ana",
            "family_name": "Paz",
            "dietary_needs": "vegetarian",
            "delegation_id": panama,
        },
    )
    out = run(demo, "catering", tmp_path / "cat.xlsx", Options())[0]
    rows = values(out)["Catering"]
    heading = next(r for r in rows if r[0] == "Date")
    assert heading.count("Vegetarian") == 1
    assert "Vegetariana" not in heading
    lunch = next(r for r in rows if r[2] == "Lunch")
    assert lunch[heading.index("Heads")] > 200
    assert lunch[heading.index("Vegetarian")] >= 2
    needs = [r for r in values(out)["Dietary needs"] if r[0] == "Vegetarian"]
    assert {r[3] for r in needs} >= {"vegetarian", "Vegetariana"}  # one group, as written
    assert any(r[1] == "Ana Paz" for r in needs)


def test_calendars_parse_and_update_instead_of_duplicating(demo, tmp_path):
    vobject = pytest.importorskip("vobject")
    panama = delegation_id(demo, "Panama delegation")
    first = run(demo, "ics", tmp_path / "a.ics", Options(delegation=panama))[0]
    cal = vobject.readOne(first.read_text())
    events = cal.vevent_list
    assert len(events) > 20
    assert cal.vtimezone_list and any(e.dtstart.value.tzinfo is not None for e in events)
    flight = next(e for e in events if "CM 247" in e.summary.value)
    # from take-off in Panama to landing in Tegucigalpa, each in its own zone
    assert flight.dtstart.value.utcoffset() == timedelta(hours=-5)
    assert flight.dtend.value.utcoffset() == timedelta(hours=-6)
    assert flight.dtend.value > flight.dtstart.value
    assert "PTY" in flight.description.value or "Panam" in flight.description.value
    with demo.reading() as r:
        sid = r.value("SELECT id FROM agenda_session WHERE title LIKE 'Field tour%'")
    values_ = operations.get_values(demo, "session", sid)
    operations.update(
        demo,
        "session",
        sid,
        {
            "start": values_["start"] + timedelta(hours=1),
            "end": values_["end"] + timedelta(hours=1),
        },
    )
    second = run(demo, "ics", tmp_path / "b.ics", Options(delegation=panama))[0]
    again = vobject.readOne(second.read_text()).vevent_list
    assert sorted(e.uid.value for e in events) == sorted(e.uid.value for e in again)
    moved = next(e for e in again if e.summary.value.startswith("Field tour"))
    before = next(e for e in events if e.uid.value == moved.uid.value)
    assert int(moved.sequence.value) > int(before.sequence.value)


def test_what_changed_since_the_last_export(demo, tmp_path):
    panama = delegation_id(demo, "Panama delegation")
    run(demo, "agenda", tmp_path / "a.xlsx", Options(delegation=panama))
    with demo.reading() as r:
        sid = r.value("SELECT id FROM agenda_session WHERE title LIKE 'Field tour%'")
    values_ = operations.get_values(demo, "session", sid)
    operations.update(
        demo,
        "session",
        sid,
        {
            "start": values_["start"] + timedelta(hours=1),
            "end": values_["end"] + timedelta(hours=1),
        },
    )
    out = run(demo, "changes", tmp_path / "c.xlsx", Options(delegation=panama, lang="es"))[0]
    rows = values(out)["Qué cambió"]
    changed = [r for r in rows if r[0] == "Nueva hora"]
    assert len(changed) == 1 and changed[0][1].startswith("Field tour")
    assert "07:30" in changed[0][3] and "06:30" in changed[0][2]


def test_dates_follow_the_readers_locale(demo, tmp_path):
    out = run(demo, "agenda", tmp_path / "pa.xlsx", Options(lang="es", locale="es-PA"))[0]
    ws = load_workbook(out).worksheets[0]
    dated = next(c for row in ws.iter_rows(min_row=5) for c in row if isinstance(c.value, datetime))
    assert dated.number_format == "mm/dd/yyyy"
    out = run(demo, "agenda", tmp_path / "hn.xlsx", Options(lang="es"))[0]
    ws = load_workbook(out).worksheets[0]
    dated = next(c for row in ws.iter_rows(min_row=5) for c in row if isinstance(c.value, datetime))
    assert dated.number_format == "dd/mm/yyyy"


def test_names_sort_as_spanish_readers_expect(demo, tmp_path):
    panama = delegation_id(demo, "Panama delegation")
    for family in ("Ñañez", "Nuñez", "Ocampo", "Ávila"):
        operations.create(
            demo, "person", {"given_name": "Zoe", "family_name": family, "delegation_id": panama}
        )
    out = run(demo, "participants", tmp_path / "p.xlsx", Options(delegation=panama))[0]
    families = [r[1] for r in values(out)["Participants"] if isinstance(r[0], int)]
    order = [families.index(f) for f in ("Ávila", "Nuñez", "Ñañez", "Ocampo")]
    assert order == sorted(order)
    assert families.index("Aguilar Ordóñez") < families.index("Ávila")


def test_a_cancelled_export_leaves_the_old_file_untouched(demo, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "it.xlsx"
    out.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        run(demo, "itineraries", out, Options(all=True), Job(cancelled=lambda: True))
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["it.xlsx"]
    with pytest.raises(Cancelled):
        run(
            demo,
            "itineraries",
            tmp_path / "folder",
            Options(split=True),
            Job(cancelled=lambda: True),
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["it.xlsx"]


def test_progress_is_reported(demo, tmp_path):
    seen: list[tuple[int, int]] = []
    run(
        demo,
        "itineraries",
        tmp_path / "it.xlsx",
        Options(all=True),
        Job(progress=lambda d, t: seen.append((d, t))),
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0


def test_filters_that_do_not_apply_are_refused(demo, tmp_path):
    with pytest.raises(PlannerError, match="--delegation"):
        run(demo, "catering", tmp_path / "c.xlsx", Options(delegation=1))
    with pytest.raises(PlannerError, match="--delegation"):
        run(demo, "changes", tmp_path / "c.xlsx", Options())
    with pytest.raises(PlannerError, match="split"):
        run(demo, "participants", tmp_path / "c", Options(split=True))
    assert set(KINDS) >= {
        "schedule",
        "agenda",
        "itineraries",
        "signin",
        "participants",
        "attendance",
        "manifests",
        "rooming",
        "catering",
        "budget",
        "perdiem",
        "certificates",
        "badges",
        "ics",
        "pdf",
    }


def test_command_line_exports_with_filters(demo_path, tmp_path, capsys):
    out = tmp_path / "panama.xlsx"
    assert (
        main(
            [
                "export",
                "agenda",
                str(demo_path),
                "-o",
                str(out),
                "--delegation",
                "panama",
                "--lang",
                "es",
                "--locale",
                "es-PA",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    assert "Agenda de Panama delegation" in texts(out)
    # an ambiguous name lists the candidates and exits 2
    assert main(["export", "agenda", str(demo_path), "-o", str(out), "--group", "group"]) == 2
    err = capsys.readouterr().err
    assert "Group A (1)" in err and "Group D (4)" in err
    # a filter the kind does not take exits 2
    assert main(["export", "catering", str(demo_path), "-o", str(out), "--person", "1"]) == 2
    assert "cannot be limited with --person" in capsys.readouterr().err
    folder = tmp_path / "cards"
    assert (
        main(
            [
                "export",
                "itineraries",
                str(demo_path),
                "-o",
                str(folder),
                "--split",
                "--delegation",
                "Panama delegation",
            ]
        )
        == 0
    )
    assert len(list(folder.glob("*.xlsx"))) == len(capsys.readouterr().out.splitlines()) == 10
    assert (
        main(
            [
                "export",
                "ics",
                str(demo_path),
                "-o",
                str(tmp_path / "p.ics"),
                "--person",
                "Glenda Reyes Núñez",
            ]
        )
        == 0
    )


def test_the_agenda_export_remembers_what_it_sent(demo, tmp_path):
    panama = delegation_id(demo, "Panama delegation")
    before = demo.last_change_id()
    run(demo, "itineraries", tmp_path / "i.xlsx", Options(delegation=panama))
    with demo.reading() as r:
        kinds = r.rows("SELECT kind FROM export_record WHERE delegation_id = ?", (panama,))
    assert kinds == [("itineraries",)]
    assert demo.last_change_id() == before  # not an edit: nothing to undo, no change number


def test_exports_without_personal_data_leave_every_number_out(demo, tmp_path):
    data = PlanData.load(demo)
    secrets = {p.id_number for p in data.people.values() if p.id_number}
    secrets |= {p.phone for p in data.people.values() if p.phone}  # drivers' too
    births = {p.birth_date for p in data.people.values() if p.birth_date}
    with demo.reading() as r:
        visit = r.value("SELECT id FROM agenda_session WHERE kind = 'site_visit' LIMIT 1")
    for kind in ("participants", "rooming", "itineraries"):  # perdiem, clearance: refused
        out = run(
            demo,
            kind,
            tmp_path / f"{kind}.xlsx",
            Options(personal=False, visit=visit if kind == "clearance" else None),
        )[0]
        text = texts(out)
        assert "left out of this export" in text, kind
        assert not any(s in text for s in secrets), kind
        for rows in values(out).values():
            for row in rows:
                assert not any(isinstance(v, datetime) and v.date() in births for v in row), kind
    panama = delegation_id(demo, "Panama delegation")
    ics = run(demo, "ics", tmp_path / "p.ics", Options(personal=False, delegation=panama))[0]
    assert not any(s in ics.read_text() for s in secrets)
    with_phones = run(demo, "ics", tmp_path / "q.ics", Options(delegation=panama))[0]
    assert any(s in with_phones.read_text() for s in secrets)  # the driver's, by default


def test_no_personal_data_from_the_command_line(demo_path, tmp_path, capsys):
    out = tmp_path / "participants.xlsx"
    assert (
        main(["export", "participants", str(demo_path), "-o", str(out), "--no-personal-data"]) == 0
    )
    rows = values(out)["Contact and needs"]  # identity and contact: the second sheet
    heading = next(r for r in rows if r[0] == "No.")
    column = heading.index("ID or passport no.")
    assert all(not r[column] for r in rows[rows.index(heading) + 1 :])
