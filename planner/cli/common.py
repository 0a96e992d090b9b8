"""What every command shares: exit statuses, messages on stderr that never show a password or
drive the terminal, opening a plan to read it, naming an item by id or name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.domain.errors import PlannerError
from planner.domain.i18n import (
    _,
)
from planner.domain.printable import printable
from planner.store import check_plan_file, is_address, open_plan, schema_version, writable
from planner.store.addresses import display_address, has_password, hide_password

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
    "substitute",
    "budget",
    "publish",
    "download",
    "history",
    "recover",
)


ARGV: list[str] = []  # this command's arguments: the addresses whose passwords are hidden


def hide(text: str) -> str:
    """A message as it may be printed: a shared plan's password never is (whether it came in
    an address on the command line or in a library's error text)."""
    addresses = [a for a in ARGV if "://" in a]
    if not addresses and "://" not in text and "password" not in text.lower():
        return text
    text = hide_password(text)
    for address in addresses:
        text = hide_password(text, address)
    return text


def shown(plan: str) -> str:
    """A plan file as given, or a shared plan's address without its password."""
    if not is_address(plan):
        return plan
    return display_address(plan)


def password_note(args: argparse.Namespace) -> None:
    """A password typed into an address is used, never shown, and better kept elsewhere."""
    addresses = [v for v in vars(args).values() if isinstance(v, str) and is_address(v)]
    if not addresses:
        return
    if any(has_password(a) for a in addresses):
        err(
            _(
                "Note: a password written in the address is used but never shown. Other users"
                " of this computer can see it in the list of running programs, and it stays in"
                " your shell's history: keep it in your .pgpass file instead, or leave it out"
                " to be asked for it."
            )
        )


def err(message: str) -> None:
    """A message on stderr; a name from a plan or a file in it cannot drive the terminal."""
    print(printable(message, lines=True), file=sys.stderr)


def check_suffix(path: str) -> None:
    if not path.lower().endswith(".dplan"):
        err(_("Note: plan files usually end in .dplan ({path}).").format(path=path))


def open_for_reading(path: str) -> Any:
    """Open a plan to read it. An older plan is upgraded first when it can be (with a backup
    copy, said on stderr); a plan in a read-only place is read as it is."""
    if not path:
        raise PlannerError(_("Give the plan file to read, e.g. planner info demo.dplan."))
    if is_address(path):
        return open_plan(path)  # a shared plan: the first newer client upgrades it
    target = Path(path)
    if check_plan_file(target).user_version < schema_version() and writable(target):
        store = open_plan(target)
        if store.backup_path is not None:
            err(
                _(
                    "Note: {name} was upgraded to this version's plan format; a backup copy of"
                    " the old one is at {backup}."
                ).format(name=target.name, backup=store.backup_path)
            )
        store.close()
    return open_plan(target, read_only=True)


def resolve(store: Any, table: str, value: str) -> int:
    """An item by id or by name (exits 2 listing the candidates when unclear)."""
    from planner.exports.common import resolve

    return resolve(store, table, value)


def progress(label: str) -> Any:
    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show
