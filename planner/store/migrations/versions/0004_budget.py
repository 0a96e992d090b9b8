"""Plan format 4: the budget. Funding sources and each category's budget code and source, per
diem rates by location with their lodging share, monthly exchange rates, catering rates per head,
lines entered by hand and actuals of computed lines; the plan's deduction percentages, indirect
rate and per diem rate; rooms a day rate, tickets a fare, room blocks "breakfast included".

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('budget_actual',
    sa.Column('line_key', sa.String(length=100), nullable=False),
    sa.Column('amount', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_actual')),
    sa.UniqueConstraint('line_key', name=op.f('uq_budget_actual_line_key')),
    sqlite_autoincrement=True
    )
    op.create_table('catering_rate',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('per_head', sa.String(length=30), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catering_rate')),
    sa.UniqueConstraint('kind', name=op.f('uq_catering_rate_kind')),
    sqlite_autoincrement=True
    )
    op.create_table('exchange_rate',
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('units_per_base', sa.String(length=30), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_rate')),
    sa.UniqueConstraint('currency', 'month', name=op.f('uq_exchange_rate_currency_month')),
    sqlite_autoincrement=True
    )
    op.create_table('funding_source',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_source')),
    sa.UniqueConstraint('name', name=op.f('uq_funding_source_name')),
    sqlite_autoincrement=True
    )
    op.create_table('per_diem_rate',
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('daily_rate', sa.String(length=30), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('lodging_share', sa.String(length=30), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_per_diem_rate')),
    sa.UniqueConstraint('location', name=op.f('uq_per_diem_rate_location')),
    sqlite_autoincrement=True
    )
    op.create_table('budget_category',
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('budget_code', sa.String(length=60), nullable=False),
    sa.Column('funding_source_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['funding_source_id'], ['funding_source.id'], name=op.f('fk_budget_category_funding_source_id_funding_source'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_category')),
    sa.UniqueConstraint('category', name=op.f('uq_budget_category_category')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('budget_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_category_funding_source_id'), ['funding_source_id'], unique=False)

    op.create_table('budget_line',
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('budget_code', sa.String(length=60), nullable=False),
    sa.Column('funding_source_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.String(length=30), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('unit_cost', sa.String(length=30), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('month', sa.Date(), nullable=True),
    sa.Column('actual', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['funding_source_id'], ['funding_source.id'], name=op.f('fk_budget_line_funding_source_id_funding_source'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_funding_source_id'), ['funding_source_id'], unique=False)

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('per_diem_rate_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('indirect_rate', sa.String(length=30), server_default='7', nullable=False))
        batch_op.add_column(sa.Column('breakfast_deduction', sa.String(length=30), server_default='5', nullable=False))
        batch_op.add_column(sa.Column('lunch_deduction', sa.String(length=30), server_default='10', nullable=False))
        batch_op.add_column(sa.Column('dinner_deduction', sa.String(length=30), server_default='15', nullable=False))
        batch_op.add_column(sa.Column('lodging_deduction', sa.String(length=30), server_default='50', nullable=False))
        batch_op.add_column(sa.Column('last_day_share', sa.String(length=30), server_default='40', nullable=False))
        batch_op.create_index(batch_op.f('ix_plan_per_diem_rate_id'), ['per_diem_rate_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_plan_per_diem_rate_id_per_diem_rate'), 'per_diem_rate', ['per_diem_rate_id'], ['id'], ondelete='SET NULL', use_alter=True)

    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day_rate', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('currency', sa.String(length=3), server_default='', nullable=False))

    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.add_column(sa.Column('breakfast_included', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fare', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('fare_currency', sa.String(length=3), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.drop_column('fare_currency')
        batch_op.drop_column('fare')

    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.drop_column('breakfast_included')

    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.drop_column('currency')
        batch_op.drop_column('day_rate')

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plan_per_diem_rate_id_per_diem_rate'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plan_per_diem_rate_id'))
        batch_op.drop_column('last_day_share')
        batch_op.drop_column('lodging_deduction')
        batch_op.drop_column('dinner_deduction')
        batch_op.drop_column('lunch_deduction')
        batch_op.drop_column('breakfast_deduction')
        batch_op.drop_column('indirect_rate')
        batch_op.drop_column('per_diem_rate_id')

    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_funding_source_id'))

    op.drop_table('budget_line')
    with op.batch_alter_table('budget_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_category_funding_source_id'))

    op.drop_table('budget_category')
    op.drop_table('per_diem_rate')
    op.drop_table('funding_source')
    op.drop_table('exchange_rate')
    op.drop_table('catering_rate')
    op.drop_table('budget_actual')
