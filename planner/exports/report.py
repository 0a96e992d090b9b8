"""The donor's report as a workbook: the figures of ``planner report --json``
(:mod:`planner.rules.report`), each sheet with its table and a chart: who was trained by sex,
what they learned, how they rated the training, completers by age and sex, organisations, and
the signed sheets to attach."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.domain.i18n import _
from planner.exports.common import Job, Options, PlanData, title_lines
from planner.exports.report_words import band_words, question_words, sex_words
from planner.exports.sheet import Cell, Chart, Sheet, write
from planner.rules.report import SEXES, report
from planner.store import PlanStore


def _or_dash(value: Any) -> Any:
    return "—" if value is None else value


def report_workbook(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """Every figure of the report, on sheets with charts (the same numbers as ``--json``); a
    PDF when ``target`` ends in .pdf."""
    if target.suffix.lower() == ".pdf":
        from planner.exports.pdf.report import report_pdf

        return report_pdf(store, data, target, options, job)
    found = report(store)
    said = question_words(store, options.lang)
    job.step(1, 3)
    sexes = sex_words()
    k, s = found["knowledge"], found["satisfaction"]

    def sheets() -> Iterator[Sheet]:
        summary = Sheet(_("Report"))
        summary.title_block(
            title_lines(
                data,
                _("What the training achieved"),
                options,
                (
                    _(
                        "Trainees: role Trainee, not declined, replaced or cancelled. Attended:"
                        " present at least once. Completed: the completion rule (Plan Details)."
                    ),
                ),
            )
        )
        summary.headings([_("Figure"), _("Value")])
        rate = found["attendance_rate"]
        cost, per_hour = found["cost_per_trainee"], found["cost_per_trainee_hour"]
        for label, value, fmt in (
            (_("Trainees"), found["trainees"]["total"], ""),
            (_("Attended"), found["attended"]["total"], ""),
            (_("Completed (trained)"), found["completed"]["total"], ""),
            (_("Attendance rate (hours attended of hours planned)"), rate, "0.0%"),
            (_("Pre-test mean (%)"), k["pre_mean"], "0.0"),
            (_("Post-test mean (%)"), k["post_mean"], "0.0"),
            (_("Gain (percentage points)"), k["gain"], "0.0"),
            (_("People with both tests"), k["paired"], ""),
            (_("Share who improved"), k["improved"], "0.0%"),
            (_("Satisfaction (mean of 1–5 ratings)"), s["mean"], "0.0"),
            (_("Questionnaires with ratings"), s["responses"], ""),
            (
                _("Cost per trainee who completed ({currency}, {basis})").format(
                    currency=cost["currency"], basis=cost["basis"]
                ),
                Decimal(cost["amount"]) if cost["amount"] else None,
                "#,##0.00",
            ),
            (
                _("Cost per trainee-hour ({currency}, {basis})").format(
                    currency=per_hour["currency"], basis=per_hour["basis"]
                ),
                Decimal(per_hour["amount"]) if per_hour["amount"] else None,
                "#,##0.00",
            ),
        ):
            summary.add(
                Cell(label, wrap=True, text=True),
                Cell(value, number_format=fmt) if value is not None else "—",
            )
        summary.widths.update({1: 56, 2: 14})
        summary.landscape = False
        yield summary

        by_sex = Sheet(_("By sex"))
        by_sex.title_block(title_lines(data, _("Trainees by sex"), options))
        by_sex.headings(["", *[sexes[x] for x in SEXES], _("Total")])
        first = len(by_sex.rows) + 1
        for key, label in (
            ("trainees", _("Trainees")),
            ("attended", _("Attended")),
            ("completed", _("Completed")),
        ):
            by_sex.add(label, *[found[key][x] for x in SEXES], found[key]["total"])
        by_sex.charts.append(
            Chart(_("Trainees by sex"), first - 1, first, first + 2, 1, (2, 3, 4, 5), "H3")
        )
        yield by_sex

        learned = Sheet(_("Knowledge"))
        learned.title_block(
            title_lines(
                data,
                _("What they learned"),
                options,
                (
                    _(
                        "Means as a percentage of each test's maximum, over the {n} trainees"
                        " with both tests."
                    ).format(n=k["paired"]),
                ),
            )
        )
        learned.headings(["", _("Mean (%)")])
        first = len(learned.rows) + 1
        learned.add(_("Pre-test"), Cell(_or_dash(k["pre_mean"]), number_format="0.0"))
        learned.add(_("Post-test"), Cell(_or_dash(k["post_mean"]), number_format="0.0"))
        if k["pre_mean"] is not None:
            learned.charts.append(
                Chart(_("Pre-test and post-test"), first - 1, first, first + 1, 1, (2,), "E3", "%")
            )
        yield learned

        rated = Sheet(_("Satisfaction"))
        rated.title_block(
            title_lines(
                data,
                _("How they rated the training"),
                options,
                (_("Ratings from 1 (not at all) to 5 (fully); forms with or without a name."),),
            )
        )
        rated.headings([_("Question"), _("Mean"), _("Responses")])
        first = len(rated.rows) + 1
        for q in s["questions"]:
            rated.add(
                Cell(said(q["text"]), wrap=True, text=True),
                Cell(_or_dash(q["mean"]), number_format="0.0"),
                q["responses"],
            )
        rated.widths.update({1: 50})
        if s["questions"]:
            rated.charts.append(
                Chart(
                    _("Mean rating per question"),
                    first - 1,
                    first,
                    first + len(s["questions"]) - 1,
                    1,
                    (2,),
                    "F3",
                )
            )
        yield rated

        ages = Sheet(_("Age and sex"))
        ages.title_block(title_lines(data, _("Trainees who completed, by age and sex"), options))
        ages.headings([_("Age"), *[sexes[x] for x in SEXES]])
        first = len(ages.rows) + 1
        for band in found["age_bands"]:
            ages.add(band_words(band["band"]), *[band[x] for x in SEXES])
        ages.charts.append(
            Chart(
                _("Completed by age and sex"),
                first - 1,
                first,
                first + len(found["age_bands"]) - 1,
                1,
                (2, 3),
                "H3",
            )
        )
        yield ages

        orgs = Sheet(_("Organisations"))
        orgs.title_block(title_lines(data, _("Trainees by organisation"), options))
        orgs.headings([_("Organisation"), _("Attended"), _("Completed")])
        for org in found["organisations"]:
            orgs.add(Cell(org["name"], wrap=True, text=True), org["attended"], org["completed"])
        orgs.widths.update({1: 50})
        yield orgs

        signed = Sheet(_("Signed sheets"))
        signed.title_block(
            title_lines(
                data, _("Sign-in sheets to attach"), options, (_("Sessions with attendance"),)
            )
        )
        signed.headings([_("Date"), _("Session"), _("Present")])
        for sheet in found["sheets"]:
            signed.add(
                date.fromisoformat(sheet["date"]),
                Cell(sheet["session"], wrap=True, text=True),
                sheet["present"],
            )
        signed.widths.update({2: 60})
        yield signed
        job.step(3, 3)

    return write(sheets(), target)
