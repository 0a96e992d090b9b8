"""Travel, hotels and vehicles seen together: the arrivals board, airport transfers proposed
for people who land close together, and one person's or delegation's whole journey.

Everything here reads with plain SQL (``PlanStore.reading``); proposals become rides through
:func:`planner.operations.logistics.accept_transfers`, one transaction and one undo step like
every other change.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.i18n import _, format_date, ngettext
from planner.domain.labels import CONTACT_ROLES, Direction, PlaceKind
from planner.store import PlanStore, Reader, parse_date, parse_time

PICKUP_MARGIN = timedelta(minutes=30)  # from landing to leaving the airport (bags, customs)
CHECK_IN = timedelta(minutes=120)  # at the airport before an international flight
DEFAULT_ROAD = timedelta(minutes=45)  # when the plan knows no road time
TRANSFER_WINDOW = 60  # minutes: arrivals this close share a transfer
WINDOW_SETTING = "transfer_window_minutes"

Unit = tuple[str, int]


# --- what the plan holds, read once ---------------------------------------------------------------


@dataclass
class _Trip:
    id: int
    person: int
    direction: str
    at: datetime  # aware, in the zone of the local end
    number: str
    carrier: str
    place: int | None
    other: str


@dataclass
class _Ride:
    id: int
    vehicle: int | None
    title: str
    start: datetime
    end: datetime
    origin: int | None
    destination: int | None
    visit: int | None
    units: list[Unit]


@dataclass
class _Data:
    zone: ZoneInfo
    first_day: date
    last_day: date
    airport: int | None
    people: dict[int, tuple[str, int | None]]  # id -> (name, delegation)
    delegations: dict[int, str]
    groups: dict[int, str]
    members: dict[Unit, set[int]]
    places: dict[int, tuple[str, str, str]]  # id -> (name, kind, timezone)
    roads: dict[tuple[int, int], int]  # minutes, both ways
    trips: list[_Trip]
    stays: list[tuple[int, int, int, date, date]]  # (id, person, hotel, check-in, check-out)
    vehicles: dict[int, tuple[str, int, int | None]]  # id -> (name, seats, driver)
    rides: list[_Ride]
    contacts: dict[int, str]  # phones of drivers and logistics staff: numbers to call

    @classmethod
    def load(cls, store: PlanStore) -> _Data:
        with store.reading() as r:
            tz, first, last, airport = r.rows(
                "SELECT timezone, start_date, end_date, arrival_airport_id FROM plan"
                " ORDER BY id LIMIT 1"
            )[0]
            zone = ZoneInfo(tz)
            people = {
                i: (" ".join(p for p in (g, f) if p), d)
                for i, g, f, d in r.rows(
                    "SELECT id, given_name, family_name, delegation_id FROM person"
                )
            }
            members: dict[Unit, set[int]] = defaultdict(set)
            for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
                members[("group", g)].add(p)
            for p, (_n, d) in people.items():
                members[("person", p)].add(p)
                if d is not None:
                    members[("delegation", d)].add(p)
            places = {
                i: (n, k, z or tz)
                for i, n, k, z in r.rows("SELECT id, name, kind, timezone FROM venue")
            }
            roads: dict[tuple[int, int], int] = {}
            for a, b, m in r.rows("SELECT from_id, to_id, minutes FROM road_time"):
                roads[(a, b)] = roads[(b, a)] = m
            trips = []
            for (
                i,
                p,
                direction,
                departs,
                departs_tz,
                arrives,
                arrives_tz,
                number,
                carrier,
                place,
                from_place,
                to_place,
            ) in r.rows(
                "SELECT id, person_id, direction, departs_at, departs_tz, arrives_at,"
                " arrives_tz, number, carrier, place_id, from_place, to_place FROM travel"
            ):
                arrival = direction == Direction.ARRIVAL
                stored, stored_tz = (arrives, arrives_tz) if arrival else (departs, departs_tz)
                if stored is None:
                    continue
                at = parse_time(stored).astimezone(ZoneInfo(stored_tz or tz))
                trips.append(
                    _Trip(
                        i,
                        p,
                        direction,
                        at,
                        number,
                        carrier,
                        place if place is not None else airport,
                        from_place if arrival else to_place,
                    )
                )
            stays = [
                (i, p, v, _day(a), _day(b))
                for i, p, v, a, b in r.rows(
                    "SELECT id, person_id, venue_id, check_in, check_out FROM stay"
                )
            ]
            vehicles = {
                i: (n, s, d)
                for i, n, s, d in r.rows("SELECT id, name, seats, driver_id FROM vehicle")
            }
            riders: dict[int, list[Unit]] = defaultdict(list)
            for ride, g, d, p in r.rows(
                "SELECT ride_id, group_id, delegation_id, person_id FROM ride_passenger"
            ):
                riders[ride].append(
                    ("group", g) if g else ("delegation", d) if d else ("person", p)
                )
            rides = [
                _Ride(
                    i,
                    v,
                    t,
                    parse_time(s).astimezone(ZoneInfo(z or tz)),
                    parse_time(e).astimezone(ZoneInfo(z or tz)),
                    a,
                    b,
                    visit,
                    riders.get(i, []),
                )
                for i, v, t, s, e, z, a, b, visit in r.rows(
                    "SELECT id, vehicle_id, title, starts_at, ends_at, timezone, from_id,"
                    " to_id, session_id FROM ride"
                )
            ]
            return cls(
                zone,
                _day(first),
                _day(last),
                airport,
                people,
                dict(r.rows("SELECT id, name FROM delegation")),
                dict(r.rows("SELECT id, name FROM participant_group")),
                members,
                places,
                roads,
                trips,
                stays,
                vehicles,
                rides,
                {
                    i: phone
                    for i, phone, role in r.rows(
                        "SELECT id, phone, role FROM person WHERE phone != ''"
                    )
                    if role in CONTACT_ROLES
                },
            )

    def riders(self, ride: _Ride) -> set[int]:
        out: set[int] = set()
        for unit in ride.units:
            out |= self.members.get(unit, set())
        return out

    def place_name(self, place: int | None) -> str:
        return self.places[place][0] if place in self.places else ""

    def road(self, a: int | None, b: int | None) -> timedelta | None:
        if a is None or b is None:
            return None
        if a == b:
            return timedelta(0)
        minutes = self.roads.get((a, b))
        return timedelta(minutes=minutes) if minutes is not None else None


def _day(value: Any) -> date:
    found = parse_date(value)
    assert found is not None
    return found


# --- the arrivals and departures board ----------------------------------------------------------


@dataclass(frozen=True)
class BoardEntry:
    """People who land (or leave) on the same flight at the same time and place."""

    direction: str
    at: datetime  # aware, local time of the airport
    number: str
    carrier: str
    place: str
    other: str  # where they come from or go to
    people: tuple[str, ...]
    person_ids: tuple[int, ...]
    delegations: tuple[str, ...]
    transfer: str  # the ride that takes them, "" if none yet


def board(store: PlanStore) -> dict[date, list[BoardEntry]]:
    """Arrivals and departures by local day, in time order, people on one flight together."""
    data = _Data.load(store)
    return _board(data)


def _board(data: _Data) -> dict[date, list[BoardEntry]]:
    grouped: dict[tuple[Any, ...], list[_Trip]] = defaultdict(list)
    for trip in data.trips:
        grouped[(trip.direction, trip.at, trip.number, trip.place)].append(trip)
    transfers = _transfer_rides(data)
    days: dict[date, list[BoardEntry]] = defaultdict(list)
    for (direction, at, number, place), trips in grouped.items():
        ids = sorted({t.person for t in trips}, key=lambda p: data.people[p][0])
        rides = {
            title for p in ids for title in _covering(data, transfers, direction, at, place, p)
        }
        dele = sorted({data.delegations[d] for p in ids if (d := data.people[p][1]) is not None})
        days[at.date()].append(
            BoardEntry(
                direction,
                at,
                number,
                trips[0].carrier,
                data.place_name(place),
                trips[0].other,
                tuple(data.people[p][0] for p in ids),
                tuple(ids),
                tuple(dele),
                ", ".join(sorted(rides)),
            )
        )
    return {
        day: sorted(entries, key=lambda e: (e.at, e.direction, e.number))
        for day, entries in sorted(days.items())
    }


def _transfer_rides(data: _Data) -> dict[int, list[_Ride]]:
    """Each person's airport transfers (rides that belong to no site visit)."""
    out: dict[int, list[_Ride]] = defaultdict(list)
    for ride in data.rides:
        if ride.visit is None:
            for person in data.riders(ride):
                out[person].append(ride)
    return out


def _covering(
    data: _Data,
    transfers: dict[int, list[_Ride]],
    direction: str,
    at: datetime,
    place: int | None,
    person: int,
) -> list[str]:
    """Transfer rides that take this person from the airport after landing (within 3 hours),
    or to it before leaving (within 6 hours)."""
    found = []
    for ride in transfers.get(person, ()):
        if direction == Direction.ARRIVAL:
            fits = at <= ride.start <= at + timedelta(hours=3) and ride.origin in (place, None)
        else:
            fits = at - timedelta(hours=6) <= ride.end <= at and ride.destination in (place, None)
        if fits:
            found.append(ride.title or _("Transfer"))
    return found


# --- airport transfers ----------------------------------------------------------------------------


@dataclass
class Proposal:
    """A transfer the program suggests: who, from where to where, when, in which vehicle."""

    direction: str
    origin: int | None
    destination: int | None
    start: datetime
    end: datetime
    person_ids: list[int]
    names: list[str]
    flights: list[str]
    vehicle_id: int | None
    vehicle: str
    timezone: str
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        flights = ", ".join(self.flights)
        if self.direction == Direction.ARRIVAL:
            return _("Airport pick-up: {flights}").format(flights=flights)
        return _("Airport drop-off: {flights}").format(flights=flights)

    def ride_values(self) -> dict[str, Any]:
        """The values of the ride accepting it creates (``planner.operations`` kind "ride")."""
        return {
            "vehicle_id": self.vehicle_id,
            "title": self.title[:200],
            "start": self.start,
            "end": self.end,
            "timezone": self.timezone,
            "from_id": self.origin,
            "to_id": self.destination,
            "passengers": [("person", p) for p in self.person_ids],
        }


def propose_transfers(store: PlanStore, window: int | None = None) -> list[Proposal]:
    """Transfers for arrivals (and departures) that no ride covers yet: people who land within
    ``window`` minutes of each other at the same airport share one, in a free vehicle with
    enough seats (split over several when none is large enough)."""
    if window is None:
        window = transfer_window(store)
    data = _Data.load(store)
    transfers = _transfer_rides(data)
    busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for ride in data.rides:
        if ride.vehicle is not None:
            busy[ride.vehicle].append((ride.start, ride.end))
    pending: dict[tuple[str, int | None], list[_Trip]] = defaultdict(list)
    for trip in data.trips:
        if not _covering(data, transfers, trip.direction, trip.at, trip.place, trip.person):
            pending[(trip.direction, trip.place)].append(trip)
    proposals: list[Proposal] = []
    for (direction, place), trips in sorted(
        pending.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
    ):
        trips.sort(key=lambda t: t.at)
        cluster: list[_Trip] = []
        for trip in trips:
            if cluster and trip.at - cluster[0].at > timedelta(minutes=window):
                proposals.extend(_propose(data, direction, place, cluster, busy))
                cluster = []
            cluster.append(trip)
        if cluster:
            proposals.extend(_propose(data, direction, place, cluster, busy))
    return sorted(proposals, key=lambda p: p.start)


def transfer_window(store: PlanStore) -> int:
    """The plan's transfer window in minutes (read without loading the ORM)."""
    with store.reading() as r:
        value = r.value("SELECT value FROM plan_setting WHERE key = ?", (WINDOW_SETTING,))
    try:
        return int(json.loads(value)) if value else TRANSFER_WINDOW
    except (ValueError, TypeError):
        return TRANSFER_WINDOW


def _hotel_of(data: _Data, person: int, night: date) -> int | None:
    for _i, p, hotel, check_in, check_out in data.stays:
        if p == person and check_in <= night < check_out:
            return hotel
    return None


def _propose(
    data: _Data,
    direction: str,
    place: int | None,
    trips: list[_Trip],
    busy: dict[int, list[tuple[datetime, datetime]]],
) -> list[Proposal]:
    arrival = direction == Direction.ARRIVAL
    people = list(dict.fromkeys(t.person for t in trips))
    nights = [t.at.date() if arrival else t.at.date() - timedelta(days=1) for t in trips]
    hotels = Counter(
        h
        for p, n in zip([t.person for t in trips], nights, strict=True)
        if (h := _hotel_of(data, p, n)) is not None
    )
    only_hotel = [i for i, (_n, kind, _z) in data.places.items() if kind == PlaceKind.HOTEL]
    hotel: int | None = None
    if hotels:
        hotel = hotels.most_common(1)[0][0]
    elif len(only_hotel) == 1:
        hotel = only_hotel[0]
    road = data.road(place, hotel)
    notes = []
    if road is None:
        road = DEFAULT_ROAD
        if hotel is not None and place is not None:
            notes.append(
                _(
                    "No road time between {a} and {b}: {minutes} minutes assumed; add it"
                    " under Places ▸ Road times."
                ).format(
                    a=data.place_name(place),
                    b=data.place_name(hotel),
                    minutes=int(DEFAULT_ROAD.total_seconds() // 60),
                )
            )
    if arrival:
        start = max(t.at for t in trips) + PICKUP_MARGIN
    else:
        start = min(t.at for t in trips) - CHECK_IN - road
    start = start.astimezone(data.zone)
    end = start + road
    flights = list(dict.fromkeys(t.number or _("by road") for t in trips))
    # vehicles free then, smallest that fits first; else split over the largest free ones
    free = sorted(
        (v for v in data.vehicles if all(e <= start or s >= end for s, e in busy.get(v, []))),
        key=lambda v: (data.vehicles[v][1], data.vehicles[v][0]),
    )
    loads: list[tuple[int | None, list[int]]] = []
    fitting = [v for v in free if data.vehicles[v][1] >= len(people)]
    if fitting or not free:
        loads.append((fitting[0] if fitting else None, people))
    else:
        left = list(people)
        for candidate in reversed(free):
            if not left:
                break
            seats = data.vehicles[candidate][1]
            if seats <= 0:
                continue
            loads.append((candidate, left[:seats]))
            left = left[seats:]
        if left:
            loads.append((None, left))
    out = []
    for vehicle, load in loads:
        if vehicle is not None:
            busy[vehicle].append((start, end))
        extra = list(notes)
        if vehicle is None:
            extra.append(
                _("No vehicle is free then with enough seats; add one or choose it on the ride.")
            )
        out.append(
            Proposal(
                direction,
                place if arrival else hotel,
                hotel if arrival else place,
                start,
                end,
                load,
                [data.people[p][0] for p in load],
                flights,
                vehicle,
                data.vehicles[vehicle][0] if vehicle is not None else "",
                data.zone.key,
                extra,
            )
        )
    return out


# --- one person's or delegation's journey -------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One line of a schedule: a flight, a transfer, a hotel stay, a session, a stop."""

    start: datetime  # aware; shown in the zone it carries
    end: datetime | None
    kind: str  # "arrival", "departure", "ride", "hotel", "session", "stop"
    title: str
    place: str
    detail: str
    ref: tuple[str, int]  # (item kind of planner.operations, id), to open it
    contact: str = ""  # whom to call: the driver of a ride, the host of a stop


def schedule(store: PlanStore, who: Unit) -> list[Item]:
    """Everything on a person's or a delegation's journey in time order: flights, transfers,
    hotel nights, sessions and site-visit stops."""
    return schedules(store, [who])[who]


def schedules(store: PlanStore, whos: list[Unit]) -> dict[Unit, list[Item]]:
    """The journeys of many people or delegations, the plan read once (itineraries)."""
    data = _Data.load(store)
    with store.reading() as r:
        sessions = _SessionRows.load(r)
    groups_of: dict[int, set[Unit]] = defaultdict(set)
    for unit, members in data.members.items():
        if unit[0] == "group":
            for person in members:
                groups_of[person].add(unit)
    riders = {ride.id: data.riders(ride) for ride in data.rides}
    return {who: _schedule(data, sessions, who, groups_of, riders) for who in whos}


def _schedule(
    data: _Data,
    sessions: _SessionRows,
    who: Unit,
    groups_of: dict[int, set[Unit]],
    riders: dict[int, set[int]],
) -> list[Item]:
    people = {who[1]} if who[0] == "person" else set(data.members.get(who, set()))
    units: set[Unit] = {who}
    for person in people:
        units.add(("person", person))
        delegation = data.people.get(person, ("", None))[1]
        if delegation is not None:
            units.add(("delegation", delegation))
        units |= groups_of.get(person, set())
    items: list[Item] = []
    single = len(people) == 1
    # flights, one line per flight for a delegation
    flights: dict[tuple[Any, ...], list[_Trip]] = defaultdict(list)
    for trip in data.trips:
        if trip.person in people:
            flights[(trip.direction, trip.at, trip.number, trip.place)].append(trip)
    for (direction, at, number, place), trips in flights.items():
        first = trips[0]
        title = " ".join(p for p in (first.carrier, number) if p) or _("by road")
        detail = (
            (_("from {place}") if direction == Direction.ARRIVAL else _("to {place}")).format(
                place=first.other
            )
            if first.other
            else ""
        )
        if not single:
            detail = "; ".join(d for d in (detail, _people(data, [t.person for t in trips])) if d)
        items.append(
            Item(at, None, direction, title, data.place_name(place), detail, ("travel", first.id))
        )
    # hotel stays
    stays: dict[tuple[int, date, date], list[tuple[int, int]]] = defaultdict(list)
    for sid, person, hotel, check_in, check_out in data.stays:
        if person in people:
            stays[(hotel, check_in, check_out)].append((sid, person))
    for (hotel, check_in, check_out), rows in stays.items():
        nights = (check_out - check_in).days
        detail = ngettext(
            "{n} night, check-out {day}", "{n} nights, check-out {day}", nights
        ).format(n=nights, day=format_date(check_out))
        if not single:
            detail += "; " + _people(data, [p for _s, p in rows])
        zone = ZoneInfo(data.places[hotel][2]) if hotel in data.places else data.zone
        items.append(
            Item(
                datetime.combine(check_in, time(14), zone),
                datetime.combine(check_out, time(12), zone),
                "hotel",
                _("Hotel check-in"),
                data.place_name(hotel),
                detail,
                ("stay", rows[0][0]),
            )
        )
    # rides
    for ride in data.rides:
        driver = data.vehicles.get(ride.vehicle or -1, ("", 0, None))[2]
        aboard = riders[ride.id] & people
        if not aboard and driver not in people:
            continue
        vehicle = data.vehicles.get(ride.vehicle or -1, ("", 0, None))[0]
        route = " → ".join(
            p for p in (data.place_name(ride.origin), data.place_name(ride.destination)) if p
        )
        detail = ", ".join(
            d for d in (vehicle, _("driving") if driver in people and single else "") if d
        )
        if not single and aboard:
            detail = "; ".join(d for d in (detail, _people(data, aboard)) if d)
        phone = data.contacts.get(driver) if driver is not None and driver not in people else None
        contact = (
            _("driver {name}, {phone}").format(name=data.people[driver][0], phone=phone)
            if phone and driver is not None
            else ""
        )
        items.append(
            Item(
                ride.start,
                ride.end,
                "ride",
                ride.title or _("Ride"),
                route,
                detail,
                ("ride", ride.id),
                contact,
            )
        )
    # sessions and stops
    items.extend(_sessions(sessions, data, units, people))
    return sorted(items, key=lambda i: (i.start.astimezone(UTC), i.kind))


def _people(data: _Data, ids: Any) -> str:
    names = sorted(data.people[p][0] for p in set(ids))
    shown = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
    return _("{n} people: {names}").format(n=len(names), names=shown) if len(names) > 1 else shown


@dataclass
class _SessionRows:
    audience: list[tuple[int, Unit]]
    facilitators: list[tuple[int, int]]
    rooms: dict[int, tuple[str, int]]
    stops: dict[int, list[Any]]
    sessions: list[Any]
    by_unit: dict[Unit, set[int]] = field(default_factory=dict)
    by_facilitator: dict[int, set[int]] = field(default_factory=dict)
    by_id: dict[int, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_unit: dict[Unit, set[int]] = defaultdict(set)
        for s, unit in self.audience:
            by_unit[unit].add(s)
        by_facilitator: dict[int, set[int]] = defaultdict(set)
        for s, p in self.facilitators:
            by_facilitator[p].add(s)
        self.by_unit, self.by_facilitator = dict(by_unit), dict(by_facilitator)
        self.by_id = {row[0]: row for row in self.sessions}

    @classmethod
    def load(cls, r: Reader) -> _SessionRows:
        audience = [
            (s, ("group", g) if g else ("delegation", d) if d else ("person", p))
            for s, g, d, p in r.rows(
                "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
            )
        ]
        stops: dict[int, list[Any]] = defaultdict(list)
        for row in r.rows(
            "SELECT session_id, id, position, venue_id, arrives_at, leaves_at,"
            " host_name, host_contact FROM visit_stop ORDER BY position"
        ):
            stops[row[0]].append(row[1:])
        return cls(
            audience,
            r.rows("SELECT session_id, person_id FROM session_facilitator"),
            {i: (n, v) for i, n, v in r.rows("SELECT id, name, venue_id FROM room")},
            dict(stops),
            r.rows(
                "SELECT id, title, starts_at, ends_at, timezone, room_id, location"
                " FROM agenda_session"
            ),
        )


def _sessions(rows: _SessionRows, data: _Data, units: set[Unit], people: set[int]) -> list[Item]:
    ids: set[int] = set()
    for unit in units:
        ids |= rows.by_unit.get(unit, set())
    facilitating: set[int] = set()
    for p in people:
        facilitating |= rows.by_facilitator.get(p, set())
    ids |= facilitating
    items = []
    for sid in sorted(ids):
        if sid not in rows.by_id:
            continue
        _sid, title, start, end, tz, room, location = rows.by_id[sid]
        zone = ZoneInfo(tz or data.zone.key)
        place = location
        if room in rows.rooms:
            name, venue = rows.rooms[room]
            place = f"{name}, {data.place_name(venue)}"
        detail = _("facilitating") if sid in facilitating and len(people) == 1 else ""
        items.append(
            Item(
                parse_time(start).astimezone(zone),
                parse_time(end).astimezone(zone),
                "session",
                title,
                place,
                detail,
                ("session", sid),
            )
        )
        for stop_id, _pos, venue, arrives, leaves, host, host_contact in rows.stops.get(sid, []):
            moment = arrives or leaves
            if moment is None:
                continue
            stop_zone = ZoneInfo(data.places[venue][2]) if venue in data.places else zone
            items.append(
                Item(
                    parse_time(moment).astimezone(stop_zone),
                    parse_time(leaves).astimezone(stop_zone) if leaves else None,
                    "stop",
                    _("Stop: {place}").format(place=data.place_name(venue)),
                    data.place_name(venue),
                    _("host: {host}").format(host=host) if host else "",
                    ("stop", stop_id),
                    host_contact,
                )
            )
    return items


# --- manifests ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManifestRide:
    vehicle: str
    driver: str
    start: datetime
    end: datetime
    title: str
    route: str
    passengers: tuple[str, ...]
    seats: int


def manifests(store: PlanStore) -> list[ManifestRide]:
    """Every ride with its passengers by name, vehicle by vehicle, in time order."""
    data = _Data.load(store)
    out = []
    for ride in data.rides:
        name, seats, driver = data.vehicles.get(ride.vehicle or -1, (_("(no vehicle)"), 0, None))
        route = " → ".join(
            p for p in (data.place_name(ride.origin), data.place_name(ride.destination)) if p
        )
        out.append(
            ManifestRide(
                name,
                data.people[driver][0] if driver in data.people else "",
                ride.start,
                ride.end,
                ride.title,
                route,
                tuple(sorted(data.people[p][0] for p in data.riders(ride))),
                seats,
            )
        )
    return sorted(out, key=lambda m: (m.vehicle, m.start))
