"""What the conflict check finds: the kinds of problem with their severity, and each problem
with its message, its time, the items it concerns and a key that stays the same while the
same clash persists (acknowledgements are stored by key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ERROR = "error"
WARNING = "warning"

PERSON_DOUBLE_BOOKED = "person_double_booked"
FACILITATOR_DOUBLE_BOOKED = "facilitator_double_booked"
ROOM_DOUBLE_BOOKED = "room_double_booked"
OVER_CAPACITY = "over_capacity"
OUTSIDE_PLAN_DATES = "outside_plan_dates"
BOOKED_WHEN_UNAVAILABLE = "booked_when_unavailable"
BEFORE_ARRIVAL = "before_arrival"
AFTER_DEPARTURE = "after_departure"
NO_BED = "no_bed"
BLOCK_OVERBOOKED = "block_overbooked"
STAY_MISMATCH = "stay_mismatch"
VEHICLE_OVER_CAPACITY = "vehicle_over_capacity"
VEHICLE_DOUBLE_BOOKED = "vehicle_double_booked"
DRIVER_DOUBLE_BOOKED = "driver_double_booked"
NOT_ENOUGH_TRAVEL_TIME = "not_enough_travel_time"
PLACE_CLOSED = "place_closed"
TICKET_FOR_REPLACED_PERSON = "ticket_for_replaced_person"
BLOCK_CUTOFF = "block_cutoff"
BLOCK_ATTRITION = "block_attrition"
DOCUMENT_EXPIRES = "document_expires"
VISA_PENDING = "visa_pending"
NO_EMERGENCY_CONTACT = "no_emergency_contact"
CLEARANCE_PENDING = "clearance_pending"

SEVERITY = {
    PERSON_DOUBLE_BOOKED: ERROR,
    FACILITATOR_DOUBLE_BOOKED: ERROR,
    ROOM_DOUBLE_BOOKED: ERROR,
    OVER_CAPACITY: ERROR,
    OUTSIDE_PLAN_DATES: ERROR,
    BOOKED_WHEN_UNAVAILABLE: WARNING,
    BEFORE_ARRIVAL: ERROR,
    AFTER_DEPARTURE: ERROR,
    NO_BED: ERROR,
    BLOCK_OVERBOOKED: ERROR,
    STAY_MISMATCH: WARNING,
    VEHICLE_OVER_CAPACITY: ERROR,
    VEHICLE_DOUBLE_BOOKED: ERROR,
    DRIVER_DOUBLE_BOOKED: ERROR,
    NOT_ENOUGH_TRAVEL_TIME: ERROR,
    PLACE_CLOSED: WARNING,
    TICKET_FOR_REPLACED_PERSON: WARNING,
    BLOCK_CUTOFF: WARNING,
    BLOCK_ATTRITION: WARNING,
    DOCUMENT_EXPIRES: ERROR,
    VISA_PENDING: WARNING,  # an error from a week before the flight
    NO_EMERGENCY_CONTACT: WARNING,
    CLEARANCE_PENDING: WARNING,
}


@dataclass(frozen=True)
class Ref:
    id: int
    name: str


@dataclass
class Problem:
    kind: str
    severity: str
    message: str
    start: datetime
    end: datetime
    key: str
    sessions: list[Ref] = field(default_factory=list)
    people: list[Ref] = field(default_factory=list)
    groups: list[Ref] = field(default_factory=list)
    rooms: list[Ref] = field(default_factory=list)
    delegations: list[Ref] = field(default_factory=list)
    places: list[Ref] = field(default_factory=list)
    vehicles: list[Ref] = field(default_factory=list)
    rides: list[Ref] = field(default_factory=list)
    travel: list[Ref] = field(default_factory=list)
    stays: list[Ref] = field(default_factory=list)
    blocks: list[Ref] = field(default_factory=list)
    acknowledged: bool = False
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        """The object ``planner check --json`` prints (a contract: add keys, never rename)."""

        def refs(items: list[Ref]) -> list[dict[str, Any]]:
            return [{"id": r.id, "name": r.name} for r in items]

        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "acknowledged": self.acknowledged,
            "sessions": refs(self.sessions),
            "people": refs(self.people),
            "groups": refs(self.groups),
            "rooms": refs(self.rooms),
            "delegations": refs(self.delegations),
            "places": refs(self.places),
            "vehicles": refs(self.vehicles),
            "rides": refs(self.rides),
            "travel": refs(self.travel),
            "stays": refs(self.stays),
            "blocks": refs(self.blocks),
            "note": self.note,
            "key": self.key,
        }


def with_refs(refs: dict[str, list[Ref]], problem: Problem) -> Problem:
    """The problem, also naming the items in ``refs`` (field name -> refs)."""
    for name, items in refs.items():
        getattr(problem, name).extend(items)
    return problem
