"""File ▸ Export…: what, for whom, in which language and where; written off the GUI thread,
cancellable without leaving a file, failures said in words."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner import queries
from planner.domain.errors import PlannerError
from planner.exports import catalog
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


def finish(qtbot, d: ExportDialog) -> None:
    qtbot.waitUntil(lambda: not d.running(), timeout=15000)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_export_comes_first_in_the_file_menu_on_ctrl_shift_e(window):
    actions = window._actions
    assert actions["export"].shortcut().toString() == "Ctrl+Shift+E"
    assert actions["edit"].shortcut().toString() == "Ctrl+E"  # as before: no clash
    assert actions["export"].isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    exports = [n for n in names if n.startswith("action_export")]
    assert exports[0] == "action_export" and len(exports) == 6
    window._actions["close"].trigger()
    assert not actions["export"].isEnabled()


def test_the_menu_opens_the_dialog_on_the_kind_last_exported(window, qtbot):
    window.settings.set(opt.EXPORT_KIND, "manifests")
    seen = {}

    def look():
        d = QApplication.activeModalWidget()
        seen["kind"] = d.kind().name
        d.reject()

    QTimer.singleShot(50, look)
    window._actions["export"].trigger()
    assert seen["kind"] == "manifests"


def test_writes_the_budget_workbook_and_offers_its_folder_and_file(dialog, qtbot, tmp_path):
    d = dialog("budget")
    assert d.heading.text() == "Budget workbook"
    assert d.path.text() == str(tmp_path / "demo budget.xlsx")  # next to the plan
    assert d.personal_note.isHidden()
    target = tmp_path / "out" / "Budget 2023.xlsx"
    target.parent.mkdir()
    d.path.setText(str(target))
    assert d.open_folder.isHidden()
    assert d.start()
    finish(qtbot, d)
    assert d.written == [target] and "Written to" in d.last_message
    assert d.path.text() == str(target)  # a name chosen by hand stays
    book = openpyxl.load_workbook(target)
    assert book.sheetnames  # a real workbook
    assert leftovers(target.parent) == []
    assert d.open_folder.isVisible() and d.open_file.isEnabled()
    opened = []
    d.open_url = opened.append
    d.open_folder.click()
    d.open_file.click()
    assert [u.toLocalFile() for u in opened] == [str(target.parent), str(target)]
    assert d.settings.get(opt.EXPORT_FOLDER) == str(target.parent)  # remembered


def test_the_last_folder_is_remembered_for_the_next_export(dialog, qtbot, tmp_path, window):
    folder = tmp_path / "exports"
    folder.mkdir()
    window.settings.set(opt.EXPORT_FOLDER, str(folder))
    d = dialog("perdiem")
    assert d.path.text() == str(folder / "demo per diem.xlsx")
    assert d.personal_note.isVisible()  # names and identity numbers: confidential


def test_an_itinerary_for_one_person(dialog, qtbot, tmp_path, window):
    store = window.ctrl.require()
    person = next(p for p in queries.people(store) if p.delegation == "Panama delegation")
    name = f"{person.given_name} {person.family_name}"
    d = dialog("itineraries")
    d.set_scope("person", person.id)
    assert d.options().person == person.id
    assert not d.split.isEnabled() and not d.everyone.isEnabled()
    assert Path(d.path.text()).name == f"demo itineraries - {name}.xlsx"
    assert d.start()
    finish(qtbot, d)
    book = openpyxl.load_workbook(d.written[0])
    assert book.sheetnames == [name]
    assert any(
        name in str(cell)
        for row in book.worksheets[0].iter_rows(max_row=3, values_only=True)
        for cell in row
    )


def test_filters_follow_the_kind(dialog):
    d = dialog("budget")
    assert [r.isEnabled() for r in d.radios.values()] == [True, False, False, False, False]
    assert d.radios["supplier"].isHidden()  # only what changed is for a supplier
    assert d.split.isHidden() and d.everyone.isHidden() and d.visit.isHidden()
    d.select_kind("clearance")
    assert d.visit.isVisible() and d.visit.count() >= 1
    assert d.options().visit == d.visit.currentData()
    d.select_kind("itineraries")
    assert all(r.isEnabled() for name, r in d.radios.items() if name != "supplier")
    assert d.split.isVisible() and d.split.text() == "&One file per person, into a folder"
    assert d.everyone.isVisible() and d.everyone.isEnabled()
    d.set_scope("group", d.group.itemData(0))
    assert d.group.isEnabled() and not d.person.isEnabled()
    assert d.options().group == d.group.itemData(0)
    d.path.setText(str(Path(d.path.text()).with_name("Mine.xlsx")))
    d.split.setChecked(True)
    assert d.options().split and Path(d.path.text()).name == "Mine"  # a folder
    d.split.setChecked(False)
    assert Path(d.path.text()).name == "Mine.xlsx"
    d.select_kind("budget")  # only the whole plan: the group choice goes
    assert d.scope() == "plan" and d.options().group is None and not d.options().split
    d.select_kind("changes")  # needs a delegation: the whole plan is not offered
    assert not d.radios["plan"].isEnabled() and d.scope() == "delegation"
    assert d.options().delegation is not None


def test_language_and_date_format(dialog):
    d = dialog("budget")
    assert d.options().lang == "en" and d.options().locale == "en"
    d.language.setCurrentIndex(d.language.findData("es"))
    assert d.options().lang == "es" and d.options().locale == "es-HN"  # a plan in Honduras
    d.date_locale.setCurrentIndex(d.date_locale.findData("es-PA"))
    assert d.options().locale == "es-PA"
    assert "11/25/2023" in d.date_locale.currentText()  # Panama writes the month first


def test_paper_is_the_countrys_unless_chosen(dialog):
    d = dialog("budget")
    assert d.options().paper is None and d.paper.currentText().startswith("Letter")  # Honduras
    d.paper.setCurrentIndex(d.paper.findData("a4"))
    assert d.options().paper == "a4"


def test_cancelling_leaves_no_file(dialog, qtbot, tmp_path):
    d = dialog("manifests")
    target = Path(d.path.text())
    assert d.start()
    d.cancel()
    finish(qtbot, d)
    assert not target.exists() and d.written == []
    assert d.last_message == "Cancelled; no file was written."
    assert leftovers(tmp_path) == []
    assert d.export_button.isEnabled()  # ready for another go


def test_cancelling_a_long_split_export_stops_it(dialog, qtbot, tmp_path):
    d = dialog("itineraries")
    d.split.setChecked(True)
    folder = Path(d.path.text())
    assert d.start()
    qtbot.waitUntil(lambda: d._progress is None or d._progress.done >= 1, timeout=15000)
    d.cancel()
    finish(qtbot, d)
    assert not folder.exists() and "Cancelled" in d.last_message
    assert leftovers(tmp_path) == []


def test_failures_are_said_in_words(dialog, qtbot, tmp_path, monkeypatch):
    d = dialog("budget")
    d.path.setText(str(tmp_path / "missing" / "budget.xlsx"))
    assert not d.export_button.isEnabled()
    assert "does not exist" in d.status.text() and not d.start()
    d.path.setText(str(tmp_path))  # a folder where a file is wanted
    assert "is a folder" in d.problem()

    def broken(*_args, **_kwargs):
        raise PlannerError("The plan has no budget lines yet.")

    monkeypatch.setattr(catalog, "run", broken)
    d.path.setText(str(tmp_path / "budget.xlsx"))
    assert d.start()
    finish(qtbot, d)
    assert d.status.text() == "Not exported: The plan has no budget lines yet."
    assert "Traceback" not in d.status.text() and not (tmp_path / "budget.xlsx").exists()
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_only_when_confirmed(dialog, qtbot, tmp_path):
    d = dialog("budget")
    target = tmp_path / "budget.xlsx"
    target.write_text("old")
    d.path.setText(str(target))
    asked = []
    d.confirm = lambda question: asked.append(question) or False
    assert not d.start() and target.read_text() == "old"
    d.confirm = lambda question: True
    assert d.start()
    finish(qtbot, d)
    assert asked == ["budget.xlsx exists already. Replace it?"]
    assert openpyxl.load_workbook(target).sheetnames


def test_every_export_from_the_window_in_spanish(dialog, qtbot, tmp_path, window):
    """Each kind of export, as a Spanish reader asks for it in the window: a delegation where
    the kind takes one, the whole plan otherwise; each file complete, nothing left behind."""
    out = tmp_path / "es"
    out.mkdir()
    d = dialog("schedule")
    for name, kind in catalog.KINDS.items():
        d.select_kind(name)
        d.language.setCurrentIndex(d.language.findData("es"))
        if "delegation" in kind.filters:  # certificates go to trainees: not Panama's staff
            wanted = "DNSPF trainees" if name == "certificates" else "Panama delegation"
            d.set_scope(
                "delegation",
                next(r.id for r in queries.delegations(window.ctrl.store) if r.name == wanted),
            )
        d.path.setText(str(out / f"{name}{kind.suffix}"))
        assert d.problem() == "", name
        assert d.start(), name
        finish(qtbot, d)
        assert d.written == [out / f"{name}{kind.suffix}"], (name, d.last_message)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}{k.suffix}" for n, k in catalog.KINDS.items()
    )
    book = openpyxl.load_workbook(out / "signin.xlsx")
    assert book.worksheets[0]["A2"].value.startswith("Hoja de asistencia")


def test_personal_data_can_be_left_out_by_default(window, dialog, qtbot, tmp_path):
    from ui import settings as opt

    d = dialog("participants")
    assert not d.without_personal.isChecked() and d.options().personal
    assert d.personal_note.isVisible()
    d.without_personal.setChecked(True)
    assert not d.options().personal and d.personal_note.isHidden()
    d.path.setText(str(tmp_path / "p.xlsx"))
    assert d.start()
    finish(qtbot, d)
    text = " ".join(
        str(c.value)
        for ws in openpyxl.load_workbook(tmp_path / "p.xlsx")
        for row in ws.iter_rows()
        for c in row
        if c.value
    )
    assert "left out of this export" in text
    window.settings.set(opt.EXPORTS_WITHOUT_PERSONAL, True)  # Edit ▸ Preferences
    again = dialog("itineraries")
    assert again.without_personal.isChecked() and not again.options().personal


def test_the_preference_is_kept(settings, qtbot):
    from ui import settings as opt
    from ui.dialogs.plan import PreferencesDialog

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.exports_without_personal.isChecked()
    dialog.exports_without_personal.setChecked(True)
    dialog.save()
    assert settings.get(opt.EXPORTS_WITHOUT_PERSONAL) is True
    assert PreferencesDialog(settings).exports_without_personal.isChecked()


def test_the_export_dialog_asks_whose_changes_a_delegations_or_a_suppliers(dialog, qtbot, tmp_path):
    from openpyxl import load_workbook

    d = dialog("changes")
    assert d.radios["supplier"].isVisible() and d.radios["supplier"].isEnabled()
    suppliers = [d.supplier.itemText(i) for i in range(d.supplier.count())]
    assert suppliers == ["Hotel Real Plaza", "The caterer", "The transport company"]
    d.radios["supplier"].setChecked(True)
    d.supplier.setCurrentIndex(0)
    options = d.options()
    assert (options.supplier, options.delegation) == ("hotel", None) and options.place
    d.path.setText(str(tmp_path / "hotel.xlsx"))
    d.start()
    finish(qtbot, d)
    rows = list(load_workbook(tmp_path / "hotel.xlsx").active.iter_rows(values_only=True))
    assert any(str(r[0]).startswith("Changes for Hotel Real Plaza") for r in rows[:4])
    other = dialog("rooming")
    assert not other.radios["supplier"].isVisible()  # only what changed is for a supplier
