"""Workbooks for the road: vehicle manifests for drivers and providers, and the clearance
list a host asks for before a site visit (names, organisation, identity or passport number)."""

from __future__ import annotations

from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, language, ngettext
from planner.domain.labels import clearance_label, role_label
from planner.domain.reference import country_name, sort_key
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    format_day,
    left_out_note,
    plan_lines,
)
from planner.exports.sheet import Cell, Sheet, SheetTitles, sheet_title, write
from planner.queries import journeys
from planner.queries.logistics import visit_goers
from planner.store import PlanStore


def manifests(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """One sheet per vehicle: each ride with its day, times and route, then every passenger by
    name with a box to tick on boarding."""
    rides = journeys.manifests(data)
    with language(options.lang or "en"):
        if not rides:
            raise PlannerError(
                _(
                    "The plan has no rides yet: add vehicles and rides (or accept"
                    " the proposed airport transfers) first."
                )
            )
        taken = SheetTitles()
        by_vehicle: dict[str, list[journeys.ManifestRide]] = {}
        for ride in rides:
            by_vehicle.setdefault(ride.vehicle, []).append(ride)
        sheets = []
        for vehicle, items in by_vehicle.items():
            sheet = Sheet(sheet_title(vehicle, taken))
            title, line = plan_lines(store, _("Manifest of {vehicle}").format(vehicle=vehicle))
            driver = items[0].driver
            sheet.title_block(
                [
                    title,
                    line,
                    _("Driver: {name}").format(name=driver)
                    if driver
                    else _("Driver: not chosen yet"),
                ]
            )
            # a ride at a time, as the driver takes them: when, where from and to, then
            # its passengers numbered, each with a box to tick on boarding
            sheet.landscape = False
            sheet.headings([_("No."), _("Passenger"), _("On board")])
            last = 3
            for ride in items:
                sheet.add()
                leaves, arrives = ride.start, ride.end
                when = (
                    f"{format_day(leaves.date(), options, 'EEE d MMM')} · "
                    f"{leaves:%H:%M}–{arrives:%H:%M}"
                )
                row = sheet.add(Cell(f"{when} · {ride.title}", big=True, text=True, wrap=True))
                sheet.merge(row, 1, row, last)
                people = ngettext("{n} passenger", "{n} passengers", len(ride.passengers))
                seats = ngettext("{n} seat", "{n} seats", ride.seats)
                row = sheet.add(
                    Cell(
                        f"{ride.route} · {people.format(n=len(ride.passengers))}"
                        f" ({seats.format(n=ride.seats)})",
                        italic=True,
                        text=True,
                        wrap=True,
                    )
                )
                sheet.merge(row, 1, row, last)
                for n, name in enumerate(ride.passengers, start=1):
                    sheet.add(n, Cell(name, text=True, wrap=True), Cell("", text=True, border=True))
                if not ride.passengers:
                    sheet.add(None, Cell(_("(no passengers)"), italic=True, text=True))
            sheet.widths.update({1: 6, 2: 56, 3: 16})
            sheet.minimum.update({2: 56, 3: 16})
            sheets.append(sheet)
        return write(sheets, target)


def clearance(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """The clearance list of the site visit ``options.visit``."""
    assert options.visit is not None
    return clearance_list(store, options.visit, target, options.lang, personal=options.personal)


def clearance_list(
    store: PlanStore, visit_id: int, target: str | Path, lang: str | None = None, *, personal: bool
) -> Path:
    """Who goes on a site visit, as hosts ask for it: name, organisation, position,
    nationality, identity or passport number; drivers of the visit's vehicles included.
    ``personal`` has no default: the caller says whether identity numbers go in (the export
    catalog refuses this list without them, since they are its purpose)."""
    visit = visit_goers(store, visit_id, personal=personal)
    if visit is None:
        raise PlannerError(_("There is no session {id} in the plan.").format(id=visit_id))
    title_of_visit, stops = visit.title, visit.stops
    chosen = sorted(visit.people, key=lambda row: (sort_key(row[1]), sort_key(row[2])))
    with language(lang or "en"):
        if not chosen:
            raise PlannerError(
                _("Nobody goes on “{title}” yet: choose who attends it first.").format(
                    title=title_of_visit
                )
            )
        sheet = Sheet(_("Clearance list")[:31])
        title, line = plan_lines(store, _("Clearance list"))
        hosts = "; ".join(
            f"{name} ({clearance_label(clearance)})"
            for name, _host, clearance in stops
            if name and clearance != "not_needed"
        )
        left_out = [] if personal else [left_out_note()]
        sheet.title_block([title, line, title_of_visit, *([hosts] if hosts else []), *left_out])
        sheet.headings(
            [
                _("No."),
                _("Family names"),
                _("Given names"),
                _("Organisation"),
                _("Position or rank"),
                _("Nationality"),
                _("ID or passport no."),
                _("Role"),
            ]
        )
        sheet.filter = True
        # every column on one landscape page: the host checks names against identity numbers
        sheet.widths.update({1: 6, 2: 20, 3: 18, 4: 26, 5: 26, 6: 14, 7: 16, 8: 16})
        missing = 0
        for n, (_pid, family, given, org, position, nationality, id_number, role, sex) in enumerate(
            chosen, start=1
        ):
            sheet.add(
                n,
                family,
                given,
                Cell(org, text=True, wrap=True),  # whole, wrapped: the ID stays on the page
                Cell(position, text=True, wrap=True),
                country_name(nationality) if nationality else "",
                id_number,
                Cell(role_label(role, sex=sex), text=True, wrap=True),
            )
            missing += not id_number
        if missing and personal:
            sheet.add()
            sheet.add(
                Cell(
                    _(
                        "{n} people have no ID or passport number in the plan; add them"
                        " before sending the list."
                    ).format(n=missing),
                    italic=True,
                    text=True,
                )
            )
        return write([sheet], target)
