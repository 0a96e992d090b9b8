"""The history in the window on a plan file: one item's, from the list's context menu."""

from __future__ import annotations

from planner import operations


def test_one_items_history_from_the_list(window):
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    version = operations.get_values(window.ctrl.store, "person", 1)["version"]
    assert window.ctrl.update("person", 1, {"position": "Comisionado General"}, version)
    panel.select_ids([1], 1)
    panel.show_item_history()
    dialog = window.files.last_history
    rows = [[dialog.cell(r, c) for c in range(5)] for r in range(dialog.proxy.rowCount())]
    assert dialog.windowTitle() == "History of this item"
    assert rows[0][2] == "Edit person" and "Comisionado General" in rows[0][4]
    assert "position or rank" in rows[0][4]
    assert all("Elvin" in r[3] for r in rows)  # only this person
    dialog.close()


def test_the_history_names_a_links_item_not_its_id(window):
    from planner import queries
    from planner.store.history import history

    rooms = queries.rooms(window.ctrl.store)
    session = next(s for s in queries.sessions(window.ctrl.store) if s.title == "Lunch")
    version = operations.get_values(window.ctrl.store, "session", session.id)["version"]
    assert window.ctrl.update("session", session.id, {"room_id": rooms[0].id}, version)
    [entry] = history(window.ctrl.store, "agenda_session", session.id)[:1]
    assert ("room_id", rooms[0].id) in [(f, n) for f, _o, n in entry.changes]  # ids kept
    assert "room: " in entry.summary() and rooms[0].name in entry.summary()


def test_the_export_button_writes_the_filtered_history(window, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog, QPushButton

    version = operations.get_values(window.ctrl.store, "person", 2)["version"]
    assert window.ctrl.update("person", 2, {"position": "Inspectora"}, version)
    window.files.show_history()
    dialog = window.files.last_history
    dialog.filter.setText("inspectora")  # accents and case ignored, as in every list
    assert dialog.proxy.rowCount() == 1
    out = tmp_path / "history.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.findChild(QPushButton, "history_export").click()
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert sum(1 for r in rows if r[3] == "Edit person") == 1
    dialog.close()
