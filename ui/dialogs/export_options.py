"""The Export dialog's parts: the list of kinds (:class:`TwoLineDelegate`, a title over its
description), *For whom* (:class:`ForWhom`: the whole plan, a delegation, a group, a person,
a site visit) and *For its readers* (:class:`ForReaders`: language, date format, personal
data)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from planner import queries
from planner.domain.errors import PlannerError
from planner.domain.i18n import current_language
from planner.domain.labels import PlaceKind, SessionKind
from planner.exports.common import sample_date
from planner.exports.paper import paper_for
from planner.store import PlanStore
from ui import settings as opt
from ui.formats import Formats
from ui.translation import export_locale
from ui.widgets.fields import SearchCombo

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
WHO = ("plan", "delegation", "group", "person", "supplier")


def bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


def usual_locale(lang: str, country: str, region: str = "") -> str:
    """The export's date format: the reader's region chosen in Preferences when it is of the
    export's language, else the plan's country (a plan in Panama writes the month first)."""
    if region and region.startswith(lang):
        return export_locale(region)
    if lang != "es":
        return "en"
    return "es-PA" if country.upper() == "PA" else "es-HN"


def example_date(day: date, locale: str) -> str:
    try:
        return sample_date(day, locale)
    except (PlannerError, ValueError, LookupError):
        return locale


class TwoLineDelegate(QStyledItemDelegate):
    """A list item as a bold title over a muted description, with an optional badge."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        badge = QFont(small)
        badge.setBold(True)
        return title, small, badge

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, small, _badge = self._fonts(option)
        height = QFontMetrics(title).height() + 2 * QFontMetrics(small).lineSpacing() + 14
        return QSize(260, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt_ = QStyleOptionViewItem(option)
        self.initStyleOption(opt_, index)
        title_text = opt_.text
        opt_.text = ""
        widget = opt_.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt_, painter, widget)
        selected = bool(opt_.state & QStyle.StateFlag.State_Selected)
        palette = opt_.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        title, small, badge_font = self._fonts(opt_)
        area = opt_.rect.adjusted(10, 6, -10, -6)
        painter.save()
        badge = index.data(BADGE_ROLE) or ""
        badge_width = 0
        if badge:
            fm_badge = QFontMetrics(badge_font)
            badge_width = fm_badge.horizontalAdvance(badge) + 12
            box = QRect(
                area.right() - badge_width + 1, area.top(), badge_width, fm_badge.height() + 2
            )
            painter.setPen(QColor("#FFB74D"))
            painter.setBrush(QColor("#FFF4E5"))
            painter.drawRoundedRect(box, 3, 3)
            painter.setFont(badge_font)
            painter.setPen(QColor("#663C00"))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), badge)
        fm_title = QFontMetrics(title)
        painter.setFont(title)
        painter.setPen(text_colour)
        title_rect = QRect(
            area.left(), area.top(), area.width() - badge_width - 6, fm_title.height()
        )
        painter.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm_title.elidedText(title_text, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        painter.setFont(small)
        painter.setPen(muted)
        detail_rect = QRect(
            area.left(),
            title_rect.bottom() + 3,
            area.width(),
            area.bottom() - title_rect.bottom() - 2,
        )
        detail = str(index.data(DETAIL_ROLE) or "")
        painter.drawText(
            detail_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            detail,
        )
        painter.restore()


class ForWhom(QGroupBox):
    """For whom: the whole plan, or a delegation, a group or a person (each with its list);
    the site visit of a clearance list; everyone or only the travellers; one file each."""

    def __init__(self, store: PlanStore, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("For whom"))
        self.who = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for i, (name, text) in enumerate(
            (
                ("plan", self.tr("W&hole plan")),
                ("delegation", self.tr("&Delegation:")),
                ("group", self.tr("&Group:")),
                ("person", self.tr("&Person:")),
                ("supplier", self.tr("S&upplier:")),
            )
        ):
            radio = QRadioButton(text, self)
            radio.setObjectName(f"who_{name}")
            self.who.addButton(radio, i)
            self.radios[name] = radio
        self.radios["plan"].setChecked(True)
        self.delegation = QComboBox(self)
        self.delegation.setObjectName("export_delegation")
        self.delegation.setAccessibleName(self.tr("Delegation"))
        for row in queries.delegations(store):
            self.delegation.addItem(
                self.tr("%1 (%2 people)").replace("%1", row.name).replace("%2", str(row.members)),
                row.id,
            )
        self.group = QComboBox(self)
        self.group.setObjectName("export_group")
        self.group.setAccessibleName(self.tr("Group"))
        for group in queries.groups(store):
            text = f"{group.name} — {group.delegation}" if group.delegation else group.name
            self.group.addItem(
                self.tr("%1 (%2 people)").replace("%1", text).replace("%2", str(group.size)),
                group.id,
            )
        self.person = SearchCombo(
            [
                (c.id, f"{c.label} — {c.detail}" if c.detail else c.label)
                for c in queries.choices(store, "person")
            ],
            None,
            self,
        )
        self.person.setObjectName("export_person")
        self.person.setAccessibleName(self.tr("Person"))
        self.person.setToolTip(self.tr("Type part of a name to find a person"))
        # what changed for a supplier: each hotel, the caterer, the transport company
        self.supplier = QComboBox(self)
        self.supplier.setObjectName("export_supplier")
        self.supplier.setAccessibleName(self.tr("Supplier"))
        for place in queries.venues(store):
            if place.kind == PlaceKind.HOTEL:
                self.supplier.addItem(place.name, ("hotel", place.id))
        self.supplier.addItem(self.tr("The caterer"), ("caterer", None))
        self.supplier.addItem(self.tr("The transport company"), ("transport", None))
        self.visit = QComboBox(self)
        self.visit.setObjectName("export_visit")
        for session in queries.sessions(store):
            if session.kind == SessionKind.SITE_VISIT:
                when = f"{formats.weekday_date(session.start.date())} {formats.time(session.start)}"
                self.visit.addItem(f"{when} · {session.title}", session.id)
        self.visit_label = QLabel(self.tr("Site &visit:"), self)
        self.visit_label.setBuddy(self.visit)
        self.everyone = QCheckBox(self.tr("Everyone, not only the people who &travel"), self)
        self.everyone.setObjectName("export_everyone")
        self.everyone.setToolTip(
            self.tr(
                "Without this, only people with a flight or another"
                " journey in the plan get an itinerary."
            )
        )
        self.split = QCheckBox(self)
        self.split.setObjectName("export_split")
        self.attendance = QCheckBox(
            self.tr("Also certificates of attendance, for who came but did not complete"), self
        )
        self.attendance.setObjectName("export_attendance")
        self.attendance.setToolTip(
            self.tr(
                "Certificates of completion go to trainees who completed the training (Plan"
                " Details says how); trainers get one of facilitation."
            )
        )
        who_grid = QGridLayout(self)
        who_grid.setColumnStretch(1, 1)
        who_grid.addWidget(self.radios["plan"], 0, 0, 1, 2)
        for row_index, name, widget in (
            (1, "delegation", self.delegation),
            (2, "group", self.group),
            (3, "person", self.person),
            (4, "supplier", self.supplier),
        ):
            who_grid.addWidget(self.radios[name], row_index, 0)
            who_grid.addWidget(widget, row_index, 1)
        who_grid.addWidget(self.visit_label, 5, 0)
        who_grid.addWidget(self.visit, 5, 1)
        who_grid.addWidget(self.everyone, 6, 0, 1, 2)
        who_grid.addWidget(self.split, 7, 0, 1, 2)
        who_grid.addWidget(self.attendance, 8, 0, 1, 2)


class ForReaders(QGroupBox):
    """For its readers: the language and date format of the export, and whether it leaves out
    personal data (Preferences give the default)."""

    def __init__(self, settings: opt.Settings, country: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("For its readers"))
        self.settings = settings
        self.country = country  # the plan's: its usual date format
        self.language = QComboBox(self)
        self.language.setObjectName("export_language")
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.date_locale = QComboBox(self)
        self.date_locale.setObjectName("export_locale")
        sample = date(2023, 11, 25)
        for code, name in (("es-HN", "Honduras"), ("es-PA", "Panamá"), ("en", self.tr("English"))):
            self.date_locale.addItem(
                self.tr("%1 (%2)").replace("%1", name).replace("%2", example_date(sample, code)),
                code,
            )
        self.date_locale.setToolTip(self.tr("How dates are written: Panama writes the month first"))
        self.paper = QComboBox(self)
        self.paper.setObjectName("export_paper")
        usual = paper_for(country)
        names = {"letter": self.tr("Letter"), "a4": "A4"}
        self.paper.addItem(
            self.tr("%1, as usual in the plan's country").replace("%1", names[usual]), None
        )
        for code, name in names.items():
            self.paper.addItem(name, code)
        self.paper.setToolTip(
            self.tr("Workbooks and PDFs print on it: Letter in most of the Americas, A4 elsewhere")
        )
        self.without_personal = QCheckBox(
            self.tr("Leave out &identity numbers, birth dates and phone numbers"), self
        )
        self.without_personal.setObjectName("export_without_personal")
        self.without_personal.setToolTip(self.tr("The default is set in Edit ▸ Preferences"))
        self.without_personal.setChecked(settings.get(opt.EXPORTS_WITHOUT_PERSONAL))
        reader_form = QFormLayout(self)
        for text, widget in (
            (self.tr("&Language:"), self.language),
            (self.tr("Date for&mat:"), self.date_locale),
            (self.tr("Pape&r:"), self.paper),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            reader_form.addRow(label, widget)
        reader_form.addRow(self.without_personal)
        lang = current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.follow_language(lang)

    def follow_language(self, lang: str | None = None) -> None:
        """The date format usual for ``lang`` (the language chosen unless given) and the
        reader's region."""
        lang = lang or str(self.language.currentData())
        self.date_locale.setCurrentIndex(
            max(
                0,
                self.date_locale.findData(
                    usual_locale(lang, self.country, self.settings.get(opt.REGION))
                ),
            )
        )
