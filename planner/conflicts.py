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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.i18n import _, babel_locale, ngettext
from planner.store import PlanStore, parse_date, parse_time

ERROR = "error"
WARNING = "warning"

PERSON_DOUBLE_BOOKED = "person_double_booked"
FACILITATOR_DOUBLE_BOOKED = "facilitator_double_booked"
ROOM_DOUBLE_BOOKED = "room_double_booked"
OVER_CAPACITY = "over_capacity"
OUTSIDE_PLAN_DATES = "outside_plan_dates"
BOOKED_WHEN_UNAVAILABLE = "booked_when_unavailable"

SEVERITY = {
    PERSON_DOUBLE_BOOKED: ERROR,
    FACILITATOR_DOUBLE_BOOKED: ERROR,
    ROOM_DOUBLE_BOOKED: ERROR,
    OVER_CAPACITY: ERROR,
    OUTSIDE_PLAN_DATES: ERROR,
    BOOKED_WHEN_UNAVAILABLE: WARNING,
}

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

    @classmethod
    def load(cls, store: PlanStore) -> PlanData:
        with store.reading() as r:
            tz, first, last = r.rows("SELECT timezone, start_date, end_date FROM plan"
                                     " ORDER BY id LIMIT 1")[0]
            people = {i: " ".join(p for p in (g, f) if p) for i, g, f in r.rows(
                "SELECT id, given_name, family_name FROM person")}
            groups = dict(r.rows("SELECT id, name FROM participant_group"))
            delegations = dict(r.rows("SELECT id, name FROM delegation"))
            rooms = {i: (n, c) for i, n, c in r.rows("SELECT id, name, capacity FROM room")}
            members: dict[Unit, set[int]] = defaultdict(set)
            units_of: dict[int, set[Unit]] = {p: {("person", p)} for p in people}
            for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
                members[("group", g)].add(p)
                units_of[p].add(("group", g))
            for p, d in r.rows("SELECT id, delegation_id FROM person"
                               " WHERE delegation_id IS NOT NULL"):
                members[("delegation", d)].add(p)
                units_of[p].add(("delegation", d))
            for p in people:
                members[("person", p)].add(p)
            audience: dict[int, set[Unit]] = defaultdict(set)
            for s, g, d, p in r.rows("SELECT session_id, group_id, delegation_id, person_id"
                                     " FROM session_audience"):
                audience[s].add(("group", g) if g else ("delegation", d) if d else ("person", p))
            facilitators: dict[int, set[int]] = defaultdict(set)
            for s, p in r.rows("SELECT session_id, person_id FROM session_facilitator"):
                facilitators[s].add(p)
            sessions = {}
            for i, title, start, end, room in r.rows(
                "SELECT id, title, starts_at, ends_at, room_id FROM agenda_session"
            ):
                sessions[i] = Session(i, title, int(parse_time(start).timestamp()),
                                      int(parse_time(end).timestamp()), room,
                                      frozenset(audience.get(i, ())),
                                      frozenset(facilitators.get(i, ())))
            acknowledged = dict(r.rows("SELECT problem_key, note FROM acknowledgement"))
            unavailable: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
            for p, start, end, note in r.rows("SELECT person_id, starts_at, ends_at, note"
                                              " FROM unavailability"):
                unavailable[p].append((int(parse_time(start).timestamp()),
                                       int(parse_time(end).timestamp()), note))
        first_day, last_day = parse_date(first), parse_date(last)
        assert first_day is not None and last_day is not None
        return cls(ZoneInfo(tz), first_day, last_day, sessions, rooms, people, groups,
                   delegations, {u: frozenset(m) for u, m in members.items()},
                   {p: frozenset(u) for p, u in units_of.items()}, acknowledged,
                   dict(unavailable))


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
        sessions = data.sessions
        for signature, people in self._signatures.items():
            ids: set[int] = set()
            for unit in signature:
                ids |= self._sessions_of_unit.get(unit, set())
            if len(ids) < 2:
                continue
            items = sorted((sessions[i].start, sessions[i].end, i) for i in ids)
            for pair in _overlapping_pairs(items):
                clashes[pair].update(people)
        for (a, b), clashing in clashes.items():
            self._people_clash(sessions[a], sessions[b], clashing)
        return self.sorted_problems()

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems.values(), key=lambda p: (p.start, p.kind, p.key))

    # one changed session
    def move(self, session_id: int, start: datetime, end: datetime,
             room: int | None) -> list[Problem]:
        """Re-check after one session moved (in time or room); returns all problems."""
        s = self.data.sessions[session_id]
        for key in list(self._by_session.get(session_id, ())):
            self._drop(key)
        if s.room is not None:
            self._rooms[s.room].remove((s.start, s.end, s.id))
        s.start, s.end, s.room = int(start.timestamp()), int(end.timestamp()), room
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
        for unit in self._units(s):
            for signature in self._signatures_of_unit.get(unit, ()):
                people = self._signatures[signature]
                for other_unit in signature:
                    for oid in self._sessions_of_unit.get(other_unit, ()):
                        other = others[oid]
                        if oid != s.id and other.start < s.end and s.start < other.end:
                            clashes[oid].update(people)
        for oid, clashing in clashes.items():
            a, b = sorted((s, others[oid]), key=lambda x: x.id)
            self._people_clash(a, b, clashing)
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
        data = self.data
        start, end = self._local(s.start), self._local(s.end)
        if start.date() < data.first_day or (end - timedelta(seconds=1)).date() > data.last_day:
            self._add(Problem(
                OUTSIDE_PLAN_DATES, SEVERITY[OUTSIDE_PLAN_DATES],
                _("“{title}” on {day} is outside the plan's days ({first} – {last}). Move it, or"
                  " change the plan's dates in File ▸ Plan Details.").format(
                    title=s.title, day=_day(start.date()), first=_day(data.first_day),
                    last=_day(data.last_day)),
                start, end, f"{OUTSIDE_PLAN_DATES}:{s.id}", [self._session_ref(s)]))
        if s.room is not None and s.room in data.rooms:
            name, capacity = data.rooms[s.room]
            people: set[int] = set()
            for unit in self._units(s):
                people |= data.members.get(unit, frozenset())
            if len(people) > capacity:
                self._add(Problem(
                    OVER_CAPACITY, SEVERITY[OVER_CAPACITY],
                    _("“{title}” ({when}) brings {n} people into {room}, which seats {capacity}"
                      " ({extra} too many). Choose a larger room or split the audience.").format(
                        title=s.title, when=self._when(s.start, s.end), n=len(people), room=name,
                        capacity=capacity, extra=len(people) - capacity),
                    start, end, f"{OVER_CAPACITY}:{s.id}", [self._session_ref(s)],
                    rooms=[Ref(s.room, name)]))

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
                    self._add(Problem(
                        BOOKED_WHEN_UNAVAILABLE, SEVERITY[BOOKED_WHEN_UNAVAILABLE],
                        _("{name} is booked for “{title}” {when} but is unavailable then"
                          "{note}. Find someone else, move the session, or accept it with a"
                          " note.").format(
                            name=name, title=s.title, when=self._when(s.start, s.end),
                            note=f" ({note})" if note else ""),
                        self._local(max(start, s.start)), self._local(min(end, s.end)),
                        f"{BOOKED_WHEN_UNAVAILABLE}:{person}:{s.id}", [self._session_ref(s)],
                        people=[Ref(person, name)]))
                    break

    def _room_clash(self, a: Session, b: Session) -> None:
        assert a.room is not None
        name = self.data.rooms.get(a.room, ("?", 0))[0]
        start, end = max(a.start, b.start), min(a.end, b.end)
        self._add(Problem(
            ROOM_DOUBLE_BOOKED, SEVERITY[ROOM_DOUBLE_BOOKED],
            _("{room} is booked twice {when}: “{first}” and “{second}”. Move one of them or"
              " give it another room.").format(
                room=name, when=self._when(start, end), first=a.title, second=b.title),
            self._local(start), self._local(end),
            f"{ROOM_DOUBLE_BOOKED}:{a.room}:{a.id}:{b.id}",
            [self._session_ref(a), self._session_ref(b)], rooms=[Ref(a.room, name)]))

    def _people_clash(self, a: Session, b: Session, people: set[int]) -> None:
        data = self.data
        start, end = max(a.start, b.start), min(a.end, b.end)
        when = self._when(start, end)
        sessions = [self._session_ref(a), self._session_ref(b)]
        facilitating = sorted(p for p in people if p in a.facilitators or p in b.facilitators)
        for person in facilitating:
            self._add(Problem(
                FACILITATOR_DOUBLE_BOOKED, SEVERITY[FACILITATOR_DOUBLE_BOOKED],
                _("{name} is booked twice {when}: facilitating “{first}” and"
                  " {second_role} “{second}”. Find another facilitator or move a"
                  " session.").format(
                    name=data.people.get(person, "?"), when=when,
                    first=(a if person in a.facilitators else b).title,
                    second_role=_("facilitating") if person in a.facilitators
                    and person in b.facilitators else _("attending"),
                    second=(b if person in a.facilitators else a).title),
                self._local(start), self._local(end),
                f"{FACILITATOR_DOUBLE_BOOKED}:{person}:{a.id}:{b.id}", sessions,
                people=[Ref(person, data.people.get(person, "?"))]))
        rest = people.difference(facilitating)
        if not rest:
            return
        # Name the smallest units that hold exactly these people: whole groups first.
        groups, delegations, left = self._cover(rest, a, b)
        names = sorted(data.people.get(p, "?") for p in rest)
        subjects = [data.groups.get(g, "?") for g in groups] + [
            data.delegations.get(d, "?") for d in delegations]
        if not left and len(subjects) == 1:
            who = ngettext("{name} ({n} person) is", "{name} ({n} people) are", len(rest)).format(
                name=subjects[0], n=len(rest))
        elif len(rest) == 1:
            who = _("{name} is").format(name=names[0])
        else:
            shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
            who = ngettext("{n} person ({names}) is", "{n} people ({names}) are",
                           len(rest)).format(n=len(rest), names=shown)
        subject_key = ",".join([f"g{g}" for g in groups] + [f"d{d}" for d in delegations]) \
            or ",".join(str(p) for p in sorted(rest)[:20])
        self._add(Problem(
            PERSON_DOUBLE_BOOKED, SEVERITY[PERSON_DOUBLE_BOOKED],
            _("{who} in two places at once {when}: “{first}” and “{second}”. Move one of the"
              " sessions or change who attends.").format(
                who=who, when=when, first=a.title, second=b.title),
            self._local(start), self._local(end),
            f"{PERSON_DOUBLE_BOOKED}:{subject_key}:{a.id}:{b.id}", sessions,
            people=[Ref(p, data.people.get(p, "?"))
                    for p in sorted(rest, key=lambda p: data.people.get(p, ""))],
            groups=[Ref(g, data.groups.get(g, "?")) for g in groups],
            delegations=[Ref(d, data.delegations.get(d, "?")) for d in delegations]))

    def _cover(self, people: set[int], a: Session,
               b: Session) -> tuple[list[int], list[int], set[int]]:
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

    # helpers
    def _local(self, seconds: int) -> datetime:
        return datetime.fromtimestamp(seconds, UTC).astimezone(self.data.zone)

    def _when(self, start: int, end: int) -> str:
        a, b = self._local(start), self._local(end)
        if a.date() == b.date():
            return _("on {day}, {start}–{end}").format(day=_day(a.date()), start=_clock(a),
                                                       end=_clock(b))
        return _("from {start} to {end}").format(start=f"{_day(a.date())} {_clock(a)}",
                                                 end=f"{_day(b.date())} {_clock(b)}")

    def _session_ref(self, s: Session) -> Ref:
        return Ref(s.id, s.title)


def _day(value: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMEd", value, locale=babel_locale()))


def _clock(value: datetime) -> str:
    return value.strftime("%H:%M")


def check(store: PlanStore) -> list[Problem]:
    """Every problem in the plan, acknowledged ones included (marked)."""
    return Checker(PlanData.load(store)).run()
