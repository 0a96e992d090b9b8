"""The lists that hold personal data, said confidential on every page: the participant list
for partners and hosts, and the rooming list a hotel's front desk registers guests with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import role_with_status, sex_label
from planner.domain.reference import country_name, fold
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    for_whom,
    scope_of,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, SheetTitles, sheet_title, write
from planner.queries import logistics as queries_logistics
from planner.store import PlanStore

# --- the participant list -------------------------------------------------------------------------


def participants(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """Everyone with the fields partners and hosts ask for, personal data included: the
    workbook says it is confidential on every page."""
    with for_reader(options):
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
            title_lines(data, _("Participant list"), options, (*for_whom(scope), confidential))
        )
        # who they are on the first sheet, their identity, contacts and needs on a second:
        # each prints legibly across its page instead of 17 columns shrunk onto one
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
            ]
        )
        contact = Sheet(_("Contact and needs"))
        contact.title_block(
            title_lines(
                data,
                _("Participant list: identity, contact and needs"),
                options,
                (*for_whom(scope), confidential),
            )
        )
        contact.headings(
            [
                _("No."),
                _("Name"),
                _("Nationality"),
                _("ID or passport no."),
                _("Birth date"),
                _("Email"),
                _("Phone"),
                _("Dietary needs"),
                _("Accessibility needs"),
            ]
        )
        for listed in (sheet, contact):
            listed.filter = True
        sheet.frozen_columns, contact.frozen_columns = 3, 2  # the number and the name
        # widths that fill a landscape page at the least scale (8-point type, and no column
        # carried over to a page of its own); longer text wraps
        sheet.widths.update({1: 6, 2: 20, 3: 18, 5: 26, 6: 22, 7: 18, 8: 18, 9: 12, 10: 14})
        contact.widths.update({1: 6, 2: 22, 3: 14, 6: 22, 8: 18, 9: 18})

        def wrapped(text: str, width: int) -> Cell | str:
            return Cell(text, text=True, wrap=True) if len(text) > width else text

        def sheets() -> Iterator[Sheet]:  # one at a time: a whole plan's 200,000 people
            for n, p in enumerate(people, start=1):
                if n % 200 == 0:
                    job.step(n, 2 * len(people))
                sheet.add(
                    n,
                    wrapped(p.family_name, 20),
                    wrapped(p.given_name, 18),
                    sex_label(p.sex) if p.sex else "",
                    wrapped(p.organisation, 26),
                    wrapped(p.position, 22),
                    wrapped(p.duty_station, 18),
                    wrapped(data.delegation_name(p.delegation_id), 18),
                    wrapped(", ".join(sorted(groups.get(p.id, []))), 12),
                    wrapped(role_with_status(p.role, p.status, p.sex), 14),
                )
            yield sheet
            sheet.rows.clear()  # written: let go before the second is made
            for n, p in enumerate(people, start=1):
                if n % 200 == 0:
                    job.step(len(people) + n, 2 * len(people))
                contact.add(
                    n,
                    wrapped(f"{p.family_name}, {p.given_name}", 22),
                    country_name(p.nationality) if p.nationality else "",
                    p.id_number,
                    p.birth_date,
                    wrapped(p.email, 22),
                    p.phone,
                    wrapped(p.dietary_needs, 18),
                    wrapped(p.accessibility_needs, 18),
                )
            yield contact

        return write(sheets(), target)


# --- the rooming list -----------------------------------------------------------------------------


def rooming(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A sheet per hotel for its front desk: who sleeps there, in which room type, sharing
    with whom, which nights, with the identity number hotels register."""
    with for_reader(options):
        scope = scope_of(data, options)
        rows = queries_logistics.rooming(store)
        by_hotel: dict[str, list[Any]] = defaultdict(list)
        gone = data.membership.gone
        for row in rows:
            if scope.people is not None and row[0] not in scope.people:
                continue
            left = gone.get(row[0])
            if left is not None:  # declined or replaced: their nights end on that day
                if date.fromisoformat(str(row[2])[:10]) >= left:
                    continue
                if date.fromisoformat(str(row[3])[:10]) > left:
                    row = (*row[:3], left.isoformat(), *row[4:])
            by_hotel[row[1]].append(row)
        if not by_hotel:
            raise PlannerError(
                _("Nobody has a hotel stay yet: add stays (Accommodation page) first.")
            )
        sheets = []
        taken = SheetTitles()
        for hotel in sorted(by_hotel, key=fold):
            sheet = Sheet(sheet_title(hotel, taken))
            sheet.title_block(
                title_lines(
                    data, _("Rooming list: {hotel}").format(hotel=hotel), options, for_whom(scope)
                )
            )
            sheet.headings(
                [
                    _("No."),
                    _("Name"),
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
                    Cell(f"{person.family_name}, {person.given_name}", text=True, wrap=True),
                    sex_label(person.sex) if person.sex else "",
                    room_type or block_type,
                    Cell(partner.name if partner else "", text=True, wrap=True),
                    start,
                    end,
                    (end - start).days,
                    Cell(data.delegation_name(person.delegation_id), text=True, wrap=True),
                    country_name(person.nationality) if person.nationality else "",
                    person.id_number,
                    Cell(notes or "", text=True, wrap=True),
                )
            # a front desk's whole list on one landscape page's width, in legible type
            sheet.widths.update({2: 24, 5: 16, 9: 14, 12: 16})
            sheets.append(sheet)
        job.step(1, 1)
        return write(sheets, target)
