"""Form fields: each has ``value()``, ``set_value()`` and an ``edited`` signal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.domain.reference import fold

NO_DATE = QDate(1899, 12, 31)


def _plain(value: Any) -> Any:
    """Item data as Python gave it: Qt may hand tuples back as lists."""
    return tuple(value) if isinstance(value, list) else value


class TextField(QLineEdit):
    edited = Signal()

    def __init__(
        self, parent: QWidget | None = None, placeholder: str = "", max_length: int = 200
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setMaxLength(max_length + 50)  # the core explains what is too long
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.edited)

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(value or "")


class NotesField(QPlainTextEdit):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(80)
        self.textChanged.connect(self.edited)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText(value or "")


class IntField(QSpinBox):
    """A whole number; with ``empty_text`` the lowest value means 'not known' (None), a step
    below 0 when ``zero_counts`` (0 % allowed is not the same as no allowance agreed)."""

    edited = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        maximum: int = 100_000,
        suffix: str = "",
        empty_text: str = "",
        zero_counts: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setRange(-1 if empty_text and zero_counts else 0, maximum)
        self.setSuffix(suffix)
        self.setGroupSeparatorShown(True)
        self._optional = bool(empty_text)
        if empty_text:
            self.setSpecialValueText(empty_text)
        self.valueChanged.connect(self.edited)

    def value(self) -> int | None:  # type: ignore[override]
        number = int(super().value())
        if self._optional and number == self.minimum():
            return None
        return number

    def set_value(self, value: Any) -> None:
        self.setValue(self.minimum() if value is None else int(value or 0))


class MoneyField(TextField):
    """An amount of money as typed ("85.50" or "85,50"); the core checks and reads it exactly.

    ``value()`` is the text (None when empty), never a float."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent, placeholder, 20)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def value(self) -> str | None:  # type: ignore[override]
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText(
            ""
            if value is None
            else format(value, "f")
            if isinstance(value, Decimal)
            else str(value)
        )


class NumberField(TextField):
    """A decimal number such as a latitude, or nothing; text that is not a number is handed
    on as typed, for the core to explain."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent, placeholder, 30)

    def value(self) -> float | str | None:  # type: ignore[override]
        text = self.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            return self.text().strip()

    def set_value(self, value: Any) -> None:
        self.setText(
            "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        )


class ChoiceField(QComboBox):
    """A fixed list of (value, label); ``None`` may be one of the values."""

    edited = Signal()

    def __init__(self, items: Sequence[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in items:
            self.addItem(label, value)
        self.currentIndexChanged.connect(self.edited)

    def value(self) -> Any:
        return _plain(self.currentData())

    def set_value(self, value: Any) -> None:
        value = _plain(value)
        for i in range(self.count()):
            if _plain(self.itemData(i)) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


class SearchCombo(QComboBox):
    """A long list to pick from by typing part of a name (accents ignored)."""

    edited = Signal()

    def __init__(
        self,
        items: Sequence[tuple[Any, str]],
        none_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if none_label is not None:
            self.addItem(none_label, None)
        for value, label in items:
            self.addItem(label, value)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(self.edited)
        self.lineEdit().editingFinished.connect(self._settle)

    def lineEdit(self) -> QLineEdit:
        """Never None: the box is editable."""
        line = super().lineEdit()
        assert line is not None
        return line

    def _settle(self) -> None:
        """Typed text chooses the item it names: its whole label, its name without the code in
        brackets ("Guatemala" for "Guatemala (GT)"), its code, or the one label it is part
        of. Text that names none, or several, goes back to the chosen item and says why."""
        text = self.currentText().strip()
        if text == self.itemText(self.currentIndex()):
            return
        found = self.find_item(text)
        if found >= 0:
            self.setCurrentIndex(found)
            self.setEditText(self.itemText(found))
            return
        self.setEditText(self.itemText(self.currentIndex()))
        if text:
            several = sum(1 for i in range(self.count()) if fold(text) in fold(self.itemText(i)))
            message = (
                self.tr("“%1” matches several: choose one from the list.")
                if several > 1
                else self.tr("“%1” is not in the list: type part of a name and choose it.")
            )
            QToolTip.showText(
                self.mapToGlobal(self.rect().bottomLeft()), message.replace("%1", text), self
            )

    def find_item(self, text: str) -> int:
        """The item ``text`` names (-1 for none or several)."""
        folded = fold(text.strip())
        if not folded:
            return -1
        labels = [fold(self.itemText(i)) for i in range(self.count())]
        for i, label in enumerate(labels):
            name = label.rsplit(" (", 1)[0] if label.endswith(")") else label
            data = self.itemData(i)
            if folded in (label, name) or (isinstance(data, str) and fold(data) == folded):
                return i
        for test in (str.startswith, str.__contains__):
            hits = [i for i, label in enumerate(labels) if test(label, folded)]
            if len(hits) == 1:
                return hits[0]
        return -1

    def value(self) -> Any:
        return _plain(self.currentData())

    def set_value(self, value: Any) -> None:
        value = _plain(value)
        for i in range(self.count()):
            if _plain(self.itemData(i)) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


class DateField(QDateEdit):
    """A date; with ``optional`` the lowest value means 'not known' and shows a dash."""

    edited = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        optional: bool = False,
        display_format: str = "",
        empty_text: str = "—",
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        if display_format:
            self.setDisplayFormat(display_format)
        if optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(empty_text)
        else:
            self.setMinimumDate(QDate(1900, 1, 1))
        self.setMaximumDate(QDate(2200, 12, 31))
        self.dateChanged.connect(self.edited)

    def value(self) -> date | None:
        d = self.date()
        if self.optional and d == NO_DATE:
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: Any) -> None:
        if value is None:
            self.setDate(NO_DATE if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class DateTimeField(QDateTimeEdit):
    """A wall-clock time in a given zone; ``value()`` is an aware datetime."""

    edited = Signal()

    def __init__(
        self, zone: ZoneInfo, parent: QWidget | None = None, display_format: str = ""
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setCalendarPopup(True)
        if display_format:
            self.setDisplayFormat(display_format)
        self.dateTimeChanged.connect(self.edited)

    def value(self) -> datetime:
        dt = self.dateTime()
        d, t = dt.date(), dt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)

    def set_value(self, value: Any) -> None:
        local = value.astimezone(self.zone)
        self.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def set_zone(self, zone: ZoneInfo) -> None:
        """Read the same wall-clock time in another zone (a ticket's time zone corrected)."""
        if zone != self.zone:
            self.zone = zone
            self.edited.emit()


class OptionalDateTimeField(QWidget):
    """A date and time that may not be known: a tick box, then the time; ``value()`` is None
    while the box is not ticked. Ticking it offers ``default()`` (or the last time shown)."""

    edited = Signal()

    def __init__(
        self,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        display_format: str = "",
        empty_text: str = "—",
    ) -> None:
        super().__init__(parent)
        self.default: Callable[[], datetime | None] | None = None  # the time to offer when ticked
        self._last: datetime | None = None
        self.known = QCheckBox(self)
        self.known.setToolTip(self.tr("Tick when the time is known"))
        self.known.setAccessibleName(self.tr("Time known"))
        self.edit = DateTimeField(zone, self, display_format)
        self.edit.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)))
        self.edit.setSpecialValueText(empty_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)
        self.known.toggled.connect(self._toggled)
        self.edit.edited.connect(self.edited)
        self._show(None)

    @property
    def zone(self) -> ZoneInfo:
        return self.edit.zone

    def set_zone(self, zone: ZoneInfo) -> None:
        self.edit.set_zone(zone)

    def _show(self, value: datetime | None) -> None:
        self.known.blockSignals(True)
        self.edit.blockSignals(True)
        self.known.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is None:
            self.edit.setDateTime(self.edit.minimumDateTime())  # shows the empty text
        else:
            self.edit.set_value(value)
        self.edit.blockSignals(False)
        self.known.blockSignals(False)

    def _toggled(self, on: bool) -> None:
        if on:
            offer = self._last or (self.default() if callable(self.default) else None)
            self._show(offer or datetime.now(self.zone).replace(second=0, microsecond=0))
        else:
            self._last = self.value_if_known()
            self._show(None)
        self.edited.emit()

    def value_if_known(self) -> datetime | None:
        return self.edit.value() if self.edit.isEnabled() else None

    def value(self) -> datetime | None:
        return self.edit.value() if self.known.isChecked() else None

    def set_value(self, value: Any) -> None:
        self._show(value)
        self.edited.emit()

    def set_known(self, on: bool) -> None:
        """Tick or untick the box as the user would (offering a time when ticked)."""
        if self.known.isChecked() != on:
            self.known.setChecked(on)


class ColourField(QPushButton):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = "#4C78A8"
        self.clicked.connect(self._choose)
        self._paint()

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Choose a colour"))
        if chosen.isValid():
            self.set_value(chosen.name().upper())
            self.edited.emit()

    def _paint(self) -> None:
        self.setText(self._colour)
        text = "#000000" if QColor(self._colour).lightness() > 140 else "#FFFFFF"
        self.setStyleSheet(f"background-color: {self._colour}; color: {text};")
        self.setAccessibleName(self.tr("Colour %s") % self._colour)

    def value(self) -> str:
        return self._colour

    def set_value(self, value: Any) -> None:
        self._colour = value or "#4C78A8"
        self._paint()


class _CheckedFilter(QSortFilterProxyModel):
    """Filters by the search text and, when asked, to ticked items only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._only_checked = False

    def set_only_checked(self, on: bool) -> None:
        self._only_checked = on
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._only_checked:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked.value:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class CheckListField(QWidget):
    """Pick several items from a long list: a search box, checkboxes, and a count.

    Items are (key, label, section); keys are what ``value()`` returns.
    """

    edited = Signal()

    def __init__(
        self,
        items: Sequence[tuple[Any, str, str]],
        parent: QWidget | None = None,
        search_placeholder: str = "",
        ticked_first: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ticked_first = ticked_first
        self._model = QStandardItemModel(self)
        for key, label, section in items:
            item = QStandardItem(f"{label}  ·  {section}" if section else label)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setData(fold(f"{label} {section}"), Qt.ItemDataRole.UserRole + 1)
            self._model.appendRow(item)
        self._proxy = _CheckedFilter(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterRole(Qt.ItemDataRole.UserRole + 1)
        self._only_ticked = QCheckBox(self.tr("Only ticked"), self)
        self._only_ticked.toggled.connect(self._proxy.set_only_checked)
        self._search = QLineEdit(self)
        self._search.setPlaceholderText(search_placeholder or self.tr("Type to filter…"))
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(lambda t: self._proxy.setFilterFixedString(fold(t)))
        self._view = QListView(self)
        self._view.setModel(self._proxy)
        self._view.setUniformItemSizes(True)
        self._view.setMinimumHeight(160)
        self._count = QLabel(self)
        self._note = ""
        select_shown = QPushButton(self.tr("Tick shown"), self)
        select_shown.clicked.connect(lambda: self._set_shown(True))
        clear_shown = QPushButton(self.tr("Untick shown"), self)
        clear_shown.clicked.connect(lambda: self._set_shown(False))
        top = QHBoxLayout()
        top.addWidget(self._search, 1)
        top.addWidget(self._only_ticked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._count, 1)
        buttons.addWidget(select_shown)
        buttons.addWidget(clear_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._view, 1)
        layout.addLayout(buttons)
        self._model.itemChanged.connect(self._on_changed)
        self._update_count()
        self.setFocusProxy(self._search)

    def _set_shown(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._model.blockSignals(True)
        for row in range(self._proxy.rowCount()):
            source = self._proxy.mapToSource(self._proxy.index(row, 0))
            self._model.itemFromIndex(source).setCheckState(state)
        self._model.blockSignals(False)
        self._view.viewport().update()
        self._on_changed()

    def _on_changed(self, *_args: Any) -> None:
        self._update_count()
        self.edited.emit()

    def _update_count(self) -> None:
        n = len(self.value())
        text = self.tr("%n selected", "", n)
        self._count.setText(f"{text} · {self._note}" if self._note else text)

    def set_note(self, note: str, warn: bool = False) -> None:
        """A few words after the count (e.g. how many people the ticked groups hold), in red
        with ``warn``."""
        self._note = note
        self._count.setStyleSheet("color: #B00020;" if warn else "")
        self._update_count()

    def value(self) -> list[Any]:
        return [
            self._model.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self._model.rowCount())
            if self._model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        """Tick exactly these keys; ticked items move to the top of the list."""
        wanted = {tuple(v) if isinstance(v, list) else v for v in (value or [])}
        self._model.blockSignals(True)
        rows = [self._model.takeRow(0) for _ in range(self._model.rowCount())]
        ticked: list[list[QStandardItem]] = []
        unticked: list[list[QStandardItem]] = []
        for row in rows:
            item = row[0]
            key = item.data(Qt.ItemDataRole.UserRole)
            key = tuple(key) if isinstance(key, list) else key
            on = key in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            (ticked if on else unticked).append(row)
        if not self._ticked_first:
            ticked, unticked = rows, []  # keep the given order (days stay chronological)
        for row in ticked + unticked:
            self._model.appendRow(row)
        self._model.blockSignals(False)
        self._proxy.invalidate()
        self._view.viewport().update()
        self._update_count()


class PathField(QWidget):
    """A file to save to: shows the path, 'Choose…' asks with the system's save dialog."""

    edited = Signal()

    def __init__(
        self, parent: QWidget | None = None, file_filter: str = "", suffix: str = ".dplan"
    ) -> None:
        super().__init__(parent)
        self._dialog = QFileDialog
        self._filter = file_filter
        self._suffix = suffix
        self._edit = QLineEdit(self)
        self._edit.textChanged.connect(self.edited)
        button = QPushButton(self.tr("Choose…"), self)
        button.clicked.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._edit, 1)
        layout.addWidget(button)
        self.setFocusProxy(self._edit)

    def _choose(self) -> None:
        path, _selected = self._dialog.getSaveFileName(
            self, self.tr("Save the plan as"), self._edit.text(), self._filter
        )
        if path:
            if not path.lower().endswith(self._suffix):
                path += self._suffix
            self._edit.setText(path)

    def value(self) -> str:
        return self._edit.text().strip()

    def set_value(self, value: Any) -> None:
        self._edit.setText(str(value or ""))


class CheckField(QCheckBox):
    """Yes or no, with its text beside the box."""

    edited = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(self.edited)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class PercentField(QDoubleSpinBox):
    """A percentage from 0 to 100 with two decimals; ``value()`` is an exact ``Decimal``."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, suffix: str = " %") -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setDecimals(2)
        self.setSingleStep(1)
        self.setSuffix(suffix)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.valueChanged.connect(self.edited)

    def value(self) -> Decimal:  # type: ignore[override]
        exact = Decimal(f"{super().value():.2f}")
        return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact

    def set_value(self, value: Any) -> None:
        self.setValue(float(value or 0))


class MonthField(QComboBox):
    """A month (its first day) from a list around the plan's dates; with ``none_label`` the
    first entry means 'not set' (None)."""

    edited = Signal()

    def __init__(
        self, first: date, last: date, parent: QWidget | None = None, none_label: str | None = None
    ) -> None:
        super().__init__(parent)
        if none_label is not None:
            self.addItem(none_label, None)
        month = first.replace(day=1)
        while month <= last:
            self._add(month)
            month = _next_month(month)
        self.currentIndexChanged.connect(self.edited)

    def _add(self, month: date) -> None:
        text = QLocale().toString(QDate(month.year, month.month, 1), "MMMM yyyy")
        self.addItem(text[:1].upper() + text[1:], month)

    def value(self) -> date | None:
        found = self.currentData()
        return found if isinstance(found, date) else None

    def set_value(self, value: Any) -> None:
        if isinstance(value, date):
            value = value.replace(day=1)
            months = [self.itemData(i) for i in range(self.count())]
            if value not in months:
                later = [i for i, m in enumerate(months) if isinstance(m, date) and m > value]
                self.blockSignals(True)
                self._add(value)
                if later:  # keep the months in order
                    self.removeItem(self.count() - 1)
                    text = QLocale().toString(QDate(value.year, value.month, 1), "MMMM yyyy")
                    self.insertItem(later[0], text[:1].upper() + text[1:], value)
                self.blockSignals(False)
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


class FixedField(QLabel):
    """A value the form carries but does not let the user change, shown as text."""

    edited = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value


# A form's field: one of the widgets above, each with value(), set_value() and ``edited``.
Field = (
    TextField
    | NotesField
    | IntField
    | MoneyField
    | NumberField
    | ChoiceField
    | SearchCombo
    | DateField
    | DateTimeField
    | OptionalDateTimeField
    | ColourField
    | CheckListField
    | PathField
    | CheckField
    | PercentField
    | MonthField
    | FixedField
)
