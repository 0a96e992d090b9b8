"""The ``planner`` command: the window or the headless command line.

Headless subcommands go to ``planner.cli`` without loading Qt; ``planner``, ``planner open
[PLAN]`` and ``planner FILE.dplan`` (what a file manager passes) start the window.
``install-desktop [--remove]`` puts the program in a Linux desktop's menus (the bundle's
install.sh). It is also the bundle's entry point (packaging/delegation-planner.spec).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from planner.domain.i18n import _, environment_language, set_language
from ui.shell import desktop_entry


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    plan: str | None = None
    _give_streams()
    if args and args[0] == "install-desktop":
        return _install_desktop(args[1:])
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
    if bundled() and sys.platform.startswith("linux"):
        _register_on_first_start()
    from ui.shell.app import run

    return run(plan)


def bundled() -> bool:
    """True inside the bundle (PyInstaller's frozen program), not in a virtual environment."""
    return bool(getattr(sys, "frozen", False))


def _program() -> str | None:
    """The command a menu entry starts: the bundle's executable, or an installed
    ``delegation-planner`` script; None when run as ``python -m``."""
    if bundled():
        return sys.executable
    script = Path(sys.argv[0]).resolve()
    if script.suffix == ".py" or not os.access(script, os.X_OK):
        return None
    return str(script)


def _icons() -> tuple[Path, Path | None]:
    svg = Path(str(resources.files("resources") / "icons" / "app.svg"))
    png = Path(sys.executable).with_name(f"{desktop_entry.APP}.png") if bundled() else None
    return svg, png


def _install_desktop(args: list[str]) -> int:
    set_language(environment_language(os.environ))
    program = _program()
    if program is None:
        print(
            _(
                "Run install-desktop from the bundle's delegation-planner (or an installed"
                " delegation-planner command), not through python -m."
            ),
            file=sys.stderr,
        )
        return 2
    return desktop_entry.command(args, program, *_icons())


def _register_on_first_start() -> None:
    """The bundle on Linux: the menu entry and the .dplan file type the first time it starts
    (and again when its folder has moved). A read-only home only goes without."""
    program = _program()
    if program is None or desktop_entry.is_registered(program):
        return
    with contextlib.suppress(OSError):
        desktop_entry.register(program, *_icons(), wait=False)


def _give_streams() -> None:
    """A windowed program on Windows has no standard streams: what the command line or an
    error report writes goes to a log file in the temporary folder (a line at a time, so a
    crash loses nothing) instead of failing, and it reads nothing (no password prompt)."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115  (for the program's life)
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        log = open(  # noqa: SIM115
            Path(tempfile.gettempdir()) / "delegation-planner.log",
            "a",
            encoding="utf-8",
            buffering=1,
        )
    except OSError:
        log = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = log
    if sys.stderr is None:
        sys.stderr = log


if __name__ == "__main__":
    raise SystemExit(main())
