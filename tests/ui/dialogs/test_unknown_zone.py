"""A plan in a time zone this computer does not know, in the window (issue 16, item 10): the
message names the zone, and Copy in a Known Zone… makes a copy on the plan's own dates in a
zone chosen from the ones that ship with the program, then opens it. The plan is not changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from ui.dialogs.unknown_zone import UnknownZoneBox, ZoneChoice


def unknown_zone_plan(path: Path) -> None:
    with sqlite3.connect(path) as con:  # as a plan made where 'Mars/Olympus' was a zone
        con.execute("UPDATE plan SET timezone = 'Mars/Olympus'")
        con.execute(
            "UPDATE agenda_session SET timezone = 'Mars/Olympus'"
            " WHERE timezone = 'America/Tegucigalpa'"
        )
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the file, to compare it after
    con.close()


def test_the_window_names_the_zone_and_copies_the_plan_into_a_known_one(
    window, qtbot, demo_path, tmp_path, monkeypatch
):
    unknown_zone_plan(demo_path)
    before = demo_path.read_bytes()
    assert not window.files.open_path(demo_path)
    box = window.last_unknown_zone
    assert isinstance(box, UnknownZoneBox) and box.isVisible()
    assert "'Mars/Olympus'" in box.text() and "Plan Details" in box.text()

    def choose(dialog: ZoneChoice) -> int:
        assert "Mars/Olympus" in dialog.findChild(type(dialog.layout().itemAt(0).widget())).text()
        assert dialog.value() == "America/Tegucigalpa"  # the plan's country's zone, suggested
        dialog.zone.setCurrentIndex(dialog.zone.findData("America/Panama"))
        return QDialog.DialogCode.Accepted

    copy = tmp_path / "rescued.dplan"
    monkeypatch.setattr(ZoneChoice, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    box.copy_button.click()
    store = window.ctrl.store
    assert store is not None and store.path == copy
    with store.reading() as r:
        assert r.value("SELECT timezone FROM plan") == "America/Panama"
        assert r.value("SELECT start_date FROM plan")[:10] == "2023-11-25"
    assert demo_path.read_bytes() == before
