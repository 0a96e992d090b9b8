"""The arrivals board with its transfer proposals, and a person's journey, in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner import operations, queries
from ui.dialogs.journey import ArrivalsDialog, ScheduleDialog


def test_board_lists_the_demo_days_and_proposes_nothing_while_rides_cover_everyone(window, qtbot):
    dialog = ArrivalsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    texts = [dialog.board.topLevelItem(i).text(2) for i in range(dialog.board.topLevelItemCount())]
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
    ride = operations.get_values(store, "ride", dialog.created[0])
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
    assert operations.get_setting(store, "transfer_window_minutes") == 24 * 60
    assert len([p for p in dialog.proposals if p.direction == "arrival"]) == 1


def test_a_persons_journey_shows_flight_transfer_hotel_and_sessions(window, qtbot):
    store = window.ctrl.require()
    head = next(
        p
        for p in queries.people(store)
        if p.role == "head_of_delegation" and p.delegation == "Panama delegation"
    )
    dialog = ScheduleDialog(window.ctrl, window.formats, ("person", head.id), window)
    qtbot.addWidget(dialog)
    lines = dialog.lines()
    assert tuple(dialog.who.currentData()) == ("person", head.id)
    assert "Flight in · Copa Airlines CM 421" in lines[1]
    assert any("Opening ceremony" in line and "Facilitates this session" in line for line in lines)
    assert "Ride · Airport pick-up, CM 421" in lines[2]
    assert "Hotel · Hotel check-in" in lines[3]
    assert any("Session · Opening ceremony" in line for line in lines)
    assert "Flight out" in lines[-1]
    stops = [line for line in lines if "Las Manos border post" in line and "Stop" in line]
    assert stops and not any("Stop · Stop" in line for line in stops)  # said once
    opened = []
    dialog.open_item.connect(lambda kind, item_id: opened.append((kind, item_id)))
    dialog._open(dialog.tree.topLevelItem(1), 0)
    assert opened and opened[0][0] == "travel"


def queries_rides(store):
    with store.reading() as r:
        return r.rows("SELECT id, title FROM ride ORDER BY id")


@pytest.fixture
def opened(monkeypatch):
    """The Export dialogs the File menu opens, shown without blocking the test."""
    from ui.dialogs.export import ExportDialog

    dialogs: list[ExportDialog] = []

    def show(dialog):
        dialogs.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(ExportDialog, "exec", show)
    return dialogs


def write(qtbot, dialog, path):
    dialog.path.setText(str(path))
    assert dialog.start(), dialog.last_message
    qtbot.waitUntil(lambda: not dialog.running(), timeout=15000)


def test_file_menu_exports_manifests_and_the_clearance_list(window, qtbot, tmp_path, opened):
    from openpyxl import load_workbook

    window._actions["export_manifests"].trigger()  # the Export dialog, on the manifests
    dialog = opened[-1]
    assert dialog.kind().name == "manifests"
    assert dialog.path.text().endswith("manifests.xlsx")
    write(qtbot, dialog, tmp_path / "vans.xlsx")
    book = load_workbook(tmp_path / "vans.xlsx")
    assert book.sheetnames == ["Van 1", "Van 2"]
    assert "Written to" in dialog.last_message
    # one site visit: it is the one chosen
    window._actions["export_clearance"].trigger()
    dialog = opened[-1]
    assert dialog.kind().name == "clearance" and dialog.visit.count() == 1
    write(qtbot, dialog, tmp_path / "border.xlsx")
    sheet = load_workbook(tmp_path / "border.xlsx").active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Field tour" in text and "Panama" in text
    # a second visit: the dialog offers both, on the one selected on the Site visits page
    tour = next(s for s in queries.sessions(window.ctrl.store) if s.kind == "site_visit")
    values = operations.get_values(window.ctrl.store, "session", tour.id)
    second = window.ctrl.create(
        "session",
        {**{k: values[k] for k in ("kind", "start", "end", "audience")}, "title": "Second visit"},
    )
    window.show_page("site_visits")
    window.pages["site_visits"].panels[0].refresh()
    window.pages["site_visits"].panels[0].select_ids([second])
    window._actions["export_clearance"].trigger()
    dialog = opened[-1]
    assert dialog.visit.count() == 2 and dialog.options().visit == second


def test_exporting_manifests_of_a_plan_without_rides_says_what_to_do(
    window, qtbot, tmp_path, opened
):
    store = window.ctrl.require()
    window.ctrl.delete("ride", [r[0] for r in queries_rides(store)])
    window._actions["export_manifests"].trigger()
    write(qtbot, opened[-1], tmp_path / "none.xlsx")
    assert "no rides yet" in opened[-1].last_message
    assert not (tmp_path / "none.xlsx").exists()
