"""File ▸ Import, Split into Groups and Merge People in the window: one undo step each."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard

from planner import operations, queries
from planner.exports.agenda_list import write_agenda_list
from tests.paths import DATA
from ui.dialogs.importer import ImportWizard
from ui.dialogs.people_tools import MergeDialog, SplitDialog


def wizard_on(window, qtbot, path: Path, people: bool = True) -> ImportWizard:
    wizard = ImportWizard(window.ctrl, window, str(path))
    wizard.wait = True
    qtbot.addWidget(wizard)
    if not people:
        wizard.source.agenda.setChecked(True)
    wizard.show()
    return wizard


def finish(wizard: ImportWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def names(window) -> set[str]:
    return {p.name for p in queries.people(window.ctrl.require())}


def test_the_honduran_roster_imports_from_the_wizard_as_one_undo_step(window, qtbot):
    window.show_page("people")
    assert window._actions["import"].isEnabled()
    wizard = wizard_on(window, qtbot, DATA / "roster-dnspf-honduras.xlsx")
    assert wizard.source.sheet.count() >= 1
    wizard.source.delegation.setEditText("DNSPF trainees 2024")
    wizard.next()
    assert wizard.currentPage() is wizard.columns
    chosen = {
        wizard.columns.grid.item(r, 0).text(): wizard.columns.grid.cellWidget(r, 2).currentData()
        for r in range(wizard.columns.grid.rowCount())
    }
    assert chosen["Nombres"] == "given_name" and chosen["Apellidos"] == "family_name"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.check
    pv = wizard.preview
    assert pv is not None and pv.errors == []
    summary = wizard.check.summary.text()
    assert summary == (
        f"{pv.count('new')} new. “DNSPF trainees 2024” (delegation) will be created."
    )
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    before = len(queries.people(window.ctrl.require()))
    finish(wizard)
    assert wizard.batch is not None
    after = queries.people(window.ctrl.require())
    assert len(after) == before + pv.count("new")
    assert "Darwin Cruz Paz" in {p.name for p in after}
    assert window.ctrl.undo_stack.undoText().startswith("Import")
    window.ctrl.undo_stack.undo()
    assert len(queries.people(window.ctrl.require())) == before
    assert "DNSPF trainees 2024" not in {d.name for d in queries.delegations(window.ctrl.require())}
    window.ctrl.undo_stack.redo()
    assert "Darwin Cruz Paz" in names(window)


def test_rows_with_errors_block_the_import_until_the_user_skips_them(window, qtbot, tmp_path):
    path = tmp_path / "lista.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Nombres", "Apellidos", "Sexo", "Fecha de nacimiento"])
    ws.append(["Ana", "Zelaya", "Mujer", "12/03/1985"])
    ws.append(["", "", "F", "01/01/1990"])  # no name
    ws.append(["Luis", "Ordóñez", "Masc.", "31/02/1990"])  # impossible date
    wb.save(path)
    wizard = wizard_on(window, qtbot, path)
    wizard.next()
    wizard.next()
    pv = wizard.preview
    assert [r.row for r in pv.errors] == [3, 4]
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish_button.isEnabled()
    shown = {
        wizard.check.rows.item(i, 0).text(): wizard.check.rows.item(i, 3).text()
        for i in range(wizard.check.rows.rowCount())
    }
    assert set(shown) == {"3", "4"}  # the list opens on the errors
    assert "name" in shown["3"].lower() and "date" in shown["4"].lower()
    before = names(window)
    assert wizard.check.skip.isVisible()
    wizard.check.skip.setChecked(True)
    assert finish_button.isEnabled()
    finish(wizard)
    assert names(window) - before == {"Ana Zelaya"}


def test_a_changed_agenda_list_comes_back_as_updates(window, qtbot, tmp_path):
    store = window.ctrl.require()
    path = write_agenda_list(store, tmp_path / "agenda.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header_row = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Session ID")
    titles = [c.value for c in ws[header_row]].index("Title") + 1
    ws.cell(header_row + 1, titles).value = "Opening ceremony (moved)"
    wb.save(path)
    wizard = wizard_on(window, qtbot, path, people=False)
    wizard.next()
    assert wizard.currentPage() is wizard.check  # no column page for an agenda list
    pv = wizard.preview
    assert (pv.count("update"), pv.count("new"), pv.count("error")) == (1, 0, 0)
    table = wizard.check.rows
    updates = [
        table.item(i, 3).text()
        for i in range(table.rowCount())
        if table.item(i, 1).text() == "update"
    ]
    assert updates == ["changes: title"]
    finish(wizard)
    assert "Opening ceremony (moved)" in {s.title for s in queries.sessions(store)}
    window.ctrl.undo_stack.undo()
    assert "Opening ceremony (moved)" not in {s.title for s in queries.sessions(store)}


def test_undo_of_an_import_survives_edits_made_and_undone_after_it(window, qtbot):
    wizard = wizard_on(window, qtbot, DATA / "delegation-panama.xlsx")
    wizard.source.delegation.setEditText("Panama delegation")
    wizard.next()
    wizard.next()
    finish(wizard)
    store = window.ctrl.require()
    selvin = next(p for p in queries.people(store) if p.name == "Selvin Murillo García")
    assert window.ctrl.update("person", selvin.id, {"phone": "+507 6000-0000"})
    window.ctrl.undo_stack.undo()  # the phone
    window.ctrl.undo_stack.undo()  # the import
    assert "Selvin Murillo García" not in names(window)
    window.ctrl.undo_stack.redo()
    window.ctrl.undo_stack.redo()
    again = next(p for p in queries.people(store) if p.name == "Selvin Murillo García")
    assert again.phone == "+507 6000-0000"


def test_split_a_delegation_into_four_balanced_groups_and_undo(window, qtbot):
    store = window.ctrl.require()
    groups_before = {g.name for g in queries.groups(store)}
    dialog = SplitDialog(window.ctrl, window)
    qtbot.addWidget(dialog)
    source = dialog.source.currentText()
    assert "200 people" in source  # the largest delegation is offered first
    dialog.into.setValue(4)
    assert dialog.preview.rowCount() == 4
    assert dialog.ok.isEnabled()
    dialog.accept()
    made = [g for g in queries.groups(store) if g.name not in groups_before]
    assert sorted(g.size for g in made) == [50, 50, 50, 50]
    women = [g.women for g in made]
    assert max(women) - min(women) <= 1
    assert len(dialog.result_ids) == 4
    window.ctrl.undo_stack.undo()
    assert {g.name for g in queries.groups(store)} == groups_before


def test_split_refuses_more_groups_than_people(window, qtbot):
    dialog = SplitDialog(window.ctrl, window)
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(
        next(i for i in range(dialog.source.count()) if "(4 people)" in dialog.source.itemText(i))
    )
    dialog.into.setValue(5)
    assert not dialog.ok.isEnabled()
    assert "at most 4 groups" in dialog.message.text()


def test_people_listed_twice_are_merged_from_the_people_page(window, qtbot):
    store = window.ctrl.require()
    original = next(p for p in queries.people(store) if p.id_number and not p.dietary_needs)
    twin = operations.create(
        store,
        "person",
        {
            "given_name": original.given_name.upper(),
            "family_name": original.family_name,
            "id_number": original.id_number,
            "dietary_needs": "Vegetarian",
        },
    ).id
    window.ctrl.poll()
    count = len(queries.people(store))
    panel = window.pages["people"].panels[0]
    window.show_page("people")
    assert any(a.text() == "Find Duplicates…" for a, _n in panel.tools)
    dialog = MergeDialog(window.ctrl, window.formats, window)
    qtbot.addWidget(dialog)
    assert dialog.sets.count() == 1
    assert dialog.records.rowCount() == 2
    dialog.merge_current()
    assert dialog.sets.count() == 0 and "Nobody is listed twice" in dialog.status.text()
    after = queries.people(store)
    assert len(after) == count - 1
    kept = [p for p in after if p.id_number == original.id_number]
    # the fuller record is kept, and its blank fields are filled from the other
    assert len(kept) == 1 and kept[0].id == original.id
    assert kept[0].dietary_needs == "Vegetarian"
    window.ctrl.undo_stack.undo()
    assert twin in {p.id for p in queries.people(store)}


def test_merge_selected_needs_two_rows(window, qtbot):
    window.show_page("people")
    panel = window.pages["people"].panels[0]
    merge_selected = next(a for a, n in panel.tools if n == 2)
    first = [p.id for p in queries.people(window.ctrl.require())][:2]
    panel.select_ids(first[:1])
    assert not merge_selected.isEnabled()
    panel.select_ids(first)
    assert merge_selected.isEnabled()


def test_long_work_runs_off_the_window_thread_in_the_user_language(window, qtbot):
    from planner.domain.i18n import _, set_language
    from planner.imports.people import Cancelled
    from ui.session.worker import message_of, run_task

    set_language("es")
    seen: dict[str, object] = {}
    run_task(
        window,
        "…",
        lambda progress: _("'{name}' is not a kind of item."),
        lambda r: seen.setdefault("ok", r),
        lambda e: seen.setdefault("error", e),
        wait=True,
    )
    assert seen == {"ok": "'{name}' no es un tipo de elemento."}

    def endless(progress):
        while not progress.cancelled():
            time.sleep(0.005)
        raise Cancelled

    seen.clear()
    progress = run_task(
        window,
        "…",
        endless,
        lambda r: seen.setdefault("ok", r),
        lambda e: seen.setdefault("error", e),
    )
    progress.cancel()
    qtbot.waitUntil(lambda: "error" in seen, timeout=3000)
    assert isinstance(seen["error"], Cancelled)
    assert message_of(ValueError("x")) == "ValueError: x"


def test_reading_that_takes_too_long_can_be_abandoned(window, qtbot):
    from PySide6.QtWidgets import QProgressDialog

    from ui.session.worker import Abandoned, run_task

    seen: dict[str, object] = {}
    release = []

    def slow_read(progress):
        while not release:
            time.sleep(0.005)
        return "table"

    run_task(
        window,
        "Reading…",
        slow_read,
        lambda r: seen.setdefault("ok", r),
        lambda e: seen.setdefault("error", e),
        abandon=True,
    )
    dialog = window.findChild(QProgressDialog)
    dialog.canceled.emit()  # what its Cancel button and Esc do
    assert isinstance(seen["error"], Abandoned)
    release.append(True)
    qtbot.wait(100)
    assert "ok" not in seen  # the late result is thrown away


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_first_page(window, qtbot, tmp_path):
    fake = tmp_path / "lista.xlsx"
    fake.write_text("this is not a workbook")
    wizard = wizard_on(window, qtbot, fake)
    assert "lista.xlsx" in wizard.source.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.source.file.setText(str(DATA / "delegation-small.ods"))
    assert wizard.source.error.text() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
