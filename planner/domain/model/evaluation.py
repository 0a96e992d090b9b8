"""What the training achieved (plan format 8): its tests and questionnaires, each trainee's
scores, and the answers to the satisfaction questionnaire (which may come without a name).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.domain.model.base import AwareDateTime, Entity, Money


class Assessment(Entity):
    """A pre-test or post-test (of the whole training, or of one module) with its maximum
    score, or a satisfaction questionnaire."""

    __tablename__ = "assessment"

    kind: Mapped[str] = mapped_column(String(20))  # pre_test, post_test, questionnaire
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("module.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    max_score: Mapped[Decimal | None] = mapped_column(Money)
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint(
                "kind IN ('pre_test', 'post_test', 'questionnaire')", name="a_known_kind"
            ),
        )


class Question(Entity):
    """A question of a questionnaire: a rating from 1 to 5, or an open answer; its words in
    English and in Spanish (the forms on phones are in both)."""

    __tablename__ = "question"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(10), default="rating")  # rating, open
    text: Mapped[str] = mapped_column(String(500), default="")
    text_es: Mapped[str] = mapped_column(String(500), default="")


class Score(Entity):
    """A trainee's score in a test (personal data, under the export rules: empty in a copy
    without personal data)."""

    __tablename__ = "score"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    points: Mapped[Decimal | None] = mapped_column(Money)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("assessment_id", "person_id"),)


class Response(Entity):
    """One filled-in questionnaire; ``person_id`` None for an anonymous form."""

    __tablename__ = "response"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    submitted_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class Answer(Entity):
    """The answer of one response to one question: a rating (1 to 5) or words."""

    __tablename__ = "answer"

    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            UniqueConstraint("response_id", "question_id"),
            CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="a_rating"),
        )
