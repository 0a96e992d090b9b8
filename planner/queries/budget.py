"""The budget's rates, codes and actual costs, as lists (plan format 4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.domain.labels import budget_category_label, meal_label
from planner.queries.common import money
from planner.store import PlanStore, parse_date


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
