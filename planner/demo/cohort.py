"""One cohort of the demo built as rows with their ids (so links are made before anything is
written): its delegations and people, groups, venues and rooms, the rotation of modules, the
ceremonies and meals, the field tour, flights, hotel stays, vans and rides."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from planner.demo.scenario import (
    ARRIVAL_FLIGHTS,
    BORDER_POSTS,
    CLASSROOM_DAY_RATE,
    CLASSROOMS,
    DEPARTURE_FLIGHT,
    DIETS,
    EQUIPMENT,
    FAMILY,
    FEMALE,
    FIRST_DAY,
    GROUP_COLOURS,
    GROUP_SIZES,
    HALL_DAY_RATE,
    IOM_HONDURAS,
    LAST_DAY,
    MALE,
    MEETING_ROOM_DAY_RATE,
    MODULE_COLOURS,
    MODULE_TRAINERS,
    MODULES,
    NIGHTLY_RATE,
    PALETTE,
    PANAMA,
    PANAMA_DELEGATION,
    RANKS,
    RETURN_FARE,
    TRAINING_DAYS,
    TZ,
    VAN_DAY_RATE,
    at,
)
from planner.demo.words import t
from planner.domain.labels import Clearance, Direction, PlaceKind, Role, SessionKind, TravelMode


@dataclass
class Rows:
    """Rows to insert, with ids given here so links can be made before inserting."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    next_id: dict[str, int] = field(default_factory=lambda: defaultdict(lambda: 1))

    def add(self, table: str, **values: Any) -> int:
        new_id = self.next_id[table]
        self.next_id[table] += 1
        # every text in the demo's language (names and codes are kept as they are)
        said = {k: t(v) if isinstance(v, str) else v for k, v in values.items()}
        self.tables[table].append({"id": new_id, "version": 1, **said})
        return new_id


class Shared:
    """What every cohort uses: the curriculum, the airports and the sites of the field tour."""

    def __init__(self) -> None:
        self.modules: list[int] = []
        self.places: dict[str, int] = {}


class Cohort:
    def __init__(
        self, rows: Rows, rng: random.Random, index: int, orgs: dict[str, int], shared: Shared
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
        rng: random.Random | None = None,
    ) -> int:
        rng = rng or self.rng
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
            status="confirmed",
            status_from=None,
            replaced_by_id=None,
            **_duty_of_care(pid, country, org),
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
                name=t("Van {n}{sfx}").format(n=n + 1, sfx=sfx),
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
                t("Airport pick-up, {number}").format(number=number),
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
            t("Airport drop-off, {number}").format(number=number),
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
            name=t("Panama delegation{sfx}").format(sfx=sfx),
            country="PA",
            organisation_id=self.orgs["SENAFRONT"],
            head_id=None,
            colour=PALETTE["panama"],
            notes="SENAFRONT, National Migration Service and IOM Panama trainers.",
        )
        dnspf = rows.add(
            "delegation",
            name=t("DNSPF trainees{sfx}").format(sfx=sfx),
            country="HN",
            organisation_id=self.orgs["DNSPF"],
            head_id=None,
            colour=PALETTE["dnspf"],
            notes="Officers of the Honduran National Police's border services.",
        )
        iom = rows.add(
            "delegation",
            name=t("IOM Honduras team{sfx}").format(sfx=sfx),
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
                name=t("Group {letter}{sfx}").format(letter=letter, sfx=sfx),
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
        self._substitution(groups[1], dnspf)

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
                        t("Module {n}: {title}").format(n=m + 1, title=t(MODULES[m])),
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

    def _substitution(self, group: int, delegation: int) -> None:
        """Police nominations change up to the last day: the third officer of group B was
        called to duty after the first day of training, and another officer took their place
        from the second (as People ▸ Replace With… does it). Drawn from a generator of its own,
        so the demo's other people stay the same."""
        rows = self.rows
        members = [m["person_id"] for m in rows.tables["group_member"] if m["group_id"] == group]
        old = next(p for p in rows.tables["person"] if p["id"] == members[2])
        rng = random.Random(2811 + self.index)
        new = self.person(
            sex=old["sex"],
            delegation=delegation,
            org="DNSPF",
            role=Role.TRAINEE,
            position=rng.choice(RANKS),
            country="HN",
            duty_station=old["duty_station"],
            rng=rng,
        )
        rows.add("group_member", group_id=group, person_id=new)
        day = SUBSTITUTED_FROM
        old.update(status="replaced", status_from=day, replaced_by_id=new)
        next(p for p in rows.tables["person"] if p["id"] == new)["status_from"] = day


# The day the demo's substitute took over (the training's second day).
SUBSTITUTED_FROM = TRAINING_DAYS[1]

RELATIONS = {
    True: ("Spouse", "Mother", "Sister", "Daughter"),
    False: ("Spouse", "Father", "Brother", "Son"),
}


def _duty_of_care(pid: int, country: str, org: str) -> dict[str, Any]:
    """A person's duty-of-care details, fictional as the rest: someone to call, insurance, a
    passport (Panama) or identity card (Honduras) valid well past the event; IOM staff hold a
    travel security clearance. Drawn from a generator of their own, so the demo's people stay
    the same."""
    rng = random.Random(pid * 7919)
    sex = rng.random() < 0.5
    name = f"{rng.choice(FEMALE if sex else MALE)} {rng.choice(FAMILY)} {rng.choice(FAMILY)}"
    code = "+504" if country == "HN" else "+507"
    iom = org.startswith("IOM")
    return {
        "emergency_name": name,
        "emergency_relation": t(rng.choice(RELATIONS[sex])),  # a woman's or a man's
        "emergency_phone": f"{code} {rng.randint(3000, 9999)}-{rng.randint(0, 9999):04d}",
        "insurance_provider": "Seguros del Istmo" if country == "PA" else "Seguros Atlántida",
        "insurance_policy": f"POL-{rng.randint(100000, 999999)}",
        "insurance_until": date(2024, 12, 31),
        "document_kind": "passport" if country == "PA" else "id_card",
        "document_expiry": date(rng.randint(2026, 2031), rng.randint(1, 12), rng.randint(1, 28)),
        "visa_status": "",
        "visa_number": "",
        "security_clearance_ref": f"TRIP-{rng.randint(10000, 99999)}" if iom else "",
        "security_clearance_status": "granted" if iom else "",
    }
