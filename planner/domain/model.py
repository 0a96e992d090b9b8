"""The domain model: SQLAlchemy 2 typed ORM classes of a plan.

Every table carries an integer ``id`` (never reused) and a ``version`` counter that SQLAlchemy
increments on every update and checks on every write, so a change made from a stale copy fails
instead of silently overwriting a newer one (change-log rows are written once and stay at 1).

Times are stored in UTC and carry the IANA zone they were planned in; money is ``Decimal``.
Later issues add tables through Alembic migrations (``planner/migrations``), never by editing
the first revision.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from planner.domain.labels import Clearance, PlaceKind, Role, SessionKind, TravelMode

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class AwareDateTime(TypeDecorator[datetime]):
    """A moment in time: stored as naive UTC, returned as an aware UTC ``datetime``.

    Storing UTC keeps ordering and overlap tests correct in SQL on every backend; the zone a
    time was planned in is kept beside it (``timezone`` columns) to show wall-clock time.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a time without a time zone cannot be stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Money(TypeDecorator[Decimal]):
    """An amount of money: stored as its exact decimal text, returned as ``Decimal``."""

    impl = String(30)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise ValueError("an amount of money must be a Decimal")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        if value is None or value == "":
            return None
        try:
            return Decimal(value)
        except InvalidOperation:
            return None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Entity(Base):
    """A row a user edits: a stable id and a version counter."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}

    @declared_attr.directive
    def __table_args__(cls) -> Any:
        return (*cls._constraints(), {"sqlite_autoincrement": True})

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return ()


# --- the plan --------------------------------------------------------------------------------


class Plan(Entity):
    """The plan itself: one row."""

    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    organiser: Mapped[str] = mapped_column(String(200), default="")
    funding_programme: Mapped[str] = mapped_column(String(200), default="")
    donor: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 3: where people land when their ticket names no airport
    arrival_airport_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL", use_alter=True), index=True
    )
    # plan format 4: the budget's rules (percentages), editable per plan
    per_diem_rate_id: Mapped[int | None] = mapped_column(
        ForeignKey("per_diem_rate.id", ondelete="SET NULL", use_alter=True), index=True
    )
    indirect_rate: Mapped[Decimal] = mapped_column(Money, default=Decimal("7"), server_default="7")
    breakfast_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("5"), server_default="5"
    )
    lunch_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("10"), server_default="10"
    )
    dinner_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("15"), server_default="15"
    )
    lodging_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("50"), server_default="50"
    )
    last_day_share: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("40"), server_default="40"
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("start_date <= end_date", name="dates_in_order"),)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Organisation(Entity):
    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class Delegation(Entity):
    __tablename__ = "delegation"

    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL", use_alter=True), index=True
    )
    colour: Mapped[str] = mapped_column(String(7), default="#4C78A8")
    notes: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship()
    head: Mapped[Person | None] = relationship(foreign_keys=[head_id], post_update=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class Person(Entity):
    __tablename__ = "person"

    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str | None] = mapped_column(String(10))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[str] = mapped_column(String(200), default="")
    duty_station: Mapped[str] = mapped_column(String(200), default="")
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(30), default=Role.TRAINEE)
    role_other: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    id_number: Mapped[str] = mapped_column(String(60), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    nationality: Mapped[str] = mapped_column(String(2), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    dietary_needs: Mapped[str] = mapped_column(String(200), default="")
    accessibility_needs: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship()
    delegation: Mapped[Delegation | None] = relationship(foreign_keys=[delegation_id])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)


class ParticipantGroup(Entity):
    __tablename__ = "participant_group"

    name: Mapped[str] = mapped_column(String(100))
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="SET NULL"), index=True
    )
    colour: Mapped[str] = mapped_column(String(7), default="#72B7B2")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class GroupMember(Entity):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("group_id", "person_id"),)


class Venue(Entity):
    """A place: a training venue, a hotel, an airport, a site a visit stops at."""

    __tablename__ = "venue"

    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 3
    kind: Mapped[str] = mapped_column(String(20), default=PlaceKind.VENUE, server_default="venue")
    code: Mapped[str] = mapped_column(String(10), default="", server_default="")  # IATA
    timezone: Mapped[str] = mapped_column(String(64), default="", server_default="")  # "": plan's
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    opens: Mapped[str] = mapped_column(String(5), default="", server_default="")  # "06:00"
    closes: Mapped[str] = mapped_column(String(5), default="", server_default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class Room(Entity):
    __tablename__ = "room"

    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    equipment: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 4: room hire per day it is used
    day_rate: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="", server_default="")  # "": plan's

    venue: Mapped[Venue] = relationship()

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            UniqueConstraint("venue_id", "name"),
            CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        )


class AgendaSession(Entity):
    """A session of the agenda (called 'session' everywhere a user sees it)."""

    __tablename__ = "agenda_session"

    kind: Mapped[str] = mapped_column(String(20), default=SessionKind.TRAINING)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[datetime] = mapped_column("starts_at", AwareDateTime, index=True)
    end: Mapped[datetime] = mapped_column("ends_at", AwareDateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("room.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("module.id", ondelete="SET NULL"), index=True
    )  # plan format 2

    room: Mapped[Room | None] = relationship()

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("starts_at < ends_at", name="ends_after_start"),)

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(ZoneInfo(self.timezone))


class Module(Entity):
    """A module of the curriculum: what a rotation schedules once for every group."""

    __tablename__ = "module"

    number: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(300))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    room_size: Mapped[int] = mapped_column(Integer, default=0)  # seats needed beyond the group
    equipment: Mapped[str] = mapped_column(String(300), default="")
    colour: Mapped[str] = mapped_column(String(7), default="#4E79A7")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            UniqueConstraint("title"),
            CheckConstraint("duration_minutes > 0", name="has_a_duration"),
        )


class ModuleTrainer(Entity):
    """Who can give a module."""

    __tablename__ = "module_trainer"

    module_id: Mapped[int] = mapped_column(ForeignKey("module.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("module_id", "person_id"),)


class Unavailability(Entity):
    """A time a person cannot be scheduled (a trainer's other commitment)."""

    __tablename__ = "unavailability"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    start: Mapped[datetime] = mapped_column("starts_at", AwareDateTime)
    end: Mapped[datetime] = mapped_column("ends_at", AwareDateTime)
    note: Mapped[str] = mapped_column(String(300), default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("starts_at < ends_at", name="ends_after_start"),)


class Acknowledgement(Entity):
    """A problem of the conflict check that someone looked at and accepted, with a note."""

    __tablename__ = "acknowledgement"

    problem_key: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    user_name: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(AwareDateTime)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("problem_key"),)


class PlanSetting(Entity):
    """A setting kept with the plan (rotation template, import mappings), as JSON."""

    __tablename__ = "plan_setting"

    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("key"),)


class SessionFacilitator(Entity):
    __tablename__ = "session_facilitator"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("session_id", "person_id"),)


class SessionAudience(Entity):
    """Who attends a session: a whole group, a whole delegation, or one person."""

    __tablename__ = "session_audience"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint(
                "(CASE WHEN group_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN delegation_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1",
                name="exactly_one_member",
            ),
        )


# --- travel, accommodation, site visits and vehicles (plan format 3) ----------------------------


class Travel(Entity):
    """An arrival in town or a departure from it: a flight or a journey by road.

    Times are as on the ticket: ``departs_at`` in ``departs_tz``, ``arrives_at`` in
    ``arrives_tz``. An arrival needs the time it lands, a departure the time it leaves.
    ``place_id`` is the airport or terminal in town.
    """

    __tablename__ = "travel"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10))  # arrival, departure
    mode: Mapped[str] = mapped_column(String(10), default=TravelMode.FLIGHT)
    carrier: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(20), default="")
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL"), index=True
    )
    from_place: Mapped[str] = mapped_column(String(200), default="")
    to_place: Mapped[str] = mapped_column(String(200), default="")
    departs_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    departs_tz: Mapped[str] = mapped_column(String(64), default="")
    arrives_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    arrives_tz: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 4: what the ticket costs (one way, or the return fare on one of the two)
    fare: Mapped[Decimal | None] = mapped_column(Money)
    fare_currency: Mapped[str] = mapped_column(String(3), default="", server_default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint("direction IN ('arrival', 'departure')", name="known_direction"),
            CheckConstraint(
                "departs_at IS NULL OR arrives_at IS NULL OR departs_at <= arrives_at",
                name="arrives_after_leaving",
            ),
        )


class RoomBlock(Entity):
    """Rooms a hotel holds for the plan: so many rooms of a type, for some nights, at a rate."""

    __tablename__ = "room_block"

    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    room_type: Mapped[str] = mapped_column(String(60), default="")
    rooms: Mapped[int] = mapped_column(Integer, default=1)
    check_in: Mapped[date] = mapped_column(Date)  # the first night held
    check_out: Mapped[date] = mapped_column(Date)  # the morning after the last night
    nightly_rate: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 4: the rate includes breakfast (the per diem loses the breakfast share)
    breakfast_included: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa_false()
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint("check_in < check_out", name="at_least_a_night"),
            CheckConstraint("rooms >= 0", name="rooms_not_negative"),
        )


class Stay(Entity):
    """A person's nights at a hotel, in a block's room or booked on their own."""

    __tablename__ = "stay"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int | None] = mapped_column(
        ForeignKey("room_block.id", ondelete="SET NULL"), index=True
    )
    check_in: Mapped[date] = mapped_column(Date)
    check_out: Mapped[date] = mapped_column(Date)
    room_type: Mapped[str] = mapped_column(String(60), default="")
    sharing_with_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("check_in < check_out", name="at_least_a_night"),)


class RoadTime(Entity):
    """How long the road takes between two places (either way)."""

    __tablename__ = "road_time"

    from_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    distance_km: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            UniqueConstraint("from_id", "to_id"),
            CheckConstraint("minutes >= 0", name="minutes_not_negative"),
            CheckConstraint("from_id <> to_id", name="two_places"),
        )


class VisitStop(Entity):
    """A stop of a site visit (a session of kind site visit): where, when, who hosts."""

    __tablename__ = "visit_stop"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)
    venue_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL"), index=True
    )
    arrives_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    leaves_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    host_name: Mapped[str] = mapped_column(String(200), default="")
    host_contact: Mapped[str] = mapped_column(String(200), default="")
    clearance: Mapped[str] = mapped_column(String(12), default=Clearance.NOT_NEEDED)
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint(
                "arrives_at IS NULL OR leaves_at IS NULL OR arrives_at <= leaves_at",
                name="leaves_after_arriving",
            ),
        )


class Vehicle(Entity):
    __tablename__ = "vehicle"

    name: Mapped[str] = mapped_column(String(100))
    seats: Mapped[int] = mapped_column(Integer, default=12)  # for passengers, the driver apart
    provider: Mapped[str] = mapped_column(String(200), default="")
    plate: Mapped[str] = mapped_column(String(20), default="")
    day_rate: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    driver_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"), CheckConstraint("seats >= 0", name="seats_not_negative"))


class Ride(Entity):
    """A vehicle on the road: an airport transfer, or a leg of a site visit (``session_id``)."""

    __tablename__ = "ride"

    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicle.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[datetime] = mapped_column("starts_at", AwareDateTime, index=True)
    end: Mapped[datetime] = mapped_column("ends_at", AwareDateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    from_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL"), index=True
    )
    to_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL"), index=True
    )
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("starts_at < ends_at", name="ends_after_start"),)


class RidePassenger(Entity):
    """Who rides: a whole group, a whole delegation, or one person."""

    __tablename__ = "ride_passenger"

    ride_id: Mapped[int] = mapped_column(ForeignKey("ride.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint(
                "(CASE WHEN group_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN delegation_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1",
                name="exactly_one_member",
            ),
        )


class Attendance(Entity):
    """Whether a person was at a session (from the checklist or the signed sheet). A person
    with no row for a session is "not recorded"; the attendance summary counts only those
    marked present."""

    __tablename__ = "attendance"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(300), default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("session_id", "person_id"),)


# --- the change log --------------------------------------------------------------------------


class ChangeSet(Base):
    """One user action: one transaction, one entry (when, who, what)."""

    __tablename__ = "change_set"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(200))


class ChangeLog(Base):
    """One row touched by a change set. ``detail`` holds the changed fields as JSON."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    change_set_id: Mapped[int] = mapped_column(
        ForeignKey("change_set.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    detail: Mapped[str] = mapped_column(Text, default="")


# --- the budget (plan format 4) ------------------------------------------------------------------


class ExportRecord(Base):
    """What a delegation's agenda held when it was last exported, so "what changed" can list
    the changes since. Not an edit of the plan: no change set, never undone."""

    __tablename__ = "export_record"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))  # the export: agenda, itineraries, pdf, ics...
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    change_set_id: Mapped[int] = mapped_column(Integer, default=0)  # the plan's change number
    snapshot: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the sessions as exported


class FundingSource(Entity):
    """Who pays: a donor's programme line, the organisation's own funds."""

    __tablename__ = "funding_source"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class CategoryDefault(Entity):
    """A category's budget code and the funding source its lines default to."""

    __tablename__ = "budget_category"

    category: Mapped[str] = mapped_column(String(30))
    budget_code: Mapped[str] = mapped_column(String(60), default="")
    funding_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_source.id", ondelete="SET NULL"), index=True
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("category"),)


class PerDiemRate(Entity):
    """A daily subsistence allowance for a place, with the share of it that is lodging."""

    __tablename__ = "per_diem_rate"

    location: Mapped[str] = mapped_column(String(100))
    daily_rate: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    lodging_share: Mapped[Decimal | None] = mapped_column(Money)  # percent, e.g. 56
    valid_from: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("location"),)


class ExchangeRate(Entity):
    """Units of a currency for one unit of the plan's currency, for a month (24.70 HNL/USD)."""

    __tablename__ = "exchange_rate"

    currency: Mapped[str] = mapped_column(String(3))
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    units_per_base: Mapped[Decimal] = mapped_column(Money)
    source: Mapped[str] = mapped_column(String(200), default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("currency", "month"),)


class CateringRate(Entity):
    """What a coffee break or a meal costs per head."""

    __tablename__ = "catering_rate"

    kind: Mapped[str] = mapped_column(String(20))  # break, breakfast, lunch, dinner
    per_head: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("kind"),)


class BudgetLine(Entity):
    """A cost entered by hand: interpretation, materials, visibility, fuel, anything else."""

    __tablename__ = "budget_line"

    category: Mapped[str] = mapped_column(String(30), default="other")
    description: Mapped[str] = mapped_column(String(300))
    budget_code: Mapped[str] = mapped_column(String(60), default="")
    funding_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_source.id", ondelete="SET NULL"), index=True
    )
    quantity: Mapped[Decimal] = mapped_column(Money, default=Decimal("1"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    month: Mapped[date | None] = mapped_column(Date)  # the exchange rate's; None: plan's start
    actual: Mapped[Decimal | None] = mapped_column(Money)  # spent, in the plan's currency
    notes: Mapped[str] = mapped_column(Text, default="")


class BudgetActual(Entity):
    """What was actually spent on a line the plan computes (by the line's stable key)."""

    __tablename__ = "budget_actual"

    line_key: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(Money)  # in the plan's currency
    note: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("line_key"),)


def table_of(cls: type[Base]) -> Table:
    """A mapped class's table, typed as a Table (for Core statements)."""
    return cast(Table, cls.__table__)


ENTITY_CLASSES: dict[str, type[Entity]] = {
    cls.__tablename__: cls
    for cls in (
        Plan,
        Organisation,
        Delegation,
        Person,
        ParticipantGroup,
        GroupMember,
        Venue,
        Room,
        AgendaSession,
        SessionFacilitator,
        SessionAudience,
        Module,
        ModuleTrainer,
        Unavailability,
        Acknowledgement,
        PlanSetting,
        Travel,
        RoomBlock,
        Stay,
        RoadTime,
        VisitStop,
        Vehicle,
        Ride,
        RidePassenger,
        FundingSource,
        CategoryDefault,
        PerDiemRate,
        ExchangeRate,
        CateringRate,
        BudgetLine,
        BudgetActual,
        Attendance,
    )
}
