"""People and who they belong to, as lists: organisations, delegations, people, groups."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from planner.queries.badges import codes_of
from planner.queries.common import UnitNames, full_name, sex_counts
from planner.queries.membership import GONE
from planner.store import PlanStore, parse_date


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    version: int
    name: str
    acronym: str
    country: str
    people: int


@dataclass(frozen=True)
class DelegationRow:
    id: int
    version: int
    name: str
    country: str
    organisation: str
    head: str
    colour: str
    members: int
    women: int
    men: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    version: int
    given_name: str
    family_name: str
    sex: str | None
    role: str
    role_other: str
    organisation: str
    position: str
    duty_station: str
    delegation: str
    delegation_colour: str
    groups: str
    email: str
    phone: str
    id_number: str
    birth_date: date | None
    nationality: str
    languages: str
    dietary_needs: str
    accessibility_needs: str
    status: str = "confirmed"  # nominated, confirmed, declined, replaced, cancelled
    status_from: date | None = None
    replaced_by: str = ""  # the substitute's name
    badge_code: str = ""  # what a scanner at the door reads ("K3Q-9F2M")

    @property
    def name(self) -> str:
        return full_name(self.given_name, self.family_name)


@dataclass(frozen=True)
class GroupRow:
    id: int
    version: int
    name: str
    delegation: str
    colour: str
    size: int
    women: int
    men: int


def organisations(store: PlanStore) -> list[OrganisationRow]:
    with store.reading() as r:
        people = dict(
            r.rows(
                "SELECT organisation_id, count(*) FROM person"
                f" WHERE status NOT IN {GONE} GROUP BY organisation_id"
            )
        )
        return [
            OrganisationRow(i, v, n, a, c, people.get(i, 0))
            for i, v, n, a, c in r.rows(
                "SELECT id, version, name, acronym, country FROM organisation ORDER BY id"
            )
        ]


def delegations(store: PlanStore) -> list[DelegationRow]:
    with store.reading() as r:
        counts = sex_counts(
            r,
            "SELECT delegation_id, sex, count(*) FROM person"
            f" WHERE status NOT IN {GONE} GROUP BY delegation_id, sex",
        )
        rows = []
        for i, v, name, country, colour, org, given, family in r.rows(
            "SELECT d.id, d.version, d.name, d.country, d.colour, o.name, p.given_name,"
            " p.family_name FROM delegation d"
            " LEFT JOIN organisation o ON o.id = d.organisation_id"
            " LEFT JOIN person p ON p.id = d.head_id ORDER BY d.id"
        ):
            c = counts.get(i, Counter())
            rows.append(
                DelegationRow(
                    i,
                    v,
                    name,
                    country,
                    org or "",
                    full_name(given or "", family or ""),
                    colour,
                    sum(c.values()),
                    c["female"],
                    c["male"],
                )
            )
        return rows


def people(store: PlanStore) -> list[PersonRow]:
    with store.reading() as r:
        code = codes_of(r).code
        groups: dict[int, list[str]] = defaultdict(list)
        for pid, gname in r.rows(
            "SELECT m.person_id, g.name FROM group_member m"
            " JOIN participant_group g ON g.id = m.group_id ORDER BY g.name"
        ):
            groups[pid].append(gname)
        return [
            PersonRow(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7] or "",
                row[8],
                row[9],
                row[10] or "",
                row[11] or "",
                ", ".join(groups.get(row[0], ())),
                row[12],
                row[13],
                row[14],
                parse_date(row[15]),
                row[16],
                row[17],
                row[18],
                row[19],
                row[20],
                parse_date(row[21]),
                full_name(row[22] or "", row[23] or ""),
                code(row[0]),
            )
            for row in r.rows(
                "SELECT p.id, p.version, p.given_name, p.family_name, p.sex, p.role,"
                " p.role_other, o.name, p.position, p.duty_station, d.name, d.colour, p.email,"
                " p.phone, p.id_number, p.birth_date, p.nationality, p.languages,"
                " p.dietary_needs, p.accessibility_needs, p.status, p.status_from,"
                " s.given_name, s.family_name FROM person p"
                " LEFT JOIN organisation o ON o.id = p.organisation_id"
                " LEFT JOIN delegation d ON d.id = p.delegation_id"
                " LEFT JOIN person s ON s.id = p.replaced_by_id ORDER BY p.id"
            )
        ]


def groups(store: PlanStore) -> list[GroupRow]:
    with store.reading() as r:
        counts = sex_counts(
            r,
            "SELECT m.group_id, p.sex, count(*) FROM group_member m"
            " JOIN person p ON p.id = m.person_id"
            f" WHERE p.status NOT IN {GONE} GROUP BY m.group_id, p.sex",
        )
        rows = []
        for i, v, name, colour, dname in r.rows(
            "SELECT g.id, g.version, g.name, g.colour, d.name FROM participant_group g"
            " LEFT JOIN delegation d ON d.id = g.delegation_id ORDER BY g.id"
        ):
            c = counts.get(i, Counter())
            rows.append(
                GroupRow(i, v, name, dname or "", colour, sum(c.values()), c["female"], c["male"])
            )
        return rows


def people_in(store: PlanStore, units: list[tuple[str, int]]) -> int:
    """How many people a list of groups, delegations and people holds (each counted once)."""
    with store.reading() as r:
        return len(UnitNames(r, {}).people_in([(str(u[0]), int(u[1])) for u in units]))


def identities(store: PlanStore, *, personal: bool) -> dict[int, tuple[str, str, str, str]]:
    """person -> (given names, family names, identity number, organisation), as a payment
    sheet names them; the identity number "" without ``personal``."""
    with store.reading() as r:
        return {
            i: (g, f, idn if personal else "", org)
            for i, g, f, idn, org in r.rows(
                "SELECT p.id, p.given_name, p.family_name, "
                + ("p.id_number" if personal else "''")
                + ", o.name FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id"
            )
        }


def memberships(store: PlanStore, person_id: int) -> tuple[int, list[int]]:
    """A person's version and the ids of the groups they belong to, read together: what the
    person's form shows in its Groups field, and the version its save expects."""
    with store.reading() as r:
        version = r.value("SELECT version FROM person WHERE id = ?", (person_id,))
        groups = [
            int(g)
            for (g,) in r.rows(
                "SELECT group_id FROM group_member WHERE person_id = ? ORDER BY group_id",
                (person_id,),
            )
        ]
    return int(version or 0), groups
