"""The window counts trainees and hours as the papers do (issue 16, item 8): the attendance
dialog shows one person's hours as the same figure as the attendance summary's cell and the
certificate, and the plan's trainees apart from everyone else present."""

from __future__ import annotations

import re
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader

from planner.exports import pdf
from planner.exports.catalog import run
from planner.exports.common import Job, Options, PlanData
from planner.operations.agenda import set_marks
from planner.queries.attendance import roll, sessions_with_rolls
from ui.dialogs.attendance import FAMILY, HOURS, ID_ROLE, AttendanceDialog


def test_the_dialog_shows_the_hours_of_the_summary_and_the_certificate(window, qtbot, tmp_path):
    store = window.ctrl.require()
    for session, *_rest in sessions_with_rolls(store):
        set_marks(store, session, {a.person_id: True for a in roll(store, session).attendees})
    data = PlanData.load(store)
    person = next(p for p in data.sorted_people() if p.role == "trainee")
    opening = next(b.id for b in data.agenda.blocks.values() if b.title == "Opening ceremony")
    # the window
    d = AttendanceDialog(window.ctrl, window.formats, window, opening)
    qtbot.addWidget(d)
    rows = {d.table.item(r, FAMILY).data(ID_ROLE): r for r in range(d.table.rowCount())}
    shown = d.table.item(rows[person.id], HOURS).text()
    # the summary's cell and the certificate
    book = load_workbook(run(store, "attendance", tmp_path / "att.xlsx", Options())[0])
    cell = next(r for r in book["Trainees"].iter_rows() if r[1].value == person.listed_name)[5]
    certificate = re.sub(
        r"\s+",
        " ",
        PdfReader(
            pdf.certificates(store, data, tmp_path / "c.pdf", Options(person=person.id), Job())
        )
        .pages[0]
        .extract_text(),
    )
    assert shown == "24.3"  # 24 h 15 min, half-up once
    assert Decimal(str(cell.value)) == Decimal(shown) and cell.number_format == "0.0"
    assert f"{shown} hours of training" in certificate
    # the plan's figures: trainees, and everyone else apart
    assert d.figures.text() == (
        "Whole plan: 200 trainees · 200 attended · 200 trained · 15 also present (not trainees)"
    )
    staff = next(p for p in data.sorted_people() if p.role == "staff")
    row = rows[staff.id]
    assert d.table.item(row, HOURS).text() == "—"  # no hours of training for staff
    assert d.table.item(row, HOURS).toolTip().startswith("Not a trainee (Staff)")
