"""A substitute in one step: an officer called to duty, another sent in his place.

:func:`substitute` moves to NEW, from a day on, everything OLD held from that day: the groups
(NEW joins them), the delegation when NEW has none, the sessions OLD was invited to by name or
gave as a facilitator, the rides OLD was a passenger on, and the hotel stay (split on that day
when it began before: OLD keeps the nights before it), a roommate's "sharing with" included;
OLD becomes *replaced by* NEW from that day, and leaves every audience, rooming list, manifest
and count from it, while staying in the plan and its history. Tickets are personal: they stay
OLD's, and a warning says to reissue them. One transaction; the :class:`Batch` undoes it all.

:func:`plan_substitution` says what would move without writing (``--dry-run``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import GONE_STATUSES, PersonStatus, status_label
from planner.domain.model import (
    AgendaSession,
    Base,
    Group,
    GroupMember,
    Person,
    Ride,
    RidePassenger,
    SessionAudience,
    SessionFacilitator,
    Stay,
    Travel,
    Venue,
    table_of,
)
from planner.operations.batches import Batch
from planner.operations.items import plan_of
from planner.store import PlanStore, recorder


@dataclass(frozen=True)
class Moved:
    """One thing NEW takes over: ``what`` is "group", "delegation", "session" (invited by
    name), "facilitating", "ride", "stay" or "roommate"; ``id`` the item's; ``name`` what a
    person reads."""

    what: str
    id: int
    name: str
    # when it happens (a session, a ride: aware, in the plan's zone) or the nights NEW takes
    start: datetime | date | None = None
    end: datetime | date | None = None


@dataclass
class Substitution:
    old: int
    new: int
    day: date  # from this day on
    moved: list[Moved] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def default_day(store: PlanStore, today: date | None = None) -> date:
    """Today when it is one of the plan's days, else the plan's first day."""
    today = today or date.today()
    with store.read() as session:
        plan = plan_of(session)
        first, last = plan.start_date, plan.end_date
    return today if first <= today <= last else first


def plan_substitution(store: PlanStore, old: int, new: int, day: date) -> Substitution:
    """What :func:`substitute` would move, read without writing anything."""
    with store.read() as session:
        return _work(session, old, new, day, write=None)


def substitute(store: PlanStore, old: int, new: int, day: date) -> tuple[Batch, Substitution]:
    """Put ``new`` in ``old``'s place from ``day`` on, in one transaction."""
    with store.read() as session:
        names = _names(session, old, new)
    label = _("Replace {old} with {new}").format(old=names[0], new=names[1])
    batch = Batch(label)
    with store.transaction(label) as tx:
        done = _work(tx.session, old, new, day, write=batch)
        recorder(tx.session).touch(
            "person",
            "group_member",
            "session_audience",
            "session_facilitator",
            "ride_passenger",
            "stay",
        )
    batch.change = tx.change
    return batch, done


def _names(session: Session, old: int, new: int) -> tuple[str, str]:
    if old == new:
        raise PlannerError(_("A person cannot replace themselves: choose someone else."))
    people = {
        p.id: p for p in session.execute(select(Person).where(Person.id.in_([old, new]))).scalars()
    }
    for pid in (old, new):
        if pid not in people:
            raise PlannerError(_("There is no person {id} in the plan.").format(id=pid))
    return people[old].full_name, people[new].full_name


def _work(session: Session, old: int, new: int, day: date, write: Batch | None) -> Substitution:
    """Find what moves from ``old`` to ``new`` from ``day``; with ``write``, move it (and
    note each change in the batch)."""
    old_name, new_name = _names(session, old, new)
    person_old, person_new = session.get(Person, old), session.get(Person, new)
    assert person_old is not None and person_new is not None
    if person_old.status in GONE_STATUSES:
        raise PlannerError(
            _("{name} is already {status}: there is nothing left to hand over.").format(
                name=old_name, status=status_label(person_old.status).lower()
            )
        )
    if person_new.status in GONE_STATUSES:
        raise PlannerError(
            _("{name} has declined or was replaced: choose someone who is coming.").format(
                name=new_name
            )
        )
    plan = plan_of(session)
    zone = ZoneInfo(plan.timezone)
    since = datetime.combine(day, time(0), zone)
    out = Substitution(old, new, day)
    conn = session.connection()

    def moved(what: str, item_id: int, name: str, start: Any = None, end: Any = None) -> None:
        out.moved.append(Moved(what, item_id, name, start, end))

    # the hotel stay: NEW must have no other room then
    stays = [
        s
        for s in session.execute(select(Stay).where(Stay.person_id == old)).scalars()
        if s.check_out > day
    ]
    for stay in stays:
        start = max(stay.check_in, day)
        clash = session.execute(
            select(Stay.id).where(
                Stay.person_id == new, Stay.check_in < stay.check_out, Stay.check_out > start
            )
        ).first()
        if clash is not None:
            raise PlannerError(
                _(
                    "{new} already has a hotel stay from {start} to {end}: change or delete it"
                    " first, then replace {old}."
                ).format(new=new_name, start=start, end=stay.check_out, old=old_name)
            )
    # groups
    mine = set(
        session.execute(select(GroupMember.group_id).where(GroupMember.person_id == new)).scalars()
    )
    for group_id, name in session.execute(
        select(GroupMember.group_id, _group_name()).where(GroupMember.person_id == old)
    ):
        if group_id in mine:
            continue
        moved("group", group_id, name)
        if write is not None:
            table = table_of(GroupMember)
            row = conn.execute(
                insert(table).values(group_id=group_id, person_id=new, version=1)
            ).inserted_primary_key
            assert row is not None
            write.add(table.name, int(row[0]))
    # the delegation, when NEW has none
    if person_new.delegation_id is None and person_old.delegation_id is not None:
        moved("delegation", person_old.delegation_id, _delegation_name(session, person_old))
        if write is not None:
            _update(
                session, write, "person", person_new, {"delegation_id": person_old.delegation_id}
            )
    # sessions from the day on: invited by name, and given as a facilitator
    later = {
        s.id: (s.title, s.start.astimezone(zone))
        for s in session.execute(
            select(AgendaSession).where(AgendaSession.start >= since)
        ).scalars()
    }
    for model, what in ((SessionAudience, "session"), (SessionFacilitator, "facilitating")):
        table = table_of(model)
        already = set(
            conn.execute(select(table.c.session_id).where(table.c.person_id == new)).scalars()
        )
        for row_id, session_id in conn.execute(
            select(table.c.id, table.c.session_id).where(table.c.person_id == old)
        ).all():
            if session_id not in later or session_id in already:
                continue
            moved(what, session_id, *later[session_id])
            if write is not None:
                _relink(conn, write, table.name, row_id, old, new)
    # rides from the day on, as a passenger by name
    rides = {
        r.id: (r.title or _("Ride"), r.start.astimezone(zone))
        for r in session.execute(select(Ride).where(Ride.start >= since)).scalars()
    }
    table = table_of(RidePassenger)
    riding = set(conn.execute(select(table.c.ride_id).where(table.c.person_id == new)).scalars())
    for row_id, ride_id in conn.execute(
        select(table.c.id, table.c.ride_id).where(table.c.person_id == old)
    ).all():
        if ride_id in rides and ride_id not in riding:
            moved("ride", ride_id, *rides[ride_id])
            if write is not None:
                _relink(conn, write, table.name, row_id, old, new)
    # the stay: NEW's from the day on (OLD keeps the nights before it)
    for stay in stays:
        hotel = session.get(Venue, stay.venue_id)
        moved("stay", stay.id, hotel.name if hotel else "", max(stay.check_in, day), stay.check_out)
        if write is None:
            continue
        if stay.check_in >= day:
            _update(session, write, "stay", stay, {"person_id": new})
        else:
            table = table_of(Stay)
            row = conn.execute(
                insert(table).values(
                    person_id=new,
                    venue_id=stay.venue_id,
                    block_id=stay.block_id,
                    check_in=day,
                    check_out=stay.check_out,
                    room_type=stay.room_type,
                    sharing_with_id=stay.sharing_with_id,
                    notes=stay.notes,
                    version=1,
                )
            ).inserted_primary_key
            assert row is not None
            write.add(table.name, int(row[0]))
            _update(session, write, "stay", stay, {"check_out": day})
    for shared in session.execute(select(Stay).where(Stay.sharing_with_id == old)).scalars():
        if shared.check_out > day:
            moved("roommate", shared.id, _person_name(session, shared.person_id))
            if write is not None:
                _update(session, write, "stay", shared, {"sharing_with_id": new})
    # tickets are personal
    tickets = []
    for ticket in session.execute(select(Travel).where(Travel.person_id == old)).scalars():
        when = ticket.arrives_at or ticket.departs_at
        if when is None or when.astimezone(zone).date() >= day:
            tickets.append(ticket)
    if tickets:
        out.warnings.append(
            _("{old}'s tickets stay theirs ({tickets}): book or reissue them for {new}.").format(
                old=old_name,
                tickets=", ".join(t.number or t.carrier or _("a journey") for t in tickets),
                new=new_name,
            )
        )
    if write is not None:
        _update(
            session,
            write,
            "person",
            person_old,
            {"status": PersonStatus.REPLACED, "status_from": day, "replaced_by_id": new},
        )
        if day > plan.start_date and (person_new.status_from or date.min) < day:
            # NEW takes part from the day: in no audience before it
            _update(session, write, "person", person_new, {"status_from": day})
    return out


def _update(
    session: Session, batch: Batch, kind_name: str, obj: Any, values: dict[str, Any]
) -> None:
    old = {key: getattr(obj, key) for key in values}
    for key, value in values.items():
        setattr(obj, key, value)
    session.flush()
    for n, (kind_before, item, before, after, _version) in enumerate(batch.updated):
        if (kind_before, item) == (kind_name, obj.id):  # one entry per item, as undo expects
            batch.updated[n] = (
                kind_name,
                item,
                {**old, **before},
                {**after, **values},
                obj.version,
            )
            return
    batch.updated.append((kind_name, obj.id, old, dict(values), obj.version))


def _relink(conn: Any, batch: Batch, table: str, row_id: int, old: int, new: int) -> None:
    t = Base.metadata.tables[table]
    conn.execute(update(t).where(t.c.id == row_id).values(person_id=new))
    batch.relinked.append((table, row_id, "person_id", old, new))


def _group_name() -> Any:
    return select(Group.name).where(Group.id == GroupMember.group_id).scalar_subquery()


def _delegation_name(session: Session, person: Person) -> str:
    return person.delegation.name if person.delegation is not None else ""


def _person_name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return person.full_name if person is not None else ""
