"""The people of a roster the import checked, written in one transaction with their
organisations, delegations, groups and journeys (:func:`import_people`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.domain.labels import Role
from planner.domain.model import (
    Delegation,
    Group,
    GroupMember,
    Organisation,
    Person,
    PlanSetting,
    Travel,
    Venue,
    table_of,
)
from planner.domain.reference import fold
from planner.operations.batches import Batch
from planner.operations.items import (
    plan_of,
)
from planner.operations.people import PERSON_FIELDS
from planner.store import PlanStore, Reader, recorder
from planner.store.reader import SqlReader


@dataclass(frozen=True)
class Trip:
    """A roster row's arrival or departure: when (a local time without its zone, at the
    plan's airport) and, when the row names its flight, (mode, carrier, number)."""

    at: datetime
    flight: tuple[str, str, str] | None


@dataclass(frozen=True)
class RosterRow:
    """One person of a roster as the people import checked and matched them."""

    values: dict[str, Any]  # PERSON_FIELDS, and the names of an organisation, delegation, group
    match_id: int | None  # the person already in the plan; None: someone new
    trips: dict[str, Trip]  # "arrival", "departure"


@dataclass(frozen=True)
class Roster:
    """A roster as the import hands it to be written, matched against the plan as it is
    inside the write transaction."""

    action: str  # the label in the history and the Edit menu
    rows: list[RosterRow | None]  # every row of the file; None: not written (errors, repeats)
    organisation: str  # names chosen for everyone of the file ("" for none)
    delegation: str
    group: str


@dataclass(frozen=True)
class ImportedPeople:
    batch: Batch  # undoes the import
    created: dict[str, list[str]]  # "organisation" | "delegation" | "group" -> names it created


def import_people(
    store: PlanStore,
    action: str,
    roster_in: Callable[[Reader], Roster],
    *,
    remember: tuple[str, str, dict[str, str | None]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportedPeople:
    """Write the people of a roster in one transaction (or nothing), with their
    organisations, delegations, groups and journeys; a blank cell never erases a value.

    ``roster_in`` matches the checked rows against the plan as it is inside the transaction,
    which holds the plan's write lock: someone else's import that finished since the preview
    counts. ``remember`` = (setting, key, mapping) keeps the column mapping under ``key`` of
    that plan setting, in the same transaction."""
    batch = Batch(action)
    created: dict[str, list[str]] = {"organisation": [], "delegation": [], "group": []}
    with store.transaction(action) as tx:
        session = tx.session
        conn = session.connection()
        roster = roster_in(SqlReader(conn))
        batch.label = tx.action = roster.action
        rec = recorder(session)
        cache: dict[str, dict[str, int]] = {"organisation": {}, "delegation": {}, "group": {}}
        models: dict[str, Any] = {
            "organisation": Organisation,
            "delegation": Delegation,
            "group": Group,
        }

        def ref(kind: str, name: str) -> int | None:
            name = name.strip()
            if not name:
                return None
            key = fold(name).strip()
            if key in cache[kind]:
                return cache[kind][key]
            model = models[kind]
            found = None
            for row_id, row_name, *rest in session.execute(
                select(
                    model.id,
                    model.name,
                    *([Organisation.acronym] if kind == "organisation" else []),
                )
            ):
                if fold(row_name).strip() == key or (
                    rest and rest[0] and fold(rest[0]).strip() == key
                ):
                    found = row_id
                    break
            if found is None:
                obj = model(name=name)
                session.add(obj)
                session.flush()
                found = obj.id
                batch.add(model.__tablename__, found)
                created[kind].append(name)
            cache[kind][key] = int(found)
            return int(found)

        chosen = {
            kind: ref(kind, name)
            for kind, name in (
                ("organisation", roster.organisation),
                ("delegation", roster.delegation),
                ("group", roster.group),
            )
        }
        members = {
            (g, p) for g, p in session.execute(select(GroupMember.group_id, GroupMember.person_id))
        }
        new_people: list[dict[str, Any]] = []
        new_groups: list[int | None] = []
        new_travel: list[dict[str, Trip] | None] = []
        plan = plan_of(session)
        airport = session.get(Venue, plan.arrival_airport_id) if plan.arrival_airport_id else None
        zone = (airport.timezone if airport is not None else "") or plan.timezone
        airport_name = airport.name if airport is not None else ""
        if remember is not None:
            _remember_in(session, *remember)

        def write_travel(person_id: int, trips: dict[str, Trip]) -> None:
            """Add or update the person's arrival and departure (blank cells change nothing)."""
            for direction in ("arrival", "departure"):
                trip_in = trips.get(direction)
                if trip_in is None:
                    continue
                key = "arrives" if direction == "arrival" else "departs"
                values: dict[str, Any] = {
                    f"{key}_at": trip_in.at.replace(tzinfo=ZoneInfo(zone)),
                    f"{key}_tz": zone,
                }
                if trip_in.flight is not None:
                    mode, carrier, number = trip_in.flight
                    values.update(mode=mode, carrier=carrier, number=number)
                trip = (
                    session.execute(
                        select(Travel)
                        .where(Travel.person_id == person_id, Travel.direction == direction)
                        .order_by(Travel.id)
                        .limit(1)
                    )
                    .scalars()
                    .first()
                )
                if trip is None:
                    place = {"to_place" if direction == "arrival" else "from_place": airport_name}
                    obj = Travel(
                        person_id=person_id,
                        direction=direction,
                        place_id=airport.id if airport is not None else None,
                        **{**place, **values},
                    )
                    session.add(obj)
                    session.flush()
                    rec.record("travel", obj.id, "insert")
                    batch.add("travel", obj.id)
                    continue
                old = {k: getattr(trip, k) for k in values if getattr(trip, k) != values[k]}
                if old:
                    new = {k: values[k] for k in old}
                    for k, value in new.items():
                        setattr(trip, k, value)
                    session.flush()
                    batch.updated.append(("travel", trip.id, old, new, trip.version))

        rows = roster.rows
        total = len(rows)
        step = 5000  # new people are written in pieces, never all held at once as rows
        table, gm = table_of(Person), table_of(GroupMember)

        def write_new() -> None:
            """Insert the new people gathered so far, their journeys and group links."""
            if not new_people:
                return
            ids = [
                row[0]
                for row in conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True),
                    new_people,
                )
            ]
            for person_id in ids:
                rec.record("person", person_id, "insert")
                batch.add("person", person_id)
            for person_id, trips in zip(ids, new_travel, strict=True):
                if trips is not None:
                    write_travel(person_id, trips)
            links = [
                {"group_id": g, "person_id": p, "version": 1}
                for p, g in zip(ids, new_groups, strict=True)
                if g is not None
            ]
            if links:
                for link in conn.execute(
                    insert(gm).returning(gm.c.id, sort_by_parameter_order=True), links
                ):
                    batch.add("group_member", link[0])
            rec.touch("person", "group_member")
            new_people.clear()
            new_groups.clear()
            new_travel.clear()

        for n, row in enumerate(rows):
            if progress is not None and n % 1000 == 0:
                progress(n, total)
            if row is None:
                continue
            v = row.values
            org = ref("organisation", v.get("organisation", "")) or chosen["organisation"]
            dele = ref("delegation", v.get("delegation", "")) or chosen["delegation"]
            group = ref("group", v.get("group", "")) or chosen["group"]
            if row.match_id is None:
                person = {key: v.get(key, "") for key in PERSON_FIELDS}
                person.update(
                    sex=v.get("sex"),
                    birth_date=v.get("birth_date"),
                    role=v.get("role") or Role.TRAINEE,
                    organisation_id=org,
                    delegation_id=dele,
                    version=1,
                )
                new_people.append(person)
                new_groups.append(group)
                new_travel.append(row.trips or None)
                if len(new_people) >= step:
                    write_new()
                continue
            obj = session.get(Person, row.match_id)
            if obj is None:
                continue
            old: dict[str, Any] = {}
            new: dict[str, Any] = {}
            for key in PERSON_FIELDS:
                value = v.get(key)
                if value not in (None, "") and getattr(obj, key) != value:
                    old[key], new[key] = getattr(obj, key), value
            for key, value in (
                ("organisation_id", org if v.get("organisation") else None),
                ("delegation_id", dele if v.get("delegation") else None),
            ):
                if value is not None and getattr(obj, key) != value:
                    old[key], new[key] = getattr(obj, key), value
            if new:
                for key, value in new.items():
                    setattr(obj, key, value)
                session.flush()
                batch.updated.append(("person", obj.id, old, new, obj.version))
            write_travel(obj.id, row.trips)
            if group is not None and (group, obj.id) not in members:
                inserted = conn.execute(
                    insert(table_of(GroupMember)).values(
                        group_id=group, person_id=obj.id, version=1
                    )
                ).inserted_primary_key
                assert inserted is not None
                member_id = inserted[0]
                members.add((group, obj.id))
                batch.add("group_member", int(member_id))
        write_new()
        rec.touch("organisation", "delegation", "participant_group", "travel")
        if progress is not None:
            progress(total, total)
    batch.change = tx.change
    return ImportedPeople(batch, created)


def _remember_in(session: Session, setting: str, key: str, value: dict[str, Any]) -> None:
    """Keep ``value`` under ``key`` of the plan setting ``setting`` (a JSON object), inside
    an open transaction."""
    row = session.execute(select(PlanSetting).where(PlanSetting.key == setting)).scalars().first()
    saved = dict(json.loads(row.value) if row is not None and row.value else {})
    if saved.get(key) == value:
        return
    saved[key] = value
    text = json.dumps(saved, ensure_ascii=False, sort_keys=True, default=str)
    if row is None:
        session.add(PlanSetting(key=setting, value=text))
    else:
        row.value = text
