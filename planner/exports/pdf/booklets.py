"""Each delegation's agenda booklet: a cover, the delegation's sessions day by day, and each
member's itinerary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
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
from planner.domain.i18n import _, format_date_range, ngettext
from planner.domain.labels import role_label
from planner.domain.reference import country_name, sort_key
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    format_clock,
    format_day,
    scope_of,
    title_lines,
)
from planner.exports.paper import page_size
from planner.exports.pdf.drawing import (
    BOLD,
    CREATOR,
    DAY_FILL,
    FONT,
    INK,
    ITALIC,
    MUTED,
    NAVY,
    NO_COLOUR,
    RULE,
    ZEBRA,
    clean,
    colour,
    delegation_colours,
    fit,
    fonts,
    markup,
    refuse_too_many_pages,
    split_lines,
    style,
    write_pdf,
)
from planner.queries.calendar import KIND_COLOURS, Block
from planner.queries.journeys import schedules
from planner.queries.snapshot import PersonInfo
from planner.store import PlanStore

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
    with for_reader(options):
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
        # a cover, the days (sixteen rows a page at most) and a page at least per itinerary;
        # laid out, a booklet takes about 90 KiB of memory a page until it is saved
        days = len(data.days())
        refuse_too_many_pages(
            sum(
                1
                + -(-(days + len(data.sessions_for(data.members(("delegation", d))))) // 16)
                + len(people)
                for d, people in travelling.items()
            ),
            _(
                "Export one delegation's booklet at a time (--delegation), or one file per"
                " delegation (--split)."
            ),
            booklet=True,
        )
        journeys = schedules(
            data, [("person", p.id) for people in travelling.values() for p in people]
        )
        palette = delegation_colours(data)
        total = sum(1 + len(people) for people in travelling.values())
        job.step(0, total)
        fonts()
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
        footer_title = clean(data.title)

        def decorate(cover: bool) -> Callable[[Any, Any], None]:
            def on_page_end(c: Any, doc: Any) -> None:
                job.step(min(state.done, total), total)
                width, height = page_size()
                c.saveState()
                if cover:
                    c.setFillColor(state.colour)
                    c.rect(0, height - 18 * mm, width, 18 * mm, stroke=0, fill=1)
                    c.setFillColor(NAVY)
                    c.rect(0, height - 20 * mm, width, 2 * mm, stroke=0, fill=1)
                    # what this printout is, in 8-point type over as many lines as it takes
                    c.setFont(FONT, 8)
                    c.setFillColor(MUTED)
                    lines = split_lines(clean(state.small), FONT, 8, width - 40 * mm)
                    for n, line in enumerate(lines[:3]):
                        c.drawString(20 * mm, 16 * mm + (len(lines[:3]) - 1 - n) * 10, line)
                elif state.header:
                    c.setFont(BOLD, 8)
                    c.setFillColor(MUTED)
                    c.drawRightString(
                        width - 15 * mm,
                        height - 10 * mm,
                        fit(state.header, BOLD, 8, width - 30 * mm, 8)[0],
                    )
                    c.setStrokeColor(state.colour)
                    c.setLineWidth(1.5)
                    c.line(15 * mm, height - 12 * mm, width - 15 * mm, height - 12 * mm)
                c.setStrokeColor(RULE)
                c.setLineWidth(0.5)
                c.line(15 * mm, 11 * mm, width - 15 * mm, 11 * mm)
                c.setFillColor(MUTED)
                page = _("page {n}").format(n=doc.page)
                c.setFont(FONT, 8)
                c.drawRightString(width - 15 * mm, 7 * mm, page)
                room = width - 30 * mm - pdfmetrics.stringWidth(page, FONT, 8) - 6 * mm
                c.drawString(15 * mm, 7 * mm, fit(footer_title, FONT, 8, room, 8)[0])
                c.restoreState()

            return on_page_end

        width, height = page_size()

        def draw(path: str) -> None:
            doc = BaseDocTemplate(
                path,
                pagesize=page_size(),
                title=clean(_("Agenda booklet: {title}").format(title=data.title)),
                author=clean(data.organiser),
                subject=clean(_("Agenda booklet")),
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

        return write_pdf(target, draw)


def _member(delegation: str, person: PersonInfo) -> Callable[[_Running], None]:
    """The marker of a member's itinerary: their name in the running header, one more done."""

    def enter(state: _Running) -> None:
        state.header = f"{delegation} · {person.name}"
        state.done += 1

    return enter


def _booklet_styles() -> dict[str, ParagraphStyle]:
    return {
        "organiser": style("b-organiser", 11, BOLD, colour=NAVY),
        "title": style("b-title", 24, BOLD, leading=30, colour=INK),
        "what": style("b-what", 14, FONT, colour=MUTED, spaceBefore=4),
        "delegation": style("b-delegation", 22, BOLD, leading=27, colour=NAVY),
        "cover": style("b-cover", 12, FONT, leading=17),
        "h1": style("b-h1", 16, BOLD, colour=NAVY, spaceAfter=3 * mm),
        "h2": style("b-h2", 12, BOLD, colour=INK, spaceBefore=4 * mm, spaceAfter=2 * mm),
        "person": style("b-person", 15, BOLD, colour=NAVY, spaceAfter=1 * mm),
        "note": style("b-note", 9.5, ITALIC, colour=MUTED, spaceAfter=2 * mm),
        "head": style("b-head", 8.5, BOLD, colour=colors.white, leading=10.5),
        "cell": style("b-cell", 8.5, FONT, leading=10.5),
        "cell-bold": style("b-cell-bold", 8.5, BOLD, leading=10.5),
        "cell-small": style("b-cell-small", 8, FONT, colour=MUTED, leading=10),
        "day": style("b-day", 9, BOLD, colour=NAVY, leading=11),
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
        Paragraph(markup(data.organiser), styles["organiser"]),
        Spacer(1, 3 * mm),
        Paragraph(markup(data.title), styles["title"]),
        Spacer(1, 3 * mm),
        Paragraph(markup(_("Agenda booklet")), styles["what"]),
        Spacer(1, 28 * mm),
        _Rule(colour, 60 * mm, 3),
        Spacer(1, 5 * mm),
        Paragraph(markup(name), styles["delegation"]),
    ]
    if country:
        lines.append(Paragraph(markup(country_name(country)), styles["cover"]))
    lines += [
        Paragraph(
            markup(ngettext("{n} member", "{n} members", count).format(n=count)), styles["cover"]
        ),
        Spacer(1, 18 * mm),
        Paragraph(f"<b>{markup(dates)}</b>", styles["cover"]),
        Paragraph(
            markup(", ".join(p for p in (data.city, country_name(data.country)) if p)),
            styles["cover"],
        ),
    ]
    if data.donor:
        lines += [
            Spacer(1, 18 * mm),
            Paragraph(
                markup(_("With the support of {donor}").format(donor=data.donor)), styles["note"]
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
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # even an empty cell: no bare Helvetica
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
        Paragraph(markup(t), head)
        for t in (_("Time"), _("Session"), _("Room or place"), _("Facilitators"), _("Audience"))
    ]
    out: list[Any] = [Paragraph(markup(_("Programme day by day")), styles["h1"])]
    for day in data.days():
        heading = Paragraph(markup(format_day(day, options)), styles["h2"])
        today = [b for b in sessions if _on_day(b, day)]
        if not today:
            out.append(
                KeepTogether(
                    [
                        heading,
                        Paragraph(
                            markup(_("No sessions for this delegation on this day.")),
                            styles["note"],
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
            extra.append(("LINEBEFORE", (0, r), (0, r), 3, colour(KIND_COLOURS.get(block.kind))))
        table = _table(rows, widths, extra, zebra=range(2, len(rows), 2))
        out += [CondPageBreak(45 * mm), heading, table]
    return out


class _Text(Flowable):  # type: ignore[misc]
    """Plain text in one font, broken into lines to fit: what a table cell of the booklet
    holds (a Paragraph parses markup and lays out each word, many times slower)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = clean(text)
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
    return split_lines(text, font, size, width)


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
    about = " · ".join(
        p for p in (person.organisation, role_label(person.role, sex=person.sex)) if p
    )
    out: list[Any] = [
        Paragraph(markup(_("Itinerary of {name}").format(name=person.name)), styles["person"]),
        Paragraph(markup(about), styles["note"]),
    ]
    if not items:
        out.append(
            Paragraph(
                markup(_("Nothing is planned for {name} yet.").format(name=person.name)),
                styles["cell"],
            )
        )
        return out
    widths = [22 * mm, 50 * mm, 42 * mm, 30 * mm, 36 * mm]
    rows: list[list[Any]] = [
        [
            Paragraph(markup(t), head)
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
                _cell(item.contact if options.personal else "", small),
            ]
        )
        if shade:
            zebra.append(len(rows) - 1)
        shade = not shade
    out.append(_table(rows, widths, extra, zebra))
    return out
