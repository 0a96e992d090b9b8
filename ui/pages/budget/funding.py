"""The budget's Funding and codes tab: who pays (funding sources) and each category's budget
code and funding source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from planner import queries
from planner.domain.labels import budget_category_label
from ui.models.table import Column
from ui.pages.budget.common import CATEGORY_COLOURS, CATEGORY_ORDER, BudgetView, compact
from ui.pages.lists.panel import PageFactory


class FundingTab(QWidget):
    """Who pays (funding sources) and each category's budget code and source."""

    def __init__(
        self, page: BudgetView, factory: PageFactory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        source_columns = [
            Column("name", self.tr("Funding source"), lambda r: r.name, width=62, edit="name"),
            Column("code", self.tr("Code"), lambda r: r.code, width=18, edit="code"),
            Column(
                "categories",
                self.tr("Categories"),
                lambda r: page.formats.number(r.categories),
                sort=lambda r: r.categories,
                numeric=True,
                width=10,
                tooltip=lambda r: self.tr(
                    "Categories whose lines it pays unless a line names another source"
                ),
            ),
            Column(
                "lines",
                self.tr("Own lines"),
                lambda r: page.formats.number(r.lines),
                sort=lambda r: r.lines,
                numeric=True,
                width=10,
                tooltip=lambda r: self.tr("Lines entered by hand that name it"),
            ),
            Column("notes", self.tr("Notes"), lambda r: r.notes),
        ]
        category_columns = [
            Column(
                "category",
                self.tr("Category"),
                lambda r: budget_category_label(r.category),
                sort=lambda r: CATEGORY_ORDER.get(r.category, 99),
                width=24,
                colour=lambda r: CATEGORY_COLOURS.get(r.category, ""),
            ),
            Column(
                "budget_code",
                self.tr("Budget code"),
                lambda r: r.budget_code,
                width=28,
                edit="budget_code",
            ),
            Column("funding_source", self.tr("Funding source"), lambda r: r.funding_source),
        ]
        self.sources = factory.panel(
            self,
            "funding_source",
            self.tr("Funding sources"),
            source_columns,
            queries.funding_sources,
            {"funding_source", "budget_category", "budget_line"},
            heading_level=2,
        )
        self.categories = factory.panel(
            self,
            "budget_category",
            self.tr("Budget codes of the categories"),
            category_columns,
            queries.budget_categories,
            {"budget_category", "funding_source"},
            heading_level=2,
        )
        self.panels = [self.sources, self.categories]
        for panel in self.panels:
            compact(panel)
        self.categories.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        hint = QLabel(
            self.tr(
                "A line takes its category's budget code and funding source"
                " unless it has its own. Double-click a name or a code (or press"
                " F2) to change it in place."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sources)
        splitter.addWidget(self.categories)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)
