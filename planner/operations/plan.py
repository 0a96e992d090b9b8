"""The plan itself: its details and settings, making a new plan, copying a plan to new
dates (the next exchange), accepting problems, and loading a plan built whole (the demo).
The plan's own kind ("plan": title, dates, zone, currency, rates) is defined here.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from planner.domain.errors import FieldError, PlannerError, ValidationError
from planner.domain.i18n import N_, _, ngettext
from planner.domain.inputs import (
    clean_text,
    clean_value,
    unknown_zone_message,
    unknown_zones,
    zone_known_here,
)
from planner.domain.model import (
    Acknowledgement,
    AgendaSession,
    BudgetLine,
    ExportRecord,
    PerDiemRate,
    Plan,
    PlanSetting,
    Ride,
    RoomBlock,
    Stay,
    Travel,
    Unavailability,
    Venue,
    VisitStop,
    table_of,
)
from planner.domain.reference import currency_codes, timezones
from planner.operations.deletion import insert_rows
from planner.operations.items import Updated, normalise, plan_of, row_values, update
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation, raise_if_invalid
from planner.queries.dates import date_span, first_day
from planner.store import (
    Change,
    PlanStore,
    create_plan_file,
    new_plan_path_problem,
    open_plan,
    recorder,
)
from planner.store.files import zones_used

# What a certificate number may start with ("TEG-2023" gives TEG-2023-0001).
CERTIFICATE_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
PERCENT_FIELDS = (
    ("indirect_rate", N_("Indirect support")),
    ("breakfast_deduction", N_("Breakfast provided")),
    ("lunch_deduction", N_("Lunch provided")),
    ("dinner_deduction", N_("Dinner provided")),
    ("lodging_deduction", N_("Lodging provided")),
    ("last_day_share", N_("Last day paid at")),
)


def _validate_plan(session: Session, v: dict[str, Any], own_id: int | None) -> list[FieldError]:
    c = Validation(v)
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
    c.whole("completion_percent", N_("Completion"), 0, 100)
    c.text("certificate_prefix", N_("Certificate numbers"), 40)
    prefix = str(v.get("certificate_prefix") or "")
    if prefix and not CERTIFICATE_PREFIX.match(prefix):
        c.add(
            "certificate_prefix",
            _("Certificate numbers start with letters, digits and hyphens only, such as TEG-2023."),
        )
    if own_id is not None:  # a new plan has no places or rates yet
        c.exists(session, "arrival_airport_id", Venue, N_("airport"))
        c.exists(session, "per_diem_rate_id", PerDiemRate, N_("per diem rate"))
    return c.errors


PLAN = Kind(
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
        "completion_percent",
        "certificate_prefix",
    ),
    _validate_plan,
    {"currency": "USD", "completion_percent": 80},
    upper=("country", "currency"),
)
register(PLAN)


# --- the plan itself ----------------------------------------------------------------------------


def plan_values(store: PlanStore) -> dict[str, Any]:
    with store.read() as session:
        plan = plan_of(session)
        values = row_values(plan, PLAN)
        values["version"] = plan.version
        values["id"] = plan.id
    return values


def update_plan(
    store: PlanStore, values: dict[str, Any], expected_version: int | None = None
) -> Updated:
    with store.read() as session:
        plan_id = plan_of(session).id
    return update(store, "plan", plan_id, values, expected_version, action=_("Edit plan details"))


def new_plan(
    path: Any,
    values: dict[str, Any],
    *,
    overwrite: bool = False,
    fill: Callable[[PlanStore], None] | None = None,
    action: str | None = None,
) -> PlanStore:
    """Create a plan file with its details (validated first) and open it; ``action`` names the
    creation in the history (else "Create plan" in the current language)."""

    k = PLAN
    merged = normalise(k, {**k.defaults, **values})
    errors = _validate_plan_values(merged)
    raise_if_invalid(errors)

    def populate(store: PlanStore) -> None:
        with store.transaction(action or _("Create plan")) as tx:
            session = tx.session
            session.add(Plan(**{key: merged[key] for key in k.fields if key in merged}))
        if fill is not None:
            fill(store)

    return create_plan_file(path, overwrite=overwrite, populate=populate)


def _validate_plan_values(values: dict[str, Any]) -> list[FieldError]:
    return _validate_plan(None, values, None)  # type: ignore[arg-type]  # needs no session


def validate_plan_values(values: dict[str, Any]) -> list[FieldError]:
    """Validate a new plan's details (the New Plan dialog, ``planner new``)."""
    return _validate_plan_values(normalise(PLAN, {**PLAN.defaults, **values}))


def zone_of(store: PlanStore) -> ZoneInfo:
    with store.read() as session:
        return ZoneInfo(plan_of(session).timezone)


# --- acknowledged problems and settings kept with the plan ----------------------------------


def acknowledge(store: PlanStore, key: str, note: str | None) -> Change:
    """Accept a problem with a note (``note=None`` takes the acknowledgement back)."""

    if note is not None:
        note = clean_text(note, multiline=True)
    if note is not None and len(note) > 2000:
        raise ValidationError(
            [FieldError("note", _("The note is too long; keep it under 2,000 characters."))]
        )
    label = _("Accept a problem") if note is not None else _("Take back an accepted problem")
    with store.transaction(label) as tx:
        session = tx.session
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
    return tx.change


def set_setting(store: PlanStore, key: str, value: Any) -> Change:

    text = json.dumps(clean_value(value), ensure_ascii=False, sort_keys=True, default=str)
    with store.transaction(_("Change a plan setting")) as tx:
        session = tx.session
        row = session.execute(select(PlanSetting).where(PlanSetting.key == key)).scalars().first()
        if row is None:
            session.add(PlanSetting(key=key, value=text))
        elif row.value != text:
            row.value = text
    return tx.change


# --- a plan as the template of the next one -------------------------------------------------


def note_export(
    store: PlanStore, kind: str, change: int, agendas: Iterable[tuple[int, str]]
) -> None:
    """Remember what delegations' agendas held at an export (``agendas``: pairs of a
    delegation id and its agenda as JSON, made one at a time), for "what changed" next time.
    Not an edit: no change set, nothing to undo; a read-only plan notes nothing. Written in
    pieces inside one transaction: a whole plan's thousands of agendas are never all held."""
    if store.read_only:
        return
    now = datetime.now(UTC)
    pending = iter(agendas)
    first = next(pending, None)
    if first is None:
        return
    with store.transaction(_("Note what an export held")) as tx:
        insert, connection = table_of(ExportRecord).insert(), tx.session.connection()
        rows: list[dict[str, Any]] = []
        for delegation, agenda in itertools.chain((first,), pending):
            rows.append(
                {
                    "version": 1,
                    "at": now,
                    "user_name": store.user,
                    "kind": kind,
                    "delegation_id": delegation,
                    "change_set_id": change,
                    "snapshot": agenda,
                }
            )
            if len(rows) == 200:
                connection.execute(insert, rows)
                rows = []
        if rows:
            connection.execute(insert, rows)


def note_supplier_export(
    store: PlanStore,
    kind: str,
    change: int,
    supplier: str,
    places: Iterable[tuple[int | None, str]],
) -> None:
    """Remember what a supplier's paper held (``places``: pairs of the place, a hotel or None,
    and what it held as JSON), for the supplier's "what changed" next time. Not an edit."""
    if store.read_only:
        return
    now = datetime.now(UTC)
    rows = [
        {
            "version": 1,
            "at": now,
            "user_name": store.user,
            "kind": kind,
            "delegation_id": None,
            "supplier": supplier,
            "place_id": place,
            "change_set_id": change,
            "snapshot": held,
        }
        for place, held in places
    ]
    if not rows:
        return
    with store.transaction(_("Note what an export held")) as tx:
        tx.session.connection().execute(table_of(ExportRecord).insert(), rows)


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

    target = Path(dest)
    problem = new_plan_path_problem(target, overwrite=overwrite)
    if problem:
        raise PlannerError(problem)
    checker = Validation({"title": None if title is None else clean_text(title)})
    if title is not None:
        title = checker.text("title", N_("Title"), 200, required=True)
    if timezone is not None:
        timezone = clean_text(timezone).strip()
        checker.values["timezone"] = timezone
        checker.zone("timezone", required=True)
    raise_if_invalid(checker.errors)
    with source.reading() as r:
        first = first_day(r)
        lacking = unknown_zones(zones_used(r))
        span = date_span(r)
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

    source = open_plan(path, read_only=True, check_zones=False)
    try:
        with source.reading() as r:
            first = date.fromisoformat(str(first_day(r))[:10])
        return copy_plan(source, dest, first, overwrite=overwrite, timezone=timezone)
    finally:
        source.close()


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

    delta = timedelta(days=days)
    label = (
        ngettext("Copy the plan {n} day later", "Copy the plan {n} days later", days)
        if days >= 0
        else ngettext("Copy the plan {n} day earlier", "Copy the plan {n} days earlier", -days)
    )
    with store.transaction(label.format(n=abs(days))) as tx:
        session = tx.session
        plan = plan_of(session)
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


# --- a plan built whole ---------------------------------------------------------------------

RowsByTable = Mapping[str, Sequence[dict[str, Any]]]


def load_rows(
    store: PlanStore,
    action: str,
    rows_of: Mapping[str, Sequence[dict[str, Any]]]
    | Iterable[Mapping[str, Sequence[dict[str, Any]]]],
    *,
    recorded: Collection[str] = (),
    plan: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Change:
    """Add rows prepared whole, with their ids, in one transaction: a plan built at once (the
    demo). ``rows_of`` is the rows by table, or batches of them written one after the other
    (a large plan is made and written a part at a time, so that it is never all in memory;
    a batch may link to rows of the batches before it). Each row of the ``recorded`` tables
    gets its line in the change log; ``plan`` sets fields of the plan's own row (links to rows
    added here), read once every batch is written; ``settings`` sets plan settings."""
    batches = [rows_of] if isinstance(rows_of, Mapping) else rows_of
    with store.transaction(action) as tx:
        rec = recorder(tx.session)

        def inserted(name: str, rows: Sequence[dict[str, Any]]) -> None:
            if name in recorded:
                for row in rows:
                    rec.record(name, row["id"], "insert")

        for batch in batches:
            insert_rows(tx.session, batch, inserted)
        if plan:
            tx.session.connection().execute(sql_update(table_of(Plan)).values(dict(plan)))
        for key, value in (settings or {}).items():
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            row = tx.session.execute(select(PlanSetting).where(PlanSetting.key == key)).scalar()
            if row is None:
                tx.session.add(PlanSetting(key=key, value=text))
            else:
                row.value = text
    return tx.change
