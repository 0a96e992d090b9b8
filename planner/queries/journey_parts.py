"""The journey's parts of a plan read once (:mod:`planner.queries.snapshot`'s ``LOGISTICS``):
places, tickets, hotel stays and room blocks, vehicles, rides and the stops of site visits, as
plain data. Times are seconds since the epoch (UTC)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from planner.queries.membership import Unit


def local(seconds: int, zone: ZoneInfo) -> datetime:
    """Seconds since the epoch as an aware datetime in ``zone``."""
    return datetime.fromtimestamp(seconds, UTC).astimezone(zone)


# --- travel, beds, places, roads and vehicles (LOGISTICS) ---------------------------------------


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    kind: str  # a PlaceKind
    zone: ZoneInfo  # its own, else the plan's
    opens: str  # "06:00", "" when always open
    closes: str


@dataclass(frozen=True)
class Trip:
    """An arrival in town or a departure from it."""

    id: int
    person: int
    arrival: bool
    at: int  # seconds since the epoch: landing (arrival) or leaving (departure)
    zone: ZoneInfo  # of that end, as written on the ticket (else the plan's)
    place: int | None  # the airport or terminal in town (the plan's airport when none)
    number: str
    carrier: str
    other: str  # where it comes from (an arrival) or goes to (a departure)
    flight: bool
    other_at: int | None = None  # the far end's time (an arrival's take-off), if known
    other_zone: ZoneInfo | None = None

    @property
    def direction(self) -> str:
        return "arrival" if self.arrival else "departure"

    @property
    def label(self) -> str:
        """ "CM 421", "Copa Airlines", or "" for a journey by road with no number."""
        return (self.number or self.carrier or "").strip()

    @property
    def when(self) -> datetime:
        """``at`` as the ticket shows it."""
        return local(self.at, self.zone)

    @property
    def far_when(self) -> datetime | None:
        """The far end's time as the ticket shows it (None when not known)."""
        far = self.other_at
        return None if far is None else local(far, self.other_zone or self.zone)


@dataclass(frozen=True)
class Stay:
    id: int
    person: int
    venue: int
    block: int | None
    check_in: date
    check_out: date
    sharing: int | None


@dataclass(frozen=True)
class RoomBlock:
    id: int
    venue: int
    room_type: str
    rooms: int
    check_in: date
    check_out: date
    cutoff: date | None = None  # rooms not named by then go back to the hotel
    attrition: int | None = None  # percent of the room-nights held that may go unused
    rate: Decimal | None = None  # a room-night's, in ``currency``
    currency: str = ""


class Vehicle(NamedTuple):
    name: str
    seats: int
    driver: int | None


@dataclass(frozen=True)
class Ride:
    id: int
    vehicle: int | None
    title: str
    start: int  # seconds since the epoch
    end: int
    zone: ZoneInfo  # its own, else the plan's
    origin: int | None
    destination: int | None
    visit: int | None  # the site-visit session it is a leg of
    units: frozenset[Unit]  # its passengers


@dataclass(frozen=True)
class Stop:
    id: int
    position: int
    venue: int | None
    arrives: int | None  # seconds since the epoch
    leaves: int | None
    host_name: str
    host_contact: str
    clearance: str = ""  # the site's access clearance: a Clearance


@dataclass
class Logistics:
    """Travel, beds, places, roads and vehicles (plan format 3)."""

    places: dict[int, Place] = field(default_factory=dict)
    roads: dict[tuple[int, int], int] = field(default_factory=dict)  # minutes, both ways
    trips: dict[int, list[Trip]] = field(default_factory=dict)  # person -> by time
    travellers: set[int] = field(default_factory=set)  # people with a journey in the plan
    stays: list[Stay] = field(default_factory=list)
    blocks: dict[int, RoomBlock] = field(default_factory=dict)
    vehicles: dict[int, Vehicle] = field(default_factory=dict)
    rides: dict[int, Ride] = field(default_factory=dict)
    stops: dict[int, list[Stop]] = field(default_factory=dict)  # visit session -> in order
    contacts: dict[int, str] = field(default_factory=dict)  # drivers', logistics staff's phones

    def all_trips(self) -> list[Trip]:
        """Every journey, in the order they were entered."""
        return sorted((t for trips in self.trips.values() for t in trips), key=lambda t: t.id)

    def place_name(self, place: int | None) -> str:
        found = self.places.get(place) if place is not None else None
        return found.name if found is not None else ""
