"""A substitute in one step: NEW takes OLD's place in the groups, sessions, rides, the hotel and
the site visit's clearance list from a day on; OLD keeps what came before, the tickets stay
OLD's (the check says to reissue them), and undoing the step puts everything back."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from planner import operations, queries
from planner.domain.errors import PlannerError
from planner.exports.catalog import run
from planner.exports.common import Options
from planner.operations.batches import undo_batch
from planner.operations.substitutions import default_day, plan_substitution, substitute
from planner.queries.snapshot import Snapshot, local

DAY = date(2023, 11, 26)  # the first trainers land on the 25th


def person(store, name: str) -> int:
    return next(p.id for p in queries.people(store) if f"{p.given_name} {p.family_name}" == name)


def paper(store, kind: str, path) -> str:
    """The text of an export (the clearance list of the demo's one site visit)."""
    options = Options()
    if kind == "clearance":
        options.visit = next(s.id for s in queries.sessions(store) if s.kind == "site_visit")
    return texts(run(store, kind, path, options)[0])


def texts(path) -> str:
    book = load_workbook(path)
    return " ".join(
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c
    )


def newcomer(store, given: str, family: str) -> int:
    return operations.create(
        store,
        "person",
        {
            "given_name": given,
            "family_name": family,
            "sex": "female",
            "emergency_name": "Ana Vega",  # someone to call, as every traveller has
        },
    ).id


def test_a_travelling_trainer_is_replaced_everywhere_from_the_day_on(demo, tmp_path):
    old = person(demo, "Glenda Reyes Núñez")
    new = newcomer(demo, "Marisol", "Quintero Vega")
    dry = plan_substitution(demo, old, new, DAY)
    assert {m.what for m in dry.moved} >= {"delegation", "facilitating", "ride", "stay"}
    assert queries.people(demo)  # nothing written by a dry run
    assert operations.get_values(demo, "person", old)["status"] == "confirmed"
    before = {
        kind: paper(demo, kind, tmp_path / f"{kind}-0.xlsx")
        for kind in ("rooming", "manifests", "clearance")
    }
    assert all("Marisol" not in text for text in before.values())
    batch, done = substitute(demo, old, new, DAY)
    assert [m.what for m in done.moved] == [m.what for m in dry.moved]
    values = operations.get_values(demo, "person", old)
    assert (values["status"], values["status_from"], values["replaced_by_id"]) == (
        "replaced",
        DAY,
        new,
    )
    assert operations.get_values(demo, "person", new)["delegation_id"] is not None
    rooming = paper(demo, "rooming", tmp_path / "rooming.xlsx")
    assert "Quintero Vega, Marisol" in rooming or "Marisol Quintero Vega" in rooming
    manifests = paper(demo, "manifests", tmp_path / "manifests.xlsx")
    assert "Marisol Quintero Vega" in manifests
    # OLD's airport pick-up on the 26th went before the day? No: the 26th is the day itself
    clearance = paper(demo, "clearance", tmp_path / "clearance.xlsx")
    assert "Quintero Vega" in clearance and "Reyes Núñez" not in clearance
    assert any("tickets stay theirs" in w for w in done.warnings)
    # Ctrl+Z: all of it back
    undo_batch(demo, batch)
    assert operations.get_values(demo, "person", old)["status"] == "confirmed"
    for kind, text in before.items():
        again = paper(demo, kind, tmp_path / f"{kind}-2.xlsx")
        assert "Marisol" not in again and ("Reyes Núñez" in again) == ("Reyes Núñez" in text)


def test_a_trainee_is_replaced_in_the_group_and_leaves_it_from_the_day_on(demo):
    group = next(g for g in queries.groups(demo) if g.name == "Group A")
    members = operations.get_values(demo, "group", group.id)["member_ids"]
    old = members[0]
    new = newcomer(demo, "Rosa", "Díaz Mejía")
    batch, _done = substitute(demo, old, new, date(2023, 11, 28))
    assert new in operations.get_values(demo, "group", group.id)["member_ids"]
    plan = Snapshot.load(demo)
    monday = [s for s in plan.sessions.values() if s.units and plan.registered.get(s.id)]
    before = [s for s in monday if s.id in plan.registered and old in plan.registered[s.id]]
    after = [s for s in monday if s.id in plan.registered and new in plan.registered[s.id]]
    assert before and after  # OLD until the 27th, NEW from the 28th
    assert all(local(plan.sessions[s.id].start, plan.zone).day < 28 for s in before)
    assert all(local(plan.sessions[s.id].start, plan.zone).day >= 28 for s in after)
    undo_batch(demo, batch)  # Ctrl+Z: the group as it was, OLD there every day
    assert new not in operations.get_values(demo, "group", group.id)["member_ids"]
    plan = Snapshot.load(demo)
    assert all(new not in people for people in plan.registered.values())
    assert sum(old in people for people in plan.registered.values()) > len(before)


def test_refusals_say_what_to_do(demo):
    old = person(demo, "Glenda Reyes Núñez")
    with pytest.raises(PlannerError, match="cannot replace themselves"):
        substitute(demo, old, old, DAY)
    new = newcomer(demo, "Marisol", "Quintero Vega")
    hotel = next(s for s in queries.stays(demo) if s.person_id == old)
    if hotel:
        operations.create(
            demo,
            "stay",
            {
                "person_id": new,
                "venue_id": hotel.venue_id,
                "check_in": date(2023, 11, 27),
                "check_out": date(2023, 11, 29),
            },
        )
        with pytest.raises(PlannerError, match="already has a hotel stay"):
            substitute(demo, old, new, DAY)
    assert default_day(demo, today=date(2030, 1, 1)) == date(2023, 11, 25)
    assert default_day(demo, today=date(2023, 11, 28)) == date(2023, 11, 28)


def test_the_command_line_substitutes_says_what_moved_and_refuses_in_words(
    demo_path, tmp_path, capsys
):
    import json

    from planner.cli import main
    from planner.store import open_plan

    store = open_plan(demo_path)
    try:
        newcomer(store, "Marisol", "Quintero Vega")
    finally:
        store.close()
    args = ["substitute", str(demo_path), "Glenda Reyes Núñez", "Marisol Quintero Vega"]
    assert main([*args, "--from", "2023-11-26", "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert set(dry) >= {"moved", "warnings"} and dry["dry_run"] is True
    assert {m["what"] for m in dry["moved"]} >= {"stay", "ride", "facilitating"}
    assert all(set(m) == {"what", "id", "name"} for m in dry["moved"])
    assert main([*args, "--from", "2023-11-26", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["moved"] == dry["moved"] and done["from"] == "2023-11-26"
    assert any("tickets" in w for w in done["warnings"])
    # a second time: OLD is already replaced; the same person twice; a bad date
    assert main([*args, "--from", "2023-11-26"]) == 2
    assert "already" in capsys.readouterr().err
    assert (
        main(["substitute", str(demo_path), "Marisol Quintero Vega", "Marisol Quintero Vega"]) == 2
    )
    with pytest.raises(SystemExit) as bad:
        main([*args, "--from", "26/11/2023"])
    assert bad.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_the_check_says_to_reissue_the_tickets_and_wants_no_bed_for_who_left(demo):
    from planner.rules.conflicts import check

    old = person(demo, "Glenda Reyes Núñez")
    new = newcomer(demo, "Marisol", "Quintero Vega")
    assert check(demo) == []
    substitute(demo, old, new, DAY)
    problems = check(demo)
    assert [p.kind for p in problems] == ["ticket_for_replaced_person"]
    (ticket,) = problems
    assert ticket.severity == "warning"
    assert "Marisol Quintero Vega" in ticket.message and "reissue" in ticket.message
    assert [r.id for r in ticket.people] == [old] and ticket.travel


def test_someone_who_declines_leaves_the_rooming_list_manifests_meals_and_per_diem(demo, tmp_path):
    from planner.rules import budget

    old = person(demo, "Karla Flores Castillo")  # a trainer who lands on the 26th
    before = budget.compute(demo)
    operations.update(demo, "person", old, {"status": "declined", "status_from": DAY})
    rooming = paper(demo, "rooming", tmp_path / "rooming.xlsx")
    manifests = paper(demo, "manifests", tmp_path / "manifests.xlsx")
    assert "Flores Castillo" not in rooming and "Karla Flores Castillo" not in manifests
    after = budget.compute(demo)
    assert f"perdiem:{old}" in before.per_diem_days
    assert f"perdiem:{old}" not in after.per_diem_days  # never came: no per diem
    catering = {x.key: x.amount for x in after.lines if x.category == "catering"}
    assert sum(catering.values()) < sum(x.amount for x in before.lines if x.category == "catering")
    # from a later day: she keeps the nights before it
    operations.update(demo, "person", old, {"status_from": date(2023, 11, 29)})
    rooming = paper(demo, "rooming", tmp_path / "rooming2.xlsx")
    assert "Flores Castillo" in rooming
    after = budget.compute(demo)
    days = after.per_diem_days[f"perdiem:{old}"]
    assert days.paid < before.per_diem_days[f"perdiem:{old}"].paid


def test_the_hotel_caterer_and_transport_company_each_see_what_changed(demo, tmp_path):
    def changes(supplier: str, name: str) -> list[tuple]:
        out = run(demo, "changes", tmp_path / name, Options(supplier=supplier))[0]
        return [r for r in load_workbook(out).active.iter_rows(values_only=True)]

    for paper in ("rooming", "catering", "manifests"):  # what each supplier was sent
        run(demo, paper, tmp_path / f"{paper}.xlsx", Options())
    assert any("Nothing changed" in str(r[0]) for r in changes("hotel", "h0.xlsx"))
    old = person(demo, "Glenda Reyes Núñez")
    new = newcomer(demo, "Marisol", "Quintero Vega")
    substitute(demo, old, new, date(2023, 11, 28))
    hotel = changes("hotel", "h1.xlsx")
    assert ("New", "Marisol Quintero Vega", None, "28/11/2023 – 02/12/2023 · Single") in hotel
    assert ("New check-out", "Glenda Reyes Núñez", "02/12/2023", "28/11/2023") in hotel
    transport = changes("transport", "t1.xlsx")
    moved = [r for r in transport if r[0] == "New passengers"]
    assert moved and all("Marisol Quintero Vega" in r[3] and "Glenda" in r[2] for r in moved)
    # one in another's place: as many plates as before
    assert any("Nothing changed" in str(r[0]) for r in changes("caterer", "c1.xlsx"))
    karla = person(demo, "Karla Flores Castillo")
    operations.update(demo, "person", karla, {"status": "declined", "status_from": DAY})
    fewer = [r for r in changes("caterer", "c2.xlsx") if r[0] == "New head count"]
    assert fewer and all(int(r[3]) == int(r[2]) - 1 for r in fewer)
    # a delegation's changes and a supplier's are asked apart
    with pytest.raises(PlannerError, match="not both"):
        run(demo, "changes", tmp_path / "x.xlsx", Options(supplier="hotel", delegation=1))
    with pytest.raises(PlannerError, match="--supplier applies to the changes export only"):
        run(demo, "rooming", tmp_path / "y.xlsx", Options(supplier="hotel"))


def test_a_trainer_who_declines_gives_no_session_from_their_day(demo, tmp_path):
    glenda = person(demo, "Glenda Reyes Núñez")
    operations.update(
        demo, "person", glenda, {"status": "declined", "status_from": date(2023, 11, 28)}
    )
    plan = Snapshot.load(demo)
    giving = [s for s in plan.sessions.values() if glenda in s.facilitators]
    assert giving and all(local(s.start, plan.zone).day < 28 for s in giving)
    agenda = paper(demo, "agenda", tmp_path / "agenda.xlsx")
    assert "Glenda Reyes Núñez" in agenda  # the 27th's sessions still name her
