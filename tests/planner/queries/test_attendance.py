"""Figures that do not overstate (issue 16, item 8): the attendance summary and the
certificates count trainees -- people with the role Trainee -- not everyone in the room, and
one person's hours are one figure, rounded half-up once to one decimal, on every paper."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.domain.errors import PlannerError
from planner.exports import pdf
from planner.exports.catalog import KINDS, run, split_parts
from planner.exports.common import Job, Options, PlanData
from planner.operations.agenda import set_marks
from planner.queries.attendance import roll, sessions_with_rolls
from planner.rules.training import NOT_ON_ROLL, TRAINING_KINDS, completed, hours_of, tally
from planner.store import PlanStore


def mark_everyone(store: PlanStore) -> None:
    """Everyone on every session's list marked present (as after a week of the field test)."""
    for session, *_rest in sessions_with_rolls(store):
        set_marks(store, session, {a.person_id: True for a in roll(store, session).attendees})


@pytest.fixture
def everyone(demo: PlanStore) -> PlanStore:
    mark_everyone(demo)
    return demo


def sheets(path: Path) -> dict[str, list[list[object]]]:
    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


def table(rows: list[list[object]], first: str) -> list[dict[str, object]]:
    """The rows under the heading row that starts with ``first``, as dicts by heading."""
    at = next(n for n, row in enumerate(rows) if row[0] == first)
    heads = [str(h) for h in rows[at]]
    return [dict(zip(heads, row, strict=True)) for row in rows[at + 1 :] if row[0] is not None]


def pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def test_the_summary_counts_trainees_and_lists_everyone_else_apart(everyone, tmp_path):
    data = PlanData.load(everyone)
    present = {p for s in data.marks for p in data.attended(s)}
    # staff, the delegation, and the trainee replaced after the first day (demo)
    staff = {
        p
        for p in present
        if data.people[p].role != "trainee" or data.people[p].status != "confirmed"
    }
    left = {p for p in staff if data.people[p].status == "replaced"}
    assert len(present) > 200 and len(left) == 1  # the room held more than the trainees
    book = sheets(run(everyone, "attendance", tmp_path / "att.xlsx", Options())[0])
    figures = {row[0]: row[1] for row in book["Summary"] if row[0] and row[1] is not None}
    assert figures["Trainees (role Trainee, not declined, replaced or cancelled)"] == 200
    assert figures["Trainees who attended (present at least once)"] == 200
    assert figures["Trainees trained"] == 200  # not 214: staff and the delegation apart
    assert figures["Also present (not trainees: not counted as trained)"] == len(staff)
    assert figures["Trainer"] == 7
    assert figures["Trainees who left (declined, replaced or cancelled)"] == 1
    assert next(r for r in book["By organisation"] if r[0] == "Total")[4] == 200
    assert next(r for r in book["By age"] if r[0] == "Total")[4] == 200
    trainees = table(book["Trainees"], "No.")
    assert len(trainees) == 200 and {r["Trained"] for r in trainees} == {"Yes"}
    listed = {str(r["Name"]) for r in trainees}
    assert not listed & {data.people[p].listed_name for p in staff}
    others = table(book["Also present"], "No.")
    assert {str(r["Name"]) for r in others} == {data.people[p].listed_name for p in staff}
    assert {r["Delegation"] for r in others} == {
        "Panama delegation",
        "IOM Honduras team",
        "DNSPF trainees",
    }
    assert {"Trainer", "Staff", "Head of delegation", "Driver"} <= {r["Role"] for r in others}
    (gone,) = left  # listed apart, with why: no certificate, not counted as trained
    row = next(r for r in others if r["Name"] == data.people[gone].listed_name)
    assert row["Role"] == "Trainee · Replaced" and row["Delegation"] == "DNSPF trainees"
    by_session = table(book["By session"], "Date")
    opening = next(r for r in by_session if r["Session"] == "Opening ceremony")
    # on the first day the officer replaced from the second was there: counted apart
    assert opening["Trainees present"] == 199 and opening["Also present"] == len(staff)


def test_the_summary_says_it_in_spanish(everyone, tmp_path):
    book = sheets(run(everyone, "attendance", tmp_path / "asistencia.xlsx", Options(lang="es"))[0])
    assert next(iter(book)) == "Resumen" and "También presentes" in book
    figures = {row[0]: row[1] for row in book["Resumen"] if row[0] and row[1] is not None}
    trainees = "Participantes (rol Participante, sin los que declinaron, fueron reemplazados o"
    assert figures[trainees + " cancelados)"] == 200
    assert figures["Participantes que asistieron (presentes al menos una vez)"] == 200
    assert figures["Participantes capacitados"] == 200
    assert figures["También presentes (no son participantes: no se cuentan como capacitados)"] == 15


def test_certificates_go_to_trainees_who_completed_and_to_trainers(everyone, tmp_path):
    data = PlanData.load(everyone)
    trainers = [p for p in data.sorted_people() if p.role == "trainer"]
    staff = [
        p
        for p in data.sorted_people()
        if p.role not in ("trainee", "trainer", "head_of_delegation")  # heads sign, get none
        and any(data.marks[s].get(p.id) for s in data.marks)
    ]
    out = tmp_path / "out"
    out.mkdir()
    text = pages(pdf.certificates(everyone, data, out / "all.pdf", Options(), Job()))
    assert len(text) == 200 + len(trainers) == 207  # completion, and facilitation
    assert sum("Certificate of facilitation" in page for page in text) == len(trainers)
    everything = " ".join(text)
    assert not [p.name for p in staff if p.name in everything]
    parts = split_parts(data, KINDS["certificates"], Options(split=True))
    assert len(parts) == 207
    assert {data.people[o.person].role for _n, o in parts if o.person} == {"trainee", "trainer"}
    iom = next(i for i, d in data.delegations.items() if d[0] == "IOM Honduras team")
    with pytest.raises(PlannerError, match=r"no trainees .* in IOM Honduras team"):
        pdf.certificates(everyone, data, out / "iom.pdf", Options(delegation=iom), Job())
    worker = next(p for p in staff if p.role == "staff")
    with pytest.raises(PlannerError, match=rf"{worker.name} is not a trainee \(Staff\)"):
        pdf.certificates(everyone, data, out / "st.pdf", Options(person=worker.id), Job())
    assert [f.name for f in out.iterdir()] == ["all.pdf"]  # nothing written for them


def test_one_persons_hours_are_one_figure_in_the_summary_and_the_certificate(everyone, tmp_path):
    data = PlanData.load(everyone)
    person = next(p for p in data.sorted_people() if p.role == "trainee")
    minutes = sum(
        b.minutes
        for b in data.agenda.blocks.values()
        if b.kind in ("training", "plenary", "site_visit")
        and data.marks.get(b.id, {}).get(person.id)
    )
    assert minutes == 24 * 60 + 15  # 24.25 hours: printed 24.3 (half-up), never 24.5 or 24.2
    book = load_workbook(run(everyone, "attendance", tmp_path / "att.xlsx", Options())[0])
    ws = book["Trainees"]
    row = next(r for r in ws.iter_rows() if r[1].value == person.listed_name)
    cell = row[5]
    assert Decimal(str(cell.value)) == Decimal("24.3") and cell.number_format == "0.0"
    text = pages(
        pdf.certificates(everyone, data, tmp_path / "one.pdf", Options(person=person.id), Job())
    )
    assert len(text) == 1 and person.name in text[0]
    assert "24.3 hours of training" in text[0] and "24.3 horas de capacitación" in text[0]
    assert data.training().hours(person.id) == Decimal("24.3")


def test_hours_are_exact_minutes_rounded_half_up_once():
    assert hours_of(24 * 60 + 15) == Decimal("24.3")  # 24.25
    assert hours_of(87) == Decimal("1.5")  # 1.45: rounding half to even would give 1.4
    assert hours_of(9) == Decimal("0.2")  # 0.15
    assert hours_of(3) == Decimal("0.1")  # 0.05
    assert hours_of(1452) == Decimal("24.2") and hours_of(1451) == Decimal("24.2")
    assert hours_of(0) == Decimal("0.0")
    # three sessions of 45 minutes: 135 minutes, 2.25 -> 2.3 (rounding each 0.75 -> 0.8
    # first would print 2.4)
    kinds = {
        1: "training",
        2: "plenary",
        3: "site_visit",
        4: "meeting",
        5: "ceremony",
        6: "break",
        7: "meal",
    }
    minutes = {1: 45, 2: 45, 3: 45, 4: 60, 5: 60, 6: 15, 7: 60}
    marks = {s: {10: True, 20: True, 30: s == 5, 40: False} for s in kinds}
    roles = {10: "trainee", 20: "staff", 30: "trainee", 40: "trainee", 50: "trainee"}
    counted = tally(roles, kinds, minutes, marks, {s: {10, 20, 30, 40, 50} for s in kinds})
    assert {"training", "plenary", "site_visit"} == TRAINING_KINDS
    assert {"break", "meal"} == NOT_ON_ROLL
    assert counted.hours(10) == Decimal("2.3")  # meetings, ceremonies, breaks, meals aside
    assert counted.sessions(10) == 5  # breaks and meals have no roll
    assert counted.records[10].offered == 135
    assert counted.trainees == {10, 30, 40, 50}
    assert counted.attended == {10, 30}  # present at least once (30: the ceremony only)
    # completing takes 80 % of one's own hours of training: the ceremony alone is not enough
    assert counted.trained == {10} and not completed(counted.records[30])
    assert counted.hours(30) == Decimal("0.0")
    assert counted.also_present == {20} and not completed(counted.records[20])
    assert tally(roles, kinds, minutes, marks, within={20, 40}).trained == frozenset()


def test_completing_takes_a_share_of_ones_own_hours_and_every_required_module():
    kinds = {1: "training", 2: "training", 3: "training", 4: "training", 5: "plenary"}
    minutes = {1: 120, 2: 120, 3: 120, 4: 120, 5: 120}  # ten hours offered to everyone
    audience = {s: {10, 20, 30, 40} for s in kinds}
    marks = {
        s: {10: True, 20: s != 1, 30: s not in (1, 2), 40: s != 4} for s in kinds
    }  # 10 all, 20 misses one (80 %), 30 misses two (60 %), 40 misses session 4
    roles = dict.fromkeys((10, 20, 30, 40), "trainee")
    counted = tally(roles, kinds, minutes, marks, audience)
    assert counted.trained == {10, 20, 40}  # 80 % is enough; 60 % is not
    assert counted.records[20].share == Decimal("80.0")
    assert counted.records[30].required_hours == Decimal("10.0")
    assert tally(roles, kinds, minutes, marks, audience, percent=90).trained == {10}
    # session 4 belongs to a required module: 40 missed it
    assert tally(roles, kinds, minutes, marks, audience, required={4}).trained == {10, 20}
    # a session outside one's own audience adds hours, not completion
    marks[6] = {30: True}
    kinds[6], minutes[6] = "training", 600
    assert 30 not in tally(roles, kinds, minutes, marks, audience).trained
