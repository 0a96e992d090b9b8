"""The history in the window on a plan file: one item's, from the list's context menu."""

from __future__ import annotations

from planner import ops


def test_one_items_history_from_the_list(window):
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    version = ops.get_values(window.ctrl.store, "person", 1)["version"]
    assert window.ctrl.update("person", 1, {"position": "Comisionado General"}, version)
    panel.select_ids([1], 1)
    panel.show_item_history()
    dialog = window.last_history
    rows = [[dialog.table.item(r, c).text() for c in range(5)]
            for r in range(dialog.table.rowCount())]
    assert dialog.windowTitle() == "History of this item"
    assert rows[0][2] == "Edit person" and "Comisionado General" in rows[0][4]
    assert "position or rank" in rows[0][4]
    assert all("Elvin" in r[3] for r in rows)  # only this person
    dialog.close()
