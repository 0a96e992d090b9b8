"""The agenda list: one row per session, in time order, in the columns the agenda import reads
back by their headings (so a list edited by hand can be imported again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.domain.i18n import N_, _, language
from planner.domain.labels import kind_label
from planner.exports.common import plan_lines
from planner.exports.sheet import Cell, Sheet, write
from planner.queries.agenda import agenda_list
from planner.store import PlanStore

# The columns in the order the rows below fill them, headed with the labels the agenda import
# knows them by (planner.imports.agenda.COLUMNS), so a list written here reads back unchanged.
HEADINGS = (
    N_("Session ID"),
    N_("Date"),
    N_("Start"),
    N_("End"),
    N_("Title"),
    N_("Kind"),
    N_("Room"),
    N_("Location"),
    N_("Audience"),
    N_("Facilitators"),
    N_("Notes"),
    N_("Module"),
    N_("Description"),
)
# A printout holds the columns a reader of the list needs, through the notes when a session has
# some; the module and description (read back by the import, printed in the booklet) stay on
# screen. Widths that fit them across a Letter or A4 page in 8-point type or larger.
# ("Facilitadores" keeps its column at 18: a heading's longest word is never broken)
PRINTED_WIDTHS = {2: 11, 5: 26, 6: 13, 7: 13, 8: 14, 9: 20, 10: 19}
PRINTED_WITH_NOTES = {2: 11, 5: 23, 6: 12, 7: 11, 8: 11, 9: 17, 10: 18, 11: 13}


def write_agenda_list(
    store: PlanStore, target: str | Path, lang: str | None = None, lines: list[str] | None = None
) -> Path:
    """Write the agenda list as an .xlsx workbook (``lines``: its title lines, else the plan's)."""
    sessions = agenda_list(store)
    with language(lang or "en"):
        sheet = Sheet(_("Agenda")[:31])
        sheet.title_block(lines or plan_lines(store, _("Agenda list")))
        sheet.headings([_(label) for label in HEADINGS])
        sheet.filter = True
        for s in sessions:
            start, end = s.start, s.end
            end_cell: Any = end.time() if end.date() == start.date() else end.replace(tzinfo=None)
            sheet.add(
                s.id,
                start.date(),
                start.time(),
                end_cell,
                Cell(s.title, text=True, wrap=True),  # whole, on as many lines as it takes
                Cell(kind_label(s.kind), text=True, wrap=True),
                Cell(s.room, text=True, wrap=True),
                Cell(s.location, text=True, wrap=True),
                Cell("; ".join(s.audience), text=True, wrap=True),
                Cell("; ".join(s.facilitators), text=True, wrap=True),
                Cell(s.notes, text=True, wrap=True),
                s.module,
                Cell(s.description, text=True, wrap=True),
            )
        notes = any(s.notes for s in sessions)
        sheet.widths.update({11: 30, 12: 20, 13: 40})
        sheet.widths.update(PRINTED_WITH_NOTES if notes else PRINTED_WIDTHS)
        sheet.printed_columns = 11 if notes else 10
        return write([sheet], target)
