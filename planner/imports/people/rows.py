"""A roster's rows checked one by one (values read, errors and warnings found) and matched
against the plan and each other: new people, updates of people already in the plan, repeats.
The :class:`Preview` holds them until the import is written or cancelled."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.inputs import MULTILINE_FIELDS, clean_field, clean_text
from planner.domain.labels import Role, noun
from planner.domain.reference import fold
from planner.imports.people.cells import (
    DATE_RE,
    country_code,
    parse_date,
    parse_flight,
    parse_moment,
    parse_role,
    parse_sex,
    text_of,
)
from planner.imports.people.mapping import FIELDS, field_label
from planner.imports.readers import Table, column_letter
from planner.queries.matching import id_key, person_key

NEW, UPDATE, DUPLICATE, ERROR = "new", "update", "duplicate", "error"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
TRAVEL_FIELDS = ("arrival_flight", "arrival_at", "departure_flight", "departure_at")
# limits follow the plan's columns
MAX_LENGTH = {
    "given_name": 100,
    "family_name": 100,
    "position": 200,
    "duty_station": 200,
    "email": 200,
    "phone": 60,
    "id_number": 60,
    "languages": 200,
    "dietary_needs": 200,
    "accessibility_needs": 200,
    "notes": 4000,
    "organisation": 200,
    "delegation": 200,
    "group": 100,
    "role_other": 100,
}


@dataclass(slots=True)
class RowResult:
    row: int
    status: str
    values: dict[str, Any]
    name: str
    reasons: list[str] = field(default_factory=list)  # errors
    warnings: list[str] = field(default_factory=list)
    match_id: int | None = None  # the person already in the plan
    same_as_row: int | None = None  # an earlier row of the file
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    note: str = ""  # why a row is an update or a duplicate
    # the values as checked, before rows merged: ``values`` is this very dict until a later
    # row merges into this one (then a copy), so a large file keeps one dict per row
    checked: dict[str, Any] = field(default_factory=dict)


@dataclass
class Preview:
    table: Table
    mapping: dict[str, str | None]
    rows: list[RowResult]
    day_first: bool
    delegation: str
    organisation: str
    group: str
    new_names: dict[str, list[str]]  # "organisation" | "delegation" | "group" -> names to create

    @property
    def unmapped(self) -> list[str]:
        return [h for h, f in self.mapping.items() if f is None]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.status == ERROR]


class Cancelled(Exception):
    """The user cancelled a long import; nothing was changed."""


class InvalidRows(PlannerError):
    """Some rows have errors and the user did not ask to skip them: nothing was imported."""


def match_rows(pv: Preview, existing: dict[str, Any]) -> None:
    """Mark every checked row as new, an update or a duplicate against ``existing`` (what
    the plan holds) and the rows before it, and name the organisations, delegations and
    groups the import would create. Done by the preview, and again when the import is
    written, inside its transaction, where the plan may hold more than when the preview
    ran."""
    seen: dict[str, dict[Any, RowResult]] = {"id": {}, "email": {}, "name": {}}
    new_names: dict[str, set[str]] = defaultdict(set)
    chosen = {"organisation": pv.organisation, "delegation": pv.delegation, "group": pv.group}
    for kind, name in chosen.items():
        if name and fold(name).strip() not in existing[_plural(kind)]:
            new_names[kind].add(name)
    for result in pv.rows:
        if not result.checked:
            result.checked = result.values
        if result.status != ERROR:  # as checked: the plan plays no part in a row's errors
            result.status, result.values = NEW, result.checked
            result.match_id = result.same_as_row = None
            result.note = ""
            if result.changes:
                result.changes = {}
        for kind in ("organisation", "delegation", "group"):
            name = result.values.get(kind) or chosen[kind]
            if name and fold(name).strip() not in existing[_plural(kind)]:
                new_names[kind].add(name.strip())
        if result.status != ERROR:
            _match(result, existing, seen)
    pv.new_names = {k: sorted(v, key=fold) for k, v in new_names.items()}


def chosen_name(kind: str, name: str) -> str:
    """A name typed for everyone of the file (--delegation, the import dialog): cleaned of
    control characters and refused when longer than the plan keeps."""
    name = " ".join(clean_text(name or "").split())
    if len(name) > MAX_LENGTH[kind]:
        raise PlannerError(
            _(
                "The {what} name is too long ({length} characters, at most {limit}); shorten it."
            ).format(what=noun(kind), length=len(name), limit=MAX_LENGTH[kind])
        )
    return name


def _plural(kind: str) -> str:
    return {"organisation": "orgs", "delegation": "delegations", "group": "groups"}[kind]


def guess_day_first(table: Table, cols: list[int], spanish: bool) -> bool:
    """Whether text dates put the day first: decided by the dates themselves when any is
    unambiguous (13/05/1990), else day-first (Spanish and most of the world)."""
    for _row, cells in table.rows:
        for col in cols:
            match = DATE_RE.match(text_of(cells[col]).strip()) if col < len(cells) else None
            if match and len(match.group(1)) <= 2:
                a, b = int(match.group(1)), int(match.group(2))
                if a > 12 >= b:
                    return True
                if b > 12 >= a:
                    return False
    return True  # Spanish files and most of the world write the day first


def check_row(
    table: Table, row_number: int, cells: list[Any], columns: dict[str, list[int]], day_first: bool
) -> RowResult:
    values: dict[str, Any] = {}
    reasons: list[str] = []
    warnings: list[str] = []
    for target, cols in columns.items():
        parts = []
        for col in cols:
            if (row_number, col) in table.errors:
                warnings.append(
                    _("cell {cell} holds an Excel error value; it is read as empty").format(
                        cell=f"{column_letter(col)}{row_number}"
                    )
                )
                continue
            value = cells[col] if col < len(cells) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            parts.append(value)
        if not parts:
            continue
        if target in ("arrival_at", "departure_at"):
            label = _("arrival") if target == "arrival_at" else _("departure")
            try:
                values[target] = parse_moment(parts, day_first)
            except ValueError as exc:
                reasons.append(_("{what}: {reason}").format(what=label, reason=exc))
            continue
        if target == "birth_date":
            raw = parts[0]
            try:
                born = parse_date(raw, day_first)
            except ValueError as exc:
                reasons.append(_("date of birth: {reason}").format(reason=exc))
                continue
            today = date.today()
            if born > today:
                reasons.append(
                    _("the date of birth {value} is in the future").format(value=born.isoformat())
                )
            elif born.year < 1900:
                reasons.append(
                    _("the date of birth {value} is before 1900").format(value=born.isoformat())
                )
            else:
                values["birth_date"] = born
        elif target in MULTILINE_FIELDS:  # notes keep their lines (control characters gone)
            values[target] = "\n".join(
                clean_field(target, p).strip() if isinstance(p, str) else text_of(p) for p in parts
            )
        else:
            values[target] = " ".join(text_of(p) for p in parts)
    full = values.pop("full_name", "")
    if full and not values.get("given_name") and not values.get("family_name"):
        given, _sep, family = full.partition(" ")
        values["given_name"], values["family_name"] = given, family
    given, family = values.get("given_name", ""), values.get("family_name", "")
    name = f"{given} {family}".strip()
    if not name:
        reasons.append(_("no name: give at least a given name or a family name"))
    if "sex" in values:
        try:
            values["sex"] = parse_sex(values["sex"])
        except ValueError as exc:
            reasons.append(str(exc))
    if "role" in values:
        role, other = parse_role(values["role"])
        if role == Role.OTHER:
            warnings.append(
                _("role '{value}' is not one the plan knows; kept as 'other'").format(value=other)
            )
        values["role"], values["role_other"] = role, other
    if "email" in values:
        email = values["email"].strip()
        if not EMAIL_RE.match(email):
            warnings.append(
                _("'{value}' is not an email address; it is left out").format(value=email)
            )
            del values["email"]
        else:
            values["email"] = email
    if "nationality" in values:
        code = country_code(values["nationality"])
        if code is None:
            warnings.append(
                _(
                    "nationality '{value}' is not a country the program knows; it is left out"
                ).format(value=values["nationality"])
            )
            del values["nationality"]
        else:
            values["nationality"] = code
    arrival, departure = values.get("arrival_at"), values.get("departure_at")
    if arrival and departure and departure <= arrival:
        reasons.append(
            _("the departure ({departure}) is not after the arrival ({arrival})").format(
                departure=departure.isoformat(" ", "minutes"),
                arrival=arrival.isoformat(" ", "minutes"),
            )
        )
    for direction in ("arrival", "departure"):
        flight = values.get(f"{direction}_flight")
        if flight and not values.get(f"{direction}_at"):
            warnings.append(
                _("{what} {flight} has no date and time; it is left out").format(
                    what=_("arrival flight") if direction == "arrival" else _("departure flight"),
                    flight=flight,
                )
            )
    for key, limit in MAX_LENGTH.items():
        if isinstance(values.get(key), str) and len(values[key]) > limit:
            reasons.append(
                _("{field} is too long ({length} characters, at most {limit})").format(
                    field=field_label(key) if key in FIELDS else key,
                    length=len(values[key]),
                    limit=limit,
                )
            )
    status = ERROR if reasons else NEW
    return RowResult(row_number, status, values, name, reasons, warnings)


def _match(
    result: RowResult, existing: dict[str, Any], seen: dict[str, dict[Any, RowResult]]
) -> None:
    """Mark a row as repeating an earlier row (merged into it), or as someone already in the
    plan (an update, where a blank cell never erases a value)."""
    v = result.values
    keys: list[tuple[str, Any]] = []
    if v.get("id_number"):
        keys.append(("id", id_key(v["id_number"])))
    if v.get("email"):
        keys.append(("email", v["email"].lower()))
    if v.get("birth_date"):
        keys.append(
            (
                "name",
                (
                    person_key(v.get("given_name", ""), v.get("family_name", "")),
                    v["birth_date"].isoformat(),
                ),
            )
        )
    for kind, key in keys:
        earlier = seen[kind].get(key)
        if earlier is not None:
            result.status, result.same_as_row = DUPLICATE, earlier.row
            result.note = _(
                "the same person as row {row} (same {what}); the rows are merged"
            ).format(row=earlier.row, what=_what(kind))
            for name, value in v.items():
                if value not in (None, "") and earlier.values.get(name) in (None, ""):
                    if earlier.values is earlier.checked:
                        earlier.values = dict(earlier.checked)  # keep what was checked
                    earlier.values[name] = value
            return
    for kind, key in keys:
        seen[kind].setdefault(key, result)
    for kind, key in keys:
        person = existing[{"id": "by_id", "email": "by_email", "name": "by_name"}[kind]].get(key)
        if person is None:
            continue
        result.match_id = person["id"]
        trips = existing["travel"].get(person["id"], {})
        for direction in ("arrival", "departure"):
            at = v.get(f"{direction}_at")
            if at is None:
                continue
            known = trips.get(direction)
            flight = v.get(f"{direction}_flight", "")
            number = parse_flight(flight)[2] if flight else ""
            if known is None or known[2] != at or (number and known[1] != number):
                result.changes[f"{direction}_at"] = (known[2] if known else None, at)
        for name, value in v.items():
            if (
                name in ("organisation", "delegation", "group")
                or name in TRAVEL_FIELDS
                or value in (None, "")
            ):
                continue
            old = person.get(name)
            if isinstance(old, str) and name == "birth_date":
                old = date.fromisoformat(old[:10])
            if old != value:
                result.changes[name] = (old, value)
        if result.changes or v.get("group"):
            result.status = UPDATE
            result.note = _("already in the plan (same {what}); it is updated").format(
                what=_what(kind)
            )
        else:
            result.status = DUPLICATE
            result.note = _("already in the plan (same {what}); nothing to change").format(
                what=_what(kind)
            )
        return


def _what(kind: str) -> str:
    return {
        "id": _("ID or passport number"),
        "email": _("email"),
        "name": _("name and date of birth"),
    }[kind]
