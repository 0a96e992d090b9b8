"""The calendar: drag, resize, create, copy, repeat, filter, undo; problems follow live."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner import operations, queries

TZ = ZoneInfo("America/Tegucigalpa")
MONDAY = date(2023, 11, 27)


def calendar(window, day=MONDAY):
    window.show_page("calendar")
    cal = window.pages["calendar"]
    cal.view_mode.setCurrentIndex(0)
    cal.day.setCurrentIndex(cal._day_index(day))
    QApplication.processEvents()
    return cal


def block_titled(cal, prefix, room=None):
    return next(
        b
        for b in cal.grid.blocks
        if b.title.startswith(prefix) and (room is None or cal.data.rooms[b.room_id].name == room)
    )


def point(rect, dy=0.0, dx=0.0):
    return QPoint(int(rect.center().x() + dx), int(rect.center().y() + dy))


def drag(qtbot, grid, start, end):
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 6):
        pos = QPoint(
            start.x() + (end.x() - start.x()) * i // 5, start.y() + (end.y() - start.y()) * i // 5
        )
        qtbot.mouseMove(grid, pos)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def session_values(window, sid):
    return operations.get_values(window.ctrl.store, "session", sid)


def test_calendar_shows_the_day_with_a_lane_per_room(window):
    cal = calendar(window)
    lanes = [c.title for c in cal.grid.columns]
    assert lanes[:4] == ["Aula 1", "Aula 2", "Aula 3", "Aula 4"]
    assert "Salón Principal" in lanes and "No room" in lanes
    assert len(cal.grid.blocks) == 20
    opening = block_titled(cal, "Opening ceremony")
    column = cal.grid.columns[cal.grid._column_of(opening, opening.start)]
    assert column.title == "Salón Principal"


def test_dragging_a_block_moves_it_in_time_and_room_and_undo_puts_it_back(window, qtbot):
    cal = calendar(window)
    grid = cal.grid
    block = block_titled(cal, "Module 2", room="Aula 1")  # 13:00-14:45
    rect = grid.rect_of(block.id)
    lane = grid._lane_width
    target = point(rect, dy=62 * grid.pixels_per_minute, dx=lane * 4)  # +1 h, 4 lanes right
    drag(qtbot, grid, point(rect), target)
    values = session_values(window, block.id)
    assert values["start"].astimezone(TZ).strftime("%H:%M") == "14:00"  # snapped to 5 minutes
    assert values["end"] - values["start"] == timedelta(minutes=105)
    assert values["room_id"] == next(
        r.id for r in queries.rooms(window.ctrl.store) if r.name == "Comedor"
    )
    assert window.ctrl.undo_stack.undoText() == "Edit session"
    window.ctrl.undo_stack.undo()
    values = session_values(window, block.id)
    assert values["start"].astimezone(TZ).strftime("%H:%M") == "13:00"


def test_dragging_the_bottom_edge_changes_the_length(window, qtbot):
    cal = calendar(window)
    grid = cal.grid
    block = block_titled(cal, "Lunch")
    rect = grid.rect_of(block.id)
    start = QPoint(int(rect.center().x()), int(rect.bottom() - 2))
    drag(qtbot, grid, start, start + QPoint(0, int(32 * grid.pixels_per_minute)))
    values = session_values(window, block.id)
    assert values["end"].astimezone(TZ).strftime("%H:%M") == "13:30"
    assert values["start"].astimezone(TZ).strftime("%H:%M") == "12:00"


def test_dragging_on_empty_space_creates_a_session(window, qtbot):
    cal = calendar(window)
    grid = cal.grid
    column = [c.title for c in grid.columns].index("Comedor")
    x = int(60 + column * grid._lane_width + grid._lane_width / 2)
    y0, y1 = grid.y_of(17 * 60), grid.y_of(18 * 60)
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        seen["start"], seen["end"] = dialog.field("start").value(), dialog.field("end").value()
        seen["room"] = dialog.field("room_id").value()
        dialog.field("title").setText("Evening briefing")
        dialog.check()
        dialog._buttons.accepted.emit()

    QTimer.singleShot(100, fill)
    drag(qtbot, grid, QPoint(x, int(y0)), QPoint(x, int(y1)))
    assert (seen["start"].hour, seen["end"].hour) == (17, 18)
    assert cal.data.rooms[seen["room"]].name == "Comedor"
    created = next(b for b in cal.grid.blocks if b.title == "Evening briefing")
    assert created.id in cal.grid.selected


def test_duplicate_paste_and_repeat_are_single_undo_steps(window):
    cal = calendar(window)
    coffee = next(b for b in cal.grid.blocks if b.title == "Coffee break" and b.start.hour == 10)
    cal.grid.select({coffee.id})
    before = len(queries.sessions(window.ctrl.store))
    cal.duplicate_selected()
    copy = next(b for b in cal.grid.blocks if b.title == "Coffee break" and b.start == coffee.end)
    assert copy.audience == coffee.audience
    window.ctrl.undo_stack.undo()
    assert len(queries.sessions(window.ctrl.store)) == before

    cal.grid.select({coffee.id})
    cal.copy_rows()
    cal.day.setCurrentIndex(cal._day_index(date(2023, 12, 1)))
    cal.paste()
    pasted = [
        s
        for s in queries.sessions(window.ctrl.store)
        if s.title == "Coffee break" and s.start.date() == date(2023, 12, 1)
    ]
    assert [p.start.strftime("%H:%M") for p in pasted] == ["10:15"]
    window.ctrl.undo_stack.undo()

    from ui.pages.calendar import RepeatDialog

    calendar(window)
    cal.grid.select({coffee.id})
    original = RepeatDialog.exec
    try:

        def choose(dialog):
            for d, box in dialog.boxes:
                box.setChecked(d in (date(2023, 11, 25), date(2023, 11, 26)))
            return True

        RepeatDialog.exec = choose
        cal.repeat_selected()
    finally:
        RepeatDialog.exec = original
    days = sorted(
        s.start.date()
        for s in queries.sessions(window.ctrl.store)
        if s.title == "Coffee break" and s.start.hour == 10
    )
    assert days[:2] == [date(2023, 11, 25), date(2023, 11, 26)]
    assert window.ctrl.undo_stack.undoText() == "Repeat 2 sessions"
    window.ctrl.undo_stack.undo()
    assert len(queries.sessions(window.ctrl.store)) == before


def test_filter_shows_group_bs_week(window):
    cal = calendar(window)
    group_b = next(g.id for g in queries.groups(window.ctrl.store) if g.name == "Group B")
    cal.view_mode.setCurrentIndex(1)
    cal.filter.set_value(("group", group_b))
    cal.show_current()
    titles = {b.title for b in cal.grid.blocks}
    assert "Lunch" in titles and "Opening ceremony" in titles
    assert all(
        "Group B" in b.audience or "DNSPF" in b.audience or b.kind != "training"
        for b in cal.grid.blocks
    )
    trainings = [b for b in cal.grid.blocks if b.kind == "training"]
    assert len(trainings) == 16 and all(b.audience == "Group B" for b in trainings)
    assert cal.grid.columns[0].day == date(2023, 11, 25)


def test_keyboard_moves_the_selected_session(window, qtbot):
    cal = calendar(window)
    block = block_titled(cal, "Lunch")
    cal.grid.select({block.id})
    cal.grid.setFocus()
    qtbot.keyClick(cal.grid, Qt.Key.Key_Down)
    assert session_values(window, block.id)["start"].astimezone(TZ).strftime("%H:%M") == "12:05"
    qtbot.keyClick(cal.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    values = session_values(window, block.id)
    assert values["end"] - values["start"] == timedelta(minutes=65)


def test_a_clash_appears_in_the_problems_panel_at_once_and_leads_to_the_session(
    window, qtbot, checked
):
    checked(window)  # the plan's first check, in the background as it opened
    cal = calendar(window)
    grid = cal.grid
    dock = window.problems_dock
    assert dock.model.rowCount() == 0 and window.problems_button.text() == "No problems"
    block = block_titled(cal, "Module 2", room="Aula 1")
    rect = grid.rect_of(block.id)
    drag(qtbot, grid, point(rect), point(rect, dx=grid._lane_width))  # into Aula 2, same time
    kinds = {dock.model.row_object(r).kind for r in range(dock.model.rowCount())}
    assert kinds == {"room_double_booked", "over_capacity"} or kinds == {"room_double_booked"}
    assert (
        window.problems_button.text().endswith("problem(s)")
        or "problem" in window.problems_button.text()
    )
    assert block.id in grid.problem_ids
    other = next(
        b for b in cal.grid.blocks if b.title.startswith("Module 4") and b.start.hour == 13
    )
    cal.day.setCurrentIndex(0)
    window.show_page("people")
    dock.view.selectRow(0)
    dock._open(dock.proxy.index(0, 0))
    assert window.current_page() is cal
    assert cal.current_day() == MONDAY
    assert grid.selected & {block.id, other.id}
    window.ctrl.undo_stack.undo()
    assert dock.model.rowCount() == 0


def test_accepting_a_problem_keeps_a_note_and_undoes(window, qtbot, monkeypatch, checked):
    checked(window)
    cal = calendar(window)
    block = block_titled(cal, "Lunch")
    window.ctrl.update(
        "session",
        block.id,
        {"room_id": next(r.id for r in queries.rooms(window.ctrl.store) if r.name == "Aula 1")},
    )
    dock = window.problems_dock
    assert dock.model.rowCount() >= 1
    dock.view.selectRow(0)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getMultiLineText",
        lambda *a, **k: ("Lunch served in the classroom today.", True),
    )
    errors = window.watcher.error_count()
    dock.accept_selected()
    checked(window)  # an acceptance is checked again in the background
    assert window.watcher.error_count() == errors - 1
    dock.show_accepted.setChecked(True)
    accepted = [
        dock.model.row_object(r)
        for r in range(dock.model.rowCount())
        if dock.model.row_object(r).acknowledged
    ]
    assert accepted and accepted[0].note == "Lunch served in the classroom today."
    window.ctrl.undo_stack.undo()
    checked(window)
    assert window.watcher.error_count() == errors


def test_drag_follows_the_mouse_without_saving_until_release(window, qtbot):
    cal = calendar(window)
    grid = cal.grid
    block = block_titled(cal, "Lunch")
    rect = grid.rect_of(block.id)
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=point(rect))
    qtbot.mouseMove(grid, point(rect, dy=40))
    assert grid.rect_of(block.id).top() > rect.top()
    assert session_values(window, block.id)["start"] == block.start
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=point(rect, dy=40))
    assert session_values(window, block.id)["start"] == block.start
    assert grid.rect_of(block.id) == rect


def test_rotation_dialog_previews_and_accepts_as_one_undo_step(window, qtbot):
    from planner.rules import conflicts
    from ui.dialogs.rotation import RotationDialog

    before = sorted(s.id for s in queries.sessions(window.ctrl.store) if s.kind == "training")
    dialog = RotationDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    assert len(dialog.groups.value()) == 4 and len(dialog.rooms.value()) == 4
    assert len(dialog.days.value()) == 4 and dialog.slots.rowCount() == 4
    assert not dialog.accept_button.isEnabled()
    dialog.propose()
    assert dialog.proposal.ok, dialog.proposal.reasons
    assert "A clash-free timetable: 32 modules in 64 sessions" in dialog.message.text()
    assert dialog.preview.columnCount() == 4 and dialog.preview.rowCount() == 16
    assert dialog.accept_button.isEnabled()
    dialog.apply()
    after = sorted(s.id for s in queries.sessions(window.ctrl.store) if s.kind == "training")
    assert after != before and len(after) == 64
    assert conflicts.check(window.ctrl.store) == []
    assert window.ctrl.undo_stack.undoText() == "Generate a rotation"
    window.ctrl.undo_stack.undo()
    assert (
        sorted(s.id for s in queries.sessions(window.ctrl.store) if s.kind == "training") == before
    )
    window.ctrl.undo_stack.redo()
    assert (
        sorted(s.id for s in queries.sessions(window.ctrl.store) if s.kind == "training") == after
    )


def test_rotation_dialog_explains_an_impossible_request(window, qtbot):
    from ui.dialogs.rotation import RotationDialog

    dialog = RotationDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    dialog.rooms.set_value(dialog.rooms.value()[:2])
    dialog.propose()
    assert not dialog.accept_button.isEnabled()
    assert "No timetable is possible as asked" in dialog.message.text()
    assert "room-slots" in dialog.message.text()


def test_copy_plan_with_new_dates_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    from ui.dialogs.plan import CopyPlanDialog

    target = tmp_path / "next.dplan"

    def fill(dialog):
        dialog.start.set_value(date(2024, 6, 3))
        dialog.title.setText("Second training")
        dialog.path.set_value(str(target))
        assert "every session moves by 191 days and" in dialog.summary.text()
        dialog._copy()
        return dialog.created is not None

    monkeypatch.setattr(CopyPlanDialog, "exec", fill)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.question",
        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes,
    )
    window._actions["copy_dates"].trigger()
    assert window.ctrl.path == target
    assert operations.plan_values(window.ctrl.store)["start_date"] == date(2024, 6, 3)
