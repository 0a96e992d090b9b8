"""People ▸ Replace With…: the dialog says what the newcomer takes over before anything
changes, replaces in one step, and Edit ▸ Undo takes it all back; the People list shows each
person's status, and the person's form sets one by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner import operations, queries


def person(window, name: str) -> queries.PersonRow:
    return next(p for p in queries.people(window.ctrl.store) if p.name == name)


def test_replace_with_shows_what_moves_replaces_and_undoes(window, qtbot):
    store = window.ctrl.store
    new = window.ctrl.create("person", {"given_name": "Marisol", "family_name": "Quintero Vega"})
    old = person(window, "Glenda Reyes Núñez")
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    panel.refresh()
    panel.select_ids([old.id])
    seen: dict[str, object] = {}

    def use_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen["name"] = dialog.objectName()
        assert not dialog.replace.isEnabled()  # nobody chosen yet
        dialog.new.set_value(new)
        dialog.day.set_value(date(2023, 11, 26))
        dialog.preview()
        seen["moved"] = [dialog.moved.item(i).text() for i in range(dialog.moved.count())]
        seen["notes"] = dialog.notes.text()
        dialog.replace.click()

    replace = next(a for a, _n in panel.tools if a.text() == "Replace With…")
    assert replace.isEnabled()
    QTimer.singleShot(50, use_it)
    replace.trigger()
    assert seen["name"] == "substitute_dialog"
    assert any(line.startswith("Hotel stay: ") for line in seen["moved"])
    assert any(line.startswith("Session (as facilitator): ") for line in seen["moved"])
    assert "tickets" in str(seen["notes"])
    row = person(window, "Glenda Reyes Núñez")
    assert (row.status, row.status_from, row.replaced_by) == (
        "replaced",
        date(2023, 11, 26),
        "Marisol Quintero Vega",
    )
    panel.refresh()
    status = next(i for i, c in enumerate(panel.model.columns) if c.key == "status")
    texts = {panel.model.index(r, status).data() for r in range(panel.model.rowCount())}
    assert "Replaced" in texts
    window.ctrl.undo_stack.undo()
    assert person(window, "Glenda Reyes Núñez").status == "confirmed"
    assert operations.get_values(store, "person", new)["delegation_id"] is None
    window.ctrl.undo_stack.redo()
    assert person(window, "Glenda Reyes Núñez").status == "replaced"


def test_the_form_sets_a_status_and_its_day(window, qtbot):
    old = person(window, "Glenda Reyes Núñez")
    dialog = window.editor.open(window, "person", old.id)
    qtbot.addWidget(dialog)
    assert dialog.field("status").value() == "confirmed"
    assert dialog.field("status_from").value() is None
    assert "Status" in dialog.labels().values()


def test_duty_of_care_has_a_form_of_its_own_that_fits_a_laptop(window, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    old = person(window, "Glenda Reyes Núñez")
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    panel.select_ids([old.id])
    tool = next(a for a, _n in panel.tools if a.text() == "Duty of Care…")
    assert tool.isEnabled()
    before = operations.get_values(window.ctrl.store, "person", old.id)["emergency_name"]
    dialog = window.editor.open(window, "person", old.id, view="duty")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "person_duty_dialog"
    assert dialog.windowTitle() == "Duty of care: Glenda Reyes Núñez"
    assert dialog.sizeHint().width() <= 1366 and dialog.sizeHint().height() <= 728
    dialog.field("emergency_name").set_value("Rosa Núñez")
    dialog.field("emergency_phone").set_value("+507 6000-1234")
    dialog.field("document_kind").set_value("passport")
    dialog.field("document_expiry").set_value(date(2024, 3, 1))
    qtbot.wait(200)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    ok.click()
    values = operations.get_values(window.ctrl.store, "person", old.id)
    assert (values["emergency_name"], values["document_kind"]) == ("Rosa Núñez", "passport")
    assert values["given_name"] == "Glenda"  # the rest of the person untouched
    window.ctrl.undo_stack.undo()
    assert operations.get_values(window.ctrl.store, "person", old.id)["emergency_name"] == before
