"""What changed for a supplier since its last paper: for a hotel, who is new, cancelled or
renamed and which stays moved or changed room type; for the caterer, which meals changed their
head count or dietary needs; for the transport company, which rides changed time, route or
passengers.

The rooming list (a record per hotel), the catering counts and the manifests note what they held
when written for the whole plan (:func:`record`), as a delegation's agenda exports do; the
``changes`` export with ``--supplier`` compares the plan with the last note (:func:`changes`).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _
from planner.exports.catering import meal_heads
from planner.exports.common import Options, PlanData, format_moment, title_lines
from planner.exports.sheet import Cell, Sheet, write
from planner.queries.agenda import last_supplier_export
from planner.queries.journeys import manifests
from planner.store import PlanStore, parse_time

SUPPLIERS = ("hotel", "caterer", "transport")
# the paper whose export notes what a supplier holds
PAPER_OF = {"rooming": "hotel", "catering": "caterer", "manifests": "transport"}

Held = dict[str, dict[str, Any]]  # an item's key -> what the supplier knows of it


def held(data: PlanData, supplier: str, place: int | None = None) -> Held:
    """What the supplier's paper shows now (for a hotel, ``place``'s stays)."""
    if supplier == "hotel":
        gone = data.membership.gone
        out: Held = {}
        for stay in data.logistics.stays:
            if place is not None and stay.venue != place:
                continue
            last = min(stay.check_out, gone.get(stay.person, stay.check_out))
            if stay.check_in >= last:
                continue  # declined or replaced before arriving
            out[f"stay:{stay.id}"] = {
                "person": stay.person,
                "name": data.names.get(stay.person, "?"),
                "check_in": stay.check_in.isoformat(),
                "check_out": last.isoformat(),
                "room": next(
                    (b.room_type for b in [data.logistics.blocks.get(stay.block or 0)] if b), ""
                ),
            }
        return out
    if supplier == "caterer":
        blocks, heads, needs = meal_heads(data)
        return {
            f"meal:{b.id}": {
                "title": b.title,
                "start": b.start.isoformat(),
                "heads": len(heads[b.id]),
                "diets": dict(sorted(Counter(needs[p] for p in heads[b.id] if p in needs).items())),
            }
            for b in blocks
        }
    rides: Held = {}
    for n, ride in enumerate(manifests(data)):
        rides[f"ride:{ride.vehicle}:{ride.start.isoformat()}:{n}"] = {
            "title": f"{ride.vehicle} · {ride.title}",
            "start": ride.start.isoformat(),
            "route": ride.route,
            "passengers": sorted(ride.passengers),
        }
    return rides


def record(store: PlanStore, data: PlanData, paper: str) -> None:
    """Note what the supplier of ``paper`` (rooming, catering, manifests) holds now."""
    from planner.operations.plan import note_supplier_export

    supplier = PAPER_OF[paper]
    places: list[tuple[int | None, str]]
    if supplier == "hotel":
        hotels = sorted({s.venue for s in data.logistics.stays})
        places = [(h, json.dumps(held(data, supplier, h), ensure_ascii=False)) for h in hotels]
    else:
        places = [(None, json.dumps(held(data, supplier), ensure_ascii=False))]
    note_supplier_export(store, paper, data.change, supplier, places)


def _day(text: str) -> str:
    return date.fromisoformat(text[:10]).strftime("%d/%m/%Y")


def _moment(text: str) -> str:
    return datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")


def compare(before: Held, now: Held, supplier: str) -> list[tuple[str, str, str, str]]:
    """(change, item, before, now) between two notes of a supplier's paper."""
    rows: list[tuple[str, str, str, str]] = []
    for key in sorted(now.keys() - before.keys(), key=lambda k: str(now[k])):
        item = now[key]
        rows.append((_("New"), _describe(item, supplier), "", _summary(item, supplier)))
    for key in sorted(before.keys() - now.keys(), key=lambda k: str(before[k])):
        item = before[key]
        rows.append((_("Cancelled"), _describe(item, supplier), _summary(item, supplier), ""))
    for key in sorted(now.keys() & before.keys(), key=lambda k: str(now[k])):
        old, new = before[key], now[key]
        for field, label in _FIELDS[supplier]:
            if old.get(field) != new.get(field):
                rows.append(
                    (
                        _(label),
                        _describe(new, supplier),
                        _value(field, old.get(field)),
                        _value(field, new.get(field)),
                    )
                )
    return rows


_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "hotel": (
        ("name", N_("Renamed")),
        ("check_in", N_("New check-in")),
        ("check_out", N_("New check-out")),
        ("room", N_("New room type")),
    ),
    "caterer": (
        ("start", N_("New time")),
        ("heads", N_("New head count")),
        ("diets", N_("New dietary needs")),
    ),
    "transport": (
        ("start", N_("New time")),
        ("route", N_("New route")),
        ("passengers", N_("New passengers")),
    ),
}


def _describe(item: dict[str, Any], supplier: str) -> str:
    if supplier == "hotel":
        return str(item.get("name", ""))
    return f"{_moment(str(item['start']))} {item.get('title', '')}"


def _summary(item: dict[str, Any], supplier: str) -> str:
    if supplier == "hotel":
        return f"{_day(item['check_in'])} – {_day(item['check_out'])}" + (
            f" · {item['room']}" if item.get("room") else ""
        )
    if supplier == "caterer":
        return _value("heads", item["heads"]) + (
            f" · {_value('diets', item['diets'])}" if item.get("diets") else ""
        )
    return f"{item.get('route', '')} · {len(item.get('passengers', []))}"


def _value(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field in ("check_in", "check_out"):
        return _day(str(value))
    if field == "start":
        return _moment(str(value))
    if field == "diets":
        return ", ".join(f"{k}: {n}" for k, n in dict(value).items())
    if field == "passengers":
        return ", ".join(value)
    return str(value)


def changes(
    store: PlanStore, data: PlanData, target: Path, options: Options, supplier: str
) -> Path:
    """The supplier's changes since its last paper, as a workbook to send with the new one."""
    if supplier not in SUPPLIERS:
        raise PlannerError(
            _("'{value}' is not a supplier: use hotel, caterer or transport.").format(
                value=supplier
            )
        )
    place = options.place
    if supplier == "hotel" and place is None:
        hotels = sorted({s.venue for s in data.logistics.stays})
        if len(hotels) != 1:
            raise PlannerError(
                _("Say which hotel with --place (a name or an id): the plan has {n}.").format(
                    n=len(hotels)
                )
            )
        place = hotels[0]
    last = last_supplier_export(store, supplier, place if supplier == "hotel" else None)
    before: Held = json.loads(last[3]) if last else {}
    rows = compare(before, held(data, supplier, place), supplier)
    whom = {
        "hotel": data.logistics.place_name(place),
        "caterer": _("the caterer"),
        "transport": _("the transport company"),
    }[supplier]
    since = (
        _("since the export of {when} (change no. {change})").format(
            when=format_moment(parse_time(last[0]).astimezone(data.zone), options), change=last[1]
        )
        if last
        else _("no earlier export: everything is listed as new")
    )
    sheet = Sheet(_("What changed"))
    sheet.title_block(
        title_lines(data, _("Changes for {whom}").format(whom=whom), options, (since,))
    )
    sheet.headings([_("Change"), _("Item"), _("Before"), _("Now")])
    for change, item, old, new in rows:
        sheet.add(
            change,
            Cell(item, text=True, wrap=True),
            Cell(old, text=True, wrap=True),
            Cell(new, text=True, wrap=True),
        )
    if not rows:
        sheet.add(Cell(_("Nothing changed since the last export."), italic=True, text=True))
    sheet.widths.update({1: 20, 2: 40, 3: 40, 4: 40})
    return write([sheet], target)
