"""Places, rooms, travel, accommodation, site visits and vehicles, as lists.

Times are shown where they happen: a journey's ends in the zones written on the ticket, a ride
in its own zone, a visit's stops in the visit's zone; the plan's zone when none is written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from planner.domain.reference import fold
from planner.queries.common import UnitNames, Zones, full_name, money, person_names, place_label
from planner.queries.membership import Membership
from planner.store import PlanStore, parse_date, parse_time


@dataclass(frozen=True)
class VenueRow:
    id: int
    version: int
    name: str
    city: str
    address: str
    rooms: int
    capacity: int
    kind: str = "venue"  # a PlaceKind
    code: str = ""  # an airport's IATA code
    timezone: str = ""  # "": the plan's
    opens: str = ""  # "06:00", "" if always open or not known
    closes: str = ""


@dataclass(frozen=True)
class RoomRow:
    id: int
    version: int
    venue_id: int
    venue: str
    name: str
    capacity: int
    equipment: str
    sessions: int


def venues(store: PlanStore) -> list[VenueRow]:
    with store.reading() as r:
        stats = {
            vid: (n, cap or 0)
            for vid, n, cap in r.rows(
                "SELECT venue_id, count(*), sum(capacity) FROM room GROUP BY venue_id"
            )
        }
        return [
            VenueRow(
                i, v, name, city, address, *stats.get(i, (0, 0)), kind, code, tz, opens, closes
            )
            for i, v, name, city, address, kind, code, tz, opens, closes in r.rows(
                "SELECT id, version, name, city, address, kind, code, timezone, opens, closes"
                " FROM venue ORDER BY id"
            )
        ]


def rooms(store: PlanStore) -> list[RoomRow]:
    with store.reading() as r:
        uses = dict(r.rows("SELECT room_id, count(*) FROM agenda_session GROUP BY room_id"))
        return [
            RoomRow(i, v, vid, vname, name, cap, equipment, uses.get(i, 0))
            for i, v, vid, vname, name, cap, equipment in r.rows(
                "SELECT r.id, r.version, r.venue_id, v.name, r.name, r.capacity, r.equipment"
                " FROM room r JOIN venue v ON v.id = r.venue_id ORDER BY r.id"
            )
        ]


@dataclass(frozen=True)
class TravelRow:
    id: int
    version: int
    person_id: int
    person: str
    delegation: str
    delegation_colour: str
    direction: str  # a Direction
    mode: str  # a TravelMode
    carrier: str
    number: str
    place_id: int | None
    place: str  # the airport or terminal in town, with its code
    from_place: str
    to_place: str
    departs: datetime | None  # aware, in the zone written on the ticket
    arrives: datetime | None
    notes: str

    @property
    def at(self) -> datetime | None:
        """When it happens in town: landing for an arrival, leaving for a departure."""
        return self.arrives if self.direction == "arrival" else self.departs

    @property
    def other_end(self) -> str:
        """Where the journey comes from (an arrival) or goes to (a departure)."""
        return self.from_place if self.direction == "arrival" else self.to_place

    @property
    def flight(self) -> str:
        if self.carrier and self.number and not self.number.startswith(self.carrier):
            return f"{self.carrier} {self.number}"
        return self.number or self.carrier

    @property
    def name(self) -> str:
        return " — ".join(p for p in (self.person, self.flight) if p)


@dataclass(frozen=True)
class RoomBlockRow:
    id: int
    version: int
    venue_id: int
    hotel: str
    room_type: str
    rooms: int
    check_in: date
    check_out: date
    nightly_rate: Decimal | None
    currency: str
    stays: int  # stays booked in the block
    notes: str
    # the room-nights its stays use, as the budget counts them (two sharing a room use one):
    # filled by planner.rules.budget_blocks.room_blocks, 0 as read here
    used: int = 0

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def held(self) -> int:
        """The room-nights the block holds as contracted: rooms × nights."""
        return self.rooms * self.nights

    @property
    def released(self) -> int:
        """The room-nights held that no stay uses (never below zero)."""
        return max(self.held - self.used, 0)

    @property
    def total(self) -> Decimal | None:
        """What the whole block costs as held: rooms × nights × rate."""
        return self._cost(self.held)

    @property
    def used_total(self) -> Decimal | None:
        """What the room-nights used cost: what the budget counts."""
        return self._cost(self.used)

    @property
    def released_total(self) -> Decimal | None:
        return self._cost(self.released)

    def _cost(self, room_nights: int) -> Decimal | None:
        return None if self.nightly_rate is None else self.nightly_rate * room_nights

    @property
    def name(self) -> str:
        return " — ".join(p for p in (self.hotel, self.room_type) if p)


@dataclass(frozen=True)
class StayRow:
    id: int
    version: int
    person_id: int
    person: str
    delegation: str
    delegation_colour: str
    venue_id: int
    hotel: str
    block_id: int | None
    room_type: str
    check_in: date
    check_out: date
    sharing_with: str
    notes: str

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def name(self) -> str:
        return self.person


@dataclass(frozen=True)
class RoadTimeRow:
    id: int
    version: int
    from_id: int
    from_name: str
    to_id: int
    to_name: str
    minutes: int
    distance_km: int | None
    notes: str

    @property
    def name(self) -> str:
        return f"{self.from_name} ↔ {self.to_name}"


@dataclass(frozen=True)
class SiteVisitRow:
    id: int
    version: int
    title: str
    start: datetime  # aware, in the session's zone
    end: datetime
    stops: int
    route: str  # the stops' places in order
    clearances: tuple[tuple[str, int], ...]  # (Clearance, how many stops), worst first
    audience: str
    audience_size: int
    rides: int
    vehicles: str

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class StopRow:
    id: int
    version: int
    session_id: int
    visit: str
    position: int
    venue_id: int | None
    place: str
    arrives: datetime | None  # aware, in the visit's zone
    leaves: datetime | None
    host_name: str
    host_contact: str
    clearance: str  # a Clearance
    opens: str  # the place's opening hours, "" if not known
    closes: str
    notes: str

    @property
    def name(self) -> str:
        return self.place or str(self.position)


@dataclass(frozen=True)
class VehicleRow:
    id: int
    version: int
    name: str
    seats: int
    provider: str
    plate: str
    day_rate: Decimal | None
    currency: str
    driver_id: int | None
    driver: str
    driver_phone: str
    rides: int
    notes: str


@dataclass(frozen=True)
class RideRow:
    id: int
    version: int
    vehicle_id: int | None
    vehicle: str
    seats: int | None  # the vehicle's passenger seats
    title: str
    start: datetime  # aware, in the ride's zone
    end: datetime
    from_id: int | None
    from_name: str
    to_id: int | None
    to_name: str
    session_id: int | None
    visit: str  # the site visit's title, "" for a transfer
    passengers: str
    passenger_count: int  # people, each counted once
    notes: str

    @property
    def name(self) -> str:
        return self.title or " → ".join(p for p in (self.from_name, self.to_name) if p)

    @property
    def overfull(self) -> bool:
        return self.seats is not None and self.passenger_count > self.seats


CLEARANCE_ORDER = ("refused", "requested", "confirmed", "not_needed")  # worst first


def travels(store: PlanStore) -> list[TravelRow]:
    with store.reading() as r:
        zones = Zones.read(r)
        return [
            TravelRow(
                i,
                v,
                pid,
                full_name(g or "", f or ""),
                dname or "",
                dcolour or "",
                direction,
                mode,
                carrier,
                number,
                place_id,
                place_label(pname, code),
                from_place,
                to_place,
                zones.local(departs, departs_tz),
                zones.local(arrives, arrives_tz),
                notes,
            )
            for (
                i,
                v,
                pid,
                g,
                f,
                dname,
                dcolour,
                direction,
                mode,
                carrier,
                number,
                place_id,
                pname,
                code,
                from_place,
                to_place,
                departs,
                departs_tz,
                arrives,
                arrives_tz,
                notes,
            ) in r.rows(
                "SELECT t.id, t.version, t.person_id, p.given_name, p.family_name, d.name,"
                " d.colour, t.direction, t.mode, t.carrier, t.number, t.place_id, pl.name,"
                " pl.code, t.from_place, t.to_place, t.departs_at, t.departs_tz, t.arrives_at,"
                " t.arrives_tz, t.notes FROM travel t"
                " JOIN person p ON p.id = t.person_id"
                " LEFT JOIN delegation d ON d.id = p.delegation_id"
                " LEFT JOIN venue pl ON pl.id = t.place_id ORDER BY t.id"
            )
        ]


def room_blocks(store: PlanStore) -> list[RoomBlockRow]:
    with store.reading() as r:
        booked = dict(
            r.rows(
                "SELECT block_id, count(*) FROM stay WHERE block_id IS NOT NULL GROUP BY block_id"
            )
        )
        rows = []
        for i, v, vid, hotel, room_type, n, first, last, rate, currency, notes in r.rows(
            "SELECT b.id, b.version, b.venue_id, h.name, b.room_type, b.rooms, b.check_in,"
            " b.check_out, b.nightly_rate, b.currency, b.notes FROM room_block b"
            " JOIN venue h ON h.id = b.venue_id ORDER BY b.id"
        ):
            check_in, check_out = parse_date(first), parse_date(last)
            assert check_in is not None and check_out is not None
            rows.append(
                RoomBlockRow(
                    i,
                    v,
                    vid,
                    hotel,
                    room_type,
                    n,
                    check_in,
                    check_out,
                    money(rate),
                    currency,
                    booked.get(i, 0),
                    notes,
                )
            )
        return rows


def stays(store: PlanStore) -> list[StayRow]:
    with store.reading() as r:
        names = person_names(r)
        rows = []
        for (
            i,
            v,
            pid,
            dname,
            dcolour,
            vid,
            hotel,
            block,
            first,
            last,
            room_type,
            sharing,
            notes,
        ) in r.rows(
            "SELECT s.id, s.version, s.person_id, d.name, d.colour, s.venue_id, h.name,"
            " s.block_id, s.check_in, s.check_out, s.room_type, s.sharing_with_id, s.notes"
            " FROM stay s JOIN person p ON p.id = s.person_id"
            " LEFT JOIN delegation d ON d.id = p.delegation_id"
            " JOIN venue h ON h.id = s.venue_id ORDER BY s.id"
        ):
            check_in, check_out = parse_date(first), parse_date(last)
            assert check_in is not None and check_out is not None
            rows.append(
                StayRow(
                    i,
                    v,
                    pid,
                    names.get(pid, "?"),
                    dname or "",
                    dcolour or "",
                    vid,
                    hotel,
                    block,
                    room_type,
                    check_in,
                    check_out,
                    names.get(sharing, "") if sharing is not None else "",
                    notes,
                )
            )
        return rows


def road_times(store: PlanStore) -> list[RoadTimeRow]:
    with store.reading() as r:
        return [
            RoadTimeRow(i, v, a, an, b, bn, minutes, km, notes)
            for i, v, a, an, b, bn, minutes, km, notes in r.rows(
                "SELECT t.id, t.version, t.from_id, a.name, t.to_id, b.name, t.minutes,"
                " t.distance_km, t.notes FROM road_time t"
                " JOIN venue a ON a.id = t.from_id JOIN venue b ON b.id = t.to_id ORDER BY t.id"
            )
        ]


def site_visits(store: PlanStore) -> list[SiteVisitRow]:
    """Sessions of the kind site visit, with their stops, clearances, rides and who goes."""
    with store.reading() as r:
        zones = Zones.read(r)
        units = UnitNames(r, person_names(r))
        audience = units.read(r, "session_audience", "session_id")
        route: dict[int, list[str]] = defaultdict(list)
        clearances: dict[int, Counter[str]] = defaultdict(Counter)
        for sid, place, clearance in r.rows(
            "SELECT s.session_id, v.name, s.clearance FROM visit_stop s"
            " LEFT JOIN venue v ON v.id = s.venue_id ORDER BY s.session_id, s.position, s.id"
        ):
            route[sid].append(place or "?")
            clearances[sid][clearance] += 1
        rides: Counter[int] = Counter()
        vehicles: dict[int, set[str]] = defaultdict(set)
        for sid, vname in r.rows(
            "SELECT r.session_id, v.name FROM ride r"
            " LEFT JOIN vehicle v ON v.id = r.vehicle_id"
            " WHERE r.session_id IS NOT NULL ORDER BY r.id"
        ):
            rides[sid] += 1
            if vname:
                vehicles[sid].add(vname)
        rows = []
        for sid, version, title, start, end, tz in r.rows(
            "SELECT id, version, title, starts_at, ends_at, timezone FROM agenda_session"
            " WHERE kind = 'site_visit' ORDER BY id"
        ):
            zone = zones(tz)
            counts = clearances.get(sid, Counter())
            rows.append(
                SiteVisitRow(
                    sid,
                    version,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    len(route.get(sid, [])),
                    " → ".join(route.get(sid, [])),
                    tuple((c, counts[c]) for c in CLEARANCE_ORDER if counts[c])
                    + tuple((c, n) for c, n in sorted(counts.items()) if c not in CLEARANCE_ORDER),
                    units.summary(audience.get(sid, [])),
                    len(units.people_in(audience.get(sid, []))),
                    rides.get(sid, 0),
                    ", ".join(sorted(vehicles.get(sid, set()), key=fold)),
                )
            )
        return rows


def stops(store: PlanStore) -> list[StopRow]:
    with store.reading() as r:
        zones = Zones.read(r)
        return [
            StopRow(
                i,
                v,
                sid,
                title,
                position,
                vid,
                place or "",
                zones.local(arrives, tz),
                zones.local(leaves, tz),
                host,
                contact,
                clearance,
                opens or "",
                closes or "",
                notes,
            )
            for (
                i,
                v,
                sid,
                title,
                tz,
                position,
                vid,
                place,
                arrives,
                leaves,
                host,
                contact,
                clearance,
                opens,
                closes,
                notes,
            ) in r.rows(
                "SELECT s.id, s.version, s.session_id, a.title, a.timezone, s.position,"
                " s.venue_id, p.name, s.arrives_at, s.leaves_at, s.host_name, s.host_contact,"
                " s.clearance, p.opens, p.closes, s.notes FROM visit_stop s"
                " JOIN agenda_session a ON a.id = s.session_id"
                " LEFT JOIN venue p ON p.id = s.venue_id ORDER BY s.id"
            )
        ]


def vehicles(store: PlanStore) -> list[VehicleRow]:
    with store.reading() as r:
        uses = dict(
            r.rows(
                "SELECT vehicle_id, count(*) FROM ride WHERE vehicle_id IS NOT NULL"
                " GROUP BY vehicle_id"
            )
        )
        return [
            VehicleRow(
                i,
                v,
                name,
                seats,
                provider,
                plate,
                money(rate),
                currency,
                driver_id,
                full_name(g or "", f or ""),
                phone or "",
                uses.get(i, 0),
                notes,
            )
            for (
                i,
                v,
                name,
                seats,
                provider,
                plate,
                rate,
                currency,
                driver_id,
                g,
                f,
                phone,
                notes,
            ) in r.rows(
                "SELECT v.id, v.version, v.name, v.seats, v.provider, v.plate, v.day_rate,"
                " v.currency, v.driver_id, p.given_name, p.family_name, p.phone, v.notes"
                " FROM vehicle v LEFT JOIN person p ON p.id = v.driver_id ORDER BY v.id"
            )
        ]


def rides(store: PlanStore) -> list[RideRow]:
    with store.reading() as r:
        zones = Zones.read(r)
        units = UnitNames(r, person_names(r))
        passengers = units.read(r, "ride_passenger", "ride_id")
        places = dict(r.rows("SELECT id, name FROM venue ORDER BY id"))
        visits = dict(
            r.rows(
                "SELECT id, title FROM agenda_session WHERE id IN"
                " (SELECT session_id FROM ride) ORDER BY id"
            )
        )
        rows = []
        for i, v, vid, vname, seats, title, start, end, tz, a, b, sid, notes in r.rows(
            "SELECT r.id, r.version, r.vehicle_id, v.name, v.seats, r.title, r.starts_at,"
            " r.ends_at, r.timezone, r.from_id, r.to_id, r.session_id, r.notes FROM ride r"
            " LEFT JOIN vehicle v ON v.id = r.vehicle_id ORDER BY r.id"
        ):
            zone = zones(tz)
            who = passengers.get(i, [])
            rows.append(
                RideRow(
                    i,
                    v,
                    vid,
                    vname or "",
                    seats,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    a,
                    places.get(a, "") if a else "",
                    b,
                    places.get(b, "") if b else "",
                    sid,
                    visits.get(sid, "") if sid else "",
                    units.summary(who),
                    len(units.people_in(who)),
                    notes,
                )
            )
        return rows


def place_zone(store: PlanStore, place_id: int | None) -> str:
    """A place's time zone, "" when it has none of its own (or no place is given)."""
    if place_id is None:
        return ""
    with store.reading() as r:
        return str(r.value("SELECT timezone FROM venue WHERE id = :i", {"i": place_id}) or "")


# --- a site visit's clearance list ---------------------------------------------------------------


class VisitGoers(NamedTuple):
    """Who goes on a site visit (its audience, facilitators and the drivers of its vehicles),
    as its hosts' clearance list names them, and its stops' hosts."""

    title: str
    # (id, family names, given names, organisation, position, nationality, id number, role,
    # sex); the id number "" without ``personal``
    people: list[tuple[int, str, str, str, str, str, str, str, str | None]]
    stops: list[tuple[str | None, str, str]]  # (place, host, clearance) in order


def visit_goers(store: PlanStore, visit_id: int, *, personal: bool) -> VisitGoers | None:
    """Who goes on a site visit (None when there is no such session)."""
    with store.reading() as r:
        found = r.rows(
            "SELECT s.title, s.starts_at, p.timezone FROM agenda_session s, plan p WHERE s.id = ?",
            (visit_id,),
        )
        if not found:
            return None
        title, starts, tz = found[0]
        units = r.rows(
            "SELECT group_id, delegation_id, person_id FROM session_audience WHERE session_id = ?",
            (visit_id,),
        )
        people: set[int] = set()
        for g, d, p in units:
            if g:
                people.update(
                    x
                    for (x,) in r.rows(
                        "SELECT person_id FROM group_member WHERE group_id = ?", (g,)
                    )
                )
            elif d:
                people.update(
                    x for (x,) in r.rows("SELECT id FROM person WHERE delegation_id = ?", (d,))
                )
            else:
                people.add(p)
        people.update(
            x
            for (x,) in r.rows(
                "SELECT person_id FROM session_facilitator WHERE session_id = ?", (visit_id,)
            )
        )
        drivers = {
            x
            for (x,) in r.rows(
                "SELECT DISTINCT v.driver_id FROM ride r JOIN vehicle v ON v.id = r.vehicle_id"
                " WHERE r.session_id = ? AND v.driver_id IS NOT NULL",
                (visit_id,),
            )
        }
        people |= drivers
        membership = Membership(names={}, units_of={}, members={}).leaving(r)
        if membership.changing:  # who declined or was replaced by the visit's day stays behind
            people -= membership.gone_by(parse_time(starts).astimezone(ZoneInfo(tz)).date())
        rows = (
            r.rows(
                "SELECT p.id, p.family_name, p.given_name, coalesce(o.name, ''), p.position,"
                " p.nationality, p.id_number, p.role, p.sex FROM person p"
                " LEFT JOIN organisation o ON o.id = p.organisation_id"
            )
            if people
            else []
        )
        stops = r.rows(
            "SELECT v.name, s.host_name, s.clearance FROM visit_stop s"
            " LEFT JOIN venue v ON v.id = s.venue_id WHERE s.session_id = ?"
            " ORDER BY s.position",
            (visit_id,),
        )
    return VisitGoers(
        title,
        [(*row[:6], row[6] if personal else "", *row[7:9]) for row in rows if row[0] in people],
        [tuple(stop) for stop in stops],
    )


def rooming(store: PlanStore) -> list[tuple[Any, ...]]:
    """Every hotel stay as a rooming list shows it: (person, hotel, check_in, check_out, room
    type, sharing with, notes, the block's room type or "", the block's breakfast)."""
    with store.reading() as r:
        return r.rows(
            "SELECT s.person_id, v.name, s.check_in, s.check_out, s.room_type,"
            " s.sharing_with_id, s.notes, coalesce(b.room_type, ''),"
            " b.breakfast_included FROM stay s JOIN venue v ON v.id = s.venue_id"
            " LEFT JOIN room_block b ON b.id = s.block_id"
        )
