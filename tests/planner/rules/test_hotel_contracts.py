"""A hotel's contract in the check: rooms not named as the cut-off nears, and room-nights used
below the attrition allowance (what the hotel may bill for them)."""

from __future__ import annotations

from datetime import date

import pytest

from planner import operations, queries
from planner.domain.errors import ValidationError
from planner.rules.conflicts import check


def block(demo):
    (found,) = queries.room_blocks(demo)
    return found


def test_rooms_not_named_as_the_cut_off_nears(demo):
    b = block(demo)  # 10 rooms for 7 nights, 65 of the 70 room-nights named
    operations.update(demo, "room_block", b.id, {"cutoff": date(2023, 11, 10)})
    assert check(demo, today=date(2023, 10, 1)) == []  # weeks ahead: not yet
    (found,) = check(demo, today=date(2023, 11, 5))
    assert (found.kind, found.severity) == ("block_cutoff", "warning")
    assert "5 room-nights" in found.message and "5 days from today" in found.message
    assert [r.id for r in found.blocks] == [b.id]
    assert check(demo, today=date(2023, 11, 11)) == []  # past: released or billed already


def test_room_nights_used_below_the_attrition_allowance_say_what_they_cost(demo):
    b = block(demo)
    operations.update(demo, "room_block", b.id, {"attrition_percent": 10})
    assert check(demo) == []  # 63 paid whatever happens, 65 used
    operations.update(demo, "room_block", b.id, {"attrition_percent": 5})
    (found,) = check(demo)
    assert found.kind == "block_attrition"
    assert "67 are paid whatever happens" in found.message
    assert "2 room-nights more (190.00 USD" in found.message
    # a traveller who declines leaves more nights unused
    trainer = next(s.person_id for s in queries.stays(demo))
    operations.update(demo, "person", trainer, {"status": "declined"})
    problems = {p.kind: p for p in check(demo)}
    assert set(problems) == {"block_attrition", "ticket_for_replaced_person"}
    assert "use 58" in problems["block_attrition"].message  # her 7 nights no longer used
    assert "9 room-nights more (855.00 USD" in problems["block_attrition"].message


def test_a_cut_off_after_check_out_or_an_allowance_over_100_is_refused(demo):
    b = block(demo)
    with pytest.raises(ValidationError):
        operations.update(demo, "room_block", b.id, {"cutoff": date(2023, 12, 5)})
    with pytest.raises(ValidationError):
        operations.update(demo, "room_block", b.id, {"attrition_percent": 120})
