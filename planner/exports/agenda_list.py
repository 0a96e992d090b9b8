"""The agenda list: one row per session, in time order, in the columns the agenda import reads
back (so a list edited by hand can be imported again)."""

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
    N_("Audience"),
    N_("Facilitators"),
    N_("Location"),
    N_("Module"),
    N_("Description"),
    N_("Notes"),
)


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
                kind_label(s.kind),
                s.room,
                Cell("; ".join(s.audience), text=True, wrap=True),
                Cell("; ".join(s.facilitators), text=True, wrap=True),
                Cell(s.location, text=True, wrap=True),
                s.module,
                Cell(s.description, text=True, wrap=True),
                Cell(s.notes, text=True, wrap=True),
            )
        sheet.widths.update({5: 34, 7: 18, 8: 26, 9: 26, 10: 20, 11: 16, 12: 30, 13: 26})
        return write([sheet], target)
