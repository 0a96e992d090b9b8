"""The forms of the training's tests and of the questionnaire's questions."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from planner import queries
from planner.domain.i18n import _
from planner.domain.labels import AssessmentKind
from planner.queries.evaluation import results
from ui.dialogs.editors.common import Extra, FormBuilder, Forms, compact
from ui.dialogs.form import FormField, Section
from ui.widgets.fields import ChoiceField, IntField, MoneyField, NotesField, TextField


class EvaluationForms(Forms):
    def builders(self) -> dict[str, FormBuilder]:
        return {"assessment": self.assessment, "question": self.question}

    def assessment(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        modules = [(c.id, c.label) for c in queries.choices(self.ctrl.require(), "module")]
        kinds = [(k.value, _(k.label)) for k in AssessmentKind]
        return [
            Section(
                self.tr("Test or questionnaire"),
                [
                    FormField("kind", self.tr("&Kind"), ChoiceField(kinds, parent)),
                    FormField(
                        "module_id",
                        self.tr("&Of"),
                        compact(
                            ChoiceField([(None, self.tr("the whole training")), *modules], parent)
                        ),
                    ),
                    FormField(
                        "title",
                        self.tr("&Title"),
                        TextField(parent, self.tr("e.g. Pre-test"), 200),
                    ),
                    FormField(
                        "max_score",
                        self.tr("&Maximum score"),
                        MoneyField(parent, self.tr("e.g. 20")),
                        self.tr("Scores are typed out of it (17 of 20); a questionnaire has none."),
                    ),
                    FormField("notes", self.tr("Note&s"), NotesField(parent)),
                ],
            )
        ], None

    def question(
        self, parent: QWidget, item_id: int | None, initial: dict[str, Any]
    ) -> tuple[list[Section], Extra]:
        held = results(self.ctrl.require(), personal=False)
        forms = [(i, title) for i, title in held.questionnaires.items()]
        return [
            Section(
                self.tr("Question"),
                [
                    FormField(
                        "assessment_id", self.tr("&Questionnaire"), ChoiceField(forms, parent)
                    ),
                    FormField("position", self.tr("&Position"), IntField(parent, maximum=999)),
                    FormField(
                        "kind",
                        self.tr("&Answer"),
                        ChoiceField(
                            [
                                ("rating", self.tr("A rating from 1 to 5")),
                                ("open", self.tr("Words (an open question)")),
                            ],
                            parent,
                        ),
                    ),
                    FormField(
                        "text",
                        self.tr("In &English"),
                        TextField(parent, self.tr("e.g. The training met its objectives."), 500),
                    ),
                    FormField(
                        "text_es",
                        self.tr("In &Spanish"),
                        TextField(
                            parent, self.tr("e.g. La capacitación cumplió sus objetivos."), 500
                        ),
                    ),
                ],
            )
        ], None
