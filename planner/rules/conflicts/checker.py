"""The conflict check: every clash in the plan, found in memory from a snapshot of it.

``PlanData.load(store)`` reads what the check needs with plain SQL; ``Checker(data).run()``
returns the problems. Each problem has a stable ``kind``, a ``severity``, a message from the
core's catalogue naming the people, rooms and times involved, the items it concerns, and a
``key`` that stays the same while the same clash persists (acknowledgements are stored by key).

How people are found: a session's audience is made of groups, delegations and single people,
plus its facilitators. People who belong to exactly the same units (say, every member of Group
A, all in the DNSPF delegation) share every session, so the check looks at each *combination of
units* once, not at each person: 5,000 trainees in 100 groups cost about as much as 100 people.
A clash of a whole group is reported once for the group, listing its members.

``Checker.move(session_id, start, end, room_id)`` re-checks one changed session (what dragging
a block on the calendar does) without redoing the whole plan.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.i18n import _, babel_locale, ngettext
from planner.queries.membership import Membership
from planner.rules.logistics import CHECK_IN, DEFAULT_ROAD, PICKUP_MARGIN
from planner.store import PlanStore, Reader, parse_date, parse_time

ERROR = "error"
WARNING = "warning"

PERSON_DOUBLE_BOOKED = "person_double_booked"
FACILITATOR_DOUBLE_BOOKED = "facilitator_double_booked"
ROOM_DOUBLE_BOOKED = "room_double_booked"
OVER_CAPACITY = "over_capacity"
OUTSIDE_PLAN_DATES = "outside_plan_dates"
BOOKED_WHEN_UNAVAILABLE = "booked_when_unavailable"
BEFORE_ARRIVAL = "before_arrival"
AFTER_DEPARTURE = "after_departure"
NO_BED = "no_bed"
BLOCK_OVERBOOKED = "block_overbooked"
STAY_MISMATCH = "stay_mismatch"
VEHICLE_OVER_CAPACITY = "vehicle_over_capacity"
VEHICLE_DOUBLE_BOOKED = "vehicle_double_booked"
DRIVER_DOUBLE_BOOKED = "driver_double_booked"
NOT_ENOUGH_TRAVEL_TIME = "not_enough_travel_time"
PLACE_CLOSED = "place_closed"

SEVERITY = {
    PERSON_DOUBLE_BOOKED: ERROR,
    FACILITATOR_DOUBLE_BOOKED: ERROR,
    ROOM_DOUBLE_BOOKED: ERROR,
    OVER_CAPACITY: ERROR,
    OUTSIDE_PLAN_DATES: ERROR,
    BOOKED_WHEN_UNAVAILABLE: WARNING,
    BEFORE_ARRIVAL: ERROR,
    AFTER_DEPARTURE: ERROR,
    NO_BED: ERROR,
    BLOCK_OVERBOOKED: ERROR,
    STAY_MISMATCH: WARNING,
    VEHICLE_OVER_CAPACITY: ERROR,
    VEHICLE_DOUBLE_BOOKED: ERROR,
    DRIVER_DOUBLE_BOOKED: ERROR,
    NOT_ENOUGH_TRAVEL_TIME: ERROR,
    PLACE_CLOSED: WARNING,
}

ROAD_CHECK_IN = timedelta(minutes=15)  # at the terminal before leaving by road
EARLY_HOUR = 6  # landing before 06:00 needs the night before in the hotel

Unit = tuple[str, int]  # ("group", id), ("delegation", id), ("person", id)


@dataclass(frozen=True)
class Ref:
    id: int
    name: str


@dataclass
class Problem:
    kind: str
    severity: str
    message: str
    start: datetime
    end: datetime
    key: str
    sessions: list[Ref] = field(default_factory=list)
    people: list[Ref] = field(default_factory=list)
    groups: list[Ref] = field(default_factory=list)
    rooms: list[Ref] = field(default_factory=list)
    delegations: list[Ref] = field(default_factory=list)
    places: list[Ref] = field(default_factory=list)
    vehicles: list[Ref] = field(default_factory=list)
    rides: list[Ref] = field(default_factory=list)
    travel: list[Ref] = field(default_factory=list)
    stays: list[Ref] = field(default_factory=list)
    blocks: list[Ref] = field(default_factory=list)
    acknowledged: bool = False
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        """The object ``planner check --json`` prints (a contract: add keys, never rename)."""

        def refs(items: list[Ref]) -> list[dict[str, Any]]:
            return [{"id": r.id, "name": r.name} for r in items]

        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "acknowledged": self.acknowledged,
            "sessions": refs(self.sessions),
            "people": refs(self.people),
            "groups": refs(self.groups),
            "rooms": refs(self.rooms),
            "delegations": refs(self.delegations),
            "places": refs(self.places),
            "vehicles": refs(self.vehicles),
            "rides": refs(self.rides),
            "travel": refs(self.travel),
            "stays": refs(self.stays),
            "blocks": refs(self.blocks),
            "note": self.note,
            "key": self.key,
        }


# --- the data the check reads -------------------------------------------------------------------


@dataclass
class Session:
    id: int
    title: str
    start: int  # seconds since the epoch (UTC)
    end: int
    room: int | None
    units: frozenset[Unit]  # the audience
    facilitators: frozenset[int]
    venue: int | None = None  # the place of its room
    kind: str = ""


@dataclass
class Place:
    name: str
    zone: ZoneInfo
    opens: str  # "06:00", "" when always open
    closes: str


@dataclass
class Trip:
    """An arrival in town or a departure from it."""

    id: int
    person: int
    arrival: bool
    at: int  # seconds since the epoch: landing (arrival) or leaving (departure)
    place: int | None  # the airport or terminal in town
    label: str  # "CM 421", "Copa Airlines", or "" for a journey by road with no number
    flight: bool


@dataclass
class Stay:
    id: int
    person: int
    venue: int
    block: int | None
    check_in: date
    check_out: date
    sharing: int | None


@dataclass
class Block:
    id: int
    venue: int
    room_type: str
    rooms: int
    check_in: date
    check_out: date


@dataclass
class Ride:
    id: int
    vehicle: int | None
    title: str
    start: int
    end: int
    origin: int | None
    destination: int | None
    visit: int | None  # the site-visit session it is a leg of
    units: frozenset[Unit]  # its passengers


@dataclass
class Stop:
    id: int
    position: int
    venue: int | None
    arrives: int | None
    leaves: int | None


@dataclass
class Logistics:
    """Travel, beds, places, roads and vehicles (plan format 3)."""

    airport: int | None = None  # where people land when their ticket names no airport
    places: dict[int, Place] = field(default_factory=dict)
    roads: dict[tuple[int, int], int] = field(default_factory=dict)  # minutes, both ways
    trips: dict[int, list[Trip]] = field(default_factory=dict)  # person -> by time
    stays: list[Stay] = field(default_factory=list)
    blocks: dict[int, Block] = field(default_factory=dict)
    vehicles: dict[int, tuple[str, int, int | None]] = field(default_factory=dict)
    rides: dict[int, Ride] = field(default_factory=dict)
    stops: dict[int, list[Stop]] = field(default_factory=dict)  # visit session -> in order
    room_venue: dict[int, int] = field(default_factory=dict)

    @classmethod
    def load(cls, r: Reader, zone: ZoneInfo) -> Logistics:
        def epoch(value: Any) -> int | None:
            return None if value is None else int(parse_time(value).timestamp())

        def day(value: Any) -> date:
            found = parse_date(value)
            assert found is not None
            return found

        airport = r.rows("SELECT arrival_airport_id FROM plan ORDER BY id LIMIT 1")[0][0]
        places = {
            i: Place(n, _zone(z, zone), o or "", c or "")
            for i, n, z, o, c in r.rows("SELECT id, name, timezone, opens, closes FROM venue")
        }
        roads: dict[tuple[int, int], int] = {}
        for a, b, minutes in r.rows("SELECT from_id, to_id, minutes FROM road_time"):
            roads[(a, b)] = roads[(b, a)] = minutes
        trips: dict[int, list[Trip]] = defaultdict(list)
        for i, p, direction, mode, carrier, number, place, departs, arrives in r.rows(
            "SELECT id, person_id, direction, mode, carrier, number, place_id, departs_at,"
            " arrives_at FROM travel"
        ):
            arrival = direction == "arrival"
            at = epoch(arrives if arrival else departs)
            if at is None:
                continue
            trips[p].append(
                Trip(
                    i,
                    p,
                    arrival,
                    at,
                    place if place is not None else airport,
                    (number or carrier or "").strip(),
                    mode == "flight",
                )
            )
        for items in trips.values():
            items.sort(key=lambda t: (t.at, t.id))
        stays = [
            Stay(i, p, v, b, day(a), day(o), w)
            for i, p, v, b, a, o, w in r.rows(
                "SELECT id, person_id, venue_id, block_id, check_in, check_out, sharing_with_id"
                " FROM stay"
            )
        ]
        blocks = {
            i: Block(i, v, t, n, day(a), day(o))
            for i, v, t, n, a, o in r.rows(
                "SELECT id, venue_id, room_type, rooms, check_in, check_out FROM room_block"
            )
        }
        vehicles = {
            i: (n, s, d) for i, n, s, d in r.rows("SELECT id, name, seats, driver_id FROM vehicle")
        }
        riders: dict[int, set[Unit]] = defaultdict(set)
        for ride, g, d, p in r.rows(
            "SELECT ride_id, group_id, delegation_id, person_id FROM ride_passenger"
        ):
            riders[ride].add(("group", g) if g else ("delegation", d) if d else ("person", p))
        rides = {}
        for i, v, title, start, end, a, b, visit in r.rows(
            "SELECT id, vehicle_id, title, starts_at, ends_at, from_id, to_id, session_id FROM ride"
        ):
            rides[i] = Ride(
                i,
                v,
                title or "",
                epoch(start) or 0,
                epoch(end) or 0,
                a,
                b,
                visit,
                frozenset(riders.get(i, ())),
            )
        stops: dict[int, list[Stop]] = defaultdict(list)
        for i, s, position, venue, arrives, leaves in r.rows(
            "SELECT id, session_id, position, venue_id, arrives_at, leaves_at"
            " FROM visit_stop ORDER BY session_id, position, id"
        ):
            stops[s].append(Stop(i, position, venue, epoch(arrives), epoch(leaves)))
        room_venue = dict(r.rows("SELECT id, venue_id FROM room"))
        return cls(
            airport,
            places,
            roads,
            dict(trips),
            stays,
            blocks,
            vehicles,
            rides,
            dict(stops),
            room_venue,
        )


@dataclass
class PlanData:
    zone: ZoneInfo
    first_day: date
    last_day: date
    sessions: dict[int, Session]
    rooms: dict[int, tuple[str, int]]  # id -> (name, capacity)
    people: dict[int, str]  # id -> full name
    groups: dict[int, str]
    delegations: dict[int, str]
    members: dict[Unit, frozenset[int]]  # unit -> people
    units_of: dict[int, frozenset[Unit]]  # person -> the units they belong to (self included)
    acknowledged: dict[str, str] = field(default_factory=dict)  # key -> note
    # person -> their unavailable times (seconds since the epoch) and notes
    unavailable: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    logistics: Logistics = field(default_factory=Logistics)

    @classmethod
    def load(cls, store: PlanStore) -> PlanData:
        with store.reading() as r:
            tz, first, last = r.rows(
                "SELECT timezone, start_date, end_date FROM plan ORDER BY id LIMIT 1"
            )[0]
            membership = Membership.load(r)
            groups = dict(r.rows("SELECT id, name FROM participant_group"))
            delegations = dict(r.rows("SELECT id, name FROM delegation"))
            rooms = {i: (n, c) for i, n, c in r.rows("SELECT id, name, capacity FROM room")}
            audience: dict[int, set[Unit]] = defaultdict(set)
            for s, g, d, p in r.rows(
                "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
            ):
                audience[s].add(("group", g) if g else ("delegation", d) if d else ("person", p))
            facilitators: dict[int, set[int]] = defaultdict(set)
            for s, p in r.rows("SELECT session_id, person_id FROM session_facilitator"):
                facilitators[s].add(p)
            logistics = Logistics.load(r, ZoneInfo(tz))
            sessions = {}
            for i, title, start, end, room, kind in r.rows(
                "SELECT id, title, starts_at, ends_at, room_id, kind FROM agenda_session"
            ):
                sessions[i] = Session(
                    i,
                    title,
                    int(parse_time(start).timestamp()),
                    int(parse_time(end).timestamp()),
                    room,
                    frozenset(audience.get(i, ())),
                    frozenset(facilitators.get(i, ())),
                    logistics.room_venue.get(room) if room else None,
                    kind,
                )
            acknowledged = dict(r.rows("SELECT problem_key, note FROM acknowledgement"))
            unavailable: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
            for p, start, end, note in r.rows(
                "SELECT person_id, starts_at, ends_at, note FROM unavailability"
            ):
                unavailable[p].append(
                    (int(parse_time(start).timestamp()), int(parse_time(end).timestamp()), note)
                )
        first_day, last_day = parse_date(first), parse_date(last)
        assert first_day is not None and last_day is not None
        return cls(
            ZoneInfo(tz),
            first_day,
            last_day,
            sessions,
            rooms,
            membership.names,
            groups,
            delegations,
            membership.members,
            membership.units_of,
            acknowledged,
            dict(unavailable),
            logistics,
        )


# --- the check ----------------------------------------------------------------------------------


def _overlapping_pairs(items: list[tuple[int, int, int]]) -> Iterable[tuple[int, int]]:
    """Pairs of ids whose [start, end) intervals overlap; items are (start, end, id) sorted."""
    active: list[tuple[int, int]] = []  # (end, id)
    for start, end, sid in items:
        active = [(e, i) for e, i in active if e > start]
        for _e, other in active:
            yield (other, sid) if other < sid else (sid, other)
        active.append((end, sid))


class Checker:
    def __init__(self, data: PlanData) -> None:
        self.data = data
        self._sessions_of_unit: dict[Unit, set[int]] = defaultdict(set)
        for s in data.sessions.values():
            for unit in self._units(s):
                self._sessions_of_unit[unit].add(s.id)
        # People who are never invited one by one share the sessions of their groups and
        # delegation: one "signature" of units stands for all of them.
        self._signatures: dict[frozenset[Unit], list[int]] = defaultdict(list)
        for person, units in data.units_of.items():
            own = ("person", person)
            key = units if own in self._sessions_of_unit else units - {own}
            self._signatures[frozenset(key)].append(person)
        self._signatures_of_unit: dict[Unit, list[frozenset[Unit]]] = defaultdict(list)
        for signature in self._signatures:
            for unit in signature:
                self._signatures_of_unit[unit].append(signature)
        # each room's sessions, kept sorted by start
        self._rooms: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for s in data.sessions.values():
            if s.room is not None:
                self._rooms[s.room].append((s.start, s.end, s.id))
        for items in self._rooms.values():
            items.sort()
        self.problems: dict[str, Problem] = {}
        self._by_session: dict[int, set[str]] = defaultdict(set)
        # travel, rides and roads
        lg = data.logistics
        self._travellers_of_unit: dict[Unit, set[int]] = defaultdict(set)
        for person in lg.trips:
            for unit in data.units_of.get(person, frozenset({("person", person)})):
                self._travellers_of_unit[unit].add(person)
        self._arrivals: dict[int, list[Trip]] = {}
        self._departures: dict[int, list[Trip]] = {}
        for person, trips in lg.trips.items():
            self._arrivals[person] = [t for t in trips if t.arrival]
            self._departures[person] = [t for t in trips if not t.arrival]
        self._ride_driver: dict[int, int | None] = {}
        self._riders: dict[int, frozenset[int]] = {}  # passengers, the driver apart
        # passengers by the units they belong to, to see at once who of them is in a session
        self._rider_units: dict[int, list[tuple[frozenset[Unit], list[int]]]] = {}
        for ride in lg.rides.values():
            vehicle = lg.vehicles.get(ride.vehicle) if ride.vehicle is not None else None
            driver = vehicle[2] if vehicle is not None else None
            self._ride_driver[ride.id] = driver
            people: set[int] = set()
            for unit in ride.units:
                people |= data.members.get(unit, frozenset())
            people.discard(-1 if driver is None else driver)
            self._riders[ride.id] = frozenset(people)
            by_units: dict[frozenset[Unit], list[int]] = defaultdict(list)
            for person in people:
                by_units[data.units_of.get(person, frozenset())].append(person)
            self._rider_units[ride.id] = list(by_units.items())
        # who rides, by the units they belong to: sessions of no one else skip the ride checks
        self._riding_people: set[int] = set()
        for ride_id, riders in self._riders.items():
            self._riding_people |= riders
            if self._ride_driver[ride_id] is not None:
                self._riding_people.add(self._ride_driver[ride_id] or 0)
        self._riding_units: set[Unit] = set()
        for person in self._riding_people:
            self._riding_units |= data.units_of.get(person, frozenset())
        # a traveller with one arrival and one departure can be anywhere between these times
        self._free: dict[int, tuple[float, float]] = {}
        for person in lg.trips:
            arrivals, departures = self._arrivals[person], self._departures[person]
            if len(arrivals) > 1 or len(departures) > 1:
                continue
            lo, hi = float("-inf"), float("inf")
            if arrivals:
                a = arrivals[0]
                margin = PICKUP_MARGIN.total_seconds() if a.flight else 0
                lo = a.at + margin + self._reach(a.place)
            if departures:
                d = departures[0]
                hi = (
                    d.at
                    - (CHECK_IN if d.flight else ROAD_CHECK_IN).total_seconds()
                    - self._reach(d.place)
                )
            self._free[person] = (lo, hi)
        # roads matter between sessions only when places that have rooms are roads apart
        venues = set(lg.room_venue.values())
        self._max_road = 60 * max(
            (m for (a, b), m in lg.roads.items() if a in venues and b in venues), default=0
        )
        self._ride_index = sorted((r.start, r.end, r.id) for r in lg.rides.values())
        self._ride_starts = [start for start, _e, _i in self._ride_index]
        self._longest_ride = max((e - s for s, e, _i in self._ride_index), default=0)

    @staticmethod
    def _units(s: Session) -> frozenset[Unit]:
        return s.units | {("person", p) for p in s.facilitators}

    def room_overlaps(self) -> list[tuple[int, int]]:
        """Pairs of sessions (lower id first) that share a room at the same time."""
        pairs: list[tuple[int, int]] = []
        for items in self._rooms.values():
            latest = -1
            for n, (start, end, sid) in enumerate(items):
                if start < latest:  # rare: look back at the sessions still running
                    for other_start, other_end, other in items[:n]:
                        if other_end > start and other_start < end:
                            pairs.append((other, sid) if other < sid else (sid, other))
                if end > latest:
                    latest = end
        return pairs

    # whole plan
    def run(self) -> list[Problem]:
        self.problems.clear()
        self._by_session.clear()
        data = self.data
        for s in data.sessions.values():
            self._check_alone(s)
        for a, b in self.room_overlaps():
            self._room_clash(data.sessions[a], data.sessions[b])
        clashes: dict[tuple[int, int], set[int]] = defaultdict(set)
        tight: dict[tuple[int, int], set[int]] = defaultdict(set)
        sessions = data.sessions
        roads = self._max_road > 0
        for signature, people in self._signatures.items():
            ids: set[int] = set()
            for unit in signature:
                ids |= self._sessions_of_unit.get(unit, set())
            if len(ids) < 2:
                continue
            items = sorted((sessions[i].start, sessions[i].end, i) for i in ids)
            for pair in _overlapping_pairs(items):
                clashes[pair].update(people)
            if roads:
                for pair in self._tight_pairs(items):
                    tight[pair].update(people)
        for (a, b), clashing in clashes.items():
            self._people_clash(sessions[a], sessions[b], clashing)
        for (a, b), late in tight.items():
            self._too_far(sessions[a], sessions[b], late)
        self._check_rides()
        self._check_beds()
        return self.sorted_problems()

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems.values(), key=lambda p: (p.start, p.kind, p.key))

    # one changed session
    def move(
        self, session_id: int, start: datetime, end: datetime, room: int | None
    ) -> list[Problem]:
        """Re-check after one session moved (in time or room); returns all problems."""
        s = self.data.sessions[session_id]
        for key in list(self._by_session.get(session_id, ())):
            self._drop(key)
        if s.room is not None:
            self._rooms[s.room].remove((s.start, s.end, s.id))
        s.start, s.end, s.room = int(start.timestamp()), int(end.timestamp()), room
        s.venue = self.data.logistics.room_venue.get(room) if room is not None else None
        if room is not None:
            bisect.insort(self._rooms[room], (s.start, s.end, s.id))
        self._check_alone(s)
        others = self.data.sessions
        if room is not None:
            for other_start, other_end, oid in self._rooms[room]:
                if other_start >= s.end:
                    break
                if oid != s.id and other_end > s.start:
                    self._room_clash(*sorted((s, others[oid]), key=lambda x: x.id))
        clashes: dict[int, set[int]] = defaultdict(set)
        tight: dict[int, set[int]] = defaultdict(set)
        reach = self._max_road
        for unit in self._units(s):
            for signature in self._signatures_of_unit.get(unit, ()):
                people = self._signatures[signature]
                for other_unit in signature:
                    for oid in self._sessions_of_unit.get(other_unit, ()):
                        other = others[oid]
                        if oid == s.id:
                            continue
                        if other.start < s.end and s.start < other.end:
                            clashes[oid].update(people)
                        elif reach and (
                            s.end <= other.start < s.end + reach
                            or other.end <= s.start < other.end + reach
                        ):
                            tight[oid].update(people)
        for oid, clashing in clashes.items():
            a, b = sorted((s, others[oid]), key=lambda x: x.id)
            self._people_clash(a, b, clashing)
        for oid, late in tight.items():
            a, b = sorted((s, others[oid]), key=lambda x: (x.start, x.id))
            if self._gap_too_short(a, b) is not None:
                self._too_far(a, b, late)
        return self.sorted_problems()

    def _drop(self, key: str) -> None:
        problem = self.problems.pop(key, None)
        if problem is not None:
            for ref in problem.sessions:
                self._by_session[ref.id].discard(key)

    def _add(self, problem: Problem) -> None:
        note = self.data.acknowledged.get(problem.key)
        if note is not None:
            problem.acknowledged, problem.note = True, note
        self.problems[problem.key] = problem
        for ref in problem.sessions:
            self._by_session[ref.id].add(problem.key)

    # the kinds of problem
    def _check_alone(self, s: Session) -> None:
        self._check_availability(s)
        if self.data.logistics.trips:
            self._check_journey(s)
        if self._ride_index:
            self._check_rides_during(s)
        self._check_place(s)
        data = self.data
        start, end = self._local(s.start), self._local(s.end)
        if start.date() < data.first_day or (end - timedelta(seconds=1)).date() > data.last_day:
            self._add(
                Problem(
                    OUTSIDE_PLAN_DATES,
                    SEVERITY[OUTSIDE_PLAN_DATES],
                    _(
                        "“{title}” on {day} is outside the plan's days ({first} – {last}). Move"
                        " it, or"
                        " change the plan's dates in File ▸ Plan Details."
                    ).format(
                        title=s.title,
                        day=_day(start.date()),
                        first=_day(data.first_day),
                        last=_day(data.last_day),
                    ),
                    start,
                    end,
                    f"{OUTSIDE_PLAN_DATES}:{s.id}",
                    [self._session_ref(s)],
                )
            )
        if s.room is not None and s.room in data.rooms:
            name, capacity = data.rooms[s.room]
            people: set[int] = set()
            for unit in self._units(s):
                people |= data.members.get(unit, frozenset())
            if len(people) > capacity:
                self._add(
                    Problem(
                        OVER_CAPACITY,
                        SEVERITY[OVER_CAPACITY],
                        _(
                            "“{title}” ({when}) brings {n} people into {room}, which seats"
                            " {capacity}"
                            " ({extra} too many). Choose a larger room or split the audience."
                        ).format(
                            title=s.title,
                            when=self._when(s.start, s.end),
                            n=len(people),
                            room=name,
                            capacity=capacity,
                            extra=len(people) - capacity,
                        ),
                        start,
                        end,
                        f"{OVER_CAPACITY}:{s.id}",
                        [self._session_ref(s)],
                        rooms=[Ref(s.room, name)],
                    )
                )

    def _check_availability(self, s: Session) -> None:
        """Facilitators and people invited by name, booked while they said they cannot."""
        data = self.data
        if not data.unavailable:
            return
        named = set(s.facilitators) | {ref for kind, ref in s.units if kind == "person"}
        for person in sorted(named):
            for start, end, note in data.unavailable.get(person, ()):
                if start < s.end and s.start < end:
                    name = data.people.get(person, "?")
                    self._add(
                        Problem(
                            BOOKED_WHEN_UNAVAILABLE,
                            SEVERITY[BOOKED_WHEN_UNAVAILABLE],
                            _(
                                "{name} is booked for “{title}” {when} but is unavailable then"
                                "{note}. Find someone else, move the session, or accept it with a"
                                " note."
                            ).format(
                                name=name,
                                title=s.title,
                                when=self._when(s.start, s.end),
                                note=f" ({note})" if note else "",
                            ),
                            self._local(max(start, s.start)),
                            self._local(min(end, s.end)),
                            f"{BOOKED_WHEN_UNAVAILABLE}:{person}:{s.id}",
                            [self._session_ref(s)],
                            people=[Ref(person, name)],
                        )
                    )
                    break

    def _room_clash(self, a: Session, b: Session) -> None:
        assert a.room is not None
        name = self.data.rooms.get(a.room, ("?", 0))[0]
        start, end = max(a.start, b.start), min(a.end, b.end)
        self._add(
            Problem(
                ROOM_DOUBLE_BOOKED,
                SEVERITY[ROOM_DOUBLE_BOOKED],
                _(
                    "{room} is booked twice {when}: “{first}” and “{second}”. Move one of them or"
                    " give it another room."
                ).format(room=name, when=self._when(start, end), first=a.title, second=b.title),
                self._local(start),
                self._local(end),
                f"{ROOM_DOUBLE_BOOKED}:{a.room}:{a.id}:{b.id}",
                [self._session_ref(a), self._session_ref(b)],
                rooms=[Ref(a.room, name)],
            )
        )

    def _people_clash(self, a: Session, b: Session, people: set[int]) -> None:
        data = self.data
        start, end = max(a.start, b.start), min(a.end, b.end)
        when = self._when(start, end)
        sessions = [self._session_ref(a), self._session_ref(b)]
        facilitating = sorted(p for p in people if p in a.facilitators or p in b.facilitators)
        for person in facilitating:
            self._add(
                Problem(
                    FACILITATOR_DOUBLE_BOOKED,
                    SEVERITY[FACILITATOR_DOUBLE_BOOKED],
                    _(
                        "{name} is booked twice {when}: facilitating “{first}” and"
                        " {second_role} “{second}”. Find another facilitator or move a"
                        " session."
                    ).format(
                        name=data.people.get(person, "?"),
                        when=when,
                        first=(a if person in a.facilitators else b).title,
                        second_role=_("facilitating")
                        if person in a.facilitators and person in b.facilitators
                        else _("attending"),
                        second=(b if person in a.facilitators else a).title,
                    ),
                    self._local(start),
                    self._local(end),
                    f"{FACILITATOR_DOUBLE_BOOKED}:{person}:{a.id}:{b.id}",
                    sessions,
                    people=[Ref(person, data.people.get(person, "?"))],
                )
            )
        rest = people.difference(facilitating)
        if not rest:
            return
        # Name the smallest units that hold exactly these people: whole groups first.
        groups, delegations, left = self._cover(rest, a, b)
        names = sorted(data.people.get(p, "?") for p in rest)
        subjects = [data.groups.get(g, "?") for g in groups] + [
            data.delegations.get(d, "?") for d in delegations
        ]
        if not left and len(subjects) == 1:
            who = ngettext("{name} ({n} person) is", "{name} ({n} people) are", len(rest)).format(
                name=subjects[0], n=len(rest)
            )
        elif len(rest) == 1:
            who = _("{name} is").format(name=names[0])
        else:
            shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
            who = ngettext("{n} person ({names}) is", "{n} people ({names}) are", len(rest)).format(
                n=len(rest), names=shown
            )
        subject_key = ",".join(
            [f"g{g}" for g in groups] + [f"d{d}" for d in delegations]
        ) or ",".join(str(p) for p in sorted(rest)[:20])
        self._add(
            Problem(
                PERSON_DOUBLE_BOOKED,
                SEVERITY[PERSON_DOUBLE_BOOKED],
                _(
                    "{who} in two places at once {when}: “{first}” and “{second}”. Move one of the"
                    " sessions or change who attends."
                ).format(who=who, when=when, first=a.title, second=b.title),
                self._local(start),
                self._local(end),
                f"{PERSON_DOUBLE_BOOKED}:{subject_key}:{a.id}:{b.id}",
                sessions,
                people=[
                    Ref(p, data.people.get(p, "?"))
                    for p in sorted(rest, key=lambda p: data.people.get(p, ""))
                ],
                groups=[Ref(g, data.groups.get(g, "?")) for g in groups],
                delegations=[Ref(d, data.delegations.get(d, "?")) for d in delegations],
            )
        )

    def _cover(
        self, people: set[int], a: Session, b: Session
    ) -> tuple[list[int], list[int], set[int]]:
        """Groups, then delegations, of the two sessions wholly inside ``people``."""
        left = set(people)
        groups: list[int] = []
        delegations: list[int] = []
        for kind, bucket in (("group", groups), ("delegation", delegations)):
            for unit in sorted(a.units | b.units):
                if unit[0] != kind:
                    continue
                members = self.data.members.get(unit, frozenset())
                if members and members <= left:
                    bucket.append(unit[1])
                    left -= members
        return groups, delegations, left

    # --- travel, roads, places, vehicles and beds -----------------------------------------------

    def _reach(self, place: int | None) -> int:
        """The longest the road from ``place`` to anywhere can take, in seconds."""
        if place is None:
            return 0
        known = [m for (a, _b), m in self.data.logistics.roads.items() if a == place]
        return 60 * max([*known, int(DEFAULT_ROAD.total_seconds() // 60)])

    def _driver(self, ride: Ride) -> int | None:
        return self._ride_driver.get(ride.id)

    def _riders_in(self, ride: Ride, s: Session) -> set[int]:
        """The ride's passengers who are also in the session."""
        out: set[int] = set()
        for units, people in self._rider_units[ride.id]:
            if not s.units.isdisjoint(units):
                out.update(people)
        if s.facilitators:
            out |= s.facilitators & self._riders[ride.id]
        return out

    def _attends(self, person: int, s: Session) -> bool:
        if person in s.facilitators:
            return True
        return not s.units.isdisjoint(self.data.units_of.get(person, ()))

    def _road(self, a: int | None, b: int | None) -> tuple[int, int | None]:
        """Seconds on the road from place a to place b, and the minutes assumed when no road
        time is entered (``None`` when it is known, or when a place is unknown)."""
        if a is None or b is None or a == b:
            return 0, None
        minutes = self.data.logistics.roads.get((a, b))
        if minutes is not None:
            return 60 * minutes, None
        assumed = int(DEFAULT_ROAD.total_seconds() // 60)
        return 60 * assumed, assumed

    def _arrival(self, person: int, end: int) -> Trip | None:
        """The arrival an item ending at ``end`` depends on: the last one landing before it."""
        arrivals = self._arrivals.get(person)
        if not arrivals:
            return None
        if len(arrivals) == 1:
            return arrivals[0]
        before = [t for t in arrivals if t.at < end]
        return before[-1] if before else arrivals[0]

    def _departure(self, person: int, start: int) -> Trip | None:
        """The departure an item starting at ``start`` must end before: the next one."""
        departures = self._departures.get(person)
        if not departures:
            return None
        if len(departures) == 1:
            return departures[0]
        after = [t for t in departures if t.at > start]
        return after[0] if after else departures[-1]

    def _check_journey(self, s: Session) -> None:
        travellers: set[int] = set()
        for unit in self._units(s):
            travellers |= self._travellers_of_unit.get(unit, set())
        if travellers:
            self._journey(
                travellers,
                s.title,
                s.start,
                s.end,
                s.venue,
                s.venue,
                self._units(s),
                f"{s.id}",
                sessions=[self._session_ref(s)],
            )

    def _journey(
        self,
        travellers: set[int],
        title: str,
        start: int,
        end: int,
        origin: int | None,
        destination: int | None,
        units: Iterable[Unit],
        key: str,
        **refs: list[Ref],
    ) -> None:
        """People who land too late for an item, or must leave before it ends."""
        # people on the same flight (or journey) are named together
        Same = tuple[str, int, int, int]  # (label, at, place, ready or latest time to go)
        late: dict[Same, set[int]] = defaultdict(set)
        early: dict[Same, set[int]] = defaultdict(set)
        trips: dict[Same, tuple[Trip, int | None]] = {}
        for person in travellers:
            free = self._free.get(person)
            if free is not None and free[0] <= start and end <= free[1]:
                continue
            arrival = self._arrival(person, end)
            if arrival is not None:
                road, assumed = self._road(arrival.place, origin)
                margin = PICKUP_MARGIN if arrival.flight else timedelta(0)
                ready = arrival.at + int(margin.total_seconds()) + road
                if start < ready:
                    same = (arrival.label, arrival.at, arrival.place or 0, ready)
                    late[same].add(person)
                    trips.setdefault(same, (arrival, assumed))
            departure = self._departure(person, start)
            if departure is not None:
                road, assumed = self._road(destination, departure.place)
                margin = CHECK_IN if departure.flight else ROAD_CHECK_IN
                leave_by = departure.at - int(margin.total_seconds()) - road
                if end > leave_by:
                    same = (departure.label, departure.at, departure.place or 0, leave_by)
                    early[same].add(person)
                    trips.setdefault(same, (departure, assumed))
        for kind, found in ((BEFORE_ARRIVAL, late), (AFTER_DEPARTURE, early)):
            for same, people in sorted(found.items()):
                trip, assumed = trips[same]
                limit = same[3]  # ready at the earliest, or gone at the latest
                who, n, groups, delegations, subject = self._who(people, units)
                values = {
                    "who": who,
                    "title": title,
                    "when": self._when(start, end),
                    "trip": self._trip_name(trip),
                    "place": self._place_name(trip.place),
                    "at": self._stamp(trip.at),
                    "minutes": _duration(abs(limit - trip.at)),
                }
                if kind == BEFORE_ARRIVAL:
                    message = ngettext(
                        "{who} cannot make “{title}” {when}: {trip} arrives at {place} {at};"
                        " allowing {minutes} to get there, {ready} is the earliest. Move it,"
                        " change who goes, or change the travel.",
                        "{who} cannot make “{title}” {when}: {trip} arrives at {place} {at};"
                        " allowing {minutes} to get there, {ready} is the earliest. Move it,"
                        " change who goes, or change the travel.",
                        n,
                    ).format(ready=self._stamp(limit), **values)
                    message += self._assumed(trip.place, origin, assumed)
                    span = (start, min(end, limit))
                else:
                    message = ngettext(
                        "{who} cannot stay for “{title}” {when}: {trip} leaves {place} {at};"
                        " allowing {minutes} to get there and check in, {by} is the latest to"
                        " go. Move it, change who goes, or change the travel.",
                        "{who} cannot stay for “{title}” {when}: {trip} leaves {place} {at};"
                        " allowing {minutes} to get there and check in, {by} is the latest to"
                        " go. Move it, change who goes, or change the travel.",
                        n,
                    ).format(by=self._stamp(limit), **values)
                    message += self._assumed(destination, trip.place, assumed)
                    span = (max(start, limit), end)
                self._add(
                    _with(
                        refs,
                        Problem(
                            kind,
                            SEVERITY[kind],
                            message,
                            self._local(span[0]),
                            self._local(span[1]),
                            f"{kind}:{subject}:{key}",
                            people=self._people_refs(people),
                            groups=groups,
                            delegations=delegations,
                            travel=[self._trip_ref(trip)],
                        ),
                    )
                )

    def _assumed(self, a: int | None, b: int | None, minutes: int | None) -> str:
        if minutes is None:
            return ""
        return " " + _(
            "No road time from {a} to {b} is entered, so {minutes} min are assumed;"
            " enter it under Places & rooms ▸ Road times."
        ).format(a=self._place_name(a), b=self._place_name(b), minutes=minutes)

    def _rides_during(self, start: int, end: int) -> Iterable[Ride]:
        rides = self.data.logistics.rides
        first = bisect.bisect_left(self._ride_starts, start - self._longest_ride)
        last = bisect.bisect_left(self._ride_starts, end)
        for ride_start, ride_end, rid in self._ride_index[first:last]:
            if ride_start < end and start < ride_end:
                yield rides[rid]

    def _check_rides_during(self, s: Session) -> None:
        """Passengers and drivers of rides that run while they are in a session."""
        if s.units.isdisjoint(self._riding_units) and s.facilitators.isdisjoint(
            self._riding_people
        ):
            return
        visit_audience = self.data.sessions
        for ride in self._rides_during(s.start, s.end):
            if ride.visit == s.id:
                continue
            start, end = max(s.start, ride.start), min(s.end, ride.end)
            driver = self._driver(ride)
            if driver is not None and self._attends(driver, s):
                self._driver_clash(
                    driver,
                    ride,
                    start,
                    end,
                    s.title,
                    _("facilitating") if driver in s.facilitators else _("attending"),
                    f"s{s.id}",
                    sessions=[self._session_ref(s)],
                )
            people = self._riders_in(ride, s)
            own = visit_audience.get(ride.visit) if ride.visit is not None else None
            if people and own is not None:
                people -= self._riders_in(ride, own)  # their visit's clashes are said already
            if people:
                self._riding_clash(
                    people,
                    ride.units | s.units,
                    start,
                    end,
                    s.title,
                    self._ride_name(ride),
                    f"s{s.id}:r{ride.id}",
                    sessions=[self._session_ref(s)],
                    rides=[self._ride_ref(ride)],
                )

    def _driver_clash(
        self,
        driver: int,
        ride: Ride,
        start: int,
        end: int,
        other: str,
        role: str,
        key: str,
        **refs: list[Ref],
    ) -> None:
        data = self.data
        vehicle = data.logistics.vehicles.get(ride.vehicle or -1, ("?", 0, None))[0]
        name = data.people.get(driver, "?")
        rides = refs.pop("rides", [])
        self._add(
            _with(
                refs,
                Problem(
                    DRIVER_DOUBLE_BOOKED,
                    SEVERITY[DRIVER_DOUBLE_BOOKED],
                    _(
                        "{name}, the driver of {vehicle}, is booked twice {when}: driving"
                        " “{first}” and"
                        " {role} “{second}”. Find another driver or move one of them."
                    ).format(
                        name=name,
                        vehicle=vehicle,
                        when=self._when(start, end),
                        first=self._ride_name(ride),
                        role=role,
                        second=other,
                    ),
                    self._local(start),
                    self._local(end),
                    f"{DRIVER_DOUBLE_BOOKED}:{driver}:r{ride.id}:{key}",
                    people=[Ref(driver, name)],
                    rides=[self._ride_ref(ride), *rides],
                    vehicles=[Ref(ride.vehicle or 0, vehicle)],
                ),
            )
        )

    def _riding_clash(
        self,
        people: set[int],
        units: Iterable[Unit],
        start: int,
        end: int,
        first: str,
        second: str,
        key: str,
        **refs: list[Ref],
    ) -> None:
        who, n, groups, delegations, subject = self._who(people, units)
        self._add(
            _with(
                refs,
                Problem(
                    PERSON_DOUBLE_BOOKED,
                    SEVERITY[PERSON_DOUBLE_BOOKED],
                    ngettext(
                        "{who} is in two places at once {when}: “{first}” and “{second}”. Move one"
                        " of them or change who rides.",
                        "{who} are in two places at once {when}: “{first}” and “{second}”. Move"
                        " one of them or change who rides.",
                        n,
                    ).format(who=who, when=self._when(start, end), first=first, second=second),
                    self._local(start),
                    self._local(end),
                    f"{PERSON_DOUBLE_BOOKED}:{subject}:{key}",
                    people=self._people_refs(people),
                    groups=groups,
                    delegations=delegations,
                ),
            )
        )

    def _check_rides(self) -> None:
        """Each ride alone (seats, arrivals), each vehicle's day, and rides that overlap."""
        lg = self.data.logistics
        by_vehicle: dict[int, list[Ride]] = defaultdict(list)
        for ride in lg.rides.values():
            if ride.vehicle is not None and ride.vehicle in lg.vehicles:
                by_vehicle[ride.vehicle].append(ride)
                name, seats, _driver = lg.vehicles[ride.vehicle]
                riders = len(self._riders[ride.id])
                if riders > seats:
                    self._add(
                        Problem(
                            VEHICLE_OVER_CAPACITY,
                            SEVERITY[VEHICLE_OVER_CAPACITY],
                            _(
                                "{vehicle} carries {n} passengers on “{title}” {when} but seats"
                                " {seats} ({extra} too many). Add a vehicle, or move passengers to"
                                " another ride."
                            ).format(
                                vehicle=name,
                                n=riders,
                                title=self._ride_name(ride),
                                when=self._when(ride.start, ride.end),
                                seats=seats,
                                extra=riders - seats,
                            ),
                            self._local(ride.start),
                            self._local(ride.end),
                            f"{VEHICLE_OVER_CAPACITY}:{ride.id}",
                            rides=[self._ride_ref(ride)],
                            vehicles=[Ref(ride.vehicle, name)],
                        )
                    )
            if lg.trips:
                travellers: set[int] = set()
                for unit in ride.units:
                    travellers |= self._travellers_of_unit.get(unit, set())
                driver = self._driver(ride)
                if driver is not None and driver in lg.trips:
                    travellers.add(driver)
                if travellers:
                    self._journey(
                        travellers,
                        self._ride_name(ride),
                        ride.start,
                        ride.end,
                        ride.origin,
                        ride.destination,
                        ride.units,
                        f"r{ride.id}",
                        rides=[self._ride_ref(ride)],
                    )
        for vehicle, rides in by_vehicle.items():
            rides.sort(key=lambda r: (r.start, r.id))
            name = lg.vehicles[vehicle][0]
            items = [(r.start, r.end, r.id) for r in rides]
            for a_id, b_id in _overlapping_pairs(items):
                a, b = lg.rides[a_id], lg.rides[b_id]
                start, end = max(a.start, b.start), min(a.end, b.end)
                self._add(
                    Problem(
                        VEHICLE_DOUBLE_BOOKED,
                        SEVERITY[VEHICLE_DOUBLE_BOOKED],
                        _(
                            "{vehicle} is booked twice {when}: “{first}” and “{second}”. Move"
                            " one of"
                            " the rides or give it another vehicle."
                        ).format(
                            vehicle=name,
                            when=self._when(start, end),
                            first=self._ride_name(a),
                            second=self._ride_name(b),
                        ),
                        self._local(start),
                        self._local(end),
                        f"{VEHICLE_DOUBLE_BOOKED}:{vehicle}:{a.id}:{b.id}",
                        rides=[self._ride_ref(a), self._ride_ref(b)],
                        vehicles=[Ref(vehicle, name)],
                    )
                )
            for a, b in itertools.pairwise(rides):
                if b.start < a.end:
                    continue
                road, assumed = self._road(a.destination, b.origin)
                if assumed is None and b.start - a.end < road:
                    self._add(
                        Problem(
                            NOT_ENOUGH_TRAVEL_TIME,
                            SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
                            _(
                                "{vehicle} cannot get from {a} to {b} in time on {day}:"
                                " “{first}” ends"
                                " at {end}, “{second}” starts at {start}, and the road takes"
                                " {road}."
                                " Move a ride or use another vehicle."
                            ).format(
                                vehicle=name,
                                a=self._place_name(a.destination),
                                b=self._place_name(b.origin),
                                day=_day(self._local(a.end).date()),
                                first=self._ride_name(a),
                                end=_clock(self._local(a.end)),
                                second=self._ride_name(b),
                                start=_clock(self._local(b.start)),
                                road=_duration(road),
                            ),
                            self._local(a.end),
                            self._local(b.start),
                            f"{NOT_ENOUGH_TRAVEL_TIME}:v{vehicle}:{a.id}:{b.id}",
                            rides=[self._ride_ref(a), self._ride_ref(b)],
                            vehicles=[Ref(vehicle, name)],
                            places=self._place_refs(a.destination, b.origin),
                        )
                    )
        # rides that overlap: a driver or a passenger in two at once
        rides_of: dict[int, list[Ride]] = defaultdict(list)
        for ride in lg.rides.values():
            for person in self._riders[ride.id]:
                rides_of[person].append(ride)
            driver = self._driver(ride)
            if driver is not None:
                rides_of[driver].append(ride)
        pairs: set[tuple[int, int]] = set()
        for rides in rides_of.values():
            if len(rides) > 1:
                pairs.update(_overlapping_pairs(sorted((r.start, r.end, r.id) for r in rides)))
        for a_id, b_id in sorted(pairs):
            a, b = lg.rides[a_id], lg.rides[b_id]
            if a.vehicle is not None and a.vehicle == b.vehicle:
                continue  # the vehicle is double-booked: said once, above
            start, end = max(a.start, b.start), min(a.end, b.end)
            drivers = {d for d in (self._driver(a), self._driver(b)) if d is not None}
            for ride, other in ((a, b), (b, a)):
                driver = self._driver(ride)
                if driver is None or (ride is b and driver == self._driver(a)):
                    continue
                if driver == self._driver(other):
                    role = _("driving")
                elif driver in self._riders[other.id]:
                    role = _("riding in")
                else:
                    continue
                self._driver_clash(
                    driver,
                    ride,
                    start,
                    end,
                    self._ride_name(other),
                    role,
                    f"r{other.id}",
                    rides=[self._ride_ref(other)],
                )
            people = (self._riders[a.id] & self._riders[b.id]) - drivers
            if people:
                self._riding_clash(
                    set(people),
                    a.units | b.units,
                    start,
                    end,
                    self._ride_name(a),
                    self._ride_name(b),
                    f"r{a.id}:r{b.id}",
                    rides=[self._ride_ref(a), self._ride_ref(b)],
                )

    def _tight_pairs(self, items: list[tuple[int, int, int]]) -> Iterable[tuple[int, int]]:
        """Pairs (earlier, later) of one person's sessions too close for the road between."""
        reach = self._max_road
        sessions = self.data.sessions
        for n, (_start, end, a) in enumerate(items):
            if sessions[a].venue is None:
                continue
            for b_start, _b_end, b in items[n + 1 :]:
                if b_start >= end + reach:
                    break
                if b_start >= end and self._gap_too_short(sessions[a], sessions[b]) is not None:
                    yield a, b

    def _gap_too_short(self, a: Session, b: Session) -> int | None:
        """The road's seconds when ``b`` starts too soon after ``a`` ends to get there."""
        if a.venue is None or b.venue is None or a.venue == b.venue:
            return None
        road, assumed = self._road(a.venue, b.venue)
        if assumed is None and 0 <= b.start - a.end < road:
            return road
        return None

    def _too_far(self, a: Session, b: Session, people: set[int]) -> None:
        road = self._gap_too_short(a, b) or 0
        who, _n, groups, delegations, subject = self._who(people, a.units | b.units)
        self._add(
            Problem(
                NOT_ENOUGH_TRAVEL_TIME,
                SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
                _(
                    "{who}: not enough time to get from “{first}” at {a} to “{second}” at {b} on"
                    " {day}:"
                    " the road takes {road}, and there are {gap} between them. Move one of the"
                    " sessions or change who attends."
                ).format(
                    who=who,
                    first=a.title,
                    a=self._place_name(a.venue),
                    second=b.title,
                    b=self._place_name(b.venue),
                    day=_day(self._local(a.end).date()),
                    road=_duration(road),
                    gap=_duration(b.start - a.end),
                ),
                self._local(a.end),
                self._local(b.start),
                f"{NOT_ENOUGH_TRAVEL_TIME}:{subject}:{a.id}:{b.id}",
                [self._session_ref(a), self._session_ref(b)],
                people=self._people_refs(people),
                groups=groups,
                delegations=delegations,
                places=self._place_refs(a.venue, b.venue),
            )
        )

    def _check_place(self, s: Session) -> None:
        """Opening hours of the session's place and of a visit's stops; roads between stops."""
        lg = self.data.logistics
        stops = lg.stops.get(s.id)
        if stops:
            for stop in stops:
                place = lg.places.get(stop.venue) if stop.venue is not None else None
                arrives = stop.arrives if stop.arrives is not None else stop.leaves
                leaves = stop.leaves if stop.leaves is not None else stop.arrives
                if place is None or arrives is None or leaves is None:
                    continue
                if _closed(place, arrives, leaves):
                    self._add(
                        Problem(
                            PLACE_CLOSED,
                            SEVERITY[PLACE_CLOSED],
                            _(
                                "“{title}” stops at {place} {when}, outside its opening hours"
                                " ({opens}–{closes}). Change the stop's times, or agree them"
                                " with the"
                                " host."
                            ).format(
                                title=s.title,
                                place=place.name,
                                when=self._when(arrives, leaves),
                                opens=place.opens,
                                closes=place.closes,
                            ),
                            self._local(arrives),
                            self._local(leaves),
                            f"{PLACE_CLOSED}:stop{stop.id}",
                            [self._session_ref(s)],
                            places=self._place_refs(stop.venue),
                        )
                    )
            for a, b in itertools.pairwise(stops):
                if a.leaves is None or b.arrives is None:
                    continue
                road, assumed = self._road(a.venue, b.venue)
                if assumed is None and b.arrives - a.leaves < road:
                    self._add(
                        Problem(
                            NOT_ENOUGH_TRAVEL_TIME,
                            SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
                            _(
                                "“{title}”: not enough time from {a} (leaving at {leaves}) to {b}"
                                " (arriving at {arrives}): the road takes {road}. Change the stops'"
                                " times."
                            ).format(
                                title=s.title,
                                a=self._place_name(a.venue),
                                leaves=_clock(self._local(a.leaves)),
                                b=self._place_name(b.venue),
                                arrives=_clock(self._local(b.arrives)),
                                road=_duration(road),
                            ),
                            self._local(a.leaves),
                            self._local(max(a.leaves, b.arrives)),
                            f"{NOT_ENOUGH_TRAVEL_TIME}:stop{a.id}:{b.id}",
                            [self._session_ref(s)],
                            places=self._place_refs(a.venue, b.venue),
                        )
                    )
            return
        place = lg.places.get(s.venue) if s.venue is not None else None
        if place is not None and _closed(place, s.start, s.end):
            self._add(
                Problem(
                    PLACE_CLOSED,
                    SEVERITY[PLACE_CLOSED],
                    _(
                        "“{title}” is at {place} {when}, outside its opening hours"
                        " ({opens}–{closes})."
                        " Move the session, or change the place's hours."
                    ).format(
                        title=s.title,
                        place=place.name,
                        when=self._when(s.start, s.end),
                        opens=place.opens,
                        closes=place.closes,
                    ),
                    self._local(s.start),
                    self._local(s.end),
                    f"{PLACE_CLOSED}:{s.id}",
                    [self._session_ref(s)],
                    places=self._place_refs(s.venue),
                )
            )

    def _check_beds(self) -> None:
        """Nights in town without a bed, stays that miss the travel dates, full blocks."""
        data, lg = self.data, self.data.logistics
        nights_of: dict[int, set[date]] = defaultdict(set)
        for stay in lg.stays:
            nights_of[stay.person].update(_nights(stay.check_in, stay.check_out))
        homeless: dict[tuple[date, date], set[int]] = defaultdict(set)
        for person, trips in lg.trips.items():
            needed: set[date] = set()
            spans: list[tuple[Trip, Trip | None]] = []
            for trip in trips:
                if not trip.arrival:
                    continue
                departure = next((t for t in trips if not t.arrival and t.at > trip.at), None)
                spans.append((trip, departure))
                first = self._local(trip.at)
                first_night = first.date() - timedelta(days=1 if first.hour < EARLY_HOUR else 0)
                last = self._local(departure.at).date() if departure is not None else data.last_day
                needed.update(_nights(first_night, last))
            if not needed:
                continue
            have = nights_of.get(person, set())
            for first_night, last_night in _runs(sorted(needed - have)):
                homeless[(first_night, last_night)].add(person)
            if have and have != needed:
                self._stay_mismatch(person, spans, have, needed)
        for (first_night, last_night), people in sorted(homeless.items()):
            units = {u for p in people for u in data.units_of.get(p, ()) if u[0] != "person"}
            who, n, groups, delegations, subject = self._who(people, units)
            self._add(
                Problem(
                    NO_BED,
                    SEVERITY[NO_BED],
                    ngettext(
                        "{who} has no bed for {nights}, while in town. Add a stay at a hotel"
                        " (Accommodation page).",
                        "{who} have no bed for {nights}, while in town. Add a stay at a hotel"
                        " (Accommodation page).",
                        n,
                    ).format(who=who, nights=_night_span(first_night, last_night)),
                    self._evening(first_night),
                    self._morning(last_night + timedelta(days=1)),
                    f"{NO_BED}:{subject}:{first_night.isoformat()}",
                    people=self._people_refs(people),
                    groups=groups,
                    delegations=delegations,
                    travel=[
                        self._trip_ref(t) for p in sorted(people)[:20] for t in lg.trips.get(p, ())
                    ],
                )
            )
        self._check_blocks()

    def _stay_mismatch(
        self, person: int, spans: list[tuple[Trip, Trip | None]], have: set[date], needed: set[date]
    ) -> None:
        lg = self.data.logistics
        stays = [s for s in lg.stays if s.person == person]
        arrival, departure = spans[0][0], spans[-1][1]
        name = self.data.people.get(person, "?")
        first, last = min(needed), max(needed) + timedelta(days=1)
        self._add(
            Problem(
                STAY_MISMATCH,
                SEVERITY[STAY_MISMATCH],
                _(
                    "{name}'s hotel stay ({stay}) does not match the travel: arriving {arrival},"
                    " leaving {departure}, the stay should be {expected}. Change the stay's"
                    " dates or"
                    " the travel."
                ).format(
                    name=name,
                    stay=_span(min(have), max(have) + timedelta(days=1)),
                    arrival=self._stamp(arrival.at),
                    departure=self._stamp(departure.at)
                    if departure is not None
                    else _("at the end of the plan"),
                    expected=_span(first, last),
                ),
                self._evening(min(min(have), first)),
                self._morning(max(max(have), max(needed)) + timedelta(days=1)),
                f"{STAY_MISMATCH}:{person}",
                people=[Ref(person, name)],
                travel=[self._trip_ref(t) for t in lg.trips.get(person, ())],
                stays=[self._stay_ref(s) for s in stays],
            )
        )

    def _check_blocks(self) -> None:
        lg = self.data.logistics
        by_block: dict[int, list[Stay]] = defaultdict(list)
        for stay in lg.stays:
            if stay.block is not None and stay.block in lg.blocks:
                by_block[stay.block].append(stay)
        for block_id, stays in by_block.items():
            block = lg.blocks[block_id]
            nights: set[date] = set()
            for stay in stays:
                nights.update(_nights(stay.check_in, stay.check_out))
            over: list[tuple[date, int]] = []
            for night in sorted(nights):
                present = {s.person: s for s in stays if s.check_in <= night < s.check_out}
                shared = {
                    frozenset((p, s.sharing))
                    for p, s in present.items()
                    if s.sharing is not None and s.sharing in present and s.sharing != p
                }
                taken = len(present) - len(shared)
                held = block.rooms if block.check_in <= night < block.check_out else 0
                if taken > held:
                    over.append((night, taken))
            for first, last in _runs([night for night, _t in over]):
                taken = max(t for night, t in over if first <= night <= last)
                hotel = self._place_name(block.venue)
                held = block.rooms
                self._add(
                    Problem(
                        BLOCK_OVERBOOKED,
                        SEVERITY[BLOCK_OVERBOOKED],
                        ngettext(
                            "The block of {type} rooms at {hotel} holds {held} room ({from_} –"
                            " {to}), but {taken} are taken for {nights}. Add rooms to the block"
                            " or its nights, or move stays to another block.",
                            "The block of {type} rooms at {hotel} holds {held} rooms ({from_} –"
                            " {to}), but {taken} are taken for {nights}. Add rooms to the block"
                            " or its nights, or move stays to another block.",
                            held,
                        ).format(
                            type=block.room_type or "?",
                            hotel=hotel,
                            held=held,
                            from_=_day(block.check_in),
                            to=_day(block.check_out),
                            taken=taken,
                            nights=_night_span(first, last),
                        ),
                        self._evening(first),
                        self._morning(last + timedelta(days=1)),
                        f"{BLOCK_OVERBOOKED}:{block_id}:{first.isoformat()}",
                        blocks=[self._block_ref(block)],
                        places=self._place_refs(block.venue),
                        stays=[
                            self._stay_ref(s)
                            for s in stays
                            if s.check_in <= last and first < s.check_out
                        ],
                    )
                )

    # naming
    def _who(
        self, people: set[int], units: Iterable[Unit]
    ) -> tuple[str, int, list[Ref], list[Ref], str]:
        """Who, in a message: a whole group or delegation when it is exactly them, else names.
        Also the count, the groups and delegations named, and a key for these people."""
        data = self.data
        groups, delegations, left = self._cover_units(people, units)
        names = sorted(data.people.get(p, "?") for p in people)
        subjects = [data.groups.get(g, "?") for g in groups] + [
            data.delegations.get(d, "?") for d in delegations
        ]
        n = len(people)
        if not left and len(subjects) == 1:
            who = ngettext("{name} ({n} person)", "{name} ({n} people)", n).format(
                name=subjects[0], n=n
            )
        elif n == 1:
            who = names[0]
        else:
            shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
            who = ngettext("{n} person ({names})", "{n} people ({names})", n).format(
                n=n, names=shown
            )
        subject = ",".join([f"g{g}" for g in groups] + [f"d{d}" for d in delegations]) or ",".join(
            str(p) for p in sorted(people)[:20]
        )
        return (
            who,
            n,
            [Ref(g, data.groups.get(g, "?")) for g in groups],
            [Ref(d, data.delegations.get(d, "?")) for d in delegations],
            subject,
        )

    def _cover_units(
        self, people: set[int], units: Iterable[Unit]
    ) -> tuple[list[int], list[int], set[int]]:
        left = set(people)
        groups: list[int] = []
        delegations: list[int] = []
        candidates = sorted(set(units))
        for kind, bucket in (("group", groups), ("delegation", delegations)):
            for unit in candidates:
                if unit[0] != kind:
                    continue
                members = self.data.members.get(unit, frozenset())
                if members and members <= left:
                    bucket.append(unit[1])
                    left -= members
        return groups, delegations, left

    def _people_refs(self, people: Iterable[int]) -> list[Ref]:
        names = self.data.people
        return [Ref(p, names.get(p, "?")) for p in sorted(people, key=lambda p: names.get(p, ""))]

    def _place_name(self, place: int | None) -> str:
        found = self.data.logistics.places.get(place) if place is not None else None
        return found.name if found is not None else _("an unnamed place")

    def _place_refs(self, *places: int | None) -> list[Ref]:
        return [Ref(p, self._place_name(p)) for p in dict.fromkeys(places) if p is not None]

    def _trip_name(self, trip: Trip) -> str:
        if trip.flight:
            return _("flight {number}").format(number=trip.label) if trip.label else _("the flight")
        return (
            _("the journey by road ({number})").format(number=trip.label)
            if trip.label
            else _("the journey by road")
        )

    def _trip_ref(self, trip: Trip) -> Ref:
        return Ref(
            trip.id,
            f"{trip.label or self._trip_name(trip)} — {self.data.people.get(trip.person, '?')}",
        )

    def _ride_name(self, ride: Ride) -> str:
        if ride.title:
            return ride.title
        return _("ride from {a} to {b}").format(
            a=self._place_name(ride.origin), b=self._place_name(ride.destination)
        )

    def _ride_ref(self, ride: Ride) -> Ref:
        return Ref(ride.id, self._ride_name(ride))

    def _stay_ref(self, stay: Stay) -> Ref:
        return Ref(
            stay.id, f"{self.data.people.get(stay.person, '?')} — {self._place_name(stay.venue)}"
        )

    def _block_ref(self, block: Block) -> Ref:
        return Ref(block.id, f"{self._place_name(block.venue)} — {block.room_type}")

    def _stamp(self, seconds: int) -> str:
        local = self._local(seconds)
        return f"{_day(local.date())} {_clock(local)}"

    def _evening(self, day: date) -> datetime:
        """When a night begins, as problems about beds show it."""
        return datetime.combine(day, time(18), self.data.zone)

    def _morning(self, day: date) -> datetime:
        return datetime.combine(day, time(8), self.data.zone)

    # helpers
    def _local(self, seconds: int) -> datetime:
        return datetime.fromtimestamp(seconds, UTC).astimezone(self.data.zone)

    def _when(self, start: int, end: int) -> str:
        a, b = self._local(start), self._local(end)
        if a.date() == b.date():
            return _("on {day}, {start}–{end}").format(
                day=_day(a.date()), start=_clock(a), end=_clock(b)
            )
        return _("from {start} to {end}").format(
            start=f"{_day(a.date())} {_clock(a)}", end=f"{_day(b.date())} {_clock(b)}"
        )

    def _session_ref(self, s: Session) -> Ref:
        return Ref(s.id, s.title)


def _day(value: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMEd", value, locale=babel_locale()))


def _clock(value: datetime) -> str:
    return value.strftime("%H:%M")


def _with(refs: dict[str, list[Ref]], problem: Problem) -> Problem:
    """The problem, also naming the items in ``refs`` (field name -> refs)."""
    for name, items in refs.items():
        getattr(problem, name).extend(items)
    return problem


def _duration(seconds: int) -> str:
    minutes = max(0, round(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def _nights(check_in: date, check_out: date) -> list[date]:
    """The nights from ``check_in`` to the night before ``check_out``."""
    return [check_in + timedelta(days=n) for n in range((check_out - check_in).days)]


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Sorted days as runs of consecutive days: [(first, last), …]."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and day == runs[-1][1] + timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _span(first: date, last: date) -> str:
    return f"{_day(first)} – {_day(last)}"


def _night_span(first: date, last: date) -> str:
    if first == last:
        return _("the night of {day}").format(day=_day(first))
    return _("the nights of {first} to {last}").format(first=_day(first), last=_day(last))


def _closed(place: Place, start: int, end: int) -> bool:
    """Whether [start, end] falls outside the place's opening hours on its day."""
    if not place.opens or not place.closes:
        return False
    try:
        opens = datetime.strptime(place.opens, "%H:%M").time()
        closes = datetime.strptime(place.closes, "%H:%M").time()
    except ValueError:
        return False
    a = datetime.fromtimestamp(start, UTC).astimezone(place.zone)
    b = datetime.fromtimestamp(end, UTC).astimezone(place.zone)
    if opens <= closes:
        if a.date() != b.date():
            return True
        return a.time() < opens or b.time() > closes
    # open overnight, e.g. 20:00–04:00: closed between closes and opens
    return any(closes < t.time() < opens for t in (a, b))


def _zone(name: str | None, default: ZoneInfo) -> ZoneInfo:
    if not name:
        return default
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return default


def check(store: PlanStore) -> list[Problem]:
    """Every problem in the plan, acknowledged ones included (marked)."""
    return Checker(PlanData.load(store)).run()
