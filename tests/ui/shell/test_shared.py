"""Shared plans in the window: two windows on one plan see each other's edits and problems,
a conflicting edit offers "keep mine or take theirs", the history shows who did what, and a
plan is opened and published from the File menu."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner import operations, queries
from ui import settings as opt
from ui.shell.main_window import MainWindow
from ui.translation import install

pytestmark = pytest.mark.usefixtures("pg_server")


def window_on(qtbot, tmp_path: Path, name: str, address: str | None) -> MainWindow:
    install("en")
    win = MainWindow(opt.Settings(tmp_path / f"{name}.ini"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    if address is not None:
        assert win.files.open_path(address), win.last_error
    return win


@pytest.fixture
def two_windows(qtbot, tmp_path, pg_demo):
    a = window_on(qtbot, tmp_path, "a", pg_demo)
    b = window_on(qtbot, tmp_path, "b", pg_demo)
    yield a, b
    for win in (a, b):  # their conflict checks end before the plan's database goes
        win.watcher.wait()
        win.ctrl.close()


def test_two_windows_on_one_shared_plan_see_each_others_edits(two_windows, qtbot):
    a, b = two_windows
    assert a.ctrl.store.shared and "on 127.0.0.1" in a.windowTitle()
    assert a.path_label.text().startswith("postgresql://planner@127.0.0.1")
    b.show_page("people")
    panel = b.pages["people"].panels[0]
    version = operations.get_values(a.ctrl.store, "person", 1)["version"]
    assert a.ctrl.update("person", 1, {"position": "Comisionado General"}, version)
    assert b.ctrl.poll()  # the timer does this every few seconds
    column = [c.key for c in panel.model.columns].index("position")
    shown = {panel.model.index(r, column).data() for r in range(panel.model.rowCount())}
    assert "Comisionado General" in shown
    # the problems panel follows what the other window did
    lunch = next(s for s in queries.sessions(a.ctrl.store) if s.title == "Lunch")
    assert not any("too many" in p.message for p in b.watcher.problems)
    assert a.ctrl.update("session", lunch.id, {"room_id": 1})
    b.ctrl.poll()
    qtbot.waitUntil(lambda: any("too many" in p.message for p in b.watcher.problems), timeout=10000)


def edit_in_form(window: MainWindow, qtbot, value: str, choose: str) -> dict:
    """Open person 1's form, let someone else change it meanwhile, type ``value``, save, and
    answer the conflict dialog with ``choose`` ("keep" or "take")."""
    seen: dict = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog.objectName()
        seen["rows"] = [
            [dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())
        ]
        (dialog.keep if choose == "keep" else dialog.take).click()

    form = window.editor.open(window, "person", 1)
    form.show()
    operations.update(
        window.ctrl.store,
        "person",
        1,
        {"position": "Por otra persona"},
        operations.get_values(window.ctrl.store, "person", 1)["version"],
    )
    form.field("position").setText(value)
    qtbot.wait(200)  # the form's check
    QTimer.singleShot(100, answer)
    form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    seen["form_open"] = form.isVisible()
    return seen


def test_a_conflicting_edit_keeps_mine_when_asked(two_windows, qtbot):
    a, _b = two_windows
    seen = edit_in_form(a, qtbot, "Mi cambio", "keep")
    assert seen["dialog"] == "conflict_dialog" and not seen["form_open"]
    assert seen["rows"] == [["Position or rank", "Por otra persona", "Mi cambio"]]
    assert operations.get_values(a.ctrl.store, "person", 1)["position"] == "Mi cambio"
    a.ctrl.undo_stack.undo()  # my change is one undo step; theirs comes back
    assert operations.get_values(a.ctrl.store, "person", 1)["position"] == "Por otra persona"


def test_a_conflicting_edit_takes_theirs_when_asked(two_windows, qtbot):
    a, _b = two_windows
    seen = edit_in_form(a, qtbot, "Mi cambio", "take")
    assert seen["dialog"] == "conflict_dialog" and not seen["form_open"]
    assert operations.get_values(a.ctrl.store, "person", 1)["position"] == "Por otra persona"
    assert not a.ctrl.undo_stack.canUndo()


def test_the_history_shows_who_changed_what_and_exports(two_windows, tmp_path):
    a, b = two_windows
    version = operations.get_values(a.ctrl.store, "person", 2)["version"]
    assert a.ctrl.update("person", 2, {"position": "Inspectora"}, version)
    b.ctrl.poll()
    b._actions["history"].trigger()
    dialog = b.files.last_history
    rows = [[dialog.cell(r, c) for c in range(5)] for r in range(dialog.proxy.rowCount())]
    assert rows[0][1:4] == ["planner", "Edit person", rows[0][3]]
    assert "position" in rows[0][4] and "Inspectora" in rows[0][4]
    dialog.filter.setText("Inspectora")
    assert dialog.proxy.rowCount() == 1 and dialog.count.text().startswith("1 change;")
    out = tmp_path / "history.xlsx"
    assert dialog.export(str(out))
    values = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    assert "planner" in values and "Edit person" in values
    dialog.close()


def test_open_shared_plan_from_the_menu_and_reopen_it_on_start(qtbot, tmp_path, pg_demo):
    from ui.dialogs.shared import ConnectDialog

    win = window_on(qtbot, tmp_path, "c", None)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectDialog)
        host_port, database = pg_demo.split("@", 1)[1].split("/")
        host, port = host_port.split(":")
        dialog.host.setText(host)
        dialog.port.setValue(int(port))
        dialog.database.setText(database)
        dialog.user.setText("planner")
        dialog.accept()

    QTimer.singleShot(100, fill)
    assert win._actions["open_shared"].trigger() is None and win.ctrl.store is not None
    assert win.ctrl.store.shared
    assert win.settings.get(opt.LAST_PLAN) == pg_demo
    assert pg_demo in win.settings.recent_plans()
    win.ctrl.close()
    again = window_on(qtbot, tmp_path, "c", None)
    again.start(None)  # the last plan, a shared one, reopens
    assert again.ctrl.store is not None and again.ctrl.store.shared
    again.ctrl.close()


def test_the_server_password_is_asked_when_no_pgpass_has_it(qtbot, tmp_path, pg_demo, monkeypatch):
    line = Path(os.environ["PGPASSFILE"]).read_text().strip()
    password = line.rsplit(":", 1)[1]
    win = window_on(qtbot, tmp_path, "d", None)
    asked = []
    with monkeypatch.context() as patch:  # until the end of this block only
        patch.setenv("PGPASSFILE", str(tmp_path / "none"))
        patch.setattr(win.files, "ask_password", lambda message: asked.append(message) or password)
        assert win.files.open_path(pg_demo)
        win.ctrl.close()
    assert asked and "wants the password of planner" in asked[0]


def test_publish_a_local_plan_from_the_file_menu(
    qtbot, tmp_path, demo_path, pg_address, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.shared import ConnectDialog

    win = window_on(qtbot, tmp_path, "e", str(demo_path))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectDialog)
        dialog.set_address(pg_address)
        dialog.accept()

    QTimer.singleShot(100, fill)
    assert win.files.publish_dialog()
    assert win.ctrl.store.shared and win.ctrl.store.location == pg_address
    assert len(queries.people(win.ctrl.store)) == 215
    win.ctrl.close()


def test_a_server_that_stops_answering_is_said_once_and_not_waited_on(
    two_windows, pg_server, monkeypatch
):
    import psycopg

    a, _b = two_windows
    database = a.ctrl.store.database
    seen: list[str] = []
    a.ctrl.connection.connect(seen.append)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (database,)
        )
    try:
        assert not a.ctrl.poll()
        assert len(seen) == 1 and seen[0]
        assert "does not answer" in a.statusBar().currentMessage()
        calls = []
        monkeypatch.setattr(a.ctrl.store, "last_change_id", lambda: calls.append(1) or 0)
        assert not a.ctrl.poll() and calls == []  # it waits before asking the server again
        monkeypatch.undo()
        # an edit meanwhile is refused in words, and nothing is saved
        assert not a.ctrl.update("person", 1, {"position": "Offline"}, 1)
        assert "connection" in a.last_error or "does not answer" in a.last_error
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    a.ctrl._quiet_until = 0.0  # the pause is over
    a.ctrl.poll()
    assert seen[-1] == ""  # back: said once
    assert operations.get_values(a.ctrl.store, "person", 1)["position"] != "Offline"


def test_the_welcome_page_opens_shared_plans_and_lists_them(qtbot, tmp_path, pg_demo):
    win = window_on(qtbot, tmp_path, "f", pg_demo)
    win.ctrl.close()
    item = win.welcome.recent.item(0)
    assert item.text().startswith(pg_demo.rsplit("/", 1)[1] + "  —  shared, on 127.0.0.1:")
    assert item.foreground().color().name() != "#808080"  # never "not found"
    win.welcome.recent.itemActivated.emit(item)
    assert win.ctrl.store is not None and win.ctrl.store.shared
    win.ctrl.close()
