"""What the training achieved: its tests and questionnaires (kinds ``assessment`` and
``question``), each trainee's scores, and the answers to a questionnaire; every write in one
transaction that undoes as one step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.errors import FieldError, PlannerError
from planner.domain.i18n import N_, _
from planner.domain.labels import AssessmentKind
from planner.domain.model import Answer, Assessment, Module, Person, Question, Response, Score
from planner.operations.batches import Batch
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation
from planner.store import PlanStore

# The default satisfaction questionnaire: (kind, English, Spanish); editable once in the plan.
DEFAULT_QUESTIONS = (
    ("rating", "The training met its objectives.", "La capacitación cumplió sus objetivos."),
    (
        "rating",
        "What I learned is useful in my daily work.",
        "Lo aprendido es útil en mi trabajo diario.",
    ),
    (
        "rating",
        "The trainers mastered the subjects and explained them clearly.",
        "Los capacitadores dominaban los temas y los explicaron con claridad.",
    ),
    (
        "rating",
        "The materials and exercises helped me learn.",
        "Los materiales y ejercicios me ayudaron a aprender.",
    ),
    (
        "rating",
        "The organisation (venue, meals, transport) was good.",
        "La organización (lugar, alimentación, transporte) fue buena.",
    ),
    (
        "rating",
        "Overall, I am satisfied with the training.",
        "En general, estoy satisfecho(a) con la capacitación.",
    ),
    ("open", "What was most useful to you?", "¿Qué le resultó más útil?"),
    ("open", "What should be improved?", "¿Qué se debería mejorar?"),
)


def _validate_assessment(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    c.choice("kind", N_("Kind"), [k.value for k in AssessmentKind])
    c.text("title", N_("Title"), 200, required=True)
    c.text("notes", N_("Notes"), 5000)
    c.exists(session, "module_id", Module, N_("module"))
    c.money("max_score", N_("Maximum score"))
    kind = v.get("kind")
    if kind in (AssessmentKind.PRE_TEST, AssessmentKind.POST_TEST):
        score = v.get("max_score")
        if score is None or (isinstance(score, Decimal) and score <= 0):
            c.add("max_score", _("A test needs its maximum score, such as 20 or 100."))
        same = session.execute(
            select(Assessment.id).where(
                Assessment.kind == kind,
                Assessment.module_id.is_(None)
                if v.get("module_id") is None
                else Assessment.module_id == v.get("module_id"),
            )
        ).scalar()
        if same is not None and same != own_id:
            c.add(
                "kind",
                _("This training (or module) already has a {kind}; enter its scores there.").format(
                    kind=_(AssessmentKind(kind).label).lower()
                ),
            )
    return c.errors


def _validate_question(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(
        session, "assessment_id", Assessment, N_("Questionnaire"), _("Choose the questionnaire.")
    )
    c.choice("kind", N_("Kind"), ["rating", "open"])
    c.text("text", N_("Question"), 500, required=True)
    c.text("text_es", N_("Question in Spanish"), 500)
    c.whole("position", N_("Position"), 1, 999)
    return c.errors


ASSESSMENT = Kind(
    "assessment",
    Assessment,
    ("kind", "module_id", "title", "max_score", "notes"),
    _validate_assessment,
    {"kind": AssessmentKind.PRE_TEST, "notes": ""},
)
QUESTION = Kind(
    "question",
    Question,
    ("assessment_id", "position", "kind", "text", "text_es"),
    _validate_question,
    {"kind": "rating", "position": 1, "text_es": ""},
)


def _validate_score(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "assessment_id", Assessment, N_("Test"), _("Choose the test."))
    c.required_ref(session, "person_id", Person, N_("Person"), _("Choose the person."))
    c.amount("points", N_("Score"))
    return c.errors


def _validate_response(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(
        session, "assessment_id", Assessment, N_("Questionnaire"), _("Choose the questionnaire.")
    )
    c.exists(session, "person_id", Person, N_("person"))
    return c.errors


def _validate_answer(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "response_id", Response, N_("Response"), _("Choose the response."))
    c.required_ref(session, "question_id", Question, N_("Question"), _("Choose the question."))
    rating = v.get("rating")
    if rating is not None and not (isinstance(rating, int) and 1 <= rating <= 5):
        c.add("rating", _("A rating is a whole number from 1 to 5."))
    c.text("text", N_("Answer"), 5000)
    return c.errors


SCORE = Kind("score", Score, ("assessment_id", "person_id", "points"), _validate_score)
RESPONSE = Kind(
    "response", Response, ("assessment_id", "person_id", "submitted_at"), _validate_response
)
ANSWER = Kind(
    "answer",
    Answer,
    ("response_id", "question_id", "rating", "text"),
    _validate_answer,
    {"text": ""},
)
register(ASSESSMENT, QUESTION, SCORE, RESPONSE, ANSWER)


def add_questionnaire(store: PlanStore, title: str) -> Batch:
    """The satisfaction questionnaire with its default questions (1 to 5 ratings and open
    questions, in English and Spanish), to edit as the plan needs."""
    label = _("Add the satisfaction questionnaire")
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        found = session.execute(
            select(Assessment.id).where(Assessment.kind == AssessmentKind.QUESTIONNAIRE)
        ).scalar()
        if found is not None:
            raise PlannerError(_("The plan has its satisfaction questionnaire already."))
        questionnaire = Assessment(
            kind=AssessmentKind.QUESTIONNAIRE, title=title, max_score=None, notes=""
        )
        session.add(questionnaire)
        session.flush()
        batch.add("assessment", questionnaire.id)
        for n, (kind, text, text_es) in enumerate(DEFAULT_QUESTIONS, start=1):
            question = Question(
                assessment_id=questionnaire.id, position=n, kind=kind, text=text, text_es=text_es
            )
            session.add(question)
            session.flush()
            batch.add("question", question.id)
    batch.change = tx.change
    return batch


def add_tests(store: PlanStore, pre_title: str, post_title: str, top: Decimal, label: str) -> Batch:
    """The training's pre-test and post-test, out of ``top``, in one step."""
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        for kind, title in (
            (AssessmentKind.PRE_TEST, pre_title),
            (AssessmentKind.POST_TEST, post_title),
        ):
            found = session.execute(
                select(Assessment.id).where(Assessment.kind == kind, Assessment.module_id.is_(None))
            ).scalar()
            if found is not None:
                raise PlannerError(_("The training has its pre-test and post-test already."))
            test = Assessment(kind=kind, title=title, max_score=top, notes="")
            session.add(test)
            session.flush()
            batch.add("assessment", test.id)
    batch.change = tx.change
    return batch


def set_scores(
    store: PlanStore, assessment: int, wanted: Mapping[int, Decimal], label: str
) -> Batch | None:
    """Each person's score in a test, in one transaction; None when nothing changes. Refused
    in words for a score above the test's maximum or below zero."""
    return import_results(store, {assessment: wanted}, [], label)


def _scores_in(
    session: Session, batch: Batch, assessment: int, wanted: Mapping[int, Decimal]
) -> None:
    test = session.get(Assessment, assessment)
    if test is None or test.kind == AssessmentKind.QUESTIONNAIRE:
        raise PlannerError(_("The test was deleted elsewhere; no score was recorded."))
    top = test.max_score
    for points in wanted.values():
        if points < 0 or (top is not None and points > top):
            raise PlannerError(
                _("A score of {points} is outside 0 to {top} ({test}).").format(
                    points=points, top=top, test=test.title
                )
            )
    existing = {
        s.person_id: s
        for s in session.execute(select(Score).where(Score.assessment_id == assessment)).scalars()
    }
    known = set(session.execute(select(Person.id).where(Person.id.in_(list(wanted)))).scalars())
    for person, points in sorted(wanted.items()):
        if person not in known:
            raise PlannerError(_("Someone was deleted elsewhere; no score was recorded."))
        row = existing.get(person)
        if row is None:
            row = Score(assessment_id=assessment, person_id=person, points=points)
            session.add(row)
            session.flush()
            batch.add("score", row.id)
        elif row.points != points:
            old = row.points
            row.points = points
            session.flush()
            batch.updated.append(
                ("score", row.id, {"points": old}, {"points": points}, row.version)
            )


def import_results(
    store: PlanStore,
    scores: Mapping[int, Mapping[int, Decimal]],
    responses: Sequence[tuple[int, Answered]],
    label: str,
) -> Batch | None:
    """Scores (test -> person -> points) and filled-in questionnaires ((questionnaire, its
    answers)), in one transaction that undoes as one step; None when nothing changes."""
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        for assessment, wanted in scores.items():
            _scores_in(session, batch, assessment, wanted)
        for questionnaire, filled in responses:
            _response_in(session, batch, questionnaire, filled)
    if not batch.created and not batch.updated:
        return None
    batch.change = tx.change
    return batch


@dataclass(frozen=True)
class Answered:
    """A filled-in questionnaire: whose (None: anonymous) and question -> rating or words."""

    person: int | None
    answers: Mapping[int, int | str]
    submitted_at: datetime | None = None


def record_responses(
    store: PlanStore, questionnaire: int, responses: Sequence[Answered], label: str
) -> Batch:
    """Add filled-in questionnaires with their answers, in one transaction."""
    batch = import_results(store, {}, [(questionnaire, r) for r in responses], label)
    if batch is None:
        raise PlannerError(_("There was nothing to record."))
    return batch


def _response_in(session: Session, batch: Batch, questionnaire: int, filled: Answered) -> None:
    if session.get(Assessment, questionnaire) is None:
        raise PlannerError(_("The questionnaire was deleted elsewhere; nothing was recorded."))
    kinds = dict(
        session.execute(
            select(Question.id, Question.kind).where(Question.assessment_id == questionnaire)
        ).all()
    )
    response = Response(
        assessment_id=questionnaire,
        person_id=filled.person,
        submitted_at=(filled.submitted_at or datetime.now(UTC)),
    )
    session.add(response)
    session.flush()
    batch.add("response", response.id)
    for question, value in filled.answers.items():
        kind = kinds.get(question)
        if kind is None:
            raise PlannerError(_("A question was deleted elsewhere; nothing was recorded."))
        rating = int(value) if kind == "rating" else None
        if rating is not None and not 1 <= rating <= 5:
            raise PlannerError(_("A rating of {value} is outside 1 to 5.").format(value=value))
        answer = Answer(
            response_id=response.id,
            question_id=question,
            rating=rating,
            text="" if kind == "rating" else str(value),
        )
        session.add(answer)
        session.flush()
        batch.add("answer", answer.id)
