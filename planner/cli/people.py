"""Commands on who comes: a substitute in one step."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from planner.cli.common import EXIT_OK, err, open_for_reading, resolve
from planner.domain.i18n import N_, _
from planner.store import open_plan

# what a moved item is, in words (the JSON keeps the key)
MOVED_WORDS = {
    "group": N_("group"),
    "delegation": N_("delegation"),
    "session": N_("session, invited by name"),
    "facilitating": N_("session, as facilitator"),
    "ride": N_("ride"),
    "stay": N_("hotel stay"),
    "roommate": N_("roommate of"),
}


def cmd_substitute(args: argparse.Namespace) -> int:
    """Put NEW in OLD's place from a day on (with --dry-run, only say what would move)."""
    from planner.operations.substitutions import default_day, plan_substitution, substitute

    store = open_for_reading(args.plan) if args.dry_run else open_plan(args.plan)
    try:
        old = resolve(store, "person", args.old)
        new = resolve(store, "person", args.new)
        day = args.from_day or default_day(store)
        if args.dry_run:
            done = plan_substitution(store, old, new, day)
        else:
            _batch, done = substitute(store, old, new, day)
        if args.json:
            print(
                json.dumps(
                    {
                        "old": old,
                        "new": new,
                        "from": day.isoformat(),
                        "dry_run": bool(args.dry_run),
                        "moved": [{"what": m.what, "id": m.id, "name": m.name} for m in done.moved],
                        "warnings": done.warnings,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for m in done.moved:
                when = ""
                if isinstance(m.start, datetime):
                    when = f"{m.start:%Y-%m-%d %H:%M} "
                elif m.start is not None:
                    when = f"{m.start.isoformat()}–{m.end.isoformat() if m.end else ''} "
                print(f"{_(MOVED_WORDS.get(m.what, m.what))}: {when}{m.name}")
            if not done.moved:
                print(_("Nothing to hand over from that day."))
            for warning in done.warnings:
                err(warning)
            if not args.dry_run:
                err(
                    _("{old} is replaced by {new} from {day}.").format(
                        old=args.old, new=args.new, day=day.isoformat()
                    )
                )
    finally:
        store.close()
    return EXIT_OK
