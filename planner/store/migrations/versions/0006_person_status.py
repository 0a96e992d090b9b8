"""Plan format 6: where each person's nomination stands (nominated, confirmed, declined,
replaced, cancelled), from which day, and who replaced them; a room block's cut-off (release)
date and attrition allowance.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='confirmed', nullable=False))
        batch_op.add_column(sa.Column('status_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('replaced_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_person_replaced_by_id'), ['replaced_by_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_person_replaced_by_id_person'), 'person', ['replaced_by_id'], ['id'], ondelete='SET NULL')


    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cutoff', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('attrition_percent', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.drop_column('attrition_percent')
        batch_op.drop_column('cutoff')

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_person_replaced_by_id_person'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_person_replaced_by_id'))
        batch_op.drop_column('replaced_by_id')
        batch_op.drop_column('status_from')
        batch_op.drop_column('status')
