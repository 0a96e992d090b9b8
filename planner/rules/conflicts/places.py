"""The places' checks: a session or a visit's stop outside the place's opening hours, and
not enough time on the road between one place and the next (a person's sessions, a visit's
stops)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import UTC, datetime

from planner.domain.i18n import _
from planner.queries.snapshot import Place, Session
from planner.rules.conflicts.index import Index, Sink
from planner.rules.conflicts.problems import (
    NOT_ENOUGH_TRAVEL_TIME,
    PLACE_CLOSED,
    SEVERITY,
    Problem,
)
from planner.rules.conflicts.words import clock_text, day_text, duration_text


def places_of(ix: Index, sink: Sink, s: Session) -> None:
    """Opening hours of the session's place and of a visit's stops; roads between stops."""
    w = ix.words
    lg = ix.data.logistics
    stops = lg.stops.get(s.id)
    if stops:
        for stop in stops:
            place = lg.places.get(stop.venue) if stop.venue is not None else None
            arrives = stop.arrives if stop.arrives is not None else stop.leaves
            leaves = stop.leaves if stop.leaves is not None else stop.arrives
            if place is None or arrives is None or leaves is None:
                continue
            if closed(place, arrives, leaves):
                sink.add(
                    Problem(
                        PLACE_CLOSED,
                        SEVERITY[PLACE_CLOSED],
                        _(
                            "“{title}” stops at {place} {when}, outside its opening hours"
                            " ({opens}–{closes}). Change the stop's times, or agree them"
                            " with the"
                            " host."
                        ).format(
                            title=s.title,
                            place=place.name,
                            when=w.when(arrives, leaves),
                            opens=place.opens,
                            closes=place.closes,
                        ),
                        w.local(arrives),
                        w.local(leaves),
                        f"{PLACE_CLOSED}:stop{stop.id}",
                        [w.session_ref(s)],
                        places=w.place_refs(stop.venue),
                    )
                )
        for a, b in itertools.pairwise(stops):
            if a.leaves is None or b.arrives is None:
                continue
            road, assumed = ix.road(a.venue, b.venue)
            if assumed is None and b.arrives - a.leaves < road:
                sink.add(
                    Problem(
                        NOT_ENOUGH_TRAVEL_TIME,
                        SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
                        _(
                            "“{title}”: not enough time from {a} (leaving at {leaves}) to {b}"
                            " (arriving at {arrives}): the road takes {road}. Change the stops'"
                            " times."
                        ).format(
                            title=s.title,
                            a=w.place_name(a.venue),
                            leaves=clock_text(w.local(a.leaves)),
                            b=w.place_name(b.venue),
                            arrives=clock_text(w.local(b.arrives)),
                            road=duration_text(road),
                        ),
                        w.local(a.leaves),
                        w.local(max(a.leaves, b.arrives)),
                        f"{NOT_ENOUGH_TRAVEL_TIME}:stop{a.id}:{b.id}",
                        [w.session_ref(s)],
                        places=w.place_refs(a.venue, b.venue),
                    )
                )
        return
    place = lg.places.get(s.venue) if s.venue is not None else None
    if place is not None and closed(place, s.start, s.end):
        sink.add(
            Problem(
                PLACE_CLOSED,
                SEVERITY[PLACE_CLOSED],
                _(
                    "“{title}” is at {place} {when}, outside its opening hours"
                    " ({opens}–{closes})."
                    " Move the session, or change the place's hours."
                ).format(
                    title=s.title,
                    place=place.name,
                    when=w.when(s.start, s.end),
                    opens=place.opens,
                    closes=place.closes,
                ),
                w.local(s.start),
                w.local(s.end),
                f"{PLACE_CLOSED}:{s.id}",
                [w.session_ref(s)],
                places=w.place_refs(s.venue),
            )
        )


def too_far(ix: Index, sink: Sink, a: Session, b: Session, people: set[int]) -> None:
    """People with too little time on the road from one session to the next."""
    w = ix.words
    road = gap_too_short(ix, a, b) or 0
    who, _n, groups, delegations, subject = w.who(people, a.units | b.units)
    sink.add(
        Problem(
            NOT_ENOUGH_TRAVEL_TIME,
            SEVERITY[NOT_ENOUGH_TRAVEL_TIME],
            _(
                "{who}: not enough time to get from “{first}” at {a} to “{second}” at {b} on"
                " {day}:"
                " the road takes {road}, and there are {gap} between them. Move one of the"
                " sessions or change who attends."
            ).format(
                who=who,
                first=a.title,
                a=w.place_name(a.venue),
                second=b.title,
                b=w.place_name(b.venue),
                day=day_text(w.local(a.end).date()),
                road=duration_text(road),
                gap=duration_text(b.start - a.end),
            ),
            w.local(a.end),
            w.local(b.start),
            f"{NOT_ENOUGH_TRAVEL_TIME}:{subject}:{a.id}:{b.id}",
            [w.session_ref(a), w.session_ref(b)],
            people=w.people_refs(people),
            groups=groups,
            delegations=delegations,
            places=w.place_refs(a.venue, b.venue),
        )
    )


def tight_pairs(ix: Index, items: list[tuple[int, int, int]]) -> Iterable[tuple[int, int]]:
    """Pairs (earlier, later) of one person's sessions too close for the road between."""
    reach = ix.max_road
    sessions = ix.data.sessions
    for n, (_start, end, a) in enumerate(items):
        if sessions[a].venue is None:
            continue
        for b_start, _b_end, b in items[n + 1 :]:
            if b_start >= end + reach:
                break
            if b_start >= end and gap_too_short(ix, sessions[a], sessions[b]) is not None:
                yield a, b


def gap_too_short(ix: Index, a: Session, b: Session) -> int | None:
    """The road's seconds when ``b`` starts too soon after ``a`` ends to get there."""
    if a.venue is None or b.venue is None or a.venue == b.venue:
        return None
    road, assumed = ix.road(a.venue, b.venue)
    if assumed is None and 0 <= b.start - a.end < road:
        return road
    return None


def closed(place: Place, start: int, end: int) -> bool:
    """Whether [start, end] falls outside the place's opening hours on its day."""
    if not place.opens or not place.closes:
        return False
    try:
        opens = datetime.strptime(place.opens, "%H:%M").time()
        closes = datetime.strptime(place.closes, "%H:%M").time()
    except ValueError:
        return False
    a = datetime.fromtimestamp(start, UTC).astimezone(place.zone)
    b = datetime.fromtimestamp(end, UTC).astimezone(place.zone)
    if opens <= closes:
        if a.date() != b.date():
            return True
        return a.time() < opens or b.time() > closes
    # open overnight, e.g. 20:00–04:00: closed between closes and opens
    return any(closes < t.time() < opens for t in (a, b))
