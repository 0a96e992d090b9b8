"""The plan at a glance (the overview page and ``planner info``), and its settings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from planner.domain.labels import GONE_STATUSES, PersonStatus
from planner.queries.common import group_and_delegation_sizes
from planner.queries.membership import GONE
from planner.store import PlanStore, parse_date, parse_time


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
    people_by_sex: dict[str, int]  # of the people taking part
    people_by_role: dict[str, int]
    delegations: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    rooms: list[dict[str, Any]]
    sessions_by_day: dict[date, int]
    change_number: int
    last_change_at: datetime | None
    last_change_by: str
    # nominated, confirmed, declined, replaced, cancelled -> people
    people_by_status: dict[str, int] = field(default_factory=dict)

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
        # people taking part (declined, replaced and cancelled people stay in the plan apart)
        by_status = {s.value: 0 for s in PersonStatus}
        for status, n in r.rows("SELECT status, count(*) FROM person GROUP BY status"):
            by_status[status] = by_status.get(status, 0) + n
        counts["people"] = sum(n for s, n in by_status.items() if s not in GONE_STATUSES)
        counts["people_left"] = sum(n for s, n in by_status.items() if s in GONE_STATUSES)
        counts["site_visits"] = int(
            r.value("SELECT count(*) FROM agenda_session WHERE kind = 'site_visit'") or 0
        )
        by_sex = {"female": 0, "male": 0, "other": 0, "unknown": 0}
        taking_part = f" WHERE status NOT IN {GONE}"
        for sex, n in r.rows(f"SELECT sex, count(*) FROM person{taking_part} GROUP BY sex"):
            by_sex[sex if sex in by_sex else "unknown"] += n
        by_role = dict(r.rows(f"SELECT role, count(*) FROM person{taking_part} GROUP BY role"))
        _g, members = group_and_delegation_sizes(r)
        dels = [
            {"id": i, "name": n, "country": c, "members": members.get(i, 0), "colour": col}
            for i, n, c, col in r.rows(
                "SELECT id, name, country, colour FROM delegation ORDER BY id"
            )
        ]
        group_sizes = _g
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
        by_status,
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
        # everyone in the plan by status; "people" above counts those taking part
        "people_by_status": sm.people_by_status,
        "delegations": [
            {k: d[k] for k in ("id", "name", "country", "members")} for d in sm.delegations
        ],
        "groups": sm.groups,
        "rooms": sm.rooms,
        "change_number": sm.change_number,
    }


def plan_setting(store: PlanStore, key: str) -> str | None:
    """A setting kept in the plan, as its stored JSON text (None when not set)."""
    with store.reading() as r:
        value = r.value("SELECT value FROM plan_setting WHERE key = :k", {"k": key})
    return None if value is None else str(value)


def plan_country(store: PlanStore) -> str:
    """The plan's country code ("" when none); read as stored, so also from a plan whose time
    zone this computer does not know."""
    with store.reading() as r:
        return str(r.value("SELECT country FROM plan ORDER BY id LIMIT 1") or "")


def plan_city(store: PlanStore) -> str:
    """The city the plan takes place in ("" when none given)."""
    with store.reading() as r:
        return str(r.value("SELECT city FROM plan ORDER BY id LIMIT 1") or "")


# --- what a printout's title says, and what identifies the plan ---------------------------------


class PlanHeading(NamedTuple):
    """The plan as a workbook's title lines name it."""

    title: str
    first_day: date
    last_day: date
    change: int  # the number of its last change
    donor: str
    funding_programme: str
    timezone: str = "UTC"  # the plan's: the time a paper was produced is said in it


def plan_heading(store: PlanStore) -> PlanHeading:
    with store.reading() as r:
        title, first, last, donor, programme, zone = r.rows(
            "SELECT title, start_date, end_date, donor, funding_programme, timezone FROM plan"
            " ORDER BY id LIMIT 1"
        )[0]
        change = int(r.value("SELECT max(id) FROM change_set") or 0)
    first_day, last_day = parse_date(first), parse_date(last)
    assert first_day is not None and last_day is not None
    return PlanHeading(
        str(title), first_day, last_day, change, donor, programme, str(zone or "UTC")
    )


def plan_identity(store: PlanStore) -> tuple[str, int, str, str]:
    """What tells this plan from another (its calendars' events are named after it): the time
    of its first change ("" when none), its id, title and first day as stored."""
    with store.reading() as r:
        first = r.value("SELECT at FROM change_set ORDER BY id LIMIT 1") or ""
        plan_id, title, start = r.rows(
            "SELECT id, title, start_date FROM plan ORDER BY id LIMIT 1"
        )[0]
    return str(first), plan_id, title, start


def versions(store: PlanStore, tables: tuple[str, ...]) -> dict[tuple[str, int], int]:
    """(table, id) -> version of every item in these tables."""
    with store.reading() as r:
        return {
            (table, i): v for table in tables for i, v in r.rows(f"SELECT id, version FROM {table}")
        }
