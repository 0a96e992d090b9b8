"""What a hotel's contract asks: rooms named before the cut-off date (after it, the rooms no
one is in go back to the hotel), and enough room-nights used that the attrition clause charges
nothing (a block may leave so many percent of its room-nights unused; below that, the hotel
bills the difference)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from planner.domain.i18n import _, ngettext
from planner.queries.snapshot import RoomBlock
from planner.rules.budget_blocks import StayNights, held_nights, room_nights
from planner.rules.budget_lines import money_text
from planner.rules.conflicts.index import Index, Sink
from planner.rules.conflicts.problems import BLOCK_ATTRITION, BLOCK_CUTOFF, SEVERITY, Problem
from planner.rules.conflicts.words import day_text

CUTOFF_WARNING_DAYS = 7  # the warning starts this many days before a block's cut-off


def hotel_contracts(ix: Index, sink: Sink, today: date) -> None:
    """Room blocks whose cut-off is near with rooms unnamed, and blocks used below their
    attrition allowance."""
    data = ix.data
    lg = data.logistics
    gone = data.membership.gone
    stays: dict[int, list[StayNights]] = defaultdict(list)
    for stay in lg.stays:
        if stay.block is None or stay.block not in lg.blocks:
            continue
        last = min(stay.check_out, gone.get(stay.person, stay.check_out))
        if stay.check_in < last:  # who declined or was replaced uses no room from that day
            stays[stay.block].append((stay.person, stay.check_in, last, stay.sharing))
    for block_id, block in lg.blocks.items():
        held = held_nights(block.rooms, block.check_in, block.check_out)
        used = room_nights(stays.get(block_id, ()))
        if block.cutoff is not None and held > used:
            _cutoff(ix, sink, block, held - used, today)
        if block.attrition is not None and held:
            _attrition(ix, sink, block, held, used)


def _cutoff(ix: Index, sink: Sink, block: RoomBlock, unnamed: int, today: date) -> None:
    assert block.cutoff is not None
    days = (block.cutoff - today).days
    if not 0 <= days <= CUTOFF_WARNING_DAYS:
        return
    w = ix.words
    sink.add(
        Problem(
            BLOCK_CUTOFF,
            SEVERITY[BLOCK_CUTOFF],
            ngettext(
                "{n} room-night of the block of {type} rooms at {hotel} has no one named yet:"
                " it goes back to the hotel on {cutoff} ({days} days from today). Name who"
                " stays (Accommodation page), or tell the hotel to release it.",
                "{n} room-nights of the block of {type} rooms at {hotel} have no one named"
                " yet: they go back to the hotel on {cutoff} ({days} days from today). Name"
                " who stays (Accommodation page), or tell the hotel to release them.",
                unnamed,
            ).format(
                n=unnamed,
                type=block.room_type or "?",
                hotel=w.place_name(block.venue),
                cutoff=day_text(block.cutoff),
                days=days,
            ),
            w.morning(block.cutoff),
            w.morning(block.cutoff + timedelta(days=1)),
            f"{BLOCK_CUTOFF}:{block.id}",
            blocks=[w.block_ref(block)],
            places=w.place_refs(block.venue),
        )
    )


def _attrition(ix: Index, sink: Sink, block: RoomBlock, held: int, used: int) -> None:
    assert block.attrition is not None
    # the room-nights the hotel is paid for whatever happens, rounded up
    guaranteed = -(-held * (100 - block.attrition) // 100)
    if used >= guaranteed:
        return
    short = guaranteed - used
    cost = (
        _(" ({cost} {currency} at the block's rate)").format(
            cost=money_text(Decimal(short) * block.rate), currency=block.currency
        )
        if block.rate is not None
        else ""
    )
    w = ix.words
    sink.add(
        Problem(
            BLOCK_ATTRITION,
            SEVERITY[BLOCK_ATTRITION],
            _(
                "The block of {type} rooms at {hotel} holds {held} room-nights and may leave"
                " {allowed} unused, so {guaranteed} are paid whatever happens; its stays use"
                " {used}. The hotel may bill {short} room-nights more{cost}. Fill the rooms, or"
                " ask the hotel to reduce the block before its cut-off."
            ).format(
                type=block.room_type or "?",
                hotel=w.place_name(block.venue),
                held=held,
                allowed=f"{block.attrition} %",
                guaranteed=guaranteed,
                used=used,
                short=short,
                cost=cost,
            ),
            w.evening(block.check_in),
            w.morning(block.check_out),
            f"{BLOCK_ATTRITION}:{block.id}",
            blocks=[w.block_ref(block)],
            places=w.place_refs(block.venue),
        )
    )
