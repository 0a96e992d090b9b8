"""What the importers and the duplicate finder read to match rows to what the plan holds:
the people import's index of people, organisations, delegations, groups and journeys; the
agenda import's names of rooms, groups, delegations, people, modules and sessions
(:class:`Names`); people found twice in the plan. Plain SQL through a
:class:`planner.store.Reader`, so the imports can read again inside their write transaction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.reference import fold
from planner.store import PlanStore, Reader, parse_time


def id_key(text: str) -> str:
    """An ID or passport number as it is matched (no spaces, dashes, dots or slashes)."""
    return re.sub(r"[\s\-./]", "", text).upper()


def person_key(given: str, family: str) -> str:
    """A person's name as it is matched (folded, single spaces)."""
    return " ".join(fold(f"{given} {family}").split())


def name_key(text: str) -> str:
    """A name in an agenda list as it is matched (folded, single spaces, no final colon)."""
    return " ".join(fold(text).strip().rstrip(":").split())


# --- the people import --------------------------------------------------------------------------


def people_to_match(r: Reader) -> dict[str, Any]:
    """Who and what the plan holds, for the people import to match rows against (read through
    ``r``; the import reads it again inside its transaction): people by ID number, email and
    name with date of birth; organisations, delegations and groups by name; group members;
    each person's first arrival and departure (local times); the airport and its zone."""
    people = r.rows(
        "SELECT id, given_name, family_name, sex, birth_date, id_number, email,"
        " nationality, organisation_id, position, duty_station, delegation_id,"
        " role, role_other, phone, dietary_needs, accessibility_needs,"
        " languages, notes FROM person"
    )
    orgs = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM organisation")}
    orgs.update(
        {
            fold(a).strip(): (i, n)
            for i, n, a in r.rows("SELECT id, name, acronym FROM organisation WHERE acronym <> ''")
            if fold(a).strip() not in orgs
        }
    )
    delegations = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM delegation")}
    groups = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM participant_group")}
    members = defaultdict(set)
    for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
        members[p].add(g)
    zone, airport = arrival_zone(r)
    travel: dict[int, dict[str, tuple[int, str, datetime | None]]] = defaultdict(dict)
    for tid, person, direction, number, departs, arrives in r.rows(
        "SELECT id, person_id, direction, number, departs_at, arrives_at FROM travel ORDER BY id"
    ):
        stored = arrives if direction == "arrival" else departs
        at = parse_time(stored).astimezone(zone).replace(tzinfo=None) if stored else None
        travel[person].setdefault(direction, (tid, number, at))
    columns = (
        "id",
        "given_name",
        "family_name",
        "sex",
        "birth_date",
        "id_number",
        "email",
        "nationality",
        "organisation_id",
        "position",
        "duty_station",
        "delegation_id",
        "role",
        "role_other",
        "phone",
        "dietary_needs",
        "accessibility_needs",
        "languages",
        "notes",
    )
    records = [dict(zip(columns, row, strict=True)) for row in people]
    by_id = {id_key(p["id_number"]): p for p in records if p["id_number"]}
    by_email = {p["email"].lower(): p for p in records if p["email"]}
    by_name = {
        (person_key(p["given_name"], p["family_name"]), str(p["birth_date"] or "")[:10]): p
        for p in records
        if p["birth_date"]
    }
    return {
        "by_id": by_id,
        "by_email": by_email,
        "by_name": by_name,
        "orgs": orgs,
        "delegations": delegations,
        "groups": groups,
        "members": members,
        "travel": travel,
        "zone": zone,
        "airport": airport,
    }


def arrival_zone(r: Reader) -> tuple[ZoneInfo, int | None]:
    """The zone local travel times are read in (the default airport's, else the plan's)."""
    tz, airport = r.rows("SELECT timezone, arrival_airport_id FROM plan ORDER BY id LIMIT 1")[0]
    if airport is not None:
        found = r.rows("SELECT timezone FROM venue WHERE id = ?", (airport,))
        if found and found[0][0]:
            tz = found[0][0]
    return ZoneInfo(tz), airport


# --- the agenda import --------------------------------------------------------------------------


@dataclass
class Names:
    zone: ZoneInfo
    rooms: dict[str, list[int]]
    room_labels: dict[int, str]
    groups: dict[str, int]
    delegations: dict[str, int]
    people: dict[str, list[int]]
    modules: dict[str, int]
    module_labels: dict[int, str]
    sessions: dict[int, dict[str, Any]]

    @classmethod
    def load(cls, store: PlanStore) -> Names:
        with store.reading() as r:
            return cls.load_from(r)

    @classmethod
    def load_from(cls, r: Reader) -> Names:
        """What the plan holds, read through ``r`` (the agenda import reads it again in its
        transaction)."""
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        rooms: dict[str, list[int]] = defaultdict(list)
        labels: dict[int, str] = {}
        room_rows = r.rows(
            "SELECT r.id, r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id"
        )
        counts: dict[str, int] = defaultdict(int)
        for _i, name, _v in room_rows:
            counts[name_key(name)] += 1
        for i, name, venue in room_rows:
            rooms[name_key(name)].append(i)
            for form in (f"{name} — {venue}", f"{name} ({venue})", f"{name} - {venue}"):
                rooms[name_key(form)].append(i)
            labels[i] = name if counts[name_key(name)] == 1 else f"{name} — {venue}"
        groups = {name_key(n): i for i, n in r.rows("SELECT id, name FROM participant_group")}
        delegations = {name_key(n): i for i, n in r.rows("SELECT id, name FROM delegation")}
        people: dict[str, list[int]] = defaultdict(list)
        for i, g, f in r.rows("SELECT id, given_name, family_name FROM person"):
            people[name_key(f"{g} {f}")].append(i)
        modules: dict[str, int] = {}
        module_labels: dict[int, str] = {}
        for i, n, t in r.rows("SELECT id, number, title FROM module"):
            modules[name_key(t)] = i
            modules[name_key(f"{n}. {t}")] = i
            modules[str(n)] = i
            module_labels[i] = t
        sessions: dict[int, dict[str, Any]] = {}
        for i, kind, title, s, e, room, location, module, desc, notes in r.rows(
            "SELECT id, kind, title, starts_at, ends_at, room_id, location, module_id,"
            " description, notes FROM agenda_session"
        ):
            sessions[i] = {
                "kind": kind,
                "title": title,
                "start": parse_time(s).astimezone(zone),
                "end": parse_time(e).astimezone(zone),
                "room_id": room,
                "location": location,
                "module_id": module,
                "description": desc,
                "notes": notes,
                "audience": [],
                "facilitator_ids": [],
            }
        for s, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
        ):
            sessions[s]["audience"].append(
                ("group", g) if g else ("delegation", d) if d else ("person", p)
            )
        for s, p in r.rows("SELECT session_id, person_id FROM session_facilitator"):
            sessions[s]["facilitator_ids"].append(p)
        for values in sessions.values():
            values["audience"] = sorted(values["audience"])
            values["facilitator_ids"] = sorted(values["facilitator_ids"])
        return cls(
            zone,
            dict(rooms),
            labels,
            groups,
            delegations,
            dict(people),
            modules,
            module_labels,
            sessions,
        )


# --- people found twice -------------------------------------------------------------------------


def person_name(store: PlanStore, person_id: int) -> str:
    """A person's full name ("?" when there is no such person)."""
    with store.reading() as r:
        row = r.rows("SELECT given_name, family_name FROM person WHERE id = :id", {"id": person_id})
    return " ".join(p for p in row[0] if p) if row else "?"


def duplicate_people(store: PlanStore) -> list[list[int]]:
    """People found twice in the plan: the same ID or passport number, the same email, or the
    same name and date of birth. Each list is one person's records, oldest first."""
    with store.reading() as r:
        rows = r.rows(
            "SELECT id, given_name, family_name, birth_date, id_number, email"
            " FROM person ORDER BY id"
        )
    parent: dict[int, int] = {row[0]: row[0] for row in rows}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: dict[tuple[str, str], int] = {}
    for pid, given, family, born, id_number, email in rows:
        keys = []
        if id_number:
            keys.append(("id", id_key(id_number)))
        if email:
            keys.append(("email", email.lower()))
        if born:
            keys.append(("name", person_key(given, family) + str(born)[:10]))
        for key in keys:
            if key in seen:
                parent[find(pid)] = find(seen[key])
            else:
                seen[key] = pid
    groups: dict[int, list[int]] = defaultdict(list)
    for pid in parent:
        groups[find(pid)].append(pid)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
