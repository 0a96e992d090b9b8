"""Who actually attended each session, so reports count who was trained, not who registered.

A session's *registered* people are its audience (groups, delegations and people invited by
name); its facilitators are not trainees and are not on its list. Each registered person is
"present", "absent" or not recorded yet (no row). The checklist in the window and the signed
sheets are recorded by :func:`planner.operations.agenda.set_marks`, one undoable transaction
per session.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.reference import sort_key
from planner.queries.membership import Membership
from planner.store import PlanStore, Reader, parse_time


@dataclass(frozen=True)
class Attendee:
    person_id: int
    given_name: str
    family_name: str
    organisation: str
    sex: str | None
    present: bool | None  # None: not recorded


@dataclass(frozen=True)
class SessionRoll:
    session_id: int
    title: str
    start: datetime
    end: datetime
    attendees: tuple[Attendee, ...]

    @property
    def recorded(self) -> bool:
        return any(a.present is not None for a in self.attendees)

    @property
    def present(self) -> int:
        return sum(1 for a in self.attendees if a.present)


def registered_people(r: Reader, membership: Membership | None = None) -> dict[int, set[int]]:
    """session -> the people in its audience (facilitators apart)."""
    membership = membership or Membership.load(r)
    out: dict[int, set[int]] = defaultdict(set)
    for s, g, d, p in r.rows(
        "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
    ):
        unit = ("group", g) if g else ("delegation", d) if d else ("person", p)
        out[s] |= membership.members.get(unit, frozenset())
    if membership.changing:  # who declined or was replaced leaves from their day on
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        for s, start in r.rows("SELECT id, starts_at FROM agenda_session"):
            if s in out:
                day = parse_time(start).astimezone(zone).date()
                out[s] = set(membership.present(frozenset(out[s]), day))
    return out


def marks(
    r: Reader, where: str = "", params: dict[str, Any] | None = None
) -> dict[int, dict[int, bool]]:
    """session -> person -> present, for every recorded mark (``where``: a condition on the
    marks' sessions, such as a snapshot's scope, with its ``params``)."""
    out: dict[int, dict[int, bool]] = defaultdict(dict)
    # read a row at a time, each person's id kept once (a large plan holds millions of marks)
    same: dict[int, int] = {}
    one = same.setdefault
    for s, p, present in r.each(
        "SELECT session_id, person_id, present FROM attendance" + where, params or {}
    ):
        out[s][one(p, p)] = bool(present)
    return dict(out)


def roll(store: PlanStore, session_id: int) -> SessionRoll:
    """A session's registered people with their marks (and anyone marked who is no longer
    registered, so no record is hidden), sorted by family name."""
    with store.reading() as r:
        found = r.rows(
            "SELECT s.title, s.starts_at, s.ends_at, p.timezone FROM agenda_session s,"
            " plan p WHERE s.id = ? LIMIT 1",
            (session_id,),
        )
        if not found:
            raise PlannerError(_("There is no session {id} in the plan.").format(id=session_id))
        title, start, end, tz = found[0]
        people = registered_people(r).get(session_id, set())
        recorded = marks(r).get(session_id, {})
        rows = r.rows(
            "SELECT p.id, p.given_name, p.family_name, coalesce(o.acronym, o.name, ''),"
            " p.sex FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id"
        )
    wanted = people | set(recorded)
    attendees = sorted(
        (Attendee(i, g, f, o, sex, recorded.get(i)) for i, g, f, o, sex in rows if i in wanted),
        key=lambda a: (sort_key(a.family_name), sort_key(a.given_name), a.person_id),
    )
    zone = ZoneInfo(tz)
    return SessionRoll(
        session_id,
        title,
        parse_time(start).astimezone(zone),
        parse_time(end).astimezone(zone),
        tuple(attendees),
    )


def sessions_with_rolls(store: PlanStore) -> list[tuple[int, str, datetime, int, int]]:
    """(id, title, start, registered, present) of every session with an audience, in time
    order, breaks and meals apart: the list the attendance checklist chooses from."""
    with store.reading() as r:
        tz = r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1")
        people = registered_people(r)
        recorded = marks(r)
        rows = r.rows(
            "SELECT id, title, starts_at FROM agenda_session"
            " WHERE kind NOT IN ('break', 'meal') ORDER BY starts_at, id"
        )
    zone = ZoneInfo(tz)
    return [
        (
            i,
            t,
            parse_time(s).astimezone(zone),
            len(people.get(i, ())),
            sum(1 for v in recorded.get(i, {}).values() if v),
        )
        for i, t, s in rows
        if people.get(i)
    ]


def session_marks(
    store: PlanStore, session_id: int
) -> tuple[dict[int, tuple[int, bool, int]], set[int]]:
    """A session's recorded marks, person -> (attendance id, present, version), and the ids
    of every person of the plan, read at once (what recording marks compares with)."""
    with store.reading() as r:
        existing = {
            p: (i, bool(present), v)
            for i, p, present, v in r.rows(
                "SELECT id, person_id, present, version FROM attendance WHERE session_id = ?",
                (session_id,),
            )
        }
        known = {i for (i,) in r.rows("SELECT id FROM person")}
    return existing, known
