"""Room blocks as the budget counts them: the room-nights a block's stays use (a night for each
person in it, two people sharing a room using one), beside those the block holds as
contracted (rooms × nights) and those released (held, not used).

The budget's accommodation line carries the room-nights used (:mod:`planner.rules.budget`);
the Accommodation list shows all three (:func:`room_blocks`), counted by the same
:func:`room_nights`, so the two pages agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from planner.queries.budget import block_stays
from planner.queries.logistics import RoomBlockRow
from planner.queries.logistics import room_blocks as block_rows
from planner.store import PlanStore, parse_date

StayNights = tuple[int, date, date, int | None]  # (person, check_in, check_out, sharing with)


def room_nights(stays: Iterable[StayNights]) -> int:
    """The room-nights the stays of one block use: each night, a room for each person there,
    but one for two people sharing a room who are both there that night."""
    nights: dict[date, dict[int, int | None]] = defaultdict(dict)
    for person, first, last, sharing in stays:
        day = first
        while day < last:
            nights[day][person] = sharing
            day += timedelta(days=1)
    used = 0
    for present in nights.values():
        shared = {
            frozenset((p, q))
            for p, q in present.items()
            if q is not None and q in present and q != p
        }
        used += len(present) - len(shared)
    return used


def held_nights(rooms: int, check_in: date, check_out: date) -> int:
    """The room-nights a block holds as contracted: its rooms for each of its nights."""
    return rooms * max((check_out - check_in).days, 0)


def room_blocks(store: PlanStore) -> list[RoomBlockRow]:
    """The room blocks as listed, each with the room-nights its stays use."""
    stays: dict[int, list[StayNights]] = defaultdict(list)
    for block, person, first, last, sharing in block_stays(store):
        check_in, check_out = parse_date(first), parse_date(last)
        if check_in is not None and check_out is not None:
            stays[block].append((person, check_in, check_out, sharing))
    return [replace(row, used=room_nights(stays.get(row.id, ()))) for row in block_rows(store)]
