"""The demo plan: the Tegucigalpa 2023 training, with fictional people made up here.

``build_demo(path)`` writes the reference scenario: plan days 25 Nov - 2 Dec 2023, the
Panamanian delegation of 10 (SENAFRONT, the National Migration Service, IOM Panama), 200 DNSPF
officers in four groups, IOM Honduras' organisers, eight modules in rotation over 27-30 Nov
across four classrooms, opening and closing ceremonies in a hall, breaks and lunches, and the
1 Dec field tour to Las Manos and CAMI Danlí.

``scale=N`` writes N such cohorts side by side (N times the people, groups, rooms and sessions),
each in its own training centre, for benchmarks. The result is the same on every run.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text, update

from planner.domain.i18n import _
from planner.domain.labels import Clearance, Direction, PlaceKind, Role, SessionKind, TravelMode
from planner.domain.model import AgendaSession, Base, Delegation, Plan, table_of
from planner.store import PlanStore, recorder

TZ = ZoneInfo("America/Tegucigalpa")
FIRST_DAY = date(2023, 11, 25)
LAST_DAY = date(2023, 12, 2)
TRAINING_DAYS = [date(2023, 11, 27) + timedelta(days=i) for i in range(4)]


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=TZ)


PLAN = {
    "title": "Training on Migration, Human Rights and Humanitarian Action at Borders",
    "city": "Tegucigalpa",
    "country": "HN",
    "timezone": "America/Tegucigalpa",
    "start_date": FIRST_DAY,
    "end_date": LAST_DAY,
    "currency": "USD",
    "organiser": "IOM Honduras",
    "funding_programme": "Western Hemisphere Program",
    "donor": "Bureau of Population, Refugees and Migration (PRM), U.S. Department of State",
    "notes": "Demo plan: the people are fictional.",
}

MODULES = [
    "Differentiated identification and protection of unaccompanied or separated children",
    "Protection of LGBTIQ+ people in contexts of mobility",
    "People living with HIV in contexts of mobility",
    "Protection and assistance for victims of human trafficking",
    "Gender and migration",
    "Principles of humanitarian assistance",
    "Psychological first aid",
    "Protection and safe referrals",
]

ORGANISATIONS = [
    ("SENAFRONT", "National Border Service of Panama", "SENAFRONT", "PA"),
    ("SNM", "National Migration Service of Panama", "SNM", "PA"),
    ("IOM-PA", "IOM Panama", "IOM", "PA"),
    ("DNSPF", "National Directorate of Border Police Services", "DNSPF", "HN"),
    ("IOM-HN", "IOM Honduras", "IOM", "HN"),
]

MALE = [
    "Carlos",
    "José",
    "Luis",
    "Juan",
    "Marvin",
    "Selvin",
    "Óscar",
    "Mario",
    "Víctor",
    "Darwin",
    "Nelson",
    "Kevin",
    "Elvin",
    "Wilmer",
    "Denis",
    "Fredy",
    "Héctor",
    "Jorge",
    "Allan",
    "Edwin",
    "Ramón",
    "Francisco",
    "Milton",
    "Roberto",
    "Julio",
    "Erick",
    "Mauricio",
    "Josué",
    "Walter",
    "Cristian",
]
FEMALE = [
    "María",
    "Rosa",
    "Sonia",
    "Suyapa",
    "Kenia",
    "Yolanda",
    "Nohemí",
    "Fátima",
    "Karla",
    "Gabriela",
    "Dania",
    "Lourdes",
    "Glenda",
    "Ana",
    "Iris",
    "Xiomara",
    "Wendy",
    "Carolina",
    "Lesly",
    "Patricia",
    "Sandra",
    "Mirna",
    "Yesenia",
    "Ángela",
]
FAMILY = [
    "Aguilar",
    "Banegas",
    "Bonilla",
    "Castillo",
    "Cruz",
    "Díaz",
    "Espinoza",
    "Flores",
    "García",
    "Hernández",
    "Lagos",
    "López",
    "Maradiaga",
    "Martínez",
    "Matute",
    "Mejía",
    "Murillo",
    "Núñez",
    "Ordóñez",
    "Paz",
    "Reyes",
    "Rivera",
    "Rodríguez",
    "Sánchez",
    "Sierra",
    "Turcios",
    "Valladares",
    "Velásquez",
    "Zelaya",
    "Zúniga",
    "Ávila",
    "Ochoa",
    "Funes",
    "Irías",
]
RANKS = (
    ["Agente"] * 6
    + ["Cabo"] * 4
    + ["Sargento"] * 3
    + ["Suboficial"] * 2
    + ["Subinspector", "Subinspector", "Inspector", "Inspector", "Subcomisario", "Comisario"]
)
BORDER_POSTS = [
    "Las Manos",
    "El Florido",
    "Agua Caliente",
    "Guasaule",
    "El Amatillo",
    "Corinto",
    "Trojes",
    "El Poy",
    "Aeropuerto Toncontín",
    "Aeropuerto Ramón Villeda Morales",
    "Puerto Cortés",
    "La Fraternidad",
]
DIETS = ["Vegetariana", "Sin cerdo", "Sin gluten", "Diabético"]  # as Honduran rosters write them

# (organisation key, role, position, sex, languages, diet)
PANAMA_DELEGATION = [
    (
        "SENAFRONT",
        Role.HEAD,
        "Commissioner, Citizen Security and Civil Affairs",
        "male",
        "Spanish, English",
        "",
    ),
    (
        "SENAFRONT",
        Role.TRAINER,
        "Instructor, Humanitarian Border Security Unit (USFROH)",
        "male",
        "Spanish",
        "",
    ),
    (
        "SENAFRONT",
        Role.TRAINER,
        "Instructor, Humanitarian Border Security Unit (USFROH)",
        "female",
        "Spanish",
        "",
    ),
    (
        "SENAFRONT",
        Role.TRAINER,
        "Instructor, psychological first aid",
        "female",
        "Spanish",
        "Vegetarian",
    ),
    ("SENAFRONT", Role.TRAINER, "Legal adviser, human rights", "male", "Spanish", ""),
    ("SNM", Role.TRAINER, "Head, protection unit", "female", "Spanish", ""),
    ("SNM", Role.TRAINER, "Migration officer, child protection", "female", "Spanish", ""),
    ("SNM", Role.TRAINER, "Migration officer, counter-trafficking", "male", "Spanish", "No pork"),
    (
        "IOM-PA",
        Role.ADVISER,
        "National Migration Management Officer",
        "female",
        "Spanish, English",
        "",
    ),
    ("IOM-PA", Role.LOGISTICS, "Project assistant", "male", "Spanish, English", ""),
]
# Who gives which module (index into PANAMA_DELEGATION), module by module.
MODULE_TRAINERS = [6, 2, 5, 7, 4, 1, 3, 8]

IOM_HONDURAS = [
    (Role.STAFF, "Project officer", "female", "Spanish, English"),
    (Role.LOGISTICS, "Logistics assistant", "male", "Spanish"),
    (Role.DRIVER, "Driver", "male", "Spanish"),
    (Role.DRIVER, "Driver", "male", "Spanish"),
]

PALETTE = {"panama": "#4E79A7", "dnspf": "#59A14F", "iom": "#F28E2B"}
GROUP_COLOURS = ["#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7"]
MODULE_COLOURS = [
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#9C755F",
]
GROUP_SIZES = [50, 50, 50, 50]
CLASSROOMS = [("Aula 1", 55), ("Aula 2", 55), ("Aula 3", 60), ("Aula 4", 60)]
EQUIPMENT = "projector, screen, flip chart, sound system"


@dataclass
class _Rows:
    """Rows to insert, with ids given here so links can be made before inserting."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    next_id: dict[str, int] = field(default_factory=lambda: defaultdict(lambda: 1))

    def add(self, table: str, **values: Any) -> int:
        new_id = self.next_id[table]
        self.next_id[table] += 1
        self.tables[table].append({"id": new_id, "version": 1, **values})
        return new_id


PANAMA = ZoneInfo("America/Panama")
# (flight, departs Panama City (Panama time), lands in Tegucigalpa (local time))
ARRIVAL_FLIGHTS = [
    ("CM 421", datetime(2023, 11, 25, 12, 5, tzinfo=PANAMA), at(FIRST_DAY, 13, 5)),
    ("CM 247", datetime(2023, 11, 26, 8, 50, tzinfo=PANAMA), at(date(2023, 11, 26), 9, 40)),
]
DEPARTURE_FLIGHT = ("CM 422", at(LAST_DAY, 14, 15), datetime(2023, 12, 2, 17, 10, tzinfo=PANAMA))
NIGHTLY_RATE = Decimal("95.00")
VAN_DAY_RATE = Decimal("120.00")
RETURN_FARE = Decimal("486.40")  # Copa Airlines PTY-TGU-PTY, economy, November 2023
CLASSROOM_DAY_RATE = Decimal("3500")  # HNL
HALL_DAY_RATE = Decimal("12000")  # HNL
MEETING_ROOM_DAY_RATE = Decimal("150.00")  # USD, at the hotel


class _Shared:
    """What every cohort uses: the curriculum, the airports and the sites of the field tour."""

    def __init__(self) -> None:
        self.modules: list[int] = []
        self.places: dict[str, int] = {}


class _Cohort:
    def __init__(
        self, rows: _Rows, rng: random.Random, index: int, orgs: dict[str, int], shared: _Shared
    ) -> None:
        self.rows, self.rng, self.index, self.orgs = rows, rng, index, orgs
        self.shared = shared
        self.modules = shared.modules  # the curriculum, shared by every cohort
        self.suffix = "" if index == 0 else f" {index + 1}"
        self.heads: dict[int, int] = {}

    def person(
        self,
        *,
        sex: str,
        delegation: int,
        org: str,
        role: str,
        position: str,
        country: str,
        languages: str = "Spanish",
        diet: str = "",
        duty_station: str = "",
        birth_year: tuple[int, int] = (1968, 2000),
    ) -> int:
        rng = self.rng
        given = rng.choice(FEMALE if sex == "female" else MALE)
        if rng.random() < 0.25:
            second = rng.choice([n for n in (FEMALE if sex == "female" else MALE) if n != given])
            given = f"{given} {second}"
        family = f"{rng.choice(FAMILY)} {rng.choice(FAMILY)}"
        born = date(rng.randint(*birth_year), rng.randint(1, 12), rng.randint(1, 28))
        first = given.split()[0].lower()
        last = family.split()[0].lower()
        plain = str.maketrans("áéíóúñü", "aeiounu")
        pid = self.rows.next_id["person"]
        if country == "HN":
            id_number = f"{rng.randint(101, 1809):04d}-{born.year}-{rng.randint(0, 99999):05d}"
            domain = "policia.example.hn" if org == "DNSPF" else "iom.example.int"
            phone = f"+504 {rng.randint(3000, 9999)}-{rng.randint(0, 9999):04d}"
        else:
            id_number = f"PA{rng.randint(1000000, 9999999)}"
            domain = "iom.example.int" if org.startswith("IOM") else "gob.example.pa"
            phone = f"+507 6{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}"
        email = f"{first}.{last}{pid}@{domain}".translate(plain)
        return self.rows.add(
            "person",
            given_name=given,
            family_name=family,
            sex=sex,
            organisation_id=self.orgs[org],
            position=position,
            duty_station=duty_station,
            delegation_id=delegation,
            role=role,
            role_other="",
            email=email,
            phone=phone,
            id_number=id_number,
            birth_date=born,
            nationality=country,
            languages=languages,
            dietary_needs=diet,
            accessibility_needs="",
            notes="",
        )

    def _place(
        self,
        kind: str,
        latitude: float,
        longitude: float,
        *,
        code: str = "",
        opens: str = "",
        closes: str = "",
    ) -> dict[str, Any]:
        return {
            "kind": kind,
            "code": code,
            "timezone": "" if kind != PlaceKind.AIRPORT else TZ.key,
            "latitude": latitude,
            "longitude": longitude,
            "opens": opens,
            "closes": closes,
        }

    def journey(
        self, panama_people: list[int], iom_people: list[int], hotel: int, tour: int
    ) -> None:
        """Flights, the hotel block and stays, airport transfers, and the field tour's vans."""
        rows, sfx, places = self.rows, self.suffix, self.shared.places
        airport = places["TGU"]
        block = rows.add(
            "room_block",
            venue_id=hotel,
            room_type="Single",
            rooms=10,
            check_in=FIRST_DAY,
            check_out=LAST_DAY,
            nightly_rate=NIGHTLY_RATE,
            currency="USD",
            notes="Breakfast included.",
            breakfast_included=True,
        )
        drivers = iom_people[2:4]
        vans = [
            rows.add(
                "vehicle",
                name=f"Van {n + 1}{sfx}",
                seats=12,
                provider="Transportes Morazán",
                plate=f"PBD {4410 + 2 * self.index + n}",
                day_rate=VAN_DAY_RATE,
                currency="USD",
                driver_id=driver,
                notes="Air conditioning.",
            )
            for n, driver in enumerate(drivers)
        ]

        def ride(
            van: int,
            title: str,
            start: datetime,
            end: datetime,
            origin: int,
            destination: int,
            passengers: list[tuple[str, int]],
            visit: int | None = None,
        ) -> None:
            rid = rows.add(
                "ride",
                vehicle_id=van,
                title=title,
                starts_at=start,
                ends_at=end,
                timezone=TZ.key,
                from_id=origin,
                to_id=destination,
                session_id=visit,
                notes="",
            )
            for typ, ref in passengers:
                member = {
                    "group_id": None,
                    "delegation_id": None,
                    "person_id": None,
                    f"{typ}_id": ref,
                }
                rows.add("ride_passenger", ride_id=rid, **member)

        half = len(panama_people) // 2
        for n, (number, departs, lands) in enumerate(ARRIVAL_FLIGHTS):
            flying = panama_people[:half] if n == 0 else panama_people[half:]
            for pid in flying:
                rows.add(
                    "travel",
                    person_id=pid,
                    direction=Direction.ARRIVAL,
                    mode=TravelMode.FLIGHT,
                    carrier="Copa Airlines",
                    number=number,
                    place_id=airport,
                    from_place="Panama City (PTY)",
                    to_place="Tegucigalpa (TGU)",
                    departs_at=departs,
                    departs_tz=PANAMA.key,
                    arrives_at=lands,
                    arrives_tz=TZ.key,
                    notes="",
                    fare=RETURN_FARE,
                    fare_currency="USD",
                )
                rows.add(
                    "stay",
                    person_id=pid,
                    venue_id=hotel,
                    block_id=block,
                    check_in=lands.date(),
                    check_out=LAST_DAY,
                    room_type="Single",
                    sharing_with_id=None,
                    notes="",
                )
            pickup = lands + timedelta(minutes=30)
            ride(
                vans[0],
                f"Airport pick-up, {number}",
                pickup,
                pickup + timedelta(minutes=35),
                airport,
                hotel,
                [("person", p) for p in flying],
            )
        number, departs, lands = DEPARTURE_FLIGHT
        for pid in panama_people:
            rows.add(
                "travel",
                person_id=pid,
                direction=Direction.DEPARTURE,
                mode=TravelMode.FLIGHT,
                carrier="Copa Airlines",
                number=number,
                place_id=airport,
                from_place="Tegucigalpa (TGU)",
                to_place="Panama City (PTY)",
                departs_at=departs,
                departs_tz=TZ.key,
                arrives_at=lands,
                arrives_tz=PANAMA.key,
                notes="Return ticket: the fare is on the arrival.",
                fare=None,
                fare_currency="",
            )
        ride(
            vans[0],
            f"Airport drop-off, {number}",
            at(LAST_DAY, 11, 40),
            at(LAST_DAY, 12, 15),
            hotel,
            airport,
            [("delegation", self.delegation_of_panama)],
        )

        # the field tour: hotel → Las Manos → lunch in Danlí → CAMI Danlí → hotel, two vans
        day = date(2023, 12, 1)
        stops = [
            (
                places["las_manos"],
                at(day, 9, 20),
                at(day, 11, 30),
                "Sub-inspector in charge, DNSPF Las Manos",
                "+504 2763-0000",
                Clearance.CONFIRMED,
            ),
            (
                places["lunch"],
                at(day, 12, 20),
                at(day, 13, 30),
                "",
                "+504 2763-1111",
                Clearance.NOT_NEEDED,
            ),
            (
                places["cami"],
                at(day, 13, 45),
                at(day, 16),
                "Coordinator, INM CAMI Danlí",
                "cami.danli@inm.example.hn",
                Clearance.CONFIRMED,
            ),
        ]
        for position, (place, arrives, leaves, host, contact, clearance) in enumerate(stops):
            rows.add(
                "visit_stop",
                session_id=tour,
                position=position + 1,
                venue_id=place,
                arrives_at=arrives,
                leaves_at=leaves,
                host_name=host,
                host_contact=contact,
                clearance=clearance,
                notes="",
            )
        loads = [
            [("delegation", self.delegation_of_panama)],
            [("person", p) for p in iom_people[:2]],
        ]
        legs = [(hotel, at(day, 6, 30))] + [(s[0], s[2]) for s in stops]
        arrivals = [s[1] for s in stops] + [at(day, 18, 30)]
        ends = [s[0] for s in stops] + [hotel]
        for (origin, leaves), arrives, destination in zip(legs, arrivals, ends, strict=True):
            for van, load in zip(vans, loads, strict=True):
                ride(van, "Field tour", leaves, arrives, origin, destination, load, tour)

    def build(self) -> None:
        rows, rng, sfx = self.rows, self.rng, self.suffix
        panama = rows.add(
            "delegation",
            name=f"Panama delegation{sfx}",
            country="PA",
            organisation_id=self.orgs["SENAFRONT"],
            head_id=None,
            colour=PALETTE["panama"],
            notes="SENAFRONT, National Migration Service and IOM Panama trainers.",
        )
        dnspf = rows.add(
            "delegation",
            name=f"DNSPF trainees{sfx}",
            country="HN",
            organisation_id=self.orgs["DNSPF"],
            head_id=None,
            colour=PALETTE["dnspf"],
            notes="Officers of the Honduran National Police's border services.",
        )
        iom = rows.add(
            "delegation",
            name=f"IOM Honduras team{sfx}",
            country="HN",
            organisation_id=self.orgs["IOM-HN"],
            head_id=None,
            colour=PALETTE["iom"],
            notes="Organisers, logistics and drivers.",
        )

        panama_people = []
        for org, role, position, sex, langs, diet in PANAMA_DELEGATION:
            panama_people.append(
                self.person(
                    sex=sex,
                    delegation=panama,
                    org=org,
                    role=role,
                    position=position,
                    country="PA",
                    languages=langs,
                    diet=diet,
                    birth_year=(1970, 1992),
                )
            )
        self.heads[panama] = panama_people[0]
        self.delegation_of_panama = panama
        iom_people = [
            self.person(
                sex=sex,
                delegation=iom,
                org="IOM-HN",
                role=role,
                position=position,
                country="HN",
                languages=langs,
                birth_year=(1975, 1995),
            )
            for role, position, sex, langs in IOM_HONDURAS
        ]
        self.heads[iom] = iom_people[0]

        if not self.modules:
            for m, title in enumerate(MODULES):
                self.modules.append(
                    rows.add(
                        "module",
                        number=m + 1,
                        title=title,
                        duration_minutes=195,
                        room_size=0,
                        equipment="projector, flip chart",
                        colour=MODULE_COLOURS[m],
                        notes="",
                    )
                )
        for m, module in enumerate(self.modules):
            rows.add(
                "module_trainer", module_id=module, person_id=panama_people[MODULE_TRAINERS[m]]
            )
        groups = []
        for g, size in enumerate(GROUP_SIZES):
            letter = "ABCD"[g]
            gid = rows.add(
                "participant_group",
                name=f"Group {letter}{sfx}",
                delegation_id=dnspf,
                colour=GROUP_COLOURS[g],
                notes="",
            )
            groups.append(gid)
            for _i in range(size):
                sex = "female" if rng.random() < 0.32 else "male"
                pid = self.person(
                    sex=sex,
                    delegation=dnspf,
                    org="DNSPF",
                    role=Role.TRAINEE,
                    position=rng.choice(RANKS),
                    country="HN",
                    diet=rng.choice(DIETS) if rng.random() < 0.06 else "",
                    duty_station=rng.choice(BORDER_POSTS),
                )
                rows.add("group_member", group_id=gid, person_id=pid)
                if g == 0 and _i == 0:
                    self.heads[dnspf] = pid

        # Venues and rooms
        centre = rows.add(
            "venue",
            name=f"Centro de Formación Morazán{sfx}",
            city="Tegucigalpa",
            address="Boulevard Morazán, Tegucigalpa",
            notes="Training venue.",
            **self._place(PlaceKind.VENUE, 14.0899, -87.1921),
        )
        classrooms = [
            rows.add(
                "room",
                venue_id=centre,
                name=name,
                capacity=cap,
                equipment=EQUIPMENT,
                notes="",
                day_rate=CLASSROOM_DAY_RATE,
                currency="HNL",
            )
            for name, cap in CLASSROOMS
        ]
        hall = rows.add(
            "room",
            venue_id=centre,
            name="Salón Principal",
            capacity=220,
            equipment="stage, projector, sound system, microphones",
            notes="",
            day_rate=HALL_DAY_RATE,
            currency="HNL",
        )
        dining = rows.add(
            "room",
            venue_id=centre,
            name="Comedor",
            capacity=250,
            equipment="",
            notes="Lunch for all participants; no hire charge with the catering.",
            day_rate=None,
            currency="",
        )
        hotel = rows.add(
            "venue",
            name=f"Hotel Real Plaza{sfx}",
            city="Tegucigalpa",
            address="Colonia Palmira, Tegucigalpa",
            notes="Delegation hotel, 25 Nov - 2 Dec.",
            **self._place(PlaceKind.HOTEL, 14.0962, -87.1876),
        )
        meeting_room = rows.add(
            "room",
            venue_id=hotel,
            name="Salón Ejecutivo",
            capacity=20,
            equipment="screen, videoconference",
            notes="",
            day_rate=MEETING_ROOM_DAY_RATE,
            currency="USD",
        )
        places = self.shared.places
        if self.index == 0:
            places["TGU"] = rows.add(
                "venue",
                name="Toncontín International Airport",
                city="Tegucigalpa",
                address="Boulevard Comunidad Económica Europea, Tegucigalpa",
                notes="",
                **self._place(PlaceKind.AIRPORT, 14.0609, -87.2172, code="TGU"),
            )
            places["XPL"] = rows.add(
                "venue",
                name="Palmerola International Airport",
                city="Comayagua",
                address="Palmerola, Comayagua",
                notes="About 75 minutes from Tegucigalpa.",
                **self._place(PlaceKind.AIRPORT, 14.3824, -87.6213, code="XPL"),
            )
            places["las_manos"] = rows.add(
                "venue",
                name="Las Manos border post",
                city="El Paraíso",
                address="Honduras–Nicaragua border, El Paraíso department",
                notes="Crossing open roughly 06:00–18:00. Host clearance needed.",
                **self._place(PlaceKind.SITE, 13.7728, -86.3634, opens="06:00", closes="18:00"),
            )
            places["lunch"] = rows.add(
                "venue",
                name="Restaurante El Mesón, Danlí",
                city="Danlí",
                address="Barrio El Centro, Danlí",
                notes="Lunch of the field tour.",
                **self._place(PlaceKind.OTHER, 14.0307, -86.5797),
            )
            places["cami"] = rows.add(
                "venue",
                name="CAMI Danlí",
                city="Danlí",
                address="Centre for Attention to Irregular Migrants 'Francisco Paz', Danlí",
                notes="Run by the National Migration Institute; capacity 150–200.",
                **self._place(PlaceKind.SITE, 14.0402, -86.5725, opens="08:00", closes="17:00"),
            )
            for key_a, key_b, minutes, km in (
                ("las_manos", "lunch", 45, 30),
                ("lunch", "cami", 10, 3),
                ("TGU", "XPL", 75, 70),
            ):
                rows.add(
                    "road_time",
                    from_id=places[key_a],
                    to_id=places[key_b],
                    minutes=minutes,
                    distance_km=km,
                    notes="",
                )
        for a, b, minutes, km in (
            (places["TGU"], hotel, 25, 9),
            (hotel, centre, 20, 5),
            (places["XPL"], hotel, 80, 75),
            (hotel, places["cami"], 120, 92),
            (hotel, places["las_manos"], 165, 122),
        ):
            rows.add("road_time", from_id=a, to_id=b, minutes=minutes, distance_km=km, notes="")

        everyone = [("group", g) for g in groups] + [("delegation", panama), ("delegation", iom)]
        visitors = [("delegation", panama), ("delegation", iom)]
        # the drivers drive the field tour rather than attend it
        travellers = [("delegation", panama)] + [("person", p) for p in iom_people[:2]]
        head, officer = panama_people[0], iom_people[0]

        def session(
            kind: str,
            title: str,
            start: datetime,
            end: datetime,
            room: int | None = None,
            audience: list[tuple[str, int]] | None = None,
            facilitators: list[int] | None = None,
            location: str = "",
            description: str = "",
            module: int | None = None,
        ) -> None:
            sid = rows.add(
                "agenda_session",
                kind=kind,
                title=title,
                description=description,
                starts_at=start,
                ends_at=end,
                timezone=TZ.key,
                room_id=room,
                location=location,
                notes="",
                module_id=module,
            )
            for typ, ref in audience or []:
                member = {
                    "group_id": None,
                    "delegation_id": None,
                    "person_id": None,
                    f"{typ}_id": ref,
                }
                rows.add("session_audience", session_id=sid, **member)
            for pid in facilitators or []:
                rows.add("session_facilitator", session_id=sid, person_id=pid)

        day0 = date(2023, 11, 26)
        session(
            SessionKind.MEETING,
            "Preparatory meeting",
            at(day0, 15),
            at(day0, 17),
            meeting_room,
            visitors,
            [officer, head],
            description="Review of the agenda, groups and logistics with the trainers.",
        )
        session(
            SessionKind.MEAL,
            "Welcome dinner",
            at(day0, 19),
            at(day0, 21),
            None,
            visitors,
            location="Hotel restaurant",
        )
        for d, day in enumerate(TRAINING_DAYS):
            first, last = d == 0, d == len(TRAINING_DAYS) - 1
            if first:
                session(
                    SessionKind.CEREMONY,
                    "Opening ceremony",
                    at(day, 8, 30),
                    at(day, 9, 30),
                    hall,
                    everyone,
                    [head, officer],
                )
            blocks = [
                (at(day, 9, 30) if first else at(day, 8, 30), at(day, 10, 15), 0),
                (at(day, 10, 30), at(day, 12), 0),
                (at(day, 13), at(day, 14, 45), 1),
                (at(day, 15), at(day, 15, 45) if last else at(day, 16, 30), 1),
            ]
            for start, end, half in blocks:
                slot = 2 * d + half
                for g, gid in enumerate(groups):
                    m = (slot + 2 * g) % len(MODULES)
                    session(
                        SessionKind.TRAINING,
                        f"Module {m + 1}: {MODULES[m]}",
                        start,
                        end,
                        classrooms[g],
                        [("group", gid)],
                        [panama_people[MODULE_TRAINERS[m]]],
                        module=self.modules[m],
                    )
            session(
                SessionKind.BREAK,
                "Coffee break",
                at(day, 10, 15),
                at(day, 10, 30),
                None,
                everyone,
                location="Terrace",
            )
            session(SessionKind.MEAL, "Lunch", at(day, 12), at(day, 13), dining, everyone)
            session(
                SessionKind.BREAK,
                "Coffee break",
                at(day, 14, 45),
                at(day, 15),
                None,
                everyone,
                location="Terrace",
            )
            if last:
                session(
                    SessionKind.CEREMONY,
                    "Closing ceremony and certificates",
                    at(day, 15, 45),
                    at(day, 16, 30),
                    hall,
                    everyone,
                    [head, officer],
                )
        tour = date(2023, 12, 1)
        session(
            SessionKind.SITE_VISIT,
            "Field tour: Las Manos border post and CAMI Danlí",
            at(tour, 6, 30),
            at(tour, 18, 30),
            None,
            travellers,
            [officer],
            location="Las Manos (El Paraíso) and Danlí",
            description="Tegucigalpa → Danlí ~2 h by van; Danlí → Las Manos ~45 min. Two"
            " vans with drivers. Host clearance required at both sites.",
        )
        self.journey(panama_people, iom_people, hotel, rows.next_id["agenda_session"] - 1)
        session(
            SessionKind.MEETING,
            "Debriefing",
            at(LAST_DAY, 8),
            at(LAST_DAY, 9),
            meeting_room,
            visitors,
            [head, officer],
        )


def fill_demo(store: PlanStore, scale: int = 1) -> None:
    """Add the demo's organisations, people, groups, venues and agenda to an empty plan."""
    rng = random.Random(2023)
    rows = _Rows()
    orgs = {}
    for key, name, acronym, country in ORGANISATIONS:
        orgs[key] = rows.add("organisation", name=name, acronym=acronym, country=country, notes="")
    heads: dict[int, int] = {}
    shared = _Shared()
    for index in range(scale):
        cohort = _Cohort(rows, rng, index, orgs, shared)
        cohort.build()
        heads.update(cohort.heads)
    per_diem = _budget(rows)
    with store.transaction(_("Create demo plan")) as session:
        conn = session.connection()
        rec = recorder(session)
        for table in Base.metadata.sorted_tables:
            data = rows.tables.get(table.name)
            if not data:
                continue
            conn.execute(insert(table), data)
            rec.touch(table.name)
            if table.name in (
                "organisation",
                "delegation",
                "person",
                "participant_group",
                "venue",
                "room",
                "agenda_session",
                "travel",
                "room_block",
                "stay",
                "road_time",
                "visit_stop",
                "vehicle",
                "ride",
                "funding_source",
                "per_diem_rate",
                "exchange_rate",
                "catering_rate",
                "budget_line",
            ):
                for row in data:
                    rec.record(table.name, row["id"], "insert")
        ptable = table_of(Plan)
        conn.execute(
            update(ptable).values(
                arrival_airport_id=shared.places["TGU"], per_diem_rate_id=per_diem
            )
        )
        dtable = table_of(Delegation)
        for delegation_id, person_id in heads.items():
            conn.execute(
                update(dtable).where(dtable.c.id == delegation_id).values(head_id=person_id)
            )
        _attendance(conn, rec)
    assert AgendaSession.__tablename__ in rows.tables


def _attendance(conn: Any, rec: Any) -> None:
    """The 2023 training took place: who attended each training session and the field tour
    is recorded (a few trainees missed a session), so the attendance summary and the
    certificates have something to show."""
    from planner.domain.model import Attendance

    rng = random.Random(1125)
    registered = conn.execute(
        text(
            "SELECT s.id, coalesce(gm.person_id, p.id, a.person_id) FROM agenda_session s"
            " JOIN session_audience a ON a.session_id = s.id"
            " LEFT JOIN group_member gm ON gm.group_id = a.group_id"
            " LEFT JOIN person p ON p.delegation_id = a.delegation_id"
            " WHERE s.kind IN ('training', 'site_visit', 'plenary')"
            " ORDER BY s.id, 2"
        )
    ).all()
    seen: set[tuple[int, int]] = set()
    marks = []
    for session_id, person_id in registered:
        if person_id is None or (session_id, person_id) in seen:
            continue
        seen.add((session_id, person_id))
        marks.append(
            {
                "session_id": session_id,
                "person_id": person_id,
                "present": rng.random() > 0.04,
                "note": "",
                "version": 1,
            }
        )
    if marks:
        conn.execute(insert(table_of(Attendance)), marks)
        rec.touch("attendance")


def _budget(rows: _Rows) -> int:
    """Rates and hand-entered lines of the budget; returns the plan's per diem rate."""
    donor = rows.add(
        "funding_source",
        name="US Department of State, PRM (Western Hemisphere Program)",
        code="WHP-HN-2023-07",
        notes="",
    )
    own = rows.add(
        "funding_source", name="IOM Honduras, cost-sharing", code="HN-OPS-2023", notes=""
    )
    for category, code, source in (
        ("travel", "WHP-21 Travel", donor),
        ("accommodation", "WHP-22 Accommodation", donor),
        ("per_diem", "WHP-23 DSA", donor),
        ("venue", "WHP-31 Venue", donor),
        ("catering", "WHP-32 Catering", donor),
        ("ground_transport", "WHP-33 Transport", donor),
        ("materials", "WHP-41 Materials", donor),
        ("visibility", "HN-51 Visibility", own),
        ("other", "HN-59 Other", own),
        ("indirect", "WHP-90 ISC", donor),
    ):
        rows.add("budget_category", category=category, budget_code=code, funding_source_id=source)
    per_diem = rows.add(
        "per_diem_rate",
        location="Tegucigalpa",
        daily_rate=Decimal("190.00"),
        currency="USD",
        lodging_share=Decimal("56"),
        valid_from=date(2023, 10, 1),
        notes="ICSC DSA for Honduras, Tegucigalpa.",
    )
    for month, units in ((date(2023, 11, 1), "24.6900"), (date(2023, 12, 1), "24.7100")):
        rows.add(
            "exchange_rate",
            currency="HNL",
            month=month,
            units_per_base=Decimal(units),
            source="UN operational rate of exchange",
        )
    for meal, per_head, currency in (
        ("break", "85", "HNL"),
        ("breakfast", "180", "HNL"),
        ("lunch", "260", "HNL"),
        ("dinner", "18.00", "USD"),
    ):
        rows.add(
            "catering_rate", kind=meal, per_head=Decimal(per_head), currency=currency, notes=""
        )
    lines: list[tuple[str, str, str, str, str, str, int | None]] = [
        (
            "materials",
            "Participant manuals, printed and bound",
            "220",
            "copies",
            "145",
            "HNL",
            None,
        ),
        ("materials", "Certificates of participation", "210", "copies", "22", "HNL", None),
        ("visibility", "Roll-up banners with donor logos", "2", "banners", "95.00", "USD", None),
        (
            "ground_transport",
            "Fuel for the field tour to Las Manos and Danlí",
            "2",
            "vans",
            "1850",
            "HNL",
            None,
        ),
        ("other", "Bank charges for per diem payments", "1", "lump sum", "40.00", "USD", own),
    ]
    for category, description, quantity, unit, cost, currency, payer in lines:
        rows.add(
            "budget_line",
            category=category,
            description=description,
            budget_code="",
            funding_source_id=payer,
            quantity=Decimal(quantity),
            unit=unit,
            unit_cost=Decimal(cost),
            currency=currency,
            month=None,
            actual=None,
            notes="",
        )
    return per_diem


def build_demo(path: str | Path, scale: int = 1, *, overwrite: bool = False) -> PlanStore:
    """Write the demo plan to ``path`` and open it."""
    from planner.operations import new_plan

    plan = dict(PLAN)
    if scale > 1:
        plan["title"] = f"{PLAN['title']} (×{scale})"
    return new_plan(path, plan, overwrite=overwrite, fill=lambda store: fill_demo(store, scale))
