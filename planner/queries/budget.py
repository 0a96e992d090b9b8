"""The budget's rates, codes and actual costs, as lists (plan format 4); and the rows the budget
is computed from (:mod:`planner.rules.budget`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from planner.domain.labels import budget_category_label, meal_label
from planner.queries.common import money
from planner.queries.membership import Membership
from planner.store import PlanStore, Reader, parse_date


@dataclass(frozen=True)
class PerDiemRateRow:
    id: int
    version: int
    location: str
    daily_rate: Decimal | None
    currency: str
    lodging_share: Decimal | None  # percent of the daily rate; None: the plan's deduction
    valid_from: date | None
    notes: str
    chosen: bool  # the rate the plan's per diem uses

    @property
    def name(self) -> str:
        return self.location


@dataclass(frozen=True)
class ExchangeRateRow:
    id: int
    version: int
    currency: str
    month: date
    units_per_base: Decimal | None  # units of ``currency`` for one of the plan's currency
    source: str

    @property
    def name(self) -> str:
        return f"{self.currency} {self.month:%Y-%m}"


@dataclass(frozen=True)
class CateringRateRow:
    id: int
    version: int
    kind: str  # break, breakfast, lunch, dinner
    per_head: Decimal | None
    currency: str
    notes: str

    @property
    def name(self) -> str:
        return meal_label(self.kind)


@dataclass(frozen=True)
class FundingSourceRow:
    id: int
    version: int
    name: str
    code: str
    notes: str
    categories: int  # categories whose lines it pays by default
    lines: int  # lines entered by hand that name it


@dataclass(frozen=True)
class BudgetCategoryRow:
    id: int
    version: int
    category: str
    budget_code: str
    funding_source_id: int | None
    funding_source: str

    @property
    def name(self) -> str:
        return budget_category_label(self.category)


@dataclass(frozen=True)
class BudgetActualRow:
    id: int
    version: int
    line_key: str
    amount: Decimal | None
    note: str


def per_diem_rates(store: PlanStore) -> list[PerDiemRateRow]:
    with store.reading() as r:
        chosen = r.value("SELECT per_diem_rate_id FROM plan ORDER BY id LIMIT 1")
        return [
            PerDiemRateRow(
                i,
                v,
                location,
                money(rate),
                currency or "",
                money(share),
                parse_date(valid) if valid else None,
                notes or "",
                i == chosen,
            )
            for i, v, location, rate, currency, share, valid, notes in r.rows(
                "SELECT id, version, location, daily_rate, currency, lodging_share,"
                " valid_from, notes FROM per_diem_rate ORDER BY id"
            )
        ]


def exchange_rates(store: PlanStore) -> list[ExchangeRateRow]:
    with store.reading() as r:
        rows = []
        for i, v, currency, month, units, source in r.rows(
            "SELECT id, version, currency, month, units_per_base, source FROM exchange_rate"
            " ORDER BY id"
        ):
            day = parse_date(month)
            if day is not None:
                rows.append(ExchangeRateRow(i, v, currency, day, money(units), source or ""))
        return rows


def catering_rates(store: PlanStore) -> list[CateringRateRow]:
    with store.reading() as r:
        return [
            CateringRateRow(i, v, kind, money(per_head), currency or "", notes or "")
            for i, v, kind, per_head, currency, notes in r.rows(
                "SELECT id, version, kind, per_head, currency, notes FROM catering_rate ORDER BY id"
            )
        ]


def funding_sources(store: PlanStore) -> list[FundingSourceRow]:
    with store.reading() as r:
        categories = dict(
            r.rows(
                "SELECT funding_source_id, count(*) FROM budget_category"
                " WHERE funding_source_id IS NOT NULL GROUP BY funding_source_id"
            )
        )
        lines = dict(
            r.rows(
                "SELECT funding_source_id, count(*) FROM budget_line"
                " WHERE funding_source_id IS NOT NULL GROUP BY funding_source_id"
            )
        )
        return [
            FundingSourceRow(
                i, v, name, code or "", notes or "", categories.get(i, 0), lines.get(i, 0)
            )
            for i, v, name, code, notes in r.rows(
                "SELECT id, version, name, code, notes FROM funding_source ORDER BY id"
            )
        ]


def budget_categories(store: PlanStore) -> list[BudgetCategoryRow]:
    """Each category's budget code and default funding source (only those set)."""
    with store.reading() as r:
        return [
            BudgetCategoryRow(i, v, category, code or "", source, name or "")
            for i, v, category, code, source, name in r.rows(
                "SELECT c.id, c.version, c.category, c.budget_code, c.funding_source_id,"
                " s.name FROM budget_category c"
                " LEFT JOIN funding_source s ON s.id = c.funding_source_id ORDER BY c.id"
            )
        ]


def budget_actuals(store: PlanStore) -> dict[str, BudgetActualRow]:
    """The actual costs entered for lines the plan computes, by the line's key."""
    with store.reading() as r:
        return {
            key: BudgetActualRow(i, v, key, money(amount), note or "")
            for i, v, key, amount, note in r.rows(
                "SELECT id, version, line_key, amount, note FROM budget_actual ORDER BY id"
            )
        }


def plan_currency(store: PlanStore) -> str:
    """The plan's currency, the one its budget is kept in."""
    with store.reading() as r:
        return str(r.value("SELECT currency FROM plan ORDER BY id LIMIT 1") or "")


# --- what the budget is computed from ------------------------------------------------------------
#
# Rows as the plan stores them, read in one transaction; planner.rules.budget turns them into
# lines (amounts are still text or numbers as stored, times still stored moments).


class BudgetBasics(NamedTuple):
    """What every budget figure needs: the plan's currency, zone, dates and budget settings,
    who belongs to what, the exchange rates, and each category's code and funding source."""

    # (currency, timezone, start_date, end_date, indirect_rate, breakfast_deduction,
    #  lunch_deduction, dinner_deduction, lodging_deduction, last_day_share, per_diem_rate_id)
    plan: tuple[Any, ...]
    membership: Membership
    exchange_rates: list[tuple[str, Any, Any]]  # (currency, month, units per base), in order
    category_defaults: list[tuple[str, str | None, int | None]]  # (category, code, source)
    funding_sources: dict[int, str]
    actuals: list[tuple[str, Any]]  # (line key, amount)


def _basics(r: Reader) -> BudgetBasics:
    return BudgetBasics(
        tuple(
            r.rows(
                "SELECT currency, timezone, start_date, end_date, indirect_rate,"
                " breakfast_deduction, lunch_deduction, dinner_deduction, lodging_deduction,"
                " last_day_share, per_diem_rate_id FROM plan ORDER BY id LIMIT 1"
            )[0]
        ),
        Membership.load(r),
        r.rows(
            "SELECT currency, month, units_per_base FROM exchange_rate ORDER BY currency, month"
        ),
        r.rows("SELECT category, budget_code, funding_source_id FROM budget_category"),
        dict(r.rows("SELECT id, name FROM funding_source")),
        r.rows("SELECT line_key, amount FROM budget_actual"),
    )


class BudgetRows(NamedTuple):
    """Everything the budget's lines are computed from."""

    basics: BudgetBasics
    # (person, direction, arrives_at, departs_at, number, carrier, fare, fare_currency)
    travel: list[tuple[Any, ...]]
    per_diem_rates: list[tuple[Any, ...]]  # (id, location, daily_rate, currency, lodging_share)
    block_nights: list[tuple[Any, ...]]  # stays in a block: (person, in, out, breakfast incl.)
    meal_audience: list[tuple[Any, ...]]  # (session, group, delegation, person) of meals
    meal_facilitators: list[tuple[int, int]]  # (session, person) of meals
    meals: list[tuple[int, Any]]  # (session, starts_at)
    # (id, venue, hotel, room type, nightly rate, currency, rooms, check_in, check_out)
    blocks: list[tuple[Any, ...]]
    stays: list[tuple[Any, ...]]  # (person, block, check_in, check_out, sharing with)
    vehicles: list[tuple[Any, ...]]  # (id, name, day rate, currency)
    vehicle_rides: list[tuple[Any, ...]]  # (vehicle, starts_at, ends_at)
    rooms: list[tuple[Any, ...]]  # (id, room, place, day rate, currency)
    room_sessions: list[tuple[Any, ...]]  # (room, starts_at)
    catering_rates: list[tuple[Any, ...]]  # (kind, per head, currency)
    catering_audience: list[tuple[Any, ...]]  # (session, group, delegation, person)
    catering_facilitators: list[tuple[int, int]]  # (session, person)
    catering_sessions: list[tuple[Any, ...]]  # (session, kind, starts_at): meals and breaks
    # (id, category, description, code, source, quantity, unit, unit cost, currency, month,
    #  actual) of the lines entered by hand
    lines: list[tuple[Any, ...]]


def budget_rows(store: PlanStore) -> BudgetRows:
    with store.reading() as r:
        return BudgetRows(
            _basics(r),
            r.rows(
                "SELECT person_id, direction, arrives_at, departs_at, number, carrier, fare,"
                " fare_currency FROM travel"
            ),
            r.rows(
                "SELECT id, location, daily_rate, currency, lodging_share"
                " FROM per_diem_rate ORDER BY id"
            ),
            r.rows(
                "SELECT s.person_id, s.check_in, s.check_out, b.breakfast_included FROM stay s"
                " JOIN room_block b ON b.id = s.block_id"
            ),
            r.rows(
                "SELECT a.session_id, a.group_id, a.delegation_id, a.person_id"
                " FROM session_audience a JOIN agenda_session s"
                " ON s.id = a.session_id WHERE s.kind = 'meal'"
            ),
            r.rows(
                "SELECT f.session_id, f.person_id FROM session_facilitator f"
                " JOIN agenda_session s ON s.id = f.session_id WHERE s.kind = 'meal'"
            ),
            r.rows("SELECT id, starts_at FROM agenda_session WHERE kind = 'meal'"),
            r.rows(
                "SELECT b.id, b.venue_id, v.name, b.room_type, b.nightly_rate,"
                " b.currency, b.rooms, b.check_in, b.check_out FROM room_block b"
                " JOIN venue v ON v.id = b.venue_id"
            ),
            r.rows("SELECT person_id, block_id, check_in, check_out, sharing_with_id FROM stay"),
            r.rows("SELECT id, name, day_rate, currency FROM vehicle"),
            r.rows("SELECT vehicle_id, starts_at, ends_at FROM ride WHERE vehicle_id IS NOT NULL"),
            r.rows(
                "SELECT r.id, r.name, v.name, r.day_rate, r.currency FROM room r"
                " JOIN venue v ON v.id = r.venue_id"
            ),
            r.rows("SELECT room_id, starts_at FROM agenda_session WHERE room_id IS NOT NULL"),
            r.rows("SELECT kind, per_head, currency FROM catering_rate"),
            r.rows(
                "SELECT a.session_id, a.group_id, a.delegation_id, a.person_id"
                " FROM session_audience a JOIN agenda_session s"
                " ON s.id = a.session_id WHERE s.kind IN ('meal', 'break')"
            ),
            r.rows(
                "SELECT f.session_id, f.person_id FROM session_facilitator f"
                " JOIN agenda_session s ON s.id = f.session_id"
                " WHERE s.kind IN ('meal', 'break')"
            ),
            r.rows(
                "SELECT id, kind, starts_at FROM agenda_session WHERE kind IN ('meal', 'break')"
            ),
            r.rows(
                "SELECT id, category, description, budget_code, funding_source_id, quantity,"
                " unit, unit_cost, currency, month, actual FROM budget_line ORDER BY id"
            ),
        )


def block_stays(store: PlanStore) -> list[tuple[Any, ...]]:
    """The stays in a room block: (block, person, check_in, check_out, sharing with)."""
    with store.reading() as r:
        return r.rows(
            "SELECT block_id, person_id, check_in, check_out, sharing_with_id FROM stay"
            " WHERE block_id IS NOT NULL ORDER BY block_id, id"
        )


class ParticipantRows(NamedTuple):
    """What the cost per participant adds: hotel nights in blocks, who is a trainee (a
    group's member), and the days of each session that is not a break or a meal."""

    basics: BudgetBasics
    block_rates: list[tuple[Any, ...]]  # (block, nightly rate, currency)
    block_stays: list[tuple[Any, ...]]  # (person, block, check_in, check_out, sharing with)
    trainees: set[int]
    audience: list[tuple[Any, ...]]  # (session, group, delegation, person)
    sessions: list[tuple[int, Any]]  # (session, starts_at), breaks and meals apart
    delegation_names: dict[int, str]  # person -> their delegation's name


def participant_rows(store: PlanStore) -> ParticipantRows:
    with store.reading() as r:
        return ParticipantRows(
            _basics(r),
            r.rows("SELECT id, nightly_rate, currency FROM room_block"),
            r.rows(
                "SELECT person_id, block_id, check_in, check_out, sharing_with_id FROM stay"
                " WHERE block_id IS NOT NULL"
            ),
            {p for (p,) in r.rows("SELECT DISTINCT person_id FROM group_member")},
            r.rows("SELECT session_id, group_id, delegation_id, person_id FROM session_audience"),
            r.rows("SELECT id, starts_at FROM agenda_session WHERE kind NOT IN ('break', 'meal')"),
            dict(
                r.rows(
                    "SELECT p.id, d.name FROM person p JOIN delegation d ON d.id = p.delegation_id"
                )
            ),
        )
