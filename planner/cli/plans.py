"""Commands on whole plans: new, demo, info, check, budget, copy, history, recover (and open,
which the launcher handles).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from planner import program_name
from planner.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEMS,
    check_suffix,
    err,
    open_for_reading,
    progress,
    shown,
)
from planner.domain.errors import PlannerError
from planner.domain.i18n import (
    _,
    format_date_range,
    ngettext,
)
from planner.domain.printable import json_safe
from planner.domain.reference import country_name
from planner.queries import info_json, summary
from planner.rules import budget
from planner.rules.conflicts import ERROR, check
from planner.store import open_plan
from planner.store.history import history, item_known, item_noun, parse_item, text_lines
from planner.store.recovery import recover


def cmd_new(args: argparse.Namespace) -> int:
    from planner.operations import new_plan

    check_suffix(args.plan)
    values: dict[str, Any] = {
        "title": args.title,
        "start_date": args.start,
        "end_date": args.end,
        "timezone": args.tz,
        "currency": args.currency,
        "city": args.city,
        "country": args.country,
    }
    store = new_plan(args.plan, values, overwrite=args.force)
    store.close()
    print(Path(args.plan))
    err(_("Created {path}.").format(path=args.plan))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from planner.demo import build_demo

    check_suffix(args.plan)
    store = build_demo(args.plan, args.scale, overwrite=args.force, lang=args.lang)
    store.close()
    print(Path(args.plan))
    err(
        _("Wrote the demo plan to {path}. Open it with: {program} {path}").format(
            path=args.plan, program=program_name()
        )
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    store = open_for_reading(args.plan)
    try:
        if args.json:
            print(json.dumps(info_json(store), ensure_ascii=False, indent=2))
            return EXIT_OK
        sm = summary(store)
    finally:
        store.close()
    place = ", ".join(p for p in (sm.city, country_name(sm.country)) if p)
    days = ngettext("{n} day", "{n} days", sm.days).format(n=sm.days)
    lines = [
        sm.title,
        " · ".join(
            p
            for p in (
                place,
                f"{format_date_range(sm.start, sm.end)} ({days})",
                sm.timezone,
                sm.currency,
            )
            if p
        ),
        "",
        _(
            "Delegations {delegations} · People {people} · Groups {groups} · Rooms {rooms} ·"
            " Sessions {sessions}"
        ).format(**sm.counts),
        *(
            [
                _(
                    "Journeys {travel} · Hotel stays {stays} · Vehicles {vehicles} · Rides"
                    " {rides} ·"
                    " Site visits {site_visits}"
                ).format(**sm.counts)
            ]
            if any(sm.counts[k] for k in ("travel", "stays", "vehicles", "rides", "site_visits"))
            else []
        ),
        _("People by sex: {female} women, {male} men, {other} other, {unknown} unknown").format(
            **sm.people_by_sex
        ),
        *(
            [
                _(
                    "People by status: {nominated} nominated, {confirmed} confirmed,"
                    " {declined} declined, {replaced} replaced, {cancelled} cancelled"
                ).format(**sm.people_by_status)
            ]
            if sm.people_by_status.get("confirmed", 0) != sum(sm.people_by_status.values())
            else []
        ),
        "",
        _("Delegations:"),
    ]
    for d in sm.delegations:
        lines.append(
            "  "
            + ngettext(
                "{name} ({country}): {n} member", "{name} ({country}): {n} members", d["members"]
            ).format(name=d["name"], country=d["country"] or "—", n=d["members"])
        )
    if sm.groups:
        lines.append(_("Groups:"))
        for g in sm.groups:
            lines.append(
                "  "
                + ngettext("{name}: {n} person", "{name}: {n} people", g["size"]).format(
                    name=g["name"], n=g["size"]
                )
            )
    if sm.rooms:
        lines.append(_("Rooms:"))
        for r in sm.rooms:
            lines.append("  " + _("{name} ({venue}): {capacity} seats").format(**r))
    print("\n".join(lines))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 1 while an error nobody accepted remains; accepted problems are listed too."""
    store = open_for_reading(args.plan)
    try:
        problems = check(store)
    finally:
        store.close()
    open_errors = [p for p in problems if p.severity == ERROR and not p.acknowledged]
    if args.json:
        print(json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2))
    elif not problems:
        print(_("No problems found."))
    else:
        labels = {"error": _("error"), "warning": _("warning")}
        for p in problems:
            mark = _(" (accepted: {note})").format(note=p.note or "—") if p.acknowledged else ""
            print(f"{labels.get(p.severity, p.severity).upper()}  {p.message}{mark}")
        errors = sum(1 for p in problems if p.severity == ERROR)
        warnings = len(problems) - errors
        accepted = sum(1 for p in problems if p.acknowledged)
        print(
            _("{errors} errors, {warnings} warnings, {accepted} accepted.").format(
                errors=errors, warnings=warnings, accepted=accepted
            )
        )
    return EXIT_PROBLEMS if open_errors else EXIT_OK


def cmd_budget(args: argparse.Namespace) -> int:
    store = open_for_reading(args.plan)
    try:
        result = budget.compute(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    cur = result.currency
    totals = {t.key: t for t in result.by_category()}
    shown = None
    for line in result.lines:
        if line.category != shown:
            shown = line.category
            total = totals[line.category]
            print(f"\n{total.label.upper()}  {cur} {total.amount:,.2f}")
        print(f"  {line.amount:>12,.2f}  {line.description}")
        print(f"  {'':>12}  {line.explanation}")
    print()
    print(_("By funding source:"))
    for t in result.by_source():
        print(f"  {t.amount:>12,.2f}  {t.label}")
    print(_("Total: {currency} {amount}").format(currency=cur, amount=f"{result.total:,.2f}"))
    for warning in result.warnings:
        print(_("Note: {text}").format(text=warning))
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from planner.operations import copy_plan

    check_suffix(args.new)
    # the source is only read (a read-only plan can be copied); with --tz, also one whose
    # time zone this computer does not know
    source = open_plan(args.plan, read_only=True, check_zones=args.tz is None)
    try:
        copy = copy_plan(
            source, args.new, args.start, title=args.title, overwrite=args.force, timezone=args.tz
        )
        copy.close()
    finally:
        source.close()
    print(Path(args.new))
    err(
        _("Copied {plan} to {new}, starting on {start}.").format(
            plan=shown(args.plan), new=args.new, start=args.start.isoformat()
        )
    )
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    entity = item_id = None
    if args.item:
        entity, item_id = parse_item(args.item)
    store = open_for_reading(args.plan)
    try:
        entries = history(store, entity, item_id, args.limit)
        if (
            entity is not None
            and item_id is not None
            and not entries
            and not item_known(store, entity, item_id)
        ):
            raise PlannerError(
                _(
                    "There is no {item} {id} in this plan, and there never was:"
                    " check the id (planner history --json lists each item's"
                    " id)."
                ).format(item=item_noun(entity), id=item_id)
            )
    finally:
        store.close()
    if args.json:
        print(
            json_safe(
                json.dumps(
                    [
                        {
                            "change": e.change_set_id,
                            "at": e.at.isoformat(),
                            "user": e.user,
                            "action": e.action,
                            "entity": e.entity,
                            "id": e.entity_id,
                            "kind": e.kind,
                            "item": e.item,
                            "summary": e.summary(),
                            "changes": [
                                {"field": f, "old": o, "new": n, "hidden": f in e.hidden}
                                for f, o, n in e.changes
                            ],
                        }
                        for e in entries
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        )
        return EXIT_OK
    for line in text_lines(entries):
        print(line)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """Exit 0: everything came through; 1: the new plan is written but rows were lost."""
    check_suffix(args.new)
    result = recover(
        args.plan,
        args.new,
        overwrite=args.force,
        progress=progress(_("Recovering")) if sys.stderr.isatty() else None,
    )
    if args.json:
        print(
            json.dumps(
                {
                    "plan": str(result.target),
                    "complete": result.complete,
                    "tables": [
                        {
                            "table": t.table,
                            "copied": t.kept,
                            "lost": t.lost,
                            "unreadable": [list(r) for r in t.unreadable],
                            "left_out": t.refused + t.dropped,
                            "unlinked": t.unlinked,
                            "garbled": t.garbled,
                        }
                        for t in result.tables
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(Path(args.new))
        for line in result.lines():
            err(line)
    return EXIT_OK if result.complete else EXIT_PROBLEMS


def cmd_open(args: argparse.Namespace) -> int:
    err(_("The window is started by the installed 'planner' command (planner open PLAN)."))
    return EXIT_BAD_INPUT
