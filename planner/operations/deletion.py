"""Deleting items with everything that goes along, and putting them back exactly.

:func:`delete` removes items and what cascades from them (a group's memberships, a venue's
rooms), unlinks what only pointed at them, and returns a :class:`Snapshot` of every row it
removed or unlinked; :func:`restore` puts them back with their ids and versions (undo of a
delete, redo of a create). :func:`deletion_impact` says beforehand, in words, what else goes.
:func:`delete_in` and :func:`restore_in` do the same inside an open transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import ForeignKey, Table, insert, select
from sqlalchemy import delete as sql_delete
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, PlannerError
from planner.domain.i18n import _, ngettext
from planner.domain.labels import noun
from planner.domain.model import Base, table_of
from planner.operations.items import last_author
from planner.operations.kinds import KINDS, TABLE_KIND, Kind, kind
from planner.operations.validation import chunks
from planner.store import Change, PlanStore, recorder


@dataclass
class Snapshot:
    """Rows removed or unlinked by a delete, to put back exactly as they were."""

    kind: str
    ids: list[int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (table, column, row id, old value, version the row had before it was unlinked)
    unlinked: list[tuple[str, str, int, Any, int]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


@dataclass(frozen=True)
class Deleted:
    snapshot: Snapshot
    change: Change


@dataclass(frozen=True)
class Impact:
    """What else goes when items are deleted, in words for the confirmation."""

    count: int
    lines: list[str]


@cache
def _referencing() -> dict[str, list[tuple[Table, str, str]]]:
    """For each table, the (child table, column, ondelete) of foreign keys pointing at it."""
    refs: dict[str, list[tuple[Table, str, str]]] = defaultdict(list)
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            assert isinstance(fk, ForeignKey)
            refs[fk.column.table.name].append(
                (table, fk.parent.name, (fk.ondelete or "NO ACTION").upper())
            )
    return refs


def collect(
    session: Session, table: Table, ids: Sequence[int], snap: Snapshot, seen: set[tuple[str, int]]
) -> None:
    """Gather rows of ``table`` with ``ids`` and everything that cascades from them."""
    ids = [i for i in ids if (table.name, i) not in seen]
    if not ids:
        return
    conn = session.connection()
    found: list[int] = []
    for chunk in chunks(ids):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            snap.rows.setdefault(table.name, []).append(dict(row))
            seen.add((table.name, row["id"]))
            found.append(row["id"])
    for child, column, ondelete in _referencing().get(table.name, []):
        for chunk in chunks(found):
            if ondelete == "CASCADE":
                child_ids = list(
                    conn.execute(select(child.c.id).where(child.c[column].in_(chunk))).scalars()
                )
                collect(session, child, child_ids, snap, seen)
            elif ondelete == "SET NULL":
                for row_id, value, version in conn.execute(
                    select(child.c.id, child.c[column], child.c.version).where(
                        child.c[column].in_(chunk)
                    )
                ):
                    snap.unlinked.append((child.name, column, row_id, value, version))


def _snapshot(session: Session, k: Kind, ids: Sequence[int]) -> Snapshot:
    snap = Snapshot(k.name, list(ids))
    collect(session, table_of(k.model), list(ids), snap, set())
    deleted = {(t, r["id"]) for t, rows in snap.rows.items() for r in rows}
    snap.unlinked = [u for u in snap.unlinked if (u[0], u[2]) not in deleted]
    return snap


def deletion_impact(store: PlanStore, kind_name: str, ids: Sequence[int]) -> Impact:
    """What deleting these items takes with it, in words."""
    k = kind(kind_name)
    with store.read() as session:
        snap = _snapshot(session, k, ids)
    own = k.model.__tablename__
    lines: list[str] = []
    for table, rows in snap.rows.items():
        if table == own:
            continue
        line = _cascade_line(table, len(rows))
        if line:
            lines.append(line)
    unlinked: dict[tuple[str, str], int] = defaultdict(int)
    for table, column, *_rest in snap.unlinked:
        unlinked[(table, column)] += 1
    for (table, column), n in unlinked.items():
        line = _unlink_line(table, column, n)
        if line:
            lines.append(line)
    return Impact(snap.count(own), lines)


def _cascade_line(table: str, n: int) -> str:
    texts = {
        "person": lambda: ngettext("{n} person (a member)", "{n} people (its members)", n),
        "room": lambda: ngettext("{n} room", "{n} rooms", n),
        "group_member": lambda: ngettext("{n} group membership", "{n} group memberships", n),
        "session_audience": lambda: ngettext(
            "{n} place in a session's audience", "{n} places in sessions' audiences", n
        ),
        "session_facilitator": lambda: ngettext(
            "{n} facilitator assignment", "{n} facilitator assignments", n
        ),
        "participant_group": lambda: ngettext("{n} group", "{n} groups", n),
        "agenda_session": lambda: ngettext("{n} session", "{n} sessions", n),
        "travel": lambda: ngettext("{n} arrival or departure", "{n} arrivals and departures", n),
        "stay": lambda: ngettext("{n} hotel stay", "{n} hotel stays", n),
        "room_block": lambda: ngettext("{n} room block", "{n} room blocks", n),
        "road_time": lambda: ngettext("{n} road time", "{n} road times", n),
        "visit_stop": lambda: ngettext("{n} stop of a site visit", "{n} stops of site visits", n),
        "ride": lambda: ngettext("{n} ride", "{n} rides", n),
        "ride_passenger": lambda: ngettext("{n} seat on a ride", "{n} seats on rides", n),
        "unavailability": lambda: ngettext("{n} unavailable time", "{n} unavailable times", n),
        "attendance": lambda: ngettext("{n} attendance record", "{n} attendance records", n),
    }
    make = texts.get(table)
    return make().format(n=n) if make else ""


def _unlink_line(table: str, column: str, n: int) -> str:
    texts = {
        ("agenda_session", "room_id"): lambda: ngettext(
            "{n} session loses its room", "{n} sessions lose their room", n
        ),
        ("person", "organisation_id"): lambda: ngettext(
            "{n} person loses their organisation", "{n} people lose their organisation", n
        ),
        ("delegation", "organisation_id"): lambda: ngettext(
            "{n} delegation loses its organisation", "{n} delegations lose their organisation", n
        ),
        ("delegation", "head_id"): lambda: ngettext(
            "{n} delegation loses its head", "{n} delegations lose their head", n
        ),
        ("participant_group", "delegation_id"): lambda: ngettext(
            "{n} group is no longer tied to a delegation",
            "{n} groups are no longer tied to a delegation",
            n,
        ),
        ("stay", "block_id"): lambda: ngettext(
            "{n} hotel stay leaves its room block", "{n} hotel stays leave their room block", n
        ),
        ("vehicle", "driver_id"): lambda: ngettext(
            "{n} vehicle loses its driver", "{n} vehicles lose their driver", n
        ),
        ("ride", "vehicle_id"): lambda: ngettext(
            "{n} ride loses its vehicle", "{n} rides lose their vehicle", n
        ),
        ("travel", "place_id"): lambda: ngettext(
            "{n} arrival or departure loses its airport",
            "{n} arrivals and departures lose their airport",
            n,
        ),
        ("visit_stop", "venue_id"): lambda: ngettext(
            "{n} stop of a site visit loses its place",
            "{n} stops of site visits lose their place",
            n,
        ),
        ("plan", "arrival_airport_id"): lambda: ngettext(
            "the plan loses its arrival airport", "the plan loses its arrival airport", n
        ),
        ("plan", "per_diem_rate_id"): lambda: ngettext(
            "the plan loses its per diem rate: no per diem is counted until you choose another",
            "the plan loses its per diem rate: no per diem is counted until you choose another",
            n,
        ),
        ("budget_line", "funding_source_id"): lambda: ngettext(
            "{n} budget line loses its funding source",
            "{n} budget lines lose their funding source",
            n,
        ),
        ("budget_category", "funding_source_id"): lambda: ngettext(
            "{n} budget category loses its funding source",
            "{n} budget categories lose their funding source",
            n,
        ),
    }
    make = texts.get((table, column))
    return make().format(n=n) if make else ""


def delete(
    store: PlanStore,
    kind_name: str,
    ids: Sequence[int],
    action: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> Deleted:
    """Delete items and everything that belongs to them; returns a snapshot to undo it.

    With ``expected_versions`` ({id: version}), refuse (``ConflictError``) if any of the items
    changed since: an undo must never throw away someone else's later edit.
    """
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is deleted by deleting its file."))
    ids = list(dict.fromkeys(ids))
    label = action or ngettext("Delete {n} {item}", "Delete {n} {items}", len(ids)).format(
        n=len(ids), item=noun(k.name), items=noun(k.name, len(ids))
    )
    with store.transaction(label) as tx:
        snap = delete_in(tx.session, k.name, ids, expected_versions)
    return Deleted(snap, tx.change)


def delete_in(
    session: Session,
    kind_name: str,
    ids: Sequence[int],
    expected_versions: dict[int, int] | None = None,
) -> Snapshot:
    """Delete inside an open transaction; returns what is needed to put it all back."""
    k = kind(kind_name)
    snap = _snapshot(session, k, ids)
    own = k.model.__tablename__
    if len(snap.rows.get(own, [])) != len(ids):
        raise ConflictError(
            _(
                "Some of these items were already deleted elsewhere; nothing"
                " was deleted. The list is refreshed."
            )
        )
    if expected_versions:
        changed = [
            r["id"]
            for r in snap.rows[own]
            if expected_versions.get(r["id"], r["version"]) != r["version"]
        ]
        if changed:
            raise ConflictError(
                _(
                    "This {item} was changed elsewhere since (by {who}); it was not deleted."
                    " Look at it again and delete it yourself if it should go."
                ).format(item=noun(k.name), who=last_author(session, k, changed[0]))
            )
    conn = session.connection()
    rec = recorder(session)
    tables = Base.metadata.tables
    for table_name, column, row_id, old_value, version in snap.unlinked:
        table = tables[table_name]
        conn.execute(
            sql_update(table)
            .where(table.c.id == row_id)
            .values({column: None, "version": version + 1})
        )
        rec.record(table_name, row_id, "update", {column: [old_value, None]})
    table = tables[own]
    for chunk in chunks(ids):
        conn.execute(sql_delete(table).where(table.c.id.in_(chunk)))
    for row in snap.rows[own]:
        rec.record(own, row["id"], "delete", _detail(row))
    rec.touch(*snap.rows.keys())
    return snap


def _detail(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (value.isoformat() if isinstance(value, date | datetime) else value)
        for key, value in row.items()
        if key not in ("id", "version")
    }


def restore(store: PlanStore, snap: Snapshot, action: str | None = None) -> Change:
    """Put back what :func:`delete` removed, with the same ids and versions."""
    k = kind(snap.kind)
    label = action or ngettext("Restore {n} {item}", "Restore {n} {items}", len(snap.ids)).format(
        n=len(snap.ids), item=noun(k.name), items=noun(k.name, len(snap.ids))
    )
    with store.transaction(label) as tx:
        restore_in(tx.session, snap)
    return tx.change


def restore_in(session: Session, snap: Snapshot) -> None:
    """Put rows back inside an open transaction (parents first, cycles patched after)."""
    own = kind(snap.kind).model.__tablename__ if snap.kind in KINDS else None
    rec = recorder(session)

    def inserted(name: str, rows: Sequence[dict[str, Any]]) -> None:
        if name == own or (own is None and name in TABLE_KIND):
            for row in rows:
                rec.record(name, row["id"], "insert", _detail(row))

    insert_rows(session, snap.rows, inserted)
    conn = session.connection()
    tables = Base.metadata.tables
    for table_name, column, row_id, value, version in snap.unlinked:
        table = tables[table_name]
        result = conn.execute(
            sql_update(table)
            .where(table.c.id == row_id, table.c.version == version + 1, table.c[column].is_(None))
            .values({column: value, "version": version})
        )
        if result.rowcount != 1:
            raise ConflictError(
                _(
                    "This cannot be undone: an item it touched was changed"
                    " elsewhere since. Nothing was changed."
                )
            )
        rec.record(table_name, row_id, "update", {column: [None, value]})


def insert_rows(
    session: Session,
    rows_of: Mapping[str, Sequence[dict[str, Any]]],
    inserted: Callable[[str, Sequence[dict[str, Any]]], None] | None = None,
) -> None:
    """Insert rows with their ids, parents first (``inserted(table, rows)`` after each
    table); a link to a row inserted later (a cycle: a delegation's head) is set once that
    row is in. Every table inserted into is touched in the change set."""
    tables = Base.metadata.tables
    order = [t.name for t in Base.metadata.sorted_tables]
    position = {name: i for i, name in enumerate(order)}
    conn = session.connection()
    rec = recorder(session)
    deferred: list[tuple[Table, int, dict[str, Any]]] = []
    for name in order:
        rows = rows_of.get(name)
        if not rows:
            continue
        table = tables[name]
        # Foreign keys to tables inserted later (a cycle) are set once those exist.
        late = [
            fk.parent.name
            for fk in table.foreign_keys
            if position[fk.column.table.name] >= position[name] and fk.parent.nullable
        ]
        prepared: Sequence[dict[str, Any]] = rows
        if late:
            prepared = []
            for row in rows:
                row = dict(row)
                patch = {c: row[c] for c in late if row.get(c) is not None}
                for c in patch:
                    row[c] = None
                if patch:
                    deferred.append((table, row["id"], patch))
                prepared.append(row)
        conn.execute(insert(table), prepared)
        rec.touch(name)
        if inserted is not None:
            inserted(name, rows)
    for table, row_id, patch in deferred:
        conn.execute(sql_update(table).where(table.c.id == row_id).values(patch))
