"""The donor's report workbook holds the figures of `planner report --json`, with a chart on
each sheet of figures, in either language."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from planner.exports.catalog import run
from planner.exports.common import Options
from planner.rules.report import report


def _figures(sheet) -> list[tuple]:
    rows = list(sheet.iter_rows(values_only=True))
    at = next(n for n, r in enumerate(rows) if r[0] in ("Figure", "Cifra"))
    return [r for r in rows[at + 1 :] if r[0]]


def test_the_report_workbook_equals_the_json(demo, tmp_path):
    found = report(demo)
    book = load_workbook(run(demo, "report", tmp_path / "report.xlsx", Options())[0])
    assert book.sheetnames == [
        "Report",
        "By sex",
        "Knowledge",
        "Satisfaction",
        "Age and sex",
        "Organisations",
        "Signed sheets",
    ]
    values = [v for _label, v in _figures(book["Report"])]
    k, s = found["knowledge"], found["satisfaction"]
    assert values == [
        found["trainees"]["total"],
        found["attended"]["total"],
        found["completed"]["total"],
        found["attendance_rate"],
        k["pre_mean"],
        k["post_mean"],
        k["gain"],
        k["paired"],
        k["improved"],
        s["mean"],
        s["responses"],
        float(Decimal(found["cost_per_trainee"]["amount"])),
        float(Decimal(found["cost_per_trainee_hour"]["amount"])),
    ]
    by_sex = [r for r in book["By sex"].iter_rows(values_only=True) if r[0] == "Completed"]
    assert list(by_sex[0][1:]) == [
        found["completed"][x] for x in ("female", "male", "other", "unknown", "total")
    ]
    assert [len(ws._charts) for ws in book] == [0, 1, 1, 1, 1, 0, 0]
    signed = [r for r in book["Signed sheets"].iter_rows(values_only=True) if r[2] is not None]
    assert len(signed) - 1 == len(found["sheets"])  # and the headings


def test_the_report_in_spanish(demo, tmp_path):
    book = load_workbook(run(demo, "report", tmp_path / "informe.xlsx", Options(lang="es"))[0])
    assert book.sheetnames[0] == "Informe" and "Satisfacción" in book.sheetnames
    labels = [label for label, _v in _figures(book["Informe"])]
    assert labels[0] == "Participantes" and labels[2] == "Finalizaron (capacitados)"


def test_the_report_as_a_pdf_says_the_same(demo, tmp_path):
    from pypdf import PdfReader

    found = report(demo)
    reader = PdfReader(run(demo, "report", tmp_path / "report.pdf", Options())[0])
    text = " ".join(page.extract_text() for page in reader.pages)
    k = found["knowledge"]
    for shown in (
        f"Trainees {found['trainees']['total']}",
        f"Completed (trained) {found['completed']['total']}",
        f"Pre-test mean (%) {k['pre_mean']}",
        f"Post-test mean (%) {k['post_mean']}",
        found["cost_per_trainee"]["amount"],
    ):
        assert shown in " ".join(text.split()), shown
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in f["/FontDescriptor"] for f in fonts)  # embedded


def test_a_spanish_report_gives_the_questions_in_spanish(demo, tmp_path):
    book = load_workbook(run(demo, "report", tmp_path / "i.xlsx", Options(lang="es"))[0])
    asked = [r[0] for r in book["Satisfacción"].iter_rows(values_only=True)]
    assert "La capacitación cumplió sus objetivos." in asked
