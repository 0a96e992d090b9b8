"""The plan's history as a workbook: who changed what and when (for a shared plan's team, an
audit, or a donor asking when the agenda moved)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planner.domain.i18n import _
from planner.exports.common import Job, Options, PlanData, plan_lines
from planner.exports.sheet import Cell, Sheet, write
from planner.store import PlanStore
from planner.store.history import HistoryEntry, history, plan_zone


def write_history(
    store: PlanStore, entries: Sequence[HistoryEntry], target: str | Path, what: str = ""
) -> Path:
    """``entries`` (newest first) as one sheet: when (in the plan's time zone), who, action,
    item, what changed. The entries come from :func:`planner.store.history.history`, personal
    values masked, so no export of the history holds any (with personal data or without)."""
    sheet = Sheet(_("History"))
    sheet.title_block(plan_lines(store, what or _("History of the plan")))
    sheet.headings(
        [
            _("Change no."),
            _("When ({zone})").format(zone=plan_zone(store).key),
            _("Who"),
            _("Action"),
            _("Item"),
            _("What happened"),
            _("Details"),
        ]
    )
    for e in entries:
        sheet.add(
            e.change_set_id,
            e.at.replace(tzinfo=None),
            Cell(e.user, text=True),
            Cell(e.action, text=True),
            Cell(e.item, text=True, wrap=True),
            e.what,
            Cell(e.summary(), text=True, wrap=True),
        )
    if not entries:
        sheet.add(Cell(_("No changes recorded."), italic=True, text=True))
    sheet.widths.update({2: 18, 3: 16, 4: 28, 5: 36, 6: 10, 7: 70})
    return write([sheet], Path(target))


def plan_history(
    store: PlanStore, data: PlanData, target: Path, options: Options, job: Job
) -> Path:
    """The catalog's writer: the whole plan's history."""
    return write_history(store, history(store), target)
