"""Places and getting about: venues and their rooms, travel (arrivals and departures), room
blocks and stays, road times, a site visit's stops, vehicles, rides and their passengers.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.labels import Clearance, PlaceKind, TravelMode
from planner.domain.model.base import AwareDateTime, Entity, Money


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
    # plan format 6: the day rooms not yet named go back to the hotel (the release date), and
    # the share of the room-nights held that may go unused without being charged
    cutoff: Mapped[date | None] = mapped_column(Date)
    attrition_percent: Mapped[int | None] = mapped_column(Integer)

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
