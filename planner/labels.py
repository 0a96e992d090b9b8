"""Kinds of things and their names in the reader's language (no database code here).

Kept apart from the model so that lists and the command line can name things without loading
the database layer.
"""

from __future__ import annotations

import enum

from planner.i18n import N_, Nn_, _, ngettext


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
}


def noun(kind: str, n: int = 1) -> str:
    """'person' / 'people' (translated) for ``n`` items of a kind."""
    singular, plural = KIND_NOUNS[kind]
    return ngettext(singular, plural, n)


def sex_label(sex: str | None) -> str:
    return _(SEX_LABELS.get(sex, SEX_LABELS[None]))


def role_label(role: str, other: str = "") -> str:
    if role == Role.OTHER and other:
        return other
    return _(ROLE_LABELS.get(role, role))


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
