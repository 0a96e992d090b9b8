"""Hostile input, property-based (Hypothesis): any cell a partner's spreadsheet can hold goes
through the people import without a crash, and any text a plan can hold comes out of the
exports unchanged, as text, never as a formula."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from planner import operations
from planner.domain.errors import PlannerError
from planner.exports.catalog import run
from planner.exports.common import Options
from planner.exports.xlsx import ILLEGAL
from planner.imports import people
from planner.imports.readers import Table

HEADERS = [
    "Nombres",
    "Apellidos",
    "Sexo",
    "Fecha de nacimiento",
    "Número de identidad",
    "Correo electrónico",
    "Teléfono",
    "Cargo",
    "Nacionalidad",
]
FORMULA_LIKE = st.sampled_from(
    ["=", "+", "-", "@", "\t", "\r", '=HYPERLINK("x")', "=1+1", "@SUM(A1)", "-2+3", "+504 9999"]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x590, max_codepoint=0x6FF), max_size=20),
    st.builds(lambda a, b: a + b, FORMULA_LIKE, st.text(max_size=20)),
    st.text(min_size=300, max_size=2000).map(lambda t: t * 2),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),
)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
)
SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@SLOW
@given(
    rows=st.lists(
        st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=6
    )
)
def test_any_cells_go_through_the_people_import_without_a_crash(plan, rows):
    table = Table(
        Path("roster.xlsx"),
        ["Participantes"],
        "Participantes",
        HEADERS,
        1,
        [(n + 2, row) for n, row in enumerate(rows)],
    )
    mapping = people.mapping_for(plan, table)
    try:
        preview = people.preview(plan, table, mapping)
        for result in preview.rows:
            for reason in getattr(result, "reasons", []):
                assert isinstance(reason, str) and reason
        people.apply(plan, preview, skip_invalid=True)
    except PlannerError as exc:  # refused with a message is fine; a crash is not
        assert str(exc)
    with plan.reading() as r:
        assert r.value("PRAGMA integrity_check") == "ok"


@SLOW
@given(given_name=TEXT, family=TEXT, position=TEXT, needs=TEXT)
def test_any_text_comes_out_of_the_exports_as_text(
    plan, tmp_path_factory, given_name, family, position, needs
):
    try:
        pid = operations.create(
            plan,
            "person",
            {
                "given_name": given_name,
                "family_name": family,
                "position": position,
                "dietary_needs": needs,
            },
        ).id
    except PlannerError:
        return  # refused by validation with a message (e.g. a name too long): not exported
    out = tmp_path_factory.mktemp("x") / "participants.xlsx"
    try:
        run(plan, "participants", out, Options())
        book = load_workbook(out)
        stored = operations.get_values(plan, "person", pid)  # as the plan keeps it (blanks trimmed)
        wanted = {
            ILLEGAL.sub("", stored[k])
            for k in ("given_name", "family_name", "position", "dietary_needs")
            if ILLEGAL.sub("", stored[k])
        }
        found = {
            c.value: c
            for ws in book
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str)
        }
        for text in wanted:
            assert text in found, text
            assert found[text].data_type == "s"  # text, never a formula
    finally:
        operations.delete(plan, "person", [pid])


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "+1+1", "-1", "@A1", "\t=1", "\r=1"])
def test_each_formula_start_stays_text_in_every_list(demo, tmp_path, value):
    pid = operations.create(demo, "person", {"given_name": value, "family_name": value}).id
    stored = operations.get_values(demo, "person", pid)["given_name"]  # surrounding blanks trimmed
    with demo.reading() as r:
        session = r.value("SELECT id FROM agenda_session WHERE kind = 'training' LIMIT 1")
        group = r.value("SELECT group_id FROM session_audience WHERE session_id = ?", (session,))
    members = operations.get_values(demo, "group", group)["member_ids"]
    operations.update(demo, "group", group, {"member_ids": [*members, pid]})
    for kind in ("participants", "signin"):
        out = run(demo, kind, tmp_path / f"{kind}.xlsx", Options())[0]
        cells = [
            c
            for ws in load_workbook(out)
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.value.startswith(stored[0]) and stored in c.value
        ]
        assert cells and all(c.data_type == "s" for c in cells), kind


AGENDA_HEADERS = [
    "Fecha",
    "Inicio",
    "Fin",
    "Título",
    "Tipo",
    "Sala",
    "Asistentes",
    "Facilitadores",
    "Lugar",
    "Notas",
]


@SLOW
@given(
    rows=st.lists(
        st.lists(CELL, min_size=len(AGENDA_HEADERS), max_size=len(AGENDA_HEADERS)),
        min_size=1,
        max_size=5,
    )
)
def test_any_cells_go_through_the_agenda_import_without_a_crash(demo, rows):
    from planner.imports import agenda

    table = Table(
        Path("agenda.xlsx"),
        ["Agenda"],
        "Agenda",
        AGENDA_HEADERS,
        1,
        [(n + 2, row) for n, row in enumerate(rows)],
    )
    with demo.reading() as r:
        before = r.value("SELECT count(*) FROM agenda_session")
    try:
        preview = agenda.preview(demo, table)
        agenda.apply(demo, preview, skip_invalid=True)
    except PlannerError as exc:
        assert str(exc)
    with demo.reading() as r:
        assert r.value("PRAGMA integrity_check") == "ok"
        assert r.value("SELECT count(*) FROM agenda_session") >= before
