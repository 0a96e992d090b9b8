"""`planner import results`: one row per person found by badge code, identity number or name,
a column per test ("17", "17/20", "85 %") and per question; a messy file gets a row report and
nothing is written unless the valid rows are asked for."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import Workbook

from planner import queries
from planner.cli import main
from planner.queries.badges import badge_codes
from planner.queries.evaluation import results
from planner.store import open_plan


def _book(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _people(store):
    trainees = [p for p in queries.people(store) if p.role == "trainee" and p.status == "confirmed"]
    return trainees[:4]


def test_a_messy_results_file_gets_a_row_report_and_nothing_is_written(demo_path, tmp_path, capsys):
    store = open_plan(demo_path)
    codes = badge_codes(store)
    a, b, c, _d = _people(store)
    before = results(store)
    store.close()
    path = _book(
        tmp_path / "results.xlsx",
        [
            [
                "Código",
                "Nombre",
                "Prueba inicial",
                "Prueba final",
                "La capacitación cumplió sus objetivos.",
            ],
            [codes.code(a.id), None, "12/20", "90%", 5],  # fine: 12 and 18 out of 20
            [None, f"{b.given_name} {b.family_name}", 11, 17.5, 4],  # found by name
            ["ZZZ-ZZZZ", None, 10, 15, 4],  # no one's code
            [codes.code(c.id), None, "veinte", 25, 9],  # not a score, over 20, not a rating
            [None, None, None, None, 3],  # an anonymous answer
        ],
    )
    assert main(["import", "results", str(demo_path), str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"created", "updated", "rejected", "warnings"}
    assert [r["row"] for r in report["rejected"]] == [4, 5]
    reasons = report["rejected"][1]["reason"]
    assert "'veinte' is not a score" in reasons and "outside 0 to 20" in reasons
    assert "not a rating from 1 to 5" in reasons and "column C" in reasons
    assert "badge code ZZZ-ZZZZ" in report["rejected"][0]["reason"]
    store = open_plan(demo_path)
    try:
        assert results(store).scores == before.scores  # all or nothing: nothing
    finally:
        store.close()
    # the valid rows, when asked for
    assert main(["import", "results", str(demo_path), str(path), "--skip-invalid", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {r["row"] for r in report["updated"] + report["created"]} == {2, 3, 6}
    store = open_plan(demo_path)
    try:
        held = results(store)
        pre = next(t.id for t in held.tests.values() if t.kind == "pre_test")
        post = next(t.id for t in held.tests.values() if t.kind == "post_test")
        assert held.scores[pre][a.id] == Decimal("12") and held.scores[post][a.id] == Decimal("18")
        assert held.scores[post][b.id] == Decimal("17.5")
        assert len(held.responses) == len(before.responses) + 3  # one without a name
        assert any(p is None and 3 in answers.values() for p, answers in held.responses.values())
    finally:
        store.close()
    assert any("becomes" in w["reason"] for w in report["warnings"])  # a score changed


def test_a_file_with_no_test_or_question_is_refused_in_words(demo_path, tmp_path, capsys):
    path = _book(tmp_path / "other.xlsx", [["Nombre", "Edad"], ["Ana", 30]])
    assert main(["import", "results", str(demo_path), str(path)]) == 2
    assert "no column is a test or a question" in capsys.readouterr().err
