"""Travel, hotels and vehicles seen together: the arrivals board, one person's or delegation's
whole journey (flights, transfers, hotel nights, sessions, site-visit stops, whom to call), and
the vehicles' manifests, all made from the plan's snapshot (:mod:`planner.queries.snapshot`)
read with its ``LOGISTICS`` part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.i18n import _, format_prose_date, ngettext
from planner.domain.labels import Direction
from planner.queries.snapshot import LOGISTICS, Ride, Snapshot, Stay, Trip, Unit, local
from planner.store import PlanStore

# --- the arrivals and departures board ----------------------------------------------------------


@dataclass(frozen=True)
class BoardEntry:
    """People who land (or leave) on the same flight at the same time and place."""

    direction: str
    at: datetime  # aware, local time of the airport
    number: str
    carrier: str
    place: str
    other: str  # where they come from or go to
    people: tuple[str, ...]
    person_ids: tuple[int, ...]
    delegations: tuple[str, ...]
    transfer: str  # the ride that takes them, "" if none yet


def board(store: PlanStore) -> dict[date, list[BoardEntry]]:
    """Arrivals and departures by local day, in time order, people on one flight together."""
    plan = Snapshot.read(store, {LOGISTICS})
    names = plan.names
    grouped: dict[tuple[Any, ...], list[Trip]] = defaultdict(list)
    for trip in plan.logistics.all_trips():
        grouped[(trip.direction, trip.at, trip.number, trip.place)].append(trip)
    transfers = transfer_rides(plan)
    days: dict[date, list[BoardEntry]] = defaultdict(list)
    for (direction, at, number, place), trips in grouped.items():
        when = trips[0].when
        ids = sorted({t.person for t in trips}, key=lambda p: names[p])
        rides = {title for p in ids for title in covering(transfers, direction, at, place, p)}
        dele = sorted(
            {plan.delegations[d].name for p in ids if (d := plan.delegation_of.get(p)) is not None}
        )
        days[when.date()].append(
            BoardEntry(
                direction,
                when,
                number,
                trips[0].carrier,
                plan.logistics.place_name(place),
                trips[0].other,
                tuple(names[p] for p in ids),
                tuple(ids),
                tuple(dele),
                ", ".join(sorted(rides)),
            )
        )
    return {
        day: sorted(entries, key=lambda e: (e.at, e.direction, e.number))
        for day, entries in sorted(days.items())
    }


def riders(plan: Snapshot, ride: Ride) -> set[int]:
    """The people a ride carries (its passengers' groups, delegations and people), but those
    who declined or were replaced by its day."""
    out: set[int] = set()
    for unit in ride.units:
        out |= plan.members(unit)
    if plan.membership.changing:
        out -= plan.membership.gone_by(local(ride.start, ride.zone).date())
    return out


def transfer_rides(plan: Snapshot) -> dict[int, list[Ride]]:
    """Each person's airport transfers (rides that belong to no site visit)."""
    out: dict[int, list[Ride]] = defaultdict(list)
    for ride in plan.logistics.rides.values():
        if ride.visit is None:
            for person in riders(plan, ride):
                out[person].append(ride)
    return out


def covering(
    transfers: dict[int, list[Ride]], direction: str, at: int, place: int | None, person: int
) -> list[str]:
    """Transfer rides that take this person from the airport after landing (within 3 hours),
    or to it before leaving (within 6 hours); ``at`` in seconds since the epoch."""
    found = []
    for ride in transfers.get(person, ()):
        if direction == Direction.ARRIVAL:
            fits = at <= ride.start <= at + 3 * 3600 and ride.origin in (place, None)
        else:
            fits = at - 6 * 3600 <= ride.end <= at and ride.destination in (place, None)
        if fits:
            found.append(ride.title or _("Transfer"))
    return found


# --- one person's or delegation's journey -------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One line of a schedule: a flight, a transfer, a hotel stay, a session, a stop."""

    start: datetime  # aware; shown in the zone it carries
    end: datetime | None
    kind: str  # "arrival", "departure", "ride", "hotel", "session", "stop"
    title: str
    place: str
    detail: str
    ref: tuple[str, int]  # (item kind of planner.operations, id), to open it
    contact: str = ""  # whom to call: the driver of a ride, the host of a stop


def schedule(store: PlanStore, who: Unit) -> list[Item]:
    """Everything on a person's or a delegation's journey in time order: flights, transfers,
    hotel nights, sessions and site-visit stops (only their part of the agenda is read)."""
    return schedules(Snapshot.read(store, {LOGISTICS}, scope=who), [who])[who]


def schedules(plan: Snapshot, whos: Iterable[Unit]) -> dict[Unit, list[Item]]:
    """The journeys of many people or delegations (itineraries), from a snapshot read with
    its ``LOGISTICS`` part."""
    journeys = Journeys(plan)
    return {who: journeys.of(who) for who in whos}


class Journeys:
    """Everyone's journey on demand: trips, stays, rides and sessions indexed by person once,
    so that each journey reads only its own (a whole plan's itineraries, one at a time)."""

    def __init__(self, plan: Snapshot) -> None:
        self.plan = plan
        lg = plan.logistics
        groups_of: dict[int, set[Unit]] = defaultdict(set)
        for unit, members in plan.membership.members.items():
            if unit[0] == "group":
                for person in members:
                    groups_of[person].add(unit)
        self.groups_of = groups_of
        self.stays: dict[int, list[Stay]] = defaultdict(list)
        for stay in lg.stays:
            self.stays[stay.person].append(stay)
        # each ride with the people it carries, and by whom it concerns (aboard or driving)
        self.aboard: dict[int, set[int]] = {}
        self.rides: dict[int, list[int]] = defaultdict(list)
        for ride in lg.rides.values():
            carried = self.aboard[ride.id] = riders(plan, ride)
            driver = lg.vehicles[ride.vehicle].driver if ride.vehicle in lg.vehicles else None
            for person in carried | ({driver} if driver is not None else set()):
                self.rides[person].append(ride.id)
        self.sessions = _Sessions(plan)

    def of(self, who: Unit) -> list[Item]:
        """Everything on this person's or delegation's journey, in time order."""
        plan = self.plan
        people = {who[1]} if who[0] == "person" else set(plan.members(who))
        units: set[Unit] = {who}
        for person in people:
            units.add(("person", person))
            delegation = plan.delegation_of.get(person)
            if delegation is not None:
                units.add(("delegation", delegation))
            units |= self.groups_of.get(person, set())
        trips = sorted(
            (t for p in people for t in plan.logistics.trips.get(p, ())), key=lambda t: t.id
        )
        stays = sorted((s for p in people for s in self.stays.get(p, ())), key=lambda s: s.id)
        rides = sorted({r for p in people for r in self.rides.get(p, ())})
        return _schedule(self, people, units, trips, stays, rides)


def _schedule(
    journeys: Journeys,
    people: set[int],
    units: set[Unit],
    trips: list[Trip],
    stays_of: list[Stay],
    ride_ids: list[int],
) -> list[Item]:
    plan = journeys.plan
    lg = plan.logistics
    items: list[Item] = []
    single = len(people) == 1
    # flights, one line per flight for a delegation
    flights: dict[tuple[Any, ...], list[Trip]] = defaultdict(list)
    for trip in trips:
        flights[(trip.direction, trip.at, trip.number, trip.place)].append(trip)
    for (direction, _at, number, place), trips in flights.items():
        first = trips[0]
        title = " ".join(p for p in (first.carrier, number) if p) or _("by road")
        here, far = first.when, first.far_when
        town = lg.place_name(place)
        arrival = direction == Direction.ARRIVAL
        start: datetime = here
        end: datetime | None = None
        if far is not None:
            # from take-off to landing, each in its own zone: "Leaves 12:05 Panamá (PTY) ·
            # arrives 13:05 Toncontín International Airport"
            start, end = (far, here) if arrival else (here, far)
            places = (first.other, town) if arrival else (town, first.other)
            detail = _("Leaves {leaves} {start} · arrives {lands} {end}").format(
                leaves=f"{start:%H:%M}",
                start=places[0] or "?",
                lands=f"{end:%H:%M}",
                end=places[1] or "?",
            )
        elif first.other:
            detail = (_("from {place}") if arrival else _("to {place}")).format(place=first.other)
        else:
            detail = ""
        if not single:
            detail = "; ".join(d for d in (detail, _people(plan, [t.person for t in trips])) if d)
        items.append(
            Item(
                start,
                end,
                direction,
                title,
                town,
                detail,
                ("travel", first.id),
            )
        )
    # hotel stays
    stays: dict[tuple[int, date, date], list[tuple[int, int]]] = defaultdict(list)
    for stay in stays_of:
        stays[(stay.venue, stay.check_in, stay.check_out)].append((stay.id, stay.person))
    for (hotel, check_in, check_out), rows in stays.items():
        nights = (check_out - check_in).days
        detail = ngettext(
            "{n} night, check-out {day}", "{n} nights, check-out {day}", nights
        ).format(n=nights, day=format_prose_date(check_out))
        if not single:
            detail += "; " + _people(plan, [p for _s, p in rows])
        zone = lg.places[hotel].zone if hotel in lg.places else plan.zone
        items.append(
            Item(
                datetime.combine(check_in, time(14), zone),
                datetime.combine(check_out, time(12), zone),
                "hotel",
                _("Hotel check-in"),
                lg.place_name(hotel),
                detail,
                ("stay", rows[0][0]),
            )
        )
    # rides
    for ride_id in ride_ids:
        ride = lg.rides[ride_id]
        driver = lg.vehicles[ride.vehicle].driver if ride.vehicle in lg.vehicles else None
        on_board = journeys.aboard[ride.id] & people
        vehicle = lg.vehicles[ride.vehicle].name if ride.vehicle in lg.vehicles else ""
        route = " → ".join(
            p for p in (lg.place_name(ride.origin), lg.place_name(ride.destination)) if p
        )
        detail = ", ".join(
            d for d in (vehicle, _("driving") if driver in people and single else "") if d
        )
        if not single and on_board:
            detail = "; ".join(d for d in (detail, _people(plan, on_board)) if d)
        phone = lg.contacts.get(driver) if driver is not None and driver not in people else None
        contact = (
            _("driver {name}, {phone}").format(name=plan.names[driver], phone=phone)
            if phone and driver is not None
            else ""
        )
        items.append(
            Item(
                local(ride.start, ride.zone),
                local(ride.end, ride.zone),
                "ride",
                ride.title or _("Ride"),
                route,
                detail,
                ("ride", ride.id),
                contact,
            )
        )
    # sessions and stops
    items.extend(journeys.sessions.items(units, people))
    return sorted(items, key=lambda i: (i.start.astimezone(UTC), i.kind))


def _people(plan: Snapshot, ids: Iterable[int]) -> str:
    names = sorted(plan.names[p] for p in set(ids))
    shown = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
    return _("{n} people: {names}").format(n=len(names), names=shown) if len(names) > 1 else shown


class _Sessions:
    """The snapshot's sessions by who attends them and who gives them."""

    def __init__(self, plan: Snapshot) -> None:
        self.plan = plan
        by_unit: dict[Unit, set[int]] = defaultdict(set)
        by_facilitator: dict[int, set[int]] = defaultdict(set)
        for s in plan.sessions.values():
            for unit in s.units:
                by_unit[unit].add(s.id)
            for p in s.facilitators:
                by_facilitator[p].add(s.id)
        self.by_unit, self.by_facilitator = dict(by_unit), dict(by_facilitator)

    def items(self, units: set[Unit], people: set[int]) -> list[Item]:
        plan, lg = self.plan, self.plan.logistics
        ids: set[int] = set()
        for unit in units:
            ids |= self.by_unit.get(unit, set())
        facilitating: set[int] = set()
        for p in people:
            facilitating |= self.by_facilitator.get(p, set())
        ids |= facilitating
        items = []
        for sid in sorted(ids):
            s = plan.sessions[sid]
            zone = ZoneInfo(s.timezone or plan.zone.key)
            place = s.location
            room = plan.rooms.get(s.room) if s.room is not None else None
            if room is not None:
                place = f"{room.name}, {lg.place_name(room.venue)}"
            detail = (
                _("Facilitates this session") if sid in facilitating and len(people) == 1 else ""
            )
            items.append(
                Item(
                    local(s.start, zone),
                    local(s.end, zone),
                    "session",
                    s.title,
                    place,
                    detail,
                    ("session", sid),
                )
            )
            for stop in lg.stops.get(sid, []):
                moment = stop.arrives if stop.arrives is not None else stop.leaves
                if moment is None:
                    continue
                venue = stop.venue
                stop_zone = lg.places[venue].zone if venue in lg.places else zone
                items.append(
                    Item(
                        local(moment, stop_zone),
                        local(stop.leaves, stop_zone) if stop.leaves is not None else None,
                        "stop",
                        _("Stop: {place}").format(place=lg.place_name(venue)),
                        lg.place_name(venue),
                        _("host: {host}").format(host=stop.host_name) if stop.host_name else "",
                        ("stop", stop.id),
                        stop.host_contact,
                    )
                )
        return items


# --- manifests ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManifestRide:
    vehicle: str
    driver: str
    start: datetime
    end: datetime
    title: str
    route: str
    passengers: tuple[str, ...]
    seats: int


def manifests(plan: Snapshot) -> list[ManifestRide]:
    """Every ride with its passengers by name, vehicle by vehicle, in time order, from a
    snapshot read with its ``LOGISTICS`` part."""
    lg, names = plan.logistics, plan.names
    out = []
    for ride in lg.rides.values():
        name, seats, driver = (
            lg.vehicles[ride.vehicle]
            if ride.vehicle in lg.vehicles
            else (_("(no vehicle)"), 0, None)
        )
        route = " → ".join(
            p for p in (lg.place_name(ride.origin), lg.place_name(ride.destination)) if p
        )
        out.append(
            ManifestRide(
                name,
                names.get(driver, "") if driver is not None else "",
                local(ride.start, ride.zone),
                local(ride.end, ride.zone),
                ride.title,
                route,
                tuple(sorted(names[p] for p in riders(plan, ride))),
                seats,
            )
        )
    return sorted(out, key=lambda m: (m.vehicle, m.start))
