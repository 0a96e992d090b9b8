"""Reading one cell of a roster: text, dates in the ways people write them, dates with times,
flight numbers, sex, role and nationality in English or Spanish."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from planner.domain.i18n import _
from planner.domain.labels import ROLE_LABELS, Role
from planner.domain.reference import _country_table, fold

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
    text = str(value)
    if _ODD_SPACE.search(text) is None:
        return text  # already tidy: the cell's own text (no copy per cell of a large file)
    return " ".join(text.split())


# space at either end, two in a row, or any space but the plain one (tabs, breaks, NBSP)
_ODD_SPACE = re.compile(r"^\s|\s$|\s\s|[^\S ]")


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
