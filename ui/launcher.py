"""The ``planner`` command: the window or the headless command line.

Headless subcommands go to ``planner.cli`` without loading Qt; ``planner``, ``planner open
[PLAN]`` and ``planner FILE.dplan`` (what a file manager passes) start the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    plan: str | None = None
    if not args:
        return _window(None)
    first = args[0]
    if first == "open" and len(args) <= 2 and not any(a.startswith("-") for a in args[1:]):
        plan = args[1] if len(args) == 2 else None
        return _window(plan)
    if (
        len(args) == 1
        and not first.startswith("-")
        and (first.lower().endswith(".dplan") or "/" in first or "\\" in first)
    ):
        return _window(first)
    from planner.cli import main as cli_main

    return cli_main(args)


def _window(plan: str | None) -> int:
    from ui.shell.app import run

    return run(plan)


if __name__ == "__main__":
    raise SystemExit(main())
