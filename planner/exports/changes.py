"""What changed in a delegation's agenda since it was last exported.

Each export of a delegation's agenda (the agenda, itineraries, the booklet, calendars, the
schedule grid) records what the agenda held, in the ``export_record`` table. That is not an
edit of the plan: no change set, nothing to undo. :func:`compare` lists the sessions added,
removed, moved, renamed, put in another room or given other trainers since then.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.domain.i18n import _
from planner.exports import suppliers
from planner.exports.common import (
    Job,
    Options,
    PlanData,
    for_reader,
    format_day,
    format_moment,
    title_lines,
)
from planner.exports.sheet import Cell, Sheet, write
from planner.queries.agenda import last_export
from planner.queries.calendar import Block
from planner.queries.snapshot import Unit
from planner.store import PlanStore, parse_time


@dataclass(frozen=True)
class AgendaChange:
    change: str  # added, removed, moved, renamed, room, trainers
    title: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return {
            "added": _("New session"),
            "removed": _("Cancelled"),
            "moved": _("New time"),
            "renamed": _("New title"),
            "room": _("New room"),
            "trainers": _("New trainers"),
        }.get(self.change, self.change)


@dataclass(frozen=True)
class ChangeReport:
    since: datetime | None  # the last export, local time; None: never exported
    since_change: int
    kind: str  # the export that recorded it
    rows: tuple[AgendaChange, ...]


def snapshot(
    data: PlanData, delegation: int, by_delegation: dict[int, list[Block]] | None = None
) -> list[dict[str, Any]]:
    """What the delegation's agenda holds now: the sessions any of its members attends or
    gives (``by_delegation``: :func:`sessions_by_delegation`, made once for many)."""
    blocks = (
        by_delegation.get(delegation, [])
        if by_delegation is not None
        else data.sessions_for(data.members(("delegation", delegation)))
    )
    return [
        {
            "id": b.id,
            "title": b.title,
            "start": b.start.isoformat(),
            "end": b.end.isoformat(),
            "room": data.room_label(b),
            "trainers": data.facilitator_names(b),
        }
        for b in blocks
    ]


def sessions_by_delegation(data: PlanData) -> dict[int, list[Block]]:
    """delegation -> the sessions any of its members attends or gives, in time order; made
    from each audience's delegations (not each person's sessions: a whole plan holds millions)."""
    delegation_of = data.delegation_of
    of_unit: dict[Unit, set[int]] = {}

    def delegations(unit: Unit) -> set[int]:
        found = of_unit.get(unit)
        if found is None:
            found = of_unit[unit] = (
                {unit[1]}
                if unit[0] == "delegation"
                else {d for p in data.members(unit) if (d := delegation_of.get(p)) is not None}
            )
        return found

    out: dict[int, list[Block]] = defaultdict(list)
    for block in data.agenda.blocks.values():
        found: set[int] = set()
        for unit in block.units:
            found |= delegations(unit)
        for person in block.facilitators:
            if (d := delegation_of.get(person)) is not None:
                found.add(d)
        for d in found:
            out[d].append(block)
    for blocks in out.values():
        blocks.sort(key=lambda b: (b.start, b.id))
    return out


def record(store: PlanStore, data: PlanData, kind: str, delegations: list[int]) -> None:
    """Remember what these delegations' agendas hold now (one small write, not an edit)."""
    from planner.operations.plan import note_export  # the ORM, loaded to write

    index = sessions_by_delegation(data) if len(delegations) > 1 else None
    note_export(
        store,
        kind,
        data.change,
        ((d, json.dumps(snapshot(data, d, index), ensure_ascii=False)) for d in delegations),
    )


def compare(
    store: PlanStore, data: PlanData, delegation: int, options: Options | None = None
) -> ChangeReport:
    """The changes since the delegation's last export (every session as new if never)."""
    options = options or Options()
    found = last_export(store, delegation)
    now = {s["id"]: s for s in snapshot(data, delegation)}
    if found is None:
        rows = [
            AgendaChange("added", s["title"], "", _describe(s, data, options)) for s in now.values()
        ]
        return ChangeReport(None, 0, "", tuple(rows))
    at, change, kind, text = found
    try:
        before = {s["id"]: s for s in json.loads(text)}
    except (ValueError, TypeError, KeyError):
        before = {}
    rows = []
    for sid, s in now.items():
        old = before.get(sid)
        if old is None:
            rows.append(AgendaChange("added", s["title"], "", _describe(s, data, options)))
            continue
        if (old["start"], old["end"]) != (s["start"], s["end"]):
            rows.append(
                AgendaChange(
                    "moved", s["title"], _when(old, data, options), _when(s, data, options)
                )
            )
        if old["title"] != s["title"]:
            rows.append(AgendaChange("renamed", s["title"], old["title"], s["title"]))
        if old["room"] != s["room"]:
            rows.append(AgendaChange("room", s["title"], old["room"], s["room"]))
        if old["trainers"] != s["trainers"]:
            rows.append(AgendaChange("trainers", s["title"], old["trainers"], s["trainers"]))
    for sid, old in before.items():
        if sid not in now:
            rows.append(AgendaChange("removed", old["title"], _describe(old, data, options), ""))
    rows.sort(key=lambda c: (c.change != "removed", c.title.casefold()))
    moment = parse_time(at).astimezone(data.agenda.zone)
    return ChangeReport(moment, int(change or 0), str(kind), tuple(rows))


def _when(s: dict[str, Any], data: PlanData, options: Options) -> str:
    start = datetime.fromisoformat(s["start"]).astimezone(data.agenda.zone)
    end = datetime.fromisoformat(s["end"]).astimezone(data.agenda.zone)
    return f"{format_day(start.date(), options, 'EEE d MMM')} {start:%H:%M}–{end:%H:%M}"


def _describe(s: dict[str, Any], data: PlanData, options: Options) -> str:
    return " · ".join(x for x in (_when(s, data, options), s.get("room", "")) if x)


def changes_since_export(
    store: PlanStore, delegation: int, options: Options | None = None
) -> ChangeReport:
    """For the window: a delegation's agenda changes since its last export."""
    return compare(
        store, PlanData.load(store, scope=("delegation", delegation)), delegation, options
    )


# --- what changed ---------------------------------------------------------------------------------


def changes(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    """A delegation's agenda changes since its last export, to send with the new agenda (or,
    with ``options.supplier``, a supplier's changes since its last paper)."""
    with for_reader(options):
        if options.supplier is not None:
            return suppliers.changes(store, data, target, options, options.supplier)
        assert options.delegation is not None
        report = compare(store, data, options.delegation, options)
        name = data.delegation_name(options.delegation)
        sheet = Sheet(_("What changed"))
        since = (
            _("since the export of {when} (change no. {change})").format(
                when=format_moment(report.since, options), change=report.since_change
            )
            if report.since
            else _("no earlier export: every session is listed as new")
        )
        sheet.title_block(
            title_lines(data, _("Agenda changes for {name}").format(name=name), options, (since,))
        )
        sheet.headings([_("Change"), _("Session"), _("Before"), _("Now")])
        for row in report.rows:
            sheet.add(
                row.label,
                Cell(row.title, text=True, wrap=True),
                Cell(row.before, text=True, wrap=True),
                Cell(row.after, text=True, wrap=True),
            )
        if not report.rows:
            sheet.add(
                Cell(_("Nothing changed in this delegation's agenda."), italic=True, text=True)
            )
        sheet.widths.update({2: 40, 3: 44, 4: 44})
        return write([sheet], target)
