"""Overview: the plan at a glance (dates, place, counts, people by sex and delegation)."""

from __future__ import annotations

import html
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner import queries
from planner.domain import labels, reference
from planner.domain.labels import ROLE_LABELS
from planner.queries.changes import changes_since
from planner.queries.snapshot import LOGISTICS, Snapshot
from planner.rules.today import Today, today
from planner.store import Change, PlanStore
from ui.formats import Formats
from ui.pages.refresh import RefreshWhenShown
from ui.session.controller import PlanController
from ui.session.worker import Progress, message_of, run_quietly
from ui.widgets.charts import BarChart

SEX_COLOURS = {"female": "#B07AA1", "male": "#4E79A7", "other": "#EDC948", "unknown": "#BAB0AC"}


class Card(QFrame):
    """A big number with its label; clicking it opens the matching page."""

    clicked = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.number = QLabel("—", self)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.label = QLabel(label, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        self.setAccessibleName(label)

    def set_value(self, text: str) -> None:
        self.number.setText(text)
        self.setAccessibleDescription(f"{self.label.text()}: {text}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class OverviewPage(QScrollArea):
    navigate = Signal(str)  # a page name
    edit_plan = Signal()

    def __init__(
        self, ctrl: PlanController, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctrl = ctrl
        self.formats = formats
        self.freshness = RefreshWhenShown(self, self.refresh)  # every change may show here
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)

        self.title = QLabel(body)
        self.title.setObjectName("plan_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where_when = QLabel(body)
        self.where_when.setObjectName("where_when")
        self.where_when.setWordWrap(True)
        self.funding = QLabel(body)
        self.funding.setWordWrap(True)
        self.funding.setStyleSheet("color: palette(dark);")
        edit = QPushButton(self.tr("Edit plan &details…"), body)
        edit.clicked.connect(self.edit_plan)

        head = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.where_when)
        texts.addWidget(self.funding)
        head.addLayout(texts, 1)
        head.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)

        # during the plan's days: who lands and leaves today, the road, the visit, the hotels
        self.today_override: date | None = None  # a day to show as today (tests, demos)
        self._today_task: Progress | None = None  # the Today box being read
        self.today_box = QGroupBox(self.tr("Today"), body)
        self.today_box.setObjectName("today")
        self.today_text = QLabel(self.today_box)
        self.today_text.setObjectName("today_text")
        self.today_text.setWordWrap(True)
        self.today_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.today_box).addWidget(self.today_text)
        self.today_box.hide()

        self.cards: dict[str, Card] = {}
        cards = QHBoxLayout()
        for key, label, page in (
            ("days", self.tr("Days"), "calendar"),
            ("delegations", self.tr("Delegations"), "delegations"),
            ("people", self.tr("People"), "people"),
            ("groups", self.tr("Groups"), "groups"),
            ("rooms", self.tr("Rooms"), "venues"),
            ("sessions", self.tr("Sessions"), "sessions"),
        ):
            card = Card(label, body)
            card.setObjectName(f"card_{key}")
            card.clicked.connect(lambda page=page: self.navigate.emit(page))
            self.cards[key] = card
            cards.addWidget(card)

        self.by_sex = BarChart(body)
        self.by_delegation = BarChart(body)
        self.by_role = BarChart(body)
        self.by_day = BarChart(body)
        charts = QGridLayout()
        for i, (title, chart) in enumerate(
            (
                (self.tr("People by sex"), self.by_sex),
                (self.tr("People by delegation"), self.by_delegation),
                (self.tr("People by role"), self.by_role),
                (self.tr("Sessions per day"), self.by_day),
            )
        ):
            box = QGroupBox(title, body)
            chart.setAccessibleName(title)
            QVBoxLayout(box).addWidget(chart)
            charts.addWidget(box, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)

        self.footer = QLabel(body)
        self.footer.setObjectName("last_change")
        self.footer.setStyleSheet("color: palette(dark);")

        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.today_box)
        layout.addLayout(cards)
        layout.addLayout(charts)
        layout.addStretch(1)
        layout.addWidget(self.footer)

    def active_panel(self) -> None:
        return None

    def on_changed(self, change: Change | None) -> None:
        self.freshness.changed(change)

    def refresh(self) -> None:
        store = self.ctrl.store
        self.freshness.stale = False
        if store is None:
            return
        sm = queries.summary(store)
        fmt = self.formats
        self.title.setText(sm.title)
        place = ", ".join(p for p in (sm.city, reference.country_name(sm.country)) if p)
        offset = ZoneInfo(sm.timezone).utcoffset(datetime.combine(sm.start, time(12)))
        hours = int(offset.total_seconds() // 3600) if offset is not None else 0
        zone = f"{sm.timezone} (UTC{hours:+d})".replace("-", "−")
        days = self.tr("%n day(s)", "", sm.days)
        self.where_when.setText(
            " · ".join(
                p
                for p in (
                    place,
                    f"{fmt.weekday_date(sm.start)} – {fmt.weekday_date(sm.end)}",
                    days,
                    zone,
                    sm.currency,
                )
                if p
            )
        )
        parts = []
        if sm.organiser:
            parts.append(self.tr("Organised by %s") % sm.organiser)
        if sm.funding_programme:
            parts.append(sm.funding_programme)
        if sm.donor:
            parts.append(self.tr("Funded by %s") % sm.donor)
        self.funding.setText(" · ".join(parts))
        self.funding.setVisible(bool(parts))
        values = {"days": sm.days, **sm.counts}
        for key, card in self.cards.items():
            card.set_value(fmt.number(values[key]))
        left = sm.counts.get("people_left", 0)
        self.cards["people"].setToolTip(
            self.tr(
                "%n taking part; %1 more declined, were replaced or cancelled (People list,"
                " Status)",
                "",
                sm.counts["people"],
            ).replace("%1", fmt.number(left))
            if left
            else ""
        )
        self.by_sex.set_bars(
            [
                (labels.sex_label(None if key == "unknown" else key), n, SEX_COLOURS[key])
                for key, n in sm.people_by_sex.items()
                if n or key in ("female", "male")
            ],
            fmt.number,
        )
        self.by_delegation.set_bars(
            [(d["name"], d["members"], d["colour"]) for d in sm.delegations], fmt.number
        )
        self.by_role.set_bars(
            sorted(
                (
                    (labels.role_label(role), n, "#76B7B2")
                    for role, n in sm.people_by_role.items()
                    if role in ROLE_LABELS
                ),
                key=lambda b: -b[1],
            ),
            fmt.number,
        )
        self.by_day.set_bars(
            [(fmt.weekday_date(day), n, "#F28E2B") for day, n in sm.sessions_by_day.items()],
            fmt.number,
        )
        self._show_today(store, sm.start, sm.end, ZoneInfo(sm.timezone))
        if sm.last_change_at is not None:
            local = sm.last_change_at.astimezone()
            self.footer.setText(
                self.tr("Change no. %1, by %2 on %3 at %4")
                .replace("%1", fmt.number(sm.change_number))
                .replace("%2", sm.last_change_by)
                .replace("%3", fmt.date(local.date()))
                .replace("%4", fmt.time(local))
            )

    def _show_today(self, store: PlanStore, first: date, last: date, zone: ZoneInfo) -> None:
        """The Today box, during the plan's days only; read off the GUI thread (a plan of
        many cohorts takes a moment), shown when ready."""
        if self._today_task is not None:
            self._today_task.cancel()  # a newer change asks again
            self._today_task = None
        day = self.today_override or datetime.now(zone).date()
        if not first <= day <= last:
            self.today_box.hide()
            return
        since = datetime.combine(day - timedelta(days=1), time(0), zone)

        def task(_progress: Progress) -> tuple[Today, list[tuple[datetime, str, str]]]:
            return today(Snapshot.read(store, {LOGISTICS}), day), changes_since(store, since, 5)

        def failed(exc: BaseException) -> None:
            if self.ctrl.store is store:  # not a plan closed meanwhile
                self.today_text.setText(
                    html.escape(
                        self.tr("Today could not be read: %1").replace("%1", message_of(exc))
                    )
                )

        self._today_task = run_quietly(
            task, lambda found: self._fill_today(store, day, *found), failed
        )

    def _fill_today(
        self,
        store: PlanStore,
        day: date,
        t: Today,
        changed: list[tuple[datetime, str, str]],
    ) -> None:
        if self.ctrl.store is not store:  # closed, or another plan opened meanwhile
            return
        self._today_task = None
        fmt = self.formats

        def people(n: int) -> str:
            return self.tr("%n person(s)", "", n)

        def trips(items: list[tuple[datetime, str, str]]) -> str:
            return "; ".join(f"{fmt.time(at)} {who} ({flight})" for at, who, flight in items)

        lines = [
            (self.tr("Landing"), trips(t.landing)),
            (self.tr("Leaving"), trips(t.leaving)),
            (
                self.tr("On the road"),
                "; ".join(f"{fmt.time(at)} {what} ({people(n)})" for at, what, n in t.rides),
            ),
            (self.tr("Site visit"), "; ".join(f"{what} ({people(n)})" for what, n in t.visits)),
            (self.tr("Tonight"), "; ".join(f"{hotel}: {people(n)}" for hotel, n in t.hotels)),
            (
                self.tr("Taking part from today"),
                "; ".join(
                    self.tr("%1 (in place of %2)").replace("%1", who).replace("%2", old)
                    if old
                    else who
                    for who, old in t.joining
                ),
            ),
            (self.tr("No longer taking part"), "; ".join(t.gone)),
            (
                self.tr("Changed since yesterday"),
                "; ".join(f"{fmt.time(at)} {who}: {what}" for at, who, what in changed),
            ),
        ]
        # who joins or leaves: said only on the days someone does
        rare = (self.tr("Taking part from today"), self.tr("No longer taking part"))
        lines = [(label, text) for label, text in lines if text or label not in rare]
        self.today_box.setTitle(self.tr("Today, %1").replace("%1", fmt.weekday_date(day)))
        self.today_text.setText(
            "<br>".join(
                f"<b>{html.escape(label)}:</b> {html.escape(text or '—')}" for label, text in lines
            )
        )
        self.today_box.show()
