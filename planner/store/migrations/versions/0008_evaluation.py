"""Plan format 8: what the training achieved. Its tests (a pre-test and a post-test, of the
whole training or of a module, with a maximum score) and its satisfaction questionnaire (rated
and open questions, in English and Spanish); each trainee's scores; each filled-in
questionnaire (with or without a name) and its answers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ids() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('assessment',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('max_score', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_ids(),
    sa.CheckConstraint("kind IN ('pre_test', 'post_test', 'questionnaire')", name=op.f('ck_assessment_a_known_kind')),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_assessment_module_id_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_module_id'), ['module_id'], unique=False)

    op.create_table('question',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('text_es', sa.String(length=500), nullable=False),
    *_ids(),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_question_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('score',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.String(length=30), nullable=True),
    *_ids(),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_score_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_score_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score')),
    sa.UniqueConstraint('assessment_id', 'person_id', name=op.f('uq_score_assessment_id_person_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_person_id'), ['person_id'], unique=False)

    op.create_table('response',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    *_ids(),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_response_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_response_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_response')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_response_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_response_person_id'), ['person_id'], unique=False)

    op.create_table('answer',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    *_ids(),
    sa.CheckConstraint('rating IS NULL OR rating BETWEEN 1 AND 5', name=op.f('ck_answer_a_rating')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_answer_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_answer_response_id_response'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer')),
    sa.UniqueConstraint('response_id', 'question_id', name=op.f('uq_answer_response_id_question_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_response_id'), ['response_id'], unique=False)


def downgrade() -> None:
    for table, indexes in (
        ('answer', ('ix_answer_response_id', 'ix_answer_question_id')),
        ('response', ('ix_response_person_id', 'ix_response_assessment_id')),
        ('score', ('ix_score_person_id', 'ix_score_assessment_id')),
        ('question', ('ix_question_assessment_id',)),
        ('assessment', ('ix_assessment_module_id',)),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(batch_op.f(index))
        op.drop_table(table)
