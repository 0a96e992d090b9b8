"""How the conflict check names things in its messages: people (a whole group or delegation
when it is exactly them), places, journeys, rides, stays, days and times in the plan's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time

from planner.domain.i18n import _, babel_locale, ngettext
from planner.queries.snapshot import Ride, RoomBlock, Session, Snapshot, Stay, Trip, Unit
from planner.rules.conflicts.problems import Ref


def day_text(value: date) -> str:
    from babel.dates import format_skeleton  # Babel loads when a message is made

    return str(format_skeleton("MMMEd", value, locale=babel_locale()))


def clock_text(value: datetime) -> str:
    return value.strftime("%H:%M")


def duration_text(seconds: int) -> str:
    minutes = max(0, round(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def span_text(first: date, last: date) -> str:
    return f"{day_text(first)} – {day_text(last)}"


def night_span_text(first: date, last: date) -> str:
    if first == last:
        return _("the night of {day}").format(day=day_text(first))
    return _("the nights of {first} to {last}").format(first=day_text(first), last=day_text(last))


class Words:
    """The names of a snapshot's people, groups, places and items, and its days and times."""

    def __init__(self, data: Snapshot) -> None:
        self.data = data

    def group_name(self, group: int) -> str:
        found = self.data.groups.get(group)
        return found.name if found is not None else "?"

    def delegation_name(self, delegation: int) -> str:
        found = self.data.delegations.get(delegation)
        return found.name if found is not None else "?"

    def who(
        self, people: set[int], units: Iterable[Unit]
    ) -> tuple[str, int, list[Ref], list[Ref], str]:
        """Who, in a message: a whole group or delegation when it is exactly them, else names.
        Also the count, the groups and delegations named, and a key for these people."""
        data = self.data
        groups, delegations, left = self.cover_units(people, units)
        names = sorted(data.names.get(p, "?") for p in people)
        subjects = [self.group_name(g) for g in groups] + [
            self.delegation_name(d) for d in delegations
        ]
        n = len(people)
        if not left and len(subjects) == 1:
            who = ngettext("{name} ({n} person)", "{name} ({n} people)", n).format(
                name=subjects[0], n=n
            )
        elif n == 1:
            who = names[0]
        else:
            shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
            who = ngettext("{n} person ({names})", "{n} people ({names})", n).format(
                n=n, names=shown
            )
        subject = ",".join([f"g{g}" for g in groups] + [f"d{d}" for d in delegations]) or ",".join(
            str(p) for p in sorted(people)[:20]
        )
        return (
            who,
            n,
            [Ref(g, self.group_name(g)) for g in groups],
            [Ref(d, self.delegation_name(d)) for d in delegations],
            subject,
        )

    def cover_units(
        self, people: set[int], units: Iterable[Unit]
    ) -> tuple[list[int], list[int], set[int]]:
        left = set(people)
        groups: list[int] = []
        delegations: list[int] = []
        candidates = sorted(set(units))
        for kind, bucket in (("group", groups), ("delegation", delegations)):
            for unit in candidates:
                if unit[0] != kind:
                    continue
                members = self.data.membership.members.get(unit, frozenset())
                if members and members <= left:
                    bucket.append(unit[1])
                    left -= members
        return groups, delegations, left

    def people_refs(self, people: Iterable[int]) -> list[Ref]:
        names = self.data.names
        return [Ref(p, names.get(p, "?")) for p in sorted(people, key=lambda p: names.get(p, ""))]

    def place_name(self, place: int | None) -> str:
        found = self.data.logistics.places.get(place) if place is not None else None
        return found.name if found is not None else _("an unnamed place")

    def place_refs(self, *places: int | None) -> list[Ref]:
        return [Ref(p, self.place_name(p)) for p in dict.fromkeys(places) if p is not None]

    def trip_name(self, trip: Trip) -> str:
        if trip.flight:
            return _("flight {number}").format(number=trip.label) if trip.label else _("the flight")
        return (
            _("the journey by road ({number})").format(number=trip.label)
            if trip.label
            else _("the journey by road")
        )

    def trip_ref(self, trip: Trip) -> Ref:
        return Ref(
            trip.id,
            f"{trip.label or self.trip_name(trip)} — {self.data.names.get(trip.person, '?')}",
        )

    def ride_name(self, ride: Ride) -> str:
        if ride.title:
            return ride.title
        return _("ride from {a} to {b}").format(
            a=self.place_name(ride.origin), b=self.place_name(ride.destination)
        )

    def ride_ref(self, ride: Ride) -> Ref:
        return Ref(ride.id, self.ride_name(ride))

    def stay_ref(self, stay: Stay) -> Ref:
        return Ref(
            stay.id, f"{self.data.names.get(stay.person, '?')} — {self.place_name(stay.venue)}"
        )

    def block_ref(self, block: RoomBlock) -> Ref:
        return Ref(block.id, f"{self.place_name(block.venue)} — {block.room_type}")

    def stamp(self, seconds: int) -> str:
        local = self.local(seconds)
        return f"{day_text(local.date())} {clock_text(local)}"

    def evening(self, day: date) -> datetime:
        """When a night begins, as problems about beds show it."""
        return datetime.combine(day, time(18), self.data.zone)

    def morning(self, day: date) -> datetime:
        return datetime.combine(day, time(8), self.data.zone)

    def local(self, seconds: int) -> datetime:
        return datetime.fromtimestamp(seconds, UTC).astimezone(self.data.zone)

    def when(self, start: int, end: int) -> str:
        a, b = self.local(start), self.local(end)
        if a.date() == b.date():
            return _("on {day}, {start}–{end}").format(
                day=day_text(a.date()), start=clock_text(a), end=clock_text(b)
            )
        return _("from {start} to {end}").format(
            start=f"{day_text(a.date())} {clock_text(a)}",
            end=f"{day_text(b.date())} {clock_text(b)}",
        )

    def session_ref(self, s: Session) -> Ref:
        return Ref(s.id, s.title)
