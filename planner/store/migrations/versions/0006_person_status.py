"""Plan format 6: where each person's nomination stands (nominated, confirmed, declined,
replaced, cancelled), from which day, and who replaced them; their duty-of-care details
(emergency contact, insurance, travel document, visa, travel security clearance); a room
block's cut-off (release) date and attrition allowance; what a supplier's paper held (for the
hotel's, the caterer's and the transport company's "what changed").

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

DUTY_TEXT = (
    ('emergency_name', 200),
    ('emergency_relation', 100),
    ('emergency_phone', 60),
    ('insurance_provider', 200),
    ('insurance_policy', 100),
    ('document_kind', 20),
    ('visa_status', 20),
    ('visa_number', 60),
    ('security_clearance_ref', 100),
    ('security_clearance_status', 20),
)
DUTY_DATES = ('insurance_until', 'document_expiry')


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='confirmed', nullable=False))
        batch_op.add_column(sa.Column('status_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('replaced_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_person_replaced_by_id'), ['replaced_by_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_person_replaced_by_id_person'), 'person', ['replaced_by_id'], ['id'], ondelete='SET NULL')
        for name, size in DUTY_TEXT:
            batch_op.add_column(sa.Column(name, sa.String(length=size), server_default='', nullable=False))
        for name in DUTY_DATES:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))


    with op.batch_alter_table('export_record', schema=None) as batch_op:
        batch_op.alter_column('delegation_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('supplier', sa.String(length=20), server_default='', nullable=False))
        batch_op.add_column(sa.Column('place_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_export_record_place_id'), ['place_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_export_record_place_id_venue'), 'venue', ['place_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cutoff', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('attrition_percent', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('export_record', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_export_record_place_id_venue'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_export_record_place_id'))
        batch_op.drop_column('place_id')
        batch_op.drop_column('supplier')
        batch_op.alter_column('delegation_id', existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.drop_column('attrition_percent')
        batch_op.drop_column('cutoff')

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_person_replaced_by_id_person'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_person_replaced_by_id'))
        for name in (*(n for n, _s in DUTY_TEXT), *DUTY_DATES):
            batch_op.drop_column(name)
        batch_op.drop_column('replaced_by_id')
        batch_op.drop_column('status_from')
        batch_op.drop_column('status')
