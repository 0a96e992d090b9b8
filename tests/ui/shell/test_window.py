"""The main window: browse, add, edit, delete, undo, reopen, refuse bad files, notice changes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from planner import operations, queries
from planner.store import open_plan
from ui import settings as opt
from ui.models.table import ROW_ROLE
from ui.shell.app import display_problem
from ui.shell.main_window import PAGE_NAMES, MainWindow


def panel_of(window, page):
    window.show_page(page)
    return window.pages[page].panels[0]


def rows(panel):
    return [panel.proxy.index(r, 0).data(ROW_ROLE) for r in range(panel.proxy.rowCount())]


def ok_button(dialog):
    return dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)


def wait_validated(qtbot, dialog):
    qtbot.wait(200)  # the form validates 150 ms after the last keystroke


def test_window_shows_the_demo_plan(window):
    assert window.windowTitle() == "demo.dplan — Delegation Planner"
    window.show_page("overview")
    overview = window.pages["overview"]
    assert overview.title.text().startswith("Training on Migration")
    assert overview.cards["people"].number.text() == "214"
    assert overview.cards["sessions"].number.text() == "82"
    assert "Tegucigalpa, Honduras" in overview.where_when.text()
    bars = dict((label, n) for label, n, _c in overview.by_sex.bars())
    assert bars == {"Female": 79, "Male": 135}
    assert [b[1] for b in overview.by_delegation.bars()] == [10, 200, 4]
    assert "change no." in window.change_label.text().lower()


def test_pages_are_reachable_by_keyboard(window, qtbot):
    for i, name in enumerate(PAGE_NAMES, start=1):
        if i <= 10:  # Ctrl+1 … Ctrl+9, Ctrl+0
            qtbot.keyClick(window, str(i % 10), Qt.KeyboardModifier.ControlModifier)
        else:  # the later pages through View ▸ (and the navigation list)
            assert window._actions[f"page_{name}"].shortcut().isEmpty()
            window._actions[f"page_{name}"].trigger()
        assert window.current_page() is window.pages[name]


def test_add_person_validates_as_you_type_and_undoes(window, qtbot):
    panel = panel_of(window, "people")
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        dialog.check()
        assert not ok_button(dialog).isEnabled()
        assert "Give at least a given name" in dialog._errors["given_name"].text()
        dialog.field("given_name").setText("Nohemí")
        dialog.field("family_name").setText("Zúniga Paz")
        dialog.field("email").setText("nohemi@")
        dialog.check()
        assert not ok_button(dialog).isEnabled()
        assert "not an email address" in dialog._errors["email"].text()
        assert dialog._errors["given_name"].isHidden()
        dialog.field("email").setText("nohemi@example.org")
        dialog.field("sex").set_value("female")
        dialog.field("delegation_id").set_value(1)
        dialog.field("birth_date").set_value(date(1988, 3, 4))
        dialog.check()
        assert ok_button(dialog).isEnabled()
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, fill)
    window._actions["add"].trigger()  # Edit ▸ Add… on the People page
    new_id = seen["dialog"].created_id
    assert new_id is not None
    values = operations.get_values(window.ctrl.store, "person", new_id)
    assert (values["given_name"], values["sex"], values["birth_date"]) == (
        "Nohemí",
        "female",
        date(1988, 3, 4),
    )
    assert len(rows(panel)) == 216
    assert panel.selected_ids() == [new_id]

    window._actions["undo"].trigger()
    assert len(rows(panel)) == 215
    window._actions["redo"].trigger()
    assert len(rows(panel)) == 216
    assert operations.get_values(window.ctrl.store, "person", new_id)["family_name"] == "Zúniga Paz"


def test_edit_only_changes_what_was_edited_and_undoes(window, qtbot):
    panel = panel_of(window, "venues").window().pages["venues"].panels[1]
    room = next(r for r in rows(panel) if r.name == "Aula 1")
    panel.select_ids([room.id], room.id)
    dialog = window.editor.open(window, "room", room.id)
    qtbot.addWidget(dialog)
    dialog.field("capacity").setValue(40)
    wait_validated(qtbot, dialog)
    assert dialog.changed_values() == {"capacity": 40}
    ok_button(dialog).click()
    assert next(r for r in rows(panel) if r.id == room.id).capacity == 40
    assert window.ctrl.undo_stack.undoText() == "Edit room"
    qtbot.keyClick(window, "z", Qt.KeyboardModifier.ControlModifier)
    assert next(r for r in rows(panel) if r.id == room.id).capacity == 55


def test_duplicate_name_is_refused_in_the_dialog(window, qtbot):
    dialog = window.editor.open(window, "delegation")
    qtbot.addWidget(dialog)
    dialog.field("name").setText("panama delegation")
    wait_validated(qtbot, dialog)
    assert "already used" in dialog._errors["name"].text()
    assert not ok_button(dialog).isEnabled()


def test_multi_delete_says_what_goes_with_it_and_undoes(window, qtbot, monkeypatch):
    panel = panel_of(window, "groups")
    asked = {}

    def confirm(question, details):
        asked["question"], asked["details"] = question, details
        return True

    monkeypatch.setattr(panel, "confirm_delete", confirm)
    ids = [g.id for g in rows(panel) if g.name in ("Group A", "Group B")]
    panel.select_ids(ids)
    window._actions["delete"].trigger()
    assert asked["question"] == "Delete 2 groups?"
    # 100 and the officer replaced in group B (the demo)
    assert "101 group memberships" in asked["details"]
    assert "Ctrl+Z" in asked["details"]
    assert sorted(g.name for g in rows(panel)) == ["Group C", "Group D"]
    sessions = queries.sessions(window.ctrl.store)
    assert all("Group A" not in s.audience for s in sessions)
    window._actions["undo"].trigger()
    assert sorted(g.name for g in rows(panel)) == ["Group A", "Group B", "Group C", "Group D"]
    assert any("Group A" in s.audience for s in queries.sessions(window.ctrl.store))


def test_cancelled_delete_changes_nothing(window, monkeypatch):
    panel = panel_of(window, "delegations")
    monkeypatch.setattr(panel, "confirm_delete", lambda q, d: False)
    panel.select_ids([1])
    panel.delete_items()
    assert len(rows(panel)) == 3
    assert not window.ctrl.undo_stack.canUndo()


def test_group_members_are_edited_with_a_checklist(window, qtbot):
    panel = panel_of(window, "groups")
    group = next(g for g in rows(panel) if g.name == "Group D")
    dialog = window.editor.open(window, "group", group.id)
    qtbot.addWidget(dialog)
    members = dialog.field("member_ids")
    assert len(members.value()) == 50
    members._search.setText("Panama")
    members._set_shown(True)
    wait_validated(qtbot, dialog)
    assert len(members.value()) == 60
    ok_button(dialog).click()
    assert next(g for g in rows(panel) if g.id == group.id).size == 60


def test_session_dialog_keeps_the_duration_when_the_start_moves(window, qtbot):
    panel = panel_of(window, "sessions")
    session = next(s for s in rows(panel) if s.title == "Preparatory meeting")
    dialog = window.editor.open(window, "session", session.id)
    qtbot.addWidget(dialog)
    start, end = dialog.field("start"), dialog.field("end")
    assert end.value() - start.value() == timedelta(hours=2)
    start.set_value(start.value() + timedelta(hours=1))
    assert end.value() - start.value() == timedelta(hours=2)
    assert end.value().hour == 18 and str(end.value().tzinfo) == "America/Tegucigalpa"
    ok_button(dialog).click()
    moved = next(s for s in rows(panel) if s.id == session.id)
    assert (moved.start.hour, moved.end.hour) == (16, 18)


def test_plan_details_are_edited_and_undone(window, qtbot):
    dialogs = window.files.plan_dialogs
    captured = {}

    def run_dialog():
        dialog = dialogs.last_dialog
        captured["dialog"] = dialog
        dialog.field("city").setText("Comayagüela")
        dialog._timer.stop()
        dialog.check()
        ok_button(dialog).click()

    QTimer.singleShot(50, run_dialog)
    window.files.edit_plan_details()
    assert operations.plan_values(window.ctrl.store)["city"] == "Comayagüela"
    window.ctrl.undo_stack.undo()
    assert operations.plan_values(window.ctrl.store)["city"] == "Tegucigalpa"


def test_changes_made_elsewhere_appear_in_the_window(window, demo_path):
    panel = panel_of(window, "delegations")
    other = open_plan(demo_path)  # e.g. the command line, while the window is open
    try:
        operations.update(other, "delegation", 1, {"name": "Delegación de Panamá"})
    finally:
        other.close()
    assert window.ctrl.poll()
    assert "Delegación de Panamá" in [d.name for d in rows(panel)]


def test_undo_after_a_change_elsewhere_refuses_and_says_why(window, demo_path):
    assert window.ctrl.update("room", 1, {"capacity": 30})
    other = open_plan(demo_path)
    try:
        operations.update(other, "room", 1, {"capacity": 31})
    finally:
        other.close()
    window.ctrl.undo_stack.undo()
    assert "changed elsewhere" in window.last_error
    assert operations.get_values(window.ctrl.store, "room", 1)["capacity"] == 31


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["foreign", "random", "newer"])
def test_bad_files_are_refused_with_a_message_and_left_untouched(window, tmp_path, demo_path, kind):
    path = tmp_path / f"{kind}.dplan"
    if kind == "foreign":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    elif kind == "random":
        path.write_bytes(bytes(range(256)) * 20)
    else:
        path.write_bytes(demo_path.read_bytes())
        con = sqlite3.connect(path)
        con.execute("PRAGMA user_version=99")
        con.commit()
        con.close()
    before = digest(path)
    assert not window.files.open_path(path)
    assert "not changed" in window.last_error
    assert digest(path) == before
    assert window.ctrl.path == demo_path  # the open plan stays open


def test_last_plan_reopens_on_start_and_layout_is_remembered(qtbot, window, settings, demo_path):
    window.show_page("groups")
    window.resize(820, 560)
    size = window.size()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.start(None)
    assert again.ctrl.path == demo_path.resolve() or again.ctrl.path == demo_path
    assert again.current_page() is again.pages["groups"]
    # the offscreen screen is 800 px wide, so only the height shows the restored geometry
    assert again.size().height() == size.height() == 560
    assert str(demo_path.resolve()) in settings.recent_plans()
    again.ctrl.close()


def test_after_a_crash_the_last_plan_reopens_where_it_was(window, settings, demo_path):
    """Killed without closing, the window has already written down its plan and page."""
    from ui.shell.main_window import PAGE_NAMES

    window.show_page("groups")
    assert "*" not in window.windowTitle()  # every change is saved at once
    ini = Path(settings._q.fileName()).read_text(encoding="utf-8")  # as a new process reads
    assert f"last_plan={demo_path.resolve()}" in ini.splitlines()
    assert f"page={PAGE_NAMES.index('groups')}" in ini.splitlines()


def test_closing_shows_the_welcome_page_with_recent_plans(window):
    window._actions["close"].trigger()
    assert window.ctrl.store is None
    assert window.current_page() is window.welcome
    assert window.windowTitle() == "Delegation Planner"
    assert window.welcome.recent.count() == 1
    assert not window._actions["add"].isEnabled()


def test_save_a_copy_as_writes_a_plan_and_keeps_working_here(window, tmp_path):
    copy = tmp_path / "copy.dplan"
    assert window.files.save_copy_to(copy)
    store = open_plan(copy)
    try:
        assert len(queries.people(store)) == 215
    finally:
        store.close()
    assert window.ctrl.path.name == "demo.dplan"


def test_a_copy_without_personal_data_for_a_partner(window, tmp_path):
    assert window._actions["copy_private"].isEnabled()
    copy = tmp_path / "for partners.dplan"
    assert window.files.save_copy_without_personal_data(copy)
    store = open_plan(copy)
    try:
        people = queries.people(store)
        assert len(people) == 215
        assert not any(p.id_number or p.phone or p.birth_date for p in people)
    finally:
        store.close()
    assert window.ctrl.path.name == "demo.dplan"
    assert any(p.id_number for p in queries.people(window.ctrl.require()))
    assert "Copy without identity numbers" in window.statusBar().currentMessage()


def test_the_file_menu_asks_where_to_save_the_copy_without_personal_data(
    window, tmp_path, monkeypatch
):
    copy = tmp_path / "shared.dplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window._actions["copy_private"].trigger()  # its "checked" is not taken for a path
    assert copy.exists() and window.last_error == ""


def test_the_plan_menu_looks_for_everyone_listed_twice(window, monkeypatch):
    from ui.dialogs.people_tools import MergeDialog

    shown = []
    monkeypatch.setattr(MergeDialog, "exec", lambda dialog: shown.append(dialog.only) or 0)
    window._actions["merge"].trigger()  # the whole plan, not "only" the action's "checked"
    assert shown == [None] and window.last_error == ""


def test_new_plan_dialog_creates_and_opens_a_plan(window, qtbot, tmp_path):
    target = tmp_path / "nuevo.dplan"

    def fill():
        dialog = window.files.plan_dialogs.last_dialog
        dialog.field("title").setText("Visita de estudio a Panamá")
        dialog.field("country").set_value("PA")
        assert dialog.field("timezone").value() == "America/Panama"
        dialog.field("path").set_value(str(target))
        dialog.field("end_date").set_value(date(2020, 1, 1))
        dialog._timer.stop()
        dialog.check()
        assert not ok_button(dialog).isEnabled()
        dialog.field("start_date").set_value(date(2024, 3, 4))
        dialog.field("end_date").set_value(date(2024, 3, 8))
        dialog._timer.stop()
        assert dialog.check(), dialog.values()
        ok_button(dialog).click()

    QTimer.singleShot(50, fill)
    window.files.new_plan()
    assert window.ctrl.path == target
    assert operations.plan_values(window.ctrl.store)["timezone"] == "America/Panama"
    assert window.current_page() is window.pages["overview"]


def test_no_display_is_explained_instead_of_aborting(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    message = display_problem()
    assert message and "QT_QPA_PLATFORM=offscreen" in message and "planner info" in message


def test_hiding_personal_data_hides_those_columns(qtbot, settings, demo_path):
    settings.set(opt.HIDE_PERSONAL, True)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.files.open_path(demo_path)
    panel = panel_of(win, "people")
    header = panel.view.horizontalHeader()
    hidden = {c.key for i, c in enumerate(panel.model.columns) if header.isSectionHidden(i)}
    assert {"phone", "id_number", "birth_date"} <= hidden
    win.ctrl.close()


def test_copy_rows_puts_a_table_on_the_clipboard(window):
    panel = panel_of(window, "groups")
    panel.select_ids([1, 2])
    panel.copy_rows()
    text = QApplication.clipboard().text().splitlines()
    assert text[0].startswith("Name\tMembers")
    assert len(text) == 3


def test_empty_lists_and_fruitless_searches_say_what_to_do(qtbot, settings, tmp_path):
    from tests.conftest import PLAN_VALUES

    operations.new_plan(tmp_path / "empty.dplan", dict(PLAN_VALUES)).close()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.files.open_path(tmp_path / "empty.dplan")
    panel = panel_of(win, "people")
    assert panel.empty_hint.isVisible()
    assert "No people yet" in panel.empty_hint.text()
    win.ctrl.create("person", {"given_name": "Ana"})
    assert not panel.empty_hint.isVisible()
    panel.search.setText("zzz")
    assert panel.empty_hint.isVisible() and "Nothing matches “zzz”" in panel.empty_hint.text()
    win.ctrl.close()


def test_undoing_an_add_spares_an_edit_made_elsewhere_since(window, demo_path):
    new_id = window.ctrl.create("venue", {"name": "Hotel Honduras Maya"})
    other = open_plan(demo_path)
    try:
        operations.update(other, "venue", new_id, {"city": "Tegucigalpa"})
    finally:
        other.close()
    window.ctrl.undo_stack.undo()
    assert "changed elsewhere" in window.last_error
    assert operations.get_values(window.ctrl.store, "venue", new_id)["city"] == "Tegucigalpa"


def test_long_undo_and_redo_sequences_of_ones_own_edits_all_work(window):
    ctrl = window.ctrl
    store = ctrl.store

    def venue(vid):
        return operations.get_values(store, "venue", vid)

    vid = ctrl.create("venue", {"name": "Hotel Clarion"})
    assert ctrl.update("venue", vid, {"city": "Tegucigalpa"})
    assert ctrl.update("venue", vid, {"address": "Colonia Alameda"})
    assert ctrl.delete("venue", [vid])
    stack = ctrl.undo_stack
    for _ in range(4):
        stack.undo()
    assert window.last_error == ""
    assert not any(v.id == vid for v in queries.venues(store))
    for _ in range(3):
        stack.redo()
    assert window.last_error == ""
    assert (venue(vid)["city"], venue(vid)["address"]) == ("Tegucigalpa", "Colonia Alameda")
    stack.redo()
    stack.undo()
    stack.undo()
    assert venue(vid)["address"] == "" and window.last_error == ""
    # a session moved twice on the calendar, both moves undone
    sid = next(s.id for s in queries.sessions(store) if s.title == "Lunch")
    start = operations.get_values(store, "session", sid)["start"]
    for minutes in (15, 30):
        assert ctrl.update(
            "session",
            sid,
            {
                "start": start + timedelta(minutes=minutes),
                "end": start + timedelta(minutes=60 + minutes),
            },
        )
    stack.undo()
    stack.undo()
    assert (
        operations.get_values(store, "session", sid)["start"] == start and window.last_error == ""
    )


def test_an_item_deleted_elsewhere_while_its_dialog_is_open_is_explained(window, qtbot, demo_path):
    dialog = window.editor.open(window, "room", 1)
    qtbot.addWidget(dialog)
    other = open_plan(demo_path)
    try:
        operations.delete(other, "room", [1])
    finally:
        other.close()
    dialog.field("name").setText("Aula Uno")
    assert not dialog.check()
    assert "no longer exists" in dialog._general_error.text()
    assert not ok_button(dialog).isEnabled()


def test_switching_language_rechecks_the_problems_in_spanish(window, checked):
    from ui.translation import install

    checked(window)
    window.ctrl.update(
        "session",
        next(s.id for s in queries.sessions(window.ctrl.store) if s.title == "Lunch"),
        {"room_id": 1},
    )
    assert any("too many" in p.message for p in window.watcher.problems)
    window.settings.set(opt.LANGUAGE, "es")
    window.apply_preferences()
    try:
        checked(window)
        assert any("de más" in p.message for p in window.watcher.problems)
        assert window.menuBar().actions()[0].text() == "&Archivo"
    finally:
        window.settings.set(opt.LANGUAGE, "en")
        install("en")


def test_the_conflict_check_runs_beside_the_window_and_catches_up_with_changes(
    window, qtbot, checked, monkeypatch
):
    """A large plan takes seconds to check: the window checks it in the background (and goes
    on answering); a change made meanwhile is checked once the running check ends; a plan
    closed meanwhile shows nothing of it."""
    import threading

    from planner.rules.conflicts import Checker

    checked(window)
    threads: list[str] = []
    gate = threading.Event()
    real_run = Checker.run

    def slow_run(self):
        threads.append(threading.current_thread().name)
        gate.wait(10)
        return real_run(self)

    monkeypatch.setattr(Checker, "run", slow_run)
    window.watcher.full()
    qtbot.waitUntil(lambda: threads == ["conflict check"])
    assert window.watcher.checking
    lunch = next(s for s in queries.sessions(window.ctrl.store) if s.title == "Lunch")
    window.ctrl.create("vehicle", {"name": "Moto", "seats": 1})  # while the check runs
    window.ctrl.update("session", lunch.id, {"room_id": 1})  # a clash: Lunch in a classroom
    QApplication.processEvents()  # the window answers meanwhile
    gate.set()
    checked(window)
    assert len(threads) == 2, "the changes are checked once more, after the running check"
    assert any("too many" in p.message for p in window.watcher.problems)
    gate.clear()
    window.watcher.full()
    qtbot.waitUntil(lambda: len(threads) == 3)
    window.ctrl.close()  # the plan goes while its check runs
    gate.set()
    qtbot.wait(200)
    assert window.watcher.problems == [] and not window.watcher.checking
