"""Who is expected where: the rule a scan at the door follows, in the window and for a file of
scans from phones alike.

A scan counts for a session in the person's audience (or one they give as facilitator) running
at the scan's time: from :data:`EARLY` before its start to its end; where two qualify, the one
starting next (a scan at 10:25 between a module ending at 10:30 and the next starting at 10:45
is for the next). Breaks and meals have no roll. Someone who declined, was replaced or
cancelled is in no audience from their day on, so their scan is unexpected.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from planner.queries.snapshot import Snapshot
from planner.rules.training import NOT_ON_ROLL

EARLY = 30 * 60  # seconds before a session starts that a scan already counts for it
LONGEST = 2 * 24 * 3600  # no session runs longer (what a scan looks back over)

EXPECTED = "expected"
NOT_IN_AUDIENCE = "not_in_audience"  # the session scanned for is not theirs
NO_SESSION = "no_session"  # none of theirs runs at that time


@dataclass(frozen=True)
class Verdict:
    """What a scan means: ``session`` is the session it counts for (None when there is none);
    ``expected`` where the person is expected instead (unexpected scans; None: nowhere)."""

    reason: str  # EXPECTED, NOT_IN_AUDIENCE or NO_SESSION
    session: int | None
    expected: int | None = None

    @property
    def ok(self) -> bool:
        return self.reason == EXPECTED


class Door:
    """Each person's sessions on a roll, in time order, from a plan's snapshot."""

    def __init__(self, plan: Snapshot) -> None:
        self.plan = plan
        mine: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        registered = plan.registered
        for session in plan.sessions.values():
            if session.kind in NOT_ON_ROLL:
                continue
            for person in registered.get(session.id, frozenset()) | session.facilitators:
                mine[person].append((session.start, session.end, session.id))
        self._mine = {p: sorted(items) for p, items in mine.items()}
        self._starts = {p: [s for s, _e, _i in items] for p, items in self._mine.items()}

    def expects(self, person: int, session: int) -> bool:
        """Whether ``session`` is one of the person's (their audience, or theirs to give)."""
        found = self.plan.sessions.get(session)
        if found is None:
            return False
        return person in found.facilitators or person in self.plan.registered.get(session, ())

    def running(self, person: int, at: int) -> int | None:
        """The session of the person's that a scan at ``at`` (seconds since the epoch) counts
        for, None when none runs then."""
        items = self._mine.get(person)
        if not items:
            return None
        # sessions starting by at + EARLY and not yet over: the next to start, else the one
        # that started last
        return _choose(
            [
                (start, sid)
                for start, end, sid in items[: bisect_right(self._starts[person], at + EARLY)]
                if end >= at and start >= at - LONGEST
            ],
            at,
        )

    def judge(self, person: int, at: int, sessions: frozenset[int] | None = None) -> Verdict:
        """A scan of ``person`` at ``at``: for one of ``sessions`` when the door or the file
        names them (a room's session, ``--session``: an ID, or a title parallel sessions
        share), else for theirs running then.

        Of the sessions named, the one of theirs running then counts; a single session named
        counts whenever it is theirs (the operator said so). Otherwise the scan is unexpected,
        with where they are expected at that time."""
        if sessions is not None:
            mine = [s for s in sessions if self.expects(person, s)]
            running = [s for s in mine if self._runs(s, at)]
            if running:
                return Verdict(EXPECTED, self._next_of(running, at))
            if len(sessions) == 1 and mine:
                return Verdict(EXPECTED, mine[0])
            named = min(sessions) if len(sessions) == 1 else None
            return Verdict(NOT_IN_AUDIENCE, named, self.running(person, at))
        found = self.running(person, at)
        if found is None:
            return Verdict(NO_SESSION, None, self.next_session(person, at))
        return Verdict(EXPECTED, found)

    def _runs(self, session: int, at: int) -> bool:
        s = self.plan.sessions[session]
        return s.start - EARLY <= at <= s.end

    def _next_of(self, sessions: list[int], at: int) -> int | None:
        return _choose([(self.plan.sessions[s].start, s) for s in sessions], at)

    def next_session(self, person: int, at: int) -> int | None:
        """The person's next session after ``at`` (where to send someone who came early)."""
        items = self._mine.get(person)
        if not items:
            return None
        n = bisect_right(self._starts[person], at)
        return items[n][2] if n < len(items) else None

    def running_in(self, room: int, at: int) -> int | None:
        """The session on a roll in ``room`` that a scan at ``at`` counts for (the door of a
        room): the one starting next among those from :data:`EARLY` before to their end."""
        return _choose(
            [
                (s.start, s.id)
                for s in self.plan.sessions.values()
                if s.room == room and s.kind not in NOT_ON_ROLL and s.start - EARLY <= at <= s.end
            ],
            at,
        )


def _choose(candidates: list[tuple[int, int]], at: int) -> int | None:
    """Of (start, session) running at ``at``: the next to start, else the one that started
    last (a scan at 10:25 between a module ending at 10:30 and one at 10:45 is for the next)."""
    upcoming = [c for c in candidates if c[0] >= at]
    if upcoming:
        return min(upcoming)[1]
    return max(candidates)[1] if candidates else None
