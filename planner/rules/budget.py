"""The budget: costs derived from the plan itself, lines entered by hand, and totals per
category, per funding source and overall, in the plan's currency.

What the plan computes, each line saying how ("10 people, 65 room-nights × USD 95.00"):
- *accommodation*: the room-nights of the stays in each room block, at the block's rate (two
  people sharing a room take one); beside each line, the room-nights the block holds as
  contracted and those released (``Budget.room_blocks``, :mod:`planner.rules.budget_blocks`);
- *per diem*: for each person who travels, a full day for each night in town and the last day at
  the plan's share (40 %), less the plan's percentages for the lodging, breakfasts, lunches and
  dinners the plan provides (a night in a room block, a block's breakfast, a meal session they
  attend); a day never goes below zero;
- *travel*: the fares on each person's tickets;
- *ground transport*: each vehicle's days on the road (days with a ride) at its day rate;
- *venue*: each room's days in use (days with a session there) at its day rate;
- *catering*: every coffee break and meal session times the people it serves, at the rate per
  head for a break, a breakfast, a lunch or a dinner (told apart by the time of day);
- *indirect support*: the plan's percentage of all the other lines.

Money is ``Decimal``. A line in another currency is converted with the exchange rate of its
month (units of the currency for one of the plan's); each line's amount in the plan's currency
is rounded half-up to cents once, ``ROUND(quantity × unit cost / rate, 2)`` exactly as the
exported workbook's formulas do, so the totals agree to the cent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.collector import collector_paused
from planner.domain.i18n import _, babel_locale, format_date, ngettext
from planner.domain.labels import (
    BudgetCategory,
    Meal,
    SessionKind,
    meal_label,
)
from planner.queries.budget import (
    BudgetBasics,
    BudgetRows,
    budget_rows,
    participant_rows,
)
from planner.rules.budget_blocks import held_nights, room_nights
from planner.rules.budget_lines import (
    CATEGORY_ORDER,
    BlockNights,
    Budget,
    Line,
    PerDiemDays,
    Total,
    cents,
    money_text,
)
from planner.store import PlanStore, parse_date, parse_time

__all__ = [
    "CATEGORY_ORDER",
    "SHARED_CATEGORIES",
    "Allocation",
    "BlockNights",
    "Budget",
    "Line",
    "ParticipantCost",
    "Total",
    "cents",
    "compute",
    "meal_of",
    "money_text",
    "per_participant",
]

HUNDRED = Decimal(100)
BREAKFAST_BEFORE = time(10, 30)  # a meal session starting earlier is a breakfast
LUNCH_BEFORE = time(16, 0)  # ... earlier than this a lunch, later a dinner

Unit = tuple[str, int]


# --- reading what the budget needs ------------------------------------------------------------


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


def _day(value: Any) -> date:
    found = parse_date(value)
    assert found is not None
    return found


@dataclass
class _Plan:
    currency: str
    zone: ZoneInfo
    first_day: date
    last_day: date
    indirect: Decimal
    deductions: dict[str, Decimal]  # breakfast, lunch, dinner, lodging
    last_day_share: Decimal
    per_diem_rate_id: int | None


class _Reader:
    """The plan's budget settings, who belongs to what, exchange rates, codes and sources."""

    def __init__(self, basics: BudgetBasics) -> None:
        (cur, tz, first, last, indirect, breakfast, lunch, dinner, lodging, last_share, rate_id) = (
            basics.plan
        )
        self.plan = _Plan(
            cur,
            ZoneInfo(tz),
            _day(first),
            _day(last),
            _dec(indirect) or Decimal(0),
            {
                Meal.BREAKFAST: _dec(breakfast) or Decimal(0),
                Meal.LUNCH: _dec(lunch) or Decimal(0),
                Meal.DINNER: _dec(dinner) or Decimal(0),
                "lodging": _dec(lodging) or Decimal(0),
            },
            _dec(last_share) or Decimal(0),
            rate_id,
        )
        membership = basics.membership
        self.people = membership.names
        self.units_of = membership.units_of
        self.members = membership.members
        self.gone = membership.gone  # person -> the day they are gone (declined, replaced)
        self.membership = membership
        self.fx: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for currency, month, units in basics.exchange_rates:
            value = _dec(units)
            if value:
                self.fx[currency].append((_day(month), value))
        self.defaults = {c: (code or "", source) for c, code, source in basics.category_defaults}
        self.sources = basics.funding_sources
        self.actuals = {k: _dec(a) for k, a in basics.actuals}

    def local(self, stored: Any) -> datetime:
        return parse_time(stored).astimezone(self.plan.zone)

    def rate(self, currency: str, month: date) -> tuple[Decimal, str | None]:
        """Units of ``currency`` per one of the plan's, for the month; and what to warn."""
        currency = currency or self.plan.currency
        if currency == self.plan.currency:
            return Decimal(1), None
        known = self.fx.get(currency)
        if not known:
            return Decimal(0), _(
                "No exchange rate for {currency}: its lines count as zero. Add"
                " the rate of {month} under Budget ▸ Exchange rates."
            ).format(currency=currency, month=_month(month))
        exact = dict(known).get(month)
        if exact is not None:
            return exact, None
        earlier = [(m, v) for m, v in known if m < month]
        used, value = earlier[-1] if earlier else known[0]
        return value, _(
            "No exchange rate for {currency} in {month}: the rate of {used} is used."
        ).format(currency=currency, month=_month(month), used=_month(used))


def _month(day: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", day, locale=babel_locale()))


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


# --- the lines ----------------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: _Reader) -> None:
        self.data = data
        self.lines: list[Line] = []
        self.warnings: list[str] = []
        self.room_blocks: dict[str, BlockNights] = {}
        self.per_diem_days: dict[str, PerDiemDays] = {}

    def add(
        self,
        key: str,
        category: str,
        description: str,
        explanation: str,
        quantity: Decimal,
        unit: str,
        unit_cost: Decimal,
        currency: str,
        month: date,
        *,
        code: str = "",
        source: int | None = None,
        actual: Decimal | None = None,
        manual_id: int | None = None,
    ) -> None:
        data = self.data
        currency = currency or data.plan.currency
        month = _first_of_month(month)
        rate, warning = data.rate(currency, month)
        if warning and warning not in self.warnings:
            self.warnings.append(warning)
        amount = cents(quantity * unit_cost / rate) if rate else Decimal("0.00")
        default_code, default_source = data.defaults.get(category, ("", None))
        source = source if source is not None else default_source
        if actual is None:
            actual = data.actuals.get(key)
        self.lines.append(
            Line(
                key,
                category,
                description,
                explanation,
                quantity,
                unit,
                unit_cost,
                currency,
                month,
                rate,
                amount,
                code or default_code,
                source,
                data.sources.get(source, "") if source is not None else "",
                actual,
                manual_id,
            )
        )

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)


def compute(store: PlanStore) -> Budget:
    """The plan's budget as it stands now."""
    with collector_paused():
        rows = budget_rows(store)
        data = _Reader(rows.basics)
        b = _Builder(data)
        _travel_and_per_diem(b, rows)
        _accommodation(b, rows)
        _ground_transport(b, rows)
        _venue(b, rows)
        _catering(b, rows)
        _manual(b, rows)
        _indirect(b)
    order = {str(c): n for n, c in enumerate(CATEGORY_ORDER)}
    b.lines.sort(key=lambda x: (order.get(x.category, 99), x.description.casefold(), x.key))
    return Budget(data.plan.currency, b.lines, b.warnings, b.room_blocks, b.per_diem_days)


def _money(currency: str, value: Decimal) -> str:
    return f"{currency} {value:,.2f}"


def _accommodation(b: _Builder, rows: BudgetRows) -> None:
    data = b.data
    blocks = {
        i: (v, name, t, _dec(rate), cur or data.plan.currency, held_nights(n, _day(a), _day(z)))
        for i, v, name, t, rate, cur, n, a, z in rows.blocks
    }
    stays: dict[int, list[tuple[int, date, date, int | None]]] = defaultdict(list)
    loose = 0
    for person, block, first, last, sharing in rows.stays:
        if block is None or block not in blocks:
            loose += 1
            continue
        stays[block].append((person, _day(first), _day(last), sharing))
    if loose:
        b.warn(
            ngettext(
                "{n} hotel stay is in no room block, so its nights have no rate: put it"
                " in the hotel's block.",
                "{n} hotel stays are in no room block, so their nights have no rate:"
                " put them in the hotel's block.",
                loose,
            ).format(n=loose)
        )
    for block, items in stays.items():
        _venue_id, hotel, room_type, rate, currency, held = blocks[block]
        if rate is None:
            b.warn(
                _(
                    "The room block of {type} rooms at {hotel} has no nightly rate: its nights"
                    " count as zero."
                ).format(type=room_type or "?", hotel=hotel)
            )
            continue
        used = room_nights(items)
        b.room_blocks[f"block:{block}"] = BlockNights(held, used, rate, currency)
        people = len({p for p, *_rest in items})
        first_night = min((first for _p, first, last, _s in items if first < last), default=None)
        b.add(
            f"block:{block}",
            BudgetCategory.ACCOMMODATION,
            _("{hotel}, {type} rooms").format(hotel=hotel, type=room_type or "?"),
            ngettext(
                "{people} person, {n} room-nights × {rate}",
                "{people} people, {n} room-nights × {rate}",
                people,
            ).format(people=people, n=used, rate=_money(currency, rate)),
            Decimal(used),
            _("room-nights"),
            rate,
            currency,
            first_night or data.plan.first_day,
        )


def _travel_and_per_diem(b: _Builder, rows: BudgetRows) -> None:
    data, plan = b.data, b.data.plan
    trips: dict[int, list[tuple[str, datetime, str, Decimal | None, str]]] = defaultdict(list)
    for person, direction, arrives, departs, number, carrier, fare, fare_cur in rows.travel:
        stored = arrives if direction == "arrival" else departs
        if stored is None:
            continue
        trips[person].append(
            (direction, data.local(stored), number or carrier or "", _dec(fare), fare_cur or "")
        )
    # airfare: the fares on each person's tickets
    for person, items in sorted(trips.items()):
        by_currency: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for _d, _at, label, fare, cur in sorted(items, key=lambda t: t[1]):
            if fare is not None:
                by_currency[cur or plan.currency].append((label, fare))
        for cur, fares in by_currency.items():
            total = sum((f for _l, f in fares), Decimal(0))
            earliest = min(at for _d, at, *_rest in items)
            b.add(
                f"fare:{person}:{cur}",
                BudgetCategory.TRAVEL,
                _("Fares of {name}").format(name=data.people.get(person, "?")),
                " + ".join(f"{label or '?'} {_money(cur, f)}" for label, f in fares),
                Decimal(1),
                _("tickets"),
                total,
                cur,
                earliest.date(),
            )
    # per diem
    rates = {
        i: (loc, _dec(rate) or Decimal(0), cur, _dec(share))
        for i, loc, rate, cur, share in rows.per_diem_rates
    }
    travellers = {p for p, items in trips.items() if any(d == "arrival" for d, *_r in items)}
    if not travellers:
        return
    rate_id = (
        plan.per_diem_rate_id
        if plan.per_diem_rate_id in rates
        else (next(iter(rates)) if len(rates) == 1 else None)
    )
    if rate_id is None:
        b.warn(
            _(
                "No per diem rate is chosen for the plan: add one under Budget ▸ Rates and"
                " choose it, and the per diem of the people who travel is counted."
            )
        )
        return
    location, daily, currency, share = rates[rate_id]
    lodging_pct = share if share is not None else plan.deductions["lodging"]
    provided = _provided(b, rows, travellers)
    for person in sorted(travellers, key=lambda p: data.people.get(p, "")):
        items = sorted(trips[person], key=lambda t: t[1])
        arrival = next(at for d, at, *_r in items if d == "arrival")
        departure = next((at for d, at, *_r in items if d == "departure" and at > arrival), None)
        first = arrival.date()
        last = departure.date() if departure is not None else plan.last_day
        left = data.gone.get(person)
        if left is not None:  # declined or replaced: paid to that day, if they came at all
            last = min(last, left)
        if last < first or (left is not None and left <= first):
            continue
        nights: int = (last - first).days
        lodging_nights, meals = provided.get(person, (set(), {}))
        counts = {"lodging": 0, Meal.BREAKFAST: 0, Meal.LUNCH: 0, Meal.DINNER: 0}
        percent = paid = Decimal(0)
        for n in range(nights + 1):
            day = first + timedelta(days=n)
            share_of_day = HUNDRED if n < nights else plan.last_day_share
            less = Decimal(0)
            if n < nights and day in lodging_nights:
                less += lodging_pct
                counts["lodging"] += 1
            for meal in meals.get(day, ()):
                less += plan.deductions[meal]
                counts[meal] += 1
            paid += share_of_day
            percent += max(Decimal(0), share_of_day - less)
        days = percent / HUNDRED
        b.per_diem_days[f"perdiem:{person}"] = PerDiemDays(
            paid / HUNDRED, (paid - percent) / HUNDRED
        )
        parts = [
            ngettext("{n} day", "{n} days", nights).format(n=nights),
            _("the last day at {share} %").format(share=_pct(plan.last_day_share)),
        ]
        less_parts = [
            text.format(n=counts[key], share=_pct(pct))
            for key, text, pct in (
                ("lodging", _("lodging ×{n} ({share} %)"), lodging_pct),
                (Meal.BREAKFAST, _("breakfast ×{n} ({share} %)"), plan.deductions[Meal.BREAKFAST]),
                (Meal.LUNCH, _("lunch ×{n} ({share} %)"), plan.deductions[Meal.LUNCH]),
                (Meal.DINNER, _("dinner ×{n} ({share} %)"), plan.deductions[Meal.DINNER]),
            )
            if counts[key]
        ]
        explanation = " + ".join(parts)
        if less_parts:
            explanation += _(", less ") + ", ".join(less_parts)
        explanation += " = " + _("{days} days × {rate} ({location})").format(
            days=f"{days.normalize():f}", rate=_money(currency, daily), location=location
        )
        b.add(
            f"perdiem:{person}",
            BudgetCategory.PER_DIEM,
            data.people.get(person, "?"),
            explanation,
            days,
            _("days"),
            daily,
            currency,
            first,
        )


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _provided(
    b: _Builder, rows: BudgetRows, travellers: set[int]
) -> dict[int, tuple[set[date], dict[date, set[str]]]]:
    """Per traveller: the nights the plan pays a room (a stay in a block) and the meals it
    serves each day (a block's breakfast, a meal session they attend)."""
    data = b.data
    lodging: dict[int, set[date]] = defaultdict(set)
    meals: dict[int, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    for person, first, last, breakfast in rows.block_nights:
        if person not in travellers:
            continue
        day, end = _day(first), _day(last)
        while day < end:
            lodging[person].add(day)
            if breakfast:
                meals[person][day + timedelta(days=1)].add(Meal.BREAKFAST)
            day += timedelta(days=1)
    audience: dict[int, set[Unit]] = defaultdict(set)
    for s, g, d, p in rows.meal_audience:
        audience[s].add(("group", g) if g else ("delegation", d) if d else ("person", p))
    for s, p in rows.meal_facilitators:
        audience[s].add(("person", p))
    for s, start in rows.meals:
        at = data.local(start)
        meal = meal_of(at)
        served: set[int] = set()
        for unit in audience.get(s, ()):
            served.update(data.members.get(unit, ()))
        served = set(data.membership.present(frozenset(served), at.date()))
        for person in served & travellers:
            meals[person][at.date()].add(meal)
    return {p: (lodging.get(p, set()), dict(meals.get(p, {}))) for p in travellers}


def meal_of(at: datetime) -> str:
    clock = at.time()
    if clock < BREAKFAST_BEFORE:
        return Meal.BREAKFAST
    return Meal.LUNCH if clock < LUNCH_BEFORE else Meal.DINNER


def _days_text(days: list[date]) -> str:
    shown = ", ".join(format_date(d, "d MMM") for d in days[:6])
    return shown + (" …" if len(days) > 6 else "")


def _ground_transport(b: _Builder, rows: BudgetRows) -> None:
    data = b.data
    vehicles = {i: (n, _dec(rate), cur or data.plan.currency) for i, n, rate, cur in rows.vehicles}
    days: dict[int, set[date]] = defaultdict(set)
    for vehicle, start, end in rows.vehicle_rides:
        day, last = data.local(start).date(), (data.local(end) - timedelta(seconds=1)).date()
        while day <= last:
            days[vehicle].add(day)
            day += timedelta(days=1)
    for vehicle, used in sorted(days.items()):
        name, rate, currency = vehicles[vehicle]
        if rate is None:
            b.warn(
                _("{vehicle} has rides but no day rate: its days count as zero.").format(
                    vehicle=name
                )
            )
            continue
        ordered = sorted(used)
        b.add(
            f"vehicle:{vehicle}",
            BudgetCategory.GROUND_TRANSPORT,
            name,
            ngettext(
                "{n} day ({days}) × {rate}", "{n} days ({days}) × {rate}", len(ordered)
            ).format(n=len(ordered), days=_days_text(ordered), rate=_money(currency, rate)),
            Decimal(len(ordered)),
            _("days"),
            rate,
            currency,
            ordered[0],
        )


def _venue(b: _Builder, rows: BudgetRows) -> None:
    data = b.data
    rooms = {
        i: (f"{room}, {venue}", _dec(rate), cur or data.plan.currency)
        for i, room, venue, rate, cur in rows.rooms
    }
    days: dict[int, set[date]] = defaultdict(set)
    for room, start in rows.room_sessions:
        days[room].add(data.local(start).date())
    for room, used in sorted(days.items()):
        name, rate, currency = rooms[room]
        if rate is None:
            continue  # a room the plan does not pay for (the hotel's, a partner's)
        ordered = sorted(used)
        b.add(
            f"room:{room}",
            BudgetCategory.VENUE,
            name,
            ngettext(
                "{n} day ({days}) × {rate}", "{n} days ({days}) × {rate}", len(ordered)
            ).format(n=len(ordered), days=_days_text(ordered), rate=_money(currency, rate)),
            Decimal(len(ordered)),
            _("days"),
            rate,
            currency,
            ordered[0],
        )


def _catering(b: _Builder, rows: BudgetRows) -> None:
    data = b.data
    rates = {
        k: (_dec(v) or Decimal(0), cur or data.plan.currency) for k, v, cur in rows.catering_rates
    }
    audience: dict[int, set[Unit]] = defaultdict(set)
    for s, g, d, p in rows.catering_audience:
        audience[s].add(("group", g) if g else ("delegation", d) if d else ("person", p))
    facilitators: dict[int, set[int]] = defaultdict(set)
    for s, p in rows.catering_facilitators:
        facilitators[s].add(p)
    served: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for s, kind, start in rows.catering_sessions:
        at = data.local(start)
        meal = Meal.BREAK if kind == SessionKind.BREAK else meal_of(at)
        people: set[int] = set(facilitators.get(s, set()))
        for unit in audience.get(s, ()):
            people |= data.members.get(unit, set())
        people = set(data.membership.present(frozenset(people), at.date()))  # who still comes
        served[meal].append((at.date(), len(people)))
    for meal in Meal:
        items = served.get(meal)
        if not items:
            continue
        if meal not in rates:
            b.warn(
                _("There is no catering rate for {meal}: those sessions count as zero.").format(
                    meal=meal_label(meal).lower()
                )
            )
            continue
        per_head, currency = rates[meal]
        heads = sum(n for _d, n in items)
        b.add(
            f"catering:{meal}",
            BudgetCategory.CATERING,
            meal_label(meal),
            ngettext(
                "{n} session, {heads} servings × {rate}",
                "{n} sessions, {heads} servings × {rate}",
                len(items),
            ).format(n=len(items), heads=f"{heads:,}", rate=_money(currency, per_head)),
            Decimal(heads),
            _("servings"),
            per_head,
            currency,
            min(d for d, _n in items),
        )


def _manual(b: _Builder, rows: BudgetRows) -> None:
    plan = b.data.plan
    for (
        i,
        category,
        description,
        code,
        source,
        quantity,
        unit,
        unit_cost,
        currency,
        month,
        actual,
    ) in rows.lines:
        qty, cost = _dec(quantity) or Decimal(0), _dec(unit_cost) or Decimal(0)
        cur = currency or plan.currency
        b.add(
            f"manual:{i}",
            category,
            description,
            _("{quantity} {unit} × {cost}")
            .format(quantity=f"{qty.normalize():f}", unit=unit or "", cost=_money(cur, cost))
            .replace("  ", " "),
            qty,
            unit or "",
            cost,
            cur,
            _day(month) if month else plan.first_day,
            code=code or "",
            source=source,
            actual=_dec(actual),
            manual_id=i,
        )


def _indirect(b: _Builder) -> None:
    plan = b.data.plan
    if not plan.indirect:
        return
    direct = sum((x.amount for x in b.lines), Decimal(0))
    share = plan.indirect / HUNDRED
    b.add(
        "indirect",
        BudgetCategory.INDIRECT,
        _("Indirect support"),
        _("{share} % × {direct} of direct costs").format(
            share=_pct(plan.indirect), direct=_money(plan.currency, direct)
        ),
        direct,
        plan.currency,
        share,
        plan.currency,
        plan.first_day,
    )


# --- cost per participant -------------------------------------------------------------------

SHARED_CATEGORIES = (
    BudgetCategory.VENUE,
    BudgetCategory.CATERING,
    BudgetCategory.GROUND_TRANSPORT,
    BudgetCategory.INDIRECT,
)


@dataclass(frozen=True)
class ParticipantCost:
    person_id: int
    name: str
    delegation: str
    direct: Decimal  # their per diem, fares and hotel nights (a shared room counts half)
    trainee_days: int  # days with a session they attend as a trainee (a group's member)
    shared: Decimal  # their trainee-days × the shared cost of a trainee-day

    @property
    def total(self) -> Decimal:
        return self.direct + self.shared


@dataclass(frozen=True)
class Allocation:
    currency: str
    shared_total: Decimal  # venue, catering, ground transport and indirect support
    trainee_days: int
    per_trainee_day: Decimal
    explanation: str
    people: list[ParticipantCost]


def per_participant(store: PlanStore, result: Budget | None = None) -> Allocation:
    """Direct costs of each person, and the shared costs spread over trainee-days."""
    result = result or compute(store)
    cur = result.currency
    shared = sum((x.amount for x in result.lines if x.category in SHARED_CATEGORIES), Decimal(0))
    direct: dict[int, Decimal] = defaultdict(Decimal)
    for x in result.lines:
        if x.key.startswith(("perdiem:", "fare:")):
            direct[int(x.key.split(":")[1])] += x.amount
    rows = participant_rows(store)
    data = _Reader(rows.basics)
    rates = {i: (_dec(rate), cur_ or cur) for i, rate, cur_ in rows.block_rates}
    for person, block, first, last, sharing in rows.block_stays:
        rate, currency = rates.get(block, (None, cur))
        if rate is None:
            continue
        fx, _warning = data.rate(currency, _first_of_month(_day(first)))
        if not fx:
            continue
        nights = (_day(last) - _day(first)).days
        share = Decimal(1) / 2 if sharing is not None else Decimal(1)
        direct[person] += cents(nights * rate * share / fx)
    trainees = rows.trainees
    audience: dict[int, set[Unit]] = defaultdict(set)
    for s, g, d, p in rows.audience:
        audience[s].add(("group", g) if g else ("delegation", d) if d else ("person", p))
    days: dict[int, set[date]] = defaultdict(set)
    for s, start in rows.sessions:
        day = data.local(start).date()
        away = data.membership.gone_by(day) if data.membership.changing else frozenset()
        for unit in audience.get(s, ()):
            for p in data.members.get(unit, ()):
                if p in trainees and p not in away:
                    days[p].add(day)
    delegation_of = rows.delegation_names
    total_days = sum(len(v) for v in days.values())
    per_day = shared / total_days if total_days else Decimal(0)
    people = [
        ParticipantCost(
            p,
            data.people.get(p, "?"),
            delegation_of.get(p, ""),
            direct.get(p, Decimal(0)),
            len(days.get(p, ())),
            cents(per_day * len(days.get(p, ()))),
        )
        for p in set(direct) | set(days)
    ]
    people.sort(key=lambda c: (-c.total, c.name.casefold()))
    explanation = ngettext(
        "{shared} of venue, catering, ground transport and indirect support over {n}"
        " trainee-day = {rate} a trainee-day",
        "{shared} of venue, catering, ground transport and indirect support over {n}"
        " trainee-days = {rate} a trainee-day",
        total_days,
    ).format(shared=_money(cur, shared), n=f"{total_days:,}", rate=_money(cur, cents(per_day)))
    return Allocation(cur, shared, total_days, cents(per_day), explanation, people)
