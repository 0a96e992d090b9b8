"""The conflict check: each kind of clash is found, named, and cleared when fixed."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import operations, queries
from planner.cli import main
from planner.rules import conflicts

TZ = ZoneInfo("America/Tegucigalpa")
MONDAY_MORNING = datetime(2023, 11, 27, 10, 30, tzinfo=TZ)  # Module block 2 on day 1


def group_id(store, name):
    return next(g.id for g in queries.groups(store) if g.name == name)


def room_id(store, name):
    return next(r.id for r in queries.rooms(store) if r.name == name)


def add_session(store, **values):
    base = {
        "title": "Extra",
        "kind": "meeting",
        "start": MONDAY_MORNING,
        "end": MONDAY_MORNING + timedelta(hours=1),
    }
    return operations.create(store, "session", {**base, **values}).id


def kinds(problems):
    return sorted(p.kind for p in problems)


def test_the_demo_plan_has_no_problems(demo):
    assert conflicts.check(demo) == []


def test_a_whole_group_in_two_places_is_one_problem_for_the_group(demo):
    sid = add_session(
        demo, title="Interview practice", audience=[("group", group_id(demo, "Group A"))]
    )
    problems = conflicts.check(demo)
    assert kinds(problems) == ["person_double_booked"]
    problem = problems[0]
    assert [g.name for g in problem.groups] == ["Group A"]
    assert len(problem.people) == 50
    assert sid in [s.id for s in problem.sessions]
    assert (
        "Group A (50 people) are in two places at once on Mon 27 Nov, 10:30–11:30"
        in problem.message
    )
    assert "Interview practice" in problem.message and problem.severity == "error"
    assert problem.start == MONDAY_MORNING and problem.end == MONDAY_MORNING + timedelta(hours=1)


def test_one_person_through_a_direct_invitation(demo):
    trainee = next(p for p in queries.people(demo) if p.groups == "Group B")
    add_session(demo, title="Medical check", audience=[("person", trainee.id)])
    (problem,) = conflicts.check(demo)
    assert problem.kind == "person_double_booked"
    assert [p.id for p in problem.people] == [trainee.id] and problem.groups == []
    assert problem.message.startswith(f"{trainee.name} is in two places at once")


def test_a_facilitator_booked_twice(demo):
    training = next(
        s for s in queries.sessions(demo) if s.kind == "training" and s.start == MONDAY_MORNING
    )
    trainer_id = operations.get_values(demo, "session", training.id)["facilitator_ids"][0]
    add_session(demo, title="Press interview", facilitator_ids=[trainer_id])
    (problem,) = conflicts.check(demo)
    assert problem.kind == "facilitator_double_booked"
    assert [p.id for p in problem.people] == [trainer_id]
    assert (
        "facilitating “Press interview”" in problem.message
        or "facilitating “Module" in problem.message
    )


def test_a_room_booked_twice_and_over_capacity(demo):
    add_session(
        demo,
        title="Directors' meeting",
        room_id=room_id(demo, "Aula 1"),
        audience=[("group", group_id(demo, "Group C")), ("group", group_id(demo, "Group D"))],
    )
    found = conflicts.check(demo)
    assert "room_double_booked" in kinds(found) and "over_capacity" in kinds(found)
    room = next(p for p in found if p.kind == "room_double_booked")
    assert [r.name for r in room.rooms] == ["Aula 1"] and len(room.sessions) == 2
    capacity = next(p for p in found if p.kind == "over_capacity")
    assert "brings 100 people into Aula 1, which seats 55 (45 too many)" in capacity.message


def test_a_session_outside_the_plan_days(demo):
    add_session(
        demo,
        title="Follow-up call",
        start=datetime(2023, 12, 5, 9, tzinfo=TZ),
        end=datetime(2023, 12, 5, 10, tzinfo=TZ),
    )
    (problem,) = conflicts.check(demo)
    assert problem.kind == "outside_plan_dates"
    assert "“Follow-up call” on Tue 5 Dec is outside the plan's days" in problem.message


def test_fixing_the_clash_clears_it(demo):
    sid = add_session(demo, audience=[("group", group_id(demo, "Group A"))])
    assert len(conflicts.check(demo)) == 1
    operations.update(
        demo,
        "session",
        sid,
        {"start": MONDAY_MORNING.replace(hour=17), "end": MONDAY_MORNING.replace(hour=18)},
    )
    assert conflicts.check(demo) == []


def test_acknowledged_problems_are_listed_but_marked(demo):
    add_session(demo, audience=[("group", group_id(demo, "Group A"))])
    (problem,) = conflicts.check(demo)
    operations.acknowledge(demo, problem.key, "Planned: the group splits for this hour.")
    (again,) = conflicts.check(demo)
    assert again.acknowledged and again.note.startswith("Planned")
    operations.acknowledge(demo, problem.key, None)
    assert not conflicts.check(demo)[0].acknowledged


def test_moving_one_session_gives_the_same_result_as_a_full_check(demo):
    data = conflicts.load(demo)
    checker = conflicts.Checker(data)
    checker.run()
    rng = random.Random(7)
    sessions = list(data.sessions.values())
    rooms = list(data.rooms)
    for _ in range(40):
        s = rng.choice(sessions)
        start = datetime(
            2023, 11, rng.randint(26, 30), rng.randint(7, 16), rng.choice([0, 30]), tzinfo=TZ
        )
        end = start + timedelta(minutes=rng.choice([30, 60, 105]))
        room = rng.choice([*rooms, None])
        incremental = checker.move(s.id, start, end, room)
        full = conflicts.Checker(data).run()
        assert [(p.key, p.message) for p in incremental] == [(p.key, p.message) for p in full]


def test_check_command_reports_json_and_exit_status(demo, demo_path, capsys):
    assert main(["check", str(demo_path)]) == 0
    assert "No problems" in capsys.readouterr().out
    add_session(demo, title="Clash", room_id=room_id(demo, "Aula 2"))
    assert main(["check", str(demo_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [p["kind"] for p in data] == ["room_double_booked"]
    problem = data[0]
    assert set(problem) >= {
        "kind",
        "severity",
        "message",
        "start",
        "end",
        "acknowledged",
        "sessions",
        "people",
        "groups",
        "rooms",
    }
    assert problem["start"] == "2023-11-27T10:30:00-06:00"
    assert problem["rooms"] == [{"id": room_id(demo, "Aula 2"), "name": "Aula 2"}]
    operations.acknowledge(demo, conflicts.check(demo)[0].key, "Accepted")
    assert main(["check", str(demo_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["acknowledged"] is True
    assert main(["check", str(demo_path.with_name("missing.dplan"))]) == 2


@pytest.mark.parametrize("lang", ["es"])
def test_problem_messages_speak_spanish(demo, lang):
    from planner.domain.i18n import language

    add_session(demo, title="Choque", room_id=room_id(demo, "Aula 2"))
    with language(lang):
        (problem,) = conflicts.check(demo)
    assert "Aula 2" in problem.message and "lun" in problem.message
    assert "booked twice" not in problem.message


def test_a_facilitator_booked_while_unavailable_is_a_warning(demo):
    training = next(
        s for s in queries.sessions(demo) if s.kind == "training" and s.start == MONDAY_MORNING
    )
    trainer_id = operations.get_values(demo, "session", training.id)["facilitator_ids"][0]
    operations.create(
        demo,
        "unavailability",
        {
            "person_id": trainer_id,
            "note": "Embassy meeting",
            "start": MONDAY_MORNING + timedelta(minutes=30),
            "end": MONDAY_MORNING + timedelta(hours=3),
        },
    )
    (problem,) = conflicts.check(demo)
    assert (problem.kind, problem.severity) == ("booked_when_unavailable", "warning")
    assert "but is unavailable then (Embassy meeting)" in problem.message
    assert main_exit(demo) == 0  # a warning alone never fails `planner check`


def main_exit(store):
    return main(["check", str(store.path)])
