"""The plan read once, as plain data, for what looks at the whole plan at once: the conflict
check (:mod:`planner.rules.conflicts`), the exports (:class:`planner.exports.common.PlanData`)
and the calendar (:class:`planner.queries.agenda.AgendaData`).

``Snapshot.read(store, parts)`` always reads the plan's facts, who belongs to what, the rooms
and every session with its audience and facilitators, in one read transaction, and the parts
asked for:

- ``CALENDAR``: the curriculum's modules and each site visit's route (its stops and vehicles);
- ``PEOPLE``: each person's details (identity numbers, birth dates and phones only when
  ``personal``: without it they are left out from the start, so nothing made from the snapshot
  can show one);
- ``ATTENDANCE``: who was marked present or absent;
- ``LOGISTICS``: places, road times, travel, hotel stays and room blocks, vehicles, rides,
  the stops of site visits, and whom to call (drivers' and logistics staff's phones);
- ``REVIEW``: acknowledged problems, and when people said they are unavailable.

``scope`` (("person" | "group" | "delegation", id)) keeps only the sessions that unit's people
attend, give or were marked at (a paper about one reads only their part of the agenda). Times
are seconds since the epoch (UTC), as the check compares them; :func:`local` makes them aware
datetimes. People who declined or were replaced leave audiences from their day on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, NamedTuple, Self
from zoneinfo import ZoneInfo

from planner.domain.collector import collector_paused
from planner.domain.labels import CONTACT_ROLES
from planner.domain.reference import sort_key
from planner.queries.attendance import marks as read_marks
from planner.queries.common import Zones, money
from planner.queries.duty import DOCUMENT_MONTHS, Duty, read_duty
from planner.queries.journey_parts import (
    Logistics,
    Place,
    Ride,
    RoomBlock,
    Stay,
    Stop,
    Trip,
    Vehicle,
    local,
)
from planner.queries.membership import Membership, Unit
from planner.store import PlanStore, Reader, parse_date, parse_time

CALENDAR = "calendar"
PEOPLE = "people"
ATTENDANCE = "attendance"
LOGISTICS = "logistics"
REVIEW = "review"
DUTY = "duty"
EVERYTHING = frozenset({CALENDAR, PEOPLE, ATTENDANCE, LOGISTICS, REVIEW, DUTY})

__all__ = [
    "ATTENDANCE",
    "CALENDAR",
    "DUTY",
    "EVERYTHING",
    "LOGISTICS",
    "PEOPLE",
    "REVIEW",
    "Delegation",
    "Group",
    "Logistics",
    "Module",
    "PersonInfo",
    "Place",
    "Ride",
    "Room",
    "RoomBlock",
    "Session",
    "Snapshot",
    "Stay",
    "Stop",
    "Trip",
    "Unit",
    "Vehicle",
    "local",
]


def _epoch(stored: Any) -> int:
    return int(parse_time(stored).timestamp())


def _day(stored: Any) -> date:
    found = parse_date(stored)
    assert found is not None
    return found


def _unit(group: Any, delegation: Any, person: Any) -> Unit:
    """The unit of an audience or passenger row (a group, a delegation or one person)."""
    return (
        ("group", group)
        if group
        else ("delegation", delegation)
        if delegation
        else ("person", person)
    )


# --- what the plan holds ------------------------------------------------------------------------


class Group(NamedTuple):
    name: str
    delegation: int | None


class Delegation(NamedTuple):
    name: str
    country: str
    head: int | None


@dataclass(frozen=True)
class Room:
    id: int
    name: str
    capacity: int
    venue: int
    venue_name: str


@dataclass(frozen=True)
class Module:
    id: int
    number: int
    title: str
    colour: str


@dataclass
class Session:
    """An agenda session (the check moves one while a block is dragged on the calendar)."""

    id: int
    version: int
    kind: str
    title: str
    start: int  # seconds since the epoch (UTC)
    end: int
    timezone: str  # its own zone
    room: int | None
    module: int | None
    location: str
    units: frozenset[Unit]  # the audience
    facilitators: frozenset[int]
    venue: int | None = None  # the place of its room


@dataclass(frozen=True)
class PersonInfo:
    id: int
    given_name: str
    family_name: str
    sex: str | None
    role: str
    organisation: str
    acronym: str
    position: str
    duty_station: str
    delegation_id: int | None
    email: str
    phone: str
    id_number: str
    birth_date: date | None
    nationality: str
    dietary_needs: str
    accessibility_needs: str
    status: str = "confirmed"  # nominated, confirmed, declined, replaced, cancelled

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)

    @property
    def listed_name(self) -> str:
        """'PAZ, Ana': family names first in capitals, as on lists to sign."""
        family = self.family_name.upper()
        return (
            f"{family}, {self.given_name}"
            if family and self.given_name
            else (family or self.given_name)
        )

    @cached_property
    def key(self) -> tuple[Any, ...]:
        return (sort_key(self.family_name), sort_key(self.given_name), self.id)

    @property
    def organisation_short(self) -> str:
        return self.acronym or self.organisation


# --- the snapshot -------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """The plan read once (see the module's description for the parts)."""

    parts: frozenset[str]
    title: str
    city: str
    country: str
    organiser: str
    donor: str
    zone: ZoneInfo
    first_day: date
    last_day: date
    airport: int | None  # where people land when their ticket names no airport
    change: int  # the number of the plan's last change
    membership: Membership
    delegation_of: dict[int, int | None]  # person -> their delegation
    groups: dict[int, Group]
    delegations: dict[int, Delegation]
    delegation_colours: dict[int, str]
    rooms: dict[int, Room]  # by place, then name
    sessions: dict[int, Session]
    modules: dict[int, Module] = field(default_factory=dict)  # CALENDAR
    routes: dict[int, str] = field(default_factory=dict)  # CALENDAR: "A → B · Van 1, Van 2"
    people: dict[int, PersonInfo] = field(default_factory=dict)  # PEOPLE
    marks: dict[int, dict[int, bool]] = field(default_factory=dict)  # ATTENDANCE
    logistics: Logistics = field(default_factory=Logistics)  # LOGISTICS
    acknowledged: dict[str, str] = field(default_factory=dict)  # REVIEW: key -> note
    # REVIEW: person -> when they are unavailable (seconds since the epoch) and why
    unavailable: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    duty: dict[int, Duty] = field(default_factory=dict)  # DUTY: person -> their duty of care
    document_months: int = DOCUMENT_MONTHS  # DUTY: a passport's validity after entry
    # ATTENDANCE: the completion rule (a share of the hours, and the sessions of required
    # modules) and the prefix of certificate numbers
    completion_percent: int = 80
    required: frozenset[int] = frozenset()
    certificate_prefix: str = ""

    @property
    def names(self) -> dict[int, str]:
        """person -> full name"""
        return self.membership.names

    @cached_property
    def registered(self) -> dict[int, frozenset[int]]:
        """session -> its audience's people (facilitators apart). Sessions with the same
        audience share one set (a whole plan's 80,000 sessions have a few thousand audiences)."""
        members, gone = self.membership.members, self.membership.changing
        audiences: dict[frozenset[Unit], frozenset[int]] = {}
        out: dict[int, frozenset[int]] = {}
        for session in self.sessions.values():
            if session.units:
                people = audiences.get(session.units)
                if people is None:
                    people = audiences[session.units] = frozenset().union(
                        *(members.get(unit, frozenset()) for unit in session.units)
                    )
                if gone:  # who declined or was replaced leaves from their day on
                    day = datetime.fromtimestamp(session.start, UTC).astimezone(self.zone).date()
                    people = self.membership.present(people, day)
                out[session.id] = people
        return out

    def members(self, unit: Unit) -> frozenset[int]:
        """The people of a group, a delegation or one person."""
        return self.membership.members.get(unit, frozenset())

    @property
    def units_of(self) -> dict[int, frozenset[Unit]]:
        """person -> the units they belong to (themselves included)"""
        return self.membership.units_of

    @classmethod
    def load(cls, store: PlanStore) -> Snapshot:
        """Every part of the plan."""
        return cls.read(store, EVERYTHING)

    @classmethod
    def read(
        cls,
        store: PlanStore,
        parts: Iterable[str],
        *,
        personal: bool = True,
        scope: Unit | None = None,
    ) -> Self:
        wanted = frozenset(parts)
        with store.reading() as r, collector_paused():
            return cls._read(r, wanted, personal, scope)

    @classmethod
    def _read(cls, r: Reader, parts: frozenset[str], personal: bool, scope: Unit | None) -> Self:
        title, city, country, organiser, donor, tz, first, last, airport = r.rows(
            "SELECT title, city, country, organiser, donor, timezone, start_date, end_date,"
            " arrival_airport_id FROM plan ORDER BY id LIMIT 1"
        )[0]
        zone = ZoneInfo(tz)
        zones = Zones(zone)
        change = int(r.value("SELECT max(id) FROM change_set") or 0)
        known, known_params = _known(scope)  # the people a scope's papers can name
        people: dict[int, PersonInfo] = {}
        if PEOPLE in parts:
            people = _people(r, personal, known("p.id"), known_params)
            rows: Iterable[tuple[int, str, str, int | None]] = [
                (p.id, p.given_name, p.family_name, p.delegation_id) for p in people.values()
            ]
        else:
            rows = r.rows(
                "SELECT id, given_name, family_name, delegation_id FROM person" + known("id"),
                known_params,
            )
        delegation_of = {i: d for i, _g, _f, d in rows}
        membership = Membership.of(
            rows,
            r.each(
                "SELECT group_id, person_id FROM group_member" + known("person_id"), known_params
            ),
        ).leaving(r)
        groups = {
            i: Group(n, d)
            for i, n, d in r.rows("SELECT id, name, delegation_id FROM participant_group")
        }
        delegations: dict[int, Delegation] = {}
        colours: dict[int, str] = {}
        for i, n, c, h, colour in r.rows(
            "SELECT id, name, country, head_id, colour FROM delegation"
        ):
            delegations[i] = Delegation(n, c, h)
            colours[i] = colour
        rooms = {
            i: Room(i, n, c, v, vn)
            for i, n, c, v, vn in r.rows(
                "SELECT r.id, r.name, r.capacity, r.venue_id, v.name FROM room r"
                " JOIN venue v ON v.id = r.venue_id ORDER BY v.name, r.name"
            )
        }
        within, params = _scoped(scope)
        audience: dict[int, set[Unit]] = defaultdict(set)
        for s, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
            + within("session_id"),
            params,
        ):
            audience[s].add(_unit(g, d, p))
        facilitators: dict[int, set[int]] = defaultdict(set)
        for s, p in r.rows(
            "SELECT session_id, person_id FROM session_facilitator" + within("session_id"),
            params,
        ):
            facilitators[s].add(p)
        sessions: dict[int, Session] = {}
        for i, v, kind, title_, start, end, stz, room, module, location in r.rows(
            "SELECT id, version, kind, title, starts_at, ends_at, timezone, room_id, module_id,"
            " location FROM agenda_session" + within("id"),
            params,
        ):
            giving = frozenset(facilitators.get(i, ()))
            if giving and membership.changing:  # who declined gives no session from that day
                giving = membership.present(giving, local(_epoch(start), zone).date())
            sessions[i] = Session(
                i,
                v,
                kind,
                title_,
                _epoch(start),
                _epoch(end),
                stz,
                room,
                module,
                location,
                frozenset(audience.get(i, ())),
                giving,
                rooms[room].venue if room in rooms else None,
            )
        first_day, last_day = _day(first), _day(last)
        snapshot = cls(
            parts,
            title,
            city,
            country,
            organiser,
            donor,
            zone,
            first_day,
            last_day,
            airport,
            change,
            membership,
            delegation_of,
            groups,
            delegations,
            colours,
            rooms,
            sessions,
            people=people,
        )
        if CALENDAR in parts:
            snapshot.modules, snapshot.routes = _calendar(r)
        if ATTENDANCE in parts:
            snapshot.marks = read_marks(r, within("session_id"), params)
            percent, prefix = r.rows(
                "SELECT completion_percent, certificate_prefix FROM plan ORDER BY id LIMIT 1"
            )[0]
            snapshot.completion_percent, snapshot.certificate_prefix = int(percent), prefix or ""
            snapshot.required = frozenset(
                i
                for (i,) in r.rows(
                    "SELECT s.id FROM agenda_session s JOIN module m ON m.id = s.module_id"
                    " WHERE m.required"
                )
            )
        if LOGISTICS in parts:
            snapshot.logistics = _logistics(r, zones, airport, personal, known, known_params)
        if REVIEW in parts:
            snapshot.acknowledged = dict(r.rows("SELECT problem_key, note FROM acknowledgement"))
            unavailable: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
            for p, start, end, note in r.rows(
                "SELECT person_id, starts_at, ends_at, note FROM unavailability"
            ):
                unavailable[p].append((_epoch(start), _epoch(end), note))
            snapshot.unavailable = dict(unavailable)
        if DUTY in parts and personal:  # personal data: only when asked with it
            snapshot.duty, snapshot.document_months = read_duty(r)
        return snapshot


# The people of a scope, and the sessions of the scope itself or of its people (through a
# group, their delegation or by name), that they give or were marked at: plain portable SQL
# with one parameter.
_SCOPE_PEOPLE = {
    "person": "SELECT id FROM person WHERE id = :scope",
    "group": "SELECT person_id FROM group_member WHERE group_id = :scope",
    "delegation": "SELECT id FROM person WHERE delegation_id = :scope",
}
_SCOPE_SESSIONS = (
    "SELECT session_id FROM session_audience WHERE {unit} = :scope"
    " OR person_id IN ({people})"
    " OR group_id IN (SELECT group_id FROM group_member WHERE person_id IN ({people}))"
    " OR delegation_id IN (SELECT delegation_id FROM person WHERE id IN ({people}))"
    " UNION SELECT session_id FROM session_facilitator WHERE person_id IN ({people})"
    " UNION SELECT session_id FROM attendance WHERE person_id IN ({people})"
)


def _scoped(scope: Unit | None) -> tuple[Callable[[str], str], dict[str, Any]]:
    """What keeps the scope's sessions: a WHERE clause on a column holding a session's id
    ("" for the whole plan), and its parameters."""
    if scope is None:
        return lambda column: "", {}
    kind = scope[0]
    sessions = _SCOPE_SESSIONS.format(unit=f"{kind}_id", people=_SCOPE_PEOPLE[kind])
    return lambda column: f" WHERE {column} IN ({sessions})", {"scope": scope[1]}


# The roles of the people a paper gives as contacts, as an SQL list ('driver', 'logistics').
_CONTACT_ROLES = ", ".join(f"'{role}'" for role in sorted(CONTACT_ROLES))

# The people the papers of a scope can name: the scope's own and their delegations and groups,
# everyone the scope's sessions bring together (audiences, facilitators, whoever was marked),
# whoever shares their room, heads a delegation, drives, or is a contact.
_SCOPE_KNOWN = (
    "SELECT person_id FROM group_member WHERE group_id IN"
    " (SELECT group_id FROM session_audience WHERE session_id IN ({sessions}))"
    " UNION SELECT id FROM person WHERE delegation_id IN"
    " (SELECT delegation_id FROM session_audience WHERE session_id IN ({sessions}))"
    " UNION SELECT person_id FROM session_audience WHERE session_id IN ({sessions})"
    " UNION SELECT person_id FROM session_facilitator WHERE session_id IN ({sessions})"
    " UNION SELECT person_id FROM attendance WHERE session_id IN ({sessions})"
    " UNION {people}"
    " UNION SELECT id FROM person WHERE delegation_id IN"
    " (SELECT delegation_id FROM person WHERE id IN ({people}))"
    " UNION SELECT person_id FROM group_member WHERE group_id IN"
    " (SELECT group_id FROM group_member WHERE person_id IN ({people}))"
    " UNION SELECT sharing_with_id FROM stay WHERE person_id IN ({people})"
    " UNION SELECT person_id FROM stay WHERE sharing_with_id IN ({people})"
    " UNION SELECT head_id FROM delegation"
    " UNION SELECT driver_id FROM vehicle"
    " UNION SELECT id FROM person WHERE role IN ({contacts})"
)


def _known(scope: Unit | None) -> tuple[Callable[[str], str], dict[str, Any]]:
    """What keeps the people a scope's papers can name: a WHERE clause on a column holding a
    person's id ("" for the whole plan), and its parameters."""
    if scope is None:
        return lambda column: "", {}
    kind = scope[0]
    people = _SCOPE_PEOPLE[kind]
    sessions = _SCOPE_SESSIONS.format(unit=f"{kind}_id", people=people)
    known = _SCOPE_KNOWN.format(sessions=sessions, people=people, contacts=_CONTACT_ROLES)
    return lambda column: f" WHERE {column} IN ({known})", {"scope": scope[1]}


def _people(
    r: Reader, personal: bool, where: str = "", params: dict[str, Any] | None = None
) -> dict[int, PersonInfo]:
    # Names, organisations, roles, duty stations and birth dates repeat: each distinct value is
    # kept once (200,000 people hold 3.6 million of them; shared, a quarter of the memory).
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    days: dict[Any, date | None] = {}
    out: dict[int, PersonInfo] = {}
    for row in r.each(
        "SELECT p.id, p.given_name, p.family_name, p.sex, p.role, o.name, o.acronym,"
        " p.position, p.duty_station, p.delegation_id, p.email,"
        + (" p.phone, p.id_number, p.birth_date," if personal else " '', '', NULL,")
        + " p.nationality, p.dietary_needs, p.accessibility_needs, p.status"
        " FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id" + where,
        params or {},
    ):
        born = row[13]
        if born is not None and born not in days:
            days[born] = parse_date(born)
        out[row[0]] = PersonInfo(
            row[0],
            share(row[1], row[1]),
            share(row[2], row[2]),
            share(row[3], row[3]),
            share(row[4], row[4]),
            share(row[5] or "", row[5] or ""),
            share(row[6] or "", row[6] or ""),
            share(row[7], row[7]),
            share(row[8], row[8]),
            row[9],
            row[10],
            row[11],
            row[12],
            days[born] if born is not None else None,
            share(row[14], row[14]),
            share(row[15], row[15]),
            share(row[16], row[16]),
            share(row[17], row[17]),
        )
    return out


def _calendar(r: Reader) -> tuple[dict[int, Module], dict[int, str]]:
    modules = {
        i: Module(i, n, t, c)
        for i, n, t, c in r.rows("SELECT id, number, title, colour FROM module")
    }
    stops: dict[int, list[str]] = defaultdict(list)
    for s, place in r.rows(
        "SELECT s.session_id, v.name FROM visit_stop s"
        " JOIN venue v ON v.id = s.venue_id"
        " ORDER BY s.session_id, s.position, s.id"
    ):
        stops[s].append(place)
    vans: dict[int, set[str]] = defaultdict(set)
    for s, vehicle in r.rows(
        "SELECT DISTINCT r.session_id, v.name FROM ride r"
        " JOIN vehicle v ON v.id = r.vehicle_id"
        " WHERE r.session_id IS NOT NULL"
    ):
        vans[s].add(vehicle)
    routes = {}
    for s in stops.keys() | vans.keys():
        route = " · ".join(
            part
            for part in (" → ".join(stops.get(s, ())), ", ".join(sorted(vans.get(s, ()))))
            if part
        )
        if route:
            routes[s] = route
    return modules, routes


def _logistics(
    r: Reader,
    zones: Zones,
    airport: int | None,
    personal: bool,
    known: Callable[[str], str] = lambda column: "",
    params: dict[str, Any] | None = None,
) -> Logistics:
    """Places, roads, journeys, beds and vehicles; the journeys and beds of the ``known``."""
    params = params or {}

    def epoch(value: Any) -> int | None:
        return None if value is None else _epoch(value)

    places = {
        i: Place(i, n, k, zones(z), o or "", c or "")
        for i, n, k, z, o, c in r.rows("SELECT id, name, kind, timezone, opens, closes FROM venue")
    }
    roads: dict[tuple[int, int], int] = {}
    for a, b, minutes in r.rows("SELECT from_id, to_id, minutes FROM road_time"):
        roads[(a, b)] = roads[(b, a)] = minutes
    trips: dict[int, list[Trip]] = defaultdict(list)
    travellers: set[int] = set()
    for (
        i,
        p,
        direction,
        mode,
        carrier,
        number,
        place,
        from_place,
        to_place,
        departs,
        departs_tz,
        arrives,
        arrives_tz,
    ) in r.rows(
        "SELECT id, person_id, direction, mode, carrier, number, place_id, from_place,"
        " to_place, departs_at, departs_tz, arrives_at, arrives_tz FROM travel"
        + known("person_id"),
        params,
    ):
        travellers.add(p)
        arrival = direction == "arrival"
        stored, stored_tz = (arrives, arrives_tz) if arrival else (departs, departs_tz)
        far, far_tz = (departs, departs_tz) if arrival else (arrives, arrives_tz)
        if stored is None:
            continue
        trips[p].append(
            Trip(
                i,
                p,
                arrival,
                _epoch(stored),
                zones(stored_tz),
                place if place is not None else airport,
                number,
                carrier,
                from_place if arrival else to_place,
                mode == "flight",
                _epoch(far) if far is not None else None,
                zones(far_tz) if far is not None else None,
            )
        )
    for items in trips.values():
        items.sort(key=lambda t: (t.at, t.id))
    stays = [
        Stay(i, p, v, b, _day(a), _day(o), w)
        for i, p, v, b, a, o, w in r.rows(
            "SELECT id, person_id, venue_id, block_id, check_in, check_out, sharing_with_id"
            " FROM stay" + known("person_id"),
            params,
        )
    ]
    blocks = {
        i: RoomBlock(i, v, t, n, _day(a), _day(o), _day(c) if c else None, x, money(rate), cur)
        for i, v, t, n, a, o, c, x, rate, cur in r.rows(
            "SELECT id, venue_id, room_type, rooms, check_in, check_out, cutoff,"
            " attrition_percent, nightly_rate, currency FROM room_block"
        )
    }
    vehicles = {
        i: Vehicle(n, s, d)
        for i, n, s, d in r.rows("SELECT id, name, seats, driver_id FROM vehicle")
    }
    riders: dict[int, set[Unit]] = defaultdict(set)
    for ride, g, d, p in r.rows(
        "SELECT ride_id, group_id, delegation_id, person_id FROM ride_passenger"
    ):
        riders[ride].add(_unit(g, d, p))
    rides = {
        i: Ride(
            i,
            v,
            title or "",
            epoch(start) or 0,
            epoch(end) or 0,
            zones(tz),
            a,
            b,
            visit,
            frozenset(riders.get(i, ())),
        )
        for i, v, title, start, end, tz, a, b, visit in r.rows(
            "SELECT id, vehicle_id, title, starts_at, ends_at, timezone, from_id, to_id,"
            " session_id FROM ride"
        )
    }
    stops: dict[int, list[Stop]] = defaultdict(list)
    for i, s, position, venue, arrives, leaves, host, contact, clearance in r.rows(
        "SELECT id, session_id, position, venue_id, arrives_at, leaves_at, host_name,"
        " host_contact, clearance FROM visit_stop ORDER BY session_id, position, id"
    ):
        stops[s].append(
            Stop(i, position, venue, epoch(arrives), epoch(leaves), host, contact, clearance)
        )
    contacts = (
        dict(
            r.rows(f"SELECT id, phone FROM person WHERE phone != '' AND role IN ({_CONTACT_ROLES})")
        )
        if personal
        else {}
    )
    return Logistics(
        places,
        roads,
        dict(trips),
        travellers,
        stays,
        blocks,
        vehicles,
        rides,
        dict(stops),
        contacts,
    )
