"""Every task from the keyboard: a walk-through that creates a session, moves it and exports
the agenda without touching the mouse."""

from __future__ import annotations

from datetime import timedelta

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner import operations
from ui.shell.main_window import PAGE_NAMES


def test_create_move_and_export_with_the_keyboard_only(window, qtbot, tmp_path):
    qtbot.keyClick(
        window, str(PAGE_NAMES.index("calendar") + 1), Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_page() is window.pages["calendar"]
    cal = window.pages["calendar"]
    typed = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        focus = dialog.focusWidget()  # where the keys go once the dialog is active
        typed["focus"] = focus is dialog.field("title")
        qtbot.keyClicks(focus, "Briefing de seguridad")
        qtbot.keyClick(focus, Qt.Key.Key_Return)  # at once, before the check's timer
        typed["open"] = dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(100, fill_in)
    qtbot.keyClick(
        window, "n", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert typed["focus"] and not typed["open"], typed
    [created] = cal.grid.selected
    values = operations.get_values(window.ctrl.require(), "session", created)
    assert values["title"] == "Briefing de seguridad"
    start = values["start"]
    assert cal.grid.hasFocus() or window.focusWidget() is cal.grid  # the new session's grid
    qtbot.keyClick(cal.grid, Qt.Key.Key_Down)
    qtbot.keyClick(cal.grid, Qt.Key.Key_Down)
    moved = operations.get_values(window.ctrl.require(), "session", created)["start"]
    assert moved - start == timedelta(minutes=2 * cal.grid.snap_minutes)

    out = tmp_path / "agenda-by-keyboard.xlsx"

    def export():
        dialog = QApplication.activeModalWidget()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog, "w", Qt.KeyboardModifier.AltModifier)  # &What to export
        qtbot.keyClicks(QApplication.focusWidget(), "Agenda")  # type to find it in the list
        typed["kind"] = dialog.kind().name
        qtbot.keyClick(dialog, "s", Qt.KeyboardModifier.AltModifier)  # &Save to
        focus = QApplication.focusWidget()
        assert focus is dialog.path
        qtbot.keyClick(focus, "a", Qt.KeyboardModifier.ControlModifier)  # select all
        qtbot.keyClicks(focus, str(out))
        qtbot.keyClick(dialog, "x", Qt.KeyboardModifier.AltModifier)  # E&xport
        qtbot.waitUntil(lambda: bool(dialog.written), timeout=15000)  # a mnemonic clicks late
        typed["written"] = list(dialog.written)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(100, export)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window, "e", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert typed["kind"] == "agenda" and typed["written"] == [out], typed
    titles = [c.value for ws in load_workbook(out) for row in ws.iter_rows() for c in row]
    assert "Briefing de seguridad" in titles


def test_tab_goes_through_the_sessions_and_a_screen_reader_hears_each(window, qtbot):
    from PySide6.QtGui import QAccessible

    window.show_page("calendar")
    cal = window.pages["calendar"]
    cal.view_mode.setCurrentIndex(0)
    qtbot.waitUntil(lambda: bool(cal.grid.blocks))
    grid = cal.grid
    grid.select(set())
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    reader = QAccessible.queryAccessibleInterface(grid)
    assert reader.text(QAccessible.Text.Name) == "Calendar"
    assert "Tab goes from session to session" in reader.text(QAccessible.Text.Description)

    order = sorted(grid._placed, key=lambda p: (p.column, p.rect.top(), p.rect.left()))
    heard = []
    for expected in order:
        qtbot.keyClick(grid, Qt.Key.Key_Tab)
        assert grid.selected == {expected.block.id}
        assert grid.hasFocus()
        heard.append(reader.text(QAccessible.Text.Description))
    first, block = heard[0], order[0].block
    assert first.startswith(block.title)
    assert window.formats.time(block.start) in first and window.formats.time(block.end) in first
    room = cal.data.rooms.get(block.room_id)
    assert room is None or room.name in first
    assert len(set(heard)) == len(heard)  # each session is told apart
    qtbot.keyClick(grid, Qt.Key.Key_Tab)  # past the last session Tab goes on to the next control
    assert not grid.hasFocus() and grid.selected == {order[-1].block.id}
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.selected == {order[0].block.id}
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.selected == {order[-1].block.id}
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    assert grid.selected == {order[-2].block.id}
