"""The vehicles' checks: more passengers than seats, a vehicle or a driver booked twice, a
vehicle that cannot reach its next ride in time, and people riding while in a session."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable

from planner.domain.i18n import _, ngettext
from planner.queries.snapshot import Ride, Session, Unit
from planner.rules.conflicts.index import Index, Sink, overlapping_pairs
from planner.rules.conflicts.journeys import journey
from planner.rules.conflicts.problems import (
    DRIVER_DOUBLE_BOOKED,
    NOT_ENOUGH_TRAVEL_TIME,
    PERSON_DOUBLE_BOOKED,
    SEVERITY,
    VEHICLE_DOUBLE_BOOKED,
    VEHICLE_OVER_CAPACITY,
    Problem,
    Ref,
    with_refs,
)
from planner.rules.conflicts.words import clock_text, day_text, duration_text


def rides_during(ix: Index, sink: Sink, s: Session) -> None:
    """Passengers and drivers of rides that run while they are in a session."""
    w = ix.words
    if s.units.isdisjoint(ix.riding_units) and s.facilitators.isdisjoint(ix.riding_people):
        return
    visit_audience = ix.data.sessions
    for ride in ix.rides_during(s.start, s.end, ix.units(s)):
        if ride.visit == s.id:
            continue
        start, end = max(s.start, ride.start), min(s.end, ride.end)
        driver = ix.driver(ride)
        if driver is not None and ix.attends(driver, s):
            driver_clash(
                ix,
                sink,
                driver,
                ride,
                start,
                end,
                s.title,
                _("facilitating") if driver in s.facilitators else _("attending"),
                f"s{s.id}",
                sessions=[w.session_ref(s)],
            )
        people = ix.riders_in(ride, s)
        own = visit_audience.get(ride.visit) if ride.visit is not None else None
        if people and own is not None:
            people -= ix.riders_in(ride, own)  # their visit's clashes are said already
        if people:
            riding_clash(
                ix,
                sink,
                people,
                ride.units | s.units,
                start,
                end,
                s.title,
                w.ride_name(ride),
                f"s{s.id}:r{ride.id}",
                sessions=[w.session_ref(s)],
                rides=[w.ride_ref(ride)],
            )


def driver_clash(
    ix: Index,
    sink: Sink,
    driver: int,
    ride: Ride,
    start: int,
    end: int,
    other: str,
    role: str,
    key: str,
    **refs: list[Ref],
) -> None:
    w = ix.words
    data = ix.data
    vehicle = data.logistics.vehicles.get(ride.vehicle or -1, ("?", 0, None))[0]
    name = data.names.get(driver, "?")
    rides = refs.pop("rides", [])
    sink.add(
        with_refs(
            refs,
            Problem(
                DRIVER_DOUBLE_BOOKED,
                SEVERITY[DRIVER_DOUBLE_BOOKED],
                _(
                    "{name}, the driver of {vehicle}, is booked twice {when}: driving"
                    " “{first}” and"
                    " {role} “{second}”. Find another driver or move one of them."
                ).format(
                    name=name,
                    vehicle=vehicle,
                    when=w.when(start, end),
                    first=w.ride_name(ride),
                    role=role,
                    second=other,
                ),
                w.local(start),
                w.local(end),
                f"{DRIVER_DOUBLE_BOOKED}:{driver}:r{ride.id}:{key}",
                people=[Ref(driver, name)],
                rides=[w.ride_ref(ride), *rides],
                vehicles=[Ref(ride.vehicle or 0, vehicle)],
            ),
        )
    )


def riding_clash(
    ix: Index,
    sink: Sink,
    people: set[int],
    units: Iterable[Unit],
    start: int,
    end: int,
    first: str,
    second: str,
    key: str,
    **refs: list[Ref],
) -> None:
    w = ix.words
    who, n, groups, delegations, subject = w.who(people, units)
    sink.add(
        with_refs(
            refs,
            Problem(
                PERSON_DOUBLE_BOOKED,
                SEVERITY[PERSON_DOUBLE_BOOKED],
                ngettext(
                    "{who} is in two places at once {when}: “{first}” and “{second}”. Move one"
                    " of them or change who rides.",
                    "{who} are in two places at once {when}: “{first}” and “{second}”. Move"
                    " one of them or change who rides.",
                    n,
                ).format(who=who, when=w.when(start, end), first=first, second=second),
                w.local(start),
                w.local(end),
                f"{PERSON_DOUBLE_BOOKED}:{subject}:{key}",
                people=w.people_refs(people),
                groups=groups,
                delegations=delegations,
            ),
        )
    )


def check_rides(ix: Index, sink: Sink) -> None:
    """Each ride alone (seats, arrivals), each vehicle's day, and rides that overlap."""
    w = ix.words
    lg = ix.data.logistics
    by_vehicle: dict[int, list[Ride]] = defaultdict(list)
    for ride in lg.rides.values():
        if ride.vehicle is not None and ride.vehicle in lg.vehicles:
            by_vehicle[ride.vehicle].append(ride)
            name, seats, _driver = lg.vehicles[ride.vehicle]
            riders = len(ix.riders[ride.id])
            if riders > seats:
                sink.add(
                    Problem(
                        VEHICLE_OVER_CAPACITY,
                        SEVERITY[VEHICLE_OVER_CAPACITY],
                        _(
                            "{vehicle} carries {n} passengers on “{title}” {when} but seats"
                            " {seats} ({extra} too many). Add a vehicle, or move passengers to"
                            " another ride."
                        ).format(
                            vehicle=name,
                            n=riders,
                            title=w.ride_name(ride),
                            when=w.when(ride.start, ride.end),
                            seats=seats,
                            extra=riders - seats,
                        ),
                        w.local(ride.start),
                        w.local(ride.end),
                        f"{VEHICLE_OVER_CAPACITY}:{ride.id}",
                        rides=[w.ride_ref(ride)],
                        vehicles=[Ref(ride.vehicle, name)],
                    )
                )
        if lg.trips:
            travellers: set[int] = set()
            for unit in ride.units:
                travellers |= ix.travellers_of_unit.get(unit, set())
            driver = ix.driver(ride)
            if driver is not None and driver in lg.trips:
                travellers.add(driver)
            if travellers:
                journey(
                    ix,
                    sink,
                    travellers,
                    w.ride_name(ride),
                    ride.start,
                    ride.end,
                    ride.origin,
                    ride.destination,
                    ride.units,
                    f"r{ride.id}",
                    rides=[w.ride_ref(ride)],
                )
    for vehicle, rides in by_vehicle.items():
        rides.sort(key=lambda r: (r.start, r.id))
        name = lg.vehicles[vehicle][0]
        items = [(r.start, r.end, r.id) for r in rides]
        for a_id, b_id in overlapping_pairs(items):
            a, b = lg.rides[a_id], lg.rides[b_id]
            start, end = max(a.start, b.start), min(a.end, b.end)
            sink.add(
                Problem(
                    VEHICLE_DOUBLE_BOOKED,
                    SEVERITY[VEHICLE_DOUBLE_BOOKED],
                    _(
                        "{vehicle} is booked twice {when}: “{first}” and “{second}”. Move"
                        " one of"
                        " the rides or give it another vehicle."
                    ).format(
                        vehicle=name,
                        when=w.when(start, end),
                        first=w.ride_name(a),
                        second=w.ride_name(b),
                    ),
                    w.local(start),
                    w.local(end),
                    f"{VEHICLE_DOUBLE_BOOKED}:{vehicle}:{a.id}:{b.id}",
                    rides=[w.ride_ref(a), w.ride_ref(b)],
                    vehicles=[Ref(vehicle, name)],
                )
            )
        for a, b in itertools.pairwise(rides):
            if b.start < a.end:
                continue
            road, assumed = ix.road(a.destination, b.origin)
            if assumed is None and b.start - a.end < road:
                sink.add(
                    Problem(
                        NOT_ENOUGH_TRAVEL_TIME,
                        SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
                        _(
                            "{vehicle} cannot get from {a} to {b} in time on {day}:"
                            " “{first}” ends"
                            " at {end}, “{second}” starts at {start}, and the road takes"
                            " {road}."
                            " Move a ride or use another vehicle."
                        ).format(
                            vehicle=name,
                            a=w.place_name(a.destination),
                            b=w.place_name(b.origin),
                            day=day_text(w.local(a.end).date()),
                            first=w.ride_name(a),
                            end=clock_text(w.local(a.end)),
                            second=w.ride_name(b),
                            start=clock_text(w.local(b.start)),
                            road=duration_text(road),
                        ),
                        w.local(a.end),
                        w.local(b.start),
                        f"{NOT_ENOUGH_TRAVEL_TIME}:v{vehicle}:{a.id}:{b.id}",
                        rides=[w.ride_ref(a), w.ride_ref(b)],
                        vehicles=[Ref(vehicle, name)],
                        places=w.place_refs(a.destination, b.origin),
                    )
                )
    # rides that overlap: a driver or a passenger in two at once
    rides_of: dict[int, list[Ride]] = defaultdict(list)
    for ride in lg.rides.values():
        for person in ix.riders[ride.id]:
            rides_of[person].append(ride)
        driver = ix.driver(ride)
        if driver is not None:
            rides_of[driver].append(ride)
    pairs: set[tuple[int, int]] = set()
    for rides in rides_of.values():
        if len(rides) > 1:
            pairs.update(overlapping_pairs(sorted((r.start, r.end, r.id) for r in rides)))
    for a_id, b_id in sorted(pairs):
        a, b = lg.rides[a_id], lg.rides[b_id]
        if a.vehicle is not None and a.vehicle == b.vehicle:
            continue  # the vehicle is double-booked: said once, above
        start, end = max(a.start, b.start), min(a.end, b.end)
        drivers = {d for d in (ix.driver(a), ix.driver(b)) if d is not None}
        for ride, other in ((a, b), (b, a)):
            driver = ix.driver(ride)
            if driver is None or (ride is b and driver == ix.driver(a)):
                continue
            if driver == ix.driver(other):
                role = _("driving")
            elif driver in ix.riders[other.id]:
                role = _("riding in")
            else:
                continue
            driver_clash(
                ix,
                sink,
                driver,
                ride,
                start,
                end,
                w.ride_name(other),
                role,
                f"r{other.id}",
                rides=[w.ride_ref(other)],
            )
        people = (ix.riders[a.id] & ix.riders[b.id]) - drivers
        if people:
            riding_clash(
                ix,
                sink,
                set(people),
                a.units | b.units,
                start,
                end,
                w.ride_name(a),
                w.ride_name(b),
                f"r{a.id}:r{b.id}",
                rides=[w.ride_ref(a), w.ride_ref(b)],
            )
