"""Commands that bring people and agendas in and papers out: import, groups split, export and
transfers.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_OK, EXIT_PROBLEMS, err, open_for_reading, resolve
from planner.domain.errors import PlannerError
from planner.domain.i18n import (
    _,
    current_language,
    ngettext,
)
from planner.queries.agenda import site_visit_titles
from planner.queries.grouping import members
from planner.rules import grouping, transfers
from planner.store import check_plan_file, is_address, open_plan, schema_version, writable


def _print_report(report: dict[str, list[dict[str, Any]]], as_json: bool, dry_run: bool) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return
    for entry in report["rejected"]:
        print(_("row {row}: {reason}").format(row=entry["row"], reason=entry["reason"]))
    for entry in report["warnings"]:
        print(_("row {row} (warning): {reason}").format(row=entry["row"], reason=entry["reason"]))
    from planner.imports.people import summary

    print((_("Dry run: ") if dry_run else "") + summary(report))


def _overrides(pairs: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for pair in pairs:
        header, sep, target = pair.partition("=")
        if not sep or not header.strip():
            raise PlannerError(
                _(
                    '--map takes HEADER=field, e.g. --map "Apellido materno='
                    "family_name\"; got '{value}'."
                ).format(value=pair)
            )
        out[header.strip()] = target.strip() or None
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from planner.imports import agenda, people, results
    from planner.imports.readers import read_table

    store = open_plan(args.plan)
    try:
        if args.what == "people":
            table = read_table(args.file, args.sheet, known_headers=people.known_header)
            mapping = people.mapping_for(store, table, _overrides(args.map))
            pv: Any = people.preview(
                store,
                table,
                mapping,
                delegation=args.delegation,
                organisation=args.organisation,
                group=args.group,
            )
            module: Any = people
            # every row's values are in the preview now: let the sheet's cells go (a file at
            # the row limit then imports within the memory README promises); the agenda's
            # rows are checked again as they are written, so it keeps them
            table.rows.clear()
        elif args.what == "results":
            pv = results.preview(store, args.file, args.sheet)
            module = results
        else:
            table = read_table(args.file, args.sheet, known_headers=agenda.known_header)
            pv = agenda.preview(store, table)
            module = agenda
        if pv.errors and not args.skip_invalid:
            _print_report(module.report(pv), args.json, args.dry_run)
            err(
                ngettext(
                    "{n} row has errors: nothing was imported. Fix the file, or add"
                    " --skip-invalid to import the other rows.",
                    "{n} rows have errors: nothing was imported. Fix the file, or add"
                    " --skip-invalid to import the other rows.",
                    len(pv.errors),
                ).format(n=len(pv.errors))
            )
            return EXIT_PROBLEMS
        if not args.dry_run:
            if args.what == "people":  # the mapping is remembered in the import's transaction
                people.apply(store, pv, skip_invalid=args.skip_invalid, remember=True)
            else:
                module.apply(store, pv, skip_invalid=args.skip_invalid)
            # the rows were matched again as they were written: say what was done
            for kind, names in getattr(pv, "new_names", {}).items():
                for name in names:
                    err(_("Created the {kind} '{name}'.").format(kind=_(kind), name=name))
        _print_report(module.report(pv), args.json, args.dry_run)
    finally:
        store.close()
    return EXIT_OK


def cmd_groups(args: argparse.Namespace) -> int:
    store = open_plan(args.plan)
    try:
        if bool(args.delegation) == bool(args.organisation):
            raise PlannerError(_("Give --delegation or --organisation (one of them)."))
        delegation = resolve(store, "delegation", args.delegation) if args.delegation else None
        organisation = (
            resolve(store, "organisation", args.organisation) if args.organisation else None
        )
        people = members(store, delegation=delegation, organisation=organisation)
        result = grouping.split(people, args.into, args.spread_by == "duty-station")
        names = grouping.group_names(store, args.into, args.prefix or _("Group"))
        for name, line in zip(names, grouping.describe(result), strict=True):
            print(f"{name}: {line}")
        if not args.dry_run:
            from planner.operations.people import create_groups

            create_groups(store, result, names, delegation)
            err(
                ngettext("Created {n} group.", "Created {n} groups.", len(names)).format(
                    n=len(names)
                )
            )
    finally:
        store.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from planner.exports.catalog import kind_of, run
    from planner.exports.common import Job, Options
    from planner.exports.suppliers import PAPER_OF

    kind = kind_of(args.kind)
    target = Path(args.plan) if args.plan and not is_address(args.plan) else None
    # exports that remember a delegation's agenda or a supplier's paper (for "what changed")
    # write that note
    if (
        (kind.records or kind.numbered or kind.name in PAPER_OF)
        and target is not None
        and target.exists()
        and writable(target)
        and check_plan_file(target).user_version <= schema_version()
    ):
        store = open_plan(target)
    else:
        store = open_for_reading(args.plan)
    try:
        options = Options(
            lang=args.lang or current_language(),
            locale=args.locale,
            delegation=resolve(store, "delegation", args.delegation) if args.delegation else None,
            group=resolve(store, "participant_group", args.group) if args.group else None,
            person=resolve(store, "person", args.person) if args.person else None,
            all=args.all,
            split=args.split,
            visit=_resolve_visit(store, args.visit) if args.visit else None,
            personal=not args.no_personal_data,
            paper=args.paper,
            supplier=args.supplier,
            place=resolve(store, "venue", args.place) if args.place else None,
            attendance=args.attendance,
        )
        job = Job()
        for path in run(store, args.kind, args.output, options, job):
            print(path)
        for warning in job.warnings:  # the export is written: said, but not a failure
            err(_("warning: {message}").format(message=warning))
    finally:
        store.close()
    return EXIT_OK


def _resolve_visit(store: Any, value: str) -> int:
    visits = site_visit_titles(store)
    if value.isdigit() and any(i == int(value) for i, _t in visits):
        return int(value)
    found = [i for i, t in visits if value.casefold() in t.casefold()]
    if len(found) == 1:
        return int(found[0])
    raise PlannerError(
        _("'{value}' does not name one site visit; the plan's site visits are: {visits}.").format(
            value=value, visits="; ".join(f"{i} {t}" for i, t in visits) or "—"
        )
    )


def cmd_transfers(args: argparse.Namespace) -> int:
    """Print (and with --apply create) the airport transfers the plan still needs."""
    if args.window is not None and not 1 <= args.window <= 24 * 60:
        raise PlannerError(_("--window must be between 1 and 1440 minutes."))
    store = open_plan(args.plan) if args.apply else open_for_reading(args.plan)
    try:
        proposals = transfers.propose_transfers(store, args.window)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "direction": p.direction,
                            "title": p.title,
                            "start": p.start.isoformat(),
                            "end": p.end.isoformat(),
                            "from": p.origin,
                            "to": p.destination,
                            "vehicle": p.vehicle_id,
                            "people": p.person_ids,
                            "flights": p.flights,
                            "notes": p.notes,
                        }
                        for p in proposals
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for p in proposals:
                vehicle = p.vehicle or _("no vehicle")
                print(
                    f"{p.start:%Y-%m-%d %H:%M}–{p.end:%H:%M}  {p.title}  ({vehicle}; "
                    + ngettext("{n} person", "{n} people", len(p.names)).format(n=len(p.names))
                    + ")"
                )
                for note in p.notes:
                    print("    " + note)
            if not proposals:
                print(transfers.nothing_to_propose(store))
        if args.apply and proposals:
            from planner.operations.logistics import accept_transfers

            accept_transfers(store, proposals)
            err(
                ngettext("Created {n} ride.", "Created {n} rides.", len(proposals)).format(
                    n=len(proposals)
                )
            )
    finally:
        store.close()
    return EXIT_OK
