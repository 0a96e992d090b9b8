"""The plan's change sets since a moment: what the team did (for the Overview's "what changed
since yesterday")."""

from __future__ import annotations

from datetime import UTC, datetime

from planner.store import PlanStore, parse_time


def changes_since(
    store: PlanStore, since: datetime, most: int = 50
) -> list[tuple[datetime, str, str]]:
    """(when, in ``since``'s zone; who; what) of the newest ``most`` changes since ``since``."""
    stamp = since.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    with store.reading() as r:
        rows = r.rows(
            "SELECT at, user_name, action FROM change_set WHERE at >= :since"
            " ORDER BY id DESC LIMIT :most",
            {"since": stamp, "most": most},
        )
    zone = since.tzinfo
    return [(parse_time(at).astimezone(zone), user, action) for at, user, action in rows]
