"""Tests and questionnaires: a test needs its maximum, a score stays within it, one undo step
takes a set of scores back; the default questionnaire is added once; ratings are 1 to 5."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner import operations, queries
from planner.domain.errors import PlannerError, ValidationError
from planner.operations.batches import undo_batch
from planner.operations.evaluation import (
    DEFAULT_QUESTIONS,
    Answered,
    add_questionnaire,
    record_responses,
    set_scores,
)
from planner.queries.evaluation import results


def test_a_test_needs_its_maximum_and_one_of_each_kind(plan):
    with pytest.raises(ValidationError, match="maximum score"):
        operations.create(plan, "assessment", {"kind": "pre_test", "title": "Prueba"})
    operations.create(
        plan, "assessment", {"kind": "pre_test", "title": "Prueba", "max_score": "20"}
    )
    with pytest.raises(ValidationError, match="already has a pre-test"):
        operations.create(
            plan, "assessment", {"kind": "pre_test", "title": "Otra", "max_score": "20"}
        )


def test_scores_within_the_maximum_in_one_step_that_undo_takes_back(plan):
    test = operations.create(
        plan, "assessment", {"kind": "post_test", "title": "Final", "max_score": "20"}
    ).id
    people = [
        operations.create(plan, "person", {"given_name": g, "family_name": "Paz"}).id
        for g in ("Ana", "Luis")
    ]
    with pytest.raises(PlannerError, match="outside 0 to 20"):
        set_scores(plan, test, {people[0]: Decimal("21")}, "Notas")
    scores = {people[0]: Decimal("17.5"), people[1]: Decimal("12")}
    batch = set_scores(plan, test, scores, "Notas")
    assert results(plan).scores[test] == scores
    undo_batch(plan, batch)  # Ctrl+Z: the whole set
    assert results(plan).scores.get(test, {}) == {}
    set_scores(plan, test, scores, "Notas")
    assert set_scores(plan, test, {people[0]: Decimal("17.5")}, "Notas") is None  # no change
    again = set_scores(plan, test, {people[0]: Decimal("18")}, "Notas")
    assert results(plan).scores[test][people[0]] == Decimal("18")
    undo_batch(plan, again)
    assert results(plan).scores[test][people[0]] == Decimal("17.5")


def test_the_questionnaire_is_added_once_and_takes_anonymous_answers(plan):
    batch = add_questionnaire(plan, "Encuesta")
    questionnaire = batch.created["assessment"][0]
    with pytest.raises(PlannerError, match="already"):
        add_questionnaire(plan, "Otra")
    held = results(plan)
    questions = sorted(held.questions.values(), key=lambda q: q.position)
    assert [(q.kind, q.text, q.text_es) for q in questions] == list(DEFAULT_QUESTIONS)
    rated, words = questions[0].id, questions[-1].id
    record_responses(plan, questionnaire, [Answered(None, {rated: 4, words: "Más"})], "R")
    assert list(results(plan).responses.values()) == [(None, {rated: 4, words: "Más"})]
    with pytest.raises(PlannerError, match="outside 1 to 5"):
        record_responses(plan, questionnaire, [Answered(None, {rated: 6})], "R")
    assert len(results(plan).responses) == 1  # the refused one left nothing
    assert queries.people(plan) == []
