"""Kinds of things and their names in the reader's language (no database code here).

Kept apart from the model so that lists and the command line can name things without loading
the database layer.
"""

from __future__ import annotations

import enum
import functools

from planner.domain.i18n import N_, NP_, Nn_, _, current_language, ngettext, pgettext


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


SEX_LABELS: dict[str | None, str] = {
    Sex.FEMALE: N_("Female"),
    Sex.MALE: N_("Male"),
    Sex.OTHER: N_("Other"),
    None: N_("Unknown"),
}


class Role(enum.StrEnum):
    TRAINEE = "trainee"
    TRAINER = "trainer"
    HEAD = "head_of_delegation"
    ADVISER = "technical_adviser"
    STAFF = "staff"
    LOGISTICS = "logistics"
    INTERPRETER = "interpreter"
    DRIVER = "driver"
    OBSERVER = "observer"
    OTHER = "other"


class PersonStatus(enum.StrEnum):
    """Where a person's nomination stands. The last three are *gone*: they leave audiences,
    rooms, rides and counts from their effective date."""

    NOMINATED = "nominated"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    REPLACED = "replaced"
    CANCELLED = "cancelled"


class AssessmentKind(enum.StrEnum):
    """A test before or after the training (or a module), or the satisfaction questionnaire."""

    PRE_TEST = "pre_test"
    POST_TEST = "post_test"
    QUESTIONNAIRE = "questionnaire"

    @property
    def label(self) -> str:
        """Its name, marked for translation (translate where shown)."""
        return {
            AssessmentKind.PRE_TEST: N_("Pre-test"),
            AssessmentKind.POST_TEST: N_("Post-test"),
            AssessmentKind.QUESTIONNAIRE: N_("Satisfaction questionnaire"),
        }[self]


GONE_STATUSES = frozenset({PersonStatus.DECLINED, PersonStatus.REPLACED, PersonStatus.CANCELLED})

STATUS_LABELS: dict[str, str] = {
    PersonStatus.NOMINATED: NP_("person status", "Nominated"),
    PersonStatus.CONFIRMED: NP_("person status", "Confirmed"),
    PersonStatus.DECLINED: NP_("person status", "Declined"),
    PersonStatus.REPLACED: NP_("person status", "Replaced"),
    PersonStatus.CANCELLED: NP_("person status", "Cancelled"),
}


def status_label(status: str, sex: str | None = None) -> str:
    """A status's name; given the person's sex, in its form for a woman or a man where the
    language has one ("Reemplazada"; "Reemplazado(a)" when not known)."""
    gendered: str | None
    if sex == "female":
        gendered = {
            PersonStatus.NOMINATED.value: pgettext("status of a woman", "Nominated"),
            PersonStatus.CONFIRMED.value: pgettext("status of a woman", "Confirmed"),
            PersonStatus.REPLACED.value: pgettext("status of a woman", "Replaced"),
            PersonStatus.CANCELLED.value: pgettext("status of a woman", "Cancelled"),
        }.get(status)
    elif sex == "male":
        gendered = {
            PersonStatus.NOMINATED.value: pgettext("status of a man", "Nominated"),
            PersonStatus.CONFIRMED.value: pgettext("status of a man", "Confirmed"),
            PersonStatus.REPLACED.value: pgettext("status of a man", "Replaced"),
            PersonStatus.CANCELLED.value: pgettext("status of a man", "Cancelled"),
        }.get(status)
    else:
        gendered = None
    return gendered or pgettext("person status", STATUS_LABELS.get(status, status))


class DocumentKind(enum.StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"  # enough inside the CA-4 area for its own citizens
    OTHER = "other"


class VisaStatus(enum.StrEnum):
    NEEDED = "needed"  # not yet applied for
    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"


class SecurityStatus(enum.StrEnum):
    REQUESTED = "requested"
    GRANTED = "granted"
    REFUSED = "refused"


DOCUMENT_LABELS: dict[str, str] = {
    DocumentKind.PASSPORT: NP_("travel document", "Passport"),
    DocumentKind.ID_CARD: NP_("travel document", "Identity card"),
    DocumentKind.OTHER: NP_("travel document", "Other"),
}
VISA_LABELS: dict[str, str] = {
    VisaStatus.NEEDED: NP_("visa", "Needed, not applied for"),
    VisaStatus.APPLIED: NP_("visa", "Applied for"),
    VisaStatus.GRANTED: NP_("visa", "Granted"),
    VisaStatus.REFUSED: NP_("visa", "Refused"),
}
SECURITY_LABELS: dict[str, str] = {
    SecurityStatus.REQUESTED: NP_("security clearance", "Requested"),
    SecurityStatus.GRANTED: NP_("security clearance", "Granted"),
    SecurityStatus.REFUSED: NP_("security clearance", "Refused"),
}


def document_label(kind: str) -> str:
    return pgettext("travel document", DOCUMENT_LABELS[kind]) if kind in DOCUMENT_LABELS else kind


def visa_label(status: str) -> str:
    return pgettext("visa", VISA_LABELS[status]) if status in VISA_LABELS else status


def security_label(status: str) -> str:
    return (
        pgettext("security clearance", SECURITY_LABELS[status])
        if status in SECURITY_LABELS
        else status
    )


# Roles whose phone is a number to call (drivers, logistics staff): printed on itineraries;
# everyone else's phone is personal data.
CONTACT_ROLES = frozenset({Role.DRIVER.value, Role.LOGISTICS.value})

ROLE_LABELS: dict[str, str] = {
    Role.TRAINEE: N_("Trainee"),
    Role.TRAINER: N_("Trainer"),
    Role.HEAD: N_("Head of delegation"),
    Role.ADVISER: N_("Technical adviser"),
    Role.STAFF: N_("Staff"),
    Role.LOGISTICS: N_("Logistics"),
    Role.INTERPRETER: N_("Interpreter"),
    Role.DRIVER: N_("Driver"),
    Role.OBSERVER: N_("Observer"),
    Role.OTHER: N_("Other"),
}


class SessionKind(enum.StrEnum):
    TRAINING = "training"
    PLENARY = "plenary"
    MEETING = "meeting"
    BREAK = "break"
    MEAL = "meal"
    CEREMONY = "ceremony"
    TRAVEL = "travel"
    SITE_VISIT = "site_visit"


SESSION_KIND_LABELS: dict[str, str] = {
    SessionKind.TRAINING: N_("Training"),
    SessionKind.PLENARY: N_("Plenary"),
    SessionKind.MEETING: N_("Meeting"),
    SessionKind.BREAK: N_("Break"),
    SessionKind.MEAL: N_("Meal"),
    SessionKind.CEREMONY: N_("Ceremony"),
    SessionKind.TRAVEL: N_("Travel"),
    SessionKind.SITE_VISIT: N_("Site visit"),
}


class PlaceKind(enum.StrEnum):
    VENUE = "venue"
    HOTEL = "hotel"
    AIRPORT = "airport"
    SITE = "site"
    OTHER = "other"


PLACE_KIND_LABELS: dict[str, str] = {
    PlaceKind.VENUE: N_("Training or meeting venue"),
    PlaceKind.HOTEL: N_("Hotel"),
    PlaceKind.AIRPORT: N_("Airport or terminal"),
    PlaceKind.SITE: N_("Site to visit"),
    PlaceKind.OTHER: N_("Other place"),
}


class TravelMode(enum.StrEnum):
    FLIGHT = "flight"
    ROAD = "road"


TRAVEL_MODE_LABELS: dict[str, str] = {
    TravelMode.FLIGHT: N_("Flight"),
    TravelMode.ROAD: N_("Road"),
}


class Direction(enum.StrEnum):
    ARRIVAL = "arrival"
    DEPARTURE = "departure"


DIRECTION_LABELS: dict[str, str] = {
    Direction.ARRIVAL: N_("Arrival"),
    Direction.DEPARTURE: N_("Departure"),
}


class Clearance(enum.StrEnum):
    NOT_NEEDED = "not_needed"
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    REFUSED = "refused"


CLEARANCE_LABELS: dict[str, str] = {
    Clearance.NOT_NEEDED: N_("Not needed"),
    Clearance.REQUESTED: N_("Requested"),
    Clearance.CONFIRMED: N_("Confirmed"),
    Clearance.REFUSED: N_("Refused"),
}


# The kinds of item a user adds, edits and deletes: (singular, plural) nouns.
class BudgetCategory(enum.StrEnum):
    """Budget categories, in the order finance lists them."""

    TRAVEL = "travel"
    ACCOMMODATION = "accommodation"
    PER_DIEM = "per_diem"
    VENUE = "venue"
    CATERING = "catering"
    GROUND_TRANSPORT = "ground_transport"
    INTERPRETATION = "interpretation"
    MATERIALS = "materials"
    VISIBILITY = "visibility"
    OTHER = "other"
    INDIRECT = "indirect"  # the indirect support cost, a percentage of all the others


BUDGET_CATEGORY_LABELS: dict[str, str] = {
    BudgetCategory.TRAVEL: N_("Travel"),
    BudgetCategory.ACCOMMODATION: N_("Accommodation"),
    BudgetCategory.PER_DIEM: N_("Per diem"),
    BudgetCategory.VENUE: N_("Venue"),
    BudgetCategory.CATERING: N_("Catering"),
    BudgetCategory.GROUND_TRANSPORT: N_("Ground transport"),
    BudgetCategory.INTERPRETATION: N_("Interpretation"),
    BudgetCategory.MATERIALS: N_("Materials"),
    BudgetCategory.VISIBILITY: N_("Visibility"),
    BudgetCategory.OTHER: N_("Other"),
    BudgetCategory.INDIRECT: N_("Indirect support"),
}


class Meal(enum.StrEnum):
    """What a catering rate is for (a meal session is told apart by its time of day)."""

    BREAK = "break"
    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"


MEAL_LABELS: dict[str, str] = {
    Meal.BREAK: N_("Coffee break"),
    Meal.BREAKFAST: N_("Breakfast"),
    Meal.LUNCH: N_("Lunch"),
    Meal.DINNER: N_("Dinner"),
}


KIND_NOUNS: dict[str, tuple[str, str]] = {
    "plan": Nn_("plan", "plans"),
    "organisation": Nn_("organisation", "organisations"),
    "delegation": Nn_("delegation", "delegations"),
    "person": Nn_("person", "people"),
    "group": Nn_("group", "groups"),
    "venue": Nn_("venue", "venues"),
    "room": Nn_("room", "rooms"),
    "session": Nn_("session", "sessions"),
    "module": Nn_("module", "modules"),
    "unavailability": Nn_("unavailable time", "unavailable times"),
    "travel": Nn_("journey", "journeys"),
    "room_block": Nn_("room block", "room blocks"),
    "stay": Nn_("hotel stay", "hotel stays"),
    "road_time": Nn_("road time", "road times"),
    "stop": Nn_("stop", "stops"),
    "vehicle": Nn_("vehicle", "vehicles"),
    "ride": Nn_("ride", "rides"),
    "site_visit": Nn_("site visit", "site visits"),  # a session of the kind site visit
    "place": Nn_("place", "places"),  # a venue: a training venue, hotel, airport or site
    "funding_source": Nn_("funding source", "funding sources"),
    "budget_category": Nn_("budget category", "budget categories"),
    "per_diem_rate": Nn_("per diem rate", "per diem rates"),
    "exchange_rate": Nn_("exchange rate", "exchange rates"),
    "catering_rate": Nn_("catering rate", "catering rates"),
    "budget_line": Nn_("budget line", "budget lines"),
    "budget_actual": Nn_("actual cost", "actual costs"),
    "attendance": Nn_("attendance record", "attendance records"),
    "assessment": Nn_("test or questionnaire", "tests and questionnaires"),
    "question": Nn_("question", "questions"),
    "score": Nn_("score", "scores"),
    "response": Nn_("filled-in questionnaire", "filled-in questionnaires"),
    "answer": Nn_("answer", "answers"),
}


def noun(kind: str, n: int = 1) -> str:
    """'person' / 'people' (translated) for ``n`` items of a kind."""
    singular, plural = KIND_NOUNS[kind]
    return ngettext(singular, plural, n)


def sex_label(sex: str | None) -> str:
    return _(SEX_LABELS.get(sex, SEX_LABELS[None]))


def role_label(role: str, other: str = "", sex: str | None = None) -> str:
    """A role's name; given the person's sex, in its form for a woman or a man where the
    language has one ("Capacitadora", "Asesor técnico"; "Capacitador(a)" when not known)."""
    if role == Role.OTHER and other:
        return other
    if sex in ("female", "male"):
        gendered = _gendered_roles(current_language(), sex).get(role)
        if gendered:
            return gendered
    return _(ROLE_LABELS.get(role, role))


def role_with_status(role: str, status: str, sex: str | None = None, other: str = "") -> str:
    """A role, and the status of someone who left ("Trainee · Replaced"): papers that list
    everyone say who is no longer taking part."""
    said = role_label(role, other, sex)
    if status not in GONE_STATUSES:
        return said
    return _("{role} · {status}").format(role=said, status=status_label(status, sex))


@functools.cache
def _gendered_roles(lang: str, sex: str) -> dict[str, str]:
    """The roles' names for a woman or a man, in ``lang`` (the current language: the cache
    keeps one table per language and sex)."""
    if sex == "female":
        return {
            Role.TRAINER: pgettext("role of a woman", "Trainer"),
            Role.HEAD: pgettext("role of a woman", "Head of delegation"),
            Role.ADVISER: pgettext("role of a woman", "Technical adviser"),
            Role.DRIVER: pgettext("role of a woman", "Driver"),
            Role.OBSERVER: pgettext("role of a woman", "Observer"),
        }
    return {
        Role.TRAINER: pgettext("role of a man", "Trainer"),
        Role.HEAD: pgettext("role of a man", "Head of delegation"),
        Role.ADVISER: pgettext("role of a man", "Technical adviser"),
        Role.DRIVER: pgettext("role of a man", "Driver"),
        Role.OBSERVER: pgettext("role of a man", "Observer"),
    }


def kind_label(kind: str) -> str:
    return _(SESSION_KIND_LABELS.get(kind, kind))


def place_kind_label(kind: str) -> str:
    return _(PLACE_KIND_LABELS.get(kind, kind))


def travel_mode_label(mode: str) -> str:
    return _(TRAVEL_MODE_LABELS.get(mode, mode))


def direction_label(direction: str) -> str:
    return _(DIRECTION_LABELS.get(direction, direction))


def clearance_label(clearance: str) -> str:
    return _(CLEARANCE_LABELS.get(clearance, clearance))


def budget_category_label(category: str) -> str:
    return _(BUDGET_CATEGORY_LABELS.get(category, category))


def meal_label(meal: str) -> str:
    return _(MEAL_LABELS.get(meal, meal))


FIELD_LABELS: dict[str, str] = {  # fields as the history names them (context "field")
    "accessibility_needs": NP_("field", "accessibility needs"),
    "acronym": NP_("field", "acronym"),
    "actual": NP_("field", "actual cost"),
    "address": NP_("field", "address"),
    "amount": NP_("field", "amount"),
    "arrival_airport_id": NP_("field", "arrival airport"),
    "arrives_at": NP_("field", "arrives"),
    "arrives_tz": NP_("field", "arrival time zone"),
    "audience": NP_("field", "audience"),
    "birth_date": NP_("field", "date of birth"),
    "block_id": NP_("field", "room block"),
    "breakfast_deduction": NP_("field", "breakfast provided"),
    "breakfast_included": NP_("field", "breakfast included"),
    "budget_code": NP_("field", "budget code"),
    "capacity": NP_("field", "capacity"),
    "carrier": NP_("field", "airline or carrier"),
    "category": NP_("field", "category"),
    "check_in": NP_("field", "check-in"),
    "check_out": NP_("field", "check-out"),
    "city": NP_("field", "city"),
    "clearance": NP_("field", "clearance"),
    "closes": NP_("field", "closes"),
    "code": NP_("field", "code"),
    "colour": NP_("field", "colour"),
    "country": NP_("field", "country"),
    "currency": NP_("field", "currency"),
    "daily_rate": NP_("field", "daily rate"),
    "day_rate": NP_("field", "day rate"),
    "delegation_id": NP_("field", "delegation"),
    "departs_at": NP_("field", "departs"),
    "departs_tz": NP_("field", "departure time zone"),
    "description": NP_("field", "description"),
    "dietary_needs": NP_("field", "dietary needs"),
    "dinner_deduction": NP_("field", "dinner provided"),
    "direction": NP_("field", "direction"),
    "distance_km": NP_("field", "distance (km)"),
    "donor": NP_("field", "donor"),
    "driver_id": NP_("field", "driver"),
    "duration_minutes": NP_("field", "duration"),
    "duty_station": NP_("field", "duty station"),
    "email": NP_("field", "email"),
    "end": NP_("field", "end"),
    "end_date": NP_("field", "last day"),
    "equipment": NP_("field", "equipment"),
    "facilitator_ids": NP_("field", "facilitators"),
    "family_name": NP_("field", "family names"),
    "fare": NP_("field", "ticket price"),
    "fare_currency": NP_("field", "ticket currency"),
    "from_id": NP_("field", "from"),
    "from_place": NP_("field", "from"),
    "funding_programme": NP_("field", "funding programme"),
    "funding_source_id": NP_("field", "funding source"),
    "given_name": NP_("field", "given names"),
    "head_id": NP_("field", "head"),
    "host_contact": NP_("field", "host's phone or email"),
    "host_name": NP_("field", "host"),
    "id_number": NP_("field", "ID or passport no."),
    "indirect_rate": NP_("field", "indirect support"),
    "kind": NP_("field", "kind"),
    "languages": NP_("field", "languages"),
    "last_day_share": NP_("field", "last day paid at"),
    "latitude": NP_("field", "latitude"),
    "leaves_at": NP_("field", "leaves"),
    "line_key": NP_("field", "budget line"),
    "location": NP_("field", "location"),
    "lodging_deduction": NP_("field", "lodging provided"),
    "lodging_share": NP_("field", "lodging share"),
    "longitude": NP_("field", "longitude"),
    "lunch_deduction": NP_("field", "lunch provided"),
    "member_ids": NP_("field", "members"),
    "minutes": NP_("field", "minutes"),
    "mode": NP_("field", "travel by"),
    "module_id": NP_("field", "module"),
    "month": NP_("field", "month"),
    "name": NP_("field", "name"),
    "nationality": NP_("field", "nationality"),
    "nightly_rate": NP_("field", "nightly rate"),
    "note": NP_("field", "note"),
    "notes": NP_("field", "notes"),
    "number": NP_("field", "number"),
    "opens": NP_("field", "opens"),
    "organisation_id": NP_("field", "organisation"),
    "organiser": NP_("field", "organiser"),
    "passengers": NP_("field", "passengers"),
    "per_diem_rate_id": NP_("field", "per diem rate"),
    "per_head": NP_("field", "per head"),
    "person_id": NP_("field", "person"),
    "phone": NP_("field", "phone"),
    "place_id": NP_("field", "airport or terminal"),
    "plate": NP_("field", "plate"),
    "position": NP_("field", "position or rank"),
    "present": NP_("field", "present"),
    "provider": NP_("field", "provider"),
    "quantity": NP_("field", "quantity"),
    "role": NP_("field", "role"),
    "role_other": NP_("field", "role description"),
    "room_id": NP_("field", "room"),
    "room_size": NP_("field", "seats needed"),
    "room_type": NP_("field", "room type"),
    "rooms": NP_("field", "rooms"),
    "seats": NP_("field", "seats"),
    "session_id": NP_("field", "session"),
    "sex": NP_("field", "sex"),
    "sharing_with_id": NP_("field", "sharing with"),
    "source": NP_("field", "source"),
    "start": NP_("field", "start"),
    "start_date": NP_("field", "first day"),
    "timezone": NP_("field", "time zone"),
    "title": NP_("field", "title"),
    "to_id": NP_("field", "to"),
    "to_place": NP_("field", "to"),
    "trainer_ids": NP_("field", "trainers"),
    "unit": NP_("field", "unit"),
    "unit_cost": NP_("field", "unit cost"),
    "units_per_base": NP_("field", "units per base currency"),
    "valid_from": NP_("field", "valid from"),
    "vehicle_id": NP_("field", "vehicle"),
    "venue_id": NP_("field", "place"),
}


def field_label(key: str) -> str:
    """A field of an item as people call it ("position or rank"), for the history."""
    found = FIELD_LABELS.get(key)
    return pgettext("field", found) if found else key.replace("_", " ")
