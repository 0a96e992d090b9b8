"""Plan ▸ Record Attendance…: tick who came, save as one undoable step, counts follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner.queries.attendance import roll, sessions_with_rolls
from ui.dialogs.attendance import FAMILY, PRESENT, SAVED, AttendanceDialog

N = 14  # registered for the sessions used here


@pytest.fixture
def sessions(window):
    """(id, title) of the first two sessions of 14 people (the heads and the organisers) with
    no attendance recorded yet: the demo records its training modules only."""
    store = window.ctrl.require()
    found = [
        (i, t)
        for i, t, _s, registered, _p in sessions_with_rolls(store)
        if registered == N and not roll(store, i).recorded
    ]
    return found[:2]


def plural(text: str, n: int) -> str:
    """A count as the window writes it ("1 change", "3 changes")."""
    return QCoreApplication.translate("AttendanceDialog", text, "", n)


@pytest.fixture
def dialog(window, qtbot, sessions):
    d = AttendanceDialog(window.ctrl, window.formats, window, sessions[0][0])
    qtbot.addWidget(d)
    d.ask_unsaved = lambda: "discard"  # never a modal question when the test closes it
    d.show()
    return d


def tick(d: AttendanceDialog, row: int, on: bool = True) -> None:
    d.table.item(row, PRESENT).setCheckState(
        Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    )


def shown_rows(d: AttendanceDialog) -> list[int]:
    return [r for r in range(d.table.rowCount()) if not d.table.isRowHidden(r)]


def test_the_list_shows_the_registered_people_unrecorded(dialog, sessions):
    d = dialog
    assert d.heading.text() == sessions[0][1]
    assert d.table.rowCount() == N
    family = [d.table.item(r, FAMILY).text() for r in range(3)]
    assert all(f == f.upper() for f in family)
    assert {d.table.item(r, SAVED).text() for r in range(N)} == {"not recorded"}
    assert d.counts.text() == "0 of 14 present · " + plural("%n not recorded yet", N)
    assert not d.save_button.isEnabled()
    assert d.session_ids()[0] == sessions[0][0] and sessions[1][0] in d.session_ids()


def test_ticks_are_saved_as_one_step_that_undo_takes_back(window, dialog, qtbot, sessions):
    d = dialog
    store = window.ctrl.require()
    session_id = sessions[0][0]
    for row in (0, 1, 2):
        tick(d, row)
    assert d.counts.text() == " · ".join(
        (
            "3 of 14 present",
            plural("%n not recorded yet", N - 3),
            plural("%n change(s) not saved", 3),
        )
    )
    assert d.table.item(0, SAVED).text() == "not recorded → present"
    assert d.save_button.isEnabled()
    qtbot.keyClick(d, "s", Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    marks = [a.present for a in roll(store, session_id).attendees]
    assert marks.count(True) == 3 and marks.count(False) == N - 3  # everyone is recorded
    assert d.counts.text() == "3 of 14 present"
    assert d.table.item(0, SAVED).text() == "present"
    assert d._item_of(session_id).text(2) == "3 / 14"
    assert not d.save_button.isEnabled()
    assert window.ctrl.undo_stack.undoText().startswith("Record attendance at ")

    window._actions["undo"].trigger()
    assert {a.present for a in roll(store, session_id).attendees} == {None}
    assert d.counts.text() == "0 of 14 present · " + plural("%n not recorded yet", N)
    assert d._item_of(session_id).text(2) == "0 / 14"
    window._actions["redo"].trigger()
    assert d.counts.text() == "3 of 14 present"

    # a second save changes only what changed
    tick(d, 0, False)
    assert d.counts.text() == "2 of 14 present · " + plural("%n change(s) not saved", 1)
    assert d.table.item(0, SAVED).text() == "present → absent"
    assert d.save()
    assert [a.present for a in roll(store, session_id).attendees].count(True) == 2
    window._actions["undo"].trigger()
    assert d.counts.text() == "3 of 14 present"


def test_all_and_none_present_act_on_the_people_shown(dialog):
    d = dialog
    d.all_present.click()
    assert d.counts.text() == "14 of 14 present · " + plural("%n change(s) not saved", N)
    organisation = d.table.item(0, 3).text()
    family = d.table.item(0, FAMILY).text()
    d.person_search.setText(family.split()[0].lower())  # case and accents do not matter
    shown = shown_rows(d)
    assert 0 < len(shown) < N and organisation
    d.none_present.click()
    assert d.counts.text() == (
        f"{N - len(shown)} of 14 present · " + plural("%n change(s) not saved", N)
    )
    d.person_search.clear()
    assert len(shown_rows(d)) == N


def test_space_ticks_the_selected_people(dialog, qtbot):
    d = dialog
    d.table.setFocus()
    d.table.selectRow(4)
    qtbot.keyClick(d.table, Qt.Key.Key_Space)
    assert d.ticks[d.table.item(4, PRESENT).data(Qt.ItemDataRole.UserRole)] is True
    assert d.table.item(4, PRESENT).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(d.table, Qt.Key.Key_Space)
    assert d.table.item(4, PRESENT).checkState() == Qt.CheckState.Unchecked


def test_switching_sessions_with_unsaved_ticks_asks(window, dialog, sessions):
    d = dialog
    store = window.ctrl.require()
    first, second = sessions[0][0], sessions[1][0]
    tick(d, 0)
    d.ask_unsaved = lambda: "cancel"
    d.sessions.setCurrentItem(d._item_of(second))
    assert d.roll.session_id == first and d.sessions.currentItem() is d._item_of(first)
    assert d.dirty()
    d.ask_unsaved = lambda: "discard"
    d.sessions.setCurrentItem(d._item_of(second))
    assert d.roll.session_id == second and not d.dirty()
    assert {a.present for a in roll(store, first).attendees} == {None}
    tick(d, 1)
    d.ask_unsaved = lambda: "save"
    d.sessions.setCurrentItem(d._item_of(first))
    assert d.roll.session_id == first
    assert [a.present for a in roll(store, second).attendees].count(True) == 1
    d.ask_unsaved = lambda: "discard"


def test_the_session_search_hides_other_sessions(dialog, sessions):
    d = dialog
    d.session_search.setText("gender")
    visible = [i for i in d._session_items() if not i.isHidden()]
    assert visible and all("Gender" in i.text(1) for i in visible)
    d.session_search.setText("coffee")  # breaks and meals take no attendance
    assert not [i for i in d._session_items() if not i.isHidden()]
    d.session_search.clear()
    assert all(not i.isHidden() for i in d._session_items())


def test_the_plan_menu_opens_it_on_the_session_selected_in_the_calendar(window, sessions):
    window.show_page("calendar")
    window.pages["calendar"].show_session(sessions[1][0])
    seen = {}

    def look():
        d = QApplication.activeModalWidget()
        seen["session"] = d.roll.session_id
        d.reject()

    QTimer.singleShot(50, look)
    window._actions["attendance"].trigger()
    assert seen["session"] == sessions[1][0]
    assert window._actions["attendance"].text() == "&Record Attendance…"


def test_a_recorded_session_shows_its_marks(window, qtbot):
    store = window.ctrl.require()
    session_id = next(
        i
        for i, _t, _s, registered, _p in sessions_with_rolls(store)
        if registered == 50 and roll(store, i).recorded
    )
    present = roll(store, session_id).present
    d = AttendanceDialog(window.ctrl, window.formats, window, session_id)
    qtbot.addWidget(d)
    assert d.counts.text() == f"{present} of 50 present"
    assert {d.table.item(r, SAVED).text() for r in range(50)} == {"present", "absent"}
    assert d._item_of(session_id).text(2) == f"{present} / 50"
