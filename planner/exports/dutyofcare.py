"""The duty-of-care list: for each day of the plan, who is where (at which hotel for the night,
landing or leaving, on the road, on the site visit) and whom to call for them; confidential,
for the security focal point and the logistics team."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import security_label
from planner.exports.common import Job, Options, PlanData, format_day, prose_day, title_lines
from planner.exports.sheet import Cell, Sheet, SheetTitles, sheet_title, write
from planner.exports.textwidth import unbroken_phones
from planner.queries.duty import duty_details
from planner.queries.journeys import riders
from planner.queries.snapshot import local
from planner.store import PlanStore


def duty_of_care(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """A sheet per day: each person there that day, where, and whom to call."""
    lg = data.logistics
    gone = data.membership.gone
    where: dict[date, dict[int, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))

    def note(day: date, person: int, at: int, text: str) -> None:
        if person not in gone or day < gone[person]:
            where[day][person].append((at, text))

    for stay in lg.stays:
        hotel = lg.place_name(stay.venue)
        day = stay.check_in
        while day < stay.check_out:
            note(day, stay.person, 10**12, _("night at {hotel}").format(hotel=hotel))
            day = date.fromordinal(day.toordinal() + 1)
    for person, trips in lg.trips.items():
        for trip in trips:
            when = trip.when
            text = (
                _("lands {time} ({flight})") if trip.arrival else _("leaves {time} ({flight})")
            ).format(time=f"{when:%H:%M}", flight=trip.label or "?")
            note(when.date(), person, trip.at, text)
    for ride in lg.rides.values():
        start = local(ride.start, ride.zone)
        visit = data.sessions.get(ride.visit) if ride.visit is not None else None
        text = (
            _("site visit: {title}").format(title=visit.title)
            if visit is not None
            else _("on the road {time}: {title}").format(
                time=f"{start:%H:%M}", title=ride.title or _("ride")
            )
        )
        for person in riders(data, ride):
            note(start.date(), person, ride.start, text)
    if not where:
        raise PlannerError(
            _(
                "Nobody has a journey, a hotel stay or a ride yet: the duty-of-care list says"
                " who is where each day, from those."
            )
        )
    details = duty_details(store)
    confidential = _(
        "CONFIDENTIAL: personal data. Share only with those who need it and delete copies after"
        " the event."
    )

    def sheets() -> Iterator[Sheet]:
        taken = SheetTitles()
        days = sorted(where)
        for n, day in enumerate(days):
            job.step(n, len(days))
            sheet = Sheet(sheet_title(format_day(day, options, "EEE d MMM"), taken))
            sheet.title_block(
                title_lines(
                    data,
                    _("Duty of care: who is where on {day}").format(day=prose_day(day, options)),
                    options,
                    (confidential,),
                )
            )
            sheet.headings(
                [
                    _("No."),
                    _("Name"),
                    _("Delegation"),
                    _("Where"),
                    _("Emergency contact"),
                    _("Phone"),
                    _("Insurance"),
                    _("Travel security clearance"),
                ]
            )
            people = data.sorted_people(set(where[day]))
            for row, person in enumerate(people, start=1):
                d = details.get(person.id)
                places = "; ".join(text for _at, text in sorted(where[day][person.id]))
                contact = (
                    f"{d.emergency_name} ({d.emergency_relation})"
                    if d and d.emergency_relation
                    else (d.emergency_name if d else "")
                )
                insurance = (
                    " · ".join(x for x in (d.insurance_provider, d.insurance_policy) if x)
                    if d
                    else ""
                )
                clearance = (
                    " · ".join(
                        x
                        for x in (
                            security_label(d.security_clearance_status)
                            if d.security_clearance_status
                            else "",
                            d.security_clearance_ref,
                        )
                        if x
                    )
                    if d
                    else ""
                )
                sheet.add(
                    row,
                    Cell(person.name, text=True, wrap=True),
                    Cell(data.delegation_name(person.delegation_id), text=True, wrap=True),
                    Cell(places, text=True, wrap=True),
                    Cell(contact or _("none: ask them"), text=True, wrap=True),
                    Cell(unbroken_phones(d.emergency_phone) if d else "", text=True, wrap=True),
                    Cell(insurance, text=True, wrap=True),
                    Cell(clearance, text=True, wrap=True),
                )
            sheet.widths.update({2: 22, 3: 18, 4: 30, 5: 24, 6: 16, 7: 20, 8: 16})
            yield sheet
        job.step(len(days), len(days))

    return write(sheets(), target)
