"""The door of a check-in: the plan read once (sessions, audiences, names, groups, rooms), the
badge codes and who is there already; finding who a scan or a typed name means."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from planner.domain.badge_codes import BadgeCodes, looks_like_code
from planner.domain.labels import GONE_STATUSES
from planner.domain.reference import fold
from planner.queries import door
from planner.queries.badges import codes_of
from planner.queries.snapshot import Snapshot, local
from planner.rules.checkin import Door
from planner.rules.training import NOT_ON_ROLL
from planner.store import PlanStore

MOST_FOUND = 8  # names offered when what was typed fits several people


@dataclass
class DoorData:
    plan: Snapshot
    door: Door
    codes: BadgeCodes
    statuses: dict[int, str]
    present: set[tuple[int, int]] = field(default_factory=set)  # (session, person) marked
    groups: dict[int, list[str]] = field(default_factory=dict)  # person -> group names
    _folded: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def load(cls, store: PlanStore) -> DoorData:
        plan = Snapshot.read(store, ())
        with store.reading() as r:
            codes = codes_of(r)
            statuses = door.statuses(r)
            present = door.present_marks(r)
        groups: dict[int, list[str]] = defaultdict(list)
        for (kind, gid), members in plan.membership.members.items():
            if kind == "group" and gid in plan.groups:
                for person in members:
                    groups[person].append(plan.groups[gid].name)
        folded = sorted((p, fold(name)) for p, name in plan.names.items())
        return cls(plan, Door(plan), codes, statuses, present, dict(groups), folded)

    def find(self, typed: str) -> list[int]:
        """Who ``typed`` means: the person of a badge code, or everyone whose name holds every
        word typed (any case, with or without accents); at most :data:`MOST_FOUND`, those
        still taking part first."""
        text = typed.strip()
        if not text:
            return []
        if looks_like_code(text):
            person = self.codes.person_id(text)
            return [person] if person is not None and person in self.plan.names else []
        words = fold(text).split()
        found = [p for p, name in self._folded if all(w in name for w in words)]
        found.sort(key=lambda p: (self.statuses.get(p) in GONE_STATUSES, self._folded_name(p)))
        return found[:MOST_FOUND]

    def _folded_name(self, person: int) -> str:
        return fold(self.plan.names.get(person, ""))

    def is_code(self, typed: str) -> bool:
        return looks_like_code(typed)

    def sessions_in(self, room: int | None, day: datetime) -> list[int]:
        """The sessions on a roll in a room (None: anywhere) on the day of ``day``, in time
        order."""
        date = day.astimezone(self.plan.zone).date()
        return sorted(
            (
                s.id
                for s in self.plan.sessions.values()
                if s.kind not in NOT_ON_ROLL
                and (room is None or s.room == room)
                and local(s.start, self.plan.zone).date() == date
            ),
            key=lambda s: (self.plan.sessions[s].start, s),
        )

    def expected(self, session: int) -> frozenset[int]:
        """Who a session expects: its audience (people still taking part)."""
        return self.plan.registered.get(session, frozenset())

    def present_at(self, session: int) -> int:
        """How many of those it expects are marked present."""
        return sum(1 for p in self.expected(session) if (session, p) in self.present)

    def place(self, session: int) -> str:
        """'Aula 2' (its room), or where it is held."""
        s = self.plan.sessions[session]
        room = self.plan.rooms.get(s.room) if s.room is not None else None
        return room.name if room is not None else s.location

    def group_of(self, person: int) -> str:
        return ", ".join(sorted(self.groups.get(person, [])))
