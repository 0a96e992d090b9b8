"""What the forms of every kind share: :class:`Choices` (the lists a form chooses from: places,
people, visits, currencies, months, funding sources), :class:`Forms` (the base of each domain's
form builders) and the helpers that tie fields together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QWidget

from planner import operations, queries
from planner.domain import reference
from planner.domain.labels import place_kind_label
from planner.domain.reference import currency_codes, timezones
from ui.dialogs.form import FormDialog, Section
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.widgets.fields import ChoiceField, DateTimeField, MonthField, SearchCombo

ComboT = TypeVar("ComboT", bound=QComboBox)
COMMON_CURRENCIES = ["USD", "HNL", "PAB", "EUR", "GTQ", "NIO", "CRC", "MXN", "COP", "DOP"]

# What a form builder gives: its sections, and what to wire once the dialog exists (or None).
Extra = Callable[[FormDialog], None] | None
# (parent, the item's id or None for a new one, its initial values) -> the form
FormBuilder = Callable[[QWidget, int | None, dict[str, Any]], tuple[list[Section], Extra]]


def zone_items() -> list[tuple[str, str]]:
    """The time zones to choose from: the named ones, then UTC."""
    return [
        (z, z)
        for z in sorted(timezones())
        if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/"))
    ] + [("UTC", "UTC")]


def compact(combo: ComboT) -> ComboT:
    """A combo box whose long items (a visit's title) do not squeeze the form's labels."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    return combo


def currency_items() -> list[tuple[str, str]]:
    others = sorted(c for c in currency_codes() if c not in COMMON_CURRENCIES)
    return [(c, c) for c in COMMON_CURRENCIES + others]


def html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def keep_duration(start: DateTimeField, end: DateTimeField) -> None:
    """Moving the start moves the end with it; moving the end sets a new duration."""
    duration = [end.value() - start.value()]

    def start_moved() -> None:
        end.blockSignals(True)
        end.set_value(start.value() + duration[0])
        end.blockSignals(False)

    def end_moved() -> None:
        if end.value() > start.value():
            duration[0] = end.value() - start.value()

    start.edited.connect(start_moved)
    end.edited.connect(end_moved)


class Choices(QObject):
    """The lists the forms choose from, read from the open plan as a form is built."""

    def __init__(self, ctrl: PlanController, formats: Formats, parent: QObject | None = None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.formats = formats

    def refs(self, what: str) -> list[tuple[int, str]]:
        return [(c.id, c.label) for c in queries.choices(self.ctrl.require(), what)]

    def countries(self, parent: QWidget) -> SearchCombo:
        items = [(code, f"{name} ({code})") for code, name in reference.countries()]
        return SearchCombo(items, self.tr("(not set)"), parent)

    def datetime_format(self) -> str:
        return f"{self.formats.date_pattern()} {self.formats.time_pattern()}"

    def places(self, parent: QWidget, none_label: str | None, first: str = "") -> SearchCombo:
        """Places to choose from by name; those of the kind ``first`` (hotels, airports…) on
        top, the others after them with their kind."""
        found = queries.places(self.ctrl.require())
        if not first:
            return compact(SearchCombo([(c.id, c.label) for c in found], none_label, parent))
        top = [(c.id, c.label) for c in found if c.detail == first]
        rest = [
            (c.id, f"{c.label} ({place_kind_label(c.detail)})") for c in found if c.detail != first
        ]
        return compact(SearchCombo(top + rest, none_label, parent))

    def people(self, none_label: str, parent: QWidget, first_role: str = "") -> SearchCombo:
        items = [
            (c.id, f"{c.label} — {c.detail}" if c.detail else c.label)
            for c in queries.choices(self.ctrl.require(), "person")
        ]
        if first_role:
            wanted = queries.people_with_role(self.ctrl.require(), first_role)
            items = [i for i in items if i[0] in wanted] + [i for i in items if i[0] not in wanted]
        return compact(SearchCombo(items, none_label, parent))

    def units(self) -> list[tuple[tuple[str, int], str, str]]:
        """Groups, delegations and people, to tick (an audience, a ride's passengers)."""
        store = self.ctrl.require()
        return (
            [(("group", c.id), c.label, self.tr("group")) for c in queries.choices(store, "group")]
            + [
                (("delegation", c.id), c.label, self.tr("delegation"))
                for c in queries.choices(store, "delegation")
            ]
            + [(("person", c.id), c.label, c.detail) for c in queries.choices(store, "person")]
        )

    def visits(self) -> list[queries.SiteVisitRow]:
        return sorted(queries.site_visits(self.ctrl.require()), key=lambda v: v.start)

    def visit_label(self, visit: queries.SiteVisitRow) -> str:
        return f"{self.formats.weekday_date(visit.start.date())} — {visit.title}"

    def currency(self, parent: QWidget, plans_own: bool = False) -> SearchCombo:
        """Currencies to choose from; with ``plans_own`` an empty first entry means the plan's
        currency (rooms, fares)."""
        if not plans_own:
            return SearchCombo(currency_items(), None, parent)
        currency = operations.plan_values(self.ctrl.require())["currency"]
        return SearchCombo(
            [("", self.tr("(the plan's currency, %s)") % currency), *currency_items()], None, parent
        )

    def plan_currency(self, initial: dict[str, Any], key: str = "currency") -> str:
        """The plan's currency; a new item starts in it."""
        currency = operations.plan_values(self.ctrl.require())["currency"] or "USD"
        if initial.get(key) in (None, "", "USD") and "id" not in initial:
            initial[key] = currency
        return str(currency)

    def months(self, parent: QWidget, none_label: str | None = None) -> MonthField:
        """The months a year either side of the plan."""
        plan = operations.plan_values(self.ctrl.require())
        first, last = plan["start_date"], plan["end_date"]
        return MonthField(
            first.replace(year=first.year - 1, day=1),
            last.replace(year=last.year + 1, day=1),
            parent,
            none_label,
        )

    def sources(self, none_label: str, parent: QWidget) -> ChoiceField:
        found = sorted(
            queries.funding_sources(self.ctrl.require()), key=lambda s: reference.fold(s.name)
        )
        return compact(
            ChoiceField(
                [
                    (None, none_label),
                    *((s.id, f"{s.name} ({s.code})" if s.code else s.name) for s in found),
                ],
                parent,
            )
        )


class Forms(QObject):
    """The form builders of one domain (a subclass each, one translation context each):
    :meth:`builders` names the builder of each kind of item it knows."""

    def __init__(self, ctrl: PlanController, formats: Formats, choices: Choices) -> None:
        super().__init__(choices)
        self.ctrl = ctrl
        self.formats = formats
        self.choices = choices

    def builders(self) -> dict[str, FormBuilder]:
        raise NotImplementedError
