"""File ▸ Print… and Print Preview…: the calendar's current view (a day by room, or the whole
plan by day) on one landscape page, under a line saying what it is and when it was printed.

``print_to_pdf`` writes the same page to a PDF file without any dialog (tests, scripts).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPainter,
    QPalette,
    QPen,
    QRegion,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from planner import queries
from planner.domain.errors import PlannerError
from ui.formats import Formats
from ui.pages.calendar import CalendarPage
from ui.shell.protocols import Shell
from ui.widgets.timegrid import MIN_LANE, TimeGrid

SHARPNESS = 3  # the grid is drawn at three times its size, about 300 dots per inch on paper
GRID_WIDTH = 1180  # the width the grid is laid out at before it is scaled to the page


def tr(text: str, n: int = -1) -> str:
    # lupdate files these module-level tr() calls under the empty context: look them up there
    return QCoreApplication.translate("", text, None, n)


class PrintGrid(TimeGrid):
    """The calendar's grid for paper: all of it is 'visible', in print colours."""

    def __init__(self) -> None:
        super().__init__()
        palette = QPalette(self.palette())
        for role, colour in (
            (QPalette.ColorRole.Base, "#FFFFFF"),
            (QPalette.ColorRole.Window, "#F2F2F2"),
            (QPalette.ColorRole.Text, "#000000"),
            (QPalette.ColorRole.WindowText, "#000000"),
            (QPalette.ColorRole.Mid, "#9E9E9E"),
            (QPalette.ColorRole.PlaceholderText, "#555555"),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)

    def visibleRegion(self) -> QRegion:  # the headers and the time axis at the very top/left
        return QRegion(self.rect())


def describe_view(page: CalendarPage, formats: Formats) -> str:
    """What the calendar shows: 'Monday 27 November 2023, by room · Group A'."""
    data = page.data
    if page.view_mode.currentData() == "day":
        day = page.current_day() or (data.first_day if data is not None else None)
        text = tr("%1, by room").replace("%1", formats.long_date(day) if day else "")
    elif data is not None:
        text = (
            tr("Whole plan, by day: %1 to %2")
            .replace("%1", formats.date(data.first_day))
            .replace("%2", formats.date(data.last_day))
        )
    else:
        text = tr("Whole plan, by day")
    if page.filter.value() is not None:
        text += " · " + tr("only %1").replace("%1", page.filter.currentText())
    return text


def paint_calendar(
    painter: QPainter,
    area: QRectF,
    page: CalendarPage,
    title: str,
    formats: Formats,
    printed: datetime | None = None,
) -> None:
    """Draw the header and the page's current grid, scaled to fit ``area``."""
    printed = printed or datetime.now()
    base = QFont(page.font())
    title_font = QFont(base)
    title_font.setPointSizeF(13)
    title_font.setBold(True)
    small = QFont(base)
    small.setPointSizeF(9)
    fm_title = QFontMetricsF(title_font, painter.device())
    fm_small = QFontMetricsF(small, painter.device())
    when = (
        tr("Printed %1 %2")
        .replace("%1", formats.date(printed.date()))
        .replace("%2", formats.time(printed))
    )
    painter.save()
    painter.setPen(QColor("#000000"))
    painter.setFont(small)
    when_width = fm_small.horizontalAdvance(when)
    painter.drawText(
        QRectF(area.right() - when_width, area.top(), when_width, fm_title.height()),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        when,
    )
    painter.setFont(title_font)
    title_width = area.width() - when_width - fm_small.averageCharWidth() * 3
    painter.drawText(
        QRectF(area.left(), area.top(), title_width, fm_title.height()),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        fm_title.elidedText(title, Qt.TextElideMode.ElideRight, title_width),
    )
    y = area.top() + fm_title.height() + fm_small.height() * 0.2
    painter.setFont(small)
    what = tr("Calendar: %1").replace("%1", describe_view(page, formats))
    painter.drawText(
        QRectF(area.left(), y, area.width(), fm_small.height()),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        fm_small.elidedText(what, Qt.TextElideMode.ElideRight, area.width()),
    )
    y += fm_small.height() * 1.5
    painter.setPen(QPen(QColor("#9E9E9E"), max(1.0, fm_small.height() / 20)))
    painter.drawLine(
        QRectF(area.left(), y, area.width(), 0).topLeft(),
        QRectF(area.left(), y, area.width(), 0).topRight(),
    )
    grid_area = QRectF(
        area.left(),
        y + fm_small.height() * 0.5,
        area.width(),
        area.bottom() - y - fm_small.height() * 0.5,
    )
    image = grid_image(page, grid_area.width() / grid_area.height())
    target = QRectF(
        grid_area.topLeft(),
        image.deviceIndependentSize().scaled(grid_area.size(), Qt.AspectRatioMode.KeepAspectRatio),
    )
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
    painter.restore()


def grid_image(page: CalendarPage, aspect: float) -> QImage:
    """The page's grid laid out for paper of this width/height: every lane and the whole
    day from the first to the last session, no scrolling."""
    grid = PrintGrid()
    source = page.grid
    grid.set_formats(source.formats)
    if source.data is not None:
        grid.set_content(source.data, source.columns, source.blocks, source.by_room)
    grid.colour_by_module = source.colour_by_module
    lanes = max(1, len(grid.columns))
    width = max(GRID_WIDTH, grid.axis + lanes * MIN_LANE)
    height = max(300, int(width / aspect))
    span = max(60, grid.last_minute - grid.first_minute)
    grid.pixels_per_minute = (height - 52) / span  # HEADER and the last line's room
    grid.resize(width, height)
    grid._layout()
    image = QImage(grid.width() * SHARPNESS, grid.height() * SHARPNESS, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(SHARPNESS)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    grid.render(painter, QPoint(0, 0), QRegion(QRect(0, 0, grid.width(), grid.height())))
    painter.end()
    grid.deleteLater()
    return image


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    return printer


def print_page(printer: QPrinter, page: CalendarPage, title: str, formats: Formats) -> None:
    """Print the calendar page on ``printer`` (already set up: a printer, a PDF file...)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PlannerError(
            tr("The printer could not be started. Check that it is connected and try again.")
        )
    try:
        rect = printer.pageRect(QPrinter.Unit.DevicePixel)
        paint_calendar(painter, QRectF(0, 0, rect.width(), rect.height()), page, title, formats)
    finally:
        painter.end()


def print_to_pdf(page: CalendarPage, path: str | Path, title: str, formats: Formats) -> Path:
    """Write the calendar page to a PDF file (no dialog)."""
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Delegation Planner")
    print_page(printer, page, title, formats)
    return Path(path)


class CalendarPrinting:
    """The window's printing: the calendar page, built and up to date, on paper."""

    def __init__(self, window: Shell) -> None:
        self.window = window
        self.printer: QPrinter | None = None  # kept, so the next print uses the same choices

    def page(self) -> CalendarPage:
        page = self.window.pages["calendar"]
        assert isinstance(page, CalendarPage)
        if page.data is None or page.freshness.stale:
            page.refresh()
        return page

    def title(self) -> str:
        return queries.summary(self.window.ctrl.require()).title

    def _printer(self) -> QPrinter:
        if self.printer is None:
            self.printer = new_printer()
        self.printer.setDocName(self.title())
        return self.printer

    def print_dialog(self, parent: QWidget | None = None) -> bool:
        """File ▸ Print…: choose the printer, then print."""
        printer = self._printer()
        dialog = QPrintDialog(printer, parent or self.window.window())
        dialog.setWindowTitle(tr("Print the calendar"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        try:
            print_page(printer, self.page(), self.title(), self.window.formats)
        except PlannerError as exc:
            self.window.show_error(str(exc), tr("Not printed"))
            return False
        return True

    def preview_dialog(self, parent: QWidget | None = None) -> QPrintPreviewDialog:
        """File ▸ Print Preview…: the page as it will print, with a Print button."""
        dialog = QPrintPreviewDialog(self._printer(), parent or self.window.window())
        dialog.setWindowTitle(tr("Print preview: calendar"))
        dialog.paintRequested.connect(self.print_on)
        dialog.resize(1100, 720)
        return dialog
