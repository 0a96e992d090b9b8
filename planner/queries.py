"""Read-only views of a plan for lists, the overview and ``planner info``.

Each list returns plain frozen rows (no ORM objects), so a window can keep them without holding
a database session, and a whole list loads with a handful of queries however large the plan.
These read with plain, portable SQL (``PlanStore.reading``) so that showing a plan does not
need the ORM; every change goes through ``planner.ops``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.labels import kind_label, role_label, sex_label
from planner.reference import countries, country_name, default_timezone, fold
from planner.store import PlanStore, Reader, parse_date, parse_time

__all__ = [
    "Choice",
    "DelegationRow",
    "GroupRow",
    "ModuleRow",
    "OrganisationRow",
    "PersonRow",
    "RoomRow",
    "SessionRow",
    "Summary",
    "UnavailabilityRow",
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
    "role_label",
    "rooms",
    "sessions",
    "sex_label",
    "summary",
    "unavailabilities",
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
        people = dict(r.rows("SELECT organisation_id, count(*) FROM person"
                             " GROUP BY organisation_id"))
        return [
            OrganisationRow(i, v, n, a, c, people.get(i, 0))
            for i, v, n, a, c in r.rows(
                "SELECT id, version, name, acronym, country FROM organisation")
        ]


def delegations(store: PlanStore) -> list[DelegationRow]:
    with store.reading() as r:
        counts = _sex_counts(r, "SELECT delegation_id, sex, count(*) FROM person"
                                " GROUP BY delegation_id, sex")
        rows = []
        for i, v, name, country, colour, org, given, family in r.rows(
            "SELECT d.id, d.version, d.name, d.country, d.colour, o.name, p.given_name,"
            " p.family_name FROM delegation d"
            " LEFT JOIN organisation o ON o.id = d.organisation_id"
            " LEFT JOIN person p ON p.id = d.head_id"
        ):
            c = counts.get(i, Counter())
            rows.append(DelegationRow(i, v, name, country, org or "",
                                      full_name(given or "", family or ""), colour,
                                      sum(c.values()), c["female"], c["male"]))
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
            PersonRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] or "",
                      row[8], row[9], row[10] or "", row[11] or "",
                      ", ".join(groups.get(row[0], ())), row[12], row[13], row[14],
                      parse_date(row[15]), row[16], row[17], row[18], row[19])
            for row in r.rows(
                "SELECT p.id, p.version, p.given_name, p.family_name, p.sex, p.role,"
                " p.role_other, o.name, p.position, p.duty_station, d.name, d.colour, p.email,"
                " p.phone, p.id_number, p.birth_date, p.nationality, p.languages,"
                " p.dietary_needs, p.accessibility_needs FROM person p"
                " LEFT JOIN organisation o ON o.id = p.organisation_id"
                " LEFT JOIN delegation d ON d.id = p.delegation_id"
            )
        ]


def groups(store: PlanStore) -> list[GroupRow]:
    with store.reading() as r:
        counts = _sex_counts(r, "SELECT m.group_id, p.sex, count(*) FROM group_member m"
                                " JOIN person p ON p.id = m.person_id GROUP BY m.group_id, p.sex")
        rows = []
        for i, v, name, colour, dname in r.rows(
            "SELECT g.id, g.version, g.name, g.colour, d.name FROM participant_group g"
            " LEFT JOIN delegation d ON d.id = g.delegation_id"
        ):
            c = counts.get(i, Counter())
            rows.append(GroupRow(i, v, name, dname or "", colour, sum(c.values()), c["female"],
                                 c["male"]))
        return rows


def venues(store: PlanStore) -> list[VenueRow]:
    with store.reading() as r:
        stats = {vid: (n, cap or 0) for vid, n, cap in r.rows(
            "SELECT venue_id, count(*), sum(capacity) FROM room GROUP BY venue_id")}
        return [
            VenueRow(i, v, name, city, address, *stats.get(i, (0, 0)))
            for i, v, name, city, address in r.rows(
                "SELECT id, version, name, city, address FROM venue")
        ]


def rooms(store: PlanStore) -> list[RoomRow]:
    with store.reading() as r:
        uses = dict(r.rows("SELECT room_id, count(*) FROM agenda_session GROUP BY room_id"))
        return [
            RoomRow(i, v, vid, vname, name, cap, equipment, uses.get(i, 0))
            for i, v, vid, vname, name, cap, equipment in r.rows(
                "SELECT r.id, r.version, r.venue_id, v.name, r.name, r.capacity, r.equipment"
                " FROM room r JOIN venue v ON v.id = r.venue_id")
        ]


def _sizes(r: Reader) -> tuple[dict[int, int], dict[int, int]]:
    group_sizes = dict(r.rows("SELECT group_id, count(*) FROM group_member GROUP BY group_id"))
    delegation_sizes = dict(r.rows(
        "SELECT delegation_id, count(*) FROM person WHERE delegation_id IS NOT NULL"
        " GROUP BY delegation_id"))
    return group_sizes, delegation_sizes


def sessions(store: PlanStore) -> list[SessionRow]:
    with store.reading() as r:
        group_names = dict(r.rows("SELECT id, name FROM participant_group"))
        delegation_names = dict(r.rows("SELECT id, name FROM delegation"))
        person_names = {i: full_name(g, f) for i, g, f in r.rows(
            "SELECT id, given_name, family_name FROM person")}
        group_sizes, delegation_sizes = _sizes(r)
        audience: dict[int, list[str]] = defaultdict(list)
        sizes: Counter[int] = Counter()
        for sid, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
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
        for sid, pid in r.rows("SELECT session_id, person_id FROM session_facilitator"):
            facilitators[sid].append(person_names.get(pid, "?"))
        rooms_ = {rid: (rname, vname) for rid, rname, vname in r.rows(
            "SELECT r.id, r.name, v.name FROM room r JOIN venue v ON v.id = r.venue_id")}
        zones: dict[str, ZoneInfo] = {}
        rows = []
        for sid, version, kind, title, start, end, tz, room_id, location in r.rows(
            "SELECT id, version, kind, title, starts_at, ends_at, timezone, room_id, location"
            " FROM agenda_session"
        ):
            zone = zones.get(tz) or zones.setdefault(tz, ZoneInfo(tz))
            room, venue = rooms_.get(room_id, ("", "")) if room_id else ("", "")
            rows.append(SessionRow(
                sid, version, kind, title, parse_time(start).astimezone(zone),
                parse_time(end).astimezone(zone), room, venue, location,
                ", ".join(sorted(audience.get(sid, []))), sizes.get(sid, 0),
                ", ".join(sorted(facilitators.get(sid, [])))))
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
        for mid, g, f in r.rows("SELECT t.module_id, p.given_name, p.family_name"
                                " FROM module_trainer t JOIN person p ON p.id = t.person_id"):
            trainers[mid].append(full_name(g, f))
        uses = dict(r.rows("SELECT module_id, count(*) FROM agenda_session"
                           " WHERE module_id IS NOT NULL GROUP BY module_id"))
        return [
            ModuleRow(i, v, n, t, d, s, e, c, ", ".join(sorted(trainers.get(i, []))),
                      uses.get(i, 0))
            for i, v, n, t, d, s, e, c in r.rows(
                "SELECT id, version, number, title, duration_minutes, room_size, equipment,"
                " colour FROM module")
        ]


def unavailabilities(store: PlanStore) -> list[UnavailabilityRow]:
    with store.reading() as r:
        zone = ZoneInfo(r.value("SELECT timezone FROM plan ORDER BY id LIMIT 1"))
        return [
            UnavailabilityRow(i, v, p, full_name(g, f), parse_time(s).astimezone(zone),
                              parse_time(e).astimezone(zone), note)
            for i, v, p, g, f, s, e, note in r.rows(
                "SELECT u.id, u.version, u.person_id, p.given_name, p.family_name, u.starts_at,"
                " u.ends_at, u.note FROM unavailability u JOIN person p ON p.id = u.person_id")
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
            return [Choice(i, n, a) for i, n, a in r.rows(
                "SELECT id, name, acronym FROM organisation ORDER BY name")]
        if what in ("delegation", "venue"):
            return [Choice(i, n) for i, n in r.rows(
                f"SELECT id, name FROM {what} ORDER BY name")]
        if what == "module":
            return [Choice(i, f"{n}. {t}") for i, n, t in r.rows(
                "SELECT id, number, title FROM module ORDER BY number, title")]
        if what == "group":
            return [Choice(i, n) for i, n in r.rows(
                "SELECT id, name FROM participant_group ORDER BY name")]
        if what == "room":
            return [Choice(i, f"{rn} — {vn}", str(c)) for i, rn, vn, c in r.rows(
                "SELECT r.id, r.name, v.name, r.capacity FROM room r"
                " JOIN venue v ON v.id = r.venue_id ORDER BY v.name, r.name")]
        if what == "person":
            found = [Choice(i, full_name(g, f), d or "") for i, g, f, d in r.rows(
                "SELECT p.id, p.given_name, p.family_name, d.name FROM person p"
                " LEFT JOIN delegation d ON d.id = p.delegation_id")]
            return sorted(found, key=lambda c: fold(c.label))
    raise ValueError(what)


def members_of_delegation(store: PlanStore, delegation_id: int) -> list[Choice]:
    with store.reading() as r:
        found = [Choice(i, full_name(g, f)) for i, g, f in r.rows(
            "SELECT id, given_name, family_name FROM person WHERE delegation_id = :d",
            {"d": delegation_id})]
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
        plan = r.rows("SELECT title, city, country, timezone, start_date, end_date, currency,"
                      " organiser, funding_programme, donor FROM plan ORDER BY id LIMIT 1")[0]
        counts = {
            key: int(r.value(f"SELECT count(*) FROM {table}") or 0)
            for key, table in (("delegations", "delegation"), ("people", "person"),
                               ("groups", "participant_group"), ("rooms", "room"),
                               ("sessions", "agenda_session"), ("organisations", "organisation"),
                               ("venues", "venue"))
        }
        by_sex = {"female": 0, "male": 0, "other": 0, "unknown": 0}
        for sex, n in r.rows("SELECT sex, count(*) FROM person GROUP BY sex"):
            by_sex[sex if sex in by_sex else "unknown"] += n
        by_role = dict(r.rows("SELECT role, count(*) FROM person GROUP BY role"))
        members = dict(r.rows("SELECT delegation_id, count(*) FROM person"
                              " GROUP BY delegation_id"))
        dels = [{"id": i, "name": n, "country": c, "members": members.get(i, 0), "colour": col}
                for i, n, c, col in r.rows(
                    "SELECT id, name, country, colour FROM delegation ORDER BY id")]
        group_sizes, _d = _sizes(r)
        grps = [{"id": i, "name": n, "size": group_sizes.get(i, 0)}
                for i, n in r.rows("SELECT id, name FROM participant_group ORDER BY id")]
        rms = [{"id": i, "name": n, "venue": v, "capacity": c} for i, n, v, c in r.rows(
            "SELECT r.id, r.name, v.name, r.capacity FROM room r"
            " JOIN venue v ON v.id = r.venue_id ORDER BY r.id")]
        zone = ZoneInfo(plan[3])
        by_day: Counter[date] = Counter()
        for (start,) in r.rows("SELECT starts_at FROM agenda_session"):
            by_day[parse_time(start).astimezone(zone).date()] += 1
        last = r.rows("SELECT id, at, user_name FROM change_set ORDER BY id DESC LIMIT 1")
    start_date, end_date = parse_date(plan[4]), parse_date(plan[5])
    assert start_date is not None and end_date is not None
    return Summary(
        plan[0], plan[1], plan[2], plan[3], start_date, end_date, plan[6], plan[7], plan[8],
        plan[9], counts, by_sex, by_role, dels, grps, rms, dict(sorted(by_day.items())),
        last[0][0] if last else 0, parse_time(last[0][1]) if last else None,
        last[0][2] if last else "")


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
        "counts": {k: sm.counts[k] for k in ("delegations", "people", "groups", "rooms",
                                              "sessions")},
        "people_by_sex": sm.people_by_sex,
        "delegations": [{k: d[k] for k in ("id", "name", "country", "members")}
                        for d in sm.delegations],
        "groups": sm.groups,
        "rooms": sm.rooms,
        "change_number": sm.change_number,
    }
