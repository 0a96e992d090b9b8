"""Bilingual numbered certificates, one page each: of completion for trainees who completed the
training, of attendance for those who came but did not complete (when asked), of facilitation
for trainers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, format_date_range, language, ngettext
from planner.domain.labels import role_label
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    Scope,
    for_reader,
    scope_of,
)
from planner.exports.paper import page_size
from planner.exports.pdf.drawing import (
    BOLD,
    FONT,
    GOLD,
    INK,
    ITALIC,
    MUTED,
    NAVY,
    RULE,
    canvas,
    clean,
    fit,
    fonts,
    refuse_too_many_pages,
    second_language,
    split_lines,
    whom,
    write_pdf,
)
from planner.exports.register import Certified, certified
from planner.operations.certificates import ATTENDANCE, FACILITATION
from planner.queries.snapshot import PersonInfo
from planner.rules.training import Tally, format_hours
from planner.store import PlanStore

# --- certificates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CertificateText:
    heading: str
    taken_part: str
    where_when: str
    hours: str
    organiser: str
    head: str
    number: str


def _certificate_text(
    data: PlanData, locale: str, cert: Certified, delegation: str
) -> _CertificateText:
    hours = cert.hours
    shown = format_hours(hours, locale)
    count = int(hours) if hours == int(hours) else 2
    first, last = cert.first or data.first_day, cert.last or data.last_day
    if cert.kind == FACILITATION:
        heading = _("Certificate of facilitation")
        body = _("has facilitated sessions of «{title}»").format(title=data.title)
        hours_text = ngettext(
            "{hours} hour of sessions given", "{hours} hours of sessions given", count
        ).format(hours=shown)
    else:
        if cert.kind == ATTENDANCE:
            heading = _("Certificate of attendance")
            body = _("has attended «{title}»").format(title=data.title)
        else:
            heading = _("Certificate of completion")
            body = _("has completed «{title}»").format(title=data.title)
        hours_text = ngettext(
            "{hours} hour of training", "{hours} hours of training", count
        ).format(hours=shown)
    return _CertificateText(
        heading,
        body,
        _("held in {city}, {dates}").format(
            city=data.city, dates=format_date_range(first, last, locale=locale, full=True)
        ),
        hours_text if hours > 0 else "",
        _("Organiser"),
        _("Head of delegation, {delegation}").format(delegation=delegation),
        _("No. {number}").format(number=cert.number),
    )


def _refuse_nobody(data: PlanData, scope: Scope, tally: Tally, attendance: bool) -> None:
    """Why nobody in the choice gets a certificate, in words."""
    if not any(any(marks.values()) for marks in data.marks.values()):
        raise PlannerError(
            _(
                "Nobody is recorded as having attended yet: record attendance"
                " (Plan ▸ Record Attendance, or Plan ▸ Check-in) first."
            )
        )
    if scope.kind == "person" and scope.id is not None and not tally.trainees:
        person = data.people[scope.id]
        raise PlannerError(
            _(
                "{name} is not a trainee ({role}) and gave no training session:"
                " certificates go to trainees and trainers. The attendance summary lists"
                " {name} apart, as also present."
            ).format(name=person.name, role=role_label(person.role, sex=person.sex))
        )
    if not tally.trainees:
        raise PlannerError(
            _(
                "There are no trainees (people with the role Trainee) in"
                " {whom}: certificates go to trainees who were trained;"
                " trainers, staff and delegation members are listed apart in"
                " the attendance summary."
            ).format(whom=whom(scope))
        )
    if tally.attended and not attendance:
        raise PlannerError(
            _(
                "No trainee in {whom} completed the training ({share} of their hours"
                " and every required module): add certificates of attendance (--attendance),"
                " or check the completion rule in Plan Details."
            ).format(whom=whom(scope), share=f"{tally.percent} %")
        )
    raise PlannerError(
        _(
            "No trainee in {whom} is recorded as having attended a session:"
            " record their attendance (Plan ▸ Record Attendance) first, or"
            " choose others."
        ).format(whom=whom(scope))
    )


def certificates(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """A numbered certificate (landscape, bilingual) for each person in the choice who earns
    one: of completion for trainees who completed, of attendance (``options.attendance``) for
    those who came but did not complete, of facilitation for trainers; with their own days
    and hours as the attendance summary counts them."""
    with for_reader(options):
        scope = scope_of(data, options)
        if not any(any(marks.values()) for marks in data.marks.values()):
            _refuse_nobody(data, scope, data.training(scope.people), options.attendance)
        given, tally = certified(store, data, scope, options.attendance)
        if not given:
            _refuse_nobody(data, scope, tally, options.attendance)
        refuse_too_many_pages(
            len(given),
            _(
                "Export the certificates of one delegation or group at a time (--delegation,"
                " --group), or one file per person (--split)."
            ),
        )
        other, other_locale = second_language(options)
        fonts()

        def draw(path: str) -> None:
            c = canvas(
                path,
                page_size(landscape=True),
                _("Certificates: {title}").format(title=data.title),
                _("Certificates"),
                data,
                options,
            )
            _certificate_frame(c, data)
            # the words, made once for every certificate alike (the same kind, hours, days
            # and delegation: most of a plan's hundreds); only the number differs
            texts: dict[tuple[Any, ...], tuple[_CertificateText, _CertificateText]] = {}
            for n, cert in enumerate(given):
                if n % 10 == 0:
                    job.step(n, len(given))
                person = data.people[cert.person]
                delegation = data.delegation_name(person.delegation_id)
                key = (cert.kind, cert.hours, cert.first, cert.last, delegation)
                if key not in texts:
                    main = _certificate_text(data, options.babel_locale, cert, delegation)
                    with language(other):
                        texts[key] = main, _certificate_text(data, other_locale, cert, delegation)
                main, second = (
                    replace(t, number=_("No. {number}").format(number=cert.number))
                    for t in texts[key]
                )
                head_id = data.delegations.get(person.delegation_id or -1, ("", "", None))[2]
                head = data.people.get(head_id) if head_id not in (None, person.id) else None
                _draw_certificate(c, data, person, main, second, head)
                c.showPage()
            job.step(len(given), len(given))
            c.save()

        return write_pdf(target, draw)


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
    return split_lines(clean(text), font, size, width)


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
    width, height = page_size(landscape=True)
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
    organiser, size = fit(data.organiser.upper(), BOLD, 12, width - 70 * mm, 8)
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
    width, height = page_size(landscape=True)
    centre = width / 2
    c.doForm("certificate-frame")
    # the text, centred between the organiser and the signatures: (lines, look, space above)
    stack: list[tuple[tuple[str, ...], str, float]] = []

    def twice(first: str, then: str, big: str, small: str, gap: float) -> None:
        stack.append((_lines(first, big), big, gap))
        if then and then != first:
            stack.append((_lines(then, small), small, 1.5 * mm))

    twice(main.heading, second.heading, "title", "title-2", 0)
    name, size = fit(person.name, BOLD, 34, width - 70 * mm, 16)
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

    # its number in the register, lower right inside the frame
    c.setFont(FONT, 9)
    c.setFillColor(MUTED)
    c.drawRightString(width - 20 * mm, 18 * mm, main.number)
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
