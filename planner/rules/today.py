"""Today, during the plan's days: who lands and who leaves, who is on the road, at the site
visit and at each hotel tonight, and who joins or leaves the event from today (the Overview
shows it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.queries.journeys import riders
from planner.queries.snapshot import Snapshot, local


@dataclass
class Today:
    day: date
    landing: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, who, flight
    leaving: list[tuple[datetime, str, str]] = field(default_factory=list)
    rides: list[tuple[datetime, str, int]] = field(default_factory=list)  # when, what, people
    visits: list[tuple[str, int]] = field(default_factory=list)  # site visit, people on it
    hotels: list[tuple[str, int]] = field(default_factory=list)  # hotel, people tonight
    # who takes part from today (and whom they replace, "" for nobody)
    joining: list[tuple[str, str]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # who declined, was replaced or cancelled


def today(data: Snapshot, day: date) -> Today:
    """What ``day`` holds for the journey, from a snapshot read with its ``LOGISTICS`` part;
    who declined or was replaced by then is left out."""
    lg = data.logistics
    away = data.membership.gone_by(day) if data.membership.changing else frozenset()
    out = Today(day)
    for person, trips in lg.trips.items():
        if person in away:
            continue
        for trip in trips:
            when = trip.when
            if when.date() == day:
                entry = (when, data.names.get(person, "?"), trip.label)
                (out.landing if trip.arrival else out.leaving).append(entry)
    visits: Counter[str] = Counter()
    for ride in lg.rides.values():
        start = local(ride.start, ride.zone)
        if start.date() != day:
            continue
        people = riders(data, ride) - away
        session = data.sessions.get(ride.visit) if ride.visit is not None else None
        if session is not None:
            visits[session.title] = max(visits[session.title], len(people))
        out.rides.append((start, ride.title, len(people)))
    hotels: Counter[str] = Counter()
    for stay in lg.stays:
        if stay.check_in <= day < stay.check_out and stay.person not in away:
            hotels[lg.place_name(stay.venue)] += 1
    member = data.membership
    replaces = {new: old for old, new in member.replaced_by.items()}
    names = data.names
    out.joining = sorted(
        (names.get(p, "?"), names.get(replaces[p], "") if p in replaces else "")
        for p, d in member.joining.items()
        if d == day
    )
    out.gone = sorted(names.get(p, "?") for p, d in member.gone.items() if d == day)
    out.landing.sort()
    out.leaving.sort()
    out.rides.sort()
    out.visits = sorted(visits.items())
    out.hotels = sorted(hotels.items())
    return out
