"""Name badges, eight to a page (Letter or A4) with cut marks, and a tent card for the table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import role_label
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    scope_of,
)
from planner.exports.paper import page_size
from planner.exports.pdf.drawing import (
    BOLD,
    FONT,
    INK,
    MUTED,
    NO_COLOUR,
    canvas,
    delegation_colours,
    draw_qr,
    fit,
    fonts,
    ink_on,
    refuse_too_many_pages,
    tint,
    whom,
    write_pdf,
)
from planner.queries.badges import badge_codes
from planner.queries.snapshot import PersonInfo
from planner.store import PlanStore

# --- badges and tent cards ----------------------------------------------------------------------

BADGE_W, BADGE_H = 90 * mm, 60 * mm
BADGE_COLUMNS, BADGE_ROWS = 2, 4
QR_SIZE = 19 * mm  # 21 modules of 0.9 mm: a phone reads it at arm's length
QR_AREA = 26 * mm  # the badge's right side: the code, its text and a quiet margin
TENT_QR = 18 * mm


def badges(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """Name badges, eight to a page (Letter or A4) with cut marks, then a tent card
    (landscape, folded in the middle) for each person in the choice taking part; each with
    the person's badge code as a QR code and as text, to scan at the door."""
    with for_reader(options):
        scope = scope_of(data, options)
        gone = data.membership.gone
        people = [p for p in data.sorted_people(scope.people) if p.id not in gone]
        code = badge_codes(store).code
        if not people:
            raise PlannerError(
                _(
                    "Nobody to print badges for: {whom} has no people yet. Add"
                    " people first, or choose others."
                ).format(whom=whom(scope))
            )
        palette = delegation_colours(data)
        per_page = BADGE_COLUMNS * BADGE_ROWS
        sheets = [people[i : i + per_page] for i in range(0, len(people), per_page)]
        total = len(sheets) + len(people)
        refuse_too_many_pages(
            total,
            _("Print the badges of one delegation or group at a time (--delegation, --group)."),
        )
        fonts()

        def draw(path: str) -> None:
            c = canvas(
                path,
                page_size(),
                _("Name badges and tent cards: {title}").format(title=data.title),
                _("Name badges and tent cards"),
                data,
                options,
            )
            done = 0
            for sheet in sheets:
                job.step(done, total)
                _draw_badge_sheet(c, data, sheet, palette, code)
                c.showPage()
                done += 1
            for person in people:
                job.step(done, total)
                c.setPageSize(page_size(landscape=True))
                _draw_tent_card(c, data, person, palette, code(person.id))
                c.showPage()
                done += 1
            job.step(total, total)
            c.save()

        return write_pdf(target, draw)


def _draw_badge_sheet(
    c: Any,
    data: PlanData,
    people: list[PersonInfo],
    palette: dict[int, Any],
    code: Callable[[int], str],
) -> None:
    width, height = page_size()
    left = (width - BADGE_COLUMNS * BADGE_W) / 2
    bottom = (height - BADGE_ROWS * BADGE_H) / 2
    top = bottom + BADGE_ROWS * BADGE_H
    right = left + BADGE_COLUMNS * BADGE_W
    # cut marks in the margins, in line with every edge
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.3)
    mark, gap = 6 * mm, 2 * mm
    for i in range(BADGE_COLUMNS + 1):
        x = left + i * BADGE_W
        c.line(x, top + gap, x, top + gap + mark)
        c.line(x, bottom - gap, x, bottom - gap - mark)
    for j in range(BADGE_ROWS + 1):
        y = bottom + j * BADGE_H
        c.line(left - gap, y, left - gap - mark, y)
        c.line(right + gap, y, right + gap + mark, y)
    for n, person in enumerate(people):
        row, column = divmod(n, BADGE_COLUMNS)
        _draw_badge(
            c,
            data,
            person,
            palette,
            code(person.id),
            left + column * BADGE_W,
            top - (row + 1) * BADGE_H,
        )


def _draw_badge(
    c: Any,
    data: PlanData,
    person: PersonInfo,
    palette: dict[int, Any],
    badge_code: str,
    x: float,
    y: float,
) -> None:
    fill = palette.get(person.delegation_id or -1, NO_COLOUR)
    ink = ink_on(fill)
    band = 14 * mm
    inner = BADGE_W - 10 * mm
    centre = x + BADGE_W / 2
    strip = 9 * mm
    # coloured band with the delegation
    c.setFillColor(fill)
    c.rect(x, y + BADGE_H - band, BADGE_W, band, stroke=0, fill=1)
    delegation = data.delegation_name(person.delegation_id) or person.organisation_short
    text, size = fit(delegation, BOLD, 11, inner, 6)
    c.setFillColor(ink)
    c.setFont(BOLD, size)
    c.drawCentredString(centre, y + BADGE_H - band / 2 - size * 0.35, text)
    # the names and organisation on the left, the code to scan on the right
    body = BADGE_W - QR_AREA
    text_centre = x + body / 2
    text_width = body - 8 * mm
    c.setFillColor(INK)
    given, size = fit(person.given_name or person.family_name, BOLD, 26, text_width, 10)
    c.setFont(BOLD, size)
    c.drawCentredString(text_centre, y + BADGE_H - band - 6 * mm - size * 0.75, given)
    family_top = y + BADGE_H - band - 8 * mm - size
    if person.given_name and person.family_name:
        family, fsize = fit(person.family_name, FONT, 15, text_width, 8)
        c.setFont(FONT, fsize)
        c.drawCentredString(text_centre, family_top - fsize * 0.85, family)
    org, size = fit(person.organisation_short, FONT, 10, text_width, 6)
    c.setFillColor(MUTED)
    c.setFont(FONT, size)
    c.drawCentredString(text_centre, y + 13.5 * mm, org)
    qr_x = x + BADGE_W - 4 * mm - QR_SIZE
    code_base = y + strip + 6 * mm
    draw_qr(c, badge_code, qr_x, code_base + 4.5 * mm, QR_SIZE)
    c.setFillColor(INK)
    c.setFont(BOLD, 9)
    c.drawCentredString(qr_x + QR_SIZE / 2, code_base, badge_code)
    # the role in a light strip at the foot
    c.setFillColor(tint(fill, 0.22))
    c.rect(x, y, BADGE_W, strip, stroke=0, fill=1)
    c.setFillColor(fill if ink is colors.white else INK)
    role, size = fit(role_label(person.role, sex=person.sex).upper(), BOLD, 9, inner, 6)
    c.setFont(BOLD, size)
    c.drawCentredString(centre, y + strip / 2 - size * 0.35, role)
    # thin border to cut along
    c.setStrokeColor(colors.HexColor("#B0B7BF"))
    c.setLineWidth(0.4)
    c.rect(x, y, BADGE_W, BADGE_H, stroke=1, fill=0)


def _draw_tent_card(
    c: Any, data: PlanData, person: PersonInfo, palette: dict[int, Any], badge_code: str
) -> None:
    width, height = page_size(landscape=True)
    half = height / 2
    fill = palette.get(person.delegation_id or -1, NO_COLOUR)
    # the lower half reads from the front; the upper half, turned, from the other side
    _draw_tent_half(c, data, person, fill, width, half, badge_code)
    c.saveState()
    c.translate(width, height)
    c.rotate(180)
    _draw_tent_half(c, data, person, fill, width, half, badge_code)
    c.restoreState()
    c.setStrokeColor(colors.HexColor("#9AA4AE"))
    c.setLineWidth(0.5)
    c.setDash(4, 4)
    c.line(8 * mm, half, width - 8 * mm, half)
    c.setDash()


def _draw_tent_half(
    c: Any,
    data: PlanData,
    person: PersonInfo,
    fill: Any,
    width: float,
    half: float,
    badge_code: str,
) -> None:
    """One face of a tent card, its foot (on the table) at y = 0 and the fold at ``half``;
    the badge code in its lower right corner (to check in at the table)."""
    band = 11 * mm
    inner = width - 2 * (TENT_QR + 14 * mm)  # centred between the code and its mirror space
    c.setFillColor(fill)
    c.rect(0, 0, width, band, stroke=0, fill=1)
    delegation = data.delegation_name(person.delegation_id)
    if delegation:
        text, size = fit(delegation, BOLD, 12, inner, 7)
        c.setFillColor(ink_on(fill))
        c.setFont(BOLD, size)
        c.drawCentredString(width / 2, band / 2 - size * 0.35, text)
    name, size = fit(person.name, BOLD, 54, inner, 20)
    org, org_size = fit(person.organisation, FONT, 20, inner, 10)
    block = size * 0.75 + 7 * mm + org_size * 0.75
    base = band + (half - band - block) / 2 + org_size * 0.75 + 7 * mm
    c.setFillColor(INK)
    c.setFont(BOLD, size)
    c.drawCentredString(width / 2, base, name)
    c.setFillColor(MUTED)
    c.setFont(FONT, org_size)
    c.drawCentredString(width / 2, base - 7 * mm - org_size * 0.75, org)
    qr_x = width - 8 * mm - TENT_QR
    code_base = band + 5 * mm
    draw_qr(c, badge_code, qr_x, code_base + 4.5 * mm, TENT_QR)
    c.setFillColor(INK)
    c.setFont(BOLD, 9)
    c.drawCentredString(qr_x + TENT_QR / 2, code_base, badge_code)
