"""The training's tests and questionnaires as stored: each test with its maximum, each
trainee's scores, and the questionnaires' questions and answers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from planner.domain.reference import sort_key
from planner.queries.common import money
from planner.queries.membership import GONE
from planner.store import PlanStore, Reader


@dataclass(frozen=True)
class Test:
    id: int
    kind: str  # pre_test, post_test
    module: int | None  # None: the whole training
    title: str
    max_score: Decimal | None


@dataclass(frozen=True)
class Question:
    id: int
    assessment: int
    position: int
    kind: str  # rating, open
    text: str
    text_es: str


@dataclass
class Results:
    tests: dict[int, Test] = field(default_factory=dict)
    scores: dict[int, dict[int, Decimal]] = field(default_factory=dict)  # test -> person -> points
    questions: dict[int, Question] = field(default_factory=dict)
    # response -> (person or None, question -> rating or words)
    responses: dict[int, tuple[int | None, dict[int, int | str]]] = field(default_factory=dict)
    questionnaires: dict[int, str] = field(default_factory=dict)  # id -> title


def read_results(r: Reader, personal: bool = True) -> Results:
    """Every test, score, question and answer (scores only with ``personal``)."""
    out = Results()
    for i, kind, module, title, top in r.rows(
        "SELECT id, kind, module_id, title, max_score FROM assessment ORDER BY id"
    ):
        if kind == "questionnaire":
            out.questionnaires[i] = title
        else:
            out.tests[i] = Test(i, kind, module, title, money(top))
    if personal:
        scores: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for test, person, points in r.rows("SELECT assessment_id, person_id, points FROM score"):
            found = money(points)
            if found is not None:
                scores[test][person] = found
        out.scores = dict(scores)
    for i, a, position, kind, text, text_es in r.rows(
        "SELECT id, assessment_id, position, kind, text, text_es FROM question"
        " ORDER BY assessment_id, position, id"
    ):
        out.questions[i] = Question(i, a, position, kind, text, text_es)
    people = dict(r.rows("SELECT id, person_id FROM response"))
    answers: dict[int, dict[int, int | str]] = defaultdict(dict)
    for response, question, rating, text in r.rows(
        "SELECT response_id, question_id, rating, text FROM answer"
    ):
        answers[response][question] = int(rating) if rating is not None else (text or "")
    out.responses = {i: (p, answers.get(i, {})) for i, p in people.items()}
    return out


def results(store: PlanStore, personal: bool = True) -> Results:
    with store.reading() as r:
        return read_results(r, personal)


@dataclass(frozen=True)
class Named:
    """Everyone a results file may name: person -> full name, person -> identity number."""

    names: dict[int, str]
    id_numbers: dict[int, str]


def people_for_results(r: Reader) -> Named:
    names, numbers = {}, {}
    for i, given, family, number in r.rows(
        "SELECT id, given_name, family_name, id_number FROM person"
    ):
        names[i] = " ".join(p for p in (given, family) if p)
        numbers[i] = number or ""
    return Named(names, numbers)


def trainees_for_results(store: PlanStore) -> list[tuple[int, str]]:
    """(id, "FAMILY, Given") of the trainees taking part, as a list of results sorts them."""
    with store.reading() as r:
        rows = r.rows(
            "SELECT id, given_name, family_name FROM person WHERE role = 'trainee'"
            f" AND status NOT IN {GONE}"
        )
    rows.sort(key=lambda row: (sort_key(row[2] or ""), sort_key(row[1] or ""), row[0]))
    return [(i, f"{(f or '').upper()}, {g}" if f and g else (f or g or "")) for i, g, f in rows]
