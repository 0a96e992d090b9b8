"""Who changed what and when: the plan's change log read back, for the plan or one item.

Every committed action wrote a change set (when, the login that made it, the action's label)
and one change-log row per item it touched, with the fields it changed (old and new). On a
shared plan the login is the database user, so the history says which member of the team did
what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from planner.i18n import _
from planner.labels import KIND_NOUNS, field_label, noun
from planner.store import PlanStore, parse_time

# change-log entity (table) -> the kind whose noun names it
TABLE_KINDS = {
    "participant_group": "group", "agenda_session": "session", "visit_stop": "stop",
    "venue": "place",
}
# how an item is named in the history: its table's naming columns
NAME_COLUMNS = {
    "person": ("given_name", "family_name"), "agenda_session": ("title",), "ride": ("title",),
    "module": ("title",), "travel": ("number",), "room_block": ("room_type",),
    "budget_line": ("description",), "per_diem_rate": ("location",),
    "exchange_rate": ("currency", "month"), "catering_rate": ("kind",),
    "budget_category": ("category",), "plan": ("title",), "vehicle": ("name",),
}
SKIPPED_FIELDS = {"version"}


@dataclass(frozen=True)
class HistoryEntry:
    change_set_id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int
    kind: str  # insert, update, delete
    item: str  # "person Ana Zelaya"
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # field, old, new
    # the same for people to read: a link's name instead of its id ("Room A" for room_id 3)
    shown: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def what(self) -> str:
        """'changed', 'added', 'deleted' (translated)."""
        return {"insert": _("added"), "update": _("changed"), "delete": _("deleted")}.get(
            self.kind, self.kind)

    def summary(self) -> str:
        """'start: 2023-11-27T14:00 → 2023-11-27T15:00; title: A → B'"""
        parts = []
        for name, old, new in self.shown or self.changes:
            label = field_label(name)
            if self.kind == "insert":
                parts.append(f"{label}: {_shown(new)}")
            else:
                parts.append(f"{label}: {_shown(old)} → {_shown(new)}")
        return "; ".join(parts)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def item_noun(entity: str) -> str:
    kind = TABLE_KINDS.get(entity, entity)
    return noun(kind) if kind in KIND_NOUNS else entity.replace("_", " ")


def history(store: PlanStore, entity: str | None = None, entity_id: int | None = None,
            limit: int | None = None) -> list[HistoryEntry]:
    """The plan's history, newest first; only one item's with ``entity`` and ``entity_id``
    (a table name such as "person", and an id)."""
    where, params = "", {}
    if entity is not None:
        where = " WHERE l.entity = :entity" + (" AND l.entity_id = :id" if entity_id else "")
        params = {"entity": entity, "id": entity_id}
    sql = ("SELECT s.id, s.at, s.user_name, s.action, l.entity, l.entity_id, l.kind, l.detail"
           " FROM change_log l JOIN change_set s ON s.id = l.change_set_id" + where
           + " ORDER BY s.id DESC, l.id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    links = _links()
    parsed = []
    wanted: set[tuple[str, int]] = set()
    with store.reading() as r:
        rows = r.rows(sql, params)
        for cs, at, user, action, table, item_id, kind, detail in rows:
            values = json.loads(detail) if detail else {}
            if kind == "update":
                changes = [(k, v[0], v[1]) if isinstance(v, list) and len(v) == 2
                           else (k, None, v)
                           for k, v in values.items() if k not in SKIPPED_FIELDS]
            else:
                changes = [(k, None, v) for k, v in values.items()
                           if k not in SKIPPED_FIELDS and v not in (None, "")]
            wanted.add((table, item_id))
            for key, old, new in changes:
                target = links.get((table, key))
                if target:
                    wanted.update((target, v) for v in (old, new) if isinstance(v, int))
            parsed.append((cs, at, user, action, table, item_id, kind, values, changes))
        names = _names(r, wanted)
    entries = []
    for cs, at, user, action, table, item_id, kind, values, changes in parsed:
        shown = []
        for key, old, new in changes:
            target = links.get((table, key))
            if target:
                old, new = (names.get((target, v), f"#{v}") if isinstance(v, int) else v
                            for v in (old, new))
            shown.append((key, old, new))
        name = names.get((table, item_id)) or _name_from(table, values) or f"#{item_id}"
        entries.append(HistoryEntry(int(cs), parse_time(at), str(user), str(action), table,
                                    int(item_id), str(kind), f"{item_noun(table)} {name}",
                                    changes, shown))
    return entries


def _links() -> dict[tuple[str, str], str]:
    """(table, column) -> the table that column points at (room_id -> room)."""
    from planner.model import Base

    return {(t.name, fk.parent.name): fk.column.table.name
            for t in Base.metadata.sorted_tables for fk in t.foreign_keys}


def _name_from(table: str, values: dict[str, Any]) -> str:
    """A deleted item's name from what its insert or change recorded."""
    columns = NAME_COLUMNS.get(table, ("name",))
    found = [values.get(c) for c in columns]
    found = [v[1] if isinstance(v, list) and len(v) == 2 else v for v in found]
    return " ".join(str(v) for v in found if v not in (None, ""))


def _names(r: Any, items: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The current names of the items the history mentions (deleted ones have none)."""
    from planner.model import Base

    tables = {t.name: t for t in Base.metadata.sorted_tables}
    by_table: dict[str, list[int]] = {}
    for table, item_id in items:
        by_table.setdefault(table, []).append(int(item_id))
    names: dict[tuple[str, int], str] = {}
    for table, ids in by_table.items():
        columns = [c for c in NAME_COLUMNS.get(table, ("name",))
                   if table in tables and c in tables[table].c]
        if not columns:
            continue
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join(f":i{n}" for n in range(len(chunk)))
            for row in r.rows(f"SELECT id, {', '.join(columns)} FROM \"{table}\""
                              f" WHERE id IN ({marks})",
                              {f"i{n}": v for n, v in enumerate(chunk)}):
                names[(table, int(row[0]))] = " ".join(str(v) for v in row[1:] if v)
    return names
