"""Adding and changing one item of any kind, validated, in one transaction each.

The window, the command line and the importers change a plan through these functions (and
those of :mod:`planner.operations.deletion` to delete and put back). Each returns what it
changed (:class:`planner.store.Change`) and what is needed to undo it:

* :func:`create` returns the new id; undo is :func:`~planner.operations.deletion.delete`,
  redo is :func:`~planner.operations.deletion.restore`.
* :func:`update` returns the values it replaced and the row's new version; undo is
  :func:`update` with the old values and that version, which fails with a
  :class:`ConflictError` if someone changed the item in between.

:func:`create_in` and :func:`update_in` do the same inside a transaction already open (an
import, a batch). Values are plain Python: ``str``, ``int``, ``date``, aware ``datetime``,
``None`` and lists of ids for links (``member_ids``, ``facilitator_ids``, ``audience``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import false, insert, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, FieldError, NotFoundError, PlannerError
from planner.domain.i18n import _
from planner.domain.inputs import clean_field
from planner.domain.labels import noun
from planner.domain.model import (
    ChangeLog,
    ChangeSet,
    Entity,
    GroupMember,
    ModuleTrainer,
    Plan,
    RidePassenger,
    SessionAudience,
    SessionFacilitator,
    table_of,
)
from planner.operations.kinds import AUDIENCE_TYPES, MONEY_FIELDS, Kind, kind
from planner.operations.validation import raise_if_invalid
from planner.store import Change, PlanStore, recorder


@dataclass(frozen=True)
class Created:
    id: int
    change: Change
    version: int = 1


@dataclass(frozen=True)
class Updated:
    id: int
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    version: int
    change: Change


# --- values as the plan keeps them --------------------------------------------------------------


def normalise(k: Kind, values: dict[str, Any]) -> dict[str, Any]:
    """Values cleaned as the plan keeps them: no control characters, codes in capitals,
    amounts as Decimal; a field the kind does not have is refused."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in k.fields and key not in k.links:
            raise PlannerError(
                _("'{field}' is not a field of a {item}.").format(field=key, item=noun(k.name))
            )
        if isinstance(value, str):
            value = clean_field(key, value).strip()  # no control characters, ever
            if key in k.upper:
                value = value.upper()
        out[key] = value
    for key in MONEY_FIELDS.intersection(out):
        out[key] = _money(out[key])
    if k.tidy is not None:
        k.tidy(out)
    return out


def _money(value: Any) -> Any:
    """An amount as ``Decimal`` ("85,50" and "85.50" alike); anything else is left to fail."""
    if value is None or isinstance(value, Decimal | bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return value
    return value


def _repairs(k: Kind, stored: dict[str, Any]) -> dict[str, Any]:
    """Stored text that holds control characters (saved by an older version), cleaned: any
    edit of the item repairs it instead of refusing the field the user did not touch."""
    return {
        key: clean_field(key, value).strip()
        for key, value in stored.items()
        if key in k.fields
        and isinstance(value, str)
        and clean_field(key, value).strip() != value.strip()
    }


def validate(
    store: PlanStore, kind_name: str, values: dict[str, Any], own_id: int | None = None
) -> list[FieldError]:
    """Field errors for a form's current values (used as the user types)."""
    k = kind(kind_name)
    merged = dict(values)
    if own_id is not None:
        current = get_values(store, kind_name, own_id)
        current.pop("version")
        merged = {**current, **_repairs(k, current), **values}
    else:
        merged = {**k.defaults, **values}
    merged = normalise(k, merged)
    with store.read() as session:
        return k.validator(session, merged, own_id)


def plan_of(session: Session) -> Plan:
    """The plan's own row (its details, zone and settings)."""
    plan = session.execute(select(Plan)).scalars().first()
    if plan is None:
        raise PlannerError(_("This plan file holds no plan."))
    return plan


def _fill_zones(session: Session, k: Kind, values: dict[str, Any], plan_zone: str) -> None:
    """Give a time without its zone column the zone of its place, else the plan's."""
    for zone_key, time_key in k.zones:
        if values.get(zone_key) or values.get(time_key) is None:
            continue
        zone = plan_zone
        if k.place_zone is not None:
            zone = k.place_zone(session, values, zone_key) or plan_zone
        values[zone_key] = zone


# --- reading an item's values -------------------------------------------------------------------


def row_values(obj: Entity, k: Kind) -> dict[str, Any]:
    return {key: getattr(obj, key) for key in k.fields}


# Lists of people linked to an item: link name -> (table, owner column, person column).
PERSON_LINKS: dict[str, tuple[type[Entity], str, str]] = {
    "member_ids": (GroupMember, "group_id", "person_id"),
    "facilitator_ids": (SessionFacilitator, "session_id", "person_id"),
    "trainer_ids": (ModuleTrainer, "module_id", "person_id"),
}
AUDIENCE_COLUMNS = {kind: f"{kind}_id" for kind in AUDIENCE_TYPES}
# Lists of groups, delegations and people linked to an item: link name -> (table, owner column).
GROUP_LINKS: dict[str, tuple[type[Entity], str]] = {
    "audience": (SessionAudience, "session_id"),
    "passengers": (RidePassenger, "ride_id"),
}


def _links_of(session: Session, k: Kind, item_id: int) -> dict[str, Any]:
    links: dict[str, Any] = {}
    conn = session.connection()
    for name in k.links:
        if name in PERSON_LINKS:
            model, owner, person = PERSON_LINKS[name]
            table = table_of(model)
            links[name] = sorted(
                conn.execute(select(table.c[person]).where(table.c[owner] == item_id)).scalars()
            )
        elif name in GROUP_LINKS:
            model, owner = GROUP_LINKS[name]
            table = table_of(model)
            audience: list[tuple[str, int]] = []
            for row in conn.execute(
                select(*(table.c[c] for c in AUDIENCE_COLUMNS.values())).where(
                    table.c[owner] == item_id
                )
            ):
                kind_name, ref = next(
                    (k_, v) for k_, v in zip(AUDIENCE_COLUMNS, row, strict=True) if v is not None
                )
                audience.append((kind_name, ref))
            links[name] = sorted(audience)
    return links


def values_of(session: Session, k: Kind, obj: Entity) -> dict[str, Any]:
    """An item's fields and links as they are in the plan."""
    return {**row_values(obj, k), **_links_of(session, k, obj.id)}


def get_values(store: PlanStore, kind_name: str, item_id: int) -> dict[str, Any]:
    """An item's editable values and links, with ``version`` (what a dialog shows)."""
    k = kind(kind_name)
    with store.read() as session:
        obj = session.get(k.model, item_id)
        if obj is None:
            raise NotFoundError(
                _("This {item} no longer exists (deleted elsewhere).").format(item=noun(k.name))
            )
        values = row_values(obj, k)
        values.update(_links_of(session, k, item_id))
        values["version"] = obj.version
    return values


def _set_links(session: Session, k: Kind, item_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Replace an item's links; returns {link: [old, new]} for those that changed."""
    if not any(key in values for key in k.links):
        return {}
    current = _links_of(session, k, item_id)
    conn = session.connection()
    changed: dict[str, Any] = {}
    for name in k.links:
        if name not in values:
            continue
        old = {tuple(e) if isinstance(e, list) else e for e in current[name]}
        new = {tuple(e) if isinstance(e, list) else e for e in values[name] or []}
        if old == new:
            continue
        if name in PERSON_LINKS:
            model, owner, person = PERSON_LINKS[name]
            table = table_of(model)
            rows = [{owner: item_id, person: p, "version": 1} for p in new - old]
            gone: Any = table.c[person].in_(sorted(old - new))
        else:  # the audience, a ride's passengers
            group_model, owner = GROUP_LINKS[name]
            table = table_of(group_model)
            rows = [
                {
                    owner: item_id,
                    "version": 1,
                    **dict.fromkeys(AUDIENCE_COLUMNS.values()),
                    AUDIENCE_COLUMNS[e[0]]: e[1],
                }
                for e in new - old
            ]
            gone = or_(false(), *(table.c[AUDIENCE_COLUMNS[e[0]]] == e[1] for e in old - new))
        if old - new:
            conn.execute(sql_delete(table).where(table.c[owner] == item_id, gone))
        if rows:
            conn.execute(insert(table), rows)
        recorder(session).touch(table.name)
        changed[name] = [sorted(old), sorted(new)]
    return changed


# --- create -------------------------------------------------------------------------------------


def create(
    store: PlanStore, kind_name: str, values: dict[str, Any], action: str | None = None
) -> Created:
    """Add an item; returns its id."""
    k = _creatable(kind_name)
    merged = normalise(k, {**k.defaults, **values})
    with store.transaction(action or _("Add {item}").format(item=noun(k.name))) as tx:
        obj = _insert(tx.session, k, merged, plan_of(tx.session).timezone)
        new_id, version = obj.id, obj.version
    return Created(new_id, tx.change, version)


def create_in(
    session: Session, kind_name: str, values: dict[str, Any], zone: str | None = None
) -> int:
    """Add an item inside an open transaction; returns its id. ``zone`` is the plan's time
    zone, when the caller read it once for many items."""
    k = _creatable(kind_name)
    merged = normalise(k, {**k.defaults, **values})
    return _insert(session, k, merged, zone or plan_of(session).timezone).id


def _creatable(kind_name: str) -> Kind:
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is created with File ▸ New or 'planner new'."))
    return k


def _insert(session: Session, k: Kind, merged: dict[str, Any], zone: str) -> Entity:
    _fill_zones(session, k, merged, zone)
    raise_if_invalid(k.validator(session, merged, None))
    obj = k.model(**{key: merged[key] for key in k.fields if key in merged})
    session.add(obj)
    session.flush()
    links = _set_links(session, k, obj.id, merged)
    if links:
        recorder(session).record(k.model.__tablename__, obj.id, "update", links)
    return obj


# --- update -------------------------------------------------------------------------------------


def update(
    store: PlanStore,
    kind_name: str,
    item_id: int,
    values: dict[str, Any],
    expected_version: int | None = None,
    action: str | None = None,
) -> Updated:
    """Change some fields or links of an item.

    With ``expected_version``, refuse (``ConflictError``) if the item changed since it was read.
    """
    k = kind(kind_name)
    values = normalise(k, values)
    try:
        with store.transaction(action or _("Edit {item}").format(item=noun(k.name))) as tx:
            old_values, new_values, version = _update_in(
                tx.session, k, item_id, values, expected_version
            )
    except ConflictError as exc:
        if exc.kind:  # deleted: nothing more to tell
            raise
        # changed since it was read, or at the same moment (the store's StaleDataError):
        # described once the transaction is over, with who did it and what it holds now
        raise changed_elsewhere(store, k, item_id) from exc
    return Updated(item_id, old_values, new_values, version, tx.change)


def update_in(
    session: Session,
    kind_name: str,
    item_id: int,
    values: dict[str, Any],
    expected_version: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any], int]:
    """Change an item inside an open transaction; returns (the values it replaced, the new
    values, the item's version after the change)."""
    k = kind(kind_name)
    return _update_in(session, k, item_id, normalise(k, values), expected_version)


def _update_in(
    session: Session,
    k: Kind,
    item_id: int,
    values: dict[str, Any],
    expected_version: int | None,
) -> tuple[dict[str, Any], dict[str, Any], int]:
    obj = session.get(k.model, item_id)
    if obj is None:
        raise ConflictError(
            _("This {item} was deleted elsewhere; nothing was changed.").format(item=noun(k.name)),
            kind=k.name,
            item_id=item_id,
        )
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError("")  # update() says who and what, after this transaction
    before = values_of(session, k, obj)
    values = {**_repairs(k, before), **values}
    merged = {**before, **values}
    if k.zones:
        filled = dict(merged)
        _fill_zones(session, k, filled, plan_of(session).timezone)
        values.update({key: filled[key] for key, _t in k.zones if filled[key] != merged[key]})
        merged = filled
    raise_if_invalid(k.validator(session, merged, item_id))
    apply_values(session, k, obj, values)
    if k.after_update is not None:
        k.after_update(session, obj, before, merged)
    return {key: before[key] for key in values}, dict(values), obj.version


def changed_elsewhere(store: PlanStore, k: Kind, item_id: int) -> ConflictError:
    """The item as someone else left it, and who: for the window to offer a choice (said once
    the transaction that found it changed is over)."""
    try:
        current = get_values(store, k.name, item_id)
    except NotFoundError:
        return ConflictError(
            _("This {item} was deleted elsewhere; nothing was changed.").format(item=noun(k.name)),
            kind=k.name,
            item_id=item_id,
        )
    with store.read() as session:
        who = last_author(session, k, item_id)
    return ConflictError(
        _(
            "This {item} was changed elsewhere since you opened it (by {who}); nothing was"
            " changed. Look at it again and redo your change."
        ).format(item=noun(k.name), who=who),
        who=who,
        current=current,
        kind=k.name,
        item_id=item_id,
    )


def apply_values(session: Session, k: Kind, obj: Entity, values: dict[str, Any]) -> None:
    """Set fields and links of an item; a change of links alone still counts a version."""
    for key in k.fields:
        if key in values and getattr(obj, key) != values[key]:
            setattr(obj, key, values[key])
    column_changed = session.is_modified(obj)
    session.flush()
    link_changes = _set_links(session, k, obj.id, values)
    if link_changes:
        recorder(session).record(k.model.__tablename__, obj.id, "update", link_changes)
        if not column_changed:
            table = table_of(k.model)
            session.connection().execute(
                sql_update(table).where(table.c.id == obj.id).values(version=table.c.version + 1)
            )
            session.expire(obj, ["version"])


def last_author(session: Session, k: Kind, item_id: int) -> str:
    """Who last changed an item (for "changed elsewhere since, by …")."""
    row = session.execute(
        select(ChangeSet.user_name, ChangeSet.at)
        .join(ChangeLog, ChangeLog.change_set_id == ChangeSet.id)
        .where(ChangeLog.entity == k.model.__tablename__, ChangeLog.entity_id == item_id)
        .order_by(ChangeSet.id.desc())
        .limit(1)
    ).first()
    return row[0] if row else _("someone else")
