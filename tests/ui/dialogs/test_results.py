"""Plan ▸ Test Results…: scores typed in a grid, a wrong one refused in red, saved as one step
that Edit ▸ Undo takes back; a plan without tests gets its pre-test and post-test."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from planner.queries.evaluation import results
from ui.dialogs.results import ResultsDialog


def test_scores_typed_checked_saved_and_undone(window, qtbot):
    store = window.ctrl.store
    dialog = ResultsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [title for _i, title, _t in dialog.tests] == ["Pre-test", "Post-test"]
    person = int(dialog.table.item(0, 0).data(Qt.ItemDataRole.UserRole))
    pre, post = (test for test, _title, _top in dialog.tests)
    before = results(store).scores[pre].get(person)
    dialog.table.item(0, 1).setText("17/20")
    dialog.table.item(0, 2).setText("25")  # over the maximum
    assert not dialog.save_button.isEnabled() and "not a score" in dialog.table.item(0, 2).toolTip()
    dialog.table.item(0, 2).setText("90 %")
    assert dialog.save_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    held = results(store).scores
    assert held[pre][person] == Decimal("17") and held[post][person] == Decimal("18")
    assert dialog.table.item(0, 1).text() == "17" and not dialog.save_button.isEnabled()
    window.ctrl.undo_stack.undo()  # Edit ▸ Undo: both scores back
    assert results(store).scores[pre].get(person) == before


def test_a_plan_without_tests_gets_them_here(window, qtbot):
    store = window.ctrl.store
    with store.transaction("test: no tests yet") as tx:
        tx.session.connection().exec_driver_sql("DELETE FROM assessment")
    dialog = ResultsDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    assert not dialog.tests and dialog.add_button.isVisibleTo(dialog)
    dialog.add_tests()
    assert [title for _i, title, _t in dialog.tests] == ["Pre-test", "Post-test"]
    assert all(top == Decimal(20) for _i, _title, top in dialog.tests)
    assert not dialog.add_button.isVisibleTo(dialog)


def test_a_modules_test_and_the_questions_are_edited_in_forms(window, qtbot):
    from PySide6.QtCore import QTimer

    from planner import operations
    from ui.dialogs.results import QuestionsDialog

    store = window.ctrl.store
    form = window.editor.open(window, "assessment")
    qtbot.addWidget(form)
    assert set(form.labels().values()) >= {"Kind", "Of", "Title", "Maximum score"}
    form.reject()
    module = operations.create(
        store, "assessment", {"kind": "post_test", "module_id": 1, "title": "M1", "max_score": "10"}
    ).id
    dialog = ResultsDialog(window.ctrl, window.formats, window, window.editor)
    qtbot.addWidget(dialog)
    assert [t for t, _title, _top in dialog.tests][-1] == module  # a column of its own
    questions = QuestionsDialog(window.ctrl, window.editor, window)
    qtbot.addWidget(questions)
    assert questions.list.count() == 8 and not questions.default_button.isVisibleTo(questions)
    questions.list.setCurrentRow(7)
    questions.delete()
    assert questions.list.count() == 7
    window.ctrl.undo_stack.undo()
    questions.load()
    assert questions.list.count() == 8
    form = window.editor.open(window, "question", None, {"assessment_id": questions.questionnaire})
    qtbot.addWidget(form)
    assert "In Spanish" in form.labels().values()
    QTimer.singleShot(0, form.reject)
