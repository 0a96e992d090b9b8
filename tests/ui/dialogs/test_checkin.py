"""Plan ▸ Check-in…: a scanner types a badge code and Enter; the desk says green, amber or red,
records the expected at once, asks before recording the unexpected, counts present against
expected live, and takes the last scan back."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from planner import queries
from planner.queries.badges import badge_codes
from planner.queries.snapshot import Snapshot
from ui.dialogs.checkin import AMBER, GREEN, RED, CheckinDialog

TZ = ZoneInfo("America/Tegucigalpa")


@pytest.fixture
def desk(window, qtbot):
    """The desk at Aula 1's door on the first training morning, nobody marked yet."""
    store = window.ctrl.store
    with store.transaction("test: no marks yet") as tx:
        tx.session.connection().exec_driver_sql("DELETE FROM attendance")
    dialog = CheckinDialog(
        window.ctrl, window.formats, window, now=lambda: datetime(2023, 11, 27, 9, 35, tzinfo=TZ)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.door.setCurrentIndex(
        next(i for i in range(dialog.door.count()) if dialog.door.itemText(i).startswith("Aula 1"))
    )
    return dialog


def scan(qtbot, dialog, text: str) -> None:
    qtbot.keyClicks(dialog.input, text)
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)


def test_scans_at_a_rooms_door_move_the_counts_and_undo_takes_one_back(window, desk, qtbot):
    store = window.ctrl.store
    codes = badge_codes(store)
    people = queries.people(store)
    a1, a2 = [p for p in people if p.groups == "Group A"][:2]
    b1 = next(p for p in people if p.groups == "Group B" and p.status == "confirmed")
    session = desk.current_session()
    assert desk.session.currentText().endswith(
        "Module 1: Differentiated identification and protection of unaccompanied or separated"
        " children"
    )  # the session running in the room now
    assert desk.counts.text() == "0 of 50 present"
    assert desk.input.hasFocus()
    scan(qtbot, desk, codes.code(a1.id))
    assert desk.result_colour == GREEN and a1.given_name in desk.name.text()
    assert desk.counts.text() == "1 of 50 present"
    assert Snapshot.read(store, {"attendance"}).marks[session] == {a1.id: True}
    scan(qtbot, desk, codes.code(a1.id).lower())  # the same badge again: already there
    assert desk.result_colour == GREEN and "Already" in desk.detail.text()
    assert desk.counts.text() == "1 of 50 present"
    # Group B at Group A's door: amber, where they are expected instead; Esc: not recorded
    scan(qtbot, desk, codes.code(b1.id))
    assert desk.result_colour == AMBER and "Aula 2" in desk.detail.text()
    assert desk.record_anyway.isVisible()
    qtbot.keyClick(desk, Qt.Key.Key_Escape)
    assert desk.isVisible() and desk.pending is None and "Not recorded" in desk.detail.text()
    assert b1.id not in Snapshot.read(store, {"attendance"}).marks[session]
    scan(qtbot, desk, "AAA-AAAA")  # no one's code
    assert desk.result_colour == RED
    # part of a name typed, without accents as on a desk's keyboard: the one person it fits
    typed = f"{a2.given_name} {a2.family_name}".lower()
    scan(qtbot, desk, unicodedata.normalize("NFKD", typed).encode("ascii", "ignore").decode())
    assert desk.result_colour == GREEN and desk.counts.text() == "2 of 50 present"
    # Ctrl+Z: the last scan taken back
    qtbot.keyClick(desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.counts.text() == "1 of 50 present"
    assert Snapshot.read(store, {"attendance"}).marks[session] == {a1.id: True}


def test_an_unexpected_scan_recorded_when_the_operator_says_so(window, desk, qtbot):
    store = window.ctrl.store
    b1 = next(p for p in queries.people(store) if p.groups == "Group B")
    scan(qtbot, desk, badge_codes(store).code(b1.id))
    assert desk.result_colour == AMBER
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)  # Enter: record anyway
    assert desk.result_colour == GREEN
    assert Snapshot.read(store, {"attendance"}).marks[desk.current_session()] == {b1.id: True}


def test_the_desk_fits_a_laptop_and_opens_from_the_plan_menu(window, qtbot):
    action = window._actions["checkin"]
    assert action.isEnabled()
    action.trigger()
    dialog = window.tools.checkin_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.objectName() == "checkin_dialog"
    dialog.adjustSize()
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 728
    assert dialog.input.font().pointSizeF() >= 20  # readable from two metres
    dialog.close()


def test_a_name_that_fits_several_offers_them_to_choose_by_keyboard(window, desk, qtbot):
    store = window.ctrl.store
    group_a = [p for p in queries.people(store) if p.groups == "Group A"]
    given = next(
        p.given_name.split()[0]
        for p in group_a
        if p.given_name.isascii()
        and sum(q.given_name.startswith(p.given_name.split()[0]) for q in group_a) > 1
    )
    scan(qtbot, desk, given.lower())
    assert desk.choices.isVisible() and desk.choices.count() > 1
    assert desk.choices.hasFocus()
    qtbot.keyClick(desk.choices, Qt.Key.Key_Down)
    chosen = desk.choices.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(desk.choices, Qt.Key.Key_Return)
    assert not desk.choices.isVisible() and desk.input.hasFocus()
    assert desk.data.plan.names[chosen] in desk.name.text()
