"""Read-only views of a plan for lists, the overview and ``planner info``.

Each list returns plain frozen rows (no ORM objects), so a window can keep them without holding
a database session, and a whole list loads with a handful of queries however large the plan.
These read with plain, portable SQL (``PlanStore.reading``) so that showing a plan does not
need the ORM; every change goes through ``planner.operations``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.labels import kind_label, role_label, sex_label
from planner.domain.reference import countries, country_name, default_timezone, fold
from planner.store import PlanStore, Reader, parse_date, parse_time

__all__ = [
    "Choice",
    "DelegationRow",
    "GroupRow",
    "ModuleRow",
    "OrganisationRow",
    "PersonRow",
    "RideRow",
    "RoadTimeRow",
    "RoomBlockRow",
    "RoomRow",
    "SessionRow",
    "SiteVisitRow",
    "StayRow",
    "StopRow",
    "Summary",
    "TravelRow",
    "UnavailabilityRow",
    "VehicleRow",
    "VenueRow",
    "choices",
    "countries",
    "country_name",
    "default_timezone",
    "delegations",
    "fold",
    "full_name",
    "groups",
    "info_json",
    "kind_label",
    "members_of_delegation",
    "modules",
    "organisations",
    "people",
    "people_in",
    "people_with_role",
    "place_zone",
    "places",
    "rides",
    "road_times",
    "role_label",
    "room_blocks",
    "rooms",
    "sessions",
    "sex_label",
    "site_visits",
    "stays",
    "stops",
    "summary",
    "travels",
    "unavailabilities",
    "vehicles",
    "venues",
]


def full_name(given: str, family: str) -> str:
    return " ".join(p for p in (given, family) if p)


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    version: int
    name: str
    acronym: str
    country: str
    people: int


@dataclass(frozen=True)
class DelegationRow:
    id: int
    version: int
    name: str
    country: str
    organisation: str
    head: str
    colour: str
    members: int
    women: int
    men: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    version: int
    given_name: str
    family_name: str
    sex: str | None
    role: str
    role_other: str
    organisation: str
    position: str
    duty_station: str
    delegation: str
    delegation_colour: str
    groups: str
    email: str
    phone: str
    id_number: str
    birth_date: date | None
    nationality: str
    languages: str
    dietary_needs: str
    accessibility_needs: str

    @property
    def name(self) -> str:
        return full_name(self.given_name, self.family_name)


@dataclass(frozen=True)
class GroupRow:
    id: int
    version: int
    name: str
    delegation: str
    colour: str
    size: int
    women: int
    men: int


@dataclass(frozen=True)
class VenueRow:
    id: int
    version: int
    name: str
    city: str
    address: str
    rooms: int
    capacity: int
    kind: str = "venue"  # a PlaceKind
    code: str = ""  # an airport's IATA code
    timezone: str = ""  # "": the plan's
    opens: str = ""  # "06:00", "" if always open or not known
    closes: str = ""


@dataclass(frozen=True)
class RoomRow:
    id: int
    version: int
    venue_id: int
    venue: str
    name: str
    capacity: int
    equipment: str
    sessions: int


@dataclass(frozen=True)
class SessionRow:
    id: int
    version: int
    kind: str
    title: str
    start: datetime  # aware, in the session's own zone
    end: datetime
    room: str
    venue: str
    location: str
    audience: str
    audience_size: int
    facilitators: str


# --- lists --------------------------------------------------------------------------------------


def _sex_counts(r: Reader, sql: str) -> dict[int, Counter[str | None]]:
    """{owner: Counter(sex)} from rows (owner, sex, count)."""
    counts: dict[int, Counter[str | None]] = defaultdict(Counter)
    for owner, sex, n in r.rows(sql):
        if owner is not None:
            counts[owner][sex] += n
    return counts


def organisations(store: PlanStore) -> list[OrganisationRow]:
    with store.reading() as r:
        people = dict(
            r.rows("SELECT organisation_id, count(*) FROM person GROUP BY organisation_id")
        )
        return [
            OrganisationRow(i, v, n, a, c, people.get(i, 0))
            for i, v, n, a, c in r.rows(
                "SELECT id, version, name, acronym, country FROM organisation ORDER BY id"
            )
        ]


def delegations(store: PlanStore) -> list[DelegationRow]:
    with store.reading() as r:
        counts = _sex_counts(
            r, "SELECT delegation_id, sex, count(*) FROM person GROUP BY delegation_id, sex"
        )
        rows = []
        for i, v, name, country, colour, org, given, family in r.rows(
            "SELECT d.id, d.version, d.name, d.country, d.colour, o.name, p.given_name,"
            " p.family_name FROM delegation d"
            " LEFT JOIN organisation o ON o.id = d.organisation_id"
            " LEFT JOIN person p ON p.id = d.head_id ORDER BY d.id"
        ):
            c = counts.get(i, Counter())
            rows.append(
                DelegationRow(
                    i,
                    v,
                    name,
                    country,
                    org or "",
                    full_name(given or "", family or ""),
                    colour,
                    sum(c.values()),
                    c["female"],
                    c["male"],
                )
            )
        return rows


def people(store: PlanStore) -> list[PersonRow]:
    with store.reading() as r:
        groups: dict[int, list[str]] = defaultdict(list)
        for pid, gname in r.rows(
            "SELECT m.person_id, g.name FROM group_member m"
            " JOIN participant_group g ON g.id = m.group_id ORDER BY g.name"
        ):
            groups[pid].append(gname)
        return [
            PersonRow(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7] or "",
                row[8],
                row[9],
                row[10] or "",
                row[11] or "",
                ", ".join(groups.get(row[0], ())),
                row[12],
                row[13],
                row[14],
                parse_date(row[15]),
                row[16],
                row[17],
                row[18],
                row[19],
            )
            for row in r.rows(
                "SELECT p.id, p.version, p.given_name, p.family_name, p.sex, p.role,"
                " p.role_other, o.name, p.position, p.duty_station, d.name, d.colour, p.email,"
                " p.phone, p.id_number, p.birth_date, p.nationality, p.languages,"
                " p.dietary_needs, p.accessibility_needs FROM person p"
                " LEFT JOIN organisation o ON o.id = p.organisation_id"
                " LEFT JOIN delegation d ON d.id = p.delegation_id ORDER BY p.id"
            )
        ]


def groups(store: PlanStore) -> list[GroupRow]:
    with store.reading() as r:
        counts = _sex_counts(
            r,
            "SELECT m.group_id, p.sex, count(*) FROM group_member m"
            " JOIN person p ON p.id = m.person_id GROUP BY m.group_id, p.sex",
        )
        rows = []
        for i, v, name, colour, dname in r.rows(
            "SELECT g.id, g.version, g.name, g.colour, d.name FROM participant_group g"
            " LEFT JOIN delegation d ON d.id = g.delegation_id ORDER BY g.id"
        ):
            c = counts.get(i, Counter())
            rows.append(
                GroupRow(i, v, name, dname or "", colour, sum(c.values()), c["female"], c["male"])
            )
        return rows


def venues(store: PlanStore) -> list[VenueRow]:
    with store.reading() as r:
        stats = {
            vid: (n, cap or 0)
            for vid, n, cap in r.rows(
                "SELECT venue_id, count(*), sum(capacity) FROM room GROUP BY venue_id"
            )
        }
        return [
            VenueRow(
                i, v, name, city, address, *stats.get(i, (0, 0)), kind, code, tz, opens, closes
            )
            for i, v, name, city, address, kind, code, tz, opens, closes in r.rows(
                "SELECT id, version, name, city, address, kind, code, timezone, opens, closes"
                " FROM venue ORDER BY id"
            )
        ]


def rooms(store: PlanStore) -> list[RoomRow]:
    with store.reading() as r:
        uses = dict(r.rows("SELECT room_id, count(*) FROM agenda_session GROUP BY room_id"))
        return [
            RoomRow(i, v, vid, vname, name, cap, equipment, uses.get(i, 0))
            for i, v, vid, vname, name, cap, equipment in r.rows(
                "SELECT r.id, r.version, r.venue_id, v.name, r.name, r.capacity, r.equipment"
                " FROM room r JOIN venue v ON v.id = r.venue_id ORDER BY r.id"
            )
        ]


def _sizes(r: Reader) -> tuple[dict[int, int], dict[int, int]]:
    group_sizes = dict(r.rows("SELECT group_id, count(*) FROM group_member GROUP BY group_id"))
    delegation_sizes = dict(
        r.rows(
            "SELECT delegation_id, count(*) FROM person WHERE delegation_id IS NOT NULL"
            " GROUP BY delegation_id"
        )
    )
    return group_sizes, delegation_sizes


def sessions(store: PlanStore) -> list[SessionRow]:
    with store.reading() as r:
        group_names = dict(r.rows("SELECT id, name FROM participant_group ORDER BY id"))
        delegation_names = dict(r.rows("SELECT id, name FROM delegation ORDER BY id"))
        person_names = {
            i: full_name(g, f)
            for i, g, f in r.rows("SELECT id, given_name, family_name FROM person ORDER BY id")
        }
        group_sizes, delegation_sizes = _sizes(r)
        audience: dict[int, list[str]] = defaultdict(list)
        sizes: Counter[int] = Counter()
        for sid, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
            " ORDER BY id"
        ):
            if g is not None:
                audience[sid].append(group_names.get(g, "?"))
                sizes[sid] += group_sizes.get(g, 0)
            elif d is not None:
                audience[sid].append(delegation_names.get(d, "?"))
                sizes[sid] += delegation_sizes.get(d, 0)
            elif p is not None:
                audience[sid].append(person_names.get(p, "?"))
                sizes[sid] += 1
        facilitators: dict[int, list[str]] = defaultdict(list)
        for sid, pid in r.rows("SELECT session_id, person_id FROM session_facilitator ORDER BY id"):
            facilitators[sid].append(person_names.get(pid, "?"))
        rooms_ = {
            rid: (rname, vname)
            for rid, rname, vname in r.rows(
                "SELECT r.id, r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id"
                " ORDER BY r.id"
            )
        }
        zones: dict[str, ZoneInfo] = {}
        rows = []
        for sid, version, kind, title, start, end, tz, room_id, location in r.rows(
            "SELECT id, version, kind, title, starts_at, ends_at, timezone, room_id, location"
            " FROM agenda_session ORDER BY id"
        ):
            zone = zones.get(tz) or zones.setdefault(tz, ZoneInfo(tz))
            room, venue = rooms_.get(room_id, ("", "")) if room_id else ("", "")
            rows.append(
                SessionRow(
                    sid,
                    version,
                    kind,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    room,
                    venue,
                    location,
                    ", ".join(sorted(audience.get(sid, []))),
                    sizes.get(sid, 0),
                    ", ".join(sorted(facilitators.get(sid, []))),
                )
            )
        return rows


@dataclass(frozen=True)
class ModuleRow:
    id: int
    version: int
    number: int
    title: str
    duration_minutes: int
    room_size: int
    equipment: str
    colour: str
    trainers: str
    sessions: int

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class UnavailabilityRow:
    id: int
    version: int
    person_id: int
    person: str
    start: datetime  # aware, in the plan's zone
    end: datetime
    note: str

    @property
    def name(self) -> str:
        return self.person


def modules(store: PlanStore) -> list[ModuleRow]:
    with store.reading() as r:
        trainers: dict[int, list[str]] = defaultdict(list)
        for mid, g, f in r.rows(
            "SELECT t.module_id, p.given_name, p.family_name"
            " FROM module_trainer t JOIN person p ON p.id = t.person_id"
            " ORDER BY t.id"
        ):
            trainers[mid].append(full_name(g, f))
        uses = dict(
            r.rows(
                "SELECT module_id, count(*) FROM agenda_session"
                " WHERE module_id IS NOT NULL GROUP BY module_id"
            )
        )
        return [
            ModuleRow(
                i, v, n, t, d, s, e, c, ", ".join(sorted(trainers.get(i, []))), uses.get(i, 0)
            )
            for i, v, n, t, d, s, e, c in r.rows(
                "SELECT id, version, number, title, duration_minutes, room_size, equipment,"
                " colour FROM module ORDER BY id"
            )
        ]


def unavailabilities(store: PlanStore) -> list[UnavailabilityRow]:
    with store.reading() as r:
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        return [
            UnavailabilityRow(
                i,
                v,
                p,
                full_name(g, f),
                parse_time(s).astimezone(zone),
                parse_time(e).astimezone(zone),
                note,
            )
            for i, v, p, g, f, s, e, note in r.rows(
                "SELECT u.id, u.version, u.person_id, p.given_name, p.family_name, u.starts_at,"
                " u.ends_at, u.note FROM unavailability u JOIN person p ON p.id = u.person_id"
                " ORDER BY u.id"
            )
        ]


# --- choices for forms --------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    detail: str = ""


def choices(store: PlanStore, what: str) -> list[Choice]:
    """Items to pick from in a form: organisations, delegations, people, groups, rooms."""
    with store.reading() as r:
        if what == "organisation":
            return [
                Choice(i, n, a)
                for i, n, a in r.rows("SELECT id, name, acronym FROM organisation ORDER BY name")
            ]
        if what in ("delegation", "venue"):
            return [Choice(i, n) for i, n in r.rows(f"SELECT id, name FROM {what} ORDER BY name")]
        if what == "module":
            return [
                Choice(i, f"{n}. {t}")
                for i, n, t in r.rows("SELECT id, number, title FROM module ORDER BY number, title")
            ]
        if what == "group":
            return [
                Choice(i, n)
                for i, n in r.rows("SELECT id, name FROM participant_group ORDER BY name")
            ]
        if what == "room":
            return [
                Choice(i, f"{rn} — {vn}", str(c))
                for i, rn, vn, c in r.rows(
                    "SELECT r.id, r.name, v.name, r.capacity FROM room r"
                    " JOIN venue v ON v.id = r.venue_id ORDER BY v.name, r.name"
                )
            ]
        if what == "person":
            found = [
                Choice(i, full_name(g, f), d or "")
                for i, g, f, d in r.rows(
                    "SELECT p.id, p.given_name, p.family_name, d.name FROM person p"
                    " LEFT JOIN delegation d ON d.id = p.delegation_id ORDER BY p.id"
                )
            ]
            return sorted(found, key=lambda c: fold(c.label))
    raise ValueError(what)


def members_of_delegation(store: PlanStore, delegation_id: int) -> list[Choice]:
    with store.reading() as r:
        found = [
            Choice(i, full_name(g, f))
            for i, g, f in r.rows(
                "SELECT id, given_name, family_name FROM person WHERE delegation_id = :d ORDER"
                " BY id",
                {"d": delegation_id},
            )
        ]
    return sorted(found, key=lambda c: fold(c.label))


# --- the plan at a glance -----------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    title: str
    city: str
    country: str
    timezone: str
    start: date
    end: date
    currency: str
    organiser: str
    funding_programme: str
    donor: str
    counts: dict[str, int]
    people_by_sex: dict[str, int]
    people_by_role: dict[str, int]
    delegations: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    rooms: list[dict[str, Any]]
    sessions_by_day: dict[date, int]
    change_number: int
    last_change_at: datetime | None
    last_change_by: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def summary(store: PlanStore) -> Summary:
    with store.reading() as r:
        plan = r.rows(
            "SELECT title, city, country, timezone, start_date, end_date, currency,"
            " organiser, funding_programme, donor FROM plan ORDER BY id LIMIT 1"
        )[0]
        counts = {
            key: int(r.value(f"SELECT count(*) FROM {table}") or 0)
            for key, table in (
                ("delegations", "delegation"),
                ("people", "person"),
                ("groups", "participant_group"),
                ("rooms", "room"),
                ("sessions", "agenda_session"),
                ("organisations", "organisation"),
                ("venues", "venue"),
                ("travel", "travel"),
                ("stays", "stay"),
                ("room_blocks", "room_block"),
                ("vehicles", "vehicle"),
                ("rides", "ride"),
            )
        }
        counts["site_visits"] = int(
            r.value("SELECT count(*) FROM agenda_session WHERE kind = 'site_visit'") or 0
        )
        by_sex = {"female": 0, "male": 0, "other": 0, "unknown": 0}
        for sex, n in r.rows("SELECT sex, count(*) FROM person GROUP BY sex"):
            by_sex[sex if sex in by_sex else "unknown"] += n
        by_role = dict(r.rows("SELECT role, count(*) FROM person GROUP BY role"))
        members = dict(r.rows("SELECT delegation_id, count(*) FROM person GROUP BY delegation_id"))
        dels = [
            {"id": i, "name": n, "country": c, "members": members.get(i, 0), "colour": col}
            for i, n, c, col in r.rows(
                "SELECT id, name, country, colour FROM delegation ORDER BY id"
            )
        ]
        group_sizes, _d = _sizes(r)
        grps = [
            {"id": i, "name": n, "size": group_sizes.get(i, 0)}
            for i, n in r.rows("SELECT id, name FROM participant_group ORDER BY id")
        ]
        rms = [
            {"id": i, "name": n, "venue": v, "capacity": c}
            for i, n, v, c in r.rows(
                "SELECT r.id, r.name, v.name, r.capacity FROM room r"
                " JOIN venue v ON v.id = r.venue_id ORDER BY r.id"
            )
        ]
        zone = ZoneInfo(plan[3])
        by_day: Counter[date] = Counter()
        for (start,) in r.rows("SELECT starts_at FROM agenda_session ORDER BY id"):
            by_day[parse_time(start).astimezone(zone).date()] += 1
        last = r.rows("SELECT id, at, user_name FROM change_set ORDER BY id DESC LIMIT 1")
    start_date, end_date = parse_date(plan[4]), parse_date(plan[5])
    assert start_date is not None and end_date is not None
    return Summary(
        plan[0],
        plan[1],
        plan[2],
        plan[3],
        start_date,
        end_date,
        plan[6],
        plan[7],
        plan[8],
        plan[9],
        counts,
        by_sex,
        by_role,
        dels,
        grps,
        rms,
        dict(sorted(by_day.items())),
        last[0][0] if last else 0,
        parse_time(last[0][1]) if last else None,
        last[0][2] if last else "",
    )


def info_json(store: PlanStore) -> dict[str, Any]:
    """The document ``planner info --json`` prints (a contract: add keys, never rename)."""
    sm = summary(store)
    return {
        "title": sm.title,
        "start": sm.start.isoformat(),
        "end": sm.end.isoformat(),
        "timezone": sm.timezone,
        "currency": sm.currency,
        "city": sm.city,
        "country": sm.country,
        "counts": {
            k: sm.counts[k]
            for k in (
                "delegations",
                "people",
                "groups",
                "rooms",
                "sessions",
                "travel",
                "stays",
                "vehicles",
                "rides",
                "site_visits",
            )
        },
        "people_by_sex": sm.people_by_sex,
        "delegations": [
            {k: d[k] for k in ("id", "name", "country", "members")} for d in sm.delegations
        ],
        "groups": sm.groups,
        "rooms": sm.rooms,
        "change_number": sm.change_number,
    }


# --- travel, accommodation, site visits and vehicles --------------------------------------------
#
# Times are shown where they happen: a journey's ends in the zones written on the ticket, a ride
# in its own zone, a visit's stops in the visit's zone; the plan's zone when none is written.


class _Zones:
    """ZoneInfo by name, the plan's zone for a name that is empty or unknown."""

    def __init__(self, r: Reader) -> None:
        self.plan = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1") or "UTC")
        self._found: dict[str, ZoneInfo] = {}

    def __call__(self, name: str | None) -> ZoneInfo:
        if not name:
            return self.plan
        zone = self._found.get(name)
        if zone is None:
            try:
                zone = ZoneInfo(name)
            except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
                zone = self.plan
            self._found[name] = zone
        return zone

    def local(self, stored: Any, name: str | None) -> datetime | None:
        return parse_time(stored).astimezone(self(name)) if stored is not None else None


def _person_names(r: Reader) -> dict[int, str]:
    return {
        i: full_name(g, f)
        for i, g, f in r.rows("SELECT id, given_name, family_name FROM person ORDER BY id")
    }


def _place_label(name: str | None, code: str | None) -> str:
    if not name:
        return ""
    return f"{name} ({code})" if code and code not in name else name


class _Units:
    """Groups, delegations and people by name and by who they hold (audiences, passengers)."""

    def __init__(self, r: Reader, people: dict[int, str]) -> None:
        self.people = people
        self.groups = dict(r.rows("SELECT id, name FROM participant_group ORDER BY id"))
        self.delegations = dict(r.rows("SELECT id, name FROM delegation ORDER BY id"))
        self.members: dict[tuple[str, int], set[int]] = defaultdict(set)
        for g, p in r.rows("SELECT group_id, person_id FROM group_member ORDER BY id"):
            self.members[("group", g)].add(p)
        for p, d in r.rows(
            "SELECT id, delegation_id FROM person WHERE delegation_id IS NOT NULL ORDER BY id"
        ):
            self.members[("delegation", d)].add(p)

    def read(self, r: Reader, table: str, owner: str) -> dict[int, list[tuple[str, int]]]:
        out: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for item, g, d, p in r.rows(
            f"SELECT {owner}, group_id, delegation_id, person_id FROM {table}"
        ):
            if g is not None:
                out[item].append(("group", g))
            elif d is not None:
                out[item].append(("delegation", d))
            elif p is not None:
                out[item].append(("person", p))
        return out

    def name(self, unit: tuple[str, int]) -> str:
        kind, ref = unit
        names: dict[str, dict[int, str]] = {
            "group": self.groups,
            "delegation": self.delegations,
            "person": self.people,
        }
        return names[kind].get(ref, "?")

    def summary(self, units: list[tuple[str, int]]) -> str:
        """Whole groups and delegations first, then people, each sorted by name."""
        order = {"group": 0, "delegation": 1, "person": 2}
        ranked = sorted(units, key=lambda u: (order[u[0]], fold(self.name(u))))
        return ", ".join(self.name(u) for u in ranked)

    def people_in(self, units: list[tuple[str, int]]) -> set[int]:
        found: set[int] = set()
        for unit in units:
            if unit[0] == "person":
                found.add(unit[1])
            else:
                found |= self.members.get(unit, set())
        return found


@dataclass(frozen=True)
class TravelRow:
    id: int
    version: int
    person_id: int
    person: str
    delegation: str
    delegation_colour: str
    direction: str  # a Direction
    mode: str  # a TravelMode
    carrier: str
    number: str
    place_id: int | None
    place: str  # the airport or terminal in town, with its code
    from_place: str
    to_place: str
    departs: datetime | None  # aware, in the zone written on the ticket
    arrives: datetime | None
    notes: str

    @property
    def at(self) -> datetime | None:
        """When it happens in town: landing for an arrival, leaving for a departure."""
        return self.arrives if self.direction == "arrival" else self.departs

    @property
    def other_end(self) -> str:
        """Where the journey comes from (an arrival) or goes to (a departure)."""
        return self.from_place if self.direction == "arrival" else self.to_place

    @property
    def flight(self) -> str:
        if self.carrier and self.number and not self.number.startswith(self.carrier):
            return f"{self.carrier} {self.number}"
        return self.number or self.carrier

    @property
    def name(self) -> str:
        return " — ".join(p for p in (self.person, self.flight) if p)


@dataclass(frozen=True)
class RoomBlockRow:
    id: int
    version: int
    venue_id: int
    hotel: str
    room_type: str
    rooms: int
    check_in: date
    check_out: date
    nightly_rate: Decimal | None
    currency: str
    stays: int  # stays booked in the block
    notes: str

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def total(self) -> Decimal | None:
        """What the whole block costs: rooms × nights × rate."""
        if self.nightly_rate is None:
            return None
        return self.nightly_rate * self.rooms * self.nights

    @property
    def name(self) -> str:
        return " — ".join(p for p in (self.hotel, self.room_type) if p)


@dataclass(frozen=True)
class StayRow:
    id: int
    version: int
    person_id: int
    person: str
    delegation: str
    delegation_colour: str
    venue_id: int
    hotel: str
    block_id: int | None
    room_type: str
    check_in: date
    check_out: date
    sharing_with: str
    notes: str

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def name(self) -> str:
        return self.person


@dataclass(frozen=True)
class RoadTimeRow:
    id: int
    version: int
    from_id: int
    from_name: str
    to_id: int
    to_name: str
    minutes: int
    distance_km: int | None
    notes: str

    @property
    def name(self) -> str:
        return f"{self.from_name} ↔ {self.to_name}"


@dataclass(frozen=True)
class SiteVisitRow:
    id: int
    version: int
    title: str
    start: datetime  # aware, in the session's zone
    end: datetime
    stops: int
    route: str  # the stops' places in order
    clearances: tuple[tuple[str, int], ...]  # (Clearance, how many stops), worst first
    audience: str
    audience_size: int
    rides: int
    vehicles: str

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class StopRow:
    id: int
    version: int
    session_id: int
    visit: str
    position: int
    venue_id: int | None
    place: str
    arrives: datetime | None  # aware, in the visit's zone
    leaves: datetime | None
    host_name: str
    host_contact: str
    clearance: str  # a Clearance
    opens: str  # the place's opening hours, "" if not known
    closes: str
    notes: str

    @property
    def name(self) -> str:
        return self.place or str(self.position)


@dataclass(frozen=True)
class VehicleRow:
    id: int
    version: int
    name: str
    seats: int
    provider: str
    plate: str
    day_rate: Decimal | None
    currency: str
    driver_id: int | None
    driver: str
    driver_phone: str
    rides: int
    notes: str


@dataclass(frozen=True)
class RideRow:
    id: int
    version: int
    vehicle_id: int | None
    vehicle: str
    seats: int | None  # the vehicle's passenger seats
    title: str
    start: datetime  # aware, in the ride's zone
    end: datetime
    from_id: int | None
    from_name: str
    to_id: int | None
    to_name: str
    session_id: int | None
    visit: str  # the site visit's title, "" for a transfer
    passengers: str
    passenger_count: int  # people, each counted once
    notes: str

    @property
    def name(self) -> str:
        return self.title or " → ".join(p for p in (self.from_name, self.to_name) if p)

    @property
    def overfull(self) -> bool:
        return self.seats is not None and self.passenger_count > self.seats


CLEARANCE_ORDER = ("refused", "requested", "confirmed", "not_needed")  # worst first


def travels(store: PlanStore) -> list[TravelRow]:
    with store.reading() as r:
        zones = _Zones(r)
        return [
            TravelRow(
                i,
                v,
                pid,
                full_name(g or "", f or ""),
                dname or "",
                dcolour or "",
                direction,
                mode,
                carrier,
                number,
                place_id,
                _place_label(pname, code),
                from_place,
                to_place,
                zones.local(departs, departs_tz),
                zones.local(arrives, arrives_tz),
                notes,
            )
            for (
                i,
                v,
                pid,
                g,
                f,
                dname,
                dcolour,
                direction,
                mode,
                carrier,
                number,
                place_id,
                pname,
                code,
                from_place,
                to_place,
                departs,
                departs_tz,
                arrives,
                arrives_tz,
                notes,
            ) in r.rows(
                "SELECT t.id, t.version, t.person_id, p.given_name, p.family_name, d.name,"
                " d.colour, t.direction, t.mode, t.carrier, t.number, t.place_id, pl.name,"
                " pl.code, t.from_place, t.to_place, t.departs_at, t.departs_tz, t.arrives_at,"
                " t.arrives_tz, t.notes FROM travel t"
                " JOIN person p ON p.id = t.person_id"
                " LEFT JOIN delegation d ON d.id = p.delegation_id"
                " LEFT JOIN venue pl ON pl.id = t.place_id ORDER BY t.id"
            )
        ]


def _money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def room_blocks(store: PlanStore) -> list[RoomBlockRow]:
    with store.reading() as r:
        booked = dict(
            r.rows(
                "SELECT block_id, count(*) FROM stay WHERE block_id IS NOT NULL GROUP BY block_id"
            )
        )
        rows = []
        for i, v, vid, hotel, room_type, n, first, last, rate, currency, notes in r.rows(
            "SELECT b.id, b.version, b.venue_id, h.name, b.room_type, b.rooms, b.check_in,"
            " b.check_out, b.nightly_rate, b.currency, b.notes FROM room_block b"
            " JOIN venue h ON h.id = b.venue_id ORDER BY b.id"
        ):
            check_in, check_out = parse_date(first), parse_date(last)
            assert check_in is not None and check_out is not None
            rows.append(
                RoomBlockRow(
                    i,
                    v,
                    vid,
                    hotel,
                    room_type,
                    n,
                    check_in,
                    check_out,
                    _money(rate),
                    currency,
                    booked.get(i, 0),
                    notes,
                )
            )
        return rows


def stays(store: PlanStore) -> list[StayRow]:
    with store.reading() as r:
        names = _person_names(r)
        rows = []
        for (
            i,
            v,
            pid,
            dname,
            dcolour,
            vid,
            hotel,
            block,
            first,
            last,
            room_type,
            sharing,
            notes,
        ) in r.rows(
            "SELECT s.id, s.version, s.person_id, d.name, d.colour, s.venue_id, h.name,"
            " s.block_id, s.check_in, s.check_out, s.room_type, s.sharing_with_id, s.notes"
            " FROM stay s JOIN person p ON p.id = s.person_id"
            " LEFT JOIN delegation d ON d.id = p.delegation_id"
            " JOIN venue h ON h.id = s.venue_id ORDER BY s.id"
        ):
            check_in, check_out = parse_date(first), parse_date(last)
            assert check_in is not None and check_out is not None
            rows.append(
                StayRow(
                    i,
                    v,
                    pid,
                    names.get(pid, "?"),
                    dname or "",
                    dcolour or "",
                    vid,
                    hotel,
                    block,
                    room_type,
                    check_in,
                    check_out,
                    names.get(sharing, "") if sharing is not None else "",
                    notes,
                )
            )
        return rows


def road_times(store: PlanStore) -> list[RoadTimeRow]:
    with store.reading() as r:
        return [
            RoadTimeRow(i, v, a, an, b, bn, minutes, km, notes)
            for i, v, a, an, b, bn, minutes, km, notes in r.rows(
                "SELECT t.id, t.version, t.from_id, a.name, t.to_id, b.name, t.minutes,"
                " t.distance_km, t.notes FROM road_time t"
                " JOIN venue a ON a.id = t.from_id JOIN venue b ON b.id = t.to_id ORDER BY t.id"
            )
        ]


def site_visits(store: PlanStore) -> list[SiteVisitRow]:
    """Sessions of the kind site visit, with their stops, clearances, rides and who goes."""
    with store.reading() as r:
        zones = _Zones(r)
        units = _Units(r, _person_names(r))
        audience = units.read(r, "session_audience", "session_id")
        route: dict[int, list[str]] = defaultdict(list)
        clearances: dict[int, Counter[str]] = defaultdict(Counter)
        for sid, place, clearance in r.rows(
            "SELECT s.session_id, v.name, s.clearance FROM visit_stop s"
            " LEFT JOIN venue v ON v.id = s.venue_id ORDER BY s.session_id, s.position, s.id"
        ):
            route[sid].append(place or "?")
            clearances[sid][clearance] += 1
        rides: Counter[int] = Counter()
        vehicles: dict[int, set[str]] = defaultdict(set)
        for sid, vname in r.rows(
            "SELECT r.session_id, v.name FROM ride r"
            " LEFT JOIN vehicle v ON v.id = r.vehicle_id"
            " WHERE r.session_id IS NOT NULL ORDER BY r.id"
        ):
            rides[sid] += 1
            if vname:
                vehicles[sid].add(vname)
        rows = []
        for sid, version, title, start, end, tz in r.rows(
            "SELECT id, version, title, starts_at, ends_at, timezone FROM agenda_session"
            " WHERE kind = 'site_visit' ORDER BY id"
        ):
            zone = zones(tz)
            counts = clearances.get(sid, Counter())
            rows.append(
                SiteVisitRow(
                    sid,
                    version,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    len(route.get(sid, [])),
                    " → ".join(route.get(sid, [])),
                    tuple((c, counts[c]) for c in CLEARANCE_ORDER if counts[c])
                    + tuple((c, n) for c, n in sorted(counts.items()) if c not in CLEARANCE_ORDER),
                    units.summary(audience.get(sid, [])),
                    len(units.people_in(audience.get(sid, []))),
                    rides.get(sid, 0),
                    ", ".join(sorted(vehicles.get(sid, set()), key=fold)),
                )
            )
        return rows


def stops(store: PlanStore) -> list[StopRow]:
    with store.reading() as r:
        zones = _Zones(r)
        return [
            StopRow(
                i,
                v,
                sid,
                title,
                position,
                vid,
                place or "",
                zones.local(arrives, tz),
                zones.local(leaves, tz),
                host,
                contact,
                clearance,
                opens or "",
                closes or "",
                notes,
            )
            for (
                i,
                v,
                sid,
                title,
                tz,
                position,
                vid,
                place,
                arrives,
                leaves,
                host,
                contact,
                clearance,
                opens,
                closes,
                notes,
            ) in r.rows(
                "SELECT s.id, s.version, s.session_id, a.title, a.timezone, s.position,"
                " s.venue_id, p.name, s.arrives_at, s.leaves_at, s.host_name, s.host_contact,"
                " s.clearance, p.opens, p.closes, s.notes FROM visit_stop s"
                " JOIN agenda_session a ON a.id = s.session_id"
                " LEFT JOIN venue p ON p.id = s.venue_id ORDER BY s.id"
            )
        ]


def vehicles(store: PlanStore) -> list[VehicleRow]:
    with store.reading() as r:
        uses = dict(
            r.rows(
                "SELECT vehicle_id, count(*) FROM ride WHERE vehicle_id IS NOT NULL"
                " GROUP BY vehicle_id"
            )
        )
        return [
            VehicleRow(
                i,
                v,
                name,
                seats,
                provider,
                plate,
                _money(rate),
                currency,
                driver_id,
                full_name(g or "", f or ""),
                phone or "",
                uses.get(i, 0),
                notes,
            )
            for (
                i,
                v,
                name,
                seats,
                provider,
                plate,
                rate,
                currency,
                driver_id,
                g,
                f,
                phone,
                notes,
            ) in r.rows(
                "SELECT v.id, v.version, v.name, v.seats, v.provider, v.plate, v.day_rate,"
                " v.currency, v.driver_id, p.given_name, p.family_name, p.phone, v.notes"
                " FROM vehicle v LEFT JOIN person p ON p.id = v.driver_id ORDER BY v.id"
            )
        ]


def rides(store: PlanStore) -> list[RideRow]:
    with store.reading() as r:
        zones = _Zones(r)
        units = _Units(r, _person_names(r))
        passengers = units.read(r, "ride_passenger", "ride_id")
        places = dict(r.rows("SELECT id, name FROM venue ORDER BY id"))
        visits = dict(
            r.rows(
                "SELECT id, title FROM agenda_session WHERE id IN"
                " (SELECT session_id FROM ride) ORDER BY id"
            )
        )
        rows = []
        for i, v, vid, vname, seats, title, start, end, tz, a, b, sid, notes in r.rows(
            "SELECT r.id, r.version, r.vehicle_id, v.name, v.seats, r.title, r.starts_at,"
            " r.ends_at, r.timezone, r.from_id, r.to_id, r.session_id, r.notes FROM ride r"
            " LEFT JOIN vehicle v ON v.id = r.vehicle_id ORDER BY r.id"
        ):
            zone = zones(tz)
            who = passengers.get(i, [])
            rows.append(
                RideRow(
                    i,
                    v,
                    vid,
                    vname or "",
                    seats,
                    title,
                    parse_time(start).astimezone(zone),
                    parse_time(end).astimezone(zone),
                    a,
                    places.get(a, "") if a else "",
                    b,
                    places.get(b, "") if b else "",
                    sid,
                    visits.get(sid, "") if sid else "",
                    units.summary(who),
                    len(units.people_in(who)),
                    notes,
                )
            )
        return rows


def people_in(store: PlanStore, units: list[tuple[str, int]]) -> int:
    """How many people a list of groups, delegations and people holds (each counted once)."""
    with store.reading() as r:
        return len(_Units(r, {}).people_in([(str(u[0]), int(u[1])) for u in units]))


def people_with_role(store: PlanStore, role: str) -> set[int]:
    """The ids of the people with a role (drivers first in a vehicle's form)."""
    with store.reading() as r:
        return {
            int(i)
            for (i,) in r.rows("SELECT id FROM person WHERE role = :r ORDER BY id", {"r": role})
        }


def places(store: PlanStore) -> list[Choice]:
    """Places to pick from: (id, name with code, kind), by name."""
    with store.reading() as r:
        found = [
            Choice(i, _place_label(n, c), k)
            for i, n, c, k in r.rows("SELECT id, name, code, kind FROM venue ORDER BY id")
        ]
    return sorted(found, key=lambda c: fold(c.label))


def place_zone(store: PlanStore, place_id: int | None) -> str:
    """A place's time zone, "" when it has none of its own (or no place is given)."""
    if place_id is None:
        return ""
    with store.reading() as r:
        return str(r.value("SELECT timezone FROM venue WHERE id = :i", {"i": place_id}) or "")


# --- the budget's rates and codes (plan format 4) ------------------------------------------------


@dataclass(frozen=True)
class PerDiemRateRow:
    id: int
    version: int
    location: str
    daily_rate: Decimal | None
    currency: str
    lodging_share: Decimal | None  # percent of the daily rate; None: the plan's deduction
    valid_from: date | None
    notes: str
    chosen: bool  # the rate the plan's per diem uses

    @property
    def name(self) -> str:
        return self.location


@dataclass(frozen=True)
class ExchangeRateRow:
    id: int
    version: int
    currency: str
    month: date
    units_per_base: Decimal | None  # units of ``currency`` for one of the plan's currency
    source: str

    @property
    def name(self) -> str:
        return f"{self.currency} {self.month:%Y-%m}"


@dataclass(frozen=True)
class CateringRateRow:
    id: int
    version: int
    kind: str  # break, breakfast, lunch, dinner
    per_head: Decimal | None
    currency: str
    notes: str

    @property
    def name(self) -> str:
        from planner.domain.labels import meal_label

        return meal_label(self.kind)


@dataclass(frozen=True)
class FundingSourceRow:
    id: int
    version: int
    name: str
    code: str
    notes: str
    categories: int  # categories whose lines it pays by default
    lines: int  # lines entered by hand that name it


@dataclass(frozen=True)
class BudgetCategoryRow:
    id: int
    version: int
    category: str
    budget_code: str
    funding_source_id: int | None
    funding_source: str

    @property
    def name(self) -> str:
        from planner.domain.labels import budget_category_label

        return budget_category_label(self.category)


@dataclass(frozen=True)
class BudgetActualRow:
    id: int
    version: int
    line_key: str
    amount: Decimal | None
    note: str


def per_diem_rates(store: PlanStore) -> list[PerDiemRateRow]:
    with store.reading() as r:
        chosen = r.value("SELECT per_diem_rate_id FROM plan ORDER BY id LIMIT 1")
        return [
            PerDiemRateRow(
                i,
                v,
                location,
                _money(rate),
                currency or "",
                _money(share),
                parse_date(valid) if valid else None,
                notes or "",
                i == chosen,
            )
            for i, v, location, rate, currency, share, valid, notes in r.rows(
                "SELECT id, version, location, daily_rate, currency, lodging_share,"
                " valid_from, notes FROM per_diem_rate ORDER BY id"
            )
        ]


def exchange_rates(store: PlanStore) -> list[ExchangeRateRow]:
    with store.reading() as r:
        rows = []
        for i, v, currency, month, units, source in r.rows(
            "SELECT id, version, currency, month, units_per_base, source FROM exchange_rate"
            " ORDER BY id"
        ):
            day = parse_date(month)
            if day is not None:
                rows.append(ExchangeRateRow(i, v, currency, day, _money(units), source or ""))
        return rows


def catering_rates(store: PlanStore) -> list[CateringRateRow]:
    with store.reading() as r:
        return [
            CateringRateRow(i, v, kind, _money(per_head), currency or "", notes or "")
            for i, v, kind, per_head, currency, notes in r.rows(
                "SELECT id, version, kind, per_head, currency, notes FROM catering_rate ORDER BY id"
            )
        ]


def funding_sources(store: PlanStore) -> list[FundingSourceRow]:
    with store.reading() as r:
        categories = dict(
            r.rows(
                "SELECT funding_source_id, count(*) FROM budget_category"
                " WHERE funding_source_id IS NOT NULL GROUP BY funding_source_id"
            )
        )
        lines = dict(
            r.rows(
                "SELECT funding_source_id, count(*) FROM budget_line"
                " WHERE funding_source_id IS NOT NULL GROUP BY funding_source_id"
            )
        )
        return [
            FundingSourceRow(
                i, v, name, code or "", notes or "", categories.get(i, 0), lines.get(i, 0)
            )
            for i, v, name, code, notes in r.rows(
                "SELECT id, version, name, code, notes FROM funding_source ORDER BY id"
            )
        ]


def budget_categories(store: PlanStore) -> list[BudgetCategoryRow]:
    """Each category's budget code and default funding source (only those set)."""
    with store.reading() as r:
        return [
            BudgetCategoryRow(i, v, category, code or "", source, name or "")
            for i, v, category, code, source, name in r.rows(
                "SELECT c.id, c.version, c.category, c.budget_code, c.funding_source_id,"
                " s.name FROM budget_category c"
                " LEFT JOIN funding_source s ON s.id = c.funding_source_id ORDER BY c.id"
            )
        ]


def budget_actuals(store: PlanStore) -> dict[str, BudgetActualRow]:
    """The actual costs entered for lines the plan computes, by the line's key."""
    with store.reading() as r:
        return {
            key: BudgetActualRow(i, v, key, _money(amount), note or "")
            for i, v, key, amount, note in r.rows(
                "SELECT id, version, line_key, amount, note FROM budget_actual ORDER BY id"
            )
        }


__all__ += [
    "BudgetActualRow",
    "BudgetCategoryRow",
    "CateringRateRow",
    "ExchangeRateRow",
    "FundingSourceRow",
    "PerDiemRateRow",
    "budget_actuals",
    "budget_categories",
    "catering_rates",
    "exchange_rates",
    "funding_sources",
    "per_diem_rates",
]


def plan_currency(store: PlanStore) -> str:
    """The plan's currency, the one its budget is kept in."""
    with store.reading() as r:
        return str(r.value("SELECT currency FROM plan ORDER BY id LIMIT 1") or "")
