"""Commands that move a plan to and from a PostgreSQL server: publish and download."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner import program_name
from planner.cli.common import EXIT_OK, check_suffix, err, progress
from planner.domain.errors import PlannerError
from planner.domain.i18n import (
    _,
)
from planner.store.addresses import display_address


def cmd_publish(args: argparse.Namespace) -> int:
    from planner.store.shared import publish

    count = publish(
        args.plan,
        args.address,
        progress=progress(_("Publishing")) if sys.stderr.isatty() else None,
    )
    print(display_address(args.address))
    err(
        _(
            "Published {plan} to {address} ({n} rows). Open it with: {program} open {address}"
        ).format(
            program=program_name(), plan=args.plan, address=display_address(args.address), n=count
        )
    )
    return EXIT_OK


def cmd_download(args: argparse.Namespace) -> int:
    from planner.store.shared import download

    check_suffix(args.file)
    if Path(args.file).exists() and not args.force:
        raise PlannerError(
            _("{path} already exists. Choose another name, or use --force to replace it.").format(
                path=args.file
            )
        )
    download(
        args.address,
        args.file,
        progress=progress(_("Downloading")) if sys.stderr.isatty() else None,
    )
    print(Path(args.file))
    err(
        _("Saved the shared plan {address} as {path}.").format(
            address=display_address(args.address), path=args.file
        )
    )
    return EXIT_OK
