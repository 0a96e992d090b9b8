"""Who belongs to what: each person's groups and delegation, read once with plain SQL.

An audience, a ride's passengers and a check's subjects are *units*: ("group", id),
("delegation", id) or ("person", id). Every person is a unit of their own, so a person invited
by name and a whole group are looked up the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner.store import Reader

Unit = tuple[str, int]


@dataclass(frozen=True)
class Membership:
    names: dict[int, str]  # person -> full name
    units_of: dict[int, frozenset[Unit]]  # person -> the units they belong to (self included)
    members: dict[Unit, frozenset[int]]  # unit -> its people

    @classmethod
    def load(cls, r: Reader) -> Membership:
        return cls.of(
            r.rows("SELECT id, given_name, family_name, delegation_id FROM person"),
            r.each("SELECT group_id, person_id FROM group_member"),
        )

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
