"""The workbooks each audience of an exchange needs: the venue's schedule grid, the delegation
lead's agenda and itineraries, the trainers' sign-in sheets, the donor's attendance summary, the
participant list, the hotel's rooming list and the caterer's counts.

Every workbook has the title block of :func:`planner.exports.common.title_lines`, real dates and
times in the reader's formats, fitting widths, frozen headings and print setup, and is streamed
in write-only mode (:mod:`planner.exports.sheet`). Identity numbers, birth dates and
participants' phones appear only in the participant and rooming lists (and the per diem and
clearance lists elsewhere).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, ngettext, pgettext
from planner.domain.labels import kind_label, role_label, sex_label
from planner.domain.reference import country_name, fold
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    Scope,
    format_day,
    reader,
    scope_of,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, sheet_title, write
from planner.queries import logistics as queries_logistics
from planner.queries.agenda import KIND_COLOURS, Block
from planner.queries.journeys import schedules
from planner.queries.snapshot import PersonInfo
from planner.store import PlanStore

NOT_SIGNED = frozenset({"break", "meal"})  # sessions nobody signs in to
SLOT = 15  # minutes per row of the schedule grid


def _for_whom(scope: Scope) -> tuple[str, ...]:
    return () if scope.kind == "plan" else (scope.name,)


@lru_cache(maxsize=256)
def _light(colour: str) -> str:
    """A pale version of a colour, so black text on it stays readable in print."""
    colour = colour.lstrip("#")
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#EEEEEE"
    r, g, b = (int(c + (255 - c) * 0.6) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def _clock(moment: datetime) -> time:
    return moment.time().replace(tzinfo=None)


def _span(block: Block) -> str:
    start, end = block.start, block.end
    return f"{start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"


# --- the schedule grid ----------------------------------------------------------------------------


def schedule_grid(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """A sheet per day (time down, rooms across, sessions as merged coloured blocks with title,
    audience and trainers), after a one-sheet overview of the whole plan."""
    with reader(options):
        scope = scope_of(data, options)
        blocks = data.sessions_for(scope.people)
        if not blocks:
            raise PlannerError(
                _("There are no sessions to show: add sessions to the agenda first.")
            )
        days = data.days()
        extra = _for_whom(scope)
        sheets = [_overview(data, blocks, days, options, extra)]
        taken = {sheets[0].title.casefold()}
        for n, day in enumerate(days):
            job.step(n, len(days))
            on_day = [
                b for b in blocks if b.start.date() <= day <= (b.end - timedelta(seconds=1)).date()
            ]
            if on_day:
                sheets.append(_day_grid(data, day, on_day, options, extra, taken))
        job.step(len(days), len(days))
        return write(sheets, target)


def _overview(
    data: PlanData, blocks: list[Block], days: list[date], options: Options, extra: tuple[str, ...]
) -> Sheet:
    sheet = Sheet(_("Overview"))
    sheet.title_block(title_lines(data, _("Schedule overview"), options, extra))
    sheet.headings([format_day(d, options, "EEE d MMM") for d in days])
    by_day: dict[date, list[Block]] = defaultdict(list)
    for block in blocks:
        by_day[block.start.date()].append(block)
    rows = max((len(v) for v in by_day.values()), default=0)
    for i in range(rows):
        cells: list[Cell | None] = []
        for day in days:
            items = by_day.get(day, [])
            if i < len(items):
                b = items[i]
                where = data.room_label(b)
                cells.append(
                    Cell(
                        f"{_span(b)} {b.title}" + (f" · {where}" if where else ""),
                        text=True,
                        wrap=True,
                        fill=_light(KIND_COLOURS.get(b.kind, "#79706E")),
                    )
                )
            else:
                cells.append(None)
        sheet.add(*cells)
    for column in range(1, len(days) + 1):
        sheet.widths[column] = 34
        sheet.minimum[column] = 34
    return sheet


def _day_grid(
    data: PlanData,
    day: date,
    blocks: list[Block],
    options: Options,
    extra: tuple[str, ...],
    taken: set[str],
) -> Sheet:
    zone = data.agenda.zone
    midnight = datetime.combine(day, time(0), tzinfo=zone)

    def slot(moment: datetime) -> int:
        minutes = (moment.astimezone(zone) - midnight).total_seconds() / 60
        return int(max(0, min(24 * 60, minutes)) // SLOT)

    def slot_end(moment: datetime) -> int:
        minutes = (moment.astimezone(zone) - midnight).total_seconds() / 60
        return int(-(-max(0, min(24 * 60, minutes)) // SLOT))

    first = min(slot(b.start) for b in blocks)
    last = max(slot_end(b.end) for b in blocks)
    first -= first % (60 // SLOT)  # start on the hour
    # columns: each room, with extra columns when sessions in it overlap (a clash shows)
    lanes = data.agenda.lanes(blocks)
    columns: list[tuple[str, list[tuple[int, int, Block]]]] = []
    in_room: dict[int | None, list[Block]] = defaultdict(list)
    for b in sorted(blocks, key=lambda b: (b.start, b.id)):
        in_room[b.room_id].append(b)
    for lane in lanes:
        mine = in_room.get(lane.room_id, [])
        tracks: list[list[tuple[int, int, Block]]] = []
        for b in mine:
            a, z = max(first, slot(b.start)), max(slot(b.start) + 1, min(last, slot_end(b.end)))
            for track in tracks:
                if track[-1][1] <= a:
                    track.append((a, z, b))
                    break
            else:
                tracks.append([(a, z, b)])
        name = lane.name if lane.room_id is not None else _("Elsewhere or no room")
        for n, track in enumerate(tracks or [[]]):
            columns.append((name if n == 0 else f"{name} ({n + 1})", track))
    sheet = Sheet(sheet_title(format_day(day, options, "EEE d MMM"), taken))
    sheet.title_block(
        title_lines(
            data, _("Schedule of {day}").format(day=format_day(day, options)), options, extra
        )
    )
    sheet.headings([_("Time"), *[c[0] for c in columns]])
    sheet.frozen_columns = 1
    top = sheet.next_row
    grid: dict[tuple[int, int], Cell] = {}
    for column, (_name, track) in enumerate(columns, start=2):
        for a, z, b in track:
            row = top + a - first
            lines = [f"{_span(b)}  {b.title}"]
            if b.audience:
                lines.append(b.audience)
            trainers = data.facilitator_names(b)
            if trainers:
                lines.append(trainers)
            if b.route:
                lines.append(b.route)
            grid[(row, column)] = Cell(
                "\n".join(lines),
                text=True,
                wrap=True,
                border=True,
                fill=_light(data.agenda.colour(b, False)),
            )
            sheet.merge(row, column, top + z - first - 1, column)
    for n in range(last - first):
        row = top + n
        minutes = (first + n) * SLOT
        clock = time(minutes // 60 % 24, minutes % 60)
        sheet.add(
            Cell(clock) if minutes % 30 == 0 else None,
            *[grid.get((row, column)) for column in range(2, len(columns) + 2)],
        )
    sheet.widths[1] = 8
    for column in range(2, len(columns) + 2):
        sheet.widths[column] = 28
        sheet.minimum[column] = 22
    sheet.wrapped.clear()  # merged blocks span many rows: no row grows for them
    return sheet


# --- agendas --------------------------------------------------------------------------------------


def agenda(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The whole plan's agenda list (the columns the agenda import reads back), or for a
    delegation, group or person their agenda by day."""
    scope = scope_of(data, options)
    if scope.kind == "plan":
        from planner.imports.agenda import export

        with reader(options):
            return export(
                store, target, options.lang, lines=title_lines(data, _("Agenda list"), options)
            )
    with reader(options):
        blocks = data.sessions_for(scope.people)
        if not blocks:
            raise PlannerError(
                _("{name} has no sessions in the agenda yet.").format(name=scope.name)
            )
        sheet = Sheet(sheet_title(scope.name, set()))
        sheet.landscape = False
        what = _("Agenda of {name}").format(name=scope.name)
        sheet.title_block(title_lines(data, what, options))
        sheet.headings([_("Time"), _("Session"), _("Where"), _("Trainers"), _("With whom")])
        day: date | None = None
        for block in blocks:
            if block.start.date() != day:
                day = block.start.date()
                row = sheet.add(Cell(format_day(day, options), big=True, text=True))
                sheet.merge(row, 1, row, 5)
            sheet.add(
                _span(block),
                Cell(block.title, text=True, wrap=True),
                Cell(data.room_label(block) or block.route, text=True, wrap=True),
                Cell(data.facilitator_names(block), text=True, wrap=True),
                Cell(block.audience, text=True, wrap=True),
            )
        sheet.widths.update({1: 12, 2: 40, 3: 28, 4: 28, 5: 30})
        return write([sheet], target)


# --- itineraries ----------------------------------------------------------------------------------


def itineraries(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per person: flights, transfers, hotel, sessions, site visits, and whom to call.
    For the people who travel (arrive or leave by plane or road), everyone with ``all``."""
    with reader(options):
        scope = scope_of(data, options)
        people = data.sorted_people(scope.people)
        if not options.all and scope.kind != "person":
            people = [p for p in people if p.id in data.travellers]
        if not people:
            raise PlannerError(
                _(
                    "Nobody here travels yet: add arrivals and departures, or"
                    " export everyone's itinerary (--all)."
                )
            )
        items = schedules(data, [("person", p.id) for p in people])
        focal = [p for p in data.sorted_people() if p.role == "logistics" and p.phone]
        call = "; ".join(f"{p.name} {p.phone}" for p in focal)
        sheets: list[Sheet] = []
        taken: set[str] = set()
        for n, person in enumerate(people):
            if n % 20 == 0:
                job.step(n, len(people))
            sheet = Sheet(sheet_title(person.name, taken))
            sheet.landscape = False
            about = " · ".join(
                x
                for x in (
                    person.organisation,
                    data.delegation_name(person.delegation_id),
                    role_label(person.role),
                )
                if x
            )
            extra = [about] if about else []
            if call:
                extra.append(_("Logistics focal point: {contacts}").format(contacts=call))
            sheet.title_block(
                title_lines(
                    data, _("Itinerary of {name}").format(name=person.name), options, tuple(extra)
                )
            )
            sheet.headings(
                [_("Date"), _("Start"), _("End"), _("What"), _("Where"), _("Details"), _("Call")]
            )
            for item in items[("person", person.id)]:
                end = item.end
                sheet.add(
                    item.start.date(),
                    _clock(item.start),
                    (_clock(end) if end.date() == item.start.date() else end.replace(tzinfo=None))
                    if end is not None
                    else None,
                    Cell(item.title, text=True, wrap=True),
                    Cell(item.place, text=True, wrap=True),
                    Cell(item.detail, text=True, wrap=True),
                    Cell(item.contact if options.personal else "", text=True, wrap=True),
                )
            if sheet.next_row == (sheet.heading or 0) + 1:
                sheet.add(Cell(_("Nothing planned for this person yet."), italic=True, text=True))
            sheet.widths.update({1: 12, 4: 34, 5: 28, 6: 30, 7: 26})
            sheets.append(sheet)
        job.step(len(people), len(people))
        return write(sheets, target)


# --- sign-in sheets -------------------------------------------------------------------------------


def signin(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per session to sign; when a group has several sessions in a day, one sheet for
    the group and day with a signature column per session. Numbered rows, family names in
    capitals, organisation, sex, and blank rows for walk-ins."""
    with reader(options):
        scope = scope_of(data, options)
        blocks = [
            b
            for b in data.sessions_for(scope.people)
            if b.kind not in NOT_SIGNED and data.registered.get(b.id)
        ]
        if not blocks:
            raise PlannerError(
                _("No session has anyone registered yet: choose each session's audience first.")
            )
        bundles: dict[tuple[frozenset[tuple[str, int]], date], list[Block]] = defaultdict(list)
        for b in blocks:
            bundles[(b.units, b.start.date())].append(b)
        sheets: list[Sheet] = []
        taken: set[str] = set()
        ordered = sorted(bundles.values(), key=lambda bs: (bs[0].start, bs[0].audience))
        for n, bundle in enumerate(ordered):
            if n % 10 == 0:
                job.step(n, len(ordered))
            sheets.append(_signin_sheet(data, bundle, scope, options, taken))
        job.step(len(ordered), len(ordered))
        return write(sheets, target)


def _signin_sheet(
    data: PlanData, bundle: list[Block], scope: Scope, options: Options, taken: set[str]
) -> Sheet:
    first = bundle[0]
    day = format_day(first.start.date(), options)
    audience = first.audience or first.title
    title = (
        f"{first.start:%d.%m} {audience}"
        if len(bundle) > 1
        else f"{first.start:%d.%m %H%M} {first.title}"
    )
    sheet = Sheet(sheet_title(title, taken))
    sheet.landscape = len(bundle) > 2
    course = data.agenda.module_names.get(first.module_id or -1, "") if len(bundle) == 1 else ""
    if len(bundle) == 1:
        what = _("Sign-in sheet: {session}").format(session=first.title)
    else:
        what = _("Sign-in sheet: {audience}").format(audience=audience)
    lines = [_("Date: {day}").format(day=day)]
    if len(bundle) == 1:
        lines.append(
            _("Time: {start}–{end}").format(start=f"{first.start:%H:%M}", end=f"{first.end:%H:%M}")
        )
        if course:
            lines.append(_("Course: {course}").format(course=course))
    trainers = sorted(
        {p for b in bundle for p in b.facilitators},
        key=lambda p: data.people[p].key if p in data.people else (),
    )
    if trainers:
        lines.append(
            _("Trainers: {names}").format(
                names=", ".join(data.people[p].name for p in trainers if p in data.people)
            )
        )
    rooms = list(dict.fromkeys(data.room_label(b) for b in bundle if data.room_label(b)))
    if rooms:
        lines.append(_("Room: {room}").format(room="; ".join(rooms)))
    if first.audience and len(bundle) == 1:
        lines.append(_("Audience: {audience}").format(audience=first.audience))
    sheet.title_block(title_lines(data, what, options, tuple(lines)))
    signature_heads = (
        [_("Signature")]
        if len(bundle) == 1
        else [
            _("{title} ({start}–{end})").format(
                title=b.title, start=f"{b.start:%H:%M}", end=f"{b.end:%H:%M}"
            )
            for b in bundle
        ]
    )
    sheet.headings([_("No."), _("Name"), _("Organisation"), _("Sex"), *signature_heads])
    people: set[int] = set()
    for b in bundle:
        people |= data.registered.get(b.id, set())
    if scope.people is not None:
        people &= scope.people
    listed = data.sorted_people(people)
    boxes = [_BOX] * len(bundle)  # one shared empty box per signature
    for n, person in enumerate(listed, start=1):
        row = sheet.add(
            Cell(n, border=True),
            Cell(person.listed_name, text=True, border=True),
            Cell(person.organisation_short, text=True, border=True),
            Cell(_sex_letter(person.sex), text=True, border=True, center=True),
            *boxes,
        )
        sheet.heights[row] = 24
    for n in range(len(listed) + 1, len(listed) + _walk_ins(len(listed)) + 1):
        row = sheet.add(Cell(n, border=True), _BOX, _BOX, _BOX, *boxes)
        sheet.heights[row] = 24
    sheet.widths.update({1: 5, 2: 34, 3: 22, 4: 6})
    for column in range(5, 5 + len(bundle)):
        sheet.minimum[column] = 24 if len(bundle) > 1 else 30
        sheet.widths[column] = 30
    return sheet


_BOX = Cell(None, border=True)


def _walk_ins(n: int) -> int:
    return max(5, -(-n // 10))


def _sex_letter(sex: str | None) -> str:
    """One letter on lists to sign: F/M in English, M (mujer) / H (hombre) in Spanish."""
    if sex == "female":
        return pgettext("sex, one letter", "F")
    return pgettext("sex, one letter", "M") if sex == "male" else ""


# --- the participant list -------------------------------------------------------------------------


def participants(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """Everyone with the fields partners and hosts ask for, personal data included: the
    workbook says it is confidential on every page."""
    with reader(options):
        scope = scope_of(data, options)
        people = data.sorted_people(scope.people)
        if not people:
            raise PlannerError(_("There is nobody to list: add people to the plan first."))
        groups: dict[int, list[str]] = defaultdict(list)
        for (kind, gid), members in data.membership.members.items():
            if kind == "group" and gid in data.groups:
                for member in members:
                    groups[member].append(data.groups[gid][0])
        sheet = Sheet(_("Participants"))
        confidential = _(
            "CONFIDENTIAL: personal data. Share only with those who need it and"
            " delete copies after the event."
        )
        sheet.title_block(
            title_lines(data, _("Participant list"), options, (*_for_whom(scope), confidential))
        )
        sheet.headings(
            [
                _("No."),
                _("Family names"),
                _("Given names"),
                _("Sex"),
                _("Organisation"),
                _("Position or rank"),
                _("Duty station"),
                _("Delegation"),
                _("Groups"),
                _("Role"),
                _("Nationality"),
                _("ID or passport no."),
                _("Birth date"),
                _("Email"),
                _("Phone"),
                _("Dietary needs"),
                _("Accessibility needs"),
            ]
        )
        sheet.filter = True
        sheet.frozen_columns = 3
        for n, p in enumerate(people, start=1):
            if n % 200 == 0:
                job.step(n, len(people))
            sheet.add(
                n,
                p.family_name,
                p.given_name,
                sex_label(p.sex) if p.sex else "",
                p.organisation,
                p.position,
                p.duty_station,
                data.delegation_name(p.delegation_id),
                ", ".join(sorted(groups.get(p.id, []))),
                role_label(p.role),
                country_name(p.nationality) if p.nationality else "",
                p.id_number,
                p.birth_date,
                p.email,
                p.phone,
                p.dietary_needs,
                p.accessibility_needs,
            )
        sheet.widths.update({5: 30, 6: 30, 7: 24})
        return write([sheet], target)


# --- attendance -----------------------------------------------------------------------------------

AGE_BANDS = ((0, 25), (25, 35), (35, 45), (45, 55), (55, 200))


def _band(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for n, (low, high) in enumerate(AGE_BANDS):
        if low <= age < high:
            return n
    return None


def _band_label(n: int | None) -> str:
    if n is None:
        return _("Age not known")
    low, high = AGE_BANDS[n]
    if low == 0:
        return _("Under {age}").format(age=high)
    if high >= 200:
        return _("{age} and over").format(age=low)
    return f"{low}–{high - 1}"


def attendance(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The donor's attendance summary in the words of :mod:`planner.rules.training`: trainees, how
    many attended and were trained (from the attendance recorded, not from registration), by
    session, by sex and organisation and by sex and age band; each trainee's sessions and
    hours; and everyone else present (trainers, staff, the delegation) apart."""
    with reader(options):
        scope = scope_of(data, options)
        blocks = [
            b
            for b in data.sessions_for(scope.people)
            if b.kind not in NOT_SIGNED and data.registered.get(b.id)
        ]
        within = scope.people

        def keep(people: set[int]) -> set[int]:
            return people if within is None else people & within

        recorded = [b for b in blocks if data.marks.get(b.id)]
        if not recorded:
            raise PlannerError(
                _(
                    "No attendance is recorded yet: mark who attended each"
                    " session (Plan ▸ Record Attendance) first."
                )
            )
        tally = data.training(within)
        trainees = tally.trainees
        missing = len(blocks) - len(recorded)
        notes = [
            _(
                "Counts trainees marked present, not those registered; others present are on"
                " the Also present sheet."
            )
        ]
        if missing:
            notes.append(
                ngettext(
                    "{n} session has no attendance recorded yet and is not counted.",
                    "{n} sessions have no attendance recorded yet and are not counted.",
                    missing,
                ).format(n=missing)
            )
        extra = (*_for_whom(scope), *notes)
        hours_note = _(
            "Hours: training, plenary and site-visit sessions attended, exact minutes"
            " rounded once to one decimal."
        )
        sexes = ("female", "male", None)
        # the figures, then what the words mean
        summary = Sheet(_("Summary"))
        summary.landscape = False
        summary.title_block(
            title_lines(data, _("Attendance summary"), options, (*_for_whom(scope), *notes[1:]))
        )
        summary.headings([_("Who is counted"), _("People")])
        summary.add(_("Trainees (people with the role Trainee)"), len(trainees))
        summary.add(_("Trainees who attended (present at least once)"), len(tally.attended))
        summary.add(
            Cell(_("Trainees trained"), bold=True, text=True), Cell(len(tally.trained), bold=True)
        )
        summary.add(
            _("Also present (not trainees: not counted as trained)"), len(tally.also_present)
        )
        roles = Counter(data.people[p].role for p in tally.also_present)
        if roles:
            summary.add()
            summary.add(Cell(_("Also present, by role"), bold=True, text=True))
            for role, n in sorted(
                roles.items(), key=lambda item: (-item[1], fold(role_label(item[0])))
            ):
                summary.add(role_label(role), n)
        summary.add()
        summary.add(Cell(_("What the words mean"), bold=True, text=True))
        for line in (
            _(
                "Trainees are the people with the role Trainee. A trainee attended when"
                " marked present at least once, and was trained on completing the"
                " training (until a completion rule is set: on attending)."
            ),
            _(
                "Trainers, staff and delegation members marked present are listed"
                " apart, as also present: they are not counted as trained and get no"
                " certificate."
            ),
            _(
                "Hours count the training, plenary and site-visit sessions attended"
                " (not breaks, meals, meetings or ceremonies), in exact minutes, rounded"
                " half-up once to one decimal: the same figure as on the certificate."
            ),
            _(
                "Counts come from the attendance recorded (Plan ▸ Record Attendance),"
                " not from registration."
            ),
        ):
            row = summary.add(Cell(line, wrap=True, text=True))
            summary.merge(row, 1, row, 2)
        summary.widths.update({1: 60, 2: 12})
        summary.minimum.update({1: 60, 2: 12})
        # by session
        by_session = Sheet(_("By session"))
        by_session.title_block(title_lines(data, _("Attendance by session"), options, extra))
        by_session.headings(
            [
                _("Date"),
                _("Time"),
                _("Session"),
                _("Audience"),
                _("Trainees registered"),
                _("Trainees present"),
                _("Women"),
                _("Men"),
                _("Trainees absent"),
                _("Not recorded"),
                _("Also present"),
            ]
        )
        for b in blocks:
            registered = keep(data.registered.get(b.id, set())) & trainees
            marks = data.marks.get(b.id, {})
            here = keep({p for p, v in marks.items() if v})
            present = here & trainees
            absent = keep({p for p, v in marks.items() if not v}) & trainees
            by_sex = Counter(data.people[p].sex for p in present if p in data.people)
            others = here & tally.also_present
            by_session.add(
                b.start.date(),
                _span(b),
                Cell(b.title, text=True, wrap=True),
                Cell(b.audience, text=True, wrap=True),
                len(registered),
                len(present) if marks else None,
                by_sex["female"] if marks else None,
                by_sex["male"] if marks else None,
                len(absent) if marks else None,
                len(registered - set(marks)),
                len(others) if marks else None,
            )
        by_session.widths.update({3: 40, 4: 30})
        # by organisation and sex
        by_org = Sheet(_("By organisation"))
        by_org.title_block(
            title_lines(data, _("Trainees trained by organisation and sex"), options, extra)
        )
        by_org.headings(
            [_("Organisation"), _("Women"), _("Men"), _("Other or not known"), _("Total")]
        )
        orgs: dict[str, Counter[str | None]] = defaultdict(Counter)
        for p in tally.trained:
            person = data.people[p]
            orgs[person.organisation or _("No organisation")][_sex_key(person)] += 1
        totals: Counter[str | None] = Counter()
        for org in sorted(orgs, key=lambda o: fold(o)):
            c = orgs[org]
            totals.update(c)
            by_org.add(org, *[c[s] for s in sexes], sum(c.values()))
        by_org.add(
            Cell(_("Total"), bold=True, text=True),
            *[Cell(totals[s], bold=True) for s in sexes],
            Cell(sum(totals.values()), bold=True),
        )
        # by age band and sex
        by_age = Sheet(_("By age"))
        by_age.title_block(title_lines(data, _("Trainees trained by age and sex"), options, extra))
        by_age.headings(
            [
                _("Age on {day}").format(day=format_day(data.first_day, options, "medium")),
                _("Women"),
                _("Men"),
                _("Other or not known"),
                _("Total"),
            ]
        )
        bands: dict[int | None, Counter[str | None]] = defaultdict(Counter)
        for p in tally.trained:
            person = data.people[p]
            bands[_band(person.birth_date, data.first_day)][_sex_key(person)] += 1
        for band in [*range(len(AGE_BANDS)), None]:
            c = bands.get(band, Counter())
            by_age.add(_band_label(band), *[c[s] for s in sexes], sum(c.values()))
        by_age.add(
            Cell(_("Total"), bold=True, text=True),
            *[Cell(totals[s], bold=True) for s in sexes],
            Cell(sum(totals.values()), bold=True),
        )
        # each trainee who attended, with the sessions and hours attended
        people_sheet = Sheet(_("Trainees"))
        people_sheet.title_block(
            title_lines(data, _("Trainees who attended"), options, (*extra, hours_note))
        )
        people_sheet.headings(
            [
                _("No."),
                _("Name"),
                _("Organisation"),
                _("Sex"),
                _("Sessions attended"),
                _("Hours"),
                _("Trained"),
            ]
        )
        for n, person in enumerate(data.sorted_people(tally.attended), start=1):
            record = tally.records[person.id]
            people_sheet.add(
                n,
                person.listed_name,
                person.organisation_short,
                _sex_letter(person.sex),
                record.sessions,
                Cell(record.hours, number_format="0.0"),
                Cell(_("Yes") if person.id in tally.trained else _("No"), text=True, center=True),
            )
        # everyone else present: not trainees, not counted as trained, no certificate
        others_sheet = Sheet(_("Also present"))
        others_sheet.title_block(
            title_lines(
                data,
                _("Also present"),
                options,
                (
                    *_for_whom(scope),
                    _(
                        "Trainers, staff and delegation members marked present: not"
                        " trainees, so not counted as trained and given no"
                        " certificate."
                    ),
                ),
            )
        )
        others_sheet.headings(
            [
                _("No."),
                _("Name"),
                _("Organisation"),
                _("Delegation"),
                _("Role"),
                _("Sessions attended"),
            ]
        )
        for n, person in enumerate(data.sorted_people(tally.also_present), start=1):
            others_sheet.add(
                n,
                person.listed_name,
                person.organisation_short,
                data.delegation_name(person.delegation_id),
                role_label(person.role),
                tally.sessions(person.id),
            )
        if not tally.also_present:
            others_sheet.add(Cell(_("Nobody else was marked present."), italic=True, text=True))
        others_sheet.widths.update({2: 34, 4: 26, 5: 22})
        job.step(1, 1)
        return write([summary, by_session, by_org, by_age, people_sheet, others_sheet], target)


def _sex_key(person: PersonInfo) -> str | None:
    return person.sex if person.sex in ("female", "male") else None


# --- the rooming list -----------------------------------------------------------------------------


def rooming(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per hotel for its front desk: who sleeps there, in which room type, sharing
    with whom, which nights, with the identity number hotels register."""
    with reader(options):
        scope = scope_of(data, options)
        rows = queries_logistics.rooming(store)
        by_hotel: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            if scope.people is None or row[0] in scope.people:
                by_hotel[row[1]].append(row)
        if not by_hotel:
            raise PlannerError(
                _("Nobody has a hotel stay yet: add stays (Accommodation page) first.")
            )
        sheets = []
        taken: set[str] = set()
        for hotel in sorted(by_hotel, key=fold):
            sheet = Sheet(sheet_title(hotel, taken))
            sheet.title_block(
                title_lines(
                    data, _("Rooming list: {hotel}").format(hotel=hotel), options, _for_whom(scope)
                )
            )
            sheet.headings(
                [
                    _("No."),
                    _("Family names"),
                    _("Given names"),
                    _("Sex"),
                    _("Room type"),
                    _("Sharing with"),
                    _("Check-in"),
                    _("Check-out"),
                    _("Nights"),
                    _("Delegation"),
                    _("Nationality"),
                    _("ID or passport no."),
                    _("Notes"),
                ]
            )
            stays = by_hotel[hotel]

            def order(row: Any) -> tuple[Any, ...]:
                person = data.people[row[0]]
                partner = data.people.get(row[5])
                pair = min(person.key, partner.key) if partner else person.key
                return (row[2], pair, person.key)

            for n, row in enumerate(sorted(stays, key=order), start=1):
                pid, _h, check_in, check_out, room_type, sharing, notes, block_type, _bf = row
                person = data.people[pid]
                partner = data.people.get(sharing)
                start = date.fromisoformat(str(check_in)[:10])
                end = date.fromisoformat(str(check_out)[:10])
                sheet.add(
                    n,
                    person.family_name,
                    person.given_name,
                    sex_label(person.sex) if person.sex else "",
                    room_type or block_type,
                    partner.name if partner else "",
                    start,
                    end,
                    (end - start).days,
                    data.delegation_name(person.delegation_id),
                    country_name(person.nationality) if person.nationality else "",
                    person.id_number,
                    notes,
                )
            sheets.append(sheet)
        job.step(1, 1)
        return write(sheets, target)


# --- catering counts ------------------------------------------------------------------------------

# Dietary needs as people write them, in either language, grouped under one heading.
DIET_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vegan", ("vegan", "vegano", "vegana")),
    ("vegetarian", ("vegetarian", "vegetariano", "vegetariana", "veggie")),
    ("no_pork", ("no pork", "sin cerdo", "halal", "no cerdo", "sin puerco", "pork-free")),
    ("gluten_free", ("gluten", "celiac", "coeliac", "celiaco", "celiaca")),
    ("lactose_free", ("lactose", "lactosa", "dairy", "lacteos", "sin leche")),
    ("diabetic", ("diabet",)),
    ("kosher", ("kosher",)),
    ("nut_allergy", ("nut", "mani", "nueces", "cacahuate")),
    ("seafood_allergy", ("seafood", "shellfish", "mariscos")),
)


def diet_label(group: str) -> str:
    labels = {
        "vegan": _("Vegan"),
        "vegetarian": _("Vegetarian"),
        "no_pork": _("No pork"),
        "gluten_free": _("Gluten-free"),
        "lactose_free": _("Lactose-free"),
        "diabetic": _("Diabetic"),
        "kosher": _("Kosher"),
        "nut_allergy": _("Nut allergy"),
        "seafood_allergy": _("Seafood allergy"),
    }
    return labels.get(group, group)


def diet_group(text: str) -> str:
    """The group a written dietary need belongs to ("Vegetariana" -> "vegetarian"); a need
    no group knows is its own group, in the words first written."""
    key = fold(text).strip()
    for group, words in DIET_GROUPS:
        if any(word in key for word in words):
            return group
    return text.strip()


def catering(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """Heads per meal and break (audience and trainers), with dietary needs grouped."""
    from planner.domain.labels import meal_label
    from planner.rules.budget import meal_of

    with reader(options):
        blocks = [b for b in data.sessions_for(None) if b.kind in NOT_SIGNED]
        if not blocks:
            raise PlannerError(
                _(
                    "The agenda has no meals or breaks yet: add them as sessions"
                    " of the kind Meal or Break."
                )
            )
        heads: dict[int, set[int]] = {
            b.id: data.registered.get(b.id, set()) | b.facilitators for b in blocks
        }
        needs: dict[int, str] = {}
        written: dict[str, str] = {}  # an unknown need's group -> its first spelling
        for p in data.people.values():
            if p.dietary_needs.strip():
                group = diet_group(p.dietary_needs)
                needs[p.id] = written.setdefault(fold(group), group)
        found = sorted(
            {needs[p] for people in heads.values() for p in people if p in needs},
            key=lambda g: fold(diet_label(g)),
        )
        sheet = Sheet(_("Catering"))
        sheet.title_block(
            title_lines(
                data,
                _("Catering counts"),
                options,
                (
                    _(
                        "Heads are the people expected (the audience and its trainers); each"
                        " dietary"
                        " need is also counted in the total."
                    ),
                ),
            )
        )
        sheet.headings(
            [
                _("Date"),
                _("Time"),
                _("Meal or break"),
                _("Session"),
                _("Where"),
                _("Heads"),
                *[diet_label(g) for g in found],
            ]
        )
        expected: set[int] = set()
        for b in blocks:
            people = heads[b.id]
            expected |= people
            counts = Counter(needs[p] for p in people if p in needs)
            kind = kind_label(b.kind) if b.kind == "break" else meal_label(meal_of(b.start))
            sheet.add(
                b.start.date(),
                _span(b),
                kind,
                Cell(b.title, text=True, wrap=True),
                Cell(data.room_label(b), text=True, wrap=True),
                len(people),
                *[counts.get(g, 0) for g in found],
            )
        sheet.widths.update({4: 30, 5: 26})
        # who has which need, once each, for the kitchen to plan plates
        who = Sheet(_("Dietary needs"))
        who.landscape = False
        who.title_block(title_lines(data, _("Dietary needs"), options))
        who.headings([_("Need"), _("Name"), _("Delegation"), _("As written")])
        listed = data.sorted_people({p for p in expected if p in needs})
        for group in found:
            for person in listed:
                if needs[person.id] == group:
                    who.add(
                        diet_label(group),
                        person.name,
                        data.delegation_name(person.delegation_id),
                        person.dietary_needs,
                    )
        if not listed:
            who.add(Cell(_("Nobody expected at meals has a dietary need."), italic=True, text=True))
        job.step(1, 1)
        return write([sheet, who], target)


# --- what changed ---------------------------------------------------------------------------------


def changes(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A delegation's agenda changes since its last export, to send with the new agenda."""
    from planner.exports.changes import compare

    with reader(options):
        assert options.delegation is not None
        report = compare(store, data, options.delegation, options)
        name = data.delegation_name(options.delegation)
        sheet = Sheet(_("What changed"))
        since = (
            _("since the export of {when} (change no. {change})").format(
                when=report.since.strftime("%Y-%m-%d %H:%M"), change=report.since_change
            )
            if report.since
            else _("no earlier export: every session is listed as new")
        )
        sheet.title_block(
            title_lines(data, _("Agenda changes for {name}").format(name=name), options, (since,))
        )
        sheet.headings([_("Change"), _("Session"), _("Before"), _("Now")])
        for row in report.rows:
            sheet.add(
                row.label,
                Cell(row.title, text=True, wrap=True),
                Cell(row.before, text=True, wrap=True),
                Cell(row.after, text=True, wrap=True),
            )
        if not report.rows:
            sheet.add(
                Cell(_("Nothing changed in this delegation's agenda."), italic=True, text=True)
            )
        sheet.widths.update({2: 40, 3: 44, 4: 44})
        return write([sheet], target)
