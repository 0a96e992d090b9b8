"""Logistics: venues and their rooms, journeys, hotel room blocks and stays, road times, the
stops of site visits, vehicles and rides, with their validators; turning the transfers the
program proposes into rides (:func:`accept_transfers`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planner.domain.errors import FieldError
from planner.domain.i18n import N_, _
from planner.domain.labels import Clearance, Direction, PlaceKind, SessionKind, TravelMode
from planner.domain.model import (
    AgendaSession,
    Person,
    Ride,
    RoadTime,
    Room,
    RoomBlock,
    Stay,
    Travel,
    Vehicle,
    Venue,
    VisitStop,
)
from planner.operations.batches import CreatedMany, create_many
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation
from planner.store import PlanStore

MAX_RIDE_LENGTH = timedelta(days=2)
CLOCK_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _validate_venue(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.text("city", N_("City"), 100)
    c.text("address", N_("Address"), 300)
    c.text("code", N_("Code"), 10)
    if name:
        c.unique("name", N_("Name"), name, session.execute(select(Venue.id, Venue.name)), own_id)
    c.choice("kind", N_("Kind"), set(PlaceKind))
    c.zone("timezone")
    for key, label, limit in (
        ("latitude", N_("Latitude"), 90),
        ("longitude", N_("Longitude"), 180),
    ):
        value = v.get(key)
        if value is not None and (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not -limit <= value <= limit
        ):
            c.add(
                key,
                _("{field} must be a number from -{limit} to {limit}.").format(
                    field=_(label), limit=limit
                ),
            )
    opens, closes = v.get("opens") or "", v.get("closes") or ""
    for key, value, label in (("opens", opens, N_("Opens")), ("closes", closes, N_("Closes"))):
        if value and not CLOCK_RE.match(value):
            c.add(key, _("{field}: write the time like 06:00 or 18:30.").format(field=_(label)))
    if bool(opens) != bool(closes):
        c.add(
            "closes" if opens else "opens",
            _("Give both the opening and the closing time, or neither."),
        )
    elif opens and closes and CLOCK_RE.match(opens) and CLOCK_RE.match(closes) and closes <= opens:
        c.add("closes", _("The place must close after it opens."))
    return c.errors


def _validate_room(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 100, required=True)
    c.text("equipment", N_("Equipment"), 300)
    venue_id = v.get("venue_id")
    if venue_id is None:
        c.add("venue_id", _("Choose the venue the room belongs to."))
    else:
        c.exists(session, "venue_id", Venue, N_("venue"))
        if name:
            c.unique(
                "name",
                N_("Name"),
                name,
                session.execute(select(Room.id, Room.name).where(Room.venue_id == venue_id)),
                own_id,
            )
    capacity = v.get("capacity", 0)
    if not isinstance(capacity, int) or isinstance(capacity, bool):
        c.add("capacity", _("Capacity must be a whole number."))
    elif not 0 <= capacity <= 100_000:
        c.add("capacity", _("Capacity must be between 0 and 100,000 people."))
    c.money("day_rate", N_("Day rate"))
    c.currency("currency", blank=True)
    return c.errors


def _validate_travel(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "person_id", Person, N_("person"), _("Choose who travels."))
    c.choice("direction", N_("Direction"), set(Direction))
    c.choice("mode", N_("Travel by"), set(TravelMode))
    c.text("carrier", N_("Airline or carrier"), 100)
    c.text("number", N_("Flight or service no."), 20)
    c.text("from_place", N_("From"), 200)
    c.text("to_place", N_("To"), 200)
    c.exists(session, "place_id", Venue, N_("airport or terminal"))
    arrival = v.get("direction") == Direction.ARRIVAL
    departs = c.moment("departs_at", N_("Departs"), required=not arrival)
    arrives = c.moment("arrives_at", N_("Arrives"), required=arrival)
    c.zone("departs_tz")
    c.zone("arrives_tz")
    if departs and arrives:
        if arrives < departs:
            c.add(
                "arrives_at",
                _(
                    "The journey must arrive after it departs (times are local;"
                    " check the time zones)."
                ),
            )
        elif arrives - departs > timedelta(days=3):
            c.add("arrives_at", _("A journey lasts at most 3 days; check the dates."))
    c.money("fare", N_("Fare"))
    c.currency("fare_currency", blank=True)
    return c.errors


def _validate_room_block(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "venue_id", Venue, N_("hotel"), _("Choose the hotel."))
    c.text("room_type", N_("Room type"), 60)
    c.whole("rooms", N_("Rooms"), 0, 10_000)
    first = c.date_value("check_in", N_("Check-in"), required=True)
    last = c.date_value("check_out", N_("Check-out"), required=True)
    if first and last and last <= first:
        c.add("check_out", _("Check-out must be at least one day after check-in."))
    c.money("nightly_rate", N_("Nightly rate"))
    c.currency("currency")
    cutoff = c.date_value("cutoff", N_("Cut-off date"))
    if cutoff and last and cutoff >= last:
        c.add("cutoff", _("The cut-off date must come before the block's check-out."))
    c.whole("attrition_percent", N_("Attrition allowance"), 0, 100, required=False)
    return c.errors


def _validate_stay(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "person_id", Person, N_("person"), _("Choose who stays."))
    c.required_ref(session, "venue_id", Venue, N_("hotel"), _("Choose the hotel."))
    c.text("room_type", N_("Room type"), 60)
    first = c.date_value("check_in", N_("Check-in"), required=True)
    last = c.date_value("check_out", N_("Check-out"), required=True)
    if first and last and last <= first:
        c.add("check_out", _("Check-out must be at least one day after check-in."))
    block_id = v.get("block_id")
    if block_id is not None:
        block = session.get(RoomBlock, block_id) if isinstance(block_id, int) else None
        if block is None:
            c.add("block_id", _("The chosen room block no longer exists; choose another."))
        elif block.venue_id != v.get("venue_id"):
            c.add(
                "block_id",
                _(
                    "The room block belongs to another hotel; choose one of this"
                    " hotel's blocks, or none."
                ),
            )
    sharing = v.get("sharing_with_id")
    if sharing is not None:
        if sharing == v.get("person_id"):
            c.add("sharing_with_id", _("A person cannot share a room with themselves."))
        else:
            c.exists(session, "sharing_with_id", Person, N_("person"))
    return c.errors


def _validate_road_time(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "from_id", Venue, N_("place"), _("Choose where the road starts."))
    c.required_ref(session, "to_id", Venue, N_("place"), _("Choose where the road ends."))
    c.whole("minutes", N_("Minutes"), 0, 3 * 24 * 60)
    c.whole("distance_km", N_("Distance (km)"), 0, 10_000, required=False)
    a, b = v.get("from_id"), v.get("to_id")
    if a is not None and a == b:
        c.add("to_id", _("Choose two different places."))
    elif a is not None and b is not None:
        other = session.execute(
            select(RoadTime.id).where(
                or_(
                    (RoadTime.from_id == a) & (RoadTime.to_id == b),
                    (RoadTime.from_id == b) & (RoadTime.to_id == a),
                ),
                RoadTime.id != (own_id or 0),
            )
        ).first()
        if other is not None:
            c.add(
                "to_id",
                _(
                    "The road time between these places is already in the plan"
                    " (either way); edit that one."
                ),
            )
    return c.errors


def _validate_stop(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    visit = v.get("session_id")
    if visit is None:
        c.add("session_id", _("Choose the site visit this stop belongs to."))
    else:
        found = session.get(AgendaSession, visit) if isinstance(visit, int) else None
        if found is None:
            c.add("session_id", _("The chosen site visit no longer exists; choose another."))
        elif found.kind != SessionKind.SITE_VISIT:
            c.add(
                "session_id",
                _(
                    "Stops belong to sessions of the kind Site visit; change the"
                    " session's kind first."
                ),
            )
    c.whole("position", N_("Order"), 1, 99)
    c.required_ref(session, "venue_id", Venue, N_("place"), _("Choose the place of the stop."))
    arrives = c.moment("arrives_at", N_("Arrives"))
    leaves = c.moment("leaves_at", N_("Leaves"))
    if arrives and leaves and leaves < arrives:
        c.add("leaves_at", _("The visit must leave a stop after it arrives there."))
    if not arrives and not leaves:
        c.add("arrives_at", _("Give the time the visit arrives, leaves, or both."))
    c.text("host_name", N_("Host"), 200)
    c.text("host_contact", N_("Host's phone or email"), 200)
    c.choice("clearance", N_("Clearance"), set(Clearance))
    return c.errors


def _validate_vehicle(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 100, required=True)
    if name:
        c.unique(
            "name", N_("Name"), name, session.execute(select(Vehicle.id, Vehicle.name)), own_id
        )
    c.whole("seats", N_("Passenger seats"), 0, 100)
    c.text("provider", N_("Provider"), 200)
    c.text("plate", N_("Plate"), 20)
    c.money("day_rate", N_("Day rate"))
    c.currency("currency")
    c.exists(session, "driver_id", Person, N_("driver"))
    return c.errors


def _validate_ride(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.text("title", N_("Title"), 200)
    c.exists(session, "vehicle_id", Vehicle, N_("vehicle"))
    start = c.moment("start", N_("Start"), required=True)
    end = c.moment("end", N_("End"), required=True)
    if start and end:
        if end <= start:
            c.add("end", _("The ride must end after it starts."))
        elif end - start > MAX_RIDE_LENGTH:
            c.add("end", _("A ride lasts at most 2 days; split longer journeys."))
    c.zone("timezone")
    c.exists(session, "from_id", Venue, N_("place"))
    c.exists(session, "to_id", Venue, N_("place"))
    c.exists(session, "session_id", AgendaSession, N_("site visit"))
    c.units(session, "passengers")
    return c.errors


def _airport_zone(session: Session, values: dict[str, Any], zone_key: str) -> str | None:
    """A journey's local end (where it arrives, or where it departs from) is in the zone of
    its airport or terminal."""
    place_id = values.get("place_id")
    local_end = "arrives" if values.get("direction") == Direction.ARRIVAL else "departs"
    if zone_key.startswith(local_end) and isinstance(place_id, int):
        place = session.get(Venue, place_id)
        return place.timezone if place is not None else None
    return None


VENUE = Kind(
    "venue",
    Venue,
    (
        "name",
        "kind",
        "city",
        "address",
        "code",
        "timezone",
        "latitude",
        "longitude",
        "opens",
        "closes",
        "notes",
    ),
    _validate_venue,
    {"kind": PlaceKind.VENUE},
    upper=("code",),
)
ROOM = Kind(
    "room",
    Room,
    ("venue_id", "name", "capacity", "equipment", "notes", "day_rate", "currency"),
    _validate_room,
    {"capacity": 0},
    upper=("currency",),
)
TRAVEL = Kind(
    "travel",
    Travel,
    (
        "person_id",
        "direction",
        "mode",
        "carrier",
        "number",
        "place_id",
        "from_place",
        "to_place",
        "departs_at",
        "departs_tz",
        "arrives_at",
        "arrives_tz",
        "notes",
        "fare",
        "fare_currency",
    ),
    _validate_travel,
    {"direction": Direction.ARRIVAL, "mode": TravelMode.FLIGHT},
    upper=("number", "fare_currency"),
    zones=(("departs_tz", "departs_at"), ("arrives_tz", "arrives_at")),
    place_zone=_airport_zone,
)
ROOM_BLOCK = Kind(
    "room_block",
    RoomBlock,
    (
        "venue_id",
        "room_type",
        "rooms",
        "check_in",
        "check_out",
        "nightly_rate",
        "currency",
        "notes",
        "breakfast_included",
        "cutoff",
        "attrition_percent",
    ),
    _validate_room_block,
    {"rooms": 1, "currency": "USD"},
    upper=("currency",),
)
STAY = Kind(
    "stay",
    Stay,
    (
        "person_id",
        "venue_id",
        "block_id",
        "check_in",
        "check_out",
        "room_type",
        "sharing_with_id",
        "notes",
    ),
    _validate_stay,
)
ROAD_TIME = Kind(
    "road_time",
    RoadTime,
    ("from_id", "to_id", "minutes", "distance_km", "notes"),
    _validate_road_time,
    {"minutes": 60},
)
STOP = Kind(
    "stop",
    VisitStop,
    (
        "session_id",
        "position",
        "venue_id",
        "arrives_at",
        "leaves_at",
        "host_name",
        "host_contact",
        "clearance",
        "notes",
    ),
    _validate_stop,
    {"position": 1, "clearance": Clearance.NOT_NEEDED},
)
VEHICLE = Kind(
    "vehicle",
    Vehicle,
    ("name", "seats", "provider", "plate", "day_rate", "currency", "driver_id", "notes"),
    _validate_vehicle,
    {"seats": 12, "currency": "USD"},
    upper=("currency", "plate"),
)
RIDE = Kind(
    "ride",
    Ride,
    (
        "vehicle_id",
        "title",
        "start",
        "end",
        "timezone",
        "from_id",
        "to_id",
        "session_id",
        "notes",
    ),
    _validate_ride,
    links=("passengers",),
    zones=(("timezone", "start"),),
)

register(VENUE, ROOM, TRAVEL, ROOM_BLOCK, STAY, ROAD_TIME, STOP, VEHICLE, RIDE)


# --- transfers ----------------------------------------------------------------------------------


class RideProposal(Protocol):
    """A ride the program proposes (:class:`planner.rules.transfers.Proposal`)."""

    def ride_values(self) -> dict[str, Any]: ...


def accept_transfers(store: PlanStore, proposals: Sequence[RideProposal]) -> CreatedMany:
    """Create the rides of the chosen transfer proposals in one transaction."""
    return create_many(
        store, "ride", [p.ride_values() for p in proposals], action=_("Add airport transfers")
    )
