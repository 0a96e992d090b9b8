"""Plan format 1: the plan, organisations, delegations, people, groups, venues, rooms,
sessions with their facilitators and audience, and the change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Times are stored as naive UTC (planner.model.AwareDateTime). The delegation's head points to a
person while people point to their delegation: SQLite takes that cycle inline, other databases
get the head's foreign key once both tables exist.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    head_fk = {
        "name": op.f("fk_delegation_head_id_person"),
        "ondelete": "SET NULL",
    }
    head_fk_inline = (
        [sa.ForeignKeyConstraint(["head_id"], ["person.id"], **head_fk)] if sqlite else []
    )
    op.create_table('change_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_name', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_set')),
    sqlite_autoincrement=True
    )
    op.create_table('organisation',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('name', name=op.f('uq_organisation_name')),
    sqlite_autoincrement=True
    )
    op.create_table('plan',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('funding_programme', sa.String(length=200), nullable=False),
    sa.Column('donor', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('start_date <= end_date', name=op.f('ck_plan_dates_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
    sqlite_autoincrement=True
    )
    op.create_table('venue',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue')),
    sa.UniqueConstraint('name', name=op.f('uq_venue_name')),
    sqlite_autoincrement=True
    )
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['change_set_id'], ['change_set.id'], name=op.f('fk_change_log_change_set_id_change_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_change_set_id'), ['change_set_id'], unique=False)

    op.create_table('delegation',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('head_id', sa.Integer(), nullable=True),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    *head_fk_inline,
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_delegation_organisation_id_organisation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegation')),
    sa.UniqueConstraint('name', name=op.f('uq_delegation_name')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('delegation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegation_head_id'), ['head_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_delegation_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('room',
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('equipment', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_room_capacity_not_negative')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_room_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('venue_id', 'name', name=op.f('uq_room_venue_id_name')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_venue_id'), ['venue_id'], unique=False)

    op.create_table('agenda_session',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_agenda_session_ends_after_start')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_agenda_session_room_id_room'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_session')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('agenda_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_session_room_id'), ['room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_session_starts_at'), ['starts_at'], unique=False)

    op.create_table('participant_group',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=True),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_participant_group_delegation_id_delegation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant_group')),
    sa.UniqueConstraint('name', name=op.f('uq_participant_group_name')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('participant_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_group_delegation_id'), ['delegation_id'], unique=False)

    op.create_table('person',
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('duty_station', sa.String(length=200), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('role_other', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('id_number', sa.String(length=60), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('nationality', sa.String(length=2), nullable=False),
    sa.Column('languages', sa.String(length=200), nullable=False),
    sa.Column('dietary_needs', sa.String(length=200), nullable=False),
    sa.Column('accessibility_needs', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_person_delegation_id_delegation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_id_organisation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_delegation_id'), ['delegation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)
    if not sqlite:
        op.create_foreign_key(
            head_fk["name"], "delegation", "person", ["head_id"], ["id"], ondelete="SET NULL"
        )

    op.create_table('group_member',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['participant_group.id'], name=op.f('fk_group_member_group_id_participant_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_group_member_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_member')),
    sa.UniqueConstraint('group_id', 'person_id', name=op.f('uq_group_member_group_id_person_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('group_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_member_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_member_person_id'), ['person_id'], unique=False)

    op.create_table('session_audience',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('delegation_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(CASE WHEN group_id IS NULL THEN 0 ELSE 1 END + CASE WHEN delegation_id IS NULL THEN 0 ELSE 1 END + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_session_audience_exactly_one_member')),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_session_audience_delegation_id_delegation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['participant_group.id'], name=op.f('fk_session_audience_group_id_participant_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_session_audience_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_session.id'], name=op.f('fk_session_audience_session_id_agenda_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_audience')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('session_audience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_audience_delegation_id'), ['delegation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_audience_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_audience_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_audience_session_id'), ['session_id'], unique=False)

    op.create_table('session_facilitator',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_session_facilitator_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_session.id'], name=op.f('fk_session_facilitator_session_id_agenda_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_facilitator')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_session_facilitator_session_id_person_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('session_facilitator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_facilitator_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_facilitator_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('session_facilitator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_facilitator_session_id'))
        batch_op.drop_index(batch_op.f('ix_session_facilitator_person_id'))

    op.drop_table('session_facilitator')
    with op.batch_alter_table('session_audience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_audience_session_id'))
        batch_op.drop_index(batch_op.f('ix_session_audience_person_id'))
        batch_op.drop_index(batch_op.f('ix_session_audience_group_id'))
        batch_op.drop_index(batch_op.f('ix_session_audience_delegation_id'))

    op.drop_table('session_audience')
    with op.batch_alter_table('group_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_member_person_id'))
        batch_op.drop_index(batch_op.f('ix_group_member_group_id'))

    op.drop_table('group_member')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_person_delegation_id'))

    op.drop_table('person')
    with op.batch_alter_table('participant_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_group_delegation_id'))

    op.drop_table('participant_group')
    with op.batch_alter_table('agenda_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_session_starts_at'))
        batch_op.drop_index(batch_op.f('ix_agenda_session_room_id'))

    op.drop_table('agenda_session')
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_venue_id'))

    op.drop_table('room')
    with op.batch_alter_table('delegation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delegation_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_delegation_head_id'))

    op.drop_table('delegation')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_change_set_id'))

    op.drop_table('change_log')
    op.drop_table('venue')
    op.drop_table('plan')
    op.drop_table('organisation')
    op.drop_table('change_set')
