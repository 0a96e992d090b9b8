"""File ▸ Import when the same roster was imported elsewhere meanwhile (issue 16, item 2): the
window adds nobody twice and says what the import did, not what its check foresaw."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from planner import queries
from planner.cli import main
from tests.paths import DATA
from ui.dialogs.importer import ImportWizard

ROSTER = DATA / "roster-dnspf-honduras.xlsx"


def test_an_import_finished_after_someone_elses_says_what_it_did(window, qtbot, capsys):
    store = window.ctrl.require()
    before = len(queries.people(store))
    wizard = ImportWizard(window.ctrl, window, str(ROSTER))
    wizard.wait = True
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.source.delegation.setEditText("Cohorte 2024")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.check
    new = wizard.preview.count("new")
    assert new > 0 and "will be created" in wizard.check.summary.text()
    # meanwhile another program imports the same roster into the same plan
    assert (
        main(["import", "people", str(store.path), str(ROSTER), "--delegation", "Cohorte 2024"])
        == 0
    )
    capsys.readouterr()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    people = queries.people(store)
    assert len(people) == before + new  # each person once
    assert [d.name for d in queries.delegations(store)].count("Cohorte 2024") == 1
    assert wizard.batch is not None and wizard.batch.created.get("person", []) == []
    assert wizard.outcome.startswith("Import 0 people from roster-dnspf-honduras.xlsx: 0 new,")
    assert "already there or repeated" in wizard.outcome
    assert window.ctrl.undo_stack.undoText().endswith(
        "Import 0 people from roster-dnspf-honduras.xlsx"
    )
