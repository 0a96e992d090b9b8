"""The badge codes of everyone taking part: to load a phone's scanner app (KoboCollect, ODK)
or to print a list at the door. A workbook with its title, or a plain CSV file whose columns
are ``code``, ``name``, ``delegation`` and ``group`` (for programs: they are never translated).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports.common import Job, Options, PlanData, for_whom, scope_of, title_lines
from planner.exports.sheet import Cell, Sheet, write
from planner.exports.xlsx import write_atomically
from planner.queries.badges import badge_codes
from planner.store import PlanStore

CSV_COLUMNS = ("code", "name", "delegation", "group")


def codes(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """Code, name, delegation and group of each person taking part (declined, replaced and
    cancelled people have no business at the door)."""
    scope = scope_of(data, options)
    gone = data.membership.gone
    people = [p for p in data.sorted_people(scope.people) if p.id not in gone]
    if not people:
        raise PlannerError(_("There is nobody to list: add people to the plan first."))
    code = badge_codes(store).code
    groups: dict[int, list[str]] = defaultdict(list)
    for (kind, gid), members in data.membership.members.items():
        if kind == "group" and gid in data.groups:
            for member in members:
                groups[member].append(data.groups[gid][0])
    rows = [
        (
            code(p.id),
            p.listed_name,
            data.delegation_name(p.delegation_id),
            ", ".join(sorted(groups.get(p.id, []))),
        )
        for p in people
    ]
    job.step(1, 2)
    if target.suffix.lower() == ".csv":

        def produce(path: str) -> None:
            # UTF-8 with its mark: Excel and the scanner apps read the accents right
            with open(path, "w", newline="", encoding="utf-8-sig") as out:
                writer = csv.writer(out)
                writer.writerow(CSV_COLUMNS)
                writer.writerows(rows)

        return write_atomically(target, produce, _("a spreadsheet program"))

    def sheets() -> Iterator[Sheet]:
        sheet = Sheet(_("Badge codes"))
        sheet.landscape = False
        sheet.title_block(
            title_lines(
                data,
                _("Badge codes"),
                options,
                (
                    *for_whom(scope),
                    _("Scan a badge, or type its code, at the door (Plan ▸ Check-in…)."),
                ),
            )
        )
        sheet.headings([_("Code"), _("Name"), _("Delegation"), _("Group")])
        sheet.filter = True
        sheet.frozen_columns = 2
        sheet.widths.update({1: 12, 2: 34, 3: 26, 4: 14})
        for row in rows:
            sheet.add(Cell(row[0], text=True, center=True), *row[1:])
        yield sheet

    return write(sheets(), target)
