"""The agenda: sessions, the curriculum's modules, people's unavailable times and attendance
marks, with their validators; recording who attended a session (:func:`set_marks`) and
writing the sessions of an agenda list the import checked (:func:`import_sessions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.errors import ConflictError, FieldError, PlannerError
from planner.domain.i18n import N_, _, ngettext
from planner.domain.labels import SessionKind
from planner.domain.model import (
    AgendaSession,
    Attendance,
    Delegation,
    Group,
    Module,
    Person,
    Ride,
    Room,
    Unavailability,
    VisitStop,
)
from planner.domain.reference import timezones
from planner.operations.batches import Batch
from planner.operations.items import apply_values, create_in, plan_of, values_of
from planner.operations.kinds import AUDIENCE_TYPES, Kind, register
from planner.operations.validation import Validation
from planner.queries.attendance import session_marks
from planner.store import PlanStore, Reader
from planner.store.reader import SqlReader

MAX_SESSION_LENGTH = timedelta(days=7)


def _validate_session(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    c.text("title", N_("Title"), 300, required=True)
    c.text("location", N_("Location"), 300)
    kind = v.get("kind") or SessionKind.TRAINING
    if kind not in set(SessionKind):
        c.add("kind", _("'{value}' is not a kind of session.").format(value=kind))
    start, end = v.get("start"), v.get("end")
    for key, value, label in (("start", start, N_("Start")), ("end", end, N_("End"))):
        if not isinstance(value, datetime):
            c.add(key, _("{field} is required.").format(field=_(label)))
        elif value.tzinfo is None:
            c.add(key, _("{field} needs a time zone.").format(field=_(label)))
    if isinstance(start, datetime) and isinstance(end, datetime) and start.tzinfo and end.tzinfo:
        if end <= start:
            c.add("end", _("The session must end after it starts."))
        elif end - start > MAX_SESSION_LENGTH:
            c.add("end", _("A session lasts at most 7 days; split longer items."))
    tz = v.get("timezone")
    if tz is not None and tz not in timezones():
        c.add("timezone", _("'{value}' is not a time zone.").format(value=tz))
    c.exists(session, "room_id", Room, N_("room"))
    c.exists(session, "module_id", Module, N_("module"))
    c.ids(session, "facilitator_ids", Person, N_("facilitator"))
    audience = v.get("audience") or []
    for entry in audience:
        if not isinstance(entry, tuple | list) or len(entry) != 2 or entry[0] not in AUDIENCE_TYPES:
            c.add(
                "audience",
                _("The audience holds an entry that is not a group, delegation or person."),
            )
            break
        model = {"group": Group, "delegation": Delegation, "person": Person}[entry[0]]
        if session.get(model, entry[1]) is None:
            c.add("audience", _("Part of the audience no longer exists; choose again."))
            break
    return c.errors


def _validate_module(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
    title = c.text("title", N_("Title"), 300, required=True)
    c.text("equipment", N_("Equipment"), 300)
    c.colour("colour")
    for key, label, low, high in (
        ("number", N_("Number"), 1, 999),
        ("duration_minutes", N_("Duration"), 5, 7 * 24 * 60),
        ("room_size", N_("Seats needed"), 0, 100_000),
    ):
        value = v.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            c.add(
                key,
                _("{field} must be a whole number from {low} to {high}.").format(
                    field=_(label), low=low, high=high
                ),
            )
    if title:
        c.unique(
            "title", N_("Title"), title, session.execute(select(Module.id, Module.title)), own_id
        )
    c.ids(session, "trainer_ids", Person, N_("trainer"))
    return c.errors


def _validate_unavailability(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    c.text("note", N_("Note"), 300)
    if v.get("person_id") is None:
        c.add("person_id", _("Choose the person who is unavailable."))
    else:
        c.exists(session, "person_id", Person, N_("person"))
    start, end = v.get("start"), v.get("end")
    for key, value, label in (("start", start, N_("Start")), ("end", end, N_("End"))):
        if not isinstance(value, datetime) or value.tzinfo is None:
            c.add(key, _("{field} is required.").format(field=_(label)))
    if (
        isinstance(start, datetime)
        and isinstance(end, datetime)
        and start.tzinfo
        and end.tzinfo
        and end <= start
    ):
        c.add("end", _("The unavailable time must end after it starts."))
    return c.errors


def _validate_attendance(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
    c.required_ref(session, "session_id", AgendaSession, N_("Session"), _("Choose the session."))
    c.required_ref(session, "person_id", Person, N_("Person"), _("Choose the person."))
    c.text("note", N_("Note"), 300)
    taken = session.execute(
        select(Attendance.id).where(
            Attendance.session_id == v.get("session_id"), Attendance.person_id == v.get("person_id")
        )
    ).scalar()
    if taken is not None and taken != own_id:
        c.add(
            "person_id",
            _("This person's attendance at the session is already recorded; change it instead."),
        )
    return c.errors


def _move_visit(
    session: Session, visit: AgendaSession, before: dict[str, Any], after: dict[str, Any]
) -> None:
    """A site visit moved whole (start and end by the same time): its stops and rides follow."""
    if visit.kind != SessionKind.SITE_VISIT:
        return
    visit_id = visit.id
    delta = after["start"] - before["start"]
    if not delta or after["end"] - before["end"] != delta:
        return
    for stop in session.execute(
        select(VisitStop).where(VisitStop.session_id == visit_id)
    ).scalars():
        if stop.arrives_at is not None:
            stop.arrives_at += delta
        if stop.leaves_at is not None:
            stop.leaves_at += delta
    for ride in session.execute(select(Ride).where(Ride.session_id == visit_id)).scalars():
        ride.start, ride.end = ride.start + delta, ride.end + delta
    session.flush()


SESSION = Kind(
    "session",
    AgendaSession,
    (
        "kind",
        "title",
        "description",
        "start",
        "end",
        "timezone",
        "room_id",
        "location",
        "notes",
        "module_id",
    ),
    _validate_session,
    {"kind": SessionKind.TRAINING},
    links=("facilitator_ids", "audience"),
    zones=(("timezone", "start"),),
    after_update=_move_visit,
)
MODULE = Kind(
    "module",
    Module,
    (
        "number",
        "title",
        "duration_minutes",
        "room_size",
        "equipment",
        "colour",
        "notes",
        "required",
    ),
    _validate_module,
    {"duration_minutes": 180, "room_size": 0, "number": 1, "colour": "#4E79A7", "required": False},
    links=("trainer_ids",),
)
UNAVAILABILITY = Kind(
    "unavailability",
    Unavailability,
    ("person_id", "start", "end", "note"),
    _validate_unavailability,
)
ATTENDANCE = Kind(
    "attendance",
    Attendance,
    ("session_id", "person_id", "present", "note", "scanned_at", "device"),
    _validate_attendance,
    {"present": True, "note": "", "device": ""},
)

register(SESSION, MODULE, UNAVAILABILITY, ATTENDANCE)


# --- attendance ---------------------------------------------------------------------------------


def set_marks(store: PlanStore, session_id: int, wanted: dict[int, bool]) -> Batch | None:
    """Record who was present (True) or absent (False) at a session, in one transaction;
    returns an undoable Batch (None when nothing changed)."""
    existing, known = session_marks(store, session_id)
    changes = {p: v for p, v in wanted.items() if p not in existing or existing[p][1] != v}
    if not changes:
        return None
    unknown = set(changes) - known
    if unknown:
        raise PlannerError(
            _("Some of these people were deleted elsewhere; attendance was not recorded.")
        )
    present = sum(1 for v in wanted.values() if v)
    label = ngettext(
        "Record attendance: {n} present", "Record attendance: {n} present", present
    ).format(n=present)
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        if session.get(AgendaSession, session_id) is None:
            raise PlannerError(_("The session was deleted elsewhere; attendance was not recorded."))
        for person, value in sorted(changes.items()):
            if person in existing:
                row_id, old, _version = existing[person]
                obj = session.get(Attendance, row_id)
                if obj is None:
                    raise ConflictError(
                        _("The attendance list changed elsewhere; reopen it and mark it again.")
                    )
                obj.present = value
                session.flush()
                batch.updated.append(
                    ("attendance", row_id, {"present": old}, {"present": value}, obj.version)
                )
            else:
                obj = Attendance(session_id=session_id, person_id=person, present=value, note="")
                session.add(obj)
                session.flush()
                batch.add("attendance", obj.id)
    batch.change = tx.change
    return batch


# --- an agenda list imported --------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedSession:
    """A row of an agenda list as its import checked it: a new session (``session_id`` None)
    with all its values, or the changed values of a session of the plan."""

    row: int  # the row number the spreadsheet shows
    session_id: int | None
    values: dict[str, Any]


def import_sessions(
    store: PlanStore, action: str, rows_in: Callable[[Reader], list[ImportedSession]]
) -> Batch:
    """Create and update the sessions of an imported agenda list in one transaction; returns
    the Batch that undoes it. ``rows_in`` checks the list again against the plan as it is
    inside the transaction (which holds the plan's write lock) and gives the rows to write;
    it may refuse the import by raising."""
    batch = Batch(action)
    with store.transaction(action) as tx:
        session = tx.session
        rows = rows_in(SqlReader(session.connection()))
        zone = plan_of(session).timezone
        for row in rows:
            if row.session_id is None:
                values = {**row.values, "timezone": zone}
                batch.add("agenda_session", create_in(session, "session", values, zone))
                continue
            obj = session.get(AgendaSession, row.session_id)
            if obj is None:
                continue
            before = values_of(session, SESSION, obj)
            errors = SESSION.validator(session, {**before, **row.values}, obj.id)
            if errors:
                raise PlannerError(
                    _("Row {row}: {message}").format(row=row.row, message=errors[0].message)
                )
            old = {key: before[key] for key in row.values}
            apply_values(session, SESSION, obj, row.values)
            batch.updated.append(("session", obj.id, old, dict(row.values), obj.version))
    batch.change = tx.change
    return batch
