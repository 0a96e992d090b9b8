"""Airport transfers the program proposes for people who land (or leave) close together: who
shares a ride, from where to where, when, in which free vehicle; and the margins around a
flight that the conflict check counts too.

Proposals are made from the plan's snapshot (:mod:`planner.queries.snapshot`); accepting them
creates rides through ``planner.operations``, one transaction and one undo step like every other
change.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from planner.domain.i18n import _
from planner.domain.labels import Direction, PlaceKind
from planner.queries.journeys import covering, transfer_rides
from planner.queries.snapshot import LOGISTICS, Snapshot, Trip
from planner.queries.summary import plan_setting
from planner.store import PlanStore

PICKUP_MARGIN = timedelta(minutes=30)  # from landing to leaving the airport (bags, customs)
CHECK_IN = timedelta(minutes=120)  # at the airport before an international flight
DEFAULT_ROAD = timedelta(minutes=45)  # when the plan knows no road time
TRANSFER_WINDOW = 60  # minutes: arrivals this close share a transfer
WINDOW_SETTING = "transfer_window_minutes"


@dataclass
class Proposal:
    """A transfer the program suggests: who, from where to where, when, in which vehicle."""

    direction: str
    origin: int | None
    destination: int | None
    start: datetime
    end: datetime
    person_ids: list[int]
    names: list[str]
    flights: list[str]
    vehicle_id: int | None
    vehicle: str
    timezone: str
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        flights = ", ".join(self.flights)
        if self.direction == Direction.ARRIVAL:
            return _("Airport pick-up: {flights}").format(flights=flights)
        return _("Airport drop-off: {flights}").format(flights=flights)

    def ride_values(self) -> dict[str, Any]:
        """The values of the ride accepting it creates (``planner.operations`` kind "ride")."""
        return {
            "vehicle_id": self.vehicle_id,
            "title": self.title[:200],
            "start": self.start,
            "end": self.end,
            "timezone": self.timezone,
            "from_id": self.origin,
            "to_id": self.destination,
            "passengers": [("person", p) for p in self.person_ids],
        }


def propose_transfers(store: PlanStore, window: int | None = None) -> list[Proposal]:
    """Transfers for arrivals (and departures) that no ride covers yet: people who land within
    ``window`` minutes of each other at the same airport share one, in a free vehicle with
    enough seats (split over several when none is large enough)."""
    if window is None:
        window = transfer_window(store)
    plan = Snapshot.read(store, {LOGISTICS})
    transfers = transfer_rides(plan)
    busy: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ride in plan.logistics.rides.values():
        if ride.vehicle is not None:
            busy[ride.vehicle].append((ride.start, ride.end))
    pending: dict[tuple[str, int | None], list[Trip]] = defaultdict(list)
    for trip in plan.logistics.all_trips():
        if not covering(transfers, trip.direction, trip.at, trip.place, trip.person):
            pending[(trip.direction, trip.place)].append(trip)
    proposals: list[Proposal] = []
    for (direction, place), trips in sorted(
        pending.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
    ):
        trips.sort(key=lambda t: t.at)
        cluster: list[Trip] = []
        for trip in trips:
            if cluster and trip.at - cluster[0].at > window * 60:
                proposals.extend(_propose(plan, direction, place, cluster, busy))
                cluster = []
            cluster.append(trip)
        if cluster:
            proposals.extend(_propose(plan, direction, place, cluster, busy))
    return sorted(proposals, key=lambda p: p.start)


def nothing_to_propose(store: PlanStore) -> str:
    """Why :func:`propose_transfers` proposes nothing: no one in the plan travels yet, or
    every arrival and departure already has its transfer."""
    if not Snapshot.read(store, {LOGISTICS}).logistics.all_trips():
        return _(
            "No one in this plan travels yet: add arrivals and departures on the Travel page"
            " (or import them), then propose transfers."
        )
    return _("Every arrival and departure already has its transfer.")


def transfer_window(store: PlanStore) -> int:
    """The plan's transfer window in minutes."""
    value = plan_setting(store, WINDOW_SETTING)
    try:
        return int(json.loads(value)) if value else TRANSFER_WINDOW
    except (ValueError, TypeError):
        return TRANSFER_WINDOW


def _hotel_of(plan: Snapshot, person: int, night: date) -> int | None:
    for stay in plan.logistics.stays:
        if stay.person == person and stay.check_in <= night < stay.check_out:
            return stay.venue
    return None


def _road(plan: Snapshot, a: int | None, b: int | None) -> timedelta | None:
    if a is None or b is None:
        return None
    if a == b:
        return timedelta(0)
    minutes = plan.logistics.roads.get((a, b))
    return timedelta(minutes=minutes) if minutes is not None else None


def _propose(
    plan: Snapshot,
    direction: str,
    place: int | None,
    trips: list[Trip],
    busy: dict[int, list[tuple[int, int]]],
) -> list[Proposal]:
    lg = plan.logistics
    arrival = direction == Direction.ARRIVAL
    people = list(dict.fromkeys(t.person for t in trips))
    nights = [t.when.date() if arrival else t.when.date() - timedelta(days=1) for t in trips]
    hotels = Counter(
        h
        for p, n in zip([t.person for t in trips], nights, strict=True)
        if (h := _hotel_of(plan, p, n)) is not None
    )
    only_hotel = [i for i, place_ in lg.places.items() if place_.kind == PlaceKind.HOTEL]
    hotel: int | None = None
    if hotels:
        hotel = hotels.most_common(1)[0][0]
    elif len(only_hotel) == 1:
        hotel = only_hotel[0]
    road = _road(plan, place, hotel)
    notes = []
    if road is None:
        road = DEFAULT_ROAD
        if hotel is not None and place is not None:
            notes.append(
                _(
                    "No road time between {a} and {b}: {minutes} minutes assumed; add it"
                    " under Places ▸ Road times."
                ).format(
                    a=lg.place_name(place),
                    b=lg.place_name(hotel),
                    minutes=int(DEFAULT_ROAD.total_seconds() // 60),
                )
            )
    if arrival:
        latest = max(trips, key=lambda t: t.at)
        start = latest.when + PICKUP_MARGIN
    else:
        earliest = min(trips, key=lambda t: t.at)
        start = earliest.when - CHECK_IN - road
    start = start.astimezone(plan.zone)
    end = start + road
    first, last = int(start.timestamp()), int(end.timestamp())
    flights = list(dict.fromkeys(t.number or _("by road") for t in trips))
    # vehicles free then, smallest that fits first; else split over the largest free ones
    free = sorted(
        (v for v in lg.vehicles if all(e <= first or s >= last for s, e in busy.get(v, []))),
        key=lambda v: (lg.vehicles[v].seats, lg.vehicles[v].name),
    )
    loads: list[tuple[int | None, list[int]]] = []
    fitting = [v for v in free if lg.vehicles[v].seats >= len(people)]
    if fitting or not free:
        loads.append((fitting[0] if fitting else None, people))
    else:
        left = list(people)
        for candidate in reversed(free):
            if not left:
                break
            seats = lg.vehicles[candidate].seats
            if seats <= 0:
                continue
            loads.append((candidate, left[:seats]))
            left = left[seats:]
        if left:
            loads.append((None, left))
    out = []
    for vehicle, load in loads:
        if vehicle is not None:
            busy[vehicle].append((first, last))
        extra = list(notes)
        if vehicle is None:
            extra.append(
                _("No vehicle is free then with enough seats; add one or choose it on the ride.")
            )
        out.append(
            Proposal(
                direction,
                place if arrival else hotel,
                hotel if arrival else place,
                start,
                end,
                load,
                [plan.names[p] for p in load],
                flights,
                vehicle,
                lg.vehicles[vehicle].name if vehicle is not None else "",
                plan.zone.key,
                extra,
            )
        )
    return out
