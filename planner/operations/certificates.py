"""The register of numbered certificates: a number is given once, to one person and kind of
certificate, and kept.

A re-export prints the same number; numbers are never reused (the serial only grows, past
void ones too); a certificate no longer earned (attendance corrected, a person gone) stays in
the register as void, and comes back with its own number if earned again. Numbering is not an
edit of the plan: no change set, nothing to undo, as the partner institution's register
outlives an undo.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.model import Certificate
from planner.domain.model.base import table_of
from planner.queries.certificates import given
from planner.store import PlanStore

COMPLETION = "completion"  # a trainee who completed the training
ATTENDANCE = "attendance"  # a trainee who came but did not complete
FACILITATION = "facilitation"  # a trainer who gave sessions
KINDS = (COMPLETION, ATTENDANCE, FACILITATION)


@dataclass(frozen=True)
class Earned:
    person: int
    kind: str
    name: str  # as printed (kept in the register if the person is deleted)


def number_certificates(
    store: PlanStore,
    wanted: Sequence[Earned],
    earnable: Collection[tuple[int, str]],
    within: Collection[int] | None,
    prefix: str,
) -> dict[tuple[int, str], str]:
    """The numbers of the ``wanted`` certificates, (person, kind) -> number: those already
    given, and new ones for the others. Certificates of people ``within`` (None: everyone,
    and those whose person was deleted) that are no longer ``earnable`` become void.

    A read-only plan prints the numbers it has and refuses to give new ones."""
    now = datetime.now(UTC)
    with store.reading() as r:
        existing = given(r)
    earnable = set(earnable)
    new = [e for e in wanted if (e.person, e.kind) not in existing]
    back = [
        existing[(e.person, e.kind)][0]
        for e in wanted
        if existing.get((e.person, e.kind), (0, "", False))[2]
    ]
    gone = [
        i
        for (p, k), (i, _n, void) in existing.items()
        if not void
        and (p, k) not in earnable
        and (within is None or (p is not None and p in within))
    ]
    numbers: dict[tuple[int, str], str] = {
        (person, kind): n for (person, kind), (_i, n, _v) in existing.items() if person is not None
    }
    if not (new or back or gone):
        return numbers
    if store.read_only:
        if new:
            raise PlannerError(
                _(
                    "This plan is open read-only: {n} new certificates need numbers from its"
                    " register, which cannot be written. Open the plan where you may change it"
                    " (or a copy of it) and export again."
                ).format(n=len(new))
            )
        return numbers
    table = table_of(Certificate)
    with store.transaction(_("Number certificates")) as tx:
        conn = tx.session.connection()
        serial = int(conn.execute(select(func.coalesce(func.max(table.c.serial), 0))).scalar() or 0)
        rows = []
        for e in new:
            serial += 1
            number = f"{prefix}-{serial:04d}" if prefix else f"{serial:04d}"
            numbers[(e.person, e.kind)] = number
            rows.append(
                {
                    "version": 1,
                    "serial": serial,
                    "number": number,
                    "kind": e.kind,
                    "person_id": e.person,
                    "name": e.name[:200],
                    "issued_at": now,
                    "void": False,
                    "voided_at": None,
                }
            )
        if rows:
            conn.execute(table.insert(), rows)
        if back:
            conn.execute(
                update(table).where(table.c.id.in_(back)).values(void=False, voided_at=None)
            )
        if gone:
            conn.execute(update(table).where(table.c.id.in_(gone)).values(void=True, voided_at=now))
    return numbers
