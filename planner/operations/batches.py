"""Actions that change many items at once, and their undo: adding several items
(:func:`create_many`), replacing some by others (:func:`replace_items`, a generated rotation),
and a :class:`Batch`, what one action added and changed (an import, a merge, a split into
groups, attendance marks), taken back and done again whole by :func:`undo_batch` and
:func:`redo_batch`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, PlannerError
from planner.domain.i18n import _, ngettext
from planner.domain.labels import noun
from planner.domain.model import Base
from planner.operations.deletion import Snapshot, collect, delete_in, restore_in
from planner.operations.items import apply_values, create_in, last_author, plan_of
from planner.operations.kinds import TABLE_KIND, kind
from planner.operations.validation import chunks
from planner.store import Change, PlanStore, recorder


@dataclass(frozen=True)
class CreatedMany:
    ids: list[int]
    change: Change


def create_many(
    store: PlanStore, kind_name: str, items: Sequence[dict[str, Any]], action: str | None = None
) -> CreatedMany:
    """Add several items in one transaction (paste, repeat on several days): all or none."""
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is created with File ▸ New or 'planner new'."))
    label = action or ngettext("Add {n} {item}", "Add {n} {items}", len(items)).format(
        n=len(items), item=noun(k.name), items=noun(k.name, len(items))
    )
    with store.transaction(label) as tx:
        zone = plan_of(tx.session).timezone
        ids = [create_in(tx.session, k.name, values, zone) for values in items]
    return CreatedMany(ids, tx.change)


@dataclass(frozen=True)
class Replaced:
    removed: Snapshot
    created: list[int]
    change: Change


def replace_items(
    store: PlanStore,
    kind_name: str,
    remove_ids: Sequence[int],
    add_items: Sequence[dict[str, Any]] = (),
    add_snapshot: Snapshot | None = None,
    action: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> Replaced:
    """Remove some items and add others in one transaction (accepting a generated rotation,
    and undoing or redoing it): all of it or nothing."""
    k = kind(kind_name)
    label = action or _("Replace {items}").format(items=noun(k.name, 2))
    with store.transaction(label) as tx:
        session = tx.session
        ids = list(dict.fromkeys(remove_ids))
        removed = (
            delete_in(session, k.name, ids, expected_versions) if ids else Snapshot(k.name, [])
        )
        if add_snapshot is not None:
            restore_in(session, add_snapshot)
            created = list(add_snapshot.ids)
        else:
            zone = plan_of(session).timezone
            created = [create_in(session, k.name, values, zone) for values in add_items]
    return Replaced(removed, created, tx.change)


# --- a batch of changes made as one action (an import) --------------------------------------


@dataclass
class Batch:
    """What one action added and changed, to undo and redo it exactly.

    ``created``: table -> ids of the rows it added; ``updated``: (kind, id, old values, new
    values, version after the change). After an undo, ``snapshot`` holds the added rows so a
    redo puts them back with the same ids.
    """

    label: str
    created: dict[str, list[int]] = field(default_factory=dict)
    updated: list[tuple[str, int, dict[str, Any], dict[str, Any], int]] = field(
        default_factory=list
    )
    snapshot: Snapshot | None = None
    change: Change | None = None
    removed: Snapshot | None = None  # items the action deleted (a merge), with what went along
    # links handed from one person to another (a substitute): (table, row id, column, old, new)
    relinked: list[tuple[str, int, str, Any, Any]] = field(default_factory=list)

    def add(self, table: str, row_id: int) -> None:
        self.created.setdefault(table, []).append(row_id)


Known = Callable[[str, int, int], int | None]  # (kind, id, version we last saw) -> version now


def _reapply(
    session: Session,
    updates: list[tuple[str, int, dict[str, Any], dict[str, Any], int]],
    use_old: bool,
    known: Known | None = None,
) -> list[Any]:
    result = []
    for kind_name, item_id, old, new, version in updates:
        k = kind(kind_name)
        if known is not None:
            version = known(kind_name, item_id, version) or version
        obj = session.get(k.model, item_id)
        if obj is None or obj.version != version:
            raise ConflictError(
                _(
                    "This cannot be undone: {item} was changed elsewhere since (by {who}). Nothing"
                    " was changed."
                ).format(item=noun(k.name), who=last_author(session, k, item_id))
            )
        apply_values(session, k, obj, old if use_old else new)
        result.append((kind_name, item_id, old, new, obj.version))
    return result


def _relink(session: Session, links: list[tuple[str, int, str, Any, Any]], use_old: bool) -> None:
    """Hand links back (undo) or over again (redo)."""
    tables = Base.metadata.tables
    conn = session.connection()
    for name, row_id, column, old, new in reversed(links) if use_old else links:
        table = tables[name]
        conn.execute(
            sql_update(table).where(table.c.id == row_id).values({column: old if use_old else new})
        )
    if links:
        recorder(session).touch(*{name for name, *_rest in links})


def undo_batch(store: PlanStore, batch: Batch, known: Known | None = None) -> Change:
    """Take back a whole batch in one transaction (refused if someone changed it since).

    ``known`` gives the versions this window itself left items at (its own later edits,
    since undone, are not someone else's changes)."""
    order = [t.name for t in Base.metadata.sorted_tables]
    with store.transaction(_("Undo: {action}").format(action=batch.label)) as tx:
        session = tx.session
        if batch.removed is not None:
            restore_in(session, batch.removed)
        _relink(session, batch.relinked, use_old=True)
        reverted = _reapply(session, list(reversed(batch.updated)), use_old=True, known=known)
        batch.updated = list(reversed(reverted))
        snap = Snapshot("batch", [])
        seen: set[tuple[str, int]] = set()
        tables = Base.metadata.tables
        for name in reversed(order):
            ids = batch.created.get(name)
            if ids:
                collect(session, tables[name], ids, snap, seen)
        for name, ids in batch.created.items():
            kind_name = TABLE_KIND.get(name)
            changed = [
                r["id"]
                for r in snap.rows.get(name, [])
                if r["id"] in set(ids)
                and r.get("version", 1)
                != ((known(kind_name, r["id"], 1) or 1) if known and kind_name else 1)
            ]
            if changed and name in TABLE_KIND:
                k = kind(TABLE_KIND[name])
                raise ConflictError(
                    _(
                        "This cannot be undone: {item} was changed elsewhere since (by {who})."
                        " Nothing was changed."
                    ).format(item=noun(k.name), who=last_author(session, k, changed[0]))
                )
        conn = session.connection()
        rec = recorder(session)
        for name in reversed(order):
            ids = batch.created.get(name)
            if not ids:
                continue
            table = tables[name]
            for chunk in chunks(ids):
                conn.execute(sql_delete(table).where(table.c.id.in_(chunk)))
            if name in TABLE_KIND:
                for row_id in ids:
                    rec.record(name, row_id, "delete")
        rec.touch(*snap.rows.keys())
        batch.snapshot = snap
    return tx.change


def redo_batch(store: PlanStore, batch: Batch, known: Known | None = None) -> Change:
    """Do an undone batch again, with the same ids."""
    assert batch.snapshot is not None
    with store.transaction(batch.label) as tx:
        session = tx.session
        restore_in(session, batch.snapshot)
        batch.updated = _reapply(session, batch.updated, use_old=False, known=known)
        _relink(session, batch.relinked, use_old=False)
        if batch.removed is not None:
            k = kind(batch.removed.kind)
            versions = {
                r["id"]: r["version"] for r in batch.removed.rows.get(k.model.__tablename__, [])
            }
            batch.removed = delete_in(session, k.name, list(batch.removed.ids), versions)
    return tx.change
