"""Plan format 2: the curriculum (modules and who can give them), people's unavailable
times, acknowledged problems of the conflict check, settings kept with the plan, and the
module of a session.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('acknowledgement',
    sa.Column('problem_key', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('user_name', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acknowledgement')),
    sa.UniqueConstraint('problem_key', name=op.f('uq_acknowledgement_problem_key')),
    sqlite_autoincrement=True
    )
    op.create_table('module',
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('room_size', sa.Integer(), nullable=False),
    sa.Column('equipment', sa.String(length=300), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_module_has_a_duration')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module')),
    sa.UniqueConstraint('title', name=op.f('uq_module_title')),
    sqlite_autoincrement=True
    )
    op.create_table('plan_setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_plan_setting_key')),
    sqlite_autoincrement=True
    )
    op.create_table('module_trainer',
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], name=op.f('fk_module_trainer_module_id_module'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_module_trainer_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module_trainer')),
    sa.UniqueConstraint('module_id', 'person_id', name=op.f('uq_module_trainer_module_id_person_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('module_trainer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_module_trainer_module_id'), ['module_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_module_trainer_person_id'), ['person_id'], unique=False)

    op.create_table('unavailability',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_unavailability_ends_after_start')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_unavailability_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unavailability')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unavailability_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('agenda_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('module_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_agenda_session_module_id'), ['module_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_agenda_session_module_id_module'), 'module', ['module_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('agenda_session', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_agenda_session_module_id_module'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_agenda_session_module_id'))
        batch_op.drop_column('module_id')

    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unavailability_person_id'))

    op.drop_table('unavailability')
    with op.batch_alter_table('module_trainer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_module_trainer_person_id'))
        batch_op.drop_index(batch_op.f('ix_module_trainer_module_id'))

    op.drop_table('module_trainer')
    op.drop_table('plan_setting')
    op.drop_table('module')
    op.drop_table('acknowledgement')
