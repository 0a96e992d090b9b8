"""The donor's report: who was trained (by sex, age and organisation), whether they completed,
what they learned (pre- and post-test), how they rated the training, and what it cost per
trainee. The words are the trust's: *trainees* (role Trainee, not declined, replaced or
cancelled), *attended* (present at least once), *completed* (the completion rule of
:mod:`planner.rules.training`, what a donor calls trained).

:func:`report` is the document ``planner report --json`` prints (a contract: add keys, never
rename): means are numbers with one decimal, shares and rates 0–1 with three, money a string
with two decimals as in ``budget --json``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from planner.queries.evaluation import Results, read_results
from planner.queries.snapshot import ATTENDANCE, PEOPLE, Snapshot, local
from planner.rules.budget import compute
from planner.rules.budget_lines import money_text
from planner.rules.training import AGE_BANDS, NOT_ON_ROLL, Tally, age_band, tally_of
from planner.store import PlanStore

SEXES = ("female", "male", "other", "unknown")
BAND_KEYS = ("<25", "25-34", "35-44", "45-54", "55+")


def _one(value: float | Decimal | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _share(part: int | Decimal, whole: int | Decimal) -> float | None:
    if not whole:
        return None
    return float((Decimal(part) / Decimal(whole)).quantize(Decimal("0.001"), ROUND_HALF_UP))


def by_sex(plan: Snapshot, people: Iterable[int]) -> dict[str, int]:
    counts = Counter(
        (plan.people[p].sex if plan.people[p].sex in SEXES[:3] else "unknown") for p in people
    )
    return {"total": sum(counts.values()), **{s: counts.get(s, 0) for s in SEXES}}


def _percent(points: Decimal, top: Decimal | None) -> Decimal | None:
    if top is None or top <= 0:
        return None
    return points * 100 / top


def knowledge(results: Results, trainees: Collection[int]) -> dict[str, Any]:
    """Pre- and post-test as percentages of their maximum: the training's own tests, or
    where there are none, each person's mean over the modules' tests; the means over the
    people with both (``paired``)."""
    whole = {t.kind: t for t in results.tests.values() if t.module is None}
    chosen = (
        {kind: [whole[kind]] for kind in ("pre_test", "post_test") if kind in whole}
        if len(whole) == 2
        else {
            kind: [t for t in results.tests.values() if t.module is not None and t.kind == kind]
            for kind in ("pre_test", "post_test")
        }
    )
    mean_of: dict[str, dict[int, Decimal]] = {}
    for kind in ("pre_test", "post_test"):
        found: dict[int, list[Decimal]] = defaultdict(list)
        for test in chosen.get(kind, []):
            for person, points in results.scores.get(test.id, {}).items():
                share = _percent(points, test.max_score)
                if share is not None and person in trainees:
                    found[person].append(share)
        mean_of[kind] = {p: sum(v, Decimal(0)) / len(v) for p, v in found.items()}
    pre, post = mean_of["pre_test"], mean_of["post_test"]
    paired = sorted(set(pre) & set(post))
    if not paired:
        return {"pre_mean": None, "post_mean": None, "gain": None, "paired": 0, "improved": None}
    pre_mean = sum((pre[p] for p in paired), Decimal(0)) / len(paired)
    post_mean = sum((post[p] for p in paired), Decimal(0)) / len(paired)
    return {
        "pre_mean": _one(pre_mean),
        "post_mean": _one(post_mean),
        "gain": _one(post_mean - pre_mean),
        "paired": len(paired),
        "improved": _share(sum(1 for p in paired if post[p] > pre[p]), len(paired)),
    }


def satisfaction(results: Results) -> dict[str, Any]:
    """The mean of every 1–5 rating, how many filled-in questionnaires hold one, and each rated
    question's mean (anonymous forms count here too)."""
    rated = [q for q in results.questions.values() if q.kind == "rating"]
    per_question: dict[int, list[int]] = defaultdict(list)
    responses = 0
    for _person, answers in results.responses.values():
        ratings = [(q, v) for q, v in answers.items() if isinstance(v, int)]
        if ratings:
            responses += 1
        for question, value in ratings:
            per_question[question].append(value)
    every = [v for values in per_question.values() for v in values]
    return {
        "mean": _one(Decimal(sum(every)) / len(every)) if every else None,
        "responses": responses,
        "questions": [
            {
                "text": q.text,
                "mean": _one(Decimal(sum(per_question[q.id])) / len(per_question[q.id]))
                if per_question[q.id]
                else None,
                "responses": len(per_question[q.id]),
            }
            for q in rated
        ],
    }


def report(store: PlanStore) -> dict[str, Any]:
    """The donor's report of the plan (see the module's description for its words)."""
    plan = Snapshot.read(store, {PEOPLE, ATTENDANCE})
    tally = tally_of(plan)
    with store.reading() as r:
        results = read_results(r)
    budget = compute(store)
    return document(plan, tally, results, budget)


def document(plan: Snapshot, tally: Tally, results: Results, budget: Any) -> dict[str, Any]:
    trainees, attended, completed = tally.trainees, tally.attended, tally.trained
    records = [tally.records[p] for p in trainees]
    offered = sum(r.offered for r in records)
    own = sum(r.own for r in records)
    actual = any(line.actual is not None for line in budget.lines)
    total = sum(
        ((line.actual if line.actual is not None else line.amount) for line in budget.lines),
        Decimal(0),
    )
    hours = sum((tally.records[p].hours for p in completed), Decimal(0))
    basis = "actual" if actual else "budget"

    def cost(per: Decimal | int) -> dict[str, Any]:
        amount = money_text(total / Decimal(per)) if per else None
        return {"amount": amount, "currency": budget.currency, "basis": basis}

    bands: dict[str, Counter[str]] = {key: Counter() for key in (*BAND_KEYS, "unknown")}
    for person in completed:
        info = plan.people[person]
        band = age_band(info.birth_date, plan.first_day)
        sex = info.sex if info.sex in SEXES[:3] else "unknown"
        bands[BAND_KEYS[band] if band is not None else "unknown"][sex] += 1
    organisations: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person in attended:
        name = plan.people[person].organisation or "—"
        organisations[name][0] += 1
        if person in completed:
            organisations[name][1] += 1
    sheets = []
    for session in sorted(plan.sessions.values(), key=lambda s: (s.start, s.id)):
        marks = plan.marks.get(session.id)
        if session.kind in NOT_ON_ROLL or not marks:
            continue
        sheets.append(
            {
                "session": session.title,
                "date": local(session.start, plan.zone).date().isoformat(),
                "present": sum(1 for here in marks.values() if here),
            }
        )
    assert len(AGE_BANDS) == len(BAND_KEYS)
    return {
        "trainees": by_sex(plan, trainees),
        "attended": by_sex(plan, attended),
        "completed": by_sex(plan, completed),
        "attendance_rate": _share(own, offered),
        "knowledge": knowledge(results, trainees),
        "satisfaction": satisfaction(results),
        "cost_per_trainee": cost(len(completed)),
        "cost_per_trainee_hour": cost(hours),
        "age_bands": [
            {"band": key, **{s: bands[key].get(s, 0) for s in SEXES}}
            for key in (*BAND_KEYS, "unknown")
        ],
        "organisations": [
            {"name": name, "attended": a, "completed": c}
            for name, (a, c) in sorted(organisations.items(), key=lambda item: -item[1][0])
        ],
        "sheets": sheets,
    }
