"""The columns of a partner's roster: which field each heading goes to (English and Spanish
headings, folded), guessed or remembered from the last file with the same headings."""

from __future__ import annotations

import re

from planner.domain.errors import PlannerError
from planner.domain.i18n import N_, _
from planner.domain.reference import fold
from planner.imports.readers import Table
from planner.queries.settings import get_setting
from planner.store import PlanStore

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

_ALIASES = frozenset(alias for _l, aliases in FIELDS.values() for alias in aliases)


def field_label(name: str) -> str:
    return _(FIELDS[name][0]) if name in FIELDS else name


# --- the column mapping -------------------------------------------------------------------------


def header_key(header: str) -> str:
    """A heading as it is matched (folded, single spaces, no final colon)."""
    text = fold(header).strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text)


def known_header(text: str) -> bool:
    key = header_key(text)
    return key in _ALIASES or key in NOT_IMPORTED


def guess_mapping(headers: list[str]) -> dict[str, str | None]:
    """{header: field or None}: exact names first, then headings that contain a name."""
    mapping: dict[str, str | None] = {}
    for header in headers:
        key = header_key(header)
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
    return "|".join(sorted(header_key(h) for h in headers))


def is_spanish(headers: list[str]) -> bool:
    keys = {header_key(h) for h in headers}
    english = {a for _f, (_l, aliases) in FIELDS.items() for a in aliases} - SPANISH_HINTS
    return len(keys & SPANISH_HINTS) > len(keys & english)


# --- remembered mappings ------------------------------------------------------------------------

SETTING = "import_mappings"


def remembered_mapping(store: PlanStore, headers: list[str]) -> dict[str, str | None] | None:
    """The mapping used last time for a file with these same headers, if any."""
    saved = get_setting(store, SETTING, {}) or {}
    found = saved.get(mapping_key(headers))
    if not isinstance(found, dict):
        return None
    return {h: (found.get(h) if found.get(h) in FIELDS else None) for h in headers}


def remember_mapping(store: PlanStore, headers: list[str], mapping: dict[str, str | None]) -> None:
    from planner.operations.plan import set_setting

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
        match = next((h for h in table.headers if header_key(h) == header_key(header)), None)
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
