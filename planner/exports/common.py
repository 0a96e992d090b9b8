"""What every export of a plan shares: the options a reader chooses (language, local formats,
for whom), progress and cancelling, the plan read once, and the title lines that tell two
printouts apart.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, babel_locale, format_date_range, language, prose_pattern
from planner.domain.reference import fold
from planner.queries.calendar import AgendaData, Block
from planner.queries.choices import named
from planner.queries.snapshot import (
    ATTENDANCE,
    CALENDAR,
    LOGISTICS,
    PEOPLE,
    PersonInfo,
    Snapshot,
    Unit,
)
from planner.queries.summary import plan_heading
from planner.rules import budget as budget_rules
from planner.rules.training import Tally, tally_of
from planner.store import PlanStore

LOCALES = ("en", "es-HN", "es-PA")


class Cancelled(PlannerError):
    """The person cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("The export was cancelled; no file was written."))


@dataclass
class Options:
    lang: str = "en"
    locale: str | None = None  # es-HN, es-PA or en; None: the language's usual one
    delegation: int | None = None
    group: int | None = None
    person: int | None = None
    all: bool = False  # itineraries of everyone, not only of the people who travel
    split: bool = False  # one file per person or delegation, into a folder
    visit: int | None = None  # the site visit of a clearance list
    personal: bool = True  # False: identity numbers, birth dates and phones are left out
    paper: str | None = None  # "letter" or "a4"; None: the usual one of the plan's country
    supplier: str | None = None  # what changed for: "hotel", "caterer" or "transport"
    place: int | None = None  # the hotel whose changes (a supplier's place)
    attendance: bool = False  # certificates: also of attendance, for who came but did not complete

    @property
    def reader_locale(self) -> str:
        if self.locale in LOCALES:
            return str(self.locale)
        return "es-HN" if self.lang == "es" else "en"

    @property
    def babel_locale(self) -> str:
        return {"es-HN": "es_HN", "es-PA": "es_PA"}.get(self.reader_locale, "en_GB")


@dataclass
class Job:
    """Progress and cancelling of a long export (the window's export dialog)."""

    progress: Callable[[int, int], None] | None = None  # (done, total)
    cancelled: Callable[[], bool] | None = None
    # what the user should know although the export was written (said after it)
    warnings: list[str] = field(default_factory=list)

    def step(self, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(done, total)


# What an export reads of the plan: its calendar, people, attendance and logistics.
PARTS = frozenset({CALENDAR, PEOPLE, ATTENDANCE, LOGISTICS})


class PlanData(Snapshot):
    """The plan read once for an export (:mod:`planner.queries.snapshot`), with its calendar
    (``agenda``), who each session registers, and what exports ask of it: who, what, when."""

    @classmethod
    def load(
        cls,
        store: PlanStore,
        personal: bool = True,
        scope: Unit | None = None,
        marks: bool = True,
    ) -> PlanData:
        """The plan for an export; without ``personal``, every identity number, birth date
        and phone is left out from the start, so no export can show one. With ``scope``, only
        the sessions of that person, group or delegation are read; without ``marks``, nobody's
        attendance (most papers never show it, and a large plan holds millions of marks)."""
        return cls.read(
            store, PARTS if marks else PARTS - {ATTENDANCE}, personal=personal, scope=scope
        )

    @classmethod
    def heading(cls, store: PlanStore) -> PlanData:
        """Only the plan itself (title, dates, time zone, organiser), for an export that
        reads nothing else of it (the history): no person's or session's row is read."""
        return cls.read(store, frozenset(), personal=False, scope=("person", 0))  # nobody

    @cached_property
    def agenda(self) -> AgendaData:
        return AgendaData.of(self)

    @property
    def travellers(self) -> set[int]:
        """People with an arrival or departure in the plan."""
        return self.logistics.travellers

    def budget(self, store: PlanStore) -> budget_rules.Budget:
        """The plan's budget, computed once for the exports that need it."""
        found: budget_rules.Budget | None = self.__dict__.get("_budget")
        if found is None:
            found = self.__dict__["_budget"] = budget_rules.compute(store)
        return found

    # who
    def sorted_people(self, ids: set[int] | frozenset[int] | None = None) -> list[PersonInfo]:
        chosen = (
            self.people.values()
            if ids is None
            else (self.people[i] for i in ids if i in self.people)
        )
        return sorted(chosen, key=lambda p: p.key)

    def attended(self, session: int) -> set[int]:
        return {p for p, present in self.marks.get(session, {}).items() if present}

    def training(self, within: set[int] | frozenset[int] | None = None) -> Tally:
        """Trainees, who attended and was trained, who else was present and everyone's hours
        (:mod:`planner.rules.training`), for these people (None: everyone)."""
        return tally_of(self, within)

    # what
    def sessions_of(self, person: int) -> list[Block]:
        """The sessions a person attends (audience) or gives (facilitator), in time order."""
        return self._sessions_by_person.get(person, [])

    @cached_property
    def _sessions_by_person(self) -> dict[int, list[Block]]:
        by_person: dict[int, list[Block]] = defaultdict(list)
        for block in self.agenda.blocks.values():
            for p in self.registered.get(block.id, set()) | block.facilitators:
                by_person[p].append(block)
        for blocks in by_person.values():
            blocks.sort(key=lambda b: (b.start, b.id))
        return dict(by_person)

    def sessions_for(self, people: set[int] | frozenset[int] | None) -> list[Block]:
        """Sessions any of these people attends or gives (every session for None)."""
        if people is None:
            return sorted(self.agenda.blocks.values(), key=lambda b: (b.start, b.id))
        ids: dict[int, Block] = {}
        for p in people:
            for block in self.sessions_of(p):
                ids[block.id] = block
        return sorted(ids.values(), key=lambda b: (b.start, b.id))

    def days(self) -> list[date]:
        n = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=i) for i in range(n)]

    def room_label(self, block: Block) -> str:
        lane = self.agenda.rooms.get(block.room_id) if block.room_id else None
        if lane is None:
            return block.location
        return f"{lane.name} ({lane.venue})" if lane.venue else lane.name

    def facilitator_names(self, block: Block) -> str:
        return ", ".join(p.name for p in self.sorted_people(block.facilitators))

    def delegation_name(self, delegation: int | None) -> str:
        return self.delegations[delegation][0] if delegation in self.delegations else ""


@dataclass(frozen=True)
class Scope:
    """For whom an export is: the whole plan, a delegation, a group or one person."""

    kind: str  # "plan", "delegation", "group", "person"
    id: int | None
    name: str
    people: frozenset[int] | None  # None: everyone

    @property
    def unit(self) -> Unit | None:
        return (self.kind, self.id) if self.id is not None else None


def scope_of(data: PlanData, options: Options) -> Scope:
    if options.person is not None:
        person = data.people.get(options.person)
        if person is None:
            raise PlannerError(_("There is no person {id} in the plan.").format(id=options.person))
        return Scope("person", person.id, person.name, frozenset({person.id}))
    if options.group is not None:
        if options.group not in data.groups:
            raise PlannerError(_("There is no group {id} in the plan.").format(id=options.group))
        return Scope(
            "group",
            options.group,
            data.groups[options.group][0],
            data.members(("group", options.group)),
        )
    if options.delegation is not None:
        if options.delegation not in data.delegations:
            raise PlannerError(
                _("There is no delegation {id} in the plan.").format(id=options.delegation)
            )
        return Scope(
            "delegation",
            options.delegation,
            data.delegations[options.delegation][0],
            data.members(("delegation", options.delegation)),
        )
    return Scope("plan", None, data.title, None)


NOT_SIGNED = frozenset({"break", "meal"})  # sessions nobody signs in to


def for_whom(scope: Scope) -> tuple[str, ...]:
    """The line a paper for one delegation, group or person adds under its title."""
    return () if scope.kind == "plan" else (scope.name,)


def time_span(block: Block) -> str:
    """'08:30–10:15'"""
    start, end = block.start, block.end
    return f"{start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"


def title_lines(
    data: PlanData, what: str, options: Options, extra: tuple[str, ...] = ()
) -> list[str]:
    """The plan's title, then what this is, for whom, its dates, when it was produced and the
    plan's change number, so two printouts can be told apart."""
    dates, when = _dates_and_now(
        data.first_day, data.last_day, options.babel_locale, _minute_now(data.zone)
    )
    left_out = () if options.personal else (left_out_note(),)
    return [data.title, _heading(what, dates, when, data.change), *extra, *left_out]


def _heading(what: str, dates: str, when: str, change: int) -> str:
    return _("{what} · {dates} · produced {when} · change no. {change}").format(
        what=what, dates=dates, when=when, change=change
    )


def plan_lines(store: PlanStore, what: str) -> list[str]:
    """The same two title lines for a workbook written without the plan read whole (the
    budget, the manifests, the agenda list), in the current language."""
    plan = plan_heading(store)
    dates, when = _dates_and_now(
        plan.first_day, plan.last_day, babel_locale(), _minute_now(plan.timezone)
    )
    return [plan.title, _heading(what, dates, when, plan.change)]


def left_out_note() -> str:
    """Said on an export made without personal data (Preferences, or --no-personal-data)."""
    return _("Identity numbers, birth dates and phone numbers are left out of this export.")


def _minute_now(zone: ZoneInfo | str | None) -> str:
    """Now, to the minute, in the plan's time zone (where its readers are), not the
    computer's: a paper made on a server in UTC says the time Tegucigalpa read."""
    try:
        tz = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone or "UTC")
    except (ValueError, KeyError, OSError):
        tz = ZoneInfo("UTC")
    return datetime.now(tz).strftime("%Y-%m-%d %H:%M")


@lru_cache(maxsize=32)
def _dates_and_now(first: date, last: date, locale: str, minute: str) -> tuple[str, str]:
    """The plan's dates and the time of production, formatted once per minute (hundreds of
    sheets share them; Babel takes a millisecond each time); in Spanish as a sentence writes
    them ("generada el 2 de diciembre de 2026, 06:05")."""
    now = datetime.strptime(minute, "%Y-%m-%d %H:%M")
    return format_date_range(first, last, locale=locale), _moment_text(
        now.date(), f"{now:%H:%M}", locale
    )


def format_day(day: date, options: Options, fmt: str = "full") -> str:
    """A day as a heading or a cell shows it, its first letter capital ("Lunes, 27 de
    noviembre de 2023", "Mon 27 Nov")."""
    return _format_day(day, options.babel_locale, fmt)


def prose_day(day: date, options: Options, year: bool = True) -> str:
    """A day inside a sentence: in Spanish in lower case and without a padded day ("Programa
    del lunes 27 de noviembre de 2023", "Edad al 2 de diciembre de 2023"), in English "Monday
    27 November 2023"."""
    from babel.dates import format_date

    pattern = prose_pattern(options.lang, weekday=True, year=year)
    return str(format_date(day, format=pattern, locale=options.babel_locale))


@lru_cache(maxsize=1024)
def _format_day(day: date, locale: str, fmt: str) -> str:
    from babel.dates import format_date

    if fmt == "full" and locale.startswith("es"):  # "Viernes 1 de diciembre de 2023"
        fmt = prose_pattern(locale, weekday=True)
    text = str(format_date(day, format=fmt, locale=locale))
    return text[:1].upper() + text[1:]


# The workbooks' date formats (planner.exports.xlsx.LOCALE_FORMATS) as CLDR patterns.
_SAMPLE_PATTERNS = {"en": "d MMM y", "es-HN": "dd/MM/y", "es-PA": "MM/dd/y"}


def sample_date(day: date, locale: str) -> str:
    """A date as the workbooks write it for readers of ``locale`` (to show the choice)."""
    options = Options(locale=locale)
    return _format_day(
        day, options.babel_locale, _SAMPLE_PATTERNS.get(options.reader_locale, "short")
    )


def format_clock(moment: datetime, options: Options) -> str:
    return moment.strftime("%H:%M")


def format_moment(moment: datetime, options: Options) -> str:
    """A date and time in a sentence: "2 de diciembre de 2026, 00:05", "2 Dec 2026 00:05"."""
    return _moment_text(moment.date(), f"{moment:%H:%M}", options.babel_locale)


@lru_cache(maxsize=256)
def _moment_text(day: date, clock: str, locale: str) -> str:
    from babel.dates import format_date

    if locale.startswith("es"):
        return f"{format_date(day, format=prose_pattern(locale), locale=locale)}, {clock}"
    return f"{format_date(day, format='medium', locale=locale)} {clock}"


@contextlib.contextmanager
def for_reader(options: Options) -> Iterator[None]:
    """Export in the reader's language and with their date formats."""
    from planner.exports.xlsx import formats

    with language(options.lang), formats(options.reader_locale):
        yield


def resolve(store: PlanStore, table: str, value: str) -> int:
    """An item by id or by name (an error listing the candidates when unclear)."""
    rows = named(store, table)
    if value.isdigit() and any(i == int(value) for i, _n in rows):
        return int(value)
    exact = [i for i, n in rows if fold(n) == fold(value)]
    if len(exact) == 1:
        return int(exact[0])
    partial = [(i, n) for i, n in rows if fold(value) in fold(n)]
    if len(partial) == 1:
        return int(partial[0][0])
    shown = partial or ([] if exact else rows)
    if exact:
        shown = [(i, n) for i, n in rows if i in exact]
    candidates = ", ".join(f"{n} ({i})" for i, n in shown[:20])
    what = {
        "delegation": _("delegation"),
        "organisation": _("organisation"),
        "participant_group": _("group"),
        "person": _("person"),
        "venue": _("place"),
    }.get(table, table)
    raise PlannerError(
        _("'{value}' does not name one {what}; candidates: {candidates}.").format(
            value=value, what=what, candidates=candidates or "—"
        )
    )
