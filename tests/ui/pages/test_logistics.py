"""The Travel, Accommodation, Site visits and Vehicles pages and the Places page's road times:
add through the editor, see it listed, edit, undo and redo, delete with its impact, and the
core's validation shown in the dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner import operations, queries
from tests.conftest import PLAN_VALUES
from ui.models.table import ROW_ROLE
from ui.shell.main_window import MainWindow
from ui.translation import install

TZ = ZoneInfo("America/Tegucigalpa")
PANAMA = ZoneInfo("America/Panama")


@pytest.fixture
def ids(tmp_path: Path) -> dict[str, Any]:
    """A small plan with what logistics needs: people, a hotel, an airport, a site, a visit."""
    path = tmp_path / "logistics.dplan"
    store = operations.new_plan(path, dict(PLAN_VALUES))
    try:
        made: dict[str, Any] = {"path": path}
        made["delegation"] = operations.create(
            store, "delegation", {"name": "Panama delegation"}
        ).id
        made["ana"] = operations.create(
            store,
            "person",
            {"given_name": "Ana", "family_name": "Ruiz", "delegation_id": made["delegation"]},
        ).id
        made["luis"] = operations.create(
            store,
            "person",
            {"given_name": "Luis", "family_name": "Paz", "delegation_id": made["delegation"]},
        ).id
        made["driver"] = operations.create(
            store, "person", {"given_name": "Víctor", "family_name": "Bonilla", "role": "driver"}
        ).id
        made["airport"] = operations.create(
            store,
            "venue",
            {
                "name": "Toncontín",
                "kind": "airport",
                "code": "TGU",
                "timezone": "America/Tegucigalpa",
            },
        ).id
        made["hotel"] = operations.create(
            store, "venue", {"name": "Hotel Plaza", "kind": "hotel"}
        ).id
        made["site"] = operations.create(
            store,
            "venue",
            {"name": "Las Manos", "kind": "site", "opens": "06:00", "closes": "18:00"},
        ).id
        operations.update(store, "plan", 1, {"arrival_airport_id": made["airport"]})
        made["visit"] = operations.create(
            store,
            "session",
            {
                "title": "Visit to Las Manos",
                "kind": "site_visit",
                "start": datetime(2023, 12, 1, 6, 30, tzinfo=TZ),
                "end": datetime(2023, 12, 1, 17, tzinfo=TZ),
                "audience": [("delegation", made["delegation"])],
            },
        ).id
    finally:
        store.close()
    return made


@pytest.fixture
def win(qtbot, settings, ids) -> Iterator[MainWindow]:
    install("en")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.files.open_path(ids["path"]), window.last_error
    yield window
    window.ctrl.close()


def ok_button(dialog):
    return dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)


def rows(panel) -> list[Any]:
    return [panel.proxy.index(r, 0).data(ROW_ROLE) for r in range(panel.proxy.rowCount())]


def row_of(panel, item_id: int) -> Any:
    return next(r for r in panel.model.rows() if r.id == item_id)


def add_through(panel, fill: Callable[[Any], None]) -> int:
    """Add… on a list: the dialog opens (modal), ``fill`` sets its fields, OK adds."""
    seen: dict[str, Any] = {}

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        try:
            fill(dialog)
            dialog._timer.stop()
            dialog.check()
            seen["errors"] = {k: e.text() for k, e in dialog._errors.items() if e.text()}
            if ok_button(dialog).isEnabled():
                ok_button(dialog).click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, run)
    panel.add_item()
    assert seen.get("errors") == {}, seen.get("errors")
    new_id = seen["dialog"].created_id
    assert new_id is not None
    assert panel.selected_ids() == [new_id]  # the new item is shown and selected
    return new_id


def edit(qtbot, win, kind: str, item_id: int, change: Callable[[Any], None]) -> None:
    dialog = win.editor.open(win, kind, item_id)
    qtbot.addWidget(dialog)
    change(dialog)
    dialog._timer.stop()
    assert dialog.check(), {k: e.text() for k, e in dialog._errors.items() if e.text()}
    ok_button(dialog).click()


def error_of(
    qtbot,
    win,
    kind: str,
    item_id: int | None,
    change: Callable[[Any], None],
    field: str,
    preset: dict[str, Any] | None = None,
) -> str:
    """The message the dialog shows under ``field`` after ``change``; OK is then disabled."""
    dialog = win.editor.open(win, kind, item_id, preset)
    qtbot.addWidget(dialog)
    change(dialog)
    qtbot.wait(200)  # validated 150 ms after the last edit
    assert not ok_button(dialog).isEnabled()
    text = dialog._errors[field].text()
    dialog.reject()
    return text


def delete(panel, monkeypatch, item_ids: list[int]) -> dict[str, str]:
    asked: dict[str, str] = {}

    def confirm(question: str, details: str) -> bool:
        asked["question"], asked["details"] = question, details
        return True

    monkeypatch.setattr(panel, "confirm_delete", confirm)
    panel.select_ids(item_ids)
    panel.view.setFocus()
    panel.delete_items()
    return asked


def undo(win) -> None:
    win._actions["undo"].trigger()


def redo(win) -> None:
    win._actions["redo"].trigger()


def test_the_new_pages_are_in_the_navigation(win):
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert titles[-5:] == ["Travel", "Accommodation", "Site visits", "Vehicles", "Budget"]
    assert "Places & rooms" in titles
    for name in ("travel", "accommodation", "site_visits", "vehicles"):
        win.show_page(name)
        assert win.current_page() is win.pages[name]


def test_travel_add_edit_undo_redo_delete(win, qtbot, ids, monkeypatch):
    win.show_page("travel")
    panel = win.pages["travel"].panels[0]
    assert rows(panel) == []

    def fill(dialog):
        assert dialog.field("place_id").value() == ids["airport"]  # the plan's arrival airport
        assert dialog.field("direction").value() == "arrival"
        assert dialog.field("departs_at").value() is None  # not known yet
        dialog.field("person_id").set_value(ids["ana"])
        dialog.field("carrier").setText("Copa Airlines")
        dialog.field("number").setText("cm 421")
        dialog.field("from_place").setText("Panama City (PTY)")
        dialog.field("departs_tz").set_value("America/Panama")
        dialog.field("departs_at").set_value(datetime(2023, 11, 25, 12, 0, tzinfo=PANAMA))
        dialog.field("arrives_at").set_value(datetime(2023, 11, 25, 13, 5, tzinfo=TZ))

    new_id = add_through(panel, fill)
    row = row_of(panel, new_id)
    assert (row.person, row.flight, row.other_end) == (
        "Ana Ruiz",
        "Copa Airlines CM 421",
        "Panama City (PTY)",
    )
    assert row.place == "Toncontín (TGU)"
    assert row.at == datetime(2023, 11, 25, 13, 5, tzinfo=TZ) and row.at.tzinfo == TZ
    assert row.departs.utcoffset() == timedelta(hours=-5)  # shown as on the ticket
    texts = {c.key: c.text(row) for c in panel.model.columns}
    assert (texts["direction"], texts["time"]) == ("Arrival", "13:05")

    edit(qtbot, win, "travel", new_id, lambda d: d.field("number").setText("CM 247"))
    assert row_of(panel, new_id).number == "CM 247"
    undo(win)
    assert row_of(panel, new_id).number == "CM 421"
    redo(win)
    assert row_of(panel, new_id).number == "CM 247"

    # the person's name comes from the person: a change there shows here
    win.ctrl.update("person", ids["ana"], {"given_name": "Ana María"})
    assert row_of(panel, new_id).person == "Ana María Ruiz"

    asked = delete(panel, monkeypatch, [new_id])
    assert asked["question"] == "Delete the journey “Ana María Ruiz — Copa Airlines CM 247”?"
    assert rows(panel) == []
    undo(win)
    assert [r.id for r in rows(panel)] == [new_id]


def test_travel_validation_and_time_zones(win, qtbot, ids):
    def arrives_first(dialog):
        dialog.field("person_id").set_value(ids["ana"])
        dialog.field("departs_tz").set_value("America/Panama")
        dialog.field("departs_at").set_value(datetime(2023, 11, 25, 15, 0, tzinfo=PANAMA))
        dialog.field("arrives_at").set_value(datetime(2023, 11, 25, 13, 5, tzinfo=TZ))

    assert "must arrive after it departs" in error_of(
        qtbot, win, "travel", None, arrives_first, "arrives_at"
    )
    assert "Choose who travels" in error_of(qtbot, win, "travel", None, lambda d: None, "person_id")

    dialog = win.editor.open(win, "travel", None)
    qtbot.addWidget(dialog)
    departs = dialog.field("departs_at")
    departs.set_known(True)
    departs.set_value(datetime(2023, 11, 25, 12, 0, tzinfo=TZ))
    dialog.field("departs_tz").set_value("America/Panama")  # corrects the ticket's zone
    assert departs.value() == datetime(2023, 11, 25, 12, 0, tzinfo=PANAMA)
    # a departure needs the time it leaves: switching direction ticks it
    dialog.field("departs_at").set_value(None)
    dialog.field("direction").set_value("departure")
    assert dialog.field("departs_at").value() is not None
    dialog.reject()


def test_accommodation_blocks_and_stays(win, qtbot, ids, monkeypatch):
    win.show_page("accommodation")
    blocks, stays = win.pages["accommodation"].panels

    def fill_block(dialog):
        assert dialog.field("venue_id").value() == ids["hotel"]  # the plan's only hotel
        assert dialog.field("check_in").value() == date(2023, 11, 25)
        dialog.field("room_type").setText("Single")
        dialog.field("rooms").setValue(3)
        dialog.field("nightly_rate").setText("85,50")

    block_id = add_through(blocks, fill_block)
    assert operations.get_values(win.ctrl.store, "room_block", block_id)["nightly_rate"] == Decimal(
        "85.50"
    )
    block = row_of(blocks, block_id)
    assert (block.nights, block.total) == (7, Decimal("1795.50"))
    assert {c.key: c.text(block) for c in blocks.model.columns}["total"] == "1,795.50 USD"

    # with the block selected, a new stay is in it, with its dates and room type
    blocks.select_ids([block_id], block_id)

    def fill_stay(dialog):
        assert dialog.field("block_id").value() == block_id
        assert dialog.field("room_type").value() == "Single"
        dialog.field("person_id").set_value(ids["ana"])
        dialog.field("check_in").set_value(date(2023, 11, 26))
        dialog.field("sharing_with_id").set_value(ids["luis"])

    stay_id = add_through(stays, fill_stay)
    stay = row_of(stays, stay_id)
    assert (stay.person, stay.hotel, stay.nights, stay.sharing_with) == (
        "Ana Ruiz",
        "Hotel Plaza",
        6,
        "Luis Paz",
    )
    assert row_of(blocks, block_id).stays == 1

    edit(qtbot, win, "stay", stay_id, lambda d: d.field("check_out").set_value(date(2023, 12, 1)))
    assert row_of(stays, stay_id).nights == 5
    undo(win)
    assert row_of(stays, stay_id).nights == 6
    redo(win)
    assert row_of(stays, stay_id).nights == 5

    def out_before_in(dialog):
        dialog.field("check_out").set_value(date(2023, 11, 24))

    assert "Check-out must be at least one day after check-in" in error_of(
        qtbot, win, "stay", stay_id, out_before_in, "check_out"
    )
    assert "amount such as 85.50" in error_of(
        qtbot,
        win,
        "room_block",
        block_id,
        lambda d: d.field("nightly_rate").setText("cheap"),
        "nightly_rate",
    )

    # deleting the block keeps the stay, out of the block
    asked = delete(blocks, monkeypatch, [block_id])
    assert "1 hotel stay leaves its room block" in asked["details"]
    assert rows(blocks) == [] and row_of(stays, stay_id).block_id is None
    undo(win)
    assert row_of(stays, stay_id).block_id == block_id
    delete(stays, monkeypatch, [stay_id])
    assert row_of(blocks, block_id).stays == 0


def test_site_visits_stops_and_their_rides(win, qtbot, ids, monkeypatch):
    win.show_page("site_visits")
    visits, stops, rides = win.pages["site_visits"].panels
    visit = row_of(visits, ids["visit"])
    assert (visit.title, visit.stops, visit.audience_size) == ("Visit to Las Manos", 0, 2)
    visits.select_ids([ids["visit"]], ids["visit"])

    def fill_stop(dialog):
        assert dialog.field("session_id").value() == ids["visit"]
        assert dialog.field("position").value() == 1
        assert dialog.field("arrives_at").value() == datetime(2023, 12, 1, 6, 30, tzinfo=TZ)
        dialog.field("venue_id").set_value(ids["site"])
        dialog.field("arrives_at").set_value(datetime(2023, 12, 1, 9, 15, tzinfo=TZ))
        dialog.field("leaves_at").set_value(datetime(2023, 12, 1, 11, 0, tzinfo=TZ))
        dialog.field("host_name").setText("Insp. Paz")
        dialog.field("clearance").set_value("requested")

    stop_id = add_through(stops, fill_stop)
    stop = row_of(stops, stop_id)
    assert (stop.place, stop.position, stop.clearance) == ("Las Manos", 1, "requested")
    assert row_of(visits, ids["visit"]).clearances == (("requested", 1),)
    assert "Requested: 1" in visits.model.columns[6].text(row_of(visits, ids["visit"]))

    def fill_second(dialog):  # the next stop comes next, after the first one
        assert dialog.field("position").value() == 2
        assert dialog.field("arrives_at").value() == datetime(2023, 12, 1, 11, 0, tzinfo=TZ)
        dialog.field("venue_id").set_value(ids["hotel"])

    second = add_through(stops, fill_second)
    assert row_of(visits, ids["visit"]).route == "Las Manos → Hotel Plaza"

    edit(qtbot, win, "stop", stop_id, lambda d: d.field("clearance").set_value("confirmed"))
    assert row_of(stops, stop_id).clearance == "confirmed"
    undo(win)
    assert row_of(stops, stop_id).clearance == "requested"
    redo(win)
    assert row_of(stops, stop_id).clearance == "confirmed"

    def leaves_first(dialog):
        dialog.field("leaves_at").set_value(datetime(2023, 12, 1, 8, 0, tzinfo=TZ))

    assert "leave a stop after it arrives" in error_of(
        qtbot, win, "stop", stop_id, leaves_first, "leaves_at"
    )

    # a ride of the visit takes the visit's people by default
    def fill_ride(dialog):
        assert dialog.field("session_id").value() == ids["visit"]
        assert dialog.field("passengers").value() == [("delegation", ids["delegation"])]
        dialog.field("title").setText("Hotel → Las Manos")
        dialog.field("from_id").set_value(ids["hotel"])
        dialog.field("to_id").set_value(ids["site"])

    ride_id = add_through(rides, fill_ride)
    ride = row_of(rides, ride_id)
    assert (ride.visit, ride.passengers, ride.passenger_count) == (
        "Visit to Las Manos",
        "Panama delegation",
        2,
    )
    assert row_of(visits, ids["visit"]).rides == 1

    # the visit's stops and rides follow the selection; none selected shows every visit's
    visits.select_ids([])
    assert {r.id for r in rows(stops)} == {stop_id, second}

    asked = delete(stops, monkeypatch, [stop_id, second])
    assert asked["question"] == "Delete 2 stops?"
    assert row_of(visits, ids["visit"]).stops == 0
    undo(win)
    assert row_of(visits, ids["visit"]).stops == 2

    # deleting the visit takes its stops and rides with it
    asked = delete(visits, monkeypatch, [ids["visit"]])
    assert asked["question"] == "Delete the site visit “Visit to Las Manos”?"
    assert "2 stops of site visits" in asked["details"] and "1 ride" in asked["details"]
    assert rows(visits) == [] and rows(stops) == [] and rows(rides) == []
    undo(win)
    assert len(rows(stops)) == 2 and len(rows(rides)) == 1


def test_a_new_site_visit_is_a_session_of_that_kind(win, qtbot):
    win.show_page("site_visits")
    visits = win.pages["site_visits"].panels[0]

    def fill(dialog):
        assert dialog.windowTitle() == "New site visit"
        assert dialog.field("kind").value() == "site_visit"
        dialog.field("title").setText("Visit to CAMI Danlí")

    new_id = add_through(visits, fill)
    assert operations.get_values(win.ctrl.store, "session", new_id)["kind"] == "site_visit"
    assert row_of(visits, new_id).stops == 0


def test_vehicles_and_their_rides(win, qtbot, ids, monkeypatch):
    win.show_page("vehicles")
    vehicles, rides = win.pages["vehicles"].panels

    def fill_vehicle(dialog):
        dialog.field("name").setText("Van 1")
        dialog.field("seats").setValue(1)
        dialog.field("driver_id").set_value(ids["driver"])
        dialog.field("day_rate").setText("120.00")

    van = add_through(vehicles, fill_vehicle)
    row = row_of(vehicles, van)
    assert (row.driver, row.day_rate, row.rides) == ("Víctor Bonilla", Decimal("120.00"), 0)
    assert isinstance(operations.get_values(win.ctrl.store, "vehicle", van)["day_rate"], Decimal)

    vehicles.select_ids([van], van)

    def fill_ride(dialog):
        assert dialog.field("vehicle_id").value() == van
        dialog.field("title").setText("Airport pick-up, CM 421")
        dialog.field("start").set_value(datetime(2023, 11, 25, 13, 35, tzinfo=TZ))
        dialog.field("from_id").set_value(ids["airport"])
        dialog.field("to_id").set_value(ids["hotel"])
        dialog.field("passengers").set_value([("person", ids["ana"]), ("person", ids["luis"])])
        assert dialog.field("passengers")._count.text().endswith("for 1 seats")

    ride_id = add_through(rides, fill_ride)
    ride = row_of(rides, ride_id)
    assert (ride.vehicle, ride.passenger_count, ride.overfull) == ("Van 1", 2, True)
    assert ride.end - ride.start == timedelta(hours=1)
    assert row_of(vehicles, van).rides == 1

    edit(qtbot, win, "vehicle", van, lambda d: d.field("seats").setValue(12))
    assert not row_of(rides, ride_id).overfull  # the rides list shows the vehicle's seats
    undo(win)
    assert row_of(rides, ride_id).overfull
    redo(win)
    assert row_of(vehicles, van).seats == 12

    def ends_first(dialog):
        start = dialog.field("start").value()
        dialog.field("end").set_value(start - timedelta(minutes=30))

    assert "must end after it starts" in error_of(qtbot, win, "ride", ride_id, ends_first, "end")
    assert "already used" in error_of(
        qtbot, win, "vehicle", None, lambda d: d.field("name").setText("van 1"), "name"
    )

    # with no vehicle selected every ride shows; selecting the vehicle keeps only its own
    other = win.ctrl.create(
        "ride",
        {
            "title": "Spare",
            "start": datetime(2023, 11, 26, 9, tzinfo=TZ),
            "end": datetime(2023, 11, 26, 10, tzinfo=TZ),
        },
    )
    assert [r.id for r in rows(rides)] == [ride_id]
    vehicles.select_ids([])
    assert {r.id for r in rows(rides)} == {ride_id, other}

    asked = delete(vehicles, monkeypatch, [van])
    assert "1 ride loses its vehicle" in asked["details"]
    assert row_of(rides, ride_id).vehicle == ""
    undo(win)
    assert row_of(rides, ride_id).vehicle == "Van 1"
    monkeypatch.setattr(rides, "confirm_delete", lambda q, d: True)
    rides.select_ids([other])
    qtbot.keyClick(rides.view, Qt.Key.Key_Delete)  # the keyboard deletes too (confirmed)
    assert other not in {r.id for r in rows(rides)}


def test_places_road_times_and_the_new_venue_fields(win, qtbot, ids, monkeypatch):
    win.show_page("venues")
    places, _rooms, roads = win.pages["venues"].panels
    assert places.title == "Places" and roads.title == "Road times"
    hotel = row_of(places, ids["hotel"])
    assert {c.key: c.text(hotel) for c in places.model.columns}["kind"] == "Hotel"
    places.select_ids([ids["hotel"]], ids["hotel"])

    def fill(dialog):
        assert dialog.field("from_id").value() == ids["hotel"]
        dialog.field("to_id").set_value(ids["site"])
        dialog.field("minutes").setValue(165)
        dialog.field("distance_km").setValue(122)

    road = add_through(roads, fill)
    row = row_of(roads, road)
    assert (row.from_name, row.to_name, row.minutes, row.distance_km) == (
        "Hotel Plaza",
        "Las Manos",
        165,
        122,
    )
    assert {c.key: c.text(row) for c in roads.model.columns}["minutes"] == "2 h 45 min"
    places.select_ids([ids["airport"]], ids["airport"])
    assert rows(roads) == []  # only the selected place's road times
    assert "No road times" in roads.empty_hint.text()

    edit(qtbot, win, "road_time", road, lambda d: d.field("distance_km").setValue(0))
    assert row_of(roads, road).distance_km is None  # 0 reads 'not known'
    undo(win)
    assert row_of(roads, road).distance_km == 122

    assert "two different places" in error_of(
        qtbot, win, "road_time", road, lambda d: d.field("to_id").set_value(ids["hotel"]), "to_id"
    )

    # a place's kind, code, zone, coordinates and opening hours
    def change(dialog):
        dialog.field("kind").set_value("site")
        dialog.field("latitude").setText("13,77")
        dialog.field("opens").setText("07:00")
        dialog.field("closes").setText("16:30")

    edit(qtbot, win, "venue", ids["hotel"], change)
    values = operations.get_values(win.ctrl.store, "venue", ids["hotel"])
    assert (values["kind"], values["latitude"], values["opens"]) == ("site", 13.77, "07:00")
    assert row_of(places, ids["hotel"]).closes == "16:30"
    undo(win)
    assert row_of(places, ids["hotel"]).kind == "hotel"
    assert "both the opening and the closing time" in error_of(
        qtbot, win, "venue", ids["hotel"], lambda d: d.field("opens").setText("07:00"), "closes"
    )

    places.select_ids([])  # every road time shows again
    asked = delete(roads, monkeypatch, [road])
    assert asked["question"] == "Delete the road time “Hotel Plaza ↔ Las Manos”?"
    assert rows(roads) == []


def test_the_plan_details_choose_the_arrival_airport(win, qtbot, ids):
    dialogs = win.files.plan_dialogs
    store = win.ctrl.store
    other = win.ctrl.create("venue", {"name": "Palmerola", "kind": "airport", "code": "XPL"})

    def run():
        dialog = dialogs.last_dialog
        try:
            assert dialog.field("arrival_airport_id").value() == ids["airport"]
            dialog.field("arrival_airport_id").set_value(other)
            dialog._timer.stop()
            dialog.check()
            ok_button(dialog).click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, run)
    win.files.edit_plan_details()
    assert operations.plan_values(store)["arrival_airport_id"] == other
    dialog = win.editor.open(win, "travel", None)
    qtbot.addWidget(dialog)
    assert dialog.field("place_id").value() == other
    dialog.reject()
    undo(win)
    assert operations.plan_values(store)["arrival_airport_id"] == ids["airport"]


@pytest.mark.parametrize("page", ["travel", "accommodation", "site_visits", "vehicles", "venues"])
def test_the_lists_pass_the_model_tester(win, qtmodeltester, page, ids):
    store = win.ctrl.store
    block = operations.create(
        store,
        "room_block",
        {"venue_id": ids["hotel"], "check_in": date(2023, 11, 25), "check_out": date(2023, 12, 2)},
    )
    operations.create(
        store,
        "stay",
        {
            "person_id": ids["ana"],
            "venue_id": ids["hotel"],
            "block_id": block.id,
            "check_in": date(2023, 11, 25),
            "check_out": date(2023, 12, 2),
        },
    )
    operations.create(
        store,
        "travel",
        {
            "person_id": ids["ana"],
            "direction": "departure",
            "departs_at": datetime(2023, 12, 2, 14, tzinfo=TZ),
        },
    )
    operations.create(
        store,
        "stop",
        {
            "session_id": ids["visit"],
            "venue_id": ids["site"],
            "arrives_at": datetime(2023, 12, 1, 9, tzinfo=TZ),
        },
    )
    van = operations.create(store, "vehicle", {"name": "Van 1"}).id
    operations.create(
        store,
        "ride",
        {
            "vehicle_id": van,
            "session_id": ids["visit"],
            "start": datetime(2023, 12, 1, 7, tzinfo=TZ),
            "end": datetime(2023, 12, 1, 9, tzinfo=TZ),
            "passengers": [("delegation", ids["delegation"])],
        },
    )
    operations.create(
        store, "road_time", {"from_id": ids["hotel"], "to_id": ids["site"], "minutes": 90}
    )
    operations.create(
        store, "room", {"venue_id": ids["hotel"], "name": "Salón Maya", "capacity": 40}
    )
    win.show_page(page)
    for panel in win.pages[page].panels:
        panel.refresh()
        assert panel.model.rowCount() > 0, panel.name
        for column in panel.model.columns:  # every cell and sort key can be computed
            for row in panel.model.rows():
                column.text(row)
                if column.sort is not None:
                    column.sort(row)
        qtmodeltester.check(panel.model, force_py=True)
        qtmodeltester.check(panel.proxy, force_py=True)


def test_the_row_loaders_read_the_demo(demo):
    """The demo's flights, hotel, field tour and vans load (counts may grow with the demo)."""
    travels = queries.travels(demo)
    assert travels and all(t.at is not None for t in travels)
    assert all(r.start < r.end for r in queries.rides(demo))
    visits = queries.site_visits(demo)
    assert visits and all(
        v.stops == len([s for s in queries.stops(demo) if s.session_id == v.id]) for v in visits
    )
    assert queries.vehicles(demo) and queries.room_blocks(demo) and queries.stays(demo)


def test_journey_and_arrivals_open_from_the_lists_and_the_plan_menu(win, ids):
    trip = win.ctrl.create(
        "travel",
        {
            "person_id": ids["luis"],
            "direction": "arrival",
            "arrives_at": datetime(2023, 11, 25, 13, 5, tzinfo=TZ),
        },
    )
    win.show_page("travel")
    panel = win.pages["travel"].panels[0]
    panel.select_ids([trip], trip)
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen[dialog.objectName()] = dialog
        if dialog.objectName() == "schedule_dialog":
            seen["who"] = tuple(dialog.who.currentData())
            seen["lines"] = dialog.lines()
        dialog.reject()

    journey = next(a for a, _n in panel.tools if a.text() == "Journey…")
    assert journey.isEnabled()
    QTimer.singleShot(50, look)
    journey.trigger()
    assert seen["who"] == ("person", ids["luis"])
    assert any("13:05" in line for line in seen["lines"])

    win.show_page("delegations")
    delegations = win.pages["delegations"].panels[0]
    delegations.select_ids([ids["delegation"]])
    QTimer.singleShot(50, look)
    next(a for a, _n in delegations.tools if a.text() == "Journey…").trigger()
    assert seen["who"] == ("delegation", ids["delegation"])

    QTimer.singleShot(50, look)
    win._actions["arrivals"].trigger()  # Plan ▸ Arrivals and Transfers…
    assert "arrivals_dialog" in seen


def test_a_full_van_shows_in_the_problems_panel_and_opens_its_ride(win, ids, monkeypatch, checked):
    car = win.ctrl.create("vehicle", {"name": "Car", "seats": 1, "driver_id": ids["driver"]})
    start = datetime(2023, 11, 25, 15, tzinfo=TZ)
    ride = win.ctrl.create(
        "ride",
        {
            "vehicle_id": car,
            "title": "Pick-up",
            "start": start,
            "end": start + timedelta(minutes=35),
            "from_id": ids["airport"],
            "to_id": ids["hotel"],
            "passengers": [("delegation", ids["delegation"])],
        },
    )
    checked(win)  # a new ride is checked in the background, the window going on meanwhile
    dock = win.problems_dock
    problems = [dock.model.row_object(r) for r in range(dock.model.rowCount())]
    assert [p.kind for p in problems] == ["vehicle_over_capacity"]
    assert "Car carries 2 passengers" in dock.proxy.index(0, 2).data()
    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(win, "edit_item", lambda kind, item_id: opened.append((kind, item_id)))
    dock.open_item.disconnect()
    dock.open_item.connect(win.edit_item)
    dock._open(dock.proxy.index(0, 0))
    assert opened == [("ride", ride)]
    form = win.editor.open(win, "ride", ride)  # what edit_item shows
    assert form is not None and form.windowTitle()
    form.reject()
    undo(win)  # the ride goes, and with it the problem
    checked(win)
    assert dock.model.rowCount() == 0
