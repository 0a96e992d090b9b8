"""Calendars (.ics) for a person, a group, a delegation or the whole plan.

Every event carries a UID made from the plan's identity and the item's id, and its SEQUENCE is
the item's version: exported again after a change, the file updates the events already in a
calendar program instead of adding them twice. Times keep their time zone (VTIMEZONE
components are included), so a flight from Panama shows at the right hour everywhere.
No identity numbers, birth dates or participants' phones appear in a calendar.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import kind_label
from planner.exports.common import Job, Options, PlanData, for_reader, scope_of
from planner.queries.journeys import schedules
from planner.queries.summary import plan_identity
from planner.queries.summary import versions as item_versions
from planner.store import PlanStore

PRODID = "-//Delegation Planner//delegation-planner//EN"


def plan_uid(store: PlanStore) -> str:
    """A stable identity of the plan: its first change set's time (copies of the same plan
    share it; a new plan or a plan copied to new dates gets its own)."""
    first, plan_id, title, start = plan_identity(store)
    seed = f"{first}|{plan_id}" if first else f"{title}|{start}|{plan_id}"
    return hashlib.sha1(seed.encode()).hexdigest()[:16]


def ics(store: PlanStore, data: PlanData, target: Path, options: Options, job: Job) -> Path:
    from icalendar import Calendar, Event

    with for_reader(options):
        scope = scope_of(data, options)
        namespace = plan_uid(store)
        versions = item_versions(store, ("agenda_session", "travel", "ride", "stay", "visit_stop"))
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        name = data.title if scope.kind == "plan" else f"{data.title} · {scope.name}"
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", data.agenda.zone.key)
        stamp = datetime.now(UTC).replace(microsecond=0)
        table_of_ref = {
            "session": "agenda_session",
            "travel": "travel",
            "ride": "ride",
            "stay": "stay",
            "stop": "visit_stop",
        }
        entries: list[tuple[datetime, datetime | None, str, str, str, tuple[str, int]]]
        if scope.kind == "plan":
            entries = [
                (
                    b.start,
                    b.end,
                    b.title,
                    data.room_label(b) or b.route,
                    " · ".join(
                        x for x in (kind_label(b.kind), b.audience, data.facilitator_names(b)) if x
                    ),
                    ("session", b.id),
                )
                for b in data.sessions_for(None)
            ]
        else:
            assert scope.unit is not None
            items = schedules(data, [scope.unit])[scope.unit]
            entries = [
                (
                    i.start,
                    i.end,
                    i.title,
                    i.place,
                    " · ".join(x for x in (i.detail, i.contact if options.personal else "") if x),
                    i.ref,
                )
                for i in items
            ]
        if not entries:
            raise PlannerError(
                _(
                    "There is nothing to put in the calendar: {name} has no"
                    " sessions, flights or rides yet."
                ).format(name=scope.name)
            )
        # The zones first (VTIMEZONE), as icalendar finds them for events in those zones;
        # then each event written as soon as it is made: a whole plan's 80,000 events are
        # never all held.
        probe = Calendar()
        for zone in {e[0].tzinfo for e in entries} | {e[1].tzinfo for e in entries if e[1]}:
            stub = Event()
            stub.add("dtstart", datetime(2000, 1, 1, tzinfo=zone))
            probe.add_component(stub)
        probe.add_missing_timezones()
        for timezone in sorted(probe.timezones, key=lambda t: str(t.get("tzid"))):
            cal.add_component(timezone)
        head = cal.to_ical()
        end_of_calendar = b"END:VCALENDAR\r\n"
        assert head.endswith(end_of_calendar)

        def produce(path: str) -> None:
            with open(path, "wb") as out:
                out.write(head[: -len(end_of_calendar)])
                for n, (start, end, title, place, detail, ref) in enumerate(entries):
                    if n % 200 == 0:
                        job.step(n, len(entries))
                    event = Event()
                    event.add("uid", f"{ref[0]}-{ref[1]}@{namespace}.delegation-planner")
                    event.add("dtstamp", stamp)
                    event.add("dtstart", start)
                    if end is not None and end > start:
                        event.add("dtend", end)
                    else:
                        event.add("duration", _zero_or_quarter(ref[0]))
                    event.add("summary", title)
                    if place:
                        event.add("location", place)
                    if detail:
                        event.add("description", detail)
                    version = versions.get((table_of_ref.get(ref[0], ""), ref[1]), 1)
                    event.add("sequence", max(0, version - 1))
                    out.write(event.to_ical())
                out.write(end_of_calendar)
            job.step(len(entries), len(entries))

        from planner.exports.xlsx import write_atomically

        return write_atomically(target, produce, _("a calendar program"))


def _zero_or_quarter(kind: str) -> object:
    return timedelta(minutes=0 if kind in ("travel", "stop") else 15)
