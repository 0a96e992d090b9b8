"""Plan format 7: check-in and certificates. Each person's badge code comes from a key kept
in the plan (a plan setting given here); a scan's time and device on an attendance mark; the
completion rule (a share of the hours, and required modules); the certificate prefix and the
register of numbered certificates.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import json
import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BADGE_KEY = 'badge_codes.key'


def upgrade() -> None:
    with op.batch_alter_table('module', schema=None) as batch_op:
        batch_op.add_column(sa.Column('required', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scanned_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('device', sa.String(length=100), server_default='', nullable=False))

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('completion_percent', sa.Integer(), server_default='80', nullable=False))
        batch_op.add_column(sa.Column('certificate_prefix', sa.String(length=40), server_default='', nullable=False))
        batch_op.create_check_constraint(
            op.f('ck_plan_completion_is_a_percentage'), 'completion_percent BETWEEN 0 AND 100'
        )

    op.create_table('certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('void', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_certificate_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('number', name=op.f('uq_certificate_number')),
    sa.UniqueConstraint('person_id', 'kind', name=op.f('uq_certificate_person_id_kind')),
    sa.UniqueConstraint('serial', name=op.f('uq_certificate_serial')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_person_id'), ['person_id'], unique=False)

    # the plan's badge-code key, random: codes no one can work back to the people's numbers
    conn = op.get_bind()
    found = conn.execute(
        sa.text('SELECT count(*) FROM plan_setting WHERE key = :k'), {'k': BADGE_KEY}
    ).scalar()
    if not found:
        conn.execute(
            sa.text('INSERT INTO plan_setting (key, value, version) VALUES (:k, :v, 1)'),
            {'k': BADGE_KEY, 'v': json.dumps(secrets.token_hex(16))},
        )


def downgrade() -> None:
    op.get_bind().execute(sa.text('DELETE FROM plan_setting WHERE key = :k'), {'k': BADGE_KEY})
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_person_id'))
    op.drop_table('certificate')

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_plan_completion_is_a_percentage'), type_='check')
        batch_op.drop_column('certificate_prefix')
        batch_op.drop_column('completion_percent')

    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_column('device')
        batch_op.drop_column('scanned_at')

    with op.batch_alter_table('module', schema=None) as batch_op:
        batch_op.drop_column('required')
