"""The person's form shows and changes the groups they belong to, saved with the rest of the
form as one step to undo."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from planner import operations, queries


def groups(window) -> dict[str, int]:
    return {g.name: g.id for g in queries.groups(window.ctrl.store)}


def person(window, person_id: int) -> queries.PersonRow:
    return next(p for p in queries.people(window.ctrl.store) if p.id == person_id)


def save(qtbot, dialog) -> None:
    qtbot.wait(200)  # the form checks its values 150 ms after the last change
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    ok.click()


def test_the_form_shows_the_persons_groups(window, qtbot):
    ids = groups(window)
    trainee = next(p for p in queries.people(window.ctrl.store) if p.groups == "Group A")
    dialog = window.editor.open(window, "person", trainee.id)
    qtbot.addWidget(dialog)
    assert dialog.field("group_ids").value() == [ids["Group A"]]
    assert "Groups" in dialog.labels().values()
    outside = next(p for p in queries.people(window.ctrl.store) if not p.groups)
    other = window.editor.open(window, "person", outside.id)
    qtbot.addWidget(other)
    assert other.field("group_ids").value() == []


def test_changing_the_groups_saves_with_the_form_and_one_undo_takes_it_all_back(window, qtbot):
    ids = groups(window)
    trainee = next(p for p in queries.people(window.ctrl.store) if p.groups == "Group A")
    dialog = window.editor.open(window, "person", trainee.id)
    qtbot.addWidget(dialog)
    dialog.field("group_ids").set_value([ids["Group B"]])
    dialog.field("position").setText("Logistics trainee")
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    moved = person(window, trainee.id)
    assert (moved.groups, moved.position) == ("Group B", "Logistics trainee")
    assert window.ctrl.undo_stack.count() == 1
    assert window.ctrl.undo_stack.undoText() == "Edit person"

    window.ctrl.undo_stack.undo()
    back = person(window, trainee.id)
    assert (back.groups, back.position) == ("Group A", trainee.position)
    window.ctrl.undo_stack.redo()
    assert person(window, trainee.id).groups == "Group B"


def test_a_new_person_is_added_in_their_groups_as_one_step(window, qtbot):
    ids = groups(window)
    before = len(queries.people(window.ctrl.store))
    dialog = window.editor.open(window, "person")
    qtbot.addWidget(dialog)
    dialog.field("given_name").setText("Ana")
    dialog.field("family_name").setText("Nueva")
    dialog.field("group_ids").set_value([ids["Group B"], ids["Group C"]])
    save(qtbot, dialog)
    assert dialog.created_id is not None
    assert person(window, dialog.created_id).groups == "Group B, Group C"
    assert window.ctrl.undo_stack.undoText() == "Add person"
    window.ctrl.undo_stack.undo()
    assert len(queries.people(window.ctrl.store)) == before


def test_a_form_that_leaves_the_groups_alone_saves_as_before(window, qtbot):
    trainee = next(p for p in queries.people(window.ctrl.store) if p.groups == "Group A")
    dialog = window.editor.open(window, "person", trainee.id)
    qtbot.addWidget(dialog)
    dialog.field("position").setText("Inspector")
    qtbot.wait(200)
    assert dialog.changed_values() == {"position": "Inspector"}
    save(qtbot, dialog)
    assert operations.get_values(window.ctrl.store, "person", trainee.id)["position"] == "Inspector"
    assert person(window, trainee.id).groups == "Group A"
    window.ctrl.undo_stack.undo()
    assert person(window, trainee.id).position == trainee.position
