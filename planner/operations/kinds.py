"""The kinds of item a plan holds (a person, a session, a room block…) and their registry.

A :class:`Kind` says how an item is stored and checked: its model, its editable fields and
links, its validator, its defaults, and the few hooks its domain needs (tidying values,
the time zone of a time, what follows an edit). Each domain module of ``planner.operations``
(``plan``, ``people``, ``agenda``, ``logistics``, ``budget``) defines its kinds next to their
validators and registers them here with :func:`register` when it is imported;
``planner.operations`` imports every domain module, so every kind is known before any
operation runs. Operations look kinds up by name (:func:`kind`), the change log by table
(:data:`TABLE_KIND`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.domain.errors import FieldError, PlannerError
from planner.domain.i18n import _
from planner.domain.labels import noun

if TYPE_CHECKING:  # SQLAlchemy is loaded with the first operation, not to show a plan
    from sqlalchemy.orm import Session

    from planner.domain.model import Entity

# The units an audience (or a ride's passengers) is made of.
AUDIENCE_TYPES = ("group", "delegation", "person")
# Amounts: given as Decimal, or as text such as "85,50" or "85.50".
MONEY_FIELDS = frozenset(
    {
        "nightly_rate",
        "day_rate",
        "fare",
        "daily_rate",
        "lodging_share",
        "units_per_base",
        "per_head",
        "quantity",
        "unit_cost",
        "actual",
        "amount",
        "indirect_rate",
        "breakfast_deduction",
        "lunch_deduction",
        "dinner_deduction",
        "lodging_deduction",
        "last_day_share",
        "max_score",
        "points",
    }
)

Validator = Callable[["Session", dict[str, Any], int | None], list[FieldError]]


@dataclass(frozen=True)
class Kind:
    """A kind of item: how it is stored, checked and filled in."""

    name: str
    model: type[Entity]
    fields: tuple[str, ...]
    validator: Validator
    defaults: dict[str, Any] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    upper: tuple[str, ...] = ()  # code fields stored in capitals
    # values made regular after the generic cleaning (a person's unknown sex is None)
    tidy: Callable[[dict[str, Any]], None] | None = None
    # (zone field, time field): a time given without its zone gets the zone of ``place_zone``
    # (given the session, the values and the zone field), else the plan's
    zones: tuple[tuple[str, str], ...] = ()
    place_zone: Callable[[Session, dict[str, Any], str], str | None] | None = None
    # what follows an edit (a site visit moved whole takes its stops and rides along):
    # (session, the item, its values before, its values after)
    after_update: Callable[[Session, Any, dict[str, Any], dict[str, Any]], None] | None = None

    def label(self, n: int) -> str:
        return noun(self.name, n)


KINDS: dict[str, Kind] = {}  # name -> kind, filled by the domain modules
TABLE_KIND: dict[str, str] = {}  # table -> kind name


def register(*kinds: Kind) -> None:
    """Make kinds known by name and by table (each domain module registers its own)."""
    for k in kinds:
        assert k.name not in KINDS, f"the kind {k.name} is registered twice"
        KINDS[k.name] = k
        TABLE_KIND[k.model.__tablename__] = k.name


def kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise PlannerError(_("'{name}' is not a kind of item.").format(name=name)) from None
