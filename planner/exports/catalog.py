"""Every export a plan offers, for the command line and the window's export dialog alike.

``run(store, "itineraries", out, Options(...), job)`` writes one file at ``out`` (or, with
``split``, one file per person or delegation into the folder ``out``), never leaving a partial
file: a file is written under a temporary name and renamed once complete, and a split export
is written into a temporary folder whose files move into place only when all are done.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _
from planner.exports import changes, suppliers
from planner.exports.common import Job, Options, PlanData, for_reader, scope_of
from planner.exports.destination import check_output, check_replaceable
from planner.exports.paper import on_paper, paper_for
from planner.queries.snapshot import Unit
from planner.queries.summary import plan_country
from planner.store import PlanStore

Writer = Callable[[PlanStore, PlanData, Path, Options, Job], Path]
FILTERS = ("delegation", "group", "person")


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: str  # N_(): translate where shown
    description: str  # N_()
    suffix: str  # ".xlsx", ".pdf", ".ics"
    writer: str  # "module:function" of planner.exports
    filters: frozenset[str] = frozenset()
    split_by: str | None = None  # "person" or "delegation"
    personal: bool = False  # holds identity numbers, birth dates or phones
    records: bool = False  # remembers the delegation's agenda for "what changed"
    needs: str | None = None  # a filter the kind cannot do without
    all_option: bool = False  # --all means something
    # N_(): why the kind cannot be written without personal data (its purpose is that data);
    # "" for the kinds that leave those columns out when asked
    personal_purpose: str = ""
    marks: bool = False  # shows who attended (the attendance marks are read)
    plan: bool = True  # reads the plan's people and agenda (the history: its change log alone)
    also: tuple[str, ...] = ()  # other endings the writer knows (".csv")
    numbered: bool = False  # gives certificate numbers (writes the plan's register)

    @property
    def suffixes(self) -> tuple[str, ...]:
        return (self.suffix, *self.also)

    def write(
        self, store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
    ) -> Path:
        module, function = self.writer.split(":")
        fn: Writer = getattr(importlib.import_module(f"planner.exports.{module}"), function)
        paper = options.paper or paper_for(plan_country(store))
        # the reader's language, date formats and paper, for every writer
        with for_reader(options), on_paper(paper):
            return fn(store, data, target, options, job)


_WHO = frozenset(FILTERS)
_UNITS = frozenset({"delegation", "group"})

KINDS: dict[str, ExportKind] = {
    k.name: k
    for k in (
        ExportKind(
            "schedule",
            N_("Schedule grid"),
            N_("A sheet per day, time down and rooms across, and an overview of the plan"),
            ".xlsx",
            "schedule:schedule_grid",
            _UNITS,
            records=True,
        ),
        ExportKind(
            "agenda",
            N_("Agenda"),
            N_("The whole plan's agenda list, or a delegation's or group's agenda by day"),
            ".xlsx",
            "schedule:agenda",
            _WHO,
            "delegation",
            records=True,
        ),
        ExportKind(
            "itineraries",
            N_("Itineraries"),
            N_("A sheet per person: flights, transfers, hotel, sessions, visits and whom to call"),
            ".xlsx",
            "itineraries:itineraries",
            _WHO,
            "person",
            records=True,
            all_option=True,
        ),
        ExportKind(
            "signin",
            N_("Sign-in sheets"),
            N_("A sheet per session to sign, with blank rows for walk-ins"),
            ".xlsx",
            "attendance:signin",
            _UNITS,
        ),
        ExportKind(
            "participants",
            N_("Participant list"),
            N_("Everyone with their personal data (confidential)"),
            ".xlsx",
            "participants:participants",
            _UNITS,
            personal=True,
        ),
        ExportKind(
            "attendance",
            N_("Attendance summary"),
            N_(
                "Trainees who attended and were trained, by session, sex, organisation"
                " and age band; everyone else present listed apart"
            ),
            ".xlsx",
            "attendance:attendance",
            _UNITS,
            marks=True,
        ),
        ExportKind(
            "manifests",
            N_("Vehicle manifests"),
            N_("A sheet per vehicle: each ride with its passengers"),
            ".xlsx",
            "travel:manifests",
        ),
        ExportKind(
            "clearance",
            N_("Host clearance list"),
            N_("Who goes on a site visit, with identity numbers, for its hosts"),
            ".xlsx",
            "travel:clearance",
            personal=True,
            needs="visit",
            personal_purpose=N_(
                "The host clearance list exists to give the hosts each visitor's identity"
                " or passport number, so it cannot be written without personal data."
                " Export it with personal data, and send it only to the hosts who ask for"
                " it."
            ),
        ),
        ExportKind(
            "rooming",
            N_("Rooming list"),
            N_("A sheet per hotel: who sleeps where, sharing with whom, which nights"),
            ".xlsx",
            "participants:rooming",
            frozenset({"delegation"}),
            personal=True,
        ),
        ExportKind(
            "catering",
            N_("Catering counts"),
            N_("Heads per meal and break, with dietary needs grouped"),
            ".xlsx",
            "catering:catering",
            marks=True,  # past meals: how many came
        ),
        ExportKind(
            "budget",
            N_("Budget workbook"),
            N_("Every line with live formulas on visible rates"),
            ".xlsx",
            "budget:workbook",
        ),
        ExportKind(
            "perdiem",
            N_("Per diem payment sheet"),
            N_("Days, rate, deductions and a signature column per traveller"),
            ".xlsx",
            "budget:perdiem",
            personal=True,
            personal_purpose=N_(
                "The per diem payment sheet exists to pay each traveller against their"
                " identity or passport number, which they sign for, so it cannot be written"
                " without personal data. Export it with personal data, and keep it with"
                " finance."
            ),
        ),
        ExportKind(
            "certificates",
            N_("Certificates"),
            N_("Numbered, bilingual: completion, facilitation (trainers), attendance if asked"),
            ".pdf",
            "pdf.certificate:certificates",
            _WHO,
            "person",
            marks=True,
            numbered=True,
        ),
        ExportKind(
            "register",
            N_("Register of certificates"),
            N_("Each trainee's hours, share, result and certificate number, to credit their file"),
            ".xlsx",
            "register:register_workbook",
            _WHO,
            personal=True,
            marks=True,
            numbered=True,
        ),
        ExportKind(
            "badges",
            N_("Name badges and tent cards"),
            N_("Badges to wear and folded cards for the table, as PDF"),
            ".pdf",
            "pdf.badge:badges",
            _WHO,
        ),
        ExportKind(
            "report",
            N_("Donor's report"),
            N_("What the training achieved: trainees, attendance, learning, satisfaction, cost"),
            ".xlsx",
            "report:report_workbook",
            marks=True,
            also=(".pdf",),
        ),
        ExportKind(
            "survey",
            N_("Survey form for phones"),
            N_("The tests and the questionnaire as an XLSForm for KoboToolbox or ODK Collect"),
            ".xlsx",
            "survey:survey",
        ),
        ExportKind(
            "codes",
            N_("Badge codes"),
            N_("Each person's badge code, name, delegation and group: for phones or the door"),
            ".xlsx",
            "codes:codes",
            _UNITS,
            also=(".csv",),
        ),
        ExportKind(
            "ics",
            N_("Calendar (.ics)"),
            N_("Sessions, flights and transfers for a calendar program"),
            ".ics",
            "calendar:ics",
            _WHO,
            "person",
            records=True,
        ),
        ExportKind(
            "pdf",
            N_("Agenda booklet (PDF)"),
            N_("Cover, day pages and each member's itinerary, per delegation"),
            ".pdf",
            "pdf.booklets:booklet",
            frozenset({"delegation"}),
            "delegation",
            records=True,
            all_option=True,
        ),
        ExportKind(
            "changes",
            N_("What changed"),
            N_(
                "A delegation's agenda changes since its last export, or a supplier's: the"
                " hotel's, the caterer's, the transport company's"
            ),
            ".xlsx",
            "changes:changes",
            frozenset({"delegation"}),
            needs="delegation",
        ),
        ExportKind(
            "dutyofcare",
            N_("Duty-of-care list"),
            N_("For each day, who is where (hotel, road, site visit) and whom to call for them"),
            ".xlsx",
            "dutyofcare:duty_of_care",
            personal=True,
            personal_purpose=N_(
                "The duty-of-care list exists to say whom to call for each person, so it cannot"
                " be written without personal data. Export it with personal data, and share it"
                " only with the security focal point and the logistics team."
            ),
        ),
        ExportKind(
            "history",
            N_("History of changes"),
            N_("Who changed what and when, newest first"),
            ".xlsx",
            "history:plan_history",
            plan=False,
        ),
    )
}


def kind_of(name: str) -> ExportKind:
    try:
        return KINDS[name]
    except KeyError:
        raise PlannerError(
            _("There is no export called '{name}'; choose one of: {kinds}.").format(
                name=name, kinds=", ".join(KINDS)
            )
        ) from None


def check(kind: ExportKind, options: Options) -> None:
    """Refuse a filter the kind cannot apply, naming the ones it can."""
    given = [f for f in FILTERS if getattr(options, f) is not None]
    wrong = [f for f in given if f not in kind.filters]
    if wrong:
        allowed = ", ".join(f"--{f}" for f in FILTERS if f in kind.filters)
        raise PlannerError(
            _("The {kind} export cannot be limited with --{option}; it takes {allowed}.").format(
                kind=kind.name, option=wrong[0], allowed=allowed or _("no filter")
            )
        )
    if len(given) > 1:
        raise PlannerError(_("Give only one of --delegation, --group and --person."))
    if options.supplier is not None and kind.name != "changes":
        raise PlannerError(_("--supplier applies to the changes export only."))
    if kind.name == "changes" and (options.delegation is None) == (options.supplier is None):
        raise PlannerError(
            _(
                "Say whose changes: a delegation's with --delegation (a name or an id), or a"
                " supplier's with --supplier hotel, caterer or transport; not both."
            )
        )
    if kind.needs == "delegation" and options.delegation is None and options.supplier is None:
        raise PlannerError(_("Say which delegation with --delegation (a name or an id)."))
    if kind.needs == "visit" and options.visit is None:
        raise PlannerError(_("Say which site visit with --visit (its session ID or title)."))
    if options.split and kind.split_by is None:
        raise PlannerError(
            _("The {kind} export is always one file; --split applies to {kinds}.").format(
                kind=kind.name, kinds=", ".join(k.name for k in KINDS.values() if k.split_by)
            )
        )
    if options.attendance and kind.name != "certificates":
        raise PlannerError(_("--attendance applies to the certificates export only."))
    if options.all and not kind.all_option:
        raise PlannerError(_("--all applies to itineraries and the agenda booklet only."))
    if kind.personal_purpose and not options.personal:
        raise PlannerError(_(kind.personal_purpose))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(text: str) -> str:
    """A name safe as a file name on every system ("Group A/B: day 1" -> "Group A-B- day 1")."""
    cleaned = _UNSAFE.sub("-", text).strip(" .-") or "-"
    return cleaned[:80]


def split_parts(data: PlanData, kind: ExportKind, options: Options) -> list[tuple[str, Options]]:
    """The files of a split export: (file name without suffix, options for that file)."""
    scope = scope_of(data, options)
    if kind.split_by == "delegation":
        ids = sorted(data.delegations, key=lambda i: data.delegations[i][0].casefold())
        if scope.kind == "delegation":
            ids = [scope.id] if scope.id is not None else ids
        return [(data.delegations[i][0], replace(options, delegation=i, split=False)) for i in ids]
    people = data.sorted_people(scope.people)
    if kind.name == "itineraries" and not options.all and scope.kind != "person":
        people = [p for p in people if p.id in data.travellers]
    if kind.name == "certificates":  # who earns one (planner.exports.register)
        from planner.exports.register import earns

        earners = {person for person, _kind in earns(data, scope, options.attendance)}
        people = [p for p in people if p.id in earners]
    return [
        (
            f"{p.family_name} {p.given_name} {p.id}".strip(),
            replace(options, person=p.id, delegation=None, group=None, split=False),
        )
        for p in people
    ]


def unit_of(options: Options) -> Unit | None:
    """The person, group or delegation an export is limited to: only their part of the
    agenda is read (None: the whole plan)."""
    for kind in FILTERS:
        chosen = getattr(options, kind)
        if chosen is not None:
            return (kind, int(chosen))
    return None


def run(
    store: PlanStore,
    name: str,
    out: str | os.PathLike[str],
    options: Options,
    job: Job | None = None,
) -> list[Path]:
    """Write an export; returns the files written. What the user should know although the
    export was written (a note for "what changed" that could not be kept) is added to
    ``job.warnings``."""
    kind = kind_of(name)
    check(kind, options)
    job = job or Job()
    target = Path(out)
    if not options.split and kind.split_by is not None and target.is_dir():
        raise PlannerError(
            _(
                "{path} is a folder: give the file to write, or add --split to"
                " write one file per {what} into it."
            ).format(
                path=target, what=_("person") if kind.split_by == "person" else _("delegation")
            )
        )
    check_output(kind, target, options.split, store)  # never a plan, a device, a wrong name
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise PlannerError(
            _("The folder {folder} does not exist. Create it first or choose another.").format(
                folder=parent
            )
        )
    data = (
        PlanData.load(store, personal=options.personal, scope=unit_of(options), marks=kind.marks)
        if kind.plan
        else PlanData.heading(store)
    )
    if not options.split:
        path = kind.write(store, data, target, options, job)
        job.step(1, 1)  # a cancel that came at the very end still counts: nothing remembered
        _remember(store, data, kind, options, job)
        return [path]
    parts = split_parts(data, kind, options)
    if not parts:
        raise PlannerError(
            _("Nobody to write a file for: the {kind} export found no one in this choice.").format(
                kind=kind.name
            )
        )
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise _unwritable(parent, exc) from exc
    written: list[Path] = []
    try:
        names: set[str] = set()
        for n, (stem, part) in enumerate(parts):
            quiet = Job(None, job.cancelled)
            job.step(n, len(parts))
            name_ = file_name(stem)
            while name_.casefold() in names:
                name_ += "_"
            names.add(name_.casefold())
            kind.write(store, data, staging / f"{name_}{kind.suffix}", part, quiet)
        job.step(len(parts), len(parts))
        written = move_into(sorted(staging.iterdir()), target, store)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remember(store, data, kind, options, job)
    return written


def move_into(files: list[Path], folder: Path, source: PlanStore | None = None) -> list[Path]:
    """Move the finished files of a split export into ``folder`` (made if new), once each
    name there is known to be one an export may replace: nothing moves if one is not."""
    for file in files:
        check_replaceable(folder / file.name, source)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise _unwritable(folder.parent if str(folder.parent) else Path("."), exc) from exc
    moved = []
    for file in files:
        final = folder / file.name
        try:
            os.replace(file, final)
        except OSError as exc:
            raise PlannerError(
                _(
                    "{path} could not be written: {reason}. Close it if another"
                    " program has it open, or choose another folder."
                ).format(path=final, reason=exc.strerror or exc)
            ) from exc
        moved.append(final)
    return moved


def _unwritable(folder: Path, exc: OSError) -> PlannerError:
    return PlannerError(
        _(
            "The folder {folder} cannot be written to: {reason}. Choose a folder you may write to."
        ).format(folder=folder, reason=exc.strerror or exc)
    )


def _remember(
    store: PlanStore, data: PlanData, kind: ExportKind, options: Options, job: Job
) -> None:
    """Note what each delegation's agenda held at this export (for "what changed"), and what a
    supplier's paper held (the rooming list, catering counts and manifests of the whole plan).
    The export is done whatever happens here; a note that cannot be written is said in
    ``job.warnings``."""
    if kind.name in suppliers.PAPER_OF and unit_of(options) is None and not store.read_only:
        try:
            suppliers.record(store, data, kind.name)
        except PlannerError as exc:
            job.warnings.append(
                _(
                    "The export is written, but its note for the supplier's “What changed” was"
                    " not kept: {reason}"
                ).format(reason=exc)
            )
    if not kind.records or store.read_only:
        return
    scope = scope_of(data, options)
    if scope.kind == "delegation" and scope.id is not None:
        delegations = [scope.id]
    elif scope.kind == "plan":
        delegations = list(data.delegations)
    else:
        return
    try:
        changes.record(store, data, kind.name, delegations)
    except PlannerError as exc:
        job.warnings.append(
            _(
                "The export is written, but its note for “What changed” (what {whom} had in the"
                " agenda) was not kept: {reason} Until an export keeps that note, “What changed”"
                " compares with the export before this one and may list changes already sent."
            ).format(
                whom=data.delegations[delegations[0]][0]
                if len(delegations) == 1
                else _("each delegation"),
                reason=exc.message,
            )
        )
