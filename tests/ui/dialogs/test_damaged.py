"""A damaged plan in the window (issue 16, item 3): said in words with Recover… and Open the
Backup; a broken index is found in the background as the plan opens, and no edit is written;
Recover… saves what can be read in a new plan and opens it. The damaged file is not changed."""

from __future__ import annotations

import hashlib
import importlib.util
import random
import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.paths import ROOT
from ui.dialogs.damaged import DamagedBox, recover_plan

TOOL = ROOT / "tools" / "crash_harness.py"


def damage(path: Path, kind: str) -> None:
    spec = importlib.util.spec_from_file_location("crash_harness", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.damage(path, kind, random.Random(1))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_plan(demo_path: Path, tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "damaged" / "field trip.dplan"
    path.parent.mkdir()
    shutil.copyfile(demo_path, path)
    damage(path, kind)
    return path


def test_a_cut_plan_is_refused_with_recover_and_the_backup(
    window, qtbot, demo_path, tmp_path, monkeypatch
):
    path = damaged_plan(demo_path, tmp_path, "cut")
    backup = path.with_name("field trip backup format 4 20231120-101500.dplan")
    shutil.copyfile(demo_path, backup)
    before = digest(path)
    assert not window.files.open_path(path)
    box = window.last_damaged
    assert isinstance(box, DamagedBox) and box.isVisible()
    text = box.text()
    assert "field trip.dplan is damaged" in text and "cut short" in text
    assert "field trip backup format 4 20231120-101500.dplan" in text and "Recover" in text
    assert "planner recover" not in text  # the window has a button for it
    assert box.backup_button is not None
    box.backup_button.click()
    assert window.ctrl.store is not None and window.ctrl.store.path == backup
    assert digest(path) == before


def test_recover_saves_what_can_be_read_in_a_new_plan_and_opens_it(
    window, qtbot, demo_path, tmp_path, monkeypatch
):
    path = damaged_plan(demo_path, tmp_path, "cut")
    target = tmp_path / "damaged" / "field trip recovered.dplan"
    before = digest(path)
    assert not window.files.open_path(path)
    asked: list[str] = []

    def save_name(parent, caption, suggestion, filters):  # the file dialog
        asked.append(suggestion)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.last_damaged.recover_button.click()
    assert asked == [str(target)]  # "NAME recovered.dplan" beside it is suggested
    assert window.ctrl.store is not None and window.ctrl.store.path == target
    report = window.findChild(QMessageBox, "recovered_box")
    assert report is not None and "rows were saved" in report.text()
    assert "cut short" in report.text()
    assert digest(path) == before


def test_a_broken_index_is_found_as_the_plan_opens_and_no_edit_is_written(
    window, qtbot, demo_path, tmp_path
):
    path = damaged_plan(demo_path, tmp_path, "index")
    before = digest(path)
    assert window.files.open_path(path)  # quick_check passes: the plan shows
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(window, "last_damaged", None), DamagedBox)
            and window.last_damaged.isVisible()
        ),
        timeout=10_000,
    )
    assert "is damaged" in window.last_damaged.text()
    window.last_damaged.close()
    store = window.ctrl.store
    with store.reading() as r:
        person, version = r.rows("SELECT id, version FROM person ORDER BY id LIMIT 1")[0]
    assert not window.ctrl.update("person", person, {"notes": "after the damage"}, version)
    qtbot.waitUntil(lambda: window.last_damaged.isVisible(), timeout=5_000)
    window.ctrl.close()
    assert digest(path) == before


def test_recover_plan_reports_a_failure_in_words(window, tmp_path):
    missing = tmp_path / "gone.dplan"
    assert not recover_plan(window, missing, tmp_path / "new.dplan")
    assert "does not exist" in window.last_error


def test_a_read_that_meets_damage_in_the_window_shows_the_damaged_box(window, demo_path):
    """A page's read raising the damaged error ends in the damaged box, not in "Something
    unexpected went wrong"."""
    from planner.store.integrity import damaged
    from ui.shell.app import _report_unexpected

    error = damaged(demo_path, "database disk image is malformed")
    _report_unexpected(window)(type(error), error, None)
    assert isinstance(window.last_damaged, DamagedBox) and window.last_damaged.isVisible()
    assert "unexpected" not in window.last_error
