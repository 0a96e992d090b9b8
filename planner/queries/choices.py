"""Items to pick from in a form: organisations, delegations, people, groups, rooms, modules,
places; the members of a delegation and the people with a role."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.reference import fold
from planner.queries.common import full_name, place_label
from planner.store import PlanStore


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    detail: str = ""


def choices(store: PlanStore, what: str) -> list[Choice]:
    """Items to pick from in a form: organisations, delegations, people, groups, rooms."""
    with store.reading() as r:
        if what == "organisation":
            return [
                Choice(i, n, a)
                for i, n, a in r.rows("SELECT id, name, acronym FROM organisation ORDER BY name")
            ]
        if what in ("delegation", "venue"):
            return [Choice(i, n) for i, n in r.rows(f"SELECT id, name FROM {what} ORDER BY name")]
        if what == "module":
            return [
                Choice(i, f"{n}. {t}")
                for i, n, t in r.rows("SELECT id, number, title FROM module ORDER BY number, title")
            ]
        if what == "group":
            return [
                Choice(i, n)
                for i, n in r.rows("SELECT id, name FROM participant_group ORDER BY name")
            ]
        if what == "room":
            return [
                Choice(i, f"{rn} — {vn}", str(c))
                for i, rn, vn, c in r.rows(
                    "SELECT r.id, r.name, v.name, r.capacity FROM room r"
                    " JOIN venue v ON v.id = r.venue_id ORDER BY v.name, r.name"
                )
            ]
        if what == "person":
            found = [
                Choice(i, full_name(g, f), d or "")
                for i, g, f, d in r.rows(
                    "SELECT p.id, p.given_name, p.family_name, d.name FROM person p"
                    " LEFT JOIN delegation d ON d.id = p.delegation_id ORDER BY p.id"
                )
            ]
            return sorted(found, key=lambda c: fold(c.label))
    raise ValueError(what)


def members_of_delegation(store: PlanStore, delegation_id: int) -> list[Choice]:
    with store.reading() as r:
        found = [
            Choice(i, full_name(g, f))
            for i, g, f in r.rows(
                "SELECT id, given_name, family_name FROM person WHERE delegation_id = :d ORDER"
                " BY id",
                {"d": delegation_id},
            )
        ]
    return sorted(found, key=lambda c: fold(c.label))


def people_with_role(store: PlanStore, role: str) -> set[int]:
    """The ids of the people with a role (drivers first in a vehicle's form)."""
    with store.reading() as r:
        return {
            int(i)
            for (i,) in r.rows("SELECT id FROM person WHERE role = :r ORDER BY id", {"r": role})
        }


def places(store: PlanStore) -> list[Choice]:
    """Places to pick from: (id, name with code, kind), by name."""
    with store.reading() as r:
        found = [
            Choice(i, place_label(n, c), k)
            for i, n, c, k in r.rows("SELECT id, name, code, kind FROM venue ORDER BY id")
        ]
    return sorted(found, key=lambda c: fold(c.label))


def named(store: PlanStore, table: str) -> list[tuple[int, str]]:
    """(id, name) of every delegation, organisation, group or person, by name: what a name
    typed on the command line is looked for among."""
    if table == "person":
        sql = (
            "SELECT id, trim(given_name || ' ' || family_name) FROM person"
            " ORDER BY family_name, given_name"
        )
    else:
        sql = f"SELECT id, name FROM {table} ORDER BY name"
    with store.reading() as r:
        return [(int(i), str(n)) for i, n in r.rows(sql)]
