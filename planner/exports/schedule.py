"""The schedule as people plan with it: the venue's grid (a sheet per day, time down and rooms
across, sessions as merged coloured blocks) after a one-sheet overview, and a delegation's,
group's or person's agenda by day (the whole plan's agenda is the agenda list)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports.agenda_list import write_agenda_list
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    for_whom,
    format_day,
    prose_day,
    scope_of,
    time_span,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, SheetTitles, columns_to_fit, sheet_title, write
from planner.exports.textwidth import wrapped_lines
from planner.queries.calendar import KIND_COLOURS, Block
from planner.store import PlanStore

SLOT = 15  # minutes per row of the schedule grid


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


# --- the schedule grid ----------------------------------------------------------------------------


def schedule_grid(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """A sheet per day (time down, rooms across, sessions as merged coloured blocks with title,
    audience and trainers), after a one-sheet overview of the whole plan."""
    with for_reader(options):
        scope = scope_of(data, options)
        blocks = data.sessions_for(scope.people)
        if not blocks:
            raise PlannerError(
                _("There are no sessions to show: add sessions to the agenda first.")
            )
        days = data.days()
        extra = for_whom(scope)

        def sheets() -> Iterator[Sheet]:  # one at a time: made, written, let go
            overview = _overview(data, blocks, days, options, extra)
            taken = SheetTitles()
            taken.add(overview.title.casefold())
            yield overview
            for n, day in enumerate(days):
                job.step(n, len(days))
                on_day = [
                    b
                    for b in blocks
                    if b.start.date() <= day <= (b.end - timedelta(seconds=1)).date()
                ]
                if on_day:
                    yield _day_grid(data, day, on_day, options, extra, taken)
            job.step(len(days), len(days))

        return write(sheets(), target)


def _overview(
    data: PlanData, blocks: list[Block], days: list[date], options: Options, extra: tuple[str, ...]
) -> Sheet:
    """The whole plan on one page: a column per day, a cell per time. Sessions held side by side
    (the groups' modules) share their time's cell, a line each: the groups, the module's number
    and the room ("A: Módulo 1 · Aula 1"); the modules' titles are listed below the days, and
    every session's whole text is on its day's sheet."""
    sheet = Sheet(_("Overview"))
    sheet.title_block(title_lines(data, _("Schedule overview"), options, extra))
    sheet.headings([format_day(d, options, "EEE d MMM") for d in days])
    by_day: dict[date, dict[tuple[datetime, datetime], list[Block]]] = defaultdict(dict)
    for block in blocks:
        by_day[block.start.date()].setdefault((block.start, block.end), []).append(block)
    agenda = data.agenda
    numbers = agenda.module_numbers
    used: dict[str, int] = {}  # module number -> its id, for the list below the days

    def where(b: Block) -> str:
        room = agenda.rooms.get(b.room_id) if b.room_id else None
        return room.name if room else b.location  # the venue is on the day's sheet

    def cell(together: list[Block]) -> Cell:
        first = together[0]
        if len(together) == 1:
            text = f"{time_span(first)} {first.title}" + (
                f" · {where(first)}" if where(first) else ""
            )
        else:
            same = len({b.end for b in together}) == 1
            lines = [time_span(first)] if same else []
            for b in together:
                number = numbers.get(b.module_id) if b.module_id else None
                if number:
                    used[number] = b.module_id or 0
                what = _("Module {number}").format(number=number) if number else b.title
                marks = agenda.group_marks(b)
                line = f"{marks}: {what}" if marks else what
                if not same:
                    line = f"{time_span(b)} {line}"
                lines.append(line + (f" · {where(b)}" if where(b) else ""))
            text = "\n".join(lines)
        kinds = {b.kind for b in together}
        kind = first.kind if len(kinds) == 1 else "training"
        return Cell(text, text=True, wrap=True, fill=_light(KIND_COLOURS.get(kind, "#79706E")))

    # a row per time of day that starts something, so that breaks and meals line up across
    # days; times no day has both share a row (a day's early start beside the others' first)
    starts = sorted({start.time() for on_day in by_day.values() for start, _end in on_day})
    days_at: dict[time, set[date]] = defaultdict(set)
    for day, on_day in by_day.items():
        for start, _end in on_day:
            days_at[start.time()].add(day)
    bands: list[tuple[set[time], set[date]]] = []
    for at in starts:
        if bands and not bands[-1][1] & days_at[at]:
            bands[-1][0].add(at)
            bands[-1][1].update(days_at[at])
        else:
            bands.append(({at}, set(days_at[at])))
    for band, _days in bands:
        cells: list[Cell | None] = []
        for day in days:
            together = [
                b
                for (start, _e), bs in by_day.get(day, {}).items()
                if start.time() in band
                for b in bs
            ]
            together.sort(key=lambda b: (b.end, agenda.group_marks(b), where(b), b.id))
            cells.append(cell(together) if together else None)
        sheet.add(*cells)
    if used:  # what each module is
        sheet.add()
        sheet.add(Cell(_("Modules"), bold=True, text=True))
        names = agenda.module_names
        for number in sorted(used, key=lambda n: (len(n), n)):
            row = sheet.add(Cell(names.get(used[number], number), text=True, wrap=True))
            sheet.merge(row, 1, row, len(days))
    # the whole plan on its page's width, in type still easy to read: narrow columns whose
    # sessions wrap onto more lines
    width = max(14, min(34, columns_to_fit(len(days), landscape=True)))
    for column in range(1, len(days) + 1):
        sheet.widths[column] = width
        sheet.minimum[column] = width
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
            data, _("Schedule of {day}").format(day=prose_day(day, options)), options, extra
        )
    )
    sheet.headings([_("Time"), *[c[0] for c in columns]])
    sheet.frozen_columns = 1
    top = sheet.next_row
    grid: dict[tuple[int, int], Cell] = {}
    tall: dict[int, float] = {}  # rows a block's whole text needs taller (points)
    for column, (_name, track) in enumerate(columns, start=2):
        for a, z, b in track:
            row = top + a - first
            lines = [f"{time_span(b)}  {b.title}"]
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
            # the block's rows grow until its whole text shows (a 45-minute module keeps its
            # group and trainer lines; a break its whole audience)
            needed = LINE_POINTS * wrapped_lines("\n".join(lines), BLOCK_CHARS)
            for spanned in range(row, row + max(1, z - a)):
                tall[spanned] = max(tall.get(spanned, 0.0), needed / max(1, z - a))
    for row, height in tall.items():
        if height > LINE_POINTS:
            sheet.heights[row] = round(height, 1)
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
        sheet.widths[column] = BLOCK_WIDTH
        sheet.minimum[column] = BLOCK_WIDTH
    sheet.wrapped.clear()  # merged blocks span many rows: their rows grow above instead
    return sheet


BLOCK_WIDTH = 28  # a room's column on a day's grid, in characters
BLOCK_CHARS = BLOCK_WIDTH - 1  # what a line of it holds, in digits (a cell's padding taken)
LINE_POINTS = 15.0  # a line of 11-point type


# --- agendas --------------------------------------------------------------------------------------


def agenda(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The whole plan's agenda list (the columns the agenda import reads back), or for a
    delegation, group or person their agenda by day."""
    scope = scope_of(data, options)
    if scope.kind == "plan":
        with for_reader(options):
            return write_agenda_list(
                store, target, options.lang, lines=title_lines(data, _("Agenda list"), options)
            )
    with for_reader(options):
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
                time_span(block),
                Cell(block.title, text=True, wrap=True),
                Cell(data.room_label(block) or block.route, text=True, wrap=True),
                Cell(data.facilitator_names(block), text=True, wrap=True),
                Cell(block.audience, text=True, wrap=True),
            )
        sheet.widths.update({1: 12, 2: 40, 3: 28, 4: 28, 5: 30})
        return write([sheet], target)
