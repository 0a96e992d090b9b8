"""The plan's dates as copying it to other dates needs them: its first day, and the earliest
and latest day of everything dated it holds."""

from __future__ import annotations

from typing import Any

from planner.store import Reader

# The earliest and latest day of everything a copy moves.
DATES_SQL = " ".join(
    (
        "SELECT min(d), max(d) FROM (",
        " UNION ALL ".join(
            f"SELECT {column} AS d FROM {table} WHERE {column} IS NOT NULL"
            for table, column in (
                ("plan", "start_date"),
                ("plan", "end_date"),
                ("agenda_session", "starts_at"),
                ("agenda_session", "ends_at"),
                ("unavailability", "starts_at"),
                ("unavailability", "ends_at"),
                ("travel", "departs_at"),
                ("travel", "arrives_at"),
                ("room_block", "check_in"),
                ("room_block", "check_out"),
                ("stay", "check_in"),
                ("stay", "check_out"),
                ("ride", "starts_at"),
                ("ride", "ends_at"),
                ("visit_stop", "arrives_at"),
                ("visit_stop", "leaves_at"),
                ("budget_line", "month"),
            )
        ),
        ") AS dates",
    )
)


def first_day(r: Reader) -> Any:
    """The plan's first day as stored (a date, or its text)."""
    return r.value("SELECT start_date FROM plan ORDER BY id LIMIT 1")


def date_span(r: Reader) -> tuple[Any, Any]:
    """(earliest, latest) day of everything dated in the plan, as stored (None when empty)."""
    low, high = r.rows(DATES_SQL)[0]
    return low, high
