"""What the budget page and its tabs share: the tables whose changes reach the budget, the
colours and item roles of its views, how they write percentages and months, and
:class:`BudgetView`, what a tab asks of the page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView, QWidget

from planner.domain.labels import BudgetCategory
from planner.rules.budget import Budget
from ui import settings as opt
from ui.formats import Formats
from ui.pages.lists.panel import EditorSource, ListPanel
from ui.session.controller import PlanController

# Tables whose changes can change the budget.
BUDGET_TABLES = frozenset(
    {
        "plan",
        "person",
        "delegation",
        "participant_group",
        "group_member",
        "venue",
        "room",
        "agenda_session",
        "session_facilitator",
        "session_audience",
        "travel",
        "room_block",
        "stay",
        "vehicle",
        "ride",
        "funding_source",
        "budget_category",
        "per_diem_rate",
        "exchange_rate",
        "catering_rate",
        "budget_line",
        "budget_actual",
    }
)
CATEGORY_COLOURS: dict[str, str] = {  # looked up by the category as stored
    BudgetCategory.TRAVEL: "#4E79A7",
    BudgetCategory.ACCOMMODATION: "#F28E2B",
    BudgetCategory.PER_DIEM: "#E15759",
    BudgetCategory.VENUE: "#76B7B2",
    BudgetCategory.CATERING: "#59A14F",
    BudgetCategory.GROUND_TRANSPORT: "#EDC948",
    BudgetCategory.INTERPRETATION: "#B07AA1",
    BudgetCategory.MATERIALS: "#FF9DA7",
    BudgetCategory.VISIBILITY: "#9C755F",
    BudgetCategory.OTHER: "#BAB0AC",
    BudgetCategory.INDIRECT: "#79706E",
}
SOURCE_COLOURS = ["#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#9C755F"]
OVER_COLOUR = "#C62828"
WARNING_STYLE = (
    "QLabel { background: #FFF4E5; color: #5D4037; border: 1px solid #F9A825;"
    " border-radius: 4px; padding: 6px 8px; }"
)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a line's key, "category:<category>" or "total"
MANUAL_ROLE = Qt.ItemDataRole.UserRole + 2  # a hand-entered line's id


def bold(widget: QWidget, scale: float = 1.0) -> None:
    font = widget.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


CATEGORY_ORDER = {str(c): n for n, c in enumerate(BudgetCategory)}


MEAL_ORDER = {"break": 0, "breakfast": 1, "lunch": 2, "dinner": 3}


def percent_text(fmt: Formats, value: Decimal) -> str:
    """56 %, 12,5 % (as the locale writes decimals; no trailing zeros)."""
    exact = value.normalize()
    if exact == exact.to_integral_value():
        exact = exact.quantize(Decimal(1))
    return f"{format(exact, 'f').replace('.', fmt.locale.decimalPoint())} %"


def month_text(fmt: Formats, month: date) -> str:
    """November 2023 (in the window's language)."""
    text = fmt.locale.toString(QDate(month.year, month.month, 1), "MMMM yyyy")
    return text[:1].upper() + text[1:]


def plain(value: Decimal | None) -> str:
    """An amount as the in-place editor starts with it: digits and a point, no grouping."""
    return "" if value is None else format(value, "f")


def compact(panel: ListPanel) -> None:
    """A short list on a page of several: no search box (the lists are short), tighter."""
    panel.search.hide()
    panel.edit_in_place()
    panel.view.setMinimumHeight(panel.view.verticalHeader().defaultSectionSize() * 3)
    fit_titles(panel.view)


def fit_titles(view: QTableView) -> None:
    """Columns at least as wide as their titles (longer in Spanish) and the sort arrow."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(title) + 30
        if not header.isSectionHidden(column) and header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


class BudgetView(Protocol):
    """What the tabs ask of the budget page: the plan, the budget last computed, money as the
    window writes it, the add/edit dialogs, and computing again after a change."""

    ctrl: PlanController
    settings: opt.Settings
    formats: Formats
    editor: EditorSource
    budget: Budget | None

    def money(self, value: Decimal, currency: str | None = None) -> str: ...

    def recompute(self) -> None: ...
