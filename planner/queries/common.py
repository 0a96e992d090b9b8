"""What the query modules share: full names, amounts, time zones by name, and the names of
groups, delegations and people that audiences and passengers are listed by.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.reference import fold
from planner.queries.membership import GONE
from planner.store import Reader, parse_time


def full_name(given: str, family: str) -> str:
    return " ".join(p for p in (given, family) if p)


def sex_counts(r: Reader, sql: str) -> dict[int, Counter[str | None]]:
    """{owner: Counter(sex)} from rows (owner, sex, count)."""
    counts: dict[int, Counter[str | None]] = defaultdict(Counter)
    for owner, sex, n in r.rows(sql):
        if owner is not None:
            counts[owner][sex] += n
    return counts


def group_and_delegation_sizes(r: Reader) -> tuple[dict[int, int], dict[int, int]]:
    """group -> members, delegation -> members: those taking part (not declined, replaced
    or cancelled)."""
    group_sizes = dict(
        r.rows(
            "SELECT m.group_id, count(*) FROM group_member m JOIN person p ON p.id = m.person_id"
            f" WHERE p.status NOT IN {GONE} GROUP BY m.group_id"
        )
    )
    delegation_sizes = dict(
        r.rows(
            "SELECT delegation_id, count(*) FROM person WHERE delegation_id IS NOT NULL"
            f" AND status NOT IN {GONE} GROUP BY delegation_id"
        )
    )
    return group_sizes, delegation_sizes


def money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


class Zones:
    """ZoneInfo by name, the plan's zone for a name that is empty or unknown."""

    def __init__(self, plan: ZoneInfo) -> None:
        self.plan = plan
        self._found: dict[str, ZoneInfo] = {}

    @classmethod
    def read(cls, r: Reader) -> Zones:
        """The zones of the plan ``r`` reads."""
        return cls(ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1") or "UTC"))

    def __call__(self, name: str | None) -> ZoneInfo:
        if not name:
            return self.plan
        zone = self._found.get(name)
        if zone is None:
            try:
                zone = ZoneInfo(name)
            except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
                zone = self.plan
            self._found[name] = zone
        return zone

    def local(self, stored: Any, name: str | None) -> datetime | None:
        return parse_time(stored).astimezone(self(name)) if stored is not None else None


def person_names(r: Reader) -> dict[int, str]:
    return {
        i: full_name(g, f)
        for i, g, f in r.rows("SELECT id, given_name, family_name FROM person ORDER BY id")
    }


def place_label(name: str | None, code: str | None) -> str:
    if not name:
        return ""
    return f"{name} ({code})" if code and code not in name else name


class UnitNames:
    """Groups, delegations and people by name and by who they hold (audiences, passengers)."""

    def __init__(self, r: Reader, people: dict[int, str]) -> None:
        self.people = people
        self.groups = dict(r.rows("SELECT id, name FROM participant_group ORDER BY id"))
        self.delegations = dict(r.rows("SELECT id, name FROM delegation ORDER BY id"))
        self.members: dict[tuple[str, int], set[int]] = defaultdict(set)
        for g, p in r.rows("SELECT group_id, person_id FROM group_member ORDER BY id"):
            self.members[("group", g)].add(p)
        for p, d in r.rows(
            "SELECT id, delegation_id FROM person WHERE delegation_id IS NOT NULL ORDER BY id"
        ):
            self.members[("delegation", d)].add(p)

    def read(self, r: Reader, table: str, owner: str) -> dict[int, list[tuple[str, int]]]:
        out: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for item, g, d, p in r.rows(
            f"SELECT {owner}, group_id, delegation_id, person_id FROM {table}"
        ):
            if g is not None:
                out[item].append(("group", g))
            elif d is not None:
                out[item].append(("delegation", d))
            elif p is not None:
                out[item].append(("person", p))
        return out

    def name(self, unit: tuple[str, int]) -> str:
        kind, ref = unit
        names: dict[str, dict[int, str]] = {
            "group": self.groups,
            "delegation": self.delegations,
            "person": self.people,
        }
        return names[kind].get(ref, "?")

    def summary(self, units: list[tuple[str, int]]) -> str:
        """Whole groups and delegations first, then people, each sorted by name."""
        order = {"group": 0, "delegation": 1, "person": 2}
        ranked = sorted(units, key=lambda u: (order[u[0]], fold(self.name(u))))
        return ", ".join(self.name(u) for u in ranked)

    def people_in(self, units: list[tuple[str, int]]) -> set[int]:
        found: set[int] = set()
        for unit in units:
            if unit[0] == "person":
                found.add(unit[1])
            else:
                found |= self.members.get(unit, set())
        return found
