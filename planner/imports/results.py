"""Results from a spreadsheet (typed by a trainer, or a phone survey's export): one row per
person, found by badge code, identity number or full name; a column per test (a score, "17/20"
or a percentage) and per question of the satisfaction questionnaire (a rating from 1 to 5, or
words). A row with no one named and only answers is an anonymous questionnaire. The same
report and all-or-nothing rule as ``import people``: every row is checked first; with errors
nothing is written unless the valid rows are asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from planner.domain.badge_codes import looks_like_code
from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.reference import fold
from planner.imports.readers import Table, column_letter, read_table
from planner.imports.report import empty_report
from planner.operations.batches import Batch
from planner.operations.evaluation import Answered, import_results
from planner.queries.badges import codes_of
from planner.queries.evaluation import Results, people_for_results, read_results
from planner.store import PlanStore

CODE = ("code", "codigo", "badge", "badge code", "codigo de gafete")
ID_NUMBER = ("id number", "id", "identity number", "numero de identidad", "identidad", "dni")
NAME = ("name", "full name", "nombre", "nombre completo")
GIVEN = ("given name", "given names", "first name", "nombres", "nombre(s)")
FAMILY = ("family name", "family names", "last name", "surname", "apellidos", "apellido(s)")
# a training's own tests, by what a form calls them
TEST_WORDS = {
    "pre_test": (
        "pre-test",
        "pretest",
        "pre test",
        "pre_test",
        "prueba inicial",
        "pre-prueba",
        "pre",
    ),
    "post_test": (
        "post-test",
        "posttest",
        "post test",
        "post_test",
        "prueba final",
        "post-prueba",
        "post",
    ),
}
_FRACTION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


@dataclass
class ResultRow:
    row: int
    person: int | None
    name: str
    scores: dict[int, Decimal] = field(default_factory=dict)  # test -> points
    answers: dict[int, int | str] = field(default_factory=dict)  # question -> rating or words
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)  # tests whose earlier score changes


@dataclass
class ResultsPreview:
    path: Path
    rows: list[ResultRow]
    questionnaire: int | None

    @property
    def errors(self) -> list[ResultRow]:
        return [r for r in self.rows if r.reasons]


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_score(value: Any, top: Decimal | None) -> Decimal | None:
    """A score as typed: 17, 17.5, "17,5", "17/20" (out of another maximum: scaled to the
    test's) or "85 %" (of the test's maximum). None when it is none of them."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        found = Decimal(str(value))
    else:
        text = str(value).strip()
        try:
            fraction, percent = _FRACTION.match(text), _PERCENT.match(text)
            if fraction and top is not None:
                points, out_of = (_number(g) for g in fraction.groups())
                if not out_of:
                    return None
                found = points * top / out_of
            elif percent and top is not None:
                found = _number(percent.group(1)) * top / 100
            else:
                found = _number(text)
        except InvalidOperation:
            return None
    if not found.is_finite():
        return None
    return found.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()


def _columns(table: Table, held: Results) -> tuple[dict[str, int], dict[int, int], dict[int, int]]:
    """Who columns by role, test -> column, question -> column."""
    folded = [fold(h).strip() for h in table.headers]
    who: dict[str, int] = {}
    roles: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("code", CODE),
        ("id_number", ID_NUMBER),
        ("name", NAME),
        ("given", GIVEN),
        ("family", FAMILY),
    )
    for role, words in roles:
        wanted = {fold(n) for n in words}
        for i, heading in enumerate(folded):
            if heading in wanted and role not in who:
                who[role] = i
    tests: dict[int, int] = {}
    for test in held.tests.values():
        called = {fold(test.title), f"test_{test.id}"}  # its title, or its survey column
        if test.module is None:
            called |= {fold(w) for w in TEST_WORDS.get(test.kind, ())}
        for i, heading in enumerate(folded):
            if heading in called and i not in tests.values():
                tests[test.id] = i
                break
    questions: dict[int, int] = {}
    for question in held.questions.values():
        said = {fold(question.text).strip(), fold(question.text_es).strip(), f"q{question.id}"}
        said -= {""}
        for i, heading in enumerate(folded):
            if heading in said:
                questions[question.id] = i
                break
    return who, tests, questions


def preview(store: PlanStore, path: str | Path, sheet: str | None = None) -> ResultsPreview:
    """Read and check every row of ``sheet`` (the first by default); nothing is written."""
    table = read_table(path, sheet)
    with store.reading() as r:
        held = read_results(r)
        codes = codes_of(r)
        people = people_for_results(r)
    who, tests, questions = _columns(table, held)
    name = Path(path).name
    if not tests and not questions:
        raise PlannerError(
            _(
                "{name}, sheet {sheet}: no column is a test or a question of the plan (headings"
                " of row {row}: {headings}). Name the columns as the tests are named (Pre-test,"
                " Post-test, or their titles) and the questions as they are written."
            ).format(
                name=name,
                sheet=table.sheet,
                row=table.header_row,
                headings=", ".join(h for h in table.headers if h) or "—",
            )
        )
    if tests and not who:
        raise PlannerError(
            _(
                "{name}, sheet {sheet}: scores need to say whose; add a column with the badge"
                " code (code), the identity number (id number) or the name (name)."
            ).format(name=name, sheet=table.sheet)
        )
    by_id = {fold(n): p for p, n in people.id_numbers.items() if n}
    by_name: dict[str, list[int]] = {}
    for p, full in people.names.items():
        by_name.setdefault(fold(" ".join(full.split())), []).append(p)
    questionnaire = next(iter(held.questionnaires), None)
    rows: list[ResultRow] = []
    for number, cells in table.rows:

        def cell(i: int | None, cells: list[Any] = cells) -> Any:
            return cells[i] if i is not None and i < len(cells) else None

        def text(i: int | None) -> str:
            value = cell(i)
            return "" if value is None else " ".join(str(value).split())

        row = ResultRow(number, None, "")
        code, id_number = text(who.get("code")), text(who.get("id_number"))
        full = text(who.get("name")) or " ".join(
            t for t in (text(who.get("given")), text(who.get("family"))) if t
        )
        row.name = full or code or id_number
        if code:
            found = codes.person_id(code) if looks_like_code(code) else None
            if found is None or found not in people.names:
                row.reasons.append(_("no one has the badge code {code}").format(code=code))
            row.person = found
        elif id_number:
            row.person = by_id.get(fold(id_number))
            if row.person is None:
                row.reasons.append(
                    _("no one has the identity number {number}").format(number=id_number)
                )
        elif full:
            matches = by_name.get(fold(full), [])
            if len(matches) == 1:
                row.person = matches[0]
            else:
                row.reasons.append(
                    _("no one is called {name}").format(name=full)
                    if not matches
                    else _("{n} people are called {name}: give the badge code").format(
                        n=len(matches), name=full
                    )
                )
        if row.person is not None:
            row.name = people.names[row.person]
        for test, column in tests.items():
            raw = cell(column)
            if raw is None or str(raw).strip() == "":
                continue
            top = held.tests[test].max_score
            points = parse_score(raw, top)
            where = column_letter(column)
            if points is None:
                row.reasons.append(
                    _("{test} (column {column}): '{value}' is not a score").format(
                        test=held.tests[test].title, column=where, value=raw
                    )
                )
            elif points < 0 or (top is not None and points > top):
                row.reasons.append(
                    _("{test} (column {column}): {value} is outside 0 to {top}").format(
                        test=held.tests[test].title, column=where, value=raw, top=top
                    )
                )
            else:
                row.scores[test] = points
                before = held.scores.get(test, {}).get(row.person or 0)
                if before is not None and before != points:
                    row.updated.append(test)
                    row.warnings.append(
                        _("{test}: {old} becomes {new}").format(
                            test=held.tests[test].title, old=before, new=points
                        )
                    )
        for question, column in questions.items():
            raw = cell(column)
            if raw is None or str(raw).strip() == "":
                continue
            if held.questions[question].kind == "rating":
                try:
                    rating = int(Decimal(str(raw).strip().replace(",", ".")))
                except InvalidOperation:
                    rating = 0
                if not 1 <= rating <= 5:
                    row.reasons.append(
                        _("column {column}: '{value}' is not a rating from 1 to 5").format(
                            column=column_letter(column), value=raw
                        )
                    )
                else:
                    row.answers[question] = rating
            else:
                row.answers[question] = str(raw).strip()
        named = bool(code or id_number or full)
        if not named:
            if row.scores:
                row.reasons.append(_("scores need to say whose"))
            elif not row.answers and not row.reasons:
                continue  # an empty row
            else:
                row.name = _("(anonymous)")  # a questionnaire without a name
        rows.append(row)
    return ResultsPreview(Path(path), rows, questionnaire)


def apply(store: PlanStore, pv: ResultsPreview, *, skip_invalid: bool = False) -> Batch | None:
    """Write the rows' scores and answers in one transaction (the valid rows only with
    ``skip_invalid``; otherwise any error refuses everything)."""
    if pv.errors and not skip_invalid:
        raise PlannerError(_("Some rows have errors: nothing was imported."))
    scores: dict[int, dict[int, Decimal]] = {}
    responses: list[tuple[int, Answered]] = []
    for row in pv.rows:
        if row.reasons:
            continue
        for test, points in row.scores.items():
            assert row.person is not None
            scores.setdefault(test, {})[row.person] = points
        if row.answers and pv.questionnaire is not None:
            responses.append((pv.questionnaire, Answered(row.person, row.answers)))
    return import_results(
        store, scores, responses, _("Import results from {name}").format(name=pv.path.name)
    )


def report(pv: ResultsPreview) -> dict[str, list[dict[str, Any]]]:
    """The JSON report, as ``import people`` gives it: ``created``, ``updated``, ``rejected``
    and ``warnings``, each with its ``row``."""
    out = empty_report()
    for row in pv.rows:
        entry: dict[str, Any] = {"row": row.row, "name": row.name}
        if row.person is not None:
            entry["id"] = row.person
        if row.reasons:
            out["rejected"].append({**entry, "reason": "; ".join(row.reasons)})
            continue
        (out["updated"] if row.updated else out["created"]).append(entry)
        for warning in row.warnings:
            out["warnings"].append({"row": row.row, "reason": warning})
    return out
