"""Recording scans at the door: each is an attendance mark (present) with the time it was
scanned and the phone or desk that scanned it, written in one transaction that undoes as one
step (a file of scans, or a single scan in the window)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.model import AgendaSession, Attendance, Person
from planner.operations.batches import Batch
from planner.queries.door import present_marks
from planner.store import PlanStore


@dataclass(frozen=True)
class Mark:
    session: int
    person: int
    at: datetime  # when scanned (aware)
    device: str = ""


def record_scans(store: PlanStore, marks: Sequence[Mark], label: str) -> Batch | None:
    """Mark each person present at their session, with the scan's time and device; a person
    already marked present keeps their mark (and its first scan's time). Returns the Batch
    that undoes it, None when nothing was to change."""
    with store.reading() as r:  # what is already there: no empty change in the history
        present = present_marks(r)
    if all((m.session, m.person) in present for m in marks):
        return None
    batch = Batch(label)
    with store.transaction(label) as tx:
        session = tx.session
        sessions = {m.session for m in marks}
        people = {m.person for m in marks}
        found_sessions = set(
            session.execute(
                select(AgendaSession.id).where(AgendaSession.id.in_(sessions))
            ).scalars()
        )
        found_people = set(
            session.execute(select(Person.id).where(Person.id.in_(people))).scalars()
        )
        if sessions - found_sessions:
            raise PlannerError(_("A session was deleted elsewhere; the scans were not recorded."))
        if people - found_people:
            raise PlannerError(
                _("Someone scanned was deleted elsewhere; the scans were not recorded.")
            )
        existing = {
            (a.session_id, a.person_id): a
            for a in session.execute(
                select(Attendance).where(
                    Attendance.session_id.in_(sessions), Attendance.person_id.in_(people)
                )
            ).scalars()
        }
        done: set[tuple[int, int]] = set()
        for mark in marks:
            key = (mark.session, mark.person)
            if key in done:
                continue
            done.add(key)
            at = mark.at.astimezone(UTC)
            row = existing.get(key)
            if row is None:
                row = Attendance(
                    session_id=mark.session,
                    person_id=mark.person,
                    present=True,
                    note="",
                    scanned_at=at,
                    device=mark.device[:100],
                )
                session.add(row)
                session.flush()
                batch.add("attendance", row.id)
            elif not row.present:  # marked absent before: the scan says they came
                old = {"present": row.present, "scanned_at": row.scanned_at, "device": row.device}
                new = {"present": True, "scanned_at": at, "device": mark.device[:100]}
                for name, value in new.items():
                    setattr(row, name, value)
                session.flush()
                batch.updated.append(("attendance", row.id, old, new, row.version))
    batch.change = tx.change
    return batch
