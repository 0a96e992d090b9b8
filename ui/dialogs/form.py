"""A dialog that edits one item's fields and validates as you type.

Validation is the core's (``planner.operations.validate``): the dialog only shows each field's
message
under the field and keeps the OK button disabled while any remains. On OK it hands the changed
values to ``submit``; the dialog stays open if the change fails (e.g. changed elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import FieldError, PlannerError
from ui.widgets.fields import Field

ERROR_STYLE = "color: #B00020;"


@dataclass
class FormField:
    key: str
    label: str
    widget: Field
    hint: str = ""


@dataclass
class Section:
    title: str
    fields: Sequence[FormField]
    column: int = 0


Validator = Callable[[dict[str, Any]], list[FieldError]]  # a form's values -> what is wrong
Submitter = Callable[[dict[str, Any]], bool]  # a form's values -> saved?


class FormDialog(QDialog):
    created_id: int | None = None  # the id of the item an add dialog created

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        sections: Sequence[Section],
        validate: Validator,
        submit: Submitter,
        initial: dict[str, Any] | None = None,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._validate = validate
        self._submit = submit
        self._fields: dict[str, FormField] = {}
        self._errors: dict[str, QLabel] = {}
        self._initial: dict[str, Any] = {}
        self._general_error = QLabel(self)
        self._general_error.setStyleSheet(ERROR_STYLE)
        self._general_error.setWordWrap(True)
        self._general_error.hide()

        columns: dict[int, QVBoxLayout] = {}
        row = QHBoxLayout()
        for section in sections:
            box = QGroupBox(section.title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            for f in section.fields:
                self._fields[f.key] = f
                holder = QWidget(box)
                v = QVBoxLayout(holder)
                v.setContentsMargins(0, 0, 0, 0)
                v.setSpacing(2)
                v.addWidget(f.widget)
                if f.hint:
                    hint = QLabel(f.hint, holder)
                    hint.setStyleSheet("color: palette(mid);")
                    hint.setWordWrap(True)
                    v.addWidget(hint)
                error = QLabel(holder)
                error.setStyleSheet(ERROR_STYLE)
                error.setWordWrap(True)
                error.hide()
                v.addWidget(error)
                self._errors[f.key] = error
                label = QLabel(f.label, box)
                label.setBuddy(f.widget)
                form.addRow(label, holder)
                f.widget.setAccessibleName(f.label.replace("&", ""))
                f.widget.edited.connect(self._schedule)
            if section.column not in columns:
                columns[section.column] = QVBoxLayout()
                row.addLayout(columns[section.column], 1)
            columns[section.column].addWidget(box)
        for column in columns.values():
            column.addStretch(1)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self._ok.setText(ok_text)
        self._buttons.accepted.connect(self._on_ok)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self._general_error)
        layout.addWidget(self._buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.check)

        if len(columns) > 1:
            self.setMinimumWidth(min(1200, 480 * len(columns)))
        if initial:
            self.set_values(initial)
        self._initial = self.values()
        self.check()
        if sections and sections[0].fields:
            sections[0].fields[0].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # values
    def field(self, key: str) -> Field:
        return self._fields[key].widget

    def labels(self) -> dict[str, str]:
        """Each field's label as shown, without its Alt+letter marker."""
        return {key: f.label.replace("&", "") for key, f in self._fields.items()}

    def wrap_saving(
        self,
        validate: Callable[[Validator, dict[str, Any]], list[FieldError]],
        submit: Callable[[Submitter, dict[str, Any]], bool],
    ) -> None:
        """Let a form check and save through its own functions, each given the usual one to
        call (a person's groups, saved with the person in one step); checks again at once."""
        usual_validate, usual_submit = self._validate, self._submit
        self._validate = lambda values: validate(usual_validate, values)
        self._submit = lambda values: submit(usual_submit, values)
        self.check()

    def values(self) -> dict[str, Any]:
        return {key: f.widget.value() for key, f in self._fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key in self._fields:
                self._fields[key].widget.set_value(value)
        # a long value reads from its start ("Toncontín International…"), not its end
        for line in self.findChildren(QLineEdit):
            line.setCursorPosition(0)

    def changed_values(self) -> dict[str, Any]:
        """Only what the user changed (so an edit never overwrites other fields)."""
        current = self.values()
        return {k: v for k, v in current.items() if self._initial.get(k) != v}

    # validation
    def _schedule(self) -> None:
        self._timer.start()

    def check(self) -> bool:
        try:
            errors = self._validate(self.values())
        except PlannerError as exc:  # e.g. the item was deleted elsewhere meanwhile
            errors = [FieldError("", str(exc))]
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for e in errors:
            if e.field in self._errors:
                by_field.setdefault(e.field, []).append(e.message)
            else:
                general.append(e.message)
        for key, label in self._errors.items():
            messages = by_field.get(key)
            label.setText("\n".join(messages or []))
            label.setVisible(bool(messages))
            widget = self._fields[key].widget
            widget.setProperty("invalid", bool(messages))
            widget.setToolTip("\n".join(messages or []))
        self._general_error.setText("\n".join(general))
        self._general_error.setVisible(bool(general))
        self._ok.setEnabled(not errors)
        return not errors

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter right after typing saves: the check still waiting on its timer runs now, so a
        quick typist is not stopped by an OK button that is about to turn on."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._timer.isActive()
            and not event.modifiers()
        ):
            self._on_ok()
            return
        super().keyPressEvent(event)

    def _on_ok(self) -> None:
        self._timer.stop()
        if not self.check():
            return
        if self._submit(self.values()):
            self.accept()
