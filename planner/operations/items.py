"""Every change a user can make to a plan, validated, in one transaction each.

The window, the command line and the importers all change a plan through these functions.
Each returns what it changed (:class:`planner.store.Change`) and what is needed to undo it:

* :func:`create` returns the new id; undo is :func:`delete`, redo is :func:`restore`.
* :func:`update` returns the values it replaced and the row's new version; undo is
  :func:`update` with the old values and that version, which fails with a
  :class:`ConflictError` if someone changed the item in between.
* :func:`delete` returns a :class:`Snapshot` of every row it removed or unlinked (cascades
  included); undo is :func:`restore`, which puts them back with their ids and versions.

Values are plain Python: ``str``, ``int``, ``date``, aware ``datetime``, ``None`` and lists of
ids for links (``member_ids``, ``facilitator_ids``, ``audience``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ForeignKey, Table, false, insert, or_, select
from sqlalchemy import delete as sql_delete
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from planner.domain.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    PlannerError,
    ValidationError,
)
from planner.domain.i18n import N_, _, ngettext
from planner.domain.inputs import clean_field, clean_text, clean_value
from planner.domain.labels import (
    BudgetCategory,
    Clearance,
    Direction,
    Meal,
    PlaceKind,
    Role,
    SessionKind,
    Sex,
    TravelMode,
    noun,
)
from planner.domain.model import (
    AgendaSession,
    Attendance,
    Base,
    BudgetActual,
    BudgetLine,
    CategoryDefault,
    CateringRate,
    Delegation,
    Entity,
    ExchangeRate,
    FundingSource,
    GroupMember,
    Module,
    ModuleTrainer,
    Organisation,
    ParticipantGroup,
    PerDiemRate,
    Person,
    Plan,
    Ride,
    RidePassenger,
    RoadTime,
    Room,
    RoomBlock,
    SessionAudience,
    SessionFacilitator,
    Stay,
    Travel,
    Unavailability,
    Vehicle,
    Venue,
    VisitStop,
    table_of,
)
from planner.domain.reference import country_codes, currency_codes, timezones
from planner.store import Change, PlanStore, recorder

AUDIENCE_TYPES = ("group", "delegation", "person")
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_SESSION_LENGTH = timedelta(days=7)
MAX_RIDE_LENGTH = timedelta(days=2)
CLOCK_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
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
    }
)
PERCENT_FIELDS = (
    ("indirect_rate", N_("Indirect support")),
    ("breakfast_deduction", N_("Breakfast provided")),
    ("lunch_deduction", N_("Lunch provided")),
    ("dinner_deduction", N_("Dinner provided")),
    ("lodging_deduction", N_("Lodging provided")),
    ("last_day_share", N_("Last day paid at")),
)
CHUNK = 500


# --- reference data -----------------------------------------------------------------------------


# --- results ------------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """Rows removed or unlinked by a delete, to put back exactly as they were."""

    kind: str
    ids: list[int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (table, column, row id, old value, version the row had before it was unlinked)
    unlinked: list[tuple[str, str, int, Any, int]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


@dataclass(frozen=True)
class Created:
    id: int
    change: Change
    version: int = 1


@dataclass(frozen=True)
class Updated:
    id: int
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    version: int
    change: Change


@dataclass(frozen=True)
class Deleted:
    snapshot: Snapshot
    change: Change


@dataclass(frozen=True)
class Impact:
    """What else goes when items are deleted, in words for the confirmation."""

    count: int
    lines: list[str]


# --- validation ---------------------------------------------------------------------------------


class _Checker:
    """Collects field errors with their translated messages."""

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


def _validate_plan(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    c.text("title", N_("Title"), 200, required=True)
    c.text("city", N_("City"), 100)
    c.country("country", N_("Country"))
    start = c.date_value("start_date", N_("First day"), required=True)
    end = c.date_value("end_date", N_("Last day"), required=True)
    if start and end:
        if end < start:
            c.add("end_date", _("The last day must be on or after the first day."))
        elif (end - start).days > 366:
            c.add("end_date", _("A plan covers at most one year; check the last day."))
    tz = v.get("timezone") or ""
    if tz not in timezones():
        c.add(
            "timezone",
            _("'{value}' is not a time zone; use a name such as America/Tegucigalpa.").format(
                value=tz
            ),
        )
    currency = (v.get("currency") or "").upper()
    if currency not in currency_codes():
        c.add(
            "currency",
            _("'{value}' is not a currency code; use three letters such as USD or HNL.").format(
                value=currency
            ),
        )
    for key, label in (
        ("organiser", N_("Organiser")),
        ("funding_programme", N_("Funding programme")),
        ("donor", N_("Donor")),
    ):
        c.text(key, label, 200)
    for key, label in PERCENT_FIELDS:
        c.percent(key, label, required=False)
    if own_id is not None:  # a new plan has no places or rates yet
        c.exists(session, "arrival_airport_id", Venue, N_("airport"))
        c.exists(session, "per_diem_rate_id", PerDiemRate, N_("per diem rate"))
    return c.errors


def _validate_organisation(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.text("acronym", N_("Acronym"), 40)
    c.country("country", N_("Country"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(Organisation.id, Organisation.name)),
            own_id,
        )
    return c.errors


def _validate_delegation(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.country("country", N_("Country"))
    c.colour("colour")
    c.exists(session, "organisation_id", Organisation, N_("organisation"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(Delegation.id, Delegation.name)),
            own_id,
        )
    head = v.get("head_id")
    if head is not None:
        person = session.get(Person, head)
        if person is None:
            c.add("head_id", _("The chosen head no longer exists; choose another."))
        elif own_id is None or person.delegation_id != own_id:
            c.add("head_id", _("The head of a delegation must be one of its members."))
    return c.errors


def _validate_person(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    given = c.text("given_name", N_("Given name"), 100)
    family = c.text("family_name", N_("Family name"), 100)
    if not given and not family:
        c.add("given_name", _("Give at least a given name or a family name."))
    sex = v.get("sex")
    if sex is not None and sex not in set(Sex):
        c.add("sex", _("Sex must be female, male, other or unknown."))
    role = v.get("role") or Role.TRAINEE
    if role not in set(Role):
        c.add("role", _("'{value}' is not a role.").format(value=role))
    c.text("role_other", N_("Role (other)"), 100)
    for key, label, size in (
        ("position", N_("Position or rank"), 200),
        ("duty_station", N_("Duty station"), 200),
        ("id_number", N_("ID or passport number"), 60),
        ("languages", N_("Languages"), 200),
        ("dietary_needs", N_("Dietary needs"), 200),
        ("accessibility_needs", N_("Accessibility needs"), 200),
    ):
        c.text(key, label, size)
    email = c.text("email", N_("Email"), 200)
    if email and not EMAIL_RE.match(email):
        c.add(
            "email",
            _(
                "'{value}' is not an email address; write it like name@example.org or"
                " leave it empty."
            ).format(value=email),
        )
    phone = c.text("phone", N_("Phone"), 60)
    if phone and not re.fullmatch(r"[0-9+()\-./\s]*[0-9][0-9+()\-./\sA-Za-z]*", phone):
        c.add(
            "phone",
            _("'{value}' is not a phone number; use digits, spaces, + and -.").format(value=phone),
        )
    birth = c.date_value("birth_date", N_("Date of birth"))
    if birth is not None:
        if birth > date.today():
            c.add("birth_date", _("The date of birth is in the future."))
        elif birth.year < 1900:
            c.add("birth_date", _("The date of birth is before 1900; check the year."))
    c.country("nationality", N_("Nationality"))
    c.exists(session, "organisation_id", Organisation, N_("organisation"))
    c.exists(session, "delegation_id", Delegation, N_("delegation"))
    if own_id is not None:
        led = session.execute(
            select(Delegation.name).where(
                Delegation.head_id == own_id, Delegation.id != v.get("delegation_id")
            )
        ).first()
        if led is not None:
            c.add(
                "delegation_id",
                _(
                    "This person heads {delegation}: choose another head there"
                    " first, then move them."
                ).format(delegation=led[0]),
            )
    return c.errors


def _validate_group(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 100, required=True)
    c.colour("colour")
    c.exists(session, "delegation_id", Delegation, N_("delegation"))
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(ParticipantGroup.id, ParticipantGroup.name)),
            own_id,
        )
    _check_ids(session, c, "member_ids", Person, N_("member"))
    return c.errors


def _validate_venue(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 200, required=True)
    c.text("city", N_("City"), 100)
    c.text("address", N_("Address"), 300)
    c.text("code", N_("Code"), 10)
    if name:
        c.unique("name", N_("Name"), name, session.execute(select(Venue.id, Venue.name)), own_id)
    c.choice("kind", N_("Kind"), set(PlaceKind))
    c.zone("timezone")
    for key, label, limit in (
        ("latitude", N_("Latitude"), 90),
        ("longitude", N_("Longitude"), 180),
    ):
        value = v.get(key)
        if value is not None and (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not -limit <= value <= limit
        ):
            c.add(
                key,
                _("{field} must be a number from -{limit} to {limit}.").format(
                    field=_(label), limit=limit
                ),
            )
    opens, closes = v.get("opens") or "", v.get("closes") or ""
    for key, value, label in (("opens", opens, N_("Opens")), ("closes", closes, N_("Closes"))):
        if value and not CLOCK_RE.match(value):
            c.add(key, _("{field}: write the time like 06:00 or 18:30.").format(field=_(label)))
    if bool(opens) != bool(closes):
        c.add(
            "closes" if opens else "opens",
            _("Give both the opening and the closing time, or neither."),
        )
    elif opens and closes and CLOCK_RE.match(opens) and CLOCK_RE.match(closes) and closes <= opens:
        c.add("closes", _("The place must close after it opens."))
    return c.errors


def _validate_module(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    title = c.text("title", N_("Title"), 300, required=True)
    c.text("equipment", N_("Equipment"), 300)
    c.colour("colour")
    for key, label, low, high in (
        ("number", N_("Number"), 1, 999),
        ("duration_minutes", N_("Duration"), 5, 7 * 24 * 60),
        ("room_size", N_("Seats needed"), 0, 100_000),
    ):
        value = v.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            c.add(
                key,
                _("{field} must be a whole number from {low} to {high}.").format(
                    field=_(label), low=low, high=high
                ),
            )
    if title:
        c.unique(
            "title", N_("Title"), title, session.execute(select(Module.id, Module.title)), own_id
        )
    _check_ids(session, c, "trainer_ids", Person, N_("trainer"))
    return c.errors


def _validate_unavailability(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.text("note", N_("Note"), 300)
    if v.get("person_id") is None:
        c.add("person_id", _("Choose the person who is unavailable."))
    else:
        c.exists(session, "person_id", Person, N_("person"))
    start, end = v.get("start"), v.get("end")
    for key, value, label in (("start", start, N_("Start")), ("end", end, N_("End"))):
        if not isinstance(value, datetime) or value.tzinfo is None:
            c.add(key, _("{field} is required.").format(field=_(label)))
    if (
        isinstance(start, datetime)
        and isinstance(end, datetime)
        and start.tzinfo
        and end.tzinfo
        and end <= start
    ):
        c.add("end", _("The unavailable time must end after it starts."))
    return c.errors


def _validate_room(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 100, required=True)
    c.text("equipment", N_("Equipment"), 300)
    venue_id = v.get("venue_id")
    if venue_id is None:
        c.add("venue_id", _("Choose the venue the room belongs to."))
    else:
        c.exists(session, "venue_id", Venue, N_("venue"))
        if name:
            c.unique(
                "name",
                N_("Name"),
                name,
                session.execute(select(Room.id, Room.name).where(Room.venue_id == venue_id)),
                own_id,
            )
    capacity = v.get("capacity", 0)
    if not isinstance(capacity, int) or isinstance(capacity, bool):
        c.add("capacity", _("Capacity must be a whole number."))
    elif not 0 <= capacity <= 100_000:
        c.add("capacity", _("Capacity must be between 0 and 100,000 people."))
    c.money("day_rate", N_("Day rate"))
    c.currency("currency", blank=True)
    return c.errors


def _validate_session(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    c.text("title", N_("Title"), 300, required=True)
    c.text("location", N_("Location"), 300)
    kind = v.get("kind") or SessionKind.TRAINING
    if kind not in set(SessionKind):
        c.add("kind", _("'{value}' is not a kind of session.").format(value=kind))
    start, end = v.get("start"), v.get("end")
    for key, value, label in (("start", start, N_("Start")), ("end", end, N_("End"))):
        if not isinstance(value, datetime):
            c.add(key, _("{field} is required.").format(field=_(label)))
        elif value.tzinfo is None:
            c.add(key, _("{field} needs a time zone.").format(field=_(label)))
    if isinstance(start, datetime) and isinstance(end, datetime) and start.tzinfo and end.tzinfo:
        if end <= start:
            c.add("end", _("The session must end after it starts."))
        elif end - start > MAX_SESSION_LENGTH:
            c.add("end", _("A session lasts at most 7 days; split longer items."))
    tz = v.get("timezone")
    if tz is not None and tz not in timezones():
        c.add("timezone", _("'{value}' is not a time zone.").format(value=tz))
    c.exists(session, "room_id", Room, N_("room"))
    c.exists(session, "module_id", Module, N_("module"))
    _check_ids(session, c, "facilitator_ids", Person, N_("facilitator"))
    audience = v.get("audience") or []
    for entry in audience:
        if not isinstance(entry, tuple | list) or len(entry) != 2 or entry[0] not in AUDIENCE_TYPES:
            c.add(
                "audience",
                _("The audience holds an entry that is not a group, delegation or person."),
            )
            break
        model = {"group": ParticipantGroup, "delegation": Delegation, "person": Person}[entry[0]]
        if session.get(model, entry[1]) is None:
            c.add("audience", _("Part of the audience no longer exists; choose again."))
            break
    return c.errors


def _check_ids(session: Session, c: _Checker, key: str, model: type[Entity], label: str) -> None:
    ids = list(c.values.get(key) or [])
    if not ids:
        return
    found: set[int] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(session.execute(select(model.id).where(model.id.in_(chunk))).scalars())
    if len(found) != len(set(ids)):
        c.add(key, _("A chosen {item} no longer exists; choose again.").format(item=_(label)))


def _check_group_entries(session: Session, c: _Checker, key: str) -> None:
    """A list of ("group" | "delegation" | "person", id): the audience, a ride's passengers."""
    for entry in c.values.get(key) or []:
        if not isinstance(entry, tuple | list) or len(entry) != 2 or entry[0] not in AUDIENCE_TYPES:
            c.add(key, _("The list holds an entry that is not a group, delegation or person."))
            return
        model = {"group": ParticipantGroup, "delegation": Delegation, "person": Person}[entry[0]]
        if session.get(model, entry[1]) is None:
            c.add(key, _("Part of the list no longer exists; choose again."))
            return


def _validate_travel(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    c.required_ref(session, "person_id", Person, N_("person"), _("Choose who travels."))
    c.choice("direction", N_("Direction"), set(Direction))
    c.choice("mode", N_("Travel by"), set(TravelMode))
    c.text("carrier", N_("Airline or carrier"), 100)
    c.text("number", N_("Flight or service no."), 20)
    c.text("from_place", N_("From"), 200)
    c.text("to_place", N_("To"), 200)
    c.exists(session, "place_id", Venue, N_("airport or terminal"))
    arrival = v.get("direction") == Direction.ARRIVAL
    departs = c.moment("departs_at", N_("Departs"), required=not arrival)
    arrives = c.moment("arrives_at", N_("Arrives"), required=arrival)
    c.zone("departs_tz")
    c.zone("arrives_tz")
    if departs and arrives:
        if arrives < departs:
            c.add(
                "arrives_at",
                _(
                    "The journey must arrive after it departs (times are local;"
                    " check the time zones)."
                ),
            )
        elif arrives - departs > timedelta(days=3):
            c.add("arrives_at", _("A journey lasts at most 3 days; check the dates."))
    c.money("fare", N_("Fare"))
    c.currency("fare_currency", blank=True)
    return c.errors


def _validate_room_block(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.required_ref(session, "venue_id", Venue, N_("hotel"), _("Choose the hotel."))
    c.text("room_type", N_("Room type"), 60)
    c.whole("rooms", N_("Rooms"), 0, 10_000)
    first = c.date_value("check_in", N_("Check-in"), required=True)
    last = c.date_value("check_out", N_("Check-out"), required=True)
    if first and last and last <= first:
        c.add("check_out", _("Check-out must be at least one day after check-in."))
    c.money("nightly_rate", N_("Nightly rate"))
    c.currency("currency")
    return c.errors


def _validate_stay(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    c.required_ref(session, "person_id", Person, N_("person"), _("Choose who stays."))
    c.required_ref(session, "venue_id", Venue, N_("hotel"), _("Choose the hotel."))
    c.text("room_type", N_("Room type"), 60)
    first = c.date_value("check_in", N_("Check-in"), required=True)
    last = c.date_value("check_out", N_("Check-out"), required=True)
    if first and last and last <= first:
        c.add("check_out", _("Check-out must be at least one day after check-in."))
    block_id = v.get("block_id")
    if block_id is not None:
        block = session.get(RoomBlock, block_id) if isinstance(block_id, int) else None
        if block is None:
            c.add("block_id", _("The chosen room block no longer exists; choose another."))
        elif block.venue_id != v.get("venue_id"):
            c.add(
                "block_id",
                _(
                    "The room block belongs to another hotel; choose one of this"
                    " hotel's blocks, or none."
                ),
            )
    sharing = v.get("sharing_with_id")
    if sharing is not None:
        if sharing == v.get("person_id"):
            c.add("sharing_with_id", _("A person cannot share a room with themselves."))
        else:
            c.exists(session, "sharing_with_id", Person, N_("person"))
    return c.errors


def _validate_road_time(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.required_ref(session, "from_id", Venue, N_("place"), _("Choose where the road starts."))
    c.required_ref(session, "to_id", Venue, N_("place"), _("Choose where the road ends."))
    c.whole("minutes", N_("Minutes"), 0, 3 * 24 * 60)
    c.whole("distance_km", N_("Distance (km)"), 0, 10_000, required=False)
    a, b = v.get("from_id"), v.get("to_id")
    if a is not None and a == b:
        c.add("to_id", _("Choose two different places."))
    elif a is not None and b is not None:
        other = session.execute(
            select(RoadTime.id).where(
                or_(
                    (RoadTime.from_id == a) & (RoadTime.to_id == b),
                    (RoadTime.from_id == b) & (RoadTime.to_id == a),
                ),
                RoadTime.id != (own_id or 0),
            )
        ).first()
        if other is not None:
            c.add(
                "to_id",
                _(
                    "The road time between these places is already in the plan"
                    " (either way); edit that one."
                ),
            )
    return c.errors


def _validate_stop(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    visit = v.get("session_id")
    if visit is None:
        c.add("session_id", _("Choose the site visit this stop belongs to."))
    else:
        found = session.get(AgendaSession, visit) if isinstance(visit, int) else None
        if found is None:
            c.add("session_id", _("The chosen site visit no longer exists; choose another."))
        elif found.kind != SessionKind.SITE_VISIT:
            c.add(
                "session_id",
                _(
                    "Stops belong to sessions of the kind Site visit; change the"
                    " session's kind first."
                ),
            )
    c.whole("position", N_("Order"), 1, 99)
    c.required_ref(session, "venue_id", Venue, N_("place"), _("Choose the place of the stop."))
    arrives = c.moment("arrives_at", N_("Arrives"))
    leaves = c.moment("leaves_at", N_("Leaves"))
    if arrives and leaves and leaves < arrives:
        c.add("leaves_at", _("The visit must leave a stop after it arrives there."))
    if not arrives and not leaves:
        c.add("arrives_at", _("Give the time the visit arrives, leaves, or both."))
    c.text("host_name", N_("Host"), 200)
    c.text("host_contact", N_("Host's phone or email"), 200)
    c.choice("clearance", N_("Clearance"), set(Clearance))
    return c.errors


def _validate_vehicle(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 100, required=True)
    if name:
        c.unique(
            "name", N_("Name"), name, session.execute(select(Vehicle.id, Vehicle.name)), own_id
        )
    c.whole("seats", N_("Passenger seats"), 0, 100)
    c.text("provider", N_("Provider"), 200)
    c.text("plate", N_("Plate"), 20)
    c.money("day_rate", N_("Day rate"))
    c.currency("currency")
    c.exists(session, "driver_id", Person, N_("driver"))
    return c.errors


def _validate_ride(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = _Checker(v)
    c.text("title", N_("Title"), 200)
    c.exists(session, "vehicle_id", Vehicle, N_("vehicle"))
    start = c.moment("start", N_("Start"), required=True)
    end = c.moment("end", N_("End"), required=True)
    if start and end:
        if end <= start:
            c.add("end", _("The ride must end after it starts."))
        elif end - start > MAX_RIDE_LENGTH:
            c.add("end", _("A ride lasts at most 2 days; split longer journeys."))
    c.zone("timezone")
    c.exists(session, "from_id", Venue, N_("place"))
    c.exists(session, "to_id", Venue, N_("place"))
    c.exists(session, "session_id", AgendaSession, N_("site visit"))
    _check_group_entries(session, c, "passengers")
    return c.errors


def _validate_funding_source(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    name = c.text("name", N_("Name"), 200, required=True)
    if name:
        c.unique(
            "name",
            N_("Name"),
            name,
            session.execute(select(FundingSource.id, FundingSource.name)),
            own_id,
        )
    c.text("code", N_("Code"), 60)
    return c.errors


def _validate_budget_category(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.choice("category", N_("Category"), set(BudgetCategory))
    category = v.get("category")
    taken = session.execute(
        select(CategoryDefault.id).where(CategoryDefault.category == category)
    ).scalar()
    if taken is not None and taken != own_id:
        c.add("category", _("This category already has its code and source; edit those."))
    c.text("budget_code", N_("Budget code"), 60)
    c.exists(session, "funding_source_id", FundingSource, N_("funding source"))
    return c.errors


def _validate_per_diem_rate(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    location = c.text("location", N_("Location"), 100, required=True)
    if location:
        c.unique(
            "location",
            N_("Location"),
            location,
            session.execute(select(PerDiemRate.id, PerDiemRate.location)),
            own_id,
        )
    c.amount("daily_rate", N_("Daily rate"))
    c.currency("currency")
    c.percent("lodging_share", N_("Lodging share"), required=False)
    c.date_value("valid_from", N_("Valid from"))
    return c.errors


def _validate_exchange_rate(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.currency("currency")
    month = c.date_value("month", N_("Month"), required=True)
    if month is not None and month.day != 1:
        c.add("month", _("Give the first day of the month the rate is for."))
    c.amount("units_per_base", N_("Units per one of the plan's currency"))
    rate = v.get("units_per_base")
    if isinstance(rate, Decimal) and rate.is_finite() and rate == 0:
        c.add("units_per_base", _("A rate of exchange cannot be zero."))
    c.text("source", N_("Source"), 200)
    taken = (
        session.execute(
            select(ExchangeRate.id).where(
                ExchangeRate.currency == (v.get("currency") or "").upper(),
                ExchangeRate.month == month,
            )
        ).scalar()
        if month is not None
        else None
    )
    if taken is not None and taken != own_id:
        c.add("month", _("This currency already has a rate for that month; edit it instead."))
    return c.errors


def _validate_catering_rate(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.choice("kind", N_("For"), set(Meal))
    taken = session.execute(
        select(CateringRate.id).where(CateringRate.kind == v.get("kind"))
    ).scalar()
    if taken is not None and taken != own_id:
        c.add("kind", _("There is already a rate for this; edit it instead."))
    c.amount("per_head", N_("Per head"))
    c.currency("currency")
    return c.errors


def _validate_budget_line(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.choice("category", N_("Category"), set(BudgetCategory) - {BudgetCategory.INDIRECT})
    c.text("description", N_("Description"), 300, required=True)
    c.text("budget_code", N_("Budget code"), 60)
    c.exists(session, "funding_source_id", FundingSource, N_("funding source"))
    c.amount("quantity", N_("Quantity"))
    c.text("unit", N_("Unit"), 40)
    c.amount("unit_cost", N_("Unit cost"))
    c.currency("currency")
    month = c.date_value("month", N_("Month"))
    if month is not None and month.day != 1:
        c.add("month", _("Give the first day of the month the rate is for."))
    c.money("actual", N_("Actual"))
    return c.errors


def _validate_budget_actual(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.text("line_key", N_("Line"), 100, required=True)
    taken = session.execute(
        select(BudgetActual.id).where(BudgetActual.line_key == v.get("line_key"))
    ).scalar()
    if taken is not None and taken != own_id:
        c.add("line_key", _("This line already has an actual cost; edit it instead."))
    c.amount("amount", N_("Actual"))
    return c.errors


def _validate_attendance(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = _Checker(v)
    c.required_ref(session, "session_id", AgendaSession, N_("Session"), _("Choose the session."))
    c.required_ref(session, "person_id", Person, N_("Person"), _("Choose the person."))
    c.text("note", N_("Note"), 300)
    taken = session.execute(
        select(Attendance.id).where(
            Attendance.session_id == v.get("session_id"), Attendance.person_id == v.get("person_id")
        )
    ).scalar()
    if taken is not None and taken != own_id:
        c.add(
            "person_id",
            _("This person's attendance at the session is already recorded; change it instead."),
        )
    return c.errors


# --- the kinds of item --------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[Entity]
    fields: tuple[str, ...]
    validator: Callable[[Session, dict[str, Any], int | None], list[FieldError]]
    defaults: dict[str, Any] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    upper: tuple[str, ...] = ()  # code fields stored in capitals

    def label(self, n: int) -> str:
        return noun(self.name, n)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "plan",
            Plan,
            (
                "title",
                "city",
                "country",
                "timezone",
                "start_date",
                "end_date",
                "currency",
                "organiser",
                "funding_programme",
                "donor",
                "notes",
                "arrival_airport_id",
                "per_diem_rate_id",
                "indirect_rate",
                "breakfast_deduction",
                "lunch_deduction",
                "dinner_deduction",
                "lodging_deduction",
                "last_day_share",
            ),
            _validate_plan,
            {"currency": "USD"},
            upper=("country", "currency"),
        ),
        Kind(
            "organisation",
            Organisation,
            ("name", "acronym", "country", "notes"),
            _validate_organisation,
            upper=("country",),
        ),
        Kind(
            "delegation",
            Delegation,
            ("name", "country", "organisation_id", "head_id", "colour", "notes"),
            _validate_delegation,
            {"colour": "#4C78A8"},
            upper=("country",),
        ),
        Kind(
            "person",
            Person,
            (
                "given_name",
                "family_name",
                "sex",
                "organisation_id",
                "position",
                "duty_station",
                "delegation_id",
                "role",
                "role_other",
                "email",
                "phone",
                "id_number",
                "birth_date",
                "nationality",
                "languages",
                "dietary_needs",
                "accessibility_needs",
                "notes",
            ),
            _validate_person,
            {"role": Role.TRAINEE},
            upper=("nationality",),
        ),
        Kind(
            "group",
            ParticipantGroup,
            ("name", "delegation_id", "colour", "notes"),
            _validate_group,
            {"colour": "#72B7B2"},
            links=("member_ids",),
        ),
        Kind(
            "venue",
            Venue,
            (
                "name",
                "kind",
                "city",
                "address",
                "code",
                "timezone",
                "latitude",
                "longitude",
                "opens",
                "closes",
                "notes",
            ),
            _validate_venue,
            {"kind": PlaceKind.VENUE},
            upper=("code",),
        ),
        Kind(
            "room",
            Room,
            ("venue_id", "name", "capacity", "equipment", "notes", "day_rate", "currency"),
            _validate_room,
            {"capacity": 0},
            upper=("currency",),
        ),
        Kind(
            "session",
            AgendaSession,
            (
                "kind",
                "title",
                "description",
                "start",
                "end",
                "timezone",
                "room_id",
                "location",
                "notes",
                "module_id",
            ),
            _validate_session,
            {"kind": SessionKind.TRAINING},
            links=("facilitator_ids", "audience"),
        ),
        Kind(
            "module",
            Module,
            ("number", "title", "duration_minutes", "room_size", "equipment", "colour", "notes"),
            _validate_module,
            {"duration_minutes": 180, "room_size": 0, "number": 1, "colour": "#4E79A7"},
            links=("trainer_ids",),
        ),
        Kind(
            "unavailability",
            Unavailability,
            ("person_id", "start", "end", "note"),
            _validate_unavailability,
        ),
        Kind(
            "travel",
            Travel,
            (
                "person_id",
                "direction",
                "mode",
                "carrier",
                "number",
                "place_id",
                "from_place",
                "to_place",
                "departs_at",
                "departs_tz",
                "arrives_at",
                "arrives_tz",
                "notes",
                "fare",
                "fare_currency",
            ),
            _validate_travel,
            {"direction": Direction.ARRIVAL, "mode": TravelMode.FLIGHT},
            upper=("number", "fare_currency"),
        ),
        Kind(
            "room_block",
            RoomBlock,
            (
                "venue_id",
                "room_type",
                "rooms",
                "check_in",
                "check_out",
                "nightly_rate",
                "currency",
                "notes",
                "breakfast_included",
            ),
            _validate_room_block,
            {"rooms": 1, "currency": "USD"},
            upper=("currency",),
        ),
        Kind(
            "stay",
            Stay,
            (
                "person_id",
                "venue_id",
                "block_id",
                "check_in",
                "check_out",
                "room_type",
                "sharing_with_id",
                "notes",
            ),
            _validate_stay,
        ),
        Kind(
            "road_time",
            RoadTime,
            ("from_id", "to_id", "minutes", "distance_km", "notes"),
            _validate_road_time,
            {"minutes": 60},
        ),
        Kind(
            "stop",
            VisitStop,
            (
                "session_id",
                "position",
                "venue_id",
                "arrives_at",
                "leaves_at",
                "host_name",
                "host_contact",
                "clearance",
                "notes",
            ),
            _validate_stop,
            {"position": 1, "clearance": Clearance.NOT_NEEDED},
        ),
        Kind(
            "vehicle",
            Vehicle,
            ("name", "seats", "provider", "plate", "day_rate", "currency", "driver_id", "notes"),
            _validate_vehicle,
            {"seats": 12, "currency": "USD"},
            upper=("currency", "plate"),
        ),
        Kind(
            "ride",
            Ride,
            (
                "vehicle_id",
                "title",
                "start",
                "end",
                "timezone",
                "from_id",
                "to_id",
                "session_id",
                "notes",
            ),
            _validate_ride,
            links=("passengers",),
        ),
        Kind("funding_source", FundingSource, ("name", "code", "notes"), _validate_funding_source),
        Kind(
            "budget_category",
            CategoryDefault,
            ("category", "budget_code", "funding_source_id"),
            _validate_budget_category,
        ),
        Kind(
            "per_diem_rate",
            PerDiemRate,
            ("location", "daily_rate", "currency", "lodging_share", "valid_from", "notes"),
            _validate_per_diem_rate,
            {"currency": "USD"},
            upper=("currency",),
        ),
        Kind(
            "exchange_rate",
            ExchangeRate,
            ("currency", "month", "units_per_base", "source"),
            _validate_exchange_rate,
            upper=("currency",),
        ),
        Kind(
            "catering_rate",
            CateringRate,
            ("kind", "per_head", "currency", "notes"),
            _validate_catering_rate,
            {"kind": Meal.BREAK, "currency": "USD"},
            upper=("currency",),
        ),
        Kind(
            "budget_line",
            BudgetLine,
            (
                "category",
                "description",
                "budget_code",
                "funding_source_id",
                "quantity",
                "unit",
                "unit_cost",
                "currency",
                "month",
                "actual",
                "notes",
            ),
            _validate_budget_line,
            {"category": BudgetCategory.OTHER, "quantity": Decimal(1), "currency": "USD"},
            upper=("currency",),
        ),
        Kind(
            "budget_actual", BudgetActual, ("line_key", "amount", "note"), _validate_budget_actual
        ),
        Kind(
            "attendance",
            Attendance,
            ("session_id", "person_id", "present", "note"),
            _validate_attendance,
            {"present": True, "note": ""},
        ),
    )
}

TABLE_KIND = {k.model.__tablename__: k.name for k in KINDS.values()}


def kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise PlannerError(_("'{name}' is not a kind of item.").format(name=name)) from None


def _normalise(k: Kind, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in k.fields and key not in k.links:
            raise PlannerError(
                _("'{field}' is not a field of a {item}.").format(field=key, item=noun(k.name))
            )
        if isinstance(value, str):
            value = clean_field(key, value).strip()  # no control characters, ever
            if key in k.upper:
                value = value.upper()
        out[key] = value
    for key in MONEY_FIELDS.intersection(out):
        out[key] = _money(out[key])
    if k.name == "person" and "sex" in out and out["sex"] in ("", "unknown"):
        out["sex"] = None
    if k.name == "person" and out.get("role") and out["role"] != Role.OTHER:
        out.setdefault("role_other", "")
    return out


def _money(value: Any) -> Any:
    """An amount as ``Decimal`` ("85,50" and "85.50" alike); anything else is left to fail."""
    if value is None or isinstance(value, Decimal | bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return value
    return value


def validate(
    store: PlanStore, kind_name: str, values: dict[str, Any], own_id: int | None = None
) -> list[FieldError]:
    """Field errors for a form's current values (used as the user types)."""
    k = kind(kind_name)
    merged = dict(values)
    if own_id is not None:
        current = get_values(store, kind_name, own_id)
        current.pop("version")
        merged = {**current, **_repairs(k, current), **values}
    else:
        merged = {**k.defaults, **values}
    merged = _normalise(k, merged)
    with store.read() as session:
        return k.validator(session, merged, own_id)


# --- reading an item's values -------------------------------------------------------------------


def _row_values(obj: Entity, k: Kind) -> dict[str, Any]:
    return {key: getattr(obj, key) for key in k.fields}


# Lists of people linked to an item: link name -> (table, owner column, person column).
PERSON_LINKS: dict[str, tuple[type[Entity], str, str]] = {
    "member_ids": (GroupMember, "group_id", "person_id"),
    "facilitator_ids": (SessionFacilitator, "session_id", "person_id"),
    "trainer_ids": (ModuleTrainer, "module_id", "person_id"),
}
AUDIENCE_COLUMNS = {kind: f"{kind}_id" for kind in AUDIENCE_TYPES}
# Lists of groups, delegations and people linked to an item: link name -> (table, owner column).
GROUP_LINKS: dict[str, tuple[type[Entity], str]] = {
    "audience": (SessionAudience, "session_id"),
    "passengers": (RidePassenger, "ride_id"),
}


def _links_of(session: Session, k: Kind, item_id: int) -> dict[str, Any]:
    links: dict[str, Any] = {}
    conn = session.connection()
    for name in k.links:
        if name in PERSON_LINKS:
            model, owner, person = PERSON_LINKS[name]
            table = table_of(model)
            links[name] = sorted(
                conn.execute(select(table.c[person]).where(table.c[owner] == item_id)).scalars()
            )
        elif name in GROUP_LINKS:
            model, owner = GROUP_LINKS[name]
            table = table_of(model)
            audience: list[tuple[str, int]] = []
            for row in conn.execute(
                select(*(table.c[c] for c in AUDIENCE_COLUMNS.values())).where(
                    table.c[owner] == item_id
                )
            ):
                kind_name, ref = next(
                    (k_, v) for k_, v in zip(AUDIENCE_COLUMNS, row, strict=True) if v is not None
                )
                audience.append((kind_name, ref))
            links[name] = sorted(audience)
    return links


def get_values(store: PlanStore, kind_name: str, item_id: int) -> dict[str, Any]:
    """An item's editable values and links, with ``version`` (what a dialog shows)."""
    k = kind(kind_name)
    with store.read() as session:
        obj = session.get(k.model, item_id)
        if obj is None:
            raise NotFoundError(
                _("This {item} no longer exists (deleted elsewhere).").format(item=noun(k.name))
            )
        values = _row_values(obj, k)
        values.update(_links_of(session, k, item_id))
        values["version"] = obj.version
    return values


def _set_links(session: Session, k: Kind, item_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Replace an item's links; returns {link: [old, new]} for those that changed."""
    if not any(key in values for key in k.links):
        return {}
    current = _links_of(session, k, item_id)
    conn = session.connection()
    changed: dict[str, Any] = {}
    for name in k.links:
        if name not in values:
            continue
        old = {tuple(e) if isinstance(e, list) else e for e in current[name]}
        new = {tuple(e) if isinstance(e, list) else e for e in values[name] or []}
        if old == new:
            continue
        if name in PERSON_LINKS:
            model, owner, person = PERSON_LINKS[name]
            table = table_of(model)
            rows = [{owner: item_id, person: p, "version": 1} for p in new - old]
            gone: Any = table.c[person].in_(sorted(old - new))
        else:  # the audience, a ride's passengers
            group_model, owner = GROUP_LINKS[name]
            table = table_of(group_model)
            rows = [
                {
                    owner: item_id,
                    "version": 1,
                    **dict.fromkeys(AUDIENCE_COLUMNS.values()),
                    AUDIENCE_COLUMNS[e[0]]: e[1],
                }
                for e in new - old
            ]
            gone = or_(false(), *(table.c[AUDIENCE_COLUMNS[e[0]]] == e[1] for e in old - new))
        if old - new:
            conn.execute(sql_delete(table).where(table.c[owner] == item_id, gone))
        if rows:
            conn.execute(insert(table), rows)
        recorder(session).touch(table.name)
        changed[name] = [sorted(old), sorted(new)]
    return changed


# --- create, update, delete, restore ------------------------------------------------------------


def _raise_if_invalid(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def create(
    store: PlanStore, kind_name: str, values: dict[str, Any], action: str | None = None
) -> Created:
    """Add an item; returns its id."""
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is created with File ▸ New or 'planner new'."))
    merged = _normalise(k, {**k.defaults, **values})
    with store.transaction(action or _("Add {item}").format(item=noun(k.name))) as session:
        _fill_zones(session, k, merged, _plan(session).timezone)
        _raise_if_invalid(k.validator(session, merged, None))
        obj = k.model(**{key: merged[key] for key in k.fields if key in merged})
        session.add(obj)
        session.flush()
        links = _set_links(session, k, obj.id, merged)
        if links:
            recorder(session).record(k.model.__tablename__, obj.id, "update", links)
        new_id, version = obj.id, obj.version
    return Created(new_id, store.last_change, version)


ZONE_FIELDS = {
    "session": (("timezone", "start"),),
    "ride": (("timezone", "start"),),
    "travel": (("departs_tz", "departs_at"), ("arrives_tz", "arrives_at")),
}


def _fill_zones(session: Session, k: Kind, values: dict[str, Any], plan_zone: str) -> None:
    """Give a time without its zone column the zone of its place, else the plan's."""
    for zone_key, time_key in ZONE_FIELDS.get(k.name, ()):
        if values.get(zone_key) or values.get(time_key) is None:
            continue
        zone = plan_zone
        place_id = values.get("place_id")
        local_end = "arrives" if values.get("direction") == Direction.ARRIVAL else "departs"
        if k.name == "travel" and zone_key.startswith(local_end) and isinstance(place_id, int):
            place = session.get(Venue, place_id)
            zone = (place.timezone if place is not None else "") or plan_zone
        values[zone_key] = zone


def _plan(session: Session) -> Plan:
    plan = session.execute(select(Plan)).scalars().first()
    if plan is None:
        raise PlannerError(_("This plan file holds no plan."))
    return plan


def update(
    store: PlanStore,
    kind_name: str,
    item_id: int,
    values: dict[str, Any],
    expected_version: int | None = None,
    action: str | None = None,
) -> Updated:
    """Change some fields or links of an item.

    With ``expected_version``, refuse (``ConflictError``) if the item changed since it was read.
    """
    k = kind(kind_name)
    values = _normalise(k, values)
    try:
        return _update(store, k, item_id, values, expected_version, action)
    except ConflictError as exc:
        if exc.kind:  # deleted: nothing more to tell
            raise
        # changed since it was read, or at the same moment (the store's StaleDataError):
        # described once the transaction is over, with who did it and what it holds now
        raise _changed_elsewhere(store, k, item_id) from exc


def _changed_elsewhere(store: PlanStore, k: Kind, item_id: int) -> ConflictError:
    """The item as someone else left it, and who: for the window to offer a choice."""
    try:
        current = get_values(store, k.name, item_id)
    except NotFoundError:
        return ConflictError(
            _("This {item} was deleted elsewhere; nothing was changed.").format(item=noun(k.name)),
            kind=k.name,
            item_id=item_id,
        )
    with store.read() as session:
        who = _last_author(session, k, item_id)
    return ConflictError(
        _(
            "This {item} was changed elsewhere since you opened it (by {who}); nothing was"
            " changed. Look at it again and redo your change."
        ).format(item=noun(k.name), who=who),
        who=who,
        current=current,
        kind=k.name,
        item_id=item_id,
    )


def _update(
    store: PlanStore,
    k: Kind,
    item_id: int,
    values: dict[str, Any],
    expected_version: int | None,
    action: str | None,
) -> Updated:
    with store.transaction(action or _("Edit {item}").format(item=noun(k.name))) as session:
        obj = session.get(k.model, item_id)
        if obj is None:
            raise ConflictError(
                _("This {item} was deleted elsewhere; nothing was changed.").format(
                    item=noun(k.name)
                ),
                kind=k.name,
                item_id=item_id,
            )
        if expected_version is not None and obj.version != expected_version:
            raise ConflictError("")  # update() says who and what, after this transaction
        before = {**_row_values(obj, k), **_links_of(session, k, item_id)}
        values = {**_repairs(k, before), **values}
        merged = {**before, **values}
        if k.name in ZONE_FIELDS:
            filled = dict(merged)
            _fill_zones(session, k, filled, _plan(session).timezone)
            values.update(
                {key: filled[key] for key, _t in ZONE_FIELDS[k.name] if filled[key] != merged[key]}
            )
            merged = filled
        _raise_if_invalid(k.validator(session, merged, item_id))
        _apply_values(session, k, obj, values)
        if isinstance(obj, AgendaSession) and obj.kind == SessionKind.SITE_VISIT:
            _move_visit(session, obj.id, before, merged)
        version = obj.version
        old_values = {key: before[key] for key in values}
        new_values = dict(values)
    return Updated(item_id, old_values, new_values, version, store.last_change)


def _repairs(k: Kind, stored: dict[str, Any]) -> dict[str, Any]:
    """Stored text that holds control characters (saved by an older version), cleaned: any
    edit of the item repairs it instead of refusing the field the user did not touch."""
    return {
        key: clean_field(key, value).strip()
        for key, value in stored.items()
        if key in k.fields
        and isinstance(value, str)
        and clean_field(key, value).strip() != value.strip()
    }


def _move_visit(
    session: Session, visit_id: int, before: dict[str, Any], after: dict[str, Any]
) -> None:
    """A site visit moved whole (start and end by the same time): its stops and rides follow."""
    delta = after["start"] - before["start"]
    if not delta or after["end"] - before["end"] != delta:
        return
    for stop in session.execute(
        select(VisitStop).where(VisitStop.session_id == visit_id)
    ).scalars():
        if stop.arrives_at is not None:
            stop.arrives_at += delta
        if stop.leaves_at is not None:
            stop.leaves_at += delta
    for ride in session.execute(select(Ride).where(Ride.session_id == visit_id)).scalars():
        ride.start, ride.end = ride.start + delta, ride.end + delta
    session.flush()


def _apply_values(session: Session, k: Kind, obj: Entity, values: dict[str, Any]) -> None:
    """Set fields and links of an item; a change of links alone still counts a version."""
    for key in k.fields:
        if key in values and getattr(obj, key) != values[key]:
            setattr(obj, key, values[key])
    column_changed = session.is_modified(obj)
    session.flush()
    link_changes = _set_links(session, k, obj.id, values)
    if link_changes:
        recorder(session).record(k.model.__tablename__, obj.id, "update", link_changes)
        if not column_changed:
            table = table_of(k.model)
            session.connection().execute(
                sql_update(table).where(table.c.id == obj.id).values(version=table.c.version + 1)
            )
            session.expire(obj, ["version"])


def _last_author(session: Session, k: Kind, item_id: int) -> str:
    from planner.domain.model import ChangeLog, ChangeSet

    row = session.execute(
        select(ChangeSet.user_name, ChangeSet.at)
        .join(ChangeLog, ChangeLog.change_set_id == ChangeSet.id)
        .where(ChangeLog.entity == k.model.__tablename__, ChangeLog.entity_id == item_id)
        .order_by(ChangeSet.id.desc())
        .limit(1)
    ).first()
    return row[0] if row else _("someone else")


def _chunks(ids: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


@cache
def _referencing() -> dict[str, list[tuple[Table, str, str]]]:
    """For each table, the (child table, column, ondelete) of foreign keys pointing at it."""
    refs: dict[str, list[tuple[Table, str, str]]] = defaultdict(list)
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            assert isinstance(fk, ForeignKey)
            refs[fk.column.table.name].append(
                (table, fk.parent.name, (fk.ondelete or "NO ACTION").upper())
            )
    return refs


def _collect(
    session: Session, table: Table, ids: Sequence[int], snap: Snapshot, seen: set[tuple[str, int]]
) -> None:
    """Gather rows of ``table`` with ``ids`` and everything that cascades from them."""
    ids = [i for i in ids if (table.name, i) not in seen]
    if not ids:
        return
    conn = session.connection()
    found: list[int] = []
    for chunk in _chunks(ids):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            snap.rows.setdefault(table.name, []).append(dict(row))
            seen.add((table.name, row["id"]))
            found.append(row["id"])
    for child, column, ondelete in _referencing().get(table.name, []):
        for chunk in _chunks(found):
            if ondelete == "CASCADE":
                child_ids = list(
                    conn.execute(select(child.c.id).where(child.c[column].in_(chunk))).scalars()
                )
                _collect(session, child, child_ids, snap, seen)
            elif ondelete == "SET NULL":
                for row_id, value, version in conn.execute(
                    select(child.c.id, child.c[column], child.c.version).where(
                        child.c[column].in_(chunk)
                    )
                ):
                    snap.unlinked.append((child.name, column, row_id, value, version))


def _snapshot(session: Session, k: Kind, ids: Sequence[int]) -> Snapshot:
    snap = Snapshot(k.name, list(ids))
    _collect(session, table_of(k.model), list(ids), snap, set())
    deleted = {(t, r["id"]) for t, rows in snap.rows.items() for r in rows}
    snap.unlinked = [u for u in snap.unlinked if (u[0], u[2]) not in deleted]
    return snap


def deletion_impact(store: PlanStore, kind_name: str, ids: Sequence[int]) -> Impact:
    """What deleting these items takes with it, in words."""
    k = kind(kind_name)
    with store.read() as session:
        snap = _snapshot(session, k, ids)
    own = k.model.__tablename__
    lines: list[str] = []
    for table, rows in snap.rows.items():
        if table == own:
            continue
        line = _cascade_line(table, len(rows))
        if line:
            lines.append(line)
    unlinked: dict[tuple[str, str], int] = defaultdict(int)
    for table, column, *_rest in snap.unlinked:
        unlinked[(table, column)] += 1
    for (table, column), n in unlinked.items():
        line = _unlink_line(table, column, n)
        if line:
            lines.append(line)
    return Impact(snap.count(own), lines)


def _cascade_line(table: str, n: int) -> str:
    texts = {
        "person": lambda: ngettext("{n} person (a member)", "{n} people (its members)", n),
        "room": lambda: ngettext("{n} room", "{n} rooms", n),
        "group_member": lambda: ngettext("{n} group membership", "{n} group memberships", n),
        "session_audience": lambda: ngettext(
            "{n} place in a session's audience", "{n} places in sessions' audiences", n
        ),
        "session_facilitator": lambda: ngettext(
            "{n} facilitator assignment", "{n} facilitator assignments", n
        ),
        "participant_group": lambda: ngettext("{n} group", "{n} groups", n),
        "agenda_session": lambda: ngettext("{n} session", "{n} sessions", n),
        "travel": lambda: ngettext("{n} arrival or departure", "{n} arrivals and departures", n),
        "stay": lambda: ngettext("{n} hotel stay", "{n} hotel stays", n),
        "room_block": lambda: ngettext("{n} room block", "{n} room blocks", n),
        "road_time": lambda: ngettext("{n} road time", "{n} road times", n),
        "visit_stop": lambda: ngettext("{n} stop of a site visit", "{n} stops of site visits", n),
        "ride": lambda: ngettext("{n} ride", "{n} rides", n),
        "ride_passenger": lambda: ngettext("{n} seat on a ride", "{n} seats on rides", n),
        "unavailability": lambda: ngettext("{n} unavailable time", "{n} unavailable times", n),
        "attendance": lambda: ngettext("{n} attendance record", "{n} attendance records", n),
    }
    make = texts.get(table)
    return make().format(n=n) if make else ""


def _unlink_line(table: str, column: str, n: int) -> str:
    texts = {
        ("agenda_session", "room_id"): lambda: ngettext(
            "{n} session loses its room", "{n} sessions lose their room", n
        ),
        ("person", "organisation_id"): lambda: ngettext(
            "{n} person loses their organisation", "{n} people lose their organisation", n
        ),
        ("delegation", "organisation_id"): lambda: ngettext(
            "{n} delegation loses its organisation", "{n} delegations lose their organisation", n
        ),
        ("delegation", "head_id"): lambda: ngettext(
            "{n} delegation loses its head", "{n} delegations lose their head", n
        ),
        ("participant_group", "delegation_id"): lambda: ngettext(
            "{n} group is no longer tied to a delegation",
            "{n} groups are no longer tied to a delegation",
            n,
        ),
        ("stay", "block_id"): lambda: ngettext(
            "{n} hotel stay leaves its room block", "{n} hotel stays leave their room block", n
        ),
        ("vehicle", "driver_id"): lambda: ngettext(
            "{n} vehicle loses its driver", "{n} vehicles lose their driver", n
        ),
        ("ride", "vehicle_id"): lambda: ngettext(
            "{n} ride loses its vehicle", "{n} rides lose their vehicle", n
        ),
        ("travel", "place_id"): lambda: ngettext(
            "{n} arrival or departure loses its airport",
            "{n} arrivals and departures lose their airport",
            n,
        ),
        ("visit_stop", "venue_id"): lambda: ngettext(
            "{n} stop of a site visit loses its place",
            "{n} stops of site visits lose their place",
            n,
        ),
        ("plan", "arrival_airport_id"): lambda: ngettext(
            "the plan loses its arrival airport", "the plan loses its arrival airport", n
        ),
        ("plan", "per_diem_rate_id"): lambda: ngettext(
            "the plan loses its per diem rate: no per diem is counted until you choose another",
            "the plan loses its per diem rate: no per diem is counted until you choose another",
            n,
        ),
        ("budget_line", "funding_source_id"): lambda: ngettext(
            "{n} budget line loses its funding source",
            "{n} budget lines lose their funding source",
            n,
        ),
        ("budget_category", "funding_source_id"): lambda: ngettext(
            "{n} budget category loses its funding source",
            "{n} budget categories lose their funding source",
            n,
        ),
    }
    make = texts.get((table, column))
    return make().format(n=n) if make else ""


def delete(
    store: PlanStore,
    kind_name: str,
    ids: Sequence[int],
    action: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> Deleted:
    """Delete items and everything that belongs to them; returns a snapshot to undo it.

    With ``expected_versions`` ({id: version}), refuse (``ConflictError``) if any of the items
    changed since: an undo must never throw away someone else's later edit.
    """
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is deleted by deleting its file."))
    ids = list(dict.fromkeys(ids))
    label = action or ngettext("Delete {n} {item}", "Delete {n} {items}", len(ids)).format(
        n=len(ids), item=noun(k.name), items=noun(k.name, len(ids))
    )
    with store.transaction(label) as session:
        snap = _delete_in(session, k, ids, expected_versions)
    return Deleted(snap, store.last_change)


def _delete_in(
    session: Session, k: Kind, ids: list[int], expected_versions: dict[int, int] | None = None
) -> Snapshot:
    """Delete inside an open transaction; returns what is needed to put it all back."""
    snap = _snapshot(session, k, ids)
    own = k.model.__tablename__
    if len(snap.rows.get(own, [])) != len(ids):
        raise ConflictError(
            _(
                "Some of these items were already deleted elsewhere; nothing"
                " was deleted. The list is refreshed."
            )
        )
    if expected_versions:
        changed = [
            r["id"]
            for r in snap.rows[own]
            if expected_versions.get(r["id"], r["version"]) != r["version"]
        ]
        if changed:
            raise ConflictError(
                _(
                    "This {item} was changed elsewhere since (by {who}); it was not deleted."
                    " Look at it again and delete it yourself if it should go."
                ).format(item=noun(k.name), who=_last_author(session, k, changed[0]))
            )
    conn = session.connection()
    rec = recorder(session)
    tables = Base.metadata.tables
    for table_name, column, row_id, old_value, version in snap.unlinked:
        table = tables[table_name]
        conn.execute(
            sql_update(table)
            .where(table.c.id == row_id)
            .values({column: None, "version": version + 1})
        )
        rec.record(table_name, row_id, "update", {column: [old_value, None]})
    table = tables[own]
    for chunk in _chunks(ids):
        conn.execute(sql_delete(table).where(table.c.id.in_(chunk)))
    for row in snap.rows[own]:
        rec.record(own, row["id"], "delete", _detail(row))
    rec.touch(*snap.rows.keys())
    return snap


def _detail(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (value.isoformat() if isinstance(value, date | datetime) else value)
        for key, value in row.items()
        if key not in ("id", "version")
    }


def restore(store: PlanStore, snap: Snapshot, action: str | None = None) -> Change:
    """Put back what :func:`delete` removed, with the same ids and versions."""
    k = kind(snap.kind)
    label = action or ngettext("Restore {n} {item}", "Restore {n} {items}", len(snap.ids)).format(
        n=len(snap.ids), item=noun(k.name), items=noun(k.name, len(snap.ids))
    )
    with store.transaction(label) as session:
        _restore_in(session, snap)
    return store.last_change


def _restore_in(session: Session, snap: Snapshot) -> None:
    """Put rows back inside an open transaction (parents first, cycles patched after)."""
    own = kind(snap.kind).model.__tablename__ if snap.kind in KINDS else None
    tables = Base.metadata.tables
    order = [t.name for t in Base.metadata.sorted_tables]
    position = {name: i for i, name in enumerate(order)}
    conn = session.connection()
    rec = recorder(session)
    deferred: list[tuple[Table, int, dict[str, Any]]] = []
    for name in order:
        rows = snap.rows.get(name)
        if not rows:
            continue
        table = tables[name]
        # Foreign keys to tables restored later (a cycle) are set once those exist.
        late = [
            fk.parent.name
            for fk in table.foreign_keys
            if position[fk.column.table.name] >= position[name] and fk.parent.nullable
        ]
        prepared = []
        for row in rows:
            row = dict(row)
            patch = {c: row[c] for c in late if row.get(c) is not None}
            for c in patch:
                row[c] = None
            if patch:
                deferred.append((table, row["id"], patch))
            prepared.append(row)
        conn.execute(insert(table), prepared)
        rec.touch(name)
        if name == own or (own is None and name in TABLE_KIND):
            for row in rows:
                rec.record(name, row["id"], "insert", _detail(row))
    for table, row_id, patch in deferred:
        conn.execute(sql_update(table).where(table.c.id == row_id).values(patch))
    for table_name, column, row_id, value, version in snap.unlinked:
        table = tables[table_name]
        result = conn.execute(
            sql_update(table)
            .where(table.c.id == row_id, table.c.version == version + 1, table.c[column].is_(None))
            .values({column: value, "version": version})
        )
        if result.rowcount != 1:
            raise ConflictError(
                _(
                    "This cannot be undone: an item it touched was changed"
                    " elsewhere since. Nothing was changed."
                )
            )
        rec.record(table_name, row_id, "update", {column: [None, value]})


# --- the plan itself ----------------------------------------------------------------------------


def plan_values(store: PlanStore) -> dict[str, Any]:
    with store.read() as session:
        plan = _plan(session)
        values = _row_values(plan, KINDS["plan"])
        values["version"] = plan.version
        values["id"] = plan.id
    return values


def update_plan(
    store: PlanStore, values: dict[str, Any], expected_version: int | None = None
) -> Updated:
    with store.read() as session:
        plan_id = _plan(session).id
    return update(store, "plan", plan_id, values, expected_version, action=_("Edit plan details"))


def new_plan(
    path: Any,
    values: dict[str, Any],
    *,
    overwrite: bool = False,
    fill: Callable[[PlanStore], None] | None = None,
) -> PlanStore:
    """Create a plan file with its details (validated first) and open it."""
    from planner.store import create_plan_file

    k = KINDS["plan"]
    merged = _normalise(k, {**k.defaults, **values})
    errors = _validate_plan_values(merged)
    _raise_if_invalid(errors)

    def populate(store: PlanStore) -> None:
        with store.transaction(_("Create plan")) as session:
            session.add(Plan(**{key: merged[key] for key in k.fields if key in merged}))
        if fill is not None:
            fill(store)

    return create_plan_file(path, overwrite=overwrite, populate=populate)


def _validate_plan_values(values: dict[str, Any]) -> list[FieldError]:
    return _validate_plan(None, values, None)  # type: ignore[arg-type]  # needs no session


def validate_plan_values(values: dict[str, Any]) -> list[FieldError]:
    """Validate a new plan's details (the New Plan dialog, ``planner new``)."""
    return _validate_plan_values(_normalise(KINDS["plan"], {**KINDS["plan"].defaults, **values}))


def zone_of(store: PlanStore) -> ZoneInfo:
    with store.read() as session:
        return ZoneInfo(_plan(session).timezone)


# --- acknowledged problems and settings kept with the plan ----------------------------------


def acknowledgements(store: PlanStore) -> dict[str, str]:
    """{problem key: note} of the problems someone accepted."""
    with store.reading() as r:
        return dict(r.rows("SELECT problem_key, note FROM acknowledgement"))


def acknowledge(store: PlanStore, key: str, note: str | None) -> Change:
    """Accept a problem with a note (``note=None`` takes the acknowledgement back)."""
    from datetime import UTC

    from planner.domain.model import Acknowledgement

    if note is not None:
        note = clean_text(note, multiline=True)
    if note is not None and len(note) > 2000:
        raise ValidationError(
            [FieldError("note", _("The note is too long; keep it under 2,000 characters."))]
        )
    label = _("Accept a problem") if note is not None else _("Take back an accepted problem")
    with store.transaction(label) as session:
        row = (
            session.execute(select(Acknowledgement).where(Acknowledgement.problem_key == key))
            .scalars()
            .first()
        )
        if note is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                Acknowledgement(
                    problem_key=key, note=note.strip(), user_name=store.user, at=datetime.now(UTC)
                )
            )
        else:
            row.note, row.user_name, row.at = note.strip(), store.user, datetime.now(UTC)
    return store.last_change


def get_setting(store: PlanStore, key: str, default: Any = None) -> Any:
    """A setting kept in the plan (JSON), or ``default``."""
    import json

    with store.reading() as r:
        value = r.value("SELECT value FROM plan_setting WHERE key = :k", {"k": key})
    return default if value is None else json.loads(value)


def set_setting(store: PlanStore, key: str, value: Any) -> Change:
    import json

    from planner.domain.model import PlanSetting

    text = json.dumps(clean_value(value), ensure_ascii=False, sort_keys=True, default=str)
    with store.transaction(_("Change a plan setting")) as session:
        row = session.execute(select(PlanSetting).where(PlanSetting.key == key)).scalars().first()
        if row is None:
            session.add(PlanSetting(key=key, value=text))
        elif row.value != text:
            row.value = text
    return store.last_change


# --- a plan as the template of the next one -------------------------------------------------


def copy_plan(
    source: PlanStore,
    dest: Any,
    new_start: date,
    *,
    title: str | None = None,
    overwrite: bool = False,
    timezone: str | None = None,
) -> PlanStore:
    """Copy a plan to ``dest`` shifted to begin on ``new_start`` (the next exchange).

    Every day moves by the same number of days; sessions, unavailable times, flights, rides and
    visit stops keep their wall-clock times in their own zones, hotel nights their weekdays.
    With ``timezone`` the copy is planned in that zone: times in the plan's old zone keep their
    wall-clock times in the new one, and times in a zone this computer does not know keep
    their moment. The source is only read; the copy is complete before it appears under its
    name, and every message names the copy, not the file it is built in.
    """
    from pathlib import Path

    from planner.domain.inputs import unknown_zone_message, unknown_zones
    from planner.store import new_plan_path_problem, open_plan

    target = Path(dest)
    problem = new_plan_path_problem(target, overwrite=overwrite)
    if problem:
        raise PlannerError(problem)
    checker = _Checker({"title": None if title is None else clean_text(title)})
    if title is not None:
        title = checker.text("title", N_("Title"), 200, required=True)
    if timezone is not None:
        timezone = clean_text(timezone).strip()
        checker.values["timezone"] = timezone
        checker.zone("timezone", required=True)
    _raise_if_invalid(checker.errors)
    with source.reading() as r:
        first = r.value("SELECT start_date FROM plan ORDER BY id LIMIT 1")
        lacking = unknown_zones(r)
        span = r.rows(_DATES_SQL)[0]
    if lacking and timezone is None:
        raise PlannerError(
            unknown_zone_message(source.display_name, source.location, lacking, str(first)[:10])
        )
    days = (new_start - date.fromisoformat(str(first)[:10])).days
    _check_calendar(span, days, new_start)

    def shift(path: Path) -> None:
        try:
            copy = PlanStore(path)
            try:
                _shift_plan(copy, days, title, timezone)
            finally:
                copy.close()
        except PlannerError as exc:  # said of the copy, not of the file it is built in
            raise PlannerError(str(exc).replace(path.name, target.name)) from exc

    source.copy_to(target, prepare=shift)
    return open_plan(target)


def copy_in_zone(path: Any, dest: Any, timezone: str, *, overwrite: bool = False) -> PlanStore:
    """A copy of the plan file ``path`` on its own dates, planned in ``timezone``: the way to
    rescue a plan whose time zone this computer does not know (``copy --tz`` on the command
    line). The plan itself is only read."""
    from planner.store import open_plan

    source = open_plan(path, read_only=True, check_zones=False)
    try:
        with source.reading() as r:
            first = date.fromisoformat(
                str(r.value("SELECT start_date FROM plan ORDER BY id LIMIT 1"))[:10]
            )
        return copy_plan(source, dest, first, overwrite=overwrite, timezone=timezone)
    finally:
        source.close()


# The earliest and latest day of everything a copy moves.
_DATES_SQL = " ".join(
    (
        "SELECT min(d), max(d) FROM (",
        " UNION ALL ".join(
            f"SELECT {column} AS d FROM {table} WHERE {column} IS NOT NULL"
            for table, column in (
                ("plan", "start_date"),
                ("plan", "end_date"),
                ("agenda_session", "starts_at"),
                ("agenda_session", "ends_at"),
                ("unavailability", "starts_at"),
                ("unavailability", "ends_at"),
                ("travel", "departs_at"),
                ("travel", "arrives_at"),
                ("room_block", "check_in"),
                ("room_block", "check_out"),
                ("stay", "check_in"),
                ("stay", "check_out"),
                ("ride", "starts_at"),
                ("ride", "ends_at"),
                ("visit_stop", "arrives_at"),
                ("visit_stop", "leaves_at"),
                ("budget_line", "month"),
            )
        ),
        ") AS dates",
    )
)


def _check_calendar(span: Sequence[Any], days: int, new_start: date) -> None:
    """Refuse a shift that would move a date of the plan out of the calendar (years 1-9999),
    a day's margin kept for the time zones."""
    low, high = (date.fromisoformat(str(v)[:10]).toordinal() if v else None for v in span)
    if (
        low is not None
        and high is not None
        and not (date.min.toordinal() + 2 <= low + days and high + days <= date.max.toordinal() - 2)
    ):
        raise PlannerError(
            _(
                "Moving the plan to begin on {start} would put some of its dates outside the"
                " calendar (before the year 1 or after 9999). Choose a first day closer to today."
            ).format(start=new_start.isoformat())
        )


def _shift_plan(
    store: PlanStore, days: int, title: str | None, timezone: str | None = None
) -> None:
    from planner.domain.inputs import zone_known_here

    delta = timedelta(days=days)
    label = (
        ngettext("Copy the plan {n} day later", "Copy the plan {n} days later", days)
        if days >= 0
        else ngettext("Copy the plan {n} day earlier", "Copy the plan {n} days earlier", -days)
    )
    with store.transaction(label.format(n=abs(days))) as session:
        plan = _plan(session)
        old_zone = plan.timezone

        def zone_of_copy(zone: str | None) -> str:
            zone = zone or old_zone
            if timezone and (zone == old_zone or not zone_known_here(zone)):
                return timezone
            return zone

        def moved(moment: datetime, zone: str) -> datetime:
            new = ZoneInfo(zone_of_copy(zone))
            # a zone unknown here: the moment is kept (read in the new zone)
            old = ZoneInfo(zone) if zone_known_here(zone) else new
            local = moment.astimezone(old).replace(tzinfo=None) + delta
            return local.replace(tzinfo=new)

        plan.start_date += delta
        plan.end_date += delta
        if title is not None:
            plan.title = title
        for s in session.execute(select(AgendaSession)).scalars():
            s.start, s.end = moved(s.start, s.timezone), moved(s.end, s.timezone)
            s.timezone = zone_of_copy(s.timezone)
        for u in session.execute(select(Unavailability)).scalars():
            u.start, u.end = moved(u.start, old_zone), moved(u.end, old_zone)
        # the journey moves with the agenda: tickets, hotel nights, rides and visit stops
        for t in session.execute(select(Travel)).scalars():
            if t.departs_at is not None:
                t.departs_at = moved(t.departs_at, t.departs_tz or old_zone)
            if t.arrives_at is not None:
                t.arrives_at = moved(t.arrives_at, t.arrives_tz or old_zone)
            if timezone:
                t.departs_tz = zone_of_copy(t.departs_tz) if t.departs_tz else t.departs_tz
                t.arrives_tz = zone_of_copy(t.arrives_tz) if t.arrives_tz else t.arrives_tz
        for block in session.execute(select(RoomBlock)).scalars():
            block.check_in, block.check_out = block.check_in + delta, block.check_out + delta
        for stay in session.execute(select(Stay)).scalars():
            stay.check_in, stay.check_out = stay.check_in + delta, stay.check_out + delta
        for ride in session.execute(select(Ride)).scalars():
            zone = ride.timezone or old_zone
            ride.start, ride.end = moved(ride.start, zone), moved(ride.end, zone)
            if timezone and ride.timezone:
                ride.timezone = zone_of_copy(ride.timezone)
        old_start = plan.start_date - delta
        months = (plan.start_date.year - old_start.year) * 12 + (
            plan.start_date.month - old_start.month
        )
        for line in session.execute(select(BudgetLine)).scalars():
            if line.month is not None:  # a hand-entered cost keeps its month in the plan
                index = line.month.year * 12 + line.month.month - 1 + months
                line.month = date(index // 12, index % 12 + 1, 1)
        for stop in session.execute(select(VisitStop)).scalars():
            if stop.arrives_at is not None:
                stop.arrives_at = moved(stop.arrives_at, old_zone)
            if stop.leaves_at is not None:
                stop.leaves_at = moved(stop.leaves_at, old_zone)
        if timezone:
            for venue in session.execute(select(Venue)).scalars():
                if venue.timezone:
                    venue.timezone = zone_of_copy(venue.timezone)
            plan.timezone = timezone


def create_many(
    store: PlanStore, kind_name: str, items: Sequence[dict[str, Any]], action: str | None = None
) -> list[int]:
    """Add several items in one transaction (paste, repeat on several days): all or none."""
    k = kind(kind_name)
    if k.name == "plan":
        raise PlannerError(_("A plan is created with File ▸ New or 'planner new'."))
    label = action or ngettext("Add {n} {item}", "Add {n} {items}", len(items)).format(
        n=len(items), item=noun(k.name), items=noun(k.name, len(items))
    )
    with store.transaction(label) as session:
        zone = _plan(session).timezone
        ids = [_create_in(session, k, values, zone) for values in items]
    return ids


def _create_in(session: Session, k: Kind, values: dict[str, Any], zone: str) -> int:
    merged = _normalise(k, {**k.defaults, **values})
    _fill_zones(session, k, merged, zone)
    _raise_if_invalid(k.validator(session, merged, None))
    obj = k.model(**{key: merged[key] for key in k.fields if key in merged})
    session.add(obj)
    session.flush()
    links = _set_links(session, k, obj.id, merged)
    if links:
        recorder(session).record(k.model.__tablename__, obj.id, "update", links)
    return obj.id


@dataclass(frozen=True)
class Replaced:
    removed: Snapshot
    created: list[int]
    change: Change


def replace_items(
    store: PlanStore,
    kind_name: str,
    remove_ids: Sequence[int],
    add_items: Sequence[dict[str, Any]] = (),
    add_snapshot: Snapshot | None = None,
    action: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> Replaced:
    """Remove some items and add others in one transaction (accepting a generated rotation,
    and undoing or redoing it): all of it or nothing."""
    k = kind(kind_name)
    label = action or _("Replace {items}").format(items=noun(k.name, 2))
    with store.transaction(label) as session:
        ids = list(dict.fromkeys(remove_ids))
        removed = _delete_in(session, k, ids, expected_versions) if ids else Snapshot(k.name, [])
        if add_snapshot is not None:
            _restore_in(session, add_snapshot)
            created = list(add_snapshot.ids)
        else:
            zone = _plan(session).timezone
            created = [_create_in(session, k, values, zone) for values in add_items]
    return Replaced(removed, created, store.last_change)


# --- a batch of changes made as one action (an import) --------------------------------------


@dataclass
class Batch:
    """What one action added and changed, to undo and redo it exactly.

    ``created``: table -> ids of the rows it added; ``updated``: (kind, id, old values, new
    values, version after the change). After an undo, ``snapshot`` holds the added rows so a
    redo puts them back with the same ids.
    """

    label: str
    created: dict[str, list[int]] = field(default_factory=dict)
    updated: list[tuple[str, int, dict[str, Any], dict[str, Any], int]] = field(
        default_factory=list
    )
    snapshot: Snapshot | None = None
    change: Change | None = None
    removed: Snapshot | None = None  # items the action deleted (a merge), with what went along

    def add(self, table: str, row_id: int) -> None:
        self.created.setdefault(table, []).append(row_id)


Known = Callable[[str, int, int], int | None]  # (kind, id, version we last saw) -> version now


def _reapply(
    session: Session,
    updates: list[tuple[str, int, dict[str, Any], dict[str, Any], int]],
    use_old: bool,
    known: Known | None = None,
) -> list[Any]:
    result = []
    for kind_name, item_id, old, new, version in updates:
        k = kind(kind_name)
        if known is not None:
            version = known(kind_name, item_id, version) or version
        obj = session.get(k.model, item_id)
        if obj is None or obj.version != version:
            raise ConflictError(
                _(
                    "This cannot be undone: {item} was changed elsewhere since (by {who}). Nothing"
                    " was changed."
                ).format(item=noun(k.name), who=_last_author(session, k, item_id))
            )
        _apply_values(session, k, obj, old if use_old else new)
        result.append((kind_name, item_id, old, new, obj.version))
    return result


def undo_batch(store: PlanStore, batch: Batch, known: Known | None = None) -> Change:
    """Take back a whole batch in one transaction (refused if someone changed it since).

    ``known`` gives the versions this window itself left items at (its own later edits,
    since undone, are not someone else's changes)."""
    order = [t.name for t in Base.metadata.sorted_tables]
    with store.transaction(_("Undo: {action}").format(action=batch.label)) as session:
        if batch.removed is not None:
            _restore_in(session, batch.removed)
        reverted = _reapply(session, list(reversed(batch.updated)), use_old=True, known=known)
        batch.updated = list(reversed(reverted))
        snap = Snapshot("batch", [])
        seen: set[tuple[str, int]] = set()
        tables = Base.metadata.tables
        for name in reversed(order):
            ids = batch.created.get(name)
            if ids:
                _collect(session, tables[name], ids, snap, seen)
        for name, ids in batch.created.items():
            kind_name = TABLE_KIND.get(name)
            changed = [
                r["id"]
                for r in snap.rows.get(name, [])
                if r["id"] in set(ids)
                and r.get("version", 1)
                != ((known(kind_name, r["id"], 1) or 1) if known and kind_name else 1)
            ]
            if changed and name in TABLE_KIND:
                k = kind(TABLE_KIND[name])
                raise ConflictError(
                    _(
                        "This cannot be undone: {item} was changed elsewhere since (by {who})."
                        " Nothing was changed."
                    ).format(item=noun(k.name), who=_last_author(session, k, changed[0]))
                )
        conn = session.connection()
        rec = recorder(session)
        for name in reversed(order):
            ids = batch.created.get(name)
            if not ids:
                continue
            table = tables[name]
            for chunk in _chunks(ids):
                conn.execute(sql_delete(table).where(table.c.id.in_(chunk)))
            if name in TABLE_KIND:
                for row_id in ids:
                    rec.record(name, row_id, "delete")
        rec.touch(*snap.rows.keys())
        batch.snapshot = snap
    return store.last_change


def redo_batch(store: PlanStore, batch: Batch, known: Known | None = None) -> Change:
    """Do an undone batch again, with the same ids."""
    assert batch.snapshot is not None
    with store.transaction(batch.label) as session:
        _restore_in(session, batch.snapshot)
        batch.updated = _reapply(session, batch.updated, use_old=False, known=known)
        if batch.removed is not None:
            k = kind(batch.removed.kind)
            versions = {
                r["id"]: r["version"] for r in batch.removed.rows.get(k.model.__tablename__, [])
            }
            batch.removed = _delete_in(session, k, list(batch.removed.ids), versions)
    return store.last_change


def merge_people(store: PlanStore, keep: int, others: Sequence[int]) -> Batch:
    """Merge people found twice into ``keep``: their groups, sessions, facilitating, modules,
    unavailable times and headships move to ``keep``, blank fields of ``keep`` are filled
    from them, and they are deleted. One transaction; the Batch undoes it exactly."""
    from planner.domain.model import ModuleTrainer, SessionAudience, SessionFacilitator

    others = [o for o in dict.fromkeys(others) if o != keep]
    if not others:
        raise PlannerError(_("Choose at least two people to merge."))
    k = kind("person")
    with store.read() as session:
        names = [
            p.full_name
            for p in session.execute(select(Person).where(Person.id.in_([keep, *others]))).scalars()
        ]
    if len(names) != len(others) + 1:
        raise ConflictError(_("Some of these people were deleted elsewhere; nothing was merged."))
    label = ngettext(
        "Merge {n} person into {name}", "Merge {n} people into {name}", len(others)
    ).format(n=len(others), name=ops_name(store, keep))
    batch = Batch(label)
    with store.transaction(label) as session:
        conn = session.connection()
        target = session.get(Person, keep)
        assert target is not None
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for other_id in others:
            other = session.get(Person, other_id)
            assert other is not None
            for key in k.fields:
                mine, theirs = getattr(target, key), getattr(other, key)
                if isinstance(theirs, str):  # kept by an older version: cleaned on its way
                    theirs = clean_field(key, theirs).strip()
                if mine in (None, "") and theirs not in (None, "") and key not in new:
                    old[key], new[key] = mine, theirs
        if new:
            for key, value in new.items():
                setattr(target, key, value)
            session.flush()
            batch.updated.append(("person", keep, old, new, target.version))
        for model, owner in (
            (GroupMember, "group_id"),
            (SessionFacilitator, "session_id"),
            (ModuleTrainer, "module_id"),
        ):
            table = table_of(model)
            have = set(
                conn.execute(select(table.c[owner]).where(table.c.person_id == keep)).scalars()
            )
            wanted = (
                set(
                    conn.execute(
                        select(table.c[owner]).where(table.c.person_id.in_(others))
                    ).scalars()
                )
                - have
            )
            for ref in sorted(wanted):
                row_id = conn.execute(
                    insert(table).values({owner: ref, "person_id": keep, "version": 1})
                ).inserted_primary_key
                assert row_id is not None
                batch.add(table.name, int(row_id[0]))
        audience = table_of(SessionAudience)
        have = set(
            conn.execute(
                select(audience.c.session_id).where(audience.c.person_id == keep)
            ).scalars()
        )
        for sid in sorted(
            set(
                conn.execute(
                    select(audience.c.session_id).where(audience.c.person_id.in_(others))
                ).scalars()
            )
            - have
        ):
            row_id = conn.execute(
                insert(audience).values(
                    session_id=sid, person_id=keep, group_id=None, delegation_id=None, version=1
                )
            ).inserted_primary_key
            assert row_id is not None
            batch.add("session_audience", int(row_id[0]))
        unavailable = table_of(Unavailability)
        for row in conn.execute(
            select(unavailable).where(unavailable.c.person_id.in_(others))
        ).mappings():
            values = {key: row[key] for key in ("starts_at", "ends_at", "note")}
            row_id = conn.execute(
                insert(unavailable).values(person_id=keep, version=1, **values)
            ).inserted_primary_key
            assert row_id is not None
            batch.add("unavailability", int(row_id[0]))
        for delegation in session.execute(
            select(Delegation).where(Delegation.head_id.in_(others))
        ).scalars():
            old_head = delegation.head_id
            delegation.head_id = keep
            session.flush()
            batch.updated.append(
                (
                    "delegation",
                    delegation.id,
                    {"head_id": old_head},
                    {"head_id": keep},
                    delegation.version,
                )
            )
        batch.removed = _delete_in(session, k, others)
        recorder(session).touch(
            "person",
            "group_member",
            "session_audience",
            "session_facilitator",
            "module_trainer",
            "unavailability",
        )
    batch.change = store.last_change
    return batch


def ops_name(store: PlanStore, person_id: int) -> str:
    with store.reading() as r:
        row = r.rows("SELECT given_name, family_name FROM person WHERE id = :id", {"id": person_id})
    return " ".join(p for p in row[0] if p) if row else "?"


def duplicate_people(store: PlanStore) -> list[list[int]]:
    """People found twice in the plan: the same ID or passport number, the same email, or the
    same name and date of birth. Each list is one person's records, oldest first."""
    import re as _re

    from planner.domain.reference import fold

    with store.reading() as r:
        rows = r.rows(
            "SELECT id, given_name, family_name, birth_date, id_number, email"
            " FROM person ORDER BY id"
        )
    parent: dict[int, int] = {row[0]: row[0] for row in rows}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: dict[tuple[str, str], int] = {}
    for pid, given, family, born, id_number, email in rows:
        keys = []
        if id_number:
            keys.append(("id", _re.sub(r"[\s\-./]", "", id_number).upper()))
        if email:
            keys.append(("email", email.lower()))
        if born:
            keys.append(("name", " ".join(fold(f"{given} {family}").split()) + str(born)[:10]))
        for key in keys:
            if key in seen:
                parent[find(pid)] = find(seen[key])
            else:
                seen[key] = pid
    groups: dict[int, list[int]] = defaultdict(list)
    for pid in parent:
        groups[find(pid)].append(pid)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
