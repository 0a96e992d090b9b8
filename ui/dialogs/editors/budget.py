"""The forms of the budget: lines entered by hand, the actual cost of a computed line, per diem,
exchange and catering rates, funding sources and the categories' codes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from planner import operations, queries
from planner.domain.labels import BudgetCategory, Meal, budget_category_label, meal_label
from planner.rules import budget
from ui.dialogs.editors.common import COMMON_CURRENCIES, Extra, FormBuilder, Forms, html_text
from ui.dialogs.form import FormDialog, FormField, Section
from ui.widgets.fields import ChoiceField, DateField, FixedField, MoneyField, NotesField, TextField


class BudgetForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {
            "budget_line": self.budget_line,
            "budget_actual": self.budget_actual,
            "per_diem_rate": self.per_diem_rate,
            "exchange_rate": self.exchange_rate,
            "catering_rate": self.catering_rate,
            "funding_source": self.funding_source,
            "budget_category": self.budget_category,
        }

    def budget_line(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        if item_id is None:
            self.choices.plan_currency(initial)
        defaults = {c.category: c for c in queries.budget_categories(store)}
        categories = [
            (c.value, budget_category_label(c.value))
            for c in BudgetCategory
            if c != BudgetCategory.INDIRECT
        ]
        category = ChoiceField(categories, parent)
        code = TextField(parent, "", 60)
        source = self.choices.sources(self.tr("(the category's funding source)"), parent)
        sections = [
            Section(
                self.tr("Budget line"),
                [
                    FormField("category", self.tr("&Category"), category),
                    FormField(
                        "description",
                        self.tr("&Description"),
                        TextField(
                            parent, self.tr("e.g. Participant manuals, printed and bound"), 300
                        ),
                    ),
                    FormField("quantity", self.tr("&Quantity"), MoneyField(parent, "220")),
                    FormField(
                        "unit",
                        self.tr("U&nit"),
                        TextField(parent, self.tr("e.g. copies, days, lump sum"), 40),
                    ),
                    FormField(
                        "unit_cost",
                        self.tr("Unit c&ost"),
                        MoneyField(parent, self.tr("e.g. 145.00")),
                    ),
                    FormField("currency", self.tr("C&urrency"), self.choices.currency(parent)),
                    FormField(
                        "month",
                        self.tr("E&xchange rate of"),
                        self.choices.months(parent, self.tr("(the plan's first month)")),
                        self.tr(
                            "The month whose exchange rate converts a cost in another currency."
                        ),
                    ),
                ],
            ),
            Section(
                self.tr("Funding and spending"),
                [
                    FormField(
                        "budget_code",
                        self.tr("&Budget code"),
                        code,
                        self.tr("Leave empty to use the category's code."),
                    ),
                    FormField("funding_source_id", self.tr("&Funding source"), source),
                    FormField(
                        "actual",
                        self.tr("&Actual cost"),
                        MoneyField(parent, self.tr("not known yet")),
                        self.tr("What was spent, in the plan's currency, once it is known."),
                    ),
                    FormField(
                        "notes",
                        self.tr("Note&s"),
                        NotesField(parent, self.tr("e.g. quote from Litografía López, 12 Oct")),
                    ),
                ],
                column=1,
            ),
        ]

        def extra(dialog: FormDialog) -> None:
            def category_changed() -> None:
                found = defaults.get(category.value())
                code.setPlaceholderText(found.budget_code if found else "")
                name = found.funding_source if found else ""
                source.setItemText(
                    0, self.tr("(the category's: %s)") % name if name else self.tr("(none)")
                )

            category.edited.connect(category_changed)
            category_changed()

        return sections, extra

    def budget_actual(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        result = budget.compute(store)
        key = initial.get("line_key")
        line = next((x for x in result.lines if x.key == key), None)
        if line is not None:
            shown = (
                f"<b>{html_text(line.description)}</b><br>{html_text(line.explanation)}<br>"
                + self.tr("Budgeted: %s") % self.formats.amount(line.amount, result.currency)
            )
        else:
            shown = self.tr("A line the plan no longer computes (%s).") % (key or "?")
        fixed = FixedField(shown, parent)
        sections = [
            Section(
                self.tr("Actual cost of a computed line"),
                [
                    FormField("line_key", self.tr("Line"), fixed),
                    FormField(
                        "amount",
                        self.tr("&Actual cost"),
                        MoneyField(parent, self.tr("e.g. 6050.00")),
                        self.tr("What was spent, in %s (the plan's currency).") % result.currency,
                    ),
                    FormField(
                        "note",
                        self.tr("&Note"),
                        NotesField(parent, self.tr("e.g. invoice 2023-118, paid on 5 December")),
                    ),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            if item_id is None:
                return
            clear = dialog._buttons.addButton(
                self.tr("C&lear Actual Cost"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            clear.setObjectName("clear_actual")
            clear.setToolTip(self.tr("Remove the actual cost: the line shows only its budget"))

            def remove() -> None:
                if self.ctrl.delete("budget_actual", [item_id]):
                    dialog.accept()

            clear.clicked.connect(remove)

        return sections, extra

    def per_diem_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        if item_id is None:
            self.choices.plan_currency(initial)
        lodging = operations.plan_values(self.ctrl.require())["lodging_deduction"]
        return [
            Section(
                self.tr("Per diem rate"),
                [
                    FormField(
                        "location",
                        self.tr("&Location"),
                        TextField(parent, self.tr("e.g. Tegucigalpa"), 100),
                    ),
                    FormField(
                        "daily_rate",
                        self.tr("&Daily rate"),
                        MoneyField(parent, self.tr("e.g. 190.00")),
                    ),
                    FormField("currency", self.tr("C&urrency"), self.choices.currency(parent)),
                    FormField(
                        "lodging_share",
                        self.tr("Lod&ging share"),
                        MoneyField(parent, "56"),
                        self.tr(
                            "Per cent of the daily rate that is for lodging, left out for"
                            " each night the plan pays a hotel; empty: the plan's lodging"
                            " deduction (%s %%)."
                        )
                        % f"{lodging.normalize():f}"
                        if lodging is not None
                        else "",
                    ),
                    FormField(
                        "valid_from",
                        self.tr("&Valid from"),
                        DateField(
                            parent,
                            optional=True,
                            display_format=self.formats.date_pattern(),
                            empty_text=self.tr("not set"),
                        ),
                    ),
                    FormField(
                        "notes",
                        self.tr("N&otes"),
                        NotesField(parent, self.tr("e.g. ICSC rate for Honduras, Tegucigalpa")),
                    ),
                ],
            )
        ], None

    def exchange_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        plan = operations.plan_values(store)
        base = plan["currency"]
        known = sorted(queries.exchange_rates(store), key=lambda r: (r.currency, r.month))
        if item_id is None:
            if not initial.get("currency"):
                initial["currency"] = (
                    known[-1].currency if known else next(c for c in COMMON_CURRENCIES if c != base)
                )
            own = [r.month for r in known if r.currency == initial["currency"]]
            if initial.get("month") is None:
                month = plan["start_date"].replace(day=1)
                while month in own:
                    month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
                initial["month"] = month
        currency = self.choices.currency(parent)
        units = MoneyField(parent, self.tr("e.g. 24.69"))
        sections = [
            Section(
                self.tr("Exchange rate"),
                [
                    FormField("currency", self.tr("C&urrency"), currency),
                    FormField(
                        "month",
                        self.tr("&Month"),
                        self.choices.months(parent),
                        self.tr(
                            "Costs of that month in this currency are converted with this rate;"
                            " a month"
                            " without a rate uses the one before it."
                        ),
                    ),
                    FormField("units_per_base", self.tr("&Rate"), units),
                    FormField(
                        "source",
                        self.tr("&Source"),
                        TextField(parent, self.tr("e.g. UN operational rate of exchange"), 200),
                    ),
                ],
            )
        ]

        def extra(dialog: FormDialog) -> None:
            def hint() -> None:
                units.setToolTip(
                    self.tr("Units of %1 for one %2 (the plan's currency).")
                    .replace("%1", currency.value() or "?")
                    .replace("%2", base)
                )
                units.setPlaceholderText(
                    self.tr("%1 for one %2, e.g. 24.69")
                    .replace("%1", currency.value() or "?")
                    .replace("%2", base)
                )

            currency.edited.connect(hint)
            hint()

        return sections, extra

    def catering_rate(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        if item_id is None:
            self.choices.plan_currency(initial)
            taken = {r.kind for r in queries.catering_rates(store)}
            free = [m.value for m in Meal if m.value not in taken]
            if free and initial.get("kind") in (None, Meal.BREAK) and Meal.BREAK in taken:
                initial["kind"] = free[0]
        meals = [(m.value, meal_label(m.value)) for m in Meal]
        return [
            Section(
                self.tr("Catering rate"),
                [
                    FormField(
                        "kind",
                        self.tr("&For"),
                        ChoiceField(meals, parent),
                        self.tr(
                            "Meal sessions are told apart by their time: breakfast before 10:30,"
                            " lunch"
                            " before 16:00, dinner after."
                        ),
                    ),
                    FormField(
                        "per_head", self.tr("&Per head"), MoneyField(parent, self.tr("e.g. 85.00"))
                    ),
                    FormField("currency", self.tr("C&urrency"), self.choices.currency(parent)),
                    FormField(
                        "notes",
                        self.tr("N&otes"),
                        NotesField(parent, self.tr("e.g. Hotel Plaza's conference package")),
                    ),
                ],
            )
        ], None

    def funding_source(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        return [
            Section(
                self.tr("Funding source"),
                [
                    FormField(
                        "name",
                        self.tr("&Name"),
                        TextField(parent, self.tr("e.g. Western Hemisphere Program"), 200),
                    ),
                    FormField(
                        "code",
                        self.tr("&Code"),
                        TextField(parent, "WHP-HN-2023-07", 60),
                        self.tr("The grant or project code finance uses."),
                    ),
                    FormField("notes", self.tr("N&otes"), NotesField(parent)),
                ],
            )
        ], None

    def budget_category(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        store = self.ctrl.require()
        if item_id is None and not initial.get("category"):
            taken = {c.category for c in queries.budget_categories(store)}
            initial["category"] = next(
                (c.value for c in BudgetCategory if c.value not in taken),
                BudgetCategory.OTHER.value,
            )
        categories = [(c.value, budget_category_label(c.value)) for c in BudgetCategory]
        return [
            Section(
                self.tr("Budget code and funding source of a category"),
                [
                    FormField("category", self.tr("&Category"), ChoiceField(categories, parent)),
                    FormField(
                        "budget_code",
                        self.tr("&Budget code"),
                        TextField(parent, self.tr("e.g. WHP-32 Catering"), 60),
                        self.tr("Every line of the category gets it, unless the line has its own."),
                    ),
                    FormField(
                        "funding_source_id",
                        self.tr("&Funding source"),
                        self.choices.sources(self.tr("(none)"), parent),
                    ),
                ],
            )
        ], None
