"""The command line's arguments: every command, its options and their help, in the reader's
language; a wrong argument exits 2 with a one-line hint.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import NoReturn

from planner import __version__, program_name
from planner.cli.common import EXIT_BAD_INPUT, hide
from planner.domain.i18n import (
    _,
)
from planner.domain.inputs import name_problem
from planner.domain.printable import printable
from planner.store import is_address


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line hint instead of a traceback."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            printable(
                _("{prog}: error: {message}\n").format(prog=self.prog, message=hide(message)),
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
    parser = Parser(
        prog=program_name(),
        description=_(
            "Delegation Planner: plan exchange visits and trainings. Without a"
            " command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

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
    p.add_argument(
        "--lang",
        choices=["en", "es"],
        default="en",
        help=_(
            "the language of the demo's own words: sessions, groups, places, budget lines"
            " (default: English, whatever the computer's language)"
        ),
    )

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
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=Parser, required=True)
    for name, helptext in (
        ("people", _("a roster: .xlsx, .xls, .ods or .csv")),
        ("agenda", _("an agenda list: one row per session")),
        (
            "results",
            _(
                "test scores and questionnaire answers: one row per person (badge code, identity"
                " number or name), a column per test and per question"
            ),
        ),
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
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=Parser, required=True)
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
    p.add_argument(
        "--paper",
        choices=["letter", "a4"],
        help=_(
            "the paper it prints on (default: the usual one in the plan's country: Letter in"
            " the Americas where it is the norm, A4 elsewhere)"
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
        "--supplier",
        choices=["hotel", "caterer", "transport"],
        help=_(
            "changes: what changed for a supplier since its last rooming list, catering counts"
            " or manifests (instead of --delegation)"
        ),
    )
    p.add_argument(
        "--place", metavar="P", help=_("changes --supplier hotel: which hotel (a name or an id)")
    )
    p.add_argument(
        "--attendance",
        action="store_true",
        help=_(
            "certificates: also certificates of attendance, for trainees who came but did not"
            " complete"
        ),
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
        "substitute",
        help=_(
            "put NEW in OLD's place from a day on: groups, sessions, rides, the hotel stay and"
            " site visits (tickets stay OLD's)"
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("old", metavar="OLD", help=_("who is replaced: a name or an id"))
    p.add_argument("new", metavar="NEW", help=_("who comes instead (already in the plan)"))
    p.add_argument(
        "--from",
        dest="from_day",
        type=_date,
        metavar="DATE",
        help=_(
            "the first day NEW takes OLD's place (default: today within the plan's days, else"
            " its first day); OLD keeps the attendance, nights and rides before it"
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=_("say what would move; change nothing"))
    p.add_argument("--json", action="store_true", help=_("print what moved as JSON"))

    p = sub.add_parser(
        "checkin",
        help=_(
            "record scans of badge codes from phones or a door (.csv or .xlsx with code and"
            " time columns) as attendance"
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("file", metavar="FILE", help=_("the scans: a .csv or .xlsx file"))
    p.add_argument(
        "--session",
        metavar="S",
        help=_(
            "count every scan for this session (an ID or a title; parallel sessions sharing a"
            " title count for whichever is the person's) instead of the one running then"
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=_("say what would be recorded"))
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))

    p = sub.add_parser(
        "report",
        help=_(
            "what the training achieved: trainees, attendance, completion, knowledge gained,"
            " satisfaction and cost per trainee"
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the plan file"))
    p.add_argument("--json", action="store_true", help=_("print the report as JSON"))

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
