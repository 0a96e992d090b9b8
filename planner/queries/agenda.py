"""The agenda: as the calendar shows it (sessions by day and room, filters, snapping), and as
lists (sessions, the curriculum's modules, when people are unavailable).

``AgendaData.load(store)`` is the calendar's view of the plan's snapshot
(:mod:`planner.queries.snapshot`): every session as a block with its room, module and
audience; the calendar keeps it and asks it which sessions a day, a room lane or a filter
("Group B's week", "what this trainer does") shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.labels import kind_label
from planner.domain.reference import fold
from planner.queries.common import full_name, group_and_delegation_sizes
from planner.queries.snapshot import CALENDAR, Snapshot, Unit
from planner.store import PlanStore, parse_time

KIND_COLOURS = {
    "training": "#4E79A7",
    "plenary": "#F28E2B",
    "meeting": "#59A14F",
    "break": "#BAB0AC",
    "meal": "#EDC948",
    "ceremony": "#E15759",
    "travel": "#9C755F",
    "site_visit": "#B07AA1",
}


@dataclass(frozen=True)
class Block:
    """A session on the calendar (times aware, in the plan's zone)."""

    id: int
    version: int
    kind: str
    title: str
    start: datetime
    end: datetime
    room_id: int | None
    module_id: int | None
    location: str
    audience: str
    units: frozenset[Unit]
    facilitators: frozenset[int]
    route: str = ""  # a site visit's stops and vehicles: "Las Manos → CAMI Danlí · Van 1, Van 2"

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Lane:
    room_id: int | None
    name: str
    venue: str
    capacity: int


@dataclass
class AgendaData:
    zone: ZoneInfo
    first_day: date
    last_day: date
    blocks: dict[int, Block]
    rooms: dict[int, Lane]
    module_colours: dict[int, str]
    module_names: dict[int, str]
    names: dict[Unit, str]  # ("group", id) -> "Group A", ("person", id) -> "Ana Paz", ...
    units_of: dict[int, frozenset[Unit]]  # person -> units they belong to (self included)
    _by_day: dict[date, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: PlanStore) -> AgendaData:
        return cls.of(Snapshot.read(store, {CALENDAR}))

    @classmethod
    def of(cls, plan: Snapshot) -> AgendaData:
        """The calendar's view of a snapshot read with its ``CALENDAR`` part."""
        zone = plan.zone
        names: dict[Unit, str] = {}
        for i, group in plan.groups.items():
            names[("group", i)] = group.name
        for i, delegation in plan.delegations.items():
            names[("delegation", i)] = delegation.name
        for i, name in plan.names.items():
            names[("person", i)] = name
        blocks = {}
        for i, s in plan.sessions.items():
            blocks[i] = Block(
                i,
                s.version,
                s.kind,
                s.title,
                datetime.fromtimestamp(s.start, UTC).astimezone(zone),
                datetime.fromtimestamp(s.end, UTC).astimezone(zone),
                s.room,
                s.module,
                s.location,
                ", ".join(sorted(names.get(u, "?") for u in s.units)),
                s.units,
                s.facilitators,
                plan.routes.get(i, ""),
            )
        return cls(
            zone,
            plan.first_day,
            plan.last_day,
            blocks,
            {i: Lane(i, r.name, r.venue_name, r.capacity) for i, r in plan.rooms.items()},
            {i: m.colour for i, m in plan.modules.items()},
            {i: f"{m.number}. {m.title}" for i, m in plan.modules.items()},
            names,
            plan.units_of,
        )

    # days
    def days(self) -> list[date]:
        n = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=i) for i in range(n)]

    def on_day(self, day: date) -> list[Block]:
        if not self._by_day:
            by_day: dict[date, list[int]] = defaultdict(list)
            for b in self.blocks.values():
                d = b.start.date()
                while d <= (b.end - timedelta(seconds=1)).date():
                    by_day[d].append(b.id)
                    d += timedelta(days=1)
            self._by_day = dict(by_day)
        return sorted(
            (self.blocks[i] for i in self._by_day.get(day, ())), key=lambda b: (b.start, b.id)
        )

    def busiest_day(self) -> date:
        counts = {d: len(self.on_day(d)) for d in self.days()}
        return max(counts, key=lambda d: (counts[d], -d.toordinal())) if counts else self.first_day

    def day_range(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, time(0), tzinfo=self.zone)
        return start, start + timedelta(days=1)

    # lanes
    def lanes(self, blocks: list[Block], all_rooms: bool = False) -> list[Lane]:
        """Room lanes for these blocks (every room if ``all_rooms``), then 'no room'."""
        used = {b.room_id for b in blocks}
        lanes = [lane for lane in self.rooms.values() if all_rooms or lane.room_id in used]
        if None in used:
            lanes.append(Lane(None, "", "", 0))
        return lanes

    # filters
    def predicate(self, unit: Unit | None) -> Callable[[Block], bool]:
        """Which sessions a filter concerns: ("room", id) the sessions in that room;
        ("group" | "delegation" | "person", id) every session one of its people attends,
        through the group, their delegation, a direct invitation or as a facilitator."""
        if unit is None:
            return lambda block: True
        kind, ref = unit
        if kind == "room":
            return lambda block: block.room_id == ref
        if kind == "person":
            people = {ref}
        else:
            people = {p for p, units in self.units_of.items() if unit in units}
        units: set[Unit] = {unit}
        for p in people:
            units |= self.units_of.get(p, frozenset())
        return lambda block: bool(block.units & units) or bool(block.facilitators & people)

    def filter_choices(self) -> list[tuple[Unit, str]]:
        groups = sorted(
            ((u, n) for u, n in self.names.items() if u[0] == "group"), key=lambda x: x[1]
        )
        delegations = sorted(
            ((u, n) for u, n in self.names.items() if u[0] == "delegation"), key=lambda x: x[1]
        )
        rooms = [(("room", i), f"{lane.name} — {lane.venue}") for i, lane in self.rooms.items()]
        return [*groups, *delegations, *rooms]

    def colour(self, block: Block, by_module: bool) -> str:
        if by_module and block.module_id in self.module_colours:
            return self.module_colours[block.module_id]
        return KIND_COLOURS.get(block.kind, "#79706E")

    def describe(self, block: Block) -> str:
        return kind_label(block.kind)


def snap(moment: datetime, minutes: int) -> datetime:
    """Round a time to the nearest multiple of ``minutes`` (from midnight)."""
    minutes = max(1, minutes)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    offset = (moment - midnight).total_seconds() / 60
    return midnight + timedelta(minutes=round(offset / minutes) * minutes)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# --- the agenda as lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    id: int
    version: int
    kind: str
    title: str
    start: datetime  # aware, in the session's own zone
    end: datetime
    room: str
    venue: str
    location: str
    audience: str
    audience_size: int
    facilitators: str


def sessions(store: PlanStore) -> list[SessionRow]:
    with store.reading() as r:
        group_names = dict(r.rows("SELECT id, name FROM participant_group ORDER BY id"))
        delegation_names = dict(r.rows("SELECT id, name FROM delegation ORDER BY id"))
        person_names = {
            i: full_name(g, f)
            for i, g, f in r.rows("SELECT id, given_name, family_name FROM person ORDER BY id")
        }
        group_sizes, delegation_sizes = group_and_delegation_sizes(r)
        audience: dict[int, list[str]] = defaultdict(list)
        sizes: Counter[int] = Counter()
        for sid, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
            " ORDER BY id"
        ):
            if g is not None:
                audience[sid].append(group_names.get(g, "?"))
                sizes[sid] += group_sizes.get(g, 0)
            elif d is not None:
                audience[sid].append(delegation_names.get(d, "?"))
                sizes[sid] += delegation_sizes.get(d, 0)
            elif p is not None:
                audience[sid].append(person_names.get(p, "?"))
                sizes[sid] += 1
        facilitators: dict[int, list[str]] = defaultdict(list)
        for sid, pid in r.rows("SELECT session_id, person_id FROM session_facilitator ORDER BY id"):
            facilitators[sid].append(person_names.get(pid, "?"))
        rooms_ = {
            rid: (rname, vname)
            for rid, rname, vname in r.rows(
                "SELECT r.id, r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id"
                " ORDER BY r.id"
            )
        }
        zones: dict[str, ZoneInfo] = {}
        rows = []
        for sid, version, kind, title, start, end, tz, room_id, location in r.rows(
            "SELECT id, version, kind, title, starts_at, ends_at, timezone, room_id, location"
            " FROM agenda_session ORDER BY id"
        ):
            zone = zones.get(tz) or zones.setdefault(tz, ZoneInfo(tz))
            room, venue = rooms_.get(room_id, ("", "")) if room_id else ("", "")
            rows.append(
                SessionRow(
                    sid,
                    version,
                    kind,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    room,
                    venue,
                    location,
                    ", ".join(sorted(audience.get(sid, []))),
                    sizes.get(sid, 0),
                    ", ".join(sorted(facilitators.get(sid, []))),
                )
            )
        return rows


@dataclass(frozen=True)
class ModuleRow:
    id: int
    version: int
    number: int
    title: str
    duration_minutes: int
    room_size: int
    equipment: str
    colour: str
    trainers: str
    sessions: int

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class UnavailabilityRow:
    id: int
    version: int
    person_id: int
    person: str
    start: datetime  # aware, in the plan's zone
    end: datetime
    note: str

    @property
    def name(self) -> str:
        return self.person


def modules(store: PlanStore) -> list[ModuleRow]:
    with store.reading() as r:
        trainers: dict[int, list[str]] = defaultdict(list)
        for mid, g, f in r.rows(
            "SELECT t.module_id, p.given_name, p.family_name"
            " FROM module_trainer t JOIN person p ON p.id = t.person_id"
            " ORDER BY t.id"
        ):
            trainers[mid].append(full_name(g, f))
        uses = dict(
            r.rows(
                "SELECT module_id, count(*) FROM agenda_session"
                " WHERE module_id IS NOT NULL GROUP BY module_id"
            )
        )
        return [
            ModuleRow(
                i, v, n, t, d, s, e, c, ", ".join(sorted(trainers.get(i, []))), uses.get(i, 0)
            )
            for i, v, n, t, d, s, e, c in r.rows(
                "SELECT id, version, number, title, duration_minutes, room_size, equipment,"
                " colour FROM module ORDER BY id"
            )
        ]


def unavailabilities(store: PlanStore) -> list[UnavailabilityRow]:
    with store.reading() as r:
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        return [
            UnavailabilityRow(
                i,
                v,
                p,
                full_name(g, f),
                parse_time(s).astimezone(zone),
                parse_time(e).astimezone(zone),
                note,
            )
            for i, v, p, g, f, s, e, note in r.rows(
                "SELECT u.id, u.version, u.person_id, p.given_name, p.family_name, u.starts_at,"
                " u.ends_at, u.note FROM unavailability u JOIN person p ON p.id = u.person_id"
                " ORDER BY u.id"
            )
        ]


def session_times(
    store: PlanStore, ids: list[int]
) -> dict[int, tuple[datetime, datetime, int | None]]:
    """When and in which room these sessions are now (the ones that still exist): what the
    conflict check re-checks when a session only moved."""
    found: dict[int, tuple[datetime, datetime, int | None]] = {}
    with store.reading() as r:
        for sid in ids:
            for start, end, room in r.rows(
                "SELECT starts_at, ends_at, room_id FROM agenda_session WHERE id = :id",
                {"id": sid},
            ):
                found[sid] = (parse_time(start), parse_time(end), room)
    return found


def site_visit_titles(store: PlanStore) -> list[tuple[int, str]]:
    """(id, title) of the site visits, in time order."""
    with store.reading() as r:
        return [
            (int(i), str(t))
            for i, t in r.rows(
                "SELECT id, title FROM agenda_session WHERE kind = 'site_visit' ORDER BY starts_at"
            )
        ]


def last_export(store: PlanStore, delegation: int) -> tuple[Any, int | None, str, str] | None:
    """What the delegation's last export of its agenda recorded: (when, change number, kind of
    export, the agenda as JSON), None when never exported."""
    with store.reading() as r:
        found = r.rows(
            "SELECT at, change_set_id, kind, snapshot FROM export_record"
            " WHERE delegation_id = ? ORDER BY id DESC LIMIT 1",
            (delegation,),
        )
    if not found:
        return None
    at, change, kind, agenda = found[0]
    return at, change, kind, agenda


# --- what the rotation generator reads (planner.rules.rotation) ---------------------------------


@dataclass(frozen=True)
class RotationRows:
    """The plan as the rotation generator reads it: groups, modules with their trainers, rooms
    with their equipment, people, and every session and unavailability already in the plan
    (rows as stored)."""

    timezone: str
    group_sizes: dict[int, int]
    groups: list[tuple[int, str]]
    module_trainers: list[tuple[int, int]]  # (module, person), by person
    modules: list[tuple[Any, ...]]  # (id, number, title, minutes, room size, equipment)
    rooms: list[tuple[Any, ...]]  # (id, name, capacity, equipment)
    people: list[tuple[int, str, str]]  # (id, given names, family names)
    group_members: list[tuple[int, int]]  # (group, person)
    delegation_of: dict[int, int | None]
    audience: list[tuple[Any, ...]]  # (session, group, delegation, person)
    facilitators: list[tuple[int, int]]  # (session, person)
    sessions: list[tuple[Any, ...]]  # (id, title, starts_at, ends_at, room, module)
    unavailable: list[tuple[Any, ...]]  # (person, starts_at, ends_at)


def rotation_rows(store: PlanStore) -> RotationRows:
    with store.reading() as r:
        return RotationRows(
            str(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1")),
            dict(r.rows("SELECT group_id, count(*) FROM group_member GROUP BY group_id")),
            r.rows("SELECT id, name FROM participant_group"),
            r.rows("SELECT module_id, person_id FROM module_trainer ORDER BY person_id"),
            r.rows("SELECT id, number, title, duration_minutes, room_size, equipment FROM module"),
            r.rows("SELECT id, name, capacity, equipment FROM room"),
            r.rows("SELECT id, given_name, family_name FROM person"),
            r.rows("SELECT group_id, person_id FROM group_member"),
            dict(r.rows("SELECT id, delegation_id FROM person")),
            r.rows("SELECT session_id, group_id, delegation_id, person_id FROM session_audience"),
            r.rows("SELECT session_id, person_id FROM session_facilitator"),
            r.rows("SELECT id, title, starts_at, ends_at, room_id, module_id FROM agenda_session"),
            r.rows("SELECT person_id, starts_at, ends_at FROM unavailability"),
        )


def demo_rotation(store: PlanStore) -> tuple[list[int], list[int], list[int]]:
    """The demo plan's rotation: its first four groups, its modules by number, and its first
    four classrooms ("Aula …")."""
    with store.reading() as r:
        groups = [i for (i,) in r.rows("SELECT id FROM participant_group ORDER BY id")][:4]
        modules = [i for (i,) in r.rows("SELECT id FROM module ORDER BY number")]
        rooms = [i for (i,) in r.rows("SELECT id FROM room WHERE name LIKE 'Aula %' ORDER BY id")][
            :4
        ]
    return groups, modules, rooms


# --- the agenda list (the workbook the agenda import reads back) --------------------------------


@dataclass(frozen=True)
class AgendaLine:
    """A session as the agenda list writes it: its room, audience, trainers and module by
    name (a room's place is added only when two rooms share the name)."""

    id: int
    kind: str
    title: str
    start: datetime  # aware, in the plan's zone
    end: datetime
    room: str
    audience: tuple[str, ...]  # delegations, then groups, then people, each by id
    facilitators: tuple[str, ...]  # by id
    location: str
    module: str
    description: str
    notes: str


def _same_name(text: str) -> str:
    return " ".join(fold(text).strip().rstrip(":").split())


def agenda_list(store: PlanStore) -> list[AgendaLine]:
    """Every session, in time order."""
    with store.reading() as r:
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        room_rows = r.rows(
            "SELECT r.id, r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id"
        )
        counts: Counter[str] = Counter(_same_name(name) for _i, name, _v in room_rows)
        rooms = {
            i: name if counts[_same_name(name)] == 1 else f"{name} — {venue}"
            for i, name, venue in room_rows
        }
        modules = {i: t for i, _n, t in r.rows("SELECT id, number, title FROM module")}
        names: dict[Unit, str] = {}
        for i, n in r.rows("SELECT id, name FROM participant_group"):
            names[("group", i)] = n
        for i, n in r.rows("SELECT id, name FROM delegation"):
            names[("delegation", i)] = n
        for i, g, f in r.rows("SELECT id, given_name, family_name FROM person"):
            names[("person", i)] = " ".join(p for p in (g, f) if p)
        audience: dict[int, list[Unit]] = defaultdict(list)
        for s, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
        ):
            audience[s].append(("group", g) if g else ("delegation", d) if d else ("person", p))
        facilitators: dict[int, list[int]] = defaultdict(list)
        for s, p in r.rows("SELECT session_id, person_id FROM session_facilitator"):
            facilitators[s].append(p)
        lines = [
            AgendaLine(
                i,
                kind,
                title,
                parse_time(start).astimezone(zone),
                parse_time(end).astimezone(zone),
                rooms.get(room, "") if room else "",
                tuple(names.get(u, "?") for u in sorted(audience.get(i, []))),
                tuple(names.get(("person", p), "?") for p in sorted(facilitators.get(i, []))),
                location,
                modules.get(module, "") if module else "",
                description,
                notes,
            )
            for i, kind, title, start, end, room, location, module, description, notes in r.rows(
                "SELECT id, kind, title, starts_at, ends_at, room_id, location, module_id,"
                " description, notes FROM agenda_session"
            )
        ]
    return sorted(lines, key=lambda line: (line.start, line.id))
