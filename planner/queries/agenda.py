"""The agenda as lists: sessions, the curriculum's modules, when people are unavailable, the
agenda list the import reads back, and what the rotation generator and the conflict check's
re-check of a moved session read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from planner.domain.reference import fold
from planner.queries.common import full_name, group_and_delegation_sizes
from planner.queries.membership import Unit
from planner.store import PlanStore, parse_time


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


def last_supplier_export(
    store: PlanStore, supplier: str, place: int | None
) -> tuple[Any, int | None, str, str] | None:
    """What a supplier's paper held at its last export (for a hotel, ``place``): (when, change
    number, kind of export, what it held as JSON), None when never exported."""
    with store.reading() as r:
        found = r.rows(
            "SELECT at, change_set_id, kind, snapshot FROM export_record WHERE supplier = :s"
            " AND (place_id = :p OR (place_id IS NULL AND :p IS NULL)) ORDER BY id DESC LIMIT 1",
            {"s": supplier, "p": place},
        )
    if not found:
        return None
    at, change, kind, held = found[0]
    return at, change, kind, held


# --- what the rotation generator reads (planner.rules.rotation) ---------------------------------


class RotationRows(NamedTuple):
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


class AgendaLine(NamedTuple):
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
