"""The plan's budget rules, on the Rates tab: the per diem rate it uses and its percentages
(indirect support, the last day, the deductions for lodging and meals), each saved as it
changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from planner import queries
from planner.domain import reference
from planner.store import Change
from ui.pages.budget.common import BudgetView
from ui.pages.refresh import RefreshWhenShown
from ui.session.deferred import operations
from ui.widgets.fields import PercentField


class RulesBox(QGroupBox):
    """The plan's per diem rate and percentages, each saved as it changes (one undoable step)."""

    FIELDS = (
        "indirect_rate",
        "breakfast_deduction",
        "lunch_deduction",
        "dinner_deduction",
        "lodging_deduction",
        "last_day_share",
    )

    def __init__(self, page: BudgetView, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The plan's budget rules"))
        self.setObjectName("budget_rules")
        self.page = page
        self.ctrl = page.ctrl
        self.freshness = RefreshWhenShown(self, self.refresh, {"plan", "per_diem_rate"})
        self._values: dict[str, Any] = {}
        self.per_diem = QComboBox(self)
        self.per_diem.setObjectName("per_diem_rate_id")
        self.per_diem.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.per_diem.setMinimumContentsLength(16)
        self.per_diem.activated.connect(self._per_diem_chosen)
        self.fields: dict[str, PercentField] = {}
        labels = {
            "indirect_rate": (
                self.tr("&Indirect support"),
                self.tr("Added to the budget as a share of all the other lines."),
            ),
            "last_day_share": (
                self.tr("Last da&y paid at"),
                self.tr("The day of departure is paid at this share of the daily rate."),
            ),
            "lodging_deduction": (
                self.tr("L&odging provided"),
                self.tr(
                    "Taken off the per diem for each night the plan pays a hotel, unless the per"
                    " diem rate has its own lodging share."
                ),
            ),
            "breakfast_deduction": (
                self.tr("Brea&kfast provided"),
                self.tr(
                    "Taken off for each breakfast the plan serves (a meal session or the hotel's)."
                ),
            ),
            "lunch_deduction": (
                self.tr("Lu&nch provided"),
                self.tr("Taken off for each lunch the plan serves."),
            ),
            "dinner_deduction": (
                self.tr("Dinner pro&vided"),
                self.tr("Taken off for each dinner the plan serves."),
            ),
        }
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = QLabel(self.tr("Per diem ra&te"), self)
        label.setBuddy(self.per_diem)
        form.addRow(label, self.per_diem)
        note = QLabel(self.tr("Per diem deductions, as a share of the daily rate:"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark);")
        for key in (
            "indirect_rate",
            "last_day_share",
            None,
            "lodging_deduction",
            "breakfast_deduction",
            "lunch_deduction",
            "dinner_deduction",
        ):
            if key is None:
                form.addRow(note)
                continue
            text, tip = labels[key]
            field = PercentField(self)
            field.setObjectName(key)
            field.setToolTip(tip)
            field.setAccessibleName(text.replace("&", ""))
            field.setMaximumWidth(field.fontMetrics().horizontalAdvance("100,00 %") + 60)
            timer = QTimer(field)
            timer.setSingleShot(True)
            timer.setInterval(700)
            timer.timeout.connect(lambda k=key: self.save(k))
            field.valueChanged.connect(lambda _v, t=timer: t.start())
            field.editingFinished.connect(lambda k=key: self.save(k))
            self.fields[key] = field
            row_label = QLabel(text, self)
            row_label.setBuddy(field)
            row_label.setToolTip(tip)
            form.addRow(row_label, field)

    def mark_dirty(self, change: Change | None) -> None:
        self.freshness.changed(change)

    def refresh(self) -> None:
        store = self.ctrl.store
        self.freshness.stale = False
        if store is None:
            return
        self._values = operations.plan_values(store)
        for key, field in self.fields.items():
            field.blockSignals(True)
            field.set_value(self._values.get(key))
            field.blockSignals(False)
        rates = sorted(queries.per_diem_rates(store), key=lambda r: reference.fold(r.location))
        self.per_diem.blockSignals(True)
        self.per_diem.clear()
        self.per_diem.addItem(self.tr("(none chosen)"), None)
        for rate in rates:
            amount = self.page.formats.amount(rate.daily_rate, rate.currency)
            self.per_diem.addItem(f"{rate.location} — {amount}", rate.id)
        index = self.per_diem.findData(self._values.get("per_diem_rate_id"))
        self.per_diem.setCurrentIndex(max(index, 0))
        self.per_diem.blockSignals(False)

    def save(self, key: str) -> None:
        """Save one percentage if it changed (an undoable step); a refused value goes back."""
        field = self.fields[key]
        value = field.value()
        stored = self._values.get(key)
        if (
            self.ctrl.store is None
            or "id" not in self._values
            or (stored is not None and Decimal(stored) == value)
        ):
            return
        if not self.ctrl.update("plan", int(self._values["id"]), {key: value}):
            self.refresh()

    def _per_diem_chosen(self, index: int) -> None:
        value = self.per_diem.itemData(index)
        if (
            self.ctrl.store is None
            or "id" not in self._values
            or value == self._values.get("per_diem_rate_id")
        ):
            return
        if not self.ctrl.update("plan", int(self._values["id"]), {"per_diem_rate_id": value}):
            self.refresh()
