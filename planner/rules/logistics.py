"""Accepting proposed airport transfers: the rides they become, in one transaction.

The proposals themselves are :mod:`planner.rules.transfers`; the arrivals board, schedules and
manifests are :mod:`planner.queries.journeys`.
"""

from __future__ import annotations

from planner.domain.i18n import _
from planner.rules.transfers import Proposal
from planner.store import PlanStore


def accept(store: PlanStore, proposals: list[Proposal]) -> list[int]:
    """Create the rides of the chosen proposals in one transaction; returns their ids."""
    from planner.operations import create_many

    return create_many(
        store, "ride", [p.ride_values() for p in proposals], action=_("Add airport transfers")
    )
