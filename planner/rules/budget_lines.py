"""What a budget is: its lines (each saying how the plan computed it), totals per category and
per funding source, and the document ``planner budget --json`` prints. Money is ``Decimal``,
each line's amount rounded half-up to cents once (:func:`cents`, as ``ROUND(x, 2)``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from planner.domain.i18n import _
from planner.domain.labels import BudgetCategory, budget_category_label

CENT = Decimal("0.01")
CATEGORY_ORDER = list(BudgetCategory)


def cents(value: Decimal) -> Decimal:
    """Rounded half-up to cents (what ``ROUND(x, 2)`` does in a spreadsheet)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def money_text(value: Decimal) -> str:
    return f"{cents(value):f}"


@dataclass(frozen=True)
class Line:
    key: str  # stable while the thing it costs exists: "block:3", "perdiem:12", "manual:5"
    category: str
    description: str
    explanation: str  # how the plan computed it
    quantity: Decimal
    unit: str
    unit_cost: Decimal
    currency: str  # of the unit cost
    month: date  # whose exchange rate converts it
    rate: Decimal  # units of ``currency`` for one of the plan's currency (1 for the plan's own)
    amount: Decimal  # in the plan's currency, rounded to cents once
    budget_code: str
    funding_source_id: int | None
    funding_source: str
    actual: Decimal | None  # spent, in the plan's currency
    manual_id: int | None = None  # the hand-entered line's id


@dataclass(frozen=True)
class PerDiemDays:
    """A traveller's per diem days beside their budget line: the days paid (a full day for
    each night in town, the last day at its share) and the days deducted for what the plan
    provides (lodging, meals); the line counts the difference."""

    paid: Decimal
    deducted: Decimal

    @property
    def net(self) -> Decimal:
        return self.paid - self.deducted


@dataclass(frozen=True)
class BlockNights:
    """A room block's room-nights beside its budget line: those it holds as contracted (rooms ×
    nights), those its stays use (what the line counts) and those released (held, not used)."""

    held: int
    used: int
    rate: Decimal  # the block's nightly rate, in ``currency``
    currency: str

    @property
    def released(self) -> int:
        return max(self.held - self.used, 0)

    @property
    def held_cost(self) -> Decimal:
        return self.rate * self.held

    @property
    def used_cost(self) -> Decimal:
        return self.rate * self.used

    @property
    def released_cost(self) -> Decimal:
        return self.rate * self.released


@dataclass(frozen=True)
class Total:
    key: str  # a category, or a funding source's id ("" when none)
    label: str
    amount: Decimal
    actual: Decimal  # of the lines that have one
    lines: int


@dataclass
class Budget:
    currency: str
    lines: list[Line]
    warnings: list[str] = field(default_factory=list)
    # each room block's room-nights held, used and released, by its line's key ("block:3")
    room_blocks: dict[str, BlockNights] = field(default_factory=dict)
    # each traveller's per diem days paid and deducted, by its line's key ("perdiem:12")
    per_diem_days: dict[str, PerDiemDays] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def actual_total(self) -> Decimal:
        return sum((line.actual for line in self.lines if line.actual is not None), Decimal(0))

    def by_category(self) -> list[Total]:
        grouped: dict[str, list[Line]] = defaultdict(list)
        for line in self.lines:
            grouped[line.category].append(line)
        return [
            _total(c, budget_category_label(c), grouped[c]) for c in CATEGORY_ORDER if c in grouped
        ]

    def by_source(self) -> list[Total]:
        grouped: dict[tuple[str, str], list[Line]] = defaultdict(list)
        for line in self.lines:
            grouped[(str(line.funding_source_id or ""), line.funding_source)].append(line)
        totals = [
            _total(key, name or _("No funding source"), items)
            for (key, name), items in grouped.items()
        ]
        return sorted(totals, key=lambda t: (not t.key, -t.amount, t.label.casefold()))

    def as_json(self) -> dict[str, Any]:
        """What ``planner budget --json`` prints (a contract: add keys, never rename)."""
        cur = self.currency

        def total(t: Total, name: str) -> dict[str, Any]:
            return {
                name: t.key,
                "label": t.label,
                "amount": money_text(t.amount),
                "actual": money_text(t.actual),
                "currency": cur,
                "lines": t.lines,
            }

        return {
            "currency": cur,
            "lines": [
                {
                    "key": line.key,
                    "category": line.category,
                    "description": line.description,
                    "explanation": line.explanation,
                    "quantity": f"{line.quantity.normalize():f}",
                    "unit": line.unit,
                    "unit_cost": {"amount": f"{line.unit_cost:f}", "currency": line.currency},
                    "month": line.month.isoformat(),
                    "exchange_rate": f"{line.rate:f}",
                    "amount": money_text(line.amount),
                    "currency": cur,
                    "actual": None if line.actual is None else money_text(line.actual),
                    "budget_code": line.budget_code,
                    "funding_source": line.funding_source,
                    "funding_source_id": line.funding_source_id,
                    "manual_id": line.manual_id,
                }
                for line in self.lines
            ],
            "categories": [total(t, "category") for t in self.by_category()],
            "funding_sources": [total(t, "funding_source_id") for t in self.by_source()],
            "total": {"amount": money_text(self.total), "currency": cur},
            "actual_total": {"amount": money_text(self.actual_total), "currency": cur},
            "warnings": self.warnings,
        }


def _total(key: str, label: str, lines: list[Line]) -> Total:
    return Total(
        key,
        label,
        sum((x.amount for x in lines), Decimal(0)),
        sum((x.actual for x in lines if x.actual is not None), Decimal(0)),
        len(lines),
    )
