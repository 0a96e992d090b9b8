"""Commands on who comes: a substitute in one step, and check-in from phones' scans."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from planner.cli.common import EXIT_OK, EXIT_PROBLEMS, err, open_for_reading, resolve
from planner.domain.i18n import N_, _, ngettext
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


def cmd_checkin(args: argparse.Namespace) -> int:
    """Record a file of scans from phones: 0 when every scan was recorded or already there,
    1 when any was unexpected, unknown or invalid (the others are still recorded), 2 for a bad
    file or arguments."""
    from planner.imports import scans

    store = open_for_reading(args.plan) if args.dry_run else open_plan(args.plan)
    try:
        pv = scans.preview(store, args.file, args.session)
        if not args.dry_run:
            scans.apply(store, pv)
    finally:
        store.close()

    def person(s: scans.Seen) -> dict[str, object]:
        return {"id": s.person, "name": s.name}

    def session(sid: int | None, title: str) -> dict[str, object] | None:
        return None if sid is None else {"id": sid, "title": title}

    if args.json:
        print(
            json.dumps(
                {
                    "recorded": [
                        {"row": s.row, "person": person(s), "session": session(s.session, s.title)}
                        for s in pv.recorded
                    ],
                    "already": [
                        {"row": s.row, "person": person(s), "session": session(s.session, s.title)}
                        for s in pv.already
                    ],
                    "unexpected": [
                        {
                            "row": s.row,
                            "person": person(s),
                            "session": session(s.session, s.title),
                            "expected": session(s.expected, s.expected_title),
                            "reason": s.reason,
                            "message": s.message,
                        }
                        for s in pv.unexpected
                    ],
                    "unknown": [{"row": row, "code": code} for row, code in pv.unknown],
                    "invalid": [{"row": row, "reason": reason} for row, reason in pv.invalid],
                    "dry_run": bool(args.dry_run),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for s in pv.recorded:
            print(
                _("Row {row}: {name} at {session}").format(row=s.row, name=s.name, session=s.title)
            )
        for s in pv.unexpected:
            print(
                _("Row {row}: {name} not recorded: {why}").format(
                    row=s.row, name=s.name, why=s.message
                )
            )
        for row, code in pv.unknown:
            print(_("Row {row}: unknown code {code}").format(row=row, code=code))
        for row, reason in pv.invalid:
            print(_("Row {row}: {reason}").format(row=row, reason=reason))
        done = len(pv.recorded)
        err(
            (
                ngettext("{n} scan would be recorded", "{n} scans would be recorded", done)
                if args.dry_run
                else ngettext("{n} scan recorded", "{n} scans recorded", done)
            ).format(n=done)
            + "; "
            + _(
                "{already} already there, {unexpected} unexpected, {unknown} unknown,"
                " {invalid} invalid."
            ).format(
                already=len(pv.already),
                unexpected=len(pv.unexpected),
                unknown=len(pv.unknown),
                invalid=len(pv.invalid),
            )
        )
    return EXIT_OK if pv.clean else EXIT_PROBLEMS
