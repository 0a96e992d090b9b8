"""The demo's scenario: the Tegucigalpa 2023 training's days, curriculum, organisations,
delegations, names, ranks, border posts, rooms, flights and rates (the people are made up from
these names)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.domain.labels import Role

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
    "certificate_prefix": "TEG-2023",
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
