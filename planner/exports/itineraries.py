"""Itineraries: a sheet per person with their flights, transfers, hotel, sessions, site visits
and whom to call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import role_label
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    scope_of,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, SheetTitles, sheet_title, write
from planner.exports.textwidth import unbroken_phones
from planner.queries.journeys import Journeys
from planner.queries.snapshot import PersonInfo
from planner.store import PlanStore


def _clock(moment: datetime) -> time:
    return moment.time().replace(tzinfo=None)


# --- itineraries ----------------------------------------------------------------------------------


def itineraries(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per person: flights, transfers, hotel, sessions, site visits, and whom to call.
    For the people who travel (arrive or leave by plane or road), everyone with ``all``."""
    with for_reader(options):
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
        journeys = Journeys(data)
        focal = [p for p in data.sorted_people() if p.role == "logistics" and p.phone]
        call = "; ".join(f"{p.name} {p.phone}" for p in focal)

        def sheets() -> Iterator[Sheet]:  # one at a time: made, written, let go
            taken = SheetTitles()
            for n, person in enumerate(people):
                if n % 20 == 0:
                    job.step(n, len(people))
                yield _itinerary(data, person, journeys, call, options, taken)
            job.step(len(people), len(people))

        return write(sheets(), target)


def _itinerary(
    data: PlanData,
    person: PersonInfo,
    journeys: Journeys,
    call: str,
    options: Options,
    taken: set[str],
) -> Sheet:
    sheet = Sheet(sheet_title(person.name, taken))
    sheet.landscape = True  # its seven columns whole on the width, in legible type
    about = " · ".join(
        x
        for x in (
            person.organisation,
            data.delegation_name(person.delegation_id),
            role_label(person.role, sex=person.sex),
        )
        if x
    )
    extra = [about] if about else []
    if call:
        extra.append(_("Logistics focal point: {contacts}").format(contacts=call))
    sheet.title_block(
        title_lines(data, _("Itinerary of {name}").format(name=person.name), options, tuple(extra))
    )
    sheet.headings(
        [_("Date"), _("Start"), _("End"), _("What"), _("Where"), _("Details"), _("Call")]
    )
    for heading in sheet.rows[-1][1:3]:  # centred over the times below them
        heading.center = True
    for item in journeys.of(("person", person.id)):
        end = item.end
        # start and end centred alike under their headings (an end on another day, a hotel's
        # check-out, with its date)
        sheet.add(
            item.start.date(),
            Cell(_clock(item.start), center=True),
            Cell(
                _clock(end) if end.date() == item.start.date() else end.replace(tzinfo=None),
                center=True,
            )
            if end is not None
            else None,
            Cell(item.title, text=True, wrap=True),
            Cell(item.place, text=True, wrap=True),
            Cell(item.detail, text=True, wrap=True),
            Cell(unbroken_phones(item.contact) if options.personal else "", text=True, wrap=True),
        )
    if sheet.next_row == (sheet.heading or 0) + 1:
        sheet.add(Cell(_("Nothing planned for this person yet."), italic=True, text=True))
    sheet.widths.update({1: 12, 4: 30, 5: 24, 6: 30, 7: 22})
    return sheet
