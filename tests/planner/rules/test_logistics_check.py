"""The conflict check on travel, beds, roads, places and vehicles: each kind is built, found,
named, reported by ``planner check --json``, and cleared when fixed."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from planner import operations, queries
from planner.cli import main
from planner.rules import conflicts

TZ = ZoneInfo("America/Tegucigalpa")


def at(day: int, hh: int, mm: int = 0, month: int = 11) -> datetime:
    return datetime(2023, month, day, hh, mm, tzinfo=TZ)


class Town:
    """An airport, a hotel with a training room, a border post two hours away, and people."""

    def __init__(self, plan) -> None:
        self.plan = plan
        self.airport = operations.create(plan, "venue", {"name": "Toncontín", "kind": "airport"}).id
        self.hotel = operations.create(plan, "venue", {"name": "Hotel Plaza", "kind": "hotel"}).id
        self.post = operations.create(
            plan,
            "venue",
            {"name": "Las Manos", "kind": "site", "opens": "06:00", "closes": "18:00"},
        ).id
        self.room = operations.create(
            plan, "room", {"venue_id": self.hotel, "name": "Salón", "capacity": 40}
        ).id
        self.far_room = operations.create(
            plan, "room", {"venue_id": self.post, "name": "Aula", "capacity": 40}
        ).id
        operations.create(
            plan, "road_time", {"from_id": self.airport, "to_id": self.hotel, "minutes": 25}
        )
        operations.create(
            plan, "road_time", {"from_id": self.hotel, "to_id": self.post, "minutes": 120}
        )
        operations.update(plan, "plan", 1, {"arrival_airport_id": self.airport})
        self.delegation = operations.create(plan, "delegation", {"name": "Panamá"}).id
        self.people = [
            operations.create(
                plan,
                "person",
                {
                    "given_name": f"Ana{i}",
                    "family_name": "Pérez",
                    "delegation_id": self.delegation,
                    "emergency_name": "Rosa Pérez",  # someone to call: duty of care is apart
                    "emergency_phone": "+507 6000-0000",
                },
            ).id
            for i in range(3)
        ]
        self.driver = operations.create(
            plan, "person", {"given_name": "Carlos", "family_name": "Mejía", "role": "driver"}
        ).id
        self.van = operations.create(
            plan, "vehicle", {"name": "Van 1", "seats": 12, "driver_id": self.driver}
        ).id

    def arrive(self, person: int, when: datetime, number: str = "CM 421") -> int:
        return operations.create(
            self.plan,
            "travel",
            {"person_id": person, "direction": "arrival", "number": number, "arrives_at": when},
        ).id

    def leave(self, person: int, when: datetime, number: str = "CM 422") -> int:
        return operations.create(
            self.plan,
            "travel",
            {"person_id": person, "direction": "departure", "number": number, "departs_at": when},
        ).id

    def session(self, start: datetime, minutes: int = 60, **values) -> int:
        base = {
            "title": "Opening",
            "kind": "plenary",
            "start": start,
            "end": start + timedelta(minutes=minutes),
            "room_id": self.room,
            "audience": [("delegation", self.delegation)],
        }
        return operations.create(self.plan, "session", {**base, **values}).id

    def ride(self, start: datetime, minutes: int = 35, **values) -> int:
        base = {
            "vehicle_id": self.van,
            "title": "Pick-up",
            "start": start,
            "end": start + timedelta(minutes=minutes),
            "from_id": self.airport,
            "to_id": self.hotel,
            "passengers": [("delegation", self.delegation)],
        }
        return operations.create(self.plan, "ride", {**base, **values}).id

    def stay(self, person: int, check_in: date, check_out: date, **values) -> int:
        return operations.create(
            self.plan,
            "stay",
            {
                "person_id": person,
                "venue_id": self.hotel,
                "check_in": check_in,
                "check_out": check_out,
                **values,
            },
        ).id


@pytest.fixture
def town(plan):
    return Town(plan)


def of_kind(store, kind):
    return [p for p in conflicts.check(store) if p.kind == kind]


def kinds(store):
    return sorted(p.kind for p in conflicts.check(store))


def test_the_demo_journey_has_no_problems(demo):
    assert conflicts.check(demo) == []
    data = conflicts.load(demo)
    assert data.logistics.rides and data.logistics.trips and data.logistics.stops


def test_a_session_before_the_delegation_can_get_there_from_the_airport(town):
    for person in town.people:
        town.arrive(person, at(25, 13, 5))
    sid = town.session(at(25, 13, 30))
    (problem,) = of_kind(town.plan, "before_arrival")
    assert problem.severity == "error"
    # the whole delegation, named once, with the flight and the earliest time they can be there
    assert [d.name for d in problem.delegations] == ["Panamá"] and len(problem.people) == 3
    assert problem.message.startswith("Panamá (3 people) cannot make “Opening”")
    assert "flight CM 421 arrives at Toncontín Sat 25 Nov 13:05" in problem.message
    assert "allowing 55 min" in problem.message and "Sat 25 Nov 14:00" in problem.message
    assert [s.id for s in problem.sessions] == [sid] and len(problem.travel) == 1
    operations.update(town.plan, "session", sid, {"start": at(25, 14), "end": at(25, 15)})
    assert of_kind(town.plan, "before_arrival") == []


def test_a_road_time_not_entered_is_assumed_and_said(town):
    town.arrive(town.people[0], at(25, 13, 5))
    town.session(at(25, 14, 0), room_id=town.far_room)  # airport -> Las Manos: no road entered
    (problem,) = of_kind(town.plan, "before_arrival")
    assert (
        "No road time from Toncontín to Las Manos is entered, so 45 min are assumed"
        in problem.message
    )
    assert problem.message.startswith("Ana0 Pérez cannot make")


def test_a_pickup_before_the_plane_lands_and_a_drop_off_too_late_for_check_in(town):
    person = town.people[0]
    town.arrive(person, at(25, 13, 5))
    town.leave(person, at(28, 14, 15))
    early = town.ride(at(25, 13, 15), passengers=[("person", person)])
    late = town.ride(
        at(28, 12, 0),
        from_id=town.hotel,
        to_id=town.airport,
        title="Drop-off",
        passengers=[("person", person)],
    )
    before, after = of_kind(town.plan, "before_arrival"), of_kind(town.plan, "after_departure")
    assert [r.id for r in before[0].rides] == [early]
    assert [r.id for r in after[0].rides] == [late]
    assert "check in, Tue 28 Nov 12:15 is the latest to go" in after[0].message
    operations.update(town.plan, "ride", early, {"start": at(25, 13, 35), "end": at(25, 14, 10)})
    operations.update(town.plan, "ride", late, {"start": at(28, 11, 40), "end": at(28, 12, 15)})
    assert of_kind(town.plan, "before_arrival") == of_kind(town.plan, "after_departure") == []


def test_a_session_after_the_person_must_leave_for_the_airport(town):
    person = town.people[1]
    town.leave(person, at(28, 14, 15))
    town.session(at(28, 11, 0), title="Closing", audience=[("person", person)])
    (problem,) = of_kind(town.plan, "after_departure")
    # 14:15 less 2 h to check in, less 25 min of road: gone by 11:50
    assert "Tue 28 Nov 11:50 is the latest to go" in problem.message
    assert problem.message.startswith("Ana1 Pérez cannot stay for “Closing”")


def test_nights_in_town_without_a_bed_and_a_stay_that_misses_the_travel(town):
    a, b, c = town.people
    for person in (a, b):
        town.arrive(person, at(25, 13, 5))
        town.leave(person, at(28, 14, 15))
    town.arrive(c, at(26, 2, 10), "AV 633")  # lands after midnight: needs the night before
    town.leave(c, at(28, 14, 15))
    town.stay(a, date(2023, 11, 25), date(2023, 11, 28))
    town.stay(b, date(2023, 11, 25), date(2023, 11, 27))  # leaves one night uncovered
    town.stay(c, date(2023, 11, 25), date(2023, 11, 28))
    (no_bed,) = of_kind(town.plan, "no_bed")
    assert no_bed.severity == "error" and [p.id for p in no_bed.people] == [b]
    assert "Ana1 Pérez has no bed for the night of Mon 27 Nov" in no_bed.message
    (mismatch,) = of_kind(town.plan, "stay_mismatch")
    assert mismatch.severity == "warning" and [p.id for p in mismatch.people] == [b]
    assert "the stay should be Sat 25 Nov – Tue 28 Nov" in mismatch.message
    assert len(mismatch.stays) == 1


def test_people_with_no_stay_at_all_are_named_together(town):
    for person in town.people:
        town.arrive(person, at(25, 13, 5))
        town.leave(person, at(27, 9, 0))
    (problem,) = of_kind(town.plan, "no_bed")
    assert problem.message.startswith(
        "Panamá (3 people) have no bed for the nights of Sat 25 Nov to Sun 26 Nov"
    )
    assert of_kind(town.plan, "stay_mismatch") == []  # nothing booked: nothing to compare


def test_a_stay_longer_than_the_trip_is_a_warning_only(town):
    person = town.people[0]
    town.arrive(person, at(25, 13, 5))
    town.leave(person, at(28, 14, 15))
    town.stay(person, date(2023, 11, 24), date(2023, 11, 29))
    assert kinds(town.plan) == ["stay_mismatch"]


def test_a_room_block_with_more_stays_than_rooms(town):
    block = operations.create(
        town.plan,
        "room_block",
        {
            "venue_id": town.hotel,
            "room_type": "Single",
            "rooms": 2,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 11, 28),
            "nightly_rate": Decimal("95.00"),
        },
    ).id
    a, b, c = town.people
    town.stay(a, date(2023, 11, 25), date(2023, 11, 28), block_id=block)
    town.stay(b, date(2023, 11, 25), date(2023, 11, 28), block_id=block)
    third = town.stay(c, date(2023, 11, 26), date(2023, 11, 28), block_id=block)
    (problem,) = of_kind(town.plan, "block_overbooked")
    assert problem.severity == "error" and [x.id for x in problem.blocks] == [block]
    assert "holds 2 rooms" in problem.message and "3 are taken" in problem.message
    assert "the nights of Sun 26 Nov to Mon 27 Nov" in problem.message
    assert third in [s.id for s in problem.stays]
    # two who share a room take one
    operations.update(town.plan, "stay", third, {"sharing_with_id": b})
    assert of_kind(town.plan, "block_overbooked") == []


def test_a_van_with_more_passengers_than_seats(town):
    car = operations.create(town.plan, "vehicle", {"name": "Car", "seats": 2}).id
    ride = town.ride(at(25, 15), vehicle_id=car)
    (problem,) = of_kind(town.plan, "vehicle_over_capacity")
    assert "Car carries 3 passengers on “Pick-up”" in problem.message
    assert "seats 2 (1 too many)" in problem.message
    assert [r.id for r in problem.rides] == [ride] and [v.id for v in problem.vehicles] == [car]


def test_the_driver_is_not_counted_as_a_passenger(town):
    car = operations.create(
        town.plan, "vehicle", {"name": "Car", "seats": 3, "driver_id": town.driver}
    ).id
    town.ride(
        at(25, 15),
        vehicle_id=car,
        passengers=[("delegation", town.delegation), ("person", town.driver)],
    )
    assert of_kind(town.plan, "vehicle_over_capacity") == []


def test_a_vehicle_booked_twice(town):
    first = town.ride(at(25, 15), 60)
    second = town.ride(at(25, 15, 30), 60, title="Shopping", passengers=[])
    (problem,) = of_kind(town.plan, "vehicle_double_booked")
    assert sorted(r.id for r in problem.rides) == sorted([first, second])
    assert problem.message.startswith("Van 1 is booked twice on Sat 25 Nov, 15:30–16:00")
    # the driver drives both: said once, as the vehicle's
    assert of_kind(town.plan, "driver_double_booked") == []


def test_a_driver_in_a_session_while_driving_is_reported_once_as_the_drivers(town):
    town.session(
        at(25, 15), 120, title="Briefing", audience=[("person", town.driver)], room_id=town.room
    )
    town.ride(at(25, 15, 30))
    problems = conflicts.check(town.plan)
    assert [p.kind for p in problems] == ["driver_double_booked"]
    assert problems[0].message.startswith("Carlos Mejía, the driver of Van 1, is booked twice")
    assert "driving “Pick-up” and attending “Briefing”" in problems[0].message


def test_one_driver_for_two_vehicles_at_once(town):
    other = operations.create(
        town.plan, "vehicle", {"name": "Van 2", "seats": 12, "driver_id": town.driver}
    ).id
    town.ride(at(25, 15), 60, passengers=[])
    town.ride(at(25, 15, 30), 60, vehicle_id=other, passengers=[])
    (problem,) = conflicts.check(town.plan)
    assert problem.kind == "driver_double_booked"
    assert [v.name for v in problem.vehicles] == ["Van 1"] and len(problem.rides) == 2


def test_passengers_in_two_rides_or_a_ride_and_a_session(town):
    other = operations.create(town.plan, "vehicle", {"name": "Van 2", "seats": 12}).id
    town.ride(at(25, 15), 60)
    town.ride(at(25, 15, 30), 60, vehicle_id=other, title="City tour")
    town.session(at(26, 9), 60, title="Module 1")
    town.ride(at(26, 9, 30), 60, title="Embassy visit", from_id=town.hotel, to_id=None)
    problems = of_kind(town.plan, "person_double_booked")
    assert len(problems) == 2
    rides_only = next(p for p in problems if not p.sessions)
    assert rides_only.message.startswith("Panamá (3 people) are in two places at once")
    assert "“Pick-up” and “City tour”" in rides_only.message
    with_session = next(p for p in problems if p.sessions)
    assert "“Module 1” and “Embassy visit”" in with_session.message


def test_a_site_visit_and_its_own_legs_do_not_clash(town):
    visit = town.session(at(27, 6), 12 * 60, title="Field tour", kind="site_visit", room_id=None)
    for start, minutes, a, b in (
        (at(27, 6, 30), 150, town.hotel, town.post),
        (at(27, 15), 150, town.post, town.hotel),
    ):
        town.ride(
            start,
            minutes,
            title="Field tour",
            from_id=a,
            to_id=b,
            session_id=visit,
            passengers=[("delegation", town.delegation)],
        )
    operations.create(
        town.plan,
        "stop",
        {
            "session_id": visit,
            "position": 1,
            "venue_id": town.post,
            "arrives_at": at(27, 9),
            "leaves_at": at(27, 15),
        },
    )
    assert conflicts.check(town.plan) == []
    # someone who is not on the tour, riding along while booked elsewhere, is a clash
    extra = operations.create(
        town.plan,
        "person",
        {"given_name": "Luis", "family_name": "Soto", "emergency_name": "Ana Soto"},
    ).id
    town.session(at(27, 7), 60, title="Press", audience=[("person", extra)])
    ride = next(r for r in queries.rides(town.plan) if r.start == at(27, 6, 30))
    operations.update(
        town.plan,
        "ride",
        ride.id,
        {"passengers": [("delegation", town.delegation), ("person", extra)]},
    )
    (problem,) = conflicts.check(town.plan)
    assert problem.kind == "person_double_booked" and [p.id for p in problem.people] == [extra]


def test_sessions_at_places_too_far_apart_for_the_time_between_them(town):
    town.session(at(27, 8), 60, title="Module 1")
    second = town.session(at(27, 9, 30), 60, title="Border practice", room_id=town.far_room)
    (problem,) = of_kind(town.plan, "not_enough_travel_time")
    assert problem.message.startswith(
        "Panamá (3 people): not enough time to get from “Module 1” at Hotel Plaza to “Border"
        " practice” at Las Manos on Mon 27 Nov: the road takes 2 h, and there are 30 min"
    )
    assert [p.name for p in problem.places] == ["Hotel Plaza", "Las Manos"]
    operations.update(town.plan, "session", second, {"start": at(27, 11), "end": at(27, 12)})
    assert of_kind(town.plan, "not_enough_travel_time") == []


def test_stops_of_a_visit_too_close_and_a_stop_outside_opening_hours(town):
    visit = town.session(at(27, 4), 14 * 60, title="Field tour", kind="site_visit", room_id=None)
    operations.create(
        town.plan,
        "stop",
        {"session_id": visit, "position": 1, "venue_id": town.hotel, "leaves_at": at(27, 4, 30)},
    )
    stop = operations.create(
        town.plan,
        "stop",
        {
            "session_id": visit,
            "position": 2,
            "venue_id": town.post,
            "arrives_at": at(27, 5, 30),
            "leaves_at": at(27, 8),
        },
    ).id
    road = of_kind(town.plan, "not_enough_travel_time")
    closed = of_kind(town.plan, "place_closed")
    assert len(road) == 1 and "the road takes 2 h" in road[0].message
    assert closed[0].severity == "warning"
    assert "outside its opening hours (06:00–18:00)" in closed[0].message
    operations.update(town.plan, "stop", stop, {"arrives_at": at(27, 6, 30)})
    assert kinds(town.plan) == []


def test_a_vehicle_without_time_to_reach_its_next_ride(town):
    town.ride(
        at(27, 6), 120, title="To the border", from_id=town.hotel, to_id=town.post, passengers=[]
    )
    town.ride(
        at(27, 8, 30),
        30,
        title="Airport run",
        from_id=town.hotel,
        to_id=town.airport,
        passengers=[],
    )
    (problem,) = conflicts.check(town.plan)
    assert problem.kind == "not_enough_travel_time"
    assert problem.message.startswith("Van 1 cannot get from Las Manos to Hotel Plaza in time")


def test_check_json_names_the_new_kinds_and_items(town, capsys):
    town.arrive(town.people[0], at(25, 13, 5))
    ride = town.ride(at(25, 13, 10), passengers=[("person", town.people[0])])
    path = town.plan.path
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    kinds_found = {p["kind"]: p for p in data}
    assert {"before_arrival", "no_bed"} <= set(kinds_found)
    problem = kinds_found["before_arrival"]
    assert problem["severity"] == "error" and problem["rides"] == [{"id": ride, "name": "Pick-up"}]
    for key in (
        "places",
        "vehicles",
        "rides",
        "travel",
        "stays",
        "blocks",
        "sessions",
        "people",
        "groups",
        "rooms",
        "delegations",
        "key",
        "message",
    ):
        assert key in problem


def test_moving_sessions_agrees_with_a_full_check_on_the_demo_journey(demo):
    # a few journey clashes to keep track of
    panama = next(d for d in queries.delegations(demo) if d.name.startswith("Panama"))
    operations.create(
        demo,
        "session",
        {
            "title": "Welcome",
            "kind": "plenary",
            "start": at(25, 12),
            "end": at(25, 13),
            "audience": [("delegation", panama.id)],
        },
    )
    data = conflicts.load(demo)
    checker = conflicts.Checker(data)
    before = checker.run()
    assert "before_arrival" in {p.kind for p in before}
    rng = random.Random(11)
    sessions = list(data.sessions.values())
    rooms = list(data.rooms)
    for _ in range(40):
        s = rng.choice(sessions)
        start = (
            at(rng.choice([25, 26, 27]), rng.randint(6, 16), rng.choice([0, 30]))
            if rng.random() < 0.5
            else at(rng.choice([1, 2]), rng.randint(6, 16), 0, month=12)
        )
        end = start + timedelta(minutes=rng.choice([30, 60, 105]))
        incremental = checker.move(s.id, start, end, rng.choice([*rooms, None]))
        full = conflicts.Checker(data).run()
        assert [(p.key, p.message) for p in incremental] == [(p.key, p.message) for p in full]


def _late_session(town):
    town.arrive(town.people[0], at(25, 13, 5))
    town.session(at(25, 13, 30))


def _session_after_leaving(town):
    town.leave(town.people[0], at(28, 14, 15))
    town.session(at(28, 12), audience=[("person", town.people[0])])


def _no_stay(town):
    town.arrive(town.people[0], at(25, 13, 5))
    town.leave(town.people[0], at(27, 14, 15))


def _overbooked(town):
    block = operations.create(
        town.plan,
        "room_block",
        {
            "venue_id": town.hotel,
            "room_type": "Double",
            "rooms": 1,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 11, 27),
        },
    ).id
    for person in town.people[:2]:
        town.stay(person, date(2023, 11, 25), date(2023, 11, 27), block_id=block)


def _longer_stay(town):
    _no_stay(town)
    town.stay(town.people[0], date(2023, 11, 24), date(2023, 11, 27))


def _full_car(town):
    car = operations.create(town.plan, "vehicle", {"name": "Car", "seats": 2}).id
    town.ride(at(26, 15), vehicle_id=car)


def _van_twice(town):
    town.ride(at(26, 15), 60, passengers=[])
    town.ride(at(26, 15, 30), 60, passengers=[])


def _driver_in_session(town):
    town.session(at(26, 15), 60, audience=[("person", town.driver)])
    town.ride(at(26, 15, 30), passengers=[])


def _too_far(town):
    town.session(at(27, 8), 60)
    town.session(at(27, 9, 30), 60, room_id=town.far_room)


def _closed(town):
    town.session(at(27, 19), 60, room_id=town.far_room)


BUILDERS = {
    "before_arrival": _late_session,
    "after_departure": _session_after_leaving,
    "no_bed": _no_stay,
    "block_overbooked": _overbooked,
    "stay_mismatch": _longer_stay,
    "vehicle_over_capacity": _full_car,
    "vehicle_double_booked": _van_twice,
    "driver_double_booked": _driver_in_session,
    "not_enough_travel_time": _too_far,
    "place_closed": _closed,
}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_each_new_kind_is_reported_by_check_json(town, capsys, kind):
    BUILDERS[kind](town)
    status = main(["check", str(town.plan.path), "--json"])
    found = [p for p in json.loads(capsys.readouterr().out) if p["kind"] == kind]
    assert found, kind
    severity = conflicts.SEVERITY[kind]
    assert found[0]["severity"] == severity
    assert severity == ("warning" if kind in ("stay_mismatch", "place_closed") else "error")
    assert status == (1 if severity == "error" else 0)
    assert found[0]["message"] and found[0]["key"].startswith(kind)
