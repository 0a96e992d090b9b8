"""Who belongs to what: each person's groups and delegation, read once with plain SQL.

An audience, a ride's passengers and a check's subjects are *units*: ("group", id),
("delegation", id) or ("person", id). Every person is a unit of their own, so a person invited
by name and a whole group are looked up the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from planner.store import Reader, parse_date

Unit = tuple[str, int]


# The statuses of people who are gone from their effective date (declined, replaced, cancelled).
GONE = "('declined', 'replaced', 'cancelled')"


def gone_people(r: Reader) -> dict[int, date]:
    """person -> the first day they are gone (declined, replaced or cancelled); a status with
    no date counts from the beginning (``date.min``)."""
    return {
        i: parse_date(day) or date.min
        for i, day in r.rows(f"SELECT id, status_from FROM person WHERE status IN {GONE}")
    }


def joining_people(r: Reader) -> dict[int, date]:
    """person -> the first day they take part, for those who come later than the others (a
    substitute, from the day they replace someone)."""
    return {
        i: parse_date(day) or date.min
        for i, day in r.rows(
            f"SELECT id, status_from FROM person WHERE status NOT IN {GONE}"
            " AND status_from IS NOT NULL"
        )
    }


@dataclass(frozen=True)
class Membership:
    names: dict[int, str]  # person -> full name
    units_of: dict[int, frozenset[Unit]]  # person -> the units they belong to (self included)
    members: dict[Unit, frozenset[int]]  # unit -> its people
    # person -> the first day they are gone: they leave every audience from that day on
    gone: dict[int, date] = field(default_factory=dict)
    # person -> the first day they take part (a substitute): in no audience before it
    joining: dict[int, date] = field(default_factory=dict)
    replaced_by: dict[int, int] = field(default_factory=dict)  # person -> their substitute
    _away: dict[date, frozenset[int]] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, r: Reader) -> Membership:
        return cls.of(
            r.rows("SELECT id, given_name, family_name, delegation_id FROM person"),
            r.each("SELECT group_id, person_id FROM group_member"),
        ).leaving(r)

    def leaving(self, r: Reader) -> Membership:
        """This membership with who is gone from a day, and who joins from one."""
        gone, joining = gone_people(r), joining_people(r)
        if not gone and not joining:
            return self
        replaced_by = dict(
            r.rows("SELECT id, replaced_by_id FROM person WHERE replaced_by_id IS NOT NULL")
        )
        return replace(self, gone=gone, joining=joining, replaced_by=replaced_by, _away={})

    @property
    def changing(self) -> bool:
        """Whether anyone is gone or joins later: audiences then depend on the day."""
        return bool(self.gone or self.joining)

    def gone_by(self, day: date) -> frozenset[int]:
        """The people not there on ``day``: gone by then, or not yet come."""
        found = self._away.get(day)
        if found is None:
            found = self._away[day] = frozenset(
                [p for p, d in self.gone.items() if d <= day]
                + [p for p, d in self.joining.items() if d > day]
            )
        return found

    def present(self, people: frozenset[int], day: date) -> frozenset[int]:
        """``people`` but those not there on ``day``."""
        if not self.changing:
            return people
        away = self.gone_by(day)
        return people - away if away and not away.isdisjoint(people) else people

    @classmethod
    def of(
        cls, people: Iterable[tuple[int, str, str, Any]], group_members: Iterable[tuple[int, int]]
    ) -> Membership:
        """From rows (id, given name, family name, delegation) and (group, person)."""
        names: dict[int, str] = {}
        units_of: dict[int, set[Unit]] = {}
        shared: dict[Unit, Unit] = {}  # one ("delegation", d) and ("group", g) for all members
        for i, g, f, d in people:
            names[i] = " ".join(p for p in (g, f) if p)
            units_of[i] = (
                {("person", i), shared.setdefault(("delegation", d), ("delegation", d))}
                if d is not None
                else {("person", i)}
            )
        for group, person in group_members:
            units_of[person].add(shared.setdefault(("group", group), ("group", group)))
        members: dict[Unit, set[int]] = defaultdict(set)
        for p, units in units_of.items():
            for unit in units:
                members[unit].add(p)
        return cls(
            names,
            {p: frozenset(u) for p, u in units_of.items()},
            {u: frozenset(m) for u, m in members.items()},
        )
