"""The add/edit dialog of every kind of item, built on :class:`FormDialog`: the
:class:`ItemEditor` finds the kind's form builder in its table (made of each domain's forms:
``people``, ``agenda``, ``places``, ``logistics`` and ``budget`` beside this module), fills the
form with the item's values and saves what changed through the controller (one undoable
step)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from planner import operations
from planner.domain.errors import PlannerError
from planner.domain.labels import SessionKind, noun
from ui.dialogs.editors.agenda import AgendaForms
from ui.dialogs.editors.budget import BudgetForms
from ui.dialogs.editors.common import Choices, FormBuilder
from ui.dialogs.editors.evaluation import EvaluationForms
from ui.dialogs.editors.logistics import LogisticsForms
from ui.dialogs.editors.people import PeopleForms
from ui.dialogs.editors.places import PlacesForms
from ui.dialogs.form import FormDialog
from ui.formats import Formats
from ui.session.controller import PlanController


class ItemEditor(QObject):
    """Opens the right dialog for a kind of item, and saves through the controller."""

    def __init__(self, ctrl: PlanController, formats: Formats, parent: QObject | None = None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.formats = formats
        choices = Choices(ctrl, formats, self)
        # the form builder of each kind of item (the kinds of planner.operations)
        self.builders: dict[str, FormBuilder] = {}
        for forms in (
            PeopleForms,
            AgendaForms,
            PlacesForms,
            LogisticsForms,
            BudgetForms,
            EvaluationForms,
        ):
            self.builders.update(forms(ctrl, formats, choices).builders())

    # entry point
    def open(
        self,
        parent: QWidget,
        kind: str,
        item_id: int | None = None,
        preset: dict[str, Any] | None = None,
        view: str = "",
    ) -> FormDialog | None:
        """Build the dialog (not shown yet); ``exec()`` it. None if the item is gone.
        ``view``: another form of the same item (a person's duty of care)."""
        store = self.ctrl.require()
        try:
            if item_id is not None:
                initial = operations.get_values(store, kind, item_id)
            else:
                initial = {**operations.kind(kind).defaults, **(preset or {})}
        except PlannerError as exc:
            self.ctrl.failed.emit(str(exc))
            return None
        version = initial.pop("version", None)
        builder = self.builders[f"{kind}:{view}" if view else kind]
        sections, extra = builder(parent, item_id, initial)
        if kind == "session" and initial.get("kind") == SessionKind.SITE_VISIT:
            what = noun("site_visit")
        else:
            what = noun("place" if kind == "venue" else kind)
        title = (self.tr("New %s") % what) if item_id is None else (self.tr("Edit %s") % what)
        if view == "duty":
            title = self.tr("Duty of care: %s") % operations.ops_name(store, item_id or 0)
        dialog: FormDialog

        def validate(values: dict[str, Any]) -> list[Any]:
            return operations.validate(store, kind, values, item_id)

        def submit(values: dict[str, Any]) -> bool:
            if item_id is None:
                new_id = self.ctrl.create(kind, values)
                dialog.created_id = new_id
                return new_id is not None
            changes = dialog.changed_values()
            if not changes:
                return True
            return self.ctrl.update(
                kind, item_id, changes, expected_version=version, labels=dialog.labels()
            )

        dialog = FormDialog(
            parent,
            title,
            sections,
            validate,
            submit,
            initial,
            ok_text=self.tr("Add") if item_id is None else self.tr("Save"),
        )
        dialog.setObjectName(f"{kind}_{view}_dialog" if view else f"{kind}_dialog")
        # gone once closed: a day of editing does not pile hidden forms on the window
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if kind in (
            "room_block",
            "stay",
            "road_time",
            "stop",
            "vehicle",
            "per_diem_rate",
            "exchange_rate",
            "catering_rate",
            "funding_source",
            "budget_category",
            "budget_actual",
        ):
            dialog.setMinimumWidth(max(dialog.minimumWidth(), 500))  # room for long choices
        if extra is not None:
            extra(dialog)
        return dialog
