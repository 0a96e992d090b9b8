"""The duty-of-care list: each day, who is where (the hotel for the night, landing or leaving,
on the road, on the site visit) and whom to call for them; never without personal data."""

from __future__ import annotations

from openpyxl import load_workbook

from planner import operations, queries
from planner.cli import main
from planner.exports.catalog import run
from planner.exports.common import Options


def rows(path, sheet: str) -> list[tuple]:
    return [r for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


def test_each_day_says_who_is_where_and_whom_to_call(demo, tmp_path):
    out = run(demo, "dutyofcare", tmp_path / "doc.xlsx", Options(lang="es"))[0]
    book = load_workbook(out)
    assert book.sheetnames[0] == "Sáb 25 nov" and book.sheetnames[-1] == "Sáb 2 dic"
    first = rows(out, "Sáb 25 nov")
    assert any("CONFIDENCIAL" in str(r[0]) for r in first[:5])
    people = [r for r in first if isinstance(r[0], int)]
    assert len(people) == 5  # the first five trainers land on the 25th
    for r in people:
        assert "aterriza" in r[3] and "noche en Hotel Real Plaza" in r[3]
        assert r[4] and r[5].startswith("+507")  # someone to call, and their phone
    tour = [r for r in rows(out, "Vie 1 dic") if isinstance(r[0], int)]
    assert tour and all("visita de campo" in r[3] or "noche" in r[3] for r in tour)
    assert any("visita de campo" in r[3] for r in tour)


def test_who_declined_is_not_listed_from_their_day(demo, tmp_path):
    glenda = next(p.id for p in queries.people(demo) if p.name == "Glenda Reyes Núñez")
    operations.update(demo, "person", glenda, {"status": "declined"})
    out = run(demo, "dutyofcare", tmp_path / "doc.xlsx", Options())[0]
    text = " ".join(
        str(c)
        for s in load_workbook(out).worksheets
        for r in s.iter_rows(values_only=True)
        for c in r
        if c
    )
    assert "Glenda Reyes Núñez" not in text


def test_it_is_refused_without_personal_data(demo_path, tmp_path, capsys):
    out = tmp_path / "doc.xlsx"
    assert main(["export", "dutyofcare", str(demo_path), "-o", str(out), "--no-personal-data"]) == 2
    assert "whom to call" in capsys.readouterr().err and not out.exists()
