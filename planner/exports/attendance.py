"""Who attended: the trainers' sign-in sheets (a sheet per session, or per group and day) and
the donor's attendance summary in the words of :mod:`planner.rules.training`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, ngettext
from planner.domain.labels import role_label, role_with_status, sex_label
from planner.domain.reference import fold
from planner.exports.common import (
    NOT_SIGNED,
    Job,
    Options,
    PlanData,
    Scope,
    for_reader,
    for_whom,
    prose_day,
    scope_of,
    time_span,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, SheetTitles, sheet_title, write
from planner.queries.calendar import Block
from planner.queries.snapshot import PersonInfo
from planner.rules.training import AGE_BANDS, age_band
from planner.store import PlanStore

# --- sign-in sheets -------------------------------------------------------------------------------


def signin(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per session to sign; when a group has several sessions in a day, one sheet for
    the group and day with a signature column per session. Numbered rows, family names in
    capitals, organisation, sex, and blank rows for walk-ins."""
    with for_reader(options):
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
        taken = SheetTitles()
        ordered = sorted(bundles.values(), key=lambda bs: (bs[0].start, bs[0].audience))

        def sheets() -> Iterator[Sheet]:  # one at a time: made, written, let go
            for n, bundle in enumerate(ordered):
                if n % 10 == 0:
                    job.step(n, len(ordered))
                yield _signin_sheet(data, bundle, scope, options, taken)
            job.step(len(ordered), len(ordered))

        return write(sheets(), target)


def _signin_sheet(
    data: PlanData, bundle: list[Block], scope: Scope, options: Options, taken: set[str]
) -> Sheet:
    first = bundle[0]
    day = prose_day(first.start.date(), options)
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
            Cell(
                (sex_label(person.sex) if person.sex else ""), text=True, border=True, center=True
            ),
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


# --- attendance -----------------------------------------------------------------------------------

_band = age_band


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
    with for_reader(options):
        scope = scope_of(data, options)
        blocks = [
            b
            for b in data.sessions_for(scope.people)
            if b.kind not in NOT_SIGNED and data.registered.get(b.id)
        ]
        within = scope.people

        def keep(people: AbstractSet[int]) -> AbstractSet[int]:
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
        extra = (*for_whom(scope), *notes)
        hours_note = _(
            "Hours: training, plenary and site-visit sessions attended, exact minutes"
            " rounded once to one decimal."
        )

        def sheets() -> Iterator[Sheet]:  # one at a time: made, written, let go
            sexes = ("female", "male", None)
            # the figures, then what the words mean
            summary = Sheet(_("Summary"))
            summary.landscape = False
            summary.title_block(
                title_lines(data, _("Attendance summary"), options, (*for_whom(scope), *notes[1:]))
            )
            summary.headings([_("Who is counted"), _("People")])
            summary.add(
                Cell(
                    _("Trainees (role Trainee, not declined, replaced or cancelled)"),
                    wrap=True,
                    text=True,
                ),
                len(trainees),
            )
            summary.add(_("Trainees who attended (present at least once)"), len(tally.attended))
            summary.add(
                Cell(_("Trainees trained"), bold=True, text=True),
                Cell(len(tally.trained), bold=True),
            )
            summary.add(
                Cell(
                    _("Also present (not trainees: not counted as trained)"), wrap=True, text=True
                ),
                len(tally.also_present),
            )
            roles = Counter(
                LEFT if tally.records[p].gone else data.people[p].role for p in tally.also_present
            )
            if roles:
                summary.add()
                summary.add(Cell(_("Also present, by role"), bold=True, text=True))
                for role, n in sorted(
                    roles.items(), key=lambda item: (-item[1], fold(role_label(item[0])))
                ):
                    summary.add(
                        Cell(_("Trainees who left (declined, replaced or cancelled)"), text=True)
                        if role == LEFT
                        else role_label(role),
                        n,
                    )
            summary.add()
            summary.add(Cell(_("What the words mean"), bold=True, text=True))
            for line in (
                _(
                    "Trainees are the people with the role Trainee who did not decline and"
                    " were neither replaced nor cancelled. A trainee attended when marked"
                    " present at least once, and was trained on completing the training"
                    " (until a completion rule is set: on attending)."
                ),
                _(
                    "Trainers, staff, delegation members and trainees who left (declined,"
                    " replaced or cancelled: their substitute is the trainee) marked present"
                    " are listed apart, as also present: they are not counted as trained and"
                    " get no certificate."
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
            yield summary
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
                    time_span(b),
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
            yield by_session
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

            def total_row(sheet: Sheet) -> None:  # the trained by sex, on both sheets
                sheet.add(
                    Cell(_("Total"), bold=True, text=True),
                    *[Cell(totals[s], bold=True) for s in sexes],
                    Cell(sum(totals.values()), bold=True),
                )

            for org in sorted(orgs, key=lambda o: fold(o)):
                c = orgs[org]
                totals.update(c)
                by_org.add(org, *[c[s] for s in sexes], sum(c.values()))
            total_row(by_org)
            yield by_org
            # by age band and sex
            by_age = Sheet(_("By age"))
            by_age.title_block(
                title_lines(data, _("Trainees trained by age and sex"), options, extra)
            )
            by_age.headings(
                [
                    _("Age on {day}").format(day=prose_day(data.first_day, options)),
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
            total_row(by_age)
            yield by_age
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
            # two cells shared by every row (a whole plan has 200,000 trainees)
            yes, no = (Cell(word, text=True, center=True) for word in (_("Yes"), _("No")))
            for n, person in enumerate(data.sorted_people(tally.attended), start=1):
                record = tally.records[person.id]
                people_sheet.add(
                    n,
                    person.listed_name,
                    person.organisation_short,
                    (sex_label(person.sex) if person.sex else ""),
                    record.sessions,
                    Cell(record.hours, number_format="0.0"),
                    yes if person.id in tally.trained else no,
                )
            yield people_sheet
            # everyone else present: not trainees, not counted as trained, no certificate
            others_sheet = Sheet(_("Also present"))
            others_sheet.title_block(
                title_lines(
                    data,
                    _("Also present"),
                    options,
                    (
                        *for_whom(scope),
                        _(
                            "Trainers, staff, delegation members and trainees who left"
                            " (declined, replaced or cancelled) marked present: not"
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
                    role_with_status(person.role, person.status, person.sex),
                    tally.sessions(person.id),
                )
            if not tally.also_present:
                others_sheet.add(Cell(_("Nobody else was marked present."), italic=True, text=True))
            others_sheet.widths.update({2: 34, 4: 26, 5: 22})
            yield others_sheet
            job.step(1, 1)

        return write(sheets(), target)


# Who left, in the summary's count of the also present by role.
LEFT = "left"


def _sex_key(person: PersonInfo) -> str | None:
    return person.sex if person.sex in ("female", "male") else None
