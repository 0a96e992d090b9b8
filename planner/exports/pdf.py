"""Printed matter as PDF: bilingual certificates of participation, name badges with tent cards
for the table, and each delegation's agenda booklet (cover, day pages, each member's itinerary).

Text is set in the Bitstream Vera fonts that ship with reportlab, embedded in the file, so
Spanish prints on any printer. Nothing personal is printed: no identity or passport numbers, no
birth dates, no participant's phone or e-mail; the only phones are the contacts of drivers and
hosts on an itinerary. A file is written under a temporary name in the target's folder and
renamed once complete, so a failure or a cancel never leaves half a PDF behind.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, format_date_range, language, ngettext
from planner.domain.labels import role_label
from planner.domain.reference import country_name, sort_key
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    Scope,
    format_clock,
    format_day,
    reader,
    scope_of,
    title_lines,
)
from planner.queries.agenda import KIND_COLOURS, Block
from planner.queries.journeys import schedules
from planner.queries.snapshot import PersonInfo
from planner.rules.training import Tally, format_hours
from planner.store import PlanStore

FONT = "PlannerVera"
BOLD = "PlannerVera-Bold"
ITALIC = "PlannerVera-Italic"
BOLD_ITALIC = "PlannerVera-BoldItalic"
CREATOR = "Delegation Planner"

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B76")
NAVY = colors.HexColor("#1F3A5F")
GOLD = colors.HexColor("#B8912F")
RULE = colors.HexColor("#C9D1D9")
ZEBRA = colors.HexColor("#F3F5F8")
DAY_FILL = colors.HexColor("#E4EAF2")
NO_COLOUR = colors.HexColor("#8C959F")

# A space inside a phone number, kept from breaking the number over two lines.
_PHONE_SPACE = re.compile(r"(?<=[+\d]) (?=\d)")
# Characters the Vera fonts lack, and what prints instead.
_STAND_INS = {
    "\u2009": " ",
    "\u202f": "\u00a0",
    "\u2007": " ",
    "\u200a": " ",
    "\u2008": " ",
    "\u2192": "›",
    "\u2190": "‹",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "−",
}


# --- fonts and text -----------------------------------------------------------------------------


@cache
def _fonts() -> frozenset[int]:
    """Register the embedded fonts once; returns the characters they can print."""
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    regular = TTFont(FONT, os.path.join(folder, "Vera.ttf"))
    for font in (
        regular,
        TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")),
        TTFont(ITALIC, os.path.join(folder, "VeraIt.ttf")),
        TTFont(BOLD_ITALIC, os.path.join(folder, "VeraBI.ttf")),
    ):
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return frozenset(regular.face.charToGlyph)


def _clean(text: str) -> str:
    """The text with every character the font lacks replaced by one it has."""
    known = _fonts()
    out = []
    for ch in text:
        if ord(ch) in known or ch in "\n":
            out.append(ch)
        elif ch in _STAND_INS:
            out.append(_STAND_INS[ch])
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in known)
            out.append(plain or "?")
    return "".join(out)


def _x(text: str) -> str:
    """User text made safe for Paragraph markup."""
    return escape(_clean(text))


def _fit(text: str, font: str, size: float, width: float, smallest: float) -> tuple[str, float]:
    """The text and the largest size up to ``size`` at which it fits ``width``; below
    ``smallest`` it is cut short with an ellipsis."""
    text = _clean(text)
    wide = pdfmetrics.stringWidth(text, font, size)
    if wide <= width:
        return text, size
    size = max(smallest, math.floor(size * width / wide * 2) / 2)
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text, size
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def _colour(value: str | None) -> Any:
    """A "#RRGGBB" colour; grey for none or anything else."""
    if not value or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value.strip()):
        return NO_COLOUR
    return colors.HexColor("#" + value.strip().lstrip("#"))


def _ink_on(fill: Any) -> Any:
    """White or dark text, whichever reads on ``fill``."""
    light = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return INK if light > 0.62 else colors.white


def _tint(fill: Any, share: float) -> Any:
    """``fill`` mixed with white (share 0: white, 1: the colour)."""
    return colors.Color(
        1 - share * (1 - fill.red), 1 - share * (1 - fill.green), 1 - share * (1 - fill.blue)
    )


def _style(
    name: str,
    size: float,
    font: str = FONT,
    leading: float | None = None,
    colour: Any = INK,
    align: int = TA_LEFT,
    **more: Any,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.25,
        textColor=colour,
        alignment=align,
        **more,
    )


# --- writing the file ---------------------------------------------------------------------------


def _write(target: Path, draw: Callable[[str], None]) -> Path:
    """Run ``draw(temporary path)`` in the target's folder and move the result into place."""
    from planner.exports.xlsx import write_atomically

    return write_atomically(target, draw, _("a PDF viewer"))


def _canvas(
    path: str, size: tuple[float, float], title: str, subject: str, data: PlanData, options: Options
) -> Any:
    c = Canvas(path, pagesize=size, pageCompression=1, lang=options.lang, initialFontName=FONT)
    c.setTitle(_clean(title))
    c.setAuthor(_clean(data.organiser))
    c.setSubject(_clean(subject))
    c.setCreator(CREATOR)
    return c


def _whom(scope: Scope) -> str:
    return scope.name if scope.kind != "plan" else _("the plan")


def _other(options: Options) -> tuple[str, str]:
    """The second language of a bilingual page and its Babel locale."""
    if options.lang == "es":
        return "en", "en_GB"
    return "es", "es_PA" if options.reader_locale == "es-PA" else "es_HN"


# --- certificates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CertificateText:
    heading: str
    taken_part: str
    where_when: str
    hours: str
    organiser: str
    head: str


def _certificate_text(
    data: PlanData, locale: str, hours: Decimal, delegation: str
) -> _CertificateText:
    shown = format_hours(hours, locale)
    count = int(hours) if hours == int(hours) else 2
    return _CertificateText(
        _("Certificate of participation"),
        _("has taken part in «{title}»").format(title=data.title),
        _("held in {city}, {dates}").format(
            city=data.city, dates=format_date_range(data.first_day, data.last_day, locale=locale)
        ),
        ngettext("{hours} hour of training", "{hours} hours of training", count).format(hours=shown)
        if hours > 0
        else "",
        _("Organiser"),
        _("Head of delegation, {delegation}").format(delegation=delegation),
    )


def _certified(data: PlanData, scope: Scope) -> tuple[list[PersonInfo], Tally]:
    """The people of the choice who get a certificate: trainees who were trained
    (:mod:`planner.rules.training`); a reason in words when there is nobody."""
    if not any(any(marks.values()) for marks in data.marks.values()):
        raise PlannerError(
            _(
                "Nobody is recorded as having attended yet: record attendance"
                " (Plan ▸ Record Attendance) first."
            )
        )
    tally = data.training(scope.people)
    people = data.sorted_people(tally.trained)
    if people:
        return people, tally
    if scope.kind == "person" and scope.id is not None and not tally.trainees:
        person = data.people[scope.id]
        raise PlannerError(
            _(
                "{name} is not a trainee ({role}): certificates go to trainees who"
                " were trained. The attendance summary lists {name} apart, as"
                " also present."
            ).format(name=person.name, role=role_label(person.role))
        )
    if not tally.trainees:
        raise PlannerError(
            _(
                "There are no trainees (people with the role Trainee) in"
                " {whom}: certificates go to trainees who were trained;"
                " trainers, staff and delegation members are listed apart in"
                " the attendance summary."
            ).format(whom=_whom(scope))
        )
    raise PlannerError(
        _(
            "No trainee in {whom} is recorded as having attended a session:"
            " record their attendance (Plan ▸ Record Attendance) first, or"
            " choose others."
        ).format(whom=_whom(scope))
    )


def certificates(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """A certificate of participation (A4 landscape, bilingual) for each trainee in the choice
    who was trained, with their hours as the attendance summary counts them; trainers, staff
    and the delegation get none."""
    with reader(options):
        scope = scope_of(data, options)
        people, tally = _certified(data, scope)
        other, other_locale = _other(options)
        _fonts()

        def draw(path: str) -> None:
            c = _canvas(
                path,
                landscape(A4),
                _("Certificates of participation: {title}").format(title=data.title),
                _("Certificates of participation"),
                data,
                options,
            )
            _certificate_frame(c, data)
            texts: dict[tuple[Decimal, str], tuple[_CertificateText, _CertificateText]] = {}
            for n, person in enumerate(people):
                if n % 10 == 0:
                    job.step(n, len(people))
                delegation = data.delegation_name(person.delegation_id)
                hours = tally.hours(person.id)
                key = (hours, delegation)
                if key not in texts:  # the same for everyone with these hours and delegation
                    main = _certificate_text(data, options.babel_locale, hours, delegation)
                    with language(other):
                        texts[key] = main, _certificate_text(data, other_locale, hours, delegation)
                main, second = texts[key]
                head_id = data.delegations.get(person.delegation_id or -1, ("", "", None))[2]
                head = data.people.get(head_id) if head_id not in (None, person.id) else None
                _draw_certificate(c, data, person, main, second, head)
                c.showPage()
            job.step(len(people), len(people))
            c.save()

        return _write(target, draw)


# (font, size, colour, leading) of each kind of line on a certificate
_CERT_LOOK: dict[str, tuple[str, float, Any, float]] = {
    "title": (BOLD, 30, NAVY, 36),
    "title-2": (ITALIC, 13, MUTED, 16),
    "organisation": (FONT, 14, MUTED, 17),
    "body": (FONT, 15, INK, 19),
    "body-2": (ITALIC, 10.5, MUTED, 13),
    "hours": (BOLD, 15, NAVY, 19),
    "sign": (BOLD, 9.5, INK, 12),
    "sign-2": (FONT, 8.5, MUTED, 10.5),
    "sign-2i": (ITALIC, 8.5, MUTED, 10.5),
}
_TEXT_WIDTH = 200 * mm


@lru_cache(maxsize=4096)
def _lines(text: str, look: str, width: float = _TEXT_WIDTH) -> tuple[str, ...]:
    """A text broken into the lines that fit ``width`` (laid out once, drawn on every page
    that shows it: the same heading, place and hours on hundreds of certificates)."""
    font, size, *_rest = _CERT_LOOK[look]
    return tuple(simpleSplit(_clean(text), font, size, width)) or ("",)


def _draw_lines(c: Any, lines: tuple[str, ...], look: str, centre: float, top: float) -> float:
    """Centred lines below ``top``; returns the height they took."""
    font, size, colour, leading = _CERT_LOOK[look]
    c.setFont(font, size)
    c.setFillColor(colour)
    for n, line in enumerate(lines):
        c.drawCentredString(centre, top - size - n * leading, line)
    return leading * (len(lines) - 1) + size * 1.25


def _certificate_frame(c: Any, data: PlanData) -> None:
    """The frame and the organiser's name, the same on every page: drawn once as a form."""
    width, height = landscape(A4)
    c.beginForm("certificate-frame")
    c.setStrokeColor(NAVY)
    c.setLineWidth(3)
    c.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    inset = 14 * mm
    c.rect(inset, inset, width - 2 * inset, height - 2 * inset)
    c.setFillColor(GOLD)
    for x in (inset, width - inset):
        for y in (inset, height - inset):
            path = c.beginPath()
            path.moveTo(x, y + 2.6 * mm)
            path.lineTo(x + 2.6 * mm, y)
            path.lineTo(x, y - 2.6 * mm)
            path.lineTo(x - 2.6 * mm, y)
            path.close()
            c.drawPath(path, stroke=0, fill=1)
    organiser, size = _fit(data.organiser.upper(), BOLD, 12, width - 70 * mm, 8)
    c.saveState()
    c.setFillColor(NAVY)
    text = c.beginText()
    text.setFont(BOLD, size)
    text.setCharSpace(2)
    text.setTextOrigin(
        (width - pdfmetrics.stringWidth(organiser, BOLD, size) - 2 * (len(organiser) - 1)) / 2,
        height - 32 * mm,
    )
    text.textOut(organiser)
    c.drawText(text)
    c.restoreState()
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    c.line(width / 2 - 25 * mm, height - 36 * mm, width / 2 + 25 * mm, height - 36 * mm)
    c.endForm()


def _draw_certificate(
    c: Any,
    data: PlanData,
    person: PersonInfo,
    main: _CertificateText,
    second: _CertificateText,
    head: PersonInfo | None,
) -> None:
    width, height = landscape(A4)
    centre = width / 2
    c.doForm("certificate-frame")
    # the text, centred between the organiser and the signatures: (lines, look, space above)
    stack: list[tuple[tuple[str, ...], str, float]] = []

    def twice(first: str, then: str, big: str, small: str, gap: float) -> None:
        stack.append((_lines(first, big), big, gap))
        if then and then != first:
            stack.append((_lines(then, small), small, 1.5 * mm))

    twice(main.heading, second.heading, "title", "title-2", 0)
    name, size = _fit(person.name, BOLD, 34, width - 70 * mm, 16)
    stack.append(((name,), "name", 8 * mm))
    stack.append(((), "rule", 2.5 * mm))
    if person.organisation:
        stack.append((_lines(person.organisation, "organisation"), "organisation", 2.5 * mm))
    twice(main.taken_part, second.taken_part, "body", "body-2", 7 * mm)
    twice(main.where_when, second.where_when, "body", "body-2", 4 * mm)
    if main.hours:
        twice(main.hours, second.hours, "hours", "body-2", 6 * mm)

    def high(lines: tuple[str, ...], look: str) -> float:
        if look == "name":
            return size * 1.25
        if look == "rule":
            return 0.6
        _font, font_size, _c, leading = _CERT_LOOK[look]
        return leading * (len(lines) - 1) + font_size * 1.25

    used = sum(high(lines, look) + gap for lines, look, gap in stack)
    top = min(54 * mm + (height - 42 * mm - 54 * mm + used) / 2, height - 42 * mm)
    for lines, look, gap in stack:
        top -= gap
        if look == "name":
            c.setFont(BOLD, size)
            c.setFillColor(INK)
            c.drawCentredString(centre, top - size, name)
            top -= size * 1.25
        elif look == "rule":
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            c.line(centre - 70 * mm, top, centre + 70 * mm, top)
            top -= 0.6
        else:
            top -= _draw_lines(c, lines, look, centre, top)

    # signatures: the organiser's, and the head of the person's delegation
    signers: list[tuple[str, str, str]] = [(data.organiser, main.organiser, second.organiser)]
    if head is not None:
        signers.append((head.name, main.head, second.head))
    line_y = 36 * mm
    slot = 90 * mm
    centres = [centre] if len(signers) == 1 else [centre - 65 * mm, centre + 65 * mm]
    for middle, (who, role, role_2) in zip(centres, signers, strict=True):
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        c.line(middle - 35 * mm, line_y, middle + 35 * mm, line_y)
        y = line_y - 2 * mm
        parts = [(who, "sign"), (role, "sign-2")]
        if role_2 != role:
            parts.append((role_2, "sign-2i"))
        for text, look in parts:
            y -= _draw_lines(c, _lines(text, look, slot), look, middle, y)


# --- badges and tent cards ----------------------------------------------------------------------

BADGE_W, BADGE_H = 90 * mm, 60 * mm
BADGE_COLUMNS, BADGE_ROWS = 2, 4


def _delegation_colours(data: PlanData) -> dict[int, Any]:
    return {i: _colour(colour) for i, colour in data.delegation_colours.items()}


def badges(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """Name badges, eight to an A4 page with cut marks, then a tent card (A4 landscape, folded
    in the middle) for each person in the choice."""
    with reader(options):
        scope = scope_of(data, options)
        people = data.sorted_people(scope.people)
        if not people:
            raise PlannerError(
                _(
                    "Nobody to print badges for: {whom} has no people yet. Add"
                    " people first, or choose others."
                ).format(whom=_whom(scope))
            )
        palette = _delegation_colours(data)
        per_page = BADGE_COLUMNS * BADGE_ROWS
        sheets = [people[i : i + per_page] for i in range(0, len(people), per_page)]
        total = len(sheets) + len(people)
        _fonts()

        def draw(path: str) -> None:
            c = _canvas(
                path,
                A4,
                _("Name badges and tent cards: {title}").format(title=data.title),
                _("Name badges and tent cards"),
                data,
                options,
            )
            done = 0
            for sheet in sheets:
                job.step(done, total)
                _draw_badge_sheet(c, data, sheet, palette)
                c.showPage()
                done += 1
            for person in people:
                job.step(done, total)
                c.setPageSize(landscape(A4))
                _draw_tent_card(c, data, person, palette)
                c.showPage()
                done += 1
            job.step(total, total)
            c.save()

        return _write(target, draw)


def _draw_badge_sheet(
    c: Any, data: PlanData, people: list[PersonInfo], palette: dict[int, Any]
) -> None:
    width, height = A4
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
        _draw_badge(c, data, person, palette, left + column * BADGE_W, top - (row + 1) * BADGE_H)


def _draw_badge(
    c: Any, data: PlanData, person: PersonInfo, palette: dict[int, Any], x: float, y: float
) -> None:
    fill = palette.get(person.delegation_id or -1, NO_COLOUR)
    ink = _ink_on(fill)
    band = 14 * mm
    inner = BADGE_W - 10 * mm
    centre = x + BADGE_W / 2
    # coloured band with the delegation
    c.setFillColor(fill)
    c.rect(x, y + BADGE_H - band, BADGE_W, band, stroke=0, fill=1)
    delegation = data.delegation_name(person.delegation_id) or person.organisation_short
    text, size = _fit(delegation, BOLD, 11, inner, 6)
    c.setFillColor(ink)
    c.setFont(BOLD, size)
    c.drawCentredString(centre, y + BADGE_H - band / 2 - size * 0.35, text)
    # the names: given name large, family name under it
    c.setFillColor(INK)
    given, size = _fit(person.given_name or person.family_name, BOLD, 26, inner, 10)
    c.setFont(BOLD, size)
    c.drawCentredString(centre, y + BADGE_H - band - 6 * mm - size * 0.75, given)
    family_top = y + BADGE_H - band - 8 * mm - size
    if person.given_name and person.family_name:
        family, fsize = _fit(person.family_name, FONT, 15, inner, 8)
        c.setFont(FONT, fsize)
        c.drawCentredString(centre, family_top - fsize * 0.85, family)
    # the organisation
    org, size = _fit(person.organisation_short, FONT, 10, inner, 6)
    c.setFillColor(MUTED)
    c.setFont(FONT, size)
    c.drawCentredString(centre, y + 13.5 * mm, org)
    # the role in a light strip at the foot
    strip = 9 * mm
    c.setFillColor(_tint(fill, 0.22))
    c.rect(x, y, BADGE_W, strip, stroke=0, fill=1)
    c.setFillColor(fill if ink is colors.white else INK)
    role, size = _fit(role_label(person.role).upper(), BOLD, 9, inner, 6)
    c.setFont(BOLD, size)
    c.drawCentredString(centre, y + strip / 2 - size * 0.35, role)
    # thin border to cut along
    c.setStrokeColor(colors.HexColor("#B0B7BF"))
    c.setLineWidth(0.4)
    c.rect(x, y, BADGE_W, BADGE_H, stroke=1, fill=0)


def _draw_tent_card(c: Any, data: PlanData, person: PersonInfo, palette: dict[int, Any]) -> None:
    width, height = landscape(A4)
    half = height / 2
    fill = palette.get(person.delegation_id or -1, NO_COLOUR)
    # the lower half reads from the front; the upper half, turned, from the other side
    _draw_tent_half(c, data, person, fill, width, half)
    c.saveState()
    c.translate(width, height)
    c.rotate(180)
    _draw_tent_half(c, data, person, fill, width, half)
    c.restoreState()
    c.setStrokeColor(colors.HexColor("#9AA4AE"))
    c.setLineWidth(0.5)
    c.setDash(4, 4)
    c.line(8 * mm, half, width - 8 * mm, half)
    c.setDash()


def _draw_tent_half(
    c: Any, data: PlanData, person: PersonInfo, fill: Any, width: float, half: float
) -> None:
    """One face of a tent card, its foot (on the table) at y = 0 and the fold at ``half``."""
    band = 11 * mm
    inner = width - 30 * mm
    c.setFillColor(fill)
    c.rect(0, 0, width, band, stroke=0, fill=1)
    delegation = data.delegation_name(person.delegation_id)
    if delegation:
        text, size = _fit(delegation, BOLD, 12, inner, 7)
        c.setFillColor(_ink_on(fill))
        c.setFont(BOLD, size)
        c.drawCentredString(width / 2, band / 2 - size * 0.35, text)
    name, size = _fit(person.name, BOLD, 54, inner, 20)
    org, org_size = _fit(person.organisation, FONT, 20, inner, 10)
    block = size * 0.75 + 7 * mm + org_size * 0.75
    base = band + (half - band - block) / 2 + org_size * 0.75 + 7 * mm
    c.setFillColor(INK)
    c.setFont(BOLD, size)
    c.drawCentredString(width / 2, base, name)
    c.setFillColor(MUTED)
    c.setFont(FONT, org_size)
    c.drawCentredString(width / 2, base - 7 * mm - org_size * 0.75, org)


# --- the agenda booklet -------------------------------------------------------------------------


@dataclass
class _Running:
    """What the page decorations need to know, set by markers in the story as it is laid out."""

    header: str = ""
    colour: Any = NO_COLOUR
    small: str = ""
    done: int = 0


class _Mark(Flowable):  # type: ignore[misc]
    """Takes no room; when laid out, updates the running header and the progress."""

    def __init__(self, state: _Running, change: Callable[[_Running], None]) -> None:
        super().__init__()
        self.state = state
        self.change = change
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.change(self.state)


def _time_range(start: Any, end: Any, options: Options) -> str:
    if end is None or end.date() != start.date():
        return format_clock(start, options)
    return f"{format_clock(start, options)}–{format_clock(end, options)}"


def _on_day(block: Block, day: date) -> bool:
    return block.start.date() <= day <= (block.end - timedelta(seconds=1)).date()


def booklet(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The agenda booklet of a delegation, or of every delegation one after another: a cover,
    the delegation's sessions day by day, and each member's itinerary."""
    with reader(options):
        scope = scope_of(data, options)
        if scope.kind == "delegation" and scope.id is not None:
            chosen = [scope.id]
        elif scope.kind == "plan":
            chosen = sorted(data.delegations, key=lambda i: (sort_key(data.delegations[i][0]), i))
        else:
            raise PlannerError(
                _(
                    "The agenda booklet is made per delegation: choose a"
                    " delegation, or none for every delegation."
                )
            )
        if not chosen:
            raise PlannerError(
                _("The plan has no delegations yet: add one on the Delegations page first.")
            )
        members = {d: data.sorted_people(data.members(("delegation", d))) for d in chosen}
        # Itineraries of the members who travel (arrive or leave by plane or road): the others
        # follow the day pages. ``all`` adds everyone's.
        travelling = {
            d: [p for p in people if options.all or p.id in data.travellers]
            for d, people in members.items()
        }
        journeys = schedules(
            data, [("person", p.id) for people in travelling.values() for p in people]
        )
        palette = _delegation_colours(data)
        total = sum(1 + len(people) for people in travelling.values())
        job.step(0, total)
        _fonts()
        styles = _booklet_styles()
        state = _Running()
        story: list[Any] = []
        for n, delegation in enumerate(chosen):
            job.step(0, total)
            if n:
                story += [NextPageTemplate("cover"), PageBreak()]
            story += _booklet_cover(
                data,
                delegation,
                len(members[delegation]),
                options,
                styles,
                state,
                palette.get(delegation, NO_COLOUR),
            )
            story += [NextPageTemplate("body"), PageBreak()]
            story += _booklet_days(data, delegation, options, styles)
            for person in travelling[delegation]:
                job.step(0, total)
                story += [
                    PageBreak(),
                    _Mark(state, _member(data.delegations[delegation][0], person)),
                ]
                story += _booklet_itinerary(
                    data, person, journeys[("person", person.id)], options, styles
                )
        footer_title = _clean(data.title)

        def decorate(cover: bool) -> Callable[[Any, Any], None]:
            def on_page_end(c: Any, doc: Any) -> None:
                job.step(min(state.done, total), total)
                width, height = A4
                c.saveState()
                if cover:
                    c.setFillColor(state.colour)
                    c.rect(0, height - 18 * mm, width, 18 * mm, stroke=0, fill=1)
                    c.setFillColor(NAVY)
                    c.rect(0, height - 20 * mm, width, 2 * mm, stroke=0, fill=1)
                    c.setFont(FONT, 7)
                    c.setFillColor(MUTED)
                    c.drawString(
                        20 * mm, 16 * mm, _fit(state.small, FONT, 7, width - 40 * mm, 5)[0]
                    )
                elif state.header:
                    c.setFont(BOLD, 8)
                    c.setFillColor(MUTED)
                    c.drawRightString(
                        width - 15 * mm,
                        height - 10 * mm,
                        _fit(state.header, BOLD, 8, width - 30 * mm, 6)[0],
                    )
                    c.setStrokeColor(state.colour)
                    c.setLineWidth(1.5)
                    c.line(15 * mm, height - 12 * mm, width - 15 * mm, height - 12 * mm)
                c.setStrokeColor(RULE)
                c.setLineWidth(0.5)
                c.line(15 * mm, 11 * mm, width - 15 * mm, 11 * mm)
                c.setFont(FONT, 7.5)
                c.setFillColor(MUTED)
                page = _("page {n}").format(n=doc.page)
                title = _fit(footer_title, FONT, 7.5, width - 60 * mm, 5)[0]
                c.drawString(15 * mm, 7 * mm, f"{title} · {page}")
                c.restoreState()

            return on_page_end

        width, height = A4

        def draw(path: str) -> None:
            doc = BaseDocTemplate(
                path,
                pagesize=A4,
                title=_clean(_("Agenda booklet: {title}").format(title=data.title)),
                author=_clean(data.organiser),
                subject=_clean(_("Agenda booklet")),
                creator=CREATOR,
                lang=options.lang,
                pageCompression=1,
                initialFontName=FONT,
            )
            doc.addPageTemplates(
                [
                    PageTemplate(
                        "cover",
                        [Frame(25 * mm, 25 * mm, width - 50 * mm, height - 55 * mm, id="cover")],
                        onPageEnd=decorate(True),
                    ),
                    PageTemplate(
                        "body",
                        [Frame(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm, id="body")],
                        onPageEnd=decorate(False),
                    ),
                ]
            )
            doc.build(story)
            job.step(total, total)

        return _write(target, draw)


def _member(delegation: str, person: PersonInfo) -> Callable[[_Running], None]:
    """The marker of a member's itinerary: their name in the running header, one more done."""

    def enter(state: _Running) -> None:
        state.header = f"{delegation} · {person.name}"
        state.done += 1

    return enter


def _booklet_styles() -> dict[str, ParagraphStyle]:
    return {
        "organiser": _style("b-organiser", 11, BOLD, colour=NAVY),
        "title": _style("b-title", 24, BOLD, leading=30, colour=INK),
        "what": _style("b-what", 14, FONT, colour=MUTED, spaceBefore=4),
        "delegation": _style("b-delegation", 22, BOLD, leading=27, colour=NAVY),
        "cover": _style("b-cover", 12, FONT, leading=17),
        "h1": _style("b-h1", 16, BOLD, colour=NAVY, spaceAfter=3 * mm),
        "h2": _style("b-h2", 12, BOLD, colour=INK, spaceBefore=4 * mm, spaceAfter=2 * mm),
        "person": _style("b-person", 15, BOLD, colour=NAVY, spaceAfter=1 * mm),
        "note": _style("b-note", 9.5, ITALIC, colour=MUTED, spaceAfter=2 * mm),
        "head": _style("b-head", 8.5, BOLD, colour=colors.white, leading=10.5),
        "cell": _style("b-cell", 8.5, FONT, leading=10.5),
        "cell-bold": _style("b-cell-bold", 8.5, BOLD, leading=10.5),
        "cell-small": _style("b-cell-small", 7.5, FONT, colour=MUTED, leading=9.5),
        "day": _style("b-day", 9, BOLD, colour=NAVY, leading=11),
    }


def _booklet_cover(
    data: PlanData,
    delegation: int,
    count: int,
    options: Options,
    styles: dict[str, ParagraphStyle],
    state: _Running,
    colour: Any,
) -> list[Any]:
    name, country = data.delegations[delegation].name, data.delegations[delegation].country

    def enter(s: _Running) -> None:
        s.header, s.colour, s.small = "", colour, small
        s.done += 1

    def leave(s: _Running) -> None:
        s.header = name

    what = _("Agenda booklet: {delegation}").format(delegation=name)
    small = title_lines(data, what, options)[1]
    dates = format_date_range(data.first_day, data.last_day, locale=options.babel_locale)
    lines = [
        _Mark(state, enter),
        Spacer(1, 22 * mm),
        Paragraph(_x(data.organiser), styles["organiser"]),
        Spacer(1, 3 * mm),
        Paragraph(_x(data.title), styles["title"]),
        Spacer(1, 3 * mm),
        Paragraph(_x(_("Agenda booklet")), styles["what"]),
        Spacer(1, 28 * mm),
        _Rule(colour, 60 * mm, 3),
        Spacer(1, 5 * mm),
        Paragraph(_x(name), styles["delegation"]),
    ]
    if country:
        lines.append(Paragraph(_x(country_name(country)), styles["cover"]))
    lines += [
        Paragraph(
            _x(ngettext("{n} member", "{n} members", count).format(n=count)), styles["cover"]
        ),
        Spacer(1, 18 * mm),
        Paragraph(f"<b>{_x(dates)}</b>", styles["cover"]),
        Paragraph(
            _x(", ".join(p for p in (data.city, country_name(data.country)) if p)), styles["cover"]
        ),
    ]
    if data.donor:
        lines += [
            Spacer(1, 18 * mm),
            Paragraph(
                _x(_("With the support of {donor}").format(donor=data.donor)), styles["note"]
            ),
        ]
    lines.append(_Mark(state, leave))
    return lines


class _Rule(Flowable):  # type: ignore[misc]
    """A short thick line in a delegation's colour."""

    def __init__(self, colour: Any, width: float, thickness: float) -> None:
        super().__init__()
        self.colour, self.rule_width, self.thickness = colour, width, thickness

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.rule_width, self.thickness

    def draw(self) -> None:
        self.canv.setFillColor(self.colour)
        self.canv.rect(0, 0, self.rule_width, self.thickness, stroke=0, fill=1)


def _table(
    rows: list[list[Any]],
    widths: list[float],
    extra: Iterable[tuple[Any, ...]] = (),
    zebra: Iterable[int] = (),
) -> Any:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in zebra]
    commands += list(extra)
    table.setStyle(TableStyle(commands))
    return table


def _booklet_days(
    data: PlanData, delegation: int, options: Options, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    sessions = data.sessions_for(data.members(("delegation", delegation)))
    cell, small, head = styles["cell"], styles["cell-small"], styles["head"]
    widths = [22 * mm, 58 * mm, 38 * mm, 32 * mm, 30 * mm]
    headings = [
        Paragraph(_x(t), head)
        for t in (_("Time"), _("Session"), _("Room or place"), _("Facilitators"), _("Audience"))
    ]
    out: list[Any] = [Paragraph(_x(_("Programme day by day")), styles["h1"])]
    for day in data.days():
        heading = Paragraph(_x(format_day(day, options)), styles["h2"])
        today = [b for b in sessions if _on_day(b, day)]
        if not today:
            out.append(
                KeepTogether(
                    [
                        heading,
                        Paragraph(
                            _x(_("No sessions for this delegation on this day.")), styles["note"]
                        ),
                    ]
                )
            )
            continue
        rows: list[list[Any]] = [headings]
        extra: list[tuple[Any, ...]] = []
        bold = styles["cell-bold"]
        for r, block in enumerate(today, start=1):
            title: Any = _Text(block.title, bold)
            if block.route:
                title = [title, _Text(block.route, small)]
            rows.append(
                [
                    _Text(_time_range(block.start, block.end, options), cell),
                    title,
                    _cell(data.room_label(block), cell),
                    _cell(data.facilitator_names(block), small),
                    _cell(block.audience, small),
                ]
            )
            extra.append(("LINEBEFORE", (0, r), (0, r), 3, _colour(KIND_COLOURS.get(block.kind))))
        table = _table(rows, widths, extra, zebra=range(2, len(rows), 2))
        out += [CondPageBreak(45 * mm), heading, table]
    return out


class _Text(Flowable):  # type: ignore[misc]
    """Plain text in one font, broken into lines to fit: what a table cell of the booklet
    holds (a Paragraph parses markup and lays out each word, many times slower)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = _clean(text)
        self.font, self.size = style.fontName, style.fontSize
        self.colour, self.leading = style.textColor, style.leading
        self.lines: tuple[str, ...] = ()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.lines = _split(self.text, self.font, self.size, available_width)
        self.width = available_width
        self.height = self.leading * len(self.lines)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, self.size)
        c.setFillColor(self.colour)
        y = self.height - self.size
        for line in self.lines:
            c.drawString(0, y, line)
            y -= self.leading


@lru_cache(maxsize=8192)
def _split(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    return tuple(simpleSplit(text, font, size, width)) or ("",)


def _cell(text: str, style: ParagraphStyle) -> Any:
    return _Text(text, style) if text else ""


def _what(kind: str, title: str) -> str:
    if kind == "arrival":
        return _("Arrival: {title}").format(title=title)
    if kind == "departure":
        return _("Departure: {title}").format(title=title)
    return title


def _booklet_itinerary(
    data: PlanData,
    person: PersonInfo,
    items: list[Any],
    options: Options,
    styles: dict[str, ParagraphStyle],
) -> list[Any]:
    cell, bold, small, head = (
        styles["cell"],
        styles["cell-bold"],
        styles["cell-small"],
        styles["head"],
    )
    about = " · ".join(p for p in (person.organisation, role_label(person.role)) if p)
    out: list[Any] = [
        Paragraph(_x(_("Itinerary of {name}").format(name=person.name)), styles["person"]),
        Paragraph(_x(about), styles["note"]),
    ]
    if not items:
        out.append(
            Paragraph(
                _x(_("Nothing is planned for {name} yet.").format(name=person.name)), styles["cell"]
            )
        )
        return out
    widths = [22 * mm, 50 * mm, 42 * mm, 30 * mm, 36 * mm]
    rows: list[list[Any]] = [
        [
            Paragraph(_x(t), head)
            for t in (_("Time"), _("What"), _("Where"), _("Detail"), _("Contact"))
        ]
    ]
    extra: list[tuple[Any, ...]] = []
    zebra: list[int] = []
    current: date | None = None
    shade = False
    for item in items:
        if item.start.date() != current:
            current = item.start.date()
            rows.append([_Text(format_day(current, options), styles["day"]), "", "", "", ""])
            r = len(rows) - 1
            extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), DAY_FILL)]
            shade = False
        rows.append(
            [
                _Text(_time_range(item.start, item.end, options), cell),
                _Text(
                    _what(item.kind, item.title),
                    bold if item.kind in ("arrival", "departure") else cell,
                ),
                _cell(item.place, cell),
                _cell(item.detail, small),
                _cell(_PHONE_SPACE.sub("\u00a0", item.contact) if options.personal else "", small),
            ]
        )
        if shade:
            zebra.append(len(rows) - 1)
        shade = not shade
    out.append(_table(rows, widths, extra, zebra))
    return out


__all__ = ["badges", "booklet", "certificates"]
