"""The conflict check: every clash of people, rooms, facilitators, journeys, vehicles, beds and
places, as problems with a stable key.

``problems`` (what is found), ``index`` (the check's core: its look-ups and the sink),
``checker`` (the whole check and the re-check of one moved session), and one module per family
of checks: ``agenda``, ``journeys``, ``vehicles``, ``places``; ``words`` names things in
messages. The check reads the plan's snapshot (:mod:`planner.queries.snapshot`).
"""

from planner.queries.snapshot import (
    Logistics,
    Place,
    Ride,
    RoomBlock,
    Session,
    Snapshot,
    Stay,
    Stop,
    Trip,
    Unit,
)
from planner.rules.conflicts.checker import Checker, check, load
from planner.rules.conflicts.index import ROAD_CHECK_IN
from planner.rules.conflicts.journeys import EARLY_HOUR
from planner.rules.conflicts.problems import (
    AFTER_DEPARTURE,
    BEFORE_ARRIVAL,
    BLOCK_ATTRITION,
    BLOCK_CUTOFF,
    BLOCK_OVERBOOKED,
    BOOKED_WHEN_UNAVAILABLE,
    DRIVER_DOUBLE_BOOKED,
    ERROR,
    FACILITATOR_DOUBLE_BOOKED,
    NO_BED,
    NOT_ENOUGH_TRAVEL_TIME,
    OUTSIDE_PLAN_DATES,
    OVER_CAPACITY,
    PERSON_DOUBLE_BOOKED,
    PLACE_CLOSED,
    ROOM_DOUBLE_BOOKED,
    SEVERITY,
    STAY_MISMATCH,
    TICKET_FOR_REPLACED_PERSON,
    VEHICLE_DOUBLE_BOOKED,
    VEHICLE_OVER_CAPACITY,
    WARNING,
    Problem,
    Ref,
)

__all__ = [
    "AFTER_DEPARTURE",
    "BEFORE_ARRIVAL",
    "BLOCK_ATTRITION",
    "BLOCK_CUTOFF",
    "BLOCK_OVERBOOKED",
    "BOOKED_WHEN_UNAVAILABLE",
    "DRIVER_DOUBLE_BOOKED",
    "EARLY_HOUR",
    "ERROR",
    "FACILITATOR_DOUBLE_BOOKED",
    "NOT_ENOUGH_TRAVEL_TIME",
    "NO_BED",
    "OUTSIDE_PLAN_DATES",
    "OVER_CAPACITY",
    "PERSON_DOUBLE_BOOKED",
    "PLACE_CLOSED",
    "ROAD_CHECK_IN",
    "ROOM_DOUBLE_BOOKED",
    "SEVERITY",
    "STAY_MISMATCH",
    "TICKET_FOR_REPLACED_PERSON",
    "VEHICLE_DOUBLE_BOOKED",
    "VEHICLE_OVER_CAPACITY",
    "WARNING",
    "Checker",
    "Logistics",
    "Place",
    "Problem",
    "Ref",
    "Ride",
    "RoomBlock",
    "Session",
    "Snapshot",
    "Stay",
    "Stop",
    "Trip",
    "Unit",
    "check",
    "load",
]
