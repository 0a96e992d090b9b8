"""The phone survey: an XLSForm of the tests and the questionnaire in both languages, with the
badge codes as the choice list of whose answers they are; pyxform reads it as an XForm, and
the answers a KoboToolbox server exports come back through `import results`."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from pyxform.xls2xform import convert

from planner import queries
from planner.cli import main
from planner.exports.catalog import run
from planner.exports.common import Options
from planner.queries.badges import badge_codes
from planner.queries.evaluation import results
from planner.store import open_plan


def test_the_survey_is_an_xlsform_in_both_languages_with_the_badge_codes(demo, tmp_path):
    path = run(demo, "survey", tmp_path / "survey.xlsx", Options())[0]
    book = load_workbook(path)
    assert book.sheetnames == ["survey", "choices", "settings"]
    survey = [r for r in book["survey"].iter_rows(values_only=True)]
    assert survey[0][:4] == ("type", "name", "label::English (en)", "label::Español (es)")
    names = [r[1] for r in survey[1:]]
    assert names[:3] == ["code", "pre_test", "post_test"]
    assert all(n.startswith("q") for n in names[3:]) and len(names) == 3 + 8
    pre = survey[2]
    assert pre[0] == "decimal" and pre[5] == ". >= 0 and . <= 20"
    spanish = [r[3] for r in survey[1:]]
    assert "La capacitación cumplió sus objetivos." in spanish
    codes = badge_codes(demo)
    people = {r[1] for r in book["choices"].iter_rows(values_only=True) if r[0] == "person"}
    taking_part = [p for p in queries.people(demo) if p.status != "replaced"]
    assert people == {codes.code(p.id) for p in taking_part}
    assert {r[1] for r in book["choices"].iter_rows(values_only=True) if r[0] == "rating"} == {
        "1",
        "2",
        "3",
        "4",
        "5",
    }
    xform = convert(xlsform=str(path), validate=False).xform
    assert 'lang="English (en)"' in xform and 'lang="Español (es)"' in xform
    assert 'constraint=". &gt;= 0 and . &lt;= 20"' in xform


def test_a_kobo_export_of_the_answers_imports_back(demo_path, tmp_path, capsys):
    store = open_plan(demo_path)
    try:
        survey = load_workbook(run(store, "survey", tmp_path / "s.xlsx", Options())[0])
        names = [r[1] for r in survey["survey"].iter_rows(values_only=True)][1:]
        codes = badge_codes(store)
        trainee = next(p for p in queries.people(store) if p.role == "trainee")
    finally:
        store.close()
    book = Workbook()  # as KoboToolbox exports a form's data: its own columns around ours
    book.active.append(["start", "end", *names, "_id", "_uuid", "_submission_time"])
    answers = [codes.code(trainee.id), 9.5, 18, 5, 4, 4, 5, 3, 5, "Los casos", ""]
    book.active.append(["2023-12-02T08:00", "2023-12-02T08:10", *answers, 1, "u1", "2023-12-02"])
    book.save(tmp_path / "kobo.xlsx")
    assert main(["import", "results", str(demo_path), str(tmp_path / "kobo.xlsx"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [r["row"] for r in report["updated"] + report["created"]] == [2]
    store = open_plan(demo_path)
    try:
        held = results(store)
        pre = next(t.id for t in held.tests.values() if t.kind == "pre_test")
        assert held.scores[pre][trainee.id] == Decimal("9.5")
        assert any(
            p == trainee.id and "Los casos" in answers.values()
            for p, answers in held.responses.values()
        )
    finally:
        store.close()
