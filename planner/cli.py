"""The command line: ``planner new | demo | info`` (headless; never loads Qt).

Results go to stdout, messages to stderr. Exit status: 0 on success, 2 for bad arguments or
files. Later issues add ``import``, ``check``, ``budget`` and ``export`` in the same style.
The window's own commands (``planner``, ``planner open [PLAN]``, ``planner FILE.dplan``) are
dispatched by ``ui.launcher`` before this module is reached.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from planner import __version__
from planner.domain.errors import PasswordNeeded, PlannerError, ValidationError
from planner.domain.i18n import (
    _,
    current_language,
    format_date_range,
    ngettext,
    normalise_language,
    set_language,
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2

EXIT_PROBLEMS = 1

HEADLESS_COMMANDS = (
    "new",
    "demo",
    "info",
    "check",
    "copy",
    "import",
    "groups",
    "export",
    "transfers",
    "budget",
    "publish",
    "download",
    "history",
    "recover",
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line hint instead of a traceback."""

    def error(self, message: str) -> NoReturn:
        from planner.domain.printable import printable

        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            printable(
                _("{prog}: error: {message}\n").format(prog=self.prog, message=_hide(message)),
                lines=True,
            ),
        )


def _at_least_one(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("the limit must be 1 or more (the newest N changes), not '{value}'.").format(
                value=text
            )
        )
    return number


_ARGV: list[str] = []  # this command's arguments: the addresses whose passwords are hidden


def _hide(text: str) -> str:
    """A message as it may be printed: a shared plan's password never is (whether it came in
    an address on the command line or in a library's error text)."""
    addresses = [a for a in _ARGV if "://" in a]
    if not addresses and "://" not in text and "password" not in text.lower():
        return text
    from planner.store.shared import hide_password

    text = hide_password(text)
    for address in addresses:
        text = hide_password(text, address)
    return text


def _shown(plan: str) -> str:
    """A plan file as given, or a shared plan's address without its password."""
    from planner.store import is_address

    if not is_address(plan):
        return plan
    from planner.store.shared import display_address

    return display_address(plan)


def _password_note(args: argparse.Namespace) -> None:
    """A password typed into an address is used, never shown, and better kept elsewhere."""
    from planner.store import is_address

    addresses = [v for v in vars(args).values() if isinstance(v, str) and is_address(v)]
    if not addresses:
        return
    from planner.store.shared import has_password

    if any(has_password(a) for a in addresses):
        _err(
            _(
                "Note: a password written in the address is used but never shown. Other users"
                " of this computer can see it in the list of running programs, and it stays in"
                " your shell's history: keep it in your .pgpass file instead, or leave it out"
                " to be asked for it."
            )
        )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2023-11-25.").format(
                value=text
            )
        ) from None


def _scale(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a scale; give a whole number from 1 to 1000.").format(value=text)
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description=_(
            "Delegation Planner: plan exchange visits and trainings. Without a"
            " command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("new", help=_("create an empty plan"))
    p.add_argument("plan", metavar="PLAN", help=_("the plan file to create (.dplan)"))
    p.add_argument("--title", required=True, help=_("the plan's title"))
    p.add_argument(
        "--start",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help=_("first day (arrivals included)"),
    )
    p.add_argument(
        "--end",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help=_("last day (departures included)"),
    )
    p.add_argument(
        "--tz", required=True, metavar="ZONE", help=_("IANA time zone, e.g. America/Tegucigalpa")
    )
    p.add_argument("--currency", default="USD", help=_("base currency (default USD)"))
    p.add_argument("--city", default="", help=_("host city"))
    p.add_argument(
        "--country", default="", metavar="CC", help=_("host country as a two-letter code, e.g. HN")
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("demo", help=_("write the Tegucigalpa 2023 demo plan"))
    p.add_argument("plan", metavar="PATH", help=_("the plan file to write (.dplan)"))
    p.add_argument(
        "--scale",
        type=_scale,
        default=1,
        metavar="N",
        help=_("make a synthetic plan N times larger, for benchmarks"),
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("info", help=_("describe a plan: dates, counts, delegations, groups"))
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))

    p = sub.add_parser(
        "check",
        help=_(
            "look for clashes: people, facilitators and rooms booked"
            " twice, rooms too small, sessions outside the plan"
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))

    p = sub.add_parser(
        "budget",
        help=_(
            "the budget: each line with how it was computed, totals"
            " per category, per funding source and overall"
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))

    p = sub.add_parser(
        "copy", help=_("copy a plan to new dates, as the template of the next exchange")
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan to copy"))
    p.add_argument("new", metavar="NEW", help=_("the new plan file (.dplan)"))
    p.add_argument(
        "--start",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help=_("the new plan's first day; every date moves by the same days"),
    )
    p.add_argument("--title", help=_("the new plan's title (default: the same)"))
    p.add_argument(
        "--tz",
        metavar="ZONE",
        help=_(
            "the new plan's time zone (default: the same); times in the old"
            " zone keep their clock time"
        ),
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("import", help=_("import people or an agenda from a spreadsheet"))
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser, required=True)
    for name, helptext in (
        ("people", _("a roster: .xlsx, .xls, .ods or .csv")),
        ("agenda", _("an agenda list: one row per session")),
    ):
        q = what.add_parser(name, help=helptext)
        q.add_argument("plan", metavar="PLAN", help=_("the plan file"))
        q.add_argument("file", metavar="FILE", help=_("the spreadsheet or CSV file"))
        q.add_argument("--sheet", metavar="S", help=_("the sheet to read (default: the first)"))
        if name == "people":
            q.add_argument(
                "--delegation",
                metavar="D",
                default="",
                help=_("put everyone in this delegation (created if new)"),
            )
            q.add_argument(
                "--organisation",
                metavar="O",
                default="",
                help=_("their organisation where the file gives none"),
            )
            q.add_argument(
                "--group",
                metavar="G",
                default="",
                help=_("put everyone in this group (created if new)"),
            )
            q.add_argument(
                "--map",
                metavar='"HEADER=field"',
                action="append",
                default=[],
                help=_(
                    "read a column into a field (repeatable); an empty field leaves the column out"
                ),
            )
        q.add_argument("--dry-run", action="store_true", help=_("check and report, change nothing"))
        q.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_("import the valid rows and list the others"),
        )
        q.add_argument("--json", action="store_true", help=_("print the report as JSON"))

    p = sub.add_parser("groups", help=_("work with participant groups"))
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser, required=True)
    q = what.add_parser(
        "split", help=_("split a delegation's or organisation's people into N balanced groups")
    )
    q.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    q.add_argument("--delegation", metavar="D", help=_("whose people (a name or an id)"))
    q.add_argument("--organisation", metavar="O", help=_("whose people (a name or an id)"))
    q.add_argument("--into", type=int, required=True, metavar="N", help=_("how many groups"))
    q.add_argument(
        "--spread-by",
        choices=["duty-station"],
        help=_("spread people of the same duty station across the groups"),
    )
    q.add_argument("--prefix", default="", help=_("group names start with this (default: Group)"))
    q.add_argument("--dry-run", action="store_true", help=_("show the groups, change nothing"))

    from planner.exports.catalog import KINDS

    p = sub.add_parser("export", help=_("write a workbook, PDF or calendar from the plan"))
    p.add_argument(
        "kind",
        metavar="KIND",
        choices=list(KINDS),
        help=_("what to write: {kinds}").format(kinds=", ".join(KINDS)),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help=_(
            "the file to write (a folder with --split); an existing file is"
            " replaced only once the new one is complete"
        ),
    )
    p.add_argument("--lang", choices=["en", "es"], help=_("the export's language"))
    p.add_argument(
        "--locale",
        choices=["es-HN", "es-PA", "en"],
        help=_(
            "how dates are written: es-HN (day first), es-PA (month first) or"
            " en (default: es-HN for Spanish, en for English)"
        ),
    )
    p.add_argument("--delegation", metavar="D", help=_("only this delegation (a name or an id)"))
    p.add_argument("--group", metavar="G", help=_("only this group (a name or an id)"))
    p.add_argument("--person", metavar="P", help=_("only this person (a name or an id)"))
    p.add_argument(
        "--all",
        action="store_true",
        help=_("itineraries and the booklet (pdf): everyone, not only the people who travel"),
    )
    p.add_argument(
        "--split",
        action="store_true",
        help=_("one file per person or delegation, into the folder OUT"),
    )
    p.add_argument(
        "--visit", metavar="ID", help=_("the site visit (clearance): its session ID or title")
    )
    p.add_argument(
        "--no-personal-data",
        action="store_true",
        help=_("leave identity numbers, birth dates and phone numbers out"),
    )

    p = sub.add_parser(
        "transfers",
        help=_("propose airport transfers for arrivals and departures no ride covers yet"),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument(
        "--window",
        type=int,
        metavar="MIN",
        help=_(
            "arrivals this many minutes apart share a transfer (default: the plan's setting, 60)"
        ),
    )
    p.add_argument("--apply", action="store_true", help=_("create the proposed rides"))
    p.add_argument("--json", action="store_true", help=_("print the proposals as JSON"))

    p = sub.add_parser(
        "publish",
        help=_("copy a plan file to an empty PostgreSQL database, for a team to edit it together"),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file to publish"))
    p.add_argument(
        "address",
        metavar="ADDRESS",
        help=_("the empty database: postgresql://user@server:5432/database"),
    )

    p = sub.add_parser("download", help=_("save a shared plan as a plan file"))
    p.add_argument("address", metavar="ADDRESS", help=_("the shared plan's address"))
    p.add_argument("file", metavar="FILE", help=_("the plan file to write (.dplan)"))
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("history", help=_("who changed what and when, newest first"))
    p.add_argument("plan", metavar="PLAN", help=_("the plan file or shared plan's address"))
    p.add_argument(
        "--item",
        metavar="KIND:ID",
        help=_("only one item's history, e.g. person:12 or agenda_session:40"),
    )
    p.add_argument(
        "--limit",
        type=_at_least_one,
        metavar="N",
        help=_("only the newest N changes (each with every item it touched)"),
    )
    p.add_argument("--json", action="store_true", help=_("print the history as JSON"))

    p = sub.add_parser(
        "recover",
        help=_(
            "save what can still be read of a damaged plan in a"
            " new plan (the damaged file is not changed)"
        ),
    )
    p.add_argument("plan", metavar="DAMAGED", help=_("the damaged plan file"))
    p.add_argument("new", metavar="NEW", help=_("the new plan file (.dplan)"))
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))
    p.add_argument("--json", action="store_true", help=_("print the report as JSON"))

    p = sub.add_parser("open", help=_("open the window, optionally on a plan"))
    p.add_argument("plan", metavar="PLAN", nargs="?", help=_("the plan file"))
    _check_file_names(parser)
    return parser


FILE_ARGUMENTS = frozenset({"plan", "new", "file", "output"})


def _file_name(text: str) -> str:
    """A file name the system can hold (a shared plan's address is taken as it is)."""
    from planner.domain.inputs import name_problem
    from planner.store import is_address

    problem = None if is_address(text) else name_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def _check_file_names(parser: argparse.ArgumentParser) -> None:
    """Every file argument of every command refuses a name too long for the system (with a
    message, exit 2) before anything is opened."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _check_file_names(command)
        elif action.dest in FILE_ARGUMENTS and action.type is None:
            action.type = _file_name


def _err(message: str) -> None:
    """A message on stderr; a name from a plan or a file in it cannot drive the terminal."""
    from planner.domain.printable import printable

    print(printable(message, lines=True), file=sys.stderr)


def _check_suffix(path: str) -> None:
    if not path.lower().endswith(".dplan"):
        _err(_("Note: plan files usually end in .dplan ({path}).").format(path=path))


def cmd_new(args: argparse.Namespace) -> int:
    from planner.operations import new_plan

    _check_suffix(args.plan)
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
    _err(_("Created {path}.").format(path=args.plan))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from planner.demo import build_demo

    _check_suffix(args.plan)
    store = build_demo(args.plan, args.scale, overwrite=args.force)
    store.close()
    print(Path(args.plan))
    _err(_("Wrote the demo plan to {path}. Open it with: planner {path}").format(path=args.plan))
    return EXIT_OK


def _open_for_reading(path: str) -> Any:
    """Open a plan to read it. An older plan is upgraded first when it can be (with a backup
    copy, said on stderr); a plan in a read-only place is read as it is."""
    from planner.store import check_plan_file, open_plan, schema_version, writable

    if not path:
        raise PlannerError(_("Give the plan file to read, e.g. planner info demo.dplan."))
    from planner.store import is_address

    if is_address(path):
        return open_plan(path)  # a shared plan: the first newer client upgrades it
    target = Path(path)
    if check_plan_file(target).user_version < schema_version() and writable(target):
        store = open_plan(target)
        if store.backup_path is not None:
            _err(
                _(
                    "Note: {name} was upgraded to this version's plan format; a backup copy of"
                    " the old one is at {backup}."
                ).format(name=target.name, backup=store.backup_path)
            )
        store.close()
    return open_plan(target, read_only=True)


def cmd_info(args: argparse.Namespace) -> int:
    from planner.domain.reference import country_name
    from planner.queries import info_json, summary

    store = _open_for_reading(args.plan)
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
    from planner.rules.conflicts import ERROR, check

    store = _open_for_reading(args.plan)
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
    from planner.rules import budget

    store = _open_for_reading(args.plan)
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
    from planner.store import open_plan

    _check_suffix(args.new)
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
    _err(
        _("Copied {plan} to {new}, starting on {start}.").format(
            plan=_shown(args.plan), new=args.new, start=args.start.isoformat()
        )
    )
    return EXIT_OK


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
    from planner.imports import agenda, people
    from planner.imports.readers import read_table
    from planner.store import open_plan

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
            report = people.report(pv)
            module: Any = people
        else:
            table = read_table(args.file, args.sheet, known_headers=agenda.known_header)
            pv = agenda.preview(store, table)
            report = agenda.report(pv)
            module = agenda
        if pv.errors and not args.skip_invalid:
            _print_report(report, args.json, args.dry_run)
            _err(
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
            report = module.report(pv)
            for kind, names in getattr(pv, "new_names", {}).items():
                for name in names:
                    _err(_("Created the {kind} '{name}'.").format(kind=_(kind), name=name))
        _print_report(report, args.json, args.dry_run)
    finally:
        store.close()
    return EXIT_OK


def _resolve(store: Any, table: str, value: str) -> int:
    """An item by id or by name (exits 2 listing the candidates when unclear)."""
    from planner.exports.common import resolve

    return resolve(store, table, value)


def cmd_groups(args: argparse.Namespace) -> int:
    from planner.rules import grouping
    from planner.store import open_plan

    store = open_plan(args.plan)
    try:
        if bool(args.delegation) == bool(args.organisation):
            raise PlannerError(_("Give --delegation or --organisation (one of them)."))
        delegation = _resolve(store, "delegation", args.delegation) if args.delegation else None
        organisation = (
            _resolve(store, "organisation", args.organisation) if args.organisation else None
        )
        people = grouping.members(store, delegation=delegation, organisation=organisation)
        result = grouping.split(people, args.into, args.spread_by == "duty-station")
        names = grouping.group_names(store, args.into, args.prefix or _("Group"))
        for name, line in zip(names, grouping.describe(result), strict=True):
            print(f"{name}: {line}")
        if not args.dry_run:
            grouping.create_groups(store, result, names, delegation)
            _err(
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
    from planner.store import check_plan_file, is_address, open_plan, schema_version, writable

    kind = kind_of(args.kind)
    target = Path(args.plan) if args.plan and not is_address(args.plan) else None
    # exports that remember a delegation's agenda (for "what changed") write that note
    if (
        kind.records
        and target is not None
        and target.exists()
        and writable(target)
        and check_plan_file(target).user_version <= schema_version()
    ):
        store = open_plan(target)
    else:
        store = _open_for_reading(args.plan)
    try:
        options = Options(
            lang=args.lang or current_language(),
            locale=args.locale,
            delegation=_resolve(store, "delegation", args.delegation) if args.delegation else None,
            group=_resolve(store, "participant_group", args.group) if args.group else None,
            person=_resolve(store, "person", args.person) if args.person else None,
            all=args.all,
            split=args.split,
            visit=_resolve_visit(store, args.visit) if args.visit else None,
            personal=not args.no_personal_data,
        )
        job = Job()
        for path in run(store, args.kind, args.output, options, job):
            print(path)
        for warning in job.warnings:  # the export is written: said, but not a failure
            _err(_("warning: {message}").format(message=warning))
    finally:
        store.close()
    return EXIT_OK


def _resolve_visit(store: Any, value: str) -> int:
    from planner.queries.agenda import site_visit_titles

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
    from planner.rules import logistics, transfers
    from planner.store import open_plan

    if args.window is not None and not 1 <= args.window <= 24 * 60:
        raise PlannerError(_("--window must be between 1 and 1440 minutes."))
    store = open_plan(args.plan) if args.apply else _open_for_reading(args.plan)
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
                print(_("Every arrival and departure already has its transfer."))
        if args.apply and proposals:
            logistics.accept(store, proposals)
            _err(
                ngettext("Created {n} ride.", "Created {n} rides.", len(proposals)).format(
                    n=len(proposals)
                )
            )
    finally:
        store.close()
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    _err(_("The window is started by the installed 'planner' command (planner open PLAN)."))
    return EXIT_BAD_INPUT


def cmd_publish(args: argparse.Namespace) -> int:
    from planner.store.shared import display_address, publish

    count = publish(
        args.plan,
        args.address,
        progress=_progress(_("Publishing")) if sys.stderr.isatty() else None,
    )
    print(display_address(args.address))
    _err(
        _("Published {plan} to {address} ({n} rows). Open it with: planner open {address}").format(
            plan=args.plan, address=display_address(args.address), n=count
        )
    )
    return EXIT_OK


def cmd_download(args: argparse.Namespace) -> int:
    from planner.store.shared import display_address, download

    _check_suffix(args.file)
    if Path(args.file).exists() and not args.force:
        raise PlannerError(
            _("{path} already exists. Choose another name, or use --force to replace it.").format(
                path=args.file
            )
        )
    download(
        args.address,
        args.file,
        progress=_progress(_("Downloading")) if sys.stderr.isatty() else None,
    )
    print(Path(args.file))
    _err(
        _("Saved the shared plan {address} as {path}.").format(
            address=display_address(args.address), path=args.file
        )
    )
    return EXIT_OK


def _progress(label: str) -> Any:
    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def cmd_history(args: argparse.Namespace) -> int:
    from planner.domain.printable import json_safe
    from planner.store.history import history, item_known, item_noun, parse_item, text_lines

    entity = item_id = None
    if args.item:
        entity, item_id = parse_item(args.item)
    store = _open_for_reading(args.plan)
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
    from planner.store.recovery import recover

    _check_suffix(args.new)
    result = recover(
        args.plan,
        args.new,
        overwrite=args.force,
        progress=_progress(_("Recovering")) if sys.stderr.isatty() else None,
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
            _err(line)
    return EXIT_OK if result.complete else EXIT_PROBLEMS


COMMANDS = {
    "new": cmd_new,
    "demo": cmd_demo,
    "info": cmd_info,
    "check": cmd_check,
    "copy": cmd_copy,
    "import": cmd_import,
    "groups": cmd_groups,
    "export": cmd_export,
    "transfers": cmd_transfers,
    "budget": cmd_budget,
    "open": cmd_open,
    "publish": cmd_publish,
    "download": cmd_download,
    "history": cmd_history,
    "recover": cmd_recover,
}


def _language_from_environment() -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalise_language(value.split(":")[0])
    return "en"


def _damage(exc: BaseException, args: argparse.Namespace | None) -> str | None:
    """A damaged plan met where no store said so (SQLite's "database disk image is
    malformed" and the like): the damaged message, naming the plan when there is one."""
    from planner.store import is_address
    from planner.store.integrity import damaged_error, is_damage

    plan = getattr(args, "plan", None)
    if plan and not is_address(plan):
        error = damaged_error(Path(plan), exc)
        return None if error is None else error.message
    if is_damage(exc):
        return _(
            "A plan file is damaged ({detail}); nothing was changed. Open a backup copy,"
            " or save what can still be read with planner recover."
        ).format(detail=exc)
    return None


class _SafeStdout:
    """stdout through which a plan's text cannot drive the terminal: control characters an
    older version stored (ESC, BEL, C1) are shown as signs in text, as escapes in JSON."""

    def __init__(self, stream: Any, as_json: bool) -> None:
        from planner.domain.printable import json_safe, printable

        self._stream = stream
        self._clean = json_safe if as_json else (lambda text: printable(text, lines=True))

    def write(self, text: str) -> int:
        self._stream.write(self._clean(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _safe_stdout(as_json: bool) -> Iterator[None]:
    stream = sys.stdout
    sys.stdout = _SafeStdout(stream, as_json)
    try:
        yield
    finally:
        sys.stdout = stream


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show "ñ" still gets "\xf1"
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    _ARGV[:] = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    args: argparse.Namespace | None = None
    try:
        set_language(_language_from_environment())
        parser = build_parser()
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if not args.command:
            parser.print_help(sys.stderr)
            return EXIT_BAD_INPUT
        _password_note(args)
        with _safe_stdout(bool(getattr(args, "json", False))):
            try:
                return COMMANDS[args.command](args)
            except PasswordNeeded:
                if not sys.stdin.isatty() or os.environ.get("PGPASSWORD"):
                    raise
                import getpass

                # asked once, kept for this command only (libpq reads it), never written
                os.environ["PGPASSWORD"] = getpass.getpass(_("Password for the shared plan: "))
                return COMMANDS[args.command](args)
    except ValidationError as exc:
        for error in exc.errors:
            _err(_("error: {message}").format(message=_hide(error.message)))
        return EXIT_BAD_INPUT
    except PlannerError as exc:
        _err(_("error: {message}").format(message=_hide(exc.message)))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err(_("Interrupted."))
        return 130
    except BrokenPipeError:  # the reader went away (planner budget PLAN | head): not an error
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line, never a traceback
        damage = _damage(exc, args)
        if damage is not None:
            _err(_("error: {message}").format(message=damage))
            return EXIT_BAD_INPUT
        _err(
            _(
                "error: unexpected problem ({kind}: {detail}). Please report it with the command"
                " you ran."
            ).format(kind=type(exc).__name__, detail=_hide(str(exc)))
        )
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
