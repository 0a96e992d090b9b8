"""``planner report``: what the training achieved, for the donor."""

from __future__ import annotations

import argparse
import json

from planner.cli.common import EXIT_OK, open_for_reading
from planner.domain.i18n import _
from planner.rules.report import report


def cmd_report(args: argparse.Namespace) -> int:
    store = open_for_reading(args.plan)
    try:
        found = report(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return EXIT_OK

    def sexes(counts: dict[str, int]) -> str:
        return _("{total} ({female} women, {male} men, {other} other, {unknown} unknown)").format(
            **counts
        )

    k, s = found["knowledge"], found["satisfaction"]
    cost = found["cost_per_trainee"]
    lines = [
        _("Trainees: {n}").format(n=sexes(found["trainees"])),
        _("Attended: {n}").format(n=sexes(found["attended"])),
        _("Completed: {n}").format(n=sexes(found["completed"])),
        _("Attendance rate: {rate}").format(
            rate="—" if found["attendance_rate"] is None else f"{found['attendance_rate']:.1%}"
        ),
        _(
            "Knowledge: pre-test {pre}, post-test {post}, gain {gain} points ({paired} with"
            " both tests)"
        ).format(
            pre=k["pre_mean"] if k["pre_mean"] is not None else "—",
            post=k["post_mean"] if k["post_mean"] is not None else "—",
            gain=k["gain"] if k["gain"] is not None else "—",
            paired=k["paired"],
        ),
        _("Satisfaction: {mean} of 5 ({n} responses)").format(
            mean=s["mean"] if s["mean"] is not None else "—", n=s["responses"]
        ),
        _("Cost per trainee who completed: {amount} {currency} ({basis})").format(
            amount=cost["amount"] or "—", currency=cost["currency"], basis=cost["basis"]
        ),
    ]
    print("\n".join(lines))
    return EXIT_OK
