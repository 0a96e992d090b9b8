"""Plan format 5: attendance (who was at each session, from the checklist or the signed
sheets) and export records (what a delegation's agenda held when it was last exported, for
"what changed").

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('export_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_export_record_delegation_id_delegation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_record')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('export_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_record_delegation_id'), ['delegation_id'], unique=False)

    op.create_table('attendance',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_session.id'], name=op.f('fk_attendance_session_id_agenda_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_attendance_session_id_person_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_session_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('export_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_export_record_delegation_id'))

    op.drop_table('export_record')
