"""The budget's Chart tab: what the budget goes on, by category and by funding source."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.rules.budget import Budget
from ui.pages.budget.common import CATEGORY_COLOURS, SOURCE_COLOURS, BudgetView, bold
from ui.widgets.charts import AmountChart


class ChartTab(QScrollArea):
    """What the budget goes on: cost by category and by funding source."""

    def __init__(self, page: BudgetView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self.by_category = AmountChart(body)
        self.by_category.setObjectName("chart_by_category")
        self.by_source = AmountChart(body)
        self.by_source.setObjectName("chart_by_source")
        self.category_title = QLabel(body)
        self.source_title = QLabel(body)
        for label in (self.category_title, self.source_title):
            bold(label, 1.15)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 12, 12, 4)
        layout.addWidget(self.category_title)
        layout.addWidget(self.by_category)
        layout.addSpacing(16)
        layout.addWidget(self.source_title)
        layout.addWidget(self.by_source)
        layout.addStretch(1)

    def show_budget(self, result: Budget) -> None:
        money = self.page.money
        fmt = self.page.formats

        def percent(value: float) -> str:
            return f"{fmt.locale.toString(value, 'f', 1)} %"

        legend = (self.tr("Budget"), self.tr("Actual cost"))
        self.category_title.setText(self.tr("Cost by category (%1)").replace("%1", result.currency))
        self.by_category.set_bars(
            [
                (
                    t.label,
                    t.amount,
                    t.actual
                    if any(x.actual is not None for x in result.lines if x.category == t.key)
                    else None,
                    CATEGORY_COLOURS.get(t.key, "#BAB0AC"),
                )
                for t in result.by_category()
            ],
            lambda v: money(v),
            percent,
            legend,
        )
        sources = result.by_source()
        self.source_title.setText(
            self.tr("Cost by funding source (%1)").replace("%1", result.currency)
        )
        self.by_source.set_bars(
            [
                (
                    t.label,
                    t.amount,
                    t.actual
                    if any(
                        x.actual is not None
                        for x in result.lines
                        if str(x.funding_source_id or "") == t.key
                    )
                    else None,
                    SOURCE_COLOURS[n % len(SOURCE_COLOURS)] if t.key else "#BAB0AC",
                )
                for n, t in enumerate(sources)
            ],
            lambda v: money(v),
            percent,
            legend,
        )
