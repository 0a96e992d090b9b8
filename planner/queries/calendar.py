"""The agenda as the calendar shows it: sessions by day and room, filters, snapping.

``AgendaData.load(store)`` is the calendar's view of the plan's snapshot
(:mod:`planner.queries.snapshot`): every session as a block with its room, module and
audience; the calendar keeps it and asks it which sessions a day, a room lane or a filter
("Group B's week", "what this trainer does") shows. The exports read the same view of their
snapshot (``PlanData.agenda``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.domain.labels import kind_label
from planner.queries.snapshot import CALENDAR, Snapshot, Unit
from planner.store import PlanStore

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
    module_numbers: dict[int, str] = field(default_factory=dict)  # module id -> "3"
    _marks: dict[Unit, str] = field(default_factory=dict)
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
            module_numbers={i: str(m.number) for i, m in plan.modules.items()},
        )

    def group_marks(self, block: Block) -> str:
        """The groups a session is for, as short as they can be told apart ("A B" for
        Group A and Group B, "A10" for Group A 10), for a block too narrow for their names."""
        if not self._marks:
            self._marks = _group_marks(
                {unit: name for unit, name in self.names.items() if unit[0] == "group"}
            )
        marks = sorted(self._marks[u] for u in block.units if u in self._marks)
        return " ".join(marks)

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


def _group_marks(names: dict[Unit, str]) -> dict[Unit, str]:
    """Each group's name less the words every group's name starts with ("Group", "Grupo"),
    run together when short: {"Group A": "A", "Group A 10": "A10"}."""
    words = {unit: name.split() for unit, name in names.items()}
    common = 0
    if len(words) > 1:
        shortest = min(len(w) for w in words.values())
        first = next(iter(words.values()))
        while common < shortest - 1 and all(w[common] == first[common] for w in words.values()):
            common += 1
    marks = {}
    for unit, split in words.items():
        rest = split[common:] or split
        joined = "".join(rest)
        marks[unit] = joined if len(joined) <= 4 else " ".join(rest)
    return marks
