"""What the door of a check-in reads besides the plan: each person's status and the marks of
who is there already."""

from __future__ import annotations

from planner.store import Reader


def statuses(r: Reader) -> dict[int, str]:
    """person -> nominated, confirmed, declined, replaced or cancelled"""
    return dict(r.rows("SELECT id, status FROM person"))


def present_marks(r: Reader) -> set[tuple[int, int]]:
    """(session, person) of everyone marked present."""
    return {
        (s, p)
        for s, p, here in r.rows("SELECT session_id, person_id, present FROM attendance")
        if here
    }
