"""A person's form saved with their groups: one transaction, one batch to undo and redo."""

from __future__ import annotations

import pytest

from planner import operations, queries
from planner.domain.errors import ConflictError
from planner.operations.people import save_person
from planner.queries.people import memberships
from planner.store.history import history, text_lines


def ids(store) -> dict[str, int]:
    return {g.name: g.id for g in queries.groups(store)}


def trainee_of(store, group: str) -> queries.PersonRow:
    return next(p for p in queries.people(store) if p.groups == group)


def test_a_person_moves_to_another_group_with_a_field_in_one_change(demo):
    groups = ids(demo)
    person = trainee_of(demo, "Group A")
    version, shown = memberships(demo, person.id)
    assert shown == [groups["Group A"]]
    sizes = {g.name: g.size for g in queries.groups(demo)}
    before = len(history(demo))
    batch = save_person(
        demo,
        person.id,
        {"position": "Sergeant"},
        join=[groups["Group B"]],
        leave=[groups["Group A"]],
        expected_version=version,
    )
    assert memberships(demo, person.id)[1] == [groups["Group B"]]
    assert operations.get_values(demo, "person", person.id)["position"] == "Sergeant"
    now = {g.name: g.size for g in queries.groups(demo)}
    assert now["Group A"] == sizes["Group A"] - 1 and now["Group B"] == sizes["Group B"] + 1
    entries = history(demo)
    assert len({e.change_set_id for e in entries[: len(entries) - before]}) == 1  # one change
    lines = "\n".join(text_lines(history(demo, limit=1)))
    assert "Edit person" in lines
    assert f"{person.name} added to the members" in lines
    assert f"{person.name} removed from the members" in lines

    operations.undo_batch(demo, batch)
    assert memberships(demo, person.id)[1] == [groups["Group A"]]
    assert operations.get_values(demo, "person", person.id)["position"] == person.position
    assert {g.name: g.size for g in queries.groups(demo)} == sizes
    operations.redo_batch(demo, batch)
    assert memberships(demo, person.id)[1] == [groups["Group B"]]
    assert operations.get_values(demo, "person", person.id)["position"] == "Sergeant"


def test_a_new_person_joins_groups_and_the_undo_takes_them_away(demo):
    groups = ids(demo)
    batch = save_person(
        demo,
        None,
        {"given_name": "Ana", "family_name": "Nueva"},
        join=[groups["Group B"], groups["Group C"]],
    )
    (new_id,) = batch.created["person"]
    assert memberships(demo, new_id) == (1, sorted([groups["Group B"], groups["Group C"]]))
    operations.undo_batch(demo, batch)
    assert all(p.id != new_id for p in queries.people(demo))
    assert new_id not in operations.get_values(demo, "group", groups["Group B"])["member_ids"]


def test_a_stale_form_or_a_deleted_group_changes_nothing(demo):
    groups = ids(demo)
    person = trainee_of(demo, "Group A")
    version, _shown = memberships(demo, person.id)
    operations.update(demo, "person", person.id, {"notes": "changed elsewhere"}, version)
    with pytest.raises(ConflictError, match="changed elsewhere since you opened it"):
        save_person(demo, person.id, {}, join=[groups["Group B"]], expected_version=version)
    assert memberships(demo, person.id)[1] == [groups["Group A"]]
    operations.delete(demo, "group", [groups["Group C"]])
    with pytest.raises(ConflictError, match="deleted elsewhere"):
        save_person(demo, person.id, {"position": "Corporal"}, join=[groups["Group C"]])
    assert operations.get_values(demo, "person", person.id)["position"] == person.position
