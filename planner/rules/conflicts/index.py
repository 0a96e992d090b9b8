"""The conflict check's core: what it looks things up by, built once from the snapshot and
kept current while a session moves (:class:`Index`), and where the problems go (:class:`Sink`).

How people are found: a session's audience is made of groups, delegations and single people,
plus its facilitators. People who belong to exactly the same units (say, every member of Group
A, all in the DNSPF delegation) share every session, so the check looks at each *combination of
units* (a signature) once, not at each person: 5,000 trainees in 100 groups cost about as much
as 100 people.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from planner.queries.snapshot import Ride, Session, Snapshot, Trip, Unit
from planner.rules.conflicts.problems import Problem
from planner.rules.conflicts.words import Words
from planner.rules.transfers import CHECK_IN, DEFAULT_ROAD, PICKUP_MARGIN

ROAD_CHECK_IN = timedelta(minutes=15)  # at the terminal before leaving by road


def overlapping_pairs(items: list[tuple[int, int, int]]) -> Iterable[tuple[int, int]]:
    """Pairs of ids whose [start, end) intervals overlap; items are (start, end, id) sorted."""
    active: list[tuple[int, int]] = []  # (end, id)
    for start, end, sid in items:
        active = [(e, i) for e, i in active if e > start]
        for _e, other in active:
            yield (other, sid) if other < sid else (sid, other)
        active.append((end, sid))


class Intervals:
    """Items by time: (start, end, id) kept sorted by start, to find at once those that
    overlap a span (a ride during a session) without looking at the others."""

    def __init__(self, items: Iterable[tuple[int, int, int]]) -> None:
        self.items = sorted(items)
        self.starts = [start for start, _e, _i in self.items]
        self.longest = max((e - s for s, e, _i in self.items), default=0)

    def __bool__(self) -> bool:
        return bool(self.items)

    def during(self, start: int, end: int) -> Iterable[int]:
        """The ids of the items that overlap [start, end)."""
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        for item_start, item_end, item in self.items[first:last]:
            if item_start < end and start < item_end:
                yield item


class Sink:
    """The problems found, one per key (a later finding of the same clash replaces it),
    acknowledged ones marked, and which sessions each concerns, so that a moved session's
    problems can be dropped and found again."""

    def __init__(self, acknowledged: dict[str, str]) -> None:
        self.acknowledged = acknowledged
        self.problems: dict[str, Problem] = {}
        self.by_session: dict[int, set[str]] = defaultdict(set)

    def add(self, problem: Problem) -> None:
        note = self.acknowledged.get(problem.key)
        if note is not None:
            problem.acknowledged, problem.note = True, note
        self.problems[problem.key] = problem
        for ref in problem.sessions:
            self.by_session[ref.id].add(problem.key)

    def drop_session(self, session_id: int) -> None:
        """Forget every problem about a session (it moved: they are found again)."""
        for key in list(self.by_session.get(session_id, ())):
            problem = self.problems.pop(key, None)
            if problem is not None:
                for ref in problem.sessions:
                    self.by_session[ref.id].discard(key)

    def clear(self) -> None:
        self.problems.clear()
        self.by_session.clear()

    def sorted(self) -> list[Problem]:
        return sorted(self.problems.values(), key=lambda p: (p.start, p.kind, p.key))


class Index:
    """The snapshot's sessions by unit and room, people by signature, travellers, riders and
    rides by time, and how to name them (``words``)."""

    def __init__(self, data: Snapshot) -> None:
        self.data = data
        self.words = Words(data)
        self.sessions_of_unit: dict[Unit, set[int]] = defaultdict(set)
        for s in data.sessions.values():
            for unit in self.units(s):
                self.sessions_of_unit[unit].add(s.id)
        # People who are never invited one by one share the sessions of their groups and
        # delegation: one "signature" of units stands for all of them.
        self.signatures: dict[frozenset[Unit], list[int]] = defaultdict(list)
        for person, units in data.units_of.items():
            own = ("person", person)
            key = units if own in self.sessions_of_unit else units - {own}
            self.signatures[frozenset(key)].append(person)
        self.signatures_of_unit: dict[Unit, list[frozenset[Unit]]] = defaultdict(list)
        for signature in self.signatures:
            for unit in signature:
                self.signatures_of_unit[unit].append(signature)
        # each room's sessions, kept sorted by start
        self.rooms: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for s in data.sessions.values():
            if s.room is not None:
                self.rooms[s.room].append((s.start, s.end, s.id))
        for items in self.rooms.values():
            items.sort()
        # travel, rides and roads
        lg = data.logistics
        self.travellers_of_unit: dict[Unit, set[int]] = defaultdict(set)
        for person in lg.trips:
            for unit in data.units_of.get(person, frozenset({("person", person)})):
                self.travellers_of_unit[unit].add(person)
        self.arrivals: dict[int, list[Trip]] = {}
        self.departures: dict[int, list[Trip]] = {}
        for person, trips in lg.trips.items():
            self.arrivals[person] = [t for t in trips if t.arrival]
            self.departures[person] = [t for t in trips if not t.arrival]
        self.ride_driver: dict[int, int | None] = {}
        self.riders: dict[int, frozenset[int]] = {}  # passengers, the driver apart
        # passengers by the units they belong to, to see at once who of them is in a session
        self.rider_units: dict[int, list[tuple[frozenset[Unit], list[int]]]] = {}
        for ride in lg.rides.values():
            vehicle = lg.vehicles.get(ride.vehicle) if ride.vehicle is not None else None
            driver = vehicle[2] if vehicle is not None else None
            self.ride_driver[ride.id] = driver
            people: set[int] = set()
            for unit in ride.units:
                people |= data.membership.members.get(unit, frozenset())
            people.discard(-1 if driver is None else driver)
            self.riders[ride.id] = frozenset(people)
            by_units: dict[frozenset[Unit], list[int]] = defaultdict(list)
            for person in people:
                by_units[data.units_of.get(person, frozenset())].append(person)
            self.rider_units[ride.id] = list(by_units.items())
        # who rides, by the units they belong to: sessions of no one else skip the ride checks
        self.riding_people: set[int] = set()
        for ride_id, riders in self.riders.items():
            self.riding_people |= riders
            if self.ride_driver[ride_id] is not None:
                self.riding_people.add(self.ride_driver[ride_id] or 0)
        self.riding_units: set[Unit] = set()
        for person in self.riding_people:
            self.riding_units |= data.units_of.get(person, frozenset())
        # each unit's rides by time: the rides of someone in it, as passenger or driver, so
        # that a session looks only at the rides its own people take (not at every ride of
        # every cohort at that hour)
        of_unit: dict[Unit, list[tuple[int, int, int]]] = defaultdict(list)
        for ride in lg.rides.values():
            taken_by: set[Unit] = set()
            for rider_units, _people in self.rider_units[ride.id]:
                taken_by |= rider_units
            for person in self.riders[ride.id]:
                taken_by.add(("person", person))
            driver = self.ride_driver[ride.id]
            if driver is not None:
                taken_by |= data.units_of.get(driver, frozenset())
                taken_by.add(("person", driver))
            for unit in taken_by:
                of_unit[unit].append((ride.start, ride.end, ride.id))
        self.rides_of_unit = {unit: Intervals(items) for unit, items in of_unit.items()}
        # the longest road from each place (a traveller's margin at either end)
        self.longest_road: dict[int, int] = {}
        for (origin, _b), minutes in lg.roads.items():
            self.longest_road[origin] = max(self.longest_road.get(origin, 0), minutes)
        # a traveller with one arrival and one departure can be anywhere between these times
        self.free: dict[int, tuple[float, float]] = {}
        for person in lg.trips:
            arrivals, departures = self.arrivals[person], self.departures[person]
            if len(arrivals) > 1 or len(departures) > 1:
                continue
            lo, hi = float("-inf"), float("inf")
            if arrivals:
                a = arrivals[0]
                margin = PICKUP_MARGIN.total_seconds() if a.flight else 0
                lo = a.at + margin + self.reach(a.place)
            if departures:
                d = departures[0]
                hi = (
                    d.at
                    - (CHECK_IN if d.flight else ROAD_CHECK_IN).total_seconds()
                    - self.reach(d.place)
                )
            self.free[person] = (lo, hi)
        # roads matter between sessions only when places that have rooms are roads apart
        venues = {room.venue for room in data.rooms.values()}
        self.max_road = 60 * max(
            (m for (a, b), m in lg.roads.items() if a in venues and b in venues), default=0
        )
        self.ride_index = Intervals((r.start, r.end, r.id) for r in lg.rides.values())

    @staticmethod
    def units(s: Session) -> frozenset[Unit]:
        return s.units | {("person", p) for p in s.facilitators}

    def room_overlaps(self) -> list[tuple[int, int]]:
        """Pairs of sessions (lower id first) that share a room at the same time."""
        pairs: list[tuple[int, int]] = []
        for items in self.rooms.values():
            latest = -1
            for n, (start, end, sid) in enumerate(items):
                if start < latest:  # rare: look back at the sessions still running
                    for other_start, other_end, other in items[:n]:
                        if other_end > start and other_start < end:
                            pairs.append((other, sid) if other < sid else (sid, other))
                if end > latest:
                    latest = end
        return pairs

    def reach(self, place: int | None) -> int:
        """The longest the road from ``place`` to anywhere can take, in seconds."""
        if place is None:
            return 0
        default = int(DEFAULT_ROAD.total_seconds() // 60)
        return 60 * max(self.longest_road.get(place, default), default)

    def driver(self, ride: Ride) -> int | None:
        return self.ride_driver.get(ride.id)

    def riders_in(self, ride: Ride, s: Session) -> set[int]:
        """The ride's passengers who are also in the session."""
        out: set[int] = set()
        for units, people in self.rider_units[ride.id]:
            if not s.units.isdisjoint(units):
                out.update(people)
        if s.facilitators:
            out |= s.facilitators & self.riders[ride.id]
        return out

    def attends(self, person: int, s: Session) -> bool:
        if person in s.facilitators:
            return True
        return not s.units.isdisjoint(self.data.units_of.get(person, ()))

    def road(self, a: int | None, b: int | None) -> tuple[int, int | None]:
        """Seconds on the road from place a to place b, and the minutes assumed when no road
        time is entered (``None`` when it is known, or when a place is unknown)."""
        if a is None or b is None or a == b:
            return 0, None
        minutes = self.data.logistics.roads.get((a, b))
        if minutes is not None:
            return 60 * minutes, None
        assumed = int(DEFAULT_ROAD.total_seconds() // 60)
        return 60 * assumed, assumed

    def arrival(self, person: int, end: int) -> Trip | None:
        """The arrival an item ending at ``end`` depends on: the last one landing before it."""
        arrivals = self.arrivals.get(person)
        if not arrivals:
            return None
        if len(arrivals) == 1:
            return arrivals[0]
        before = [t for t in arrivals if t.at < end]
        return before[-1] if before else arrivals[0]

    def departure(self, person: int, start: int) -> Trip | None:
        """The departure an item starting at ``start`` must end before: the next one."""
        departures = self.departures.get(person)
        if not departures:
            return None
        if len(departures) == 1:
            return departures[0]
        after = [t for t in departures if t.at > start]
        return after[0] if after else departures[-1]

    def rides_during(self, start: int, end: int, units: Iterable[Unit] | None = None) -> list[Ride]:
        """The rides that run during [start, end), in the order they start; with ``units``,
        only those someone of these units takes (as passenger or driver)."""
        rides = self.data.logistics.rides
        if units is None:
            return [rides[rid] for rid in self.ride_index.during(start, end)]
        found: set[int] = set()
        for unit in units:
            index = self.rides_of_unit.get(unit)
            if index is not None:
                found.update(index.during(start, end))
        return sorted((rides[rid] for rid in found), key=lambda r: (r.start, r.end, r.id))
