"""Write the small fixture plan of the newest schema revision into tests/fixtures/plans/.

Run once per schema revision, right after adding the revision, and commit the file: the tests
open every fixture ever written and upgrade it, so plans of every version keep opening.

    python tools/make_fixture.py
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner import operations  # noqa: E402
from planner.store import schema_version  # noqa: E402


def main() -> None:
    target = ROOT / "tests" / "fixtures" / "plans" / f"format-{schema_version():04d}.dplan"
    if target.exists():
        sys.exit(f"{target} exists: fixtures are written once per revision and never changed.")
    tz = ZoneInfo("America/Tegucigalpa")
    store = operations.new_plan(
        target,
        {
            "title": "Fixture plan",
            "city": "Tegucigalpa",
            "country": "HN",
            "timezone": "America/Tegucigalpa",
            "start_date": date(2023, 11, 25),
            "end_date": date(2023, 12, 2),
            "currency": "USD",
            "organiser": "IOM",
        },
    )
    org = operations.create(store, "organisation", {"name": "SENAFRONT", "country": "PA"}).id
    dele = operations.create(
        store, "delegation", {"name": "Panamá", "country": "PA", "organisation_id": org}
    ).id
    people = [
        operations.create(
            store,
            "person",
            {
                "given_name": g,
                "family_name": f,
                "sex": s,
                "delegation_id": dele,
                "organisation_id": org,
                "role": r,
                "birth_date": date(1980, 5, 17),
                "id_number": "PA123",
                "email": e,
            },
        ).id
        for g, f, s, r, e in (
            ("Nohemí", "Bonilla Hernández", "female", "trainer", "n.bonilla@example.pa"),
            ("Víctor", "Rivera", "male", "head_of_delegation", ""),
            ("Ana", "Ñáñez", None, "trainee", ""),
        )
    ]
    operations.update(store, "delegation", dele, {"head_id": people[1]})
    group = operations.create(store, "group", {"name": "Grupo A", "member_ids": people[2:]}).id
    venue = operations.create(store, "venue", {"name": "Centro", "city": "Tegucigalpa"}).id
    room = operations.create(
        store,
        "room",
        {"venue_id": venue, "name": "Aula 1", "capacity": 40, "equipment": "projector"},
    ).id
    module = operations.create(
        store,
        "module",
        {
            "number": 1,
            "title": "Protección de la niñez",
            "duration_minutes": 195,
            "trainer_ids": [people[0]],
        },
    ).id
    operations.create(
        store,
        "unavailability",
        {
            "person_id": people[0],
            "start": datetime(2023, 11, 30, 13, tzinfo=tz),
            "end": datetime(2023, 11, 30, 17, tzinfo=tz),
            "note": "Vuelo de regreso",
        },
    )
    operations.acknowledge(store, "room_double_booked:1:1:2", "Aceptado")
    operations.set_setting(store, "rotation", {"slots": [["08:30", "12:00"]]})
    operations.create(
        store,
        "session",
        {
            "module_id": module,
            "title": "Módulo 1",
            "kind": "training",
            "room_id": room,
            "start": datetime(2023, 11, 27, 8, 30, tzinfo=tz),
            "end": datetime(2023, 11, 27, 10, 15, tzinfo=tz),
            "audience": [("group", group), ("person", people[1])],
            "facilitator_ids": [people[0]],
        },
    )
    # plan format 3: travel, hotel, road times, a site visit with a stop, a vehicle and a ride
    airport = operations.create(
        store,
        "venue",
        {"name": "Toncontín", "kind": "airport", "code": "TGU", "timezone": "America/Tegucigalpa"},
    ).id
    hotel = operations.create(store, "venue", {"name": "Hotel Plaza", "kind": "hotel"}).id
    site = operations.create(
        store,
        "venue",
        {
            "name": "Las Manos",
            "kind": "site",
            "opens": "06:00",
            "closes": "18:00",
            "latitude": 13.77,
            "longitude": -86.36,
        },
    ).id
    operations.update(store, "plan", 1, {"arrival_airport_id": airport})
    operations.create(
        store,
        "travel",
        {
            "person_id": people[0],
            "direction": "arrival",
            "carrier": "CM",
            "number": "CM 421",
            "place_id": airport,
            "from_place": "PTY",
            "departs_at": datetime(2023, 11, 25, 12, tzinfo=ZoneInfo("America/Panama")),
            "departs_tz": "America/Panama",
            "arrives_at": datetime(2023, 11, 25, 13, 5, tzinfo=tz),
        },
    )
    block = operations.create(
        store,
        "room_block",
        {
            "venue_id": hotel,
            "room_type": "Single",
            "rooms": 3,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 12, 2),
            "nightly_rate": Decimal("95.50"),
        },
    ).id
    operations.create(
        store,
        "stay",
        {
            "person_id": people[0],
            "venue_id": hotel,
            "block_id": block,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 12, 2),
            "sharing_with_id": people[1],
        },
    )
    operations.create(
        store, "road_time", {"from_id": hotel, "to_id": site, "minutes": 165, "distance_km": 122}
    )
    visit = operations.create(
        store,
        "session",
        {
            "title": "Visita a Las Manos",
            "kind": "site_visit",
            "start": datetime(2023, 12, 1, 6, 30, tzinfo=tz),
            "end": datetime(2023, 12, 1, 17, tzinfo=tz),
            "audience": [("delegation", dele)],
        },
    ).id
    operations.create(
        store,
        "stop",
        {
            "session_id": visit,
            "venue_id": site,
            "position": 1,
            "arrives_at": datetime(2023, 12, 1, 9, 15, tzinfo=tz),
            "leaves_at": datetime(2023, 12, 1, 11, tzinfo=tz),
            "host_name": "Insp. Paz",
            "clearance": "confirmed",
        },
    )
    van = operations.create(
        store,
        "vehicle",
        {"name": "Van 1", "seats": 12, "day_rate": Decimal("120"), "driver_id": people[2]},
    ).id
    operations.create(
        store,
        "ride",
        {
            "vehicle_id": van,
            "title": "Hotel → Las Manos",
            "start": datetime(2023, 12, 1, 6, 30, tzinfo=tz),
            "end": datetime(2023, 12, 1, 9, 15, tzinfo=tz),
            "from_id": hotel,
            "to_id": site,
            "session_id": visit,
            "passengers": [("delegation", dele), ("person", people[1])],
        },
    )
    # plan format 4: the budget's rates, sources and a hand-entered line
    donor = operations.create(
        store, "funding_source", {"name": "Donor programme", "code": "D-1"}
    ).id
    operations.create(
        store,
        "budget_category",
        {"category": "per_diem", "budget_code": "D-23", "funding_source_id": donor},
    )
    rate = operations.create(
        store,
        "per_diem_rate",
        {"location": "Tegucigalpa", "daily_rate": Decimal("190"), "lodging_share": Decimal("56")},
    ).id
    operations.update(store, "plan", 1, {"per_diem_rate_id": rate, "indirect_rate": Decimal("7")})
    operations.create(
        store,
        "exchange_rate",
        {
            "currency": "HNL",
            "month": date(2023, 11, 1),
            "units_per_base": Decimal("24.69"),
            "source": "UN",
        },
    )
    operations.create(
        store, "catering_rate", {"kind": "lunch", "per_head": Decimal("260"), "currency": "HNL"}
    )
    line = operations.create(
        store,
        "budget_line",
        {
            "category": "materials",
            "description": "Manuals",
            "quantity": Decimal("220"),
            "unit": "copies",
            "unit_cost": Decimal("145"),
            "currency": "HNL",
            "funding_source_id": donor,
        },
    ).id
    operations.create(
        store, "budget_actual", {"line_key": f"manual:{line}", "amount": Decimal("1300")}
    )
    # plan format 5: attendance at the site visit, and an export record of the delegation
    from planner.exports.catalog import run
    from planner.exports.common import Options
    from planner.operations.agenda import set_marks

    set_marks(store, visit, {people[0]: True, people[1]: False})
    out = target.with_name("fixture-agenda.xlsx")
    run(store, "agenda", out, Options(delegation=dele))
    out.unlink()
    # plan format 6: a trainee replaced by another from a day on, and one who declined
    from planner.operations.substitutions import substitute

    rosa = operations.create(
        store, "person", {"given_name": "Rosa", "family_name": "Díaz", "sex": "female"}
    ).id
    substitute(store, people[2], rosa, date(2023, 11, 28))
    operations.update(
        store, "room_block", block, {"cutoff": date(2023, 11, 10), "attrition_percent": 20}
    )
    out = target.with_name("fixture-rooming.xlsx")  # the hotel's note, for its "what changed"
    run(store, "rooming", out, Options())
    out.unlink()
    operations.create(
        store,
        "person",
        {
            "given_name": "Luis",
            "family_name": "Mejía",
            "status": "declined",
            "status_from": date(2023, 11, 27),
        },
    )
    # plan format 8: a pre-test and a post-test with scores, the satisfaction questionnaire
    # and an anonymous response
    from planner.operations.evaluation import (
        Answered,
        add_questionnaire,
        record_responses,
        set_scores,
    )

    tests = [
        operations.create(
            store, "assessment", {"kind": kind, "title": title, "max_score": Decimal("20")}
        ).id
        for kind, title in (("pre_test", "Prueba inicial"), ("post_test", "Prueba final"))
    ]
    set_scores(store, tests[0], {rosa: Decimal("11"), people[2]: Decimal("9.5")}, "Notas")
    set_scores(store, tests[1], {rosa: Decimal("17")}, "Notas")
    questionnaire = add_questionnaire(store, "Encuesta de satisfacción").created["assessment"][0]
    with store.reading() as r:
        questions = [q for (q,) in r.rows("SELECT id FROM question ORDER BY position")]
    record_responses(
        store,
        questionnaire,
        [Answered(None, {questions[0]: 5, questions[-1]: "Más práctica"})],
        "Respuestas",
    )
    store.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    print(target)


if __name__ == "__main__":
    main()
