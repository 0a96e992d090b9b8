"""The welcome page: what the window shows when no plan is open (new, open, shared, demo and
the recent plans)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME
from planner.store import address_parts, is_address
from ui.shell.navigation import icon
from ui.shell.plan_files import PlanFiles


class WelcomePage(QWidget):
    """What the window shows when no plan is open."""

    def __init__(self, files: PlanFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(APP_NAME, self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Plan exchange visits and trainings in one file: delegations, people, groups, rooms"
                " and the agenda."
            ),
            self,
        )
        intro.setWordWrap(True)
        new = QPushButton(self.tr("&New plan…"), self)
        new.clicked.connect(files.new_plan)
        open_ = QPushButton(self.tr("&Open a plan…"), self)
        open_.clicked.connect(files.open_dialog)
        shared = QPushButton(self.tr("Open a &shared plan (on a server)…"), self)
        shared.setObjectName("welcome_shared")
        shared.clicked.connect(files.open_shared_dialog)
        demo = QPushButton(self.tr("Try the &demo plan (Tegucigalpa 2023)…"), self)
        demo.clicked.connect(files.new_demo)
        self.recent_title = QLabel(self.tr("Recent plans"), self)
        bold = self.recent_title.font()
        bold.setBold(True)
        self.recent_title.setFont(bold)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_list")
        self.recent.setAccessibleName(self.tr("Recent plans"))
        self.recent.itemActivated.connect(
            lambda item: files.open_path(item.data(Qt.ItemDataRole.UserRole))
        )
        column = QVBoxLayout()
        column.addStretch(1)
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(72, 72))
        column.addWidget(logo)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        for button in (new, open_, shared, demo):
            button.setMinimumHeight(34)
            column.addWidget(button)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 1)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)
        files.recent_changed.connect(self.refresh)

    def refresh(self, recent: list[str]) -> None:
        self.recent.clear()
        for path in recent:
            if is_address(path):  # a shared plan: its database and server
                database, server = address_parts(path)
                item = QListWidgetItem(
                    self.tr("%1  —  shared, on %2").replace("%1", database).replace("%2", server)
                )
                item.setData(Qt.ItemDataRole.UserRole, path)
                item.setToolTip(path)
                self.recent.addItem(item)
                continue
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip(self.tr("%s (not found)") % path)
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))
