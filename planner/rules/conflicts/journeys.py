"""The journeys' checks: people who land too late for a session or a ride, or must leave
before it ends; nights in town without a bed, hotel stays that miss the travel dates, and
room blocks with more stays than rooms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from planner.domain.i18n import _, ngettext
from planner.queries.snapshot import Session, Stay, Trip, Unit
from planner.rules.conflicts.index import ROAD_CHECK_IN, Index, Sink
from planner.rules.conflicts.problems import (
    AFTER_DEPARTURE,
    BEFORE_ARRIVAL,
    BLOCK_OVERBOOKED,
    NO_BED,
    SEVERITY,
    STAY_MISMATCH,
    TICKET_FOR_REPLACED_PERSON,
    Problem,
    Ref,
    with_refs,
)
from planner.rules.conflicts.words import day_text, duration_text, night_span_text, span_text
from planner.rules.transfers import CHECK_IN, PICKUP_MARGIN

EARLY_HOUR = 6  # landing before 06:00 needs the night before in the hotel


def journeys_of(ix: Index, sink: Sink, s: Session) -> None:
    """The session's people who land too late for it or must leave before it ends."""
    w = ix.words
    travellers: set[int] = set()
    for unit in ix.units(s):
        travellers |= ix.travellers_of_unit.get(unit, set())
    if travellers:
        journey(
            ix,
            sink,
            travellers,
            s.title,
            s.start,
            s.end,
            s.venue,
            s.venue,
            ix.units(s),
            f"{s.id}",
            sessions=[w.session_ref(s)],
        )


def journey(
    ix: Index,
    sink: Sink,
    travellers: set[int],
    title: str,
    start: int,
    end: int,
    origin: int | None,
    destination: int | None,
    units: Iterable[Unit],
    key: str,
    **refs: list[Ref],
) -> None:
    """People who land too late for an item, or must leave before it ends."""
    w = ix.words
    # people on the same flight (or journey) are named together
    Same = tuple[str, int, int, int]  # (label, at, place, ready or latest time to go)
    late: dict[Same, set[int]] = defaultdict(set)
    early: dict[Same, set[int]] = defaultdict(set)
    trips: dict[Same, tuple[Trip, int | None]] = {}
    for person in travellers:
        free = ix.free.get(person)
        if free is not None and free[0] <= start and end <= free[1]:
            continue
        arrival = ix.arrival(person, end)
        if arrival is not None:
            road, assumed = ix.road(arrival.place, origin)
            margin = PICKUP_MARGIN if arrival.flight else timedelta(0)
            ready = arrival.at + int(margin.total_seconds()) + road
            if start < ready:
                same = (arrival.label, arrival.at, arrival.place or 0, ready)
                late[same].add(person)
                trips.setdefault(same, (arrival, assumed))
        departure = ix.departure(person, start)
        if departure is not None:
            road, assumed = ix.road(destination, departure.place)
            margin = CHECK_IN if departure.flight else ROAD_CHECK_IN
            leave_by = departure.at - int(margin.total_seconds()) - road
            if end > leave_by:
                same = (departure.label, departure.at, departure.place or 0, leave_by)
                early[same].add(person)
                trips.setdefault(same, (departure, assumed))
    for kind, found in ((BEFORE_ARRIVAL, late), (AFTER_DEPARTURE, early)):
        for same, people in sorted(found.items()):
            trip, assumed = trips[same]
            limit = same[3]  # ready at the earliest, or gone at the latest
            who, n, groups, delegations, subject = w.who(people, units)
            values = {
                "who": who,
                "title": title,
                "when": w.when(start, end),
                "trip": w.trip_name(trip),
                "place": w.place_name(trip.place),
                "at": w.stamp(trip.at),
                "minutes": duration_text(abs(limit - trip.at)),
            }
            if kind == BEFORE_ARRIVAL:
                message = ngettext(
                    "{who} cannot make “{title}” {when}: {trip} arrives at {place} {at};"
                    " allowing {minutes} to get there, {ready} is the earliest. Move it,"
                    " change who goes, or change the travel.",
                    "{who} cannot make “{title}” {when}: {trip} arrives at {place} {at};"
                    " allowing {minutes} to get there, {ready} is the earliest. Move it,"
                    " change who goes, or change the travel.",
                    n,
                ).format(ready=w.stamp(limit), **values)
                message += assumed_road(ix, trip.place, origin, assumed)
                span = (start, min(end, limit))
            else:
                message = ngettext(
                    "{who} cannot stay for “{title}” {when}: {trip} leaves {place} {at};"
                    " allowing {minutes} to get there and check in, {by} is the latest to"
                    " go. Move it, change who goes, or change the travel.",
                    "{who} cannot stay for “{title}” {when}: {trip} leaves {place} {at};"
                    " allowing {minutes} to get there and check in, {by} is the latest to"
                    " go. Move it, change who goes, or change the travel.",
                    n,
                ).format(by=w.stamp(limit), **values)
                message += assumed_road(ix, destination, trip.place, assumed)
                span = (max(start, limit), end)
            sink.add(
                with_refs(
                    refs,
                    Problem(
                        kind,
                        SEVERITY[kind],
                        message,
                        w.local(span[0]),
                        w.local(span[1]),
                        f"{kind}:{subject}:{key}",
                        people=w.people_refs(people),
                        groups=groups,
                        delegations=delegations,
                        travel=[w.trip_ref(trip)],
                    ),
                )
            )


def assumed_road(ix: Index, a: int | None, b: int | None, minutes: int | None) -> str:
    w = ix.words
    if minutes is None:
        return ""
    return " " + _(
        "No road time from {a} to {b} is entered, so {minutes} min are assumed;"
        " enter it under Places & rooms ▸ Road times."
    ).format(a=w.place_name(a), b=w.place_name(b), minutes=minutes)


def beds(ix: Index, sink: Sink) -> None:
    """Nights in town without a bed, stays that miss the travel dates, full blocks."""
    w = ix.words
    data, lg = ix.data, ix.data.logistics
    nights_of: dict[int, set[date]] = defaultdict(set)
    for stay in lg.stays:
        nights_of[stay.person].update(nights_between(stay.check_in, stay.check_out))
    homeless: dict[tuple[date, date], set[int]] = defaultdict(set)
    gone = data.membership.gone
    for person, trips in lg.trips.items():
        if person in gone:  # declined or replaced: no bed is wanted from their day on
            replaced_tickets(ix, sink, person, trips, gone[person])
        needed: set[date] = set()
        spans: list[tuple[Trip, Trip | None]] = []
        for trip in trips:
            if not trip.arrival:
                continue
            departure = next((t for t in trips if not t.arrival and t.at > trip.at), None)
            spans.append((trip, departure))
            first = w.local(trip.at)
            first_night = first.date() - timedelta(days=1 if first.hour < EARLY_HOUR else 0)
            last = w.local(departure.at).date() if departure is not None else data.last_day
            needed.update(nights_between(first_night, last))
        if person in gone:
            needed = {night for night in needed if night < gone[person]}
        if not needed:
            continue
        have = nights_of.get(person, set())
        for first_night, last_night in runs_of(sorted(needed - have)):
            homeless[(first_night, last_night)].add(person)
        if have and have != needed:
            stay_mismatch(ix, sink, person, spans, have, needed)
    for (first_night, last_night), people in sorted(homeless.items()):
        units = {u for p in people for u in data.units_of.get(p, ()) if u[0] != "person"}
        who, n, groups, delegations, subject = w.who(people, units)
        sink.add(
            Problem(
                NO_BED,
                SEVERITY[NO_BED],
                ngettext(
                    "{who} has no bed for {nights}, while in town. Add a stay at a hotel"
                    " (Accommodation page).",
                    "{who} have no bed for {nights}, while in town. Add a stay at a hotel"
                    " (Accommodation page).",
                    n,
                ).format(who=who, nights=night_span_text(first_night, last_night)),
                w.evening(first_night),
                w.morning(last_night + timedelta(days=1)),
                f"{NO_BED}:{subject}:{first_night.isoformat()}",
                people=w.people_refs(people),
                groups=groups,
                delegations=delegations,
                travel=[w.trip_ref(t) for p in sorted(people)[:20] for t in lg.trips.get(p, ())],
            )
        )
    blocks(
        ix,
        sink,
    )


def replaced_tickets(ix: Index, sink: Sink, person: int, trips: list[Trip], day: date) -> None:
    """Tickets are personal: a person replaced (or who declined) keeps theirs, to reissue."""
    w = ix.words
    later = [t for t in trips if w.local(t.at).date() >= day]
    if not later:
        return
    data = ix.data
    name = data.names.get(person, "?")
    replacement = data.membership.replaced_by.get(person)
    sink.add(
        Problem(
            TICKET_FOR_REPLACED_PERSON,
            SEVERITY[TICKET_FOR_REPLACED_PERSON],
            (
                _(
                    "{name} was replaced by {other} but still holds {tickets}: reissue the"
                    " tickets for {other} (Travel page), or cancel them."
                ).format(
                    name=name,
                    other=data.names.get(replacement, "?"),
                    tickets=", ".join(t.number or t.carrier for t in later),
                )
                if replacement is not None
                else _(
                    "{name} is not coming but still holds {tickets}: cancel or change the"
                    " tickets (Travel page)."
                ).format(name=name, tickets=", ".join(t.number or t.carrier for t in later))
            ),
            w.local(later[0].at),
            w.local(later[-1].at),
            f"{TICKET_FOR_REPLACED_PERSON}:{person}",
            people=w.people_refs([person]),
            travel=[w.trip_ref(t) for t in later],
        )
    )


def stay_mismatch(
    ix: Index,
    sink: Sink,
    person: int,
    spans: list[tuple[Trip, Trip | None]],
    have: set[date],
    needed: set[date],
) -> None:
    w = ix.words
    lg = ix.data.logistics
    stays = [s for s in lg.stays if s.person == person]
    arrival, departure = spans[0][0], spans[-1][1]
    name = ix.data.names.get(person, "?")
    first, last = min(needed), max(needed) + timedelta(days=1)
    sink.add(
        Problem(
            STAY_MISMATCH,
            SEVERITY[STAY_MISMATCH],
            _(
                "{name}'s hotel stay ({stay}) does not match the travel: arriving {arrival},"
                " leaving {departure}, the stay should be {expected}. Change the stay's"
                " dates or"
                " the travel."
            ).format(
                name=name,
                stay=span_text(min(have), max(have) + timedelta(days=1)),
                arrival=w.stamp(arrival.at),
                departure=w.stamp(departure.at)
                if departure is not None
                else _("at the end of the plan"),
                expected=span_text(first, last),
            ),
            w.evening(min(min(have), first)),
            w.morning(max(max(have), max(needed)) + timedelta(days=1)),
            f"{STAY_MISMATCH}:{person}",
            people=[Ref(person, name)],
            travel=[w.trip_ref(t) for t in lg.trips.get(person, ())],
            stays=[w.stay_ref(s) for s in stays],
        )
    )


def blocks(ix: Index, sink: Sink) -> None:
    """Room blocks with more stays than rooms on a night (two sharing take one room)."""
    w = ix.words
    lg = ix.data.logistics
    by_block: dict[int, list[Stay]] = defaultdict(list)
    for stay in lg.stays:
        if stay.block is not None and stay.block in lg.blocks:
            by_block[stay.block].append(stay)
    for block_id, stays in by_block.items():
        block = lg.blocks[block_id]
        nights: set[date] = set()
        for stay in stays:
            nights.update(nights_between(stay.check_in, stay.check_out))
        over: list[tuple[date, int]] = []
        for night in sorted(nights):
            present = {s.person: s for s in stays if s.check_in <= night < s.check_out}
            shared = {
                frozenset((p, s.sharing))
                for p, s in present.items()
                if s.sharing is not None and s.sharing in present and s.sharing != p
            }
            taken = len(present) - len(shared)
            held = block.rooms if block.check_in <= night < block.check_out else 0
            if taken > held:
                over.append((night, taken))
        for first, last in runs_of([night for night, _t in over]):
            taken = max(t for night, t in over if first <= night <= last)
            hotel = w.place_name(block.venue)
            held = block.rooms
            sink.add(
                Problem(
                    BLOCK_OVERBOOKED,
                    SEVERITY[BLOCK_OVERBOOKED],
                    ngettext(
                        "The block of {type} rooms at {hotel} holds {held} room ({from_} –"
                        " {to}), but {taken} are taken for {nights}. Add rooms to the block"
                        " or its nights, or move stays to another block.",
                        "The block of {type} rooms at {hotel} holds {held} rooms ({from_} –"
                        " {to}), but {taken} are taken for {nights}. Add rooms to the block"
                        " or its nights, or move stays to another block.",
                        held,
                    ).format(
                        type=block.room_type or "?",
                        hotel=hotel,
                        held=held,
                        from_=day_text(block.check_in),
                        to=day_text(block.check_out),
                        taken=taken,
                        nights=night_span_text(first, last),
                    ),
                    w.evening(first),
                    w.morning(last + timedelta(days=1)),
                    f"{BLOCK_OVERBOOKED}:{block_id}:{first.isoformat()}",
                    blocks=[w.block_ref(block)],
                    places=w.place_refs(block.venue),
                    stays=[
                        w.stay_ref(s) for s in stays if s.check_in <= last and first < s.check_out
                    ],
                )
            )


def nights_between(check_in: date, check_out: date) -> list[date]:
    """The nights from ``check_in`` to the night before ``check_out``."""
    return [check_in + timedelta(days=n) for n in range((check_out - check_in).days)]


def runs_of(days: list[date]) -> list[tuple[date, date]]:
    """Sorted days as runs of consecutive days: [(first, last), …]."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and day == runs[-1][1] + timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
