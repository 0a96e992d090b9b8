"""What a logistics officer met in the first hour on a laptop: a country typed by name, a new
place's examples taken from this plan's city."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner import operations, queries


def test_a_country_typed_by_its_name_and_enter_is_chosen(window, qtbot):
    form = window.editor.open(window, "delegation", 1)
    qtbot.addWidget(form)
    form.show()
    country = form.field("country")
    country.setFocus()
    country.lineEdit().selectAll()
    qtbot.keyClicks(country.lineEdit(), "Guatemala")
    qtbot.keyClick(country.lineEdit(), Qt.Key.Key_Return)  # Enter: chosen, and saved
    QApplication.processEvents()
    assert operations.get_values(window.ctrl.store, "delegation", 1)["country"] == "GT"
    form = window.editor.open(window, "delegation", 1)
    qtbot.addWidget(form)
    country = form.field("country")
    assert country.value() == "GT" and country.currentText() == "Guatemala (GT)"
    for typed, code in (("honduras", "HN"), ("PA", "PA"), ("Salvad", "SV")):
        country.setEditText(typed)
        country.lineEdit().editingFinished.emit()
        assert country.value() == code, typed
    country.setEditText("Ruritania")  # names nothing: the chosen country stays
    country.lineEdit().editingFinished.emit()
    assert country.value() == "SV" and country.currentText() == "El Salvador (SV)"
    assert country.find_item("an") == -1  # several: none chosen
    form.reject()


def test_a_new_place_offers_examples_from_the_plan_not_from_tegucigalpa(window, qtbot):
    store = window.ctrl.store
    operations.update(store, "plan", 1, {"city": "San Salvador", "country": "SV"})
    form = window.editor.open(window, "venue")
    qtbot.addWidget(form)
    assert form.field("city").placeholderText() == "e.g. San Salvador"
    texts = " ".join(form.field(n).placeholderText() for n in ("city", "code", "latitude"))
    assert "Tegucigalpa" not in texts and "TGU" not in texts and "14.0611" not in texts
    form.reject()


def test_opening_hours_read_and_type_in_the_windows_clock(window, qtbot):
    from ui.formats import Formats
    from ui.widgets.clock import ClockField, parse_clock

    assert parse_clock("8:00 a. m.") == "08:00" and parse_clock("6:30\u202fp.\u00a0m.") == "18:30"
    assert parse_clock("20:00") == "20:00" and parse_clock("12:00 a. m.") == "00:00"
    assert parse_clock("13 pm") is None and parse_clock("noon") is None
    field = ClockField(Formats(time_format="12h"), None, "06:00")
    qtbot.addWidget(field)
    assert field.placeholderText() == "6:00 AM"
    field.set_value("17:00")
    assert field.text() == "5:00 PM" and field.value() == "17:00"
    field.setText("7:15 pm")
    assert field.value() == "19:15"
    field.setText("later")  # no time: the plan's check says how to write one
    assert field.value() == "later"
    venue = next(v for v in queries.venues(window.ctrl.store) if v.opens)
    form = window.editor.open(window, "venue", venue.id)
    qtbot.addWidget(form)
    assert form.field("opens").value() == venue.opens and form.changed_values() == {}
    form.reject()


def test_a_room_blocks_attrition_allowance_of_zero_is_not_none(window, qtbot):
    """0 % (every room-night held is paid for) is a contract, not 'no allowance agreed'."""
    store = window.ctrl.store
    (block,) = queries.room_blocks(store)
    form = window.editor.open(window, "room_block", block.id)
    qtbot.addWidget(form)
    field = form.field("attrition_percent")
    assert field.value() is None and field.text() == "none"
    field.setValue(0)
    assert field.text() == "0 %"
    form._on_ok()
    assert operations.get_values(store, "room_block", block.id)["attrition_percent"] == 0
    form = window.editor.open(window, "room_block", block.id)
    qtbot.addWidget(form)
    field = form.field("attrition_percent")
    assert field.value() == 0
    field.stepDown()  # one step below 0: none again
    assert field.value() is None
    form._on_ok()
    assert operations.get_values(store, "room_block", block.id)["attrition_percent"] is None
