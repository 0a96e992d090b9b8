"""People: organisations, delegations, people and participant groups, with their validators;
saving a person's form with their groups (:func:`save_person`), merging people found twice
(:func:`merge_people`), splitting people into new groups (:func:`create_groups`) and writing
the people of a roster the import checked (:func:`import_people`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, FieldError, PlannerError
from planner.domain.i18n import N_, _, ngettext
from planner.domain.inputs import clean_field, clean_text
from planner.domain.labels import Role, Sex, noun
from planner.domain.model import (
    Delegation,
    Group,
    GroupMember,
    ModuleTrainer,
    Organisation,
    Person,
    PlanSetting,
    SessionAudience,
    SessionFacilitator,
    Travel,
    Unavailability,
    Venue,
    table_of,
)
from planner.domain.reference import fold
from planner.operations.batches import Batch
from planner.operations.deletion import delete_in
from planner.operations.items import (
    apply_values,
    changed_elsewhere,
    create_in,
    plan_of,
    update_in,
    values_of,
)
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation
from planner.queries.grouping import Member
from planner.queries.matching import person_name
from planner.store import PlanStore, Reader, recorder
from planner.store.reader import SqlReader

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _validate_organisation(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.text("acronym", N_("Acronym"), 40)
    c.country("country", N_("Country"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(Organisation.id, Organisation.name)),
            own_id,
        )
    return c.errors


def _validate_delegation(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.country("country", N_("Country"))
    c.colour("colour")
    c.exists(session, "organisation_id", Organisation, N_("organisation"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(Delegation.id, Delegation.name)),
            own_id,
        )
    head = v.get("head_id")
    if head is not None:
        person = session.get(Person, head)
        if person is None:
            c.add("head_id", _("The chosen head no longer exists; choose another."))
        elif own_id is None or person.delegation_id != own_id:
            c.add("head_id", _("The head of a delegation must be one of its members."))
    return c.errors


def _validate_person(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    given = c.text("given_name", N_("Given name"), 100)
    family = c.text("family_name", N_("Family name"), 100)
    if not given and not family:
        c.add("given_name", _("Give at least a given name or a family name."))
    sex = v.get("sex")
    if sex is not None and sex not in set(Sex):
        c.add("sex", _("Sex must be female, male, other or unknown."))
    role = v.get("role") or Role.TRAINEE
    if role not in set(Role):
        c.add("role", _("'{value}' is not a role.").format(value=role))
    c.text("role_other", N_("Role (other)"), 100)
    for key, label, size in (
        ("position", N_("Position or rank"), 200),
        ("duty_station", N_("Duty station"), 200),
        ("id_number", N_("ID or passport number"), 60),
        ("languages", N_("Languages"), 200),
        ("dietary_needs", N_("Dietary needs"), 200),
        ("accessibility_needs", N_("Accessibility needs"), 200),
    ):
        c.text(key, label, size)
    email = c.text("email", N_("Email"), 200)
    if email and not EMAIL_RE.match(email):
        c.add(
            "email",
            _(
                "'{value}' is not an email address; write it like name@example.org or"
                " leave it empty."
            ).format(value=email),
        )
    phone = c.text("phone", N_("Phone"), 60)
    if phone and not re.fullmatch(r"[0-9+()\-./\s]*[0-9][0-9+()\-./\sA-Za-z]*", phone):
        c.add(
            "phone",
            _("'{value}' is not a phone number; use digits, spaces, + and -.").format(value=phone),
        )
    birth = c.date_value("birth_date", N_("Date of birth"))
    if birth is not None:
        if birth > date.today():
            c.add("birth_date", _("The date of birth is in the future."))
        elif birth.year < 1900:
            c.add("birth_date", _("The date of birth is before 1900; check the year."))
    c.country("nationality", N_("Nationality"))
    c.exists(session, "organisation_id", Organisation, N_("organisation"))
    c.exists(session, "delegation_id", Delegation, N_("delegation"))
    if own_id is not None:
        led = session.execute(
            select(Delegation.name).where(
                Delegation.head_id == own_id, Delegation.id != v.get("delegation_id")
            )
        ).first()
        if led is not None:
            c.add(
                "delegation_id",
                _(
                    "This person heads {delegation}: choose another head there"
                    " first, then move them."
                ).format(delegation=led[0]),
            )
    return c.errors


def _validate_group(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    name = c.text("name", N_("Name"), 100, required=True)
    c.colour("colour")
    c.exists(session, "delegation_id", Delegation, N_("delegation"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(Group.id, Group.name)),
            own_id,
        )
    c.ids(session, "member_ids", Person, N_("member"))
    return c.errors


def _tidy_person(values: dict[str, Any]) -> None:
    """An unknown sex is no sex given; a role other than "other" has no other role."""
    if "sex" in values and values["sex"] in ("", "unknown"):
        values["sex"] = None
    if values.get("role") and values["role"] != Role.OTHER:
        values.setdefault("role_other", "")


ORGANISATION = Kind(
    "organisation",
    Organisation,
    ("name", "acronym", "country", "notes"),
    _validate_organisation,
    upper=("country",),
)
DELEGATION = Kind(
    "delegation",
    Delegation,
    ("name", "country", "organisation_id", "head_id", "colour", "notes"),
    _validate_delegation,
    {"colour": "#4C78A8"},
    upper=("country",),
)
PERSON = Kind(
    "person",
    Person,
    (
        "given_name",
        "family_name",
        "sex",
        "organisation_id",
        "position",
        "duty_station",
        "delegation_id",
        "role",
        "role_other",
        "email",
        "phone",
        "id_number",
        "birth_date",
        "nationality",
        "languages",
        "dietary_needs",
        "accessibility_needs",
        "notes",
    ),
    _validate_person,
    {"role": Role.TRAINEE},
    upper=("nationality",),
    tidy=_tidy_person,
)
GROUP = Kind(
    "group",
    Group,
    ("name", "delegation_id", "colour", "notes"),
    _validate_group,
    {"colour": "#72B7B2"},
    links=("member_ids",),
)

register(ORGANISATION, DELEGATION, PERSON, GROUP)


# --- a person's form: their fields and their groups ---------------------------------------------


def save_person(
    store: PlanStore,
    person_id: int | None,
    values: dict[str, Any],
    join: Sequence[int] = (),
    leave: Sequence[int] = (),
    expected_version: int | None = None,
) -> Batch:
    """Add a person (``person_id`` None) or change some of their fields, and put them in the
    groups ``join`` and out of the groups ``leave`` (their other groups stay as they are), in
    one transaction; the Batch undoes it all as one step. With ``expected_version``, refuse
    (``ConflictError``) if the person changed since it was read."""
    word = noun(PERSON.name)
    action = (_("Add {item}") if person_id is None else _("Edit {item}")).format(item=word)
    batch = Batch(action)
    try:
        with store.transaction(action) as tx:
            session = tx.session
            if person_id is None:
                person_id = create_in(session, PERSON.name, values)
                batch.add(Person.__tablename__, person_id)
            else:
                old, new, version = update_in(
                    session, PERSON.name, person_id, values, expected_version
                )
                if new:
                    batch.updated.append((PERSON.name, person_id, old, new, version))
            _move_in_groups(session, person_id, join, leave, batch)
    except ConflictError as exc:
        if exc.kind or person_id is None:  # a group deleted: nothing more to tell
            raise
        raise changed_elsewhere(store, PERSON, person_id) from exc
    batch.change = tx.change
    return batch


def _move_in_groups(
    session: Session, person_id: int, join: Sequence[int], leave: Sequence[int], batch: Batch
) -> None:
    """Put a person in some groups and out of others as changes of those groups' members,
    as the group's own form makes them (the history says whom each group gained or lost)."""
    joining = set(join)
    for group_id in sorted(joining | set(leave)):
        group = session.get(Group, group_id)
        if group is None:
            raise ConflictError(
                _("This {item} was deleted elsewhere; nothing was changed.").format(
                    item=noun(GROUP.name)
                ),
                kind=GROUP.name,
                item_id=group_id,
            )
        before = list(values_of(session, GROUP, group)["member_ids"])
        after = sorted(
            set(before) | {person_id} if group_id in joining else set(before) - {person_id}
        )
        if after == before:
            continue
        apply_values(session, GROUP, group, {"member_ids": after})
        batch.updated.append(
            (GROUP.name, group_id, {"member_ids": before}, {"member_ids": after}, group.version)
        )


# --- merging people found twice ---------------------------------------------------------------


def merge_people(store: PlanStore, keep: int, others: Sequence[int]) -> Batch:
    """Merge people found twice into ``keep``: their groups, sessions, facilitating, modules,
    unavailable times and headships move to ``keep``, blank fields of ``keep`` are filled
    from them, and they are deleted. One transaction; the Batch undoes it exactly."""
    others = [o for o in dict.fromkeys(others) if o != keep]
    if not others:
        raise PlannerError(_("Choose at least two people to merge."))
    k = PERSON
    with store.read() as session:
        names = [
            p.full_name
            for p in session.execute(select(Person).where(Person.id.in_([keep, *others]))).scalars()
        ]
    if len(names) != len(others) + 1:
        raise ConflictError(_("Some of these people were deleted elsewhere; nothing was merged."))
    label = ngettext(
        "Merge {n} person into {name}", "Merge {n} people into {name}", len(others)
    ).format(n=len(others), name=person_name(store, keep))
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        conn = session.connection()
        target = session.get(Person, keep)
        assert target is not None
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for other_id in others:
            other = session.get(Person, other_id)
            assert other is not None
            for key in k.fields:
                mine, theirs = getattr(target, key), getattr(other, key)
                if isinstance(theirs, str):  # kept by an older version: cleaned on its way
                    theirs = clean_field(key, theirs).strip()
                if mine in (None, "") and theirs not in (None, "") and key not in new:
                    old[key], new[key] = mine, theirs
        if new:
            for key, value in new.items():
                setattr(target, key, value)
            session.flush()
            batch.updated.append(("person", keep, old, new, target.version))
        for model, owner in (
            (GroupMember, "group_id"),
            (SessionFacilitator, "session_id"),
            (ModuleTrainer, "module_id"),
        ):
            table = table_of(model)
            have = set(
                conn.execute(select(table.c[owner]).where(table.c.person_id == keep)).scalars()
            )
            wanted = (
                set(
                    conn.execute(
                        select(table.c[owner]).where(table.c.person_id.in_(others))
                    ).scalars()
                )
                - have
            )
            for ref in sorted(wanted):
                row_id = conn.execute(
                    insert(table).values({owner: ref, "person_id": keep, "version": 1})
                ).inserted_primary_key
                assert row_id is not None
                batch.add(table.name, int(row_id[0]))
        audience = table_of(SessionAudience)
        have = set(
            conn.execute(
                select(audience.c.session_id).where(audience.c.person_id == keep)
            ).scalars()
        )
        for sid in sorted(
            set(
                conn.execute(
                    select(audience.c.session_id).where(audience.c.person_id.in_(others))
                ).scalars()
            )
            - have
        ):
            row_id = conn.execute(
                insert(audience).values(
                    session_id=sid, person_id=keep, group_id=None, delegation_id=None, version=1
                )
            ).inserted_primary_key
            assert row_id is not None
            batch.add("session_audience", int(row_id[0]))
        unavailable = table_of(Unavailability)
        for row in conn.execute(
            select(unavailable).where(unavailable.c.person_id.in_(others))
        ).mappings():
            values = {key: row[key] for key in ("starts_at", "ends_at", "note")}
            row_id = conn.execute(
                insert(unavailable).values(person_id=keep, version=1, **values)
            ).inserted_primary_key
            assert row_id is not None
            batch.add("unavailability", int(row_id[0]))
        for delegation in session.execute(
            select(Delegation).where(Delegation.head_id.in_(others))
        ).scalars():
            old_head = delegation.head_id
            delegation.head_id = keep
            session.flush()
            batch.updated.append(
                (
                    "delegation",
                    delegation.id,
                    {"head_id": old_head},
                    {"head_id": keep},
                    delegation.version,
                )
            )
        batch.removed = delete_in(session, "person", others)
        recorder(session).touch(
            "person",
            "group_member",
            "session_audience",
            "session_facilitator",
            "module_trainer",
            "unavailability",
        )
    batch.change = tx.change
    return batch


# --- split into groups --------------------------------------------------------------------------

GROUP_COLOURS = [
    "#76B7B2",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#E15759",
]


def create_groups(
    store: PlanStore, groups: list[list[Member]], names: list[str], delegation: int | None
) -> Batch:
    """Create the groups with their members in one transaction; returns an undoable Batch."""
    label = ngettext("Split into {n} group", "Split into {n} groups", len(groups)).format(
        n=len(groups)
    )
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        conn = session.connection()
        for i, (name, people) in enumerate(zip(names, groups, strict=True)):
            group = Group(
                name=" ".join(clean_text(name).split()),
                delegation_id=delegation,
                colour=GROUP_COLOURS[i % len(GROUP_COLOURS)],
                notes="",
            )
            session.add(group)
            session.flush()
            batch.add("participant_group", group.id)
            gm = table_of(GroupMember)
            if people:
                for row in conn.execute(
                    insert(gm).returning(gm.c.id, sort_by_parameter_order=True),
                    [{"group_id": group.id, "person_id": p.id, "version": 1} for p in people],
                ):
                    batch.add("group_member", row[0])
    batch.change = tx.change
    return batch


# --- a roster imported --------------------------------------------------------------------------

# The fields of a person a roster row fills in.
PERSON_FIELDS = (
    "given_name",
    "family_name",
    "sex",
    "birth_date",
    "id_number",
    "nationality",
    "position",
    "duty_station",
    "role",
    "role_other",
    "email",
    "phone",
    "dietary_needs",
    "accessibility_needs",
    "languages",
    "notes",
)


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
