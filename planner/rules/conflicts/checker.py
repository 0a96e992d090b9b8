"""The conflict check: every clash in the plan, found in memory from its snapshot.

``load(store)`` reads what the check needs (:mod:`planner.queries.snapshot`);
``Checker(data).run()`` returns the problems, each family of checks adding its own to the
sink: the agenda (people, facilitators, rooms, capacity, dates, availability), journeys
(arrivals, departures, beds, room blocks), vehicles and drivers, and places (opening hours,
time on the road). ``Checker.move(session_id, start, end, room_id)`` re-checks one changed
session (what dragging a block on the calendar does) without redoing the whole plan.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import date, datetime

from planner.domain.collector import collector_paused
from planner.queries.snapshot import DUTY, LOGISTICS, REVIEW, Session, Snapshot
from planner.rules.conflicts.agenda import (
    availability,
    dates_and_seats,
    people_clash,
    room_clash,
)
from planner.rules.conflicts.duty import duty_of_care
from planner.rules.conflicts.hotels import hotel_contracts
from planner.rules.conflicts.index import Index, Sink, overlapping_pairs
from planner.rules.conflicts.journeys import beds, journeys_of
from planner.rules.conflicts.places import gap_too_short, places_of, tight_pairs, too_far
from planner.rules.conflicts.problems import Problem
from planner.rules.conflicts.vehicles import check_rides, rides_during
from planner.store import PlanStore

# What the check reads of the plan besides its agenda and people.
PARTS = frozenset({LOGISTICS, REVIEW, DUTY})


def load(store: PlanStore) -> Snapshot:
    """The plan as the check reads it."""
    return Snapshot.read(store, PARTS)


def check(store: PlanStore, today: date | None = None) -> list[Problem]:
    """Every problem in the plan, acknowledged ones included (marked); ``today`` is when the
    check is made (what is near a deadline: a block's cut-off)."""
    return Checker(load(store), today).run()


class Checker:
    def __init__(self, data: Snapshot, today: date | None = None) -> None:
        self.data = data
        self.today = today or date.today()
        with collector_paused():
            self.index = Index(data)
        self.sink = Sink(data.acknowledged)

    @property
    def problems(self) -> dict[str, Problem]:
        return self.sink.problems

    def room_overlaps(self) -> list[tuple[int, int]]:
        """Pairs of sessions (lower id first) that share a room at the same time."""
        return self.index.room_overlaps()

    def sorted_problems(self) -> list[Problem]:
        return self.sink.sorted()

    def _alone(self, s: Session) -> None:
        """What one session may clash with on its own: its people's availability and
        journeys, rides at the same time, its place, the plan's dates, its room's seats."""
        ix, sink = self.index, self.sink
        availability(ix, sink, s)
        if self.data.logistics.trips:
            journeys_of(ix, sink, s)
        if ix.ride_index:
            rides_during(ix, sink, s)
        places_of(ix, sink, s)
        dates_and_seats(ix, sink, s)

    # whole plan
    def run(self) -> list[Problem]:
        with collector_paused():
            return self._run()

    def _run(self) -> list[Problem]:
        ix, sink = self.index, self.sink
        sink.clear()
        sessions = self.data.sessions
        for s in sessions.values():
            self._alone(s)
        for a, b in ix.room_overlaps():
            room_clash(ix, sink, sessions[a], sessions[b])
        clashes: dict[tuple[int, int], set[int]] = defaultdict(set)
        tight: dict[tuple[int, int], set[int]] = defaultdict(set)
        roads = ix.max_road > 0
        for signature, people in ix.signatures.items():
            ids: set[int] = set()
            for unit in signature:
                ids |= ix.sessions_of_unit.get(unit, set())
            if len(ids) < 2:
                continue
            items = sorted((sessions[i].start, sessions[i].end, i) for i in ids)
            for pair in overlapping_pairs(items):
                clashes[pair].update(people)
            if roads:
                for pair in tight_pairs(ix, items):
                    tight[pair].update(people)
        for (a, b), clashing in clashes.items():
            people_clash(ix, sink, sessions[a], sessions[b], clashing)
        for (a, b), late in tight.items():
            too_far(ix, sink, sessions[a], sessions[b], late)
        check_rides(ix, sink)
        beds(ix, sink)
        hotel_contracts(ix, sink, self.today)
        duty_of_care(ix, sink, self.today)
        return sink.sorted()

    # one changed session
    def move(
        self, session_id: int, start: datetime, end: datetime, room: int | None
    ) -> list[Problem]:
        """Re-check after one session moved (in time or room); returns all problems."""
        ix, sink = self.index, self.sink
        others = self.data.sessions
        s = others[session_id]
        sink.drop_session(session_id)
        if s.room is not None:
            ix.rooms[s.room].remove((s.start, s.end, s.id))
        s.start, s.end, s.room = int(start.timestamp()), int(end.timestamp()), room
        found = self.data.rooms.get(room) if room is not None else None
        s.venue = found.venue if found is not None else None
        if room is not None:
            bisect.insort(ix.rooms[room], (s.start, s.end, s.id))
        self._alone(s)
        if room is not None:
            for other_start, other_end, oid in ix.rooms[room]:
                if other_start >= s.end:
                    break
                if oid != s.id and other_end > s.start:
                    room_clash(ix, sink, *sorted((s, others[oid]), key=lambda x: x.id))
        clashes: dict[int, set[int]] = defaultdict(set)
        tight: dict[int, set[int]] = defaultdict(set)
        reach = ix.max_road
        for unit in ix.units(s):
            for signature in ix.signatures_of_unit.get(unit, ()):
                people = ix.signatures[signature]
                for other_unit in signature:
                    for oid in ix.sessions_of_unit.get(other_unit, ()):
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
            people_clash(ix, sink, a, b, clashing)
        for oid, late in tight.items():
            a, b = sorted((s, others[oid]), key=lambda x: (x.start, x.id))
            if gap_too_short(ix, a, b) is not None:
                too_far(ix, sink, a, b, late)
        return sink.sorted()
