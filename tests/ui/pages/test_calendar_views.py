"""The calendar read on a laptop: the whole plan's eight days side by side with blocks that say
their module and group, a day with nothing planned yet showing its rooms from the morning,
titles on two lines where the block has room, and a crowd of parallel sessions as "+N"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui.pages.test_calendar import block_titled, calendar, drag

SATURDAY = date(2023, 11, 25)  # the delegation arrives: nothing planned yet


def whole_plan(window):
    window.show_page("calendar")
    cal = window.pages["calendar"]
    cal.view_mode.setCurrentIndex(cal.view_mode.findData("week"))
    QApplication.processEvents()
    return cal


def test_the_whole_plan_shows_its_eight_days_at_once_on_a_laptop(window):
    window.resize(1366, 728)
    cal = whole_plan(window)
    grid = cal.grid
    assert len(grid.columns) == 8
    assert cal.scroll_area.horizontalScrollBar().maximum() == 0  # no day off to the right
    assert grid.axis + 8 * grid._lane_width <= cal.scroll_area.viewport().width()
    # four groups in parallel: narrow blocks that still say which module and which group
    module = next(b for b in grid.blocks if b.title.startswith("Module 1") and b.audience)
    rect = grid.rect_of(module.id)
    assert rect.width() < 72
    assert cal.data.module_numbers[module.module_id] == "1"
    assert cal.data.group_marks(module) == "A"
    assert "Module 1" in grid.describe(module)  # the whole on hover
    # a plenary session between parallel ones spreads over the whole day
    opening = block_titled(cal, "Opening ceremony")
    assert grid.rect_of(opening.id).width() > grid._lane_width - 12


def test_a_crowd_of_parallel_sessions_shows_as_more_and_opens_the_day(window, monkeypatch):
    cal = whole_plan(window)
    grid = cal.grid
    from ui.widgets.timegrid import BADGE

    room = grid._lane_width - 6 - BADGE - 2  # beside the "+N"
    monkeypatch.setattr("ui.widgets.timegrid.MIN_SLOT", room // 2)
    grid._place()  # room for two side by side: the other two modules are "+2"
    monday = [o for o in grid._overflow if o[2] == date(2023, 11, 27)]
    assert monday and all(count == 2 for _rect, count, _day in monday)
    rect = monday[0][0]
    blocks = [p.rect for p in grid._placed if p.rect.top() == rect.top() - 1]
    assert blocks and all(b.right() < rect.left() for b in blocks)  # none under the "+2"
    left = Qt.MouseButton.LeftButton
    grid.mouseDoubleClickEvent(
        QMouseEvent(
            QEvent.Type.MouseButtonDblClick,
            rect.center(),
            rect.center(),
            left,
            left,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert cal.view_mode.currentData() == "day" and cal.current_day() == date(2023, 11, 27)


def test_an_empty_day_shows_the_rooms_from_the_morning_and_creates_in_one(window, qtbot):
    cal = calendar(window, SATURDAY)
    grid = cal.grid
    assert grid.blocks == []
    assert [c.key for c in grid.columns] == list(cal.data.rooms)  # every room, no "(no room)"
    earliest = min(b.start.time() for b in cal.data.blocks.values())
    top = cal.scroll_area.verticalScrollBar().value()
    assert top <= grid.y_of(earliest.hour * 60 + earliest.minute) < top + 200  # the morning
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["room"] = dialog.field("room_id").value()
        dialog.reject()

    QTimer.singleShot(100, look)
    x = int(grid.axis + grid._lane_width / 2)
    y = int(grid.y_of(9 * 60))
    drag(qtbot, grid, QPoint(x, y), QPoint(x, y + 60))
    assert seen["room"] == grid.columns[0].key is not None


def test_titles_take_two_lines_where_the_block_has_room(window):
    cal = calendar(window)
    grid = cal.grid
    module = block_titled(cal, "Module 1: Differentiated", room="Aula 1")
    rect = grid.rect_of(module.id)
    width = int(rect.width()) - 10
    lines = grid.painter.title_lines(module.title, width, 2)
    assert len(lines) == 2 and lines[0].startswith("Module 1:")
    assert " ".join(lines).replace("…", "").startswith(lines[0])
    assert grid.painter.title_lines("Lunch", width, 2) == ["Lunch"]
