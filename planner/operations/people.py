"""People: organisations, delegations, people and participant groups, with their validators;
saving a person's form with their groups (:func:`save_person`), merging people found twice
(:func:`merge_people`) and splitting people into new groups (:func:`create_groups`); a roster's
people are written by :mod:`planner.operations.roster`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, FieldError, PlannerError
from planner.domain.i18n import N_, _, ngettext
from planner.domain.inputs import clean_field, clean_text
from planner.domain.labels import (
    DocumentKind,
    PersonStatus,
    Role,
    SecurityStatus,
    Sex,
    VisaStatus,
    noun,
)
from planner.domain.model import (
    Delegation,
    Group,
    GroupMember,
    ModuleTrainer,
    Organisation,
    Person,
    SessionAudience,
    SessionFacilitator,
    Unavailability,
    table_of,
)
from planner.domain.personal import DUTY_FIELDS
from planner.operations.batches import Batch
from planner.operations.deletion import delete_in
from planner.operations.items import (
    apply_values,
    changed_elsewhere,
    create_in,
    update_in,
    values_of,
)
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation
from planner.queries.grouping import Member
from planner.queries.matching import person_name
from planner.store import PlanStore, recorder

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
PHONE_RE = re.compile(r"[0-9+()\-./\s]*[0-9][0-9+()\-./\sA-Za-z]*")


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
    _phone(c, "phone", N_("Phone"))
    birth = c.date_value("birth_date", N_("Date of birth"))
    if birth is not None:
        if birth > date.today():
            c.add("birth_date", _("The date of birth is in the future."))
        elif birth.year < 1900:
            c.add("birth_date", _("The date of birth is before 1900; check the year."))
    c.country("nationality", N_("Nationality"))
    _one_of(c, "status", PersonStatus)
    c.date_value("status_from", N_("Status from"))
    replaced_by = v.get("replaced_by_id")
    if replaced_by is not None and replaced_by == own_id:
        c.add("replaced_by_id", _("A person cannot replace themselves: choose someone else."))
    c.exists(session, "replaced_by_id", Person, N_("person"))
    _validate_duty_of_care(c)
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


def _validate_duty_of_care(c: Validation) -> None:
    for key, label, size in (
        ("emergency_name", N_("Emergency contact"), 200),
        ("emergency_relation", N_("Relation"), 100),
        ("insurance_provider", N_("Insurance provider"), 200),
        ("insurance_policy", N_("Policy number"), 100),
        ("visa_number", N_("Visa number"), 60),
        ("security_clearance_ref", N_("Travel security clearance"), 100),
    ):
        c.text(key, label, size)
    _phone(c, "emergency_phone", N_("Emergency phone"))
    c.date_value("insurance_until", N_("Insured until"))
    c.date_value("document_expiry", N_("Document expires"))
    for key, allowed in (
        ("document_kind", DocumentKind),
        ("visa_status", VisaStatus),
        ("security_clearance_status", SecurityStatus),
    ):
        _one_of(c, key, allowed)


def _phone(c: Validation, key: str, label: str) -> None:
    """A phone number as people write them: digits, spaces, + and -, an extension."""
    phone = c.text(key, label, 60)
    if phone and not PHONE_RE.fullmatch(phone):
        c.add(
            key,
            _("'{value}' is not a phone number; use digits, spaces, + and -.").format(value=phone),
        )


def _one_of(c: Validation, key: str, allowed: type[enum.StrEnum]) -> None:
    """An empty value, or one of ``allowed``'s (naming them when it is not)."""
    value = c.values.get(key) or ""
    if value and value not in set(allowed):
        c.add(
            key,
            _("'{value}' is not one of: {choices}.").format(
                value=value, choices=", ".join(a.value for a in allowed)
            ),
        )


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
        "status",
        "status_from",
        "replaced_by_id",
        *DUTY_FIELDS,
    ),
    _validate_person,
    {"role": Role.TRAINEE, "status": PersonStatus.CONFIRMED},
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
