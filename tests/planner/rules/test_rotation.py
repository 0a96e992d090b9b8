"""The rotation generator: uneven groups and rooms, unavailable trainers, impossible requests."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from planner import operations, queries
from planner.rules import conflicts
from planner.rules.rotation import Request, demo_request, propose

TZ = ZoneInfo("America/Tegucigalpa")
DAYS = [date(2023, 11, 27), date(2023, 11, 28)]
SLOTS = [(time(8, 30), time(10, 30)), (time(10, 45), time(12, 45)), (time(14, 0), time(16, 0))]


def accept(store, proposal):
    return operations.replace_items(store, "session", proposal.remove_ids, proposal.sessions)


@pytest.fixture
def school(plan):
    """Three groups of 30, 45 and 62; rooms of 35, 50 and 70; three modules, three trainers."""
    people = []
    for i in range(30 + 45 + 62 + 3):
        people.append(
            operations.create(
                plan, "person", {"given_name": f"P{i}", "sex": "female" if i % 3 else "male"}
            ).id
        )
    trainers = people[-3:]
    groups, start = [], 0
    for name, size in (("Small", 30), ("Middle", 45), ("Large", 62)):
        groups.append(
            operations.create(
                plan, "group", {"name": name, "member_ids": people[start : start + size]}
            ).id
        )
        start += size
    venue = operations.create(plan, "venue", {"name": "School"}).id
    rooms = [
        operations.create(
            plan, "room", {"venue_id": venue, "name": n, "capacity": c, "equipment": e}
        ).id
        for n, c, e in (
            ("Room 35", 35, "projector"),
            ("Room 50", 50, "projector"),
            ("Hall 70", 70, "projector, sound system"),
        )
    ]
    modules = [
        operations.create(
            plan,
            "module",
            {
                "number": i + 1,
                "title": t,
                "duration_minutes": 120,
                "trainer_ids": [trainers[i]],
                "equipment": "projector",
            },
        ).id
        for i, t in enumerate(("Rights", "Referrals", "First aid"))
    ]
    return {"groups": groups, "rooms": rooms, "modules": modules, "trainers": trainers}


def request_for(school, **changes):
    values = {
        "group_ids": school["groups"],
        "module_ids": school["modules"],
        "room_ids": school["rooms"],
        "days": DAYS,
        "slots": SLOTS,
    }
    values.update(changes)
    return Request(**values)


def test_uneven_groups_and_rooms_get_a_clash_free_rotation(plan, school):
    proposal = propose(plan, request_for(school))
    assert proposal.ok, proposal.reasons
    taken = Counter((p.group_id, p.module_id) for p in proposal.placements)
    assert set(taken.values()) == {1} and len(taken) == 9
    large = school["groups"][2]
    assert {p.room_id for p in proposal.placements if p.group_id == large} == {school["rooms"][2]}
    accept(plan, proposal)
    assert conflicts.check(plan) == []
    assert len([s for s in queries.sessions(plan) if s.kind == "training"]) == 9


def test_an_unavailable_trainer_is_never_scheduled_then(plan, school):
    trainer = school["trainers"][0]
    operations.create(
        plan,
        "unavailability",
        {
            "person_id": trainer,
            "start": datetime(2023, 11, 27, 0, tzinfo=TZ),
            "end": datetime(2023, 11, 28, 0, tzinfo=TZ),
        },
    )
    proposal = propose(plan, request_for(school))
    assert proposal.ok, proposal.reasons
    days = {p.day for p in proposal.placements if p.trainer_id == trainer}
    assert days == {DAYS[1]}


def test_a_trainer_unavailable_too_long_is_named(plan, school):
    trainer = school["trainers"][2]
    operations.create(
        plan,
        "unavailability",
        {
            "person_id": trainer,
            "start": datetime(2023, 11, 28, 0, tzinfo=TZ),
            "end": datetime(2023, 11, 29, 0, tzinfo=TZ),
            "note": "Flies back",
        },
    )
    operations.update(plan, "module", school["modules"][2], {"duration_minutes": 240})  # 2 slots
    proposal = propose(plan, request_for(school))
    assert not proposal.ok
    text = " ".join(proposal.reasons)
    assert "Module 3 (First aid) has one trainer, P139" in text
    assert "unavailable on Tue 28 Nov" in text
    assert "needs 6 slots (3 groups × 2 slots)" in text and "free for 3" in text


def test_a_group_too_large_for_every_room_is_named(plan, school):
    proposal = propose(plan, request_for(school, room_ids=school["rooms"][:2]))
    assert not proposal.ok
    assert any(
        "Large (62 people and a trainer) fits no chosen room" in r and "Room 50" in r
        for r in proposal.reasons
    )


def test_missing_trainer_equipment_and_time_are_named(plan, school):
    operations.update(plan, "module", school["modules"][1], {"trainer_ids": []})
    operations.update(
        plan, "module", school["modules"][0], {"equipment": "projector, interpreting booth"}
    )
    proposal = propose(plan, request_for(school, days=DAYS[:1], slots=SLOTS[:2]))
    text = "\n".join(proposal.reasons)
    assert "Module 2 (Referrals) has no trainer" in text
    assert "with interpreting booth, projector" in text
    assert "needs 3 slots for 3 modules, but the chosen days leave it 2" in text


def test_empty_or_inverted_choices_are_refused_with_reasons(plan, school):
    proposal = propose(plan, request_for(school, group_ids=[], slots=[(time(10), time(9))]))
    assert "Choose at least one group." in proposal.reasons
    assert any("ends before it starts" in r for r in proposal.reasons)


def test_the_demo_training_days_are_rebuilt_clash_free(demo):
    before = {s.id for s in queries.sessions(demo) if s.kind == "training"}
    proposal = propose(demo, demo_request(demo))
    assert proposal.ok, proposal.reasons
    assert set(proposal.remove_ids) == before
    assert len(proposal.placements) == 32
    result = accept(demo, proposal)
    assert conflicts.check(demo) == []
    trainings = [s for s in queries.sessions(demo) if s.kind == "training"]
    assert len(trainings) == 64
    by_group = Counter((s.audience, s.title.split(":")[0]) for s in trainings)
    assert set(by_group.values()) == {2} and len(by_group) == 32
    opening_day = [
        s for s in trainings if s.start.date() == date(2023, 11, 27) and s.start.hour < 10
    ]
    assert all(s.start.strftime("%H:%M") == "09:30" for s in opening_day)  # after the opening
    undo = operations.replace_items(
        demo,
        "session",
        result.created,
        add_snapshot=result.removed,
        expected_versions=dict.fromkeys(result.created, 1),
    )
    assert {s.id for s in queries.sessions(demo) if s.kind == "training"} == before
    assert undo.removed.ids == result.created


def test_a_rotation_request_round_trips_through_plan_settings(demo):
    request = demo_request(demo)
    operations.set_setting(demo, "rotation", request.as_setting())
    again = Request.from_setting(operations.get_setting(demo, "rotation"))
    assert again == request
