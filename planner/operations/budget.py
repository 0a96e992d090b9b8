"""The budget: funding sources, budget categories (their codes and sources), per diem,
exchange and catering rates, hand-entered budget lines and actual costs, with their
validators. (The budget itself is computed in :mod:`planner.rules.budget`.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.errors import FieldError
from planner.domain.i18n import N_, _
from planner.domain.labels import BudgetCategory, Meal
from planner.domain.model import (
    BudgetActual,
    BudgetLine,
    CategoryDefault,
    CateringRate,
    ExchangeRate,
    FundingSource,
    PerDiemRate,
)
from planner.operations.kinds import Kind, register
from planner.operations.validation import Validation


def _validate_funding_source(
    session: Session, v: dict[str, Any], own_id: int | None
) -> list[FieldError]:
    c = Validation(v)
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
    c = Validation(v)
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
    c = Validation(v)
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
    c = Validation(v)
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
    c = Validation(v)
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
    c = Validation(v)
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
    c = Validation(v)
    c.text("line_key", N_("Line"), 100, required=True)
    taken = session.execute(
        select(BudgetActual.id).where(BudgetActual.line_key == v.get("line_key"))
    ).scalar()
    if taken is not None and taken != own_id:
        c.add("line_key", _("This line already has an actual cost; edit it instead."))
    c.amount("amount", N_("Actual"))
    return c.errors


FUNDING_SOURCE = Kind(
    "funding_source", FundingSource, ("name", "code", "notes"), _validate_funding_source
)
BUDGET_CATEGORY = Kind(
    "budget_category",
    CategoryDefault,
    ("category", "budget_code", "funding_source_id"),
    _validate_budget_category,
)
PER_DIEM_RATE = Kind(
    "per_diem_rate",
    PerDiemRate,
    ("location", "daily_rate", "currency", "lodging_share", "valid_from", "notes"),
    _validate_per_diem_rate,
    {"currency": "USD"},
    upper=("currency",),
)
EXCHANGE_RATE = Kind(
    "exchange_rate",
    ExchangeRate,
    ("currency", "month", "units_per_base", "source"),
    _validate_exchange_rate,
    upper=("currency",),
)
CATERING_RATE = Kind(
    "catering_rate",
    CateringRate,
    ("kind", "per_head", "currency", "notes"),
    _validate_catering_rate,
    {"kind": Meal.BREAK, "currency": "USD"},
    upper=("currency",),
)
BUDGET_LINE = Kind(
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
)
BUDGET_ACTUAL = Kind(
    "budget_actual", BudgetActual, ("line_key", "amount", "note"), _validate_budget_actual
)

register(
    FUNDING_SOURCE,
    BUDGET_CATEGORY,
    PER_DIEM_RATE,
    EXCHANGE_RATE,
    CATERING_RATE,
    BUDGET_LINE,
    BUDGET_ACTUAL,
)
