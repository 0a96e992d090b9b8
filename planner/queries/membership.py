"""Who belongs to what: each person's groups and delegation, read once with plain SQL.

An audience, a ride's passengers and a check's subjects are *units*: ("group", id),
("delegation", id) or ("person", id). Every person is a unit of their own, so a person invited
by name and a whole group are looked up the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planner.store import Reader

Unit = tuple[str, int]


@dataclass(frozen=True)
class Membership:
    names: dict[int, str]  # person -> full name
    units_of: dict[int, frozenset[Unit]]  # person -> the units they belong to (self included)
    members: dict[Unit, frozenset[int]]  # unit -> its people

    @classmethod
    def load(cls, r: Reader) -> Membership:
        names = {
            i: " ".join(p for p in (g, f) if p)
            for i, g, f in r.rows("SELECT id, given_name, family_name FROM person")
        }
        units_of: dict[int, set[Unit]] = {p: {("person", p)} for p in names}
        for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
            units_of[p].add(("group", g))
        for p, d in r.rows("SELECT id, delegation_id FROM person WHERE delegation_id IS NOT NULL"):
            units_of[p].add(("delegation", d))
        members: dict[Unit, set[int]] = defaultdict(set)
        for p, units in units_of.items():
            for unit in units:
                members[unit].add(p)
        return cls(
            names,
            {p: frozenset(u) for p, u in units_of.items()},
            {u: frozenset(m) for u, m in members.items()},
        )
