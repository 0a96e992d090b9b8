"""The people import from start to end: :func:`preview` checks every row against the rules and
the plan and writes nothing; :func:`apply` hands the valid rows to
:func:`planner.operations.people.import_people`, which writes them in one transaction; the
report of what it did, for the window and the command line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from planner.domain.i18n import _, ngettext
from planner.domain.reference import fold
from planner.imports.people.cells import parse_flight
from planner.imports.people.mapping import SETTING, is_spanish, mapping_key
from planner.imports.people.rows import (
    DUPLICATE,
    ERROR,
    NEW,
    UPDATE,
    Cancelled,
    InvalidRows,
    Preview,
    RowResult,
    check_row,
    chosen_name,
    guess_day_first,
    match_rows,
)
from planner.imports.readers import Table
from planner.imports.report import empty_report
from planner.queries.matching import people_to_match
from planner.store import PlanStore, Reader

if TYPE_CHECKING:  # the ORM is loaded to write, not to check a file
    from planner.operations.batches import Batch


def preview(
    store: PlanStore,
    table: Table,
    mapping: dict[str, str | None],
    *,
    delegation: str = "",
    organisation: str = "",
    group: str = "",
    day_first: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Preview:
    """Check every row against the rules and the plan. Writes nothing."""
    organisation, delegation, group = (
        chosen_name(kind, name)
        for kind, name in (
            ("organisation", organisation),
            ("delegation", delegation),
            ("group", group),
        )
    )
    columns: dict[str, list[int]] = defaultdict(list)
    for index, header in enumerate(table.headers):
        target = mapping.get(header)
        if target:
            columns[target].append(index)
    if day_first is None:
        day_first = guess_day_first(table, columns.get("birth_date", []), is_spanish(table.headers))
    results: list[RowResult] = []
    total = len(table.rows)
    for n, (row_number, cells) in enumerate(table.rows):
        if cancelled is not None and n % 500 == 0 and cancelled():
            raise Cancelled
        if progress is not None and n % 500 == 0:
            progress(n, total)
        result = check_row(table, row_number, cells, columns, day_first)
        result.checked = result.values  # the same dict until rows merge (see RowResult)
        results.append(result)
    pv = Preview(
        table,
        dict(mapping),
        results,
        day_first,
        delegation.strip(),
        organisation.strip(),
        group.strip(),
        {},
    )
    with store.reading() as r:
        match_rows(pv, people_to_match(r))
    if progress is not None:
        progress(total, total)
    return pv


def apply(
    store: PlanStore,
    pv: Preview,
    *,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
    remember: bool = False,
) -> Batch:
    """Import every valid row in one transaction; returns a ``planner.operations.Batch`` for undo.

    Rows with errors stop the import (nothing is written) unless ``skip_invalid``. The rows
    are matched against the plan again inside the transaction, which holds the plan's write
    lock: someone else's import that finished since the preview counts (its people are
    "already there"), and ``pv`` then says what this import did (its rows' status, and in
    ``new_names`` the organisations, delegations and groups it created). ``remember`` keeps
    the column mapping for the next file with these headings, in the same transaction.
    """
    from planner.operations.roster import Roster, RosterRow, Trip, import_people

    bad = pv.errors
    if bad and not skip_invalid:
        raise InvalidRows(
            ngettext(
                "{n} row has errors, so nothing was imported. Fix it in the file, or import the"
                " other rows and skip it.",
                "{n} rows have errors, so nothing was imported. Fix them in the file, or import the"
                " other rows and skip them.",
                len(bad),
            ).format(n=len(bad))
        )

    def written(row: RowResult) -> RosterRow | None:
        if row.status == ERROR or row.same_as_row is not None:
            return None
        v = row.values
        trips = {}
        for direction in ("arrival", "departure"):
            at = v.get(f"{direction}_at")
            if at is not None:
                flight = v.get(f"{direction}_flight", "")
                trips[direction] = Trip(at, parse_flight(flight) if flight else None)
        return RosterRow(v, row.match_id, trips)

    def roster_in(r: Reader) -> Roster:
        # the write lock is held from the transaction's start: match against what is there now
        match_rows(pv, people_to_match(r))
        rows = [written(row) for row in pv.rows]
        return Roster(_label(pv), rows, pv.organisation, pv.delegation, pv.group)

    mapping = (
        (SETTING, mapping_key(pv.table.headers), {h: pv.mapping.get(h) for h in pv.table.headers})
        if remember
        else None
    )
    done = import_people(store, _label(pv), roster_in, remember=mapping, progress=progress)
    pv.new_names = {kind: sorted(names, key=fold) for kind, names in done.created.items() if names}
    return done.batch


def _label(pv: Preview) -> str:
    """The action's name in the history and the Edit menu: the people it adds or updates."""
    return _("Import {n} people from {file}").format(
        n=sum(1 for r in pv.rows if r.status in (NEW, UPDATE)), file=pv.table.path.name
    )


def summary(report: dict[str, list[dict[str, Any]]]) -> str:
    """One line of counts from a report (of people or of an agenda)."""
    return _(
        "{created} new, {updated} updated, {duplicates} already there or repeated,"
        " {rejected} with errors, {warnings} warnings."
    ).format(
        **{
            key: len(report.get(key, []))
            for key in ("created", "updated", "duplicates", "rejected", "warnings")
        }
    )


def report(pv: Preview) -> dict[str, list[dict[str, Any]]]:
    """The JSON report of ``planner import people`` (a contract: add keys, never rename)."""
    out = empty_report()
    for row in pv.rows:
        if row.status == NEW:
            out["created"].append({"row": row.row, "name": row.name})
        elif row.status == UPDATE:
            out["updated"].append(
                {
                    "row": row.row,
                    "name": row.name,
                    "id": row.match_id,
                    "fields": sorted(row.changes),
                    "reason": row.note,
                }
            )
        elif row.status == DUPLICATE:
            entry: dict[str, Any] = {"row": row.row, "name": row.name, "reason": row.note}
            if row.same_as_row is not None:
                entry["same_as_row"] = row.same_as_row
            if row.match_id is not None:
                entry["id"] = row.match_id
            out["duplicates"].append(entry)
        else:
            out["rejected"].append(
                {"row": row.row, "name": row.name, "reason": "; ".join(row.reasons)}
            )
        for warning in row.warnings:
            out["warnings"].append({"row": row.row, "reason": warning})
    out["new_items"] = [
        {"kind": kind, "name": name} for kind, names in pv.new_names.items() for name in names
    ]  # delegations, organisations, groups it creates
    return out
