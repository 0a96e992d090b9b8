"""The demo's results: a pre-test and a post-test of the whole training (out of 20) and the
satisfaction questionnaire, with plausible answers for the trainees who came (the pre-test
around 55 %, the post-test around 80 %, ratings around 4.3 of 5; some forms anonymous). Drawn
from a generator of their own, so the rest of the demo stays the same."""

from __future__ import annotations

import random
from decimal import Decimal

from planner.demo.cohort import Rows
from planner.demo.scenario import LAST_DAY, at
from planner.demo.words import t
from planner.operations.evaluation import DEFAULT_QUESTIONS

TOP = Decimal("20")
OPEN_ANSWERS = (
    "More practical exercises at the border post.",
    "The case studies from Panama.",
    "Longer sessions on referral routes.",
)


def evaluation_rows(rows: Rows) -> dict[str, int]:
    """The tests and the questionnaire with its questions (once for the whole plan); returns
    their ids: "pre", "post", "questionnaire", and "q1"… of the questions."""
    ids = {
        key: rows.add("assessment", kind=kind, module_id=None, title=title, max_score=top, notes="")
        for key, kind, title, top in (
            ("pre", "pre_test", "Pre-test", TOP),
            ("post", "post_test", "Post-test", TOP),
            ("questionnaire", "questionnaire", "Satisfaction questionnaire", None),
        )
    }
    for n, (kind, text, text_es) in enumerate(DEFAULT_QUESTIONS, start=1):
        ids[f"q{n}"] = rows.add(
            "question",
            assessment_id=ids["questionnaire"],
            position=n,
            kind=kind,
            text=text,
            text_es=text_es,
        )
    return ids


def _half(value: float) -> Decimal:
    """A score as teachers mark it: in halves, from 0 to the top."""
    return min(TOP, max(Decimal(0), Decimal(round(value * 2)) / 2))


def results_rows(rows: Rows, ids: dict[str, int], rng: random.Random) -> None:
    """Scores and questionnaires of one cohort's trainees who came (``rows`` are the
    cohort's, its attendance included)."""
    came = sorted({a["person_id"] for a in rows.tables["attendance"] if a["present"]})
    trainees = {
        p["id"]
        for p in rows.tables["person"]
        if p["role"] == "trainee" and p["status"] != "replaced"
    }
    questions = [(ids[f"q{n}"], kind) for n, (kind, *_t) in enumerate(DEFAULT_QUESTIONS, 1)]
    handed_in = at(LAST_DAY, 8)
    for person in came:
        if person not in trainees:
            continue
        pre = rng.gauss(11.0, 2.4)  # about 55 % of 20
        rows.add("score", assessment_id=ids["pre"], person_id=person, points=_half(pre))
        if rng.random() < 0.97:  # a few missed the last morning's test
            gained = rng.gauss(5.0, 1.8)
            rows.add(
                "score", assessment_id=ids["post"], person_id=person, points=_half(pre + gained)
            )
        if rng.random() < 0.88:  # most filled in the questionnaire; some without their name
            response = rows.add(
                "response",
                assessment_id=ids["questionnaire"],
                person_id=None if rng.random() < 0.3 else person,
                submitted_at=handed_in,
            )
            for question, kind in questions:
                if kind == "rating":
                    rating = rng.choices((5, 4, 3, 2), weights=(45, 42, 10, 3))[0]
                    rows.add(
                        "answer", response_id=response, question_id=question, rating=rating, text=""
                    )
                elif rng.random() < 0.4:
                    rows.add(
                        "answer",
                        response_id=response,
                        question_id=question,
                        rating=None,
                        text=t(rng.choice(OPEN_ANSWERS)),
                    )
