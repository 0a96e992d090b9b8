"""The agenda's checks: people and facilitators booked twice, rooms booked twice or over
their seats, sessions outside the plan's days, people booked when they said they cannot."""

from __future__ import annotations

from datetime import timedelta

from planner.domain.i18n import _, ngettext
from planner.queries.snapshot import Session
from planner.rules.conflicts.index import Index, Sink
from planner.rules.conflicts.problems import (
    BOOKED_WHEN_UNAVAILABLE,
    FACILITATOR_DOUBLE_BOOKED,
    OUTSIDE_PLAN_DATES,
    OVER_CAPACITY,
    PERSON_DOUBLE_BOOKED,
    ROOM_DOUBLE_BOOKED,
    SEVERITY,
    Problem,
    Ref,
)
from planner.rules.conflicts.words import day_text


def dates_and_seats(ix: Index, sink: Sink, s: Session) -> None:
    """Dates outside the plan's, and more people than the room seats."""
    w = ix.words
    data = ix.data
    start, end = w.local(s.start), w.local(s.end)
    if start.date() < data.first_day or (end - timedelta(seconds=1)).date() > data.last_day:
        sink.add(
            Problem(
                OUTSIDE_PLAN_DATES,
                SEVERITY[OUTSIDE_PLAN_DATES],
                _(
                    "“{title}” on {day} is outside the plan's days ({first} – {last}). Move"
                    " it, or"
                    " change the plan's dates in File ▸ Plan Details."
                ).format(
                    title=s.title,
                    day=day_text(start.date()),
                    first=day_text(data.first_day),
                    last=day_text(data.last_day),
                ),
                start,
                end,
                f"{OUTSIDE_PLAN_DATES}:{s.id}",
                [w.session_ref(s)],
            )
        )
    if s.room is not None and s.room in data.rooms:
        room = data.rooms[s.room]
        name, capacity = room.name, room.capacity
        people: set[int] = set()
        for unit in ix.units(s):
            people |= data.membership.members.get(unit, frozenset())
        if len(people) > capacity:
            sink.add(
                Problem(
                    OVER_CAPACITY,
                    SEVERITY[OVER_CAPACITY],
                    _(
                        "“{title}” ({when}) brings {n} people into {room}, which seats"
                        " {capacity}"
                        " ({extra} too many). Choose a larger room or split the audience."
                    ).format(
                        title=s.title,
                        when=w.when(s.start, s.end),
                        n=len(people),
                        room=name,
                        capacity=capacity,
                        extra=len(people) - capacity,
                    ),
                    start,
                    end,
                    f"{OVER_CAPACITY}:{s.id}",
                    [w.session_ref(s)],
                    rooms=[Ref(s.room, name)],
                )
            )


def availability(ix: Index, sink: Sink, s: Session) -> None:
    """Facilitators and people invited by name, booked while they said they cannot."""
    w = ix.words
    data = ix.data
    if not data.unavailable:
        return
    named = set(s.facilitators) | {ref for kind, ref in s.units if kind == "person"}
    for person in sorted(named):
        for start, end, note in data.unavailable.get(person, ()):
            if start < s.end and s.start < end:
                name = data.names.get(person, "?")
                sink.add(
                    Problem(
                        BOOKED_WHEN_UNAVAILABLE,
                        SEVERITY[BOOKED_WHEN_UNAVAILABLE],
                        _(
                            "{name} is booked for “{title}” {when} but is unavailable then"
                            "{note}. Find someone else, move the session, or accept it with a"
                            " note."
                        ).format(
                            name=name,
                            title=s.title,
                            when=w.when(s.start, s.end),
                            note=f" ({note})" if note else "",
                        ),
                        w.local(max(start, s.start)),
                        w.local(min(end, s.end)),
                        f"{BOOKED_WHEN_UNAVAILABLE}:{person}:{s.id}",
                        [w.session_ref(s)],
                        people=[Ref(person, name)],
                    )
                )
                break


def room_clash(ix: Index, sink: Sink, a: Session, b: Session) -> None:
    """Two sessions in one room at once."""
    w = ix.words
    assert a.room is not None
    room = ix.data.rooms.get(a.room)
    name = room.name if room is not None else "?"
    start, end = max(a.start, b.start), min(a.end, b.end)
    sink.add(
        Problem(
            ROOM_DOUBLE_BOOKED,
            SEVERITY[ROOM_DOUBLE_BOOKED],
            _(
                "{room} is booked twice {when}: “{first}” and “{second}”. Move one of them or"
                " give it another room."
            ).format(room=name, when=w.when(start, end), first=a.title, second=b.title),
            w.local(start),
            w.local(end),
            f"{ROOM_DOUBLE_BOOKED}:{a.room}:{a.id}:{b.id}",
            [w.session_ref(a), w.session_ref(b)],
            rooms=[Ref(a.room, name)],
        )
    )


def people_clash(ix: Index, sink: Sink, a: Session, b: Session, people: set[int]) -> None:
    """People (facilitators named one by one) in two sessions at once."""
    w = ix.words
    data = ix.data
    start, end = max(a.start, b.start), min(a.end, b.end)
    when = w.when(start, end)
    sessions = [w.session_ref(a), w.session_ref(b)]
    facilitating = sorted(p for p in people if p in a.facilitators or p in b.facilitators)
    for person in facilitating:
        sink.add(
            Problem(
                FACILITATOR_DOUBLE_BOOKED,
                SEVERITY[FACILITATOR_DOUBLE_BOOKED],
                _(
                    "{name} is booked twice {when}: facilitating “{first}” and"
                    " {second_role} “{second}”. Find another facilitator or move a"
                    " session."
                ).format(
                    name=data.names.get(person, "?"),
                    when=when,
                    first=(a if person in a.facilitators else b).title,
                    second_role=_("facilitating")
                    if person in a.facilitators and person in b.facilitators
                    else _("attending"),
                    second=(b if person in a.facilitators else a).title,
                ),
                w.local(start),
                w.local(end),
                f"{FACILITATOR_DOUBLE_BOOKED}:{person}:{a.id}:{b.id}",
                sessions,
                people=[Ref(person, data.names.get(person, "?"))],
            )
        )
    rest = people.difference(facilitating)
    if not rest:
        return
    # Name the smallest units that hold exactly these people: whole groups first.
    groups, delegations, left = cover(ix, rest, a, b)
    names = sorted(data.names.get(p, "?") for p in rest)
    subjects = [w.group_name(g) for g in groups] + [w.delegation_name(d) for d in delegations]
    if not left and len(subjects) == 1:
        who = ngettext("{name} ({n} person) is", "{name} ({n} people) are", len(rest)).format(
            name=subjects[0], n=len(rest)
        )
    elif len(rest) == 1:
        who = _("{name} is").format(name=names[0])
    else:
        shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        who = ngettext("{n} person ({names}) is", "{n} people ({names}) are", len(rest)).format(
            n=len(rest), names=shown
        )
    subject_key = ",".join([f"g{g}" for g in groups] + [f"d{d}" for d in delegations]) or ",".join(
        str(p) for p in sorted(rest)[:20]
    )
    sink.add(
        Problem(
            PERSON_DOUBLE_BOOKED,
            SEVERITY[PERSON_DOUBLE_BOOKED],
            _(
                "{who} in two places at once {when}: “{first}” and “{second}”. Move one of the"
                " sessions or change who attends."
            ).format(who=who, when=when, first=a.title, second=b.title),
            w.local(start),
            w.local(end),
            f"{PERSON_DOUBLE_BOOKED}:{subject_key}:{a.id}:{b.id}",
            sessions,
            people=[
                Ref(p, data.names.get(p, "?"))
                for p in sorted(rest, key=lambda p: data.names.get(p, ""))
            ],
            groups=[Ref(g, w.group_name(g)) for g in groups],
            delegations=[Ref(d, w.delegation_name(d)) for d in delegations],
        )
    )


def cover(
    ix: Index, people: set[int], a: Session, b: Session
) -> tuple[list[int], list[int], set[int]]:
    """Groups, then delegations, of the two sessions wholly inside ``people``."""
    left = set(people)
    groups: list[int] = []
    delegations: list[int] = []
    for kind, bucket in (("group", groups), ("delegation", delegations)):
        for unit in sorted(a.units | b.units):
            if unit[0] != kind:
                continue
            members = ix.data.membership.members.get(unit, frozenset())
            if members and members <= left:
                bucket.append(unit[1])
                left -= members
    return groups, delegations, left
