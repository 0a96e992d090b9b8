"""The budget's Rates tab: per diem, exchange and catering rates (numbers editable in place)
beside the plan's own budget rules."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from planner import queries
from planner.domain.labels import meal_label
from ui.models.table import Column
from ui.pages.budget.common import MEAL_ORDER, BudgetView, compact, month_text, percent_text, plain
from ui.pages.budget.rules import RulesBox
from ui.pages.lists.panel import PageFactory


class RatesTab(QWidget):
    """Per diem, exchange and catering rates, and the plan's own percentages."""

    def __init__(
        self, page: BudgetView, factory: PageFactory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        fmt = page.formats
        per_diem_columns = [
            Column(
                "location", self.tr("Location"), lambda r: r.location, width=16, edit="location"
            ),
            Column(
                "daily_rate",
                self.tr("Daily rate"),
                lambda r: fmt.amount(r.daily_rate),
                sort=lambda r: r.daily_rate,
                numeric=True,
                width=10,
                edit="daily_rate",
                edit_text=lambda r: plain(r.daily_rate),
            ),
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8, edit="currency"),
            Column(
                "lodging_share",
                self.tr("Lodging share"),
                lambda r: self._percent(r.lodging_share),
                sort=lambda r: r.lodging_share,
                numeric=True,
                width=12,
                edit="lodging_share",
                edit_text=lambda r: plain(r.lodging_share),
                tooltip=lambda r: self.tr("Per cent of the daily rate that is for lodging"),
            ),
            Column(
                "valid_from",
                self.tr("Valid from"),
                lambda r: fmt.date(r.valid_from),
                sort=lambda r: r.valid_from.isoformat() if r.valid_from else "",
                width=11,
            ),
            Column(
                "chosen",
                self.tr("Plan's"),
                lambda r: "✓" if r.chosen else "",
                width=7,
                tooltip=lambda r: (
                    self.tr(
                        "The plan's per diem uses this rate (choose it"
                        " under The plan's budget rules)"
                    )
                    if r.chosen
                    else ""
                ),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        exchange_columns = [
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8),
            Column(
                "month",
                self.tr("Month"),
                lambda r: month_text(fmt, r.month),
                sort=lambda r: r.month.isoformat(),
                width=18,
            ),
            Column(
                "units",
                self.tr("Units for one %1").replace("%1", self._plan_currency()),
                lambda r: fmt.amount(r.units_per_base),
                sort=lambda r: r.units_per_base,
                numeric=True,
                width=17,
                edit="units_per_base",
                edit_text=lambda r: plain(r.units_per_base),
            ),
            Column("source", self.tr("Source"), lambda r: r.source, edit="source"),
        ]
        catering_columns = [
            Column(
                "kind",
                self.tr("For"),
                lambda r: meal_label(r.kind),
                sort=lambda r: MEAL_ORDER.get(r.kind, 9),
                width=14,
            ),
            Column(
                "per_head",
                self.tr("Per head"),
                lambda r: fmt.amount(r.per_head),
                sort=lambda r: r.per_head,
                numeric=True,
                width=10,
                edit="per_head",
                edit_text=lambda r: plain(r.per_head),
            ),
            Column("currency", self.tr("Currency"), lambda r: r.currency, width=8, edit="currency"),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        self.per_diem = factory.panel(
            self,
            "per_diem_rate",
            self.tr("Per diem rates"),
            per_diem_columns,
            queries.per_diem_rates,
            {"per_diem_rate", "plan"},
            heading_level=2,
        )
        self.exchange = factory.panel(
            self,
            "exchange_rate",
            self.tr("Exchange rates"),
            exchange_columns,
            queries.exchange_rates,
            {"exchange_rate", "plan"},
            heading_level=2,
        )
        self.catering = factory.panel(
            self,
            "catering_rate",
            self.tr("Catering rates"),
            catering_columns,
            queries.catering_rates,
            {"catering_rate"},
            heading_level=2,
        )
        self.panels = [self.per_diem, self.exchange, self.catering]
        for panel in self.panels:
            compact(panel)
        self.exchange.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.catering.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rules = RulesBox(page, self)
        hint = QLabel(
            self.tr(
                "Double-click a number or a name (or press F2) to change it in"
                " place; Edit… opens the whole form. Every change can be"
                " undone."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")

        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        for panel in self.panels:
            lists.addWidget(panel)
        lists.setStretchFactor(0, 2)
        lists.setStretchFactor(1, 3)
        lists.setStretchFactor(2, 3)
        side = QVBoxLayout()
        side.addWidget(self.rules)
        side.addWidget(hint)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(lists, 3)
        layout.addSpacing(8)
        layout.addLayout(side, 2)

    def _plan_currency(self) -> str:
        store = self.page.ctrl.store
        if store is None:
            return "?"
        return queries.plan_currency(store) or "?"

    def _percent(self, value: Decimal | None) -> str:
        if value is None:
            return self.tr("the plan's")
        return percent_text(self.page.formats, value)
