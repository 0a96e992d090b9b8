"""The budget workbook (formulas finance can audit) and the per diem payment sheet."""

from __future__ import annotations

import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner import operations
from planner.cli import main
from planner.exports.budget import budget_workbook, perdiem_sheet
from planner.rules import budget
from tests.planner.exports.printed import convert


def test_the_workbook_has_live_formulas_on_visible_rates(demo, tmp_path):
    operations.create(
        demo,
        "budget_line",
        {
            "category": "other",
            "description": '=HYPERLINK("x")',
            "quantity": Decimal("1"),
            "unit_cost": Decimal("10"),
        },
    )
    path = budget_workbook(demo, tmp_path / "budget.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Lines", "Rates"]
    lines = book["Lines"]
    rows = [[c.value for c in row] for row in lines.iter_rows()]
    heading = next(i for i, r in enumerate(rows) if r[0] == "Budget code")
    data = [(i + 1, r) for i, r in enumerate(rows) if i > heading and r[1] and r[4]]
    assert len(data) == len(budget.compute(demo).lines)
    for n, row in data:
        assert row[11] == f"=ROUND(F{n}*H{n}/K{n},2)"
    hotel = next(r for _n, r in data if r[3].startswith("Hotel Real Plaza"))
    assert str(hotel[7]).startswith("='Rates'!$B$")  # the nightly rate, from the Rates sheet
    manuals = next(r for _n, r in data if r[3].startswith("Participant manuals"))
    assert manuals[7] == 145 and str(manuals[10]).startswith("='Rates'!$C$")  # HNL's rate
    # text that looks like a formula stays text
    cell = next(lines.cell(row=n, column=4) for n, r in data if r[3].startswith("=HYPER"))
    assert cell.data_type == "s"
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    assert any(r[0] == "Accommodation" and str(r[2]).startswith("='Lines'!L") for r in summary)


def test_libreoffice_recalculates_the_same_totals_to_the_cent(demo, tmp_path):
    if shutil.which("soffice") is None:
        if os.environ.get("PLANNER_REQUIRE_OFFICE"):
            pytest.fail("PLANNER_REQUIRE_OFFICE is set but LibreOffice (soffice) is missing")
        pytest.skip("LibreOffice is not installed")
    path = budget_workbook(demo, tmp_path / "budget.xlsx")
    recalculated = convert(path, tmp_path / "recalculated", "xlsx")
    book = load_workbook(recalculated, data_only=True)
    rows = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    expected = budget.compute(demo)
    by_label = {t.label: t.amount for t in expected.by_category()}
    by_label.update({t.label: t.amount for t in expected.by_source()})
    found = {r[0]: r[2] for r in rows if r[0] in by_label}
    assert len(found) == len(by_label)
    for label, amount in found.items():
        assert Decimal(str(amount)).quantize(Decimal("0.01")) == by_label[label], label
    totals = [r[2] for r in rows if r[0] == "Total"]
    assert all(Decimal(str(t)).quantize(Decimal("0.01")) == expected.total for t in totals)


def test_the_per_diem_sheet_has_a_row_per_traveller_with_identity_and_signature(demo, tmp_path):
    path = perdiem_sheet(demo, tmp_path / "perdiem.xlsx", "es", personal=True)
    sheet = load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heading = next(i for i, r in enumerate(rows) if r[0] == "N.º")
    people = [r for r in rows[heading + 1 :] if isinstance(r[0], int)]
    assert len(people) == 10
    assert all(str(r[2]).startswith("PA") for r in people)  # passport numbers: finance needs them
    assert rows[heading][-1] == "Firma"
    # the per diem days, those deducted and those paid, the rate, the currency paid and its
    # exchange rate apart
    assert rows[heading][3:11] == [
        "Días de viático",
        "Días descontados (alojamiento, comidas)",
        "Días pagados",
        "Tarifa diaria",
        "Monto en esa moneda",
        "Moneda",
        "Tipo de cambio",
        "Monto (USD)",
    ]
    first = people[0]
    assert round(first[3] - int(first[3]), 2) == 0.4  # full days, the last one at 40 %
    assert first[4] > 0 and first[5] == f"=D{heading + 2}-E{heading + 2}"
    total = next(r for r in rows if r[9] == "Total")
    assert str(total[10]).startswith("=SUM(K")
    book = load_workbook(path)
    assert book.sheetnames[1] == "Cómo se calcula"  # the explanation, on a sheet of its own
    assert sheet.row_dimensions[heading + 2].height >= 36  # room to sign


def test_export_commands_write_the_workbooks(demo_path, tmp_path, capsys):
    assert main(["export", "budget", str(demo_path), "-o", str(tmp_path / "b.xlsx")]) == 0
    assert (
        main(["export", "perdiem", str(demo_path), "-o", str(tmp_path / "p.xlsx"), "--lang", "es"])
        == 0
    )
    assert Path(capsys.readouterr().out.split()[0]).exists()
    assert (tmp_path / "p.xlsx").exists()
