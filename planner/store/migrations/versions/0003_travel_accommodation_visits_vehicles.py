"""Plan format 3: travel (arrivals and departures), hotel room blocks and stays, road times
between places, the stops of site visits, vehicles and their rides with passengers; places get
a kind, a code, a time zone, coordinates and opening hours; the plan a default arrival airport.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('road_time',
    sa.Column('from_id', sa.Integer(), nullable=False),
    sa.Column('to_id', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('distance_km', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('from_id <> to_id', name=op.f('ck_road_time_two_places')),
    sa.CheckConstraint('minutes >= 0', name=op.f('ck_road_time_minutes_not_negative')),
    sa.ForeignKeyConstraint(['from_id'], ['venue.id'], name=op.f('fk_road_time_from_id_venue'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_id'], ['venue.id'], name=op.f('fk_road_time_to_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_road_time')),
    sa.UniqueConstraint('from_id', 'to_id', name=op.f('uq_road_time_from_id_to_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('road_time', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_road_time_from_id'), ['from_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_road_time_to_id'), ['to_id'], unique=False)

    op.create_table('room_block',
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('room_type', sa.String(length=60), nullable=False),
    sa.Column('rooms', sa.Integer(), nullable=False),
    sa.Column('check_in', sa.Date(), nullable=False),
    sa.Column('check_out', sa.Date(), nullable=False),
    sa.Column('nightly_rate', sa.String(length=30), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('check_in < check_out', name=op.f('ck_room_block_at_least_a_night')),
    sa.CheckConstraint('rooms >= 0', name=op.f('ck_room_block_rooms_not_negative')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_room_block_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_block')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_block_venue_id'), ['venue_id'], unique=False)

    op.create_table('stay',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('check_in', sa.Date(), nullable=False),
    sa.Column('check_out', sa.Date(), nullable=False),
    sa.Column('room_type', sa.String(length=60), nullable=False),
    sa.Column('sharing_with_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('check_in < check_out', name=op.f('ck_stay_at_least_a_night')),
    sa.ForeignKeyConstraint(['block_id'], ['room_block.id'], name=op.f('fk_stay_block_id_room_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_stay_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sharing_with_id'], ['person.id'], name=op.f('fk_stay_sharing_with_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_stay_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stay')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stay_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_sharing_with_id'), ['sharing_with_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stay_venue_id'), ['venue_id'], unique=False)

    op.create_table('travel',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('carrier', sa.String(length=100), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('from_place', sa.String(length=200), nullable=False),
    sa.Column('to_place', sa.String(length=200), nullable=False),
    sa.Column('departs_at', sa.DateTime(), nullable=True),
    sa.Column('departs_tz', sa.String(length=64), nullable=False),
    sa.Column('arrives_at', sa.DateTime(), nullable=True),
    sa.Column('arrives_tz', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("direction IN ('arrival', 'departure')", name=op.f('ck_travel_known_direction')),
    sa.CheckConstraint('departs_at IS NULL OR arrives_at IS NULL OR departs_at <= arrives_at', name=op.f('ck_travel_arrives_after_leaving')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_travel_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['venue.id'], name=op.f('fk_travel_place_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_travel_place_id'), ['place_id'], unique=False)

    op.create_table('vehicle',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('plate', sa.String(length=20), nullable=False),
    sa.Column('day_rate', sa.String(length=30), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('driver_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('seats >= 0', name=op.f('ck_vehicle_seats_not_negative')),
    sa.ForeignKeyConstraint(['driver_id'], ['person.id'], name=op.f('fk_vehicle_driver_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle')),
    sa.UniqueConstraint('name', name=op.f('uq_vehicle_name')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_driver_id'), ['driver_id'], unique=False)

    op.create_table('visit_stop',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('arrives_at', sa.DateTime(), nullable=True),
    sa.Column('leaves_at', sa.DateTime(), nullable=True),
    sa.Column('host_name', sa.String(length=200), nullable=False),
    sa.Column('host_contact', sa.String(length=200), nullable=False),
    sa.Column('clearance', sa.String(length=12), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('arrives_at IS NULL OR leaves_at IS NULL OR arrives_at <= leaves_at', name=op.f('ck_visit_stop_leaves_after_arriving')),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_session.id'], name=op.f('fk_visit_stop_session_id_agenda_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_visit_stop_venue_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_stop')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('visit_stop', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_stop_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_stop_venue_id'), ['venue_id'], unique=False)

    op.create_table('ride',
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('from_id', sa.Integer(), nullable=True),
    sa.Column('to_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_ride_ends_after_start')),
    sa.ForeignKeyConstraint(['from_id'], ['venue.id'], name=op.f('fk_ride_from_id_venue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_session.id'], name=op.f('fk_ride_session_id_agenda_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_id'], ['venue.id'], name=op.f('fk_ride_to_id_venue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_ride_vehicle_id_vehicle'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ride')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('ride', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ride_from_id'), ['from_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_to_id'), ['to_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('ride_passenger',
    sa.Column('ride_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('delegation_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(CASE WHEN group_id IS NULL THEN 0 ELSE 1 END + CASE WHEN delegation_id IS NULL THEN 0 ELSE 1 END + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_ride_passenger_exactly_one_member')),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_ride_passenger_delegation_id_delegation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['participant_group.id'], name=op.f('fk_ride_passenger_group_id_participant_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ride_passenger_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ride_id'], ['ride.id'], name=op.f('fk_ride_passenger_ride_id_ride'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ride_passenger')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('ride_passenger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ride_passenger_delegation_id'), ['delegation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_passenger_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_passenger_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ride_passenger_ride_id'), ['ride_id'], unique=False)

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('arrival_airport_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_plan_arrival_airport_id'), ['arrival_airport_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_plan_arrival_airport_id_venue'), 'venue', ['arrival_airport_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('venue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='venue', nullable=False))
        batch_op.add_column(sa.Column('code', sa.String(length=10), server_default='', nullable=False))
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('latitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('opens', sa.String(length=5), server_default='', nullable=False))
        batch_op.add_column(sa.Column('closes', sa.String(length=5), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('venue', schema=None) as batch_op:
        batch_op.drop_column('closes')
        batch_op.drop_column('opens')
        batch_op.drop_column('longitude')
        batch_op.drop_column('latitude')
        batch_op.drop_column('timezone')
        batch_op.drop_column('code')
        batch_op.drop_column('kind')

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plan_arrival_airport_id_venue'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plan_arrival_airport_id'))
        batch_op.drop_column('arrival_airport_id')

    with op.batch_alter_table('ride_passenger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ride_passenger_ride_id'))
        batch_op.drop_index(batch_op.f('ix_ride_passenger_person_id'))
        batch_op.drop_index(batch_op.f('ix_ride_passenger_group_id'))
        batch_op.drop_index(batch_op.f('ix_ride_passenger_delegation_id'))

    op.drop_table('ride_passenger')
    with op.batch_alter_table('ride', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ride_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_ride_to_id'))
        batch_op.drop_index(batch_op.f('ix_ride_starts_at'))
        batch_op.drop_index(batch_op.f('ix_ride_session_id'))
        batch_op.drop_index(batch_op.f('ix_ride_from_id'))

    op.drop_table('ride')
    with op.batch_alter_table('visit_stop', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_stop_venue_id'))
        batch_op.drop_index(batch_op.f('ix_visit_stop_session_id'))

    op.drop_table('visit_stop')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_driver_id'))

    op.drop_table('vehicle')
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_travel_place_id'))
        batch_op.drop_index(batch_op.f('ix_travel_person_id'))

    op.drop_table('travel')
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stay_venue_id'))
        batch_op.drop_index(batch_op.f('ix_stay_sharing_with_id'))
        batch_op.drop_index(batch_op.f('ix_stay_person_id'))
        batch_op.drop_index(batch_op.f('ix_stay_block_id'))

    op.drop_table('stay')
    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_block_venue_id'))

    op.drop_table('room_block')
    with op.batch_alter_table('road_time', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_road_time_to_id'))
        batch_op.drop_index(batch_op.f('ix_road_time_from_id'))

    op.drop_table('road_time')
