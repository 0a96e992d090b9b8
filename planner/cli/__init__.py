"""The command line (headless; never loads Qt): ``main`` reads the arguments, runs one command
and turns every failure into a message and an exit status, never a traceback.

Results go to stdout, messages to stderr. Exit status: 0 on success, 2 for bad arguments or
files.
The window's own commands (``planner``, ``planner open [PLAN]``, ``planner FILE.dplan``) are
dispatched by ``ui.launcher`` before this module is reached.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from planner.cli.common import ARGV, EXIT_BAD_INPUT, EXIT_OK, err, hide, password_note
from planner.cli.content import cmd_export, cmd_groups, cmd_import, cmd_transfers
from planner.cli.parser import build_parser
from planner.cli.people import cmd_checkin, cmd_substitute
from planner.cli.plans import (
    cmd_budget,
    cmd_check,
    cmd_copy,
    cmd_demo,
    cmd_history,
    cmd_info,
    cmd_new,
    cmd_open,
    cmd_recover,
)
from planner.cli.report import cmd_report
from planner.cli.shared import cmd_download, cmd_publish
from planner.domain.errors import PasswordNeeded, PlannerError, ValidationError
from planner.domain.i18n import (
    _,
    environment_language,
    set_language,
)
from planner.domain.printable import json_safe, printable
from planner.store import is_address
from planner.store.integrity import damaged_error, is_damage

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
    "substitute": cmd_substitute,
    "checkin": cmd_checkin,
    "report": cmd_report,
    "budget": cmd_budget,
    "open": cmd_open,
    "publish": cmd_publish,
    "download": cmd_download,
    "history": cmd_history,
    "recover": cmd_recover,
}


def _damage(exc: BaseException, args: argparse.Namespace | None) -> str | None:
    """A damaged plan met where no store said so (SQLite's "database disk image is
    malformed" and the like): the damaged message, naming the plan when there is one."""
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
    ARGV[:] = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    args: argparse.Namespace | None = None
    try:
        set_language(environment_language(os.environ))
        parser = build_parser()
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if not args.command:
            parser.print_help(sys.stderr)
            return EXIT_BAD_INPUT
        password_note(args)
        with _safe_stdout(bool(getattr(args, "json", False))):
            try:
                return COMMANDS[args.command](args)
            except PasswordNeeded:
                if not sys.stdin.isatty() or os.environ.get("PGPASSWORD"):
                    raise
                # asked once, kept for this command only (libpq reads it), never written
                os.environ["PGPASSWORD"] = getpass.getpass(_("Password for the shared plan: "))
                return COMMANDS[args.command](args)
    except ValidationError as exc:
        for error in exc.errors:
            err(_("error: {message}").format(message=hide(error.message)))
        return EXIT_BAD_INPUT
    except PlannerError as exc:
        err(_("error: {message}").format(message=hide(exc.message)))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err(_("Interrupted."))
        return 130
    except BrokenPipeError:  # the reader went away (planner budget PLAN | head): not an error
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line, never a traceback
        damage = _damage(exc, args)
        if damage is not None:
            err(_("error: {message}").format(message=damage))
            return EXIT_BAD_INPUT
        err(
            _(
                "error: unexpected problem ({kind}: {detail}). Please report it with the command"
                " you ran."
            ).format(kind=type(exc).__name__, detail=hide(str(exc)))
        )
        return EXIT_BAD_INPUT
