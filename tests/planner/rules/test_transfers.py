"""The arrivals board, airport transfers proposed and accepted, and one person's journey."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner import operations, queries
from planner.queries import journeys
from planner.queries.snapshot import LOGISTICS, Snapshot
from planner.rules import transfers
from planner.rules.conflicts import check

TZ = ZoneInfo("America/Tegucigalpa")
PANAMA = ZoneInfo("America/Panama")


def at(day: int, hh: int, mm: int = 0, month: int = 11) -> datetime:
    return datetime(2023, month, day, hh, mm, tzinfo=TZ)


def travellers(plan, n: int) -> list[int]:
    dele = operations.create(plan, "delegation", {"name": "Panamá"}).id
    return [
        operations.create(
            plan, "person", {"given_name": f"P{i}", "family_name": "Test", "delegation_id": dele}
        ).id
        for i in range(n)
    ]


def places(plan) -> tuple[int, int]:
    airport = operations.create(plan, "venue", {"name": "Toncontín", "kind": "airport"}).id
    hotel = operations.create(plan, "venue", {"name": "Hotel", "kind": "hotel"}).id
    operations.create(plan, "road_time", {"from_id": airport, "to_id": hotel, "minutes": 25})
    operations.update(plan, "plan", 1, {"arrival_airport_id": airport})
    return airport, hotel


def arrive(plan, person: int, when: datetime, number: str = "CM 421") -> int:
    return operations.create(
        plan,
        "travel",
        {"person_id": person, "direction": "arrival", "number": number, "arrives_at": when},
    ).id


def test_the_demo_board_shows_both_arrival_days_and_the_departure_with_transfers(demo):
    days = journeys.board(demo)
    assert list(days) == [date(2023, 11, 25), date(2023, 11, 26), date(2023, 12, 2)]
    first = days[date(2023, 11, 25)][0]
    assert (first.direction, first.number, first.at.hour, first.at.minute) == (
        "arrival",
        "CM 421",
        13,
        5,
    )
    assert len(first.people) == 5 and first.place.startswith("Toncontín")
    assert first.transfer  # the demo's pick-up covers them
    leaving = days[date(2023, 12, 2)][0]
    assert leaving.direction == "departure" and len(leaving.people) == 10
    assert transfers.propose_transfers(demo) == []  # every arrival already has its ride


def test_arrivals_within_the_window_share_one_transfer_in_a_van_that_fits(plan):
    airport, hotel = places(plan)
    people = travellers(plan, 4)
    van = operations.create(plan, "vehicle", {"name": "Van 1", "seats": 12}).id
    operations.create(plan, "vehicle", {"name": "Car", "seats": 2})
    arrive(plan, people[0], at(25, 13, 5))
    arrive(plan, people[1], at(25, 13, 50), "AV 633")
    arrive(plan, people[2], at(25, 14, 0), "TA 390")  # 55 min after the first: same transfer
    arrive(plan, people[3], at(25, 18, 0))
    proposals = transfers.propose_transfers(plan)
    assert [len(p.person_ids) for p in proposals] == [3, 1]
    first, second = proposals
    assert first.flights == ["CM 421", "AV 633", "TA 390"]
    assert first.start == at(25, 14, 30)  # the last landing + 30 minutes
    assert first.end == at(25, 14, 55)  # + the road time to the hotel
    assert (first.origin, first.destination, first.vehicle_id) == (airport, hotel, van)
    assert second.vehicle == "Car"  # the smallest free vehicle that fits
    # a narrower window splits the first three
    operations.set_setting(plan, transfers.WINDOW_SETTING, 30)
    assert [len(p.person_ids) for p in transfers.propose_transfers(plan)] == [1, 2, 1]


def test_accepted_transfers_become_rides_and_are_not_proposed_again(plan):
    _airport, hotel = places(plan)
    people = travellers(plan, 2)
    operations.create(plan, "vehicle", {"name": "Van 1", "seats": 12})
    for p in people:
        arrive(plan, p, at(25, 13, 5))
        operations.create(
            plan,
            "stay",
            {
                "person_id": p,
                "venue_id": hotel,
                "check_in": date(2023, 11, 25),
                "check_out": date(2023, 12, 2),
            },
        )
    proposals = transfers.propose_transfers(plan)
    ids = operations.accept_transfers(plan, proposals).ids
    assert len(ids) == 1
    ride = operations.get_values(plan, "ride", ids[0])
    assert sorted(ride["passengers"]) == [("person", p) for p in people]
    assert ride["title"] == "Airport pick-up: CM 421"
    assert transfers.propose_transfers(plan) == []
    assert journeys.board(plan)[date(2023, 11, 25)][0].transfer == ride["title"]
    assert not [
        p for p in check(plan) if p.kind in ("vehicle_over_capacity", "vehicle_double_booked")
    ]


def test_a_group_too_large_for_any_van_is_split_over_the_free_ones(plan):
    places(plan)
    people = travellers(plan, 15)
    operations.create(plan, "vehicle", {"name": "Van 1", "seats": 10})
    operations.create(plan, "vehicle", {"name": "Van 2", "seats": 8})
    for p in people:
        arrive(plan, p, at(25, 13, 5))
    proposals = transfers.propose_transfers(plan)
    assert sorted((p.vehicle, len(p.person_ids)) for p in proposals) == [
        ("Van 1", 10),
        ("Van 2", 5),
    ]


def test_departures_are_dropped_off_in_time_for_check_in(plan):
    airport, hotel = places(plan)
    person = travellers(plan, 1)[0]
    operations.create(
        plan,
        "travel",
        {
            "person_id": person,
            "direction": "departure",
            "number": "CM 422",
            "departs_at": at(2, 14, 15, 12),
        },
    )
    (drop,) = transfers.propose_transfers(plan)
    assert (drop.origin, drop.destination) == (hotel, airport)
    assert drop.end == at(2, 14, 15, 12) - timedelta(hours=2)
    assert drop.vehicle_id is None and drop.notes  # no vehicle yet: it says so


def test_a_persons_schedule_holds_flight_transfer_hotel_and_sessions_in_order(demo):
    head = next(
        p
        for p in queries.people(demo)
        if p.role == "head_of_delegation" and p.delegation == "Panama delegation"
    )
    items = journeys.schedule(demo, ("person", head.id))
    kinds = [i.kind for i in items]
    assert kinds[:3] == ["arrival", "ride", "hotel"]
    assert kinds[-2:] == ["ride", "departure"]
    assert "session" in kinds and "stop" in kinds
    assert items == sorted(items, key=lambda i: i.start)
    opening = next(i for i in items if i.title == "Opening ceremony")
    assert opening.detail == "Facilitates this session"


def test_a_delegations_schedule_lists_each_flight_once(demo):
    dele = next(d for d in queries.delegations(demo) if d.name == "Panama delegation")
    items = journeys.schedule(demo, ("delegation", dele.id))
    flights = [i for i in items if i.kind in ("arrival", "departure")]
    assert len(flights) == 3
    assert "5 people" in flights[0].detail


def test_manifests_name_every_passenger(demo):
    rides = journeys.manifests(Snapshot.read(demo, {LOGISTICS}))
    tour = [m for m in rides if m.title == "Field tour" and m.vehicle == "Van 1"]
    assert len(tour) == 4 and len(tour[0].passengers) == 10 and tour[0].driver


def test_manifests_and_clearance_workbooks_from_the_command_line(demo_path, tmp_path, capsys):
    import openpyxl

    from planner.cli import main

    assert main(["export", "manifests", str(demo_path), "-o", str(tmp_path / "m.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert wb.sheetnames == ["Van 1", "Van 2"]
    rows = list(wb["Van 1"].iter_rows(values_only=True))
    assert rows[2][0].startswith("Driver: ")
    passengers: dict[str, int] = {}  # each leg said once, then its passengers numbered
    leg = ""
    for r in rows:
        if isinstance(r[0], str) and " · " in r[0] and "→" not in r[0]:  # a ride, not its route
            leg = r[0] if "Field tour" in r[0] else ""
            if leg:
                passengers[leg] = 0
        elif leg and isinstance(r[0], int):
            passengers[leg] += 1
    assert list(passengers.values()) == [10, 10, 10, 10]  # 4 legs x 10 passengers
    assert (
        main(
            [
                "export",
                "clearance",
                str(demo_path),
                "--visit",
                "Field tour",
                "-o",
                str(tmp_path / "c.xlsx"),
            ]
        )
        == 0
    )
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    heading = next(i for i, r in enumerate(rows) if r[0] == "No.")
    people = [r for r in rows[heading + 1 :] if isinstance(r[0], int)]
    assert len(people) == 14  # 10 from Panama, 2 IOM staff and the 2 drivers
    assert all(r[6] for r in people)  # everyone's ID or passport number
    assert "Restaurante" not in rows[3][0]  # only the stops that need clearance are named
    assert (
        main(
            [
                "export",
                "clearance",
                str(demo_path),
                "--visit",
                "nothing",
                "-o",
                str(tmp_path / "x.xlsx"),
            ]
        )
        == 2
    )
    assert "does not name one site visit" in capsys.readouterr().err


def test_transfers_command_proposes_and_applies(tmp_path, capsys):
    import json

    from planner.cli import main
    from tests.conftest import PLAN_VALUES

    plan_path = tmp_path / "t.dplan"
    store = operations.new_plan(plan_path, dict(PLAN_VALUES))
    places(store)
    people = travellers(store, 2)
    operations.create(store, "vehicle", {"name": "Van 1", "seats": 12})
    for p in people:
        arrive(store, p, at(25, 13, 5))
    store.close()
    assert main(["transfers", str(plan_path), "--json"]) == 0
    (proposal,) = json.loads(capsys.readouterr().out)
    assert proposal["direction"] == "arrival" and sorted(proposal["people"]) == sorted(people)
    assert main(["transfers", str(plan_path), "--apply"]) == 0
    assert main(["transfers", str(plan_path)]) == 0
    assert "already has its transfer" in capsys.readouterr().out


def test_transfers_on_a_plan_where_no_one_travels_say_so(tmp_path, capsys):
    import json

    from planner.cli import main
    from planner.domain.i18n import language
    from tests.conftest import PLAN_VALUES

    plan_path = tmp_path / "t.dplan"
    store = operations.new_plan(plan_path, dict(PLAN_VALUES))
    places(store)
    operations.create(store, "vehicle", {"name": "Van 1", "seats": 12})
    assert transfers.nothing_to_propose(store).startswith("No one in this plan travels yet")
    with language("es"):
        assert transfers.nothing_to_propose(store).startswith("Nadie viaja todavía")
    store.close()
    assert main(["transfers", str(plan_path)]) == 0
    out = capsys.readouterr().out
    assert out == (
        "No one in this plan travels yet: add arrivals and departures on the Travel page"
        " (or import them), then propose transfers.\n"
    )
    assert "already has its transfer" not in out
    assert main(["transfers", str(plan_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_calendar_shows_the_field_tour_with_its_route_and_vans(demo):
    from planner.queries.calendar import AgendaData

    data = AgendaData.load(demo)
    (tour,) = [b for b in data.blocks.values() if b.kind == "site_visit"]
    assert tour.route == (
        "Las Manos border post → Restaurante El Mesón, Danlí → CAMI Danlí · Van 1, Van 2"
    )
    assert all(b.route == "" for b in data.blocks.values() if b.kind != "site_visit")


def test_moving_a_site_visit_moves_its_stops_and_rides_and_back(demo):
    from planner.rules.conflicts import check

    tour = next(s for s in queries.sessions(demo) if s.kind == "site_visit")
    stops = {s.id: s.arrives for s in queries.stops(demo)}
    rides = {r.id: r.start for r in queries.rides(demo) if r.session_id == tour.id}
    day = timedelta(days=-1)
    result = operations.update(
        demo, "session", tour.id, {"start": tour.start + day, "end": tour.end + day}
    )
    assert {s.id: s.arrives for s in queries.stops(demo)} == {i: t + day for i, t in stops.items()}
    assert {r.id: r.start for r in queries.rides(demo) if r.session_id == tour.id} == {
        i: t + day for i, t in rides.items()
    }
    # the tour is whole on its new day: only the day's training clashes with it
    assert {p.kind for p in check(demo)} <= {
        "person_double_booked",
        "facilitator_double_booked",
        "driver_double_booked",
    }
    operations.update(demo, "session", tour.id, result.old_values)  # what Undo does
    assert {s.id: s.arrives for s in queries.stops(demo)} == stops
    # stretching the visit leaves its stops where they are
    operations.update(demo, "session", tour.id, {"end": tour.end + timedelta(hours=1)})
    assert {s.id: s.arrives for s in queries.stops(demo)} == stops
