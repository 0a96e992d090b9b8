"""New plan, plan details, and preferences."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain import reference
from planner.domain.errors import FieldError, PlannerError
from planner.domain.labels import PlaceKind, place_kind_label
from planner.domain.reference import currency_codes, timezones
from planner.store import PlanStore, new_plan_path_problem
from ui import settings as opt
from ui.dialogs.form import FormDialog, FormField, Section
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.session.deferred import operations
from ui.translation import REGIONS, effective_language, effective_region, system_language
from ui.widgets.fields import (
    ChoiceField,
    DateField,
    IntField,
    NotesField,
    PathField,
    PercentField,
    SearchCombo,
    TextField,
)

COMMON_CURRENCIES = ["USD", "HNL", "PAB", "EUR", "GTQ", "NIO", "CRC", "MXN", "COP", "DOP"]


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


class PlanDialogs(QObject):
    def __init__(
        self, ctrl: PlanController, formats: Formats, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.formats = formats

    def _fields(self, parent: QWidget) -> list[Section]:
        zones = [
            (z, z)
            for z in sorted(timezones())
            if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/"))
        ] + [("UTC", "UTC")]
        others = sorted(c for c in currency_codes() if c not in COMMON_CURRENCIES)
        currencies = [(c, c) for c in COMMON_CURRENCIES + others]
        countries = [(code, f"{name} ({code})") for code, name in reference.countries()]
        pattern = self.formats.date_pattern()
        country = SearchCombo(countries, self.tr("(not set)"), parent)
        zone = SearchCombo(zones, None, parent)

        def suggest_zone() -> None:
            suggested = reference.default_timezone(country.value() or "")
            if suggested:
                zone.set_value(suggested)

        country.edited.connect(suggest_zone)
        return [
            Section(
                self.tr("The plan"),
                [
                    FormField(
                        "title",
                        self.tr("&Title"),
                        TextField(
                            parent,
                            self.tr("e.g. Training on migration and human rights at borders"),
                        ),
                    ),
                    FormField("city", self.tr("&City"), TextField(parent, "Tegucigalpa", 100)),
                    FormField("country", self.tr("Cou&ntry"), country),
                    FormField(
                        "timezone",
                        self.tr("Time &zone"),
                        zone,
                        self.tr("Agenda times are wall-clock times in this zone."),
                    ),
                    FormField(
                        "start_date",
                        self.tr("&First day"),
                        DateField(parent, display_format=pattern),
                        self.tr("Include arrivals."),
                    ),
                    FormField(
                        "end_date",
                        self.tr("&Last day"),
                        DateField(parent, display_format=pattern),
                        self.tr("Include departures."),
                    ),
                    FormField(
                        "currency", self.tr("C&urrency"), SearchCombo(currencies, None, parent)
                    ),
                ],
            ),
            Section(
                self.tr("Organisation and funding"),
                [
                    FormField("organiser", self.tr("&Organiser"), TextField(parent, "IOM")),
                    FormField(
                        "funding_programme", self.tr("Funding &programme"), TextField(parent)
                    ),
                    FormField("donor", self.tr("&Donor"), TextField(parent)),
                    FormField("notes", self.tr("Not&es"), NotesField(parent)),
                ],
                column=1,
            ),
        ]

    def new_plan(self, parent: QWidget) -> PlanStore | None:
        sections = self._fields(parent)
        path_field = PathField(parent, self.tr("Plans (*.dplan)"))
        sections[0].fields = [
            *sections[0].fields,
            FormField("path", self.tr("&Save as"), path_field, self.tr("One plan is one file.")),
        ]
        today = date.today()
        initial = {
            "title": "",
            "timezone": "America/Tegucigalpa",
            "country": "HN",
            "city": "",
            "currency": "USD",
            "start_date": today + timedelta(days=30),
            "end_date": today + timedelta(days=35),
            "path": str(documents_folder() / (self.tr("New plan") + ".dplan")),
        }
        created: list[PlanStore] = []

        def validate(values: dict[str, Any]) -> list[FieldError]:
            values = dict(values)
            path = values.pop("path")
            errors = operations.validate_plan_values(values)
            problem = new_plan_path_problem(path)
            if problem:
                errors.append(FieldError("path", problem))
            return errors

        def submit(values: dict[str, Any]) -> bool:
            values = dict(values)
            path = values.pop("path")
            try:
                created.append(operations.new_plan(path, values))
            except PlannerError as exc:
                self.ctrl.failed.emit(str(exc))
                return False
            return True

        dialog = FormDialog(
            parent, self.tr("New plan"), sections, validate, submit, initial, self.tr("Create")
        )
        dialog.setObjectName("new_plan_dialog")
        self.last_dialog = dialog
        if dialog.exec() and created:
            return created[0]
        return None

    def edit_details(self, parent: QWidget) -> bool:
        store = self.ctrl.require()
        initial = operations.plan_values(store)
        version = initial.pop("version")
        plan_id = initial.pop("id")
        dialog: FormDialog

        def validate(values: dict[str, Any]) -> list[FieldError]:
            return operations.validate(store, "plan", values, plan_id)

        def submit(values: dict[str, Any]) -> bool:
            changes = dialog.changed_values()
            return not changes or self.ctrl.update("plan", plan_id, changes, version)

        sections = self._fields(parent)
        places = queries.places(store)
        airports = [(c.id, c.label) for c in places if c.detail == PlaceKind.AIRPORT]
        others = [
            (c.id, f"{c.label} ({place_kind_label(c.detail)})")
            for c in places
            if c.detail != PlaceKind.AIRPORT
        ]
        sections[0].fields = [
            *sections[0].fields,
            FormField(
                "arrival_airport_id",
                self.tr("&Arrival airport"),
                SearchCombo(airports + others, self.tr("(none)"), parent),
                self.tr(
                    "Where people land when their ticket names no airport; new arrivals"
                    " start with it. Add airports under Places."
                ),
            ),
        ]
        rates = [
            (r.id, f"{r.location} — {self.formats.amount(r.daily_rate, r.currency)}")
            for r in sorted(queries.per_diem_rates(store), key=lambda r: reference.fold(r.location))
        ]
        per_diem = ChoiceField([(None, self.tr("(none chosen)")), *rates], parent)
        per_diem.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        per_diem.setMinimumContentsLength(12)
        sections.append(
            Section(
                self.tr("Budget rules (rates: Budget page)"),
                [
                    FormField("indirect_rate", self.tr("&Indirect support"), PercentField(parent)),
                    FormField("per_diem_rate_id", self.tr("Per diem &rate"), per_diem),
                    FormField("last_day_share", self.tr("Last da&y paid at"), PercentField(parent)),
                    FormField(
                        "lodging_deduction", self.tr("Lod&ging provided"), PercentField(parent)
                    ),
                    FormField(
                        "breakfast_deduction", self.tr("Brea&kfast provided"), PercentField(parent)
                    ),
                    FormField("lunch_deduction", self.tr("Lunc&h provided"), PercentField(parent)),
                    FormField(
                        "dinner_deduction", self.tr("Dinner pro&vided"), PercentField(parent)
                    ),
                ],
                column=1,
            )
        )
        completion = IntField(parent, 100, " %")
        sections.append(
            Section(
                self.tr("Completion and certificates"),
                [
                    FormField(
                        "completion_percent",
                        self.tr("Co&mpleted with"),
                        completion,
                        self.tr(
                            "A trainee completes the training when present for at least this"
                            " share of the hours of the training, plenary and site-visit"
                            " sessions in their audience (and at every required module)."
                        ),
                    ),
                    FormField(
                        "certificate_prefix",
                        self.tr("Certificate num&bers"),
                        TextField(parent, self.tr("e.g. TEG-2023"), 40),
                        self.tr(
                            "Certificates are numbered TEG-2023-0001, TEG-2023-0002…; a number"
                            " once given is kept. Empty: the city's first letters and the year."
                        ),
                    ),
                ],
                column=1,
            )
        )
        dialog = FormDialog(
            parent,
            self.tr("Plan details"),
            sections,
            validate,
            submit,
            initial,
            self.tr("Save"),
        )
        dialog.setObjectName("plan_details_dialog")
        self.last_dialog = dialog
        return bool(dialog.exec())


class PreferencesDialog(QDialog):
    """Language, formats, files and personal data; applied on OK."""

    def __init__(self, settings: opt.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences_dialog")

        self.language = QComboBox(self)
        for value, label in (
            ("", self.tr("As the system (%s)") % self._system_name()),
            ("en", "English"),
            ("es", "Español"),
        ):
            self.language.addItem(label, value)
        self.region = QComboBox(self)
        self.region.setObjectName("preferences_region")
        self.region.setToolTip(
            self.tr("Whose way of writing dates, times and numbers the window follows")
        )
        self.language.currentIndexChanged.connect(self._fill_regions)
        self.date_format = QComboBox(self)
        for value, label in (
            ("system", self.tr("As the region")),
            ("iso", self.tr("ISO: 2023-11-25")),
            ("day_first", self.tr("Day first: 25/11/2023")),
            ("month_first", self.tr("Month first: 11/25/2023")),
        ):
            self.date_format.addItem(label, value)
        self.time_format = QComboBox(self)
        for value, label in (
            ("system", self.tr("As the region")),
            ("24h", self.tr("24-hour: 14:45")),
            ("12h", self.tr("12-hour: 2:45 PM")),
        ):
            self.time_format.addItem(label, value)
        self.reopen = QCheckBox(self.tr("&Reopen the last plan on start"), self)
        self.poll = QSpinBox(self)
        self.poll.setRange(1, 60)
        self.poll.setSuffix(self.tr(" s"))
        self.hide_personal = QCheckBox(
            self.tr("&Hide identity numbers, birth dates and phone numbers in lists"), self
        )
        self.exports_without_personal = QCheckBox(
            self.tr("Leave them &out of every export (workbooks, PDFs, calendars)"), self
        )

        general = QGroupBox(self.tr("Language and formats"), self)
        form = QFormLayout(general)
        for label, widget in (
            (self.tr("&Language"), self.language),
            (self.tr("Re&gion"), self.region),
            (self.tr("&Dates"), self.date_format),
            (self.tr("&Times"), self.time_format),
        ):
            text = QLabel(label, general)
            text.setBuddy(widget)
            form.addRow(text, widget)
        files = QGroupBox(self.tr("Plans"), self)
        form = QFormLayout(files)
        form.addRow(self.reopen)
        poll_label = QLabel(self.tr("Look for changes made &elsewhere every"), files)
        poll_label.setBuddy(self.poll)
        form.addRow(poll_label, self.poll)
        privacy = QGroupBox(self.tr("Personal data"), self)
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.addWidget(self.hide_personal)
        privacy_layout.addWidget(self.exports_without_personal)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (general, files, privacy):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self.load()

    def _system_name(self) -> str:
        return {"es": "Español", "en": "English"}.get(system_language(), "English")

    def _fill_regions(self, _index: int = -1) -> None:
        """The regions of the chosen language, each with how it writes a date and a time."""
        chosen = self.region.currentData()
        lang = effective_language(self.language.currentData() or "")
        names = {
            "es-HN": "Honduras",
            "es-PA": "Panamá",
            "en-GB": self.tr("United Kingdom"),
            "en-US": self.tr("United States"),
        }
        self.region.clear()
        usual = effective_region(lang)
        self.region.addItem(
            self.tr("Usual for the language (%1)").replace("%1", names.get(usual, usual)), ""
        )
        for code in REGIONS.get(lang, REGIONS["en"]):
            example = Formats(locale=QLocale(code.replace("-", "_")))
            sample = datetime(2023, 11, 25, 14, 45)
            self.region.addItem(
                self.tr("%1: %2, %3")
                .replace("%1", names.get(code, code))
                .replace("%2", example.date(sample.date()))
                .replace("%3", example.time(sample)),
                code,
            )
        self._select(self.region, chosen or "")

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def load(self) -> None:
        s = self.settings
        self._select(self.language, s.get(opt.LANGUAGE))
        self._fill_regions()
        self._select(self.region, s.get(opt.REGION))
        self._select(self.date_format, s.get(opt.DATE_FORMAT))
        self._select(self.time_format, s.get(opt.TIME_FORMAT))
        self.reopen.setChecked(s.get(opt.REOPEN_LAST))
        self.poll.setValue(s.get(opt.POLL_SECONDS))
        self.hide_personal.setChecked(s.get(opt.HIDE_PERSONAL))
        self.exports_without_personal.setChecked(s.get(opt.EXPORTS_WITHOUT_PERSONAL))

    def save(self) -> None:
        s = self.settings
        s.set(opt.LANGUAGE, self.language.currentData())
        s.set(opt.REGION, self.region.currentData() or "")
        s.set(opt.DATE_FORMAT, self.date_format.currentData())
        s.set(opt.TIME_FORMAT, self.time_format.currentData())
        s.set(opt.REOPEN_LAST, self.reopen.isChecked())
        s.set(opt.POLL_SECONDS, self.poll.value())
        s.set(opt.HIDE_PERSONAL, self.hide_personal.isChecked())
        s.set(opt.EXPORTS_WITHOUT_PERSONAL, self.exports_without_personal.isChecked())
        s.sync()


class CopyPlanDialog(QDialog):
    """File ▸ Copy Plan with New Dates: the plan as the template of the next exchange."""

    def __init__(
        self, ctrl: PlanController, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.setWindowTitle(self.tr("Copy the plan with new dates"))
        self.setObjectName("copy_plan_dialog")
        values = operations.plan_values(ctrl.require())
        self.first_day = values["start_date"]
        self.length = (values["end_date"] - values["start_date"]).days
        self.start = DateField(self, display_format=formats.date_pattern())
        self.start.set_value(values["start_date"])
        self.title = TextField(self)
        self.title.set_value(values["title"])
        self.path = PathField(self, self.tr("Plans (*.dplan)"))
        source = ctrl.require().path
        self.path.set_value(str(source.with_name(f"{source.stem} copy.dplan")))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        for label, widget in (
            (self.tr("New &first day"), self.start),
            (self.tr("&Title"), self.title),
            (self.tr("&Save as"), self.path),
        ):
            text = QLabel(label, self)
            text.setBuddy(widget)
            form.addRow(text, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        self.buttons.accepted.connect(self._copy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.formats = formats
        for widget in (self.start, self.title, self.path):
            widget.edited.connect(self._check)
        self.created: PlanStore | None = None
        self._check()

    def _check(self) -> bool:
        start = self.start.value()
        assert start is not None
        shift = (start - self.first_day).days
        end = start + timedelta(days=self.length)
        self.summary.setText(
            self.tr(
                "The copy runs %1 – %2; every session moves by %n day(s) and"
                " keeps its time of day.",
                "",
                shift,
            )
            .replace("%1", self.formats.date(start))
            .replace("%2", self.formats.date(end))
        )
        problem = new_plan_path_problem(self.path.value())
        if not self.title.value().strip():
            problem = self.tr("Give the copy a title.")
        self.error.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        return problem is None

    def _copy(self) -> None:
        if not self._check():
            return
        start = self.start.value()
        assert start is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.created = operations.copy_plan(
                self.ctrl.require(), self.path.value(), start, title=self.title.value()
            )
        except PlannerError as exc:
            self.error.setText(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
