"""The demo plan is the reference scenario, and it is free of clashes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from planner import operations, queries
from planner.demo import MODULES


def people_at(store):
    """{session id: (start, end, room, capacity, set of person ids)} built from the plan."""
    with store.reading() as r:
        group_members = defaultdict(set)
        for g, p in r.rows("SELECT group_id, person_id FROM group_member"):
            group_members[g].add(p)
        delegation_members = defaultdict(set)
        for d, p in r.rows("SELECT delegation_id, id FROM person"):
            delegation_members[d].add(p)
        people = defaultdict(set)
        for s, g, d, p in r.rows(
            "SELECT session_id, group_id, delegation_id, person_id FROM session_audience"
        ):
            people[s] |= group_members[g] if g else delegation_members[d] if d else {p}
        for s, p in r.rows("SELECT session_id, person_id FROM session_facilitator"):
            people[s].add(p)
        capacity = dict(r.rows("SELECT id, capacity FROM room"))
        return {
            s: (start, end, room, capacity.get(room), people[s])
            for s, start, end, room in r.rows(
                "SELECT id, starts_at, ends_at, room_id FROM agenda_session"
            )
        }


def test_demo_has_the_scenario_shape(demo):
    sm = queries.summary(demo)
    assert (sm.start, sm.end, sm.timezone, sm.currency) == (
        date(2023, 11, 25),
        date(2023, 12, 2),
        "America/Tegucigalpa",
        "USD",
    )
    # taking part: the officer replaced after the first day stays in the plan, apart
    assert sm.counts["people"] == 214 and sm.counts["groups"] == 4
    assert sm.people_by_status["replaced"] == 1 and len(queries.people(demo)) == 215
    panama = next(d for d in queries.delegations(demo) if d.country == "PA")
    assert panama.members == 10 and panama.head
    orgs = {o.name: o.people for o in queries.organisations(demo)}
    assert orgs["National Directorate of Border Police Services"] == 200  # taking part
    assert {o for o in orgs} >= {
        "National Border Service of Panama",
        "National Migration Service of Panama",
        "IOM Panama",
    }
    sessions = queries.sessions(demo)
    training = [s for s in sessions if s.kind == "training"]
    assert len(training) == 4 * 4 * 4  # four groups, four blocks a day, four days
    assert {s.start.date() for s in training} == {date(2023, 11, d) for d in (27, 28, 29, 30)}
    for group in ("Group A", "Group B", "Group C", "Group D"):
        titles = {s.title.split(":")[0] for s in training if s.audience == group}
        assert titles == {f"Module {i + 1}" for i in range(len(MODULES))}
    tour = next(s for s in sessions if s.kind == "site_visit")
    assert tour.start.date() == date(2023, 12, 1) and "Las Manos" in tour.title


def test_demo_has_no_clash_of_person_room_or_capacity(demo):
    sessions = people_at(demo)
    items = sorted(sessions.items(), key=lambda kv: kv[1][0])
    for i, (sid, (_start, end, room, cap, people)) in enumerate(items):
        if cap is not None:
            assert len(people) <= cap, f"session {sid} has {len(people)} people for {cap} seats"
        for other, (start2, _end2, room2, _cap2, people2) in items[i + 1 :]:
            if start2 >= end:
                break
            assert not (room and room == room2), f"room clash {sid}/{other}"
            assert not (people & people2), f"people in two places: {sid}/{other}"


def test_demo_names_are_generated_and_repeatable(tmp_path):
    from planner.demo import build_demo

    a = build_demo(tmp_path / "a.dplan")
    b = build_demo(tmp_path / "b.dplan")
    try:
        assert queries.people(a) == queries.people(b)
        names = [p.given_name for p in queries.people(a)]
        assert all(len(set(n.split())) == len(n.split()) for n in names)  # no "Glenda Glenda"
    finally:
        a.close()
        b.close()


def test_demo_plan_is_editable_like_any_plan(demo):
    operations.update(demo, "person", 1, {"dietary_needs": "Vegetarian"})
    assert operations.get_values(demo, "person", 1)["dietary_needs"] == "Vegetarian"


def test_a_spanish_demo_has_the_real_events_words_and_no_clash(tmp_path):
    from planner.cli import main
    from planner.rules.conflicts import check
    from planner.store import open_plan

    path = tmp_path / "demo-es.dplan"
    assert main(["demo", str(path), "--lang", "es"]) == 0
    store = open_plan(path)
    try:
        titles = {s.title for s in queries.sessions(store)}
        assert {"Receso", "Almuerzo", "Ceremonia de inauguración"} <= titles
        assert "Gira de campo: Las Manos y CAMI Danlí" in titles
        assert any(t.startswith("Módulo 1: ") for t in titles)
        assert not any("Module" in t or "Coffee" in t for t in titles)
        assert [g.name for g in queries.groups(store)] == [f"Grupo {x}" for x in "ABCD"]
        assert "Delegación de Panamá" in {d.name for d in queries.delegations(store)}
        assert check(store) == []  # the same plan, in other words: no clash
        from planner.store.history import history

        # its history reads in its language too, whatever the computer's
        assert {e.action for e in history(store)} == {"Crear plan", "Crear plan de demostración"}
    finally:
        store.close()
    english = tmp_path / "demo-en.dplan"
    assert main(["demo", str(english)]) == 0  # without --lang: English, whatever the system
    store = open_plan(english)
    try:
        assert "Coffee break" in {s.title for s in queries.sessions(store)}
    finally:
        store.close()


def test_the_demo_holds_a_substitution_from_the_second_day(demo, tmp_path):
    """An officer of group B was called to duty after the first day; another came instead."""
    from planner.queries.snapshot import Snapshot, local
    from planner.rules import training

    (old,) = [p for p in queries.people(demo) if p.status == "replaced"]
    new = next(p for p in queries.people(demo) if p.status_from and p.status != "replaced")
    assert old.status_from == new.status_from == date(2023, 11, 28)
    assert old.replaced_by == f"{new.given_name} {new.family_name}"
    assert operations.get_values(demo, "person", old.id)["replaced_by_id"] == new.id
    assert old.groups == new.groups == "Group B"
    plan = Snapshot.load(demo)
    marked = {
        who: {
            local(plan.sessions[s].start, plan.zone).day for s, m in plan.marks.items() if who in m
        }
        for who in (old.id, new.id)
    }
    assert marked[old.id] == {27} and marked[new.id] == {28, 29, 30}
    # the substitute is the trainee; who left is counted apart and gets no certificate
    tally = training.tally_of(plan)
    assert new.id in tally.trained and old.id not in tally.trainees
    assert old.id in tally.also_present and len(tally.trainees) == 200
    # the participant list names everyone, and says who no longer takes part
    from openpyxl import load_workbook

    from planner.exports.catalog import run
    from planner.exports.common import Options

    sheet = load_workbook(run(demo, "participants", tmp_path / "p.xlsx", Options())[0]).active
    roles = {(r[1], r[2]): r[9] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert roles[old.family_name, old.given_name] == "Trainee · Replaced"
    assert roles[new.family_name, new.given_name] == "Trainee"
