"""What splitting people into groups reads: the people of a delegation or an organisation
(with sex and duty station, which the split balances; not those who declined, were replaced
or cancelled), and the group names already taken."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.reference import fold
from planner.queries.membership import GONE
from planner.store import PlanStore


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    sex: str | None
    duty_station: str


def members(
    store: PlanStore, *, delegation: int | None = None, organisation: int | None = None
) -> list[Member]:
    if (delegation is None) == (organisation is None):
        raise PlannerError(_("Choose a delegation or an organisation whose people to split."))
    column = "delegation_id" if delegation is not None else "organisation_id"
    with store.reading() as r:
        rows = r.rows(
            f"SELECT id, given_name, family_name, sex, duty_station FROM person"
            f" WHERE {column} = :ref AND status NOT IN {GONE}"
            " ORDER BY family_name, given_name, id",
            {"ref": delegation if delegation is not None else organisation},
        )
    return [Member(i, f"{g} {f}".strip(), s, d or "") for i, g, f, s, d in rows]


def group_names_taken(store: PlanStore) -> set[str]:
    """The names of the plan's groups, folded (as new names are compared with them)."""
    with store.reading() as r:
        return {fold(n) for (n,) in r.rows("SELECT name FROM participant_group")}
