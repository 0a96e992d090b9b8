"""The rotation generator: every group takes every module once, without clashes.

Given groups (of any sizes), modules, rooms (of any capacities and equipment), days, the daily
teaching slots with their fixed breaks and lunch, and the trainers' unavailable times, it
proposes a timetable in which no group, trainer or room is in two places at once and no room is
too small or lacks the module's equipment. A module takes as many consecutive slots of one day
as its duration needs.

The search is a backtracking over (group, module) pairs, most constrained first, with forward
checking; before searching it looks for the reasons a timetable cannot exist (a module without
a trainer, a trainer with too few free slots, a group too large for every room, more teaching
than the days hold) and names them, so an impossible request gets an answer a person can act
on ("module 7 has one trainer, who is unavailable on Thursday, and needs 8 slots").
"""

from __future__ import annotations

import time as clock
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.i18n import _, babel_locale, ngettext
from planner.domain.reference import fold
from planner.queries.agenda import demo_rotation, rotation_rows
from planner.store import PlanStore, parse_time

MIN_SLOT_MINUTES = 30
SEARCH_SECONDS = 8.0


@dataclass(frozen=True)
class Slot:
    day: date
    index: int
    start: datetime  # the slot as the template gives it (aware, plan zone)
    end: datetime


@dataclass
class Request:
    group_ids: list[int]
    module_ids: list[int]
    room_ids: list[int]
    days: list[date]
    slots: list[tuple[time, time]]  # daily teaching slots, in order
    # fixed breaks and lunch for the groups: (start, end, title, kind)
    breaks: list[tuple[time, time, str, str]] = field(default_factory=list)
    replace_existing: bool = True  # remove these groups' module sessions on these days first

    def as_setting(self) -> dict[str, Any]:
        return {
            "groups": self.group_ids,
            "modules": self.module_ids,
            "rooms": self.room_ids,
            "days": [d.isoformat() for d in self.days],
            "slots": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in self.slots],
            "breaks": [
                [a.strftime("%H:%M"), b.strftime("%H:%M"), t, k] for a, b, t, k in self.breaks
            ],
            "replace": self.replace_existing,
        }

    @classmethod
    def from_setting(cls, value: dict[str, Any]) -> Request:
        hm = time.fromisoformat
        return cls(
            list(value.get("groups", [])),
            list(value.get("modules", [])),
            list(value.get("rooms", [])),
            [date.fromisoformat(d) for d in value.get("days", [])],
            [(hm(a), hm(b)) for a, b in value.get("slots", [])],
            [(hm(a), hm(b), t, k) for a, b, t, k in value.get("breaks", [])],
            bool(value.get("replace", True)),
        )


@dataclass(frozen=True)
class Placement:
    group_id: int
    module_id: int
    room_id: int
    trainer_id: int
    day: date
    first: int  # index of the first slot
    count: int


@dataclass
class Proposal:
    """What the generator proposes (or why it cannot)."""

    placements: list[Placement]
    sessions: list[dict[str, Any]]  # values for planner.operations.create
    remove_ids: list[int]  # existing module sessions it replaces
    reasons: list[str]  # empty when a timetable was found
    slots: list[Slot]
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.reasons


# --- what the generator reads -------------------------------------------------------------------


@dataclass
class _Inputs:
    zone: ZoneInfo
    groups: dict[int, tuple[str, int]]  # id -> (name, size)
    modules: dict[int, tuple[int, str, int, int, frozenset[str], list[int]]]
    # id -> (number, title, minutes, seats needed, equipment, trainers)
    rooms: dict[int, tuple[str, int, frozenset[str]]]  # id -> (name, capacity, equipment)
    people: dict[int, str]
    busy: dict[tuple[str, int], list[tuple[datetime, datetime]]]  # ("group"|"room"|"person", id)
    remove_ids: list[int]
    existing_breaks: set[tuple[str, datetime]]  # (title, start) already in the plan


def _items(text: str) -> frozenset[str]:
    return frozenset(fold(x.strip()) for x in text.split(",") if x.strip())


def _load(store: PlanStore, request: Request) -> _Inputs:
    rows = rotation_rows(store)
    zone = ZoneInfo(rows.timezone)
    sizes = rows.group_sizes
    groups = {i: (n, sizes.get(i, 0)) for i, n in rows.groups if i in request.group_ids}
    trainers: dict[int, list[int]] = defaultdict(list)
    for m, p in rows.module_trainers:
        trainers[m].append(p)
    modules = {
        i: (n, t, d, s, _items(e), trainers.get(i, []))
        for i, n, t, d, s, e in rows.modules
        if i in request.module_ids
    }
    rooms = {i: (n, c, _items(e)) for i, n, c, e in rows.rooms if i in request.room_ids}
    people = {i: " ".join(p for p in (g, f) if p) for i, g, f in rows.people}
    members: dict[int, set[int]] = defaultdict(set)
    for g, p in rows.group_members:
        members[p].add(g)
    delegation_of = rows.delegation_of
    group_delegations: dict[int, set[int]] = defaultdict(set)
    for p, gs in members.items():
        for g in gs:
            delegation = delegation_of.get(p)
            if delegation:
                group_delegations[g].add(delegation)
    audience: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for s, g, d, p in rows.audience:
        audience[s].append(("group", g) if g else ("delegation", d) if d else ("person", p))
    facilitators: dict[int, list[int]] = defaultdict(list)
    for s, p in rows.facilitators:
        facilitators[s].append(p)
    days = set(request.days)
    busy: dict[tuple[str, int], list[tuple[datetime, datetime]]] = defaultdict(list)
    remove: list[int] = []
    existing_breaks: set[tuple[str, datetime]] = set()
    for sid, title, start, end, room, module in rows.sessions:
        a, b = parse_time(start).astimezone(zone), parse_time(end).astimezone(zone)
        touched = {g for kind, ref in audience[sid] if kind == "group" for g in [ref]}
        touched |= {
            g for kind, ref in audience[sid] if kind == "person" for g in members.get(ref, ())
        }
        touched |= {
            g
            for g, ds in group_delegations.items()
            for kind, ref in audience[sid]
            if kind == "delegation" and ref in ds
        }
        mine = touched & set(request.group_ids)
        if (
            request.replace_existing
            and module is not None
            and a.date() in days
            and mine
            and all(k == "group" and ref in request.group_ids for k, ref in audience[sid])
        ):
            remove.append(sid)
            continue
        existing_breaks.add((title, a))
        for g in touched:
            busy[("group", g)].append((a, b))
        if room is not None:
            busy[("room", room)].append((a, b))
        for p in facilitators.get(sid, ()):
            busy[("person", p)].append((a, b))
    for p, start, end in rows.unavailable:
        busy[("person", p)].append(
            (parse_time(start).astimezone(zone), parse_time(end).astimezone(zone))
        )
    return _Inputs(zone, groups, modules, rooms, people, busy, remove, existing_breaks)


# --- the search ---------------------------------------------------------------------------------


def _overlaps(a: datetime, b: datetime, busy: Iterable[tuple[datetime, datetime]]) -> bool:
    return any(s < b and a < e for s, e in busy)


def _free_part(
    slot: Slot, busy: list[tuple[datetime, datetime]]
) -> tuple[datetime, datetime] | None:
    """The longest part of a slot no busy interval touches (at least 30 minutes), or None."""
    pieces = [(slot.start, slot.end)]
    for s, e in busy:
        next_pieces = []
        for a, b in pieces:
            if e <= a or s >= b:
                next_pieces.append((a, b))
                continue
            if a < s:
                next_pieces.append((a, s))
            if e < b:
                next_pieces.append((e, b))
        pieces = next_pieces
    best = max(pieces, key=lambda p: p[1] - p[0], default=None)
    if best is None or (best[1] - best[0]) < timedelta(minutes=MIN_SLOT_MINUTES):
        return None
    return best


def propose(store: PlanStore, request: Request, seconds: float = SEARCH_SECONDS) -> Proposal:
    started = clock.perf_counter()
    reasons = _request_problems(request)
    inputs = _load(store, request) if not reasons else None
    slots = [
        Slot(
            d,
            i,
            datetime.combine(d, a, tzinfo=ZoneInfo("UTC")),
            datetime.combine(d, b, tzinfo=ZoneInfo("UTC")),
        )
        for d in sorted(request.days)
        for i, (a, b) in enumerate(request.slots)
    ]
    if inputs is None:
        return Proposal([], [], [], reasons, slots)
    zone = inputs.zone
    slots = [
        Slot(s.day, s.index, s.start.replace(tzinfo=zone), s.end.replace(tzinfo=zone))
        for s in slots
    ]
    per_day = len(request.slots)
    slot_minutes = sum(
        (datetime.combine(date.min, b) - datetime.combine(date.min, a)).seconds // 60
        for a, b in request.slots
    ) / max(1, per_day)
    need = {
        m: max(1, round(info[2] / max(1.0, slot_minutes))) for m, info in inputs.modules.items()
    }
    # the times each group can be taught: the template minus its fixed sessions and the breaks
    break_busy = [
        (datetime.combine(d, a, tzinfo=zone), datetime.combine(d, b, tzinfo=zone))
        for d in request.days
        for a, b, _t, _k in request.breaks
    ]
    free: dict[tuple[int, date, int], tuple[datetime, datetime]] = {}
    for g in inputs.groups:
        for s in slots:
            part = _free_part(s, inputs.busy.get(("group", g), []) + break_busy)
            if part is not None:
                free[(g, s.day, s.index)] = part
    room_ok = {
        (r, s.day, s.index)
        for r in inputs.rooms
        for s in slots
        if not _overlaps(s.start, s.end, inputs.busy.get(("room", r), []))
    }
    trainer_ok = {
        (t, s.day, s.index)
        for m in inputs.modules.values()
        for t in m[5]
        for s in slots
        if not _overlaps(s.start, s.end, inputs.busy.get(("person", t), []))
    }
    reasons = _impossible(inputs, request, slots, need, free, trainer_ok)
    if reasons:
        return Proposal([], [], inputs.remove_ids, reasons, slots, clock.perf_counter() - started)

    # the options of every (group, module): day, first slot, room, trainer
    options: dict[tuple[int, int], list[Placement]] = {}
    for g, (_gname, size) in inputs.groups.items():
        for m, (_n, _t, _d, seats, equipment, trainers) in inputs.modules.items():
            k = need[m]
            rooms = [
                r
                for r, (_rn, capacity, kit) in inputs.rooms.items()
                if capacity >= max(size + 1, seats) and equipment <= kit
            ]
            found = []
            for d in sorted(request.days):
                for first in range(per_day - k + 1):
                    span = range(first, first + k)
                    if not all((g, d, i) in free for i in span):
                        continue
                    for t in trainers:
                        if not all((t, d, i) in trainer_ok for i in span):
                            continue
                        for r in rooms:
                            if all((r, d, i) in room_ok for i in span):
                                found.append(Placement(g, m, r, t, d, first, k))
            options[(g, m)] = found
    result = _search(options, started + seconds)
    if result is None:
        reasons = [
            _(
                "No timetable fits every constraint within the search limit. The tightest"
                " constraints are:"
            ),
            *_tightest(inputs, request, need, free, trainer_ok),
        ]
        return Proposal([], [], inputs.remove_ids, reasons, slots, clock.perf_counter() - started)
    sessions = _sessions(inputs, request, result, free, slots)
    return Proposal(
        sorted(result, key=lambda p: (p.day, p.first, p.group_id)),
        sessions,
        inputs.remove_ids,
        [],
        slots,
        clock.perf_counter() - started,
    )


def _search(
    options: dict[tuple[int, int], list[Placement]], deadline: float
) -> list[Placement] | None:
    """Backtracking, most constrained pair first, with forward checking."""
    group_busy: set[tuple[int, date, int]] = set()
    room_busy: set[tuple[int, date, int]] = set()
    trainer_busy: set[tuple[int, date, int]] = set()
    chosen: dict[tuple[int, int], Placement] = {}
    home: dict[int, int] = {}  # a group's usual room: fewer moves between rooms
    steps = [0]

    def fits(p: Placement) -> bool:
        return all(
            (p.group_id, p.day, i) not in group_busy
            and (p.room_id, p.day, i) not in room_busy
            and (p.trainer_id, p.day, i) not in trainer_busy
            for i in range(p.first, p.first + p.count)
        )

    def mark(p: Placement, on: bool) -> None:
        for i in range(p.first, p.first + p.count):
            for busy, key in (
                (group_busy, (p.group_id, p.day, i)),
                (room_busy, (p.room_id, p.day, i)),
                (trainer_busy, (p.trainer_id, p.day, i)),
            ):
                (busy.add if on else busy.discard)(key)

    def solve() -> bool:
        steps[0] += 1
        if steps[0] % 256 == 0 and clock.perf_counter() > deadline:
            raise TimeoutError
        open_pairs = [pair for pair in options if pair not in chosen]
        if not open_pairs:
            return True
        best, best_fits = None, None
        for pair in open_pairs:
            fitting = [p for p in options[pair] if fits(p)]
            if best_fits is None or len(fitting) < len(best_fits):
                best, best_fits = pair, fitting
                if not fitting:
                    return False
        assert best is not None and best_fits is not None
        g = best[0]
        best_fits.sort(key=lambda p: (p.room_id != home.get(g, p.room_id), p.day, p.first))
        for p in best_fits:
            chosen[best] = p
            mark(p, True)
            set_home = g not in home
            if set_home:
                home[g] = p.room_id
            if solve():
                return True
            if set_home:
                del home[g]
            mark(p, False)
            del chosen[best]
        return False

    try:
        return list(chosen.values()) if solve() else None
    except TimeoutError:
        return None


# --- explanations -------------------------------------------------------------------------------


def _request_problems(request: Request) -> list[str]:
    reasons = []
    for chosen, message in (
        (request.group_ids, _("Choose at least one group.")),
        (request.module_ids, _("Choose at least one module.")),
        (request.room_ids, _("Choose at least one room.")),
        (request.days, _("Choose at least one day.")),
        (request.slots, _("Give at least one daily teaching slot.")),
    ):
        if not chosen:
            reasons.append(message)
    for a, b in request.slots:
        if b <= a:
            reasons.append(
                _("The slot {start}–{end} ends before it starts.").format(
                    start=a.strftime("%H:%M"), end=b.strftime("%H:%M")
                )
            )
    ordered = sorted(request.slots)
    for (a1, b1), (a2, _b2) in pairwise(ordered):
        if a2 < b1:
            reasons.append(
                _("The slots {first} and {second} overlap.").format(
                    first=f"{a1:%H:%M}–{b1:%H:%M}", second=f"{a2:%H:%M}"
                )
            )
    return reasons


def _day_name(d: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMEd", d, locale=babel_locale()))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _module_name(inputs: _Inputs, m: int) -> str:
    number, title = inputs.modules[m][0], inputs.modules[m][1]
    return _("module {number} ({title})").format(number=number, title=title)


def _impossible(
    inputs: _Inputs,
    request: Request,
    slots: list[Slot],
    need: dict[int, int],
    free: dict[tuple[int, date, int], tuple[datetime, datetime]],
    trainer_ok: set[tuple[int, date, int]],
) -> list[str]:
    reasons: list[str] = []
    per_day = len(request.slots)
    n_groups = len(inputs.groups)
    largest = max(inputs.rooms.values(), key=lambda r: r[1])
    for m, (_n, _t, _d, seats, equipment, trainers) in sorted(
        inputs.modules.items(), key=lambda x: x[1][0]
    ):
        name = _module_name(inputs, m)
        if not trainers:
            reasons.append(
                _("{module} has no trainer: add who can give it on the Curriculum page.").format(
                    module=_cap(name)
                )
            )
            continue
        if need[m] > per_day:
            reasons.append(
                _("{module} needs {n} slots in a row, but a day has {slots}.").format(
                    module=_cap(name), n=need[m], slots=per_day
                )
            )
            continue
        for gname, size in inputs.groups.values():
            if not any(
                capacity >= max(size + 1, seats) and equipment <= kit
                for _rn, capacity, kit in inputs.rooms.values()
            ):
                kit_text = (
                    _(" with {equipment}").format(equipment=", ".join(sorted(equipment)))
                    if equipment
                    else ""
                )
                reasons.append(
                    _(
                        "{group} ({n} people and a trainer) fits no chosen room{kit}"
                        " for {module}; the largest chosen room, {room}, seats"
                        " {capacity}."
                    ).format(
                        group=gname,
                        n=size,
                        kit=kit_text,
                        module=name,
                        room=largest[0],
                        capacity=largest[1],
                    )
                )
        # a trainer who alone can give modules needs enough free slots
        for t in trainers:
            if len(trainers) > 1:
                continue
            alone = [x for x, info in inputs.modules.items() if info[5] == [t]]
            if m != min(alone):
                continue
            needed = sum(need[x] for x in alone) * n_groups
            available = sum(1 for s in slots if (t, s.day, s.index) in trainer_ok)
            if needed > available:
                away = sorted({s.day for s in slots if (t, s.day, s.index) not in trainer_ok})
                away_text = (
                    _(", who is unavailable on {days},").format(
                        days=", ".join(_day_name(d) for d in away)
                    )
                    if away
                    else ","
                )
                modules_text = ", ".join(_module_name(inputs, x) for x in sorted(alone))
                reasons.append(
                    ngettext(
                        "{modules} has one trainer, {trainer}{away} and needs {needed} slots"
                        " ({groups} group × {per} slots); {trainer} is free for {free}.",
                        "{modules} has one trainer, {trainer}{away} and needs {needed} slots"
                        " ({groups} groups × {per} slots); {trainer} is free for {free}.",
                        n_groups,
                    ).format(
                        modules=_cap(modules_text),
                        trainer=inputs.people.get(t, "?"),
                        away=away_text,
                        needed=needed,
                        groups=n_groups,
                        per=sum(need[x] for x in alone),
                        free=available,
                    )
                )
    total = sum(need[m] for m in inputs.modules)
    for g, (gname, _size) in inputs.groups.items():
        available = sum(1 for s in slots if (g, s.day, s.index) in free)
        if total > available:
            reasons.append(
                _(
                    "{group} needs {needed} slots for {modules} modules, but the chosen"
                    " days leave it {free} (its other sessions and the breaks take the"
                    " rest)."
                ).format(group=gname, needed=total, modules=len(inputs.modules), free=available)
            )
    room_slots = len(inputs.rooms) * len(slots)
    if total * n_groups > room_slots:
        reasons.append(
            _(
                "The groups need {needed} room-slots in all; {rooms} rooms over the"
                " chosen days give {free}. Add rooms or days."
            ).format(needed=total * n_groups, rooms=len(inputs.rooms), free=room_slots)
        )
    return reasons


def _tightest(
    inputs: _Inputs,
    request: Request,
    need: dict[int, int],
    free: dict[tuple[int, date, int], tuple[datetime, datetime]],
    trainer_ok: set[tuple[int, date, int]],
) -> list[str]:
    """The constraints closest to their limits (when the search found nothing)."""
    slots_total = len(request.days) * len(request.slots)
    loads: list[tuple[float, str]] = []
    n_groups = len(inputs.groups)
    by_trainer: dict[int, int] = defaultdict(int)
    for m, info in inputs.modules.items():
        if len(info[5]) == 1:
            by_trainer[info[5][0]] += need[m] * n_groups
    for t, needed in by_trainer.items():
        available = sum(1 for key in trainer_ok if key[0] == t) or 1
        loads.append(
            (
                needed / available,
                _("{trainer} must teach {needed} of the {free} slots they are free.").format(
                    trainer=inputs.people.get(t, "?"), needed=needed, free=available
                ),
            )
        )
    total = sum(need.values()) * n_groups
    loads.append(
        (
            total / max(1, len(inputs.rooms) * slots_total),
            _("The rooms are needed for {needed} of {free} room-slots.").format(
                needed=total, free=len(inputs.rooms) * slots_total
            ),
        )
    )
    for g, (gname, _s) in inputs.groups.items():
        available = sum(1 for key in free if key[0] == g) or 1
        loads.append(
            (
                sum(need.values()) / available,
                _("{group} is taught in {needed} of its {free} free slots.").format(
                    group=gname, needed=sum(need.values()), free=available
                ),
            )
        )
    return [text for _load_, text in sorted(loads, reverse=True)[:3]]


# --- the sessions it proposes -------------------------------------------------------------------


def _sessions(
    inputs: _Inputs,
    request: Request,
    placements: list[Placement],
    free: dict[tuple[int, date, int], tuple[datetime, datetime]],
    slots: list[Slot],
) -> list[dict[str, Any]]:
    sessions = []
    for p in sorted(placements, key=lambda p: (p.day, p.first, p.group_id)):
        number, title = inputs.modules[p.module_id][0], inputs.modules[p.module_id][1]
        for i in range(p.first, p.first + p.count):
            start, end = free[(p.group_id, p.day, i)]
            sessions.append(
                {
                    "kind": "training",
                    "title": _("Module {number}: {title}").format(number=number, title=title),
                    "start": start,
                    "end": end,
                    "room_id": p.room_id,
                    "module_id": p.module_id,
                    "audience": [("group", p.group_id)],
                    "facilitator_ids": [p.trainer_id],
                    "timezone": inputs.zone.key,
                }
            )
    groups = [("group", g) for g in sorted(inputs.groups)]
    for d in sorted(request.days):
        for a, b, title, kind in request.breaks:
            start = datetime.combine(d, a, tzinfo=inputs.zone)
            if (title, start) in inputs.existing_breaks:
                continue
            sessions.append(
                {
                    "kind": kind,
                    "title": title,
                    "start": start,
                    "end": datetime.combine(d, b, tzinfo=inputs.zone),
                    "audience": groups,
                    "timezone": inputs.zone.key,
                }
            )
    return sessions


def demo_request(store: PlanStore) -> Request:
    """The rotation of the demo plan: its four groups, eight modules and four classrooms over
    the four training days, in four daily slots around the breaks and lunch."""
    groups, modules, rooms = demo_rotation(store)
    days = [date(2023, 11, 27) + timedelta(days=i) for i in range(4)]
    slots = [
        (time(8, 30), time(10, 15)),
        (time(10, 30), time(12, 0)),
        (time(13, 0), time(14, 45)),
        (time(15, 0), time(16, 30)),
    ]
    breaks = [
        (time(10, 15), time(10, 30), "Coffee break", "break"),
        (time(12, 0), time(13, 0), "Lunch", "meal"),
        (time(14, 45), time(15, 0), "Coffee break", "break"),
    ]
    return Request(groups, modules, rooms, days, slots, breaks)
