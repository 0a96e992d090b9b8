"""Importing people from a partner's roster: guess the columns, check every row, preview, apply.

``preview(store, table, mapping)`` reads nothing into the plan: it says for every row whether it
is new, updates someone already in the plan, repeats another row or someone already there, or
has errors (with the reason and the row number the spreadsheet shows). ``apply`` then writes all
valid rows in one transaction (or nothing), and returns what an undo needs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _, ngettext
from planner.domain.inputs import MULTILINE_FIELDS, clean_field, clean_text
from planner.domain.labels import ROLE_LABELS, Role, noun
from planner.domain.reference import fold
from planner.imports.readers import Table, column_letter
from planner.store import PlanStore, Reader, parse_time

NEW, UPDATE, DUPLICATE, ERROR = "new", "update", "duplicate", "error"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

# field -> (label, aliases in English and Spanish, folded)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "given_name": (
        N_("Given names"),
        (
            "nombres",
            "nombre",
            "primer nombre",
            "nombre(s)",
            "given name",
            "given names",
            "first name",
            "first names",
            "forename",
            "forenames",
            "nombres de pila",
        ),
    ),
    "family_name": (
        N_("Family names"),
        (
            "apellidos",
            "apellido",
            "primer apellido",
            "segundo apellido",
            "apellido(s)",
            "family name",
            "family names",
            "last name",
            "surname",
            "surnames",
        ),
    ),
    "full_name": (
        N_("Full name"),
        (
            "nombre completo",
            "nombre y apellidos",
            "nombres y apellidos",
            "nombre y apellido",
            "full name",
            "name",
            "participante",
            "participant",
            "persona",
        ),
    ),
    "sex": (N_("Sex"), ("sexo", "genero", "sex", "gender", "m/f", "f/m")),
    "birth_date": (
        N_("Date of birth"),
        (
            "fecha de nacimiento",
            "f. nacimiento",
            "fecha nacimiento",
            "nacimiento",
            "fecha de nac.",
            "date of birth",
            "birth date",
            "birthdate",
            "dob",
            "born",
        ),
    ),
    "id_number": (
        N_("ID or passport number"),
        (
            "numero de identidad",
            "no. de identidad",
            "identidad",
            "dni",
            "pasaporte",
            "no. de pasaporte",
            "numero de pasaporte",
            "cedula",
            "documento",
            "no. documento",
            "numero de documento",
            "passport",
            "passport no.",
            "passport no",
            "passport number",
            "id",
            "id number",
            "id no.",
            "id or passport number",
            "identity number",
            "identidad o pasaporte",
            "document number",
        ),
    ),
    "nationality": (N_("Nationality"), ("nacionalidad", "nationality", "citizenship")),
    "organisation": (
        N_("Organisation"),
        (
            "institucion",
            "organizacion",
            "entidad",
            "dependencia",
            "organisation",
            "organization",
            "agency",
            "institution",
        ),
    ),
    "position": (
        N_("Position or rank"),
        (
            "cargo",
            "grado",
            "rango",
            "posicion",
            "position",
            "rank",
            "job title",
            "title",
            "position or rank",
            "cargo o grado",
            "grado o cargo",
        ),
    ),
    "duty_station": (
        N_("Duty station"),
        (
            "puesto",
            "puesto fronterizo",
            "lugar de trabajo",
            "lugar de destino",
            "oficina",
            "duty station",
            "station",
            "post",
            "border post",
            "office",
        ),
    ),
    "delegation": (N_("Delegation"), ("delegacion", "delegation", "pais de la delegacion")),
    "group": (N_("Group"), ("grupo", "group")),
    "role": (
        N_("Role"),
        (
            "rol",
            "funcion",
            "role",
            "role in delegation",
            "rol en la delegacion",
            "funcion en la delegacion",
            "tipo de participante",
        ),
    ),
    "email": (
        N_("Email"),
        (
            "correo",
            "correo electronico",
            "email",
            "e-mail",
            "mail",
            "email address",
            "direccion de correo",
        ),
    ),
    "phone": (
        N_("Phone"),
        (
            "telefono",
            "celular",
            "movil",
            "phone",
            "mobile",
            "telephone",
            "tel",
            "tel.",
            "numero de telefono",
            "whatsapp",
        ),
    ),
    "dietary_needs": (
        N_("Dietary needs"),
        (
            "restriccion alimentaria",
            "restricciones alimentarias",
            "dieta",
            "alimentacion",
            "dietary needs",
            "dietary requirements",
            "diet",
            "food restrictions",
            "alergias",
        ),
    ),
    "accessibility_needs": (
        N_("Accessibility needs"),
        (
            "accesibilidad",
            "discapacidad",
            "necesidades especiales",
            "accessibility",
            "accessibility needs",
            "disability",
            "special needs",
        ),
    ),
    "languages": (N_("Languages"), ("idiomas", "idioma", "lenguas", "languages", "language")),
    "notes": (
        N_("Notes"),
        ("observaciones", "notas", "comentarios", "notes", "comments", "remarks"),
    ),
    "arrival_flight": (
        N_("Arrival flight"),
        (
            "arrival flight",
            "inbound flight",
            "flight in",
            "incoming flight",
            "vuelo de llegada",
            "vuelo llegada",
            "vuelo de ida",
            "vuelo de entrada",
            "no. vuelo llegada",
        ),
    ),
    "arrival_at": (
        N_("Arrival (date and time)"),
        (
            "arrival",
            "arrival (local time)",
            "arrival time",
            "arrival date",
            "arrives",
            "arrival date and time",
            "date of arrival",
            "llegada",
            "llegada (hora local)",
            "fecha de llegada",
            "hora de llegada",
            "fecha y hora de llegada",
            "fecha llegada",
            "hora llegada",
        ),
    ),
    "departure_flight": (
        N_("Departure flight"),
        (
            "departure flight",
            "outbound flight",
            "return flight",
            "flight out",
            "vuelo de salida",
            "vuelo salida",
            "vuelo de regreso",
            "vuelo de retorno",
            "no. vuelo salida",
        ),
    ),
    "departure_at": (
        N_("Departure (date and time)"),
        (
            "departure",
            "departure (local time)",
            "departure time",
            "departure date",
            "departs",
            "departure date and time",
            "date of departure",
            "salida",
            "salida (hora local)",
            "fecha de salida",
            "hora de salida",
            "fecha y hora de salida",
            "fecha salida",
            "hora salida",
            "regreso",
            "fecha de regreso",
            "retorno",
        ),
    ),
}
TRAVEL_FIELDS = ("arrival_flight", "arrival_at", "departure_flight", "departure_at")
# Row numbers: listed, not imported.
NOT_IMPORTED = ("no.", "no", "n°", "nº", "#", "num", "numero", "item")
SPANISH_HINTS = frozenset(
    a
    for _f, (_l, aliases) in FIELDS.items()
    for a in aliases
    if any(ch in a for ch in "ñ")
    or a
    in {
        "nombres",
        "apellidos",
        "sexo",
        "fecha de nacimiento",
        "cargo",
        "grado",
        "puesto",
        "correo electronico",
        "telefono",
        "nombre",
        "apellido",
        "institucion",
        "nacionalidad",
        "rol",
        "idiomas",
        "restriccion alimentaria",
        "numero de identidad",
        "grupo",
        "delegacion",
        "observaciones",
        "puesto fronterizo",
        "llegada",
        "salida",
        "vuelo de llegada",
        "vuelo de salida",
    }
)

SEX_WORDS = {
    "female": (
        "f",
        "fem",
        "fem.",
        "femenino",
        "femenina",
        "mujer",
        "female",
        "woman",
        "w",
        "mujeres",
        "señora",
        "sra",
        "sra.",
    ),
    "male": (
        "m",
        "masc",
        "masc.",
        "masculino",
        "hombre",
        "male",
        "man",
        "h",
        "hombres",
        "señor",
        "sr",
        "sr.",
    ),
    "other": (
        "x",
        "otro",
        "otra",
        "other",
        "no binario",
        "no binaria",
        "non-binary",
        "nonbinary",
        "diverse",
    ),
    None: (
        "",
        "-",
        "—",
        "nd",
        "n/d",
        "n/a",
        "na",
        "s/d",
        "desconocido",
        "unknown",
        "prefiere no decir",
        "prefer not to say",
    ),
}
ROLE_WORDS = {
    Role.TRAINEE: (
        "participante",
        "trainee",
        "participant",
        "alumno",
        "alumna",
        "estudiante",
        "student",
        "cursante",
    ),
    Role.TRAINER: (
        "capacitador",
        "capacitadora",
        "capacitador(a)",
        "instructor",
        "instructora",
        "trainer",
        "facilitador",
        "facilitadora",
        "facilitator",
        "docente",
        "ponente",
        "speaker",
        "expositor",
        "expositora",
    ),
    Role.HEAD: (
        "jefe de delegacion",
        "jefa de delegacion",
        "jefatura de delegacion",
        "head of delegation",
        "head",
        "jefe",
        "jefa",
        "delegation head",
    ),
    Role.ADVISER: (
        "asesor tecnico",
        "asesora tecnica",
        "asesor(a) tecnico(a)",
        "technical adviser",
        "technical advisor",
        "adviser",
        "advisor",
        "asesor",
        "asesora",
    ),
    Role.STAFF: ("personal", "staff", "funcionario", "funcionaria"),
    Role.LOGISTICS: ("logistica", "logistics", "logistico", "logistica y apoyo"),
    Role.INTERPRETER: ("interprete", "interpreter", "traductor", "traductora", "translator"),
    Role.DRIVER: ("conductor", "conductora", "conductor(a)", "chofer", "motorista", "driver"),
    Role.OBSERVER: ("observador", "observadora", "observer"),
}

# limits follow the plan's columns
MAX_LENGTH = {
    "given_name": 100,
    "family_name": 100,
    "position": 200,
    "duty_station": 200,
    "email": 200,
    "phone": 60,
    "id_number": 60,
    "languages": 200,
    "dietary_needs": 200,
    "accessibility_needs": 200,
    "notes": 4000,
    "organisation": 200,
    "delegation": 200,
    "group": 100,
    "role_other": 100,
}


_ALIASES = frozenset(alias for _l, aliases in FIELDS.values() for alias in aliases)


def field_label(name: str) -> str:
    return _(FIELDS[name][0]) if name in FIELDS else name


# --- the column mapping -------------------------------------------------------------------------


def _key(header: str) -> str:
    text = fold(header).strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text)


def known_header(text: str) -> bool:
    key = _key(text)
    return key in _ALIASES or key in NOT_IMPORTED


def guess_mapping(headers: list[str]) -> dict[str, str | None]:
    """{header: field or None}: exact names first, then headings that contain a name."""
    mapping: dict[str, str | None] = {}
    for header in headers:
        key = _key(header)
        found = next((f for f, (_l, aliases) in FIELDS.items() if key in aliases), None)
        if found is None and key not in NOT_IMPORTED:
            candidates = [
                (len(alias), f)
                for f, (_l, aliases) in FIELDS.items()
                for alias in aliases
                if len(alias) >= 4 and alias in key
            ]
            if candidates:
                found = max(candidates)[1]
        mapping[header] = found
    return mapping


def mapping_key(headers: list[str]) -> str:
    """A stable name for a set of headers (to remember the mapping for the next file)."""
    return "|".join(sorted(_key(h) for h in headers))


def is_spanish(headers: list[str]) -> bool:
    keys = {_key(h) for h in headers}
    english = {a for _f, (_l, aliases) in FIELDS.items() for a in aliases} - SPANISH_HINTS
    return len(keys & SPANISH_HINTS) > len(keys & english)


# --- reading values -----------------------------------------------------------------------------


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(" ", "minutes")
        )
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


DATE_RE = re.compile(r"^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})$")
MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january", "ene", "enero"),
            ("feb", "february", "febrero"),
            ("mar", "march", "marzo"),
            ("apr", "april", "abr", "abril"),
            ("may", "mayo"),
            ("jun", "june", "junio"),
            ("jul", "july", "julio"),
            ("aug", "august", "ago", "agosto"),
            ("sep", "sept", "september", "septiembre", "setiembre"),
            ("oct", "october", "octubre"),
            ("nov", "november", "noviembre"),
            ("dec", "december", "dic", "diciembre"),
        ),
        start=1,
    )
    for name in names
}


def parse_date(value: Any, day_first: bool) -> date:
    """A date from a cell: a real date, an Excel serial number, or text in the usual ways.
    Raises ValueError with a reason a person understands."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value <= 2958465:  # Excel's serial dates (1900 system)
            return date(1899, 12, 30) + timedelta(days=int(value))
        raise ValueError(_("{value} is not a date").format(value=text_of(value)))
    text = text_of(value).strip()
    match = DATE_RE.match(text)
    if match:
        a, b, c = (int(x) for x in match.groups())
        if len(match.group(1)) == 4:  # 1985-03-12
            year, month, day = a, b, c
        else:
            year = c if c >= 100 else (1900 + c if c > 30 else 2000 + c)
            day, month = (a, b) if day_first else (b, a)
            if month > 12 >= day:  # the other order is the only one that makes a date
                day, month = month, day
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(_("{value} is not a real date").format(value=text)) from None
    words = re.findall(r"[a-záéíóúñ]+|\d+", fold(text))
    numbers = [int(w) for w in words if w.isdigit()]
    months = [MONTHS[w] for w in words if w in MONTHS]
    if len(numbers) == 2 and len(months) == 1:
        day, year = numbers if numbers[0] <= 31 else numbers[::-1]
        try:
            return date(year, months[0], day)
        except ValueError:
            raise ValueError(_("{value} is not a real date").format(value=text)) from None
    raise ValueError(
        _("'{value}' is not a date; write it like 25/11/1985 or 1985-11-25").format(value=text)
    )


TIME_RE = re.compile(
    r"^(.*?)[\sT]*(\d{1,2})[:h.](\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:([ap])\.?\s*m\.?)?\s*(?:hrs?\.?|horas)?$",
    re.IGNORECASE,
)


def parse_moment(parts: list[Any], day_first: bool) -> datetime:
    """A local date and time (naive) from one cell (a real date and time, an Excel serial
    number, "25/11/2023 13:05", "2023-11-25 1:05 pm") or from a date cell and a time cell.
    Raises ValueError with a reason a person understands."""
    if len(parts) == 1 and isinstance(parts[0], datetime):
        value = parts[0]
        if value.time() == datetime.min.time():
            raise ValueError(
                _("{value} has no time of day; add it like 25/11/2023 13:05").format(
                    value=value.date().isoformat()
                )
            )
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if (
        len(parts) == 1
        and isinstance(parts[0], int | float)
        and not isinstance(parts[0], bool)
        and 1 <= parts[0] <= 2958465
    ):
        whole = date(1899, 12, 30) + timedelta(days=int(parts[0]))
        minutes = round((float(parts[0]) % 1) * 24 * 60)
        if minutes == 0:
            raise ValueError(
                _("{value} has no time of day; add it like 25/11/2023 13:05").format(
                    value=whole.isoformat()
                )
            )
        return datetime.combine(whole, datetime.min.time()) + timedelta(minutes=minutes)
    day: date | None = None
    texts: list[str] = []
    for part in parts:
        if isinstance(part, datetime) and part.time() == datetime.min.time():
            day = part.date()
        elif isinstance(part, date) and not isinstance(part, datetime):
            day = part
        elif hasattr(part, "hour") and not isinstance(part, datetime):  # a time of day
            texts.append(f"{part.hour:02d}:{part.minute:02d}")
        else:
            texts.append(text_of(part))
    text = " ".join(t for t in texts if t).strip()
    match = TIME_RE.match(text)
    if match is None:
        shown = f"{day.isoformat()} {text}".strip() if day else text
        try:
            if day is None and text:
                parse_date(text, day_first)
            elif day is None or text:
                raise ValueError
        except ValueError:
            raise ValueError(
                _("'{value}' is not a date and time; write it like 25/11/2023 13:05").format(
                    value=shown
                )
            ) from None
        raise ValueError(
            _("{value} has no time of day; add it like 25/11/2023 13:05").format(value=shown)
        )
    rest, hour, minute, half = (
        match.group(1).strip(),
        int(match.group(2)),
        int(match.group(3)),
        (match.group(4) or "").lower(),
    )
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValueError(_("'{value}' is not a time of day").format(value=text))
    if rest:
        day = parse_date(rest, day_first)
    if day is None:
        raise ValueError(_("{value} has no date; add it like 25/11/2023 13:05").format(value=text))
    return datetime(day.year, day.month, day.day, hour, minute)


AIRLINES = {
    "CM": "Copa Airlines",
    "AV": "Avianca",
    "TA": "Avianca",
    "AA": "American Airlines",
    "UA": "United Airlines",
    "DL": "Delta Air Lines",
    "IB": "Iberia",
    "AM": "Aeroméxico",
    "NK": "Spirit Airlines",
    "5U": "TAG Airlines",
    "7P": "Air Panama",
    "B6": "JetBlue",
    "WN": "Southwest Airlines",
    "AS": "Alaska Airlines",
    "CU": "Cubana",
    "LR": "Avianca Costa Rica",
    "VB": "Viva Aerobus",
    "Y4": "Volaris",
}
ROAD_WORDS = (
    "bus",
    "autobus",
    "car",
    "carro",
    "auto",
    "vehiculo",
    "vehicle",
    "road",
    "terrestre",
    "por tierra",
    "by road",
    "land",
    "van",
    "microbus",
)
FLIGHT_RE = re.compile(r"^([A-Z0-9]{2})\s*-?\s*(\d{1,4}[A-Z]?)$")


def parse_flight(text: str) -> tuple[str, str, str]:
    """(mode, carrier, number) from "CM 421", "cm421", "Bus" or "Avianca AV 633"."""
    folded = fold(text).strip()
    if any(folded == w or folded.startswith(w + " ") for w in ROAD_WORDS):
        return "road", text.strip(), ""
    upper = " ".join(text.upper().split())
    words = upper.split(" ")
    candidate = " ".join(words[-2:]) if len(words) >= 2 else upper
    for attempt in (candidate, words[-1], upper):
        match = FLIGHT_RE.match(attempt)
        if match:
            code = match.group(1)
            carrier = (
                " ".join(text.split()[: -2 if attempt == candidate and len(words) > 2 else -1])
                if len(words) > 2
                else ""
            )
            return "flight", carrier or AIRLINES.get(code, ""), f"{code} {match.group(2)}"
    return "flight", "", upper[:20]


def parse_sex(text: str) -> str | None:
    key = fold(text).strip().rstrip(".")
    for sex, words in SEX_WORDS.items():
        if key in words or key + "." in words:
            return sex
    raise ValueError(
        _("sex '{value}' is not understood; write F, M, other, or leave it empty").format(
            value=text
        )
    )


def parse_role(text: str) -> tuple[str, str]:
    """(role, role_other): a known role, or 'other' keeping the text."""
    key = fold(text).strip()
    if not key:
        return str(Role.TRAINEE), ""
    for role, words in ROLE_WORDS.items():
        if key in words:
            return str(role), ""
    for known, label in ROLE_LABELS.items():
        if key in (fold(label), fold(_(label))):
            return str(known), ""
    return str(Role.OTHER), text.strip()


def country_code(text: str) -> str | None:
    from planner.domain.reference import _country_table

    key = fold(text).strip()
    if not key:
        return ""
    if len(key) == 2 and key.upper() in _country_table()["en"]:
        return key.upper()
    for names in _country_table().values():
        for code, name in names.items():
            if fold(name) == key:
                return code
    adjectives = {
        "hondurena": "HN",
        "hondureno": "HN",
        "panamena": "PA",
        "panameno": "PA",
        "guatemalteca": "GT",
        "guatemalteco": "GT",
        "salvadorena": "SV",
        "salvadoreno": "SV",
        "nicaraguense": "NI",
        "costarricense": "CR",
        "mexicana": "MX",
        "mexicano": "MX",
        "colombiana": "CO",
        "colombiano": "CO",
        "estadounidense": "US",
        "american": "US",
        "honduran": "HN",
        "panamanian": "PA",
    }
    return adjectives.get(key)


def _norm_id(text: str) -> str:
    return re.sub(r"[\s\-./]", "", text).upper()


def _name_key(given: str, family: str) -> str:
    return " ".join(fold(f"{given} {family}").split())


# --- the preview --------------------------------------------------------------------------------


@dataclass
class RowResult:
    row: int
    status: str
    values: dict[str, Any]
    name: str
    reasons: list[str] = field(default_factory=list)  # errors
    warnings: list[str] = field(default_factory=list)
    match_id: int | None = None  # the person already in the plan
    same_as_row: int | None = None  # an earlier row of the file
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    note: str = ""  # why a row is an update or a duplicate
    checked: dict[str, Any] = field(default_factory=dict)  # the values before rows merged


@dataclass
class Preview:
    table: Table
    mapping: dict[str, str | None]
    rows: list[RowResult]
    day_first: bool
    delegation: str
    organisation: str
    group: str
    new_names: dict[str, list[str]]  # "organisation" | "delegation" | "group" -> names to create

    @property
    def unmapped(self) -> list[str]:
        return [h for h, f in self.mapping.items() if f is None]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.status == ERROR]


class Cancelled(Exception):
    """The user cancelled a long import; nothing was changed."""


def _existing(store: PlanStore) -> dict[str, Any]:
    with store.reading() as r:
        return _existing_in(r)


def _existing_in(r: Reader) -> dict[str, Any]:
    """Who and what the plan holds, to match rows against (read through ``r``)."""
    people = r.rows(
        "SELECT id, given_name, family_name, sex, birth_date, id_number, email,"
        " nationality, organisation_id, position, duty_station, delegation_id,"
        " role, role_other, phone, dietary_needs, accessibility_needs,"
        " languages, notes FROM person"
    )
    orgs = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM organisation")}
    orgs.update(
        {
            fold(a).strip(): (i, n)
            for i, n, a in r.rows("SELECT id, name, acronym FROM organisation WHERE acronym <> ''")
            if fold(a).strip() not in orgs
        }
    )
    delegations = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM delegation")}
    groups = {fold(n).strip(): (i, n) for i, n in r.rows("SELECT id, name FROM participant_group")}
    members = defaultdict(set)
    for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
        members[p].add(g)
    zone, airport = _arrival_zone(r)
    travel: dict[int, dict[str, tuple[int, str, datetime | None]]] = defaultdict(dict)
    for tid, person, direction, number, departs, arrives in r.rows(
        "SELECT id, person_id, direction, number, departs_at, arrives_at FROM travel ORDER BY id"
    ):
        stored = arrives if direction == "arrival" else departs
        at = parse_time(stored).astimezone(zone).replace(tzinfo=None) if stored else None
        travel[person].setdefault(direction, (tid, number, at))
    columns = (
        "id",
        "given_name",
        "family_name",
        "sex",
        "birth_date",
        "id_number",
        "email",
        "nationality",
        "organisation_id",
        "position",
        "duty_station",
        "delegation_id",
        "role",
        "role_other",
        "phone",
        "dietary_needs",
        "accessibility_needs",
        "languages",
        "notes",
    )
    records = [dict(zip(columns, row, strict=True)) for row in people]
    by_id = {_norm_id(p["id_number"]): p for p in records if p["id_number"]}
    by_email = {p["email"].lower(): p for p in records if p["email"]}
    by_name = {
        (_name_key(p["given_name"], p["family_name"]), str(p["birth_date"] or "")[:10]): p
        for p in records
        if p["birth_date"]
    }
    return {
        "by_id": by_id,
        "by_email": by_email,
        "by_name": by_name,
        "orgs": orgs,
        "delegations": delegations,
        "groups": groups,
        "members": members,
        "travel": travel,
        "zone": zone,
        "airport": airport,
    }


def _arrival_zone(r: Any) -> tuple[ZoneInfo, int | None]:
    """The zone local travel times are read in (the default airport's, else the plan's)."""
    tz, airport = r.rows("SELECT timezone, arrival_airport_id FROM plan ORDER BY id LIMIT 1")[0]
    if airport is not None:
        found = r.rows("SELECT timezone FROM venue WHERE id = ?", (airport,))
        if found and found[0][0]:
            tz = found[0][0]
    return ZoneInfo(tz), airport


def preview(
    store: PlanStore,
    table: Table,
    mapping: dict[str, str | None],
    *,
    delegation: str = "",
    organisation: str = "",
    group: str = "",
    day_first: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Preview:
    """Check every row against the rules and the plan. Writes nothing."""
    organisation, delegation, group = (
        _chosen_name(kind, name)
        for kind, name in (
            ("organisation", organisation),
            ("delegation", delegation),
            ("group", group),
        )
    )
    columns: dict[str, list[int]] = defaultdict(list)
    for index, header in enumerate(table.headers):
        target = mapping.get(header)
        if target:
            columns[target].append(index)
    if day_first is None:
        day_first = _day_first(table, columns.get("birth_date", []), is_spanish(table.headers))
    results: list[RowResult] = []
    total = len(table.rows)
    for n, (row_number, cells) in enumerate(table.rows):
        if cancelled is not None and n % 500 == 0 and cancelled():
            raise Cancelled
        if progress is not None and n % 500 == 0:
            progress(n, total)
        result = _check_row(table, row_number, cells, columns, day_first)
        result.checked = dict(result.values)
        results.append(result)
    pv = Preview(
        table,
        dict(mapping),
        results,
        day_first,
        delegation.strip(),
        organisation.strip(),
        group.strip(),
        {},
    )
    _match_rows(pv, _existing(store))
    if progress is not None:
        progress(total, total)
    return pv


def _match_rows(pv: Preview, existing: dict[str, Any]) -> None:
    """Mark every checked row as new, an update or a duplicate against ``existing`` (what
    the plan holds) and the rows before it, and name the organisations, delegations and
    groups the import would create. Done by the preview, and again by ``apply`` inside its
    transaction, where the plan may hold more than when the preview ran."""
    seen: dict[str, dict[Any, RowResult]] = {"id": {}, "email": {}, "name": {}}
    new_names: dict[str, set[str]] = defaultdict(set)
    chosen = {"organisation": pv.organisation, "delegation": pv.delegation, "group": pv.group}
    for kind, name in chosen.items():
        if name and fold(name).strip() not in existing[_plural(kind)]:
            new_names[kind].add(name)
    for result in pv.rows:
        if not result.checked:
            result.checked = dict(result.values)
        if result.status != ERROR:  # as checked: the plan plays no part in a row's errors
            result.status, result.values = NEW, dict(result.checked)
            result.match_id = result.same_as_row = None
            result.changes, result.note = {}, ""
        for kind in ("organisation", "delegation", "group"):
            name = result.values.get(kind) or chosen[kind]
            if name and fold(name).strip() not in existing[_plural(kind)]:
                new_names[kind].add(name.strip())
        if result.status != ERROR:
            _match(result, existing, seen)
    pv.new_names = {k: sorted(v, key=fold) for k, v in new_names.items()}


def _chosen_name(kind: str, name: str) -> str:
    """A name typed for everyone of the file (--delegation, the import dialog): cleaned of
    control characters and refused when longer than the plan keeps."""
    name = " ".join(clean_text(name or "").split())
    if len(name) > MAX_LENGTH[kind]:
        raise PlannerError(
            _(
                "The {what} name is too long ({length} characters, at most {limit}); shorten it."
            ).format(what=noun(kind), length=len(name), limit=MAX_LENGTH[kind])
        )
    return name


def _plural(kind: str) -> str:
    return {"organisation": "orgs", "delegation": "delegations", "group": "groups"}[kind]


def _day_first(table: Table, cols: list[int], spanish: bool) -> bool:
    """Whether text dates put the day first: decided by the dates themselves when any is
    unambiguous (13/05/1990), else day-first (Spanish and most of the world)."""
    for _row, cells in table.rows:
        for col in cols:
            match = DATE_RE.match(text_of(cells[col]).strip()) if col < len(cells) else None
            if match and len(match.group(1)) <= 2:
                a, b = int(match.group(1)), int(match.group(2))
                if a > 12 >= b:
                    return True
                if b > 12 >= a:
                    return False
    return True  # Spanish files and most of the world write the day first


def _check_row(
    table: Table, row_number: int, cells: list[Any], columns: dict[str, list[int]], day_first: bool
) -> RowResult:
    values: dict[str, Any] = {}
    reasons: list[str] = []
    warnings: list[str] = []
    for target, cols in columns.items():
        parts = []
        for col in cols:
            if (row_number, col) in table.errors:
                warnings.append(
                    _("cell {cell} holds an Excel error value; it is read as empty").format(
                        cell=f"{column_letter(col)}{row_number}"
                    )
                )
                continue
            value = cells[col] if col < len(cells) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            parts.append(value)
        if not parts:
            continue
        if target in ("arrival_at", "departure_at"):
            label = _("arrival") if target == "arrival_at" else _("departure")
            try:
                values[target] = parse_moment(parts, day_first)
            except ValueError as exc:
                reasons.append(_("{what}: {reason}").format(what=label, reason=exc))
            continue
        if target == "birth_date":
            raw = parts[0]
            try:
                born = parse_date(raw, day_first)
            except ValueError as exc:
                reasons.append(_("date of birth: {reason}").format(reason=exc))
                continue
            today = date.today()
            if born > today:
                reasons.append(
                    _("the date of birth {value} is in the future").format(value=born.isoformat())
                )
            elif born.year < 1900:
                reasons.append(
                    _("the date of birth {value} is before 1900").format(value=born.isoformat())
                )
            else:
                values["birth_date"] = born
        elif target in MULTILINE_FIELDS:  # notes keep their lines (control characters gone)
            values[target] = "\n".join(
                clean_field(target, p).strip() if isinstance(p, str) else text_of(p) for p in parts
            )
        else:
            values[target] = " ".join(text_of(p) for p in parts)
    full = values.pop("full_name", "")
    if full and not values.get("given_name") and not values.get("family_name"):
        given, _sep, family = full.partition(" ")
        values["given_name"], values["family_name"] = given, family
    given, family = values.get("given_name", ""), values.get("family_name", "")
    name = f"{given} {family}".strip()
    if not name:
        reasons.append(_("no name: give at least a given name or a family name"))
    if "sex" in values:
        try:
            values["sex"] = parse_sex(values["sex"])
        except ValueError as exc:
            reasons.append(str(exc))
    if "role" in values:
        role, other = parse_role(values["role"])
        if role == Role.OTHER:
            warnings.append(
                _("role '{value}' is not one the plan knows; kept as 'other'").format(value=other)
            )
        values["role"], values["role_other"] = role, other
    if "email" in values:
        email = values["email"].strip()
        if not EMAIL_RE.match(email):
            warnings.append(
                _("'{value}' is not an email address; it is left out").format(value=email)
            )
            del values["email"]
        else:
            values["email"] = email
    if "nationality" in values:
        code = country_code(values["nationality"])
        if code is None:
            warnings.append(
                _(
                    "nationality '{value}' is not a country the program knows; it is left out"
                ).format(value=values["nationality"])
            )
            del values["nationality"]
        else:
            values["nationality"] = code
    arrival, departure = values.get("arrival_at"), values.get("departure_at")
    if arrival and departure and departure <= arrival:
        reasons.append(
            _("the departure ({departure}) is not after the arrival ({arrival})").format(
                departure=departure.isoformat(" ", "minutes"),
                arrival=arrival.isoformat(" ", "minutes"),
            )
        )
    for direction in ("arrival", "departure"):
        flight = values.get(f"{direction}_flight")
        if flight and not values.get(f"{direction}_at"):
            warnings.append(
                _("{what} {flight} has no date and time; it is left out").format(
                    what=_("arrival flight") if direction == "arrival" else _("departure flight"),
                    flight=flight,
                )
            )
    for key, limit in MAX_LENGTH.items():
        if isinstance(values.get(key), str) and len(values[key]) > limit:
            reasons.append(
                _("{field} is too long ({length} characters, at most {limit})").format(
                    field=field_label(key) if key in FIELDS else key,
                    length=len(values[key]),
                    limit=limit,
                )
            )
    status = ERROR if reasons else NEW
    return RowResult(row_number, status, values, name, reasons, warnings)


def _match(
    result: RowResult, existing: dict[str, Any], seen: dict[str, dict[Any, RowResult]]
) -> None:
    """Mark a row as repeating an earlier row (merged into it), or as someone already in the
    plan (an update, where a blank cell never erases a value)."""
    v = result.values
    keys: list[tuple[str, Any]] = []
    if v.get("id_number"):
        keys.append(("id", _norm_id(v["id_number"])))
    if v.get("email"):
        keys.append(("email", v["email"].lower()))
    if v.get("birth_date"):
        keys.append(
            (
                "name",
                (
                    _name_key(v.get("given_name", ""), v.get("family_name", "")),
                    v["birth_date"].isoformat(),
                ),
            )
        )
    for kind, key in keys:
        earlier = seen[kind].get(key)
        if earlier is not None:
            result.status, result.same_as_row = DUPLICATE, earlier.row
            result.note = _(
                "the same person as row {row} (same {what}); the rows are merged"
            ).format(row=earlier.row, what=_what(kind))
            for name, value in v.items():
                if value not in (None, "") and earlier.values.get(name) in (None, ""):
                    earlier.values[name] = value
            return
    for kind, key in keys:
        seen[kind].setdefault(key, result)
    for kind, key in keys:
        person = existing[{"id": "by_id", "email": "by_email", "name": "by_name"}[kind]].get(key)
        if person is None:
            continue
        result.match_id = person["id"]
        trips = existing["travel"].get(person["id"], {})
        for direction in ("arrival", "departure"):
            at = v.get(f"{direction}_at")
            if at is None:
                continue
            known = trips.get(direction)
            flight = v.get(f"{direction}_flight", "")
            number = parse_flight(flight)[2] if flight else ""
            if known is None or known[2] != at or (number and known[1] != number):
                result.changes[f"{direction}_at"] = (known[2] if known else None, at)
        for name, value in v.items():
            if (
                name in ("organisation", "delegation", "group")
                or name in TRAVEL_FIELDS
                or value in (None, "")
            ):
                continue
            old = person.get(name)
            if isinstance(old, str) and name == "birth_date":
                old = date.fromisoformat(old[:10])
            if old != value:
                result.changes[name] = (old, value)
        if result.changes or v.get("group"):
            result.status = UPDATE
            result.note = _("already in the plan (same {what}); it is updated").format(
                what=_what(kind)
            )
        else:
            result.status = DUPLICATE
            result.note = _("already in the plan (same {what}); nothing to change").format(
                what=_what(kind)
            )
        return


def _what(kind: str) -> str:
    return {
        "id": _("ID or passport number"),
        "email": _("email"),
        "name": _("name and date of birth"),
    }[kind]


# --- applying -----------------------------------------------------------------------------------

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "sex",
    "birth_date",
    "id_number",
    "nationality",
    "position",
    "duty_station",
    "role",
    "role_other",
    "email",
    "phone",
    "dietary_needs",
    "accessibility_needs",
    "languages",
    "notes",
)


class InvalidRows(PlannerError):
    """Some rows have errors and the user did not ask to skip them: nothing was imported."""


def apply(
    store: PlanStore,
    pv: Preview,
    *,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
    remember: bool = False,
) -> Any:
    """Import every valid row in one transaction; returns a ``planner.operations.Batch`` for undo.

    Rows with errors stop the import (nothing is written) unless ``skip_invalid``. The rows
    are matched against the plan again inside the transaction, which holds the plan's write
    lock: someone else's import that finished since the preview counts (its people are
    "already there"), and ``pv`` then says what this import did (its rows' status, and in
    ``new_names`` the organisations, delegations and groups it created). ``remember`` keeps
    the column mapping for the next file with these headings, in the same transaction.
    """
    from sqlalchemy import insert, select

    from planner import operations
    from planner.domain.model import (
        Delegation,
        GroupMember,
        Organisation,
        ParticipantGroup,
        Person,
        Plan,
        PlanSetting,
        Travel,
        Venue,
        table_of,
    )
    from planner.store import recorder
    from planner.store.shared import SqlReader

    bad = pv.errors
    if bad and not skip_invalid:
        raise InvalidRows(
            ngettext(
                "{n} row has errors, so nothing was imported. Fix it in the file, or import the"
                " other rows and skip it.",
                "{n} rows have errors, so nothing was imported. Fix them in the file, or import the"
                " other rows and skip them.",
                len(bad),
            ).format(n=len(bad))
        )
    label = _label(pv)
    batch = operations.Batch(label)
    created: dict[str, list[str]] = {"organisation": [], "delegation": [], "group": []}
    with store.transaction(label) as session:
        conn = session.connection()
        # the write lock is held from the transaction's start: match against what is there now
        _match_rows(pv, _existing_in(SqlReader(conn)))
        batch.label = session.info["action"] = _label(pv)
        rec = recorder(session)
        cache: dict[str, dict[str, int]] = {"organisation": {}, "delegation": {}, "group": {}}
        models: dict[str, Any] = {
            "organisation": Organisation,
            "delegation": Delegation,
            "group": ParticipantGroup,
        }

        def ref(kind: str, name: str) -> int | None:
            name = name.strip()
            if not name:
                return None
            key = fold(name).strip()
            if key in cache[kind]:
                return cache[kind][key]
            model = models[kind]
            found = None
            for row_id, row_name, *rest in session.execute(
                select(
                    model.id,
                    model.name,
                    *([Organisation.acronym] if kind == "organisation" else []),
                )
            ):
                if fold(row_name).strip() == key or (
                    rest and rest[0] and fold(rest[0]).strip() == key
                ):
                    found = row_id
                    break
            if found is None:
                obj = model(name=name)
                session.add(obj)
                session.flush()
                found = obj.id
                batch.add(model.__tablename__, found)
                created[kind].append(name)
            cache[kind][key] = int(found)
            return int(found)

        chosen = {
            kind: ref(kind, name)
            for kind, name in (
                ("organisation", pv.organisation),
                ("delegation", pv.delegation),
                ("group", pv.group),
            )
        }
        members = {
            (g, p) for g, p in session.execute(select(GroupMember.group_id, GroupMember.person_id))
        }
        new_people: list[dict[str, Any]] = []
        new_groups: list[int | None] = []
        new_travel: list[dict[str, Any] | None] = []
        plan = session.execute(select(Plan)).scalars().one()
        airport = session.get(Venue, plan.arrival_airport_id) if plan.arrival_airport_id else None
        zone = (airport.timezone if airport is not None else "") or plan.timezone
        airport_name = airport.name if airport is not None else ""
        if remember:
            _remember_in(session, PlanSetting, pv)

        def write_travel(person_id: int, v: dict[str, Any]) -> None:
            """Add or update the person's arrival and departure (blank cells change nothing)."""
            for direction in ("arrival", "departure"):
                at = v.get(f"{direction}_at")
                if at is None:
                    continue
                flight = v.get(f"{direction}_flight", "")
                mode, carrier, number = parse_flight(flight) if flight else ("flight", "", "")
                key = "arrives" if direction == "arrival" else "departs"
                values: dict[str, Any] = {
                    f"{key}_at": at.replace(tzinfo=ZoneInfo(zone)),
                    f"{key}_tz": zone,
                }
                if flight:
                    values.update(mode=mode, carrier=carrier, number=number)
                trip = (
                    session.execute(
                        select(Travel)
                        .where(Travel.person_id == person_id, Travel.direction == direction)
                        .order_by(Travel.id)
                        .limit(1)
                    )
                    .scalars()
                    .first()
                )
                if trip is None:
                    place = {"to_place" if direction == "arrival" else "from_place": airport_name}
                    obj = Travel(
                        person_id=person_id,
                        direction=direction,
                        place_id=airport.id if airport is not None else None,
                        **{**place, **values},
                    )
                    session.add(obj)
                    session.flush()
                    rec.record("travel", obj.id, "insert")
                    batch.add("travel", obj.id)
                    continue
                old = {k: getattr(trip, k) for k in values if getattr(trip, k) != values[k]}
                if old:
                    new = {k: values[k] for k in old}
                    for k, value in new.items():
                        setattr(trip, k, value)
                    session.flush()
                    batch.updated.append(("travel", trip.id, old, new, trip.version))

        total = len(pv.rows) + sum(1 for r in pv.rows if r.status == NEW)  # rows, then inserts
        for n, row in enumerate(pv.rows):
            if progress is not None and n % 1000 == 0:
                progress(n, total)
            if row.status == ERROR or row.same_as_row is not None:
                continue
            v = row.values
            org = ref("organisation", v.get("organisation", "")) or chosen["organisation"]
            dele = ref("delegation", v.get("delegation", "")) or chosen["delegation"]
            group = ref("group", v.get("group", "")) or chosen["group"]
            if row.match_id is None:
                person = {key: v.get(key, "") for key in PERSON_FIELDS}
                person.update(
                    sex=v.get("sex"),
                    birth_date=v.get("birth_date"),
                    role=v.get("role") or Role.TRAINEE,
                    organisation_id=org,
                    delegation_id=dele,
                    version=1,
                )
                new_people.append(person)
                new_groups.append(group)
                new_travel.append(v if any(v.get(k) for k in TRAVEL_FIELDS) else None)
                continue
            obj = session.get(Person, row.match_id)
            if obj is None:
                continue
            old: dict[str, Any] = {}
            new: dict[str, Any] = {}
            for key in PERSON_FIELDS:
                value = v.get(key)
                if value not in (None, "") and getattr(obj, key) != value:
                    old[key], new[key] = getattr(obj, key), value
            for key, value in (
                ("organisation_id", org if v.get("organisation") else None),
                ("delegation_id", dele if v.get("delegation") else None),
            ):
                if value is not None and getattr(obj, key) != value:
                    old[key], new[key] = getattr(obj, key), value
            if new:
                for key, value in new.items():
                    setattr(obj, key, value)
                session.flush()
                batch.updated.append(("person", obj.id, old, new, obj.version))
            write_travel(obj.id, v)
            if group is not None and (group, obj.id) not in members:
                inserted = conn.execute(
                    insert(table_of(GroupMember)).values(
                        group_id=group, person_id=obj.id, version=1
                    )
                ).inserted_primary_key
                assert inserted is not None
                member_id = inserted[0]
                members.add((group, obj.id))
                batch.add("group_member", int(member_id))
        if new_people:
            table = table_of(Person)
            ids = []
            step = 5000  # in pieces, to show progress (and let a cancel in) on large files
            for start in range(0, len(new_people), step):
                if progress is not None:
                    progress(len(pv.rows) + start, total)
                ids += [
                    row[0]
                    for row in conn.execute(
                        insert(table).returning(table.c.id, sort_by_parameter_order=True),
                        new_people[start : start + step],
                    )
                ]
            for person_id in ids:
                rec.record("person", person_id, "insert")
                batch.add("person", person_id)
            for person_id, trip_values in zip(ids, new_travel, strict=True):
                if trip_values is not None:
                    write_travel(person_id, trip_values)
            links = [
                {"group_id": g, "person_id": p, "version": 1}
                for p, g in zip(ids, new_groups, strict=True)
                if g is not None
            ]
            if links:
                gm = table_of(GroupMember)
                for link in conn.execute(
                    insert(gm).returning(gm.c.id, sort_by_parameter_order=True), links
                ):
                    batch.add("group_member", link[0])
            rec.touch("person", "group_member")
        rec.touch("organisation", "delegation", "participant_group", "travel")
        if progress is not None:
            progress(total, total)
    batch.change = store.last_change
    pv.new_names = {kind: sorted(names, key=fold) for kind, names in created.items() if names}
    return batch


def _label(pv: Preview) -> str:
    """The action's name in the history and the Edit menu: the people it adds or updates."""
    return _("Import {n} people from {file}").format(
        n=sum(1 for r in pv.rows if r.status in (NEW, UPDATE)), file=pv.table.path.name
    )


def _remember_in(session: Any, setting: Any, pv: Preview) -> None:
    """Keep the column mapping for the next file with these headings (inside the import)."""
    import json

    from sqlalchemy import select

    row = session.execute(select(setting).where(setting.key == SETTING)).scalars().first()
    saved = dict(json.loads(row.value) if row is not None and row.value else {})
    key = mapping_key(pv.table.headers)
    value = {h: pv.mapping.get(h) for h in pv.table.headers}
    if saved.get(key) == value:
        return
    saved[key] = value
    text = json.dumps(saved, ensure_ascii=False, sort_keys=True, default=str)
    if row is None:
        session.add(setting(key=SETTING, value=text))
    else:
        row.value = text


def summary(report: dict[str, list[dict[str, Any]]]) -> str:
    """One line of counts from a report (of people or of an agenda)."""
    return _(
        "{created} new, {updated} updated, {duplicates} already there or repeated,"
        " {rejected} with errors, {warnings} warnings."
    ).format(
        **{
            key: len(report.get(key, []))
            for key in ("created", "updated", "duplicates", "rejected", "warnings")
        }
    )


def report(pv: Preview) -> dict[str, list[dict[str, Any]]]:
    """The JSON report of ``planner import people`` (a contract: add keys, never rename)."""
    out: dict[str, list[dict[str, Any]]] = {
        "created": [],
        "updated": [],
        "duplicates": [],
        "rejected": [],
        "warnings": [],
    }
    for row in pv.rows:
        if row.status == NEW:
            out["created"].append({"row": row.row, "name": row.name})
        elif row.status == UPDATE:
            out["updated"].append(
                {
                    "row": row.row,
                    "name": row.name,
                    "id": row.match_id,
                    "fields": sorted(row.changes),
                    "reason": row.note,
                }
            )
        elif row.status == DUPLICATE:
            entry: dict[str, Any] = {"row": row.row, "name": row.name, "reason": row.note}
            if row.same_as_row is not None:
                entry["same_as_row"] = row.same_as_row
            if row.match_id is not None:
                entry["id"] = row.match_id
            out["duplicates"].append(entry)
        else:
            out["rejected"].append(
                {"row": row.row, "name": row.name, "reason": "; ".join(row.reasons)}
            )
        for warning in row.warnings:
            out["warnings"].append({"row": row.row, "reason": warning})
    out["new_items"] = [
        {"kind": kind, "name": name} for kind, names in pv.new_names.items() for name in names
    ]  # delegations, organisations, groups it creates
    return out


# --- remembered mappings ------------------------------------------------------------------------

SETTING = "import_mappings"


def remembered_mapping(store: PlanStore, headers: list[str]) -> dict[str, str | None] | None:
    """The mapping used last time for a file with these same headers, if any."""
    from planner.operations import get_setting

    saved = get_setting(store, SETTING, {}) or {}
    found = saved.get(mapping_key(headers))
    if not isinstance(found, dict):
        return None
    return {h: (found.get(h) if found.get(h) in FIELDS else None) for h in headers}


def remember_mapping(store: PlanStore, headers: list[str], mapping: dict[str, str | None]) -> None:
    from planner.operations import get_setting, set_setting

    saved = dict(get_setting(store, SETTING, {}) or {})
    key = mapping_key(headers)
    value = {h: mapping.get(h) for h in headers}
    if saved.get(key) != value:
        saved[key] = value
        set_setting(store, SETTING, saved)


def mapping_for(
    store: PlanStore, table: Table, overrides: dict[str, str | None] | None = None
) -> dict[str, str | None]:
    """The remembered mapping for these headers, else a guess; then the user's overrides."""
    mapping = remembered_mapping(store, table.headers) or guess_mapping(table.headers)
    for header, target in (overrides or {}).items():
        match = next((h for h in table.headers if _key(h) == _key(header)), None)
        if match is None:
            raise PlannerError(
                _("The file has no column '{header}'. Its columns are: {columns}.").format(
                    header=header, columns=", ".join(table.headers)
                )
            )
        if target not in (None, "") and target not in FIELDS:
            raise PlannerError(
                _(
                    "'{field}' is not a field a column can go to. Use one of: "
                    "{fields}, or nothing to leave the column out."
                ).format(field=target, fields=", ".join(FIELDS))
            )
        mapping[match] = target or None
    return mapping
