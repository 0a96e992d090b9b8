"""Plan ▸ Test Results…: the trainees down, the tests across, a score in each cell typed from
the keyboard ("17", "17,5", "17/20" or "85 %"); a cell that is no score turns red and says
why, and nothing is saved while one does. Save records every changed score as one step that
Edit ▸ Undo takes back. A plan without tests gets its pre-test and post-test here."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import current_language
from planner.imports.results import parse_score
from planner.operations import Batch
from planner.operations.evaluation import add_questionnaire, add_tests, import_results
from planner.queries.evaluation import results, trainees_for_results
from ui.dialogs.editors.editor import ItemEditor
from ui.formats import Formats
from ui.session.controller import PlanController

PERSON_ROLE = Qt.ItemDataRole.UserRole
BAD = QColor("#F8D7DA")


class ResultsDialog(QDialog):
    def __init__(
        self,
        ctrl: PlanController,
        formats: Formats,
        parent: QWidget | None = None,
        editor: ItemEditor | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.formats, self.editor = ctrl, formats, editor
        self.setObjectName("results_dialog")
        self.setWindowTitle(self.tr("Test results"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add a pre-test and a post-test (out of 20)"), self)
        self.add_button.clicked.connect(self.add_tests)
        self.test_button = QPushButton(self.tr("Add a &Test…"), self)
        self.test_button.setToolTip(
            self.tr("A pre-test or post-test of a module; double-click a heading to edit its test")
        )
        self.test_button.clicked.connect(lambda: self.edit_test(None))
        self.questions_button = QPushButton(self.tr("&Questionnaire…"), self)
        self.questions_button.clicked.connect(self.edit_questions)
        for button in (self.test_button, self.questions_button):
            button.setVisible(editor is not None)
        self.table = QTableWidget(self)
        self.table.setObjectName("results_table")
        self.table.itemChanged.connect(self._edited)
        self.table.horizontalHeader().sectionDoubleClicked.connect(
            lambda column: self.edit_test(self.tests[column - 1][0]) if column > 0 else None
        )
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.clicked.connect(self.save)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.test_button)
        top.addWidget(self.questions_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.tests: list[tuple[int, str, Decimal | None]] = []
        self.saved: dict[tuple[int, int], Decimal] = {}
        self.wanted: dict[tuple[int, int], Decimal] = {}
        self.bad: set[tuple[int, int]] = set()
        self.load()
        self.resize(900, 600)

    def load(self) -> None:
        store = self.ctrl.require()
        held = results(store)
        people = trainees_for_results(store)
        order = {"pre_test": 0, "post_test": 1}
        self.tests = [
            (t.id, t.title, t.max_score)
            for t in sorted(
                held.tests.values(), key=lambda t: (t.module or 0, order.get(t.kind, 2), t.id)
            )
        ]
        self.saved = {
            (person, test): points
            for test, scores in held.scores.items()
            for person, points in scores.items()
        }
        self.wanted, self.bad = {}, set()
        self.add_button.setVisible(not self.tests)
        self.note.setText(
            self.tr("Type each trainee's score; Save records them (Ctrl+S).")
            if self.tests
            else self.tr("The plan has no test yet.")
        )
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(1 + len(self.tests))
        self.table.setRowCount(len(people))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Trainee"), *[f"{title} (/{top})" for _i, title, top in self.tests]]
        )
        for row, (person, name) in enumerate(people):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setData(PERSON_ROLE, person)
            self.table.setItem(row, 0, item)
            for column, (test, _title, _top) in enumerate(self.tests, start=1):
                points = self.saved.get((person, test))
                cell = QTableWidgetItem("" if points is None else self.formats.score(points))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._update()

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            return
        self.table.blockSignals(True)  # its colour and tip are no edit of the score
        try:
            self._check(item)
        finally:
            self.table.blockSignals(False)
        self._update()

    def _check(self, item: QTableWidgetItem) -> None:
        name = self.table.item(item.row(), 0)
        if name is None:
            return
        person = int(name.data(PERSON_ROLE))
        test, _title, top = self.tests[item.column() - 1]
        key = (person, test)
        text = item.text().strip()
        self.bad.discard(key)
        self.wanted.pop(key, None)
        item.setBackground(QBrush())
        item.setToolTip("")
        if not text:
            return
        points = parse_score(text, top)
        if points is None or points < 0 or (top is not None and points > top):
            self.bad.add(key)
            item.setBackground(QBrush(BAD))
            item.setToolTip(
                self.tr("'%1' is not a score from 0 to %2")
                .replace("%1", text)
                .replace("%2", str(top))
            )
        elif self.saved.get(key) != points:
            self.wanted[key] = points

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.wanted) and not self.bad)
        if self.bad:
            self.save_button.setToolTip(self.tr("Correct the red cells first."))
        else:
            self.save_button.setToolTip("")

    def save(self) -> bool:
        """Record every changed score in one step (never while a cell is wrong)."""
        if self.bad or not self.wanted:
            return False
        store = self.ctrl.require()
        scores: dict[int, dict[int, Decimal]] = {}
        for (person, test), points in self.wanted.items():
            scores.setdefault(test, {})[person] = points
        text = self.tr("Record %n score(s)", "", len(self.wanted))

        def make() -> Batch:
            batch = import_results(store, scores, [], text)
            if batch is None:
                raise PlannerError(self.tr("Nothing to save: these scores are recorded already."))
            return batch

        if self.ctrl.run_batch(text, make=make) is None:
            return False
        self.load()
        return True

    def edit_test(self, test: int | None) -> None:
        """The form of a test (a new one when ``test`` is None)."""
        if self.editor is None:
            return
        form = self.editor.open(self, "assessment", test)
        if form is not None and form.exec():
            self.load()

    def edit_questions(self) -> None:
        if self.editor is not None:
            QuestionsDialog(self.ctrl, self.editor, self).exec()

    def add_tests(self) -> None:
        store = self.ctrl.require()
        text = self.tr("Add a pre-test and a post-test")
        if self.ctrl.run_batch(
            text,
            make=lambda: add_tests(
                store, self.tr("Pre-test"), self.tr("Post-test"), Decimal(20), text
            ),
        ):
            self.load()


class QuestionsDialog(QDialog):
    """The satisfaction questionnaire's questions: add, edit (double-click) or delete; a plan
    without the questionnaire gets the default one, in English and Spanish."""

    def __init__(self, ctrl: PlanController, editor: ItemEditor, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctrl, self.editor = ctrl, editor
        self.setObjectName("questions_dialog")
        self.setWindowTitle(self.tr("Satisfaction questionnaire"))
        self.list = QListWidget(self)
        self.list.itemActivated.connect(lambda item: self.edit(int(item.data(PERSON_ROLE))))
        self.default_button = QPushButton(self.tr("Add the &default questionnaire"), self)
        self.default_button.clicked.connect(self.add_default)
        add = QPushButton(self.tr("&Add…"), self)
        add.clicked.connect(lambda: self.edit(None))
        delete = QPushButton(self.tr("&Delete"), self)
        delete.clicked.connect(self.delete)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.default_button, add, delete):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.resize(640, 420)
        self.load()

    def load(self) -> None:
        held = results(self.ctrl.require(), personal=False)
        self.questionnaire = next(iter(held.questionnaires), None)
        self.default_button.setVisible(self.questionnaire is None)
        self.list.clear()
        for q in sorted(held.questions.values(), key=lambda q: (q.assessment, q.position)):
            text = q.text_es if current_language() == "es" and q.text_es else q.text
            item = QListWidgetItem(f"{q.position}. {text}")
            item.setData(PERSON_ROLE, q.id)
            self.list.addItem(item)

    def edit(self, question: int | None) -> None:
        if self.questionnaire is None:
            return
        preset = {"assessment_id": self.questionnaire, "position": self.list.count() + 1}
        form = self.editor.open(self, "question", question, preset)
        if form is not None and form.exec():
            self.load()

    def delete(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.ctrl.delete("question", [int(item.data(PERSON_ROLE))]):
            self.load()

    def add_default(self) -> None:
        store = self.ctrl.require()
        title = self.tr("Satisfaction questionnaire")
        if self.ctrl.run_batch(title, make=lambda: add_questionnaire(store, title)):
            self.load()
