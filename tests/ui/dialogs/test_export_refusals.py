"""Issue 16, exports in the window: the Export dialog refuses what the command line refuses,
in the same words, before anything is written; the File menu's own exports are the Export
dialog (off the GUI thread, personal data as Preferences say); a note for "what changed" the
busy plan could not keep is said in the dialog's last message."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import openpyxl
import pytest

from planner.domain.errors import PlanBusyError, PlannerError
from planner.exports import catalog
from planner.exports.destination import check_output
from tests.planner.exports.test_destination import device
from ui import settings as opt
from ui.dialogs.export import ExportDialog


@pytest.fixture
def dialog(window, qtbot):
    def make(kind: str | None = None) -> ExportDialog:
        d = ExportDialog(window.ctrl, window.settings, window.formats, window, kind)
        qtbot.addWidget(d)
        d.show()
        return d

    return make


@pytest.fixture
def opened(monkeypatch):
    """The Export dialogs the File menu opens, shown without blocking the test."""
    dialogs: list[ExportDialog] = []

    def show(d):
        dialogs.append(d)
        d.show()
        return 0

    monkeypatch.setattr(ExportDialog, "exec", show)
    return dialogs


def finish(qtbot, d: ExportDialog) -> None:
    qtbot.waitUntil(lambda: not d.running(), timeout=15000)


def core_message(kind: str, path: Path, store, split: bool = False) -> str:
    with pytest.raises(PlannerError) as refused:
        check_output(catalog.KINDS[kind], path, split, store)
    return refused.value.message


def test_the_dialog_refuses_a_plan_a_device_or_another_extension_as_the_command_line(
    window, dialog, tmp_path, monkeypatch
):
    store = window.ctrl.require()
    plan = store.path
    before = plan.read_bytes()
    other = tmp_path / "other.dplan"
    other.write_bytes(before)
    (tmp_path / "link.xlsx").symlink_to(plan)
    os.mkfifo(tmp_path / "pipe.xlsx")
    d = dialog("participants")
    d.language.setCurrentIndex(d.language.findData("es"))
    d.set_scope("delegation", d.delegation.itemData(1))
    started = []
    monkeypatch.setattr("ui.dialogs.export.run_task", lambda *a, **k: started.append(a))
    for path, words in (
        (plan, "is the plan being exported"),
        (tmp_path / "link.xlsx", "is the plan being exported"),
        (other, "is a Delegation Planner plan"),
        (tmp_path / "pipe.xlsx", "is a named pipe"),
        (Path(device()), "is a device"),
        (tmp_path / "list.pdf", "does not end in .xlsx"),
    ):
        d.path.setText(str(path))
        said = core_message("participants", path, store)
        assert words in said
        assert d.problem() == said and d.status.text() == said  # the same words
        assert not d.export_button.isEnabled()
        assert not d.start() and not d.running()  # refused before the worker starts
        # the user's choices stay as they were, to correct only the name
        assert d.kind().name == "participants" and d.path.text() == str(path)
        assert d.options().lang == "es" and d.options().delegation == d.delegation.itemData(1)
    assert started == []
    assert plan.read_bytes() == before and other.read_bytes() == before
    assert (tmp_path / "pipe.xlsx").is_fifo()
    # one file per person into a plan (a file where the folder should be): refused too
    d.select_kind("itineraries")
    d.split.setChecked(True)
    d.path.setText(str(other))
    assert "is a Delegation Planner plan" in d.problem() and not d.start()


def test_a_plan_that_appears_while_the_export_runs_is_not_replaced(window, dialog, qtbot, tmp_path):
    store = window.ctrl.require()
    target = tmp_path / "budget.xlsx"
    d = dialog("budget")
    d.path.setText(str(target))
    assert d.start()
    target.write_bytes(store.path.read_bytes())  # before the finished file is moved there
    finish(qtbot, d)
    assert d.last_message.startswith("Not exported: ")
    assert "is a Delegation Planner plan" in d.last_message
    assert target.read_bytes() == store.path.read_bytes() and d.written == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_papers_for_personal_data_say_why_they_need_it(window, dialog, qtbot, tmp_path):
    d = dialog("perdiem")
    d.without_personal.setChecked(True)
    reason = catalog.KINDS["perdiem"].personal_purpose
    assert d.problem().startswith(reason) and "Untick" in d.problem()
    assert d.status.text() == d.problem() and not d.export_button.isEnabled()
    assert not d.start()
    d.select_kind("clearance")
    assert d.problem().startswith(catalog.KINDS["clearance"].personal_purpose)
    d.select_kind("participants")  # the others leave the columns out
    assert d.problem() == "" and d.export_button.isEnabled()
    d.select_kind("perdiem")
    d.without_personal.setChecked(False)
    assert d.problem() == "" and d.personal_note.isVisible()
    d.path.setText(str(tmp_path / "pay.xlsx"))
    assert d.start()
    finish(qtbot, d)
    assert d.written == [tmp_path / "pay.xlsx"]


def test_the_file_menu_exports_are_the_export_dialog_with_the_preference(
    window, opened, qtbot, tmp_path, monkeypatch
):
    window.settings.set(opt.EXPORTS_WITHOUT_PERSONAL, True)  # Edit ▸ Preferences
    threads = []
    real_run = catalog.run

    def run(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_run(*args, **kwargs)

    monkeypatch.setattr(catalog, "run", run)
    for action, kind in (
        ("export_agenda", "agenda"),
        ("export_manifests", "manifests"),
        ("export_budget", "budget"),
        ("export_perdiem", "perdiem"),
        ("export_clearance", "clearance"),
    ):
        window._actions[action].trigger()
        d = opened[-1]
        assert d.kind().name == kind, action
        assert d.without_personal.isChecked() and not d.options().personal, action
        if kind in ("perdiem", "clearance"):  # their purpose: refused, and said why
            assert "cannot be written without personal data" in d.status.text(), action
            assert not d.export_button.isEnabled()
            continue
        d.path.setText(str(tmp_path / f"{kind}.xlsx"))
        assert d.start(), (action, d.last_message)
        finish(qtbot, d)
        assert d.written == [tmp_path / f"{kind}.xlsx"], (action, d.last_message)
        assert openpyxl.load_workbook(d.written[0]).sheetnames
    assert threads == [False, False, False]  # written off the GUI thread, by the catalog
    # the budget page's own buttons open the same dialog
    window.show_page("budget")
    window.pages["budget"].export_perdiem.emit()
    assert opened[-1].kind().name == "perdiem"


def test_the_main_window_has_no_export_path_of_its_own(window):
    assert not hasattr(window, "_export")


def test_a_note_the_busy_plan_could_not_keep_is_said_after_the_export(
    window, dialog, qtbot, tmp_path, monkeypatch
):
    def busy(*_args, **_kwargs):
        raise PlanBusyError(
            "demo.dplan is busy: another program is writing to it. Try again in a moment.",
            "demo.dplan",
        )

    monkeypatch.setattr("planner.exports.changes.record", busy)
    d = dialog("itineraries")
    d.set_scope("delegation", d.delegation.itemData(0))
    d.path.setText(str(tmp_path / "trips.xlsx"))
    assert d.start()
    finish(qtbot, d)
    assert d.written == [tmp_path / "trips.xlsx"]
    first, second = d.last_message.split("\n")
    assert first == f"Written to {tmp_path / 'trips.xlsx'}"
    assert second.startswith("The export is written, but its note for “What changed”")
    assert "is busy" in second and "compares with the export before this one" in second
