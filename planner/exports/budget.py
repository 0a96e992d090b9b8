"""The budget workbook finance audits, and the per diem payment sheet.

The budget workbook has three sheets: *Summary* (per category and per funding source), *Lines*
(every line, grouped by category, with a subtotal per category) and *Rates* (exchange rates,
per diem, hotel, vehicle, room and catering rates, the indirect support percentage). Amounts are
live formulas: a line is ``=ROUND(quantity × unit cost / exchange rate, 2)``, where the unit cost
of a line the plan computes and its exchange rate point at the visible cells of *Rates*, so
changing a rate there recalculates every line that uses it; subtotals are ``SUM``s, the
indirect support cost is the percentage of the direct subtotals, and the summary refers to the
subtotals. Recalculated by any spreadsheet program, every total equals the program's own to the
cent (the program rounds each line half-up to cents once, as ``ROUND`` does).

Workbooks are written in openpyxl's write-only mode (streamed, fast on large plans) to a
temporary file renamed into place once complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, babel_locale, language
from planner.domain.labels import BudgetCategory, budget_category_label, meal_label
from planner.domain.reference import sort_key
from planner.exports.common import Job, Options, PlanData, left_out_note, plan_lines
from planner.exports.sheet import Cell as _Cell
from planner.exports.sheet import Sheet as _Sheet
from planner.exports.sheet import text as _text
from planner.exports.sheet import write as _write
from planner.queries.budget import exchange_rates, funding_sources
from planner.queries.people import identities
from planner.queries.summary import plan_heading
from planner.rules import budget
from planner.store import PlanStore

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RATE_FORMAT = "0.0000"
QUANTITY_FORMAT = "#,##0.####"
AMOUNT_FORMAT = "#,##0.00"
PERCENT_FORMAT = '0.##" %"'


def month_text(month: date, full: bool = False) -> str:
    """A budget month as text in the workbook's language ("nov. 2023", "noviembre de 2023";
    "Nov 2023"), the same on every reader's machine, not a number format their Excel
    translates (or not)."""
    from babel.dates import format_date

    locale = babel_locale()
    if locale.startswith("es"):
        if full:
            return str(format_date(month, format="MMMM 'de' y", locale=locale))
        short = str(format_date(month, format="MMM", locale=locale)).rstrip(".")
        return f"{short}. {month.year}"
    return str(format_date(month, format="MMMM y" if full else "MMM y", locale=locale))


def money_format(currency: str) -> str:
    return f'#,##0.00 "{currency}"'


def _plan_lines(store: PlanStore, what: str) -> list[str]:
    """The plan's title lines, then its donor and funding programme."""
    plan = plan_heading(store)
    donor, programme = plan.donor, plan.funding_programme
    funding = " · ".join(p for p in (donor, programme) if p)
    return [*plan_lines(store, what), *([funding] if funding else [])]


# --- the budget workbook ------------------------------------------------------------------------


def workbook(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The catalog's writer of the budget workbook (the budget computed once per export)."""
    return budget_workbook(store, target, options.lang, data.budget(store))


def perdiem(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The catalog's writer of the per diem payment sheet."""
    return perdiem_sheet(store, target, options.lang, data.budget(store), personal=options.personal)


def budget_workbook(
    store: PlanStore,
    target: str | Path,
    lang: str | None = None,
    result: budget.Budget | None = None,
) -> Path:
    """Write the budget workbook (Summary, Lines, Rates) to ``target``."""
    with language(lang or "en"):
        return _write(budget_sheets(store, result or budget.compute(store)), target)


def budget_sheets(store: PlanStore, result: budget.Budget) -> list[_Sheet]:
    """The workbook's sheets, cells and formats, before they are written."""
    if not result.lines:
        raise PlannerError(_("The budget is empty: add rates (Budget ▸ Rates) or lines first."))
    rates, cell_of = _rates_sheet(store, result)
    lines, subtotals, first_line, last_line = _lines_sheet(result, cell_of)
    summary = _summary_sheet(store, result, subtotals, first_line, last_line)
    return [summary, lines, rates]


RATES = "Rates"
LINES = "Lines"


def _rates_sheet(store: PlanStore, result: budget.Budget) -> tuple[_Sheet, dict[str, str]]:
    """The visible rates, and for each line key (or "fx:CUR:YYYY-MM") the cell that holds its
    rate, as an absolute reference from another sheet."""
    sheet = _Sheet(_("Rates"))
    sheet.landscape = False
    sheet.title_block(_plan_lines(store, _("Rates used by the budget")))
    cell_of: dict[str, str] = {}
    cur = result.currency
    name = sheet.title

    def ref(row: int, column: str) -> str:
        return f"'{name}'!${column}${row}"

    def section(title: str, headings: Sequence[str]) -> None:
        sheet.add(_Cell(title, bold=True, text=True))
        if sheet.heading is None:
            sheet.headings(headings)
        else:
            sheet.add(*[_Cell(h, bold=True, fill=True, text=True) for h in headings])

    section(
        _("Exchange rates"),
        [
            _("Currency"),
            _("Month"),
            _("Units for one {currency}").format(currency=cur),
            _("Source"),
        ],
    )
    seen: set[tuple[str, date]] = set()
    for line in result.lines:
        if line.currency == cur or (line.currency, line.month) in seen:
            continue
        seen.add((line.currency, line.month))
    fx = {(x.currency, x.month.isoformat()[:7]): x.source for x in exchange_rates(store)}
    for currency, month in sorted(seen):
        line = next(x for x in result.lines if x.currency == currency and x.month == month)
        row = sheet.add(
            _text(currency),
            _text(month_text(month, full=True)),
            _Cell(line.rate, RATE_FORMAT),
            _text(fx.get((currency, month.isoformat()[:7]), "")),
        )
        cell_of[f"fx:{currency}:{month.isoformat()[:7]}"] = ref(row, "C")
    sheet.add()
    groups: dict[str, list[budget.Line]] = {}
    for line in result.lines:
        prefix = line.key.split(":")[0]
        groups.setdefault(prefix, []).append(line)
    titles = {
        "perdiem": _("Per diem (daily subsistence allowance)"),
        "block": _("Hotel rooms, per night"),
        "vehicle": _("Vehicles, per day"),
        "room": _("Rooms, per day"),
        "catering": _("Catering, per head"),
    }
    for prefix, title in titles.items():
        items = groups.get(prefix)
        if not items:
            continue
        section(title, [_("For"), _("Rate"), _("Currency")])
        if prefix == "perdiem":  # one rate for everyone
            first = items[0]
            label = first.explanation.rsplit("(", 1)[-1].rstrip(")")
            row = sheet.add(
                _text(label),
                _Cell(first.unit_cost, money_format(first.currency)),
                _text(first.currency),
            )
            for line in items:
                cell_of[line.key] = ref(row, "B")
        else:
            for line in items:
                label = (
                    meal_label(line.key.split(":")[1]) if prefix == "catering" else line.description
                )
                row = sheet.add(
                    _text(label),
                    _Cell(line.unit_cost, money_format(line.currency)),
                    _text(line.currency),
                )
                cell_of[line.key] = ref(row, "B")
        sheet.add()
    indirect = next((x for x in result.lines if x.key == "indirect"), None)
    if indirect is not None:
        section(_("Indirect support"), [_("For"), _("Rate"), ""])
        row = sheet.add(
            _text(_("Share of the direct costs")), _Cell(indirect.unit_cost * 100, PERCENT_FORMAT)
        )
        cell_of["indirect"] = ref(row, "B")
    sheet.widths = {1: 45, 4: 40}
    return sheet, cell_of


def _lines_sheet(
    result: budget.Budget, cell_of: dict[str, str]
) -> tuple[_Sheet, dict[str, int], int, int]:
    sheet = _Sheet(_("Lines"))
    cur = result.currency
    sheet.add(_Cell(_("Budget lines"), bold=True, text=True))
    sheet.add(
        _Cell(
            _(
                "Amount = ROUND(quantity × unit cost / exchange rate, 2). Unit costs and"
                " rates in blue come from the Rates sheet."
            ),
            italic=True,
            text=True,
        )
    )
    sheet.add()
    sheet.headings(
        [
            _("Budget code"),
            _("Category"),
            _("Funding source"),
            _("Description"),
            _("How it is computed"),
            _("Quantity"),
            _("Unit"),
            _("Unit cost"),
            _("Currency"),
            _("Month"),
            _("Exchange rate"),
            _("Amount ({currency})").format(currency=cur),
            _("Actual ({currency})").format(currency=cur),
        ]
    )
    subtotals: dict[str, int] = {}
    first_line = sheet.next_row
    by_category: dict[str, list[budget.Line]] = {}
    for line in result.lines:
        by_category.setdefault(line.category, []).append(line)
    for category in budget.CATEGORY_ORDER:
        items = by_category.get(category)
        if not items:
            continue
        label = budget_category_label(category)
        start = sheet.next_row
        for line in items:
            row = sheet.next_row
            if line.key == "indirect":
                quantity: _Cell = _Cell(
                    "=" + "+".join(f"L{r}" for r in subtotals.values()) if subtotals else 0,
                    money_format(cur),
                )
                share = line.unit_cost * 100  # a share of the direct costs: "7 %"
                unit_cost = _Cell(
                    f"={cell_of['indirect']}/100" if "indirect" in cell_of else line.unit_cost,
                    "0 %" if share == share.to_integral_value() else "0.0# %",
                    linked=True,
                )
            else:
                quantity = _Cell(line.quantity, QUANTITY_FORMAT)
                unit_cost = _Cell(
                    f"={cell_of[line.key]}" if line.key in cell_of else line.unit_cost,
                    money_format(line.currency),
                    linked=line.key in cell_of,
                )
            fx_key = f"fx:{line.currency}:{line.month.isoformat()[:7]}"
            rate = _Cell(
                f"={cell_of[fx_key]}" if fx_key in cell_of else line.rate,
                RATE_FORMAT,
                linked=fx_key in cell_of,
            )
            sheet.add(
                _text(line.budget_code),
                _text(label),
                _Cell(line.funding_source, text=True, wrap=True),
                _Cell(line.description, text=True, wrap=True),
                _Cell(line.explanation, text=True, wrap=True),
                quantity,
                _text(line.unit),
                unit_cost,
                _text(line.currency),
                _text(month_text(line.month)),
                rate,
                _Cell(f"=ROUND(F{row}*H{row}/K{row},2)", money_format(cur)),
                _Cell(line.actual, money_format(cur)) if line.actual is not None else None,
            )
        end = sheet.next_row - 1
        subtotals[category] = sheet.add(
            None,
            _Cell(label, bold=True, text=True),
            None,
            _Cell(_("Total {category}").format(category=label), bold=True, text=True),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            _Cell(f"=SUM(L{start}:L{end})", money_format(cur), bold=True),
            _Cell(f"=SUM(M{start}:M{end})", money_format(cur), bold=True),
        )
        sheet.add()
    last_line = sheet.next_row - 1
    sheet.add(
        None,
        None,
        None,
        _Cell(_("Total"), bold=True, text=True),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        _Cell("=" + "+".join(f"L{r}" for r in subtotals.values()), money_format(cur), bold=True),
        _Cell("=" + "+".join(f"M{r}" for r in subtotals.values()), money_format(cur), bold=True),
    )
    sheet.widths = {3: 34, 4: 40, 5: 55}
    return sheet, subtotals, first_line, last_line


def _summary_sheet(
    store: PlanStore, result: budget.Budget, subtotals: dict[str, int], first: int, last: int
) -> _Sheet:
    sheet = _Sheet(_("Summary"))
    sheet.landscape = False
    cur = result.currency
    lines = _Sheet(_("Lines")).title  # the name the formulas point at
    sheet.title_block(_plan_lines(store, _("Budget")))
    sheet.headings(
        [
            _("Category"),
            _("Budget code"),
            _("Estimate ({currency})").format(currency=cur),
            _("Actual ({currency})").format(currency=cur),
        ]
    )
    codes = {x.category: x.budget_code for x in result.lines}
    start = sheet.next_row
    for category, row in subtotals.items():
        sheet.add(
            _text(budget_category_label(category)),
            _text(codes.get(category, "")),
            _Cell(f"='{lines}'!L{row}", money_format(cur)),
            _Cell(f"='{lines}'!M{row}", money_format(cur)),
        )
    end = sheet.next_row - 1
    sheet.add(
        _Cell(_("Total"), bold=True, text=True),
        None,
        _Cell(f"=SUM(C{start}:C{end})", money_format(cur), bold=True),
        _Cell(f"=SUM(D{start}:D{end})", money_format(cur), bold=True),
    )
    sheet.add()
    sheet.add(
        _Cell(_("Funding source"), bold=True, fill=True, text=True),
        _Cell(_("Code"), bold=True, fill=True, text=True),
        _Cell(_("Estimate ({currency})").format(currency=cur), bold=True, fill=True, text=True),
        _Cell(_("Actual ({currency})").format(currency=cur), bold=True, fill=True, text=True),
    )
    codes_of = {source.name: source.code for source in funding_sources(store)}
    start = sheet.next_row
    column = f"'{lines}'!$C${first}:$C${last}"
    for total in result.by_source():
        if total.key:
            criterion = _Cell(total.label, text=True, wrap=True)  # a long name whole
            row = sheet.next_row
            # SUMPRODUCT compares names exactly (SUMIF would read "*", "?" or "<" in a name)
            sheet.add(
                criterion,
                _text(codes_of.get(total.label, "")),
                _Cell(
                    f"=SUMPRODUCT(({column}=A{row})*'{lines}'!$L${first}:$L${last})",
                    money_format(cur),
                ),
                _Cell(
                    f"=SUMPRODUCT(({column}=A{row})*'{lines}'!$M${first}:$M${last})",
                    money_format(cur),
                ),
            )
        else:  # lines with no source: what the sources leave of the total
            sheet.add(
                _Cell(total.label, text=True, wrap=True),
                None,
                _Cell(
                    f"=SUMPRODUCT(('{lines}'!$B${first}:$B${last}<>\"\")"
                    f"*('{lines}'!$C${first}:$C${last}=\"\")"
                    f"*'{lines}'!$L${first}:$L${last})",
                    money_format(cur),
                ),
                None,
            )
    end = sheet.next_row - 1
    sheet.add(
        _Cell(_("Total"), bold=True, text=True),
        None,
        _Cell(f"=SUM(C{start}:C{end})", money_format(cur), bold=True),
        _Cell(f"=SUM(D{start}:D{end})", money_format(cur), bold=True),
    )
    if result.warnings:
        sheet.add()
        sheet.add(_Cell(_("Notes"), bold=True, text=True))
        for warning in result.warnings:
            sheet.add(_Cell(warning, italic=True, text=True))
    sheet.widths = {1: 55}
    return sheet


# --- the per diem payment sheet -----------------------------------------------------------------


def perdiem_sheet(
    store: PlanStore,
    target: str | Path,
    lang: str | None = None,
    result: budget.Budget | None = None,
    *,
    personal: bool,
) -> Path:
    """One row per person paid a per diem: days, rate, deductions, amount, and a signature.
    ``personal`` has no default: the caller says whether identity numbers go in (the export
    catalog refuses this sheet without them, since they are its purpose)."""
    with language(lang or "en"):
        result = result or budget.compute(store)
        lines = [x for x in result.lines if x.category == BudgetCategory.PER_DIEM]
        if not lines:
            raise PlannerError(
                _(
                    "No one is paid a per diem yet: it needs the travellers'"
                    " arrivals and departures (Travel) and a per diem rate"
                    " (Budget ▸ Rates)."
                )
            )
        people = identities(store, personal=personal)
        sheet = _Sheet(_("Per diem"))
        sheet.title_block(
            [
                *_plan_lines(store, _("Per diem payment sheet")),
                _("Confidential: identity numbers, for payment only.")
                if personal
                else left_out_note(),
            ]
        )
        cur = result.currency
        sheet.headings(
            [
                _("No."),
                _("Name"),
                _("Identity or passport no."),
                _("Per diem days"),
                _("Days deducted (lodging, meals)"),
                _("Days paid"),
                _("Daily rate"),
                _("Amount in that currency"),
                _("Currency"),
                _("Exchange rate"),
                _("Amount ({currency})").format(currency=cur),
                _("Signature"),
            ]
        )
        start = sheet.next_row

        def order(line: budget.Line) -> tuple[object, ...]:
            given, family, _n, _o = people.get(_person(line), ("", "", "", ""))
            return sort_key(family or ""), sort_key(given or "")

        ordered = sorted(lines, key=order)
        # how each was computed, on a sheet of its own: the paper to sign stays legible
        how = _Sheet(_("How it is computed"))
        how.title_block([*_plan_lines(store, _("Per diem: how it is computed"))])
        how.headings([_("No."), _("Name"), _("Organisation"), _("How it is computed")])
        for n, line in enumerate(ordered, start=1):
            given, family, id_number, org = people.get(_person(line), ("", "", "", ""))
            days = result.per_diem_days.get(line.key)
            paid = days.paid if days is not None else line.quantity
            deducted = days.deducted if days is not None else Decimal(0)
            row = sheet.next_row
            sheet.heights[row] = 36  # room to sign
            sheet.add(
                n,
                _Cell(f"{family or ''}, {given or ''}".strip(", "), text=True, wrap=True),
                _text((id_number or "") if personal else ""),
                _Cell(paid, QUANTITY_FORMAT),
                _Cell(deducted, QUANTITY_FORMAT),
                _Cell(f"=D{row}-E{row}", QUANTITY_FORMAT),
                _Cell(line.unit_cost, AMOUNT_FORMAT),  # in the currency beside it
                _Cell(f"=ROUND(F{row}*G{row},2)", AMOUNT_FORMAT),
                _text(line.currency),
                _Cell(line.rate, RATE_FORMAT),
                _Cell(f"=ROUND(F{row}*G{row}/J{row},2)", money_format(cur)),
                _Cell("", text=True, border=True),  # a box to sign in
            )
            how.add(
                n,
                _text(line.description),
                _Cell(org or "", text=True, wrap=True),
                _Cell(line.explanation, text=True, wrap=True),
            )
        end = sheet.next_row - 1
        sheet.add(
            *([None] * 9),
            _Cell(_("Total"), bold=True, text=True),
            _Cell(f"=SUM(K{start}:K{end})", money_format(cur), bold=True),
        )
        # the whole payment, from the name to the signature, on one landscape page's width
        sheet.widths = {2: 20, 3: 12, 4: 8, 5: 12, 6: 8, 7: 9, 8: 10, 9: 9, 10: 9, 11: 17}
        sheet.minimum = {12: 22}
        how.widths = {3: 30, 4: 80}
        return _write([sheet, how], target)


def _person(line: budget.Line) -> int:
    return int(line.key.split(":")[1])
