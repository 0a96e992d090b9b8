"""Checking an item's values before they are written: :class:`Validation` collects field
errors with their translated messages; every kind's validator (in the domain modules) is a
function ``(session, values, own id) -> errors`` built from its checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.errors import FieldError, ValidationError
from planner.domain.i18n import _
from planner.domain.model import Delegation, Entity, Group, Person
from planner.domain.reference import country_codes, currency_codes, timezones
from planner.operations.kinds import AUDIENCE_TYPES

COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
UNIT_MODELS: dict[str, type[Entity]] = {
    "group": Group,
    "delegation": Delegation,
    "person": Person,
}
CHUNK = 500  # ids in one IN (...) of a query


def chunks(ids: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def raise_if_invalid(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


class Validation:
    """The validation of one item's values: each check adds the errors it finds, with their
    translated messages, to ``errors``."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.errors: list[FieldError] = []

    def add(self, key: str, message: str) -> None:
        self.errors.append(FieldError(key, message))

    def text(self, key: str, label: str, max_length: int, *, required: bool = False) -> str:
        value = self.values.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(key, _("{field} must be text.").format(field=_(label)))
            return ""
        value = value.strip()
        if required and not value:
            self.add(key, _("{field} is required.").format(field=_(label)))
        elif len(value) > max_length:
            self.add(
                key,
                _("{field} is too long ({length} characters); shorten it to {max}.").format(
                    field=_(label), length=len(value), max=max_length
                ),
            )
        if any(ord(ch) < 32 and ch not in "\t\n" for ch in value):
            self.add(
                key, _("{field} contains control characters; retype it.").format(field=_(label))
            )
        return value

    def country(self, key: str, label: str) -> None:
        value = (self.values.get(key) or "").strip().upper()
        if value and value not in country_codes():
            self.add(
                key,
                _(
                    "{field}: '{value}' is not a country code; use two letters such as HN or PA."
                ).format(field=_(label), value=value),
            )

    def colour(self, key: str) -> None:
        value = self.values.get(key) or ""
        if value and not COLOUR_RE.match(value):
            self.add(key, _("Colour must look like #1F77B4."))

    def date_value(self, key: str, label: str, *, required: bool = False) -> date | None:
        value = self.values.get(key)
        if value is None or value == "":
            if required:
                self.add(key, _("{field} is required.").format(field=_(label)))
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.add(key, _("{field} must be a date.").format(field=_(label)))
            return None
        return value

    def unique(
        self,
        key: str,
        label: str,
        name: str,
        existing: Iterable[tuple[int, str]],
        own_id: int | None,
    ) -> None:
        folded = name.casefold()
        for other_id, other in existing:
            if other_id != own_id and (other or "").strip().casefold() == folded:
                self.add(
                    key,
                    _("{field} '{value}' is already used; choose another.").format(
                        field=_(label), value=name
                    ),
                )
                return

    def whole(self, key: str, label: str, low: int, high: int, *, required: bool = True) -> None:
        value = self.values.get(key)
        if value is None and not required:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.add(
                key,
                _("{field} must be a whole number from {low} to {high}.").format(
                    field=_(label), low=low, high=high
                ),
            )

    def moment(self, key: str, label: str, *, required: bool = False) -> datetime | None:
        value = self.values.get(key)
        if value is None:
            if required:
                self.add(key, _("{field} is required.").format(field=_(label)))
            return None
        if not isinstance(value, datetime):
            self.add(key, _("{field} must be a date and time.").format(field=_(label)))
            return None
        if value.tzinfo is None:
            self.add(key, _("{field} needs a time zone.").format(field=_(label)))
            return None
        return value

    def zone(self, key: str, *, required: bool = False) -> None:
        value = self.values.get(key) or ""
        if (value or required) and value not in timezones():
            self.add(
                key,
                _("'{value}' is not a time zone; use a name such as America/Tegucigalpa.").format(
                    value=value
                ),
            )

    def choice(self, key: str, label: str, allowed: Iterable[str]) -> None:
        value = self.values.get(key)
        if value not in set(allowed):
            self.add(
                key,
                _("{field}: '{value}' is not one of the choices.").format(
                    field=_(label), value=value
                ),
            )

    def money(self, key: str, label: str) -> None:
        value = self.values.get(key)
        if value is None:
            return
        if not isinstance(value, Decimal) or not value.is_finite():
            self.add(key, _("{field} must be an amount such as 85.50.").format(field=_(label)))
        elif value < 0:
            self.add(key, _("{field} cannot be negative.").format(field=_(label)))
        elif value >= Decimal("1e12") or value != value.quantize(Decimal("0.0001")):
            self.add(
                key,
                _(
                    "{field}: {value} is not an amount this plan can keep; use at most"
                    " four decimals."
                ).format(field=_(label), value=value),
            )

    def percent(self, key: str, label: str, *, required: bool = True) -> None:
        value = self.values.get(key)
        if value is None:
            if required:
                self.add(key, _("{field} is required.").format(field=_(label)))
            return
        self.money(key, label)
        if isinstance(value, Decimal) and value.is_finite() and value > 100:
            self.add(key, _("{field} is a percentage: at most 100.").format(field=_(label)))

    def amount(self, key: str, label: str) -> None:
        """A required amount (a rate, a quantity): present, not negative."""
        if self.values.get(key) is None:
            self.add(key, _("{field} is required.").format(field=_(label)))
        else:
            self.money(key, label)

    def currency(self, key: str, *, blank: bool = False) -> None:
        value = (self.values.get(key) or "").upper()
        if blank and not value:
            return
        if value not in currency_codes():
            self.add(
                key,
                _("'{value}' is not a currency code; use three letters such as USD or HNL.").format(
                    value=value
                ),
            )

    def required_ref(
        self, session: Session, key: str, model: type[Entity], label: str, missing: str
    ) -> None:
        if self.values.get(key) is None:
            self.add(key, missing)
        else:
            self.exists(session, key, model, label)

    def exists(self, session: Session, key: str, model: type[Entity], label: str) -> None:
        value = self.values.get(key)
        if value is not None and (
            not isinstance(value, int)
            or isinstance(value, bool)
            or session.get(model, value) is None
        ):
            self.add(
                key, _("The chosen {item} no longer exists; choose another.").format(item=_(label))
            )

    def ids(self, session: Session, key: str, model: type[Entity], label: str) -> None:
        """A list of ids (a group's members, a session's facilitators) that must all exist."""
        ids = list(self.values.get(key) or [])
        if not ids:
            return
        found: set[int] = set()
        for chunk in chunks(sorted(set(ids))):
            found.update(session.execute(select(model.id).where(model.id.in_(chunk))).scalars())
        if len(found) != len(set(ids)):
            self.add(
                key, _("A chosen {item} no longer exists; choose again.").format(item=_(label))
            )

    def units(self, session: Session, key: str) -> None:
        """A list of ("group" | "delegation" | "person", id): a ride's passengers."""
        for entry in self.values.get(key) or []:
            if (
                not isinstance(entry, tuple | list)
                or len(entry) != 2
                or entry[0] not in AUDIENCE_TYPES
            ):
                self.add(
                    key, _("The list holds an entry that is not a group, delegation or person.")
                )
                return
            if session.get(UNIT_MODELS[entry[0]], entry[1]) is None:
                self.add(key, _("Part of the list no longer exists; choose again."))
                return
