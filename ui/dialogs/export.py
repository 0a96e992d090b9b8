"""File ▸ Export…: every export of the plan in one dialog (what, for whom, in which language and
date format, where), written off the GUI thread with progress and cancel.

The dialog only gathers the choices; ``planner.exports.catalog.run`` writes the files. They are
written into a hidden folder next to the destination and moved into place only when the export
finished and was not cancelled, so a cancelled export never leaves a file behind.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.exports import catalog
from planner.exports.catalog import ExportKind
from planner.exports.common import Cancelled, Job, Options
from planner.exports.destination import check_output
from ui import settings as opt
from ui.dialogs.export_options import (
    BADGE_ROLE,
    DETAIL_ROLE,
    WHO,
    ForReaders,
    ForWhom,
    TwoLineDelegate,
    bold,
)
from ui.formats import Formats
from ui.session.controller import PlanController
from ui.session.worker import Progress, message_of, run_task

ERROR_STYLE = "color: #B00020;"
DONE_STYLE = "color: #1B5E20;"
WARNING_STYLE = "color: #663C00;"


class ExportDialog(QDialog):
    """Choose an export and write it; stays open to write another."""

    def __init__(
        self,
        ctrl: PlanController,
        settings: opt.Settings,
        formats: Formats,
        parent: QWidget | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctrl, self.settings, self.formats = ctrl, settings, formats
        store = ctrl.require()
        self.plan_path = store.path
        self.written: list[Path] = []
        self.last_message = ""
        self._progress: Progress | None = None
        self._suggested = ""  # the path last suggested: any other was chosen by hand
        self._target = Path()
        self._split = False
        self._kind: ExportKind | None = None  # the kind being written
        self._cancel_requested = False
        # injectable for tests: open a folder or file, ask before replacing a file
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.confirm: Callable[[str], bool] = self._confirm
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        summary = queries.summary(store)

        # what
        self.kinds = QListWidget(self)
        self.kinds.setObjectName("export_kinds")
        self.kinds.setItemDelegate(TwoLineDelegate(self.kinds))
        self.kinds.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kinds.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.kinds.setFixedWidth(400)
        self.kinds.setAccessibleName(self.tr("What to export"))
        for k in catalog.KINDS.values():
            item = QListWidgetItem(_(k.label))
            item.setData(Qt.ItemDataRole.UserRole, k.name)
            item.setData(DETAIL_ROLE, _(k.description))
            item.setData(Qt.ItemDataRole.ToolTipRole, _(k.description))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(k.description))
            if k.personal:
                item.setData(BADGE_ROLE, self.tr("Confidential"))
            self.kinds.addItem(item)
        kinds_label = QLabel(self.tr("&What to export"), self)
        kinds_label.setBuddy(self.kinds)
        kinds_label.setFont(bold(kinds_label.font()))

        self.heading = QLabel(self)
        self.heading.setObjectName("export_heading")
        heading_font = bold(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        self.heading.setFont(heading_font)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.personal_note = QLabel(
            self.tr(
                "⚠ Contains personal data (identity numbers, birth dates or phones). Handle it as"
                " confidential: share it only with who needs it, and delete copies after use."
            ),
            self,
        )
        self.personal_note.setObjectName("personal_note")
        self.personal_note.setWordWrap(True)
        self.personal_note.setStyleSheet(
            "QLabel { background: #FFF4E5; color: #663C00; border: 1px solid #FFB74D;"
            " border-radius: 4px; padding: 6px; }"
        )

        # for whom, for which readers
        who_box = ForWhom(store, formats, self)
        self.who, self.radios = who_box.who, who_box.radios
        self.delegation, self.group, self.person = who_box.delegation, who_box.group, who_box.person
        self.supplier = who_box.supplier
        self.visit, self.visit_label = who_box.visit, who_box.visit_label
        self.everyone, self.split = who_box.everyone, who_box.split
        self.attendance = who_box.attendance
        self.readers = ForReaders(settings, summary.country, self)
        self.language, self.date_locale = self.readers.language, self.readers.date_locale
        self.without_personal = self.readers.without_personal
        self.paper = self.readers.paper
        self.without_personal.toggled.connect(self._personal_changed)

        # where
        self.path = QLineEdit(self)
        self.path.setObjectName("export_path")
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setObjectName("export_browse")
        self.path_label = QLabel(self.tr("&Save to:"), self)
        self.path_label.setBuddy(self.path)
        where = QHBoxLayout()
        where.addWidget(self.path_label)
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)

        # result and buttons
        self.status = QLabel(self)
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("Open &Folder"), self)
        self.open_folder.setObjectName("open_folder")
        self.open_file = QPushButton(self.tr("Open F&ile"), self)
        self.open_file.setObjectName("open_file")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(
            self.tr("E&xport"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        self.buttons.rejected.connect(self.reject)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.description)
        right_layout.addWidget(self.personal_note)
        right_layout.addSpacing(4)
        right_layout.addWidget(who_box)
        right_layout.addWidget(self.readers)
        right_layout.addStretch(1)
        right_layout.addLayout(where)
        left = QVBoxLayout()
        left.addWidget(kinds_label)
        left.addWidget(self.kinds, 1)
        self.form = QWidget(self)
        top = QHBoxLayout(self.form)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(left)
        top.addWidget(right, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        result = QHBoxLayout()
        result.addWidget(self.status, 1)
        result.addWidget(self.open_folder)
        result.addWidget(self.open_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(line)
        layout.addLayout(result)
        layout.addWidget(self.buttons)

        # keyboard order: what, for whom, readers, where, then the buttons
        order: list[QWidget] = [
            self.kinds,
            self.radios["plan"],
            self.radios["delegation"],
            self.delegation,
            self.radios["group"],
            self.group,
            self.radios["person"],
            self.person,
            self.radios["supplier"],
            self.supplier,
            self.visit,
            self.everyone,
            self.split,
            self.attendance,
            self.language,
            self.date_locale,
            self.paper,
            self.without_personal,
            self.path,
            self.browse,
            self.open_folder,
            self.open_file,
            self.export_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.who.idToggled.connect(self._who_toggled)
        for combo in (self.delegation, self.group, self.visit, self.supplier):
            combo.currentIndexChanged.connect(lambda _i: self._update())
        self.person.edited.connect(self._update)
        self.split.toggled.connect(lambda _c: self._update())
        self.everyone.toggled.connect(lambda _c: self._update())
        self.language.currentIndexChanged.connect(self._language_changed)
        self.path.textChanged.connect(lambda _t: self._update_button())
        self.browse.clicked.connect(self.choose_path)
        self.open_folder.clicked.connect(self.show_folder)
        self.open_file.clicked.connect(self.show_file)
        self.export_button.clicked.connect(self.start)
        self._show_result(False)
        self.resize(1020, 660)
        wanted = kind or str(settings.get(opt.EXPORT_KIND) or "")
        self.select_kind(wanted if self._row_of(wanted) >= 0 else "")

    # choices
    def _row_of(self, name: str) -> int:
        return next(
            (
                i
                for i in range(self.kinds.count())
                if self.kinds.item(i).data(Qt.ItemDataRole.UserRole) == name
            ),
            -1,
        )

    def select_kind(self, name: str) -> None:
        self.kinds.setCurrentRow(max(0, self._row_of(name)))
        self.kinds.setFocus()

    def kind(self) -> ExportKind | None:
        item = self.kinds.currentItem()
        return catalog.KINDS[item.data(Qt.ItemDataRole.UserRole)] if item is not None else None

    def scope(self) -> str:
        return WHO[max(0, self.who.checkedId())]

    def set_scope(self, who: str, item_id: int | None = None) -> None:
        """Choose for whom (``who`` is one of plan, delegation, group, person)."""
        self.radios[who].setChecked(True)
        combo = {"delegation": self.delegation, "group": self.group, "person": self.person}.get(who)
        if combo is not None and item_id is not None:
            combo.setCurrentIndex(max(0, combo.findData(item_id)))
        self._update()

    def choose_visit(self, session_id: int) -> None:
        """The site visit of a clearance list (the one selected on the Site visits page)."""
        index = self.visit.findData(session_id)
        if index >= 0:
            self.visit.setCurrentIndex(index)

    def options(self) -> Options:
        kind = self.kind()
        options = Options(
            lang=str(self.language.currentData()),
            locale=str(self.date_locale.currentData()),
            personal=not self.without_personal.isChecked(),
            paper=self.paper.currentData(),
        )
        who = self.scope()
        if who == "delegation":
            options.delegation = self.delegation.currentData()
        elif who == "group":
            options.group = self.group.currentData()
        elif who == "person":
            options.person = self.person.value()
        elif who == "supplier" and self.supplier.currentData():
            options.supplier, options.place = self.supplier.currentData()
        options.all = self.everyone.isEnabled() and self.everyone.isChecked()
        options.split = self.split.isEnabled() and self.split.isChecked()
        options.attendance = (
            kind is not None and kind.name == "certificates" and self.attendance.isChecked()
        )
        if kind is not None and kind.needs == "visit":
            options.visit = self.visit.currentData()
        return options

    def target(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def problem(self) -> str:
        """Why the export cannot start yet ("" when it can)."""
        kind = self.kind()
        if kind is None:
            return self.tr("Choose what to export.")
        who = self.scope()
        options = self.options()
        if who == "delegation" and options.delegation is None:
            return self.tr("The plan has no delegation yet.")
        if who == "group" and options.group is None:
            return self.tr("The plan has no group yet.")
        if who == "person" and options.person is None:
            return self.tr("Choose the person.")
        if kind.needs == "visit" and options.visit is None:
            return self.tr(
                "The plan has no site visit yet. Add one on the Site visits page,"
                " with who goes, then export its clearance list."
            )
        if kind.personal_purpose and not options.personal:  # refused as the command line does
            return " ".join(
                (
                    _(kind.personal_purpose),
                    self.tr(
                        "Untick “Leave out identity numbers, birth dates and phone numbers” for"
                        " this"
                        " export."
                    ),
                )
            )
        target = self.target()
        if target is None:
            return self.tr("Choose where to save it.")
        if not target.parent.is_dir():
            return self.tr("The folder %1 does not exist. Choose another.").replace(
                "%1", str(target.parent)
            )
        try:  # never a plan, the plan itself, a device, a pipe, or another extension
            check_output(kind, target, options.split, self.ctrl.store)
        except PlannerError as exc:
            return exc.message
        return ""

    # reacting
    def _kind_changed(self, _row: int) -> None:
        kind = self.kind()
        if kind is None:
            return
        self.heading.setText(_(kind.label))
        self.description.setText(_(kind.description))
        self._personal_changed()
        self._suggested = self.path.text()  # a new kind gets a new name (same folder)
        self._update()

    def _personal_changed(self, _checked: bool = False) -> None:
        kind = self.kind()
        self.personal_note.setVisible(
            kind is not None and kind.personal and not self.without_personal.isChecked()
        )
        self._update_button()  # a paper whose purpose is personal data needs it

    def _language_changed(self, _index: int) -> None:
        self.readers.follow_language()
        self._update()

    def _who_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # a new choice toggles two buttons: update once, for the one chosen
            self._update()

    def _update(self) -> None:
        """Enable what the chosen kind can do, and suggest where to save it."""
        kind = self.kind()
        if kind is None:
            self._update_button()
            return
        allowed = {
            "plan": kind.needs != "delegation",
            **{f: f in kind.filters for f in ("delegation", "group", "person")},
            "supplier": kind.name == "changes",  # what changed for a hotel, caterer, transport
        }
        self.radios["supplier"].setVisible(allowed["supplier"])
        self.supplier.setVisible(allowed["supplier"])
        for name, radio in self.radios.items():
            radio.setEnabled(allowed[name])
        if not allowed[self.scope()]:
            first = next(n for n in WHO if allowed[n])
            self.radios[first].blockSignals(True)
            self.radios[first].setChecked(True)
            self.radios[first].blockSignals(False)
        who = self.scope()
        self.delegation.setEnabled(who == "delegation")
        self.group.setEnabled(who == "group")
        self.person.setEnabled(who == "person")
        self.supplier.setEnabled(who == "supplier")
        visit = kind.needs == "visit"
        self.visit.setVisible(visit)
        self.visit_label.setVisible(visit)
        self.everyone.setVisible(kind.all_option)
        self.everyone.setEnabled(kind.all_option and who != "person")
        self.attendance.setVisible(kind.name == "certificates")
        self.split.setVisible(kind.split_by is not None)
        self.split.setEnabled(kind.split_by is not None and who != "person")
        self.split.setText(
            self.tr("&One file per person, into a folder")
            if kind.split_by == "person"
            else self.tr("&One file per delegation, into a folder")
        )
        self.path_label.setText(
            self.tr("&Save to folder:") if self.options().split else self.tr("&Save to:")
        )
        self._suggest_path()
        self._update_button()

    def _update_button(self) -> None:
        running = self._progress is not None
        problem = self.problem()
        if self.written and not running and (problem or self.target() != self._target):
            self.written = []  # another choice now: the last export's buttons go
            self._show_result(False)
        self.export_button.setEnabled(not running and not problem)
        if problem and not running:
            self._say(problem, error=True)
        elif not running and not self.written:
            self._say("")

    def _folder(self) -> Path:
        target = self.target()
        if target is not None and target.parent.is_dir():
            return target.parent
        remembered = str(self.settings.get(opt.EXPORT_FOLDER) or "")
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return self.plan_path.parent

    def suggested_name(self) -> str:
        """'<plan> itineraries.xlsx', '<plan> itineraries - Ana Paz.xlsx', a folder when split."""
        kind = self.kind()
        if kind is None:
            return ""
        words = self._file_words().get(kind.name, kind.name)
        stem = f"{self.plan_path.stem} {words}"
        who = self.scope()
        combo = {"delegation": self.delegation, "group": self.group, "person": self.person}.get(who)
        if combo is not None and combo.currentIndex() >= 0:
            name = combo.currentText().split(" — ")[0].split(" (")[0]
            stem += f" - {name}"
        stem = catalog.file_name(stem)
        return stem if self.options().split else stem + kind.suffix

    def _suggest_path(self) -> None:
        kind = self.kind()
        if kind is None:
            return
        folder = self._folder()
        target = self.target()
        if target is not None and self.path.text() != self._suggested:
            known = target.suffix.lower() in (".xlsx", ".pdf", ".ics", ".csv")
            stem = target.stem if known else target.name
            # the ending typed, when the export writes it (codes: .xlsx or .csv)
            ending = (
                target.suffix.lower() if target.suffix.lower() in kind.suffixes else kind.suffix
            )
            name = stem if self.options().split else stem + ending
            self.path.setText(str(folder / name))  # the name chosen, with the right suffix
            return
        self._suggested = str(folder / self.suggested_name())
        self.path.setText(self._suggested)

    def _file_words(self) -> dict[str, str]:
        return {
            "schedule": self.tr("schedule"),
            "agenda": self.tr("agenda"),
            "itineraries": self.tr("itineraries"),
            "signin": self.tr("sign-in sheets"),
            "participants": self.tr("participants"),
            "attendance": self.tr("attendance"),
            "manifests": self.tr("manifests"),
            "clearance": self.tr("clearance list"),
            "rooming": self.tr("rooming list"),
            "catering": self.tr("catering"),
            "budget": self.tr("budget"),
            "perdiem": self.tr("per diem"),
            "certificates": self.tr("certificates"),
            "badges": self.tr("badges"),
            "ics": self.tr("calendar"),
            "pdf": self.tr("agenda booklet"),
            "changes": self.tr("changes"),
            "codes": self.tr("badge codes"),
            "register": self.tr("certificate register"),
            "report": self.tr("report"),
            "survey": self.tr("survey form"),
            "dutyofcare": self.tr("duty of care"),
        }

    def choose_path(self) -> None:
        kind = self.kind()
        if kind is None:
            return
        current = self.target() or self._folder() / self.suggested_name()
        if self.options().split:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Write the files into which folder?"), str(current.parent)
            )
            if not folder:
                return
            chosen = Path(folder)
            # an existing folder holding other things gets a folder of its own inside
            if any(chosen.iterdir()):
                chosen = chosen / self.suggested_name()
        else:
            filters = {
                ".xlsx": self.tr("Excel workbooks (*.xlsx)"),
                ".pdf": self.tr("PDF documents (*.pdf)"),
                ".ics": self.tr("Calendar files (*.ics)"),
                ".csv": self.tr("CSV files (*.csv)"),
            }
            path, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Export as"),
                str(current),
                ";;".join(filters[s] for s in kind.suffixes if s in filters)
                or self.tr("All files (*)"),
            )
            if not path:
                return
            chosen = Path(path)
            if chosen.suffix.lower() not in kind.suffixes:
                chosen = chosen.with_name(chosen.name + kind.suffix)
        self.path.setText(str(chosen))

    # writing
    def running(self) -> bool:
        return self._progress is not None

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start(self) -> bool:
        """Write the export in the background; returns False when it did not start."""
        if self.running():
            return False
        problem = self.problem()
        kind, target = self.kind(), self.target()
        if problem or kind is None or target is None:
            self._say(problem, error=True)
            return False
        options = self.options()
        if (
            not options.split
            and target.exists()
            and not self.confirm(
                self.tr("%1 exists already. Replace it?").replace("%1", target.name)
            )
        ):
            return False
        store = self.ctrl.require()
        folder = target.parent
        self.settings.set(opt.EXPORT_FOLDER, str(folder))
        self.settings.set(opt.EXPORT_KIND, kind.name)
        name = kind.name

        def task(progress: Progress) -> tuple[Path, list[Path], list[str]]:
            job = Job(progress, progress.cancelled)
            job.step(0, 1)
            staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder))
            try:
                written = catalog.run(store, name, staging / target.name, options, job)
                if progress.cancelled():
                    raise Cancelled()
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            return staging, written, job.warnings

        self.written = []
        self._cancel_requested = False
        self._show_result(False)
        self._set_running(True)
        self._say(self.tr("Writing %1…").replace("%1", target.name))
        self._target = target
        self._split = options.split
        self._kind = kind
        self._progress = run_task(
            self,
            self.tr("Writing %1…").replace("%1", target.name),
            task,
            self._succeeded,
            self._failed,
        )
        return True

    def cancel(self) -> None:
        """Stop the running export: nothing is written."""
        if self._progress is not None:
            self._cancel_requested = True
            self._progress.cancel()

    def _set_running(self, running: bool) -> None:
        self.form.setEnabled(not running)  # the choices keep their own states underneath
        self.export_button.setEnabled(not running)

    def _succeeded(self, result: tuple[Path, list[Path], list[str]]) -> None:
        staging, written, warnings = result
        self._progress = None
        try:
            if self._cancel_requested:  # cancelled after the last file was written
                self._cancelled()
                return
            final = self._move_into_place(written)
        except PlannerError as exc:
            self._done()
            self._say(self.tr("Not exported: %1").replace("%1", exc.message), error=True)
            return
        except OSError as exc:
            self._done()
            self._say(
                self.tr("The files could not be moved into place: %1").replace("%1", str(exc)),
                error=True,
            )
            return
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.written = final
        self._done()
        if self._split:
            said = self.tr("%n file(s) written to %1", "", len(final)).replace(
                "%1", str(self._target)
            )
        else:
            said = self.tr("Written to %1").replace("%1", str(final[0]))
        # written, but something the user should know (a note for "what changed" not kept)
        self._say("\n".join((said, *warnings)), done=not warnings, warning=bool(warnings))
        self._show_result(True)

    def _move_into_place(self, written: list[Path]) -> list[Path]:
        """Move the finished files where the user asked, once more checked not to be a plan,
        the plan itself or a device (the place may have changed while the export ran)."""
        target = self._target
        store = self.ctrl.store
        if self._kind is not None:
            check_output(self._kind, target, self._split, store)
        if not self._split:
            os.replace(written[0], target)
            return [target]
        return catalog.move_into(written, target, store)

    def _failed(self, exc: BaseException) -> None:
        self._progress = None
        if isinstance(exc, Cancelled) or self._cancel_requested:
            self._cancelled()
            return
        self._done()
        self._say(self.tr("Not exported: %1").replace("%1", message_of(exc)), error=True)

    def _cancelled(self) -> None:
        self._done()
        self._say(self.tr("Cancelled; no file was written."))

    def _done(self) -> None:
        self._set_running(False)
        self._update()

    def _show_result(self, shown: bool) -> None:
        self.open_folder.setVisible(shown)
        self.open_file.setVisible(shown)
        self.open_file.setEnabled(shown and len(self.written) == 1)

    def show_folder(self) -> None:
        if self.written:
            folder = self._target if self._split else self.written[0].parent
            self.open_url(QUrl.fromLocalFile(str(folder)))

    def show_file(self) -> None:
        if len(self.written) == 1:
            self.open_url(QUrl.fromLocalFile(str(self.written[0])))

    def _say(
        self, text: str, error: bool = False, done: bool = False, warning: bool = False
    ) -> None:
        self.last_message = text
        self.status.setText(text)
        self.status.setStyleSheet(
            ERROR_STYLE if error else DONE_STYLE if done else WARNING_STYLE if warning else ""
        )

    def reject(self) -> None:
        if self.running():  # Escape while writing stops the export; the dialog stays
            self.cancel()
            return
        super().reject()
