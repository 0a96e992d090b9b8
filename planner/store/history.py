"""Who changed what and when: the plan's change log read back, for the plan or one item.

Every committed action wrote a change set (when, the login that made it, the action's label)
and one change-log row per item it touched, with the fields it changed (old and new). On a
shared plan the login is the database user, so the history says which member of the team did
what.

What the window, ``planner history`` and the history export show is made here, once:

- a change to a personal field (:data:`planner.domain.personal.PERSONAL`) is shown as a change, its
  values masked (``•••``), in the words and in the values a script reads (``changes``);
- times are in the plan's time zone; linked items are named ("Group A added to the audience");
- a plan's text is shown harmlessly (:func:`planner.domain.printable.printable`);
- ``limit`` counts changes (actions), not the items they touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _, format_date
from planner.domain.labels import KIND_NOUNS, noun
from planner.domain.personal import is_personal
from planner.domain.printable import printable
from planner.store.history_words import (
    AUDIENCE_TABLES,
    ENUM_LABELS,
    MASK,
    SETTING_NAMES,
    Phrasing,
    field_key,
)
from planner.store.plan import PlanStore, parse_time

# change-log entity (table) -> the kind whose noun names it
TABLE_KINDS = {
    "participant_group": "group",
    "agenda_session": "session",
    "visit_stop": "stop",
    "venue": "place",
}
# tables the program writes that are not kinds a user adds: their nouns
OTHER_NOUNS = {
    "plan_setting": N_("setting"),
    "acknowledgement": N_("accepted problem"),
    "group_member": N_("group member"),
    "session_audience": N_("audience entry"),
    "session_facilitator": N_("facilitator"),
    "module_trainer": N_("trainer"),
    "ride_passenger": N_("passenger"),
}
# how an item is named in the history: its table's naming columns (a link is named by the
# linked item's name: a hotel stay by its guest and hotel)
NAME_COLUMNS = {
    "person": ("given_name", "family_name"),
    "agenda_session": ("title",),
    "ride": ("title",),
    "module": ("title",),
    "travel": ("person_id", "number"),
    "room_block": ("venue_id", "room_type"),
    "budget_line": ("description",),
    "per_diem_rate": ("location",),
    "exchange_rate": ("currency", "month"),
    "catering_rate": ("kind",),
    "budget_category": ("category",),
    "plan": ("title",),
    "vehicle": ("name",),
    "stay": ("person_id", "venue_id"),
    "unavailability": ("person_id",),
    "attendance": ("person_id",),
    "visit_stop": ("venue_id",),
    "road_time": ("from_id", "to_id"),
    "plan_setting": ("key",),
    "acknowledgement": ("note",),
    "budget_actual": ("line_key",),
    "group_member": ("person_id",),
    "session_facilitator": ("person_id",),
    "module_trainer": ("person_id",),
}
SKIPPED_FIELDS = {"version"}
MAX_ID = 2**63 - 1  # the largest id a plan can hold


@dataclass(frozen=True)
class HistoryEntry:
    change_set_id: int
    at: datetime  # in the plan's time zone
    user: str
    action: str
    entity: str
    entity_id: int
    kind: str  # insert, update, delete
    item: str  # "person Ana Zelaya"
    # field, old, new as stored (a link's id, a moment in UTC), a personal field's values
    # masked (MASK); for a deletion, what the item held is the old value
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    # the same for people to read: "room: Aula 1 → Aula 2", "Group A added to the audience"
    details: tuple[str, ...] = ()
    hidden: frozenset[str] = frozenset()  # the fields whose values are masked

    @property
    def what(self) -> str:
        """'changed', 'added', 'deleted' (translated)."""
        return {"insert": _("added"), "update": _("changed"), "delete": _("deleted")}.get(
            self.kind, self.kind
        )

    def summary(self) -> str:
        """'start: 27 Nov 2023 14:00 → 15:00; Group A added to the audience'"""
        return "; ".join(self.details)

    def sentence(self) -> str:
        """'Changed session Module 3 (Group A added to the audience)' (one line)."""
        template = {
            "insert": _("Added {item}"),
            "update": _("Changed {item}"),
            "delete": _("Deleted {item}"),
        }.get(self.kind, "{item}")
        text = template.format(item=self.item)
        summary = self.summary()
        return f"{text} ({summary})" if summary else text


def item_noun(entity: str) -> str:
    kind = TABLE_KINDS.get(entity, entity)
    if kind in KIND_NOUNS:
        return noun(kind)
    return _(OTHER_NOUNS[entity]) if entity in OTHER_NOUNS else entity.replace("_", " ")


def _tables() -> dict[str, Any]:
    from planner.domain.model import Base

    return dict(Base.metadata.tables)


def item_table(kind: str) -> str:
    """The table of a kind of item as ``--item`` names it: a table ("agenda_session") or the
    kind people say ("session", "group")."""
    wanted = kind.strip().lower().replace(" ", "_")
    by_kind = {k: t for t, k in TABLE_KINDS.items()}
    table = by_kind.get(wanted, wanted)
    tables = _tables()
    if table not in tables or table in ("change_set", "change_log", "alembic_version"):
        names = sorted(
            t
            for t in tables
            if t
            not in ("change_set", "change_log", "alembic_version", "export_record", "certificate")
        )
        raise PlannerError(
            _("'{kind}' is not a kind of item. Use one of: {kinds}.").format(
                kind=printable(kind), kinds=", ".join(names)
            )
        )
    return table


def parse_item(text: str) -> tuple[str, int]:
    """'person:12' -> ("person", 12); refused in words when it cannot name an item."""
    kind, sep, number = text.partition(":")
    number = number.strip()
    if not sep or not kind.strip() or not number.isascii() or not number.isdigit():
        raise PlannerError(_("Write --item as KIND:ID, e.g. person:12."))
    table = item_table(kind)
    item_id = int(number)
    if not 1 <= item_id <= MAX_ID:
        raise PlannerError(
            _(
                "There is no {item} {id} in this plan: ids are whole numbers from 1 to {max}."
            ).format(item=item_noun(table), id=item_id, max=MAX_ID)
        )
    return table, item_id


def item_known(store: PlanStore, table: str, item_id: int) -> bool:
    """Whether the plan has (or once had) this item."""
    if not 1 <= item_id <= MAX_ID:
        return False
    with store.reading() as r:
        if r.value(f'SELECT count(*) FROM "{table}" WHERE id = :id', {"id": item_id}):
            return True
        return bool(
            r.value(
                "SELECT count(*) FROM change_log WHERE entity = :t AND entity_id = :id",
                {"t": table, "id": item_id},
            )
        )


def plan_zone(store: PlanStore) -> ZoneInfo:
    """The plan's time zone (UTC when this machine does not know it)."""
    with store.reading() as r:
        name = r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1")
    return _zone(name)


def _zone(name: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str(name))
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")


def _sql(
    entity: str | None, entity_id: int | None, limit: int | None, max_rows: int | None
) -> tuple[str, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    own = ""
    if entity is not None:
        own = " AND entity = :entity" + (" AND entity_id = :id" if entity_id is not None else "")
        where.append(
            "l.entity = :entity" + (" AND l.entity_id = :id" if entity_id is not None else "")
        )
        params.update(entity=entity, id=entity_id)
    if limit is not None:  # the newest N changes (actions), with all the items each touched
        where.append(
            "l.change_set_id IN (SELECT DISTINCT change_set_id FROM change_log"
            f" WHERE 1 = 1{own} ORDER BY change_set_id DESC LIMIT :limit)"
        )
        params["limit"] = int(limit)
    sql = (
        "SELECT s.id, s.at, s.user_name, s.action, l.entity, l.entity_id, l.kind, l.detail"
        " FROM change_log l JOIN change_set s ON s.id = l.change_set_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY s.id DESC, l.id"
    )
    if max_rows is not None:
        sql += " LIMIT :rows"
        params["rows"] = int(max_rows)
    return sql, params


def _changes(table: str, kind: str, values: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    if kind == "update":
        return [
            (k, v[0], v[1]) if isinstance(v, list) and len(v) == 2 else (k, None, v)
            for k, v in values.items()
            if k not in SKIPPED_FIELDS
        ]
    found = [
        (k, v) for k, v in values.items() if k not in SKIPPED_FIELDS and v not in (None, "", [])
    ]
    if kind == "delete":  # what it held is what is gone
        return [(k, v, None) for k, v in found]
    return [(k, None, v) for k, v in found]


def _masked(
    table: str, changes: list[tuple[str, Any, Any]]
) -> tuple[list[tuple[str, Any, Any]], frozenset[str]]:
    """A personal field's values replaced by MASK (an empty one stays empty: that it was set
    or cleared is not personal)."""
    out, hidden = [], set()
    for key, old, new in changes:
        if is_personal(table, field_key(table, key)):
            hidden.add(key)
            old, new = (v if v in (None, "") else MASK for v in (old, new))
        out.append((key, old, new))
    return out, frozenset(hidden)


def history(
    store: PlanStore,
    entity: str | None = None,
    entity_id: int | None = None,
    limit: int | None = None,
    max_rows: int | None = None,
) -> list[HistoryEntry]:
    """The plan's history, newest first; only one item's with ``entity`` and ``entity_id``
    (a table name such as "person", and an id). ``limit``: the newest N changes (each with
    every item it touched); ``max_rows``: at most that many items in all (the window's cap)."""
    if limit is not None and limit < 1:
        raise PlannerError(_("The limit must be 1 or more (the newest N changes)."))
    if entity_id is not None and not 1 <= entity_id <= MAX_ID:
        return []  # no plan holds such an id
    sql, params = _sql(entity, entity_id, limit, max_rows)
    links = _links()
    rows: list[list[Any]] = []
    first: dict[tuple[int, str, int], list[Any]] = {}  # an item added in the same change
    wanted: set[tuple[str, int]] = set()
    with store.reading() as r:
        zone = _zone(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        for cs, at, user, action, table, item_id, kind, detail in r.rows(sql, params):
            try:
                values = json.loads(detail, strict=False) if detail else {}
            except ValueError:
                values = {}
            values = values if isinstance(values, dict) else {}
            changes = _changes(table, kind, values)
            _wanted(wanted, links, table, int(item_id), changes)
            added = first.get((cs, table, item_id))
            if kind == "update" and added is not None:
                # an item added with its links (a session and its audience): one line
                merged = {k: (o, n) for k, o, n in added[8]}
                merged.update({k: (None, n) for k, _o, n in changes})
                added[8] = [(k, o, n) for k, (o, n) in merged.items()]
                added[7] = {**added[7], **{k: n for k, _o, n in changes}}
                continue
            row = [cs, at, user, action, table, int(item_id), kind, values, changes]
            if kind == "insert":
                first[(cs, table, item_id)] = row
            rows.append(row)
        namer = _Namer(r, links)
        namer.load(wanted, {(row[4], row[5]): row[7] for row in rows if row[6] != "update"})
        zones = _item_zones(r, rows)
    phrasing = Phrasing(zone, namer.name, links)
    entries = []
    for cs, at, user, action, table, item_id, kind, values, changes in rows:
        changes, hidden = _masked(table, changes)
        name = (
            namer.known(table, item_id)
            or namer.from_values(table, values)
            or namer.recorded(table, item_id)
            or f"#{item_id}"
        )
        details = phrasing.details(table, kind, changes, zones.get((table, item_id)))
        entries.append(
            HistoryEntry(
                int(cs),
                parse_time(at).astimezone(zone),
                printable(str(user)),
                printable(str(action)),
                table,
                item_id,
                str(kind),
                f"{item_noun(table)} {name}",
                changes,
                tuple(details),
                hidden,
            )
        )
    return entries


def _wanted(
    wanted: set[tuple[str, int]],
    links: dict[tuple[str, str], str],
    table: str,
    item_id: int,
    changes: list[tuple[str, Any, Any]],
) -> None:
    """The items whose names this row needs: itself, what its fields link to."""
    wanted.add((table, item_id))
    for key, old, new in changes:
        target = links.get((table, key))
        for value in (old, new):
            if target and isinstance(value, int):
                wanted.add((target, value))
            elif isinstance(value, list):
                for entry in value:
                    if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], int):
                        wanted.add((AUDIENCE_TABLES.get(str(entry[0]), str(entry[0])), entry[1]))
                    elif isinstance(entry, int):
                        wanted.add(("person", entry))


def _links() -> dict[tuple[str, str], str]:
    """(table, column) -> the table that column points at (room_id -> room)."""
    from planner.domain.model import Base

    return {
        (t.name, fk.parent.name): fk.column.table.name
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
    }


def _item_zones(r: Any, rows: list[list[Any]]) -> dict[tuple[str, int], dict[str, str]]:
    """The zones of the journeys the history mentions (a flight's times are its airport's)."""
    ids = sorted({row[5] for row in rows if row[4] == "travel"})
    zones: dict[tuple[str, int], dict[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        for item_id, departs, arrives in r.rows(
            f"SELECT id, departs_tz, arrives_tz FROM travel WHERE id IN ({marks})",
            {f"i{n}": v for n, v in enumerate(chunk)},
        ):
            zones[("travel", int(item_id))] = {"departs_tz": departs, "arrives_tz": arrives}
    return zones


def _part(table: str, column: str, value: Any) -> str:
    """One naming column's value in words: a label for a code, a month as a month."""
    labels = ENUM_LABELS.get((table, column))
    if labels is not None and value in labels:
        return _(labels[value])
    if table == "plan_setting" and column == "key" and value in SETTING_NAMES:
        return _(SETTING_NAMES[value])
    if column == "month":
        try:
            return format_date(datetime.fromisoformat(str(value)[:10]).date(), "MMM y")
        except ValueError:
            pass
    return str(value)


class _Namer:
    """The names of the items a history mentions: as they are now, or for a deleted item as
    the change log last recorded them."""

    def __init__(self, r: Any, links: dict[tuple[str, str], str]) -> None:
        self.r, self.links = r, links
        self.tables = _tables()
        self.raw: dict[tuple[str, int], dict[str, Any]] = {}  # naming columns' values
        self.logged: dict[tuple[str, int], dict[str, Any]] = {}  # a deleted item's

    def load(
        self, items: set[tuple[str, int]], seen: dict[tuple[str, int], dict[str, Any]]
    ) -> None:
        """Read the names of ``items``; ``seen``: what the history's own rows recorded of
        items added or deleted (a deleted item's name, without another read)."""
        self._read(items)
        for key, values in seen.items():
            if key not in self.raw and values:
                self._remember(key, values)
        missing = {i for i in items if i not in self.raw and i not in self.logged}
        self._read_log(missing)
        parts = set()
        for (table, _id), values in {**self.logged, **self.raw}.items():
            for column in NAME_COLUMNS.get(table, ("name",)):
                target = self.links.get((table, column))
                if target and isinstance(values.get(column), int):
                    parts.add((target, values[column]))
        parts -= set(self.raw)
        self._read(parts)
        self._read_log({i for i in parts if i not in self.raw})

    def _columns(self, table: str) -> list[str]:
        if table not in self.tables:
            return []
        return [c for c in NAME_COLUMNS.get(table, ("name",)) if c in self.tables[table].c]

    def _read(self, items: set[tuple[str, int]]) -> None:
        by_table: dict[str, list[int]] = {}
        for table, item_id in items:
            if 1 <= item_id <= MAX_ID:
                by_table.setdefault(table, []).append(int(item_id))
        for table, ids in by_table.items():
            columns = self._columns(table)
            if not columns:
                continue
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                quoted = ", ".join(f'"{c}"' for c in columns)
                for row in self.r.rows(
                    f'SELECT id, {quoted} FROM "{table}" WHERE id IN ({marks})',
                    {f"i{n}": v for n, v in enumerate(chunk)},
                ):
                    self.raw[(table, int(row[0]))] = dict(zip(columns, row[1:], strict=True))

    def _read_log(self, items: set[tuple[str, int]]) -> None:
        """Deleted items: their names as the change log last recorded them."""
        by_table: dict[str, list[int]] = {}
        for table, item_id in items:
            if 1 <= item_id <= MAX_ID:
                by_table.setdefault(table, []).append(int(item_id))
        for table, ids in by_table.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                for item_id, detail in self.r.rows(
                    "SELECT entity_id, detail FROM change_log WHERE entity = :t AND"
                    f" entity_id IN ({marks}) AND detail != '' ORDER BY id DESC",
                    {"t": table, **{f"i{n}": v for n, v in enumerate(chunk)}},
                ):
                    key = (table, int(item_id))
                    try:
                        values = json.loads(detail, strict=False)
                    except ValueError:
                        continue
                    if isinstance(values, dict):
                        self._remember(key, values)

    def _remember(self, key: tuple[str, int], values: dict[str, Any]) -> None:
        """Keep the naming values of a deleted item (the newest first)."""
        found = self.logged.setdefault(key, {})
        for column in NAME_COLUMNS.get(key[0], ("name",)):
            value = values.get(column)
            if isinstance(value, list) and len(value) == 2:
                value = value[1] if value[1] not in (None, "") else value[0]
            if column not in found and value not in (None, ""):
                found[column] = value

    def _compose(self, table: str, values: dict[str, Any], depth: int = 0) -> str:
        """A name from an item's naming columns ("Ana Zelaya", "Ana Zelaya · Hotel Maya")."""
        parts, linked = [], False
        for column in NAME_COLUMNS.get(table, ("name",)):
            value = values.get(column)
            if isinstance(value, list) and len(value) == 2:  # an update's [old, new]
                value = value[1] if value[1] not in (None, "") else value[0]
            if value in (None, ""):
                continue
            target = self.links.get((table, column))
            if target and isinstance(value, int):
                linked = True
                parts.append(self.name(target, value) if depth == 0 else f"#{value}")
            else:
                parts.append(_part(table, column, value))
        return printable((" · " if linked else " ").join(parts))

    def known(self, table: str, item_id: int) -> str:
        """The item's name now ("" when it has none or is gone)."""
        values = self.raw.get((table, item_id))
        return self._compose(table, values) if values else ""

    def recorded(self, table: str, item_id: int) -> str:
        """A deleted item's name as the change log last recorded it ("" if never)."""
        values = self.logged.get((table, item_id))
        return self._compose(table, values) if values else ""

    def from_values(self, table: str, values: dict[str, Any]) -> str:
        """A deleted item's name from what its own row recorded."""
        return self._compose(table, values)

    def name(self, table: str, item_id: Any) -> str:
        """Any item's name: as it is now, as the log last had it, else 'group #5 (deleted)'."""
        if isinstance(item_id, int):
            key = (table, item_id)
            if key in self.raw:
                found = self._compose(table, self.raw[key], 1)
                if found:
                    return found
            if key in self.logged:
                found = self._compose(table, self.logged[key], 1)
                if found:
                    return found
        return _("{item} #{id} (deleted)").format(item=item_noun(table), id=printable(str(item_id)))


def text_lines(entries: list[HistoryEntry]) -> list[str]:
    """The history as ``planner history`` prints it: a line per change (its number, time in the
    plan's zone, login and action), then a line per item it touched."""
    lines: list[str] = []
    current = None
    for e in entries:
        if e.change_set_id != current:
            current = e.change_set_id
            when = f"{format_date(e.at.date(), 'medium')} {e.at:%H:%M} {e.at:%Z}".rstrip()
            lines.append(f"#{e.change_set_id}  {when}  {e.user}  {e.action}")
        lines.append(f"    {printable(e.sentence())}")
    return lines
