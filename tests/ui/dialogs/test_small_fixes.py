"""What a logistics officer met in the first hour on a laptop: a country typed by name, a new
place's examples taken from this plan's city."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner import operations


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
