"""The donor's report as a PDF: the figures of ``planner report --json`` with bar charts (who
was trained by sex, the pre- and post-test, the ratings per question), completers by age and
sex, organisations and the signed sheets to attach; every font embedded, no text under 8
points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planner.domain.i18n import _
from planner.exports.common import Job, Options, PlanData, for_reader, title_lines
from planner.exports.paper import page_size
from planner.exports.pdf.drawing import (
    BOLD,
    DAY_FILL,
    FONT,
    INK,
    MUTED,
    NAVY,
    RULE,
    clean,
    fonts,
    style,
    write_pdf,
)
from planner.exports.report_words import band_words, question_words, sex_words
from planner.rules.report import SEXES, report
from planner.store import PlanStore

SERIES = (colors.HexColor("#B07AA1"), colors.HexColor("#4E79A7"), colors.HexColor("#EDC948"))


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    cells = [[Paragraph(clean(str(c)), BODY) if isinstance(c, str) else c for c in r] for r in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("BACKGROUND", (0, 0), (-1, 0), DAY_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    return table


def _bars(
    names: list[str], series: list[list[float]], legend: list[str], top: float | None = None
) -> Drawing:
    width, height = 160 * mm, 55 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = (
        14 * mm,
        10 * mm,
        width - 60 * mm,
        height - 16 * mm,
    )
    chart.data = series
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 8
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 8
    chart.valueAxis.valueMin = 0
    if top is not None:
        chart.valueAxis.valueMax = top
    for n in range(len(series)):
        chart.bars[n].fillColor = SERIES[n % len(SERIES)]
    drawing.add(chart)
    key = Legend()
    key.x, key.y = width - 42 * mm, height - 12 * mm
    key.fontName, key.fontSize = FONT, 8
    key.colorNamePairs = [(SERIES[n % len(SERIES)], name) for n, name in enumerate(legend)]
    drawing.add(key)
    return drawing


BODY = style("report-body", 9)


def report_pdf(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The report's figures and charts on a few portrait pages."""
    with for_reader(options):
        found = report(store)
        said = question_words(store, options.lang)
        fonts()
        sexes = sex_words()
        title = style("report-title", 16, BOLD, colour=NAVY)
        note = style("report-note", 9, colour=MUTED)
        heading = style("report-heading", 12, BOLD, colour=INK, spaceBefore=6, keepWithNext=1)
        lines = title_lines(data, _("What the training achieved"), options)
        k, s = found["knowledge"], found["satisfaction"]
        cost, per_hour = found["cost_per_trainee"], found["cost_per_trainee_hour"]

        def shown(value: Any, fmt: str = "{}") -> str:
            return "—" if value is None else fmt.format(value)

        story: list[Any] = [Paragraph(clean(lines[0]), title)]
        story += [Paragraph(clean(line), note) for line in lines[1:]]
        story.append(Spacer(1, 4 * mm))
        story.append(
            _table(
                [
                    [_("Figure"), _("Value")],
                    [_("Trainees"), str(found["trainees"]["total"])],
                    [_("Attended"), str(found["attended"]["total"])],
                    [_("Completed (trained)"), str(found["completed"]["total"])],
                    [
                        _("Attendance rate (hours attended of hours planned)"),
                        shown(found["attendance_rate"], "{:.1%}"),
                    ],
                    [_("Pre-test mean (%)"), shown(k["pre_mean"])],
                    [_("Post-test mean (%)"), shown(k["post_mean"])],
                    [_("Gain (percentage points)"), shown(k["gain"])],
                    [_("People with both tests"), str(k["paired"])],
                    [_("Share who improved"), shown(k["improved"], "{:.1%}")],
                    [_("Satisfaction (mean of 1–5 ratings)"), shown(s["mean"])],
                    [_("Questionnaires with ratings"), str(s["responses"])],
                    [
                        _("Cost per trainee who completed ({currency}, {basis})").format(
                            currency=cost["currency"], basis=cost["basis"]
                        ),
                        shown(cost["amount"]),
                    ],
                    [
                        _("Cost per trainee-hour ({currency}, {basis})").format(
                            currency=per_hour["currency"], basis=per_hour["basis"]
                        ),
                        shown(per_hour["amount"]),
                    ],
                ],
                [120 * mm, 40 * mm],
            )
        )
        job.step(1, 3)
        groups = [
            ("trainees", _("Trainees")),
            ("attended", _("Attended")),
            ("completed", _("Completed")),
        ]
        story.append(Paragraph(clean(_("Trainees by sex")), heading))
        story.append(
            _bars(
                [label for _k, label in groups],
                [[float(found[key][x]) for key, _l in groups] for x in ("female", "male")],
                [sexes["female"], sexes["male"]],
            )
        )
        if k["pre_mean"] is not None:
            story.append(Paragraph(clean(_("What they learned")), heading))
            story.append(
                _bars(
                    [_("Pre-test"), _("Post-test")],
                    [[float(k["pre_mean"]), float(k["post_mean"])]],
                    [_("Mean (%)")],
                    100,
                )
            )
        if s["questions"]:
            story.append(Paragraph(clean(_("How they rated the training")), heading))
            story.append(
                _table(
                    [[_("Question"), _("Mean"), _("Responses")]]
                    + [
                        [said(q["text"]), shown(q["mean"]), str(q["responses"])]
                        for q in s["questions"]
                    ],
                    [110 * mm, 22 * mm, 28 * mm],
                )
            )
        story.append(Paragraph(clean(_("Trainees who completed, by age and sex")), heading))
        story.append(
            _table(
                [[_("Age"), *[sexes[x] for x in SEXES]]]
                + [
                    [band_words(b["band"]), *[str(b[x]) for x in SEXES]] for b in found["age_bands"]
                ],
                [40 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm],
            )
        )
        story.append(Paragraph(clean(_("Trainees by organisation")), heading))
        story.append(
            _table(
                [[_("Organisation"), _("Attended"), _("Completed")]]
                + [
                    [o["name"], str(o["attended"]), str(o["completed"])]
                    for o in found["organisations"]
                ],
                [110 * mm, 25 * mm, 25 * mm],
            )
        )
        story.append(Paragraph(clean(_("Sign-in sheets to attach")), heading))
        story.append(
            _table(
                [[_("Date"), _("Session"), _("Present")]]
                + [[x["date"], x["session"], str(x["present"])] for x in found["sheets"]],
                [25 * mm, 115 * mm, 20 * mm],
            )
        )
        job.step(2, 3)

        def draw(path: str) -> None:
            doc = SimpleDocTemplate(
                path,
                pagesize=page_size(),
                title=clean(_("What the training achieved")),
                author=clean(data.organiser),
                leftMargin=18 * mm,
                rightMargin=18 * mm,
                topMargin=16 * mm,
                bottomMargin=16 * mm,
                initialFontName=FONT,  # every page opens in our embedded font, not Helvetica
            )
            # charts start from reportlab's default state, Helvetica (not embedded): ours
            defaults = shapes.STATE_DEFAULTS
            before = defaults["fontName"]
            defaults["fontName"] = FONT
            try:
                doc.build(story)
            finally:
                defaults["fontName"] = before

        path = write_pdf(target, draw)
        job.step(3, 3)
        return path
