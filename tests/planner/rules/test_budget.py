"""The budget: lines the plan computes, with how; hand-entered lines; exchange rates by month;
totals per category and funding source that follow the plan as it changes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from planner import operations, queries
from planner.cli import main
from planner.domain.errors import ValidationError
from planner.rules import budget

TZ = ZoneInfo("America/Tegucigalpa")


def at(day: int, hh: int, mm: int = 0, month: int = 11) -> datetime:
    return datetime(2023, month, day, hh, mm, tzinfo=TZ)


def line(b: budget.Budget, key: str) -> budget.Line:
    return next(x for x in b.lines if x.key == key)


def lines_of(b: budget.Budget, category: str) -> list[budget.Line]:
    return [x for x in b.lines if x.category == category]


def test_the_demo_budget_by_category_and_source(demo):
    b = budget.compute(demo)
    assert b.currency == "USD" and b.warnings == []
    assert [t.key for t in b.by_category()] == [
        "travel",
        "accommodation",
        "per_diem",
        "venue",
        "catering",
        "ground_transport",
        "materials",
        "visibility",
        "other",
        "indirect",
    ]
    assert [t.label for t in b.by_source()] == [
        "US Department of State, PRM (Western Hemisphere Program)",
        "IOM Honduras, cost-sharing",
    ]
    # every amount is in cents, and the totals are their sums
    assert all(x.amount == x.amount.quantize(Decimal("0.01")) for x in b.lines)
    assert b.total == sum(t.amount for t in b.by_category()) == sum(t.amount for t in b.by_source())
    hotel = line(b, next(x.key for x in lines_of(b, "accommodation")))
    assert hotel.explanation == "10 people, 65 room-nights × USD 95.00"
    assert hotel.amount == Decimal("6175.00") and hotel.budget_code == "WHP-22 Accommodation"
    # 7 % indirect support on everything else, rounded once
    direct = b.total - line(b, "indirect").amount
    assert line(b, "indirect").amount == (direct * Decimal("0.07")).quantize(Decimal("0.01"))


def test_per_diem_counts_nights_the_last_day_and_what_the_plan_provides(plan):
    person = operations.create(plan, "person", {"given_name": "Ana", "family_name": "Paz"}).id
    rate = operations.create(
        plan, "per_diem_rate", {"location": "Tegucigalpa", "daily_rate": Decimal("100")}
    ).id
    operations.update(plan, "plan", 1, {"per_diem_rate_id": rate, "indirect_rate": Decimal("0")})
    operations.create(
        plan,
        "travel",
        {
            "person_id": person,
            "direction": "arrival",
            "number": "CM 421",
            "arrives_at": at(25, 13, 5),
        },
    )
    operations.create(
        plan,
        "travel",
        {
            "person_id": person,
            "direction": "departure",
            "number": "CM 422",
            "departs_at": at(28, 14, 15),
        },
    )
    first = line(budget.compute(plan), f"perdiem:{person}")
    assert first.quantity == Decimal("3.4") and first.amount == Decimal("340.00")
    assert first.explanation.startswith("3 days + the last day at 40 %")
    # three nights in a hotel block with breakfast: lodging 50 % a night, breakfast 5 % a morning
    hotel = operations.create(plan, "venue", {"name": "Hotel", "kind": "hotel"}).id
    block = operations.create(
        plan,
        "room_block",
        {
            "venue_id": hotel,
            "room_type": "Single",
            "rooms": 1,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 11, 28),
            "nightly_rate": Decimal("95"),
            "breakfast_included": True,
        },
    ).id
    operations.create(
        plan,
        "stay",
        {
            "person_id": person,
            "venue_id": hotel,
            "block_id": block,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 11, 28),
        },
    )
    # a lunch session on the 27th
    operations.create(
        plan,
        "session",
        {
            "title": "Lunch",
            "kind": "meal",
            "start": at(27, 12),
            "end": at(27, 13),
            "audience": [("person", person)],
        },
    )
    b = budget.compute(plan)
    per_diem = line(b, f"perdiem:{person}")
    # 25: 100-50; 26: 100-50-5; 27: 100-50-5-10; 28 (last day): 40-5  => 50+45+35+35 = 165 %
    assert per_diem.quantity == Decimal("1.65") and per_diem.amount == Decimal("165.00")
    assert "lodging ×3 (50 %), breakfast ×3 (5 %), lunch ×1 (10 %)" in per_diem.explanation
    assert line(b, f"block:{block}").amount == Decimal("285.00")


def test_a_night_less_at_the_hotel_changes_the_hotel_and_the_per_diem_at_once(demo):
    before = budget.compute(demo)
    stay = queries.stays(demo)[0]
    operations.update(demo, "stay", stay.id, {"check_out": stay.check_out - timedelta(days=1)})
    after = budget.compute(demo)
    hotel = lines_of(before, "accommodation")[0].key
    assert line(before, hotel).amount - line(after, hotel).amount == Decimal("95.00")
    key = f"perdiem:{stay.person_id}"
    # the last night's lodging (56 %, the rate's share) and the next breakfast (5 %) are no
    # longer provided: 61 % of USD 190 more
    assert line(after, key).amount - line(before, key).amount == Decimal("115.90")


def test_moving_a_lunch_to_the_evening_makes_it_a_dinner(demo):
    before = budget.compute(demo)
    lunch = next(s for s in queries.sessions(demo) if s.kind == "meal" and s.start.hour == 12)
    operations.update(
        demo,
        "session",
        lunch.id,
        {"start": lunch.start + timedelta(hours=7), "end": lunch.end + timedelta(hours=7)},
    )
    after = budget.compute(demo)
    assert "4 sessions" in line(before, "catering:lunch").explanation
    assert "3 sessions" in line(after, "catering:lunch").explanation
    assert "2 sessions" in line(after, "catering:dinner").explanation
    assert line(after, "catering:lunch").amount < line(before, "catering:lunch").amount


def test_each_line_uses_the_exchange_rate_of_its_month(plan):
    operations.update(plan, "plan", 1, {"indirect_rate": Decimal("0")})
    nov = operations.create(
        plan,
        "budget_line",
        {
            "category": "materials",
            "description": "Manuals",
            "quantity": Decimal("10"),
            "unit_cost": Decimal("100"),
            "currency": "HNL",
            "month": date(2023, 11, 1),
        },
    ).id
    dec = operations.create(
        plan,
        "budget_line",
        {
            "category": "materials",
            "description": "Folders",
            "quantity": Decimal("3"),
            "unit_cost": Decimal("100"),
            "currency": "HNL",
            "month": date(2023, 12, 1),
        },
    ).id
    b = budget.compute(plan)
    assert line(b, f"manual:{nov}").amount == Decimal("0.00")
    assert b.warnings and "No exchange rate for HNL" in b.warnings[0]
    operations.create(
        plan,
        "exchange_rate",
        {"currency": "HNL", "month": date(2023, 11, 1), "units_per_base": Decimal("24.69")},
    )
    b = budget.compute(plan)
    assert line(b, f"manual:{nov}").amount == Decimal("40.50")  # 1000 / 24.69 = 40.502…
    # December has no rate yet: November's is used, and the budget says so
    assert line(b, f"manual:{dec}").amount == Decimal("12.15")
    assert any("in December 2023: the rate of November 2023 is used" in w for w in b.warnings)
    operations.create(
        plan,
        "exchange_rate",
        {"currency": "HNL", "month": date(2023, 12, 1), "units_per_base": Decimal("24.71")},
    )
    b = budget.compute(plan)
    assert line(b, f"manual:{dec}").amount == Decimal("12.14") and b.warnings == []


def test_hand_entered_lines_are_checked(plan):
    with pytest.raises(ValidationError) as caught:
        operations.create(
            plan,
            "budget_line",
            {
                "category": "indirect",
                "description": "",
                "quantity": Decimal("-1"),
                "unit_cost": "abc",
                "currency": "ABC",
            },
        )
    fields = {e.field for e in caught.value.errors}
    assert fields >= {"category", "description", "quantity", "unit_cost", "currency"}
    with pytest.raises(ValidationError):
        operations.create(
            plan,
            "exchange_rate",
            {"currency": "HNL", "month": date(2023, 11, 15), "units_per_base": Decimal("24.69")},
        )
    with pytest.raises(ValidationError):
        operations.update(plan, "plan", 1, {"lodging_deduction": Decimal("150")})


def test_actual_costs_are_kept_by_line_and_totalled(demo):
    b = budget.compute(demo)
    hotel = lines_of(b, "accommodation")[0]
    operations.create(demo, "budget_actual", {"line_key": hotel.key, "amount": Decimal("6080.00")})
    after = budget.compute(demo)
    assert line(after, hotel.key).actual == Decimal("6080.00")
    assert after.actual_total == Decimal("6080.00")
    assert next(t for t in after.by_category() if t.key == "accommodation").actual == Decimal(
        "6080.00"
    )


def test_budget_command_json_contract(demo_path, capsys):
    assert main(["budget", str(demo_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["currency"] == "USD"
    total = Decimal(data["total"]["amount"])
    assert data["total"]["amount"] == f"{total:.2f}"
    assert sum(Decimal(c["amount"]) for c in data["categories"]) == total
    assert sum(Decimal(s["amount"]) for s in data["funding_sources"]) == total
    for item in data["lines"]:
        assert item["currency"] == "USD" and len(item["amount"].split(".")[1]) == 2
        assert set(item["unit_cost"]) == {"amount", "currency"} and item["explanation"]
    assert main(["budget", str(demo_path)]) == 0
    text = capsys.readouterr().out
    assert "ACCOMMODATION  USD 6,175.00" in text and "Total: USD" in text


def test_deleting_a_funding_source_says_what_loses_it(demo):
    donor = next(s for s in queries_sources(demo) if s[1].startswith("US Department"))
    impact = operations.deletion_impact(demo, "funding_source", [donor[0]])
    assert impact.lines == ["8 budget categories lose their funding source"]
    operations.delete(demo, "funding_source", [donor[0]])
    sources = [t.label for t in budget.compute(demo).by_source()]
    assert sources[-1] == "No funding source"


def queries_sources(store):
    with store.reading() as r:
        return r.rows("SELECT id, name FROM funding_source ORDER BY id")


def test_a_copy_with_new_dates_keeps_each_hand_entered_cost_in_its_month(demo, tmp_path):
    operations.create(
        demo,
        "budget_line",
        {
            "category": "other",
            "description": "December invoice",
            "quantity": Decimal("1"),
            "unit_cost": Decimal("50"),
            "month": date(2023, 12, 1),
        },
    )
    copy = operations.copy_plan(demo, tmp_path / "next.dplan", date(2024, 3, 2))
    try:
        line_ = next(x for x in budget.compute(copy).lines if x.description == "December invoice")
        assert line_.month == date(2024, 4, 1)  # the plan moved from Nov-Dec to Mar-Apr
    finally:
        copy.close()
