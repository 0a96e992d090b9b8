"""The budget's data: funding sources, category codes, per diem, exchange and catering rates,
lines entered by hand, and actual costs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from planner.domain.model.base import Entity, Money


class FundingSource(Entity):
    """Who pays: a donor's programme line, the organisation's own funds."""

    __tablename__ = "funding_source"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class CategoryDefault(Entity):
    """A category's budget code and the funding source its lines default to."""

    __tablename__ = "budget_category"

    category: Mapped[str] = mapped_column(String(30))
    budget_code: Mapped[str] = mapped_column(String(60), default="")
    funding_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_source.id", ondelete="SET NULL"), index=True
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("category"),)


class PerDiemRate(Entity):
    """A daily subsistence allowance for a place, with the share of it that is lodging."""

    __tablename__ = "per_diem_rate"

    location: Mapped[str] = mapped_column(String(100))
    daily_rate: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    lodging_share: Mapped[Decimal | None] = mapped_column(Money)  # percent, e.g. 56
    valid_from: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("location"),)


class ExchangeRate(Entity):
    """Units of a currency for one unit of the plan's currency, for a month (24.70 HNL/USD)."""

    __tablename__ = "exchange_rate"

    currency: Mapped[str] = mapped_column(String(3))
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    units_per_base: Mapped[Decimal] = mapped_column(Money)
    source: Mapped[str] = mapped_column(String(200), default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("currency", "month"),)


class CateringRate(Entity):
    """What a coffee break or a meal costs per head."""

    __tablename__ = "catering_rate"

    kind: Mapped[str] = mapped_column(String(20))  # break, breakfast, lunch, dinner
    per_head: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("kind"),)


class BudgetLine(Entity):
    """A cost entered by hand: interpretation, materials, visibility, fuel, anything else."""

    __tablename__ = "budget_line"

    category: Mapped[str] = mapped_column(String(30), default="other")
    description: Mapped[str] = mapped_column(String(300))
    budget_code: Mapped[str] = mapped_column(String(60), default="")
    funding_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_source.id", ondelete="SET NULL"), index=True
    )
    quantity: Mapped[Decimal] = mapped_column(Money, default=Decimal("1"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    month: Mapped[date | None] = mapped_column(Date)  # the exchange rate's; None: plan's start
    actual: Mapped[Decimal | None] = mapped_column(Money)  # spent, in the plan's currency
    notes: Mapped[str] = mapped_column(Text, default="")


class BudgetActual(Entity):
    """What was actually spent on a line the plan computes (by the line's stable key)."""

    __tablename__ = "budget_actual"

    line_key: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(Money)  # in the plan's currency
    note: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("line_key"),)
