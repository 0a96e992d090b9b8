"""The register of certificates: a number given once and kept, never reused, void when no
longer earned; the register and the certificates agree whichever is exported first; the
completion rule decides who completes."""

from __future__ import annotations

import os
import re
import stat

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner import operations
from planner.domain.errors import PlannerError
from planner.exports.catalog import run
from planner.exports.common import Options, PlanData
from planner.operations.agenda import set_marks
from planner.queries.certificates import register
from planner.store import open_plan


def rows(path) -> list[tuple]:
    sheet = load_workbook(path).active
    found = list(sheet.iter_rows(values_only=True))
    at = next(n for n, r in enumerate(found) if r[0] == "Number")
    return [r for r in found[at + 1 :] if r[1]]


def numbers(path) -> dict[str, str]:
    """name on the certificate -> its number, page by page."""
    out = {}
    for page in PdfReader(path).pages:
        text = page.extract_text()
        number = re.search(r"No\. (TEG-2023-\d{4})", text).group(1)
        lines = [line.strip() for line in text.split("\n")[1:]]
        name = next(line for line in lines if not line.startswith(("Certificate", "Certificado")))
        out[name] = number
    return out


def test_the_demos_register_follows_the_rule_and_the_certificates_agree(demo, tmp_path):
    data = PlanData.load(demo)
    tally = data.training()
    book = rows(run(demo, "register", tmp_path / "register.xlsx", Options())[0])
    completed = [r for r in book if r[7] == "Completed"]
    assert len(completed) == len(tally.trained) and 190 <= len(tally.trained) < 200  # most
    short = [r for r in book if r[7] == "Did not complete"]
    assert len(short) == 200 - len(tally.trained) and all(r[0] is None for r in short)
    assert all(r[6] < 0.8 for r in short) and all(r[6] >= 0.8 for r in completed)
    trainers = [r for r in book if r[7] == "Facilitated"]
    assert len(trainers) == 7 and all(r[4] is None for r in trainers)
    by_number = {r[0]: r[1] for r in book if r[0]}
    assert len(by_number) == len(completed) + len(trainers)
    # the certificates, exported after, print the register's numbers
    printed = numbers(run(demo, "certificates", tmp_path / "c.pdf", Options(group=1))[0])
    for name, number in printed.items():
        assert by_number[number].split(", ")[1] in name  # "AGUILAR, Luis" -> "Luis Aguilar"


def test_a_number_is_kept_never_reused_and_void_when_no_longer_earned(demo, tmp_path):
    data = PlanData.load(demo)
    group = next(i for i, (n, _d) in data.groups.items() if n == "Group A")
    first = numbers(run(demo, "certificates", tmp_path / "1.pdf", Options(group=group))[0])
    # one trainee's attendance was entered by mistake: marked absent everywhere
    name, lost = next(iter(first.items()))
    person = next(p for p in data.people.values() if p.name == name)
    for session, marks in data.marks.items():
        if marks.get(person.id):
            set_marks(demo, session, {person.id: False})
    second = numbers(run(demo, "certificates", tmp_path / "2.pdf", Options(group=group))[0])
    assert name not in second
    assert {n: v for n, v in first.items() if n != name} == second  # the others kept theirs
    entry = next(e for e in register(demo) if e.number == lost)
    assert entry.void and entry.person == person.id
    book = rows(run(demo, "register", tmp_path / "r.xlsx", Options(group=group))[0])
    assert next(r for r in book if r[0] == lost)[7] == "Void (Completed)"
    # certificates of attendance come with new numbers, past every one given (void too)
    third = numbers(
        run(demo, "certificates", tmp_path / "3.pdf", Options(group=group, attendance=True))[0]
    )
    highest = max(e.serial for e in register(demo))
    new = set(third.values()) - set(second.values())
    assert new and all(int(n[-4:]) > int(lost[-4:]) for n in new)
    assert highest == max(int(n[-4:]) for n in third.values())


def test_a_read_only_plan_prints_its_numbers_and_refuses_new_ones(demo, demo_path, tmp_path):
    run(demo, "certificates", tmp_path / "1.pdf", Options(group=1))
    demo.close()
    os.chmod(demo_path, stat.S_IRUSR)
    try:
        store = open_plan(demo_path, read_only=True)
        try:
            again = run(store, "certificates", tmp_path / "2.pdf", Options(group=1))[0]
            assert len(PdfReader(again).pages) > 0
            with pytest.raises(PlannerError, match="read-only"):
                run(store, "certificates", tmp_path / "3.pdf", Options(group=2))
        finally:
            store.close()
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)


def test_the_completion_rule_is_the_plans_and_modules_can_be_required(demo):
    before = PlanData.load(demo).training().trained
    operations.update_plan(demo, {"completion_percent": 95})
    stricter = PlanData.load(demo).training().trained
    assert stricter < before
    operations.update_plan(demo, {"completion_percent": 0})
    with demo.reading() as r:
        first_module = r.value("SELECT id FROM module ORDER BY number LIMIT 1")
    operations.update(demo, "module", first_module, {"required": True})
    data = PlanData.load(demo)
    required = data.required
    assert required
    for person in data.training().trained:  # present at every session of module 1 of theirs
        assert all(
            data.marks.get(s, {}).get(person)
            for s in required
            if person in data.registered.get(s, ())
        )
    with pytest.raises(PlannerError):
        operations.update_plan(demo, {"completion_percent": 120})
