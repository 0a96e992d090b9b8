"""Budget: what the plan costs, by category and funding source, with the rates it uses.

The figures are :func:`planner.rules.budget.compute`'s (lines the plan computes from its stays,
tickets, rides, rooms and meals, and lines entered by hand); this page only shows them and asks
the controller for changes (a line, an actual cost, a rate, one of the plan's percentages),
each one undoable step. It recomputes 150 ms after the last change, and when it is shown.

Tabs, a module each beside this one: *Lines* (a tree by category), *Rates* (per diem, exchange
and catering rates and the plan's budget rules, numbers editable in place), *Funding and codes*
(funding sources and each category's budget code), *Chart* (cost by category and by source)
and *Per participant*.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from planner.domain.errors import PlannerError
from planner.rules import budget
from planner.rules.budget import Allocation, Budget
from planner.store import Change
from ui import settings as opt
from ui.formats import Formats
from ui.pages.budget.chart import ChartTab
from ui.pages.budget.common import BUDGET_TABLES, WARNING_STYLE, bold
from ui.pages.budget.funding import FundingTab
from ui.pages.budget.lines import LinesTab
from ui.pages.budget.people import PeopleTab
from ui.pages.budget.rates import RatesTab
from ui.pages.lists.panel import ListPanel, PageFactory
from ui.pages.protocols import Panel
from ui.pages.refresh import RefreshWhenShown
from ui.session.controller import PlanController
from ui.widgets.flow import FlowRow


class BudgetPage(QWidget):
    """The Budget page: a header with the totals and warnings, and the tabs."""

    export_budget = Signal()
    export_perdiem = Signal()

    def __init__(
        self,
        ctrl: PlanController,
        factory: PageFactory,
        settings: opt.Settings,
        formats: Formats,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.settings, self.formats = ctrl, settings, formats
        self.editor = factory.editor
        self.budget: Budget | None = None
        self.allocation: Allocation | None = None
        self.panels: list[ListPanel] = []

        title = QLabel(self.tr("Budget"), self)
        bold(title, 1.5)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("budget_total")
        bold(self.total_label, 1.25)
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.actual_label = QLabel(self)
        self.actual_label.setObjectName("budget_actual")
        self.sources_label = QLabel(self)
        self.sources_label.setObjectName("budget_sources")
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("budget_warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(WARNING_STYLE)
        self.warnings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label.hide()
        export = QPushButton(self.tr("Export Budget…"), self)
        export.setToolTip(
            self.tr(
                "Write the budget workbook finance audits: summary, lines"
                " and rates, with live formulas"
            )
        )
        export.clicked.connect(self.export_budget)
        perdiem = QPushButton(self.tr("Per Diem Payment Sheet…"), self)
        perdiem.setToolTip(
            self.tr(
                "Write the sheet of what each traveller is paid as per diem, to sign on payment"
            )
        )
        perdiem.clicked.connect(self.export_perdiem)

        top = FlowRow()  # on a narrow window the buttons wrap below instead of widening it
        for label in (title, self.total_label, self.actual_label):
            top.add_lead(label)
        for button in (export, perdiem):
            top.add_trail(button)

        self.lines = LinesTab(self, self)
        self.rates = RatesTab(self, factory, self)
        self.funding = FundingTab(self, factory, self)
        self.chart = ChartTab(self, self)
        self.people = PeopleTab(self, self)
        self.panels = [*self.rates.panels, *self.funding.panels]
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("budget_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.lines, self.tr("&Lines"))
        self.tabs.addTab(self.rates, self.tr("&Rates"))
        self.tabs.addTab(self.funding, self.tr("&Funding and codes"))
        self.tabs.addTab(self.chart, self.tr("C&hart"))
        self.tabs.addTab(self.people, self.tr("Per &participant"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)
        # a change recomputes 150 ms after the last one while the page shows, else when shown
        self.freshness = RefreshWhenShown(self, self.recompute, BUDGET_TABLES, self._timer.start)

    # what the main window asks of a page
    def on_changed(self, change: Change | None) -> None:
        for panel in self.panels:
            panel.mark_dirty(change)
        self.rates.rules.mark_dirty(change)
        self.freshness.changed(change)

    def active_panel(self) -> Panel | None:
        """What Edit ▸ Add, Edit, Delete and Copy Rows act on: the lines, or a rate list."""
        current = self.tabs.currentWidget()
        if current is self.lines:
            return self.lines
        for tab in (self.rates, self.funding):
            if current is tab:
                focus = self.focusWidget()
                for panel in tab.panels:
                    if focus is not None and panel.isAncestorOf(focus):
                        return panel
                return tab.panels[0]
        if current is self.people:
            return self.people
        return None

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.people and self.budget is not None:
            self._show_allocation()

    # computing
    def recompute(self) -> None:
        """Compute the budget now and show it on every tab."""
        self._timer.stop()
        self.freshness.stale = False
        store = self.ctrl.store
        self.allocation = None
        if store is None:
            self.budget = None
            return
        try:
            self.budget = budget.compute(store)
        except PlannerError as exc:
            self.budget = None
            self.warnings_label.setText(str(exc))
            self.warnings_label.show()
            return
        self._show_header(self.budget)
        self.lines.show_budget(self.budget)
        self.chart.show_budget(self.budget)
        if self.tabs.currentWidget() is self.people:
            self._show_allocation()

    def _show_allocation(self) -> None:
        store = self.ctrl.store
        if store is None or self.budget is None:
            return
        if self.allocation is None:
            self.allocation = budget.per_participant(store, self.budget)
        self.people.show_allocation(self.allocation)

    def money(self, value: Decimal, currency: str | None = None) -> str:
        cur = currency if currency is not None else (self.budget.currency if self.budget else "")
        return self.formats.amount(value, cur)

    def _show_header(self, result: Budget) -> None:
        self.total_label.setText(self.tr("Total %1").replace("%1", self.money(result.total)))
        with_actual = [x for x in result.lines if x.actual is not None]
        if with_actual:
            self.actual_label.setText(
                self.tr("Actual cost so far %1 (%2 of %3 lines)")
                .replace("%1", self.money(result.actual_total))
                .replace("%2", self.formats.number(len(with_actual)))
                .replace("%3", self.formats.number(len(result.lines)))
            )
        else:
            self.actual_label.setText(self.tr("No actual costs entered yet"))
        self.actual_label.setStyleSheet("color: palette(dark);")
        sources = result.by_source()
        self.sources_label.setText(
            self.tr("By funding source: %1").replace(
                "%1", "  ·  ".join(f"{t.label} <b>{self.money(t.amount)}</b>" for t in sources)
            )
            if sources
            else ""
        )
        self.sources_label.setTextFormat(Qt.TextFormat.RichText)
        if result.warnings:
            self.warnings_label.setText("⚠ " + "\n⚠ ".join(result.warnings))
        self.warnings_label.setVisible(bool(result.warnings))
