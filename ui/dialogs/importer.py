"""File ▸ Import: people or an agenda from a spreadsheet, in three steps.

1. The file, its sheet, and (for people) where to put them.
2. (people) Which column holds what, guessed from the headings, remembered for next time.
3. Every row checked: new, update, already there, or error with the reason and row number.
Import writes every valid row in one step (or nothing), which Edit ▸ Undo takes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner import queries
from planner.domain.errors import PlannerError
from planner.domain.labels import noun
from ui.session.controller import PlanController
from ui.session.worker import Abandoned, Progress, message_of, run_task

if TYPE_CHECKING:  # loaded when a file is read (the workbook readers, SQLAlchemy)
    from planner.imports.agenda import AgendaPreview
    from planner.imports.people import Preview
    from planner.imports.readers import Table
    from planner.operations import Batch

STATUS_COLOURS = {"new": "#2E7D32", "update": "#1565C0", "duplicate": "#6D6D6D", "error": "#B00020"}


class ImportWizard(QWizard):
    def __init__(
        self, ctrl: PlanController, parent: QWidget | None = None, path: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("import_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.table: Table | None = None  # the sheet read (page 1)
        self.mapping: dict[str, str | None] = {}
        self.preview: Preview | AgendaPreview | None = None  # the rows checked (page 3)
        self.batch: Batch | None = None  # what the import did, once done
        self.outcome = ""  # what the import did, once done
        self.wait = False  # tests and scripts: run the work to its end before returning
        self.source = SourcePage(self, path)
        self.columns = ColumnsPage(self)
        self.check = CheckPage(self)
        self.setPage(0, self.source)
        self.setPage(1, self.columns)
        self.setPage(2, self.check)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(980, 640)

    def people(self) -> bool:
        return self.source.people.isChecked()

    def sheet_read(self) -> Table:
        """The sheet the first page read (the later pages come after it)."""
        assert self.table is not None
        return self.table

    def nextId(self) -> int:
        current = self.currentId()
        if current == 0:
            return 1 if self.people() else 2
        if current == 1:
            return 2
        return -1


class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, path: str | None) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("What to import"))
        self.setSubTitle(
            self.tr(
                "Rosters and agendas from Excel (.xlsx, .xls), LibreOffice"
                " (.ods) or CSV files, in Spanish or English."
            )
        )
        self.people = QRadioButton(self.tr("&People (a roster or list of participants)"), self)
        self.agenda = QRadioButton(self.tr("A&genda (one row per session)"), self)
        self.people.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.people)
        kinds.addButton(self.agenda)
        self.file = QLineEdit(self)
        self.file.setPlaceholderText(self.tr("Choose a file…"))
        browse = QPushButton(self.tr("Bro&wse…"), self)
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox(self)
        self.sheet.setAccessibleName(self.tr("Sheet"))
        store = wizard.ctrl.require()
        self.delegation = self._names_combo([c.label for c in queries.choices(store, "delegation")])
        self.organisation = self._names_combo(
            [c.label for c in queries.choices(store, "organisation")]
        )
        self.group = self._names_combo([c.label for c in queries.choices(store, "group")])
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        for label, widget in ((self.tr("&File"), row), (self.tr("&Sheet"), self.sheet)):
            text = QLabel(label, self)
            if isinstance(widget, QWidget):
                text.setBuddy(widget)
            else:
                text.setBuddy(self.file)
            form.addRow(text, widget)
        self.people_box = QWidget(self)
        people_form = QFormLayout(self.people_box)
        people_form.setContentsMargins(0, 8, 0, 0)
        for label, widget, tip in (
            (
                self.tr("Put them in the &delegation"),
                self.delegation,
                self.tr("Type a new name to create the delegation."),
            ),
            (
                self.tr("Their &organisation"),
                self.organisation,
                self.tr("Used where the file gives none; a new name is created."),
            ),
            (
                self.tr("And in the gro&up"),
                self.group,
                self.tr("Optional; a new name creates the group."),
            ),
        ):
            text = QLabel(label, self.people_box)
            text.setBuddy(widget)
            widget.setToolTip(tip)
            people_form.addRow(text, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addWidget(self.agenda)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.people_box)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.unreadable = False
        self.file.textChanged.connect(self._file_changed)
        self.people.toggled.connect(self.people_box.setVisible)
        if path:
            self.file.setText(path)

    def _names_combo(self, names: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItem("")
        combo.addItems(names)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from"),
            self.file.text(),
            self.tr("Spreadsheets and CSV (*.xlsx *.xls *.ods *.csv);;All files (*)"),
        )
        if path:
            self.file.setText(path)

    def _file_changed(self, text: str) -> None:
        from planner.imports.readers import sheet_names

        self.sheet.clear()
        self.error.clear()
        self.unreadable = False
        path = Path(text.strip())
        if text.strip() and path.is_file():
            try:
                self.sheet.addItems(sheet_names(path))
            except PlannerError as exc:
                self.error.setText(str(exc))
                self.unreadable = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return Path(self.file.text().strip()).is_file() and not self.unreadable

    def validatePage(self) -> bool:
        from planner.imports import agenda, people
        from planner.imports.readers import read_table

        self.error.clear()
        path = self.file.text().strip()
        sheet = self.sheet.currentText() or None
        known = people.known_header if self.people.isChecked() else agenda.known_header
        result: dict[str, Any] = {}

        def read(progress: Progress) -> Table:
            return read_table(path, sheet, known_headers=known)

        def failed(exc: BaseException) -> None:
            result["error"] = (
                self.tr("Reading stopped. Press Next to read the file again.")
                if isinstance(exc, Abandoned)
                else message_of(exc)
            )

        run_task(
            self,
            self.tr("Reading %s…") % Path(path).name,
            read,
            lambda table: result.setdefault("table", table),
            failed,
            wait=True,
            abandon=True,
        )
        if "error" in result:
            self.error.setText(result["error"])
            return False
        self.w.table = table = result["table"]
        if self.people.isChecked():
            try:
                self.w.mapping = people.mapping_for(self.w.ctrl.require(), table)
            except PlannerError as exc:
                self.error.setText(str(exc))
                return False
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Which column holds what"))
        self.setSubTitle(
            self.tr(
                "Guessed from the headings; correct any that are wrong. The"
                " choice is remembered for the next file with these headings."
            )
        )
        self.grid = QTableWidget(0, 3, self)
        self.grid.setObjectName("column_mapping")
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Read as")]
        )
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.read_as: list[QComboBox] = []  # the grid's last column, a heading's field
        self.unmapped = QLabel(self)
        self.unmapped.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.unmapped)

    def initializePage(self) -> None:
        from planner.imports.people import FIELDS, field_label, text_of

        table = self.w.sheet_read()
        self.grid.setRowCount(len(table.headers))
        self.read_as = []
        for row, header in enumerate(table.headers):
            self.grid.setItem(row, 0, QTableWidgetItem(header))
            samples = [
                text_of(cells[row])
                for _n, cells in table.rows[:40]
                if row < len(cells) and cells[row] not in (None, "")
            ][:3]
            self.grid.setItem(row, 1, QTableWidgetItem(" · ".join(samples)))
            combo = QComboBox(self.grid)
            combo.addItem(self.tr("— leave out —"), None)
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(self.w.mapping.get(header))))
            combo.currentIndexChanged.connect(self._changed)
            combo.setAccessibleName(self.tr("Read %s as") % header)
            self.grid.setCellWidget(row, 2, combo)
            self.read_as.append(combo)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(2, 220)
        self._changed()

    def _changed(self, *_args: Any) -> None:
        for header, combo in zip(self.w.sheet_read().headers, self.read_as, strict=True):
            self.w.mapping[header] = combo.currentData()
        left_out = [h for h, f in self.w.mapping.items() if f is None]
        self.unmapped.setText(
            self.tr("Not imported: %s.") % ", ".join(f"“{h}”" for h in left_out) if left_out else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        targets = set(self.w.mapping.values())
        return bool(targets & {"given_name", "family_name", "full_name"})


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Every row checked"))
        self.setSubTitle(
            self.tr(
                "Rows are numbered as the spreadsheet shows them. Nothing is"
                " written until you press Import."
            )
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.show_only = QComboBox(self)
        for value, label in (
            (None, self.tr("All rows")),
            ("error", self.tr("Errors")),
            ("warning", self.tr("Rows with warnings")),
            ("new", self.tr("New")),
            ("update", self.tr("Updates")),
            ("duplicate", self.tr("Already there or repeated")),
        ):
            self.show_only.addItem(label, value)
        self.show_only.currentIndexChanged.connect(self._fill)
        self.rows = QTableWidget(0, 4, self)
        self.rows.setObjectName("import_rows")
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Why")]
        )
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setWordWrap(True)
        self.rows.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.skip = QCheckBox(self.tr("Import the valid rows and &skip those with errors"), self)
        self.skip.toggled.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(QLabel(self.tr("Show:"), self))
        row.addWidget(self.show_only)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.skip)

    def initializePage(self) -> None:
        from planner.imports import agenda, people

        store = self.w.ctrl.require()
        table = self.w.sheet_read()
        src = self.w.source

        def check(progress: Progress) -> people.Preview | agenda.AgendaPreview:
            if self.w.people():
                return people.preview(
                    store,
                    table,
                    self.w.mapping,
                    delegation=src.delegation.currentText(),
                    organisation=src.organisation.currentText(),
                    group=src.group.currentText(),
                    progress=progress,
                    cancelled=progress.cancelled,
                )
            return agenda.preview(store, table, cancelled=progress.cancelled)

        def done(pv: people.Preview | agenda.AgendaPreview) -> None:
            self.w.preview = pv
            self._show(pv)

        def failed(exc: BaseException) -> None:
            self.w.preview = None
            self.summary.setStyleSheet("color: #B00020;")
            self.summary.setText(
                self.tr("Stopped; nothing was imported.")
                if type(exc).__name__ == "Cancelled"
                else message_of(exc)
            )
            self.completeChanged.emit()

        self.summary.setText(self.tr("Checking…"))
        run_task(
            self,
            self.tr("Checking %n row(s)…", "", len(table.rows)),
            check,
            done,
            failed,
            wait=self.w.wait,
        )

    def _show(self, pv: Preview | AgendaPreview) -> None:
        warnings = sum(1 for r in pv.rows if r.warnings)
        counts = (
            (pv.count("new"), self.tr("%n new", "", pv.count("new"))),
            (pv.count("update"), self.tr("%n to update", "", pv.count("update"))),
            (
                pv.count("duplicate"),
                self.tr("%n already in the plan or repeated", "", pv.count("duplicate")),
            ),
            (len(pv.errors), self.tr("%n with errors", "", len(pv.errors))),
            (warnings, self.tr("%n with warnings", "", warnings)),
        )
        text = ", ".join(part for n, part in counts if n) or self.tr("The sheet has no rows.")
        text += "."
        created = getattr(pv, "new_names", {})
        for kind, names in created.items():
            for name in names:
                text += " " + self.tr("“%1” (%2) will be created.").replace("%1", name).replace(
                    "%2", kind_name(kind)
                )
        if pv.errors:
            text += " " + self.tr(
                "Fix these rows in the file and import it again, or import"
                " the other rows and skip them."
            )
        self.summary.setStyleSheet("color: #B00020;" if pv.errors else "")
        self.summary.setText(text)
        self.skip.setVisible(bool(pv.errors))
        self.skip.setChecked(False)
        if pv.errors:
            self.show_only.setCurrentIndex(1)
        self._fill()
        self.completeChanged.emit()

    def _fill(self, *_args: Any) -> None:
        pv = self.w.preview
        if pv is None:
            return
        wanted = self.show_only.currentData()
        labels = {
            "new": self.tr("new"),
            "update": self.tr("update"),
            "duplicate": self.tr("already there"),
            "error": self.tr("error"),
        }
        shown = [
            r
            for r in pv.rows
            if wanted is None or r.status == wanted or (wanted == "warning" and r.warnings)
        ][:5000]
        self.rows.setRowCount(len(shown))
        for i, r in enumerate(shown):
            why = "; ".join(
                [
                    *r.reasons,
                    *([r.note] if getattr(r, "note", "") else []),
                    *(self.tr("warning: %s") % w for w in r.warnings),
                ]
            )
            if getattr(r, "changes", None) and r.status == "update":
                why = (why + "; " if why else "") + self.tr("changes: %s") % ", ".join(
                    self._change_label(c) for c in r.changes
                )
            for column, value in enumerate((str(r.row), labels[r.status], r.name, why)):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setForeground(QColor(STATUS_COLOURS[r.status]))
                self.rows.setItem(i, column, item)
        self.rows.resizeColumnsToContents()
        self.rows.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _change_label(self, name: str) -> str:
        from planner.imports.people import FIELDS, field_label

        if name in FIELDS:
            return field_label(name)
        return {
            "title": self.tr("title"),
            "kind": self.tr("kind"),
            "starts_at": self.tr("start"),
            "ends_at": self.tr("end"),
            "room_id": self.tr("room"),
            "audience": self.tr("audience"),
            "facilitator_ids": self.tr("facilitators"),
            "module_id": self.tr("module"),
            "location": self.tr("place"),
            "description": self.tr("description"),
            "notes": self.tr("notes"),
        }.get(name, name)

    def isComplete(self) -> bool:
        pv = self.w.preview
        if pv is None:
            return False
        useful = any(r.status in ("new", "update") for r in pv.rows)
        return useful and (not pv.errors or self.skip.isChecked())

    def validatePage(self) -> bool:
        from planner.imports import agenda, people

        store = self.w.ctrl.require()
        pv = self.w.preview
        assert pv is not None  # isComplete lets the page end only with the rows checked
        result: dict[str, Any] = {}

        def write(progress: Progress) -> Batch:
            def report(done: int, total: int) -> None:
                progress(done, total)
                if progress.cancelled():
                    raise people.Cancelled  # the transaction rolls back: nothing changes

            if isinstance(pv, people.Preview):  # its mapping is remembered in the same step
                return people.apply(
                    store, pv, skip_invalid=self.skip.isChecked(), progress=report, remember=True
                )
            return agenda.apply(store, pv, skip_invalid=self.skip.isChecked())

        run_task(
            self,
            self.tr("Importing…"),
            write,
            lambda batch: result.setdefault("batch", batch),
            lambda exc: result.setdefault("error", exc),
            wait=True,
        )
        if "error" in result:
            exc = result["error"]
            self.summary.setStyleSheet("color: #B00020;")
            self.summary.setText(
                self.tr("Stopped; nothing was imported.")
                if type(exc).__name__ == "Cancelled"
                else message_of(exc)
            )
            return False
        batch = result["batch"]
        # the rows were matched again as they were written (someone may have imported the
        # same file meanwhile): say what was done, not what the check foresaw
        self.w.outcome = (
            self.tr("%1: %2")
            .replace("%1", batch.label)
            .replace(
                "%2",
                people.summary(
                    people.report(pv) if isinstance(pv, people.Preview) else agenda.report(pv)
                ),
            )
        )
        self.w.batch = self.w.ctrl.run_batch(batch.label, batch=batch)
        return True


def kind_name(kind: str) -> str:
    return noun(
        {"organisation": "organisation", "delegation": "delegation", "group": "group"}[kind]
    )
