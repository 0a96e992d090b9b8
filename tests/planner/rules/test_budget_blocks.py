"""Room blocks held, used and released: the Accommodation list and the budget's hotel line count
the same room-nights used, and say what the block holds as contracted beside them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner import operations, queries
from planner.queries.budget import block_stays
from planner.rules import budget, budget_blocks


def test_the_demo_block_holds_70_room_nights_and_its_stays_use_65(demo):
    (row,) = budget_blocks.room_blocks(demo)
    assert (row.rooms, row.nights) == (10, 7)
    assert (row.held, row.used, row.released) == (70, 65, 5)
    assert (row.total, row.used_total, row.released_total) == (
        Decimal("6650.00"),
        Decimal("6175.00"),
        Decimal("475.00"),
    )
    # the budget carries the room-nights used, and says what the block holds beside them
    b = budget.compute(demo)
    key = f"block:{row.id}"
    hotel = next(x for x in b.lines if x.key == key)
    nights = b.room_blocks[key]
    assert (nights.held, nights.used, nights.released) == (70, 65, 5)
    assert (nights.held_cost, nights.used_cost, nights.released_cost) == (
        row.total,
        row.used_total,
        row.released_total,
    )
    assert hotel.quantity == nights.used and hotel.amount == row.used_total
    assert nights.rate == Decimal("95.00") and nights.currency == "USD"


def test_the_list_reads_no_use_until_the_rule_counts_it(demo):
    (read,) = queries.room_blocks(demo)
    assert read.used == 0 and read.released == read.held == 70
    rows = block_stays(demo)
    assert len(rows) == 10 and {r[0] for r in rows} == {read.id}


def _block(plan, rooms: int, rate: str | None = "80") -> tuple[int, int]:
    hotel = operations.create(plan, "venue", {"name": "Hotel", "kind": "hotel"}).id
    values = {
        "venue_id": hotel,
        "room_type": "Double",
        "rooms": rooms,
        "check_in": date(2023, 11, 25),
        "check_out": date(2023, 11, 28),
    }
    if rate is not None:
        values["nightly_rate"] = Decimal(rate)
    return hotel, operations.create(plan, "room_block", values).id


def _stay(plan, hotel: int, block: int, name: str, nights: int = 3, sharing=None) -> int:
    person = operations.create(plan, "person", {"given_name": name, "family_name": "Paz"}).id
    operations.create(
        plan,
        "stay",
        {
            "person_id": person,
            "venue_id": hotel,
            "block_id": block,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 11, 25 + nights),
            **({"sharing_with_id": sharing} if sharing is not None else {}),
        },
    )
    return person


def test_two_people_sharing_use_one_room_and_the_rest_is_released(plan):
    hotel, block = _block(plan, rooms=2)
    ana = _stay(plan, hotel, block, "Ana")
    _stay(plan, hotel, block, "Luis", sharing=ana)
    (row,) = budget_blocks.room_blocks(plan)
    assert (row.held, row.used, row.released) == (6, 3, 3)
    assert row.released_total == Decimal("240")
    nights = budget.compute(plan).room_blocks[f"block:{block}"]
    assert (nights.held, nights.used, nights.released) == (6, 3, 3)


def test_more_used_than_held_releases_none(plan):
    hotel, block = _block(plan, rooms=1)
    _stay(plan, hotel, block, "Ana")
    _stay(plan, hotel, block, "Luis", nights=2)
    (row,) = budget_blocks.room_blocks(plan)
    assert (row.held, row.used, row.released) == (3, 5, 0)
    assert row.released_total == 0
    nights = budget.compute(plan).room_blocks[f"block:{block}"]
    assert (nights.used, nights.released) == (5, 0)


def test_an_empty_block_releases_all_and_the_budget_has_no_line_for_it(plan):
    _hotel, block = _block(plan, rooms=3)
    (row,) = budget_blocks.room_blocks(plan)
    assert (row.held, row.used, row.released) == (9, 0, 9)
    assert row.used_total == 0 and row.total == Decimal("720")
    assert f"block:{block}" not in budget.compute(plan).room_blocks


def test_a_block_without_a_rate_has_no_costs(plan):
    hotel, block = _block(plan, rooms=2, rate=None)
    _stay(plan, hotel, block, "Ana")
    (row,) = budget_blocks.room_blocks(plan)
    assert (row.held, row.used, row.released) == (6, 3, 3)
    assert row.total is row.used_total is row.released_total is None
    assert f"block:{block}" not in budget.compute(plan).room_blocks  # warned of, counts zero
