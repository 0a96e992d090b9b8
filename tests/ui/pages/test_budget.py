"""The Budget page on the demo plan: lines by category with the totals, a line added and
undone, rates edited in place, an actual cost entered and cleared, the plan's percentages, the
chart and the cost per participant."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from planner import operations, queries
from planner.rules import budget
from ui.models.table import ROW_ROLE
from ui.pages.budget.lines import LinesTab


@pytest.fixture
def page(window):
    window.show_page("budget")
    page = window.pages["budget"]
    page.recompute()
    return page


def money(window, value: Decimal) -> str:
    return window.formats.amount(value)


def expected(window) -> budget.Budget:
    return budget.compute(window.ctrl.store)


def ok_button(dialog):
    return dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)


def through_dialog(start: Callable[[], None], fill: Callable[[Any], None]) -> dict[str, Any]:
    """``start`` opens a modal dialog; ``fill`` sets its fields; OK (if enabled) saves."""
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
    start()
    assert seen.get("errors") == {}, seen.get("errors")
    return seen


def settle(qtbot, page) -> None:
    """The page recomputes 150 ms after the last change."""
    qtbot.waitUntil(lambda: not page._timer.isActive() and not page.freshness.stale, timeout=2000)


def test_the_page_shows_the_demo_total_and_categories(window, page):
    result = expected(window)
    assert result.total > 0
    assert page.total_label.text() == f"Total {money(window, result.total)} USD"
    lines = page.lines
    categories = [lines.model.index(r, 0).data() for r in range(lines.model.rowCount())]
    assert categories == [t.label for t in result.by_category()] + ["Total"]
    assert "Catering" in categories and "Per diem" in categories
    for total in result.by_category():
        assert lines.cell(f"category:{total.key}", LinesTab.AMOUNT) == money(window, total.amount)
    assert lines.cell("total", LinesTab.AMOUNT) == money(window, result.total)
    assert sorted(lines.line_keys()) == sorted(x.key for x in result.lines)
    block = next(x for x in result.lines if x.key.startswith("block:"))
    assert "room-nights" in lines.cell(block.key, LinesTab.EXPLANATION)
    hnl = next(x for x in result.lines if x.currency == "HNL")
    assert lines.cell(hnl.key, LinesTab.RATE) == window.formats.amount(hnl.rate)
    for source in result.by_source():
        assert source.label in page.sources_label.text()
    assert page.warnings_label.isHidden()  # the demo has every rate it needs
    assert window._actions["export_budget"].isEnabled()
    assert window._actions["export_perdiem"].isEnabled()


def test_a_missing_rate_is_warned_about(window, page, qtbot):
    store = window.ctrl.store
    ids = [r.id for r in queries.catering_rates(store) if r.kind == "lunch"]
    assert window.ctrl.delete("catering_rate", ids)
    settle(qtbot, page)
    assert page.warnings_label.isVisible()
    assert "no catering rate for lunch" in page.warnings_label.text()


def test_adding_a_line_changes_the_total_and_undo_takes_it_back(window, page, qtbot):
    before = expected(window).total
    lines = page.lines
    lines.select_keys(["category:materials"], "category:materials")

    def fill(dialog):
        assert dialog.field("category").value() == "materials"  # the selected category
        assert dialog.field("currency").value() == "USD"  # the plan's
        dialog.field("description").setText("Interpreters' glossary")
        dialog.field("quantity").setText("3")
        dialog.field("unit").setText("copies")
        dialog.field("unit_cost").setText("12,50")  # a decimal comma is read too

    seen = through_dialog(lines.add_button.click, fill)
    new_id = seen["dialog"].created_id
    assert new_id is not None
    key = f"manual:{new_id}"
    assert lines.selected_keys() == [key]  # shown and selected
    assert lines.cell(key, LinesTab.AMOUNT) == "37.50"
    after = expected(window).total  # 37.50 more, and the indirect support on it
    assert after > before + Decimal("37.50")
    assert page.total_label.text() == f"Total {money(window, after)} USD"
    assert lines.edit_button.isEnabled() and lines.delete_button.isEnabled()

    window._actions["undo"].trigger()
    settle(qtbot, page)
    assert page.total_label.text() == f"Total {money(window, before)} USD"
    assert key not in lines.line_keys()
    window._actions["redo"].trigger()
    settle(qtbot, page)
    assert key in lines.line_keys()


def test_a_hand_entered_line_is_edited_and_deleted(window, page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    lines = page.lines
    key = next(k for k in lines.line_keys() if k.startswith("manual:"))
    lines.select_keys([key], key)
    assert lines.edit_button.text() == "&Edit…"
    through_dialog(lines.edit_button.click, lambda dialog: dialog.field("actual").setText("100"))
    assert lines.cell(key, LinesTab.ACTUAL) == "100.00"

    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(
        QMessageBox,
        "clickedButton",
        lambda box: next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        ),
    )
    lines.select_keys([key], key)
    lines.delete_items()
    assert key not in lines.line_keys()
    window._actions["undo"].trigger()
    settle(qtbot, page)
    assert key in lines.line_keys()


def test_computed_lines_cannot_be_deleted(page):
    lines = page.lines
    key = next(k for k in lines.line_keys() if k.startswith("catering:"))
    lines.select_keys([key], key)
    assert lines.edit_button.isEnabled()
    assert lines.edit_button.text() == "A&ctual Cost…"
    assert not lines.delete_button.isEnabled()


def test_an_actual_cost_on_a_computed_line(window, page, qtbot):
    lines = page.lines
    key = next(k for k in lines.line_keys() if k.startswith("block:"))
    assert lines.cell(key, LinesTab.ACTUAL) == ""
    lines.select_keys([key], key)

    def fill(dialog):
        assert dialog.field("line_key").value() == key
        assert "room-nights" in dialog.field("line_key").text()
        dialog.field("amount").setText("6400.50")
        dialog.field("note").setPlainText("Invoice 2023-118")

    through_dialog(lines.edit_button.click, fill)
    assert lines.cell(key, LinesTab.ACTUAL) == "6,400.50"
    assert lines.cell("category:accommodation", LinesTab.ACTUAL) == "6,400.50"
    assert "Actual cost so far 6,400.50 USD" in page.actual_label.text()
    actual = queries.budget_actuals(window.ctrl.store)[key]
    assert actual.amount == Decimal("6400.50") and actual.note == "Invoice 2023-118"

    # the same dialog edits it and clears it
    dialog = window.editor.open(window, "budget_actual", actual.id)
    qtbot.addWidget(dialog)
    assert dialog.field("amount").value() == "6400.50"
    dialog.findChild(QDialogButtonBox).findChild(type(ok_button(dialog)), "clear_actual").click()
    settle(qtbot, page)
    assert lines.cell(key, LinesTab.ACTUAL) == ""
    assert key not in queries.budget_actuals(window.ctrl.store)
    window._actions["undo"].trigger()
    settle(qtbot, page)
    assert lines.cell(key, LinesTab.ACTUAL) == "6,400.50"


def test_editing_a_rate_in_place_changes_the_catering_total(window, page, qtbot):
    page.tabs.setCurrentWidget(page.rates)
    panel = page.rates.catering
    panel.refresh()
    row = next(
        r
        for r in range(panel.proxy.rowCount())
        if panel.proxy.index(r, 0).data(ROW_ROLE).kind == "lunch"
    )
    column = [c.key for c in panel.model.columns].index("per_head")
    index = panel.proxy.index(row, column)
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert index.data(Qt.ItemDataRole.EditRole) == "260"
    before = expected(window)
    catering = next(t.amount for t in before.by_category() if t.key == "catering")

    # typed into the cell like a user: F2, the new value, Enter
    panel.view.setCurrentIndex(index)
    panel.view.setFocus()
    panel.view.edit(index)
    editors = [e for e in panel.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], "300")
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)

    def lunch() -> Decimal | None:
        return next(
            r for r in queries.catering_rates(window.ctrl.store) if r.kind == "lunch"
        ).per_head

    qtbot.waitUntil(lambda: lunch() == Decimal("300"), timeout=2000)
    assert window.ctrl.undo_stack.undoText() == "Edit catering rate"
    settle(qtbot, page)
    after = expected(window)
    new_catering = next(t.amount for t in after.by_category() if t.key == "catering")
    assert new_catering > catering
    assert page.lines.cell("category:catering", LinesTab.AMOUNT) == money(window, new_catering)
    assert panel.proxy.index(row, column).data() == "300.00"

    # a value the plan refuses is reported and changes nothing
    assert not panel.proxy.setData(panel.proxy.index(row, column), "-5")
    assert "cannot be negative" in window.last_error
    assert lunch() == Decimal("300")
    assert not panel.proxy.setData(panel.proxy.index(row, column), "300")  # unchanged: no step

    window._actions["undo"].trigger()
    settle(qtbot, page)
    assert page.lines.cell("category:catering", LinesTab.AMOUNT) == money(window, catering)


def test_a_double_click_on_a_name_column_opens_the_form_not_the_cell(page, monkeypatch):
    page.tabs.setCurrentWidget(page.rates)
    panel = page.rates.catering
    panel.refresh()
    opened = []
    monkeypatch.setattr(panel, "edit_item", lambda: opened.append(True))
    panel._double_clicked(panel.proxy.index(0, 0))  # "For": not editable in place
    assert opened == [True]
    per_head = [c.key for c in panel.model.columns].index("per_head")
    panel._double_clicked(panel.proxy.index(0, per_head))  # edited in place instead
    assert opened == [True]


def test_the_plans_percentages_are_saved_one_step_each(window, page, qtbot):
    page.tabs.setCurrentWidget(page.rates)
    rules = page.rates.rules
    rules.refresh()
    store = window.ctrl.store
    old = operations.plan_values(store)["indirect_rate"]
    assert old != Decimal(10)
    assert rules.fields["indirect_rate"].value() == old
    before = expected(window)
    steps = window.ctrl.undo_stack.count()
    rules.fields["indirect_rate"].setValue(10)
    rules.fields["indirect_rate"].editingFinished.emit()
    assert operations.plan_values(store)["indirect_rate"] == Decimal(10)
    assert window.ctrl.undo_stack.count() == steps + 1
    settle(qtbot, page)
    indirect = next(x for x in page.budget.lines if x.key == "indirect")
    assert indirect.unit_cost == Decimal("0.1")
    assert page.budget.total > before.total
    qtbot.wait(800)  # the field's own timer finds nothing more to save
    assert window.ctrl.undo_stack.count() == steps + 1
    window._actions["undo"].trigger()
    settle(qtbot, page)
    assert operations.plan_values(store)["indirect_rate"] == old
    assert rules.fields["indirect_rate"].value() == old  # the field follows the undo
    assert page.budget.total == before.total

    # the per diem rate: none chosen leaves the per diem out, with a warning
    assert rules.per_diem.currentData() is not None
    rules.per_diem.setCurrentIndex(0)
    rules.per_diem.activated.emit(0)
    assert operations.plan_values(store)["per_diem_rate_id"] is None
    settle(qtbot, page)
    if len(queries.per_diem_rates(store)) != 1:  # a single rate is used anyway
        assert "No per diem rate is chosen" in page.warnings_label.text()


def test_the_plan_details_edit_the_budget_rules(window, page, qtbot):
    store = window.ctrl.store

    def run():
        dialog = window.files.plan_dialogs.last_dialog
        try:
            assert (
                dialog.field("last_day_share").value()
                == operations.plan_values(store)["last_day_share"]
            )
            dialog.field("last_day_share").setValue(50)
            dialog._timer.stop()
            dialog.check()
            ok_button(dialog).click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, run)
    window.files.edit_plan_details()
    assert operations.plan_values(store)["last_day_share"] == Decimal(50)
    window._actions["undo"].trigger()
    assert operations.plan_values(store)["last_day_share"] != Decimal(50)


def test_the_chart_has_a_bar_per_category(window, page):
    page.tabs.setCurrentWidget(page.chart)
    QApplication.processEvents()
    result = expected(window)
    bars = page.chart.by_category.bars()
    assert [b[0] for b in bars] == [t.label for t in result.by_category()]
    assert [b[1] for b in bars] == [t.amount for t in result.by_category()]
    assert len(page.chart.by_source.bars()) == len(result.by_source())
    image = page.chart.by_category.grab()
    assert not image.isNull() and image.height() >= len(bars) * 20
    assert not page.chart.by_source.grab().isNull()


def test_per_participant_rows(window, page):
    page.tabs.setCurrentWidget(page.people)
    QApplication.processEvents()
    allocation = budget.per_participant(window.ctrl.store)
    people = page.people
    assert people.model.rowCount() == len(allocation.people) > 0
    assert people.explanation.text() == allocation.explanation
    assert "trainee-day" in people.explanation.text()
    first = people.proxy.index(0, 0).data(ROW_ROLE)
    assert first.total == max(p.total for p in allocation.people)  # most expensive first
    people.search.setText(first.name)
    assert 1 <= people.proxy.rowCount() < people.model.rowCount()
    assert "shown" in people.count_label.text()


def test_edit_menu_acts_on_the_lines_and_the_rate_lists(window, page):
    assert page.active_panel() is page.lines
    page.tabs.setCurrentWidget(page.rates)
    assert page.active_panel() is page.rates.per_diem
    page.tabs.setCurrentWidget(page.chart)
    assert page.active_panel() is None


@pytest.mark.parametrize(
    "kind",
    [
        "budget_line",
        "per_diem_rate",
        "exchange_rate",
        "catering_rate",
        "funding_source",
        "budget_category",
    ],
)
def test_the_new_forms_open_with_valid_values(window, qtbot, kind):
    store = window.ctrl.store
    table = operations.kind(kind).model.__tablename__
    with store.reading() as r:
        first = r.value(f"SELECT min(id) FROM {table}")
    dialog = window.editor.open(window, kind, first)
    qtbot.addWidget(dialog)
    dialog._timer.stop()
    assert dialog.check(), {k: e.text() for k, e in dialog._errors.items() if e.text()}
    assert not dialog.changed_values()  # showing an item changes nothing
    dialog.reject()


def test_new_rates_are_added_through_their_forms(window, page, qtbot):
    page.tabs.setCurrentWidget(page.rates)
    panel = page.rates.exchange

    def fill(dialog):
        assert dialog.field("currency").value() == "HNL"
        assert dialog.field("month").value() is not None
        dialog.field("units_per_base").setText("24,75")

    seen = through_dialog(panel.add_item, fill)
    rate = next(
        r for r in queries.exchange_rates(window.ctrl.store) if r.id == seen["dialog"].created_id
    )
    assert rate.units_per_base == Decimal("24.75") and rate.month.day == 1


def test_the_new_fields_of_rooms_tickets_and_room_blocks(window, qtbot):
    store = window.ctrl.store
    with store.reading() as r:
        room = r.value("SELECT min(id) FROM room")
        ticket = r.value("SELECT min(id) FROM travel")
        block = r.value("SELECT min(id) FROM room_block")
    for kind, item_id, change in (
        ("room", room, {"day_rate": "150", "currency": "HNL"}),
        ("travel", ticket, {"fare": "512.30", "fare_currency": ""}),
        ("room_block", block, {"breakfast_included": True}),
    ):
        dialog = window.editor.open(window, kind, item_id)
        qtbot.addWidget(dialog)
        for key, value in change.items():
            dialog.field(key).set_value(value)
        dialog._timer.stop()
        assert dialog.check(), {k: e.text() for k, e in dialog._errors.items() if e.text()}
        ok_button(dialog).click()
        values = operations.get_values(store, kind, item_id)
        for key, value in change.items():
            assert values[key] == (Decimal(value) if key in ("day_rate", "fare") else value)


def test_the_models_pass_the_model_tester(window, page, qtmodeltester):
    page.tabs.setCurrentWidget(page.people)
    QApplication.processEvents()
    for panel in page.panels:
        panel.refresh()
        assert panel.model.rowCount() > 0, panel.name
        qtmodeltester.check(panel.model, force_py=True)
        qtmodeltester.check(panel.proxy, force_py=True)
    qtmodeltester.check(page.people.model, force_py=True)
    qtmodeltester.check(page.lines.model, force_py=True)
