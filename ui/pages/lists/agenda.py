"""The list pages of the agenda: sessions, and the curriculum (modules and the times trainers
are unavailable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from planner import queries
from planner.domain import labels
from ui.models.table import Column
from ui.pages.lists.columns import ListPages
from ui.pages.lists.panel import ListPage


class AgendaPages(ListPages):
    """Sessions and Curriculum."""

    def pages(self) -> dict[str, Callable[[], ListPage]]:
        return {
            "sessions": self.sessions,
            "curriculum": self.curriculum,
        }

    def sessions(self) -> ListPage:
        fmt = self.fmt
        columns = [
            Column(
                "date",
                self.tr("Date"),
                lambda r: fmt.weekday_date(r.start.date()),
                sort=lambda r: r.start.isoformat(),
                width=15,
            ),
            Column(
                "start",
                self.tr("Start"),
                lambda r: fmt.time(r.start),
                sort=lambda r: r.start.timetz().isoformat(),
                width=self.fmt.time_width(),
            ),
            Column(
                "end",
                self.tr("End"),
                lambda r: fmt.time(r.end),
                sort=lambda r: r.end.isoformat(),
                width=self.fmt.time_width(),
            ),
            Column("title", self.tr("Title"), lambda r: r.title, width=40),
            Column("kind", self.tr("Kind"), lambda r: labels.kind_label(r.kind), width=12),
            Column("room", self.tr("Room"), lambda r: r.room or r.location, width=16),
            Column("venue", self.tr("Venue"), lambda r: r.venue, hidden=True),
            self.count("audience_size", self.tr("People"), 8),
            Column("audience", self.tr("Audience"), lambda r: r.audience, width=28),
            Column("facilitators", self.tr("Facilitators"), lambda r: r.facilitators),
        ]
        return self.f.single(
            "session",
            self.tr("Sessions"),
            columns,
            queries.sessions,
            {
                "agenda_session",
                "room",
                "venue",
                "session_audience",
                "session_facilitator",
                "participant_group",
                "group_member",
                "delegation",
                "person",
            },
        )

    def curriculum(self) -> ListPage:
        fmt = self.fmt
        page = ListPage()
        module_columns = [
            self.count("number", self.tr("No."), 5),
            Column(
                "title", self.tr("Module"), lambda r: r.title, colour=lambda r: r.colour, width=44
            ),
            Column(
                "duration",
                self.tr("Duration"),
                lambda r: (
                    self.tr("%1 h %2 min")
                    .replace("%1", str(r.duration_minutes // 60))
                    .replace("%2", f"{r.duration_minutes % 60:02d}")
                ),
                sort=lambda r: r.duration_minutes,
                numeric=True,
                width=10,
            ),
            Column("trainers", self.tr("Trainers"), lambda r: r.trainers, width=30),
            self.count("sessions", self.tr("Sessions")),
            self.count("room_size", self.tr("Seats needed")),
            Column("equipment", self.tr("Equipment"), lambda r: r.equipment),
        ]
        unavailable_columns = [
            Column("person", self.tr("Person"), lambda r: r.person, width=26),
            Column(
                "from",
                self.tr("From"),
                lambda r: f"{fmt.weekday_date(r.start.date())} {fmt.time(r.start)}",
                sort=lambda r: r.start.isoformat(),
                width=22,
            ),
            Column(
                "until",
                self.tr("Until"),
                lambda r: f"{fmt.weekday_date(r.end.date())} {fmt.time(r.end)}",
                sort=lambda r: r.end.isoformat(),
                width=22,
            ),
            Column("note", self.tr("Note"), lambda r: r.note),
        ]
        modules = self.f.panel(
            page,
            "module",
            self.tr("Curriculum"),
            module_columns,
            queries.modules,
            {"module", "module_trainer", "person", "agenda_session"},
        )
        unavailable = self.f.panel(
            page,
            "unavailability",
            self.tr("Unavailable times"),
            unavailable_columns,
            queries.unavailabilities,
            {"unavailability", "person", "plan"},
            heading_level=2,
        )
        page.panels.extend([modules, unavailable])
        hint = QLabel(
            self.tr(
                "Trainers' unavailable times are respected by the rotation"
                " generator (Calendar ▸ Generate rotation…)."
            ),
            page,
        )
        hint.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(modules)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bottom_layout.addWidget(unavailable, 1)
        bottom_layout.addWidget(hint)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        return page
