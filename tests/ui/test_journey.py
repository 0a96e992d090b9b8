"""The arrivals board with its transfer proposals, and a person's journey, in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner import ops, queries
from ui.dialogs.journey import ArrivalsDialog, ScheduleDialog


def test_board_lists_the_demo_days_and_proposes_nothing_while_rides_cover_everyone(window,
                                                                                  qtbot):
    dialog = ArrivalsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    texts = [dialog.board.topLevelItem(i).text(2)
             for i in range(dialog.board.topLevelItemCount())]
    assert texts.count("Copa Airlines CM 421") == 1 and "Copa Airlines CM 422" in texts
    assert dialog.proposals == [] and not dialog.create_button.isEnabled()


def test_removing_a_pick_up_proposes_it_again_and_creating_it_undoes(window, qtbot):
    store = window.ctrl.require()
    pick_up = next(r for r in queries_rides(store) if r[1].startswith("Airport pick-up, CM 421"))
    window.ctrl.delete("ride", [pick_up[0]])
    dialog = ArrivalsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.proposals) == 1
    proposal = dialog.proposals[0]
    assert proposal.flights == ["CM 421"] and len(proposal.person_ids) == 5
    assert proposal.vehicle  # a van is free then
    # unchecked proposals are not created
    dialog.proposal_table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.create_button.isEnabled()
    dialog.proposal_table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    dialog.create_rides()
    assert len(dialog.created) == 1
    ride = ops.get_values(store, "ride", dialog.created[0])
    assert ride["title"] == "Airport pick-up: CM 421" and len(ride["passengers"]) == 5
    assert dialog.proposals == []  # the board refreshed
    window.ctrl.undo_stack.undo()
    assert len(dialog.proposals) == 1
    window.ctrl.undo_stack.redo()
    assert dialog.proposals == []


def test_the_window_setting_regroups_arrivals_and_is_kept_with_the_plan(window, qtbot):
    store = window.ctrl.require()
    for ride_id, _title in queries_rides(store):
        window.ctrl.delete("ride", [ride_id])
    dialog = ArrivalsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    arrivals = [p for p in dialog.proposals if p.direction == "arrival"]
    assert len(arrivals) == 2  # 25 and 26 Nov are a day apart
    dialog.window_spin.setValue(24 * 60)
    assert ops.get_setting(store, "transfer_window_minutes") == 24 * 60
    assert len([p for p in dialog.proposals if p.direction == "arrival"]) == 1


def test_a_persons_journey_shows_flight_transfer_hotel_and_sessions(window, qtbot):
    store = window.ctrl.require()
    head = next(p for p in queries.people(store) if p.role == "head_of_delegation"
                and p.delegation == "Panama delegation")
    dialog = ScheduleDialog(window.ctrl, window.formats, ("person", head.id), window)
    qtbot.addWidget(dialog)
    lines = dialog.lines()
    assert tuple(dialog.who.currentData()) == ("person", head.id)
    assert "Flight in · Copa Airlines CM 421" in lines[1]
    assert any("Opening ceremony" in line and "facilitating" in line for line in lines)
    assert "Ride · Airport pick-up, CM 421" in lines[2]
    assert "Hotel · Hotel check-in" in lines[3]
    assert any("Session · Opening ceremony" in line for line in lines)
    assert "Flight out" in lines[-1]
    opened = []
    dialog.open_item.connect(lambda kind, item_id: opened.append((kind, item_id)))
    dialog._open(dialog.tree.topLevelItem(1), 0)
    assert opened and opened[0][0] == "travel"


def queries_rides(store):
    with store.reading() as r:
        return r.rows("SELECT id, title FROM ride ORDER BY id")


def test_file_menu_exports_manifests_and_the_clearance_list(window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    where = {"manifests": tmp_path / "vans", "clearance": tmp_path / "border.xlsx"}
    asked: list[str] = []

    def save_as(_parent, title, suggestion, _filter):
        asked.append(suggestion)
        return str(where["manifests" if "manifest" in title else "clearance"]), ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", save_as)
    window._actions["export_manifests"].trigger()
    book = load_workbook(tmp_path / "vans.xlsx")  # the extension is added
    assert book.sheetnames == ["Van 1", "Van 2"]
    assert asked[0].endswith("manifests.xlsx")
    assert "written to" in window.statusBar().currentMessage()
    # one site visit: no question asked
    window._actions["export_clearance"].trigger()
    sheet = load_workbook(where["clearance"]).active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Field tour" in text and "Panama" in text
    # a second visit: the window asks which, and a cancel writes nothing
    tour = next(s for s in queries.sessions(window.ctrl.store) if s.kind == "site_visit")
    values = ops.get_values(window.ctrl.store, "session", tour.id)
    window.ctrl.create("session", {**{k: values[k] for k in ("kind", "start", "end", "audience")},
                                   "title": "Second visit"})
    where["clearance"].unlink()
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem",
                        lambda *a, **k: ("", False))
    window._actions["export_clearance"].trigger()
    assert not where["clearance"].exists()


def test_exporting_manifests_of_a_plan_without_rides_says_what_to_do(window, monkeypatch,
                                                                       tmp_path):
    store = window.ctrl.require()
    window.ctrl.delete("ride", [r[0] for r in queries_rides(store)])
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a: (str(tmp_path / "none.xlsx"), ""))
    window._actions["export_manifests"].trigger()
    assert "no rides yet" in window.last_error
    assert not (tmp_path / "none.xlsx").exists()
