"""Every list model passes Qt's model checks; search ignores accents; numbers sort as numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from planner import queries
from ui.models.table import ID_ROLE, ROW_ROLE, SORT_ROLE, Column, RowTableModel, SearchProxy


@pytest.mark.parametrize(
    "page", ["delegations", "people", "organisations", "groups", "venues", "sessions"]
)
def test_every_list_model_passes_the_model_tester(window, qtmodeltester, page):
    window.show_page(page)
    for panel in window.pages[page].panels:
        panel.refresh()
        assert panel.model.rowCount() > 0
        qtmodeltester.check(panel.model, force_py=True)
        qtmodeltester.check(panel.proxy, force_py=True)


def test_people_search_ignores_accents_and_case(window):
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    total = panel.proxy.rowCount()
    assert total == 215
    panel.search.setText("NOHEMI")
    shown = [panel.proxy.index(r, 0).data(ROW_ROLE) for r in range(panel.proxy.rowCount())]
    assert shown and all("nohemí" in (p.given_name + p.family_name).lower() for p in shown)
    panel.search.setText("panama trainer")  # every word must match somewhere in the row
    assert panel.proxy.rowCount() == 7
    assert panel.count_label.text() == "7 of 215 people shown"
    panel.search.clear()
    assert panel.proxy.rowCount() == total


def test_the_people_list_filters_by_status(window):
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    shown = panel.findChild(QComboBox, "status_filter")
    choices = [shown.itemText(i) for i in range(shown.count())]
    assert choices[:3] == ["Everyone", "Taking part", "Left (declined, replaced, cancelled)"]
    shown.setCurrentIndex(2)
    (left,) = [panel.proxy.index(r, 0).data(ROW_ROLE) for r in range(panel.proxy.rowCount())]
    assert left.status == "replaced" and panel.count_label.text() == "1 of 215 people shown"
    shown.setCurrentIndex(1)
    assert panel.proxy.rowCount() == 214
    shown.setCurrentIndex(choices.index("Nominated"))
    assert panel.proxy.rowCount() == 0
    shown.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 215


def test_counts_sort_as_numbers_not_text(qtbot):
    rows = [type("R", (), {"id": i, "n": n})() for i, n in enumerate([9, 100, 20])]
    model = RowTableModel([Column("n", "N", lambda r: str(r.n), sort=lambda r: r.n, numeric=True)])
    model.set_rows(rows)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["9", "20", "100"]
    assert proxy.index(0, 0).data(SORT_ROLE) == 9
    assert proxy.index(2, 0).data(ID_ROLE) == 1


def test_names_sort_in_spanish_order(qtbot):
    names = ["Ocampo", "Ñañez", "Nuñez", "ávila", "Azul", "Avila", "Nunez"]
    rows = [type("R", (), {"id": i, "name": n})() for i, n in enumerate(names)]
    model = RowTableModel([Column("name", "Name", lambda r: r.name)])
    model.set_rows(rows)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(len(names))]
    assert shown[:3] == ["Avila", "ávila", "Azul"] or shown[:3] == ["ávila", "Avila", "Azul"]
    assert shown[3:] == ["Nunez", "Nuñez", "Ñañez", "Ocampo"]  # Ñ after every N, before O


def test_rows_come_from_the_core_not_from_sql_in_the_ui(window):
    panel = window.pages["groups"].panels[0]
    panel.refresh()
    assert [panel.model.row_object(r) for r in range(panel.model.rowCount())] == queries.groups(
        window.ctrl.store
    )
